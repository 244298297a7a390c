//! Starts `jisr serve` in a temporary data directory and hands out a client.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

pub const ADMIN_KEY: &str = "e2eAdminKey0123456789abcdefghijABCDEFGHI";

pub struct Jisr {
    child: Child,
    pub url: String,
    /// Kept alive (and removed) with the server.
    _data: tempfile::TempDir,
    http: reqwest::blocking::Client,
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_jisr")
}

/// Runs a `jisr` command on a data directory: (success, stdout, stderr).
pub fn cli(data: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let mut cmd = Command::new(bin());
    cmd.args(args).args(["--data", data.to_str().unwrap()]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `cli` with `input` on standard input.
pub fn cli_stdin(data: &std::path::Path, args: &[&str], input: &[u8]) -> (bool, String, String) {
    use std::io::Write;
    let mut child = Command::new(bin())
        .args(args)
        .args(["--data", data.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

impl Jisr {
    pub fn start() -> Jisr {
        Self::start_with(&[])
    }

    pub fn start_with(env: &[(&str, &str)]) -> Jisr {
        Self::start_in(tempfile::tempdir().unwrap(), env, &[])
    }

    /// Starts on an existing data directory (a restart), with extra `serve` arguments.
    pub fn start_in(data: tempfile::TempDir, env: &[(&str, &str)], args: &[&str]) -> Jisr {
        let mut cmd = Command::new(bin());
        cmd.args(["serve", "--data", data.path().to_str().unwrap()]);
        if !args.contains(&"--listen") {
            cmd.args(["--listen", "127.0.0.1:0"]);
        }
        cmd.args(args)
            .env("JISR_ADMIN_KEY", ADMIN_KEY)
            .env("JISR_LOG", "warn")
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let stderr = child.stderr.take().unwrap();
        let mut lines = BufReader::new(stderr).lines();
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut url = None;
        while Instant::now() < deadline {
            let Some(Ok(line)) = lines.next() else { break };
            if let Some(rest) = line.split("listening on ").nth(1) {
                url = Some(rest.trim().to_string());
                break;
            }
        }
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        let url = url.expect("jisr printed its address");
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap();
        Jisr {
            child,
            url,
            _data: data,
            http,
        }
    }

    pub fn call(&self, method: &str, path: &str, key: &str, body: Option<&Value>) -> (u16, Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self
            .http
            .request(m, format!("{}{}", self.url, path))
            .header("Authorization", key)
            .header("Accept", "application/json");
        if let Some(b) = body {
            req = req.json(b);
        }
        let resp = req.send().unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        self.call(method, path, ADMIN_KEY, body)
    }

    pub fn raw(&self, method: &str, path: &str, body: Vec<u8>) -> (u16, String) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let resp = self
            .http
            .request(m, format!("{}{}", self.url, path))
            .header("Authorization", ADMIN_KEY)
            .header("Content-Type", "application/json")
            .body(body)
            .send()
            .unwrap();
        (resp.status().as_u16(), resp.text().unwrap())
    }

    /// Creates an organisation and a user with `role_id`; returns the user's key.
    pub fn user(&self, org_name: &str, role_id: i64) -> (i64, String) {
        let (s, org) = self.admin(
            "POST",
            "/admin/organisations/add",
            Some(&serde_json::json!({"name": org_name})),
        );
        let org_id = match (s, &org["Organisation"]["id"]) {
            (200, Value::String(id)) => id.parse::<i64>().unwrap(),
            _ => {
                let (_, list) = self.admin("GET", "/organisations/index/scope:all", None);
                let found = list
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|o| o["Organisation"]["name"] == org_name)
                    .unwrap();
                found["Organisation"]["id"]
                    .as_str()
                    .unwrap()
                    .parse()
                    .unwrap()
            }
        };
        let email = format!(
            "{}-{}@example.org",
            org_name.to_lowercase().replace(' ', "-"),
            rand_suffix()
        );
        let (s, user) = self.admin(
            "POST",
            "/admin/users/add",
            Some(&serde_json::json!({"email": email, "org_id": org_id, "role_id": role_id})),
        );
        assert_eq!(s, 200, "{user}");
        (
            org_id,
            user["User"]["authkey"].as_str().unwrap().to_string(),
        )
    }
}

fn rand_suffix() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    format!(
        "{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    )
}

impl Jisr {
    pub fn data_dir(&self) -> &std::path::Path {
        self._data.path()
    }

    /// Stops the server (its data directory stays until the value is dropped).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Kills the server (SIGKILL: no clean shutdown) and hands back its data.
    pub fn kill(mut self) -> tempfile::TempDir {
        self.stop();
        let placeholder = tempfile::tempdir().unwrap();
        std::mem::replace(&mut self._data, placeholder)
    }
}

impl Drop for Jisr {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
