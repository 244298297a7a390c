//! The `jisr` binary: command-line parsing and wiring of the library crates.

mod names_cmd;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "jisr", version, about = "jisr: a MISP-compatible exchange server for security partners")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Cross-script (Arabic/Latin) name matching: match, screen, eval, bench.
    #[command(subcommand)]
    Names(names_cmd::NamesCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Names(cmd) => names_cmd::run(cmd),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
