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
