//! `vigie bench FILE.jsonl`: whole-pipeline throughput (documents/s, MB/s of text), peak
//! memory, and the share of time each stage takes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use vigie_core::lexicon::Sources;
use vigie_core::pipeline::{Stage, StageTimes};
use vigie_core::Article;
use vigie_ingest::{read_source, PlainOptions, SourceSpec};

/// Peak resident memory of this process in bytes (Linux; 0 elsewhere).
fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

pub fn run(
    sources: &Sources,
    file: &Path,
    threads: Option<usize>,
    repeat: usize,
) -> Result<ExitCode> {
    super::set_threads(threads)?;
    let t0 = Instant::now();
    let extractor = super::extractor(sources)?;
    let build = t0.elapsed();
    let mut articles: Vec<Article> = Vec::new();
    let mut bad = 0;
    read_source(
        &SourceSpec::File(file.to_path_buf()),
        &PlainOptions::default(),
        &mut |i| match i.article {
            Ok(a) => articles.push(a),
            Err(_) => bad += 1,
        },
    );
    anyhow::ensure!(
        !articles.is_empty(),
        "{}: no readable document",
        file.display()
    );
    let bytes: usize = articles
        .iter()
        .map(|a| a.text.as_ref().map_or(0, String::len))
        .sum();
    let totals = Mutex::new(StageTimes::default());
    let mut events = 0usize;
    let start = Instant::now();
    for _ in 0..repeat.max(1) {
        events += articles
            .par_iter()
            .map_init(StageTimes::default, |times, a| {
                let n = extractor.extract_timed(a, times).map_or(0, |x| {
                    std::hint::black_box(x.to_json());
                    x.events.len()
                });
                if let Ok(mut t) = totals.lock() {
                    t.add(times);
                }
                *times = StageTimes::default();
                n
            })
            .sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    let passes = repeat.max(1) as f64;
    let docs = articles.len() as f64 * passes;
    let mb = bytes as f64 * passes / 1e6;
    let threads_used = rayon::current_num_threads();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "corpus      {} ({} documents, {:.2} MB of text, {bad} unreadable)",
        file.display(),
        articles.len(),
        bytes as f64 / 1e6
    )?;
    writeln!(out, "threads     {threads_used}, passes {}", repeat.max(1))?;
    writeln!(
        out,
        "lexicon     compiled in {:.0} ms",
        build.as_secs_f64() * 1e3
    )?;
    writeln!(
        out,
        "throughput  {:.0} documents/s, {:.2} MB/s, {:.1} events/document",
        docs / secs,
        mb / secs,
        events as f64 / docs
    )?;
    writeln!(out, "peak memory {:.0} MB", peak_rss() as f64 / 1e6)?;
    let totals = totals.into_inner().context("stage times")?;
    let cpu: f64 = totals.0.iter().map(std::time::Duration::as_secs_f64).sum();
    writeln!(out, "stage        share   MB/s (one core)")?;
    for s in Stage::ALL {
        let t = totals.0[s as usize].as_secs_f64();
        let rate = if t > 0.0 {
            format!("{:.1}", mb / t)
        } else {
            "-".into()
        };
        writeln!(
            out,
            "  {:<11} {:>5.1}%  {rate}",
            s.name(),
            100.0 * t / cpu.max(1e-12)
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
