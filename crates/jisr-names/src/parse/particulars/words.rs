//! The words particulars open with or consist of, as normalised words
//! (lower case, no dots, ة as ه, no hamza on alef).

/// Labels that only ever introduce particulars, in normalised words (lower
/// case, dots dropped): what follows them is never the name.
pub(in crate::parse) const LABELS: &[&[&str]] = &[
    &["dob"],
    &["pob"],
    &["date", "of", "birth"],
    &["place", "of", "birth"],
    &["birth", "date"],
    &["nationality"],
    &["passport"],
    &["date", "de", "naissance"],
    &["lieu", "de", "naissance"],
    &["nationalite"],
    &["geburtsdatum"],
    &["تاريخ", "الميلاد"],
    &["مكان", "الميلاد"],
    &["تاريخ", "الولاده"],
    &["مواليد"],
    &["الجنسيه"],
    &["جواز"],
    // the mother's name, which Arab civil records give to tell namesakes
    // apart: no part of the person's (a parenthesis of it was read as
    // another name of the person)
    &["mother"],
    &["mothers", "name"],
    &["mothers", "maiden", "name"],
    &["nom", "de", "la", "mere"],
    &["prenom", "de", "la", "mere"],
    &["mutter"],
    &["اسم", "الام"],
    &["اسم", "الوالده"],
    &["الام"],
    &["والدته"],
    &["والدتها"],
    // where the person lives, and what the person does or is registered as
    &["resident", "of"],
    &["residing", "in"],
    &["resides", "in"],
    &["lives", "in"],
    &["address"],
    &["occupation"],
    &["profession"],
    &["religion"],
    &["tribe"],
    &["id", "no"],
    &["id", "number"],
    &["identity", "card"],
    &["national", "id"],
    &["phone"],
    &["يسكن"],
    &["يقيم"],
    &["الساكن"],
    &["القاطن"],
    &["من", "اهالي"],
    &["العنوان"],
    &["عنوانه"],
    &["المهنه"],
    &["مهنته"],
    &["الديانه"],
    &["رقم", "الهويه"],
    // the father's name written after a whole name: which of its words
    // is the father's is not known, so it is set apart, not placed
    &["fathers", "name"],
    &["father", "name"],
    &["nom", "du", "pere"],
    &["اسم", "الاب"],
    &["اسم", "الوالد"],
];

/// Words that say where a person comes from when a place follows them
/// ("Ahmed Saleh from Fallujah", «محمد علي من الموصل»).
pub(super) const FROM_WORDS: &[&str] = &["from", "aus", "من"];

/// Words that may stand between a word that introduces a place and the
/// place (born in Mosul, from the city of Mosul, «من مدينة الموصل»).
pub(super) const BEFORE_PLACE: &[&str] = &[
    "in",
    "the",
    "city",
    "of",
    "a",
    "en",
    "في",
    "مدينه",
    "محافظه",
];

/// Words that introduce a date of birth only when one follows: Born and
/// Geboren are surnames, b. stands for bin, «ولد» is a Mauritanian "son of".
pub(super) const BIRTH_WORDS: &[&str] = &[
    "born",
    "b",
    "ne",
    "nee",
    "geb",
    "geboren",
    "المولود",
    "ولد",
    "تولد",
];

/// Words that introduce a date of death when one follows ("killed 2015",
/// "d. 2001", «قتل عام 2015»); its year is no year of birth.
pub(super) const DEATH_WORDS: &[&str] = &[
    "died",
    "killed",
    "d",
    "deceased",
    "dead",
    "death",
    "توفي",
    "قتل",
    "مقتل",
    "استشهد",
    "المتوفي",
    "متوفي",
    "وفاه",
    "الوفاه",
];

/// Words that introduce an age when a number follows ("aged 35", «البالغ
/// من العمر 35 عاما»).
pub(super) const AGE_WORDS: &[&str] = &["aged", "age", "البالغ", "العمر", "عمره"];

/// Words that say who a person is, not what the person is called, when
/// they are all a comma or a parenthesis sets apart (besides countries
/// and nationalities, which the lexicon knows): "Egyptian national",
/// "(deceased)", «(مصري الجنسية)».
pub(super) const STATUS_WORDS: &[&str] = &[
    "national",
    "citizen",
    "male",
    "female",
    "deceased",
    "killed",
    "dead",
    "reportedly",
    "nationality",
    "مواطن",
    "الجنسيه",
    "ذكر",
    "انثي",
    "متوفي",
    "قتيل",
    "مقتول",
];

/// Months, in the languages lists are kept in, so that "12 March 1962" is
/// a date.
pub(super) const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "الثاني",
    "الاول",
    "عام",
    "سنه",
    "in",
    "on",
    "le",
    "am",
    "في",
];
