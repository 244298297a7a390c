//! Endpoint handlers, one module per MISP controller. Each turns a [`Call`]
//! into a jisr-core call and the result into MISP's JSON.
//!
//! [`Call`]: crate::call::Call

pub mod attributes;
pub mod correlations;
pub mod directory;
pub mod events;
pub mod federation;
pub mod objects;
pub mod proposals;
pub mod reports;
pub mod servers;
pub mod sharing_groups;
pub mod sightings;
pub mod tags;
pub mod warninglists;
