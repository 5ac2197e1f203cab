//! Per-stage benchmarks on the team-written sample corpus (`examples/articles.jsonl`): each
//! stage re-runs on fully analyzed documents (a stage reads only the layers before it, so this
//! times exactly its own work), plus the contract's output, the phrase matcher alone, and the
//! whole pipeline.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use vigie_core::{boilerplate, count, event, lang, mention, normalize, quote, segment, time};
use vigie_core::{Article, Doc, Extractor, Lexicon};

fn corpus() -> Vec<Article> {
    include_str!("../../../examples/articles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("sample article"))
        .collect()
}

fn stages(c: &mut Criterion) {
    let x = Extractor::new(Lexicon::builtin().expect("lexicon"));
    let lex = x.lexicon();
    let articles = corpus();
    let docs: Vec<Doc> = articles
        .iter()
        .map(|a| x.analyze(a).expect("sample analyzes"))
        .collect();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| normalize::Normalized::new(&d.text).folded.len())
                .sum::<usize>()
        });
    });
    g.bench_function("lang", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| lang::detect(d, &lex.lang).len())
                .sum::<usize>()
        });
    });
    g.bench_function("segment", |b| {
        b.iter_batched(
            || docs.clone(),
            |mut ds| {
                for d in &mut ds {
                    segment::segment(d, &lex.segment);
                }
            },
            BatchSize::SmallInput,
        );
    });
    g.bench_function("boilerplate", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| boilerplate::mark(d, &lex.boilerplate).len())
                .sum::<usize>()
        });
    });
    g.bench_function("time", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| time::tag(d, &lex.time).len())
                .sum::<usize>()
        });
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| mention::tag_entities(d, &lex.actors).len())
                .sum::<usize>()
        });
    });
    g.bench_function("places", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| mention::resolve_places(d, &lex.gazetteer).len())
                .sum::<usize>()
        });
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| quote::tag(d, &lex.quotes, &lex.events).len())
                .sum::<usize>()
        });
    });
    g.bench_function("counts", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| count::tag(d, &lex.counts).len())
                .sum::<usize>()
        });
    });
    g.bench_function("events", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| event::code(d, &lex.events).len())
                .sum::<usize>()
        });
    });
    g.bench_function("output", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    serde_json::to_string(&vigie_core::Extraction::from_doc(d))
                        .map_or(0, |s| s.len())
                })
                .sum::<usize>()
        });
    });
    // the phrase walk every stage makes, on a list as large as the actor lexicon's: every
    // other word and word pair of the sample texts (half the text's words open a key)
    let words: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.text.split_whitespace())
        .collect();
    let keys: Vec<(String, u32)> = words
        .windows(2)
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .flat_map(|(i, w)| [(w[0].to_string(), i as u32), (w.join(" "), i as u32)])
        .collect();
    let matcher = vigie_core::lexicon::PhraseMatcher::new(keys);
    g.bench_function("matcher", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| matcher.find_all(&d.norm).len())
                .sum::<usize>()
        });
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| x.extract(a).map_or(0, |e| e.events.len()))
                .sum::<usize>()
        });
    });
    g.finish();
    c.bench_function("lexicon/compile", |b| b.iter(|| Lexicon::builtin().is_ok()));
}

criterion_group!(benches, stages);
criterion_main!(benches);
