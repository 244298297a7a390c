//! The bilingual table of organisation words by concept: what a body's
//! name says it is (ministry, forces, bank) and what it is for, as both
//! scripts and French write it.

/// Organisation words, each with the concept it stands for in both scripts.
/// The first column is the concept; its Arabic words are given without the article.
pub(super) const CONCEPTS: &[(&str, &[&str])] = &[
    ("union", &["اتحاد", "union", "federation"]),
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
    // the interior's security is internal (Internal Security Forces «قوى
    // الأمن الداخلي»)
    (
        "interior",
        &[
            "داخلية",
            "داخلي",
            "interior",
            "interieur",
            "interieure",
            "internal",
            "interne",
        ],
    ),
    ("foreign", &["خارجية", "foreign", "etrangeres", "exterior"]),
    ("affairs", &["شؤون", "affairs", "affaires"]),
    ("justice", &["عدل", "justice"]),
    ("health", &["صحة", "health", "sante"]),
    (
        "finance",
        &[
            "مالية",
            "مالي",
            "تمويل",
            "finance",
            "financing",
            "finances",
            "financial",
            "financiere",
            "financieres",
            "financier",
            "financiers",
        ],
    ),
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
    ("central", &["مركزي", "مركزية", "central", "centrale"]),
    ("company", &["شركة", "company", "societe", "compagnie"]),
    (
        "group",
        &[
            "مجموعة",
            "جماعة",
            "group",
            "groupe",
            "grupo",
            "jamaat",
            "jamaah",
            "jamaa",
            "jemaah",
            "gamaa",
        ],
    ),
    (
        "council",
        &["مجلس", "council", "conseil", "board", "majlis"],
    ),
    (
        "security",
        // la sûreté nationale is «الأمن الوطني»; Tunisia's agency for
        // computer security «الوكالة الوطنية للسلامة المعلوماتية»
        &[
            "أمن",
            "أمني",
            "أمنية",
            "سلامة",
            "security",
            "securite",
            "surete",
        ],
    ),
    (
        "political",
        &["سياسي", "سياسية", "political", "politique", "politico"],
    ),
    ("wing", &["جناح", "wing", "aile"]),
    // the words of the bodies partners exchange with: counter-terrorism,
    // narcotics, civil protection, financial intelligence
    (
        "terrorism",
        &["إرهاب", "terrorism", "terrorisme", "terror", "terroriste"],
    ),
    (
        "combating",
        &["مكافحة", "counter", "combating", "anti", "lutte"],
    ),
    ("coordinator", &["منسق", "coordinator", "coordinateur"]),
    (
        "narcotics",
        &[
            "مخدرات",
            "narcotics",
            "drugs",
            "drug",
            "stupefiants",
            "drogue",
            "drogues",
        ],
    ),
    ("crime", &["جريمة", "جرائم", "crime", "crimes"]),
    ("civil", &["مدني", "مدنية", "civil", "civile"]),
    ("protection", &["حماية", "protection"]),
    // a financial intelligence unit is «وحدة التحريات المالية», of
    // investigations: تحريات has both senses
    (
        "intelligence",
        &[
            "استخبارات",
            "مخابرات",
            "تحريات",
            // the Maghreb's word (Algeria's DRS «دائرة الاستعلام والأمن»)
            "استعلام",
            "استعلامات",
            // counter-intelligence is «مكافحة التجسس», against espionage
            "تجسس",
            "intelligence",
            "renseignement",
            "renseignements",
            "espionage",
            "espionnage",
        ],
    ),
    ("unit", &["وحدة", "unit", "unite"]),
    (
        "investigations",
        &[
            "تحريات",
            "تحقيقات",
            "مباحث",
            // Morocco's judicial investigations «الأبحاث القضائية» (BCIJ)
            "أبحاث",
            "investigations",
            "investigation",
        ],
    ),
    (
        "national",
        &["وطني", "وطنية", "قومي", "national", "nationale"],
    ),
    (
        "arab",
        &["عربي", "عربية", "عرب", "arab", "arabic", "arabian", "arabe"],
    ),
    ("united", &["متحدة", "united", "unies"]),
    ("nations", &["أمم", "nations"]),
    (
        "organization",
        // «هيئة» is an organisation as often as an authority (the
        // International Islamic Relief Organization «هيئة الإغاثة …»)
        &["منظمة", "تنظيم", "هيئة", "organization", "organisation"],
    ),
    // Urdu and Persian lashkar is the army Arabic writes عسكر (Lashkar-e-Taiba
    // «عسكر طيبة»)
    (
        "army",
        &["جيش", "army", "armee", "عسكر", "lashkar", "jaish", "jaysh"],
    ),
    // an army is its forces as well (the Israel Defense Forces «جيش الدفاع
    // الإسرائيلي», the Lebanese Army and Armed Forces), and an air force
    // is «سلاح الجو», the air's arm
    (
        "forces",
        &[
            "قوات", "قوى", "سلاح", "forces", "force", "جيش", "army", "jaish", "jaysh", "فيلق",
        ],
    ),
    ("armed", &["مسلح", "مسلحة", "armed", "armees"]),
    ("mobilization", &["حشد", "mobilization", "mobilisation"]),
    // the Rapid Support Forces «قوات الدعم السريع», the Syrian Democratic
    // Forces «قوات سوريا الديمقراطية»
    ("support", &["دعم", "support", "soutien"]),
    // NATO is an alliance, a treaty and a pact «حلف شمال الأطلسي»
    (
        "coalition",
        &[
            "ائتلاف",
            "تحالف",
            "حلف",
            "coalition",
            "alliance",
            "treaty",
            "pact",
        ],
    ),
    ("opposition", &["معارضة", "opposition"]),
    // the Haqqani Network «شبكة حقاني», the Muslim World League «رابطة
    // العالم الإسلامي», Sinai Province «ولاية سيناء» (Wilayat Sinai)
    ("network", &["شبكة", "network", "reseau"]),
    // «جامعة» is a league as well as a university (the Arab League
    // «جامعة الدول العربية»): a word in two rows has both senses
    ("league", &["رابطة", "جامعة", "league", "ligue"]),
    (
        "province",
        &[
            "ولاية",
            "province",
            "wilayat",
            "wilayah",
            "wilaya",
            "vilayet",
        ],
    ),
    (
        "region",
        &[
            "إقليم",
            "إقليمي",
            "إقليمية",
            "region",
            "regional",
            "regionale",
        ],
    ),
    ("holy", &["مقدس", "مقدسة", "holy", "sacred"]),
    ("land", &["أرض", "land"]),
    ("freedom", &["حرية", "freedom", "liberty", "liberte"]),
    ("homeland", &["وطن", "homeland", "patrie"]),
    ("rapid", &["سريع", "سريعة", "rapid", "rapide"]),
    (
        "democratic",
        &[
            "ديمقراطي",
            "ديمقراطية",
            "ديموقراطي",
            "ديموقراطية",
            "democratic",
            "democratique",
        ],
    ),
    // words Arabic names also romanise (al-Sham, Hilal, Ahmar): keyed by
    // sound as well (`ROMANISED_CONCEPTS`)
    ("levant", &["شام", "levant"]),
    ("crescent", &["هلال", "crescent", "croissant"]),
    ("red", &["أحمر", "red", "rouge"]),
    ("cross", &["صليب", "cross", "croix"]),
    // al-Qaeda in the Arabian Peninsula «في جزيرة العرب»; Al Jazeera
    ("peninsula", &["جزيرة", "peninsula"]),
    ("police", &["شرطة", "police"]),
    ("party", &["حزب", "party", "parti", "hizb"]),
    (
        "workers",
        &["عمال", "workers", "labour", "labor", "travailleurs"],
    ),
    // Urdu tehrik, and harakat as Arabic names of movements are romanised
    (
        "movement",
        &[
            "حركة",
            "movement",
            "mouvement",
            "harakat",
            "harakah",
            "haraka",
            "tehrik",
            "tehreek",
            "tahrik",
        ],
    ),
    // the Arabic words of armed groups' names, as their romanised names
    // keep them (Jabhat al-Nusra, the al-Nusra Front; Jaish-e-Mohammed)
    ("front", &["جبهة", "front", "jabhat", "jabha", "jabhet"]),
    // English writes Muslim for الإسلامي as often as Islamic (Muslim
    // World League «رابطة العالم الإسلامي»), and المسلمين as Muslim
    (
        "islamic",
        &[
            "إسلامي",
            "إسلامية",
            "islamic",
            "islamique",
            "مسلمين",
            "مسلمون",
            "muslim",
            "muslims",
            // romanised, as group names keep it (Jamaat-e-Islami, Gama'a
            // al-Islamiyya, Harakat al-Muqawama al-Islamiya)
            "islami",
            "islamiya",
            "islamiyya",
            "islamiyah",
        ],
    ),
    // the fighters many groups name themselves for, romanised far more
    // often than translated (Harakat al-Shabaab al-Mujahideen, the
    // Mujahideen Shura Council «مجلس شورى المجاهدين»); not the singular
    // مجاهد, a given name
    (
        "mujahideen",
        &[
            "مجاهدين",
            "مجاهدون",
            "mujahideen",
            "mujahidin",
            "mujahedin",
            "mujahedeen",
            "mujahidun",
            "moudjahidine",
            "moudjahidines",
        ],
    ),
    ("state", &["دولة", "state", "etat"]),
    ("states", &["ولايات", "دول", "states"]),
    // an American ministry is a department (the Department of the
    // Treasury «وزارة الخزانة الأمريكية»)
    ("department", &["وزارة", "department", "departement"]),
    ("government", &["حكومة", "government", "gouvernement"]),
    (
        "international",
        &[
            "دولي",
            "دولية",
            "عالمي",
            "عالمية",
            "عالم",
            "international",
            "internationale",
            "global",
            "world",
            "mondial",
            "mondiale",
        ],
    ),
    // «عام» is public as well (Public Prosecution «النيابة العامة»)
    (
        "general",
        &["عام", "عامة", "general", "generale", "public", "publique"],
    ),
    ("authority", &["هيئة", "سلطة", "authority", "autorite"]),
    (
        "directorate",
        &[
            "مديرية",
            "إدارة",
            "دائرة",
            "directorate",
            "direction",
            "administration",
            // le Département du Renseignement et de la Sécurité «دائرة
            // الاستعلام والأمن»: a department first, then a directorate
            "departement",
        ],
    ),
    ("guard", &["حرس", "خفر", "guard", "guards", "garde"]),
    // the noun and the adjective name the same thing (Revolutionary
    // Forces, «قوى الثورة», forces of the revolution)
    (
        "revolutionary",
        &["ثوري", "ثورية", "ثورة", "revolutionary", "revolution"],
    ),
    (
        "popular",
        &["شعبي", "شعبية", "popular", "populaire", "people", "peoples"],
    ),
    ("liberation", &["تحرير", "liberation"]),
    // the Free Syrian Army «الجيش السوري الحر», a free zone «المنطقة الحرة»
    ("free", &["حر", "حرة", "free", "libre"]),
    (
        "trading",
        &[
            "تجارة",
            "تجاري",
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
    (
        "oil",
        &[
            "نفط",
            "نفطي",
            "نفطية",
            "بترول",
            "بترولي",
            "بترولية",
            "oil",
            "petroleum",
            "petrolier",
            "petroliere",
        ],
    ),
    ("gas", &["غاز", "gas"]),
    (
        "fighting",
        &["مقاتلة", "مقاتلين", "fighting", "combatant", "combattante"],
    ),
    // the Republican Guard «الحرس الجمهوري»
    (
        "republic",
        &[
            "جمهورية",
            "جمهوري",
            "republic",
            "republique",
            "republican",
            "republicain",
        ],
    ),
    ("kingdom", &["مملكة", "kingdom"]),
    // a sultanate's royal bodies are «السلطانية» (Royal Oman Police)
    (
        "royal",
        &["ملكي", "ملكية", "سلطاني", "سلطانية", "royal", "royale"],
    ),
    ("emirates", &["إمارات", "emirates"]),
    ("gulf", &["خليج", "خليجي", "خليجية", "gulf"]),
    ("cooperation", &["تعاون", "cooperation"]),
    (
        "brotherhood",
        &["إخوان", "brotherhood", "brothers", "ikhwan"],
    ),
    (
        "commission",
        &[
            "مفوضية",
            "مفوض",
            "commission",
            "commissioner",
            "commissariat",
            // French commission is «لجنة» in the Maghreb (Tunisia's CTAF)
            "لجنة",
        ],
    ),
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
    ("court", &["محكمة", "court", "tribunal", "cour"]),
    ("supreme", &["عليا", "أعلى", "supreme", "superieur"]),
    // an airline is «الخطوط الجوية», air lines, or «طيران», aviation
    // (Qatar Airways, Emirates «طيران الإمارات»); the lines are a stop word
    (
        "air",
        &[
            "جوي",
            "جوية",
            "جو",
            "طيران",
            "air",
            "airlines",
            "airline",
            "airways",
            "aviation",
            "aerien",
            "aerienne",
            "aeriennes",
        ],
    ),
    ("naval", &["بحري", "بحرية", "naval", "navy"]),
    // سرايا, companies, is Brigades in groups' own names (Saraya al-Quds,
    // Al-Quds Brigades)
    ("brigades", &["كتائب", "سرايا", "brigades", "kataib"]),
    ("battalion", &["كتيبة", "battalion"]),
    // a brigade of the Maghreb's police is «فرقة», an army's division
    ("brigade", &["لواء", "brigade", "فرقة"]),
    ("division", &["فرقة", "division"]),
    ("regiment", &["فوج", "regiment"]),
    // and a force in English (the Quds Force «فيلق القدس»)
    ("corps", &["فيلق", "corps", "faylaq"]),
    // the drug cartels of the Americas (the Sinaloa Cartel «كارتل سينالوا»)
    ("cartel", &["كارتل", "cartel", "cartels"]),
    ("squadron", &["سرب", "squadron"]),
    ("martyrs", &["شهداء", "martyrs"]),
    (
        "resistance",
        &["مقاومة", "resistance", "muqawama", "muqawamah", "moqawama"],
    ),
    ("mosque", &["مسجد", "mosque"]),
    ("shipping", &["شحن", "ملاحة", "shipping", "maritime"]),
    // an agency of state is «جهاز», an apparatus (the General
    // Intelligence Service «جهاز المخابرات العامة»)
    (
        "services",
        // a service of the Maghreb's administrations is «مصلحة», its
        // security services «مصالح الأمن»
        &[
            "خدمات",
            "جهاز",
            "أجهزة",
            "مصلحة",
            "مصالح",
            "services",
            "service",
        ],
    ),
    // the Maghreb's public offices are «ديوان» (Office National …)
    ("office", &["مكتب", "ديوان", "office", "bureau"]),
    ("holding", &["قابضة", "holding", "holdings"]),
    ("exchange", &["صرافة", "صيرفة", "exchange"]),
];
