//! MISP's per-server filter rules (`push_rules`, `pull_rules`): tags and
//! organisations, each with OR (at least one must match, when given) and
//! NOT (none may match).

use serde_json::Value;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rules {
    tags_or: Vec<String>,
    tags_not: Vec<String>,
    orgs_or: Vec<String>,
    orgs_not: Vec<String>,
}

fn list(v: &Value, group: &str, op: &str) -> Vec<String> {
    let raw = &v[group][op];
    let items: Vec<Value> = match raw {
        Value::Array(a) => a.clone(),
        Value::String(s) if !s.is_empty() => {
            s.split(',').map(|x| Value::String(x.to_string())).collect()
        }
        _ => vec![],
    };
    items
        .iter()
        .filter_map(|x| match x {
            Value::String(s) => Some(s.trim().to_lowercase()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

impl Rules {
    /// Unparseable or empty rules filter nothing.
    pub fn parse(text: &str) -> Rules {
        let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        Rules {
            tags_or: list(&v, "tags", "OR"),
            tags_not: list(&v, "tags", "NOT"),
            orgs_or: list(&v, "orgs", "OR"),
            orgs_not: list(&v, "orgs", "NOT"),
        }
    }

    /// `org_keys`: the creator organisation's id, uuid and name.
    pub fn org_allowed(&self, org_keys: &[String]) -> bool {
        let keys: Vec<String> = org_keys.iter().map(|k| k.to_lowercase()).collect();
        let hit = |l: &Vec<String>| l.iter().any(|x| keys.contains(x));
        (self.orgs_or.is_empty() || hit(&self.orgs_or)) && !hit(&self.orgs_not)
    }

    /// `tags`: the event's tag names (and ids).
    pub fn tags_allowed(&self, tags: &[String]) -> bool {
        let keys: Vec<String> = tags.iter().map(|k| k.to_lowercase()).collect();
        let hit = |l: &Vec<String>| l.iter().any(|x| keys.contains(x));
        (self.tags_or.is_empty() || hit(&self.tags_or)) && !hit(&self.tags_not)
    }

    /// Checks an event JSON (`{"Event": …}` or bare) against both filters.
    pub fn event_allowed(&self, body: &Value) -> bool {
        let ev = body.get("Event").unwrap_or(body);
        let tags: Vec<String> = ev["Tag"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t["name"].as_str().map(str::to_string))
            .collect();
        let orgc = &ev["Orgc"];
        let keys: Vec<String> = ["id", "uuid", "name"]
            .iter()
            .filter_map(|k| match &orgc[*k] {
                Value::String(s) => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .collect();
        self.tags_allowed(&tags) && self.org_allowed(&keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_rules_filter_nothing() {
        let r = Rules::parse(r#"{"tags":{"OR":[],"NOT":[]},"orgs":{"OR":[],"NOT":[]}}"#);
        assert!(r.event_allowed(&json!({"Event": {"Tag": [], "Orgc": {"name": "x"}}})));
        assert!(Rules::parse("").event_allowed(&json!({})));
    }

    #[test]
    fn or_needs_one_and_not_refuses_any() {
        let r = Rules::parse(
            r#"{"tags":{"OR":["tlp:green","tlp:clear"],"NOT":["internal"]},"orgs":{"NOT":["Rogue"]}}"#,
        );
        let ev = |tags: &[&str], org: &str| json!({"Event": {"Tag": tags.iter().map(|t| json!({"name": t})).collect::<Vec<_>>(), "Orgc": {"name": org}}});
        assert!(r.event_allowed(&ev(&["TLP:GREEN"], "Cairo")));
        assert!(!r.event_allowed(&ev(&["tlp:amber"], "Cairo")));
        assert!(!r.event_allowed(&ev(&["tlp:green", "internal"], "Cairo")));
        assert!(!r.event_allowed(&ev(&["tlp:green"], "rogue")));
    }
}
