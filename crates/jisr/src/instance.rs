//! Opening an instance's data directory: the database, the secret, first-start set-up.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use jisr_core::bootstrap::{FirstStart, ensure_initialised};
use jisr_store::Store;
use jisr_store_sqlite::SqliteStore;

use crate::config::load_or_create_secret;

pub struct Instance {
    pub store: Arc<dyn Store>,
    pub secret: Vec<u8>,
}

pub struct Identity {
    pub host_org: String,
    pub admin_email: String,
    pub admin_key: Option<String>,
}

/// Opens (creating when needed) the instance in `data_dir`. Returns the
/// admin's key when this call created the admin.
pub fn open(
    data_dir: &Path,
    database: Option<&str>,
    identity: &Identity,
) -> Result<(Instance, Option<String>)> {
    std::fs::create_dir_all(data_dir).with_context(|| {
        format!(
            "cannot create the data directory {}; choose another with --data",
            data_dir.display()
        )
    })?;
    let secret = load_or_create_secret(data_dir)?;
    let store: Arc<dyn Store> = match database {
        Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
            Arc::new(jisr_store_pg::PgStore::connect(url).context(
                "cannot open the PostgreSQL database given with --database / JISR_DATABASE",
            )?)
        }
        Some(other) if !other.is_empty() && !other.starts_with("sqlite:") => {
            anyhow::bail!(
                "--database takes postgres://user@host:port/db (or sqlite:PATH); got {other}"
            )
        }
        other => {
            let db = other
                .and_then(|o| o.strip_prefix("sqlite:"))
                .map(std::path::PathBuf::from)
                .unwrap_or_else(|| data_dir.join("jisr.db"));
            Arc::new(
                SqliteStore::open(&db)
                    .with_context(|| format!("cannot open the database {}", db.display()))?,
            )
        }
    };
    let mut tx = store.write()?;
    let first = FirstStart {
        host_org_name: &identity.host_org,
        admin_email: &identity.admin_email,
        admin_key: identity.admin_key.as_deref(),
    };
    let key = ensure_initialised(tx.as_mut(), &secret, &first).context(
        "setting up the instance failed (JISR_ADMIN_KEY, if set, must be 40 letters and digits)",
    )?;
    tx.commit()?;
    Ok((Instance { store, secret }, key))
}

/// The site admin, for CLI commands that act with full rights.
pub fn admin_actor(instance: &Instance) -> Result<jisr_policy::Actor> {
    let mut tx = instance.store.read()?;
    let admin = tx
        .user_list()?
        .into_iter()
        .find(|u| u.role_id == jisr_model::roles::ids::ADMIN && !u.disabled)
        .context("this instance has no site admin")?;
    Ok(jisr_core::auth::actor_for_user(tx.as_mut(), admin.id)?)
}
