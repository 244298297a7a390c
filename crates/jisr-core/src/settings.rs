//! Server settings in MISP's dotted names, with their defaults and types.

use jisr_store::Tx;
use serde_json::{Value, json};

use crate::error::{Result, invalid};

/// Settings jisr knows, their default and their value kind.
pub const KNOWN: &[(&str, &str, Kind)] = &[
    ("MISP.baseurl", "", Kind::Text),
    ("MISP.external_baseurl", "", Kind::Text),
    ("MISP.host_org_id", "1", Kind::Number),
    ("MISP.uuid", "", Kind::Text),
    ("MISP.default_event_distribution", "1", Kind::Number),
    ("MISP.default_attribute_distribution", "event", Kind::Text),
    ("MISP.default_event_threat_level", "4", Kind::Number),
    // MISP's default: a value held by more attributes is over-correlating.
    ("MISP.correlation_limit", "100", Kind::Number),
    ("MISP.completely_disable_correlation", "0", Kind::Boolean),
    // The lowest name-match score stored as a correlation (the name
    // engine's operating threshold).
    ("jisr.correlation.name_threshold", "0.75", Kind::Text),
    // A name blocking key (see correlation::keys::name_keys) held by more
    // attributes than this finds no candidates: each costs a full score.
    ("jisr.correlation.name_block_limit", "50", Kind::Number),
    ("MISP.live", "1", Kind::Boolean),
    ("MISP.unpublishedprivate", "0", Kind::Boolean),
    ("jisr.audit.reads", "1", Kind::Boolean),
    ("MISP.disable_emailing", "1", Kind::Boolean),
    ("Security.allow_self_registration", "0", Kind::Boolean),
    ("Security.advanced_authkeys", "1", Kind::Boolean),
    ("Plugin.Sightings_policy", "0", Kind::Number),
    ("debug", "0", Kind::Number),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Text,
    Number,
    Boolean,
}

pub fn ensure_defaults(tx: &mut dyn Tx) -> Result<()> {
    for (name, default, _) in KNOWN {
        if tx.setting_get(name)?.is_none() {
            let value = if *name == "MISP.uuid" {
                uuid::Uuid::new_v4().to_string()
            } else {
                default.to_string()
            };
            tx.setting_set(name, &value)?;
        }
    }
    Ok(())
}

pub fn get(tx: &mut dyn Tx, name: &str) -> Result<String> {
    if let Some(v) = tx.setting_get(name)? {
        return Ok(v);
    }
    Ok(KNOWN
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, d, _)| d.to_string())
        .unwrap_or_default())
}

pub fn get_i64(tx: &mut dyn Tx, name: &str, fallback: i64) -> Result<i64> {
    Ok(get(tx, name)?.trim().parse().unwrap_or(fallback))
}

fn kind_of(name: &str) -> Kind {
    KNOWN
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, _, k)| *k)
        .unwrap_or(Kind::Text)
}

/// Stores a setting sent as any JSON scalar, checked against its kind.
pub fn set(tx: &mut dyn Tx, name: &str, value: &Value) -> Result<String> {
    if name.is_empty() || name.len() > 200 {
        return Err(invalid("a setting needs a name of at most 200 characters"));
    }
    let kind = kind_of(name);
    let text = match (kind, value) {
        (Kind::Boolean, v) => match jisr_model::wire::as_bool(v) {
            Some(b) => if b { "1" } else { "0" }.to_string(),
            None => return Err(invalid(format!("setting {name} takes true or false"))),
        },
        (Kind::Number, v) => match jisr_model::wire::as_i64(v) {
            Some(i) => i.to_string(),
            None => return Err(invalid(format!("setting {name} takes a number"))),
        },
        (Kind::Text, v) => jisr_model::wire::as_string(v).unwrap_or_default(),
    };
    tx.setting_set(name, &text)?;
    Ok(text)
}

/// A setting as `/servers/getSetting` shows it.
pub fn describe(name: &str, value: &str) -> Value {
    let kind = kind_of(name);
    let typed = match kind {
        Kind::Boolean => Value::Bool(value == "1"),
        Kind::Number => value
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or(Value::String(value.into())),
        Kind::Text => Value::String(value.into()),
    };
    let type_name = match kind {
        Kind::Boolean => "boolean",
        Kind::Number => "numeric",
        Kind::Text => "string",
    };
    json!({"setting": name, "value": typed, "type": type_name, "level": 0, "description": "", "errorMessage": ""})
}
