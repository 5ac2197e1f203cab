//! `vigie eval html`: extract every page of the ScrapingHub article-extraction benchmark,
//! score the bodies with the benchmark's shingle metric, and print vigie beside the peers —
//! both the peers' published figures (read from the benchmark's README) and their stored
//! outputs scored by the same code, which shows the scorer reproduces the published numbers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use vigie_core::lexicon::Sources;
use vigie_eval::html::{published, score, Benchmark, Score};
use vigie_ingest::html::{self, HtmlLexicon};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The benchmark directory (holding `ground-truth.json`, `html/`, `output/`); default
    /// `../shared/corpus/html/scrapinghub`.
    pub paths: Vec<PathBuf>,
    /// Bootstrap resamples for the ± figures.
    #[arg(long, default_value_t = 1000)]
    pub bootstrap: usize,
    /// Write vigie's predictions here, in the benchmark's format.
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also list the N pages where vigie scores worst.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub worst: usize,
}

/// A peer's line: name, version, score, published F1/P/R.
type Row = (String, String, Score, Option<(f64, f64, f64)>);

const DEFAULT_DIR: &str = "../shared/corpus/html/scrapinghub";

#[allow(clippy::print_stdout)]
pub fn run(sources: &Sources, args: &Args) -> Result<ExitCode> {
    let lex = HtmlLexicon::load(sources).map_err(|errs| {
        anyhow::anyhow!(
            "the HTML lexicon has problems:\n  {}",
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n  ")
        )
    })?;
    let dirs: Vec<PathBuf> = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_DIR)]
    } else {
        args.paths.clone()
    };
    for dir in &dirs {
        run_one(dir, &lex, args)?;
    }
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::print_stdout)]
fn run_one(dir: &Path, lex: &HtmlLexicon, args: &Args) -> Result<()> {
    let bench = Benchmark::load(dir)
        .map_err(|e| anyhow::anyhow!(e))
        .with_context(|| format!("reading the benchmark at {}", dir.display()))?;
    let ids: Vec<&String> = bench.truth.keys().collect();
    let started = Instant::now();
    let results: Vec<(String, Result<String, String>, usize)> = ids
        .par_iter()
        .map(|id| {
            let r = bench.page(id).map(|bytes| {
                let n = bytes.len();
                let page =
                    html::read_bytes(&bytes, None, bench.urls.get(*id).map(String::as_str), lex);
                (page.text, n)
            });
            match r {
                Ok((t, n)) => ((*id).clone(), Ok(t), n),
                Err(e) => ((*id).clone(), Err(e), 0),
            }
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    let mut preds = BTreeMap::new();
    let mut bytes = 0usize;
    for (id, r, n) in results {
        bytes += n;
        match r {
            Ok(t) => {
                preds.insert(id, t);
            }
            Err(e) => anyhow::bail!("page {id}: {e}"),
        }
    }
    if let Some(out) = &args.output {
        let v: BTreeMap<&String, serde_json::Value> = preds
            .iter()
            .map(|(k, t)| (k, serde_json::json!({ "articleBody": t })))
            .collect();
        std::fs::write(out, serde_json::to_vec_pretty(&v)?)
            .with_context(|| format!("writing {}", out.display()))?;
    }
    let ours = score(&bench.truth, &preds, args.bootstrap);
    println!(
        "ScrapingHub article-extraction benchmark: {} pages, {:.1} MB of HTML, extracted in {:.2} s ({:.0} pages/s, {} threads)",
        ours.pages,
        bytes as f64 / 1e6,
        elapsed,
        ours.pages as f64 / elapsed.max(1e-9),
        rayon::current_num_threads()
    );
    println!("metric: 4-gram shingle overlap with ground-truth articleBody; ± = bootstrap std ({} resamples)", args.bootstrap);
    println!();
    println!(
        "{:<22} {:<12} {:>15} {:>15} {:>15} {:>9}   {:>25}",
        "system", "version", "F1", "precision", "recall", "accuracy", "published F1 / P / R"
    );
    let readme = std::fs::read_to_string(dir.join("UPSTREAM_README.rst")).unwrap_or_default();
    let pubs = published(&readme);
    let line = |name: &str, version: &str, s: &Score, pubd: Option<(f64, f64, f64)>| {
        let p = pubd.map_or_else(String::new, |(f, p, r)| format!("{f:.3} / {p:.3} / {r:.3}"));
        println!(
            "{:<22} {:<12} {:>6.3} ± {:.3}  {:>6.3} ± {:.3}  {:>6.3} ± {:.3}  {:>8.3}   {:>25}",
            name,
            version,
            s.prf.f1,
            s.ci.f1,
            s.prf.precision,
            s.ci.precision,
            s.prf.recall,
            s.ci.recall,
            s.accuracy,
            p
        );
    };
    line("vigie", env!("CARGO_PKG_VERSION"), &ours, None);
    let mut rows: Vec<Row> = bench
        .peers
        .iter()
        .map(|(name, (ver, p))| {
            let key = name.replace('-', "_");
            let pubd = pubs
                .iter()
                .find(|x| x.tool == *name || x.tool.replace('-', "_") == key)
                .map(|x| (x.f1, x.precision, x.recall));
            (
                name.clone(),
                ver.clone(),
                score(&bench.truth, p, args.bootstrap),
                pubd,
            )
        })
        .collect();
    rows.sort_by(|a, b| b.2.prf.f1.total_cmp(&a.2.prf.f1));
    for (name, ver, s, p) in &rows {
        line(name, ver, s, *p);
    }
    if args.worst > 0 {
        println!();
        println!("vigie's worst pages (F1, precision, recall, id, url):");
        let mut per: Vec<(f64, f64, f64, &String)> = bench
            .truth
            .iter()
            .map(|(k, t)| {
                let s = vigie_eval::html::prf(&[vigie_eval::html::match_shingles(
                    t,
                    preds.get(k).map_or("", String::as_str),
                )]);
                (s.f1, s.precision, s.recall, k)
            })
            .collect();
        per.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, k) in per.iter().take(args.worst) {
            println!(
                "  {f:.3} {p:.3} {r:.3} {k} {}",
                bench.urls.get(*k).map_or("", String::as_str)
            );
        }
    }
    Ok(())
}
