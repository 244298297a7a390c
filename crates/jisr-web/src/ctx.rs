//! One console request: cookies, language, session → `Actor`, the CSRF
//! check for every form, exactly one transaction (committed only when the
//! handler succeeds, together with its audit entry), and the response.

use std::collections::HashMap;

use axum::body::{Bytes, to_bytes};
use axum::extract::{RawPathParams, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use jisr_core::CoreError;
use jisr_core::audit::{What, Who};
use jisr_policy::Actor;
use jisr_store::Tx;
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::WebState;
use crate::i18n::Lang;

pub const SESSION_COOKIE: &str = "jisr_session";
/// A random value given to browsers before they log in, so that the login
/// form has a CSRF token too.
pub const ANON_COOKIE: &str = "jisr_anon";
pub const LANG_COOKIE: &str = "jisr_lang";
const MAX_FORM_BYTES: usize = 1024 * 1024;

/// What the handler learns from the HTTP request.
pub struct Req {
    pub path: String,
    pub params: HashMap<String, String>,
    pub query: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
    pub cookies: HashMap<String, String>,
    pub ip: String,
}

impl Req {
    pub fn param(&self, name: &str) -> &str {
        self.params.get(name).map(String::as_str).unwrap_or("")
    }
    pub fn q(&self, name: &str) -> &str {
        field(&self.query, name)
    }
    pub fn f(&self, name: &str) -> &str {
        field(&self.form, name)
    }
    pub fn f_all(&self, name: &str) -> Vec<&str> {
        self.form
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// A handler's answer.
pub enum Out {
    /// A page. For a form submission it means "not accepted": the
    /// transaction is rolled back (unless `Ctx::keep` is set).
    Page(String),
    /// Done: a form submission is committed, then the browser is sent on.
    Redirect(String),
}

#[derive(Debug)]
pub enum WebError {
    /// Not logged in: go to the login page.
    Login,
    Core(CoreError),
}

impl From<CoreError> for WebError {
    fn from(e: CoreError) -> Self {
        WebError::Core(e)
    }
}
impl From<jisr_store::StoreError> for WebError {
    fn from(e: jisr_store::StoreError) -> Self {
        WebError::Core(CoreError::Store(e))
    }
}

pub type PageResult = Result<Out, WebError>;
pub type Handler = fn(&mut Ctx) -> PageResult;

/// Digit shapes a user may prefer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Digits {
    Latin,
    Arabic,
}

pub struct Ctx<'a> {
    pub st: &'a WebState,
    pub tx: &'a mut dyn Tx,
    pub actor: Option<Actor>,
    pub lang: Lang,
    pub digits: Digits,
    pub hijri: bool,
    /// The token every form of this page carries.
    pub csrf: String,
    pub req: Req,
    pub set_cookies: Vec<String>,
    pub secure: bool,
    /// The audit entry of a write, recorded in its transaction.
    pub audit: Option<What>,
    /// An audit entry for a read of event content (when reads are audited).
    pub read_audit: Option<What>,
    /// Commit even though the handler answered with a page (a failed login
    /// still counts against the account).
    pub keep: bool,
}

impl Ctx<'_> {
    /// The logged-in actor, or off to the login page.
    pub fn actor(&self) -> Result<Actor, WebError> {
        self.actor.clone().ok_or(WebError::Login)
    }

    pub fn cookie(&mut self, name: &str, value: &str, max_age: i64) {
        let secure = if self.secure { "; Secure" } else { "" };
        self.set_cookies.push(format!(
            "{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
        ));
    }

    pub fn who(&self) -> Who {
        let a = self.actor.as_ref();
        Who {
            user_id: a.map(|a| a.user_id).unwrap_or(0),
            org_id: a.map(|a| a.org_id).unwrap_or(0),
            email: a.map(|a| a.email.clone()).unwrap_or_default(),
            authkey_id: 0,
            ip: self.req.ip.clone(),
        }
    }
}

/// The CSRF token of a browser: a MAC of its session (or pre-login) cookie
/// under the instance secret, so it cannot be guessed or reused elsewhere.
pub fn csrf_token(secret: &[u8], cookie_value: &str) -> String {
    match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mut mac) => {
            mac.update(b"csrf:");
            mac.update(cookie_value.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

fn parse_cookies(headers: &HeaderMap) -> HashMap<String, String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn parse_pairs(s: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(s).unwrap_or_default()
}

/// Runs one handler. `write` marks a form submission (POST).
pub async fn run(
    State(st): State<WebState>,
    params: RawPathParams,
    req: Request,
    handler: Handler,
    write: bool,
) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    let cookies = parse_cookies(&headers);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    // The language of pages shown when no page can be rendered.
    let lang = cookies
        .get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c))
        .unwrap_or_else(|| Lang::negotiate(&accept));
    let body: Bytes = match to_bytes(body, MAX_FORM_BYTES).await {
        Ok(b) => b,
        Err(_) => return plain_page(&st, lang, StatusCode::PAYLOAD_TOO_LARGE, "error-too-large"),
    };
    let secure = st.tls
        || headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("https"));
    let ip = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let req = Req {
        path: parts.uri.path().to_string(),
        params: params
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        query: parts
            .uri
            .query()
            .map(|q| parse_pairs(q.as_bytes()))
            .unwrap_or_default(),
        form: if write { parse_pairs(&body) } else { vec![] },
        cookies,
        ip,
    };
    let shared = st.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        run_blocking(&shared, req, &accept, lang, secure, handler, write)
    })
    .await;
    match outcome {
        Ok(resp) => resp,
        Err(join) => {
            tracing::error!("console handler failed: {join}");
            plain_page(
                &st,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            )
        }
    }
}

fn run_blocking(
    st: &WebState,
    req: Req,
    accept: &str,
    lang: Lang,
    secure: bool,
    handler: Handler,
    write: bool,
) -> Response {
    match run_tx(st, req, accept, secure, handler, write) {
        Ok(r) => r,
        Err(e) => {
            tracing::error!("console request failed: {e}");
            plain_page(
                st,
                lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            )
        }
    }
}

/// A page without templates or the database, for when neither can be used.
fn plain_page(st: &WebState, lang: Lang, status: StatusCode, message_id: &str) -> Response {
    let text = st.ui.tr.get(lang, message_id, &[]);
    let html = format!(
        "<!doctype html><html lang=\"{}\" dir=\"{}\"><meta charset=\"utf-8\"><title>{}</title><p>{}</p></html>",
        lang.code(),
        lang.dir(),
        status.as_u16(),
        minijinja::HtmlEscape(&text)
    );
    respond(status, Out::Page(html), vec![])
}

fn run_tx(
    st: &WebState,
    mut req: Req,
    accept: &str,
    secure: bool,
    handler: Handler,
    write: bool,
) -> Result<Response, CoreError> {
    let mut tx = if write {
        st.store.write()?
    } else {
        st.store.read()?
    };
    let session = req.cookies.get(SESSION_COOKIE).cloned().unwrap_or_default();
    let actor = jisr_core::accounts::session_actor(tx.as_mut(), &st.secret, &session)?;
    let mut set_cookies = vec![];
    // The value the CSRF token is bound to: the session, or before login a
    // random per-browser value.
    let bound = if actor.is_some() {
        session.clone()
    } else {
        match req.cookies.get(ANON_COOKIE) {
            Some(v) if v.len() == 64 => v.clone(),
            _ => {
                let v = jisr_core::accounts::new_token();
                let flag = if secure { "; Secure" } else { "" };
                set_cookies.push(format!(
                    "{ANON_COOKIE}={v}; Path=/; HttpOnly; SameSite=Lax{flag}"
                ));
                req.cookies.insert(ANON_COOKIE.into(), v.clone());
                v
            }
        }
    };
    let csrf = csrf_token(&st.secret, &bound);
    let mut lang = req
        .cookies
        .get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c))
        .unwrap_or_else(|| Lang::negotiate(accept));
    let (mut digits, mut hijri) = (Digits::Latin, false);
    if let Some(a) = &actor {
        if let Some(l) = tx
            .user_pref_get(a.user_id, "lang")?
            .and_then(|l| Lang::parse(&l))
        {
            lang = l;
        }
        if tx.user_pref_get(a.user_id, "digits")?.as_deref() == Some("arab") {
            digits = Digits::Arabic;
        }
        hijri = tx.user_pref_get(a.user_id, "hijri")?.as_deref() == Some("1");
    }
    let given = req.f("csrf").to_string();
    let mut ctx = Ctx {
        st,
        tx: tx.as_mut(),
        actor,
        lang,
        digits,
        hijri,
        csrf,
        req,
        set_cookies,
        secure,
        audit: None,
        read_audit: None,
        keep: false,
    };
    if write && !bool::from(given.as_bytes().ct_eq(ctx.csrf.as_bytes())) {
        let html = crate::render::error_page(&mut ctx, StatusCode::FORBIDDEN, "error-csrf");
        let cookies = std::mem::take(&mut ctx.set_cookies);
        return Ok(respond(StatusCode::FORBIDDEN, Out::Page(html), cookies));
    }
    let result = handler(&mut ctx);
    let (status, out) = match result {
        Ok(out) => (StatusCode::OK, out),
        Err(WebError::Login) => {
            let next = if write { "/" } else { ctx.req.path.as_str() };
            let to = format!("/ui/login?next={}", urlencode(next));
            let cookies = std::mem::take(&mut ctx.set_cookies);
            return Ok(respond(StatusCode::SEE_OTHER, Out::Redirect(to), cookies));
        }
        Err(WebError::Core(e)) => {
            let (status, id) = match &e {
                CoreError::NotFound(_) => (StatusCode::NOT_FOUND, "error-not-found"),
                CoreError::Forbidden(_) => (StatusCode::FORBIDDEN, "error-forbidden"),
                CoreError::Unauthenticated(_) => (StatusCode::FORBIDDEN, "error-forbidden"),
                CoreError::Store(_) | CoreError::Internal(_) => {
                    tracing::error!("console: {e}");
                    (StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
                }
                _ => (StatusCode::BAD_REQUEST, "error-invalid"),
            };
            let html = crate::render::error_page(&mut ctx, status, id);
            let cookies = std::mem::take(&mut ctx.set_cookies);
            return Ok(respond(status, Out::Page(html), cookies));
        }
    };
    let keep = ctx.keep;
    let commit = !write || keep || matches!(out, Out::Redirect(_));
    let audit = ctx.audit.take();
    let read_audit = ctx.read_audit.take();
    let who = ctx.who();
    let cookies = std::mem::take(&mut ctx.set_cookies);
    if commit {
        if let Some(what) = audit {
            jisr_core::audit::record(tx.as_mut(), &st.secret, &who, what)?;
        }
        tx.commit()?;
    } else {
        drop(tx);
    }
    if let Some(what) = read_audit {
        let mut log = st.store.write()?;
        if jisr_core::settings::get(log.as_mut(), "jisr.audit.reads")? == "1" {
            jisr_core::audit::record(log.as_mut(), &st.secret, &who, what)?;
            log.commit()?;
        }
    }
    let status = if write && !keep && matches!(out, Out::Page(_)) {
        // A form that was not accepted.
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        status
    };
    Ok(respond(status, out, cookies))
}

fn respond(status: StatusCode, out: Out, cookies: Vec<String>) -> Response {
    let mut resp = match out {
        Out::Page(html) => (
            status,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            html,
        )
            .into_response(),
        Out::Redirect(to) => {
            let mut r = StatusCode::SEE_OTHER.into_response();
            if let Ok(v) = HeaderValue::from_str(&to) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
    };
    let h = resp.headers_mut();
    for c in cookies {
        if let Ok(v) = HeaderValue::from_str(&c) {
            h.append(header::SET_COOKIE, v);
        }
    }
    // Pages show restricted information: never cache them, never frame them.
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    resp
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)])
        .map(|e| e.trim_start_matches('=').to_string())
        .unwrap_or_default()
}

/// Only same-site paths are followed after login, never another host.
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}
