//! The stylesheet and script, embedded and served with a long cache life
//! (their URLs carry a version, so a new binary's assets are fetched anew).

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::WebState;

pub const CSS: &str = include_str!("../assets/app.css");
pub const JS: &str = include_str!("../assets/app.js");

/// Part of every asset URL; changes with each release.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub fn routes() -> Router<WebState> {
    Router::new()
        .route(
            "/assets/{version}/app.css",
            get(|| async { asset(CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/assets/{version}/app.js",
            get(|| async { asset(JS, "text/javascript; charset=utf-8") }),
        )
}

fn asset(body: &'static str, content_type: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        body,
    )
}
