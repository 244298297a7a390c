//! Configuration: command-line flags over environment variables over an
//! optional TOML file over defaults that work with no configuration at all.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

/// What may be set in `jisr.toml` (in the data directory, or `--config`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub host_org: Option<String>,
    pub admin_email: Option<String>,
    pub max_body_bytes: Option<usize>,
    pub auth_max_failures: Option<u64>,
    pub auth_lockout_seconds: Option<u64>,
    /// `postgres://…` to use PostgreSQL instead of the embedded SQLite.
    pub database: Option<String>,
}

impl FileConfig {
    pub fn load(explicit: Option<&Path>, data_dir: &Path) -> Result<FileConfig> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = data_dir.join("jisr.toml");
                if !p.exists() {
                    return Ok(FileConfig::default());
                }
                p
            }
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
        toml::from_str(&text)
            .with_context(|| format!("the configuration file {} is not valid", path.display()))
    }
}

/// The instance secret that keys API-key digests. It lives beside the
/// database, not in it, so that a copy of the database alone yields nothing.
pub fn load_or_create_secret(data_dir: &Path) -> Result<Vec<u8>> {
    let path: PathBuf = data_dir.join("secret.key");
    if path.exists() {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return hex::decode(text.trim())
            .with_context(|| format!("{} is damaged: it must hold hex digits", path.display()));
    }
    let secret: [u8; 32] = rand::random();
    std::fs::write(&path, hex::encode(secret))
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict the permissions of {}", path.display()))?;
    }
    Ok(secret.to_vec())
}
