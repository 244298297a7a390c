use super::*;

fn roles(name: &str, kind: NameKind) -> Vec<(String, Role)> {
    parse(name, kind)
        .parts
        .into_iter()
        .map(|p| (p.text, p.role))
        .collect()
}

#[test]
fn arabic_person_with_rank() {
    let r = roles("اللواء محمود توفيق", NameKind::Person);
    assert_eq!(r[0], ("اللواء".into(), Role::Title));
    assert_eq!(r[1], ("محمود".into(), Role::Given));
    assert_eq!(r[2], ("توفيق".into(), Role::Family));
}

#[test]
fn latin_ranks_and_initials() {
    let r = roles("Maj. Gen. M. TAWFIQ", NameKind::Person);
    assert_eq!(r[0].1, Role::Title);
    assert_eq!(r[1].1, Role::Title);
    assert_eq!(r[2], ("m".into(), Role::Initial));
    assert_eq!(r[3], ("tawfiq".into(), Role::Family));
}

#[test]
fn honorifics_are_titles() {
    for (name, titles) in [
        ("Grand Ayatollah Ali al-Sistani", 2),
        ("H.E. Adel al-Jubeir", 1),
        ("H.H. Sheikh Mohammed bin Rashid", 2),
        ("His Majesty King Abdullah II", 3),
        ("His Eminence Cardinal Pietro Parolin", 3),
        ("Präsident Barack Obama", 1),
        ("Monsieur Ilie Bolojan", 1),
        ("Herr Olaf Scholz", 1),
        ("Señora Ana Botín", 1),
    ] {
        let r = roles(name, NameKind::Person);
        // a title, or words the press writes around a name: never the name
        let leading = r
            .iter()
            .take_while(|(_, role)| matches!(role, Role::Title | Role::Description))
            .count();
        assert_eq!(leading, titles, "{name}: {r:?}");
    }
}

#[test]
fn sayyid_is_a_title_only_before_a_full_name() {
    assert_eq!(
        roles("Seyyed Ebrahim Raisi", NameKind::Person)[0].1,
        Role::Title
    );
    assert_eq!(roles("سيد علي خامنئي", NameKind::Person)[0].1, Role::Title);
    assert_eq!(roles("Sayed Darwish", NameKind::Person)[0].1, Role::Given);
}

#[test]
fn ranks_without_the_article_that_are_also_names() {
    // Raed, Mushir, Fadila are given names; a rank without the article is
    // a title only before another title or ركن
    for name in ["رائد صلاح", "مشير المصري", "فضيلة فريس"] {
        assert_eq!(roles(name, NameKind::Person)[0].1, Role::Given, "{name}");
    }
    let r = roles("فضيلة الشيخ يوسف القرضاوي", NameKind::Person);
    assert_eq!(
        (r[0].1, r[1].1, r[2].1),
        (Role::Title, Role::Title, Role::Given)
    );
    let r = roles("عميد ركن أحمد عسيري", NameKind::Person);
    assert_eq!(
        (r[0].1, r[1].1, r[2].1),
        (Role::Title, Role::Title, Role::Given)
    );
    assert_eq!(roles("الرائد محمد علي", NameKind::Person)[0].1, Role::Title);
    // ركن opens Rukn ad-Din
    assert_eq!(roles("ركن الدين محمد", NameKind::Person)[0].1, Role::Given);
}

#[test]
fn nasab_chain_and_family() {
    let r = roles("محمد بن سلمان بن عبد العزيز آل سعود", NameKind::Person);
    let texts: Vec<_> = r.iter().map(|(t, r)| (t.as_str(), *r)).collect();
    assert_eq!(
        texts,
        vec![
            ("محمد", Role::Given),
            ("بن", Role::Particle),
            ("سلمان", Role::Nasab),
            ("بن", Role::Particle),
            ("عبد العزيز", Role::Nasab),
            ("ال سعود", Role::Family),
        ]
    );
    let r = roles(
        "Mohammed bin Salman bin Abdulaziz Al Saud",
        NameKind::Person,
    );
    assert_eq!(r.last().unwrap(), &("al saud".to_string(), Role::Family));
    assert_eq!(r[2], ("salman".into(), Role::Nasab));
}

#[test]
fn compounds_are_one_part() {
    assert_eq!(roles("Abd al-Rahman", NameKind::Person).len(), 1);
    assert_eq!(roles("عبد الرحمن", NameKind::Person).len(), 1);
    assert_eq!(roles("Abdel Fattah el-Sisi", NameKind::Person).len(), 2);
    let r = roles("Abu Bakr al-Baghdadi", NameKind::Person);
    assert_eq!(r[0], ("abu bakr".into(), Role::Kunya));
    assert_eq!(r[1], ("al baghdadi".into(), Role::Nisba));
    let r = roles("نور الدين زنكي", NameKind::Person);
    assert_eq!(r[0].0, "نور الدين");
    let r = roles("Nour el-Din Zinki", NameKind::Person);
    assert_eq!(r[0].0, "nour el din");
    // a compound ʿAbd or a kunya opens is whole: its Allah does not join
    // the name before it
    for (name, first) in [
        ("رمضان عبد الله شلح", "رمضان"),
        ("Ramadan Abd Allah Shallah", "ramadan"),
        ("محمد أبو عبد الله", "محمد"),
    ] {
        let r = roles(name, NameKind::Person);
        assert_eq!(r[0].0, first, "{name}: {r:?}");
        assert_eq!(r.len(), if name.contains("أبو") { 2 } else { 3 });
    }
    let r = roles("حسن نصر الله", NameKind::Person);
    assert_eq!(r[1].0, "نصر الله");
}

#[test]
fn organisations() {
    let p = parse("Ministry of Defence", NameKind::Unknown);
    assert_eq!(p.kind, NameKind::Organization);
    let r: Vec<_> = p.parts.iter().map(|p| p.role).collect();
    // and the letters its words spell as an acronym (MOD), marked after them
    assert_eq!(
        r,
        vec![Role::OrgType, Role::Stop, Role::OrgName, Role::Initials]
    );
    let p = parse("Bowne Global Solutions S.A.R.L.", NameKind::Organization);
    let roles: Vec<_> = p.parts.iter().map(|p| p.role).collect();
    assert_eq!(roles[roles.len() - 2..], [Role::Legal, Role::Initials]);
    let p = parse("الاتحاد الأوروبي", NameKind::Organization);
    assert!(p.keys.iter().all(|k| k.concept != 0));
    let p = parse("وزارة الدفاع", NameKind::Unknown);
    assert_eq!(p.kind, NameKind::Organization);
    for org in [
        "European Union",
        "Siemens AG Holding",
        "Bowne Global Solutions LLC",
        "الاتحاد الأوروبي",
        "Bank of China",
        // a body's acronym alone
        "IRGC",
        "داعش",
        // legal forms of the Balkans, Latin America, Hungary, Indonesia,
        // Malaysia, spelled in letters or as a word
        "Kipas Holding d.o.o.",
        "Sigma S.R.L.",
        "Hansa B.V.",
        "Rosneft Trading S.A.",
        "Petropars Ltda",
        "Sigma Kft",
        "Astra International Tbk",
        "1 Malaysia Development Berhad",
        "OOO Oboronnye Initsiativy",
        "PJSC Rosneft",
    ] {
        assert_eq!(
            parse(org, NameKind::Unknown).kind,
            NameKind::Organization,
            "{org}"
        );
    }
    // a legal form written out is one legal part, whatever its language
    for (org, legal) in [
        (
            "Open Joint Stock Company Gazprom",
            "open joint stock company",
        ),
        ("Faberlic Europe Sp. z o.o.", "sp zoo"),
        ("Siemens Aktiengesellschaft", "aktiengesellschaft"),
        ("شركة النور ذات مسؤولية محدودة", "ذات مسووليه محدوده"),
    ] {
        let p = parse(org, NameKind::Organization);
        let legal_parts: Vec<_> = p.parts.iter().filter(|p| p.role == Role::Legal).collect();
        assert_eq!(legal_parts.len(), 1, "{org}: {:?}", p.parts);
        assert_eq!(legal_parts[0].text, legal, "{org}");
    }
    // … but not when it is the whole name
    let p = parse("Joint Stock Company", NameKind::Organization);
    assert!(p.parts.iter().all(|p| p.role != Role::Legal));
    for person in [
        "Iyad Ag Ghaly",
        "Margaret Court",
        "Ahmed Sal",
        // initials after a name
        "Mohammed Masri S. A.",
        "Tawfik M. A.",
        "Kim Doo",
        "Mahmoud Tawfik",
        "اللواء محمود توفيق",
    ] {
        assert_eq!(
            parse(person, NameKind::Unknown).kind,
            NameKind::Person,
            "{person}"
        );
    }
}

#[test]
fn a_part_key_stays_small() {
    // an index of 1M names holds some 2.7M of them: 8 bytes more was 21 MiB
    assert!(std::mem::size_of::<PartKey>() <= 72);
}

#[test]
fn many_parenthesised_acronyms_are_read_without_recursing() {
    // each would be the acronym of the name before it
    let long = format!("Islamic Jihad Union{}", " (IJU)".repeat(50_000));
    let p = parse(&long, NameKind::Organization);
    assert_eq!(p.kind, NameKind::Organization);
    assert_eq!(p.names().count(), 2);
}
