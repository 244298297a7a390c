//! MISP attribute types and categories, and per-type value validation and
//! normalisation.
//!
//! The type/category table is MISP's `describeTypes.json` (MISP 2.5, as
//! shipped in PyMISP), embedded verbatim as data so that
//! `GET /attributes/describeTypes.json` answers byte-for-byte what MISP
//! answers. The lookups ([`is_known_type`], [`default_category`], ...) are
//! read from that same table, so the two can never drift apart.
//!
//! [`normalise`] follows MISP's `AttributeValidationTool` (modify before
//! validation, then validate) with a few documented, deliberate differences
//! listed on the function.

mod checks;
mod finance;
mod hashes;
mod net;
mod rules;
mod table;

#[cfg(test)]
mod proptests;

pub use table::{
    category_allows, default_category, default_to_ids, describe_types, is_known_category,
    is_known_type,
};

/// Types MISP never correlates on (`MispAttribute::NON_CORRELATING_TYPES`,
/// with `integer` as in MISP 2.4/2.5 releases that list it).
const NON_CORRELATING_TYPES: [&str; 12] = [
    "comment",
    "http-method",
    "aba-rtn",
    "gender",
    "counter",
    "integer",
    "float",
    "port",
    "nationality",
    "cortex",
    "boolean",
    "anonymised",
];

/// MISP refuses values longer than this many bytes (`maxTextLength`).
pub const MAX_VALUE_BYTES: usize = 65_535;

/// A value after normalisation. `value` is what is stored and sent on the
/// wire; `value1`/`value2` are MISP's split columns: for a composite type
/// (`a|b`) they hold `a` and `b`, otherwise `value1 == value` and `value2`
/// is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalisedValue {
    pub value: String,
    pub value1: String,
    pub value2: String,
}

/// A value that is not valid for its attribute type (or an unknown type).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct ValueError {
    pub attr_type: String,
    pub reason: String,
}

impl ValueError {
    fn new(attr_type: &str, reason: impl Into<String>) -> Self {
        Self {
            attr_type: attr_type.to_string(),
            reason: reason.into(),
        }
    }

    fn unknown(attr_type: &str) -> Self {
        Self::new(
            attr_type,
            format!("unknown attribute type '{}'", shown(attr_type)),
        )
    }

    /// True when the error is about the type itself, not the value.
    pub fn is_unknown_type(&self) -> bool {
        self.reason.starts_with("unknown attribute type '")
    }

    fn message(&self) -> String {
        if self.is_unknown_type() {
            self.reason.clone()
        } else {
            format!(
                "invalid value for type '{}': {}",
                shown(&self.attr_type),
                self.reason
            )
        }
    }
}

/// True for composite types, whose values are `value1|value2`: every type
/// whose name contains `|`, plus `malware-sample` (MISP hard-codes it as
/// composite: its value is `filename|md5`).
pub fn is_composite(t: &str) -> bool {
    t.contains('|') || t == "malware-sample"
}

/// False for the types MISP never correlates on. `text` does correlate.
pub fn correlates(t: &str) -> bool {
    !NON_CORRELATING_TYPES.contains(&t)
}

/// Validate `value` for attribute type `t` and return it normalised.
///
/// Common rules for every type: leading/trailing whitespace (and NUL) is
/// trimmed; an empty value, a value made only of control characters, one
/// containing NUL, or one longer than [`MAX_VALUE_BYTES`] is refused. A
/// composite type needs exactly one `|`; each half is trimmed, must be
/// non-empty and is checked by the rule of its half (e.g. `filename|sha256`:
/// a one-line filename, then a 64-digit hex hash). Per-type rules are
/// documented in `rules.rs`.
///
/// Deliberate differences from MISP: text is never rewritten (MISP replaces
/// 4-byte UTF-8 characters with `?`; jisr keeps them, and keeps Unicode text
/// such as Arabic names byte-for-byte, without NFC or other rewriting);
/// `port` and `…|port` accept 0; `iban` is checked with its mod-97 checksum;
/// phone numbers are kept as given rather than stripped to digits;
/// `date-of-birth` must be an ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`);
/// `btc`/`xmr`/`dash` get an address-shape check rather than "alphanumeric";
/// `http-method` must be exactly a known method (MISP only searches for one
/// inside the value); `link` needs a host unless mailto/news/file.
pub fn normalise(t: &str, value: &str) -> Result<NormalisedValue, ValueError> {
    if !is_known_type(t) {
        return Err(ValueError::unknown(t));
    }
    let v = trim(value);
    if v.is_empty() || v.chars().all(char::is_control) {
        return Err(ValueError::new(t, "the value is empty"));
    }
    if v.contains('\0') {
        return Err(ValueError::new(t, "the value contains a NUL character"));
    }
    if v.len() > MAX_VALUE_BYTES {
        return Err(ValueError::new(
            t,
            format!(
                "the value is {} bytes long, more than the {MAX_VALUE_BYTES} allowed",
                v.len()
            ),
        ));
    }
    if is_composite(t) {
        let prepared = rules::prepare_composite(t, v);
        let (a, b) = split_composite(&prepared).ok_or_else(|| {
            ValueError::new(
                t,
                format!(
                    "'{}' is not in the composite value1|value2 format",
                    shown(v)
                ),
            )
        })?;
        let (a, b) = rules::composite(t, a, b).map_err(|r| ValueError::new(t, r))?;
        Ok(NormalisedValue {
            value: format!("{a}|{b}"),
            value1: a,
            value2: b,
        })
    } else {
        let n = rules::single(t, v).map_err(|r| ValueError::new(t, r))?;
        Ok(NormalisedValue {
            value: n.clone(),
            value1: n,
            value2: String::new(),
        })
    }
}

/// Split `a|b` with exactly one `|`, trimming both halves, both non-empty.
fn split_composite(v: &str) -> Option<(&str, &str)> {
    let (a, b) = v.split_once('|')?;
    let (a, b) = (trim(a), trim(b));
    if b.contains('|') || a.is_empty() || b.is_empty() {
        None
    } else {
        Some((a, b))
    }
}

/// Trim whitespace (Unicode `White_Space`) and NUL from both ends.
pub(crate) fn trim(v: &str) -> &str {
    v.trim_matches(|c: char| c.is_whitespace() || c == '\0')
}

/// A value as quoted in an error message: at most 80 characters, with
/// control characters escaped so the message stays on one line.
pub(crate) fn shown(v: &str) -> String {
    let mut out = String::new();
    for (i, c) in v.chars().enumerate() {
        if i == 80 {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn ok(t: &str, v: &str) -> NormalisedValue {
        match normalise(t, v) {
            Ok(n) => n,
            Err(e) => panic!("{t} {v:?}: {e}"),
        }
    }

    #[test]
    fn unknown_type_is_refused_with_its_own_message() {
        let e = normalise("no-such-type", "x").unwrap_err();
        assert!(e.is_unknown_type());
        assert_eq!(e.to_string(), "unknown attribute type 'no-such-type'");
        assert_eq!(e.attr_type, "no-such-type");
    }

    #[test]
    fn error_display_names_type_and_value() {
        let e = normalise("ip-dst", "999.1.1.1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid value for type 'ip-dst': '999.1.1.1' is not an IP address"
        );
        assert!(!e.is_unknown_type());
    }

    #[test]
    fn empty_blank_and_control_only_values_are_refused() {
        for v in ["", "   ", "\t\n", "\u{1}\u{2}", "\0"] {
            let e = normalise("text", v).unwrap_err();
            assert_eq!(e.reason, "the value is empty", "{v:?}");
        }
    }

    #[test]
    fn nul_inside_a_value_is_refused() {
        assert!(normalise("text", "a\0b").is_err());
        assert!(normalise("text", "ab\0").is_ok(), "trailing NUL is trimmed");
    }

    #[test]
    fn values_are_trimmed() {
        let n = ok("text", "  hello world \n");
        assert_eq!(n.value, "hello world");
        assert_eq!(n.value1, "hello world");
        assert_eq!(n.value2, "");
    }

    #[test]
    fn too_long_values_are_refused() {
        let long = "a".repeat(MAX_VALUE_BYTES + 1);
        assert!(normalise("text", &long).is_err());
        assert!(normalise("text", &long[1..]).is_ok());
    }

    #[test]
    fn composite_values_are_split() {
        let n = ok(
            "filename|md5",
            " evil.exe | D41D8CD98F00B204E9800998ECF8427E ",
        );
        assert_eq!(n.value, "evil.exe|d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(n.value1, "evil.exe");
        assert_eq!(n.value2, "d41d8cd98f00b204e9800998ecf8427e");
        let n = ok("malware-sample", "a.exe|d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            (n.value1.as_str(), n.value2.as_str()),
            ("a.exe", "d41d8cd98f00b204e9800998ecf8427e")
        );
        let n = ok("regkey|value", r"HKLM\Software\Run|C:\evil.exe");
        assert_eq!(n.value1, r"HKLM\Software\Run");
        assert_eq!(n.value2, r"C:\evil.exe");
    }

    #[test]
    fn composite_needs_exactly_one_bar_and_two_halves() {
        for v in [
            "evil.exe",
            "a|b|c",
            "|d41d8cd98f00b204e9800998ecf8427e",
            "evil.exe|",
            " | ",
        ] {
            assert!(normalise("filename|md5", v).is_err(), "{v:?}");
        }
        let e = normalise("domain|ip", "example.com").unwrap_err();
        assert!(e.reason.contains("composite"), "{e}");
    }

    #[test]
    fn composite_types() {
        for t in [
            "ip-dst|port",
            "filename|md5",
            "domain|ip",
            "regkey|value",
            "malware-sample",
        ] {
            assert!(is_composite(t), "{t}");
        }
        for t in ["ip-dst", "md5", "text", "filename"] {
            assert!(!is_composite(t), "{t}");
        }
    }

    #[test]
    fn correlation_flags() {
        for t in NON_CORRELATING_TYPES {
            assert!(!correlates(t), "{t}");
            assert!(is_known_type(t), "{t}");
        }
        for t in ["text", "ip-dst", "md5", "domain", "full-name"] {
            assert!(correlates(t), "{t}");
        }
    }

    #[test]
    fn non_composite_value2_is_empty() {
        let n = ok("url", "https://example.com/a|b");
        assert_eq!(n.value1, "https://example.com/a|b");
        assert_eq!(n.value2, "");
    }

    #[test]
    fn shown_truncates_and_escapes() {
        assert_eq!(shown("a\nb"), "a\\nb");
        assert_eq!(shown(&"x".repeat(100)).chars().count(), 81);
    }
}
