//! The one error type of the service layer. The server maps each variant to
//! an HTTP status; the CLI prints the message.

use jisr_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// The thing asked for does not exist, or the actor may not know it does.
    #[error("{0}")]
    NotFound(String),
    /// Authenticated, but not allowed to do this.
    #[error("{0}")]
    Forbidden(String),
    /// No or a wrong credential.
    #[error("{0}")]
    Unauthenticated(String),
    /// The request is understood but its content is wrong; says what and where.
    #[error("{0}")]
    Invalid(String),
    /// Field-level validation failures, as MISP reports them
    /// (`{"value": ["A similar attribute already exists for this event."]}`).
    #[error("{message}")]
    Validation {
        message: String,
        errors: serde_json::Value,
    },
    /// The object exists already (MISP answers with its location).
    #[error("{message}")]
    Exists { message: String, location: String },
    /// A fault of jisr itself, not of the request or the database.
    #[error("{0}")]
    Internal(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

pub type Result<T> = std::result::Result<T, CoreError>;

pub fn not_found(what: impl Into<String>) -> CoreError {
    CoreError::NotFound(what.into())
}
pub fn forbidden(what: impl Into<String>) -> CoreError {
    CoreError::Forbidden(what.into())
}
pub fn invalid(what: impl Into<String>) -> CoreError {
    CoreError::Invalid(what.into())
}

/// A validation error on one field, in MISP's shape.
pub fn field_error(message: &str, field: &str, reason: &str) -> CoreError {
    CoreError::Validation {
        message: message.into(),
        errors: serde_json::json!({ field: [reason] }),
    }
}

/// MISP's words for a missing permission; clients match on them.
pub const NO_PERMISSION: &str = "You do not have permission to use this functionality.";

pub fn no_permission() -> CoreError {
    CoreError::Forbidden(NO_PERMISSION.into())
}
