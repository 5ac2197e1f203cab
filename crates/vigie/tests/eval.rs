//! The evaluation harness: run `vigie extract` on the gold sets in `../shared/corpus`, score
//! with `../shared/eval/score.py`, print each summary line, and fail when a figure falls below
//! its floor in `eval-floors.toml`. Skips, saying so, when `../shared` or python3 is absent.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("VIGIE_SHARED")
        .map_or_else(|| workspace().join("../shared"), PathBuf::from);
    p.join("eval/score.py").is_file().then_some(p)
}

/// One evaluation set: how to run extract and which gold files score it.
struct Set {
    name: &'static str,
    args: Vec<String>,
    golds: Vec<PathBuf>,
}

fn golds(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| {
        let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        n.ends_with(".gold.json") && n.starts_with(prefix)
    });
    v.sort();
    v
}

fn sets(sh: &Path) -> Vec<Set> {
    let c = sh.join("corpus");
    let s = |p: PathBuf| p.to_string_lossy().into_owned();
    vec![
        Set {
            name: "seed",
            args: [
                "--lang",
                "fr",
                "--date",
                "2026-01-08",
                "--id",
                "000_6f759fa4f6491b0f",
            ]
            .iter()
            .map(ToString::to_string)
            .chain([s(c.join("seed/000_6f759fa4f6491b0f.txt"))])
            .collect(),
            golds: golds(&c.join("seed"), ""),
        },
        Set {
            name: "news-dev-fr",
            args: vec![s(c.join("news-dev/news_dev_fr.jsonl"))],
            golds: golds(&c.join("news-dev"), "fr-"),
        },
        Set {
            name: "news-dev-en",
            args: vec![s(c.join("news-dev/news_dev_en.jsonl"))],
            golds: golds(&c.join("news-dev"), "en-"),
        },
        Set {
            name: "plover-gsr-dev",
            args: vec![s(c.join("plover-gsr-dev/docs.jsonl"))],
            golds: golds(&c.join("plover-gsr-dev"), ""),
        },
    ]
}

/// Figures of score.py's summary line: `events f1=0.8 p=… r=… dates=3/4 … must_not=0`.
fn parse_summary(line: &str) -> BTreeMap<String, f64> {
    let mut figures = BTreeMap::new();
    let mut in_events = false;
    for tok in line.split_whitespace() {
        if tok == "events" {
            in_events = true;
            continue;
        }
        let Some((k, v)) = tok.split_once('=') else {
            continue;
        };
        let key = if in_events && matches!(k, "f1" | "p" | "r") {
            format!("events_{k}")
        } else {
            k.to_string()
        };
        if let Some((a, b)) = v.split_once('/') {
            let (a, b): (f64, f64) = (a.parse().unwrap_or(0.0), b.parse().unwrap_or(0.0));
            figures.insert(key, if b > 0.0 { a / b } else { 1.0 });
        } else if let Ok(x) = v.parse() {
            figures.insert(key, x);
        }
    }
    figures
}

#[test]
fn scores_stay_above_their_floors() {
    let Some(sh) = shared() else {
        eprintln!("eval skipped: ../shared (with eval/score.py) not found beside the repository; set VIGIE_SHARED to point at it");
        return;
    };
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("eval skipped: python3 not found");
        return;
    }
    let floors_text = std::fs::read_to_string(workspace().join("eval-floors.toml"))
        .expect("eval-floors.toml at the repository root");
    let floors: toml::Table = floors_text.parse().expect("eval-floors.toml is TOML");
    let out_dir = workspace().join("target/eval");
    std::fs::create_dir_all(&out_dir).expect("target/eval");
    let mut report = String::new();
    let mut failures = Vec::new();
    for set in sets(&sh) {
        if set.golds.is_empty() {
            eprintln!("eval: {}: no gold files, skipped", set.name);
            continue;
        }
        let pred = out_dir.join(format!("{}.jsonl", set.name));
        let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .arg("extract")
            .args(["--format", "jsonl"])
            .args(&set.args)
            .output()
            .expect("vigie extract runs");
        assert!(
            out.status.success(),
            "{}: extract failed:\n{}",
            set.name,
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::write(&pred, &out.stdout).expect("write predictions");
        let score = Command::new("python3")
            .arg(sh.join("eval/score.py"))
            .arg("--gold")
            .args(&set.golds)
            .arg("--pred")
            .arg(&pred)
            .output()
            .expect("score.py runs");
        let text = String::from_utf8_lossy(&score.stdout);
        let summary = text.lines().last().unwrap_or("").to_string();
        std::fs::write(
            out_dir.join(format!("{}.score.txt", set.name)),
            text.as_bytes(),
        )
        .expect("write score");
        let _ = writeln!(report, "{:<15} {summary}", set.name);
        let got = parse_summary(&summary);
        if let Some(toml::Value::Table(f)) = floors.get(set.name) {
            for (k, v) in f {
                let floor = v
                    .as_float()
                    .or_else(|| v.as_integer().map(|i| i as f64))
                    .unwrap_or(0.0);
                let value = got.get(k.as_str()).copied().unwrap_or(f64::NAN);
                // must_not is a ceiling: violations may not exceed it
                let ok = if k == "must_not" {
                    value <= floor
                } else {
                    value >= floor - 1e-9
                };
                if !ok {
                    failures.push(format!("{}: {k} = {value:.3}, floor {floor}", set.name));
                }
            }
        }
    }
    std::fs::write(out_dir.join("report.txt"), &report).expect("write report");
    eprint!("{report}");
    assert!(
        failures.is_empty(),
        "scores below their floors (eval-floors.toml):\n  {}\n{report}",
        failures.join("\n  ")
    );
}

/// The temporal tagger on the TimeML and Recognizers-Text gold sets (`vigie eval time`):
/// each `[time-…]` table of `eval-floors.toml` floors figures of the summary line
/// (`value_f1`, `date_value_f1`, `relaxed_f1`…).
#[test]
fn time_scores_stay_above_their_floors() {
    let Some(sh) = shared() else {
        eprintln!("time eval skipped: ../shared not found beside the repository");
        return;
    };
    let floors_text = std::fs::read_to_string(workspace().join("eval-floors.toml"))
        .expect("eval-floors.toml at the repository root");
    let floors: toml::Table = floors_text.parse().expect("eval-floors.toml is TOML");
    let c = sh.join("corpus/time");
    let sets: [(&str, Vec<String>); 3] = [
        (
            "time-tempeval3-dev",
            vec![c.join("tempeval3-dev").to_string_lossy().into_owned()],
        ),
        (
            "time-fr-timebank-dev",
            vec![
                "--lang".into(),
                "fr".into(),
                c.join("fr-timebank-dev").to_string_lossy().into_owned(),
            ],
        ),
        (
            "time-recognizers-text",
            vec![c.join("recognizers-text").to_string_lossy().into_owned()],
        ),
    ];
    let mut failures = Vec::new();
    let mut report = String::new();
    for (name, args) in sets {
        let Some(toml::Value::Table(f)) = floors.get(name) else {
            continue;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(["eval", "time"])
            .args(&args)
            .output()
            .expect("vigie eval time runs");
        assert!(
            out.status.success(),
            "{name}: eval time failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let summary = text.lines().last().unwrap_or("").to_string();
        let _ = writeln!(report, "{name:<22} {summary}");
        let got = parse_summary(&summary);
        for (k, v) in f {
            let floor = v.as_float().unwrap_or(0.0);
            let value = got.get(k.as_str()).copied().unwrap_or(f64::NAN);
            // NaN (a figure missing from the summary) fails too
            let ok = value >= floor - 1e-9;
            if !ok {
                failures.push(format!("{name}: {k} = {value:.3}, floor {floor}"));
            }
        }
    }
    eprint!("{report}");
    assert!(
        failures.is_empty(),
        "time scores below their floors (eval-floors.toml):\n  {}\n{report}",
        failures.join("\n  ")
    );
}

#[test]
fn summary_lines_parse() {
    let m = parse_summary(
        "docs=1 events f1=0.500 p=0.400 r=0.667 dates=3/4 cameo=2/2 times=0/0 must_not=1",
    );
    assert_eq!(m["events_f1"], 0.5);
    assert_eq!(m["dates"], 0.75);
    assert_eq!(m["times"], 1.0);
    assert_eq!(m["must_not"], 1.0);
}
