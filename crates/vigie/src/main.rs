//! The `vigie` command line: parse arguments, call the libraries, print.

// A binary exports nothing: `pub` here means "used by sibling modules".
#![allow(unreachable_pub)]

mod cli;
mod cmd;
mod render;

use std::process::ExitCode;

use clap::Parser;

// The pipeline allocates many small, short-lived values per document (tokens' strings, actors,
// events) from several threads; mimalloc's thread-local free lists serve those faster than the
// system allocator (measured in the commit that added it).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
