//! `vigie eval geo`: place recognition and resolution on GeoWebNews (brat files with GeoNames
//! ids): toponym span F1, GeoNames-id accuracy, accuracy within 161 km. The last line printed
//! is the summary.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;
use vigie_core::doc::Article;
use vigie_core::lexicon::Sources;
use vigie_eval::geo::{self, GeoScores, Predicted};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold-standard files or directories.
    pub paths: Vec<PathBuf>,
    /// List every error, one line each, before the scores: `miss` (a gold toponym not found
    /// with its exact span, with what was found over it), `extra` (a prediction matching no
    /// gold span), `id` (found, wrong GeoNames id).
    #[arg(long)]
    pub errors: bool,
}

/// One line of text for an error listing: the span's text with its line breaks as spaces.
fn snippet(text: &str, start: usize, end: usize) -> String {
    text.get(start..end)
        .unwrap_or("")
        .replace(['\n', '\r'], " ")
}

/// A record's name and kind for an error listing.
fn describe(gaz: &vigie_core::mention::place::Gazetteer, id: u32) -> String {
    gaz.get(id).map_or_else(
        || format!("{id} (not in gazetteer)"),
        |r| format!("{id} {} {:?} {}", r.name, r.feature, r.country),
    )
}

#[allow(clippy::print_stdout)]
fn print_errors(
    docs: &[geo::GeoDoc],
    preds: &[Vec<Predicted>],
    gaz: &vigie_core::mention::place::Gazetteer,
) {
    for (d, pred) in docs.iter().zip(preds) {
        let pred: Vec<&Predicted> = pred.iter().filter(|p| p.start >= d.body_start).collect();
        for t in d.toponyms.iter().filter(|t| t.wanted) {
            let text = snippet(&d.text, t.start, t.end);
            match pred.iter().find(|p| p.start == t.start && p.end == t.end) {
                None => {
                    let over: Vec<String> = pred
                        .iter()
                        .filter(|p| p.start < t.end && t.start < p.end)
                        .map(|p| format!("«{}»", snippet(&d.text, p.start, p.end)))
                        .collect();
                    let context = snippet(
                        &d.text,
                        d.text.floor_char_boundary(t.start.saturating_sub(30)),
                        d.text.ceil_char_boundary((t.end + 30).min(d.text.len())),
                    );
                    println!(
                        "miss\t{}\t{}\t{text}\t{}\t[{}]\t…{context}…",
                        d.id,
                        t.kind,
                        t.geonameid.map_or_else(|| "-".into(), |g| describe(gaz, g)),
                        over.join(" ")
                    );
                }
                Some(p) => {
                    if let Some(g) = t.geonameid.filter(|&g| g != p.geonameid) {
                        println!(
                            "id\t{}\t{}\t{text}\tgold {}\tgot {}",
                            d.id,
                            t.kind,
                            describe(gaz, g),
                            describe(gaz, p.geonameid)
                        );
                    }
                }
            }
        }
        for p in &pred {
            let exact = |t: &&geo::GoldToponym| t.start == p.start && t.end == p.end;
            if d.toponyms
                .iter()
                .filter(|t| t.wanted || t.neutral)
                .any(|t| exact(&t))
            {
                continue;
            }
            let gold_kind = d
                .toponyms
                .iter()
                .find(|t| exact(t))
                .map_or("-", |t| t.kind.as_str());
            println!(
                "extra\t{}\t{gold_kind}\t{}\tgot {}",
                d.id,
                snippet(&d.text, p.start, p.end),
                describe(gaz, p.geonameid)
            );
        }
    }
}

#[allow(clippy::print_stdout)]
pub fn run(sources: &Sources, args: &Args) -> Result<ExitCode> {
    let ex = super::extractor(sources)?;
    let mut docs = Vec::new();
    for p in &args.paths {
        let dir = if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(PathBuf::from).unwrap_or_default()
        };
        docs.extend(geo::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?);
    }
    if docs.is_empty() {
        anyhow::bail!("no GeoWebNews documents (N.txt + N.ann) under the given paths");
    }
    let gaz = &ex.lexicon().gazetteer;
    let coords = |id: u32| gaz.get(id).map(|r| (r.lat, r.lon));
    let started = Instant::now();
    let preds: Vec<Result<Vec<Predicted>>> = docs
        .par_iter()
        .map(|d| {
            let a = Article {
                id: d.id.clone(),
                text: Some(d.text.clone()),
                lang: Some("en".into()),
                ..Article::default()
            };
            let doc = ex
                .analyze(&a)
                .with_context(|| format!("document {}", d.id))?;
            Ok(doc
                .places
                .iter()
                .map(|p| Predicted {
                    start: p.span.start,
                    end: p.span.end,
                    geonameid: p.geonameid,
                    lat: p.lat,
                    lon: p.lon,
                })
                .collect())
        })
        .collect();
    let elapsed = started.elapsed();
    let preds: Vec<Vec<Predicted>> = preds.into_iter().collect::<Result<_>>()?;
    if args.errors {
        print_errors(&docs, &preds, gaz);
    }
    let mut total = GeoScores::default();
    for (d, p) in docs.iter().zip(&preds) {
        geo::score_doc(d, p, &coords, &mut total);
    }
    println!(
        "spans: gold={} predicted={} tp={} (exact spans; types {:?}, noun modifiers {:?})",
        total.gold,
        total.predicted,
        total.tp,
        geo::FIND_TYPES,
        geo::NOUN_MODIFIER_TYPES
    );
    println!(
        "ids: gold toponyms with an id={} found={} right id={} within 161 km={} gold id not in gazetteer={}",
        total.gold_ids, total.found_ids, total.right_ids, total.within_161, total.gold_id_unknown
    );
    println!(
        "time: {:.2} s for {} documents",
        elapsed.as_secs_f64(),
        total.docs
    );
    println!(
        "geo docs={} span_f1={:.3} p={:.3} r={:.3} id_acc={:.3} acc161={:.3} id_acc_end_to_end={:.3}",
        total.docs,
        total.f1(),
        total.precision(),
        total.recall(),
        total.id_accuracy(),
        total.acc_161(),
        total.id_accuracy_end_to_end()
    );
    Ok(ExitCode::SUCCESS)
}
