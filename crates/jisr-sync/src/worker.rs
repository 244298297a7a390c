//! The background worker: runs queued push/pull jobs, pushes what was
//! published to servers with push on, and pulls on an interval from servers
//! with pull on. Every run's outcome is stored on its server and audited.
//! A failing server is retried with exponential backoff.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{JoinHandle, sleep};
use std::time::{Duration, Instant};

use jisr_core::audit::{self, What, Who};
use jisr_model::wire::now;
use jisr_model::{Server, SyncJob};
use jisr_store::Store;
use serde_json::json;

use crate::pull::{PullScope, Puller};
use crate::push::{PushScope, Pusher};
use crate::{Remote, RunReport, SyncError};

#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// Our base URL as peers know it (to recognise ourselves in sharing groups).
    pub own_url: String,
    /// Scheduled pulls from servers with pull on; zero turns them off.
    pub pull_interval: Duration,
    /// How often the worker looks for work.
    pub tick: Duration,
    /// Time limit of one HTTP request.
    pub timeout: Duration,
    /// The longest wait before a failing server is tried again.
    pub max_backoff: Duration,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            own_url: String::new(),
            pull_interval: Duration::from_secs(3600),
            tick: Duration::from_secs(1),
            timeout: Duration::from_secs(120),
            max_backoff: Duration::from_secs(300),
        }
    }
}

pub struct SyncWorker {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl SyncWorker {
    pub fn start(store: Arc<dyn Store>, secret: Arc<Vec<u8>>, config: WorkerConfig) -> SyncWorker {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let handle = std::thread::Builder::new()
            .name("jisr-sync".into())
            .spawn(move || {
                let mut w = Worker {
                    store,
                    secret,
                    config,
                    started: now(),
                    backoff: HashMap::new(),
                };
                while !flag.load(Ordering::Relaxed) {
                    w.tick();
                    let until = Instant::now() + w.config.tick;
                    while Instant::now() < until && !flag.load(Ordering::Relaxed) {
                        sleep(Duration::from_millis(50));
                    }
                }
            })
            .ok();
        SyncWorker { stop, handle }
    }

    pub fn stop(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

/// A failing server waits before it is tried again: 2, 4, 8 … seconds, up
/// to the configured maximum.
struct Backoff {
    failures: u32,
    until: Instant,
}

struct Worker {
    store: Arc<dyn Store>,
    secret: Arc<Vec<u8>>,
    config: WorkerConfig,
    /// Jobs started before this worker began were orphaned by a crash.
    started: i64,
    backoff: HashMap<(i64, &'static str), Backoff>,
}

/// What a push or pull needs besides the server (the worker's and the CLI's).
pub struct RunContext<'a> {
    pub store: &'a dyn Store,
    pub secret: &'a [u8],
    pub own_url: &'a str,
    /// Who asked (0 for the scheduler).
    pub user_id: i64,
    pub timeout: Duration,
}

impl RunContext<'_> {
    /// Runs one push or pull against `server`. `target`: an event, or
    /// "full"/"update" for pulls, "all"/"outbox" for pushes.
    pub fn run(&self, server: &Server, kind: &str, target: &str) -> Result<RunReport, SyncError> {
        let remote = Remote::new(server, self.timeout)?;
        let (store, secret, user_id) = (self.store, self.secret, self.user_id);
        match kind {
            "push" => {
                let scope = match target {
                    "" | "full" | "all" => PushScope::All,
                    "outbox" => PushScope::Outbox,
                    e => PushScope::Event(e.to_string()),
                };
                Pusher {
                    store,
                    secret,
                    server,
                    remote: &remote,
                    user_id,
                }
                .run(&scope)
            }
            "pull" => {
                let scope = match target {
                    "full" => PullScope::Full,
                    "" | "update" => PullScope::Update,
                    e => PullScope::Event(e.to_string()),
                };
                let own_url = self.own_url;
                Puller {
                    store,
                    secret,
                    server,
                    remote: &remote,
                    own_url,
                    user_id,
                }
                .run(&scope)
            }
            other => Err(SyncError::Local(format!("unknown sync kind {other}"))),
        }
    }
}

/// Stores a run's outcome on its server and in the audit log.
pub fn record(
    store: &dyn Store,
    secret: &[u8],
    server_id: i64,
    kind: &str,
    user_id: i64,
    outcome: &Result<RunReport, SyncError>,
) -> Result<String, SyncError> {
    let result = match outcome {
        Ok(r) => r.to_json(),
        Err(e) => json!({"error": e.to_string()}),
    };
    let text = result.to_string();
    let mut tx = store.write()?;
    let Some(mut s) = tx.server_get(server_id)? else {
        return Ok(text);
    };
    if kind == "push" {
        s.last_push_at = now();
        s.last_push_result = text.clone();
    } else {
        s.last_pull_at = now();
        s.last_pull_result = text.clone();
    }
    tx.server_update(&s)?;
    let who = Who {
        user_id,
        org_id: s.org_id,
        email: format!("sync:{}", s.name),
        ..Default::default()
    };
    let what = What {
        model: "Server".into(),
        model_id: s.id,
        model_uuid: String::new(),
        action: kind.into(),
        change: text.clone(),
    };
    audit::record(tx.as_mut(), secret, &who, what)?;
    tx.commit()?;
    Ok(text)
}

impl Worker {
    fn tick(&mut self) {
        if let Err(e) = self.work() {
            tracing::warn!("sync worker: {e}");
        }
    }

    fn ready(&self, server: i64, kind: &'static str) -> bool {
        self.backoff
            .get(&(server, kind))
            .is_none_or(|b| Instant::now() >= b.until)
    }

    fn note(&mut self, server: i64, kind: &'static str, ok: bool) {
        if ok {
            self.backoff.remove(&(server, kind));
            return;
        }
        let b = self.backoff.entry((server, kind)).or_insert(Backoff {
            failures: 0,
            until: Instant::now(),
        });
        b.failures = (b.failures + 1).min(8);
        b.until =
            Instant::now() + Duration::from_secs(1u64 << b.failures).min(self.config.max_backoff);
    }

    fn once(
        &mut self,
        server: &Server,
        kind: &'static str,
        target: &str,
        user_id: i64,
    ) -> Result<String, SyncError> {
        let outcome = RunContext {
            store: self.store.as_ref(),
            secret: &self.secret,
            own_url: &self.config.own_url,
            user_id,
            timeout: self.config.timeout,
        }
        .run(server, kind, target);
        let ok = matches!(&outcome, Ok(r) if r.failed == 0);
        self.note(server.id, kind, ok);
        if let Err(e) = &outcome {
            tracing::warn!(
                "{kind} with server {} ({}) failed: {e}",
                server.id,
                server.url
            );
        }
        record(
            self.store.as_ref(),
            &self.secret,
            server.id,
            kind,
            user_id,
            &outcome,
        )
    }

    fn work(&mut self) -> Result<(), SyncError> {
        // Queued jobs first: someone is waiting for them.
        loop {
            let job: Option<SyncJob> = {
                let mut tx = self.store.write()?;
                let j = tx.sync_job_claim(now(), self.started)?;
                tx.commit()?;
                j
            };
            let Some(job) = job else { break };
            let server = {
                let mut tx = self.store.read()?;
                tx.server_get(job.server_id)?
            };
            let result = match server {
                Some(s) => {
                    let kind = if job.kind == "push" { "push" } else { "pull" };
                    let target = if job.event_ref.is_empty() {
                        job.technique.clone()
                    } else {
                        job.event_ref.clone()
                    };
                    self.once(&s, kind, &target, job.user_id)?
                }
                None => json!({"error": "the server link was deleted"}).to_string(),
            };
            let mut tx = self.store.write()?;
            tx.sync_job_finish(job.id, now(), &result)?;
            tx.commit()?;
        }
        let servers = {
            let mut tx = self.store.read()?;
            tx.server_list()?
        };
        let last = {
            let mut tx = self.store.read()?;
            tx.outbox_last()?
        };
        for s in &servers {
            if s.push && last > s.push_cursor && self.ready(s.id, "push") {
                self.once(s, "push", "outbox", 0)?;
            }
            let interval = self.config.pull_interval.as_secs() as i64;
            if s.pull
                && interval > 0
                && now() - s.last_pull_at >= interval
                && self.ready(s.id, "pull")
            {
                self.once(s, "pull", "update", 0)?;
            }
        }
        Ok(())
    }
}
