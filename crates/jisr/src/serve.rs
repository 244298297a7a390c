//! `jisr serve`: the HTTP server on a tokio runtime.

use std::sync::Arc;

use anyhow::{Context, Result};
use jisr_server::{AppState, ServerConfig};

use crate::config::FileConfig;
use crate::instance::Instance;

pub fn run(
    instance: Instance,
    data_dir: &std::path::Path,
    listen: &str,
    file: &FileConfig,
) -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("JISR_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let mut config = ServerConfig::default();
    if let Some(max) = std::env::var("JISR_MAX_BODY_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .or(file.max_body_bytes)
    {
        config.max_body_bytes = max;
    }
    let wl_dir = data_dir.join("warninglists");
    let warninglists = jisr_core::warninglists::Warninglists::load(&wl_dir)
        .with_context(|| format!("cannot load the warninglists in {}", wl_dir.display()))?;
    tracing::info!("{} warninglists loaded", warninglists.lists.len());
    let env_num = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    if let Some(n) = env_num("JISR_AUTH_MAX_FAILURES").or(file.auth_max_failures) {
        config.auth_max_failures = n as u32;
    }
    if let Some(n) = env_num("JISR_AUTH_LOCKOUT_SECONDS").or(file.auth_lockout_seconds) {
        config.auth_lockout_seconds = n;
    }
    let guard = jisr_server::AuthGuard::new(
        config.auth_max_failures,
        std::time::Duration::from_secs(config.auth_lockout_seconds),
    );
    let secret = Arc::new(instance.secret);
    let tls = std::env::var("JISR_TLS").is_ok_and(|v| v == "1") || file.tls.unwrap_or(false);
    let web = jisr_web::WebState::new(instance.store.clone(), secret.clone(), tls)
        .map_err(|e| anyhow::anyhow!("cannot load the web console: {e}"))?;
    let state = AppState {
        guard: Arc::new(guard),
        warninglists: Arc::new(warninglists),
        store: instance.store,
        secret,
        config: Arc::new(config),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}; is another server using it? choose another with --listen"))?;
        let addr = listener.local_addr()?;
        // Tests and scripts read this line to learn the port when started on port 0.
        eprintln!("jisr: listening on http://{addr}");
        // The console's paths (`/`, `/ui/…`, `/assets/…`) first; everything
        // else falls through to MISP's REST API.
        let app = jisr_web::router(web)
            .merge(jisr_server::router(state))
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("the server stopped with an error")
    })
}
