//! Numbers with what they count: digits and number words (`counts/words.tsv`), scaled by
//! « million »/"billion", with a qualifier before them (« plus d'un million », « près de
//! 20 % », "at least 25"), a unit (percent, money) and the counted object (« 35 pays » →
//! country, « personnes » → person). Dates and hours are not counts.
// short names: t token, i token index, w word, s span, m match
#![allow(clippy::many_single_char_names)]

use std::collections::HashMap;

use crate::doc::{Count, Doc, Span, TokenKind};
use crate::event::grammar::folded;
use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Class {
    Number,
    Multiplier,
    Qualifier,
    Unit,
    Object,
    NotCount,
}

#[derive(Debug, Clone)]
struct Word {
    class: Class,
    value: String,
}

#[derive(Debug, Clone)]
pub struct CountLexicon {
    words: Vec<Word>,
    fr: PhraseMatcher,
    en: PhraseMatcher,
}

const FILE: &str = "counts/words.tsv";

impl CountLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let cols: Result<Vec<usize>, _> = t.cols(&["lang", "class", "word", "value"]);
        let c = cols.map_err(|e| vec![e])?;
        let (mut errors, mut words, mut fr, mut en) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for r in &t.rows {
            let class = match r.get(c[1]) {
                "number" => Class::Number,
                "multiplier" => Class::Multiplier,
                "qualifier" => Class::Qualifier,
                "unit" => Class::Unit,
                "object" => Class::Object,
                "notcount" => Class::NotCount,
                k => {
                    errors.push(t.error(r, format!("unknown class `{k}`")));
                    continue;
                }
            };
            let value = r.get(c[3]).to_string();
            if matches!(class, Class::Number | Class::Multiplier) && value.parse::<f64>().is_err() {
                errors.push(t.error(r, "a number needs a numeric value"));
                continue;
            }
            let i = words.len() as u32;
            match r.get(c[0]) {
                "fr" => fr.push((r.get(c[2]).to_string(), i)),
                "en" => en.push((r.get(c[2]).to_string(), i)),
                l => {
                    errors.push(t.error(r, format!("unknown language `{l}`")));
                    continue;
                }
            }
            words.push(Word { class, value });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            words,
            fr: PhraseMatcher::new(fr),
            en: PhraseMatcher::new(en),
        })
    }
}

/// The value of a digit token: « 1 000 », « 20,5 » (French decimal comma), "1,000".
fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    let mut t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if lang == "fr" {
        t = t.replace('.', "").replace(',', ".");
    } else {
        t = t.replace(',', "");
    }
    t.parse().ok()
}

pub fn tag(doc: &Doc, lex: &CountLexicon) -> Vec<Count> {
    let lang = doc.lang.as_str();
    let matcher = match lang {
        "fr" => &lex.fr,
        "en" => &lex.en,
        _ => return Vec::new(),
    };
    // word matches by folded start offset (looked up once for each token: FNV rather than
    // SipHash, which cost a third of this stage)
    let mut at: HashMap<usize, (Span, &Word), FnvBuild> = HashMap::default();
    let mut ends: HashMap<usize, (Span, &Word), FnvBuild> = HashMap::default();
    for x in matcher.find_longest(&doc.norm) {
        if let Some(w) = x.payloads.first().and_then(|&p| lex.words.get(p as usize)) {
            at.insert(x.span.start, (x.span, w));
            ends.insert(x.span.end, (x.span, w));
        }
    }
    let next_word = |from: usize| {
        let i = doc.token_at_or_after(from);
        doc.tokens.get(i)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = doc.tokens[i];
        i += 1;
        let (mut value, word_number) = if t.kind == TokenKind::Number {
            match parse_digits(doc.slice(t.span), lang) {
                Some(v) => (v, false),
                None => continue,
            }
        } else if let Some((_, w)) = at
            .get(&t.span.start)
            .filter(|(_, w)| w.class == Class::Number)
        {
            (w.value.parse().unwrap_or(0.0), true)
        } else {
            continue;
        };
        if doc.in_boilerplate(t.span) || doc.times.iter().any(|x| x.span.overlaps(t.span)) {
            continue;
        }
        let start = t.span.start;
        let mut end = at
            .get(&t.span.start)
            .map_or(t.span.end, |(s, _)| s.end.max(t.span.end));
        let mut unit = None;
        let mut object = None;
        let mut scaled = false;
        // multiplier, unit, object after the number (skipping « de »/"of")
        for _ in 0..3 {
            let Some(n) = next_word(end) else { break };
            if n.span.start > end + 2 {
                break;
            }
            let w = folded(doc, n);
            if matches!(w, "de" | "d'" | "of") {
                end = n.span.end;
                continue;
            }
            match at.get(&n.span.start) {
                Some((s, wd)) if wd.class == Class::Multiplier && !scaled => {
                    value *= wd.value.parse::<f64>().unwrap_or(1.0);
                    scaled = true;
                    end = s.end;
                }
                Some((s, wd)) if wd.class == Class::Unit => {
                    unit = Some(wd.value.clone());
                    end = s.end;
                    break;
                }
                Some((s, wd)) if wd.class == Class::Object => {
                    unit = Some(wd.value.clone());
                    object = Some(*s);
                    end = s.end;
                    break;
                }
                Some((_, wd)) if wd.class == Class::NotCount => {
                    unit = Some("-".into());
                    break;
                }
                _ => break,
            }
        }
        if unit.as_deref() == Some("-") {
            continue;
        }
        // qualifier right before (« plus d'un », "at least"), or a currency sign
        let mut span_start = start;
        let mut qualifier = None;
        let before = doc.text[..start].trim_end();
        if let Some((s, w)) = ends.get(&before.len()) {
            match w.class {
                Class::Qualifier => {
                    qualifier = Some(w.value.as_str());
                    span_start = s.start;
                }
                Class::Unit if unit.is_none() => {
                    unit = Some(w.value.clone());
                    span_start = s.start;
                }
                _ => {}
            }
        }
        // a bare number word (« un accord ») or year is not a count
        if word_number && !scaled && unit.is_none() && qualifier.is_none() {
            continue;
        }
        if !word_number
            && unit.is_none()
            && (1900.0..=2100.0).contains(&value)
            && value.fract() == 0.0
        {
            continue;
        }
        let qualifier: Option<&'static str> = qualifier.and_then(|q| {
            [
                "more_than",
                "less_than",
                "about",
                "at_least",
                "at_most",
                "exactly",
                "up_to",
            ]
            .into_iter()
            .find(|k| *k == q)
        });
        out.push(Count {
            span: Span::new(span_start, end),
            value,
            qualifier,
            unit,
            object,
        });
        i = doc.token_at_or_after(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(lang: &str, text: &str) -> Vec<(String, f64, Option<&'static str>, Option<String>)> {
        let seg = crate::segment::SegmentLexicon::load(&Sources::builtin()).unwrap();
        let mut d = Doc::new("t", text);
        d.lang = lang.into();
        crate::segment::segment(&mut d, &seg);
        tag(&d, &CountLexicon::load(&Sources::builtin()).unwrap())
            .into_iter()
            .map(|c| (d.slice(c.span).to_string(), c.value, c.qualifier, c.unit))
            .collect()
    }

    #[test]
    fn french_counts_with_qualifiers_and_units() {
        assert_eq!(
            run("fr", "Plus d'un million de personnes ont fui."),
            [(
                "Plus d'un million de personnes".into(),
                1e6,
                Some("more_than"),
                Some("person".into())
            )]
        );
        assert_eq!(
            run("fr", "Il tient près de 20 % du pays.")[0],
            (
                "près de 20 %".into(),
                20.0,
                Some("about"),
                Some("percent".into())
            )
        );
        assert_eq!(
            run("fr", "Les 12 pays membres.")[0],
            ("12 pays".into(), 12.0, None, Some("country".into()))
        );
        assert!(run("fr", "Le 6 janvier 2026, un accord a été signé.").is_empty());
    }

    #[test]
    fn casualties_and_arrests() {
        assert!((run("fr", "Douze manifestants ont été arrêtés.")[0].1 - 12.0).abs() < 1e-9);
        assert_eq!(
            run("fr", "On compte 40 interpellés.")[0].3.as_deref(),
            Some("person")
        );
        assert_eq!(
            run("en", "There were 300 arrested and 12 wounded.").len(),
            2
        );
    }

    #[test]
    fn english_counts() {
        assert_eq!(
            run("en", "At least 25 people were killed.")[0],
            (
                "At least 25 people".into(),
                25.0,
                Some("at_least"),
                Some("person".into())
            )
        );
        assert!((run("en", "The fund holds $3 billion.")[0].1 - 3e9).abs() < 1e-3);
        assert!((run("en", "Dozens of protesters gathered.")[0].1 - 24.0).abs() < 1e-9);
    }
}
