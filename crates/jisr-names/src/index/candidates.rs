//! Which listed entries a query scores in full: those best supported by the
//! keys they share with it, each key weighted by its rarity.

use super::joined::joined_key;
use super::near::{habit_swaps, key_distance};
use super::{
    NameIndex, SECOND_READING, TIE_FACTOR, alias_key, deletions, mark_key, part_key_string,
    particle_joined,
};
use crate::normalize::Script;
use crate::parse::{ParsedName, PartKey, Role, part_second_skeleton, part_somali_skeleton};
use crate::phonetic::{Units, second_skeleton, skeleton, u};
use std::cell::RefCell;

/// The weight of a key made of two adjacent query parts, met as one
/// listed word (أحمدي نجاد, Ahmadinejad).
const JOINED: f32 = 0.5;
/// A joined key one letter from a listed one counts this share of
/// `JOINED`, from this many letters (shorter joined keys meet too much).
const JOINED_NEAR: f32 = 0.6;
const JOINED_NEAR_FROM: usize = 6;
/// What a near key loses per unit of its distance to the query's key, and
/// the most it can count: always less than a key spelled the same.
const NEAR_PER_EDIT: f32 = 0.8;
const NEAR_AT_MOST: f32 = 0.9;
/// What a listed key one letter or one more swap from a habit's swap of
/// the query's counts, unless it sounds nearer than that.
const SWAP_AND_EDIT: f32 = 0.3;

/// Per-thread accumulators sized to the index: support per entry, the
/// entries touched, and a stamp marking which query part last counted.
struct Scratch {
    acc: Vec<f32>,
    touched: Vec<u32>,
    stamp: Vec<u32>,
    now: u32,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const {
        RefCell::new(Scratch { acc: Vec::new(), touched: Vec::new(), stamp: Vec::new(), now: 0 })
    };
}

impl Scratch {
    fn prepare(&mut self, entries: usize) {
        if self.acc.len() < entries {
            self.acc.resize(entries, 0.0);
            self.stamp.resize(entries, 0);
        }
        self.touched.clear();
    }

    /// Starts a query part: the entries it supports count it once.
    fn next_part(&mut self) -> u32 {
        self.now = self.now.wrapping_add(1);
        if self.now == 0 {
            self.stamp.iter_mut().for_each(|x| *x = 0);
            self.now = 1;
        }
        self.now
    }

    /// The best-supported `c` entries (more when many tie with the last),
    /// leaving the accumulators empty for the next query. The entries tied
    /// with the last are taken fewest `keyed` parts first, which is the
    /// entry the query covers whole (Mullah Omar, «الملا عمر»); each tied
    /// entry is counted once, after the selection, whose comparisons stay
    /// those of support alone (a comparison that also asks the parts made
    /// every query slower).
    fn ranked(&mut self, c: usize, keyed: &dyn Fn(u32) -> usize) -> Vec<u32> {
        let mut ranked: Vec<(f32, u32)> = self
            .touched
            .iter()
            .map(|&e| (self.acc[e as usize], e))
            .collect();
        for &e in self.touched.iter() {
            self.acc[e as usize] = 0.0;
        }
        if ranked.len() > c {
            ranked.select_nth_unstable_by(c - 1, |a, b| b.0.total_cmp(&a.0));
            let cut = ranked[c - 1].0;
            let (mut kept, tied): (Vec<_>, Vec<_>) = ranked
                .into_iter()
                .filter(|x| x.0 >= cut)
                .partition(|x| x.0 > cut);
            let room = (c * TIE_FACTOR).saturating_sub(kept.len());
            let mut tied: Vec<(usize, u32)> =
                tied.into_iter().map(|(_, e)| (keyed(e), e)).collect();
            if room > 0 && tied.len() > room {
                tied.select_nth_unstable(room - 1);
            }
            tied.truncate(room);
            kept.extend(tied.into_iter().map(|(_, e)| (cut, e)));
            return kept.into_iter().map(|(_, e)| e).collect();
        }
        ranked.into_iter().map(|(_, e)| e).collect()
    }
}

/// The words of a compound joined by an article (انصار | الدين): the
/// units before the article and after it, each of two units or more.
fn compound_halves(units: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = units
        .windows(2)
        .skip(2)
        .position(|w| w == [u::A_ART, u::L_ART])?
        + 2;
    let tail = &units[at + 2..];
    (tail.len() >= 2).then(|| (&units[..at], tail))
}

impl NameIndex {
    /// Entries sharing keys with the query, best-supported first, at most `self.candidates`.
    pub(super) fn candidates_for(&self, q: &ParsedName) -> Vec<u32> {
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            scratch.prepare(self.ids.len());
            let mut dels = Vec::new();
            let mut sids: Vec<(u32, f32)> = Vec::new();
            let keys = q.keys();
            for (i, k) in keys.iter().enumerate() {
                if let Some(mark) = mark_key(k, true) {
                    sids.clear();
                    if let Some(&sid) = self.skel_ids.get(mark.as_str()) {
                        sids.push((sid, 1.0));
                        self.support(&mark, &mut sids, 1.0, &mut scratch);
                    }
                }
                if !k.role.is_keyed() {
                    continue;
                }
                let key = part_key_string(k);
                sids.clear();
                self.keys_near(k, &key, &mut sids, &mut dels);
                // one query word may be two listed Arabic words (Alireza
                // «علي رضا»)
                if k.concept == 0
                    && let Some(&sid) = self.skel_ids.get(joined_key(&key).as_str())
                {
                    sids.push((sid, JOINED));
                }
                // the part glued to its particle, as a listed Benflis is
                // written («بن فليس»), or listed glued to it (Ben Ali, «بنعلي»)
                if let Some(joined) = particle_joined(keys, i)
                    && let Some(&sid) = self.skel_ids.get(joined.as_str())
                {
                    sids.push((sid, SECOND_READING));
                }
                self.support(&key, &mut sids, k.weight.max(0.2), &mut scratch);
            }
            // two adjacent query parts may be one listed word: the keys of
            // «أحمدي» and «نجاد» (HMD, NKD) are each far from Ahmadinejad's
            let joinable: Vec<&PartKey> = q
                .keys()
                .iter()
                .filter(|k| k.role.is_keyed() && k.concept == 0 && k.script != Script::Other)
                .collect();
            let article = Units::from_slice(&[u::A_ART, u::L_ART]);
            for pair in joinable.windows(2) {
                let units = pair[0].units.concat(&pair[1].units);
                let key = skeleton(units.as_slice());
                sids.clear();
                if let Some(&sid) = self.skel_ids.get(key.as_str()) {
                    sids.push((sid, JOINED));
                }
                // or its other reading (ض as z: «علي رضا» is Alireza), or a
                // listed word's (Mohammad Reza is «محمدرضا» read with z)
                if let Some(second) =
                    second_skeleton(units.as_slice(), pair[0].script == Script::Latin)
                    && let Some(&sid) = self.skel_ids.get(second.as_str())
                {
                    sids.push((sid, JOINED * SECOND_READING));
                }
                if let Some(&sid) = self.skel_ids.get(format!("t{key}").as_str()) {
                    sids.push((sid, JOINED * SECOND_READING));
                }
                // or a compound around the article the query left out:
                // Ansar Dine is «أنصار الدين», Nour Din «نور الدين»
                let compound = pair[0].units.concat(&article).concat(&pair[1].units);
                if let Some(&sid) = self.skel_ids.get(skeleton(compound.as_slice()).as_str()) {
                    sids.push((sid, JOINED));
                }
                // or one letter apart, as a long word written in two often
                // is: Berdimuhamedow (BRDMHMD) is «بيردي محمدوف» (BRDMHMDB)
                if sids.is_empty() && key.len() >= JOINED_NEAR_FROM {
                    if let Some(v) = self.neighbours.get(format!("~{key}").as_str()) {
                        sids.extend(v.iter().map(|&s| (s, JOINED * JOINED_NEAR)));
                    }
                    dels.clear();
                    deletions(&key, &mut dels);
                    for d in &dels {
                        if let Some(&sid) = self.skel_ids.get(&d[1..]) {
                            sids.push((sid, JOINED * JOINED_NEAR));
                        }
                    }
                }
                if sids.is_empty() {
                    continue;
                }
                let weight = pair[0].weight.min(pair[1].weight).max(0.2);
                self.support(&key, &mut sids, weight, &mut scratch);
            }
            // a body's compound meets its words listed apart: «أنصار الدين»
            // is Ansar Dine (the mirror of the compound around the article)
            for k in keys
                .iter()
                .filter(|k| k.role == Role::OrgName && k.concept == 0)
            {
                let Some((head, tail)) = compound_halves(k.units.as_slice()) else {
                    continue;
                };
                for half in [head, tail] {
                    let key = skeleton(half);
                    sids.clear();
                    if let Some(&sid) = self.skel_ids.get(key.as_str()) {
                        sids.push((sid, JOINED));
                        self.support(&key, &mut sids, k.weight.max(0.2), &mut scratch);
                    }
                }
            }
            // entries tied at the cut, fewest keyed parts first: those the
            // query's keys cover whole («مصالي الحاج» against HADJ Messali,
            // whose title is not keyed, tied with 691 other entries
            // sharing only Messali's key, most of them longer names)
            let keyed = |e: u32| {
                self.entry_parts(e as usize)
                    .iter()
                    .filter(|k| k.role.is_keyed())
                    .count()
            };
            scratch.ranked(self.candidates, &keyed)
        })
    }

    /// The listed keys a query part's `key` meets, with how near each is.
    fn keys_near(
        &self,
        k: &PartKey,
        key: &str,
        sids: &mut Vec<(u32, f32)>,
        dels: &mut Vec<String>,
    ) {
        if let Some(&sid) = self.skel_ids.get(key) {
            sids.push((sid, 1.0));
        }
        if k.concept != 0 {
            if let Some(alt) = super::alt_concept_key(k)
                && let Some(&sid) = self.skel_ids.get(alt.as_str())
            {
                sids.push((sid, 1.0));
            }
            // a concept word names also romanise (مصر) meets that romanisation (Misr)
            if let Some(second) = part_second_skeleton(k)
                && let Some(&sid) = self.skel_ids.get(second.as_str())
            {
                sids.push((sid, SECOND_READING));
            }
            return;
        }
        // the same name with and without the article (al-Touati / Touati)
        let mut bare = None;
        let alt = if k.units.first() == Some(u::A_ART) {
            key.strip_prefix('L').map(str::to_string)
        } else {
            Some(format!("L{key}"))
        };
        if let Some(alt) = alt.filter(|a| !a.is_empty()) {
            if let Some(&sid) = self.skel_ids.get(alt.as_str()) {
                sids.push((sid, 0.8));
            }
            // and a listed part's second reading (Dajani is «الدجاني» read
            // with the d of «دج», LDKN, posted as a second reading)
            if let Some(&sid) = self.skel_ids.get(format!("t{alt}").as_str()) {
                sids.push((sid, 0.8 * SECOND_READING));
            }
            if let Some(v) = self.neighbours.get(format!("~{alt}").as_str()) {
                sids.extend(v.iter().map(|&s| (s, 0.5)));
            }
            if key.len() > alt.len() {
                bare = Some(alt);
            }
        }
        // the query's own skeleton may be a deletion of an indexed one
        if let Some(v) = self.neighbours.get(format!("~{key}").as_str()) {
            sids.extend(v.iter().map(|&s| (s, self.near_weight(key, s, 0.6))));
        }
        let near = |base: &str, dels: &[String], sids: &mut Vec<(u32, f32)>, w: f32| {
            for d in dels {
                if let Some(&sid) = self.skel_ids.get(&d[1..]) {
                    sids.push((sid, w * self.near_weight(base, sid, 0.6)));
                }
                if let Some(v) = self.neighbours.get(d.as_str()) {
                    sids.extend(v.iter().map(|&s| (s, w * self.near_weight(base, s, 0.45))));
                }
            }
        };
        dels.clear();
        deletions(key, dels);
        near(key, dels, sids, 1.0);
        // a letter swapped as a spelling habit swaps it, and one more
        // letter the listed key has: «نولز» (NLZ) read NLS is one letter
        // from Knowles (KNLS), beyond the reach of deletions alone
        dels.clear();
        habit_swaps(key, dels);
        let mut more: Vec<String> = Vec::new();
        for v in dels.iter() {
            // a key of one or two letters has no deletions to meet: Juan
            // (KN) is خوان (HN), Isaiah (S) «أيزاياه» (Z)
            if key.len() < 3 {
                if let Some(&sid) = self.skel_ids.get(v.as_str()) {
                    sids.push((sid, self.near_weight(key, sid, 0.45)));
                }
                continue;
            }
            if let Some(post) = self.neighbours.get(format!("~{v}").as_str()) {
                sids.extend(
                    post.iter()
                        .map(|&s| (s, self.near_weight(key, s, SWAP_AND_EDIT))),
                );
            }
            // or one letter fewer, or a second habit swap: Wertheim (WRTM)
            // is «فيرتهايم» (BRTHM) with ف for w and an h written out,
            // Weisbach (WSBS) «فايسباخ» (BSBH) with ف for w and خ for ch
            more.clear();
            deletions(v, &mut more);
            habit_swaps(v, &mut more);
            for m in &more {
                let m = m.strip_prefix('~').unwrap_or(m);
                if let Some(&sid) = self.skel_ids.get(m) {
                    sids.push((sid, self.near_weight(key, sid, SWAP_AND_EDIT)));
                }
            }
        }
        // and near the name without its article: «القذافي» (LKZB) is
        // Gaddafi (KDB), one consonant from KZB; a compound's inner one
        // too («وحيد الدين», Vahdettin)
        let inner = super::near::without_inner_article(k.units.as_slice());
        if let Some(inner) = &inner
            && let Some(&sid) = self.skel_ids.get(inner.as_str())
        {
            sids.push((sid, 0.8));
        }
        if let Some(bare) = bare.or(inner) {
            dels.clear();
            deletions(&bare, dels);
            near(&bare, dels, sids, 0.8);
        }
        // Turkish spellings (Cemal, Ahmet for جمال، أحمد), silent letters
        // (Foucault for فوكو) and ض as z (Fazl for «فضل»): a query part
        // meets the second reading of listed parts, and its own second
        // reading meets listed parts, a little below a key spelled the same
        if let Some(&sid) = self.skel_ids.get(format!("t{key}").as_str()) {
            sids.push((sid, SECOND_READING));
        }
        if let Some(second) = part_second_skeleton(k) {
            if let Some(&sid) = self.skel_ids.get(second.as_str()) {
                sids.push((sid, SECOND_READING));
            }
            // and a body's two second readings meet: the Houthis
            // «الحوثيون» are each other's only in the singular (a person's
            // would add candidates to every query with a silent letter)
            if k.role == Role::OrgName
                && let Some(&sid) = self.skel_ids.get(format!("t{second}").as_str())
            {
                sids.push((sid, SECOND_READING * SECOND_READING));
            }
        }
        // Somali spelling, c for ع (Cumar for «عمر»), each way
        if k.script == Script::Arabic
            && let Some(&sid) = self.skel_ids.get(format!("o{key}").as_str())
        {
            sids.push((sid, SECOND_READING));
        }
        if let Some(somali) = part_somali_skeleton(k)
            && let Some(&sid) = self.skel_ids.get(somali.as_str())
        {
            sids.push((sid, SECOND_READING));
        }
        // another form of the name (Yitzhak for «إسحاق»)
        if k.nickname() != 0
            && let Some(&sid) = self.skel_ids.get(alias_key(k.nickname()).as_str())
        {
            sids.push((sid, SECOND_READING));
        }
    }

    /// How much a near listed key `sid` counts for a query part keyed
    /// `key`: what the deletions that met it are worth (`path`: one letter
    /// apart 0.6, a letter each 0.45), or more when the letters that differ
    /// are a spelling habit (s for ز, an h left out).
    fn near_weight(&self, key: &str, sid: u32, path: f32) -> f32 {
        let Some(listed) = self.key_of(sid) else {
            return path;
        };
        path.max((1.0 - NEAR_PER_EDIT * key_distance(key, listed)).min(NEAR_AT_MOST))
    }

    /// Adds one query part's support to the entries its keys `sids` list,
    /// each key weighted by its rarity, `weight` and how near it is.
    fn support(&self, key: &str, sids: &mut [(u32, f32)], weight: f32, scratch: &mut Scratch) {
        sids.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        let total = self.ids.len() as f32;
        let idf = |sid: u32| {
            let df = self.postings.get(sid as usize).map_or(1, Vec::len).max(1);
            (1.0 + total / df as f32).ln()
        };
        // a near key never outweighs the exact one, however rare it is
        let exact_idf = self.skel_ids.get(key).map(|&s| idf(s));
        let mut contrib: Vec<(f32, u32)> = Vec::with_capacity(sids.len());
        let mut last = None;
        for &(sid, w) in sids.iter() {
            // the nearest reading of each key, which sorted first
            if last == Some(sid) {
                continue;
            }
            last = Some(sid);
            let i = idf(sid);
            let i = if w < 1.0 {
                exact_idf.map_or(i, |x| i.min(x))
            } else {
                i
            };
            contrib.push((w * i * weight, sid));
        }
        contrib.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        // each query part counts once per entry, with its best key
        let now = scratch.next_part();
        for &(add, sid) in &contrib {
            let Some(post) = self.postings.get(sid as usize) else {
                continue;
            };
            for &e in post {
                let e = e as usize;
                if scratch.stamp[e] == now {
                    continue;
                }
                scratch.stamp[e] = now;
                if scratch.acc[e] == 0.0 {
                    scratch.touched.push(e as u32);
                }
                scratch.acc[e] += add;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{NameIndex, NameKind};

    /// 2,000 people named `given` with made-up family names, and `extra`:
    /// the given name's key alone cannot tell them apart.
    fn namesakes(given: &str, extra: &[(&str, &str)]) -> NameIndex {
        const SYLLABLES: [&str; 8] = ["ba", "ko", "ri", "tu", "me", "sa", "lo", "ni"];
        let mut entries: Vec<(String, String, NameKind)> = extra
            .iter()
            .map(|(id, n)| (id.to_string(), n.to_string(), NameKind::Person))
            .collect();
        for i in 0..2000usize {
            let family: String = (0..4).map(|k| SYLLABLES[(i >> (3 * k)) & 7]).collect();
            entries.push((
                format!("d{i}"),
                format!("{given} {family}"),
                NameKind::Person,
            ));
        }
        NameIndex::build(entries)
    }

    #[test]
    fn two_query_parts_meet_one_listed_word() {
        let idx = namesakes("Mahmoud", &[("target", "Mahmoud Ahmadinejad")]);
        let hits = idx.top_k("محمود أحمدي نجاد", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    #[test]
    fn a_near_key_a_habit_explains_outranks_other_letters() {
        // Josiane (KSN) is one letter from «جوزيان» (KZN), the ز that
        // writes an s between vowels; each of the others adds one letter
        // of its own, and only a few candidates are scored in full
        let others = [
            "Kazran", "Kazman", "Kazlan", "Kaznar", "Kabzan", "Karzan", "Kamzan", "Kaznam",
            "Kazbin",
        ];
        let entries = others
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("d{i}"), *n))
            .chain([("target".to_string(), "Josiane")]);
        let idx =
            NameIndex::build(entries.map(|(id, n)| (id, n, NameKind::Person))).with_candidates(2);
        let hits = idx.top_k("جوزيان", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    #[test]
    fn a_key_reaches_one_letter_beyond_a_habit_swap() {
        // «نولز» (NLZ) is Knowles (KNLS): a ز for s and a k left unwritten
        let idx = namesakes("Stefania", &[("target", "Stefania Knowles")]);
        let hits = idx.top_k("ستيفانيا نولز", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    #[test]
    fn a_key_reaches_two_habit_swaps_or_a_swap_and_a_letter() {
        let idx = NameIndex::build(
            [("w1", "Wertheim"), ("w2", "Weisbach"), ("o", "Brecht")]
                .map(|(id, n)| (id, n, NameKind::Person)),
        );
        let first = |q: &str| {
            idx.top_k(q, NameKind::Person, 1)
                .first()
                .map(|h| h.id.clone())
        };
        assert_eq!(first("فيرتهايم").as_deref(), Some("w1"));
        assert_eq!(first("فايسباخ").as_deref(), Some("w2"));
    }

    #[test]
    fn a_short_key_meets_its_habit_swaps() {
        // خوان (HN) is Juan (KN): Spanish j written خ
        let idx = namesakes("Afful", &[("target", "Juan Afful")]);
        let hits = idx.top_k("خوان أفول", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
        // and «أيزاياه» (Z) is Isaiah (S), an s between vowels written ز
        let idx = namesakes("Afful", &[("target", "أيزاياه أفول")]);
        let hits = idx.top_k("Isaiah Afful", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    #[test]
    fn a_one_word_query_prefers_the_entry_it_covers_whole() {
        // every entry holds Omar; the press names the man by it alone
        let idx = namesakes("Omar", &[("target", "Mullah Omar")]);
        let hits = idx.top_k("الملا عمر", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    #[test]
    fn two_query_words_meet_a_compound_around_its_article() {
        // Ansar Dine (NSR, DN) is «أنصار الدين» (NSRLDN), one word with
        // the article the Latin left out
        let org = NameKind::Organization;
        let idx = NameIndex::build(vec![
            ("target", "أنصار الدين", org),
            ("sunna", "جيش أنصار السنة", org),
            ("islam", "أنصار الإسلام", org),
        ]);
        let hits = idx.top_k("Ansar Dine", org, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }

    // and the mirror: the compound is the query's
    #[test]
    fn a_compound_query_meets_its_words_listed_apart() {
        let org = NameKind::Organization;
        let latin = NameIndex::build(vec![
            ("dine", "Ansar Dine", org),
            ("islam", "Ansar al-Islam", org),
            ("sharia", "Ansar al-Sharia", org),
            ("zenki", "Harakat Nour al-Din al-Zenki", org),
        ]);
        let hits = latin.top_k("أنصار الدين", org, 1);
        assert_eq!(
            hits.first().map(|h| h.id.as_str()),
            Some("dine"),
            "{hits:?}"
        );
    }

    #[test]
    fn a_key_is_near_without_its_article() {
        let idx = namesakes("معمر", &[("target", "معمر محمد أبو منيار القذافي")]);
        let hits = idx.top_k("Muammar Gaddafi", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
        // and a query's key without its article is near a listed one
        let idx = namesakes("Muammar", &[("target", "Muammar Gaddafi")]);
        let hits = idx.top_k("معمر محمد أبو منيار القذافي", NameKind::Person, 1);
        assert_eq!(hits.first().map(|h| h.id.as_str()), Some("target"));
    }
}
