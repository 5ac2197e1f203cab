//! `vigie extract`: documents in, one contract line per document out, in input order.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use vigie_core::lexicon::Sources;
use vigie_ingest::{read_source, run_ordered, BatchOptions, Input, PlainOptions, SourceSpec};

use crate::cli::{Format, InputArgs};
use crate::render;

/// What one document turned into.
enum Outcome {
    Done(String),
    Failed(String),
}

pub fn plain_options(input: &InputArgs) -> PlainOptions {
    PlainOptions {
        id: input.id.clone(),
        lang: input.lang.clone(),
        date: input.date.clone(),
    }
}

/// Read every input source in order, feeding `emit`.
pub fn produce(input: &InputArgs) -> impl FnOnce(&mut dyn FnMut(Input)) + Send + '_ {
    let plain = plain_options(input);
    move |emit: &mut dyn FnMut(Input)| {
        for arg in &input.inputs {
            read_source(&SourceSpec::parse(arg), &plain, emit);
        }
    }
}

pub fn run(
    sources: &Sources,
    input: &InputArgs,
    format: Option<Format>,
    threads: Option<usize>,
) -> Result<ExitCode> {
    super::set_threads(threads)?;
    let extractor = super::extractor(sources)?;
    let stdout = std::io::stdout();
    let format = format.unwrap_or(if stdout.is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut done = 0usize;
    let mut write_error: Option<std::io::Error> = None;
    run_ordered(
        BatchOptions::default(),
        produce(input),
        |inp: Input| match inp.article {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok(article) => match extractor.extract(&article) {
                Err(e) => Outcome::Failed(format!("{}: {e}", inp.origin)),
                Ok(x) => Outcome::Done(match format {
                    Format::Jsonl => x.to_json(),
                    Format::Pretty => serde_json::to_string_pretty(&x).unwrap_or_default(),
                    Format::Table => render::table(&x),
                }),
            },
        },
        |o| match o {
            Outcome::Done(s) => {
                done += 1;
                if write_error.is_none() {
                    if let Err(e) = writeln!(out, "{s}") {
                        write_error = Some(e);
                    }
                }
            }
            Outcome::Failed(msg) => {
                failed += 1;
                #[allow(clippy::print_stderr)]
                {
                    eprintln!("vigie: error: {msg}");
                }
            }
        },
    );
    out.flush()?;
    if let Some(e) = write_error {
        // a closed pipe (`vigie extract … | head`) is not an error worth a message
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    if failed > 0 {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("vigie: {done} document(s) extracted, {failed} failed");
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
