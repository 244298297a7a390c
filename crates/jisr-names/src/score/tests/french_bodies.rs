//! The partners' own bodies as French-speaking administrations name them
//! (the Maghreb's security, judicial and financial-intelligence bodies),
//! against their Arabic names, and the counter- and anti- words glued to
//! what they fight.

use super::*;

#[test]
fn the_maghrebs_security_and_judicial_bodies_meet_their_french_names() {
    for (french, arabic) in [
        (
            "Direction Générale de la Sûreté Nationale",
            "المديرية العامة للأمن الوطني",
        ),
        ("Gendarmerie Royale", "الدرك الملكي"),
        (
            "Brigade Nationale de la Police Judiciaire",
            "الفرقة الوطنية للشرطة القضائية",
        ),
        (
            "Bureau Central d'Investigations Judiciaires",
            "المكتب المركزي للأبحاث القضائية",
        ),
        (
            "Département du Renseignement et de la Sécurité",
            "دائرة الاستعلام والأمن",
        ),
        (
            "Commission Tunisienne des Analyses Financières",
            "اللجنة التونسية للتحاليل المالية",
        ),
        (
            "Unité de Traitement du Renseignement Financier",
            "وحدة معالجة المعلومات المالية",
        ),
        (
            "Office National de Lutte contre la Drogue",
            "الديوان الوطني لمكافحة المخدرات",
        ),
        ("Cour Suprême", "المحكمة العليا"),
        (
            "Conseil Supérieur de la Magistrature",
            "المجلس الأعلى للقضاء",
        ),
        (
            "Agence Nationale de la Sécurité Informatique",
            "الوكالة الوطنية للسلامة المعلوماتية",
        ),
        ("Administrative Control Authority", "هيئة الرقابة الإدارية"),
    ] {
        let m = org(french, arabic);
        assert!(m.score >= 0.95, "{french} / {arabic}: {m}");
    }
    // the surveillance of the territory leaves out that it is national
    let m = org(
        "Direction Générale de la Surveillance du Territoire",
        "المديرية العامة لمراقبة التراب الوطني",
    );
    assert!(m.score >= 0.8, "{m}");
    // two bodies of one administration stay two
    let m = org(
        "Direction Générale de la Sûreté Nationale",
        "المديرية العامة للجمارك",
    );
    assert!(m.score < DEFAULT_THRESHOLD, "{m}");
}

#[test]
fn counter_and_anti_glued_to_a_word_are_combating_it() {
    for (a, b) in [
        ("Counterterrorism Center", "مركز مكافحة الإرهاب"),
        ("Antiterrorism Unit", "وحدة مكافحة الإرهاب"),
        (
            "Counternarcotics Police of Afghanistan",
            "شرطة مكافحة المخدرات الأفغانية",
        ),
        (
            "Pôle Judiciaire Antiterroriste",
            "القطب القضائي لمكافحة الإرهاب",
        ),
        // lutte antiterroriste says combating once
        (
            "Service Central de Lutte Antiterroriste",
            "المصلحة المركزية لمكافحة الإرهاب",
        ),
        ("Counterintelligence Directorate", "مديرية مكافحة التجسس"),
    ] {
        let m = org(a, b);
        assert!(m.score >= 0.95, "{a} / {b}: {m}");
    }
    // a word that only opens with anti is left whole (Antioch «أنطاكية»)
    let m = org("Antioch Bank", "بنك أنطاكية");
    assert!(m.explanation.to_string().contains("antioch"), "{m}");
}
