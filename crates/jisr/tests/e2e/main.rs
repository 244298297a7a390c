//! End-to-end tests: start the real `jisr` binary on a free port and talk to
//! it over HTTP as a client would. All in one test binary (linking is slow).

mod harness;

mod api_errors;
mod audit;
mod cli;
mod console;
mod correlate;
mod events;
mod federation;
mod federation_cli;
mod federation_faults;
mod migrate;
mod names_cli;
