//! `vigie eval time`: score vigie's temporal tagger (or a peer's predictions, `--pred`) on
//! TimeML directories and Recognizers-Text specs with the TempEval-3 metrics.

#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use vigie_core::doc::{Doc, Granularity, TimeExpr};
use vigie_core::lexicon::Sources;
use vigie_core::{lang, time};
use vigie_eval::time::{misses, read_recognizers, read_tml, score, GoldDoc, Miss, Timex};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold-standard files or directories: `.tml` (TimeML) and `.json` (Recognizers-Text).
    pub paths: Vec<PathBuf>,
    /// Language of TimeML documents (`fr`, `en`); detected when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Score these predictions (JSON Lines: `{"id", "times": [{"start", "end", "type",
    /// "value"}]}`, char offsets) instead of running vigie.
    #[arg(long)]
    pub pred: Option<PathBuf>,
    /// Write the gold documents' text, date and language as JSON Lines (for a peer) and stop.
    #[arg(long)]
    pub dump: Option<PathBuf>,
    /// Also score Recognizers-Text cases without a reference date (absolute ones only count).
    #[arg(long)]
    pub all_cases: bool,
    /// Write vigie's predictions in the `--pred` format to this file.
    #[arg(long)]
    pub write_pred: Option<PathBuf>,
    /// Print every disagreement (missed, spurious, wrong span/value/type) before the scores.
    #[arg(long)]
    pub errors: bool,
}

/// The text of char offsets `[start, end)`, on one line.
fn chars_text(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// One line per disagreement: `MISS`, `SPUR` or `WRONG`, the document, type, text and values.
fn print_errors(docs: &[GoldDoc], preds: &HashMap<String, Vec<Timex>>) {
    let empty = Vec::new();
    for d in docs {
        let name = d.id.rsplit('/').next().unwrap_or(&d.id);
        let dct = d.dct.as_deref().unwrap_or("-");
        let show = |t: &Timex| {
            format!(
                "{} «{}» {}",
                t.ttype,
                chars_text(&d.text, t.start, t.end),
                t.values.join("|")
            )
        };
        for m in misses(d, preds.get(&d.id).unwrap_or(&empty)) {
            match m {
                Miss::Missed(g) => println!("MISS  {name} {dct} {}", show(&g)),
                Miss::Spurious(p) => println!("SPUR  {name} {dct} {}", show(&p)),
                Miss::Wrong { gold, pred } => {
                    println!("WRONG {name} {dct} {}  <-  {}", show(&gold), show(&pred));
                }
            }
        }
    }
}

/// `French` / `English` in a Recognizers path.
fn lang_of_path(p: &Path) -> Option<&'static str> {
    let s = p.to_string_lossy();
    if s.contains("French") {
        Some("fr")
    } else if s.contains("English") {
        Some("en")
    } else {
        None
    }
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
    } else if matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("tml" | "json")
    ) {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn load(args: &Args) -> Result<Vec<GoldDoc>> {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files)?;
    }
    let mut docs = Vec::new();
    for f in files {
        let text =
            std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let id = f.display().to_string();
        if f.extension().and_then(|e| e.to_str()) == Some("tml") {
            docs.push(read_tml(&id, &text, args.lang.as_deref()).map_err(anyhow::Error::msg)?);
        } else {
            // the folder names the language (`French/`, `English/`); `--lang` otherwise
            let lang = lang_of_path(&f).or(args.lang.as_deref()).unwrap_or("en");
            docs.extend(
                read_recognizers(&id, &text, lang, !args.all_cases).map_err(anyhow::Error::msg)?,
            );
        }
    }
    Ok(docs)
}

/// TimeML type of a vigie expression.
fn timeml_type(t: &TimeExpr) -> &'static str {
    if t.is_duration {
        "DURATION"
    } else if t.granularity == Granularity::Set {
        "SET"
    } else if t.granularity == Granularity::Time || t.part_of_day.is_some() {
        "TIME"
    } else {
        "DATE"
    }
}

/// TimeML writes a part of day into the value: `2026-01-08TEV`.
fn timeml_value(t: &TimeExpr) -> String {
    let code = match t.part_of_day {
        Some("morning") => "MO",
        Some("afternoon") => "AF",
        Some("evening") => "EV",
        Some("night") => "NI",
        _ => return t.value.clone(),
    };
    if t.value.len() == 10 {
        format!("{}T{code}", t.value)
    } else {
        t.value.clone()
    }
}

/// Run vigie over the gold texts; returns predictions and the seconds spent.
fn run_vigie(
    sources: &Sources,
    docs: &[GoldDoc],
    fixed: Option<&str>,
) -> Result<(HashMap<String, Vec<Timex>>, f64)> {
    let lex =
        time::TimeLexicon::load(sources).map_err(|e| anyhow::anyhow!("time lexicon: {e:?}"))?;
    let lang_lex =
        lang::LangLexicon::load(sources).map_err(|e| anyhow::anyhow!("lang lexicon: {e:?}"))?;
    let mut preds = HashMap::new();
    let mut spent = std::time::Duration::ZERO;
    for g in docs {
        // timed: what a caller pays (folding and tagging), not the offset conversion below
        let start = Instant::now();
        let mut doc = Doc::new(g.id.clone(), g.text.clone());
        doc.date = g
            .dct
            .as_deref()
            .and_then(vigie_core::pipeline::parse_input_date);
        doc.lang = match g.lang.as_deref().or(fixed) {
            Some(l) => l.to_string(),
            None => lang::detect(&doc, &lang_lex).to_string(),
        };
        let times = time::tag(&doc, &lex);
        spent += start.elapsed();
        // byte offsets to char offsets
        let mut out = Vec::with_capacity(times.len());
        for t in &times {
            let s = doc.text[..t.span.start].chars().count();
            let e = s + doc.text[t.span.start..t.span.end].chars().count();
            out.push(Timex {
                start: s,
                end: e,
                ttype: timeml_type(t).into(),
                values: vec![timeml_value(t)],
            });
        }
        preds.insert(g.id.clone(), out);
    }
    Ok((preds, spent.as_secs_f64()))
}

fn read_preds(path: &Path) -> Result<HashMap<String, Vec<Timex>>> {
    let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut out = HashMap::new();
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("{}:{}", path.display(), n + 1))?;
        let id = v
            .get("id")
            .and_then(|x| x.as_str())
            .unwrap_or_default()
            .to_string();
        let mut ts = Vec::new();
        for t in v
            .get("times")
            .and_then(|x| x.as_array())
            .into_iter()
            .flatten()
        {
            let (Some(s), Some(e)) = (
                t.get("start").and_then(serde_json::Value::as_u64),
                t.get("end").and_then(serde_json::Value::as_u64),
            ) else {
                continue;
            };
            ts.push(Timex {
                start: s as usize,
                end: e as usize,
                ttype: t
                    .get("type")
                    .and_then(|x| x.as_str())
                    .unwrap_or("DATE")
                    .to_string(),
                values: vec![t
                    .get("value")
                    .and_then(|x| x.as_str())
                    .unwrap_or_default()
                    .to_string()],
            });
        }
        out.insert(id, ts);
    }
    Ok(out)
}

pub fn run(sources: &Sources, args: &Args) -> Result<ExitCode> {
    if args.paths.is_empty() {
        anyhow::bail!("give TimeML directories or Recognizers-Text files");
    }
    let docs = load(args)?;
    if let Some(dump) = &args.dump {
        let mut w = std::io::BufWriter::new(std::fs::File::create(dump)?);
        for d in &docs {
            let line = serde_json::json!({"id": d.id, "text": d.text, "date": d.dct, "lang": d.lang.as_deref().or(args.lang.as_deref())});
            writeln!(w, "{line}")?;
        }
        w.flush()?;
        println!("wrote {} documents to {}", docs.len(), dump.display());
        return Ok(ExitCode::SUCCESS);
    }
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    let (preds, secs, who) = if let Some(p) = &args.pred {
        (read_preds(p)?, None, p.display().to_string())
    } else {
        let (p, s) = run_vigie(sources, &docs, args.lang.as_deref())?;
        (p, Some(s), "vigie".to_string())
    };
    if let Some(path) = &args.write_pred {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for d in &docs {
            let times: Vec<_> = preds.get(&d.id).into_iter().flatten()
                .map(|t| serde_json::json!({"start": t.start, "end": t.end, "type": t.ttype, "value": t.values.first()}))
                .collect();
            writeln!(w, "{}", serde_json::json!({"id": d.id, "times": times}))?;
        }
        w.flush()?;
    }
    if args.errors {
        print_errors(&docs, &preds);
    }
    let s = score(&docs, &preds);
    print!("{s}");
    let date = s.by_type.get("DATE").copied().unwrap_or_default();
    let speed = secs.map_or_else(String::new, |t| {
        format!(
            " docs/s={:.0} kchars/s={:.0}",
            docs.len() as f64 / t.max(1e-9),
            chars as f64 / 1000.0 / t.max(1e-9)
        )
    });
    println!(
        "summary: {who} docs={} gold={} pred={} strict_f1={:.3} relaxed_f1={:.3} value_f1={:.3} date_relaxed_f1={:.3} date_value_f1={:.3}{speed}",
        s.docs,
        s.all.gold,
        s.all.pred,
        s.all.strict_prf().2,
        s.all.relaxed_prf().2,
        s.all.value_prf().2,
        date.relaxed_prf().2,
        date.value_prf().2,
    );
    Ok(ExitCode::SUCCESS)
}
