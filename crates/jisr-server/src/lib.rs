//! The HTTP face of jisr: MISP's REST API over axum. Knows HTTP and MISP's
//! URL conventions; asks jisr-core for every decision and never speaks SQL.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod call;
mod dispatch;
mod handlers;
mod path;
mod reply;
mod routes;

use std::sync::Arc;

use axum::Router;
use jisr_store::Store;

pub use dispatch::handle;
pub use jisr_core::guard::AuthGuard;

/// Settings of the HTTP server itself.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Largest accepted request body, in bytes.
    pub max_body_bytes: usize,
    /// The version reported to clients (`servers/getVersion`): a MISP 2.5 version.
    pub misp_version: String,
    /// Failed authentications from one address before it is locked out.
    pub auth_max_failures: u32,
    /// How long a lockout lasts, in seconds.
    pub auth_lockout_seconds: u64,
    /// The base URL this instance is reached at, when no `MISP.baseurl` is set.
    pub public_url: String,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            max_body_bytes: 64 * 1024 * 1024,
            misp_version: "2.5.2".into(),
            auth_max_failures: 20,
            auth_lockout_seconds: 600,
            public_url: String::new(),
        }
    }
}

/// Everything a request needs, shared by all requests.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    /// Key for API-key digests; never stored in the database.
    pub secret: Arc<Vec<u8>>,
    pub config: Arc<ServerConfig>,
    /// Reference lists of known-benign values, loaded at start.
    pub warninglists: Arc<jisr_core::warninglists::Warninglists>,
    pub guard: Arc<AuthGuard>,
}

pub fn router(state: AppState) -> Router {
    Router::new().fallback(dispatch::handle).with_state(state)
}
