//! The `jisr` binary: command-line parsing and wiring of the library crates.

mod config;
mod correlate_cmd;
mod instance;
mod json_stream;
mod migrate_store;
mod names_cmd;
mod passwd_cmd;
mod serve;
mod sync_cmd;
mod tls;
mod transfer;

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};

use crate::config::FileConfig;
use crate::instance::Identity;

#[derive(Parser)]
#[command(
    name = "jisr",
    version,
    about = "jisr: a MISP-compatible exchange server for security partners",
    long_about = "jisr stores security information in the MISP data model, serves MISP's REST API (PyMISP works \
                  unchanged) and keeps everything in one data directory (SQLite by default).\n\n\
                  Start with `jisr serve`; on first start it prints the site admin's API key once."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the instance lives; shared by every command that opens it.
#[derive(Args, Clone)]
pub(crate) struct DataArgs {
    /// The data directory (database, secret, optional jisr.toml).
    #[arg(long, env = "JISR_DATA", default_value = "./jisr-data")]
    data: PathBuf,
    /// A configuration file (default: DATA/jisr.toml if present).
    #[arg(long, env = "JISR_CONFIG")]
    config: Option<PathBuf>,
    /// The database: `postgres://user@host:port/db` for PostgreSQL; the
    /// default is SQLite in DATA/jisr.db.
    #[arg(long, env = "JISR_DATABASE")]
    database: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server. Creates the data directory, database, host organisation and site admin on first start.
    Serve {
        #[command(flatten)]
        data: DataArgs,
        /// Address and port to listen on.
        #[arg(long, env = "JISR_LISTEN")]
        listen: Option<String>,
        /// Serve HTTPS: with --tls-cert/--tls-key, or a self-signed certificate kept in DATA/tls.
        #[arg(long, env = "JISR_TLS")]
        tls: bool,
        /// PEM certificate (chain) for --tls.
        #[arg(long, env = "JISR_TLS_CERT", requires = "tls")]
        tls_cert: Option<PathBuf>,
        /// PEM private key for --tls.
        #[arg(long, env = "JISR_TLS_KEY", requires = "tls")]
        tls_key: Option<PathBuf>,
    },
    /// Import MISP JSON: one event, a list of events, or a restSearch response; `-` reads standard input.
    Import {
        #[command(flatten)]
        data: DataArgs,
        /// The file to import, or `-`.
        file: String,
        /// Build the search indexes once after the import instead of row by
        /// row (auto: when the file is large against the database; searches
        /// of a running server slow down meanwhile).
        #[arg(long, value_enum, default_value = "auto")]
        defer_indexes: DeferIndexesArg,
    },
    /// Export every event as MISP JSON to standard output (or --output).
    Export {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Manage organisations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the database while the server runs (SQLite snapshot; PostgreSQL dump).
    Backup {
        #[command(flatten)]
        data: DataArgs,
        /// The file to write (must not exist).
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a backup back in place. Stop `jisr serve` first.
    Restore {
        #[command(flatten)]
        data: DataArgs,
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
        /// Replace an existing SQLite database.
        #[arg(long)]
        force: bool,
    },
    /// The tamper-evident audit log: verify the chain, or search it.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Install warninglists (misp-warninglists' JSON format) for the server to load on start.
    #[command(subcommand)]
    Warninglists(WarninglistsCommand),
    /// Cross-script (Arabic/Latin) name matching: match, screen, eval, bench.
    #[command(subcommand)]
    Names(names_cmd::NamesCommand),
    /// The correlation index: rebuild it (with progress), list over-correlating values, show its size.
    Correlate {
        #[command(flatten)]
        data: DataArgs,
        /// Empty the index and correlate every event again.
        #[arg(long)]
        rebuild: bool,
        /// List values above MISP.correlation_limit (holders, value).
        #[arg(long)]
        over: bool,
    },
    /// Move a whole instance to another database (e.g. SQLite to PostgreSQL); stop `jisr serve` first.
    MigrateStore {
        /// The database to copy: sqlite:PATH (e.g. sqlite:jisr-data/jisr.db) or postgres://…
        #[arg(long)]
        from: String,
        /// An empty database to copy into: postgres://user@host:port/db or sqlite:PATH.
        #[arg(long)]
        to: String,
    },
    /// Links to other instances (MISP's sync servers): add, list, test.
    #[command(subcommand)]
    Server(sync_cmd::ServerCommand),
    /// Push to or pull from linked instances now.
    #[command(subcommand)]
    Sync(sync_cmd::SyncCommand),
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain and the signed checkpoints; exits 1 naming the first bad entry.
    Verify {
        #[command(flatten)]
        data: DataArgs,
    },
    /// List entries, newest first, as TSV.
    Search {
        #[command(flatten)]
        data: DataArgs,
        /// What was touched: events, attributes, users, Auth …
        #[arg(long)]
        model: Option<String>,
        /// add, edit, delete, view, restsearch, auth_fail …
        #[arg(long)]
        action: Option<String>,
        /// The acting user's email.
        #[arg(long)]
        user: Option<String>,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
}

#[derive(Subcommand)]
enum WarninglistsCommand {
    /// Copy every `list.json` below DIR (a misp-warninglists `lists` folder) into the instance.
    Import {
        #[command(flatten)]
        data: DataArgs,
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add an organisation.
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// Its name (unique).
        name: String,
        #[arg(long, default_value = "")]
        nationality: String,
        #[arg(long, default_value = "")]
        sector: String,
        /// Not a local organisation (a partner known through sync).
        #[arg(long)]
        remote: bool,
    },
    /// List organisations.
    List {
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user and print their API key (shown once).
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// The user's email address.
        email: String,
        /// The organisation: a name, id or uuid.
        #[arg(long)]
        org: String,
        /// Role id: 1 admin, 2 org admin, 3 user, 4 publisher, 5 sync user, 6 read only.
        #[arg(long, default_value_t = 3)]
        role: i64,
    },
    /// List users.
    List {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Set a user's console password (prompted, or one line on standard input), or print a set-password link.
    Passwd(passwd_cmd::PasswdArgs),
}

fn identity(file: &FileConfig) -> Identity {
    Identity {
        host_org: std::env::var("JISR_HOST_ORG")
            .ok()
            .or(file.host_org.clone())
            .unwrap_or_else(|| "ORGNAME".into()),
        admin_email: std::env::var("JISR_ADMIN_EMAIL")
            .ok()
            .or(file.admin_email.clone())
            .unwrap_or_else(|| "admin@admin.test".into()),
        admin_key: std::env::var("JISR_ADMIN_KEY")
            .ok()
            .filter(|k| !k.is_empty()),
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DeferIndexesArg {
    Auto,
    Always,
    Never,
}

impl From<DeferIndexesArg> for jisr_store::DeferIndexes {
    fn from(a: DeferIndexesArg) -> Self {
        match a {
            DeferIndexesArg::Auto => Self::Auto,
            DeferIndexesArg::Always => Self::Always,
            DeferIndexesArg::Never => Self::Never,
        }
    }
}

type Opened = (instance::Instance, FileConfig, Option<String>);

/// Opens the instance, its correlation index rebuilt first if this version
/// derives names' blocking keys otherwise.
fn open(data: &DataArgs) -> Result<Opened> {
    let opened = open_as_is(data)?;
    correlate_cmd::upgrade_name_keys(&opened.0)?;
    Ok(opened)
}

/// Opens the instance without bringing its names' keys up to date: for a
/// rebuild, which indexes everything anyway.
fn open_as_is(data: &DataArgs) -> Result<Opened> {
    let file = FileConfig::load(data.config.as_deref(), &data.data)?;
    let database = data.database.clone().or(file.database.clone());
    let (inst, key) = instance::open(&data.data, database.as_deref(), &identity(&file))?;
    Ok((inst, file, key))
}

fn announce_admin_key(key: Option<String>) {
    if let Some(k) = key {
        eprintln!("jisr: created the site admin; its API key (shown only this once) is:\n{k}");
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve {
            data,
            listen,
            tls,
            tls_cert,
            tls_key,
        } => {
            let (inst, file, key) = open(&data)?;
            announce_admin_key(key);
            let addr = listen
                .or(file.listen.clone())
                .unwrap_or_else(|| "127.0.0.1:8080".into());
            let listen = serve::Listen {
                addr,
                tls,
                tls_cert,
                tls_key,
            };
            serve::run(inst, &data.data, &listen, &file)
        }
        Command::MigrateStore { from, to } => migrate_store::run(&from, &to),
        Command::Server(cmd) => {
            let (inst, _, key) = open(cmd.data())?;
            announce_admin_key(key);
            sync_cmd::server(&inst, cmd)
        }
        Command::Sync(cmd) => {
            let (inst, _, key) = open(cmd.data())?;
            announce_admin_key(key);
            sync_cmd::sync(&inst, cmd)
        }
        Command::Import {
            data,
            file,
            defer_indexes,
        } => {
            let (inst, _, key) = open(&data)?;
            announce_admin_key(key);
            let r = transfer::import(&inst, &file, defer_indexes.into())?;
            println!(
                "imported {} new and {} updated events ({} attributes)",
                r.added, r.updated, r.attributes
            );
            Ok(())
        }
        Command::Export { data, output } => {
            let (inst, _, key) = open(&data)?;
            announce_admin_key(key);
            let n = match output {
                Some(path) => {
                    let f = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let mut w = std::io::BufWriter::new(f);
                    transfer::export(&inst, &mut w)?
                }
                None => transfer::export(&inst, &mut std::io::stdout().lock())?,
            };
            eprintln!("exported {n} events");
            Ok(())
        }
        Command::Org(cmd) => admin::org(cmd),
        Command::User(cmd) => admin::user(cmd),
        Command::Names(cmd) => names_cmd::run(cmd),
        Command::Correlate {
            data,
            rebuild,
            over,
        } => {
            let (inst, _, key) = if rebuild {
                open_as_is(&data)?
            } else {
                open(&data)?
            };
            announce_admin_key(key);
            correlate_cmd::run(&inst, rebuild, over)
        }
        Command::Warninglists(WarninglistsCommand::Import { data, dir }) => {
            import_warninglists(&data, &dir)
        }
        Command::Audit(cmd) => audit(cmd),
        Command::Backup { data, to } => {
            let (inst, _, _) = open(&data)?;
            inst.store
                .backup(&to)
                .with_context(|| format!("cannot back up to {}", to.display()))?;
            println!("backup written to {}", to.display());
            Ok(())
        }
        Command::Restore { data, from, force } => {
            let file = FileConfig::load(data.config.as_deref(), &data.data)?;
            let database = data.database.clone().or(file.database.clone());
            instance::restore(&data.data, database.as_deref(), &from, force)?;
            println!("restored {}; start `jisr serve` again", from.display());
            Ok(())
        }
    }
}

mod admin {
    //! `jisr org …` and `jisr user …`: the same rules as the API, acting as the site admin.

    use anyhow::{Context, Result};
    use serde_json::json;

    use super::{OrgCommand, UserCommand, announce_admin_key, open};
    use crate::instance::admin_actor;

    pub fn org(cmd: OrgCommand) -> Result<()> {
        match cmd {
            OrgCommand::Add {
                data,
                name,
                nationality,
                sector,
                remote,
            } => {
                let (inst, _, key) = open(&data)?;
                announce_admin_key(key);
                let actor = admin_actor(&inst)?;
                let mut tx = inst.store.write()?;
                let body = json!({"name": name, "nationality": nationality, "sector": sector, "local": !remote});
                let o = jisr_core::directory::add_org(tx.as_mut(), &actor, &body)?;
                tx.commit()?;
                println!(
                    "added organisation {} (id {}, uuid {})",
                    o.name, o.id, o.uuid
                );
                Ok(())
            }
            OrgCommand::List { data } => {
                let (inst, _, _) = open(&data)?;
                let mut tx = inst.store.read()?;
                println!("id\tuuid\tname\tlocal");
                for o in tx.org_list()? {
                    println!("{}\t{}\t{}\t{}", o.id, o.uuid, o.name, o.local);
                }
                Ok(())
            }
        }
    }

    pub fn user(cmd: UserCommand) -> Result<()> {
        match cmd {
            UserCommand::Add {
                data,
                email,
                org,
                role,
            } => {
                let (inst, _, key) = open(&data)?;
                announce_admin_key(key);
                let actor = admin_actor(&inst)?;
                let mut tx = inst.store.write()?;
                let o = jisr_core::directory::find_org(tx.as_mut(), &org)?.with_context(|| {
                    format!("no organisation '{org}'; list them with `jisr org list`")
                })?;
                let body = json!({"email": email, "org_id": o.id, "role_id": role});
                let (u, key) =
                    jisr_core::directory::add_user(tx.as_mut(), &actor, &inst.secret, &body)?;
                tx.commit()?;
                println!(
                    "added user {} (id {}) in {}; API key (shown only this once):\n{key}",
                    u.email, u.id, o.name
                );
                Ok(())
            }
            UserCommand::Passwd(args) => crate::passwd_cmd::run(args),
            UserCommand::List { data } => {
                let (inst, _, _) = open(&data)?;
                let mut tx = inst.store.read()?;
                println!("id\temail\torg_id\trole_id\tdisabled");
                for u in tx.user_list()? {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        u.id, u.email, u.org_id, u.role_id, u.disabled
                    );
                }
                Ok(())
            }
        }
    }
}

fn audit(cmd: AuditCommand) -> Result<()> {
    use jisr_core::audit::{Filter, Verdict, search, verify};
    match cmd {
        AuditCommand::Verify { data } => {
            let (inst, _, _) = open(&data)?;
            let mut tx = inst.store.read()?;
            match verify(tx.as_mut(), &inst.secret)? {
                Verdict::Intact {
                    entries,
                    checkpoints,
                } => {
                    println!(
                        "audit log intact: {entries} entries, {checkpoints} signed checkpoints"
                    );
                    Ok(())
                }
                Verdict::Broken { entry_id, reason } => {
                    anyhow::bail!("audit log broken at entry {entry_id}: {reason}")
                }
            }
        }
        AuditCommand::Search {
            data,
            model,
            action,
            user,
            limit,
        } => {
            let (inst, _, _) = open(&data)?;
            let mut tx = inst.store.read()?;
            let f = Filter {
                model,
                action,
                email: user,
                limit,
                ..Default::default()
            };
            println!("id\tcreated\temail\tip\tmodel\tmodel_id\taction\tchange");
            for e in search(tx.as_mut(), &f)? {
                let change: String = e.change.chars().take(200).collect();
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    e.id, e.created, e.email, e.ip, e.model, e.model_id, e.action, change
                );
            }
            Ok(())
        }
    }
}

/// Checks each list parses, then copies it to DATA/warninglists/<folder>/list.json.
fn import_warninglists(data: &DataArgs, dir: &std::path::Path) -> Result<()> {
    let found = jisr_core::warninglists::Warninglists::load(dir)?;
    if found.lists.is_empty() {
        anyhow::bail!(
            "no list.json below {}; point at the `lists` folder of misp-warninglists",
            dir.display()
        );
    }
    let target = data.data.join("warninglists");
    let mut copied = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let folder = entry?.path();
        let list = folder.join("list.json");
        if list.is_file() {
            let name = folder
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            std::fs::create_dir_all(target.join(&name))?;
            std::fs::copy(&list, target.join(&name).join("list.json"))
                .with_context(|| format!("cannot copy {}", list.display()))?;
            copied += 1;
        }
    }
    println!(
        "installed {copied} warninglists in {}; they load when `jisr serve` starts (all disabled until enabled)",
        target.display()
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    // Output piped into `head` and the like ends quietly when the reader
    // goes away, as for any Unix tool, rather than with a panic on EPIPE.
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of one signal at start-up,
    // before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
