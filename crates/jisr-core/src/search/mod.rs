//! restSearch: MISP's filter language parsed into a [`SearchQuery`], run
//! through the store with the actor's scope, and rendered as JSON, CSV or text.

mod params;
mod render;

pub use params::*;
pub use render::*;
