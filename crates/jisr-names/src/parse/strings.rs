//! What one string gives before its words are read: a list's or a
//! form's fields, the number a list puts before it, formulas of blessing,
//! a person's particulars after the name, and the other names it gives (a
//! body's acronym, a.k.a., a parenthesis, the name in the other script).
//! Each name is then read by `parse_one`.

use super::{
    NameKind, ParsedName, acronym, aliases, bilingual, eulogies, numbered, org, parse_one,
    particulars, visual,
};
use crate::normalize::normalize;

/// Parses a name, and the other names its string gives (a.k.a.). Never
/// fails: an empty or unreadable name yields no parts.
pub fn parse(original: &str, kind: NameKind) -> ParsedName {
    // Arabic pasted from a PDF in visual order (turned once: a string of
    // glyphs whose forms contradict each other reads reversed both ways)
    if let Some(logical) = visual::in_logical_order(original) {
        let mut parsed = parse_in_order(&logical, kind);
        parsed.original = original.to_string();
        return parsed;
    }
    parse_in_order(original, kind)
}

/// Parses a name in logical order.
fn parse_in_order(original: &str, kind: NameKind) -> ParsedName {
    // the UN list's, a form's, a passport's and a booking's name fields
    // … and the number a numbered list puts before a name
    let fields = numbered::name_fields(original).or_else(|| {
        (kind != NameKind::Organization)
            .then(|| numbered::without_list_number(original))
            .flatten()
            .map(str::to_string)
    });
    let text = fields.as_deref().unwrap_or(original);
    // a formula of blessing in parentheses after a name ((r.a.), «(عليه السلام)»)
    let bare = (kind != NameKind::Organization && text.contains('('))
        .then(|| eulogies::without_parenthesised(text))
        .flatten();
    let mut parsed = parse_bare(bare.as_deref().unwrap_or(text), kind);
    if fields.is_some() || bare.is_some() {
        parsed.original = original.to_string();
    }
    parsed
}

/// Parses a name whose fields and formulas of blessing are read.
fn parse_bare(original: &str, kind: NameKind) -> ParsedName {
    // a person's date of birth, nationality … after the name; a name of
    // no stated kind is read as a person's only when none of its words
    // may be a body's (Kipas Holding (Turkey) is not Kipas Holding)
    let person = || {
        kind == NameKind::Person || {
            let norm = normalize(original);
            let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
            org::surely_a_person(&tokens)
        }
    };
    if kind != NameKind::Organization
        && let Some((name, rest)) = particulars::split_particulars(original, person)
    {
        // particulars in parentheses inside the name (Ahmed (Egyptian)
        // Ali): the words after them are the name's; the string read again
        // has one parenthesis fewer
        if let Some(tail) = after_inner_parenthesis(original, name, rest) {
            let mut parsed = parse_bare(&format!("{name} {tail}"), kind);
            parsed.original = original.to_string();
            return parsed;
        }
        let mut parsed = parse_listed_forms(name, kind);
        parsed.original = original.to_string();
        parsed.born = particulars::birth_year(rest);
        return parsed;
    }
    parse_listed_forms(original, kind)
}

/// The words after particulars in parentheses that `rest` opens with,
/// when a name's words follow them rather than a separator or more
/// particulars; not after a date, which ends a name ((born 1962) Cairo).
fn after_inner_parenthesis<'a>(original: &str, name: &str, rest: &'a str) -> Option<&'a str> {
    let opened = original
        .get(name.len()..)?
        .trim_start()
        .starts_with(['(', '[']);
    let close = rest.find([')', ']'])?;
    let tail = rest.get(close + 1..)?.trim_start();
    (opened
        && !rest[..close].chars().any(char::is_numeric)
        && tail.chars().next().is_some_and(char::is_alphabetic))
    .then_some(tail)
}

/// A name and the other names it gives: a body's acronym after it, or
/// names after a.k.a. or in parentheses.
fn parse_listed_forms(original: &str, kind: NameKind) -> ParsedName {
    // a body's acronym after its name is another name of it (one: a string
    // of many is read whole rather than recursed into)
    if let Some((outer, letters)) = acronym::trailing(original) {
        let mut name = parse_names(outer, kind);
        if name.kind == NameKind::Organization {
            name.others
                .push(parse_one(letters, NameKind::Organization, &mut false));
            name.original = original.to_string();
            return name;
        }
    }
    parse_names(original, kind)
}

/// The name a string opens with, and the other names it gives (a.k.a.).
fn parse_names(original: &str, kind: NameKind) -> ParsedName {
    // a name in each script, one after the other: two names of one entry
    if let Some((first, second)) = bilingual::halves(original) {
        let mut name = parse_names(first, kind);
        let mut other = parse_names(second, kind);
        let more = std::mem::take(&mut other.others);
        name.others.push(other);
        name.others.extend(more);
        name.original = original.to_string();
        return name;
    }
    let mut marker = false;
    let whole = parse_one(original, kind, &mut marker);
    // the kind given, or the one the words tell when none was
    let person = whole.kind == NameKind::Person;
    // what may set a name apart: a semicolon for any name; for a person's,
    // a parenthesis, @, a slash (spaced between names, or between a word's
    // spellings), quotation marks
    let has = |c| original.contains(c);
    if !(marker
        || has(';')
        || person && (has(')') || has('@') || has('/') || aliases::has_quotes(original)))
    {
        return whole;
    }
    let names = aliases::other_names(original, person);
    let mut parsed = names.iter().map(|n| parse_one(n, kind, &mut false));
    match parsed.next() {
        Some(mut first) => {
            first.others = parsed.collect();
            first.original = original.to_string();
            first
        }
        None => whole,
    }
}
