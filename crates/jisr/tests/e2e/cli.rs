//! The command line: import, export, org and user management.

fn jisr(data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    crate::harness::cli(data, args, &[])
}

#[test]
fn import_export_round_trip_and_admin_commands() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("events.json");
    let doc = serde_json::json!([
        {"Event": {"uuid": "5a7f7f5e-8f4c-4d2e-9b0a-1c2d3e4f5a6b", "info": "imported one", "Orgc": {"name": "Amman MoI", "uuid": "11111111-2222-4333-8444-555555555555"},
                   "Attribute": [{"type": "btc", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}]}},
        {"Event": {"info": "imported two", "Attribute": [{"type": "email-src", "value": "x@example.org"}]}}
    ]);
    std::fs::write(&file, doc.to_string()).unwrap();
    let (ok, out, err) = jisr(data.path(), &["import", file.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(out.contains("imported 2 new"), "{out}");
    assert!(
        err.contains("API key"),
        "first use prints the admin key: {err}"
    );

    let (ok, out, err) = jisr(data.path(), &["export"]);
    assert!(ok, "{err}");
    let exported: serde_json::Value = serde_json::from_str(&out).unwrap();
    let events = exported["response"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["Event"]["Orgc"]["name"], "Amman MoI");

    let (ok, out, _) = jisr(data.path(), &["audit", "search", "--action", "import"]);
    assert!(
        ok && out.matches("\timport\t").count() == 2,
        "imports are audited: {out}"
    );
    let (ok, out, _) = jisr(data.path(), &["audit", "search", "--action", "export"]);
    assert!(
        ok && out.contains("2 events exported"),
        "exports are audited: {out}"
    );

    let (ok, out, _) = jisr(data.path(), &["org", "add", "Brussels CT"]);
    assert!(ok && out.contains("Brussels CT"), "{out}");
    let (ok, out, err) = jisr(
        data.path(),
        &["user", "add", "analyst@ct.example", "--org", "Brussels CT"],
    );
    assert!(ok, "{err}");
    let key = out.lines().last().unwrap();
    assert_eq!(key.len(), 40);

    let (ok, _, err) = jisr(
        data.path(),
        &["user", "add", "x@y.z", "--org", "No Such Org"],
    );
    assert!(!ok);
    assert!(
        err.contains("jisr org list"),
        "a CLI error says what to do: {err}"
    );
}

#[test]
fn backup_and_restore_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("one.json");
    std::fs::write(
        &file,
        serde_json::json!({"Event": {"info": "kept"}}).to_string(),
    )
    .unwrap();
    assert!(jisr(data.path(), &["import", file.to_str().unwrap()]).0);
    let backup = data.path().join("backup.db");
    let (ok, out, err) = jisr(data.path(), &["backup", "--to", backup.to_str().unwrap()]);
    assert!(ok && out.contains("backup written"), "{err}");
    let (ok, _, err) = jisr(data.path(), &["backup", "--to", backup.to_str().unwrap()]);
    assert!(
        !ok && err.contains("exists"),
        "a backup never overwrites: {err}"
    );

    std::fs::write(
        &file,
        serde_json::json!({"Event": {"info": "after the backup"}}).to_string(),
    )
    .unwrap();
    assert!(jisr(data.path(), &["import", file.to_str().unwrap()]).0);
    let (ok, _, err) = jisr(
        data.path(),
        &["restore", "--from", backup.to_str().unwrap()],
    );
    assert!(!ok && err.contains("--force"), "{err}");
    let (ok, _, err) = jisr(
        data.path(),
        &["restore", "--from", backup.to_str().unwrap(), "--force"],
    );
    assert!(ok, "{err}");
    let (_, out, _) = jisr(data.path(), &["export"]);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let infos: Vec<&str> = doc["response"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["Event"]["info"].as_str().unwrap())
        .collect();
    assert_eq!(infos, vec!["kept"]);
    let (ok, _, err) = jisr(
        data.path(),
        &["restore", "--from", file.to_str().unwrap(), "--force"],
    );
    assert!(!ok && err.contains("not a jisr database"), "{err}");
    let (_, out, _) = jisr(data.path(), &["export"]);
    assert!(
        out.contains("kept"),
        "a failed restore leaves the database as it was"
    );
}

/// Import commits events in batches; a bad event must still keep exactly the
/// events before it, whole, and nothing of itself or after it: held in
/// memory (a file, standard input), or read again from the file (a large
/// load, which `--defer-indexes always` makes of any).
#[test]
fn a_bad_event_in_an_import_keeps_exactly_the_events_before_it() {
    let good = |n: usize| {
        serde_json::json!({"Event": {"info": format!("good {n}"), "Attribute": [
            {"type": "ip-dst", "value": format!("198.51.100.{n}")},
            {"type": "domain", "value": format!("host{n}.example.org")}]}})
    };
    let bad = serde_json::json!({"Event": {"info": "bad", "Attribute": [
        {"type": "ip-dst", "value": "203.0.113.9"},
        {"type": "no-such-type", "value": "x"}]}});
    let doc = serde_json::json!([good(1), good(2), good(3), bad, good(5)]).to_string();
    for how in ["file", "stdin", "large"] {
        let data = tempfile::tempdir().unwrap();
        let file = data.path().join("events.json");
        std::fs::write(&file, &doc).unwrap();
        let path = file.to_str().unwrap();
        let (ok, _, err) = match how {
            "stdin" => crate::harness::cli_stdin(data.path(), &["import", "-"], doc.as_bytes()),
            "large" => jisr(data.path(), &["import", path, "--defer-indexes", "always"]),
            _ => jisr(data.path(), &["import", path]),
        };
        assert!(!ok, "a bad event fails the import");
        assert!(err.contains("event 4"), "the error names the event: {err}");

        let (ok, out, err) = jisr(data.path(), &["export"]);
        assert!(ok, "{err}");
        let exported: serde_json::Value = serde_json::from_str(&out).unwrap();
        let mut infos: Vec<(String, usize)> = exported["response"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["Event"]["info"].as_str().unwrap().to_string(),
                    e["Event"]["Attribute"].as_array().map_or(0, Vec::len),
                )
            })
            .collect();
        infos.sort();
        assert_eq!(
            infos,
            vec![
                ("good 1".to_string(), 2),
                ("good 2".to_string(), 2),
                ("good 3".to_string(), 2)
            ],
            "the events before the bad one are kept whole, nothing else ({how})"
        );
        let (_, out, _) = jisr(data.path(), &["audit", "search", "--action", "import"]);
        assert_eq!(out.matches("\timport\t").count(), 3, "{out}");
    }

    // A document that is not even MISP JSON after two events keeps those two.
    let other = tempfile::tempdir().unwrap();
    let file = other.path().join("events.json");
    let text = format!("[{},{},{{\"Event\": 7}}]", good(1), good(2));
    std::fs::write(&file, text).unwrap();
    let (ok, _, err) = jisr(other.path(), &["import", file.to_str().unwrap()]);
    assert!(!ok && err.contains("event 3"), "{err}");
    let (_, out, _) = jisr(other.path(), &["export"]);
    let exported: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(exported["response"].as_array().unwrap().len(), 2);
}

fn index_names(db: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index'
             AND (name LIKE 'attributes_%' OR name LIKE 'correlation_names_%') ORDER BY name",
        )
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// An import may drop the search indexes for its length; they are back
/// afterwards, even when the import failed, and after a crash mid-import.
#[test]
fn an_import_that_defers_indexes_leaves_them_built() {
    let data = tempfile::tempdir().unwrap();
    let db = data.path().join("jisr.db");
    let (ok, _, err) = jisr(data.path(), &["export"]);
    assert!(ok, "{err}");
    let all = index_names(&db);
    for name in [
        "attributes_value1",
        "attributes_value2",
        "attributes_type",
        "correlation_names_event",
        "correlation_names_other",
    ] {
        assert!(all.contains(&name.to_string()), "{all:?}");
    }

    let file = data.path().join("events.json");
    let doc = serde_json::json!([
        {"Event": {"info": "first", "Attribute": [{"type": "domain", "value": "deferred.example.org"}]}},
        {"Event": {"info": "bad", "Attribute": [{"type": "no-such-type", "value": "x"}]}}
    ]);
    std::fs::write(&file, doc.to_string()).unwrap();
    let (ok, _, err) = jisr(
        data.path(),
        &[
            "import",
            file.to_str().unwrap(),
            "--defer-indexes",
            "always",
        ],
    );
    assert!(!ok && err.contains("event 2"), "{err}");
    assert!(err.contains("building the search indexes"), "{err}");
    assert_eq!(index_names(&db), all, "a failed import still builds them");
    let (_, out, _) = jisr(data.path(), &["export"]);
    assert!(out.contains("deferred.example.org"), "{out}");

    // A crash between the drop and the build: the next start builds them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("DROP INDEX attributes_value1; DROP INDEX correlation_names_other;")
        .unwrap();
    drop(conn);
    let (ok, _, err) = jisr(data.path(), &["export"]);
    assert!(ok, "{err}");
    assert_eq!(index_names(&db), all);
}
