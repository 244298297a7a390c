//! The words of the international and state bodies partners deal with,
//! by concept (read with [`super::concepts::CONCEPTS`] and
//! [`super::trades::TRADES`] as one table, after them): funds, courts and
//! agencies of the UN family, guards, police, customs and prosecutors,
//! embassies and channels, and the Maghreb's security and judicial bodies.

pub(super) const INSTITUTIONS: &[(&str, &[&str])] = &[
    // the international and state bodies partners deal with (the IMF
    // «صندوق النقد الدولي», the IAEA «الوكالة الدولية للطاقة الذرية», the
    // UNHCR «المفوضية السامية … لشؤون اللاجئين», a coast guard «خفر
    // السواحل», a federal police «الشرطة الاتحادية»)
    ("fund", &["صندوق", "fund", "fonds"]),
    // the CERTs and cyber-security centres that are partners themselves
    // (Computer Emergency Response Team «فريق الاستجابة لطوارئ الحاسب
    // الآلي», National Cyber Security Centre «المركز الوطني للأمن
    // السيبراني»); «الآلي», automatic, only ever follows the computer
    ("team", &["فريق", "team", "equipe"]),
    ("response", &["استجابة", "response", "reponse"]),
    (
        "emergency",
        &["طوارئ", "emergency", "emergencies", "urgence", "urgences"],
    ),
    (
        "computer",
        &[
            "حاسب",
            "حاسوب",
            "كمبيوتر",
            "معلوماتية",
            "computer",
            "computers",
            "informatique",
        ],
    ),
    ("cyber", &["سيبراني", "سيبرانية", "cyber", "cybersecurite"]),
    ("incident", &["حادث", "حوادث", "incident", "incidents"]),
    // Morocco's financial intelligence unit «وحدة معالجة المعلومات
    // المالية», Unité de Traitement du Renseignement Financier
    (
        "information",
        &[
            "معلومات",
            "information",
            "informations",
            "renseignement",
            "renseignements",
        ],
    ),
    // Europol, the EU's agency for law enforcement cooperation «وكالة
    // الاتحاد الأوروبي للتعاون في مجال إنفاذ القانون»; France's DGSE
    ("law", &["قانون", "law", "loi"]),
    ("enforcement", &["إنفاذ", "enforcement"]),
    ("external", &["خارجي", "external", "exterieure"]),
    ("customs", &["جمارك", "customs", "douane", "douanes"]),
    ("treasury", &["خزانة", "خزينة", "treasury", "tresor"]),
    ("embassy", &["سفارة", "embassy", "ambassade"]),
    // «قناة» is a television channel and a canal (the Suez Canal)
    (
        "channel",
        &["قناة", "channel", "chaine", "tv", "television"],
    ),
    ("canal", &["قناة", "canal"]),
    ("communist", &["شيوعي", "شيوعية", "communist", "communiste"]),
    // the Real IRA «الجيش الجمهوري الأيرلندي الحقيقي»
    ("real", &["حقيقي", "حقيقية", "real"]),
    // a finance house «بيت التمويل» (Kuwait Finance House)
    ("house", &["بيت", "house", "maison"]),
    // the Council of Arab Interior Ministers «مجلس وزراء الداخلية العرب»
    (
        "ministers",
        &[
            "وزراء",
            "وزير",
            "minister",
            "ministers",
            "ministre",
            "ministres",
        ],
    ),
    (
        "monetary",
        &["نقد", "نقدي", "نقدية", "monetary", "monetaire"],
    ),
    (
        "criminal",
        &[
            "جنائي",
            "جنائية",
            "criminal",
            "criminelle",
            "penal",
            "penale",
        ],
    ),
    ("energy", &["طاقة", "energy", "energie"]),
    ("atomic", &["ذري", "ذرية", "atomic", "atomique"]),
    ("nuclear", &["نووي", "نووية", "nuclear", "nucleaire"]),
    ("high", &["سامي", "سامية", "high", "haut"]),
    (
        "refugees",
        &["لاجئ", "لاجئين", "لاجئون", "refugees", "refugee", "refugies"],
    ),
    ("north", &["شمال", "north", "nord"]),
    ("south", &["جنوب", "south", "sud"]),
    ("east", &["شرق", "east"]),
    ("west", &["غرب", "west", "ouest"]),
    ("atlantic", &["أطلسي", "أطلسية", "atlantic", "atlantique"]),
    ("coast", &["ساحل", "سواحل", "coast", "coastal", "cotes"]),
    (
        "border",
        &[
            "حدود",
            "border",
            "borders",
            "frontier",
            "frontiers",
            "frontiere",
            "frontieres",
        ],
    ),
    (
        "federal",
        &[
            "اتحادي",
            "اتحادية",
            "فيدرالي",
            "فيدرالية",
            "federal",
            "federale",
        ],
    ),
    (
        "prosecution",
        &["نيابة", "prosecution", "prosecutor", "parquet"],
    ),
    // the Maghreb's security and judicial bodies, which partners write in
    // French as often as in Arabic: the Gendarmerie Royale «الدرك الملكي»,
    // the DGST's surveillance of the territory «مراقبة التراب الوطني», a
    // judicial pole «القطب القضائي», Tunisia's financial analyses
    // «التحاليل المالية», Morocco's processing of financial intelligence
    // «معالجة المعلومات المالية»; Egypt's Administrative Control
    // Authority «هيئة الرقابة الإدارية»
    ("gendarmerie", &["درك", "gendarmerie"]),
    (
        "judicial",
        &[
            "قضائي",
            "قضائية",
            // the judiciary: the Supreme Council of the Magistrature
            // «المجلس الأعلى للقضاء»
            "قضاء",
            "judicial",
            "judiciary",
            "judiciaire",
            "judiciaires",
            "magistrature",
        ],
    ),
    (
        "monitoring",
        &[
            "مراقبة",
            "رقابة",
            "surveillance",
            "monitoring",
            "oversight",
            "control",
            "controle",
        ],
    ),
    ("territory", &["تراب", "territory", "territoire"]),
    (
        "analysis",
        &["تحليل", "تحاليل", "analysis", "analyses", "analyse"],
    ),
    ("processing", &["معالجة", "processing", "traitement"]),
    ("pole", &["قطب", "pole"]),
    // Saudi Arabia's Presidency of State Security «رئاسة أمن الدولة»; the
    // UN's Counter-Terrorism Committee Executive Directorate «المديرية
    // التنفيذية للجنة مكافحة الإرهاب»
    ("presidency", &["رئاسة", "presidency", "presidence"]),
    // the Taliban's Islamic Emirate of Afghanistan «إمارة أفغانستان
    // الإسلامية», the Caucasus Emirate «إمارة القوقاز»
    ("emirate", &["إمارة", "emirate", "emirat"]),
    ("executive", &["تنفيذي", "تنفيذية", "executive", "executif"]),
    (
        "administrative",
        &["إداري", "إدارية", "administrative", "administratif"],
    ),
];
