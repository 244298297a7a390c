//! Translations: one Fluent file per language, embedded in the binary.
//! Fluent wraps every placeable in Unicode bidi isolates, so a Latin value
//! (an IP, a hash) inside an Arabic sentence keeps its own direction.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The console's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// The best language for an `Accept-Language` header: the first listed
    /// (by quality) that we have; English otherwise.
    pub fn negotiate(header: &str) -> Lang {
        let mut prefs: Vec<(f32, usize, &str)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits
                    .find_map(|b| b.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (!tag.is_empty() && q > 0.0).then_some((q, i, tag))
            })
            .collect();
        prefs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        prefs
            .into_iter()
            .find_map(|(_, _, tag)| Lang::parse(tag.split('-').next().unwrap_or("")))
            .unwrap_or(Lang::En)
    }
}

const SOURCES: &[(Lang, &str)] = &[
    (Lang::En, include_str!("../locales/en.ftl")),
    (Lang::Ar, include_str!("../locales/ar.ftl")),
];

pub struct Translations {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Translations {
    /// Loads the embedded files. A syntax error in them is a build defect,
    /// reported here (and by a unit test) rather than at the first page.
    pub fn load() -> Result<Translations, String> {
        let mut bundles = HashMap::new();
        for (lang, text) in SOURCES {
            let res = FluentResource::try_new((*text).to_string())
                .map_err(|(_, errs)| format!("{}.ftl: {errs:?}", lang.code()))?;
            let id: LanguageIdentifier = lang
                .code()
                .parse()
                .map_err(|e| format!("language id {}: {e}", lang.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle
                .add_resource(res)
                .map_err(|errs| format!("{}.ftl: {errs:?}", lang.code()))?;
            bundles.insert(*lang, bundle);
        }
        Ok(Translations { bundles })
    }

    /// The message `id` in `lang`; a missing message shows its id, so a
    /// gap is visible rather than silent (a unit test keeps the files in step).
    pub fn get(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return id.to_string();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        let mut errors = vec![];
        bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    #[cfg(test)]
    fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundles
            .get(&lang)
            .is_some_and(|b| b.get_message(id).is_some())
    }

    /// Message ids of one language, for the completeness test.
    #[cfg(test)]
    fn ids(lang: Lang) -> Vec<String> {
        let text = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| *t)
            .unwrap_or("");
        text.lines()
            .filter(|l| !l.starts_with([' ', '#', '.']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .map(|s| s.trim().to_string())
            .collect()
    }
}

/// Western digits to Arabic-Indic (٠–٩), for users who prefer them.
pub fn arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    #[test]
    fn both_languages_have_every_message() {
        let t = Translations::load().unwrap();
        let en = Translations::ids(Lang::En);
        let ar = Translations::ids(Lang::Ar);
        assert!(en.len() > 50);
        for id in &en {
            assert!(t.has(Lang::Ar, id), "ar.ftl lacks {id}");
        }
        for id in &ar {
            assert!(t.has(Lang::En, id), "en.ftl lacks {id}");
        }
    }

    #[test]
    fn placeables_are_isolated_and_plurals_follow_arabic_rules() {
        let t = Translations::load().unwrap();
        let s = t.get(Lang::Ar, "events-count", &[("count", 3.into())]);
        assert!(s.contains('\u{2068}') && s.contains('\u{2069}'), "{s}");
        let one = t.get(Lang::Ar, "events-count", &[("count", 1.into())]);
        let eleven = t.get(Lang::Ar, "events-count", &[("count", 11.into())]);
        assert_ne!(one, s);
        assert_ne!(eleven, s);
        assert_eq!(t.get(Lang::En, "no-such-message", &[]), "no-such-message");
    }

    #[test]
    fn accept_language_negotiation() {
        assert_eq!(Lang::negotiate("ar-EG,ar;q=0.9,en;q=0.8"), Lang::Ar);
        assert_eq!(Lang::negotiate("fr-FR, en;q=0.5, ar;q=0.4"), Lang::En);
        assert_eq!(Lang::negotiate("en;q=0.2, ar;q=0.9"), Lang::Ar);
        assert_eq!(Lang::negotiate("de"), Lang::En);
        assert_eq!(Lang::negotiate(""), Lang::En);
        assert_eq!(Lang::negotiate("ar;q=0"), Lang::En);
        assert_eq!(arabic_digits("2024-07-07"), "٢٠٢٤-٠٧-٠٧");
    }
}
