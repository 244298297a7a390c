//! Deterministic synthetic names for benchmarks (no data files needed).

use jisr_names::{NameKind, Scheme, transliterate};

/// SplitMix64: tiny, deterministic, good enough to spread picks.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const GIVEN: &[&str] = &[
    "محمد",
    "أحمد",
    "علي",
    "حسن",
    "حسين",
    "عمر",
    "خالد",
    "يوسف",
    "إبراهيم",
    "مصطفى",
    "محمود",
    "عبد الله",
    "عبد الرحمن",
    "سعيد",
    "جمال",
    "طارق",
    "كريم",
    "سامي",
    "وليد",
    "ماجد",
    "فيصل",
    "ناصر",
    "رشيد",
    "فاطمة",
    "عائشة",
    "زينب",
    "مريم",
    "ليلى",
    "نور",
    "سلمى",
    "هشام",
    "عادل",
    "منير",
    "أنور",
    "صالح",
    "سليم",
    "زياد",
    "رامي",
    "باسل",
    "غسان",
    "قاسم",
    "جعفر",
    "ياسر",
    "هاني",
    "عماد",
    "نبيل",
    "توفيق",
    "شريف",
    "عثمان",
    "بلال",
];

const FAMILY: &[&str] = &[
    "الأحمد",
    "التميمي",
    "المصري",
    "الشامي",
    "القرشي",
    "الزهراني",
    "العتيبي",
    "الدوسري",
    "الخطيب",
    "النجار",
    "حداد",
    "منصور",
    "عباس",
    "سليمان",
    "نصر الله",
    "البرغوثي",
    "الكردي",
    "الحلبي",
    "الجبوري",
    "السوداني",
    "الحكيم",
    "الصدر",
    "العبيدي",
    "الفاسي",
    "الراشد",
    "الخوري",
    "عيسى",
    "موسى",
    "قاسم",
    "درويش",
    "الحسيني",
    "الشريف",
    "الهاشمي",
    "العمري",
    "البغدادي",
    "الموصلي",
    "الطرابلسي",
    "الجزائري",
    "التونسي",
    "السعدي",
];

const SYLLABLES: &[&str] = &[
    "an", "be", "ka", "lo", "ri", "mar", "ten", "sa", "vi", "del", "gor", "ni", "ol", "per", "qui",
    "ros", "sto", "tra", "ul", "van", "wen", "xe", "yo", "zen", "ber", "chi", "dan", "el", "fi",
    "ha", "ja", "kov",
];

fn latin_word(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut s: String = (0..n).map(|_| *rng.pick(SYLLABLES)).collect();
    if let Some(f) = s.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    s
}

/// One synthetic person: Arabic script, a romanisation of one, or a Latin name.
pub fn person(rng: &mut Rng) -> (String, NameKind) {
    let arabic = format!(
        "{} {} {}",
        rng.pick(GIVEN),
        rng.pick(GIVEN),
        rng.pick(FAMILY)
    );
    let name = match rng.below(10) {
        0..=3 => arabic,
        4..=6 => transliterate(&arabic, *rng.pick(&Scheme::ALL)),
        _ => format!("{} {}", latin_word(rng), latin_word(rng)),
    };
    (name, NameKind::Person)
}

/// A synthetic organisation name.
pub fn organisation(rng: &mut Rng) -> (String, NameKind) {
    const KINDS: &[&str] = &[
        "Trading",
        "Holding",
        "Shipping",
        "Industries",
        "Group",
        "Bank",
    ];
    const LEGAL: &[&str] = &["LLC", "Ltd", "FZE", "GmbH", "SA", ""];
    let name = format!(
        "{} {} {}",
        latin_word(rng),
        rng.pick(KINDS),
        rng.pick(LEGAL)
    );
    (name.trim().to_string(), NameKind::Organization)
}

/// `n` names, 90 % persons, deterministic for a given seed.
pub fn names(n: usize, seed: u64) -> Vec<(String, String, NameKind)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let (name, kind) = if rng.below(10) == 0 {
                organisation(&mut rng)
            } else {
                person(&mut rng)
            };
            (format!("n{i}"), name, kind)
        })
        .collect()
}
