//! `vigie explain`: for each event, the trigger entry, the argument, status, date and place
//! rules that produced it.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use vigie_core::lexicon::Sources;
use vigie_ingest::{read_source, SourceSpec};

use crate::cli::InputArgs;

pub fn run(sources: &Sources, input: &InputArgs) -> Result<ExitCode> {
    let extractor = super::extractor(sources)?;
    let plain = super::extract::plain_options(input);
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    for arg in &input.inputs {
        let mut docs = Vec::new();
        read_source(&SourceSpec::parse(arg), &plain, &mut |i| docs.push(i));
        for inp in docs {
            let x = match inp
                .article
                .map_err(|e| e.to_string())
                .and_then(|a| extractor.extract(&a).map_err(|e| e.to_string()))
            {
                Ok(x) => x,
                Err(e) => {
                    failed = true;
                    #[allow(clippy::print_stderr)]
                    {
                        eprintln!("vigie: error: {e}");
                    }
                    continue;
                }
            };
            write!(out, "{}", crate::render::table(&x))?;
            for e in &x.events {
                writeln!(out, "  {} {} {}", e.id, e.plover, e.cameo)?;
                writeln!(out, "     trigger  {}", e.explain.trigger_entry)?;
                writeln!(
                    out,
                    "     source   {}",
                    e.explain.source_rule.unwrap_or("none")
                )?;
                writeln!(
                    out,
                    "     target   {}",
                    e.explain.target_rule.unwrap_or("none")
                )?;
                writeln!(
                    out,
                    "     status   {}",
                    e.explain
                        .status_rule
                        .as_deref()
                        .unwrap_or("default: actual")
                )?;
                writeln!(
                    out,
                    "     date     {}",
                    e.explain.date_rule.as_deref().unwrap_or("none")
                )?;
                writeln!(
                    out,
                    "     place    {}",
                    e.explain.place_rule.as_deref().unwrap_or("none")
                )?;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
