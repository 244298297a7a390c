use super::{birth_year, split_particulars, without_particulars};

#[test]
fn dates_and_places_of_birth_are_not_the_name() {
    for (raw, name) in [
        ("Mahmoud Tawfik, DOB 12/03/1962", "Mahmoud Tawfik"),
        ("Mahmoud Tawfik; D.O.B.: 12 March 1962", "Mahmoud Tawfik"),
        ("Ali Hassan (born 1962)", "Ali Hassan"),
        ("Ali Hassan, b. 1962, Cairo", "Ali Hassan"),
        ("Ali Hassan, 1962", "Ali Hassan"),
        ("Ali Hassan (12.03.1962)", "Ali Hassan"),
        ("Ali Hassan DOB: 1962 POB: Cairo", "Ali Hassan"),
        ("Ali Hassan, nationality: Egyptian", "Ali Hassan"),
        ("Jean Dupont, né le 3 mai 1970", "Jean Dupont"),
        ("محمود توفيق مواليد 1962", "محمود توفيق"),
        ("محمود توفيق، تاريخ الميلاد: ١٩٦٢", "محمود توفيق"),
        ("محمود توفيق (المولود عام 1962)", "محمود توفيق"),
        // a nationality or a status set apart
        ("Mahmoud Tawfik, Egyptian", "Mahmoud Tawfik"),
        (
            "Mahmoud Tawfik (Egyptian national), b. 1962",
            "Mahmoud Tawfik",
        ),
        ("Mahmoud Tawfik (deceased)", "Mahmoud Tawfik"),
        ("محمود توفيق (مصري)", "محمود توفيق"),
        ("محمود توفيق، الجنسية: مصرية", "محمود توفيق"),
        ("محمود توفيق (متوفى)", "محمود توفيق"),
        ("محمود توفيق، ولد في 3 أيار 1962", "محمود توفيق"),
        // a country alone in parentheses
        ("Mahmoud TAWFIK (Egypt)", "Mahmoud TAWFIK"),
        // an age
        ("Ahmed Hassan, 35, from Cairo", "Ahmed Hassan"),
        ("Ahmed Hassan, aged 35", "Ahmed Hassan"),
        ("أحمد حسن، 35 عاما", "أحمد حسن"),
        ("أحمد حسن البالغ من العمر 35 عاما", "أحمد حسن"),
        // a nationality after a spaced dash
        ("محمد علي حسن - مصري الجنسية", "محمد علي حسن"),
        (
            "Mohamed Ali Hassan – Egyptian national",
            "Mohamed Ali Hassan",
        ),
        // a death, and a reported one
        ("Ali Hassan (killed in 2015)", "Ali Hassan"),
        ("Ali Hassan, reportedly deceased", "Ali Hassan"),
        ("علي حسن (قتل عام 2015)", "علي حسن"),
        ("محمود توفيق (مصر)", "محمود توفيق"),
        // the mother's name
        (
            "Mohammed Ali Hassan, mother's name: Fatima",
            "Mohammed Ali Hassan",
        ),
        ("Mohammed Ali Hassan, mother: Fatima", "Mohammed Ali Hassan"),
        (
            "Mohammed Ali Hassan (mother: Fatima Ahmed)",
            "Mohammed Ali Hassan",
        ),
        ("محمد علي حسن، اسم الأم: فاطمة", "محمد علي حسن"),
        ("محمد علي حسن، والدته فاطمة", "محمد علي حسن"),
        // where the person lives, what the person does, any field
        (
            "Mohammed Ali Hassan, resident of Mosul",
            "Mohammed Ali Hassan",
        ),
        ("Mohammed Ali Hassan, ID no. 12345", "Mohammed Ali Hassan"),
        ("محمد علي حسن، يسكن الموصل", "محمد علي حسن"),
        ("محمد علي حسن، من أهالي الموصل", "محمد علي حسن"),
        (
            "Mohammed Ali Hassan, occupation: engineer",
            "Mohammed Ali Hassan",
        ),
        ("Mohammed Ali Hassan; Beruf: Händler", "Mohammed Ali Hassan"),
        ("محمد علي حسن، المهنة: مهندس", "محمد علي حسن"),
        (
            "Mohammed Ali Hassan, father's name: Ali",
            "Mohammed Ali Hassan",
        ),
        ("Ali Hassan, father's name Mahmoud", "Ali Hassan"),
        // where the person comes from or lives: a city set apart, or a
        // place after from or born in
        ("Mohammed Ali Hassan (Baghdad)", "Mohammed Ali Hassan"),
        ("Mohammed Ali Hassan (Mosul, Iraq)", "Mohammed Ali Hassan"),
        ("Ahmed Saleh al-Dulaimi, Fallujah", "Ahmed Saleh al-Dulaimi"),
        ("Omar Khalid from Mosul", "Omar Khalid"),
        ("Omar Khalid, from the city of Mosul", "Omar Khalid"),
        ("Yasser Mahmoud, born in Aleppo", "Yasser Mahmoud"),
        ("Ziad Jarrah from Lebanon", "Ziad Jarrah"),
        ("محمد علي حسن (الموصل)", "محمد علي حسن"),
        ("حسين جبار كاظم، البصرة", "حسين جبار كاظم"),
        ("سالم أحمد باوزير من مدينة المكلا", "سالم أحمد باوزير"),
        ("فيصل العتيبي المولود في الرياض", "فيصل العتيبي"),
        // a label with no separator before it
        ("محمد علي حسن والدته فاطمة", "محمد علي حسن"),
        ("محمد علي حسن يسكن الموصل", "محمد علي حسن"),
        (
            "Mohammed Ali Hassan resident of Mosul",
            "Mohammed Ali Hassan",
        ),
        ("Ali Hassan father’s name Mahmoud", "Ali Hassan"),
        (
            "MOHAMMED ALI HASSAN MOTHER'S NAME FATIMA",
            "MOHAMMED ALI HASSAN",
        ),
        ("محمد علي حسن اسم الأم فاطمة", "محمد علي حسن"),
    ] {
        assert_eq!(without_particulars(raw), Some(name), "{raw}");
    }
}

#[test]
fn the_year_of_birth_is_read_from_the_particulars() {
    for (raw, year) in [
        ("Mahmoud Tawfik, DOB 12/03/1962", Some(1962)),
        ("Ali Hassan (12.03.1962)", Some(1962)),
        ("Ali Hassan, b. 1962, Cairo", Some(1962)),
        ("محمود توفيق، تاريخ الميلاد: ١٩٦٢", Some(1962)),
        ("Ali Hassan, passport 123456789", None),
        ("Ali Hassan, nationality: Egyptian", None),
        ("Ali Hassan (killed 2015), born 1970", Some(1970)),
        ("Ali Hassan, d. 2001", None),
        ("علي حسن (قتل عام 2015)", None),
    ] {
        let (_, particulars) = split_particulars(raw, || true).unwrap_or_default();
        assert_eq!(birth_year(particulars), year, "{raw}");
    }
}

#[test]
fn the_word_lists_are_written_as_normalised_words_are() {
    let words = super::words::LABELS
        .iter()
        .flat_map(|l| l.iter())
        .chain(super::words::BIRTH_WORDS)
        .chain(super::words::AGE_WORDS)
        .chain(super::words::DEATH_WORDS)
        .chain(super::words::STATUS_WORDS)
        .chain(super::words::MONTHS);
    for w in words {
        assert_eq!(crate::normalize::normalize(w), *w);
    }
}

#[test]
fn names_with_such_words_keep_them() {
    for raw in [
        // Born and b. (bin) are names, «ولد» a Mauritanian son of
        "Max Born",
        "Muhammad b. Abd al-Wahhab",
        "محمد ولد عبد العزيز",
        // a regnal or list number is not a date's only word
        "Louis XIV",
        "Mahmoud Tawfik",
        // nothing would be left
        "DOB 1962",
        // a number inside the name, with no comma or parenthesis
        "Agent 47 Smith",
        // a family name first, and its initial, or a given name that
        // is also a country's
        "TAWFIK, Mahmoud",
        "SMITH, Jordan",
        "TAWFIK, M.",
        "MASRI, Abu Ayyub al-",
        // a nationality inside the name is a family name
        "Abu Ayyub al-Masri",
        // a label of another name or of the name's own parts
        "Mohammed Ali, alias: Abu Ahmed",
        "Mohammed Ali; a.k.a.: Abu Ahmed",
        "محمد علي، الكنية: أبو أحمد",
        "TAWFIK, Prénom: Mahmoud",
        // a city with nothing setting it apart, or one word after from
        // that is no place, or a given name that is also a city's
        "Ali Baghdad",
        "Ahmed Hassan from Hell",
        "HASSAN, Medina",
        "Abu Musab al-Zarqawi",
        "TRIPOLI, Ahmed",
    ] {
        assert_eq!(without_particulars(raw), None, "{raw}");
    }
}

#[test]
fn every_word_particulars_open_with_is_seen_without_a_separator() {
    let words = super::LABELS
        .iter()
        .filter_map(|l| l.first())
        .chain(super::words::BIRTH_WORDS)
        .chain(super::words::FROM_WORDS);
    for w in words {
        for raw in [
            format!("Ali Hassan {w} x"),
            format!("Ali {} x", w.to_uppercase()),
        ] {
            assert!(super::has_opening_word(&raw), "{raw}");
        }
    }
    // as they are written before `normalize`: hamza, ta marbuta, a dot
    for raw in [
        "علي حسن والدتة",
        "علي حسن الأم",
        "علي حسن الجنسية",
        "Ali D.O.B.",
    ] {
        assert!(super::has_opening_word(raw), "{raw}");
    }
    for raw in [
        "Ali Hassan",
        "Mohammed Ali Hassan al-Tikriti",
        "محمد علي حسن",
        "from",
    ] {
        assert!(!super::has_opening_word(raw), "{raw}");
    }
}
