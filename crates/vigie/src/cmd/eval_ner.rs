//! `vigie eval ner`: entity-level exact-span precision, recall and F1 per type on CoNLL files
//! (WikiNEuRal validation splits). Each sentence is one document run through the whole
//! pipeline. `--pred` scores another system's predictions (a CoNLL file with the same tokens)
//! through the same code, so that peers are measured alike.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use vigie_core::doc::Article;
use vigie_core::lexicon::Sources;
use vigie_eval::ner::{read_conll, tags_from_doc, Scores, Sentence};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold-standard CoNLL files (`index token tag` or `token tag`, blank line between sentences).
    pub paths: Vec<PathBuf>,
    /// Language of the files (default: `fr` when the path has a `fr` directory, else `en`).
    #[arg(long)]
    pub lang: Option<String>,
    /// Score these predictions (CoNLL, same tokens, predicted tag last) instead of running vigie.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Only the first N sentences of each file.
    #[arg(long)]
    pub limit: Option<usize>,
}

fn lang_of(path: &std::path::Path, given: Option<&str>) -> String {
    if let Some(l) = given {
        return l.to_string();
    }
    let fr = path.components().any(|c| c.as_os_str() == "fr");
    if fr { "fr" } else { "en" }.to_string()
}

fn print(label: &str, scores: &Scores, sentences: usize, tokens: usize, secs: f64) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    for (ty, c) in &scores.by_type {
        writeln!(
            out,
            "{label} {ty:<4} P={:.3} R={:.3} F1={:.3} tp={} fp={} fn={}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        )?;
    }
    let f = |t: &str| {
        scores
            .by_type
            .get(t)
            .map_or(0.0, vigie_eval::ner::Counts::f1)
    };
    #[allow(clippy::cast_precision_loss)]
    let tps = if secs > 0.0 {
        tokens as f64 / secs
    } else {
        0.0
    };
    writeln!(
        out,
        "{label} sentences={sentences} tokens={tokens} P={:.3} R={:.3} F1={:.3} PER={:.3} ORG={:.3} LOC={:.3} MISC={:.3} tokens/s={tps:.0}",
        scores.all.precision(),
        scores.all.recall(),
        scores.all.f1(),
        f("PER"),
        f("ORG"),
        f("LOC"),
        f("MISC"),
    )?;
    Ok(())
}

fn read(path: &std::path::Path, limit: Option<usize>) -> Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut s = read_conll(&text).with_context(|| path.display().to_string())?;
    if let Some(n) = limit {
        s.truncate(n);
    }
    Ok(s)
}

pub fn run(sources: &Sources, args: &Args) -> Result<ExitCode> {
    if args.paths.is_empty() {
        anyhow::bail!("give one or more CoNLL files");
    }
    let x = if args.pred.is_none() {
        Some(crate::cmd::extractor(sources)?)
    } else {
        None
    };
    for path in &args.paths {
        let gold = read(path, args.limit)?;
        let tokens: usize = gold.iter().map(|s| s.tokens.len()).sum();
        let mut scores = Scores::default();
        let label = format!("ner {}", path.display());
        if let Some(pred) = &args.pred {
            let p = read(pred, args.limit)?;
            if p.len() != gold.len() {
                anyhow::bail!(
                    "{} has {} sentences, gold {}",
                    pred.display(),
                    p.len(),
                    gold.len()
                );
            }
            for (g, p) in gold.iter().zip(&p) {
                if g.tokens.len() != p.tokens.len() {
                    anyhow::bail!("token counts differ in {}", pred.display());
                }
                scores.add(&g.tags, &p.tags);
            }
            print(&label, &scores, gold.len(), tokens, 0.0)?;
            continue;
        }
        let Some(x) = &x else { continue };
        let lang = lang_of(path, args.lang.as_deref());
        let prepared: Vec<(Article, Vec<(usize, usize)>)> = gold
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (text, offs) = s.text();
                (
                    Article {
                        id: i.to_string(),
                        text: Some(text),
                        lang: Some(lang.clone()),
                        ..Article::default()
                    },
                    offs,
                )
            })
            .collect();
        let t0 = Instant::now();
        let mut preds = Vec::with_capacity(gold.len());
        for (a, offs) in &prepared {
            let doc = x.analyze(a)?;
            preds.push(tags_from_doc(&doc, offs));
        }
        let secs = t0.elapsed().as_secs_f64();
        for (g, p) in gold.iter().zip(&preds) {
            scores.add(&g.tags, p);
        }
        print(&label, &scores, gold.len(), tokens, secs)?;
    }
    Ok(ExitCode::SUCCESS)
}
