//! Numbers, dates, identifiers and text: the single-value checks that are
//! not hashes, network or financial values.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use super::hashes::all_hex;
use super::shown;

/// One line of text, kept as given.
pub(crate) fn line(v: &str) -> Result<String, String> {
    if v.contains(['\n', '\r']) {
        Err(format!("'{}' must be a single line", shown(v)))
    } else {
        Ok(v.to_string())
    }
}

/// An integer (with a sign when `signed`), written without `+` or leading
/// zeros. Any number of digits (MISP stores values as text).
pub(crate) fn integer(v: &str, signed: bool) -> Result<String, String> {
    let (neg, digits) = match v.as_bytes().first() {
        Some(b'-') if signed => (true, v.get(1..).unwrap_or_default()),
        Some(b'+') if signed => (false, v.get(1..).unwrap_or_default()),
        _ => (false, v),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        let what = if signed {
            "an integer"
        } else {
            "a whole number of 0 or more"
        };
        return Err(format!("'{}' is not {what}", shown(v)));
    }
    let stripped = digits.trim_start_matches('0');
    Ok(match (stripped.is_empty(), neg) {
        (true, _) => "0".to_string(),
        (false, true) => format!("-{stripped}"),
        (false, false) => stripped.to_string(),
    })
}

/// A decimal number (optional sign, fraction and exponent), kept as given.
pub(crate) fn float(v: &str) -> Result<String, String> {
    let chars_ok = v
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    let has_digit = v.bytes().any(|b| b.is_ascii_digit());
    if chars_ok && has_digit && v.parse::<f64>().is_ok_and(f64::is_finite) {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a number", shown(v)))
    }
}

/// `1`, `0`, `true` or `false` (any case) as `1` or `0`.
pub(crate) fn boolean(v: &str) -> Result<String, String> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" => Ok("1".to_string()),
        "0" | "false" => Ok("0".to_string()),
        _ => Err(format!(
            "'{}' is not a boolean (0, 1, true or false)",
            shown(v)
        )),
    }
}

/// The form MISP stores `datetime` values in: ISO 8601 with microseconds
/// and a numeric offset.
const DATETIME_OUT: &str = "%Y-%m-%dT%H:%M:%S%.6f%z";

/// An ISO 8601 date and time, written as `YYYY-MM-DDTHH:MM:SS.ffffff+HHMM`.
/// Accepted: `T` or a space between date and time, optional seconds and
/// fraction, a `Z`, `±HH:MM` or `±HHMM` offset (kept), no offset (UTC), or
/// a date alone (midnight UTC).
pub(crate) fn datetime(v: &str) -> Result<String, String> {
    parse_datetime(v)
        .map(|d| d.format(DATETIME_OUT).to_string())
        .ok_or_else(|| format!("'{}' is not an ISO 8601 date and time", shown(v)))
}

fn parse_datetime(v: &str) -> Option<DateTime<FixedOffset>> {
    let utc = FixedOffset::east_opt(0)?;
    let s = match v.strip_suffix(['Z', 'z']) {
        Some(rest) => format!("{rest}+00:00"),
        None => v.to_string(),
    };
    for sep in ['T', 't', ' '] {
        for time in ["%H:%M:%S%.f", "%H:%M"] {
            for zone in ["%:z", "%z"] {
                let fmt = format!("%Y-%m-%d{sep}{time}{zone}");
                if let Ok(d) = DateTime::parse_from_str(&s, &fmt) {
                    return Some(d);
                }
            }
            let fmt = format!("%Y-%m-%d{sep}{time}");
            if let Ok(d) = NaiveDateTime::parse_from_str(&s, &fmt) {
                return d.and_local_timezone(utc).single();
            }
        }
    }
    let d = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok()?;
    d.and_time(NaiveTime::MIN).and_local_timezone(utc).single()
}

/// A date: `YYYY-MM-DD` (a real calendar date), or a partial `YYYY-MM` or
/// `YYYY`, as dates of birth are often only partly known. Kept as given.
pub(crate) fn date(v: &str) -> Result<String, String> {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let ok = match b.len() {
        4 => digits(0..4),
        7 => {
            digits(0..4)
                && b.get(4) == Some(&b'-')
                && digits(5..7)
                && v.get(5..7)
                    .and_then(|m| m.parse::<u8>().ok())
                    .is_some_and(|m| (1..=12).contains(&m))
        }
        10 => NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() && digits(0..4),
        _ => false,
    };
    if ok {
        Ok(v.to_string())
    } else {
        Err(format!("'{}' is not a date (YYYY-MM-DD)", shown(v)))
    }
}

/// A UUID in any common spelling, written lower-case with hyphens.
pub(crate) fn uuid(v: &str) -> Result<String, String> {
    uuid::Uuid::parse_str(v)
        .map(|u| u.hyphenated().to_string())
        .map_err(|_| format!("'{}' is not a UUID", shown(v)))
}

/// A JSON document, kept as given.
pub(crate) fn json(v: &str) -> Result<String, String> {
    match serde_json::from_str::<serde_json::Value>(v) {
        Ok(_) => Ok(v.to_string()),
        Err(_) => Err(format!("'{}' is not valid JSON", shown(v))),
    }
}

/// `CVE-YYYY-NNNN…`: upper-cased, an en dash read as a hyphen.
pub(crate) fn vulnerability(v: &str) -> Result<String, String> {
    let s = v.replace('–', "-").to_uppercase();
    let ok = s
        .strip_prefix("CVE-")
        .and_then(|r| r.split_once('-'))
        .is_some_and(|(year, n)| {
            year.len() == 4
                && n.len() >= 4
                && (year.to_string() + n).bytes().all(|b| b.is_ascii_digit())
        });
    if ok {
        Ok(s)
    } else {
        Err(format!(
            "'{}' is not a CVE identifier (CVE-YYYY-NNNN)",
            shown(v)
        ))
    }
}

/// `CWE-N`: upper-cased, an en dash read as a hyphen.
pub(crate) fn weakness(v: &str) -> Result<String, String> {
    let s = v.replace('–', "-").to_uppercase();
    let ok = s
        .strip_prefix("CWE-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(s)
    } else {
        Err(format!("'{}' is not a CWE identifier (CWE-N)", shown(v)))
    }
}

const HTTP_METHODS: [&str; 30] = [
    "OPTIONS",
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "TRACE",
    "CONNECT",
    "PROPFIND",
    "PROPPATCH",
    "MKCOL",
    "COPY",
    "MOVE",
    "LOCK",
    "UNLOCK",
    "VERSION-CONTROL",
    "REPORT",
    "CHECKOUT",
    "CHECKIN",
    "UNCHECKOUT",
    "MKWORKSPACE",
    "UPDATE",
    "LABEL",
    "MERGE",
    "BASELINE-CONTROL",
    "MKACTIVITY",
    "ORDERPATCH",
    "ACL",
    "PATCH",
    "SEARCH",
];

/// One of the HTTP/WebDAV methods MISP knows, upper-cased.
pub(crate) fn http_method(v: &str) -> Result<String, String> {
    let s = v.to_ascii_uppercase();
    if HTTP_METHODS.contains(&s.as_str()) {
        Ok(s)
    } else {
        Err(format!("'{}' is not a known HTTP method", shown(v)))
    }
}

/// Hexadecimal digits, upper-cased.
pub(crate) fn hex(v: &str) -> Result<String, String> {
    if all_hex(v) {
        Ok(v.to_ascii_uppercase())
    } else {
        Err(format!("'{}' is not hexadecimal", shown(v)))
    }
}

/// A Windows service name: one line, at most 256 bytes, no slashes.
pub(crate) fn windows_service(v: &str) -> Result<String, String> {
    if v.len() > 256 || v.contains(['/', '\\']) {
        return Err(format!(
            "'{}' is not a Windows service name (≤ 256 characters, no slashes)",
            shown(v)
        ));
    }
    line(v)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::super::normalise;

    fn norm(t: &str, v: &str) -> String {
        match normalise(t, v) {
            Ok(n) => n.value,
            Err(e) => panic!("{t} {v:?}: {e}"),
        }
    }

    fn bad(t: &str, v: &str) {
        assert!(normalise(t, v).is_err(), "{t} {v:?} should be refused");
    }

    #[test]
    fn integers_counters_and_floats() {
        assert_eq!(norm("integer", "-0042"), "-42");
        assert_eq!(norm("integer", "+7"), "7");
        assert_eq!(norm("integer", "-0"), "0");
        assert_eq!(norm("counter", "0010"), "10");
        assert_eq!(
            norm("size-in-bytes", "123456789012345678901234567890"),
            "123456789012345678901234567890"
        );
        for (t, v) in [
            ("integer", "1.5"),
            ("integer", "-"),
            ("integer", "12a"),
            ("counter", "-1"),
            ("size-in-bytes", "+1"),
        ] {
            bad(t, v);
        }
        assert_eq!(norm("float", "-1.5e3"), "-1.5e3");
        assert_eq!(norm("float", "0.25"), "0.25");
        for v in ["inf", "NaN", "1e999", "1,5", "e", "."] {
            bad("float", v);
        }
    }

    #[test]
    fn booleans() {
        assert_eq!(norm("boolean", "TRUE"), "1");
        assert_eq!(norm("boolean", "false"), "0");
        assert_eq!(norm("boolean", "1"), "1");
        assert_eq!(norm("boolean", "0"), "0");
        bad("boolean", "yes");
        bad("boolean", "2");
    }

    #[test]
    fn datetimes() {
        let cases = [
            ("2024-03-01T10:20:30Z", "2024-03-01T10:20:30.000000+0000"),
            (
                "2024-03-01T10:20:30.123456+03:00",
                "2024-03-01T10:20:30.123456+0300",
            ),
            ("2024-03-01 10:20:30", "2024-03-01T10:20:30.000000+0000"),
            ("2024-03-01T10:20", "2024-03-01T10:20:00.000000+0000"),
            (
                "2024-03-01T10:20:30.5-0500",
                "2024-03-01T10:20:30.500000-0500",
            ),
            ("2024-03-01", "2024-03-01T00:00:00.000000+0000"),
        ];
        for (v, want) in cases {
            assert_eq!(norm("datetime", v), want, "{v}");
        }
        for v in [
            "2024-13-01",
            "2024-02-30T00:00:00Z",
            "yesterday",
            "10:20:30",
            "2024-03-01T25:00:00Z",
        ] {
            bad("datetime", v);
        }
    }

    #[test]
    fn dates_of_birth() {
        assert_eq!(norm("date-of-birth", "1985-02-28"), "1985-02-28");
        assert_eq!(norm("date-of-birth", "1985-02"), "1985-02");
        assert_eq!(norm("date-of-birth", "1985"), "1985");
        for v in ["1985-02-30", "1985-13", "28/02/1985", "85", "1985-2-3"] {
            bad("date-of-birth", v);
        }
    }

    #[test]
    fn identifiers() {
        assert_eq!(
            norm("uuid", "{5A0F2D3B-1C4E-4F5A-9B6C-7D8E9F0A1B2C}"),
            "5a0f2d3b-1c4e-4f5a-9b6c-7d8e9f0a1b2c"
        );
        bad("uuid", "5a0f2d3b-1c4e");
        assert_eq!(norm("vulnerability", "cve–2021–44228"), "CVE-2021-44228");
        bad("vulnerability", "CVE-21-44228");
        bad("vulnerability", "GHSA-jfh8-c2jp-5v3q");
        assert_eq!(norm("weakness", "cwe-79"), "CWE-79");
        bad("weakness", "CWE-");
        assert_eq!(norm("http-method", "post"), "POST");
        bad("http-method", "FETCH");
        assert_eq!(norm("hex", "deadBEEF"), "DEADBEEF");
        bad("hex", "0xdead");
        assert_eq!(norm("cortex", r#"{"a": 1}"#), r#"{"a": 1}"#);
        bad("cortex", "{a: 1}");
    }

    #[test]
    fn windows_services() {
        assert_eq!(norm("windows-service-name", "EvilSvc"), "EvilSvc");
        bad("windows-service-name", r"C:\evil");
        bad("windows-service-displayname", &"a".repeat(257));
    }

    #[test]
    fn free_text_and_single_lines() {
        let rule = "rule x {\n  condition: true\n}";
        assert_eq!(norm("yara", rule), rule);
        assert_eq!(norm("comment", "line one\nline two"), "line one\nline two");
        assert_eq!(norm("anonymised", "XXX-Anon"), "xxx-anon");
        assert_eq!(
            norm("cpe", "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"),
            "cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*"
        );
        assert_eq!(norm("passport-number", " X1234567 "), "X1234567");
        bad("passport-number", "X123\n4567");
        bad("user-agent", "a\r\nb");
    }

    #[test]
    fn arabic_name_values_are_kept_intact() {
        use unicode_normalization::{UnicodeNormalization, is_nfc};
        // NFC text, with harakat (combining marks) and a tatweel: kept byte for byte.
        for (t, raw) in [
            ("first-name", "مُحَمَّد"),
            ("last-name", "الـعَلي"),
            ("full-name", "عبد الله بن محمد"),
            ("place-of-birth", "الرياض"),
            ("nationality", "سعودي"),
            ("passport-country", "المملكة العربية السعودية"),
            ("threat-actor", "فريق الهاكرز"),
        ] {
            let v: String = raw.nfc().collect();
            assert!(is_nfc(&v));
            let n = normalise(t, &format!("  {v}\u{a0}")).unwrap();
            assert_eq!(n.value, v, "{t}");
            assert_eq!(n.value1, v, "{t}");
        }
        // Nothing is rewritten: not even text that is not in NFC (MISP
        // stores values as sent, and correlation compares them as stored).
        let decomposed = "مُحَم\u{651}\u{64e}د";
        assert!(!is_nfc(decomposed));
        assert_eq!(
            normalise("full-name", decomposed).unwrap().value,
            decomposed
        );
    }
}
