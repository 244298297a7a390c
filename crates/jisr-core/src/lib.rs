//! The service layer: MISP's behaviour (defaults, edit rules, permissions,
//! restSearch) on top of the storage interface. Knows the model, the policy
//! and the `Store`/`Tx` traits; never HTTP, never SQL.
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod accounts;
pub mod attachments;
pub mod attribute_build;
pub mod attributes;
pub mod audit;
pub mod auth;
pub mod bootstrap;
pub mod correlation;
pub mod directory;
pub mod error;
pub mod event_read;
pub mod event_write;
pub mod federation;
pub mod guard;
pub mod objects;
pub mod proposals;
pub mod reports;
pub mod search;
pub mod settings;
pub mod sharing_groups;
pub mod sightings;
pub mod tags;
pub mod warninglists;

pub use error::{CoreError, Result};
