//! The ScrapingHub (Zyte) article-extraction benchmark: HTML pages, a gold `articleBody` per
//! page, and the predictions of peer tools. The score is the benchmark's own definition:
//! texts are cut into `\w+` tokens, tokens into 4-token shingles; per page the multiset
//! true/false positives and false negatives over shingles are normalized by their sum so
//! every page weighs the same; precision and recall are averaged over pages (a page counts
//! for precision when it has tp+fp > 0, for recall when tp+fn > 0, and scores 1 when it has
//! no fp and no fn); F1 is the harmonic mean of the averaged precision and recall. The ±
//! figures are the standard deviation over bootstrap resamples of pages, as the published
//! tables give them.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// Shingle length.
const NGRAM: usize = 4;

/// One page's normalized (tp, fp, fn).
pub type Triple = (f64, f64, f64);

/// Whether Python's Unicode `\w` matches a character: letters and numbers (general
/// categories L and N) and the underscore — not combining marks, which Rust's alphabetic
/// property includes and the benchmark's regex does not, nor the circled and squared letters
/// (symbols, category So, that Unicode also calls alphabetic).
fn is_word(c: char) -> bool {
    let letter_symbol = matches!(c, '\u{24b6}'..='\u{24e9}' | '\u{1f130}'..='\u{1f189}');
    c == '_'
        || (c.is_alphanumeric()
            && !letter_symbol
            && !unicode_normalization::char::is_combining_mark(c))
}

/// Tokens as Python's Unicode `\w+` finds them: runs of letters, digits and underscores.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = is_word(c);
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Shingles and their counts; a text of fewer than 4 tokens is one shorter shingle.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut m = HashMap::new();
    let n = toks.len().saturating_sub(NGRAM - 1).max(1);
    for i in 0..n {
        let end = (i + NGRAM).min(toks.len());
        if i < end {
            *m.entry(toks[i..end].to_vec()).or_insert(0) += 1;
        }
    }
    m
}

/// The normalized (tp, fp, fn) of a prediction against the truth.
pub fn match_shingles(truth: &str, pred: &str) -> Triple {
    let t = shingles(truth);
    let p = shingles(pred);
    let (mut tp, mut fp, mut fnn) = (0usize, 0usize, 0usize);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc);
        fnn += tc.saturating_sub(pc);
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc);
    }
    let sum = (tp + fp + fnn) as f64;
    if sum > 0.0 {
        (tp as f64 / sum, fp as f64 / sum, fnn as f64 / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// Averaged precision and recall, and their F1.
pub fn prf(triples: &[Triple]) -> Prf {
    let p: Vec<f64> = triples
        .iter()
        .filter(|t| t.0 + t.1 > 0.0)
        .map(|&(tp, fp, fnn)| {
            if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            }
        })
        .collect();
    let r: Vec<f64> = triples
        .iter()
        .filter(|t| t.0 + t.2 > 0.0)
        .map(|&(tp, fp, fnn)| {
            if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fnn)
            }
        })
        .collect();
    let (precision, recall) = (mean(&p), mean(&r));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// The figures of one system: scores, their bootstrap ± and exact-match accuracy.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub prf: Prf,
    pub ci: Prf,
    pub accuracy: f64,
    pub pages: usize,
}

/// A small deterministic generator for the bootstrap (SplitMix64), so runs repeat exactly.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn stdev(v: &[f64]) -> f64 {
    if v.len() < 2 {
        return 0.0;
    }
    let m = mean(v);
    (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (v.len() - 1) as f64).sqrt()
}

/// Score predictions against the truth, page by page (same keys on both sides; a missing
/// prediction is an empty one).
pub fn score(
    truth: &BTreeMap<String, String>,
    pred: &BTreeMap<String, String>,
    bootstrap: usize,
) -> Score {
    let mut triples = Vec::with_capacity(truth.len());
    let mut exact = 0usize;
    for (k, t) in truth {
        let p = pred.get(k).map_or("", String::as_str);
        triples.push(match_shingles(t, p));
        if tokens(t) == tokens(p) {
            exact += 1;
        }
    }
    let point = prf(&triples);
    let mut rng = SplitMix(0x5eed);
    let (mut ps, mut rs, mut fs) = (Vec::new(), Vec::new(), Vec::new());
    if !triples.is_empty() {
        for _ in 0..bootstrap {
            let sample: Vec<Triple> = (0..triples.len())
                .map(|_| triples[rng.below(triples.len())])
                .collect();
            let s = prf(&sample);
            ps.push(s.precision);
            rs.push(s.recall);
            fs.push(s.f1);
        }
    }
    Score {
        prf: point,
        ci: Prf {
            precision: stdev(&ps),
            recall: stdev(&rs),
            f1: stdev(&fs),
        },
        accuracy: if truth.is_empty() {
            0.0
        } else {
            exact as f64 / truth.len() as f64
        },
        pages: truth.len(),
    }
}

/// The benchmark's files.
#[derive(Debug, Clone)]
pub struct Benchmark {
    pub dir: PathBuf,
    /// Page id → gold article body.
    pub truth: BTreeMap<String, String>,
    /// Page id → URL.
    pub urls: BTreeMap<String, String>,
    /// Peer name → (version, page id → predicted body).
    pub peers: BTreeMap<String, (String, BTreeMap<String, String>)>,
}

/// Read `{id: {"articleBody": …}}`, possibly wrapped as `{"version": …, "output": {…}}`.
pub fn read_predictions(v: &Value) -> Result<(String, BTreeMap<String, String>), String> {
    let (version, map) = match (v.get("output"), v.get("version")) {
        (Some(Value::Object(o)), ver) => (ver.and_then(Value::as_str).unwrap_or("").to_string(), o),
        _ => (
            String::new(),
            v.as_object().ok_or("predictions must be a JSON object")?,
        ),
    };
    let mut out = BTreeMap::new();
    for (k, item) in map {
        let body = item
            .get("articleBody")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        out.insert(k.clone(), body);
    }
    Ok((version, out))
}

fn read_json(path: &Path) -> Result<Value, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

impl Benchmark {
    pub fn load(dir: &Path) -> Result<Self, String> {
        let gt = read_json(&dir.join("ground-truth.json"))?;
        let gt = gt
            .as_object()
            .ok_or("ground-truth.json must be a JSON object")?;
        let mut truth = BTreeMap::new();
        let mut urls = BTreeMap::new();
        for (k, item) in gt {
            truth.insert(
                k.clone(),
                item.get("articleBody")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
            );
            if let Some(u) = item.get("url").and_then(Value::as_str) {
                urls.insert(k.clone(), u.to_string());
            }
        }
        let mut peers = BTreeMap::new();
        if let Ok(rd) = std::fs::read_dir(dir.join("output")) {
            let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            files.sort();
            for f in files {
                if f.extension().and_then(|e| e.to_str()) != Some("json") {
                    continue;
                }
                let name = f
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("?")
                    .to_string();
                let v = read_json(&f)?;
                let preds = read_predictions(&v).map_err(|e| format!("{}: {e}", f.display()))?;
                peers.insert(name, preds);
            }
        }
        Ok(Self {
            dir: dir.to_path_buf(),
            truth,
            urls,
            peers,
        })
    }

    /// The raw bytes of a page (`html/<id>.html.gz`, or an uncompressed `.html`).
    pub fn page(&self, id: &str) -> Result<Vec<u8>, String> {
        let gz = self.dir.join("html").join(format!("{id}.html.gz"));
        if gz.exists() {
            let f = std::fs::File::open(&gz).map_err(|e| format!("{}: {e}", gz.display()))?;
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(f)
                .read_to_end(&mut out)
                .map_err(|e| format!("{}: {e}", gz.display()))?;
            return Ok(out);
        }
        let plain = self.dir.join("html").join(format!("{id}.html"));
        std::fs::read(&plain).map_err(|e| format!("{}: {e}", plain.display()))
    }
}

/// A published result row: tool, version, F1, precision, recall, accuracy.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub tool: String,
    pub version: String,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub accuracy: f64,
}

/// The rows of the "latest evaluation" table of the benchmark's README (an indented block of
/// `name version F1 ± ci precision ± ci recall ± ci accuracy ± ci` lines), and the older
/// tables after it for tools the latest one lacks.
pub fn published(readme: &str) -> Vec<Published> {
    let mut out: Vec<Published> = Vec::new();
    for line in readme.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        // name version f1 ± x p ± x r ± x acc ± x
        if f.len() != 14 || f[3] != "±" || f[6] != "±" || f[9] != "±" || f[12] != "±" {
            continue;
        }
        let num = |s: &str| s.parse::<f64>().ok();
        let (Some(f1), Some(p), Some(r), Some(a)) = (num(f[2]), num(f[5]), num(f[8]), num(f[11]))
        else {
            continue;
        };
        if out.iter().any(|x| x.tool == f[0]) {
            continue; // the first (latest) table wins
        }
        out.push(Published {
            tool: f[0].to_string(),
            version: f[1].to_string(),
            f1,
            precision: p,
            recall: r,
            accuracy: a,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_unicode_word_runs() {
        assert_eq!(
            tokens("L'armée a frappé, hier_soir: 3 cibles!"),
            ["L", "armée", "a", "frappé", "hier_soir", "3", "cibles"]
        );
    }

    #[test]
    fn marks_and_letter_symbols_split_tokens_as_in_python() {
        // a combining acute accent and a circled letter are not `\w` in Python
        assert_eq!(tokens("cafe\u{301} \u{24d2}2024"), ["cafe", "2024"]);
    }

    #[test]
    fn identical_texts_score_one() {
        let t = "The council met on Monday and voted the budget after a long debate.";
        assert_eq!(match_shingles(t, t), (1.0, 0.0, 0.0));
        let s = prf(&[match_shingles(t, t)]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn extra_text_costs_precision_not_recall() {
        let t = "one two three four five";
        let p = "one two three four five six";
        // truth shingles: [1234], [2345]; prediction adds [3456]
        let (tp, fp, fnn) = match_shingles(t, p);
        assert!((tp - 2.0 / 3.0).abs() < 1e-12 && (fp - 1.0 / 3.0).abs() < 1e-12);
        assert!(fnn.abs() < 1e-12);
        let s = prf(&[(tp, fp, fnn)]);
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 1.0).abs() < 1e-12);
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_pages_are_left_out() {
        assert_eq!(match_shingles("two words", "two words"), (1.0, 0.0, 0.0));
        // an empty prediction counts for recall (0) and not for precision
        let s = prf(&[match_shingles("a b c d e", ""), (1.0, 0.0, 0.0)]);
        assert_eq!((s.precision, s.recall), (1.0, 0.5));
        assert_eq!(match_shingles("", ""), (0.0, 0.0, 0.0));
    }

    #[test]
    fn predictions_may_be_wrapped_with_a_version() {
        let v: Value = serde_json::from_str(
            r#"{"version":"1.2","output":{"a":{"articleBody":"x y"},"b":{}}}"#,
        )
        .unwrap();
        let (ver, m) = read_predictions(&v).unwrap();
        assert_eq!(ver, "1.2");
        assert_eq!(m["a"], "x y");
        assert_eq!(m["b"], "");
    }

    #[test]
    fn published_rows_are_read_from_the_table() {
        let readme = "Results::\n\n    tool_a       1.0.0        0.958 ± 0.006  0.938 ± 0.009  0.978 ± 0.006  0.293 ± 0.034\n    tool_b  x  0.5 ± 0.1  0.4 ± 0.1  0.6 ± 0.1  0.0 ± 0.0\n\nOlder::\n    tool_a  0.1  0.1 ± 0.1  0.1 ± 0.1  0.1 ± 0.1  0.1 ± 0.1\n";
        let p = published(readme);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].tool, "tool_a");
        assert_eq!(
            (p[0].f1, p[0].precision, p[0].recall),
            (0.958, 0.938, 0.978)
        );
    }

    #[test]
    fn bootstrap_is_repeatable() {
        let truth: BTreeMap<String, String> = (0..20)
            .map(|i| (i.to_string(), format!("word{i} alpha beta gamma delta")))
            .collect();
        let pred: BTreeMap<String, String> = (0..20)
            .map(|i| {
                (
                    i.to_string(),
                    if i % 3 == 0 {
                        String::new()
                    } else {
                        format!("word{i} alpha beta gamma")
                    },
                )
            })
            .collect();
        let a = score(&truth, &pred, 200);
        let b = score(&truth, &pred, 200);
        assert_eq!(a, b);
        assert!(a.ci.f1 > 0.0);
    }
}
