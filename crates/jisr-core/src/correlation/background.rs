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
//!
//! Likewise a memo of who holds each blocking key: a key's holders read
//! once, plus the attributes the transaction indexes under it since, are
//! what the store would answer (holders only come and go with this
//! transaction's writes, and the writes that take keys away, re-indexing
//! existing attributes, empty it). Reading them was a third of
//! PostgreSQL's time in an import: a key's holders are index entries
//! whose rows the server must visit, as nothing has vacuumed them yet.

use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::mpsc;
use std::thread::JoinHandle;

use jisr_store::{CorrelationEntry, NamePair, Tx};

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
    holders: KnownHolders,
}

/// Blocking keys and their holders (attribute, event), each list in
/// attribute order.
pub(crate) type HoldersOf = HashMap<i64, Vec<(i64, i64)>>;

/// Holders of keys as the store gives them: at most `limit` per key.
#[derive(Default)]
struct KnownHolders {
    limit: i64,
    of: HoldersOf,
}

/// The key memo starts over when it holds this many keys (about 20 MB).
const MOST_KEYS: usize = 200_000;

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
                holders: KnownHolders::default(),
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
                w.forget();
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
    fn forget(&mut self) {
        self.known.clear();
        self.holders.of.clear();
    }

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
            w.forget();
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

/// Copies the holders the memo knows of `keys` (lists at most `limit`
/// long) into `into` and returns the other keys (all of them when names
/// are scored inline).
pub(crate) fn recall_holders(keys: &[i64], limit: i64, into: &mut HoldersOf) -> Vec<i64> {
    WORKER.with(|cell| match cell.borrow().as_ref() {
        Some(w) if w.holders.limit == limit => {
            let mut missing = vec![];
            for key in keys {
                match w.holders.of.get(key) {
                    Some(h) => {
                        into.insert(*key, h.clone());
                    }
                    None => missing.push(*key),
                }
            }
            missing
        }
        _ => keys.to_vec(),
    })
}

/// Adds the holders of `keys` just read from the store (at most `limit`
/// per key; a key missing from `read` has none).
pub(crate) fn remember_holders(keys: &[i64], limit: i64, read: &HashMap<i64, Vec<(i64, i64)>>) {
    WORKER.with(|cell| {
        if let Some(w) = cell.borrow_mut().as_mut() {
            let memo = &mut w.holders;
            if memo.limit != limit || memo.of.len() + keys.len() > MOST_KEYS {
                memo.of.clear();
                memo.limit = limit;
            }
            for key in keys {
                memo.of
                    .insert(*key, read.get(key).cloned().unwrap_or_default());
            }
        }
    });
}

/// Keeps the memo's holder lists what the store would give after
/// `entries` were indexed; `fresh`: nothing of theirs was indexed before
/// (otherwise keys may have been taken away, and the memo starts over).
pub(crate) fn note_indexed(entries: &[CorrelationEntry], fresh: bool) {
    WORKER.with(|cell| {
        if let Some(w) = cell.borrow_mut().as_mut() {
            let memo = &mut w.holders;
            if !fresh {
                memo.of.clear();
                return;
            }
            let limit = usize::try_from(memo.limit).unwrap_or(0);
            for e in entries {
                for key in &e.keys {
                    if let Some(list) = memo.of.get_mut(key) {
                        let holder = (e.attribute_id, e.event_id);
                        if let Err(at) = list.binary_search(&holder) {
                            list.insert(at, holder);
                            list.truncate(limit);
                        }
                    }
                }
            }
        }
    });
}

fn internal(message: &str) -> CoreError {
    CoreError::Internal(message.to_string())
}

fn stopped() -> CoreError {
    internal("the name-scoring thread stopped; the transaction's name correlations are incomplete")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn indexed(attribute_id: i64, event_id: i64, keys: &[i64]) -> CorrelationEntry {
        CorrelationEntry {
            attribute_id,
            event_id,
            keys: keys.to_vec(),
            ..Default::default()
        }
    }

    fn recalled(keys: &[i64], limit: i64) -> (Vec<i64>, HoldersOf) {
        let mut known = HashMap::new();
        let missing = recall_holders(keys, limit, &mut known);
        (missing, known)
    }

    #[test]
    fn the_key_memo_gives_what_the_store_would() {
        let _scoring = BackgroundScoring::start().unwrap();
        let read = HashMap::from([(7, vec![(1, 1), (3, 1)])]);
        // Key 8 has no holder yet: known too.
        remember_holders(&[7, 8], 3, &read);
        note_indexed(&[indexed(2, 2, &[7, 8, 9]), indexed(5, 2, &[8])], true);
        let (missing, known) = recalled(&[7, 8, 9], 3);
        assert_eq!(missing, vec![9]);
        assert_eq!(known[&7], vec![(1, 1), (2, 2), (3, 1)]);
        assert_eq!(known[&8], vec![(2, 2), (5, 2)]);
        // At the limit a list stays the first ones, as the store's LIMIT.
        note_indexed(&[indexed(9, 3, &[7])], true);
        assert_eq!(recalled(&[7], 3).1[&7], vec![(1, 1), (2, 2), (3, 1)]);
        // Lists of another length are not known.
        assert_eq!(recalled(&[7], 4).0, vec![7]);
        // Re-indexing attributes that had keys may take some away.
        note_indexed(&[indexed(1, 1, &[])], false);
        assert_eq!(recalled(&[7, 8], 3).0, vec![7, 8]);
    }

    #[test]
    fn without_the_scoring_thread_nothing_is_remembered() {
        remember_holders(&[7], 3, &HashMap::from([(7, vec![(1, 1)])]));
        assert_eq!(recalled(&[7], 3).0, vec![7]);
    }
}
