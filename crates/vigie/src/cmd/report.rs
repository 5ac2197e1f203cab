//! `vigie report`: what the store holds, in a screenful — documents, events by type, the most
//! active actor pairs, a few events with their evidence. `vigie ingest --db` prints it at the
//! end of a load.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use vigie_store::{Report, Store};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Store file.
    #[arg(long, default_value = "vigie.db")]
    pub db: PathBuf,
    /// Actor pairs shown.
    #[arg(long, default_value_t = 5)]
    pub pairs: usize,
    /// Events shown with their evidence.
    #[arg(long, default_value_t = 3)]
    pub examples: usize,
}

fn counts(items: &[(String, i64)]) -> String {
    items
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The report as text.
pub fn render(db: &str, r: &Report) -> String {
    let mut o = String::new();
    let s = &r.stats;
    let _ = writeln!(
        o,
        "{db}: {} documents ({}) from {} outlets; {} events in {} happenings; {} near-duplicate groups",
        s.documents,
        counts(&r.languages),
        s.outlets,
        s.events,
        s.clusters,
        s.near_duplicate_groups
    );
    let _ = writeln!(o, "\nevents by type: {}", counts(&r.by_type));
    if !r.pairs.is_empty() {
        let _ = writeln!(o, "\nmost active actor pairs:");
        for p in &r.pairs {
            let _ = writeln!(
                o,
                "  {:<8} → {:<8} {} event(s) in {} document(s): {}   ({} → {})",
                p.source,
                p.target,
                p.events,
                p.documents,
                counts(&p.types),
                p.source_text,
                p.target_text
            );
        }
    }
    if !r.examples.is_empty() {
        let _ = writeln!(o, "\nevents with their evidence:");
        for e in &r.examples {
            let _ = writeln!(o, "  {}", super::query::table_row(e, true));
        }
    }
    o
}

/// Print the report of an open store on standard output.
pub fn print(db: &str, store: &Store, pairs: usize, examples: usize) -> Result<()> {
    let r = store.report(pairs, examples)?;
    let mut out = std::io::stdout().lock();
    match out.write_all(render(db, &r).as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub fn run(args: &Args) -> Result<ExitCode> {
    if !args.db.exists() {
        bail!(
            "{}: no such store (create one with `vigie ingest SOURCE… --db`)",
            args.db.display()
        );
    }
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    print(
        &args.db.display().to_string(),
        &store,
        args.pairs,
        args.examples,
    )?;
    Ok(ExitCode::SUCCESS)
}
