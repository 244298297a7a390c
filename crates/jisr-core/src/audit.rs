//! The tamper-evident audit log. Each entry's hash covers its fields and the
//! previous entry's hash (a chain); every `CHECKPOINT_EVERY` entries a
//! checkpoint records the head hash with an HMAC under the instance secret,
//! which lives outside the database, so that rewriting the whole chain after
//! a checkpoint cannot be hidden without that secret.

use hmac::{Hmac, Mac};
use jisr_model::AuditEntry;
use jisr_store::Tx;
use sha2::{Digest, Sha256};

use crate::error::Result;

pub const CHECKPOINT_EVERY: i64 = 100;

/// Who acted, and from where.
#[derive(Debug, Clone, Default)]
pub struct Who {
    pub user_id: i64,
    pub org_id: i64,
    pub email: String,
    pub authkey_id: i64,
    pub ip: String,
}

/// What was done.
#[derive(Debug, Clone, Default)]
pub struct What {
    pub model: String,
    pub model_id: i64,
    pub model_uuid: String,
    pub action: String,
    pub change: String,
}

/// The hash of an entry: SHA-256 over its fields (as a JSON array, so no
/// two different entries serialise alike) and the previous hash.
pub fn entry_hash(e: &AuditEntry) -> String {
    let fields = serde_json::json!([
        e.prev_hash,
        e.created,
        e.user_id,
        e.org_id,
        e.email,
        e.authkey_id,
        e.ip,
        e.model,
        e.model_id,
        e.model_uuid,
        e.action,
        e.change
    ]);
    hex::encode(Sha256::digest(fields.to_string().as_bytes()))
}

fn checkpoint_signature(secret: &[u8], entry_id: i64, hash: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(format!("jisr audit checkpoint {entry_id} {hash}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The change text of a read that showed several events (a search, an
/// index, a console list): what was asked, then every event shown, once,
/// so that each search hit is a recorded read of that event.
pub fn reads_change(asked: &str, events: impl IntoIterator<Item = i64>) -> String {
    let mut seen = std::collections::BTreeSet::new();
    let ids: Vec<String> = events
        .into_iter()
        .filter(|id| seen.insert(*id))
        .map(|id| id.to_string())
        .collect();
    format!("{asked}; events read: {}", ids.join(","))
}

/// Appends an entry to the chain (inside the caller's transaction).
pub fn record(tx: &mut dyn Tx, secret: &[u8], who: &Who, what: What) -> Result<i64> {
    let prev_hash = tx.audit_last()?.map(|(_, h)| h).unwrap_or_default();
    let mut e = AuditEntry {
        id: 0,
        created: jisr_model::wire::now(),
        user_id: who.user_id,
        org_id: who.org_id,
        email: who.email.clone(),
        authkey_id: who.authkey_id,
        ip: who.ip.clone(),
        model: what.model,
        model_id: what.model_id,
        model_uuid: what.model_uuid,
        action: what.action,
        change: what.change,
        prev_hash,
        hash: String::new(),
    };
    e.hash = entry_hash(&e);
    let id = tx.audit_append(&e)?;
    if id % CHECKPOINT_EVERY == 0 {
        tx.audit_checkpoint_add(id, &e.hash, &checkpoint_signature(secret, id, &e.hash))?;
    }
    Ok(id)
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Intact {
        entries: i64,
        checkpoints: usize,
    },
    /// The first entry found wrong, and why.
    Broken {
        entry_id: i64,
        reason: String,
    },
}

/// Walks the whole chain and the checkpoints.
pub fn verify(tx: &mut dyn Tx, secret: &[u8]) -> Result<Verdict> {
    let mut expected_prev = String::new();
    let mut last_id = 0;
    let mut count = 0;
    let mut hashes = std::collections::HashMap::new();
    loop {
        let page = tx.audit_page(last_id, 1000)?;
        if page.is_empty() {
            break;
        }
        for e in page {
            if e.prev_hash != expected_prev {
                let reason = if count == 0 {
                    "the chain does not start at its first entry (entries before it were deleted)"
                        .to_string()
                } else {
                    format!(
                        "it does not follow entry {last_id}: an entry was deleted, inserted or reordered here"
                    )
                };
                return Ok(Verdict::Broken {
                    entry_id: e.id,
                    reason,
                });
            }
            if entry_hash(&e) != e.hash {
                return Ok(Verdict::Broken {
                    entry_id: e.id,
                    reason: "its content was edited (hash mismatch)".into(),
                });
            }
            expected_prev = e.hash.clone();
            if e.id % CHECKPOINT_EVERY == 0 {
                hashes.insert(e.id, e.hash.clone());
            }
            last_id = e.id;
            count += 1;
        }
    }
    let checkpoints = tx.audit_checkpoints()?;
    for (entry_id, hash, signature) in &checkpoints {
        if checkpoint_signature(secret, *entry_id, hash) != *signature {
            return Ok(Verdict::Broken {
                entry_id: *entry_id,
                reason: "its checkpoint's signature is wrong".into(),
            });
        }
        match hashes.get(entry_id) {
            Some(h) if h == hash => {}
            Some(_) => {
                return Ok(Verdict::Broken {
                    entry_id: *entry_id,
                    reason: "it differs from its signed checkpoint".into(),
                });
            }
            None => {
                return Ok(Verdict::Broken {
                    entry_id: *entry_id,
                    reason: "a signed checkpoint names it but it is gone (the log was truncated)"
                        .into(),
                });
            }
        }
    }
    Ok(Verdict::Intact {
        entries: count,
        checkpoints: checkpoints.len(),
    })
}

/// Filters for `search`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub model: Option<String>,
    pub action: Option<String>,
    pub email: Option<String>,
    pub model_id: Option<i64>,
    pub from: Option<i64>,
    pub limit: usize,
}

impl Filter {
    fn keeps(&self, e: &AuditEntry) -> bool {
        self.model
            .as_ref()
            .is_none_or(|m| e.model.eq_ignore_ascii_case(m))
            && self
                .action
                .as_ref()
                .is_none_or(|a| e.action.eq_ignore_ascii_case(a))
            && self
                .email
                .as_ref()
                .is_none_or(|m| e.email.eq_ignore_ascii_case(m))
            && self.model_id.is_none_or(|id| e.model_id == id)
            && self.from.is_none_or(|t| e.created >= t)
    }
}

/// The newest entries that pass `f`, newest first, reading the log
/// backwards a window at a time and at most `max_scanned` entries, so a
/// page costs the same however long the log is. The flag says whether the
/// whole log was read (`false`: older entries were not searched).
pub fn recent(tx: &mut dyn Tx, f: &Filter, max_scanned: usize) -> Result<(Vec<AuditEntry>, bool)> {
    const WINDOW: i64 = 2000;
    let limit = if f.limit == 0 { 100 } else { f.limit };
    let mut out = vec![];
    let Some((mut top, _)) = tx.audit_last()? else {
        return Ok((out, true));
    };
    let mut scanned = 0;
    while top > 0 {
        if scanned >= max_scanned {
            return Ok((out, false));
        }
        let after = (top - WINDOW).max(0);
        // Ids may have gaps, so a window can return entries above it: skip those.
        let mut page: Vec<AuditEntry> = tx
            .audit_page(after, WINDOW)?
            .into_iter()
            .filter(|e| e.id <= top)
            .collect();
        scanned += page.len();
        page.reverse();
        for e in page {
            if f.keeps(&e) {
                out.push(e);
                if out.len() == limit {
                    return Ok((out, true));
                }
            }
        }
        top = after;
    }
    Ok((out, true))
}

/// Newest first.
pub fn search(tx: &mut dyn Tx, f: &Filter) -> Result<Vec<AuditEntry>> {
    let mut all = vec![];
    let mut after = 0;
    loop {
        let page = tx.audit_page(after, 5000)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        all.extend(page.into_iter().filter(|e| f.keeps(e)));
    }
    all.reverse();
    all.truncate(if f.limit == 0 { 100 } else { f.limit });
    Ok(all)
}
