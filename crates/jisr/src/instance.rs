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
    let store = open_store(data_dir, database)?;
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

/// The database alone: PostgreSQL for a `postgres://` URL, else SQLite
/// (`sqlite:PATH`, or `DATA/jisr.db`). Migrations run; nothing is set up.
pub fn open_store(data_dir: &Path, database: Option<&str>) -> Result<Arc<dyn Store>> {
    Ok(match database {
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
    })
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

/// Puts a backup back: a SQLite snapshot replaces `DATA/jisr.db` (checked by
/// opening it first, which also refuses a snapshot newer than this binary);
/// a PostgreSQL dump is loaded with `pg_restore`.
pub fn restore(data_dir: &Path, database: Option<&str>, from: &Path, force: bool) -> Result<()> {
    if !from.is_file() {
        anyhow::bail!(
            "{} is not a file; give the backup written by `jisr backup --to`",
            from.display()
        );
    }
    if let Some(url) =
        database.filter(|u| u.starts_with("postgres://") || u.starts_with("postgresql://"))
    {
        let config: jisr_store_pg::Config =
            url.parse().context("the --database URL is not valid")?;
        let mut cmd = std::process::Command::new(jisr_store_pg::pg_tool("pg_restore"));
        cmd.args(["--clean", "--if-exists", "--no-owner", "--no-password"]);
        jisr_store_pg::dump_connection_args(&config, &mut cmd);
        cmd.arg(from);
        let out = cmd
            .output()
            .context("cannot run pg_restore (install postgresql-client)")?;
        if !out.status.success() {
            anyhow::bail!(
                "pg_restore failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        return Ok(());
    }
    std::fs::create_dir_all(data_dir)?;
    let target = data_dir.join("jisr.db");
    if target.exists() && !force {
        anyhow::bail!(
            "{} exists; stop the server and add --force to replace it",
            target.display()
        );
    }
    let staged = data_dir.join("jisr.db.restoring");
    std::fs::copy(from, &staged).with_context(|| format!("cannot copy {}", from.display()))?;
    if let Err(e) = SqliteStore::open(&staged) {
        let _ = std::fs::remove_file(&staged);
        return Err(
            anyhow::Error::new(e).context(format!("{} is not a jisr database", from.display()))
        );
    }
    for stale in [
        "jisr.db-wal",
        "jisr.db-shm",
        "jisr.db.restoring-wal",
        "jisr.db.restoring-shm",
    ] {
        let _ = std::fs::remove_file(data_dir.join(stale));
    }
    std::fs::rename(&staged, &target).context("cannot put the restored database in place")?;
    Ok(())
}
