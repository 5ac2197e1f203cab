//! `vigie ingest SOURCES…`: read any mix of files, directories (recursed), globs, WARC
//! archives, feeds and standard input; turn pages into articles and extract them on all
//! cores; write JSON Lines in input order. A reader thread feeds bounded chunks to the
//! workers (see `vigie_ingest::batch`), so memory stays flat whatever the input size. One
//! broken document, page or record is reported with where it came from and skipped; a
//! summary at the end counts documents read, extracted, skipped and failed.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde_json::{Map, Value};
use vigie_core::lexicon::Sources;
use vigie_core::Article;
use vigie_ingest::feed::FeedContext;
use vigie_ingest::fetch::{FetchOptions, Fetcher, ValidatorCache};
use vigie_ingest::html::HtmlLexicon;
use vigie_ingest::{
    read_source_with, run_ordered, BatchOptions, FileKind, Input, PlainOptions, ReadStats,
    SourceSpec,
};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files (`.html`, `.htm`, `.warc`, `.warc.gz`, `.rss`, `.atom`, `.xml`, `.jsonl`,
    /// `.txt`), directories (read recursively), glob patterns, feed URLs, or `-`.
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// Write the output here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the extractions into this embedded event store (SQLite) instead of JSON Lines,
    /// in batched transactions; `--db` alone means `vigie.db` in the working directory.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = "vigie.db", conflicts_with_all = ["output", "articles"])]
    pub db: Option<PathBuf>,
    /// Write the articles found (id, text, title, url, date, lang, source) instead of the
    /// extraction results; the output is then `vigie extract` input.
    #[arg(long)]
    pub articles: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// With `--db`: do not print the store's report (`vigie report`) at the end.
    #[arg(long, requires = "db")]
    pub no_report: bool,
    /// Never show a progress bar (it is shown only when standard error is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Skip feed items published before this date (ISO 8601 date or date-time).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep HTTP validators (ETag, Last-Modified) in this JSON file so the next run fetches
    /// only what changed.
    #[arg(long, value_name = "FILE")]
    pub http_cache: Option<PathBuf>,
    /// Per-request timeout for feeds and pages, in seconds.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Largest page or feed accepted, in bytes.
    #[arg(long, default_value_t = 8 << 20)]
    pub max_bytes: u64,
}

/// `--since` as an instant: a date is its midnight UTC.
fn parse_since(s: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(d.with_timezone(&chrono::Utc));
    }
    let d = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .with_context(|| format!("--since {s}: not an ISO 8601 date"))?;
    Ok(d.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// What one document turned into.
enum Outcome {
    /// An extraction bound for the store.
    Record(Box<vigie_store::DocRecord>),
    Done(String),
    Failed(String),
}

/// Expand the command line into sources, in order. Directories are walked in name order;
/// glob patterns are expanded in name order; a pattern matching nothing is an error.
fn expand(args: &[String]) -> (Vec<SourceSpec>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" || arg.starts_with("http://") || arg.starts_with("https://") {
            out.push(SourceSpec::parse(arg));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, &mut out, &mut errors);
        } else if path.exists() || !arg.contains(['*', '?', '[']) {
            out.push(SourceSpec::File(path.to_path_buf()));
        } else {
            match glob::glob(arg) {
                Err(e) => errors.push(format!("{arg}: bad pattern: {e}")),
                Ok(paths) => {
                    let mut found: Vec<PathBuf> = paths.filter_map(Result::ok).collect();
                    found.sort();
                    if found.is_empty() {
                        errors.push(format!("{arg}: no file matches"));
                    }
                    for p in found {
                        if p.is_dir() {
                            walk(&p, &mut out, &mut errors);
                        } else {
                            out.push(SourceSpec::File(p));
                        }
                    }
                }
            }
        }
    }
    (out, errors)
}

/// Files under a directory, recursively, in name order; only files whose name says they hold
/// documents (hidden files and unknown extensions are left out).
fn walk(dir: &Path, out: &mut Vec<SourceSpec>, errors: &mut Vec<String>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                errors.push(format!("{}: cannot read directory: {e}", d.display()));
                continue;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut subdirs = Vec::new();
        for p in paths {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if p.is_dir() {
                subdirs.push(p);
            } else if is_document_file(&p) {
                out.push(SourceSpec::File(p));
            }
        }
        // depth-first in name order: push subdirectories reversed
        stack.extend(subdirs.into_iter().rev());
    }
}

fn is_document_file(p: &Path) -> bool {
    match FileKind::of(p) {
        FileKind::Text => p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("txt")),
        _ => true,
    }
}

/// An article as contract input: only the fields that are set.
fn article_json(a: &Article) -> String {
    let mut m = Map::new();
    m.insert("id".into(), Value::String(a.id.clone()));
    for (k, v) in [
        ("text", &a.text),
        ("title", &a.title),
        ("url", &a.url),
        ("date", &a.date),
        ("lang", &a.lang),
        ("source", &a.source),
    ] {
        if let Some(v) = v {
            m.insert(k.into(), Value::String(v.clone()));
        }
    }
    if let Some(ds) = a.date_source {
        if let Ok(v) = serde_json::to_value(ds) {
            m.insert("date_source".into(), v);
        }
    }
    Value::Object(m).to_string()
}

#[derive(Default)]
struct Counts {
    read: usize,
    extracted: usize,
    failed: usize,
}

/// Documents written to the store in one transaction: a kill loses at most this many.
const STORE_BATCH: usize = 256;

#[allow(clippy::print_stderr)]
pub fn run(sources: &Sources, args: &Args) -> Result<ExitCode> {
    super::set_threads(args.threads)?;
    let html_lex: &'static HtmlLexicon =
        Box::leak(Box::new(HtmlLexicon::load(sources).map_err(|errs| {
            anyhow::anyhow!(
                "the HTML lexicon has problems:\n  {}",
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n  ")
            )
        })?));
    let mut store = match &args.db {
        Some(p) => {
            Some(vigie_store::Store::open(p).with_context(|| format!("opening {}", p.display()))?)
        }
        None => None,
    };
    let to_store = store.is_some();
    let lexicon_version = super::store::lexicon_version(sources);
    let mut pending: Vec<vigie_store::DocRecord> = Vec::new();
    let mut stored = vigie_store::BatchReport::default();
    let mut store_error: Option<anyhow::Error> = None;
    let extractor = if args.articles {
        None
    } else {
        Some(super::extractor(sources)?)
    };
    let (specs, expand_errors) = expand(&args.sources);
    for e in &expand_errors {
        eprintln!("vigie: error: {e}");
    }
    let input_bytes: u64 = specs
        .iter()
        .filter_map(|s| match s {
            SourceSpec::File(p) => std::fs::metadata(p).ok().map(|m| m.len()),
            SourceSpec::Stdin | SourceSpec::Url(_) => None,
        })
        .sum();
    let out: Box<dyn Write> = match &args.output {
        Some(p) => {
            Box::new(std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?)
        }
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let stderr_tty = std::io::stderr().is_terminal();
    let bar = (stderr_tty && !args.no_progress).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.enable_steady_tick(Duration::from_millis(200));
        b
    });
    let since = args.since.as_deref().map(parse_since).transpose()?;
    let cache = match &args.http_cache {
        Some(p) => ValidatorCache::load(p).map_err(|e| anyhow::anyhow!(e))?,
        None => ValidatorCache::default(),
    };
    let fetcher = Fetcher::new(
        FetchOptions {
            timeout: Duration::from_secs(args.timeout.max(1)),
            max_bytes: args.max_bytes,
            ..FetchOptions::default()
        },
        cache,
    );
    let feeds = Mutex::new(FeedContext {
        fetcher: Some(fetcher),
        since,
    });
    let stats = Mutex::new(ReadStats::default());
    let mut counts = Counts::default();
    let mut write_error: Option<std::io::Error> = None;
    let started = Instant::now();
    let plain = PlainOptions::default();
    let opts = BatchOptions {
        html: Some(html_lex),
        ..BatchOptions::default()
    };
    run_ordered(
        opts,
        |emit: &mut dyn FnMut(Input)| {
            let mut local = ReadStats::default();
            if let Ok(mut feeds) = feeds.lock() {
                for spec in &specs {
                    read_source_with(spec, &plain, &mut local, &mut feeds, emit);
                }
            }
            if let Ok(mut s) = stats.lock() {
                *s = local;
            }
        },
        |inp: Input| match inp.article {
            Err(e) => Outcome::Failed(e.to_string()),
            Ok(article) => match &extractor {
                None => Outcome::Done(article_json(&article)),
                Some(x) => match x.extract(&article) {
                    Err(e) => Outcome::Failed(format!("{}: {e}", inp.origin)),
                    Ok(doc) if to_store => {
                        let meta = vigie_store::DocMeta {
                            outlet: article.source.clone(),
                            lexicon_version: Some(lexicon_version.clone()),
                        };
                        match vigie_store::DocRecord::from_extraction(&doc, meta) {
                            Ok(r) => Outcome::Record(Box::new(r)),
                            Err(e) => Outcome::Failed(format!("{}: {e}", inp.origin)),
                        }
                    }
                    Ok(doc) => match serde_json::to_string(&doc) {
                        Ok(s) => Outcome::Done(s),
                        Err(e) => Outcome::Failed(format!("{}: {e}", inp.origin)),
                    },
                },
            },
        },
        |o| {
            counts.read += 1;
            match o {
                Outcome::Done(s) => {
                    counts.extracted += 1;
                    if write_error.is_none() {
                        if let Err(e) = writeln!(out, "{s}") {
                            write_error = Some(e);
                        }
                    }
                }
                Outcome::Record(r) => {
                    counts.extracted += 1;
                    pending.push(*r);
                    if pending.len() >= STORE_BATCH && store_error.is_none() {
                        if let Some(st) = store.as_mut() {
                            match st.write_batch(&pending) {
                                Ok(rep) => stored.add(rep),
                                Err(e) => store_error = Some(e.into()),
                            }
                        }
                        pending.clear();
                    }
                }
                Outcome::Failed(msg) => {
                    counts.failed += 1;
                    match &bar {
                        Some(b) => b.println(format!("vigie: error: {msg}")),
                        None => eprintln!("vigie: error: {msg}"),
                    }
                }
            }
            if let Some(b) = &bar {
                if counts.read % 64 == 0 {
                    let secs = started.elapsed().as_secs_f64().max(1e-9);
                    b.set_message(format!(
                        "{} documents, {:.0} documents/s, {} errors",
                        counts.read,
                        counts.read as f64 / secs,
                        counts.failed
                    ));
                }
            }
        },
    );
    out.flush()?;
    if let (Some(st), None) = (store.as_mut(), &store_error) {
        if !pending.is_empty() {
            match st.write_batch(&pending) {
                Ok(rep) => stored.add(rep),
                Err(e) => store_error = Some(e.into()),
            }
        }
    }
    if let Some(e) = store_error {
        return Err(e.context("writing to the store"));
    }
    if let (Some(p), Some(st)) = (&args.db, &store) {
        eprintln!(
            "vigie: store {}: inserted={} replaced={} unchanged={}",
            p.display(),
            stored.inserted,
            stored.replaced,
            stored.unchanged
        );
        // fresh planner statistics, so the next queries pick the right indexes
        st.optimize().context("analyzing the store")?;
        if !args.no_report {
            super::report::print(&p.display().to_string(), st, 5, 3)?;
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    let stats = stats.into_inner().unwrap_or_default();
    let skipped = stats.skipped_total();
    eprintln!(
        "vigie: ingest: read={} extracted={} skipped={} failed={} sources={} seconds={secs:.2} documents_per_s={:.1} mb_per_s={:.1}",
        counts.read,
        counts.extracted,
        skipped,
        counts.failed + expand_errors.len(),
        specs.len(),
        counts.read as f64 / secs,
        input_bytes as f64 / 1e6 / secs
    );
    for (reason, n) in &stats.skipped {
        eprintln!("vigie: ingest: skipped {n} {reason}");
    }
    if let (Some(path), Ok(feeds)) = (&args.http_cache, feeds.into_inner()) {
        if let Some(f) = &feeds.fetcher {
            f.cache.save(path).map_err(|e| anyhow::anyhow!(e))?;
        }
    }
    if let Some(e) = write_error {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    Ok(if counts.failed + expand_errors.len() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
