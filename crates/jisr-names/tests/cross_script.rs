//! Public figures as Arabic and English Wikipedia write them: the Arabic name
//! must find its Latin form first among all the others, and the reverse;
//! and Turkish and European spellings among the 50,000 shared negatives.

use jisr_names::{NameIndex, NameKind};

const PEOPLE: &[(&str, &str)] = &[
    ("عبد الفتاح السيسي", "Abdel Fattah el-Sisi"),
    ("محمد بن سلمان", "Mohammed bin Salman"),
    ("بشار الأسد", "Bashar al-Assad"),
    ("حسن نصر الله", "Hassan Nasrallah"),
    ("محمود عباس", "Mahmoud Abbas"),
    ("إسماعيل هنية", "Ismail Haniyeh"),
    ("يحيى السنوار", "Yahya Sinwar"),
    ("أبو بكر البغدادي", "Abu Bakr al-Baghdadi"),
    ("أيمن الظواهري", "Ayman al-Zawahiri"),
    ("أسامة بن لادن", "Osama bin Laden"),
    ("معمر القذافي", "Muammar Gaddafi"),
    ("صدام حسين", "Saddam Hussein"),
    ("جمال عبد الناصر", "Gamal Abdel Nasser"),
    ("أنور السادات", "Anwar Sadat"),
    ("حسني مبارك", "Hosni Mubarak"),
    ("محمد مرسي", "Mohamed Morsi"),
    ("تميم بن حمد آل ثاني", "Tamim bin Hamad Al Thani"),
    ("محمد بن زايد آل نهيان", "Mohamed bin Zayed Al Nahyan"),
    ("قيس سعيد", "Kais Saied"),
    ("عبد المجيد تبون", "Abdelmadjid Tebboune"),
    ("نجيب ميقاتي", "Najib Mikati"),
    ("نبيه بري", "Nabih Berri"),
    ("مقتدى الصدر", "Muqtada al-Sadr"),
    ("نوري المالكي", "Nouri al-Maliki"),
    ("محمد شياع السوداني", "Mohammed Shia al-Sudani"),
    ("عمر البشير", "Omar al-Bashir"),
    ("عبد الفتاح البرهان", "Abdel Fattah al-Burhan"),
    ("محمد حمدان دقلو", "Mohamed Hamdan Dagalo"),
    ("خليفة حفتر", "Khalifa Haftar"),
    ("يوسف القرضاوي", "Yusuf al-Qaradawi"),
    ("أحمد أبو الغيط", "Ahmed Aboul Gheit"),
    ("عمرو موسى", "Amr Moussa"),
    ("محمد البرادعي", "Mohamed ElBaradei"),
    ("نجيب محفوظ", "Naguib Mahfouz"),
    ("أم كلثوم", "Umm Kulthum"),
    ("محمود درويش", "Mahmoud Darwish"),
    ("ياسر عرفات", "Yasser Arafat"),
    ("علي خامنئي", "Ali Khamenei"),
    ("حسن روحاني", "Hassan Rouhani"),
    ("قاسم سليماني", "Qasem Soleimani"),
    ("محمد جواد ظريف", "Mohammad Javad Zarif"),
    ("عبد العزيز بوتفليقة", "Abdelaziz Bouteflika"),
    ("زين العابدين بن علي", "Zine El Abidine Ben Ali"),
    ("الحبيب بورقيبة", "Habib Bourguiba"),
    ("راشد الغنوشي", "Rached Ghannouchi"),
    ("سعد الحريري", "Saad Hariri"),
    ("رفيق الحريري", "Rafic Hariri"),
    ("وليد جنبلاط", "Walid Jumblatt"),
    ("ميشال عون", "Michel Aoun"),
    ("هادي العامري", "Hadi al-Amiri"),
    ("أبو مهدي المهندس", "Abu Mahdi al-Muhandis"),
    ("خالد مشعل", "Khaled Mashal"),
    ("محمد الضيف", "Mohammed Deif"),
    ("عبد الملك الحوثي", "Abdul-Malik al-Houthi"),
    ("علي عبد الله صالح", "Ali Abdullah Saleh"),
    ("عبد ربه منصور هادي", "Abdrabbuh Mansur Hadi"),
    ("اللواء محمود توفيق", "Mahmoud Tawfik"),
    ("محمد علي", "Mohamed Ali"),
    ("أحمد الشرع", "Ahmed al-Sharaa"),
    (
        "خليفة بن زايد بن سلطان آل نهيان",
        "Khalifa bin Zayed Al Nahyan",
    ),
    ("محمد بن راشد آل مكتوم", "Mohammed bin Rashid Al Maktoum"),
    ("الشيخة موزا بنت ناصر المسند", "Sheikha Moza bint Nasser"),
    ("محمود أحمدي نجاد", "Mahmoud Ahmadinejad"),
    ("مسعود بارزاني", "Masoud Barzani"),
    ("الأخضر الإبراهيمي", "Lakhdar Brahimi"),
    ("هواري بومدين", "Houari Boumediene"),
    ("الباجي قائد السبسي", "Beji Caid Essebsi"),
    ("هشام المشيشي", "Hichem Mechichi"),
    ("ناصر بوريطة", "Nasser Bourita"),
    ("سعد الدين العثماني", "Saadeddine Othmani"),
    ("عبد الإله بنكيران", "Abdelilah Benkirane"),
    ("فؤاد السنيورة", "Fouad Siniora"),
    ("إبراهيم رئيسي", "Ebrahim Raisi"),
    ("أحمد شاه مسعود", "Ahmad Shah Massoud"),
    ("قلب الدين حكمتيار", "Gulbuddin Hekmatyar"),
    ("عبد الرشيد دوستم", "Abdul Rashid Dostum"),
    ("ملا محمد عمر", "Mullah Mohammad Omar"),
    ("نوري السعيد", "Nuri al-Said"),
    ("طارق عزيز", "Tariq Aziz"),
    ("عزة إبراهيم الدوري", "Izzat Ibrahim al-Douri"),
    ("علي حسن المجيد", "Ali Hassan al-Majid"),
    ("أبو مصعب الزرقاوي", "Abu Musab al-Zarqawi"),
    ("أنور العولقي", "Anwar al-Awlaki"),
    ("مختار بلمختار", "Mokhtar Belmokhtar"),
    // South Asian, Iranian, Turkish and Gulf spellings: ض as z, ذ as th, a final h
    ("محمد ضياء الحق", "Muhammad Zia-ul-Haq"),
    ("ذو الفقار علي بوتو", "Zulfikar Ali Bhutto"),
    ("بينظير بوتو", "Benazir Bhutto"),
    ("نواز شريف", "Nawaz Sharif"),
    ("برويز مشرف", "Pervez Musharraf"),
    ("عمران خان", "Imran Khan"),
    ("حافظ سعيد", "Hafiz Saeed"),
    ("مسعود أظهر", "Masood Azhar"),
    ("فضل الرحمن", "Fazl-ur-Rehman"),
    ("ملا فضل الله", "Mullah Fazlullah"),
    ("جلال الدين حقاني", "Jalaluddin Haqqani"),
    ("سراج الدين حقاني", "Sirajuddin Haqqani"),
    ("عبد الغني برادر", "Abdul Ghani Baradar"),
    ("هبة الله آخوندزاده", "Hibatullah Akhundzada"),
    ("حامد كرزاي", "Hamid Karzai"),
    ("أشرف غني", "Ashraf Ghani"),
    ("رمضان قديروف", "Ramzan Kadyrov"),
    ("رضا بهلوي", "Reza Pahlavi"),
    ("علي لاريجاني", "Ali Larijani"),
    ("مرتضى مطهري", "Morteza Motahhari"),
    ("رجب طيب أردوغان", "Recep Tayyip Erdoğan"),
    ("نجم الدين أربكان", "Necmettin Erbakan"),
    ("مسعود يلماز", "Mesut Yılmaz"),
    ("جودت يلماز", "Cevdet Yılmaz"),
    ("محمد شيمشك", "Mehmet Şimşek"),
    ("صلاح عبد السلام", "Salah Abdeslam"),
    ("ممدوح عباس", "Mamdouh Abbas"),
    ("ذياب العليان", "Thiab Al Olayan"),
    ("ضاحي خلفان", "Dhahi Khalfan"),
    ("معاذ الكساسبة", "Muath al-Kasasbeh"),
    // South Asian spellings glue the article to the first word: Saif ul-Islam
    ("شيخ مجيب الرحمن", "Sheikh Mujibur Rahman"),
    ("ضياء الرحمن", "Ziaur Rahman"),
    ("سيف الإسلام", "Saiful Islam"),
    ("أنوار الحق كاكر", "Anwarul Haq Kakar"),
    ("ذكي الرحمن لكهوي", "Zakiur Rehman Lakhvi"),
    ("حمزة بن لادن", "Hamza bin Laden"),
    // Turkish spellings: c is j, a final t a devoiced d, -oğlu written apart in Arabic
    ("أحمد داود أوغلو", "Ahmet Davutoğlu"),
    ("عبد الله أوجلان", "Abdullah Öcalan"),
    ("جميل بايك", "Cemil Bayık"),
    ("محمد علي أغجا", "Mehmet Ali Ağca"),
    ("جنيد زابسو", "Cüneyt Zapsu"),
    ("صلاح الدين دميرطاش", "Selahattin Demirtaş"),
    ("جلال بايار", "Celal Bayar"),
    // pinyin x and q
    ("شي جين بينغ", "Xi Jinping"),
    ("لي تشيانغ", "Li Qiang"),
    // initials and regnal numbers spelled out in Arabic
    ("جورج دبليو بوش", "George W. Bush"),
    ("الملك عبد الله الثاني", "King Abdullah II"),
    ("البابا بنديكت السادس عشر", "Pope Benedict XVI"),
    ("لويس الرابع عشر", "Louis XIV"),
];

/// Hard distractors: the first word of one person with the last word of
/// another, in the script of the listed names.
fn distractors(arabic_queries: bool) -> Vec<(String, String)> {
    let mut distractors = Vec::new();
    for (i, (a, l)) in PEOPLE.iter().enumerate() {
        for (j, (a2, l2)) in PEOPLE.iter().enumerate() {
            if i != j && j % 3 == i % 3 {
                let (x, y) = if arabic_queries { (*l, *l2) } else { (*a, *a2) };
                let first = x.split(' ').next().unwrap_or("");
                let last = y.rsplit(' ').next().unwrap_or("");
                // a distractor that is either person's own name in another
                // spelling is no distractor: the same Arabic word (أحمد is
                // Ahmed and Ahmet, سعيد Saeed and Saied), or close spellings
                let first2 = y.split(' ').next().unwrap_or("");
                let same_word = |p: &str, q: &str, first: bool| {
                    if first {
                        p.split(' ').next() == q.split(' ').next()
                    } else {
                        p.rsplit(' ').next() == q.rsplit(' ').next()
                    }
                };
                if same_word(a, a2, true)
                    || same_word(a, a2, false)
                    || jisr_names::match_names(first, first2, NameKind::Person).score > 0.85
                {
                    continue;
                }
                distractors.push((format!("d{i}-{j}"), format!("{first} {last}")));
            }
        }
    }
    distractors
}

/// Lists `people` in one script among `others`, queries each in the other
/// script, and says which queries did not find their person first, or
/// found it scoring below `flag_at`.
fn misses(
    people: &[(&str, &str)],
    others: Vec<(String, String)>,
    arabic_queries: bool,
    flag_at: f64,
) -> Vec<String> {
    let listed = people
        .iter()
        .enumerate()
        .map(|(i, (a, l))| (format!("p{i}"), if arabic_queries { *l } else { *a }));
    let idx = NameIndex::build(
        listed
            .map(|(id, n)| (id, n.to_string(), NameKind::Person))
            .chain(others.into_iter().map(|(id, n)| (id, n, NameKind::Person))),
    );
    let mut misses = Vec::new();
    for (i, (a, l)) in people.iter().enumerate() {
        let q = if arabic_queries { a } else { l };
        let hits = idx.top_k(q, NameKind::Person, 3);
        let first = hits.first();
        if first.map(|h| h.id.as_str()) != Some(format!("p{i}").as_str())
            || first.is_some_and(|h| h.score < flag_at)
        {
            misses.push(format!(
                "{q} -> {:?}",
                hits.iter().map(|h| (&h.name, h.score)).collect::<Vec<_>>()
            ));
        }
    }
    misses
}

fn run(arabic_queries: bool) -> Vec<String> {
    misses(PEOPLE, distractors(arabic_queries), arabic_queries, 0.0)
}

#[test]
fn arabic_finds_latin_first() {
    let misses = run(true);
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

#[test]
fn latin_finds_arabic_first() {
    let misses = run(false);
    assert!(
        misses.is_empty(),
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// Turkish spellings of Arabic names (Cemil for جميل, Ahmet for أحمد,
/// Davutoğlu for «داود أوغلو») must find their other-script form first
/// among the 50,000 synthetic persons of the shared negatives, in both
/// directions. Among so many names a candidate is only scored if a key leads
/// to it, so this checks the Turkish readings as keys, not only as scores.
const TURKISH: &[(&str, &str)] = &[
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

/// Lists `people` among the 50,000 negatives and fails on any query in
/// the other script that does not find its person first.
fn all_found_among_negatives(people: &[(&str, &str)], arabic_queries: bool) {
    all_found_among_negatives_at(people, arabic_queries, 0.0);
}

/// The same, each also scoring at least `flag_at`.
fn all_found_among_negatives_at(people: &[(&str, &str)], arabic_queries: bool, flag_at: f64) {
    let negatives: Vec<(String, String)> = negatives()
        .into_iter()
        .enumerate()
        .map(|(i, n)| (format!("n{i}"), n))
        .collect();
    assert!(negatives.len() > 40_000, "negatives not read");
    let m = misses(people, negatives, arabic_queries, flag_at);
    assert!(m.is_empty(), "{}", m.join("\n"));
}

#[test]
fn arabic_finds_the_turkish_spelling_first() {
    all_found_among_negatives(TURKISH, true);
}

#[test]
fn turkish_spelling_finds_the_arabic_first() {
    all_found_among_negatives(TURKISH, false);
}

/// European names as Arabic writes them, by ear: letters French leaves
/// silent (Foucault «فوكو», Jacques «جاك», Laurent «لوران»), the t before
/// a German z (Scholz «شولتس»), Spanish and Italian gu, gn and ll, an
/// English silent gh. Read letter by letter, six of the Arabic forms and
/// three of the Latin ones did not find their other-script form first
/// among the 50,000 negatives.
const EUROPEAN: &[(&str, &str)] = &[
    ("ميشيل فوكو", "Michel Foucault"),
    ("أولاف شولتس", "Olaf Scholz"),
    ("جاك شيراك", "Jacques Chirac"),
    ("فرانسوا هولاند", "François Hollande"),
    ("شارل ديغول", "Charles de Gaulle"),
    ("جورج بومبيدو", "Georges Pompidou"),
    ("جان جاك روسو", "Jean-Jacques Rousseau"),
    ("بنوا ماندلبروت", "Benoît Mandelbrot"),
    ("جيرار ديبارديو", "Gérard Depardieu"),
    ("رونو لافيليني", "Renaud Lavillenie"),
    ("غيوم أبولينير", "Guillaume Apollinaire"),
    ("لوران فابيوس", "Laurent Fabius"),
    ("أوجين ديلاكروا", "Eugène Delacroix"),
    ("أوليفييه جيرو", "Olivier Giroud"),
    ("ديدييه دروغبا", "Didier Drogba"),
    ("جوزيب غوارديولا", "Josep Guardiola"),
    ("جانلويجي بوفون", "Gianluigi Buffon"),
    ("مارتن شولتز", "Martin Schulz"),
    ("جون كينيدي", "John Kennedy"),
    ("مادلين أولبرايت", "Madeleine Albright"),
];

#[test]
fn arabic_finds_the_european_spelling_first() {
    all_found_among_negatives(EUROPEAN, true);
}

#[test]
fn european_spelling_finds_the_arabic_first() {
    all_found_among_negatives(EUROPEAN, false);
}

/// Arabic Wikipedia's full names (given name, father's, grandfather's,
/// kunya, family) against the short forms Latin lists use. «معمر محمد أبو
/// منيار القذافي» was not even a candidate for Muammar Gaddafi among the
/// negatives: the family names' keys differ by the article and one
/// consonant (LKZB, KDB), and only the article-less key's neighbours
/// meet.
const FULL_NAMES: &[(&str, &str)] = &[
    ("معمر محمد أبو منيار القذافي", "Muammar Gaddafi"),
    ("محمد أنور السادات", "Anwar Sadat"),
    ("محمد حسني السيد مبارك", "Hosni Mubarak"),
    ("صدام حسين عبد المجيد التكريتي", "Saddam Hussein"),
    ("بشار حافظ الأسد", "Bashar al-Assad"),
    ("أيمن محمد ربيع الظواهري", "Ayman al-Zawahiri"),
    ("أسامة محمد عوض بن لادن", "Osama bin Laden"),
    ("ياسر محمد عبد الرؤوف عرفات القدوة الحسيني", "Yasser Arafat"),
    ("عبد الفتاح سعيد حسين خليل السيسي", "Abdel Fattah el-Sisi"),
    ("إسماعيل عبد السلام أحمد هنية", "Ismail Haniyeh"),
];

#[test]
fn full_arabic_names_find_the_short_latin_first() {
    all_found_among_negatives(FULL_NAMES, true);
}

#[test]
fn short_latin_names_find_the_full_arabic_first() {
    all_found_among_negatives(FULL_NAMES, false);
}

/// Names whose Latin and Arabic forms share no sound: the Bible's and the
/// Quran's names as Hebrew and Arabic write them, and the Latin names of
/// medieval scholars and rulers.
const OTHER_FORMS: &[(&str, &str)] = &[
    ("إسحاق رابين", "Yitzhak Rabin"),
    ("البابا يوحنا بولس الثاني", "Pope John Paul II"),
    ("صلاح الدين الأيوبي", "Saladin"),
    ("ابن سينا", "Avicenna"),
    ("ابن رشد", "Averroes"),
    ("ابن الهيثم", "Alhazen"),
    ("تيمورلنك", "Tamerlane"),
    ("بطرس غالي", "Peter Ghali"),
];

#[test]
fn arabic_finds_the_other_form_first() {
    all_found_among_negatives(OTHER_FORMS, true);
}

#[test]
fn the_other_form_finds_the_arabic_first() {
    all_found_among_negatives(OTHER_FORMS, false);
}

/// How sanctions lists write a man (the whole chain, ALA-LC-like) and how
/// the press or a partner's query does (given and family name, a Gulf
/// chain without the house, a nom de guerre): each must be found first
/// and flagged at the operating threshold, both ways.
const LIST_FORMS: &[(&str, &str)] = &[
    ("أيمن محمد ربيع الظواهري", "Ayman al-Zawahiri"),
    ("محمد بن زايد آل نهيان", "Sheikh Mohammed bin Zayed"),
    ("تميم بن حمد بن خليفة آل ثاني", "Tamim bin Hamad"),
    (
        "أنور ناصر عبد الله العولقي",
        "Anwar Nasser Abdulla al-Aulaqi",
    ),
    ("رمضان عبد الله شلح", "Ramadan Shalah"),
    ("الملا عمر", "Mullah Omar"),
    ("حسن ضاهر أويس", "Hassan Dahir Aweys"),
    ("حجاج بن فهد العجمي", "Hajjaj Bin Fahd Al Ajmi"),
    ("عبد الرحمن خلف عبيد جديع العنزي", "Abd al-Rahman al-Anizi"),
    ("قاسم يحيى مهدي الريمي", "Qasim al-Raymi"),
    (
        "إبراهيم عواد إبراهيم علي البدري السامرائي",
        "Ibrahim Awad al-Badri",
    ),
];

#[test]
fn list_forms_find_the_short_forms_first_above_the_threshold() {
    all_found_among_negatives_at(LIST_FORMS, true, jisr_names::DEFAULT_THRESHOLD);
}

#[test]
fn short_forms_find_the_list_forms_first_above_the_threshold() {
    all_found_among_negatives_at(LIST_FORMS, false, jisr_names::DEFAULT_THRESHOLD);
}

/// Israelis as Hebrew and the Latin press write them. Hebrew is read in
/// Arabic letters, its sister abjad's, so it meets Latin as Arabic does.
/// (Against the Arabic press's spellings of the same names, which add the
/// vowel letters Hebrew leaves out, «لابيد» for לפיד, scores are lower.)
const HEBREW: &[(&str, &str)] = &[
    ("בנימין נתניהו", "Benjamin Netanyahu"),
    ("יאיר לפיד", "Yair Lapid"),
    ("נפתלי בנט", "Naftali Bennett"),
    ("אביגדור ליברמן", "Avigdor Lieberman"),
    ("אהוד ברק", "Ehud Barak"),
    ("שמעון פרס", "Shimon Peres"),
    ("בני גנץ", "Benny Gantz"),
    ("יואב גלנט", "Yoav Gallant"),
    ("איתמר בן גביר", "Itamar Ben-Gvir"),
    ("בצלאל סמוטריץ׳", "Bezalel Smotrich"),
    ("גולדה מאיר", "Golda Meir"),
    ("אריאל שרון", "Ariel Sharon"),
    ("מנחם בגין", "Menachem Begin"),
    ("משה דיין", "Moshe Dayan"),
    ("אהוד אולמרט", "Ehud Olmert"),
    ("ציפי לבני", "Tzipi Livni"),
    ("ישראל כ\"ץ", "Israel Katz"),
    ("עמיר פרץ", "Amir Peretz"),
    ("ברוך גולדשטיין", "Baruch Goldstein"),
    ("גלעד ארדן", "Gilad Erdan"),
];

#[test]
fn hebrew_finds_the_latin_first() {
    all_found_among_negatives(HEBREW, true);
}

#[test]
fn latin_finds_the_hebrew_first() {
    all_found_among_negatives(HEBREW, false);
}

/// Arabic names as Hebrew writes them, ח for ح, ע for ع, a geresh for
/// the sounds Hebrew lacks (ג׳ for ج), against their Arabic.
const ARABIC_IN_HEBREW: &[(&str, &str)] = &[
    ("אחמד טיבי", "أحمد الطيبي"),
    ("איימן עודה", "أيمن عودة"),
    ("מנסור עבאס", "منصور عباس"),
    ("ג'מאל זחאלקה", "جمال زحالقة"),
    ("עזמי בשארה", "عزمي بشارة"),
    ("חנין זועבי", "حنين زعبي"),
    ("ראאד סלאח", "رائد صلاح"),
    ("יחיא סינוואר", "يحيى السنوار"),
    ("מוחמד דף", "محمد الضيف"),
    ("חסן נסראללה", "حسن نصر الله"),
    ("איסמאעיל הנייה", "إسماعيل هنية"),
    ("יאסר ערפאת", "ياسر عرفات"),
    ("מרואן ברגותי", "مروان البرغوثي"),
];

#[test]
fn arabic_names_in_hebrew_find_their_arabic_first() {
    all_found_among_negatives_at(ARABIC_IN_HEBREW, true, jisr_names::DEFAULT_THRESHOLD);
}

#[test]
fn arabic_finds_its_names_in_hebrew_first() {
    all_found_among_negatives_at(ARABIC_IN_HEBREW, false, jisr_names::DEFAULT_THRESHOLD);
}

/// A family name alone, as a report mentions a person: few keys to go
/// by, and a Latin spelling without the article. Dajani's key (DKN) meets
/// «الدجاني» only as read with the d of «دج» (LDKN), which hundreds of
/// negatives' keys one letter from DKN outranked.
const ONE_WORD: &[(&str, &str)] = &[
    ("الدجاني", "Dajani"),
    ("مخلوف", "Makhlouf"),
    ("حمشو", "Hamsho"),
    ("شاليش", "Shalish"),
];

#[test]
fn a_family_name_alone_finds_the_arabic_first() {
    all_found_among_negatives(ONE_WORD, false);
}

/// Names whose Latin spelling joins what Arabic script writes as two
/// words: Persian compound given names, a Turkmen one, a Bosnian surname.
/// With none of their parts' keys shared, Alireza Jafarzadeh, Alija
/// Izetbegović and Gurbanguly Berdimuhamedow never reached «علي رضا جعفر
/// زاده» and its kin among the 50,000 negatives, though each scores 0.87
/// or more against it.
const JOINED_IN_LATIN: &[(&str, &str)] = &[
    ("علي رضا جعفر زاده", "Alireza Jafarzadeh"),
    ("علي عزت بيغوفيتش", "Alija Izetbegović"),
    ("قربان قولي بيردي محمدوف", "Gurbanguly Berdimuhamedow"),
    ("غلام رضا سليماني", "Gholamreza Soleimani"),
];

#[test]
fn a_word_joined_in_latin_finds_the_arabic_written_apart_first() {
    all_found_among_negatives(JOINED_IN_LATIN, false);
}

#[test]
fn arabic_written_apart_finds_the_word_joined_in_latin_first() {
    all_found_among_negatives(JOINED_IN_LATIN, true);
}

/// A title Arabic writes after the name as its family name, which a list
/// writes first in capitals and reads as a title: the listed name keeps
/// one key, shared by some 700 negatives, and the entry was not scored.
const TITLE_AS_FAMILY: &[(&str, &str)] = &[("مصالي الحاج", "HADJ Messali")];

#[test]
fn a_title_written_as_a_family_name_finds_the_list_form_first() {
    all_found_among_negatives(TITLE_AS_FAMILY, true);
}

/// The other way: Persian script joins a compound given name that Latin
/// spellings write apart, and reads its ض as z only in a second reading.
const JOINED_IN_ARABIC: &[(&str, &str)] = &[
    ("محمدرضا عارف", "Mohammad Reza Aref"),
    ("علیرضا جعفری", "Ali Reza Jafari"),
    ("غلامحسین محسنی", "Gholam Hossein Mohseni"),
    ("حمیدرضا ابوطالبی", "Hamid Reza Aboutalebi"),
];

#[test]
fn words_apart_in_latin_find_the_arabic_joined_first() {
    all_found_among_negatives(JOINED_IN_ARABIC, false);
}

#[test]
fn arabic_joined_finds_the_words_apart_in_latin_first() {
    all_found_among_negatives(JOINED_IN_ARABIC, true);
}

/// Arabic names typed in the chat alphabet, as social media writes them
/// (3 for ع, 7 for ح, 5 for خ, 9 for ص, 8 for ق, 3' for غ). Of 25 such
/// names typed for this, when digits were read as characters of no sound,
/// 21 did not find their Arabic first among the 50,000 negatives, and 23
/// Arabic forms did not find them.
const CHAT_ALPHABET: &[(&str, &str)] = &[
    ("محمد علي", "Mo7amed 3ali"),
    ("خالد سعيد", "5aled Sa3eed"),
    ("حسن نصر الله", "7asan Na9rallah"),
    ("أبو محمد العدناني", "Abu Mo7ammad el-3adnani"),
    ("أبو غريب العراقي", "Abu 3'areeb el-3ra8i"),
    ("ممدوح عبد الرحمن", "Mamdou7 3abd el-Ra7man"),
    ("فاطمة الزهراء", "Fa6ma el-Zahra2"),
    ("رائد صلاح", "Ra2ed 9ala7"),
    ("معمر القذافي", "Mou3ammar el-8a6'afi"),
    ("علي خامنئي", "3li 5amenei"),
];

#[test]
fn arabic_finds_its_names_in_the_chat_alphabet_first() {
    all_found_among_negatives_at(CHAT_ALPHABET, true, jisr_names::DEFAULT_THRESHOLD);
}

#[test]
fn the_chat_alphabet_finds_its_arabic_first() {
    all_found_among_negatives_at(CHAT_ALPHABET, false, jisr_names::DEFAULT_THRESHOLD);
}
