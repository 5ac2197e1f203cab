//! `vigie export`: the store's content as the contract's JSON Lines, CSV, PLOVER JSON records,
//! the GDELT 2.0 event table, or Parquet.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::ValueEnum;
use vigie_store::export::{contract, csv, gdelt, plover};

use super::query::Filters;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One contract line (schema vigie/1) per document.
    Jsonl,
    /// One line per event.
    Csv,
    /// A JSON array of PLOVER event records.
    Plover,
    /// GDELT 2.0 event table: 61 tab-separated columns, one line per event cluster.
    Gdelt,
    /// One row per event (Apache Parquet), for pandas, DuckDB, Spark.
    Parquet,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (default: standard output; required for parquet).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let store = args.filters.open()?;
    let q = args.filters.query(None)?;
    let n = if args.format == ExportFormat::Parquet {
        let path = args
            .output
            .as_ref()
            .context("--format parquet needs --output FILE")?;
        vigie_parquet::export(&store, &q, path)
            .with_context(|| format!("writing {}", path.display()))?
    } else {
        let mut w: Box<dyn Write> = match &args.output {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("creating {}", p.display()))?,
            )),
            None => Box::new(BufWriter::new(std::io::stdout().lock())),
        };
        let n = match args.format {
            ExportFormat::Jsonl => contract::export(&store, &mut w)?,
            ExportFormat::Csv => csv::export(&store, &q, &mut w)?,
            ExportFormat::Plover => plover::export(&store, &q, &mut w)?,
            ExportFormat::Gdelt => gdelt::export(&store, &mut w)?,
            ExportFormat::Parquet => 0,
        };
        w.flush()?;
        n
    };
    #[allow(clippy::print_stderr)]
    {
        eprintln!("vigie: exported {n} record(s)");
    }
    Ok(ExitCode::SUCCESS)
}
