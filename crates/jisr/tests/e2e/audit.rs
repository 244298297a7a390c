//! The audit log records writes, reads and failed logins, and `jisr audit
//! verify` catches an edited, deleted or reordered entry.

use std::path::Path;
use std::process::Command;

use serde_json::json;

use crate::harness::{Jisr, bin};

fn verify(data: &Path) -> (bool, String) {
    let out = Command::new(bin())
        .args(["audit", "verify", "--data", data.to_str().unwrap()])
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.path().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

fn tamper(original: &Path, sql: &str) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(original, dir.path());
    let conn = rusqlite::Connection::open(dir.path().join("jisr.db")).unwrap();
    conn.execute_batch(sql).unwrap();
    drop(conn);
    verify(dir.path())
}

#[test]
fn every_access_is_chained_and_tampering_is_caught() {
    let mut j = Jisr::start();
    let (_, analyst) = j.user("Audit Org", 3);
    let (s, e) = j.call(
        "POST",
        "/events/add",
        &analyst,
        Some(&json!({"info": "audited"})),
    );
    assert_eq!(s, 200, "{e}");
    let id = e["Event"]["id"].as_str().unwrap().to_string();
    j.call("GET", &format!("/events/view/{id}"), &analyst, None);
    j.call(
        "POST",
        "/events/restSearch",
        &analyst,
        Some(&json!({"eventid": id})),
    );
    let (s, _) = j.call(
        "GET",
        "/events/index",
        "WrongKeyWrongKeyWrongKeyWrongKeyWrongKey",
        None,
    );
    assert_eq!(s, 403);
    j.stop();
    let data = j.data_dir().to_path_buf();

    let (ok, text) = verify(&data);
    assert!(ok, "{text}");
    let search = Command::new(bin())
        .args(["audit", "search", "--data", data.to_str().unwrap()])
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&search.stdout).into_owned();
    for expected in [
        "\tadmin@admin.test\t",
        "\tevents\t",
        "\tadd\t",
        "\tview\t",
        "\trestsearch\t",
        "\tauth_fail\t",
    ] {
        assert!(log.contains(expected), "{expected} missing from:\n{log}");
    }

    let (ok, text) = tamper(
        &data,
        "UPDATE audit_log SET change = 'nothing to see' WHERE id = 3",
    );
    assert!(
        !ok && text.contains("entry 3") && text.contains("edited"),
        "{text}"
    );
    let (ok, text) = tamper(&data, "DELETE FROM audit_log WHERE id = 3");
    assert!(!ok && text.contains("entry 4"), "{text}");
    let swap = "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE id IN (3, 4);
        UPDATE audit_log SET created = (SELECT created FROM t WHERE id = 4), email = (SELECT email FROM t WHERE id = 4),
          model = (SELECT model FROM t WHERE id = 4), action = (SELECT action FROM t WHERE id = 4),
          change = (SELECT change FROM t WHERE id = 4), prev_hash = (SELECT prev_hash FROM t WHERE id = 4),
          hash = (SELECT hash FROM t WHERE id = 4) WHERE id = 3;
        UPDATE audit_log SET created = (SELECT created FROM t WHERE id = 3), email = (SELECT email FROM t WHERE id = 3),
          model = (SELECT model FROM t WHERE id = 3), action = (SELECT action FROM t WHERE id = 3),
          change = (SELECT change FROM t WHERE id = 3), prev_hash = (SELECT prev_hash FROM t WHERE id = 3),
          hash = (SELECT hash FROM t WHERE id = 3) WHERE id = 4;";
    let (ok, text) = tamper(&data, swap);
    assert!(!ok && text.contains("entry 3"), "{text}");
}

#[test]
fn every_search_hit_is_a_recorded_read() {
    let j = Jisr::start();
    let (_, analyst) = j.user("Hit Org", 3);
    let mut ids = vec![];
    for info in ["first hit", "second hit"] {
        let (s, e) = j.call(
            "POST",
            "/events/add",
            &analyst,
            Some(&json!({"info": info, "Attribute": [{"type": "domain", "value": "hit.example"}]})),
        );
        assert_eq!(s, 200, "{e}");
        ids.push(e["Event"]["id"].as_str().unwrap().to_string());
    }
    for (path, body) in [
        ("/events/restSearch", json!({"value": "hit.example"})),
        (
            "/attributes/restSearch",
            json!({"value": "hit.example", "returnFormat": "csv"}),
        ),
        ("/events/index", json!({})),
    ] {
        let (s, _) = j.call("POST", path, &analyst, Some(&body));
        assert_eq!(s, 200);
    }
    let (_, log) = j.admin("POST", "/admin/logs/index", Some(&json!({"limit": 10})));
    let reads: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["Log"]["change"].as_str().unwrap_or_default().to_string())
        .filter(|c| c.contains("events read:"))
        .collect();
    assert_eq!(reads.len(), 3, "{log}");
    for r in &reads {
        let listed = r.rsplit("events read: ").next().unwrap();
        let mut got: Vec<&str> = listed.split(',').collect();
        got.sort();
        let mut want: Vec<&str> = ids.iter().map(String::as_str).collect();
        want.sort();
        assert_eq!(got, want, "{r}");
    }
}
