//! One module a subcommand.

mod bench;
pub mod eval_geo;
pub mod eval_html;
pub mod eval_ner;
pub mod eval_time;
mod explain;
pub mod export;
mod extract;
pub mod ingest;
mod lexicon;
pub mod query;
pub mod report;
pub mod store;

use std::process::ExitCode;

use anyhow::{Context, Result};
use vigie_core::lexicon::Sources;
use vigie_core::{Extractor, Lexicon};

use crate::cli::{Cli, Command, EvalWhat};

pub fn run(cli: Cli) -> Result<ExitCode> {
    let sources = lexicon::sources(cli.lexicon.as_deref())?;
    match cli.command {
        Command::Extract {
            input,
            format,
            threads,
        } => extract::run(&sources, &input, format, threads),
        Command::Explain { input } => explain::run(&sources, &input),
        Command::Ingest(args) => ingest::run(&sources, &args),
        Command::Bench {
            file,
            threads,
            repeat,
        } => bench::run(&sources, &file, threads, repeat),
        Command::Eval { what } => match what {
            EvalWhat::Time(args) => eval_time::run(&sources, &args),
            EvalWhat::Ner(args) => eval_ner::run(&sources, &args),
            EvalWhat::Geo(args) => eval_geo::run(&sources, &args),
            EvalWhat::Html(args) => eval_html::run(&sources, &args),
        },
        Command::Lexicon { action } => lexicon::run(&sources, &action),
        Command::Store { action } => store::run(&sources, &action),
        Command::Query(args) => query::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Export(args) => export::run(&args),
    }
}

/// Compile the lexicon into an extractor, or fail with every problem listed.
pub fn extractor(sources: &Sources) -> Result<Extractor> {
    let lex = Lexicon::load(sources).map_err(|errs| {
        let list: Vec<String> = errs.iter().map(ToString::to_string).collect();
        anyhow::anyhow!(
            "the lexicon has {} problem(s):\n  {}",
            list.len(),
            list.join("\n  ")
        )
    })?;
    Ok(Extractor::new(lex))
}

/// Set the worker count once for the process.
pub fn set_threads(threads: Option<usize>) -> Result<()> {
    if let Some(n) = threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("setting the thread count")?;
    }
    Ok(())
}
