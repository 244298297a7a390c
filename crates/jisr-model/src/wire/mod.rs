//! MISP's JSON wire format. MISP sends integer columns as strings and
//! tinyint(1) columns as booleans, and accepts either form from clients;
//! this module owns those quirks so nothing else has to.

mod incoming;
mod outgoing;
mod values;

pub use incoming::*;
pub use outgoing::*;
pub use values::*;
