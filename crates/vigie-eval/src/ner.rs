//! CoNLL named-entity evaluation (WikiNEuRal, CoNLL-2003 style files): read BIO-tagged
//! tokens, turn vigie's entities into tags on the same tokens, and score entity-level exact
//! spans per type the way conlleval does (an `I-` tag after `O` or after another type opens an
//! entity).

use std::collections::BTreeMap;

use vigie_core::doc::{Doc, EntityType};

/// One sentence: its tokens and their tags (`O`, `B-PER`, `I-LOC`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    pub tags: Vec<String>,
}

impl Sentence {
    /// The sentence as text (tokens joined by spaces, except around apostrophes the way
    /// text is written: « l'Anjou », "Obama's") and each token's byte range in it.
    pub fn text(&self) -> (String, Vec<(usize, usize)>) {
        let mut text = String::new();
        let mut offs = Vec::with_capacity(self.tokens.len());
        let mut glue_next = false;
        for t in &self.tokens {
            if !text.is_empty() && !glue_next && !clitic(t) {
                text.push(' ');
            }
            glue_next = elision(t);
            let s = text.len();
            text.push_str(t);
            offs.push((s, text.len()));
        }
        (text, offs)
    }
}

/// A French elided word, written against the next one: « l' », « qu' », « jusqu' ».
fn elision(t: &str) -> bool {
    let Some(stem) = t.strip_suffix(['\'', '\u{2019}']) else {
        return false;
    };
    !stem.is_empty() && stem.chars().all(char::is_alphabetic)
}

/// An English clitic written against the word before: "'s", "'re".
fn clitic(t: &str) -> bool {
    let Some(rest) = t.strip_prefix(['\'', '\u{2019}']) else {
        return false;
    };
    !rest.is_empty() && rest.chars().all(char::is_alphabetic)
}

/// A line that is neither blank nor `token tag` (with an optional leading index column).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("line {line}: expected `[index] token tag`, got `{text}`")]
pub struct ConllError {
    pub line: usize,
    pub text: String,
}

/// Read a CoNLL file: one token per line (`index<TAB>token<TAB>tag` or `token tag`), a blank
/// line between sentences, `#` comments and `-DOCSTART-` lines skipped.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>, ConllError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        if line.starts_with('#') || line.starts_with("-DOCSTART-") {
            continue;
        }
        let fields: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split_whitespace().collect()
        };
        let (tok, tag) = match fields.as_slice() {
            [tok, tag] | [_, tok, tag, ..] => (*tok, *tag),
            _ => {
                return Err(ConllError {
                    line: i + 1,
                    text: line.to_string(),
                })
            }
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(tag.to_string());
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Entities of a tag sequence: `(first token, end token exclusive, type)`, conlleval rules.
pub fn chunks(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, ty) = t.split_once('-').unwrap_or((t.as_str(), ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, o)| o == ty);
        if continues {
            continue;
        }
        if let Some((s, ty0)) = open.take() {
            out.push((s, i, ty0));
        }
        if (prefix == "B" || prefix == "I") && !ty.is_empty() {
            open = Some((i, ty.to_string()));
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

/// Counts per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per entity type and over all types.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub by_type: BTreeMap<String, Counts>,
    pub all: Counts,
}

impl Scores {
    /// Add one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[String], pred: &[String]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &p {
            let e = self.by_type.entry(c.2.clone()).or_default();
            if g.contains(c) {
                e.tp += 1;
                self.all.tp += 1;
            } else {
                e.fp += 1;
                self.all.fp += 1;
            }
        }
        for c in &g {
            if !p.contains(c) {
                self.by_type.entry(c.2.clone()).or_default().fn_ += 1;
                self.all.fn_ += 1;
            }
        }
    }
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::PER => "PER",
        EntityType::ORG => "ORG",
        EntityType::LOC => "LOC",
        EntityType::MISC => "MISC",
    }
}

/// Tags on a sentence's tokens from vigie's entities: proper names, plus capitalized
/// nationality adjectives and demonyms ("Russian", « Européens »), which English CoNLL tags
/// MISC and WikiNEuRal's French files LOC (« les Britanniques », « l'Australien »: LOC at
/// seven in eight of its capitalized demonyms). An entity whose
/// ends do not fall on token boundaries cannot match gold and is tagged on the tokens it
/// touches (it still counts as predicted).
pub fn tags_from_doc(doc: &Doc, offs: &[(usize, usize)]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); offs.len()];
    for e in &doc.entities {
        let text = doc.slice(e.span);
        let keep = !e.nominal
            || (e.etype == EntityType::MISC
                && text.chars().next().is_some_and(char::is_uppercase)
                && !e.rule.contains("role"));
        if !keep || e.rule == "pronoun" {
            continue;
        }
        let first = offs
            .iter()
            .position(|&(s, en)| en > e.span.start && s < e.span.end);
        let Some(first) = first else { continue };
        if tags[first] != "O" {
            continue;
        }
        let ty = if e.nominal && doc.lang == "fr" {
            "LOC"
        } else {
            type_name(e.etype)
        };
        tags[first] = format!("B-{ty}");
        for (k, &(s, _)) in offs.iter().enumerate().skip(first + 1) {
            if s >= e.span.end || tags[k] != "O" {
                break;
            }
            tags[k] = format!("I-{ty}");
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn reads_indexed_and_plain_conll() {
        let s = read_conll("0\tLa\tO\n1\tRussie\tB-LOC\n\nParis B-LOC\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, v(&["La", "Russie"]));
        assert_eq!(s[1].tags, v(&["B-LOC"]));
        assert_eq!(read_conll("a b c d e\nbad\n").unwrap_err().line, 2);
        assert_eq!(s[0].text().1, vec![(0, 2), (3, 9)]);
    }

    #[test]
    fn text_glues_elisions_and_clitics() {
        let s = Sentence {
            tokens: v(&[
                "Il", "parle", "d'", "Anjou", "et", "de", "Tom", "'s", "'", "x",
            ]),
            tags: v(&["O"; 10]),
        };
        let (text, offs) = s.text();
        assert_eq!(text, "Il parle d'Anjou et de Tom's ' x");
        assert_eq!(&text[offs[3].0..offs[3].1], "Anjou");
        assert_eq!(&text[offs[7].0..offs[7].1], "'s");
        assert_eq!(offs[8], (29, 30));
    }

    #[test]
    fn chunks_follow_conlleval() {
        let t = v(&["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]);
        assert_eq!(
            chunks(&t),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "LOC".into()),
                (4, 5, "LOC".into()),
                (5, 6, "ORG".into())
            ]
        );
    }

    #[test]
    fn exact_spans_only() {
        let mut s = Scores::default();
        s.add(&v(&["B-PER", "I-PER", "O"]), &v(&["B-PER", "O", "O"]));
        s.add(&v(&["B-LOC", "O"]), &v(&["B-LOC", "O"]));
        assert_eq!((s.all.tp, s.all.fp, s.all.fn_), (1, 1, 1));
        assert!(s.by_type["PER"].f1() < 1e-9);
        assert!((s.by_type["LOC"].f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn capitalized_demonyms_are_misc_in_english_and_loc_in_french() {
        use vigie_core::doc::{Entity, Span};
        let tags = |lang: &str, text: &str, s: usize, e: usize| {
            let mut d = Doc::new("t", text);
            d.lang = lang.to_string();
            d.entities = vec![Entity {
                span: Span::new(s, e),
                etype: EntityType::MISC,
                actor: None,
                rule: "actors/countries.tsv:1".into(),
                nominal: true,
            }];
            let mut offs = Vec::new();
            let mut at = 0;
            for w in text.split(' ') {
                offs.push((at, at + w.len()));
                at += w.len() + 1;
            }
            tags_from_doc(&d, &offs)
        };
        assert_eq!(
            tags("fr", "Les Norvégiens ont gagné", 4, 14),
            v(&["O", "B-LOC", "O", "O"])
        );
        assert_eq!(
            tags("en", "The Norwegians won", 4, 14),
            v(&["O", "B-MISC", "O"])
        );
    }
}
