//! Turkish spellings of Arabic names (Cemil for جميل, Ahmet for أحمد,
//! Davutoğlu for «داود أوغلو») must find their other-script form first among
//! the 50,000 synthetic persons of the shared negatives, in both directions.
//! Among so many names a candidate is only scored if a key leads to it, so
//! this checks the Turkish readings as keys, not only as scores.

use jisr_names::{NameIndex, NameKind};

const PEOPLE: &[(&str, &str)] = &[
    ("عبد الله أوجلان", "Abdullah Öcalan"),
    ("جميل بايك", "Cemil Bayık"),
    ("جنيد زابسو", "Cüneyt Zapsu"),
    ("أحمد داود أوغلو", "Ahmet Davutoğlu"),
    ("محمد علي أغجا", "Mehmet Ali Ağca"),
    ("جلال بايار", "Celal Bayar"),
    ("جودت يلماز", "Cevdet Yılmaz"),
    ("نجم الدين أربكان", "Necmettin Erbakan"),
    ("رجب طيب أردوغان", "Recep Tayyip Erdoğan"),
    ("صلاح الدين دميرطاش", "Selahattin Demirtaş"),
];

fn negatives() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/names/negatives-global.csv"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .skip(1)
        .filter_map(|l| {
            // full_name is the first column; quoted only when it holds a comma
            match l.strip_prefix('"') {
                Some(rest) => rest.split('"').next(),
                None => l.split(',').next(),
            }
        })
        .map(str::to_string)
        .collect()
}

fn misses(arabic_queries: bool) -> Vec<String> {
    let negatives = negatives();
    assert!(negatives.len() > 40_000, "negatives not read");
    let listed = PEOPLE
        .iter()
        .enumerate()
        .map(|(i, (a, l))| (format!("p{i}"), if arabic_queries { *l } else { *a }));
    let idx = NameIndex::build(
        listed
            .map(|(id, n)| (id, n.to_string(), NameKind::Person))
            .chain(
                negatives
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| (format!("n{i}"), n, NameKind::Person)),
            ),
    );
    let mut out = Vec::new();
    for (i, (a, l)) in PEOPLE.iter().enumerate() {
        let q = if arabic_queries { a } else { l };
        let hits = idx.top_k(q, NameKind::Person, 3);
        if hits.first().map(|h| h.id.as_str()) != Some(format!("p{i}").as_str()) {
            out.push(format!(
                "{q} -> {:?}",
                hits.iter().map(|h| (&h.name, h.score)).collect::<Vec<_>>()
            ));
        }
    }
    out
}

#[test]
fn arabic_finds_the_turkish_spelling_first() {
    let m = misses(true);
    assert!(m.is_empty(), "{}", m.join("\n"));
}

#[test]
fn turkish_spelling_finds_the_arabic_first() {
    let m = misses(false);
    assert!(m.is_empty(), "{}", m.join("\n"));
}
