//! An in-memory index for top-k name search and batch screening.
//!
//! Candidates come from consonant-skeleton keys: every distinct skeleton is
//! stored once with its one-letter deletions (so skeletons within about two
//! edits meet, as in symmetric-delete spelling correction), weighted by how
//! rare the skeleton is and, for a near one, by how near it sounds (`near`);
//! only the best-supported candidates are then scored in full against
//! pre-parsed keys.

use crate::cache::SimCache;
use crate::normalize::Script;
use crate::parse::{
    NameKind, ParsedName, PartKey, Role, parse, part_second_skeleton, part_skeleton,
    part_somali_skeleton,
};
use crate::phonetic::skeleton;
use crate::score::{Match, births_factor, score, score_keys_cached};
use std::collections::HashMap;

mod blocking;
mod candidates;
mod joined;
mod near;

pub use blocking::{EndJoins, acronym_keys, end_joins, is_kind_key, key_readings, keys};

/// How many of the best-supported candidates are scored in full per query.
const DEFAULT_CANDIDATES: usize = 300;
/// The weight of a key met through a part's second reading (a Latin part
/// read as Turkish, or with its silent letters left out; ض read as z).
const SECOND_READING: f32 = 0.85;
/// At most this many times the candidates are scored when many tie on key support.
const TIE_FACTOR: usize = 2;

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub id: String,
    pub name: String,
    pub score: f64,
    /// Position of the entry in the index (for `NameIndex::explain`).
    pub entry: usize,
}

/// The index key of an acronym mark: listed under what it is, asked for
/// under what it meets (an acronym asks for bodies' initials and the
/// reverse), so two bodies with the same initials are not each other's
/// candidates.
pub(crate) fn mark_key(k: &PartKey, asked: bool) -> Option<String> {
    let acronym = match k.role {
        Role::Acronym => true,
        Role::Initials => false,
        _ => return None,
    };
    let tag = if acronym != asked { 'a' } else { 'i' };
    Some(format!("!{tag}{:x}", k.text_hash))
}

/// Parses a name listed or asked for. A name of no stated kind read as a
/// person's is also read as a body's, as another name of it, when it is a
/// lone word or holds a word bodies' names hold: a list without kinds
/// holds bodies by one word as often (OPEC, Hezbollah), only the body's
/// reading meets the bodies whose words spell its acronym, and only the
/// body's translates its words («الدرك الملكي», Gendarmerie Royale).
pub fn parse_listed(raw: &str, kind: NameKind) -> ParsedName {
    let mut p = parse(raw, kind);
    if kind == NameKind::Unknown
        && p.kind == NameKind::Person
        && p.others.is_empty()
        && (p.informative_parts().count() == 1 || crate::parse::may_be_a_body(raw))
    {
        p.others.push(parse(raw, NameKind::Organization));
    }
    p
}

/// The index key of a name's group of forms ([`PartKey::nickname`]).
pub(crate) fn alias_key(group: u16) -> String {
    format!("n{group}")
}

fn deletions(s: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 {
        return;
    }
    for skip in 0..chars.len() {
        let d: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        out.push(format!("~{d}"));
    }
}

/// The index: pre-parsed entries plus key postings.
pub struct NameIndex {
    ids: Vec<Box<str>>,
    names: Vec<Box<str>>,
    kinds: Vec<NameKind>,
    /// Each entry's year of birth, 0 for none (see [`ParsedName::born`]).
    born: Vec<u16>,
    part_start: Vec<u32>,
    parts: Vec<PartKey>,
    skel_ids: HashMap<Box<str>, u32>,
    /// Every listed key's text, one after another, ending at `key_ends[sid]`.
    key_text: String,
    key_ends: Vec<usize>,
    postings: Vec<Vec<u32>>,
    neighbours: HashMap<Box<str>, Vec<u32>>,
    candidates: usize,
}

/// Which near keys a listed key is also found by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Near {
    Exact,
    /// Its one-letter deletions.
    Deletions,
    /// Its deletions, and those of the key without the article's L.
    WithoutArticle,
}

/// The skeleton of the part at `i` glued to the particle before it (ben,
/// bin, «بن»), if one comes before it: Maghrebi and Gulf names write the
/// pair as one word (Benflis, «بنعلي»).
pub(crate) fn particle_joined(keys: &[PartKey], i: usize) -> Option<String> {
    let particle = keys.get(i.checked_sub(1)?)?;
    let k = keys.get(i)?;
    (particle.role == Role::Particle && k.concept == 0 && k.script != Script::Other)
        .then(|| skeleton(particle.units.concat(&k.units).as_slice()))
}

fn part_key_string(k: &PartKey) -> String {
    if k.concept != 0 {
        format!("c{}", k.concept)
    } else {
        part_skeleton(k)
    }
}

/// The key of a concept word's second sense, if it has one.
pub(crate) fn alt_concept_key(k: &PartKey) -> Option<String> {
    (k.concept != 0 && k.concept_alt() != 0).then(|| format!("c{}", k.concept_alt()))
}

impl NameIndex {
    /// Lists `entry` under `key`, creating the key (with its one-letter
    /// deletions when `near`, and those of the key without its opening L
    /// when that is the article: «القذافي», LKZB, is near Gaddafi's KDB
    /// through KZB) on first use.
    fn post(&mut self, key: String, near: Near, entry: u32, dels: &mut Vec<String>) {
        let sid = match self.skel_ids.get(key.as_str()) {
            Some(&sid) => sid,
            None => {
                let sid = self.postings.len() as u32;
                self.postings.push(Vec::new());
                dels.clear();
                if near != Near::Exact {
                    deletions(&key, dels);
                }
                if near == Near::WithoutArticle
                    && let Some(bare) = key.strip_prefix('L')
                {
                    deletions(bare, dels);
                }
                for d in dels.drain(..) {
                    self.neighbours
                        .entry(d.into_boxed_str())
                        .or_default()
                        .push(sid);
                }
                self.key_text.push_str(&key);
                self.key_ends.push(self.key_text.len());
                self.skel_ids.insert(key.into_boxed_str(), sid);
                sid
            }
        };
        if let Some(post) = self.postings.get_mut(sid as usize)
            && post.last() != Some(&entry)
        {
            post.push(entry);
        }
    }

    /// Builds an index over `(id, name, kind)` triples. Parsing runs on all cores.
    pub fn build<I, S, T>(entries: I) -> NameIndex
    where
        I: IntoIterator<Item = (S, T, NameKind)>,
        S: Into<String>,
        T: AsRef<str>,
    {
        let raw: Vec<(String, String, NameKind)> = entries
            .into_iter()
            .map(|(id, name, kind)| (id.into(), name.as_ref().to_string(), kind))
            .collect();
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .max(1);
        let chunk = raw.len().div_ceil(threads).max(1);
        let parsed: Vec<Vec<ParsedName>> = std::thread::scope(|s| {
            let handles: Vec<_> = raw
                .chunks(chunk)
                .map(|c| {
                    s.spawn(move || {
                        c.iter()
                            .map(|(_, n, k)| parse_listed(n, *k))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let mut idx = NameIndex {
            ids: Vec::with_capacity(raw.len()),
            names: Vec::with_capacity(raw.len()),
            kinds: Vec::with_capacity(raw.len()),
            born: Vec::with_capacity(raw.len()),
            part_start: Vec::with_capacity(raw.len() + 1),
            parts: Vec::with_capacity(raw.len() * 3),
            skel_ids: HashMap::new(),
            key_text: String::new(),
            key_ends: Vec::new(),
            postings: Vec::new(),
            neighbours: HashMap::new(),
            candidates: DEFAULT_CANDIDATES,
        };
        idx.part_start.push(0);
        let mut dels = Vec::new();
        for ((id, name, kind), p) in raw.into_iter().zip(parsed.into_iter().flatten()) {
            let (id, name) = (id.into_boxed_str(), name.into_boxed_str());
            // each name a string gives (a.k.a.) is an entry of the same id
            for other in &p.others {
                idx.add_entry(
                    id.clone(),
                    name.clone(),
                    kind,
                    other.keys(),
                    p.born,
                    &mut dels,
                );
            }
            idx.add_entry(id, name, kind, p.keys(), p.born, &mut dels);
        }
        for p in &mut idx.postings {
            p.shrink_to_fit();
        }
        idx.parts.shrink_to_fit();
        idx
    }

    /// Lists one name under its keys.
    fn add_entry(
        &mut self,
        id: Box<str>,
        name: Box<str>,
        kind: NameKind,
        keys: &[PartKey],
        born: Option<u16>,
        dels: &mut Vec<String>,
    ) {
        self.born.push(born.unwrap_or(0));
        let entry = self.ids.len() as u32;
        self.ids.push(id);
        self.names.push(name);
        // the kind the caller gave, not the detected one: only a stated
        // kind may exclude an entry from a search
        self.kinds.push(kind);
        for (i, k) in keys.iter().enumerate() {
            self.parts.push(*k);
            if let Some(mark) = mark_key(k, false) {
                self.post(mark, Near::Exact, entry, dels);
            }
            if !k.role.is_keyed() {
                continue;
            }
            // glued to the particle before it, as Benflis writes «بن فليس»
            if let Some(joined) = particle_joined(keys, i) {
                self.post(joined, Near::Exact, entry, dels);
            }
            let near = if k.concept != 0 {
                Near::Exact
            } else if k.units.first() == Some(crate::phonetic::u::A_ART) {
                Near::WithoutArticle
            } else {
                Near::Deletions
            };
            self.post(part_key_string(k), near, entry, dels);
            if let Some(bare) = near::without_inner_article(k.units.as_slice()) {
                self.post(bare, Near::Deletions, entry, dels);
            }
            if let Some(alt) = alt_concept_key(k) {
                self.post(alt, Near::Exact, entry, dels);
            }
            // its second reading in a namespace of its own, so that it
            // weighs a little less than a key spelled the same
            if let Some(second) = part_second_skeleton(k) {
                self.post(format!("t{second}"), Near::Exact, entry, dels);
            }
            // and its Somali one in another, which only Arabic queries ask
            if let Some(somali) = part_somali_skeleton(k) {
                self.post(format!("o{somali}"), Near::Exact, entry, dels);
            }
            if k.nickname() != 0 {
                self.post(alias_key(k.nickname()), Near::Exact, entry, dels);
            }
        }
        for key in joined::listed_joins(keys) {
            self.post(key, Near::Exact, entry, dels);
        }
        self.part_start.push(self.parts.len() as u32);
    }

    /// Sets how many key-ranked candidates are scored in full (default 300).
    pub fn with_candidates(mut self, n: usize) -> Self {
        self.candidates = n.max(1);
        self
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Approximate heap bytes held by the index.
    pub fn heap_bytes(&self) -> usize {
        let strs: usize = self
            .ids
            .iter()
            .chain(self.names.iter())
            .map(|s| s.len() + 16)
            .sum();
        let posts: usize = self.postings.iter().map(|p| p.capacity() * 4 + 24).sum();
        let keys: usize = self.skel_ids.keys().map(|k| k.len() + 16 + 4 + 8).sum();
        let neigh: usize = self
            .neighbours
            .iter()
            .map(|(k, v)| k.len() + 16 + 24 + v.capacity() * 4 + 8)
            .sum();
        strs + posts
            + keys
            + self.key_text.capacity()
            + self.key_ends.capacity() * std::mem::size_of::<usize>()
            + neigh
            + self.parts.capacity() * std::mem::size_of::<PartKey>()
            + self.part_start.capacity() * 4
            + self.kinds.capacity()
            + self.born.capacity() * 2
    }

    /// The text of the listed key `sid`.
    fn key_of(&self, sid: u32) -> Option<&str> {
        let end = *self.key_ends.get(sid as usize)?;
        let start = match sid.checked_sub(1) {
            Some(before) => *self.key_ends.get(before as usize)?,
            None => 0,
        };
        self.key_text.get(start..end)
    }

    fn entry_parts(&self, e: usize) -> &[PartKey] {
        let s = self.part_start.get(e).copied().unwrap_or(0) as usize;
        let t = self.part_start.get(e + 1).copied().unwrap_or(0) as usize;
        self.parts.get(s..t).unwrap_or(&[])
    }

    /// The id and original name of an entry.
    pub fn entry(&self, e: usize) -> Option<(&str, &str)> {
        Some((self.ids.get(e)?, self.names.get(e)?))
    }

    /// Top-k entries for a raw query name, best first.
    pub fn top_k(&self, query: &str, kind: NameKind, k: usize) -> Vec<Hit> {
        self.top_k_parsed(&parse_listed(query, kind), kind, k, 0.0)
    }

    /// Top-k entries for a parsed query with a score of at least `min_score`.
    /// With `kind` Person or Organization, entries indexed with the other kind
    /// are skipped; entries indexed as Unknown are always eligible. Entries
    /// with the same id (one person's aliases) give one hit, the best.
    pub fn top_k_parsed(
        &self,
        q: &ParsedName,
        kind: NameKind,
        k: usize,
        min_score: f64,
    ) -> Vec<Hit> {
        if k == 0 || self.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f32, u32)> = Vec::new();
        // each name the query gives (a.k.a.) is searched for
        for name in q.names() {
            let qk = name.keys();
            let mut cache = SimCache::default();
            scored.extend(
                self.candidates_for(name)
                    .into_iter()
                    .filter(|&e| {
                        kind == NameKind::Unknown
                            || self
                                .kinds
                                .get(e as usize)
                                .is_none_or(|&ek| ek == kind || ek == NameKind::Unknown)
                    })
                    .map(|e| {
                        let s = score_keys_cached(qk, self.entry_parts(e as usize), &mut cache);
                        let born = self.born.get(e as usize).copied().filter(|&y| y != 0);
                        (s * births_factor(q.born, born) as f32, e)
                    })
                    .filter(|(s, _)| f64::from(*s) >= min_score && *s > 0.0),
            );
        }
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        // entries sharing an id are one listed person or body under several
        // names (aliases): it counts once, by its best name
        let mut seen = std::collections::HashSet::new();
        scored.retain(|&(_, e)| seen.insert(self.ids.get(e as usize)));
        scored.truncate(k);
        scored
            .into_iter()
            .filter_map(|(s, e)| {
                let (id, name) = self.entry(e as usize)?;
                Some(Hit {
                    id: id.to_string(),
                    name: name.to_string(),
                    score: f64::from(s),
                    entry: e as usize,
                })
            })
            .collect()
    }

    /// Explains a hit: re-parses the stored name and scores it with the query.
    pub fn explain(&self, q: &ParsedName, hit: &Hit) -> Option<Match> {
        let kind = *self.kinds.get(hit.entry)?;
        let (_, name) = self.entry(hit.entry)?;
        Some(score(q, &parse_listed(name, kind)))
    }

    /// Screens many queries against the index (in parallel), returning for
    /// each query its top-k hits scoring at least `threshold`.
    pub fn screen<'q>(
        &self,
        queries: &'q [(String, String)],
        kind: NameKind,
        k: usize,
        threshold: f64,
    ) -> Vec<(&'q str, Vec<Hit>)> {
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .max(1);
        let chunk = queries.len().div_ceil(threads).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = queries
                .chunks(chunk)
                .map(|c| {
                    s.spawn(move || {
                        c.iter()
                            .map(|(id, name)| {
                                let q = parse_listed(name, kind);
                                (id.as_str(), self.top_k_parsed(&q, kind, k, threshold))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
