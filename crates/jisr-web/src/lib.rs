//! The analyst console: server-rendered Arabic/English HTML over the same
//! service layer as the REST API. Every page builds the same `Actor` the API
//! builds, reads through jisr-core's scoped functions, and every write runs
//! through jisr-core in one transaction with its audit entry. Templates,
//! translations and assets are embedded; nothing is fetched at run time.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod assets;
mod ctx;
pub mod hijri;
mod i18n;
mod markdown;
mod pages;
mod render;

use std::sync::Arc;

use axum::Router;
use jisr_store::Store;

pub use i18n::Lang;

/// What the console shares between requests.
#[derive(Clone)]
pub struct WebState {
    pub store: Arc<dyn Store>,
    /// The instance secret (digests of session and link tokens, CSRF tokens).
    pub secret: Arc<Vec<u8>>,
    /// Mark cookies `Secure` even without `X-Forwarded-Proto: https`
    /// (the instance is served over TLS).
    pub tls: bool,
    pub(crate) ui: Arc<render::Ui>,
    /// Failed logins per address (shared with the API's failed keys when
    /// the binary hands in the API's guard).
    pub guard: Arc<jisr_core::guard::AuthGuard>,
}

impl WebState {
    pub fn new(store: Arc<dyn Store>, secret: Arc<Vec<u8>>, tls: bool) -> Result<WebState, String> {
        Ok(WebState {
            store,
            secret,
            tls,
            ui: Arc::new(render::Ui::load()?),
            guard: Arc::new(jisr_core::guard::AuthGuard::new(
                20,
                std::time::Duration::from_secs(600),
            )),
        })
    }

    /// Counts failed logins against the same per-address guard as the API.
    pub fn with_guard(mut self, guard: Arc<jisr_core::guard::AuthGuard>) -> WebState {
        self.guard = guard;
        self
    }
}

/// The console's routes: `/` and everything under `/ui/` and `/assets/`,
/// paths MISP's REST API never uses. Merge it with the API router.
pub fn router(state: WebState) -> Router {
    pages::routes().merge(assets::routes()).with_state(state)
}
