//! Scoring the names of a long run of writes (an import, a rebuild) on a
//! thread of its own, so that the client's largest share of work overlaps
//! the database's instead of waiting for it: while the writer sends the next
//! event's rows and waits for their answers, this thread scores the names
//! of the event before. A PostgreSQL import spent 45 % of its client time
//! scoring names, with the server idle meanwhile.
//!
//! The pairs of one write are scored while the next is written, and stored
//! in the same transaction, before the next write's pairs are sent or the
//! caller settles. Nothing reads the stored pairs while they wait: name
//! matching reads keys and attributes, never pairs. What must not happen is
//! a pair naming an attribute that a later write of the same transaction
//! changed or deleted, so every write that may change existing attributes
//! settles first (`event_write::add_or_edit_event` on an existing event).
//!
//! The same thread keeps a memo of the names written and read in the
//! transaction (event, value, kind), so that a candidate is read from the
//! store once per transaction rather than once per name it meets: in a
//! large import most candidates are names the import wrote itself. Each
//! settle and discard empties it, which bounds it to one transaction (no
//! other writer can change attributes meanwhile) and to the writes before
//! any edit of existing attributes in it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::mpsc;
use std::thread::JoinHandle;

use jisr_store::{NamePair, Tx};

use super::names::{KnownName, NameJob, score_job};
use crate::error::{CoreError, Result};

struct Work {
    jobs: Vec<NameJob>,
    threshold: f64,
    limit: i64,
}

struct Worker {
    work: Option<mpsc::SyncSender<Work>>,
    done: mpsc::Receiver<Vec<NamePair>>,
    /// Work sent whose pairs are not written yet (at most one batch: the
    /// writer waits for it before sending the next, which keeps the pairs
    /// in the order of the writes and memory bounded).
    outstanding: bool,
    thread: Option<JoinHandle<()>>,
    known: HashMap<i64, KnownName>,
}

/// The memo starts over when it holds this many names, about 20 MB: a
/// 10M SQLite import peaked at 280 MiB with room for 500,000, against the
/// goal of 300 MB (240 MiB without the memo).
const MOST_KNOWN: usize = 200_000;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// While it lives, the names written on this thread are scored on a thread
/// of their own and their pairs written into the transaction a write later.
/// Call [`settle`](Self::settle) before committing, and
/// [`discard`](Self::discard) after dropping a transaction uncommitted.
pub struct BackgroundScoring {
    /// Installed for the thread that started it, and only used there.
    _here: PhantomData<*const ()>,
}

impl BackgroundScoring {
    pub fn start() -> Result<BackgroundScoring> {
        let (work_tx, work_rx) = mpsc::sync_channel::<Work>(1);
        let (done_tx, done_rx) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("jisr-names".into())
            .spawn(move || {
                for w in work_rx {
                    let pairs = w
                        .jobs
                        .iter()
                        .flat_map(|j| score_job(j, w.threshold, w.limit))
                        .collect();
                    if done_tx.send(pairs).is_err() {
                        break;
                    }
                }
            })
            .map_err(|e| internal(&format!("cannot start the name-scoring thread: {e}")))?;
        WORKER.with(|cell| {
            let mut slot = cell.borrow_mut();
            if slot.is_some() {
                return Err(internal("names are already scored in the background here"));
            }
            *slot = Some(Worker {
                work: Some(work_tx),
                done: done_rx,
                outstanding: false,
                thread: Some(thread),
                known: HashMap::new(),
            });
            Ok(())
        })?;
        Ok(BackgroundScoring { _here: PhantomData })
    }

    /// Writes the pairs of the names still being scored into `tx`.
    pub fn settle(&self, tx: &mut dyn Tx) -> Result<()> {
        settle(tx)
    }

    /// Forgets the names still being scored: their transaction was rolled back.
    pub fn discard(&self) {
        WORKER.with(|cell| {
            if let Some(w) = cell.borrow_mut().as_mut() {
                w.known.clear();
                if w.outstanding {
                    w.outstanding = false;
                    let _ = w.done.recv();
                }
            }
        });
    }
}

impl Drop for BackgroundScoring {
    fn drop(&mut self) {
        let worker = WORKER.with(|cell| cell.borrow_mut().take());
        if let Some(mut w) = worker {
            // Closing the channel ends the thread's loop.
            w.work = None;
            if let Some(t) = w.thread.take() {
                let _ = t.join();
            }
        }
    }
}

impl Worker {
    fn write_outstanding(&mut self, tx: &mut dyn Tx) -> Result<()> {
        if !self.outstanding {
            return Ok(());
        }
        self.outstanding = false;
        let pairs = self.done.recv().map_err(|_| stopped())?;
        if !pairs.is_empty() {
            tx.correlation_names_add(&pairs)?;
        }
        Ok(())
    }
}

/// Hands `jobs` to the scoring thread when this thread has one (after
/// writing the pairs of the work before), else gives them back.
pub(crate) fn submit(
    tx: &mut dyn Tx,
    jobs: Vec<NameJob>,
    threshold: f64,
    limit: i64,
) -> Result<Option<Vec<NameJob>>> {
    WORKER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let Some(w) = slot.as_mut() else {
            return Ok(Some(jobs));
        };
        w.write_outstanding(tx)?;
        let Some(sender) = &w.work else {
            return Err(stopped());
        };
        sender
            .send(Work {
                jobs,
                threshold,
                limit,
            })
            .map_err(|_| stopped())?;
        w.outstanding = true;
        Ok(None)
    })
}

/// Writes the pairs still being scored on this thread, if any, into `tx`,
/// and forgets the names known so far.
pub(crate) fn settle(tx: &mut dyn Tx) -> Result<()> {
    WORKER.with(|cell| match cell.borrow_mut().as_mut() {
        Some(w) => {
            w.known.clear();
            w.write_outstanding(tx)
        }
        None => Ok(()),
    })
}

/// Copies what the memo knows of `ids` into `into` and returns the others
/// (all of them when names are scored inline).
pub(crate) fn recall(ids: &[i64], into: &mut HashMap<i64, KnownName>) -> Vec<i64> {
    WORKER.with(|cell| match cell.borrow().as_ref() {
        Some(w) => {
            let mut missing = vec![];
            for id in ids {
                match w.known.get(id) {
                    Some(k) => {
                        into.insert(*id, k.clone());
                    }
                    None => missing.push(*id),
                }
            }
            missing
        }
        None => ids.to_vec(),
    })
}

/// Adds names written or read in the transaction to the memo.
pub(crate) fn remember(names: impl IntoIterator<Item = (i64, KnownName)>) {
    WORKER.with(|cell| {
        if let Some(w) = cell.borrow_mut().as_mut() {
            if w.known.len() >= MOST_KNOWN {
                w.known.clear();
            }
            w.known.extend(names);
        }
    });
}

fn internal(message: &str) -> CoreError {
    CoreError::Internal(message.to_string())
}

fn stopped() -> CoreError {
    internal("the name-scoring thread stopped; the transaction's name correlations are incomplete")
}
