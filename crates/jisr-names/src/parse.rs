//! Splitting a name into parts with roles.
//!
//! Arabic names are chains (given name, nasab "son of …", family name, kunya
//! "Abu …", nisba "al-Masri") wrapped in titles; several of their parts are
//! written as one word in one source and two in another («عبد الرحمن»,
//! "Abdulrahman", "Abd al-Rahman"), so the parser glues those compounds into
//! one part before anything is compared.

use crate::lexicon::{Word, lexicon};
use crate::normalize::{Script, normalize, script_of};
use crate::phonetic::{Units, arabic_units, latin_units, other_units, skeleton_on_stack, u};
use std::hash::{Hash, Hasher};

/// What kind of entity a name belongs to.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Organization,
    /// Let the parser decide: organisation if it contains an organisation word.
    Unknown,
}

impl NameKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organization => "org",
            NameKind::Unknown => "unknown",
        }
    }
}

impl std::str::FromStr for NameKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "people" | "per" => Ok(NameKind::Person),
            "org" | "organization" | "organisation" | "company" | "legalentity" => {
                Ok(NameKind::Organization)
            }
            "unknown" | "any" | "" => Ok(NameKind::Unknown),
            other => Err(format!(
                "unknown name kind {other:?} (person, org, unknown)"
            )),
        }
    }
}

/// The role a part plays in a name.
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Rank, title or honorific: never evidence of identity.
    Title,
    /// What the press or a report writes around a name: an office, whom
    /// it serves, a nationality, a status (Syrian President, «وزير
    /// الداخلية», «المتهم الهارب»): never evidence of identity.
    Description,
    /// bin, ibn, bint, ould: marks the next part as a patronymic.
    Particle,
    Given,
    /// A father's or grandfather's name introduced by bin/ibn/ould.
    Nasab,
    /// A middle part without a particle (a second given name or a father's name).
    Middle,
    Family,
    /// Abu …/Umm …
    Kunya,
    /// A family name derived from a place or tribe with the article: al-Masri.
    Nisba,
    /// A single letter standing for a name.
    Initial,
    /// A ruler's number after the name (Abdullah II, «عبد الله الثاني»):
    /// no evidence of the name, but two different numbers are two people.
    Ordinal,
    /// A distinctive word of an organisation's name.
    OrgName,
    /// A generic organisation word: Ministry, Bank, Academy, وزارة …
    OrgType,
    /// Ltd, GmbH, LLC …: ignored when comparing.
    Legal,
    /// of, the, and: ignored when comparing.
    Stop,
    /// A body's name written as an acronym (OPEC, LeT), marked after its
    /// parts: compared only with another body's `Initials`.
    Acronym,
    /// The letters a body's words spell as an acronym (opec for the
    /// Organization of the Petroleum Exporting Countries), marked after its
    /// parts, one for each way lists form acronyms.
    Initials,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Description => "description",
            Role::Particle => "particle",
            Role::Given => "given",
            Role::Nasab => "nasab",
            Role::Middle => "middle",
            Role::Family => "family",
            Role::Kunya => "kunya",
            Role::Nisba => "nisba",
            Role::Initial => "initial",
            Role::Ordinal => "ordinal",
            Role::OrgName => "name",
            Role::OrgType => "type",
            Role::Legal => "legal",
            Role::Stop => "stop",
            Role::Acronym => "acronym",
            Role::Initials => "initials",
        }
    }

    /// Whether the part counts as evidence when comparing names.
    pub fn is_informative(self) -> bool {
        !matches!(
            self,
            Role::Title
                | Role::Description
                | Role::Particle
                | Role::Legal
                | Role::Stop
                | Role::Acronym
                | Role::Initials
        )
    }

    /// Whether the part is a candidate key of the name (a number is not:
    /// "Abdullah" and "Abdullah II" must meet).
    pub fn is_keyed(self) -> bool {
        self.is_informative() && self != Role::Ordinal
    }

    fn base_weight(self) -> f32 {
        match self {
            Role::Given | Role::Family | Role::Nisba | Role::OrgName => 1.0,
            Role::Nasab | Role::Middle | Role::Kunya => 0.8,
            Role::Initial => 0.35,
            Role::OrgType => 0.3,
            Role::Title
            | Role::Description
            | Role::Particle
            | Role::Legal
            | Role::Stop
            | Role::Ordinal
            | Role::Acronym
            | Role::Initials => 0.0,
        }
    }
}

/// The comparable core of a part; `Copy` and heap-free so an index can hold
/// millions of them in one flat vector.
#[derive(Clone, Copy, Debug)]
pub struct PartKey {
    pub(crate) units: Units,
    pub(crate) role: Role,
    pub(crate) script: Script,
    /// Organisation concept id (0 = none).
    pub(crate) concept: u16,
    pub(crate) weight: f32,
    /// Hash of the normalised text, for exact matches and opaque scripts.
    pub(crate) text_hash: u64,
    /// Hash and length of the consonant skeleton (of an acronym mark, the
    /// number of its letters).
    pub(crate) skel: u32,
    pub(crate) skel_len: u8,
    /// Which coarse consonant classes occur: parts sharing none cannot be the same name.
    pub(crate) mask: u32,
    /// Identifies everything `part_sim` looks at, for caching similarities.
    pub(crate) sim_id: u64,
    /// A person's part: the identity group of a given name shared by its
    /// short forms (Bibi, Benjamin); an organisation word with a concept:
    /// the concept of its second sense («جامعة» a university and a
    /// league). 0 for none. One field, since no part has both, keeps the
    /// key at 72 bytes, which a 1M-name index holds some 2.7M times.
    also: u16,
    /// The units' information weight and the set of units they contain,
    /// computed once here instead of for every pair the part is scored in.
    pub(crate) unit_weight: f32,
    pub(crate) bag: u64,
}

impl PartKey {
    /// The identity group of a person's name part (0 = none).
    pub(crate) fn nickname(&self) -> u16 {
        if self.concept == 0 { self.also } else { 0 }
    }

    /// The second sense of an organisation word (0 = none).
    pub(crate) fn concept_alt(&self) -> u16 {
        if self.concept != 0 { self.also } else { 0 }
    }

    pub(crate) fn seq(&self) -> crate::kernel::Seq<'_> {
        crate::kernel::Seq::with(self.units.as_slice(), self.unit_weight, self.bag)
    }
}

/// One part of a parsed name.
#[derive(Clone, Debug)]
pub struct Part {
    /// The normalised text of the part (compounds keep their inner space).
    pub text: String,
    pub role: Role,
    pub script: Script,
}

/// A name split into parts, ready to be compared or indexed.
#[derive(Clone, Debug)]
pub struct ParsedName {
    pub kind: NameKind,
    pub original: String,
    pub parts: Vec<Part>,
    pub(crate) keys: Vec<PartKey>,
    /// The other names the string gives ("… a.k.a. …", «… المعروف بـ …»),
    /// each parsed on its own; empty for most names.
    pub(crate) others: Vec<ParsedName>,
    /// The year of birth the string gives after a person's name (DOB
    /// 12/03/1962), which tells two persons of one name apart.
    pub born: Option<u16>,
}

impl ParsedName {
    /// This name and the other names its string gives, the first first.
    pub fn names(&self) -> impl Iterator<Item = &ParsedName> {
        std::iter::once(self).chain(self.others.iter())
    }

    /// The parts that count as evidence (no titles, particles, legal forms, stop words).
    pub fn informative_parts(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.role.is_informative())
    }
    pub(crate) fn keys(&self) -> &[PartKey] {
        &self.keys
    }
}

fn hash_text(s: &str) -> u64 {
    let mut h = crate::cache::FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

fn token_units(token: &str, script: Script) -> Units {
    match script {
        Script::Arabic => arabic_units(token),
        Script::Latin => latin_units(token),
        Script::Other => other_units(token),
    }
}

/// A group of tokens that forms one part.
struct Group {
    text: String,
    units: Units,
    script: Script,
    word: Option<Word>,
    role: Option<Role>,
    has_article: bool,
}

impl Group {
    fn new(token: &str) -> Self {
        // a word with digits (313, 4th, M16) is that exact word: sounds would
        // make every number alike
        let script = if token.bytes().any(|b| b.is_ascii_digit()) {
            Script::Other
        } else {
            script_of(token)
        };
        // South and South-East Asian lists abbreviate Muhammad; compare the full form
        let sounded = match token {
            "mohd" | "muhd" | "mhd" | "md" => "muhammad",
            _ => token,
        };
        let text = crate::normalize::ascii_spelling(token);
        Group {
            units: token_units(sounded, script),
            script,
            word: lexicon().word(&text),
            text: text.into_owned(),
            role: None,
            has_article: false,
        }
    }
    fn append(&mut self, other: &Group) {
        self.text.push(' ');
        self.text.push_str(&other.text);
        self.units = self.units.concat(&other.units);
        self.has_article |= other.has_article;
    }
}

fn article_units() -> Units {
    Units::from_slice(&[u::A_ART, u::L_ART])
}

/// Parses one name; `marker` tells whether a word of it may introduce
/// another name (aka, «المعروف»: a notable word), for `parse` to read them
/// apart.
fn parse_one(original: &str, kind: NameKind, marker: &mut bool) -> ParsedName {
    let kin = (kind != NameKind::Organization)
        .then(|| kinship::as_particles(original))
        .flatten();
    let kin_read = kin.as_deref().unwrap_or(original);
    let honorific = letters::honorific_initials(kin_read);
    let source = honorific.as_deref().unwrap_or(kin_read);
    let dotted = letters::dotted_initials(source);
    let name = dotted.as_deref().unwrap_or(source);
    let mut norm = normalize(name);
    let mut tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    let stated = kind;
    let kind = match kind {
        NameKind::Unknown => org::detect_kind(&tokens),
        k => k,
    };
    // most names have no word that describes or introduces another name:
    // one lookup a word settles them (reading them in another order, as
    // the lines below may, changes no word)
    let notable = tokens.iter().any(|t| lexicon().is_notable(t));
    *marker = notable;
    let reordered = match kind {
        NameKind::Organization => None,
        _ => inverted::reading_order(name)
            // a family name in capitals first (BEN ALI Ahmed), for a name
            // stated to be a person's, or of no stated kind with no word a
            // body's name may hold (PT Astra International opens with its
            // legal form)
            .or_else(|| {
                inverted::capitals_first(name).filter(|_| {
                    stated == NameKind::Person
                        || stated == NameKind::Unknown && org::surely_a_person(&tokens)
                })
            })
            .or_else(|| notable.then(|| inverted::described_after_a_dash(name))?),
    };
    if let Some(r) = reordered {
        norm = normalize(&r);
        tokens = norm.split(' ').filter(|t| !t.is_empty()).collect();
    }
    // "Unknown", «مجهول»: no name at all
    if placeholders::is_placeholder(&tokens) {
        tokens.clear();
    }
    // formulas of blessing after a person's name («رحمه الله», rahimahullah)
    if kind != NameKind::Organization
        && let Some(kept) = eulogies::without_formulas(&tokens)
    {
        tokens = kept;
    }
    let described;
    let mut description: &[String] = &[];
    if kind != NameKind::Organization
        && notable
        && let Some(d) = prose::describing(&tokens)
    {
        described = d;
        description = &described.0;
        tokens = described.1.iter().map(String::as_str).collect();
    }
    let read;
    if kind != NameKind::Organization
        && let Some(r) = exonyms::read_exonyms(&tokens)
    {
        read = r;
        tokens = read.iter().map(String::as_str).collect();
    }
    let nisbas;
    if kind != NameKind::Organization
        && let Some(n) = demonyms::read_translated_nisbas(&tokens)
    {
        nisbas = n;
        tokens = nisbas.iter().map(String::as_str).collect();
    }
    let split;
    if kind != NameKind::Organization
        && let Some(s) = joined::split_glued_articles(&tokens)
    {
        split = s;
        tokens = split.iter().map(String::as_str).collect();
    }
    let spelled;
    if kind != NameKind::Organization
        && let Some(s) = letters::initials_as_letters(&tokens)
    {
        spelled = s;
        tokens = spelled.iter().map(String::as_str).collect();
    }
    let mut parts: Vec<(Group, Role)> = description
        .iter()
        .map(|t| (Group::new(t), Role::Description))
        .collect();
    parts.extend(match kind {
        NameKind::Organization => org::parse_org(&tokens),
        _ => person::parse_person(&tokens),
    });
    let marks = if kind == NameKind::Organization {
        let informative: Vec<&str> = parts
            .iter()
            .filter(|(_, r)| r.is_informative())
            .map(|(g, _)| g.text.as_str())
            .collect();
        acronym::marks(kin_read, &tokens, &informative)
    } else {
        Vec::new()
    };
    let mut keys = Vec::with_capacity(parts.len());
    let mut out = Vec::with_capacity(parts.len());
    for (g, role) in parts {
        let (concept, concept_alt) = if matches!(role, Role::OrgName | Role::OrgType) {
            let lex = lexicon();
            (lex.concept(&g.text).unwrap_or(0), lex.concept_alt(&g.text))
        } else {
            (0, 0)
        };
        let nickname = if g.script != Script::Other
            && matches!(
                role,
                Role::Given | Role::Middle | Role::Nasab | Role::Family
            ) {
            lexicon().nickname_group(&g.text)
        } else {
            0
        };
        // compounds keep their inner space in the text but not in its hashes
        let compact = if g.text.contains(' ') {
            std::borrow::Cow::Owned(g.text.replace(' ', ""))
        } else {
            std::borrow::Cow::Borrowed(g.text.as_str())
        };
        let seq = crate::kernel::Seq::new(g.units.as_slice());
        let spelled = crate::distance::spelled_weight(g.units.as_slice());
        let w = role.base_weight() * (spelled / 3.5).clamp(0.6, 1.2);
        let skel = skeleton_on_stack(g.units.as_slice());
        let skel = skel.as_str();
        keys.push(PartKey {
            units: g.units,
            role,
            script: g.script,
            concept,
            weight: w,
            text_hash: hash_text(&compact),
            skel: hash_text(skel) as u32,
            skel_len: skel.len().min(255) as u8,
            mask: class_mask(skel, g.units.as_slice()),
            sim_id: sim_id(&compact, &g.units, role, concept ^ nickname.rotate_left(8)),
            also: if concept != 0 { concept_alt } else { nickname },
            unit_weight: seq.weight(),
            bag: seq.bag(),
        });
        out.push(Part {
            text: g.text,
            role,
            script: g.script,
        });
    }
    // a mark is compared by its letters alone, so its key holds only them
    for (letters, role) in marks {
        keys.push(PartKey {
            units: Units::from_slice(&[]),
            role,
            script: Script::Latin,
            concept: 0,
            weight: 0.0,
            text_hash: hash_text(&letters),
            skel: 0,
            skel_len: letters.len().min(255) as u8,
            mask: 0,
            sim_id: 0,
            also: 0,
            unit_weight: 0.0,
            bag: 0,
        });
        out.push(Part {
            text: letters,
            role,
            script: Script::Latin,
        });
    }
    ParsedName {
        kind,
        original: original.to_string(),
        parts: out,
        keys,
        others: Vec::new(),
        born: None,
    }
}

/// `compact`: the part's text without spaces.
fn sim_id(compact: &str, units: &Units, role: Role, concept: u16) -> u64 {
    let mut h = crate::cache::FxHasher::default();
    compact.hash(&mut h);
    units.as_slice().hash(&mut h);
    // the roles part_sim compares by other rules than sound
    (role == Role::Initial, role == Role::Ordinal).hash(&mut h);
    concept.hash(&mut h);
    h.finish()
}

pub use strings::parse;

/// Whether a name of no stated kind may be a body's: one of its words is
/// a legal form or a word bodies' names hold («الدرك الملكي», Gendarmerie
/// Royale), though the words alone may not settle that it is.
pub(crate) fn may_be_a_body(raw: &str) -> bool {
    let norm = normalize(raw);
    let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
    !org::surely_a_person(&tokens)
}

pub(crate) use index_keys::{
    class_mask, part_second_skeleton, part_skeleton, part_somali_skeleton,
};

mod acronym;
mod aliases;
mod bilingual;
mod demonyms;
mod eulogies;
mod exonyms;
mod index_keys;
mod inverted;
mod joined;
mod kinship;
mod labelled;
mod letters;
mod markers;
mod married;
mod numbered;
mod numbers;
mod org;
mod particulars;
mod person;
mod placeholders;
mod prose;
mod strings;
mod travel;
mod variants;
mod visual;

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
