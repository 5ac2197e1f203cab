//! The clustering scored on labelled pairs, from an extraction file rather than the extractor
//! (`vigie store eval-clusters` extracts the corpus itself): measure another build's output, or
//! an old one's, without rebuilding it.
//!
//!   cluster_eval CORPUS_DIR LABELS.tsv EXTRACTIONS.jsonl   the extractor's events
//!   cluster_eval CORPUS_DIR LABELS.tsv --gold              the gold events (the rule alone)

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;

use vigie_store::{eval, DocRecord, Store};

fn run(corpus: &Path, labels: &Path, source: &str) -> vigie_store::Result<()> {
    let labels = eval::read_labels(labels)?;
    let records: Vec<DocRecord> = if source == "--gold" {
        eval::gold_records(corpus)?
    } else {
        std::fs::read_to_string(source)?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(DocRecord::from_json_line)
            .collect::<vigie_store::Result<_>>()?
    };
    let mut store = Store::open_in_memory()?;
    store.write_batch(&records)?;
    store.recluster()?;
    let ev = eval::evaluate(&store, corpus, &labels)?;
    for p in &ev.pairs {
        let verdict = match (p.label.same, p.clustered) {
            (true, true) => "TP",
            (true, false) if p.a.is_none() || p.b.is_none() => "FN (event not extracted)",
            (true, false) => "FN",
            (false, true) => "FP",
            (false, false) => "TN",
        };
        println!(
            "  line {:>3}  {}:{} ~ {}:{}  {verdict}",
            p.label.line, p.label.doc_a, p.label.event_a, p.label.doc_b, p.label.event_b
        );
    }
    println!(
        "{}; {} cross-document event pairs clustered",
        ev.summary(),
        ev.cross_document_pairs
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, corpus, labels, source] = &args[..] else {
        eprintln!("usage: cluster_eval CORPUS_DIR LABELS.tsv (EXTRACTIONS.jsonl | --gold)");
        std::process::exit(2);
    };
    if let Err(e) = run(Path::new(corpus), Path::new(labels), source) {
        eprintln!("cluster_eval: {e}");
        std::process::exit(1);
    }
}
