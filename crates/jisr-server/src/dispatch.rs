//! From an HTTP request to a handler and back: routing by MISP's URL
//! conventions, body limits, JSON parsing, authentication, and exactly one
//! database transaction per request (committed only when the handler succeeds).

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::AppState;
use crate::call::Call;
use crate::path::{ParsedPath, parse};
use crate::reply::{ApiError, Payload, Reply};
use crate::routes::{Access, ROUTES, Route};

fn error_response(err: &ApiError, url: &str) -> Response {
    let mut resp = (err.status, axum::Json(err.body(url))).into_response();
    if let Some(loc) = &err.location
        && let Ok(v) = loc.parse()
    {
        resp.headers_mut().insert(header::LOCATION, v);
    }
    resp
}

fn reply_response(reply: Reply, head: bool) -> Response {
    let mut resp = match reply.payload {
        Payload::Json(v) => (reply.status, axum::Json(v)).into_response(),
        Payload::Text { body, content_type } => {
            (reply.status, [(header::CONTENT_TYPE, content_type)], body).into_response()
        }
    };
    resp.headers_mut().extend(reply.headers);
    if head {
        *resp.body_mut() = Body::empty();
    }
    resp
}

fn api_key(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .or_else(|| headers.get("x-misp-auth"))
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
}

fn find_route(p: &ParsedPath, method: &Method) -> Result<&'static Route, ApiError> {
    let candidates: Vec<&Route> = ROUTES
        .iter()
        .filter(|r| r.controller == p.controller && r.action == p.action)
        .collect();
    if candidates.is_empty() {
        return Err(ApiError::not_found(format!(
            "Could not find the requested resource: /{}/{} is not an API endpoint",
            p.controller, p.action
        )));
    }
    let wanted = if method == Method::HEAD {
        &Method::GET
    } else {
        method
    };
    candidates
        .into_iter()
        .find(|r| r.methods.contains(wanted))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                format!("Method {method} is not allowed for this endpoint"),
            )
        })
}

fn parse_body(bytes: &[u8]) -> Result<Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Object(Default::default()));
    }
    serde_json::from_slice(bytes).map_err(|e| {
        ApiError::bad_request(format!(
            "Malformed JSON in the request body at line {}, column {}: {e}",
            e.line(),
            e.column()
        ))
    })
}

/// The single entry point of the API.
pub async fn handle(State(state): State<AppState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let url = parts.uri.path().to_string();
    let head = parts.method == Method::HEAD;
    let parsed = parse(&url);
    let route = match find_route(&parsed, &parts.method) {
        Ok(r) => r,
        Err(e) => return error_response(&e, &url),
    };
    let bytes = match to_bytes(body, state.config.max_body_bytes).await {
        Ok(b) => b,
        Err(_) => {
            let msg = format!(
                "The request body is larger than the limit of {} bytes",
                state.config.max_body_bytes
            );
            return error_response(&ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, msg), &url);
        }
    };
    let body = match parse_body(&bytes) {
        Ok(v) => v,
        Err(e) => return error_response(&e, &url),
    };
    let Some(key) = api_key(&parts.headers) else {
        let e = ApiError::new(
            StatusCode::FORBIDDEN,
            "Authentication failed. Please make sure you pass the API key of an API enabled user along in the Authorization header.",
        );
        return error_response(&e, &url);
    };
    let query: Vec<(String, String)> = parts
        .uri
        .query()
        .map(|q| {
            q.split('&')
                .filter_map(|kv| {
                    kv.split_once('=')
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    let ip = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    if let Some(wait) = state.guard.locked(&ip) {
        let e = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "Too many failed authentications from this address; try again in {wait} seconds."
            ),
        );
        return error_response(&e, &url);
    }
    let guard = state.guard.clone();
    let client = ip.clone();
    let req = ApiRequest {
        path: parsed,
        query,
        body,
        url: url.clone(),
        ip,
    };
    let outcome = tokio::task::spawn_blocking(move || run_route(&state, route, req, &key)).await;
    match outcome {
        Ok(Ok(reply)) => {
            guard.succeeded(&client);
            reply_response(reply, head)
        }
        Ok(Err(e)) => {
            if e.auth_failure {
                guard.failed(&client);
            }
            error_response(&e, &url)
        }
        Err(join) => {
            tracing::error!("request handler failed: {join}");
            error_response(
                &ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal error; nothing was saved.",
                ),
                &url,
            )
        }
    }
}

/// The request as the audit log records it.
struct ApiRequest {
    path: ParsedPath,
    query: Vec<(String, String)>,
    body: Value,
    url: String,
    ip: String,
}

/// Controllers whose reads show event content: reads of them are audited.
const EVENT_CONTROLLERS: &[&str] = &[
    "events",
    "attributes",
    "objects",
    "eventreports",
    "sightings",
    "shadowattributes",
];

/// Keeps audit entries bounded: a huge import body is summarised.
fn change_text(body: &Value) -> String {
    bounded(body.to_string())
}

fn bounded(mut text: String) -> String {
    if text.len() > 65_536 {
        let cut = (0..=65_536)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push_str("…(truncated)");
    }
    text
}

fn who(actor: &jisr_policy::Actor, ip: &str) -> jisr_core::audit::Who {
    jisr_core::audit::Who {
        user_id: actor.user_id,
        org_id: actor.org_id,
        email: actor.email.clone(),
        authkey_id: actor.authkey_id,
        ip: ip.to_string(),
    }
}

fn what(route: &Route, req: &ApiRequest, change: String) -> jisr_core::audit::What {
    let arg = req.path.arg(0).unwrap_or("");
    jisr_core::audit::What {
        model: route.controller.to_string(),
        model_id: arg.parse().unwrap_or(0),
        model_uuid: if arg.contains('-') {
            arg.to_string()
        } else {
            String::new()
        },
        action: route.action.to_string(),
        change,
    }
}

fn run_route(
    state: &AppState,
    route: &Route,
    req: ApiRequest,
    key: &str,
) -> Result<Reply, ApiError> {
    let mut tx = match route.access {
        Access::Read => state.store.read()?,
        Access::Write => state.store.write()?,
    };
    let actor = match jisr_core::auth::authenticate(tx.as_mut(), &state.secret, key) {
        Ok(a) => a,
        Err(e) => {
            drop(tx);
            // A failed authentication is recorded in a transaction of its own.
            let mut log = state.store.write()?;
            let what = jisr_core::audit::What {
                model: "Auth".into(),
                action: "auth_fail".into(),
                change: format!("{} {}", route.controller, req.url),
                ..Default::default()
            };
            let who = jisr_core::audit::Who {
                ip: req.ip.clone(),
                ..Default::default()
            };
            jisr_core::audit::record(log.as_mut(), &state.secret, &who, what)?;
            log.commit()?;
            let mut err = ApiError::from(e);
            err.auth_failure = true;
            return Err(err);
        }
    };
    let ApiRequest {
        path,
        query,
        body,
        url,
        ip,
    } = req;
    let audit_req = ApiRequest {
        path: path.clone(),
        query: vec![],
        body: Value::Null,
        url: url.clone(),
        ip: ip.clone(),
    };
    let change = change_text(&body);
    let mut call = Call {
        tx: tx.as_mut(),
        actor: actor.clone(),
        path,
        query,
        body,
        url,
        secret: &state.secret,
        config: &state.config,
        warninglists: &state.warninglists,
    };
    let reply = (route.handler)(&mut call)?;
    match route.access {
        Access::Write => {
            // The write and its audit entry commit together, or neither does.
            jisr_core::audit::record(
                tx.as_mut(),
                &state.secret,
                &who(&actor, &ip),
                what(route, &audit_req, change),
            )?;
            tx.commit()?;
        }
        Access::Read => {
            tx.commit()?;
            if EVENT_CONTROLLERS.contains(&route.controller) {
                let mut log = state.store.write()?;
                if jisr_core::settings::get(log.as_mut(), "jisr.audit.reads")? == "1" {
                    let count = reply
                        .headers
                        .get("x-result-count")
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("");
                    let mut asked = if count.is_empty() {
                        change
                    } else {
                        format!("{change} → {count} results")
                    };
                    // Every event a search or index showed is named: each is a read.
                    if !reply.events_shown.is_empty() {
                        let shown = reply.events_shown.iter().copied();
                        asked = bounded(jisr_core::audit::reads_change(&asked, shown));
                    }
                    jisr_core::audit::record(
                        log.as_mut(),
                        &state.secret,
                        &who(&actor, &ip),
                        what(route, &audit_req, asked),
                    )?;
                    log.commit()?;
                }
            }
        }
    }
    Ok(reply)
}
