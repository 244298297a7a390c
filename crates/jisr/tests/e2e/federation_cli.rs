//! Links and sync from the command line, over HTTPS with a pinned
//! certificate: the path an administrator without PyMISP takes.

use crate::harness::Jisr;

fn jisr(data: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    crate::harness::cli(data, args, &[])
}

#[test]
fn cli_links_over_https_with_a_pinned_certificate_and_pulls() {
    // Cairo serves HTTPS with the self-signed certificate it generates.
    let cairo = Jisr::start_in(
        tempfile::tempdir().unwrap(),
        &[("JISR_HOST_ORG", "Cairo")],
        &["--tls"],
    );
    assert!(cairo.url.starts_with("https://"), "{}", cairo.url);
    let cairo_data = cairo.data_dir().to_path_buf();
    // Cairo's admin records Brussels and its sync user with the CLI.
    let (ok, _, err) = jisr(&cairo_data, &["org", "add", "Brussels"]);
    assert!(ok, "{err}");
    let (ok, out, err) = jisr(
        &cairo_data,
        &[
            "user",
            "add",
            "sync@brussels.example",
            "--org",
            "Brussels",
            "--role",
            "5",
        ],
    );
    assert!(ok, "{err}");
    let key = out.lines().last().unwrap().trim().to_string();
    let uuid = "0b6e3c1d-5a4f-4e2b-9c8d-7e6f5a4b3c2d";
    let event = serde_json::json!({"Event": {"uuid": uuid, "info": "for the partners", "distribution": "3", "published": true,
        "Attribute": [{"type": "iban", "value": "DE89 3704 0044 0532 0130 00"}]}});
    let file = cairo_data.join("event.json");
    std::fs::write(&file, event.to_string()).unwrap();
    let (ok, _, err) = jisr(&cairo_data, &["import", file.to_str().unwrap()]);
    assert!(ok, "{err}");

    let brussels = tempfile::tempdir().unwrap();
    let pin = cairo_data.join("tls/cert.pem");
    let (ok, out, err) = jisr(
        brussels.path(),
        &[
            "server",
            "add",
            &cairo.url,
            "--key",
            &key,
            "--remote-org",
            "Cairo",
            "--name",
            "cairo",
            "--pull",
            "--pin",
            pin.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    assert!(out.contains("added server"), "{out}");
    let (ok, out, err) = jisr(brussels.path(), &["server", "test", "cairo"]);
    assert!(ok, "the pinned certificate is trusted: {out} {err}");

    // Another certificate pinned: the link must not work.
    let other =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .unwrap();
    let wrong = brussels.path().join("other.pem");
    std::fs::write(&wrong, other.cert.pem()).unwrap();
    let (ok, _, err) = jisr(
        brussels.path(),
        &[
            "server",
            "add",
            &cairo.url,
            "--key",
            &key,
            "--remote-org",
            "Cairo",
            "--name",
            "impostor",
            "--pin",
            wrong.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    let (ok, out, _) = jisr(brussels.path(), &["server", "test", "impostor"]);
    assert!(
        !ok,
        "a certificate other than the pinned one was accepted: {out}"
    );
    // Without a pin, the self-signed certificate is not trusted either.
    let (ok, _, err) = jisr(
        brussels.path(),
        &[
            "server",
            "add",
            &cairo.url,
            "--key",
            &key,
            "--remote-org",
            "Cairo",
            "--name",
            "unpinned",
        ],
    );
    assert!(ok, "{err}");
    let (ok, _, _) = jisr(brussels.path(), &["server", "test", "unpinned"]);
    assert!(!ok, "an unknown self-signed certificate was trusted");

    let (ok, out, err) = jisr(brussels.path(), &["sync", "pull", "cairo"]);
    assert!(ok, "{out} {err}");
    assert!(out.contains("1 sent/stored"), "{out}");
    let (ok, out, err) = jisr(brussels.path(), &["export"]);
    assert!(ok, "{err}");
    assert!(
        out.contains(uuid) && out.contains("DE89370400440532013000"),
        "{out}"
    );
    let (ok, out, _) = jisr(brussels.path(), &["server", "list"]);
    assert!(ok);
    let line = out.lines().find(|l| l.contains("\tcairo\t")).unwrap();
    assert!(
        line.contains("1 sent/stored, 0 unchanged"),
        "the last pull shows in the list: {line}"
    );
    // Nothing new: the second pull changes nothing.
    let (ok, out, _) = jisr(brussels.path(), &["sync", "pull", "cairo"]);
    assert!(ok);
    assert!(out.contains("0 sent/stored, 1 unchanged"), "{out}");
}
