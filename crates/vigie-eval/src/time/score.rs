//! TempEval-3 timex metrics. Gold and predicted timexes are paired one to one per document:
//! each gold takes the unpaired prediction that overlaps it most (an exact match first).
//! Strict counts identical spans, relaxed counts any overlap; value accuracy is over relaxed
//! pairs; value F1 counts a hit when the pair overlaps and the value is right.
//!
//! Per type, recall is over the gold timexes of that type and precision over the predictions
//! of that type (a pair whose types differ is a hit for the gold's recall and for the
//! prediction's precision).

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use super::{GoldDoc, Timex};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    /// Hits counted on the gold side (recall numerators).
    pub strict: usize,
    pub relaxed: usize,
    /// Relaxed pairs with a right value.
    pub value: usize,
    /// Relaxed pairs with the right type.
    pub ttype: usize,
    /// Hits counted on the prediction side (precision numerators).
    pub strict_p: usize,
    pub relaxed_p: usize,
    pub value_p: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value += o.value;
        self.ttype += o.ttype;
        self.strict_p += o.strict_p;
        self.relaxed_p += o.relaxed_p;
        self.value_p += o.value_p;
    }
    /// (P, R, F1) from precision-side and recall-side hits.
    pub fn prf(&self, hits_p: usize, hits_r: usize) -> (f64, f64, f64) {
        let (p, r) = (ratio(hits_p, self.pred), ratio(hits_r, self.gold));
        (p, r, f1(p, r))
    }
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        self.prf(self.strict_p, self.strict)
    }
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        self.prf(self.relaxed_p, self.relaxed)
    }
    pub fn value_prf(&self) -> (f64, f64, f64) {
        self.prf(self.value_p, self.value)
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value, self.relaxed)
    }
}

/// Figures over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub docs: usize,
    pub all: Counts,
    pub by_type: BTreeMap<String, Counts>,
}

/// Values compare in upper case, with ISO weeks unpadded (TimeBank writes `W7`, others `W07`).
/// Nothing else is normalized (`1949-XX` and `1949` differ): a lenient comparison would make
/// our figures incomparable with the published exact-value ones.
fn norm_value(v: &str) -> String {
    let v = v.trim().to_ascii_uppercase();
    match v.find("-W0") {
        Some(p) if v[p + 3..].starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{}-W{}", &v[..p], &v[p + 3..])
        }
        _ => v,
    }
}

fn overlap(a: &Timex, b: &Timex) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Score predictions (by document id) against gold documents.
pub fn score<S: std::hash::BuildHasher>(
    golds: &[GoldDoc],
    preds: &HashMap<String, Vec<Timex>, S>,
) -> Scores {
    let mut s = Scores {
        docs: golds.len(),
        ..Scores::default()
    };
    let empty = Vec::new();
    for g in golds {
        let pred = preds.get(&g.id).unwrap_or(&empty);
        let mut used = vec![false; pred.len()];
        for p in pred {
            s.by_type.entry(p.ttype.clone()).or_default().pred += 1;
        }
        for gt in &g.timexes {
            s.by_type.entry(gt.ttype.clone()).or_default().gold += 1;
            let best = pred
                .iter()
                .enumerate()
                .filter(|(i, p)| !used[*i] && overlap(gt, p) > 0)
                .max_by_key(|(_, p)| (p.start == gt.start && p.end == gt.end, overlap(gt, p)));
            let Some((i, p)) = best else { continue };
            used[i] = true;
            let strict = usize::from(p.start == gt.start && p.end == gt.end);
            let pv = p.values.first().map(|v| norm_value(v)).unwrap_or_default();
            let value = usize::from(gt.values.iter().any(|v| norm_value(v) == pv));
            let c = s.by_type.entry(gt.ttype.clone()).or_default();
            c.relaxed += 1;
            c.strict += strict;
            c.value += value;
            c.ttype += usize::from(p.ttype == gt.ttype);
            let c = s.by_type.entry(p.ttype.clone()).or_default();
            c.relaxed_p += 1;
            c.strict_p += strict;
            c.value_p += value;
        }
    }
    for c in s.by_type.values() {
        s.all.add(c);
    }
    s
}

/// One disagreement between gold and predictions, for reading errors by hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// A gold timex no prediction overlaps.
    Missed(Timex),
    /// A prediction that overlaps no gold timex.
    Spurious(Timex),
    /// An overlapping pair whose span, value or type differ.
    Wrong { gold: Timex, pred: Timex },
}

/// Every disagreement in one document, paired as `score` pairs them.
pub fn misses(gold: &GoldDoc, pred: &[Timex]) -> Vec<Miss> {
    let mut out = Vec::new();
    let mut used = vec![false; pred.len()];
    for gt in &gold.timexes {
        let best = pred
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && overlap(gt, p) > 0)
            .max_by_key(|(_, p)| (p.start == gt.start && p.end == gt.end, overlap(gt, p)));
        let Some((i, p)) = best else {
            out.push(Miss::Missed(gt.clone()));
            continue;
        };
        used[i] = true;
        let pv = p.values.first().map(|v| norm_value(v)).unwrap_or_default();
        let same = p.start == gt.start
            && p.end == gt.end
            && p.ttype == gt.ttype
            && gt.values.iter().any(|v| norm_value(v) == pv);
        if !same {
            out.push(Miss::Wrong {
                gold: gt.clone(),
                pred: p.clone(),
            });
        }
    }
    for (i, p) in pred.iter().enumerate() {
        if !used[i] {
            out.push(Miss::Spurious(p.clone()));
        }
    }
    out
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<9} {:>5} {:>5}  {:>5} {:>5} {:>5}  {:>5} {:>5} {:>5}  {:>6}  {:>5} {:>5} {:>5}",
            "type",
            "gold",
            "pred",
            "sP",
            "sR",
            "sF1",
            "rP",
            "rR",
            "rF1",
            "valAcc",
            "vP",
            "vR",
            "vF1"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            let (sp, sr, sf) = c.strict_prf();
            let (rp, rr, rf) = c.relaxed_prf();
            let (vp, vr, vf) = c.value_prf();
            writeln!(
                f,
                "{name:<9} {:>5} {:>5}  {sp:>5.3} {sr:>5.3} {sf:>5.3}  {rp:>5.3} {rr:>5.3} {rf:>5.3}  {:>6.3}  {vp:>5.3} {vr:>5.3} {vf:>5.3}",
                c.gold,
                c.pred,
                c.value_accuracy()
            )
        };
        for (t, c) in &self.by_type {
            row(f, t, c)?;
        }
        row(f, "all", &self.all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tx(start: usize, end: usize, t: &str, v: &str) -> Timex {
        Timex {
            start,
            end,
            ttype: t.into(),
            values: vec![v.into()],
        }
    }

    #[test]
    fn strict_relaxed_and_value_hits() {
        let gold = vec![GoldDoc {
            id: "d".into(),
            text: String::new(),
            lang: None,
            dct: None,
            timexes: vec![
                tx(0, 4, "DATE", "2026-01-07"),
                tx(10, 20, "DATE", "2026-W02"),
                tx(30, 35, "DURATION", "P3Y"),
            ],
        }];
        let preds = HashMap::from([(
            "d".to_string(),
            vec![
                tx(0, 4, "DATE", "2026-01-07"),
                tx(12, 20, "DATE", "2026-W2"),
                tx(40, 45, "DATE", "2026"),
            ],
        )]);
        let s = score(&gold, &preds);
        assert_eq!(
            (
                s.all.gold,
                s.all.pred,
                s.all.strict,
                s.all.relaxed,
                s.all.value
            ),
            (3, 3, 1, 2, 2)
        );
        let d = s.by_type["DATE"];
        assert_eq!((d.gold, d.pred, d.relaxed, d.value), (2, 3, 2, 2));
        assert!((d.value_prf().2 - 0.8).abs() < 1e-9);
        // a DATE prediction on a DURATION gold: recall for DURATION, precision for DATE
        let preds = HashMap::from([("d".to_string(), vec![tx(30, 35, "DATE", "P3Y")])]);
        let s = score(&gold, &preds);
        let (du, da) = (s.by_type["DURATION"], s.by_type["DATE"]);
        assert_eq!(
            (du.relaxed, du.relaxed_p, du.pred, da.relaxed_p, da.pred),
            (1, 0, 0, 1, 1)
        );
        assert!((s.all.relaxed_prf().0 - 1.0).abs() < 1e-9);
    }
}
