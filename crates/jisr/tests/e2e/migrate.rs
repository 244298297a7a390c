//! `jisr migrate-store`: an instance built on SQLite moves to PostgreSQL
//! (and back) with every id, key and record intact.

use std::process::Command;

use serde_json::json;

use crate::harness::{ADMIN_KEY, Jisr, bin};

/// A fresh, empty PostgreSQL database on the test cluster, dropped with the value.
struct FreshDatabase {
    admin_url: String,
    name: String,
    url: String,
}

fn fresh_database() -> Option<FreshDatabase> {
    let admin_url = std::env::var("JISR_TEST_PG_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let name = format!("mig_{}", uuid::Uuid::new_v4().simple());
    let mut admin = postgres::Client::connect(&admin_url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let url = format!("{}/{name}", admin_url.rsplit_once('/').unwrap().0);
    Some(FreshDatabase {
        admin_url,
        name,
        url,
    })
}

impl Drop for FreshDatabase {
    fn drop(&mut self) {
        if let Ok(mut admin) = postgres::Client::connect(&self.admin_url, postgres::NoTls) {
            let _ = admin.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

fn migrate(from: &str, to: &str) -> (bool, String, String) {
    let out = Command::new(bin())
        .args(["migrate-store", "--from", from, "--to", to])
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_instance_moves_from_sqlite_to_postgresql_and_back_without_loss() {
    let Some(db) = fresh_database() else {
        eprintln!("migrate-store test skipped: JISR_TEST_PG_URL not set");
        return;
    };
    let pg = db.url.clone();
    let site = Jisr::start();
    let (_, user_key) = site.user("Interior Ministry", 3);
    let (s, sg) = site.admin(
        "POST",
        "/sharing_groups/add",
        Some(&json!({"name": "CT partners", "releasability": "اتفاقية"})),
    );
    assert_eq!(s, 200, "{sg}");
    let (s, e) = site.call("POST", "/events/add", &user_key, Some(&json!({
        "info": "شبكة تمويل — financing network", "distribution": 1, "Tag": [{"name": "tlp:amber"}],
        "Attribute": [{"type": "iban", "value": "DE89 3704 0044 0532 0130 00"}, {"type": "full-name", "value": "محمود توفيق"}],
        "Object": [{"name": "person", "Attribute": [{"type": "first-name", "object_relation": "first-name", "value": "Mahmoud"}]}],
        "EventReport": [{"name": "report", "content": "# تقرير"}],
    })));
    assert_eq!(s, 200, "{e}");
    let id = e["Event"]["id"].as_str().unwrap().to_string();
    let attr = e["Event"]["Attribute"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, r) = site.call(
        "POST",
        &format!("/sightings/add/{attr}"),
        &user_key,
        Some(&json!({"source": "border"})),
    );
    assert_eq!(s, 200, "{r}");
    let (_, before) = site.admin("GET", &format!("/events/view/{id}"), None);
    let dir = site.kill();
    let data = dir.path().to_path_buf();
    let sqlite = format!("sqlite:{}", data.join("jisr.db").display());

    let (ok, out, err) = migrate(&sqlite, &pg);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("content hash") && !out.contains("DIFFERENT"),
        "{out}"
    );
    let (ok, _, err) = migrate(&sqlite, &pg);
    assert!(
        !ok && err.contains("already holds data"),
        "a second copy into a used database is refused: {err}"
    );

    // The same data directory (its secret checks the keys) on PostgreSQL.
    let moved = Jisr::start_in(dir, &[("JISR_DATABASE", &pg)], &[]);
    let (s, after) = moved.admin("GET", &format!("/events/view/{id}"), None);
    assert_eq!(s, 200, "{after}");
    let strip = |mut v: serde_json::Value| {
        v["Event"]["timestamp"] = json!(null);
        v
    };
    assert_eq!(
        strip(before.clone()),
        strip(after),
        "the event reads the same on PostgreSQL"
    );
    let (s, _) = moved.call("GET", "/users/view/me", &user_key, None);
    assert_eq!(s, 200, "API keys still work after the move");
    let (s, e2) = moved.admin(
        "POST",
        "/events/add",
        Some(&json!({"info": "after the move"})),
    );
    assert_eq!(s, 200, "new ids continue after the moved ones: {e2}");
    assert!(
        e2["Event"]["id"].as_str().unwrap().parse::<i64>().unwrap() > id.parse::<i64>().unwrap()
    );
    let dir = moved.kill();
    let data = dir.path().to_path_buf();

    // And back to a new SQLite file: the same content hash.
    let back = format!("sqlite:{}", data.join("back.db").display());
    let (ok, out2, err) = migrate(&pg, &back);
    assert!(ok, "{err}");
    assert!(out2.contains("content hash"), "{out2}");
    let _ = ADMIN_KEY;
}

fn jisr_on(db: &str, data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    crate::harness::cli(data, args, &[("JISR_DATABASE", db)])
}

#[test]
fn backup_and_restore_on_postgresql() {
    let Some(db) = fresh_database() else {
        eprintln!("PostgreSQL backup test skipped: JISR_TEST_PG_URL not set");
        return;
    };
    let pg = db.url.clone();
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("one.json");
    std::fs::write(
        &file,
        json!({"Event": {"info": "محفوظ — kept"}}).to_string(),
    )
    .unwrap();
    assert!(jisr_on(&pg, data.path(), &["import", file.to_str().unwrap()]).0);
    let backup = data.path().join("backup.dump");
    let (ok, out, err) = jisr_on(
        &pg,
        data.path(),
        &["backup", "--to", backup.to_str().unwrap()],
    );
    assert!(ok && out.contains("backup written"), "{out} {err}");
    std::fs::write(
        &file,
        json!({"Event": {"info": "after the backup"}}).to_string(),
    )
    .unwrap();
    assert!(jisr_on(&pg, data.path(), &["import", file.to_str().unwrap()]).0);
    let (ok, _, err) = jisr_on(
        &pg,
        data.path(),
        &["restore", "--from", backup.to_str().unwrap(), "--force"],
    );
    assert!(ok, "{err}");
    let (ok, out, err) = jisr_on(&pg, data.path(), &["export"]);
    assert!(ok, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let infos: Vec<&str> = doc["response"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["Event"]["info"].as_str().unwrap())
        .collect();
    assert_eq!(
        infos,
        vec!["محفوظ — kept"],
        "the restore brings back the state of the backup"
    );
}
