//! The MISP data model as jisr understands it: entities, attribute types,
//! value validation and the JSON wire format. Pure: no I/O, no SQL, no HTTP.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod accounts;
pub mod entities;
pub mod federation;
pub mod roles;
pub mod types;
pub mod wire;

pub use accounts::*;
pub use entities::*;
pub use federation::{Server, SyncJob};
