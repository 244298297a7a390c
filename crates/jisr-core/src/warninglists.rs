//! Warninglists: MISP's lists of known-benign values (public DNS resolvers,
//! cloud ranges, popular domains …) that flag likely false positives. Lists
//! are reference data in misp-warninglists' JSON format, loaded from disk;
//! which lists are enabled is instance state kept in the settings.

use std::net::IpAddr;
use std::path::Path;

use ipnet::IpNet;
use serde_json::Value;

use crate::error::{Result, invalid};

/// How a list's entries match a value, as misp-warninglists defines them.
#[derive(Debug, Clone, PartialEq)]
enum Entries {
    /// Exact, case-insensitive.
    Strings(std::collections::HashSet<String>),
    /// The value contains an entry.
    Substrings(Vec<String>),
    /// The value is the host or a subdomain of it.
    Hostnames(std::collections::HashSet<String>),
    /// The value is an address inside a range.
    Cidrs(Vec<IpNet>),
}

#[derive(Debug, Clone)]
pub struct Warninglist {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub version: i64,
    pub list_type: String,
    pub category: String,
    pub matching_attributes: Vec<String>,
    pub entry_count: usize,
    entries: Entries,
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

impl Warninglist {
    /// Parses one misp-warninglists `list.json`.
    pub fn parse(id: i64, doc: &Value) -> Result<Warninglist> {
        let name = doc
            .get("name")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("a warninglist needs a name"))?
            .to_string();
        let list_type = doc
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("string")
            .to_string();
        let values = strings(doc, "list");
        let entry_count = values.len();
        let entries = match list_type.as_str() {
            "cidr" => Entries::Cidrs(
                values
                    .iter()
                    .filter_map(|v| {
                        v.parse::<IpNet>()
                            .ok()
                            .or_else(|| v.parse::<IpAddr>().ok().map(IpNet::from))
                    })
                    .collect(),
            ),
            "hostname" => Entries::Hostnames(
                values
                    .iter()
                    .map(|v| v.trim_end_matches('.').to_lowercase())
                    .collect(),
            ),
            "substring" => Entries::Substrings(values.iter().map(|v| v.to_lowercase()).collect()),
            // Regex lists fall back to literal matching of their entries.
            _ => Entries::Strings(values.iter().map(|v| v.to_lowercase()).collect()),
        };
        Ok(Warninglist {
            id,
            name,
            description: doc
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            version: doc.get("version").and_then(Value::as_i64).unwrap_or(0),
            list_type,
            category: doc
                .get("category")
                .and_then(Value::as_str)
                .unwrap_or("false-positive")
                .to_string(),
            matching_attributes: strings(doc, "matching_attributes"),
            entry_count,
            entries,
        })
    }

    fn applies_to(&self, attr_type: &str) -> bool {
        self.matching_attributes.is_empty()
            || self.matching_attributes.iter().any(|t| t == attr_type)
    }

    fn matches_one(&self, value: &str) -> bool {
        let v = value.trim().to_lowercase();
        match &self.entries {
            Entries::Strings(set) => set.contains(&v),
            Entries::Substrings(list) => list.iter().any(|s| v.contains(s.as_str())),
            Entries::Hostnames(set) => {
                let host = v.trim_end_matches('.');
                let mut rest = host;
                loop {
                    if set.contains(rest) {
                        return true;
                    }
                    match rest.split_once('.') {
                        Some((_, tail)) => rest = tail,
                        None => return false,
                    }
                }
            }
            Entries::Cidrs(nets) => {
                let ip = v.split('/').next().unwrap_or("").parse::<IpAddr>();
                ip.is_ok_and(|ip| nets.iter().any(|n| n.contains(&ip)))
            }
        }
    }

    /// Whether an attribute of `attr_type` with `value1|value2` trips this list.
    pub fn matches(&self, attr_type: &str, value1: &str, value2: &str) -> bool {
        self.applies_to(attr_type)
            && (self.matches_one(value1) || (!value2.is_empty() && self.matches_one(value2)))
    }
}

/// Every list the instance knows, and which are enabled.
#[derive(Debug, Clone, Default)]
pub struct Warninglists {
    pub lists: Vec<Warninglist>,
}

impl Warninglists {
    /// Loads every `list.json` below `dir` (misp-warninglists' layout); a
    /// missing directory is an empty set.
    pub fn load(dir: &Path) -> Result<Warninglists> {
        let mut files = vec![];
        collect(dir, &mut files);
        files.sort();
        let mut lists = vec![];
        for (i, f) in files.iter().enumerate() {
            let text = std::fs::read_to_string(f)
                .map_err(|e| invalid(format!("cannot read {}: {e}", f.display())))?;
            let doc: Value = serde_json::from_str(&text)
                .map_err(|e| invalid(format!("{} is not valid JSON: {e}", f.display())))?;
            lists.push(Warninglist::parse(i as i64 + 1, &doc)?);
        }
        Ok(Warninglists { lists })
    }

    /// The enabled lists that `attr_type`/value trips.
    pub fn hits<'a>(
        &'a self,
        enabled: &[String],
        attr_type: &str,
        value1: &str,
        value2: &str,
    ) -> Vec<&'a Warninglist> {
        self.lists
            .iter()
            .filter(|l| enabled.contains(&l.name) && l.matches(attr_type, value1, value2))
            .collect()
    }
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.file_name().is_some_and(|n| n == "list.json") {
            out.push(p);
        }
    }
}

const ENABLED_KEY: &str = "jisr.warninglists.enabled";

/// Names of the enabled lists.
pub fn enabled(tx: &mut dyn jisr_store::Tx) -> Result<Vec<String>> {
    Ok(tx
        .setting_get(ENABLED_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

pub fn set_enabled(tx: &mut dyn jisr_store::Tx, names: &[String]) -> Result<()> {
    let text = serde_json::to_string(names).map_err(|e| invalid(e.to_string()))?;
    Ok(tx.setting_set(ENABLED_KEY, &text)?)
}

/// Whether `name` matches a MISP-style pattern (`%` wildcards, case-insensitive).
pub fn like(pattern: &str, name: &str) -> bool {
    let p = pattern.to_lowercase();
    let n = name.to_lowercase();
    let parts: Vec<&str> = p.split('%').collect();
    if parts.len() == 1 {
        return p == n;
    }
    let mut rest = n.as_str();
    for (i, part) in parts.iter().enumerate() {
        if part.is_empty() {
            continue;
        }
        match rest.find(part) {
            Some(pos) if i > 0 || pos == 0 => rest = &rest[pos + part.len()..],
            _ => return false,
        }
    }
    parts.last().is_some_and(|l| l.is_empty()) || rest.is_empty()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_kind_matches() {
        let cidr = Warninglist::parse(1, &json!({"name": "dns", "type": "cidr", "list": ["9.9.9.0/24", "2620:fe::fe"], "matching_attributes": ["ip-src", "ip-dst"]})).unwrap();
        assert!(cidr.matches("ip-src", "9.9.9.9", ""));
        assert!(cidr.matches("ip-dst", "2620:fe::fe", ""));
        assert!(!cidr.matches("ip-src", "1.11.71.4", ""));
        assert!(
            !cidr.matches("domain", "9.9.9.9", ""),
            "only its attribute types"
        );
        let host = Warninglist::parse(
            2,
            &json!({"name": "h", "type": "hostname", "list": ["dns.google"]}),
        )
        .unwrap();
        assert!(host.matches("hostname", "a.dns.google", ""));
        assert!(!host.matches("hostname", "dns.google.evil", ""));
        let sub = Warninglist::parse(
            3,
            &json!({"name": "s", "type": "substring", "list": ["example"]}),
        )
        .unwrap();
        assert!(sub.matches("url", "https://www.EXAMPLE.org/x", ""));
    }

    #[test]
    fn misp_like_patterns() {
        assert!(like(
            "%dns resolv%",
            "List of known IPv4 public DNS resolvers"
        ));
        assert!(like("List%", "List of x"));
        assert!(!like("%dns resolv%", "Top 1000 websites"));
        assert!(like("exact", "EXACT"));
    }
}
