//! `vigie store`: load contract JSON Lines into the store, show what it holds, rebuild its
//! clusters, and measure the clustering against labelled pairs.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use vigie_core::lexicon::Sources;
use vigie_core::Article;
use vigie_store::{DocMeta, DocRecord, Store};

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Load `vigie extract` output (contract JSON Lines; `-` for standard input). Lines may
    /// carry `outlet` (or `source`) and `lexicon_version`; the outlet defaults to the URL's host.
    Load {
        #[arg(long, default_value = "vigie.db")]
        db: PathBuf,
        /// Documents per transaction: a crash loses at most one batch.
        #[arg(long, default_value_t = 200)]
        batch: usize,
        #[arg(required = true, value_name = "FILE")]
        inputs: Vec<String>,
    },
    /// Documents, events, clusters and near-duplicate groups in the store.
    Stats {
        #[arg(long, default_value = "vigie.db")]
        db: PathBuf,
    },
    /// Rebuild every event cluster from scratch (order-independent).
    Recluster {
        #[arg(long, default_value = "vigie.db")]
        db: PathBuf,
    },
    /// Extract a corpus into a fresh in-memory store, cluster it, and score the clusters on
    /// labelled event pairs (precision and recall over same-happening pairs).
    EvalClusters {
        /// Directory with the corpus JSON Lines and `<doc id>.gold.json` files.
        #[arg(long, default_value = "../shared/corpus/news-dev")]
        corpus: PathBuf,
        /// The labelled pairs (TSV).
        #[arg(long, default_value = "bench/store/cluster-labels.tsv")]
        labels: PathBuf,
        /// Cluster the gold events instead of extracted ones (the clustering rule alone).
        #[arg(long)]
        gold_events: bool,
    },
}

/// The store's name for a lexicon: what `vigie ingest --db` records with each document.
pub fn lexicon_version(sources: &Sources) -> String {
    vigie_store::lexicon_version(sources.paths().filter_map(|p| Some((p, sources.get(p)?))))
}

pub fn run(sources: &Sources, action: &Action) -> Result<ExitCode> {
    match action {
        Action::Load { db, batch, inputs } => load(db, (*batch).max(1), inputs),
        Action::Stats { db } => {
            let s = open_existing(db)?;
            let st = s.stats()?;
            #[allow(clippy::print_stdout)]
            {
                println!(
                    "{}: {} documents from {} outlets, {} events in {} clusters; {} near-duplicate groups holding {} documents",
                    db.display(),
                    st.documents,
                    st.outlets,
                    st.events,
                    st.clusters,
                    st.near_duplicate_groups,
                    st.documents_in_duplicate_groups
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Action::Recluster { db } => {
            let n = open_existing(db)?.recluster()?;
            #[allow(clippy::print_stderr)]
            {
                eprintln!("vigie: {n} clusters");
            }
            Ok(ExitCode::SUCCESS)
        }
        Action::EvalClusters {
            corpus,
            labels,
            gold_events,
        } => eval_clusters(sources, corpus, labels, *gold_events),
    }
}

fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("{}: no such store", db.display());
    }
    Store::open(db).with_context(|| format!("opening {}", db.display()))
}

fn load(db: &Path, batch: usize, inputs: &[String]) -> Result<ExitCode> {
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    let mut total = vigie_store::BatchReport::default();
    let mut pending: Vec<DocRecord> = Vec::with_capacity(batch);
    let mut bad = 0usize;
    for input in inputs {
        let reader: Box<dyn BufRead> = if input == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(
                std::fs::File::open(input).with_context(|| format!("opening {input}"))?,
            ))
        };
        for (i, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("{input}:{}", i + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            match DocRecord::from_json_line(&line) {
                Ok(r) => pending.push(r),
                Err(e) => {
                    bad += 1;
                    #[allow(clippy::print_stderr)]
                    {
                        eprintln!("vigie: {input}:{}: {e}", i + 1);
                    }
                }
            }
            if pending.len() >= batch {
                total.add(store.write_batch(&pending)?);
                pending.clear();
            }
        }
    }
    if !pending.is_empty() {
        total.add(store.write_batch(&pending)?);
    }
    store.optimize()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "vigie: {} inserted, {} replaced, {} unchanged, {} unreadable line(s)",
            total.inserted, total.replaced, total.unchanged, bad
        );
    }
    Ok(if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Read a corpus's articles (every `.jsonl` in the directory, in name order).
pub fn corpus_articles(dir: &Path) -> Result<Vec<Article>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let a: Article =
                serde_json::from_str(line).with_context(|| format!("{}:{}", f.display(), i + 1))?;
            out.push(a);
        }
    }
    Ok(out)
}

/// Extract articles into records for the store.
pub fn extract_records(sources: &Sources, articles: &[Article]) -> Result<Vec<DocRecord>> {
    let extractor = super::extractor(sources)?;
    let version = lexicon_version(sources);
    let mut out = Vec::with_capacity(articles.len());
    for a in articles {
        let x = extractor
            .extract(a)
            .map_err(|e| anyhow::anyhow!("{}: {e}", a.id))?;
        out.push(DocRecord::from_extraction(
            &x,
            DocMeta {
                outlet: a.source.clone(),
                lexicon_version: Some(version.clone()),
            },
        )?);
    }
    Ok(out)
}

/// `vigie store eval-clusters`: extract the corpus, cluster, score the labelled pairs.
fn eval_clusters(
    sources: &Sources,
    corpus: &Path,
    labels: &Path,
    gold_events: bool,
) -> Result<ExitCode> {
    use std::fmt::Write;
    let labels = vigie_store::eval::read_labels(labels)
        .with_context(|| format!("reading {}", labels.display()))?;
    let records = if gold_events {
        vigie_store::eval::gold_records(corpus)?
    } else {
        extract_records(sources, &corpus_articles(corpus)?)?
    };
    let mut store = Store::open_in_memory()?;
    store.write_batch(&records)?;
    store.recluster()?;
    let ev = vigie_store::eval::evaluate(&store, corpus, &labels)?;
    let st = store.stats()?;
    let mut o = String::new();
    for p in &ev.pairs {
        let l = &p.label;
        let verdict = match (l.same, p.clustered) {
            (true, true) => "TP",
            (true, false) if p.a.is_none() || p.b.is_none() => "FN (event not extracted)",
            (true, false) => "FN",
            (false, true) => "FP",
            (false, false) => "TN",
        };
        let _ = writeln!(
            o,
            "  {:<9} {}:{} ~ {}:{}  {}",
            if l.same { "same" } else { "different" },
            l.doc_a,
            l.event_a,
            l.doc_b,
            l.event_b,
            verdict
        );
    }
    let _ = writeln!(o, "{}", ev.summary());
    let _ = writeln!(
        o,
        "store: {} documents, {} events, {} clusters, {} cross-document event pairs clustered (labelled or not), {} near-duplicate groups",
        st.documents, st.events, st.clusters, ev.cross_document_pairs, st.near_duplicate_groups
    );
    #[allow(clippy::print_stdout)]
    {
        print!("{o}");
    }
    Ok(ExitCode::SUCCESS)
}
