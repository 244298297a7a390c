//! The words of a company's trade, by concept: what money services, front
//! companies and businesses laundering through goods are named for
//! (read with [`super::concepts::CONCEPTS`] as one table, right after it).

pub(super) const TRADES: &[(&str, &[&str])] = &[
    // what money-service and front companies are named for
    (
        "transfer",
        &[
            "حوالات",
            "تحويل",
            "تحويلات",
            "transfer",
            "transfers",
            "remittance",
            "remittances",
        ],
    ),
    ("money", &["أموال", "مال", "money"]),
    ("laundering", &["غسل", "غسيل", "laundering", "blanchiment"]),
    ("transport", &["نقل", "transport", "transportation"]),
    (
        "contracting",
        &[
            "مقاولات",
            "مقاولون",
            "مقاولين",
            "contracting",
            "contractors",
            "contractor",
        ],
    ),
    ("construction", &["بناء", "إنشاءات", "construction"]),
    // what laundering through goods is named for: gold and jewellery
    // (Gold and Jewellery Trading «تجارة الذهب والمجوهرات»)
    ("gold", &["ذهب", "ذهبي", "ذهبية", "gold", "golden"]),
    (
        "jewellery",
        &["مجوهرات", "jewellery", "jewelry", "jewellers", "bijouterie"],
    ),
    ("engineering", &["هندسة", "هندسية", "engineering"]),
    ("travel", &["سفر", "سفريات", "travel", "travels"]),
    ("tourism", &["سياحة", "سياحية", "tourism", "tourist"]),
    ("import", &["استيراد", "import", "imports"]),
    ("export", &["تصدير", "export", "exports"]),
    (
        "property",
        &[
            "عقار",
            "عقارات",
            "عقاري",
            "عقارية",
            "property",
            "properties",
            "realty",
            "estate",
            "immobilier",
            "immobiliere",
        ],
    ),
    (
        "agriculture",
        &["زراعة", "زراعية", "agriculture", "agricultural"],
    ),
    ("insurance", &["تأمين", "insurance"]),
    ("electronics", &["إلكترونيات", "electronics", "electronic"]),
    (
        "technology",
        &["تكنولوجيا", "تقنية", "technology", "technologies"],
    ),
    ("solutions", &["حلول", "solutions"]),
    (
        "telecom",
        &[
            "اتصالات",
            "telecom",
            "telecoms",
            "telecommunications",
            "communications",
        ],
    ),
];
