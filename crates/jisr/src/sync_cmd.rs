//! `jisr server …` and `jisr sync …`: server links and on-demand sync from
//! the command line (the same core and sync code the API and the worker use).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Subcommand;
use jisr_model::Server;
use serde_json::{Value, json};

use crate::DataArgs;
use crate::instance::{Instance, admin_actor};

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Link to another instance with the API key of a sync user there.
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// The remote instance's base URL, e.g. https://brussels.example:8443.
        url: String,
        /// The API key of our sync user on the remote instance.
        #[arg(long, env = "JISR_REMOTE_KEY")]
        key: String,
        /// The remote instance's host organisation (name or uuid; recorded if new).
        #[arg(long)]
        remote_org: String,
        #[arg(long)]
        name: Option<String>,
        /// Push published events there automatically.
        #[arg(long)]
        push: bool,
        /// Pull from there on the scheduler's interval.
        #[arg(long)]
        pull: bool,
        /// A PEM certificate the remote must present (pinning).
        #[arg(long)]
        pin: Option<PathBuf>,
        /// Do not verify the remote's certificate (testing only).
        #[arg(long)]
        insecure: bool,
        /// A link inside one organisation: distributions travel unchanged.
        #[arg(long)]
        internal: bool,
    },
    /// List links with the outcome of their last push and pull.
    List {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Check that a link works: reachable, our key accepted, a sync user's key.
    Test {
        #[command(flatten)]
        data: DataArgs,
        /// Server id or name.
        server: String,
    },
}

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Push published events to one server (or every server with push on).
    Push {
        #[command(flatten)]
        data: DataArgs,
        /// Server id or name (default: every server with push on).
        server: Option<String>,
        /// Only this event (id or uuid).
        #[arg(long)]
        event: Option<String>,
    },
    /// Pull new and newer events from one server (or every server with pull on).
    Pull {
        #[command(flatten)]
        data: DataArgs,
        server: Option<String>,
        /// Fetch every event again, not only new and newer ones.
        #[arg(long)]
        full: bool,
        /// Only this event (uuid on the remote).
        #[arg(long)]
        event: Option<String>,
    },
}

impl ServerCommand {
    pub fn data(&self) -> &DataArgs {
        match self {
            ServerCommand::Add { data, .. }
            | ServerCommand::List { data }
            | ServerCommand::Test { data, .. } => data,
        }
    }
}

impl SyncCommand {
    pub fn data(&self) -> &DataArgs {
        match self {
            SyncCommand::Push { data, .. } | SyncCommand::Pull { data, .. } => data,
        }
    }
}

fn find(inst: &Instance, reference: &str) -> Result<Server> {
    let mut tx = inst.store.read()?;
    tx.server_list()?
        .into_iter()
        .find(|s| s.id.to_string() == reference || s.name == reference)
        .with_context(|| format!("no server link '{reference}'; `jisr server list` shows them"))
}

fn own_url(inst: &Instance) -> Result<String> {
    let mut tx = inst.store.read()?;
    Ok(jisr_core::federation::servers::own_url(tx.as_mut(), "")?)
}

fn describe(result: &str) -> String {
    let v: Value = serde_json::from_str(result).unwrap_or(Value::Null);
    if v.is_null() {
        return "never".into();
    }
    if let Some(e) = v.get("error") {
        return format!("error: {}", e.as_str().unwrap_or_default());
    }
    format!(
        "{} sent/stored, {} unchanged, {} kept back, {} failed",
        v["transferred"], v["unchanged"], v["skipped"], v["failed"]
    )
}

pub fn server(inst: &Instance, cmd: ServerCommand) -> Result<()> {
    let actor = admin_actor(inst)?;
    match cmd {
        ServerCommand::Add {
            url,
            key,
            remote_org,
            name,
            push,
            pull,
            pin,
            insecure,
            internal,
            ..
        } => {
            let cert = match pin {
                Some(p) => std::fs::read_to_string(&p)
                    .with_context(|| format!("cannot read {}", p.display()))?,
                None => String::new(),
            };
            let mut tx = inst.store.write()?;
            let org = match jisr_core::directory::find_org(tx.as_mut(), &remote_org)? {
                Some(o) => json!({"uuid": o.uuid, "name": o.name}),
                None if uuid_like(&remote_org) => anyhow::bail!(
                    "no organisation with uuid {remote_org} here; give its name to record it"
                ),
                None => json!({"name": remote_org}),
            };
            let body = json!({"url": url, "authkey": key, "name": name, "push": push, "pull": pull,
                "self_signed": insecure, "cert_file": cert, "internal": internal, "Organisation": org});
            let s = jisr_core::federation::servers::add(tx.as_mut(), &actor, &body)?;
            tx.commit()?;
            println!("added server {} ({}) -> {}", s.id, s.name, s.url);
        }
        ServerCommand::List { .. } => {
            let mut tx = inst.store.read()?;
            println!("id\tname\turl\tpush\tpull\tlast push\tlast pull");
            for s in jisr_core::federation::servers::list(tx.as_mut(), &actor)? {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    s.id,
                    s.name,
                    s.url,
                    s.push,
                    s.pull,
                    describe(&s.last_push_result),
                    describe(&s.last_pull_result)
                );
            }
        }
        ServerCommand::Test { server, .. } => {
            let s = find(inst, &server)?;
            let own_uuid = {
                let mut tx = inst.store.read()?;
                jisr_core::settings::get(tx.as_mut(), "MISP.uuid")?
            };
            let remote = jisr_sync::Remote::new(&s, Duration::from_secs(20))?;
            let r = remote.test(&own_uuid);
            println!("{}", r["message"].as_str().unwrap_or_default());
            if r["status"].as_i64() != Some(1) {
                anyhow::bail!(
                    "the link to {} does not work; check its URL, key and certificate",
                    s.url
                );
            }
        }
    }
    Ok(())
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

pub fn sync(inst: &Instance, cmd: SyncCommand) -> Result<()> {
    let actor = admin_actor(inst)?;
    let (kind, server, target) = match cmd {
        SyncCommand::Push { server, event, .. } => ("push", server, event.unwrap_or_default()),
        SyncCommand::Pull {
            server,
            event,
            full,
            ..
        } => (
            "pull",
            server,
            event.unwrap_or_else(|| if full { "full".into() } else { "update".into() }),
        ),
    };
    let servers: Vec<Server> = match server {
        Some(r) => vec![find(inst, &r)?],
        None => {
            let mut tx = inst.store.read()?;
            tx.server_list()?
                .into_iter()
                .filter(|s| if kind == "push" { s.push } else { s.pull })
                .collect()
        }
    };
    if servers.is_empty() {
        anyhow::bail!("no server has {kind} on; name one, or turn {kind} on with the API");
    }
    let own = own_url(inst)?;
    let mut failed = false;
    for s in servers {
        let ctx = jisr_sync::worker::RunContext {
            store: inst.store.as_ref(),
            secret: &inst.secret,
            own_url: &own,
            user_id: actor.user_id,
            timeout: Duration::from_secs(120),
        };
        let outcome = ctx.run(&s, kind, &target);
        failed |= outcome.as_ref().map(|r| r.failed > 0).unwrap_or(true);
        let text = jisr_sync::worker::record(
            inst.store.as_ref(),
            &inst.secret,
            s.id,
            kind,
            actor.user_id,
            &outcome,
        )?;
        println!("{kind} {} ({}): {}", s.id, s.url, describe(&text));
    }
    if failed {
        anyhow::bail!("some events did not cross; `jisr server list` shows the last errors");
    }
    Ok(())
}
