//! CakePHP-style URLs as MISP clients send them: `controller/action/args`,
//! either spelling of a controller (`sharingGroups`, `sharing_groups`), an
//! optional `.json` suffix, an `admin/` prefix and named parameters
//! (`metadata:1`, `deleted[]:0`).

use std::collections::HashMap;

/// Named parameters MISP clients put in paths. Only these are read as
/// `key:value`; anything else with a colon (a tag like `tlp:red`) stays an argument.
const NAMED: &[&str] = &[
    "metadata",
    "deleted",
    "excludeGalaxy",
    "excludeLocalTags",
    "includeEventCorrelations",
    "includeGranularCorrelations",
    "includeCorrelations",
    "includeFeedCorrelations",
    "includeServerCorrelations",
    "includeWarninglistHits",
    "breakOnDuplicate",
    "extended",
    "page",
    "limit",
    "sort",
    "direction",
    "searchall",
    "includeDecayScore",
    "includeSightingdb",
    "includeAnalystData",
    "includeEventReports",
    "includeSightings",
    "includeAttachments",
    "includeRelatedTags",
    "withAttachments",
    "scope",
    "searchdeleted",
    "strict",
    "minimal",
    "hard",
    "force",
    "includeContext",
    "includeEventTags",
    "event_id",
    "noSightings",
    "value",
    "searchorg",
    "context",
];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedPath {
    /// Lower-cased with underscores removed: `sharinggroups`.
    pub controller: String,
    /// Lower-cased with underscores removed, `admin` prefixed when under `/admin/`.
    pub action: String,
    pub args: Vec<String>,
    pub named: HashMap<String, Vec<String>>,
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), bytes.get(i + 2).and_then(|b| hex(*b)))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

fn named_param(seg: &str) -> Option<(String, String)> {
    let (k, v) = seg.split_once(':')?;
    let key = k.strip_suffix("[]").unwrap_or(k);
    NAMED
        .iter()
        .find(|n| n.eq_ignore_ascii_case(key))
        .map(|n| (n.to_string(), v.to_string()))
}

pub fn parse(path: &str) -> ParsedPath {
    let mut segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(percent_decode)
        .collect();
    if let Some(last) = segs.last_mut()
        && let Some(stripped) = last.strip_suffix(".json")
    {
        *last = stripped.to_string();
    }
    let admin = segs
        .first()
        .is_some_and(|s| s.eq_ignore_ascii_case("admin"));
    if admin {
        segs.remove(0);
    }
    let mut it = segs.into_iter();
    let controller = it.next().map(|c| fold(&c)).unwrap_or_default();
    let mut out = ParsedPath {
        controller,
        ..Default::default()
    };
    let mut action: Option<String> = None;
    for seg in it {
        if let Some((k, v)) = named_param(&seg) {
            out.named.entry(k).or_default().push(v);
        } else if action.is_none() {
            action = Some(fold(&seg));
        } else {
            out.args.push(seg);
        }
    }
    let action = action.unwrap_or_else(|| "index".into());
    out.action = if admin {
        format!("admin{action}")
    } else {
        action
    };
    out
}

impl ParsedPath {
    pub fn arg(&self, i: usize) -> Option<&str> {
        self.args.get(i).map(String::as_str)
    }
    pub fn named_flag(&self, key: &str) -> Option<bool> {
        self.named
            .get(key)
            .and_then(|v| v.last())
            .map(|v| matches!(v.as_str(), "1" | "true" | "True"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cake_paths() {
        let p = parse("/events/view/12.json");
        assert_eq!(
            (p.controller.as_str(), p.action.as_str(), p.args.clone()),
            ("events", "view", vec!["12".into()])
        );
        let p = parse("/events/add/metadata:1");
        assert_eq!(p.action, "add");
        assert_eq!(p.named_flag("metadata"), Some(true));
        let p = parse("/sharing_groups/index");
        assert_eq!(p.controller, "sharinggroups");
        assert_eq!(parse("/sharingGroups").action, "index");
        let p = parse("/admin/roles/set_default/3");
        assert_eq!(
            (p.controller.as_str(), p.action.as_str()),
            ("roles", "adminsetdefault")
        );
        let p = parse("/events/view/abc/deleted[]:0/deleted[]:1");
        assert_eq!(p.named.get("deleted").map(Vec::len), Some(2));
        let p = parse("/tags/search/tlp:red");
        assert_eq!(p.args, vec!["tlp:red"]);
        let p = parse("/tags/search/tlp%3Aamber%2Bstrict");
        assert_eq!(p.args, vec!["tlp:amber+strict"]);
    }
}
