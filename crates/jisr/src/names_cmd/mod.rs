//! `jisr names …`: the command-line face of the jisr-names engine.

use clap::Subcommand;

#[derive(Subcommand)]
pub enum NamesCommand {
    /// Score two names and explain the alignment.
    Match { a: String, b: String },
}

pub fn run(cmd: NamesCommand) -> anyhow::Result<()> {
    match cmd {
        NamesCommand::Match { a, b } => anyhow::bail!("name matching is not built yet ({a} / {b})"),
    }
}
