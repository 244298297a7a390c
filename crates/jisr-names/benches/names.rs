//! Divan benchmarks: pair scoring, parsing, index build and top-10 queries.
//! Figures only; nothing here asserts on time.

use jisr_names::{
    NameIndex, NameKind, Scheme, jaro_winkler, match_names, parse, score_fast, transliterate,
};

fn main() {
    divan::main();
}

const PAIRS: &[(&str, &str)] = &[
    ("اللواء محمود توفيق", "Mahmoud Tawfik"),
    ("محمد علي", "Mohamed Ali"),
    ("Mahmud Tawfiq", "M. TAWFIQ"),
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    (
        "محمد بن سلمان بن عبد العزيز آل سعود",
        "Mohammed bin Salman Al Saud",
    ),
    ("Olaf Scholz", "Olaf Scholze"),
    ("Angela Merkel", "Angelo Mercaz"),
    ("الاتحاد الأوروبي", "European Union"),
];

/// Deterministic synthetic persons built from a few Arabic names, half of them romanised.
fn synthetic(n: usize) -> Vec<(String, String, NameKind)> {
    const GIVEN: &[&str] = &[
        "محمد",
        "أحمد",
        "علي",
        "حسن",
        "عمر",
        "خالد",
        "يوسف",
        "مصطفى",
        "محمود",
        "سعيد",
        "جمال",
        "طارق",
    ];
    const FAMILY: &[&str] = &[
        "التميمي",
        "المصري",
        "الشامي",
        "حداد",
        "منصور",
        "عباس",
        "سليمان",
        "البغدادي",
        "الحلبي",
        "درويش",
    ];
    let mut x: u64 = 42;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((x >> 33) as usize) % m
    };
    (0..n)
        .map(|i| {
            let a = format!(
                "{} {} {}",
                GIVEN[next(GIVEN.len())],
                GIVEN[next(GIVEN.len())],
                FAMILY[next(FAMILY.len())]
            );
            let name = if i % 2 == 0 {
                a
            } else {
                transliterate(&a, Scheme::ALL[next(Scheme::ALL.len())])
            };
            (format!("n{i}"), name, NameKind::Person)
        })
        .collect()
}

#[divan::bench]
fn parse_score_explain(b: divan::Bencher) {
    b.bench(|| {
        PAIRS
            .iter()
            .map(|(x, y)| match_names(x, y, NameKind::Unknown).score)
            .sum::<f64>()
    });
}

#[divan::bench]
fn score_preparsed(b: divan::Bencher) {
    let parsed: Vec<_> = PAIRS
        .iter()
        .map(|(x, y)| (parse(x, NameKind::Unknown), parse(y, NameKind::Unknown)))
        .collect();
    b.bench(|| parsed.iter().map(|(x, y)| score_fast(x, y)).sum::<f64>());
}

#[divan::bench]
fn jaro_winkler_baseline(b: divan::Bencher) {
    b.bench(|| PAIRS.iter().map(|(x, y)| jaro_winkler(x, y)).sum::<f64>());
}

#[divan::bench(args = [10_000, 100_000])]
fn index_build(b: divan::Bencher, n: usize) {
    let names = synthetic(n);
    b.bench(|| NameIndex::build(names.iter().map(|(i, s, k)| (i.clone(), s.as_str(), *k))).len());
}

#[divan::bench(args = [100_000])]
fn top10_query(b: divan::Bencher, n: usize) {
    let names = synthetic(n);
    let index = NameIndex::build(names.iter().map(|(i, s, k)| (i.clone(), s.as_str(), *k)));
    let queries: Vec<String> = names
        .iter()
        .step_by(997)
        .take(64)
        .map(|(_, s, _)| transliterate(s, Scheme::Egyptian))
        .collect();
    let mut k = 0;
    b.bench_local(|| {
        k = (k + 1) % queries.len();
        index.top_k(&queries[k], NameKind::Person, 10).len()
    });
}
