//! What a handler returns, and the MISP-shaped errors.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use jisr_core::CoreError;
use serde_json::{Value, json};

pub enum Payload {
    Json(Value),
    Text {
        body: String,
        content_type: &'static str,
    },
}

pub struct Reply {
    pub status: StatusCode,
    pub payload: Payload,
    pub headers: HeaderMap,
    /// Events whose content a search or index showed: each is a read the
    /// audit log records.
    pub events_shown: Vec<i64>,
}

impl Reply {
    pub fn json(v: Value) -> Reply {
        Reply {
            status: StatusCode::OK,
            payload: Payload::Json(v),
            headers: HeaderMap::new(),
            events_shown: vec![],
        }
    }
    pub fn text(body: String, content_type: &'static str) -> Reply {
        Reply {
            status: StatusCode::OK,
            payload: Payload::Text { body, content_type },
            headers: HeaderMap::new(),
            events_shown: vec![],
        }
    }
    pub fn header(mut self, name: &'static str, value: &str) -> Reply {
        if let Ok(v) = HeaderValue::from_str(value) {
            self.headers.insert(name, v);
        }
        self
    }
    pub fn showing(mut self, events: Vec<i64>) -> Reply {
        self.events_shown = events;
        self
    }
    /// MISP's answer to a successful save or delete.
    pub fn saved(message: &str, url: &str, id: Option<i64>) -> Reply {
        let mut v = json!({"saved": true, "success": true, "name": message, "message": message, "url": url});
        if let (Some(id), Some(m)) = (id, v.as_object_mut()) {
            m.insert("id".into(), Value::String(id.to_string()));
        }
        Reply::json(v)
    }
}

/// An error as the API reports it: a status and MISP's JSON error body.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    pub errors: Option<Value>,
    pub location: Option<String>,
    /// The request failed authentication (counts towards a lockout).
    pub auth_failure: bool,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            errors: None,
            location: None,
            auth_failure: false,
        }
    }
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn body(&self, url: &str) -> Value {
        let mut v = json!({"name": self.message, "message": self.message, "url": url});
        if let Some(m) = v.as_object_mut() {
            if self.status == StatusCode::FORBIDDEN || self.errors.is_some() {
                m.insert("saved".into(), Value::Bool(false));
            }
            m.insert(
                "errors".into(),
                self.errors
                    .clone()
                    .unwrap_or_else(|| Value::String(self.message.clone())),
            );
        }
        v
    }
}

impl From<CoreError> for ApiError {
    fn from(e: CoreError) -> ApiError {
        let message = e.to_string();
        match e {
            CoreError::NotFound(_) => ApiError::new(StatusCode::NOT_FOUND, message),
            CoreError::Forbidden(_) | CoreError::Unauthenticated(_) => {
                ApiError::new(StatusCode::FORBIDDEN, message)
            }
            CoreError::Invalid(_) => ApiError::new(StatusCode::FORBIDDEN, message),
            CoreError::Validation { errors, .. } => ApiError {
                status: StatusCode::FORBIDDEN,
                message,
                errors: Some(errors),
                location: None,
                auth_failure: false,
            },
            CoreError::Exists { location, .. } => ApiError {
                status: StatusCode::NOT_FOUND,
                message,
                errors: None,
                location: Some(location),
                auth_failure: false,
            },
            CoreError::Store(jisr_store::StoreError::NotFound(_)) => {
                ApiError::new(StatusCode::NOT_FOUND, message)
            }
            CoreError::Store(jisr_store::StoreError::Conflict(_)) => {
                ApiError::new(StatusCode::CONFLICT, message)
            }
            CoreError::Store(_) | CoreError::Internal(_) => {
                ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
            }
        }
    }
}

impl From<jisr_store::StoreError> for ApiError {
    fn from(e: jisr_store::StoreError) -> ApiError {
        CoreError::from(e).into()
    }
}

pub type ApiResult = Result<Reply, ApiError>;
