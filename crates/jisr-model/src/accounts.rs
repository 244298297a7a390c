//! Web console accounts: passwords, browser sessions and set-password links.
//! Secrets (session tokens, link tokens) are never stored in clear: only a
//! keyed digest, as for API keys.

/// A user's console password and its failed-login counter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasswordRecord {
    pub user_id: i64,
    /// An argon2 PHC string; empty when no password has been set.
    pub hash: String,
    /// Failed logins since the last success.
    pub failed: i64,
    /// Seconds since the epoch until which logins are refused (0: not locked).
    pub locked_until: i64,
    pub changed: i64,
}

/// A logged-in browser: the cookie carries a random token, the store its digest.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WebSession {
    pub digest: String,
    pub user_id: i64,
    pub created: i64,
    pub expires: i64,
}

/// A one-time link an administrator issues so a user can set a password.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PasswordLink {
    pub digest: String,
    pub user_id: i64,
    /// The administrator who issued it.
    pub created_by: i64,
    pub created: i64,
    pub expires: i64,
}
