//! Word lists: titles, particles, legal forms and a small Arabic–English
//! concept table for organisation words (which are translated, not
//! transliterated, between scripts: «الاتحاد الأوروبي» is "European Union").
//!
//! Entries are written naturally and normalised once at first use, so the
//! lists stay readable and always agree with `normalize`.

use crate::normalize::normalize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    Title,
    Particle,
    Article,
    /// Prefix glued to the next word: ʿAbd …
    AbdPrefix,
    /// Kunya prefix glued to the next word: Abu …, Umm …
    Kunya,
    /// Second half of a theophoric compound glued to the previous word: … ad-Din, … Allah.
    Suffix,
    Legal,
    Stop,
}

const TITLES: &[&str] = &[
    // Arabic ranks, honorifics and professions
    "اللواء",
    "لواء",
    "العميد",
    "عميد",
    "العقيد",
    "عقيد",
    "المقدم",
    "مقدم",
    "الرائد",
    "رائد",
    "النقيب",
    "نقيب",
    "الملازم",
    "ملازم",
    "الفريق",
    "فريق",
    "المشير",
    "مشير",
    "الركن",
    "الشيخ",
    "شيخ",
    "الشيخة",
    "الدكتور",
    "دكتور",
    "الدكتورة",
    "د",
    "الحاج",
    "حاج",
    "الحاجة",
    "المهندس",
    "مهندس",
    "م",
    "السيد",
    "السيدة",
    "الأستاذ",
    "أستاذ",
    "الأمير",
    "الأميرة",
    "الملك",
    "الرئيس",
    "الوزير",
    "الإمام",
    "الملا",
    "ملا",
    "القاضي",
    "سماحة",
    "فضيلة",
    "معالي",
    "سعادة",
    "جلالة",
    "سمو",
    "العلامة",
    "آية",
    "حجة",
    "الإسلام",
    "المرحوم",
    "الشهيد",
    "السفير",
    "النائب",
    "العريف",
    "الرقيب",
    // Latin ranks, honorifics and professions
    "gen",
    "general",
    "maj",
    "major",
    "col",
    "colonel",
    "lt",
    "lieut",
    "lieutenant",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cpt",
    "sgt",
    "sergeant",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "marshal",
    "field",
    "staff",
    "dr",
    "doctor",
    "prof",
    "professor",
    "sheikh",
    "shaikh",
    "sheik",
    "shaykh",
    "cheikh",
    "cheik",
    "sheikha",
    "shaikha",
    "haji",
    "hajji",
    "hadj",
    "hajj",
    "haj",
    "hadji",
    "alhaj",
    "alhajj",
    "elhadj",
    "elhaj",
    "mullah",
    "mulla",
    "molla",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mme",
    "mlle",
    "sir",
    "dame",
    "lord",
    "eng",
    "engr",
    "engineer",
    "ustadh",
    "ustaz",
    "imam",
    "ayatollah",
    "hojatoleslam",
    "president",
    "minister",
    "prince",
    "princess",
    "king",
    "emir",
    "his",
    "her",
    "excellency",
    "hrh",
    "pres",
    "gov",
    "governor",
    "judge",
    "ambassador",
];

const PARTICLES: &[&str] = &[
    "بن", "ابن", "بنت", "ولد", "bin", "ibn", "ben", "bint", "binti", "ibnu", "ould", "wuld",
    "walad",
];

const ARTICLES: &[&str] = &[
    "ال", "آل", "al", "el", "ad", "ed", "as", "es", "ar", "er", "at", "et", "az", "ez", "an", "en",
    "ash", "esh", "ath", "adh", "ul", "ol", "ud", "us", "ut", "ur", "un",
];

const ABD: &[&str] = &[
    "عبد", "abd", "abdel", "abdul", "abdal", "abdoul", "abdou", "abdu", "abdol", "abdool",
    "abdulla", "abdil", "abdur", "abdus", "abdun", "abdut", "abdud", "abdar", "abdas", "abed",
];

const KUNYA: &[&str] = &[
    "ابو", "أبي", "أم", "abu", "abou", "abo", "aboo", "abi", "bou", "umm", "oum", "um",
];

const SUFFIXES: &[&str] = &[
    "الدين",
    "الله",
    "din",
    "deen",
    "eddin",
    "eddine",
    "uddin",
    "uddeen",
    "ud-din",
    "allah",
    "ullah",
    "ollah",
    "olla",
    "alla",
    "ulla",
    "illah",
    "elah",
    "ellah",
];

const LEGAL: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "plc",
    "llp",
    "lp",
    "gmbh",
    "ag",
    "kg",
    "sa",
    "sas",
    "sarl",
    "sl",
    "srl",
    "spa",
    "bv",
    "nv",
    "ab",
    "as",
    "asa",
    "oy",
    "oyj",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "oao",
    "zao",
    "ooo",
    "pte",
    "pvt",
    "pty",
    "bhd",
    "sdn",
    "kk",
    "sal",
    "wll",
    "fze",
    "fzco",
    "fzc",
    "fzllc",
    "dmcc",
    "est",
    "sae",
    "sacv",
    "de cv",
    "cv",
    "المحدودة",
    "محدودة",
    "ذمم",
    "شمم",
    "شمع",
    "شذمم",
];

const STOP: &[&str] = &[
    "the", "of", "and", "for", "de", "du", "des", "la", "le", "les", "di", "da", "del", "van",
    "von", "der", "den", "y", "e", "et", "in", "on", "und", "&", "و", "في", "من", "على", "لل",
];

/// Organisation words, each with the concept it stands for in both scripts.
/// The first column is the concept; its Arabic words are given without the article.
const CONCEPTS: &[(&str, &[&str])] = &[
    ("union", &["اتحاد", "union"]),
    (
        "european",
        &[
            "أوروبي",
            "أوروبية",
            "اوروبا",
            "european",
            "europe",
            "europeenne",
            "europeen",
        ],
    ),
    (
        "ministry",
        &["وزارة", "ministry", "ministere", "ministerio"],
    ),
    ("defence", &["دفاع", "defence", "defense"]),
    ("interior", &["داخلية", "interior", "interieur"]),
    ("foreign", &["خارجية", "foreign", "etrangeres", "exterior"]),
    ("affairs", &["شؤون", "affairs", "affaires"]),
    ("justice", &["عدل", "justice"]),
    ("health", &["صحة", "health", "sante"]),
    ("finance", &["مالية", "finance", "finances"]),
    ("education", &["تعليم", "تربية", "education"]),
    (
        "university",
        &["جامعة", "university", "universite", "universidad"],
    ),
    ("academy", &["أكاديمية", "academy", "academie"]),
    (
        "military",
        &["عسكري", "عسكرية", "حربي", "حربية", "military", "militaire"],
    ),
    ("bank", &["بنك", "مصرف", "bank", "banque", "banco"]),
    ("central", &["مركزي", "central", "centrale"]),
    ("company", &["شركة", "company", "societe", "compagnie"]),
    ("group", &["مجموعة", "group", "groupe", "grupo"]),
    ("council", &["مجلس", "council", "conseil"]),
    ("security", &["أمن", "أمني", "security", "securite"]),
    (
        "national",
        &["وطني", "وطنية", "قومي", "national", "nationale"],
    ),
    ("arab", &["عربي", "عربية", "عرب", "arab", "arabic", "arabe"]),
    ("united", &["متحدة", "united", "unies"]),
    ("nations", &["أمم", "nations"]),
    ("organization", &["منظمة", "organization", "organisation"]),
    ("army", &["جيش", "army", "armee"]),
    ("forces", &["قوات", "forces", "force"]),
    ("police", &["شرطة", "police"]),
    ("party", &["حزب", "party", "parti"]),
    ("movement", &["حركة", "movement", "mouvement"]),
    ("front", &["جبهة", "front"]),
    ("islamic", &["إسلامي", "إسلامية", "islamic", "islamique"]),
    ("state", &["دولة", "state", "etat"]),
    (
        "international",
        &["دولي", "دولية", "international", "internationale"],
    ),
    ("general", &["عام", "عامة", "general", "generale"]),
    ("authority", &["هيئة", "سلطة", "authority", "autorite"]),
    (
        "directorate",
        &[
            "مديرية",
            "إدارة",
            "directorate",
            "direction",
            "administration",
        ],
    ),
    (
        "intelligence",
        &["مخابرات", "استخبارات", "intelligence", "renseignement"],
    ),
    ("guard", &["حرس", "guard", "guards", "garde"]),
    ("revolutionary", &["ثوري", "ثورية", "revolutionary"]),
    ("revolution", &["ثورة", "revolution"]),
    (
        "popular",
        &["شعبي", "شعبية", "popular", "populaire", "people", "peoples"],
    ),
    ("liberation", &["تحرير", "liberation"]),
    (
        "trading",
        &[
            "تجارة",
            "تجارية",
            "trading",
            "trade",
            "commerce",
            "commercial",
        ],
    ),
    (
        "investment",
        &["استثمار", "استثمارات", "investment", "investments"],
    ),
    (
        "industries",
        &[
            "صناعات",
            "صناعي",
            "صناعية",
            "industries",
            "industry",
            "industrial",
        ],
    ),
    ("development", &["تنمية", "تطوير", "development"]),
    ("oil", &["نفط", "بترول", "oil", "petroleum"]),
    ("gas", &["غاز", "gas"]),
    ("egypt", &["مصر", "egypt"]),
    ("egyptian", &["مصري", "مصرية", "egyptian"]),
    ("jordan", &["أردن", "jordan"]),
    ("jordanian", &["أردني", "أردنية", "jordanian"]),
    ("iraq", &["عراق", "iraq"]),
    ("iraqi", &["عراقي", "عراقية", "iraqi"]),
    ("syrian", &["سوري", "سورية", "syrian"]),
    ("lebanese", &["لبناني", "لبنانية", "lebanese"]),
    ("saudi", &["سعودي", "سعودية", "saudi"]),
    ("iranian", &["إيراني", "إيرانية", "iranian"]),
    ("republic", &["جمهورية", "republic", "republique"]),
    ("kingdom", &["مملكة", "kingdom"]),
    ("emirates", &["إمارات", "emirates"]),
    ("gulf", &["خليج", "gulf"]),
    ("cooperation", &["تعاون", "cooperation"]),
    ("brotherhood", &["إخوان", "brotherhood", "brothers"]),
    ("muslim", &["مسلمين", "مسلمون", "muslim", "muslims"]),
    ("commission", &["مفوضية", "commission"]),
    ("committee", &["لجنة", "committee", "comite"]),
    ("agency", &["وكالة", "agency", "agence"]),
    ("institute", &["معهد", "institute", "institut"]),
    ("center", &["مركز", "center", "centre"]),
    ("studies", &["دراسات", "studies", "etudes"]),
    ("research", &["بحوث", "أبحاث", "research", "recherche"]),
    ("sciences", &["علوم", "sciences", "science"]),
    ("medical", &["طبي", "طبية", "medical", "medicale"]),
    ("media", &["إعلام", "media"]),
    ("news", &["أخبار", "news"]),
    (
        "foundation",
        &[
            "مؤسسة",
            "foundation",
            "establishment",
            "institution",
            "fondation",
        ],
    ),
    ("charity", &["خيري", "خيرية", "charity", "charitable"]),
    ("society", &["جمعية", "society", "association"]),
    ("relief", &["إغاثة", "relief"]),
    ("rights", &["حقوق", "rights"]),
    ("human", &["إنسان", "human"]),
    ("court", &["محكمة", "court", "tribunal"]),
    ("supreme", &["عليا", "supreme"]),
    ("air", &["جوي", "جوية", "air"]),
    ("naval", &["بحري", "بحرية", "naval", "navy"]),
    ("brigades", &["كتائب", "brigades"]),
    ("battalion", &["كتيبة", "battalion"]),
    ("martyrs", &["شهداء", "martyrs"]),
    ("resistance", &["مقاومة", "resistance"]),
    ("mosque", &["مسجد", "mosque"]),
    ("shipping", &["شحن", "ملاحة", "shipping", "maritime"]),
    ("services", &["خدمات", "services", "service"]),
    ("office", &["مكتب", "office", "bureau"]),
    ("holding", &["قابضة", "holding", "holdings"]),
    ("exchange", &["صرافة", "exchange"]),
    ("electronics", &["إلكترونيات", "electronics", "electronic"]),
    (
        "technology",
        &["تكنولوجيا", "تقنية", "technology", "technologies"],
    ),
    ("solutions", &["حلول", "solutions"]),
    ("global", &["عالمي", "عالمية", "global"]),
];

/// Concept words that are types (Ministry, Bank …) rather than distinctive names.
const TYPE_CONCEPTS: &[&str] = &[
    "union",
    "ministry",
    "university",
    "academy",
    "bank",
    "company",
    "group",
    "council",
    "organization",
    "army",
    "forces",
    "party",
    "movement",
    "front",
    "authority",
    "directorate",
    "commission",
    "committee",
    "agency",
    "institute",
    "center",
    "foundation",
    "society",
    "court",
    "brigades",
    "battalion",
    "office",
    "holding",
    "services",
];

pub(crate) struct Lexicon {
    words: HashMap<String, Word>,
    org_words: HashMap<String, Word>,
    concepts: HashMap<String, u16>,
    concept_names: Vec<&'static str>,
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

fn build() -> Lexicon {
    let mut words = HashMap::new();
    for (list, w) in [
        (TITLES, Word::Title),
        (PARTICLES, Word::Particle),
        (ARTICLES, Word::Article),
        (ABD, Word::AbdPrefix),
        (KUNYA, Word::Kunya),
        (SUFFIXES, Word::Suffix),
    ] {
        for &s in list {
            words.entry(normalize(s)).or_insert(w);
        }
    }
    let mut org_words = HashMap::new();
    for (list, w) in [(LEGAL, Word::Legal), (STOP, Word::Stop)] {
        for &s in list {
            org_words.entry(normalize(s)).or_insert(w);
        }
    }
    let mut concepts = HashMap::new();
    let mut concept_names = vec![""];
    for (name, forms) in CONCEPTS {
        let id = concept_names.len() as u16;
        concept_names.push(name);
        for f in forms.iter() {
            concepts.insert(normalize(f), id);
        }
    }
    Lexicon {
        words,
        org_words,
        concepts,
        concept_names,
    }
}

impl Lexicon {
    /// The role of a word inside a person's name.
    pub fn word(&self, token: &str) -> Option<Word> {
        self.words.get(token).copied()
    }

    /// Legal forms and stop words of organisation names.
    pub fn org_word(&self, token: &str) -> Option<Word> {
        self.org_words.get(token).copied()
    }

    /// The concept of an organisation word; Arabic words are looked up without
    /// the article and the clitics و (and) and لل (for the).
    pub fn concept(&self, token: &str) -> Option<u16> {
        if let Some(&c) = self.concepts.get(token) {
            return Some(c);
        }
        let mut t = token;
        for prefix in ["و", "ب"] {
            if let Some(rest) = t.strip_prefix(prefix)
                && rest.chars().count() >= 3
                && (rest.starts_with("ال") || self.concepts.contains_key(rest))
            {
                t = rest;
            }
        }
        if let Some(rest) = t.strip_prefix("لل")
            && rest.chars().count() >= 2
        {
            return self.concepts.get(rest).copied();
        }
        if let Some(rest) = t.strip_prefix("ال")
            && rest.chars().count() >= 2
        {
            return self.concepts.get(rest).copied();
        }
        self.concepts.get(t).copied()
    }

    pub fn concept_name(&self, id: u16) -> &'static str {
        self.concept_names.get(id as usize).copied().unwrap_or("")
    }

    pub fn is_type_concept(&self, id: u16) -> bool {
        TYPE_CONCEPTS.contains(&self.concept_name(id))
    }
}
