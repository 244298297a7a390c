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
    // Per event: 4 value keys, a network key for the CIDR and a blocking key
    // for the two-part name; name pairs (both ways) between
    // the two scripts (the identical spellings correlate exactly instead).
    assert!(before.contains("30 keys"), "{before}");
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
