//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "vigie",
    version,
    about = "News articles in, coded events out: who did what to whom, when, where, saying what."
)]
pub struct Cli {
    /// A lexicon directory laid over the built-in lexicon (same layout as `lexicon/`).
    #[arg(long, global = true, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per document per line (the contract, schema vigie/1).
    Jsonl,
    /// Indented JSON.
    Pretty,
    /// A human-readable list of events with their evidence.
    Table,
}

#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// Input files (`.txt`, `.jsonl`, `.html`, `.warc`, `.warc.gz`) or `-` for standard input.
    #[arg(required = true, value_name = "FILE")]
    pub inputs: Vec<String>,
    /// Language of plain-text input (ISO 639-1); detected when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Publication date of plain-text input (ISO 8601).
    #[arg(long)]
    pub date: Option<String>,
    /// Document id of plain-text input (default: the file name without extension).
    #[arg(long)]
    pub id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract events, entities, places, times, quotes and counts from articles.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output format (default: jsonl when piped, table on a terminal).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Show, for each event of the documents, the lexicon entry and the rules that produced it.
    Explain {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Read files, directories, globs, WARC archives and feeds; extract on all cores; write
    /// JSON Lines.
    Ingest(crate::cmd::ingest::Args),
    /// Measure throughput and peak memory of the whole pipeline and of each stage.
    Bench {
        /// A JSON Lines corpus.
        file: PathBuf,
        /// Worker threads (default: all cores; 1 measures one core).
        #[arg(long)]
        threads: Option<usize>,
        /// Passes over the corpus.
        #[arg(long, default_value_t = 1)]
        repeat: usize,
    },
    /// Score vigie against a public gold standard.
    Eval {
        #[command(subcommand)]
        what: EvalWhat,
    },
    /// The embedded event store: load extractions, statistics, clusters.
    Store {
        #[command(subcommand)]
        action: crate::cmd::store::Action,
    },
    /// Events from the store, filtered and sorted.
    Query(crate::cmd::query::Args),
    /// What the store holds: documents, events by type, the most active actor pairs, a few
    /// events with their evidence.
    Report(crate::cmd::report::Args),
    /// The store as JSON Lines, CSV, PLOVER records, GDELT event table or Parquet.
    Export(crate::cmd::export::Args),
    /// Lexicon tools.
    Lexicon {
        #[command(subcommand)]
        action: LexiconAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum LexiconAction {
    /// Validate every lexicon file; print each problem with its file and line.
    Check,
    /// List the lexicon files and their sizes.
    List,
}

#[derive(Debug, Subcommand)]
pub enum EvalWhat {
    /// Temporal expressions: TimeML (.tml) directories and Recognizers-Text specs.
    Time(crate::cmd::eval_time::Args),
    /// Named entities: CoNLL files (entity-level exact-span F1 per type).
    Ner(crate::cmd::eval_ner::Args),
    /// Toponyms: GeoWebNews brat files (span F1, GeoNames-id accuracy, within 161 km).
    Geo(crate::cmd::eval_geo::Args),
    /// Main-text extraction: the ScrapingHub article-extraction benchmark.
    Html(crate::cmd::eval_html::Args),
}
