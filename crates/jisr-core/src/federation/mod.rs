//! Federation inside the service layer: server links (`servers`), the
//! sending side (`outgoing`: an event as a server may receive it) and the
//! receiving side (`receive`: re-checking and storing what a peer sent).
//! The network side (HTTP client, scheduling, retries) is `jisr-sync`'s.

pub mod capture;
pub mod outgoing;
pub mod receive;
pub mod servers;

use jisr_policy::federation::Crossing;

/// Where a received event comes from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub crossing: Crossing,
    /// A link inside one organisation: distributions stay unchanged.
    pub internal: bool,
    /// Our link to the sender, when known (for pulls, and pushes from a
    /// server we also link to): the sender's "this instance" in sharing groups.
    pub server_id: Option<i64>,
    /// Our own base URL, to recognise ourselves in sharing groups.
    pub own_url: String,
}
