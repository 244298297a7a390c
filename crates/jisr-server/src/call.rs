//! One API call as a handler sees it: the transaction, the actor, the
//! parsed path and body.

use jisr_policy::{Actor, Scope};
use jisr_store::Tx;
use serde_json::Value;

use crate::ServerConfig;
use crate::path::ParsedPath;
use crate::reply::ApiError;

pub struct Call<'a> {
    pub tx: &'a mut dyn Tx,
    pub actor: Actor,
    pub path: ParsedPath,
    pub query: Vec<(String, String)>,
    pub body: Value,
    pub url: String,
    pub secret: &'a [u8],
    pub config: &'a ServerConfig,
    pub warninglists: &'a jisr_core::warninglists::Warninglists,
}

impl Call<'_> {
    pub fn scope(&self) -> Scope {
        jisr_policy::scope(&self.actor)
    }

    /// The first positional argument, which most actions require.
    pub fn id_arg(&self, what: &str) -> Result<String, ApiError> {
        self.path
            .arg(0)
            .map(str::to_string)
            .ok_or_else(|| ApiError::not_found(format!("Invalid {what}: no id given")))
    }

    /// A flag from a named parameter, the query string or the body.
    pub fn flag(&self, key: &str) -> Option<bool> {
        if let Some(v) = self.path.named_flag(key) {
            return Some(v);
        }
        if let Some((_, v)) = self.query.iter().find(|(k, _)| k == key) {
            return Some(matches!(v.as_str(), "1" | "true" | "True"));
        }
        self.body.get(key).and_then(jisr_model::wire::as_bool)
    }
}
