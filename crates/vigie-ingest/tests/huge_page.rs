//! A huge HTML page on a single line, read from a file through the batch driver: it
//! completes, its paragraphs come out one a line, and the memory it takes is a small multiple
//! of its size (the page is one document, so it is held whole; nothing grows beyond that).
//! Its own test binary, so that the process's peak memory is this test's.
//!
//! The page is 32 MB (the WARC record limit) so that the suite stays quick on a busy machine;
//! `VIGIE_HUGE_PAGE_MB=100` runs it at 100 MB, and `bench/ingest/huge-page.sh` measures a
//! 100 MB page through `vigie ingest` in release.

// The test reports its time and memory on stderr; that is its job.
#![allow(clippy::print_stderr)]

use std::io::Write;
use std::time::Instant;

use vigie_ingest::{
    read_source_counted, run_ordered, BatchOptions, PlainOptions, ReadStats, SourceSpec,
};

const PARA: &str = "Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf, a indiqué la mairie.";

/// The process's peak resident memory in bytes (Linux `VmHWM`), when known.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_huge_single_line_page_completes_in_bounded_memory() {
    let mb: usize = std::env::var("VIGIE_HUGE_PAGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let size = mb << 20;
    let path = std::env::temp_dir().join(format!("vigie-huge-{}.html", std::process::id()));
    let paragraphs;
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        f.write_all(b"<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Budget</title></head><body><nav><a href=\"/\">Accueil</a></nav><article>").unwrap();
        let item = format!("<p>{PARA}</p>");
        paragraphs = size / item.len();
        for _ in 0..paragraphs {
            f.write_all(item.as_bytes()).unwrap();
        }
        f.write_all(b"</article><footer>Tous droits r\xc3\xa9serv\xc3\xa9s</footer></body></html>")
            .unwrap();
    }
    let before = peak_rss();
    let t = Instant::now();
    let spec = SourceSpec::File(path.clone());
    let mut results = Vec::new();
    run_ordered(
        BatchOptions::default(),
        |emit| {
            read_source_counted(
                &spec,
                &PlainOptions::default(),
                &mut ReadStats::default(),
                emit,
            );
        },
        |input| {
            // keep only what the test checks, as a writer would
            input.article.map(|a| {
                let text = a.text.unwrap_or_default();
                let first = text.lines().next().map(str::to_string);
                (text.lines().count(), first, a.lang)
            })
        },
        |r| results.push(r),
    );
    let took = t.elapsed();
    let _ = std::fs::remove_file(&path);
    assert_eq!(results.len(), 1);
    let (lines, first, lang) = results.pop().unwrap().unwrap();
    assert_eq!(lines, paragraphs);
    assert_eq!(first.as_deref(), Some(PARA));
    assert_eq!(lang.as_deref(), Some("fr"));
    if let (Some(b), Some(a)) = (before, peak_rss()) {
        let grew = a.saturating_sub(b);
        eprintln!(
            "{mb} MB single-line page: {:.1} s, peak RSS {} MB (grew {} MB)",
            took.as_secs_f64(),
            a >> 20,
            grew >> 20
        );
        assert!(grew < 10 * size as u64, "peak memory grew by {grew} bytes");
    }
}
