//! `vigie eval geo` (scaffolding: its issue fills this in).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use vigie_core::lexicon::Sources;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold-standard files or directories.
    pub paths: Vec<PathBuf>,
}

pub fn run(_sources: &Sources, _args: &Args) -> Result<ExitCode> {
    anyhow::bail!("`vigie eval geo` is not built yet")
}
