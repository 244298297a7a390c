//! The web console over real HTTP: cookie flags, CSRF refusal, per-account
//! lockout, and the access policy on every page (a user of another
//! organisation cannot see an org-only event in any page or search).

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::json;

use crate::harness::{Jisr, bin};

/// A browser without JavaScript: keeps cookies, never follows redirects.
struct Browser<'a> {
    jisr: &'a Jisr,
    http: reqwest::blocking::Client,
    cookies: Vec<(String, String)>,
    /// Set-Cookie lines of the last response.
    last_set: Vec<String>,
}

impl<'a> Browser<'a> {
    fn new(jisr: &'a Jisr) -> Browser<'a> {
        let http = reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            jisr,
            http,
            cookies: vec![],
            last_set: vec![],
        }
    }

    fn send(&mut self, req: reqwest::blocking::RequestBuilder) -> (u16, String, String) {
        let cookie = self
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let resp = req.header("Cookie", cookie).send().unwrap();
        let status = resp.status().as_u16();
        let location = resp
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        self.last_set = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        for line in &self.last_set {
            let (kv, _) = line.split_once(';').unwrap_or((line, ""));
            let (k, v) = kv.split_once('=').unwrap();
            self.cookies.retain(|(name, _)| name != k);
            if !v.is_empty() {
                self.cookies.push((k.to_string(), v.to_string()));
            }
        }
        (status, location, resp.text().unwrap())
    }

    fn get(&mut self, path: &str) -> (u16, String, String) {
        let req = self.http.get(format!("{}{path}", self.jisr.url));
        self.send(req)
    }

    fn post(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String, String) {
        let req = self
            .http
            .post(format!("{}{path}", self.jisr.url))
            .form(form);
        self.send(req)
    }

    /// The CSRF token of the page at `path`.
    fn csrf(&mut self, path: &str) -> String {
        let (_, _, html) = self.get(path);
        let at = html
            .find("name=\"csrf\" value=\"")
            .expect("a form with a token");
        let rest = &html[at + 19..];
        rest[..rest.find('"').unwrap()].to_string()
    }

    fn login(&mut self, email: &str, password: &str) -> u16 {
        let token = self.csrf("/ui/login");
        let (status, _, _) = self.post(
            "/ui/login",
            &[
                ("csrf", &token),
                ("email", email),
                ("password", password),
                ("next", "/"),
            ],
        );
        status
    }
}

fn set_password(jisr: &Jisr, email: &str, password: &str) {
    let mut child = Command::new(bin())
        .args([
            "user",
            "passwd",
            email,
            "--data",
            jisr.data_dir().to_str().unwrap(),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An organisation with one user (role 3) who has a console password.
fn person(jisr: &Jisr, org: &str, email: &str) -> (i64, String) {
    let (s, o) = jisr.admin(
        "POST",
        "/admin/organisations/add",
        Some(&json!({"name": org})),
    );
    assert_eq!(s, 200, "{o}");
    let org_id: i64 = o["Organisation"]["id"].as_str().unwrap().parse().unwrap();
    let (s, u) = jisr.admin(
        "POST",
        "/admin/users/add",
        Some(&json!({"email": email, "org_id": org_id, "role_id": 3})),
    );
    assert_eq!(s, 200, "{u}");
    set_password(jisr, email, "a long console password");
    (org_id, u["User"]["authkey"].as_str().unwrap().to_string())
}

fn event_count(jisr: &Jisr) -> usize {
    let (_, v) = jisr.admin("GET", "/events/index", None);
    v.as_array().unwrap().len()
}

#[test]
fn cookies_csrf_and_lockout() {
    let jisr = Jisr::start();
    person(&jisr, "Cairo", "analyst@cairo.example");
    let mut b = Browser::new(&jisr);

    // Not logged in: every page leads to the login form.
    let (s, to, _) = b.get("/ui/events");
    assert_eq!((s, to.as_str()), (303, "/ui/login?next=%2Fui%2Fevents"));
    let anon = b.last_set.join("\n");
    assert!(
        anon.contains("jisr_anon=") && anon.contains("HttpOnly") && anon.contains("SameSite=Lax")
    );
    assert!(!anon.contains("Secure"), "plain HTTP: no Secure flag");
    let token = b.csrf("/ui/login");

    // A login form without its token is refused, even with the right password.
    let (s, _, html) = b.post(
        "/ui/login",
        &[
            ("email", "analyst@cairo.example"),
            ("password", "a long console password"),
        ],
    );
    assert_eq!(s, 403);
    assert!(html.contains("security token"), "{html}");
    assert!(!b.last_set.iter().any(|c| c.starts_with("jisr_session=")));
    let (s, _, _) = b.post(
        "/ui/login",
        &[
            ("csrf", "0".repeat(64).as_str()),
            ("email", "analyst@cairo.example"),
            ("password", "a long console password"),
        ],
    );
    assert_eq!(s, 403, "a made-up token is refused too");

    assert_eq!(
        b.login("analyst@cairo.example", "a long console password"),
        303
    );
    let session = b
        .last_set
        .iter()
        .find(|c| c.starts_with("jisr_session="))
        .expect("a session cookie")
        .clone();
    assert!(
        session.contains("HttpOnly")
            && session.contains("SameSite=Lax")
            && !session.contains("Secure")
    );
    let (s, _, html) = b.get("/");
    assert_eq!(s, 200);
    assert!(html.contains("analyst@cairo.example"));
    assert_eq!(b.get("/").0, 200);

    // Writes need the token of this session: the pre-login token no longer counts.
    let before = event_count(&jisr);
    let (s, _, _) = b.post(
        "/ui/events/new",
        &[("info", "no token"), ("distribution", "0")],
    );
    assert_eq!(s, 403);
    let (s, _, _) = b.post(
        "/ui/events/new",
        &[
            ("csrf", &token),
            ("info", "old token"),
            ("distribution", "0"),
        ],
    );
    assert_eq!(s, 403);
    assert_eq!(event_count(&jisr), before, "nothing was written");
    let fresh = b.csrf("/ui/events/new");
    let (s, to, _) = b.post(
        "/ui/events/new",
        &[
            ("csrf", &fresh),
            ("info", "with token"),
            ("distribution", "0"),
            ("threat_level_id", "4"),
            ("analysis", "0"),
        ],
    );
    assert_eq!(s, 303);
    assert!(to.starts_with("/ui/events/"));
    assert_eq!(event_count(&jisr), before + 1);

    // A refused form says why in the user's language and writes nothing.
    let (s, _, html) = b.post(
        "/ui/events/new",
        &[("csrf", &fresh), ("info", "  "), ("distribution", "0")],
    );
    assert_eq!(s, 422);
    assert!(
        html.contains("The title (event info) is required."),
        "{html}"
    );
    assert_eq!(event_count(&jisr), before + 1);

    // Logging out ends the session on the server, not only in the browser.
    let stolen = b.cookies.clone();
    let (s, _, _) = b.post("/ui/logout", &[("csrf", &fresh)]);
    assert_eq!(s, 303);
    b.cookies = stolen;
    assert_eq!(b.get("/").0, 303);

    // An oversized form is refused with a page in the reader's language.
    let big = "x".repeat(2 * 1024 * 1024);
    let req = b
        .http
        .post(format!("{}/ui/events/new", jisr.url))
        .header("Accept-Language", "ar")
        .form(&[("info", big.as_str())]);
    let (s, _, html) = b.send(req);
    assert_eq!(s, 413);
    assert!(
        html.contains("النموذج كبير جدًا") && html.contains("dir=\"rtl\""),
        "{html}"
    );

    // Behind a TLS proxy the cookies are Secure.
    let mut tls = Browser::new(&jisr);
    let req = tls
        .http
        .get(format!("{}/ui/login", jisr.url))
        .header("X-Forwarded-Proto", "https");
    tls.send(req);
    assert!(
        tls.last_set.iter().any(|c| c.contains("; Secure")),
        "{:?}",
        tls.last_set
    );

    // Five wrong passwords lock the account: then even the right one is refused.
    let mut c = Browser::new(&jisr);
    for _ in 0..5 {
        assert_eq!(c.login("analyst@cairo.example", "wrong password here"), 200);
    }
    assert_eq!(
        c.login("analyst@cairo.example", "a long console password"),
        200
    );
    assert!(!c.cookies.iter().any(|(k, _)| k == "jisr_session"));
    let (_, log) = jisr.admin("GET", "/admin/logs/index", None);
    assert!(
        log.to_string().contains("account locked"),
        "the refusal is audited"
    );
}

#[test]
fn another_organisation_sees_nothing_of_an_org_only_event() {
    let jisr = Jisr::start();
    let (_, cairo_key) = person(&jisr, "Cairo", "analyst@cairo.example");
    person(&jisr, "Brussels", "analyst@brussels.example");
    let event = json!({"Event": {
        "info": "شبكة تمويل سرية", "distribution": 0, "published": true,
        "Attribute": [
            {"type": "full-name", "value": "محمود توفيق", "distribution": 5},
            {"type": "ip-dst", "value": "198.51.100.77", "distribution": 5},
        ],
    }});
    let (s, e) = jisr.call("POST", "/events/add", &cairo_key, Some(&event));
    assert_eq!(s, 200, "{e}");
    let id = e["Event"]["id"].as_str().unwrap().to_string();

    // The owner finds it everywhere, by the Latin spelling of the name too.
    let mut cairo = Browser::new(&jisr);
    assert_eq!(
        cairo.login("analyst@cairo.example", "a long console password"),
        303
    );
    assert!(cairo.get("/").2.contains("شبكة تمويل سرية"));
    assert!(cairo.get("/ui/events").2.contains("شبكة تمويل سرية"));
    let (s, _, html) = cairo.get(&format!("/ui/events/{id}"));
    assert_eq!(s, 200);
    assert!(
        html.contains("<bdi>198.51.100.77</bdi>"),
        "values are isolated"
    );
    let (_, _, html) = cairo.get("/ui/search?q=Mahmoud+Tawfik");
    assert!(
        html.contains("محمود توفيق") && html.contains(&format!("/ui/events/{id}")),
        "{html}"
    );
    // Organisation names, from organisation objects, match across scripts too.
    let org = json!({"name": "organization", "meta-category": "misc", "Attribute": [
        {"object_relation": "name", "type": "text", "value": "شركة النور للصرافة"},
    ]});
    let (s, o) = jisr.call(
        "POST",
        &format!("/objects/add/{id}"),
        &cairo_key,
        Some(&org),
    );
    assert_eq!(s, 200, "{o}");
    let (_, _, html) = cairo.get("/ui/search?q=Al+Nour+Exchange+Company");
    assert!(html.contains("شركة النور للصرافة"), "{html}");

    // Another organisation: not on any page, not in any search.
    let mut brussels = Browser::new(&jisr);
    assert_eq!(
        brussels.login("analyst@brussels.example", "a long console password"),
        303
    );
    let pages = [
        "/".to_string(),
        "/ui/events".to_string(),
        "/ui/events?q=%D8%B4%D8%A8%D9%83%D8%A9".to_string(),
        "/ui/search?q=Mahmoud+Tawfik".to_string(),
        "/ui/search?q=%D9%85%D8%AD%D9%85%D9%88%D8%AF".to_string(),
        "/ui/search?q=198.51.100.77".to_string(),
        "/ui/search?q=Al+Nour+Exchange+Company".to_string(),
    ];
    for p in &pages {
        let (s, _, html) = brussels.get(p);
        assert_eq!(s, 200, "{p}");
        assert!(!html.contains("شبكة تمويل سرية"), "{p} shows the event");
        assert!(!html.contains("محمود توفيق"), "{p} shows the name");
        assert!(!html.contains("شركة النور"), "{p} shows the organisation");
        assert!(
            !html.contains("198.51.100.77") || p.contains("198.51"),
            "{p} shows the value"
        );
        assert!(
            !html.contains(&format!("/ui/events/{id}\"")),
            "{p} links the event"
        );
    }
    // Hidden and missing read the same.
    for p in [
        format!("/ui/events/{id}"),
        format!("/ui/events/{id}/edit"),
        "/ui/events/999999".to_string(),
    ] {
        assert_eq!(brussels.get(&p).0, 404, "{p}");
    }
    let token = brussels.csrf("/ui/events");
    let (s, _, _) = brussels.post(
        &format!("/ui/events/{id}/attributes/new"),
        &[("csrf", &token), ("type", "ip-dst"), ("value", "192.0.2.1")],
    );
    assert_eq!(s, 404, "no write to a hidden event");
    for path in [
        format!("/ui/events/{id}/publish"),
        format!("/ui/events/{id}/tags/remove"),
    ] {
        let (s, _, _) = brussels.post(&path, &[("csrf", &token), ("tag", "tlp:amber")]);
        assert_eq!(s, 404, "{path}");
    }
    let (_, v) = jisr.admin("GET", &format!("/events/view/{id}"), None);
    assert_eq!(
        v["Event"]["Attribute"].as_array().unwrap().len(),
        2,
        "nothing changed"
    );
    // Administration pages follow the same roles as the API.
    assert_eq!(brussels.get("/ui/audit").0, 403);
    assert_eq!(brussels.get("/ui/admin/users").0, 403);
}

#[test]
fn console_lists_and_searches_record_the_events_they_show() {
    let jisr = Jisr::start();
    let (_, key) = person(&jisr, "Cairo", "reader@cairo.example");
    let (s, e) = jisr.call(
        "POST",
        "/events/add",
        &key,
        Some(&json!({"info": "مراقبة الحدود — border watch", "Attribute": [{"type": "full-name", "value": "محمود توفيق"}]})),
    );
    assert_eq!(s, 200, "{e}");
    let id = e["Event"]["id"].as_str().unwrap().to_string();
    let mut b = Browser::new(&jisr);
    assert_eq!(
        b.login("reader@cairo.example", "a long console password"),
        303
    );
    assert_eq!(b.get("/").0, 200);
    assert_eq!(b.get("/ui/events").0, 200);
    assert_eq!(b.get("/ui/search?q=Mahmoud+Tawfik").0, 200);
    let (_, log) = jisr.admin("POST", "/admin/logs/index", Some(&json!({"limit": 20})));
    let changes: Vec<String> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["Log"]["change"].as_str().unwrap_or_default().to_string())
        .collect();
    for page in [
        "console: dashboard",
        "console: event list",
        "console: Mahmoud Tawfik",
    ] {
        let entry = changes
            .iter()
            .find(|c| c.starts_with(page))
            .unwrap_or_else(|| panic!("no read entry for {page}: {changes:?}"));
        assert!(entry.ends_with(&format!("events read: {id}")), "{entry}");
    }
}

#[test]
fn failed_logins_lock_out_the_address_across_accounts() {
    let jisr = Jisr::start_with(&[("JISR_AUTH_MAX_FAILURES", "3")]);
    person(&jisr, "Cairo", "one@cairo.example");
    let mut b = Browser::new(&jisr);
    // Three wrong passwords, each for another account: no account locks, the address does.
    for who in ["x@cairo.example", "y@cairo.example", "z@cairo.example"] {
        assert_ne!(b.login(who, "not the password at all"), 303);
    }
    assert_ne!(
        b.login("one@cairo.example", "a long console password"),
        303,
        "the right password is refused while the address is locked out"
    );
    // The API's failed keys count against the same address.
    let (s, _) = jisr.call(
        "GET",
        "/users/view/me",
        "WrongKeyWrongKeyWrongKeyWrongKeyWrongKey",
        None,
    );
    assert_eq!(s, 429);
}
