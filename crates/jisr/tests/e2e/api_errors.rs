//! Bad input gets a clear JSON error and changes nothing.

use serde_json::json;

use crate::harness::Jisr;

#[test]
fn malformed_unknown_wrong_method_and_oversized() {
    let j = Jisr::start_with(&[("JISR_MAX_BODY_BYTES", "2048")]);
    let (s, body) = j.raw("POST", "/events/add", b"{\"info\": ".to_vec());
    assert_eq!(s, 400, "{body}");
    assert!(
        body.contains("Malformed JSON") && body.contains("line 1"),
        "{body}"
    );

    let (s, body) = j.admin("GET", "/frobnicate/now", None);
    assert_eq!(s, 404);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("not an API endpoint")
    );

    let (s, _) = j.admin("GET", "/events/add", None);
    assert_eq!(s, 405);

    let big = json!({"info": "x".repeat(4096)}).to_string().into_bytes();
    let (s, body) = j.raw("POST", "/events/add", big);
    assert_eq!(s, 413, "{body}");

    let (s, body) = j.call(
        "GET",
        "/events/index",
        "NotARealKeyNotARealKeyNotARealKey0000000",
        None,
    );
    assert_eq!(s, 403);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Authentication failed")
    );

    // Nothing above created an event.
    let (_, list) = j.admin("GET", "/events/index", None);
    assert_eq!(list, json!([]));
}

#[test]
fn a_rejected_event_leaves_nothing_behind() {
    let j = Jisr::start();
    let event = json!({"Event": {"info": "half", "Attribute": [
        {"type": "ip-dst", "value": "10.0.0.1"},
        {"type": "ip-dst", "value": "not-an-ip"}
    ]}});
    let (s, body) = j.admin("POST", "/events/add", Some(&event));
    assert_eq!(s, 403, "{body}");
    assert!(
        body["message"].as_str().unwrap().contains("not-an-ip"),
        "{body}"
    );
    let (_, list) = j.admin("GET", "/events/index", None);
    assert_eq!(list, json!([]));
    let (_, found) = j.admin(
        "POST",
        "/attributes/restSearch",
        Some(&json!({"value": "10.0.0.1"})),
    );
    assert_eq!(found["response"]["Attribute"], json!([]));
}

#[test]
fn garbage_never_panics_the_server() {
    let j = Jisr::start();
    let bodies: Vec<Vec<u8>> = vec![
        b"[]".to_vec(),
        b"null".to_vec(),
        b"\"x\"".to_vec(),
        br#"{"Event": []}"#.to_vec(),
        br#"{"Event": {"Attribute": {"type": 5}}}"#.to_vec(),
        br#"{"Event": {"info": "x", "date": "2020-99-99"}}"#.to_vec(),
        br#"{"Event": {"info": "x", "distribution": "9"}}"#.to_vec(),
        br#"{"Event": {"info": "x", "uuid": "nope"}}"#.to_vec(),
        vec![0xff, 0xfe, 0x00],
    ];
    for path in [
        "/events/add",
        "/events/restSearch",
        "/attributes/restSearch",
        "/events/index",
        "/tags/add",
    ] {
        for b in &bodies {
            let (s, text) = j.raw("POST", path, b.clone());
            assert!(s < 500, "{path} {s} {text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "{path}: {text}"
            );
        }
    }
    let (s, _) = j.admin("GET", "/servers/getVersion", None);
    assert_eq!(s, 200);
}

#[test]
fn guessing_keys_locks_the_address_out_and_revoked_keys_stop_working() {
    let j = Jisr::start_with(&[("JISR_AUTH_MAX_FAILURES", "3")]);
    let (_, key) = j.user("Lockout Org", 3);
    // A second key for the same user, then revoked.
    let (s, created) = j.call(
        "POST",
        "/auth_keys/add/me",
        &key,
        Some(&json!({"comment": "laptop"})),
    );
    assert_eq!(s, 200, "{created}");
    let second = created["AuthKey"]["authkey_raw"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, _) = j.call("GET", "/users/view/me", &second, None);
    assert_eq!(s, 200);
    let (_, keys) = j.call("GET", "/auth_keys/index", &key, None);
    let id = keys
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["AuthKey"]["comment"] == "laptop")
        .unwrap()["AuthKey"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (s, _) = j.call("POST", &format!("/auth_keys/delete/{id}"), &key, None);
    assert_eq!(s, 200);
    let (s, _) = j.call("GET", "/users/view/me", &second, None);
    assert_eq!(s, 403, "a revoked key no longer works");
    // An expiry in the past is refused; one in the future is kept.
    let (s, _) = j.call(
        "POST",
        "/auth_keys/add/me",
        &key,
        Some(&json!({"expiration": "2001-01-01"})),
    );
    assert_eq!(s, 400);

    // Guessing: after 3 failures (one above) the address is locked out, even with a good key.
    for _ in 0..2 {
        let (s, _) = j.call(
            "GET",
            "/users/view/me",
            "GuessGuessGuessGuessGuessGuessGuessGuess",
            None,
        );
        assert_eq!(s, 403);
    }
    let (s, body) = j.call("GET", "/users/view/me", &key, None);
    assert_eq!(s, 429, "{body}");
    assert!(body["message"].as_str().unwrap().contains("try again"));
}
