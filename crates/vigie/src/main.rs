//! The `vigie` command line: parse arguments, call the libraries, print.

// A binary exports nothing: `pub` here means "used by sibling modules".
#![allow(unreachable_pub)]

mod cli;
mod cmd;
mod render;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("vigie: error: {e:#}");
            }
            ExitCode::from(2)
        }
    }
}
