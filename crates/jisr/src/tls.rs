//! HTTPS for `jisr serve --tls`: a certificate and key from files, or a
//! self-signed pair generated on first use and kept in the data directory
//! (so peers that pinned it keep trusting it after a restart).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The files to serve with: the given ones, or DATA/tls/{cert,key}.pem,
/// generated for `localhost` and the listen host when missing.
pub fn files(
    data_dir: &Path,
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    host: &str,
) -> Result<TlsFiles> {
    match (cert, key) {
        (Some(cert), Some(key)) => return Ok(TlsFiles { cert, key }),
        (Some(_), None) | (None, Some(_)) => {
            anyhow::bail!(
                "give both --tls-cert and --tls-key, or neither for a self-signed certificate"
            )
        }
        (None, None) => {}
    }
    let dir = data_dir.join("tls");
    let files = TlsFiles {
        cert: dir.join("cert.pem"),
        key: dir.join("key.pem"),
    };
    if files.cert.exists() && files.key.exists() {
        return Ok(files);
    }
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut names = vec![
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ];
    if !host.is_empty() && !names.iter().any(|n| n == host) && host != "0.0.0.0" && host != "::" {
        names.push(host.to_string());
    }
    let pair = rcgen::generate_simple_self_signed(names)
        .context("cannot generate a self-signed certificate")?;
    std::fs::write(&files.cert, pair.cert.pem())
        .with_context(|| format!("cannot write {}", files.cert.display()))?;
    std::fs::write(&files.key, pair.key_pair.serialize_pem())
        .with_context(|| format!("cannot write {}", files.key.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&files.key, std::fs::Permissions::from_mode(0o600)).with_context(
            || format!("cannot restrict the permissions of {}", files.key.display()),
        )?;
    }
    eprintln!(
        "jisr: generated a self-signed certificate in {}",
        files.cert.display()
    );
    Ok(files)
}

/// rustls needs one process-wide crypto provider; jisr uses ring everywhere.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
