//! The type/category table: MISP's `describeTypes.json`, embedded as data.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde_json::Value;

/// The `result` object of MISP 2.5's `GET /attributes/describeTypes.json`
/// (from PyMISP's `pymisp/data/describeTypes.json`): `sane_defaults`,
/// `types`, `categories`, `category_type_mappings`.
const RAW: &str = include_str!("describe_types.json");

/// The object under `"result"`, served as is. Parsed on first use. The
/// embedded file is fixed at build time and the unit tests below prove it
/// parses into the full table; should it ever not, this is `null` (which the
/// server reports as an error) and every lookup answers "unknown", instead
/// of panicking.
static RESULT: LazyLock<Value> = LazyLock::new(|| {
    let mut root: Value = serde_json::from_str(RAW).unwrap_or(Value::Null);
    root.get_mut("result")
        .map(Value::take)
        .unwrap_or(Value::Null)
});

/// Indexes over [`RESULT`], borrowing their strings from it.
struct Table {
    /// type -> (default category, default to_ids).
    defaults: HashMap<&'static str, (&'static str, bool)>,
    /// category -> the types it allows.
    mappings: HashMap<&'static str, HashSet<&'static str>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let data: &'static Value = &RESULT;
    let mut defaults = HashMap::new();
    if let Some(sane) = data.get("sane_defaults").and_then(Value::as_object) {
        for (t, d) in sane {
            let category = d
                .get("default_category")
                .and_then(Value::as_str)
                .unwrap_or("Other");
            let to_ids = match d.get("to_ids") {
                Some(Value::Bool(b)) => *b,
                Some(n) => n.as_i64().unwrap_or(0) != 0,
                None => false,
            };
            defaults.insert(t.as_str(), (category, to_ids));
        }
    }
    let mut mappings = HashMap::new();
    if let Some(m) = data
        .get("category_type_mappings")
        .and_then(Value::as_object)
    {
        for (category, types) in m {
            let set: HashSet<&'static str> = types
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            mappings.insert(category.as_str(), set);
        }
    }
    Table { defaults, mappings }
});

/// The object under `"result"` of MISP's `describeTypes.json`.
pub fn describe_types() -> &'static Value {
    &RESULT
}

/// True if `t` is one of MISP's attribute types (exact, case-sensitive).
pub fn is_known_type(t: &str) -> bool {
    TABLE.defaults.contains_key(t)
}

/// True if `c` is one of MISP's attribute categories (exact, case-sensitive).
pub fn is_known_category(c: &str) -> bool {
    TABLE.mappings.contains_key(c)
}

/// The category MISP gives an attribute of type `t` when none is set.
pub fn default_category(t: &str) -> Option<&'static str> {
    TABLE.defaults.get(t).map(|d| d.0)
}

/// Whether MISP sets `to_ids` on a new attribute of type `t` by default
/// (false for unknown types).
pub fn default_to_ids(t: &str) -> bool {
    TABLE.defaults.get(t).is_some_and(|d| d.1)
}

/// True if category `category` may hold attributes of type `t`.
pub fn category_allows(category: &str, t: &str) -> bool {
    TABLE
        .mappings
        .get(category)
        .is_some_and(|types| types.contains(t))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn list(key: &str) -> Vec<&'static str> {
        describe_types()[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect()
    }

    #[test]
    fn embedded_table_parses() {
        let root: Value = serde_json::from_str(RAW).expect("describe_types.json parses");
        assert!(root["result"].is_object());
        assert!(describe_types().is_object());
        assert_eq!(describe_types(), &root["result"], "served verbatim");
    }

    #[test]
    fn table_counts() {
        let types = list("types");
        let categories = list("categories");
        assert_eq!(types.len(), 194);
        assert_eq!(categories.len(), 16);
        assert_eq!(
            describe_types()["sane_defaults"].as_object().unwrap().len(),
            194
        );
        assert_eq!(
            describe_types()["category_type_mappings"]
                .as_object()
                .unwrap()
                .len(),
            16
        );
        assert_eq!(TABLE.defaults.len(), 194);
        assert_eq!(TABLE.mappings.len(), 16);
        assert_eq!(
            TABLE.mappings.values().map(HashSet::len).sum::<usize>(),
            486
        );
        assert_eq!(TABLE.mappings["Payload delivery"].len(), 99);
        assert_eq!(TABLE.mappings["Person"].len(), 33);
    }

    #[test]
    fn every_type_and_category_is_consistent() {
        for t in list("types") {
            assert!(is_known_type(t), "{t}");
            let c = default_category(t).unwrap();
            assert!(is_known_category(c), "{t}: {c}");
            assert!(
                category_allows(c, t),
                "{t} not allowed in its default category {c}"
            );
            assert!(
                TABLE.mappings.values().any(|s| s.contains(t)),
                "{t} in no category"
            );
        }
        for c in list("categories") {
            assert!(is_known_category(c), "{c}");
        }
    }

    #[test]
    fn sane_defaults() {
        assert_eq!(default_category("md5"), Some("Payload delivery"));
        assert!(default_to_ids("md5"));
        assert_eq!(default_category("ip-dst"), Some("Network activity"));
        assert!(default_to_ids("ip-dst"));
        assert_eq!(default_category("AS"), Some("Network activity"));
        assert!(!default_to_ids("AS"));
        assert_eq!(default_category("text"), Some("Other"));
        assert!(!default_to_ids("text"));
        assert_eq!(default_category("pdb"), Some("Artifacts dropped"));
        assert!(!default_to_ids("pdb"));
        assert_eq!(default_category("first-name"), Some("Person"));
        assert_eq!(default_category("comment"), Some("Other"));
        assert_eq!(default_category("nope"), None);
        assert!(!default_to_ids("nope"));
    }

    #[test]
    fn category_lookups() {
        assert!(is_known_category("Network activity"));
        assert!(is_known_category("Internal reference"));
        assert!(!is_known_category("network activity"));
        assert!(!is_known_category("Files dropped"));
        assert!(category_allows("Network activity", "ip-dst"));
        assert!(category_allows("Payload delivery", "filename|sha256"));
        assert!(category_allows("Person", "first-name"));
        assert!(!category_allows("Person", "ip-dst"));
        assert!(!category_allows("Financial fraud", "yara"));
        assert!(!category_allows("Nope", "ip-dst"));
        assert!(!category_allows("Network activity", "nope"));
    }

    #[test]
    fn known_types_are_case_sensitive() {
        assert!(is_known_type("AS"));
        assert!(!is_known_type("as"));
        assert!(is_known_type("named pipe"));
        assert!(is_known_type("sha512/224"));
        assert!(!is_known_type(""));
    }
}
