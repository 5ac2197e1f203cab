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
    /// A number word that is an approximation (« une cinquantaine »): qualifier `about`.
    Approx,
    Multiplier,
    Qualifier,
    Unit,
    Object,
    NotCount,
    /// A word between a number and what it counts (« de », "of").
    Link,
    /// A plural ending (`value` unused): only read into `plural`.
    Plural,
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
    /// Endings that mark a plural noun, per language.
    plural: Vec<(String, String)>,
}

const FILE: &str = "counts/words.tsv";

/// The number words of the time layer, one list for both layers (language, file).
const NUMBER_FILES: [(&str, &str); 2] = [("fr", "time/fr.tsv"), ("en", "time/en.tsv")];

impl CountLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let cols: Result<Vec<usize>, _> = t.cols(&["lang", "class", "word", "value"]);
        let c = cols.map_err(|e| vec![e])?;
        let (mut errors, mut words, mut fr, mut en) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut plural = Vec::new();
        // the time layer's number words first: a phrase that is also a multiplier here
        // (« mille ») then has both readings, the number first
        for (lang, file) in NUMBER_FILES {
            let nt = src.table(file).map_err(|e| vec![e])?;
            let nc = nt.cols(&["phrase", "kind", "value"]).map_err(|e| vec![e])?;
            for r in nt.rows.iter().filter(|r| r.get(nc[1]) == "number") {
                let value = r.get(nc[2]);
                // « plusieurs », "a few" (value 0) give no number
                if value.parse::<f64>().map_or(true, |v| v < 1.0) {
                    continue;
                }
                let i = u32::try_from(words.len()).unwrap_or(u32::MAX);
                let phrase = r.get(nc[0]).to_string();
                if lang == "fr" {
                    fr.push((phrase, i));
                } else {
                    en.push((phrase, i));
                }
                words.push(Word {
                    class: Class::Number,
                    value: value.to_string(),
                });
            }
        }
        for r in &t.rows {
            let class = match r.get(c[1]) {
                "number" => Class::Number,
                "approx" => Class::Approx,
                "multiplier" => Class::Multiplier,
                "qualifier" => Class::Qualifier,
                "unit" => Class::Unit,
                "object" => Class::Object,
                "notcount" => Class::NotCount,
                "plural" => Class::Plural,
                "link" => Class::Link,
                k => {
                    errors.push(t.error(r, format!("unknown class `{k}`")));
                    continue;
                }
            };
            let value = r.get(c[3]).to_string();
            if matches!(class, Class::Number | Class::Approx | Class::Multiplier)
                && value.parse::<f64>().is_err()
            {
                errors.push(t.error(r, "a number needs a numeric value"));
                continue;
            }
            let lang = r.get(c[0]);
            if !matches!(lang, "fr" | "en") {
                errors.push(t.error(r, format!("unknown language `{lang}`")));
                continue;
            }
            if class == Class::Plural {
                plural.push((lang.to_string(), r.get(c[2]).to_string()));
                continue;
            }
            let i = u32::try_from(words.len()).unwrap_or(u32::MAX);
            if lang == "fr" {
                fr.push((r.get(c[2]).to_string(), i));
            } else {
                en.push((r.get(c[2]).to_string(), i));
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
            plural,
        })
    }

    /// Does the folded word look like a plural noun (« agents », "witnesses")?
    fn plural_noun(&self, lang: &str, w: &str) -> bool {
        w.chars().count() >= 3
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && self
                .plural
                .iter()
                .any(|(l, end)| l == lang && w.ends_with(end.as_str()))
    }
}

fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    let mut t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if lang == "fr" {
        t = t.replace('.', "").replace(',', ".");
    } else {
        t = t.replace(',', "");
    }
    t.parse().ok()
}

/// How many digits a thousands group has (« 2 800 000 »).
const GROUP: usize = 3;

/// A number written in thousands groups (« 2 800 000 », "1 500"): the groups after the
/// token at `i`, each of three digits after one space (plain, no-break or narrow no-break);
/// the value and the end of the last group.
fn digit_groups(doc: &Doc, i: usize, mut value: f64) -> (f64, usize) {
    let Some(first) = doc.tokens.get(i) else {
        return (value, 0);
    };
    let mut end = first.span.end;
    if doc.slice(first.span).len() > GROUP
        || !doc.slice(first.span).bytes().all(|b| b.is_ascii_digit())
    {
        return (value, end);
    }
    for t in doc.tokens.iter().skip(i + 1) {
        let gap = doc.text.get(end..t.span.start).unwrap_or("");
        let digits = doc.slice(t.span);
        let one_space = matches!(gap, " " | "\u{a0}" | "\u{202f}");
        if t.kind != TokenKind::Number
            || !one_space
            || digits.len() != GROUP
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            break;
        }
        value = value * 1000.0 + digits.parse::<f64>().unwrap_or(0.0);
        end = t.span.end;
    }
    (value, end)
}

/// What a number word counts: the first plural-looking word among the `words` words from `n`
/// on, skipping hyphens (« ex-agents »), with the plural-looking words right after it (« anciens
/// diplomates », « agents secrets »), unless punctuation, a number or a word `stops` (« deux
/// tiers », "two-thirds") comes first.
fn plural_after(
    doc: &Doc,
    lex: &CountLexicon,
    n: &crate::doc::Token,
    words: usize,
    stops: impl Fn(&crate::doc::Token) -> bool,
) -> Option<Span> {
    let from = doc.token_at_or_after(n.span.start);
    let plural = |t: &crate::doc::Token| {
        t.kind == TokenKind::Word && lex.plural_noun(&doc.lang, folded(doc, t))
    };
    let mut seen = 0;
    let mut toks = doc.tokens.iter().skip(from);
    while let Some(t) = toks.next() {
        if t.kind == TokenKind::Punct && doc.slice(t.span) == "-" {
            continue;
        }
        if t.kind != TokenKind::Word || stops(t) {
            return None;
        }
        if plural(t) {
            let mut span = t.span;
            // the words of the run are glued by single spaces
            for u in toks.by_ref() {
                let gap = doc.text.get(span.end..u.span.start).unwrap_or("");
                if gap != " " || !plural(u) || stops(u) {
                    break;
                }
                span = Span::new(span.start, u.span.end);
            }
            return Some(span);
        }
        seen += 1;
        if seen == words {
            return None;
        }
    }
    None
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
    let mut at: HashMap<usize, (Span, &[u32]), FnvBuild> = HashMap::default();
    let mut ends: HashMap<usize, (Span, &[u32]), FnvBuild> = HashMap::default();
    for x in matcher.find_longest(&doc.norm) {
        at.insert(x.span.start, (x.span, x.payloads));
        ends.insert(x.span.end, (x.span, x.payloads));
    }
    // the reading of a matched phrase in one of the classes, if it has one
    let reading = |found: Option<&(Span, &[u32])>, classes: &[Class]| {
        found.and_then(|&(s, ps)| {
            ps.iter()
                .filter_map(|&p| lex.words.get(p as usize))
                .find(|w| classes.contains(&w.class))
                .map(|w| (s, w))
        })
    };
    let next_word = |from: usize| {
        let i = doc.token_at_or_after(from);
        doc.tokens.get(i)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let t = doc.tokens[i];
        i += 1;
        let (mut value, word, mut end) = if t.kind == TokenKind::Number {
            let Some(v) = parse_digits(doc.slice(t.span), lang) else {
                continue;
            };
            let (v, e) = digit_groups(doc, i - 1, v);
            (v, None, e)
        } else if let Some((s, w)) = reading(at.get(&t.span.start), &[Class::Number, Class::Approx])
        {
            // a number word must fill its token: "forty-seven" adds its parts, while
            // "two-thirds" or « deux-roues » is no number
            let mut v: f64 = w.value.parse().unwrap_or(0.0);
            let mut e = s.end;
            while e < t.span.end {
                let part = doc
                    .text
                    .get(e..)
                    .filter(|r| r.starts_with('-'))
                    .and_then(|_| reading(at.get(&(e + 1)), &[Class::Number]))
                    .map(|(s2, w2)| (s2.end, w2.value.parse::<f64>().unwrap_or(f64::MAX)));
                match part {
                    Some((e2, v2)) if v2 < v => {
                        v += v2;
                        e = e2;
                    }
                    _ => break,
                }
            }
            if e < t.span.end {
                continue;
            }
            (v, Some(w.class), e)
        } else {
            continue;
        };
        if doc.in_boilerplate(t.span) || doc.times.iter().any(|x| x.span.overlaps(t.span)) {
            continue;
        }
        let start = t.span.start;
        let mut unit = None;
        let mut object = None;
        let mut scaled = false;
        // multiplier, unit, object after the number (skipping « de »/"of")
        for _ in 0..3 {
            let Some(n) = next_word(end) else { break };
            if n.span.start > end + 2 {
                break;
            }
            let found = at.get(&n.span.start);
            if let Some((s, _)) = reading(found, &[Class::Link]) {
                end = s.end;
                continue;
            }
            if !scaled {
                if let Some((s, wd)) = reading(found, &[Class::Multiplier]) {
                    value *= wd.value.parse::<f64>().unwrap_or(1.0);
                    scaled = true;
                    end = s.end;
                    continue;
                }
            }
            match reading(found, &[Class::Unit, Class::Object, Class::NotCount]) {
                Some((s, wd)) if wd.class == Class::Unit => {
                    unit = Some(wd.value.clone());
                    end = s.end;
                }
                Some((s, wd)) if wd.class == Class::Object => {
                    unit = Some(wd.value.clone());
                    object = Some(s);
                    end = s.end;
                }
                Some(_) => unit = Some("-".into()),
                None => {
                    // a number before a plural noun counts it ("seven witnesses", « deux
                    // ex-agents »): the noun within the next words, past adjectives
                    if value >= 2.0 {
                        let stops = |u: &crate::doc::Token| {
                            reading(at.get(&u.span.start), &[Class::NotCount]).is_some()
                        };
                        object = plural_after(doc, lex, n, 3, stops);
                        if let Some(o) = object {
                            end = o.end;
                        }
                    }
                }
            }
            break;
        }
        if unit.as_deref() == Some("-") {
            continue;
        }
        // qualifier right before (« plus d'un », "at least"), or a currency sign
        let mut span_start = start;
        let mut qualifier = None;
        let before = doc.text[..start].trim_end();
        if let Some((s, w)) = reading(ends.get(&before.len()), &[Class::Qualifier, Class::Unit]) {
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
        // a bare number word (« un accord ») or year is not a count, nor « un »/"a" before a
        // noun (« une personne ») without a multiplier
        if let Some(class) = word {
            if class == Class::Approx {
                qualifier = qualifier.or(Some("about"));
            } else if !scaled
                && (value < 2.0 || (unit.is_none() && object.is_none() && qualifier.is_none()))
            {
                continue;
            }
        }
        if word.is_none()
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

    /// The document and its counts.
    fn tagged(lang: &str, text: &str) -> (Doc, Vec<Count>) {
        let seg = crate::segment::SegmentLexicon::load(&Sources::builtin()).unwrap();
        let mut d = Doc::new("t", text);
        d.lang = lang.into();
        crate::segment::segment(&mut d, &seg);
        let c = tag(&d, &CountLexicon::load(&Sources::builtin()).unwrap());
        (d, c)
    }

    fn run(lang: &str, text: &str) -> Vec<(String, f64, Option<&'static str>, Option<String>)> {
        let (d, c) = tagged(lang, text);
        c.into_iter()
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

    /// (text of the count, value, qualifier, text of what it counts)
    fn counted(lang: &str, text: &str) -> Vec<(String, f64, Option<&'static str>, String)> {
        let (d, c) = tagged(lang, text);
        c.into_iter()
            .map(|c| {
                let o = c.object.map(|o| d.slice(o).to_string()).unwrap_or_default();
                (d.slice(c.span).to_string(), c.value, c.qualifier, o)
            })
            .collect()
    }

    #[test]
    fn number_words_count_the_plural_noun_after_them() {
        assert_eq!(
            counted("en", "Forty-seven ex-fighters surrendered."),
            vec![(
                "Forty-seven ex-fighters".into(),
                47.0,
                None,
                "ex-fighters".into()
            )]
        );
        assert_eq!(
            counted("en", "Police questioned nine witnesses on Friday."),
            vec![("nine witnesses".into(), 9.0, None, "witnesses".into())]
        );
        assert_eq!(
            counted("en", "They freed seventeen high-ranking officers."),
            vec![(
                "seventeen high-ranking officers".into(),
                17.0,
                None,
                "officers".into()
            )]
        );
        assert_eq!(
            counted("fr", "Trois anciens diplomates ont été expulsés."),
            vec![(
                "Trois anciens diplomates".into(),
                3.0,
                None,
                "anciens diplomates".into()
            )]
        );
        // « un », "a" before a noun, fractions and repetitions are not counts
        assert!(counted("fr", "Une enquête vise un élu et deux tiers des votants.").is_empty());
        assert_eq!(
            counted(
                "en",
                "A judge ruled two-thirds of the seats void, three times."
            ),
            vec![]
        );
    }

    #[test]
    fn approximate_numbers_and_thousands_groups() {
        assert_eq!(
            counted("fr", "Une quarantaine de personnes attendaient."),
            vec![(
                "Une quarantaine de personnes".into(),
                40.0,
                Some("about"),
                "personnes".into()
            )]
        );
        assert_eq!(
            counted("en", "About a dozen soldiers were hurt."),
            vec![(
                "About a dozen soldiers".into(),
                12.0,
                Some("about"),
                "soldiers".into()
            )]
        );
        let c = counted("fr", "La pétition a réuni 1 250 000 signatures.");
        assert_eq!(c[0].0, "1 250 000 signatures");
        assert!((c[0].1 - 1_250_000.0).abs() < 1e-9);
        // a narrow no-break space groups thousands too; a comma does not
        let c = counted("fr", "Il y a 12\u{202f}500 réfugiés, 300 blessés.");
        assert!((c[0].1 - 12_500.0).abs() < 1e-9);
        assert!((c[1].1 - 300.0).abs() < 1e-9);
        assert!((counted("en", "A million people fled.")[0].1 - 1e6).abs() < 1e-9);
    }
}
