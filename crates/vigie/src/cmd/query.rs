//! `vigie query`: events out of the store, filtered and sorted, as a table, JSON Lines or CSV.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use vigie_store::query::BBox;
use vigie_store::{EventQuery, EventRow, Sort, Store};

/// Filters shared by `vigie query` and the event exports.
#[derive(Debug, Clone, clap::Args)]
pub struct Filters {
    /// Store file.
    #[arg(long, default_value = "vigie.db")]
    pub db: PathBuf,
    /// Actor code or prefix, as source or target (`RUS`, `RUSGOV`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Source actor code or prefix.
    #[arg(long)]
    pub source: Option<String>,
    /// Target actor code or prefix.
    #[arg(long)]
    pub target: Option<String>,
    /// PLOVER type (THREATEN, ACCUSE, …).
    #[arg(long)]
    pub plover: Option<String>,
    /// CAMEO code or prefix (`13`: every threat).
    #[arg(long)]
    pub cameo: Option<String>,
    /// actual, intended, negated or hypothetical.
    #[arg(long)]
    pub status: Option<String>,
    /// First day (ISO date, inclusive).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (ISO date, inclusive).
    #[arg(long)]
    pub to: Option<String>,
    /// Place name (case-insensitive).
    #[arg(long)]
    pub place: Option<String>,
    /// Place GeoNames id.
    #[arg(long)]
    pub geonameid: Option<i64>,
    /// Bounding box: min_lon,min_lat,max_lon,max_lat.
    #[arg(long, value_name = "W,S,E,N")]
    pub bbox: Option<String>,
    /// Outlet (the URL's host without www., or the input's `source`).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Words in the article's title or text (SQLite FTS5 syntax: `ambassadeur AND rappel`).
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    pub sort: SortArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Newest first.
    Date,
    /// Oldest first.
    DateAsc,
    /// Most outlets reporting the same happening first.
    Sources,
    /// Most mentions first.
    Mentions,
    Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Jsonl,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub filters: Filters,
    /// Output format (default: table on a terminal, JSON Lines otherwise).
    #[arg(long, value_enum)]
    pub format: Option<QueryFormat>,
    /// Most events shown (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Show each event's evidence sentence.
    #[arg(long)]
    pub explain: bool,
}

fn bbox(s: &str) -> Result<BBox> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<std::result::Result<_, _>>()
        .with_context(|| format!("--bbox {s:?}: four numbers expected"))?;
    let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
        bail!("--bbox {s:?}: four numbers expected (min_lon,min_lat,max_lon,max_lat)");
    };
    Ok(BBox {
        min_lon,
        min_lat,
        max_lon,
        max_lat,
    })
}

impl Filters {
    pub fn query(&self, limit: Option<usize>) -> Result<EventQuery> {
        Ok(EventQuery {
            actor: self.actor.clone(),
            source: self.source.clone(),
            target: self.target.clone(),
            plover: self.plover.clone(),
            cameo: self.cameo.clone(),
            status: self.status.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            geonameid: self.geonameid,
            bbox: self.bbox.as_deref().map(bbox).transpose()?,
            outlet: self.outlet.clone(),
            text: self.text.clone(),
            sort: match self.sort {
                SortArg::Date => Sort::DateDesc,
                SortArg::DateAsc => Sort::DateAsc,
                SortArg::Sources => Sort::Sources,
                SortArg::Mentions => Sort::Mentions,
                SortArg::Confidence => Sort::Confidence,
            },
            limit,
        })
    }

    /// Open the store; a missing file is an error, not a new empty store.
    pub fn open(&self) -> Result<Store> {
        if !self.db.exists() {
            bail!(
                "{}: no such store (create one with `vigie store load`)",
                self.db.display()
            );
        }
        Store::open(&self.db).with_context(|| format!("opening {}", self.db.display()))
    }
}

fn or_dash(s: Option<&String>) -> &str {
    s.map_or("—", String::as_str)
}

/// One event on one line (and its evidence beneath with `explain`).
pub fn table_row(r: &EventRow, explain: bool) -> String {
    let mut line = format!(
        "{}  {:<9} {:<4} {:<10} → {:<10} {:<14} {:<18} {}src/{}art  «{}»",
        r.date.as_deref().unwrap_or("????-??-??"),
        r.plover,
        r.cameo,
        or_dash(r.source_code.as_ref()),
        or_dash(r.target_code.as_ref()),
        or_dash(r.place.as_ref()),
        or_dash(r.outlet.as_ref()),
        r.num_sources,
        r.num_articles,
        r.trigger
    );
    if r.status != "actual" {
        let _ = write!(line, " [{}]", r.status);
    }
    if explain {
        let ev: Vec<&str> = r.evidence.split_whitespace().collect();
        let _ = write!(
            line,
            "\n      {} {}:{}  {}",
            r.doc_id,
            r.event_id,
            r.sentence,
            ev.join(" ")
        );
    }
    line
}

pub fn run(args: &Args) -> Result<ExitCode> {
    let store = args.filters.open()?;
    let q = args.filters.query((args.limit > 0).then_some(args.limit))?;
    let stdout = std::io::stdout();
    let format = args.format.unwrap_or(if stdout.is_terminal() {
        QueryFormat::Table
    } else {
        QueryFormat::Jsonl
    });
    let mut out = std::io::BufWriter::new(stdout.lock());
    if format == QueryFormat::Csv {
        vigie_store::export::csv::write_header(&mut out)?;
    }
    let start = std::time::Instant::now();
    let mut n = 0usize;
    let res = store.for_each_event(&q, |r| {
        n += 1;
        match format {
            QueryFormat::Table => writeln!(out, "{}", table_row(&r, args.explain))?,
            QueryFormat::Jsonl => {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            }
            QueryFormat::Csv => vigie_store::export::csv::write_row(&mut out, &r)?,
        }
        Ok(())
    });
    match res {
        Err(vigie_store::StoreError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other?,
    }
    let _ = out.flush();
    if format == QueryFormat::Table {
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "{n} event(s), {:.1} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
