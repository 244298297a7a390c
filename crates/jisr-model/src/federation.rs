//! Federation entities: the servers an instance syncs with, the sync jobs it
//! runs, and the results it reports.

/// A link to another instance (MISP's `Server`): where it is, the key of the
/// sync user there, what flows each way, and how the last runs went.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Server {
    pub id: i64,
    pub name: String,
    /// Base URL of the remote instance, without a trailing slash.
    pub url: String,
    /// The API key of our sync user on the remote instance.
    pub authkey: String,
    /// The local organisation that owns the link; pulled events belong to it.
    pub org_id: i64,
    /// The remote instance's host organisation (as known here).
    pub remote_org_id: i64,
    pub push: bool,
    pub pull: bool,
    pub push_sightings: bool,
    /// MISP's filter rules as JSON text: `{"tags":{"OR":[],"NOT":[]},"orgs":{"OR":[],"NOT":[]}}`.
    pub push_rules: String,
    pub pull_rules: String,
    /// Skip certificate verification (testing only).
    pub self_signed: bool,
    /// A PEM certificate the remote must present (pinning); empty = system roots.
    pub cert_file: String,
    /// A link inside one organisation: distributions travel unchanged.
    pub internal: bool,
    pub priority: i64,
    /// The remote instance's uuid, when known.
    pub remote_uuid: String,
    pub unpublish_event: bool,
    pub publish_without_email: bool,
    pub remove_missing_tags: bool,
    /// The last sync-outbox entry pushed to this server.
    pub push_cursor: i64,
    /// Unix time and JSON summary of the last runs (empty when none).
    pub last_push_at: i64,
    pub last_push_result: String,
    pub last_pull_at: i64,
    pub last_pull_result: String,
}

/// A push or pull waiting for (or done by) the background worker.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncJob {
    pub id: i64,
    pub server_id: i64,
    /// "push" or "pull".
    pub kind: String,
    /// One event (id or uuid on the side that owns it), or empty for all.
    pub event_ref: String,
    /// "full", "update" (pull), or "" for the default.
    pub technique: String,
    pub user_id: i64,
    pub created: i64,
    pub started: i64,
    pub finished: i64,
    pub attempts: i64,
    /// JSON summary or error, once finished.
    pub result: String,
}
