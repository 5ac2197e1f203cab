//! GeoWebNews (Gritta et al. 2019) in its brat form: `N.txt` and `N.ann`, toponym spans with
//! fine types and GeoNames ids in `AnnotatorNotes`. Offsets count characters from the start
//! of the file (title line included).
//!
//! What counts as a toponym to find: the types that name a place by its name — `Literal`,
//! `Mixed`, `Metonymic`, and `Literal_Modifier` / `Non_Literal_Modifier` when the modifier is
//! a noun (« Texas officials »; the adjectives, "Syrian", are demonyms, not place names).
//! Place names inside another name (`Embedded_Literal`, `Embedded_Non_Lit`: "New York" in
//! "New York Times") are neither required nor counted as errors. Every other prediction
//! that matches no such span is a false positive (`Homonym`, `Non_Toponym`, `Coercion`…).
//!
//! Scores: exact-span P/R/F1; GeoNames-id accuracy over the gold toponyms with an id whose
//! span was found exactly (resolution given recognition, as Mordecai3 reports it given gold
//! mentions), and end to end (over every gold toponym with an id); accuracy within 161 km
//! over the same found toponyms, the distance taken between the predicted coordinates and
//! the gold record's coordinates in vigie's gazetteer (the brat files carry ids only: a gold
//! id missing from the gazetteer counts as beyond 161 km unless the ids are equal).

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::Path;

/// The toponym types to find.
pub const FIND_TYPES: &[&str] = &["Literal", "Mixed", "Metonymic"];
/// Types to find when their modifier type is `Noun`.
pub const NOUN_MODIFIER_TYPES: &[&str] = &["Literal_Modifier", "Non_Literal_Modifier"];
/// Types neither required nor wrong.
pub const NEUTRAL_TYPES: &[&str] = &["Embedded_Literal", "Embedded_Non_Lit"];

/// One gold toponym, byte offsets into the document text.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldToponym {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub geonameid: Option<u32>,
    /// True when it is to be found (see [`FIND_TYPES`]).
    pub wanted: bool,
    /// True when predicting it is neither right nor wrong.
    pub neutral: bool,
}

/// One document.
#[derive(Debug, Clone)]
pub struct GeoDoc {
    pub id: String,
    pub text: String,
    pub toponyms: Vec<GoldToponym>,
}

/// A predicted place, byte offsets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Predicted {
    pub start: usize,
    pub end: usize,
    pub geonameid: u32,
    pub lat: f64,
    pub lon: f64,
}

/// Byte offset of each char offset (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Parse one `.ann` file against its text.
pub fn parse_ann(text: &str, ann: &str) -> Vec<GoldToponym> {
    let map = char_to_byte(text);
    let mut spans: HashMap<&str, (usize, usize, &str)> = HashMap::new();
    let mut notes: HashMap<&str, u32> = HashMap::new();
    let mut modifier: HashMap<&str, &str> = HashMap::new();
    for line in ann.lines() {
        let mut f = line.split('\t');
        let (Some(tag), Some(mid)) = (f.next(), f.next()) else {
            continue;
        };
        if tag.starts_with('T') {
            // "Type start end" or "Type start end;start end" (discontinuous: first to last)
            let mut parts = mid.split([' ', ';']);
            let kind = parts.next().unwrap_or("");
            let nums: Vec<usize> = parts.filter_map(|p| p.parse().ok()).collect();
            if let (Some(&s), Some(&e)) = (nums.first(), nums.last()) {
                if let (Some(&bs), Some(&be)) = (map.get(s), map.get(e)) {
                    if bs < be {
                        spans.insert(tag, (bs, be, kind));
                    }
                }
            }
        } else if tag.starts_with('#') {
            let mut p = mid.split(' ');
            if p.next() == Some("AnnotatorNotes") {
                if let (Some(t), Some(n)) = (p.next(), f.next()) {
                    if let Ok(n) = n.trim().parse() {
                        notes.insert(t, n);
                    }
                }
            }
        } else if tag.starts_with('A') {
            let p: Vec<&str> = mid.split(' ').collect();
            if p.len() == 3 && p[0] == "Modifier_Type" {
                modifier.insert(p[1], p[2]);
            }
        }
    }
    let mut out: Vec<GoldToponym> = spans
        .iter()
        .map(|(tag, &(start, end, kind))| {
            let wanted = FIND_TYPES.contains(&kind)
                || (NOUN_MODIFIER_TYPES.contains(&kind) && modifier.get(tag) == Some(&"Noun"));
            GoldToponym {
                start,
                end,
                kind: kind.to_string(),
                geonameid: notes.get(tag).copied(),
                wanted,
                neutral: NEUTRAL_TYPES.contains(&kind),
            }
        })
        .collect();
    out.sort_by_key(|t| (t.start, t.end));
    out
}

/// Read every `N.txt` / `N.ann` pair of a directory, in name order.
pub fn read_dir(dir: &Path) -> io::Result<Vec<GeoDoc>> {
    let mut names: Vec<String> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().to_string();
            n.strip_suffix(".ann").map(str::to_string)
        })
        .collect();
    names.sort_by_key(|n| (n.parse::<u64>().unwrap_or(u64::MAX), n.clone()));
    let mut docs = Vec::with_capacity(names.len());
    for n in names {
        let text = fs::read_to_string(dir.join(format!("{n}.txt")))?;
        let ann = fs::read_to_string(dir.join(format!("{n}.ann")))?;
        let toponyms = parse_ann(&text, &ann);
        docs.push(GeoDoc {
            id: n,
            text,
            toponyms,
        });
    }
    Ok(docs)
}

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// Counts over a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GeoScores {
    pub docs: usize,
    pub gold: usize,
    pub predicted: usize,
    pub tp: usize,
    /// Gold toponyms with an id.
    pub gold_ids: usize,
    /// Of those, found with the exact span.
    pub found_ids: usize,
    /// Of those, with the right id.
    pub right_ids: usize,
    /// Of those found, within 161 km.
    pub within_161: usize,
    /// Found gold ids absent from the gazetteer (no coordinates to compare).
    pub gold_id_unknown: usize,
}

impl GeoScores {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn id_accuracy(&self) -> f64 {
        ratio(self.right_ids, self.found_ids)
    }
    pub fn id_accuracy_end_to_end(&self) -> f64 {
        ratio(self.right_ids, self.gold_ids)
    }
    pub fn acc_161(&self) -> f64 {
        ratio(self.within_161, self.found_ids)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Score one document's predictions; `coords` gives a GeoNames record's coordinates.
pub fn score_doc(
    doc: &GeoDoc,
    pred: &[Predicted],
    coords: &dyn Fn(u32) -> Option<(f64, f64)>,
    s: &mut GeoScores,
) {
    s.docs += 1;
    let wanted: Vec<&GoldToponym> = doc.toponyms.iter().filter(|t| t.wanted).collect();
    s.gold += wanted.len();
    for p in pred {
        let exact = |t: &&GoldToponym| t.start == p.start && t.end == p.end;
        if wanted.iter().any(exact) {
            s.tp += 1;
            s.predicted += 1;
        } else if !doc.toponyms.iter().any(|t| t.neutral && exact(&t)) {
            s.predicted += 1;
        }
    }
    for t in &wanted {
        let Some(gid) = t.geonameid else { continue };
        s.gold_ids += 1;
        let Some(p) = pred.iter().find(|p| p.start == t.start && p.end == t.end) else {
            continue;
        };
        s.found_ids += 1;
        if p.geonameid == gid {
            s.right_ids += 1;
            s.within_161 += 1;
            continue;
        }
        match coords(gid) {
            Some((lat, lon)) => {
                if haversine_km(p.lat, p.lon, lat, lon) <= 161.0 {
                    s.within_161 += 1;
                }
            }
            None => s.gold_id_unknown += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_brat_with_char_offsets_notes_and_modifiers() {
        // offsets are in characters: « é » takes two bytes
        let text = "é Paris and Texas officials and Syrian forces";
        let ann = "T1\tLiteral 2 7\tParis\n#1\tAnnotatorNotes T1\t2988507\n\
                   T2\tLiteral_Modifier 12 17\tTexas\nA1\tModifier_Type T2 Noun\n\
                   T3\tNon_Literal_Modifier 32 38\tSyrian\nA2\tModifier_Type T3 Adjective\n\
                   T4\tEmbedded_Literal 12 17\tTexas\n";
        let g = parse_ann(text, ann);
        let paris = g.iter().find(|t| t.kind == "Literal").unwrap();
        assert_eq!(&text[paris.start..paris.end], "Paris");
        assert_eq!(paris.geonameid, Some(2_988_507));
        assert!(paris.wanted);
        let texas = g.iter().find(|t| t.kind == "Literal_Modifier").unwrap();
        assert!(texas.wanted && &text[texas.start..texas.end] == "Texas");
        assert!(
            !g.iter()
                .find(|t| t.kind == "Non_Literal_Modifier")
                .unwrap()
                .wanted
        );
        assert!(
            g.iter()
                .find(|t| t.kind == "Embedded_Literal")
                .unwrap()
                .neutral
        );
    }

    #[test]
    fn scores_spans_ids_and_distance() {
        let text = "Paris and Lyon and Nice";
        let ann = "T1\tLiteral 0 5\tParis\n#1\tAnnotatorNotes T1\t1\n\
                   T2\tLiteral 10 14\tLyon\n#2\tAnnotatorNotes T2\t2\n\
                   T3\tLiteral 19 23\tNice\n#3\tAnnotatorNotes T3\t3\n";
        let doc = GeoDoc {
            id: "x".into(),
            text: text.into(),
            toponyms: parse_ann(text, ann),
        };
        let pred = [
            Predicted {
                start: 0,
                end: 5,
                geonameid: 1,
                lat: 48.85,
                lon: 2.35,
            },
            // wrong id, 50 km away
            Predicted {
                start: 10,
                end: 14,
                geonameid: 9,
                lat: 45.3,
                lon: 4.83,
            },
            Predicted {
                start: 0,
                end: 3,
                geonameid: 1,
                lat: 0.0,
                lon: 0.0,
            },
        ];
        let coords = |id: u32| (id == 2).then_some((45.75, 4.85));
        let mut s = GeoScores::default();
        score_doc(&doc, &pred, &coords, &mut s);
        assert_eq!((s.tp, s.predicted, s.gold), (2, 3, 3));
        assert_eq!(
            (s.gold_ids, s.found_ids, s.right_ids, s.within_161),
            (3, 2, 1, 2)
        );
        assert!((haversine_km(48.8534, 2.3488, 45.7485, 4.8467) - 392.0).abs() < 5.0);
    }
}
