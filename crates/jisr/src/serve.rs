//! `jisr serve`: the HTTP server on a tokio runtime.

use std::sync::Arc;

use anyhow::{Context, Result};
use jisr_server::{AppState, ServerConfig};

use crate::config::FileConfig;
use crate::instance::Instance;

/// How `serve` speaks to the network.
pub struct Listen {
    pub addr: String,
    /// Serve HTTPS (with these files, or a generated self-signed certificate).
    pub tls: bool,
    pub tls_cert: Option<std::path::PathBuf>,
    pub tls_key: Option<std::path::PathBuf>,
}

pub fn run(
    instance: Instance,
    data_dir: &std::path::Path,
    listen: &Listen,
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
    let guard = Arc::new(jisr_server::AuthGuard::new(
        config.auth_max_failures,
        std::time::Duration::from_secs(config.auth_lockout_seconds),
    ));
    crate::tls::install_crypto_provider();
    let std_listener = std::net::TcpListener::bind(&listen.addr).with_context(|| {
        format!(
            "cannot listen on {}; is another server using it? choose another with --listen",
            listen.addr
        )
    })?;
    std_listener.set_nonblocking(true)?;
    let addr = std_listener.local_addr()?;
    let scheme = if listen.tls { "https" } else { "http" };
    let host = match addr.ip() {
        ip if ip.is_unspecified() => "localhost".to_string(),
        std::net::IpAddr::V6(ip) => format!("[{ip}]"),
        ip => ip.to_string(),
    };
    config.public_url = std::env::var("JISR_PUBLIC_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| format!("{scheme}://{host}:{}", addr.port()));
    let secret = Arc::new(instance.secret);
    // Console cookies are `Secure` when browsers reach jisr over HTTPS:
    // served with --tls, or behind a TLS proxy named by JISR_PUBLIC_URL.
    let secure = listen.tls || config.public_url.starts_with("https://");
    let web = jisr_web::WebState::new(instance.store.clone(), secret.clone(), secure)
        .map_err(|e| anyhow::anyhow!("cannot load the web console: {e}"))?
        .with_guard(guard.clone());
    let worker = jisr_sync::SyncWorker::start(
        instance.store.clone(),
        secret.clone(),
        jisr_sync::WorkerConfig {
            own_url: config.public_url.clone(),
            pull_interval: std::time::Duration::from_secs(
                env_num("JISR_SYNC_PULL_INTERVAL").unwrap_or(3600),
            ),
            tick: std::time::Duration::from_millis(env_num("JISR_SYNC_TICK_MS").unwrap_or(1000)),
            max_backoff: std::time::Duration::from_secs(
                env_num("JISR_SYNC_MAX_BACKOFF").unwrap_or(300),
            ),
            ..Default::default()
        },
    );
    let state = AppState {
        guard,
        warninglists: Arc::new(warninglists),
        store: instance.store,
        secret,
        config: Arc::new(config),
    };
    let tls_files = if listen.tls {
        Some(crate::tls::files(
            data_dir,
            listen.tls_cert.clone(),
            listen.tls_key.clone(),
            &host,
        )?)
    } else {
        None
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let served = runtime.block_on(async move {
        // The console's paths (`/`, `/ui/…`, `/assets/…`) first; everything
        // else falls through to MISP's REST API.
        let app = jisr_web::router(web)
            .merge(jisr_server::router(state))
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let handle = axum_server::Handle::new();
        let stopper = handle.clone();
        tokio::spawn(async move {
            let _ = tokio::signal::ctrl_c().await;
            stopper.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
        });
        // Tests and scripts read this line to learn the port when started on port 0.
        eprintln!("jisr: listening on {scheme}://{addr}");
        match tls_files {
            Some(f) => {
                let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(&f.cert, &f.key)
                    .await
                    .with_context(|| {
                        format!(
                            "cannot use the certificate {} with the key {}",
                            f.cert.display(),
                            f.key.display()
                        )
                    })?;
                axum_server::from_tcp_rustls(std_listener, tls)
                    .handle(handle)
                    .serve(app)
                    .await
            }
            None => {
                axum_server::from_tcp(std_listener)
                    .handle(handle)
                    .serve(app)
                    .await
            }
        }
        .context("the server stopped with an error")
    });
    worker.stop();
    served
}
