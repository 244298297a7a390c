//! `jisr correlate`: a rebuild yields the index that correlating on import built.

fn jisr(data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    crate::harness::cli(data, args, &[])
}

fn index_line(out: &str) -> String {
    out.lines()
        .find(|l| l.starts_with("index:"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn rebuild_matches_what_import_built() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("events.json");
    let mut events = vec![];
    for i in 0..5 {
        events.push(serde_json::json!({"Event": {"info": format!("event {i}"), "Attribute": [
            {"type": "ip-dst", "value": "203.0.113.9"},
            {"type": "ip-src", "value": format!("198.51.{i}.0/24")},
            {"type": "domain", "value": format!("host{i}.example")},
            {"type": "full-name", "value": if i % 2 == 0 { "محمود توفيق" } else { "Mahmoud Tawfik" }},
        ]}}));
    }
    std::fs::write(&file, serde_json::Value::Array(events).to_string()).unwrap();
    let (ok, _, err) = jisr(data.path(), &["import", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, before, err) = jisr(data.path(), &["correlate"]);
    assert!(ok, "{err}");
    let before = index_line(&before);
    // Per event: 4 value keys, a network key for the CIDR and two blocking
    // keys for the two-part name (its sounds and its coarse sounds); name
    // pairs (both ways) between the two scripts (the identical spellings
    // correlate exactly instead).
    assert!(before.contains("35 keys"), "{before}");
    assert!(before.contains("10 address ranges"), "{before}");
    assert!(before.contains("12 name pairs"), "{before}");
    let (ok, out, err) = jisr(data.path(), &["correlate", "--rebuild", "--over"]);
    assert!(ok, "{err}");
    assert!(
        out.contains("correlated 20 attributes of 5 events"),
        "{out}"
    );
    assert_eq!(index_line(&out), before);
}

/// An index whose names were keyed by another version of the name engine
/// (here: an instance from before the version was recorded, its name keys
/// and pairs gone as if they had been derived otherwise) is rebuilt when
/// jisr next opens it, once; organisations written in the other order
/// across scripts meet under this version's keys.
#[test]
fn names_keyed_by_another_version_are_rebuilt_once() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("events.json");
    let object = |template: &str, relation: &str, value: &str| {
        serde_json::json!({"name": template, "meta-category": "misc", "Attribute": [
            {"type": "text", "object_relation": relation, "value": value}]})
    };
    let events = serde_json::json!([
        {"Event": {"info": "one", "Attribute": [
            {"type": "full-name", "value": "Mahmoud Tawfik"},
            {"type": "domain", "value": "nile.example"}],
            "Object": [object("legal-entity", "name", "European Union")]}},
        {"Event": {"info": "two", "Attribute": [
            {"type": "full-name", "value": "TAWFIK Mahmoud"},
            {"type": "domain", "value": "nile.example"}],
            "Object": [object("organization", "name", "الاتحاد الأوروبي")]}},
    ]);
    std::fs::write(&file, events.to_string()).unwrap();
    let (ok, _, err) = jisr(data.path(), &["import", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(!err.contains("again"), "a new instance is current: {err}");
    let (ok, out, err) = jisr(data.path(), &["correlate"]);
    assert!(ok, "{err}");
    let fresh = index_line(&out);
    // Both persons (in either order) and both organisations (noun first in
    // Arabic), each pair stored both ways.
    assert!(fresh.contains("4 name pairs"), "{fresh}");

    let db = rusqlite::Connection::open(data.path().join("jisr.db")).unwrap();
    let names: Vec<i64> = {
        let mut st = db
            .prepare("SELECT id FROM attributes WHERE type IN ('full-name', 'text')")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(names.len(), 4);
    for id in &names {
        db.execute("DELETE FROM correlation_keys WHERE attribute_id = ?1", [id])
            .unwrap();
    }
    db.execute("DELETE FROM correlation_names", []).unwrap();
    db.execute(
        "DELETE FROM settings WHERE key = 'jisr.correlation.name_keys_version'",
        [],
    )
    .unwrap();
    drop(db);

    let (ok, out, err) = jisr(data.path(), &["correlate"]);
    assert!(ok, "{err}");
    assert!(err.contains("rebuilding the correlation index"), "{err}");
    assert!(
        err.contains("correlated 6 attributes of 2 events again"),
        "{err}"
    );
    assert_eq!(
        index_line(&out),
        fresh,
        "the names' keys and pairs are back"
    );
    let (ok, out, err) = jisr(data.path(), &["correlate"]);
    assert!(ok, "{err}");
    assert!(!err.contains("again"), "once: {err}");
    assert_eq!(index_line(&out), fresh);
}
