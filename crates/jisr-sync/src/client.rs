//! A client of MISP's REST API as one instance speaks to another: the sync
//! user's key, JSON both ways, TLS with system roots, a pinned certificate,
//! or (explicitly, for tests) no verification; transient failures retried
//! with backoff.

use std::sync::Arc;
use std::thread::sleep;
use std::time::Duration;

use jisr_model::Server;
use serde_json::Value;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

/// Largest response accepted from a peer (a big event with attachments).
const MAX_BODY: u64 = 1 << 30;

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// Worth trying again: the peer is down, slow, overloaded, or sent garbage.
    #[error("{0}")]
    Transient(String),
    /// Trying again will not help until someone changes something.
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Local(String),
}

impl From<jisr_store::StoreError> for SyncError {
    fn from(e: jisr_store::StoreError) -> Self {
        SyncError::Local(e.to_string())
    }
}

impl From<jisr_core::CoreError> for SyncError {
    fn from(e: jisr_core::CoreError) -> Self {
        SyncError::Local(e.to_string())
    }
}

/// A response: status and JSON body (`Value::Null` when empty).
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub body: Value,
}

/// One remote instance, as reached through a server link.
pub struct Remote {
    agent: ureq::Agent,
    base: String,
    key: String,
    /// Attempts per request for transient failures.
    pub attempts: u32,
    pub backoff: Duration,
}

impl Remote {
    pub fn new(server: &Server, timeout: Duration) -> Result<Remote, SyncError> {
        let mut tls = TlsConfig::builder();
        if server.self_signed {
            tls = tls.disable_verification(true);
        } else if !server.cert_file.trim().is_empty() {
            let cert = Certificate::from_pem(server.cert_file.as_bytes()).map_err(|e| {
                SyncError::Refused(format!(
                    "the pinned certificate of server {} is not PEM: {e}",
                    server.id
                ))
            })?;
            tls = tls.root_certs(RootCerts::Specific(Arc::new(vec![cert])));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .timeout_connect(Some(Duration::from_secs(10)))
            .tls_config(tls.build())
            .build()
            .into();
        Ok(Remote {
            agent,
            base: server.url.trim_end_matches('/').to_string(),
            key: server.authkey.clone(),
            attempts: 4,
            backoff: Duration::from_millis(500),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base, path.trim_start_matches('/'))
    }

    fn once(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Answer, SyncError> {
        let url = self.url(path);
        let result = match (method, body) {
            ("GET", _) => self
                .agent
                .get(&url)
                .header("Authorization", &self.key)
                .header("Accept", "application/json")
                .call(),
            ("HEAD", _) => self
                .agent
                .head(&url)
                .header("Authorization", &self.key)
                .header("Accept", "application/json")
                .call(),
            (_, Some(b)) => self
                .agent
                .post(&url)
                .header("Authorization", &self.key)
                .header("Accept", "application/json")
                .send_json(b),
            (_, None) => self
                .agent
                .post(&url)
                .header("Authorization", &self.key)
                .header("Accept", "application/json")
                .send_empty(),
        };
        let mut response =
            result.map_err(|e| SyncError::Transient(format!("{method} {url}: {e}")))?;
        let status = response.status().as_u16();
        let text = if method == "HEAD" {
            String::new()
        } else {
            response
                .body_mut()
                .with_config()
                .limit(MAX_BODY)
                .read_to_string()
                .map_err(|e| {
                    SyncError::Transient(format!("{method} {url}: reading the answer: {e}"))
                })?
        };
        if status >= 500 || status == 429 {
            return Err(SyncError::Transient(format!(
                "{method} {url}: HTTP {status}"
            )));
        }
        if status == 401 {
            return Err(SyncError::Refused(format!(
                "{method} {url}: the remote refused our API key (HTTP 401)"
            )));
        }
        let body = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).map_err(|e| {
                SyncError::Transient(format!(
                    "{method} {url}: HTTP {status} with a body that is not JSON ({e})"
                ))
            })?
        };
        Ok(Answer { status, body })
    }

    /// A request, retried with exponential backoff while it fails transiently.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Answer, SyncError> {
        let mut wait = self.backoff;
        let mut last = None;
        for attempt in 0..self.attempts.max(1) {
            if attempt > 0 {
                sleep(wait);
                wait = wait.saturating_mul(2);
            }
            match self.once(method, path, body) {
                Err(SyncError::Transient(e)) => {
                    tracing::debug!("sync request failed, will retry: {e}");
                    last = Some(e);
                }
                other => return other,
            }
        }
        Err(SyncError::Transient(last.unwrap_or_default()))
    }

    pub fn get(&self, path: &str) -> Result<Answer, SyncError> {
        self.request("GET", path, None)
    }
    pub fn post(&self, path: &str, body: &Value) -> Result<Answer, SyncError> {
        self.request("POST", path, Some(body))
    }
    pub fn head(&self, path: &str) -> Result<u16, SyncError> {
        self.request("HEAD", path, None).map(|a| a.status)
    }

    /// MISP's `servers/testConnection` result for this link: status 1 when
    /// the remote answers, knows our key, and the key is a sync user's.
    pub fn test(&self, own_uuid: &str) -> Value {
        let answer = match self.once("GET", "servers/getVersion", None) {
            Ok(a) => a,
            Err(SyncError::Refused(e)) => {
                return serde_json::json!({"status": 4, "message": format!("Authentication failed: {e}")});
            }
            Err(e) => {
                return serde_json::json!({"status": 2, "message": format!("Server unreachable: {e}")});
            }
        };
        if answer.status == 403 || answer.status == 405 {
            return serde_json::json!({"status": 4, "message": "Authentication failed."});
        }
        let version = answer
            .body
            .get("version")
            .and_then(Value::as_str)
            .unwrap_or("");
        if answer.status != 200 || version.is_empty() {
            return serde_json::json!({"status": 3, "message": format!("Unexpected answer (HTTP {})", answer.status)});
        }
        let uuid = answer
            .body
            .get("uuid")
            .and_then(Value::as_str)
            .unwrap_or("");
        if !own_uuid.is_empty() && uuid == own_uuid {
            return serde_json::json!({"status": 8, "message": "Syncing with self."});
        }
        if answer.body.get("perm_sync").and_then(Value::as_bool) != Some(true) {
            return serde_json::json!({"status": 7, "message": "The remote user is not a sync user."});
        }
        serde_json::json!({
            "status": 1, "message": "OK", "version": version, "local_version": version,
            "mismatch": false, "newer": false, "post": true, "client_certificate": null, "uuid": uuid,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpListener;

    use super::*;

    /// A peer that answers every request with `reply`, counting requests.
    fn peer(reply: &'static str) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let hits = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut s) = stream else { continue };
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf);
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let _ = s.write_all(reply.as_bytes());
            }
        });
        (url, hits)
    }

    fn remote(url: &str) -> Remote {
        let server = Server {
            url: url.into(),
            authkey: "k".repeat(40),
            ..Default::default()
        };
        let mut r = Remote::new(&server, Duration::from_secs(5)).unwrap();
        r.backoff = Duration::from_millis(10);
        r
    }

    #[test]
    fn garbage_and_server_errors_are_retried_then_reported_as_transient() {
        for reply in [
            "HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\nnot json!!!",
            "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            "garbage that is not HTTP at all\r\n\r\n",
        ] {
            let (url, hits) = peer(reply);
            let r = remote(&url);
            match r.get("events/index") {
                Err(SyncError::Transient(_)) => {}
                other => panic!("{reply:?}: {other:?}"),
            }
            assert_eq!(
                hits.load(std::sync::atomic::Ordering::SeqCst),
                r.attempts as usize,
                "{reply:?}"
            );
        }
    }

    #[test]
    fn a_refused_key_is_not_retried() {
        let (url, hits) =
            peer("HTTP/1.1 401 Unauthorized\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        let r = remote(&url);
        assert!(matches!(
            r.get("servers/getVersion"),
            Err(SyncError::Refused(_))
        ));
        assert_eq!(hits.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(r.test("")["status"], 4);
    }

    #[test]
    fn a_peer_that_is_down_is_unreachable() {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut r = remote(&format!("http://127.0.0.1:{port}"));
        r.attempts = 2;
        assert!(matches!(
            r.get("servers/getVersion"),
            Err(SyncError::Transient(_))
        ));
        assert_eq!(r.test("")["status"], 2);
    }
}
