use super::*;

#[test]
fn romanisations_beyond_the_arab_world_match() {
    // ض is z in Persian, Urdu and Turkish spellings, dh in the Gulf
    for (a, b) in [
        ("ضياء الحق", "Zia ul Haq"),
        ("رضا", "Raza"),
        ("رمضان", "Ramazan"),
        ("رمضان", "Ramadan"),
        ("قاضي", "Qazi"),
        ("فاضل", "Fadhil"),
        // a final h after a vowel is ح or ه as often as the spelling of ة
        ("صلاح", "Salah"),
        ("صالح", "Saleh"),
        ("نوح", "Nooh"),
        ("فاطمة", "Fatimah"),
        // an opening letter written twice has a vowel between
        ("ممدوح", "Mamdouh"),
        ("ممتاز", "Mumtaz"),
        // also after the article, and in a word of three letters
        ("محمد النني", "Mohamed Elneny"),
        ("نني", "Nenni"),
        // ذ is th in the Gulf, as ث is everywhere
        ("ذياب", "Thiab"),
        ("معاذ", "Muath"),
        // inside a word, ز or ظ before ه is written zh
        ("مسعود أظهر", "Masood Azhar"),
        ("مظهر", "Mazhar"),
        // Turkish: c is j, ş is sh, a final d is written t
        ("جمال", "Cemal"),
        ("رشيد", "Reşit"),
        ("أحمد", "Ahmet"),
        ("محمود", "Mahmut"),
        ("مسعود", "Mesut"),
        ("محمد", "Mehmet"),
    ] {
        let m = s(a, b);
        assert!(m.score >= 0.8, "{a} / {b}: {m}");
    }
    // but ض, z and h still tell names apart
    for (a, b) in [("رضا", "Rana"), ("صالح", "Salem"), ("ضياء", "Ziad")] {
        let m = s(a, b);
        assert!(m.score < DEFAULT_THRESHOLD, "{a} / {b}: {m}");
    }
}

#[test]
fn a_joined_arabic_script_word_stands_for_two_latin_parts() {
    // Persian writes compound given names as one word; Latin as two, with
    // the short vowels Arabic script leaves out
    let m = s("محمدجواد ظریف", "Mohammad Javad Zarif");
    assert!(m.score >= DEFAULT_THRESHOLD, "{m}");
    assert!(
        m.explanation
            .aligned
            .iter()
            .any(|a| a.left == "محمدجواد" && a.right == "mohammad + javad"),
        "{m}"
    );
}

#[test]
fn organisations_named_for_their_trade_meet_across_scripts() {
    // the Latin article carries nothing, as the Arabic one; trades translate
    for (a, b) in [
        ("شركة النور للصرافة", "Al Nour Exchange Company"),
        ("مكتب الأمانة للحوالات", "Al Amana Money Transfer Office"),
        (
            "شركة الهلال للنقل والمقاولات",
            "Al Hilal Transport and Contracting Co",
        ),
        ("جبهة النصرة", "Al-Nusrah Front"),
        ("المصرف التجاري السوري", "Commercial Bank of Syria"),
        ("شركة الاتصالات السعودية", "Saudi Telecom Company"),
        // a compound with Allah names, it does not translate
        ("حزب الله", "Hizballah"),
        ("كتائب حزب الله", "Kata'ib Hizballah"),
    ] {
        let m = org(a, b);
        assert!(m.score >= 0.75, "{a} / {b}: {m}");
    }
    // الشام is al-Sham in names (Hay'at Tahrir al-Sham), so it has no
    // concept: Levant, the translation, stays unmatched
    let m = org("هيئة تحرير الشام", "Hay'at Tahrir al-Sham");
    assert!(m.score >= 0.75, "{m}");
    // the trade alone is no match
    let m = org("شركة النور للتجارة", "Al Hilal Trading Company");
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
}

#[test]
fn family_first_lists_score_as_written_given_first() {
    // sanctions lists sort by family name and move the article behind the given names
    let listed = s("ZAWAHIRI, Ayman al-", "أيمن الظواهري");
    let plain = s("Ayman al-Zawahiri", "أيمن الظواهري");
    assert!(
        (listed.score - plain.score).abs() < 1e-9,
        "{listed} / {plain}"
    );
    assert!(listed.explanation.missing_left.is_empty(), "{listed}");
    assert!(!listed.explanation.order_swapped, "{listed}");
    let m = s("NURISTANI, Abdul Aziz", "عبد العزيز النورستاني");
    assert!(m.score >= 0.9, "{m}");
}

#[test]
fn a_final_ta_marbuta_after_z_is_a_vowel_not_zh() {
    // ز then ه is zh only inside a word (Azhar); حمزة ends on its ta marbuta
    for (latin, arabic) in [("Hamza", "حمزة"), ("Faiza", "فائزة"), ("Azza", "عزة")] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.93, "{latin} / {arabic}: {m}");
    }
    let m = s("Azhar", "أزهر");
    assert!(m.score >= 0.93, "{m}");
}

#[test]
fn a_latin_s_between_vowels_meets_zay_when_it_is_the_only_consonant() {
    // Isaiah has no other consonant to share with «أيزاياه»: s, read z
    // between vowels, is not a different sound
    let m = s("Isaiah", "أيزاياه");
    assert!(m.score >= 0.85, "{m}");
}

#[test]
fn an_opening_alif_waw_may_be_the_consonant_w() {
    // «أويس» is Uways, Awais, Owais: its waw is a w; «أوسلو» keeps its o
    for (latin, arabic) in [
        ("Awais", "أويس"),
        ("Owais", "أويس"),
        ("Uwais", "أويس"),
        ("Hassan Dahir Aweys", "حسن ضاهر أويس"),
        ("Oslo", "أوسلو"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.9, "{latin} / {arabic}: {m}");
    }
}

#[test]
fn a_french_final_s_is_silent_and_an_arabic_one_is_not() {
    for (latin, arabic) in [
        ("Louis Vuitton", "لوي فيتون"),
        ("Nicolas Sarkozy", "نيكولا ساركوزي"),
        ("Lucas", "لوكا"),
        ("Idris", "إدريس"),
        ("Abbas", "عباس"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.85, "{latin} / {arabic}: {m}");
    }
}

#[test]
fn south_asian_glued_articles_meet_the_arabic_compound() {
    // Saiful Islam is Saif ul-Islam: the article is glued to the first word
    for (latin, arabic) in [
        ("Saiful Islam", "سيف الإسلام"),
        ("Mujibur Rahman", "مجيب الرحمن"),
        ("Ziaul Haq", "ضياء الحق"),
        ("Fazlur Rehman", "فضل الرحمن"),
        ("Anwarul Haq Kakar", "أنوار الحق كاكر"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.9, "{latin} / {arabic}: {m}");
    }
    // the glued and the separate spellings are the same name
    let m = s("Saiful Islam", "Saif al-Islam");
    assert!(m.score >= 0.99, "{m}");
}

#[test]
fn turkish_spellings_of_arabic_names() {
    // Turkish c is j before any vowel, a final t may be a devoiced d (also
    // after a diphthong's y), and -oğlu is written apart in Arabic
    for (latin, arabic) in [
        ("Cafer", "جعفر"),
        ("Abdullah Öcalan", "عبد الله أوجلان"),
        ("Cüneyt Zapsu", "جنيد زابسو"),
        ("Ahmet Davutoğlu", "أحمد داود أوغلو"),
        ("Mehmet Ali Ağca", "محمد علي أغجا"),
        // forms the rules alone leave below the threshold: h for kh,
        // devoiced d inside a word
        ("Hatice Kılıç", "خديجة كيليتش"),
        ("Halit Güler", "خالد غولر"),
        ("Mücahit Cevdet", "مجاهد جودت"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.75, "{latin} / {arabic}: {m}");
    }
    // a form is its name only: Halit is not Talat
    assert!(s("Halit", "Talat").score < 0.5);
    // c stays k for everyone else, and k is not j
    assert!(s("Carlos", "كارلوس").score >= 0.95);
    assert!(s("Kamal", "جمال").score < 0.6);
}

#[test]
fn spelled_out_initials_and_regnal_numbers_meet_their_letters() {
    // Arabic writes a Latin initial as the letter's name, a regnal number as a word
    for (latin, arabic) in [
        ("George W. Bush", "جورج دبليو بوش"),
        ("John F. Kennedy", "جون إف كينيدي"),
        ("King Abdullah II", "الملك عبد الله الثاني"),
        ("Mohammed VI", "محمد السادس"),
        ("King Hussein I", "الملك الحسين الأول"),
        ("Pope Francis", "البابا فرنسيس"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.85, "{latin} / {arabic}: {m}");
        assert!(m.explanation.missing_left.is_empty(), "{m}");
        assert!(m.explanation.missing_right.is_empty(), "{m}");
    }
    // two numbers are two rulers
    let m = s("Abdullah II", "عبد الله الأول");
    assert!(m.score < 0.6, "{m}");
    let m = s("King Abdullah II", "King Abdullah I");
    assert!(m.score < 0.6, "{m}");
    // without a ruler's title a final I stays an initial, which must not
    // take the name's place in the alignment
    let m = s("Hussein I", "الحسين الأول");
    assert!(m.score >= 0.75, "{m}");
    // the number is no part of the name: without it, the name still meets
    let m = s("Abdullah", "عبد الله الثاني");
    assert!(m.score >= 0.75, "{m}");
}

#[test]
fn turkic_and_kurdish_latin_x_and_schwa_and_scholarly_letters() {
    for (latin, arabic) in [
        // Kurdish, Uzbek and Azerbaijani x is kh; Kurdish şêx a sheikh
        ("Xalid", "خالد"),
        ("Bextiyar", "بختيار"),
        ("Ebdulkerîm Xelef", "عبد الكريم خلف"),
        ("Şêx Mehmûd Berzincî", "الشيخ محمود البرزنجي"),
        // Azerbaijani ə is a
        ("İlham Əliyev", "إلهام علييف"),
        ("Heydər Əliyev", "حيدر علييف"),
        // DMG and ISO 233 romanisation, and the Berber Latin alphabet
        ("Ḏū al-Fiqār Ḫān", "ذو الفقار خان"),
        ("Lɛarbi Ben Mhidi", "العربي بن مهيدي"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= DEFAULT_THRESHOLD, "{latin} / {arabic}: {m}");
    }
    // and x is still the ks of most languages
    for (latin, arabic) in [("Alexander", "ألكسندر"), ("Max Weber", "ماكس فيبر")] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.9, "{latin} / {arabic}: {m}");
    }
}

#[test]
fn spanish_dutch_and_slavic_names_as_the_arabic_press_writes_them() {
    for (latin, arabic) in [
        // Spanish and Dutch g before e or i is خ, as Spanish j is
        ("Jorge Bergoglio", "خورخي بيرغوليو"),
        ("Geert Wilders", "خيرت فيلدرز"),
        // Dutch sch is «سخ»
        ("Dick Schoof", "ديك سخوف"),
        // Polish -cki is tsk, rz after a consonant zh or sh, a final j y
        ("Mateusz Morawiecki", "ماتيوش مورافيتسكي"),
        ("Krzysztof Kieślowski", "كشيشتوف كيشلوفسكي"),
        ("Zbigniew Brzeziński", "زبيغنيو بريجنسكي"),
        ("Sergej Lavrov", "سيرغي لافروف"),
        // Czech, Slovak and South Slavic c is ts
        ("Václav Havel", "فاتسلاف هافل"),
        ("Robert Fico", "روبرت فيتسو"),
        ("Slavica", "سلافيتسا"),
        // … and still as written letter by letter, and German rz is r and z
        ("Lipnicki", "لبنيكي"),
        ("Friedrich Merz", "فريدريش ميرتس"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= DEFAULT_THRESHOLD, "{latin} / {arabic}: {m}");
    }
    // German and Italian z too, a word alone (0.68, 0.71 before)
    for (latin, arabic) in [("Mozart", "موتسارت"), ("Maurizio", "ماوريتسيو")] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.85, "{latin} / {arabic}: {m}");
    }
    // … only where Arabic writes the two letters together (Boaz is not «باتيس»)
    assert!(s("Boaz", "باتيس").score < 0.5);
    // the usual sound of a z still comes first where Arabic writes both
    assert!(s("Franz", "فرانز").score > s("Franz", "فرانتس").score);
    // a name whose every letter differs in habit comes near (0.43 before)
    let m = s("Andrzej Duda", "أندجي دودا");
    assert!(m.score >= 0.6, "{m}");
}

#[test]
fn pinyin_x_q_and_zh_are_the_arabic_sh_and_ch() {
    for (latin, arabic) in [
        ("Xi Jinping", "شي جين بينغ"),
        ("Deng Xiaoping", "دنغ شياو بينغ"),
        ("Li Qiang", "لي تشيانغ"),
        ("Zhou Enlai", "تشو إن لاي"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.8, "{latin} / {arabic}: {m}");
    }
    // q is still q elsewhere, and zh still the zh of Azhar and Zhukov
    assert!(s("Qasim", "قاسم").score >= 0.95);
    assert!(s("Zhukov", "جوكوف").score >= 0.9);
}

#[test]
fn latin_digraphs_for_two_arabic_letters() {
    // th, dh, sh, kh written for ت، د، س، ك and the ح or ه after them
    for (a, b) in [
        ("Fathi Adham", "فتحي أدهم"),
        ("Ishaq Midhat", "إسحاق مدحت"),
        ("Madhuri Coulthard", "مادهوري كولتهارد"),
    ] {
        let m = s(a, b);
        assert!(m.score >= 0.9, "{a} / {b}: {m}");
    }
    // the letters apart still read as written (Ibtihal, Tuhami), and a
    // word's first letter is never half of a digraph (Suhair is not Scherr)
    assert!(s("Ibtihal Tuhami", "ابتهال التهامي").score >= 0.9);
    let m = s("Suhair", "Scherr");
    assert!(m.score < 0.75, "{m}");
    let m = s("Scherr", "سهير");
    assert!(m.score < 0.75, "{m}");
}

#[test]
fn legal_forms_written_out_weigh_as_their_abbreviations() {
    for (a, b) in [
        ("OAO Gazprom", "Open Joint Stock Company Gazprom"),
        ("Siemens AG", "Siemens Aktiengesellschaft"),
        (
            "SRL Pro Traffic",
            "Societatea cu Răspundere Limitată Pro Traffic",
        ),
        ("Al Nour Trading LLC", "النور للتجارة ذات مسؤولية محدودة"),
    ] {
        let m = org(a, b);
        assert!(m.score >= 0.95, "{a} / {b}: {m}");
    }
    // the legal form is no evidence: two companies sharing it stay apart
    let m = org("Gazprom Joint Stock Company", "Rosneft Joint Stock Company");
    assert!(m.score < 0.5, "{m}");
}

#[test]
fn a_father_and_his_son_stay_apart() {
    // each one's given name is the other's father's
    for (a, b) in [
        ("Salman bin Muhammad al-Rawi", "Muhammad bin Salman al-Rawi"),
        ("محمد بن سلمان", "Salman bin Mohammed"),
    ] {
        let m = s(a, b);
        assert!(m.score < DEFAULT_THRESHOLD, "{a} / {b}: {m}");
    }
    // the same man with his chain longer or shorter still meets
    let m = s("Mohammed bin Salman", "محمد بن سلمان بن عبد العزيز آل سعود");
    assert!(m.score >= DEFAULT_THRESHOLD, "{m}");
}

#[test]
fn two_fathers_are_two_men() {
    // a chain link on each side that matches nothing: different fathers
    let m = s(
        "Hamadi ben Ahmed ben Ali Bouyehia",
        "Hamadi ben Abdelaziz ben Ali Bouyehia",
    );
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
    // a link one source left out is no conflict
    let m = s(
        "Hamadi ben Ali Bouyehia",
        "Hamadi ben Abdelaziz ben Ali Bouyehia",
    );
    assert!(m.score >= 0.85, "{m}");
    // and without particles: a middle name on each side matching nothing
    let m = s(
        "ABDUL JALIL HAQQANI MIR MOHAMMAD",
        "ABDUL JALIL HAQQANI WALI MOHAMMAD",
    );
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
    let m = s(
        "ABDUL JALIL HAQQANI MOHAMMAD",
        "ABDUL JALIL HAQQANI WALI MOHAMMAD",
    );
    assert!(m.score >= DEFAULT_THRESHOLD, "{m}");
}

#[test]
fn east_slavic_patronymics_are_fathers_names() {
    // left out as often as a nasab link
    for (a, b) in [
        ("Sergey Viktorovich Lavrov", "Sergey Lavrov"),
        ("Сергей Викторович Лавров", "Sergei Lavrov"),
        ("Yulia Volodymyrivna Tymoshenko", "Yulia Tymoshenko"),
    ] {
        let m = s(a, b);
        assert!(m.score >= 0.9, "{a} / {b}: {m}");
    }
    // two fathers are two men
    let m = s("Sergey Viktorovich Lavrov", "Sergey Ivanovich Lavrov");
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
    // last, the same ending is a surname
    let r = parse("Roman Abramovich", NameKind::Person);
    assert_eq!(r.parts[1].role, Role::Family);
}

#[test]
fn numbers_in_organisations_meet_only_their_own() {
    for (a, b) in [
        ("Brigade 44", "Brigade Forty-Four"),
        ("4th Armoured Division", "Fourth Armoured Division"),
        ("4th Division", "الفرقة الرابعة"),
        ("First Abu Dhabi Bank", "بنك أبوظبي الأول"),
        ("Brigade 313", "لواء 313"),
    ] {
        let m = org(a, b);
        assert!(m.score >= 0.95, "{a} / {b}: {m}");
    }
    for (a, b) in [
        ("Brigade 313", "Brigade 314"),
        ("4th Division", "Fifth Division"),
        ("الفرقة الرابعة", "الفرقة الخامسة"),
    ] {
        let m = org(a, b);
        assert!(m.score < 0.5, "{a} / {b}: {m}");
    }
    // a word with digits is that word, in a person's name too
    let m = s("Unit 8200", "Unit 9900");
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
}

#[test]
fn a_name_in_another_language_is_an_alias() {
    for (a, b) in [
        ("Yitzhak Rabin", "إسحاق رابين"),
        ("Pope John Paul II", "البابا يوحنا بولس الثاني"),
        ("Boutros Ghali", "Peter Ghali"),
        ("Saladin", "صلاح الدين"),
        ("Avicenna", "ابن سينا"),
    ] {
        let m = s(a, b);
        assert!(m.score >= 0.85, "{a} / {b}: {m}");
    }
    // a spelling that sounds alike keeps its own, higher score
    let m = s("Daniel", "دانيال");
    assert!(m.score > 0.95, "{m}");
    assert_eq!(m.explanation.aligned[0].how, How::Transliteration);
}

#[test]
fn a_cedilla_is_s_or_ch_never_k() {
    // French and Portuguese ç is s, Turkish ç is ch or j; both are c to a
    // keyboard without it
    for (latin, arabic) in [
        ("Fayçal Ben Ali", "فيصل بن علي"),
        ("João Gonçalves", "جواو غونسالفيس"),
        ("Kemal Kılıç", "كمال كيليتش"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.85, "{latin} / {arabic}: {m}");
    }
    assert!(s("Gonçalves", "Goncalves").score >= 0.999);
    assert!(s("Fayçal", "Faysal").score >= 0.95);
}

#[test]
fn a_particle_glued_to_the_name_it_opens() {
    // Maghrebi and Gulf names write ben, bin as one word with what follows
    // as often as apart, in either script
    for (glued, apart) in [
        ("Ali Benflis", "علي بن فليس"),
        ("Rachid Benaissa", "رشيد بن عيسى"),
        ("Abdullah Binladin", "عبد الله بن لادن"),
        ("Mohamed Ben Ali", "محمد بنعلي"),
        ("Ali Benflis", "Ali Ben Flis"),
    ] {
        let m = s(glued, apart);
        assert!(m.score >= 0.9, "{glued} / {apart}: {m}");
    }
    // a name that only begins like a particle is its own word
    let m = s("Mohamed Bennani", "محمد بناني");
    assert!(m.score >= 0.9, "{m}");
    assert!(!m.explanation.to_string().contains('+'), "{m}");
}

#[test]
fn slavic_carons_and_acutes_are_ch_sh_zh() {
    // stripped as diacritics, č š ž were the c, s and z Arabic never writes
    // for them; a keyboard without them still writes the same name
    for (latin, arabic) in [
        ("Šaban Šakić", "شعبان شاكيتش"),
        ("Dražen Žurić", "دراجن جوريتش"),
        ("Edin Džeko", "إدين جيكو"),
        ("Kieślowski", "كيشلوفسكي"),
        ("Tomasz Szymański", "توماش شيمانسكي"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.85, "{latin} / {arabic}: {m}");
    }
    for (marked, bare) in [
        ("Šaban Šakić", "Saban Sakic"),
        ("Dražen Žurić", "Drazen Zuric"),
        ("Kieślowski", "Kieslowski"),
    ] {
        assert!(s(marked, bare).score >= 0.999, "{marked} / {bare}");
    }
    assert!(s("Šakić", "Shakich").score >= 0.9);
}

#[test]
fn european_letters_as_arabic_writes_them() {
    // Arabic writes a European g as غ as often as ج, a German st or sp and
    // a Hungarian or Portuguese s with ش, an s between vowels with ز, p
    // and v as ب and ف, a German or Dutch j and w as ي and ف
    for (latin, arabic, at_least) in [
        ("Jan Jensen", "يان ينسن", 0.9),
        ("Josef Jakob", "يوزف ياكوب", 0.82),
        ("Wolfgang Wagner", "فولفغانغ فاغنر", 0.9),
        ("Pieter Paul Rubens", "بيتر بول روبنز", 0.91),
        ("Greta Garbo", "غريتا غاربو", 0.95),
        ("Helga Gabriel", "هيلغا غابرييل", 0.96),
        ("Stefan Sperling", "شتيفان شبيرلينغ", 0.91),
        ("Marcos Rojo", "ماركوش روخو", 0.88),
        ("Rosa Luxemburg", "روزا لوكسمبورغ", 0.92),
        ("Elisabeth Moser", "إليزابيث موزر", 0.88),
        ("Cesare Pavese", "تشيزري بافيزي", 0.8),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= at_least, "{latin} / {arabic}: {m}");
    }
    // a feminine ة no Latin spelling writes is a different name (Said, Saida)
    for (latin, own, feminine) in [("Said", "سعيد", "سعيدة"), ("Nabil", "نبيل", "نبيلة")]
    {
        assert!(
            s(latin, own).score >= s(latin, feminine).score + 0.04,
            "{latin}"
        );
    }
    // a Latin e is ي or nothing, seldom ا (Asher is «آشر», not «أشار»)
    for (latin, written, other) in [("Asher", "آشر", "أشار"), ("Acker", "أكر", "آكار")]
    {
        assert!(s(latin, written).score > s(latin, other).score, "{latin}");
    }
    // a final a is still the alef maqsura of Arabic names (the training
    // splits' European names would have it costlier)
    for (latin, arabic) in [("Isa", "عيسى"), ("Yahya", "يحيى"), ("Laila", "ليلى")] {
        assert!(s(latin, arabic).score >= 0.9, "{latin} / {arabic}");
    }
    // within one script ز and س stay two letters
    assert!(s("سعيد", "زعيد").score < 0.85);
    // and an Arabic name's own s still finds its own spelling first
    assert!(
        s("Osama bin Laden", "أسامة بن لادن").score
            > s("Osama bin Laden", "عزمي بن لادن").score + 0.1
    );
}

#[test]
fn a_generation_aligns_across_scripts_and_tells_father_from_son() {
    for (latin, arabic) in [
        ("Martin Luther King Jr.", "مارتن لوثر كينغ الابن"),
        ("Robert Downey Jr.", "روبرت داوني جونيور"),
        ("Ken Griffey Sr.", "كين غريفي الأب"),
    ] {
        let m = s(latin, arabic);
        assert!(m.score >= 0.9, "{latin} / {arabic}: {m}");
    }
    // left out, a generation costs nothing; two are two men
    assert!(s("Martin Luther King Jr.", "Martin Luther King").score >= 0.95);
    assert!(s("Ken Griffey Jr.", "Ken Griffey Sr.").score < DEFAULT_THRESHOLD);
}
