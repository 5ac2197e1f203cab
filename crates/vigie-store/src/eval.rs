//! Measuring the clustering: pairs of gold events from different documents, labelled `same`
//! (one real-world happening) or `different`, are looked up among the store's events and
//! scored: a `same` pair in one cluster is a true positive, in two a false negative; a
//! `different` pair in one cluster is a false positive. Gold events are anchored by the
//! evidence text of the gold files (`<doc id>.gold.json`, read at run time) and their PLOVER
//! types, so labels stay valid while the extractor changes.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use vigie_core::lexicon::tsv::Table;

use crate::error::{Result, StoreError};
use crate::{store_conn, Store};

/// One labelled pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub line: usize,
    pub doc_a: String,
    pub event_a: String,
    pub doc_b: String,
    pub event_b: String,
    pub same: bool,
}

/// Read the labels file: columns `doc_a event_a doc_b event_b label` (`same`|`different`).
pub fn read_labels(path: &Path) -> Result<Vec<Label>> {
    let bytes = std::fs::read(path)?;
    let name = path.display().to_string();
    let t = Table::parse(&name, &bytes).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let col = |c: &str| t.col(c).map_err(|e| StoreError::Invalid(e.to_string()));
    let (da, ea, db, eb, lab) = (
        col("doc_a")?,
        col("event_a")?,
        col("doc_b")?,
        col("event_b")?,
        col("label")?,
    );
    let mut out = Vec::new();
    for row in &t.rows {
        let get = |i: usize| row.fields.get(i).cloned().unwrap_or_default();
        let same = match get(lab).as_str() {
            "same" => true,
            "different" => false,
            other => {
                return Err(StoreError::Invalid(format!(
                    "{name}:{}: label is `same` or `different`, not {other:?}",
                    row.line
                )))
            }
        };
        out.push(Label {
            line: row.line,
            doc_a: get(da),
            event_a: get(ea),
            doc_b: get(db),
            event_b: get(eb),
            same,
        });
    }
    Ok(out)
}

#[derive(Debug, Deserialize)]
struct GoldFile {
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    id: String,
    plover: Vec<String>,
    #[serde(default)]
    evidence: String,
    #[serde(default)]
    cameo_root: Vec<String>,
    #[serde(default)]
    source: Vec<Option<String>>,
    #[serde(default)]
    target: Vec<Option<String>>,
    #[serde(default)]
    date: Option<String>,
}

/// The corpus with its gold events standing in for the extractor's: the clustering measured
/// alone, as if extraction were perfect (each gold event keeps its first accepted type and
/// actors; its trigger and its evidence sentence are its first evidence passage).
pub fn gold_records(corpus: &Path) -> Result<Vec<crate::DocRecord>> {
    let mut files: Vec<_> = std::fs::read_dir(corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        for line in std::fs::read_to_string(&f)?
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let mut doc: serde_json::Value = serde_json::from_str(line)?;
            let id = doc["id"].as_str().unwrap_or_default().to_string();
            let text = doc["text"].as_str().unwrap_or_default().to_string();
            let gold_path = corpus.join(format!("{id}.gold.json"));
            let Ok(bytes) = std::fs::read(&gold_path) else {
                continue;
            };
            let gold: GoldFile = serde_json::from_slice(&bytes)?;
            let mut sentences: Vec<[usize; 2]> = Vec::new();
            let events: Vec<serde_json::Value> = gold
                .events
                .iter()
                .filter_map(|g| {
                    let seg = g.evidence.split(" / ").next()?.trim();
                    let b = text.find(seg)?;
                    let s = text[..b].chars().count();
                    let arg = |c: Option<&Option<String>>| {
                        c.cloned().flatten().map(|c| serde_json::json!({"text": c, "span": [s, s], "code": c}))
                    };
                    let plover = g.plover.first()?;
                    let span = [s, s + seg.chars().count()];
                    sentences.push(span);
                    Some(serde_json::json!({
                        "id": g.id, "plover": plover, "cameo": g.cameo_root.first().cloned().unwrap_or_default(),
                        "status": "actual", "source": arg(g.source.first()), "target": arg(g.target.first()),
                        "date": g.date, "trigger": {"text": seg, "span": span},
                        "sentence": sentences.len() - 1
                    }))
                })
                .collect();
            doc["sentences"] = serde_json::json!(sentences);
            doc["events"] = serde_json::Value::Array(events);
            out.push(serde_json::from_value(doc)?);
        }
    }
    Ok(out)
}

/// The store's event for a gold event: same document, a PLOVER type the gold accepts, and a
/// trigger or sentence overlapping one of the gold evidence passages.
fn find_event(store: &Store, corpus: &Path, doc: &str, gold_id: &str) -> Result<Option<i64>> {
    let path = corpus.join(format!("{doc}.gold.json"));
    let gold: GoldFile = serde_json::from_slice(&std::fs::read(&path)?)?;
    let Some(g) = gold.events.iter().find(|e| e.id == gold_id) else {
        return Err(StoreError::Invalid(format!(
            "{}: no event {gold_id}",
            path.display()
        )));
    };
    let conn = store_conn(store);
    let found: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT id, text, sentences FROM documents WHERE doc_id = ?1",
            [doc],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ok();
    let Some((docid, text, sentences)) = found else {
        return Ok(None);
    };
    let sentences: Vec<[usize; 2]> = serde_json::from_str(&sentences)?;
    let passages: Vec<[usize; 2]> = g
        .evidence
        .split(" / ")
        .filter_map(|seg| {
            let b = text.find(seg.trim())?;
            let s = text[..b].chars().count();
            Some([s, s + seg.trim().chars().count()])
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT id, plover, sentence, trigger_start, trigger_end FROM events WHERE doc = ?1 ORDER BY ord",
    )?;
    let events: Vec<(i64, String, usize, usize, usize)> = stmt
        .query_map([docid], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get::<_, i64>(2)? as usize,
                r.get::<_, i64>(3)? as usize,
                r.get::<_, i64>(4)? as usize,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    let overlaps = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
    // a trigger inside the passage beats a sentence that merely overlaps it
    for strict in [true, false] {
        for (id, plover, sentence, ts, te) in &events {
            if !g.plover.iter().any(|p| p == plover) {
                continue;
            }
            let span = if strict {
                [*ts, *te]
            } else {
                sentences.get(*sentence).copied().unwrap_or([0, 0])
            };
            if passages.iter().any(|&p| overlaps(span, p)) {
                return Ok(Some(*id));
            }
        }
    }
    Ok(None)
}

/// One labelled pair, as the store answered it.
#[derive(Debug, Clone)]
pub struct PairOutcome {
    pub label: Label,
    pub a: Option<i64>,
    pub b: Option<i64>,
    pub clustered: bool,
}

#[derive(Debug, Clone, Default)]
pub struct ClusterEval {
    pub pairs: Vec<PairOutcome>,
    pub true_pos: usize,
    pub false_pos: usize,
    pub false_neg: usize,
    /// `same` pairs where the extractor found both events.
    pub same_found: usize,
    /// `same` pairs in one cluster among those.
    pub same_found_clustered: usize,
    /// Pairs of events from different documents sharing a cluster, labelled or not.
    pub cross_document_pairs: i64,
}

impl ClusterEval {
    /// Precision over the labelled pairs the store put together (`None`: it put none).
    pub fn precision(&self) -> Option<f64> {
        let d = self.true_pos + self.false_pos;
        (d > 0).then(|| self.true_pos as f64 / d as f64)
    }
    /// Recall over every `same` pair (a pair whose events were not extracted counts as missed).
    pub fn recall(&self) -> Option<f64> {
        let d = self.true_pos + self.false_neg;
        (d > 0).then(|| self.true_pos as f64 / d as f64)
    }
    /// Recall of the clustering alone: over `same` pairs whose two events were extracted.
    pub fn recall_found(&self) -> Option<f64> {
        (self.same_found > 0).then(|| self.same_found_clustered as f64 / self.same_found as f64)
    }

    /// The one-line summary both the command and the example print.
    pub fn summary(&self) -> String {
        let pct =
            |x: Option<f64>| x.map_or_else(|| "n/a".to_string(), |v| format!("{:.1}%", v * 100.0));
        let same = self.pairs.iter().filter(|p| p.label.same).count();
        format!(
            "clustering on {} labelled pairs ({same} same, {} different): precision {} ({} TP, {} FP), \
             recall {} ({} FN); recall where both events were extracted {} ({}/{})",
            self.pairs.len(),
            self.pairs.len() - same,
            pct(self.precision()),
            self.true_pos,
            self.false_pos,
            pct(self.recall()),
            self.false_neg,
            pct(self.recall_found()),
            self.same_found_clustered,
            self.same_found
        )
    }
}

/// Score the store's clusters against labelled pairs.
pub fn evaluate(store: &Store, corpus: &Path, labels: &[Label]) -> Result<ClusterEval> {
    let mut ev = ClusterEval::default();
    let mut cluster_of: HashMap<i64, Option<i64>> = HashMap::new();
    for l in labels {
        let a = find_event(store, corpus, &l.doc_a, &l.event_a)?;
        let b = find_event(store, corpus, &l.doc_b, &l.event_b)?;
        let mut cluster = |e: Option<i64>| -> Result<Option<i64>> {
            let Some(e) = e else { return Ok(None) };
            if let Some(c) = cluster_of.get(&e) {
                return Ok(*c);
            }
            let c = crate::cluster::of_event(store_conn(store), e)?;
            cluster_of.insert(e, c);
            Ok(c)
        };
        let (ca, cb) = (cluster(a)?, cluster(b)?);
        let clustered = ca.is_some() && ca == cb;
        match (l.same, clustered) {
            (true, true) => ev.true_pos += 1,
            (true, false) => ev.false_neg += 1,
            (false, true) => ev.false_pos += 1,
            (false, false) => {}
        }
        if l.same && a.is_some() && b.is_some() {
            ev.same_found += 1;
            ev.same_found_clustered += usize::from(clustered);
        }
        ev.pairs.push(PairOutcome {
            label: l.clone(),
            a,
            b,
            clustered,
        });
    }
    ev.cross_document_pairs = store_conn(store).query_row(
        "SELECT COUNT(*) FROM events x JOIN events y ON x.cluster = y.cluster AND x.id < y.id AND x.doc != y.doc",
        [],
        |r| r.get(0),
    )?;
    Ok(ev)
}
