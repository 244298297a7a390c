//! Lenient readers for JSON values sent by MISP clients, and the time formats.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde_json::Value;

/// Reads an integer sent as a number or a numeric string ("12", " 12 ").
pub fn as_i64(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        Value::Bool(b) => Some(i64::from(*b)),
        _ => None,
    }
}

/// Reads a boolean sent as true/false, 0/1, "0"/"1" or "true"/"false".
pub fn as_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Reads a string; numbers are turned into their decimal text, null is absent.
pub fn as_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1".into() } else { "0".into() }),
        _ => None,
    }
}

pub fn field<'a>(obj: &'a Value, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}
pub fn str_field(obj: &Value, key: &str) -> Option<String> {
    field(obj, key).and_then(as_string)
}
pub fn int_field(obj: &Value, key: &str) -> Option<i64> {
    field(obj, key).and_then(as_i64)
}
pub fn bool_field(obj: &Value, key: &str) -> Option<bool> {
    field(obj, key).and_then(as_bool)
}

/// Seconds since the epoch, now.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

pub fn today() -> String {
    Utc::now().format("%Y-%m-%d").to_string()
}

/// Parses a MISP event date (`YYYY-MM-DD`, or a full timestamp whose date part is kept).
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Parses `first_seen`/`last_seen` into microseconds since the epoch. MISP
/// clients send ISO 8601 text; integers are taken as seconds or, when too
/// large for seconds, as microseconds.
pub fn parse_seen(v: &Value) -> Option<i64> {
    if let Some(i) = match v {
        Value::Number(_) => as_i64(v),
        Value::String(s)
            if s.trim().chars().all(|c| c.is_ascii_digit()) && !s.trim().is_empty() =>
        {
            as_i64(v)
        }
        _ => None,
    } {
        return Some(if i.abs() < 100_000_000_000 {
            i * 1_000_000
        } else {
            i
        });
    }
    let s = v.as_str()?.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt.timestamp_micros());
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(Utc.from_utc_datetime(&dt).timestamp_micros());
        }
    }
    if let Some(d) = parse_date(s).and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) {
        return d
            .and_hms_opt(0, 0, 0)
            .map(|dt| Utc.from_utc_datetime(&dt).timestamp_micros());
    }
    None
}

/// Formats microseconds since the epoch as MISP shows `first_seen`.
pub fn format_seen(micros: i64) -> String {
    match Utc.timestamp_micros(micros).single() {
        Some(dt) => dt.format("%Y-%m-%dT%H:%M:%S%.6f+00:00").to_string(),
        None => micros.to_string(),
    }
}

/// Parses a restSearch time filter: an epoch, a date, or a relative span
/// such as `5d`, `12h`, `30m`, `2w`, `1y` meaning "since that long ago".
pub fn parse_time_filter(v: &Value, now: i64) -> Option<i64> {
    if let Some(i) = match v {
        Value::Number(_) => as_i64(v),
        _ => None,
    } {
        return Some(i);
    }
    let s = v.as_str()?.trim();
    if let Ok(i) = s.parse::<i64>() {
        return Some(i);
    }
    // Clients send Python's `datetime.timestamp()`: seconds with a fraction.
    if let Ok(f) = s.parse::<f64>()
        && f.is_finite()
    {
        return Some(f as i64);
    }
    if let Some(unit) = s.chars().last() {
        let mult = match unit {
            's' => Some(1),
            'm' => Some(60),
            'h' => Some(3600),
            'd' => Some(86_400),
            'w' => Some(7 * 86_400),
            'y' => Some(365 * 86_400),
            _ => None,
        };
        if let (Some(mult), Ok(n)) = (mult, s[..s.len() - unit.len_utf8()].parse::<i64>()) {
            return Some(now - n * mult);
        }
    }
    parse_seen(v).map(|micros| micros / 1_000_000)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers_and_booleans_in_either_form() {
        assert_eq!(as_i64(&json!("42")), Some(42));
        assert_eq!(as_i64(&json!(42)), Some(42));
        assert_eq!(as_i64(&json!("x")), None);
        assert_eq!(as_bool(&json!("1")), Some(true));
        assert_eq!(as_bool(&json!(0)), Some(false));
        assert_eq!(as_bool(&json!(true)), Some(true));
        assert_eq!(as_bool(&json!("maybe")), None);
    }

    #[test]
    fn seen_round_trip() {
        let micros = parse_seen(&json!("2020-01-02T03:04:05.123456+00:00")).unwrap();
        assert_eq!(format_seen(micros), "2020-01-02T03:04:05.123456+00:00");
        assert_eq!(
            parse_seen(&json!(1_600_000_000)),
            Some(1_600_000_000_000_000)
        );
        assert_eq!(parse_seen(&json!("garbage")), None);
    }

    #[test]
    fn relative_time_filters() {
        assert_eq!(
            parse_time_filter(&json!("5d"), 1_000_000),
            Some(1_000_000 - 5 * 86_400)
        );
        assert_eq!(parse_time_filter(&json!(1234), 0), Some(1234));
        assert_eq!(parse_time_filter(&json!("1234"), 0), Some(1234));
        assert_eq!(parse_date("2021-03-04"), Some("2021-03-04".into()));
        assert_eq!(parse_date("2021-13-04"), None);
    }
}
