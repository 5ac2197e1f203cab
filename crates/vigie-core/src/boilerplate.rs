//! Lines that are not the article: teasers (« Lire aussi », "Read more"), credits, bylines,
//! prompts, and inserted related-article headlines. They become `boilerplate` spans; later
//! stages skip them. Nothing is deleted.
//!
//! Phrase rules are data (`lexicon/boilerplate/*.tsv`). One rule is structural: a scraped page
//! often carries the headline of another article between two paragraphs. Such a line has no
//! sentence-final punctuation, is short, and talks about something the article does not: it
//! opens with a kicker (« Plan de paix en Ukraine : … », "Ukraine war: …") or names people or
//! places that appear nowhere else in the text. A sub-heading of the article itself shares its
//! names with the body, so it stays.

use std::collections::HashSet;

use crate::doc::{Doc, Span};
use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

#[derive(Debug, Default)]
pub struct BoilerplateLexicon {
    /// Folded phrases that make a line boilerplate when it starts with them.
    prefixes: Vec<String>,
    /// Folded phrases that make a short line boilerplate when it contains them.
    contains: Vec<String>,
}

/// Longest line a `contains` rule or the headline rule may mark.
const SHORT_LINE: usize = 200;

impl BoilerplateLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut lex = Self::default();
        let mut errors = Vec::new();
        for (path, _) in src.under("boilerplate/") {
            let t = match src.table(path) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let (cm, cp) = match (t.col("match"), t.col("phrase")) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => {
                    errors.push(e);
                    continue;
                }
            };
            for row in &t.rows {
                let phrase = fold(row.get(cp));
                if phrase.trim().is_empty() {
                    errors.push(t.error(row, "empty phrase"));
                    continue;
                }
                match row.get(cm) {
                    "prefix" => lex.prefixes.push(phrase),
                    "contains" => lex.contains.push(phrase),
                    m => errors
                        .push(t.error(row, format!("match must be prefix or contains, not `{m}`"))),
                }
            }
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }
}

/// Lines of the text as byte spans, trimmed of surrounding whitespace, empty ones dropped.
///
/// A line ends at `\n` or U+2029 (bytes E2 80 A9), sought byte by byte: decoding every
/// character of the text to find them cost three times as much.
fn lines(text: &str) -> Vec<Span> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut start, mut from) = (0, 0);
    loop {
        let brk = b
            .get(from..)
            .and_then(|rest| rest.iter().position(|&x| x == b'\n' || x == 0xE2))
            .map(|k| from + k);
        // the line's end, and where the next one starts (none after the last)
        let (end, next) = match brk {
            None => (b.len(), None),
            Some(k) if b[k] == b'\n' => (k, Some(k + 1)),
            Some(k) if b.get(k + 1..k + 3) == Some(&[0x80, 0xA9]) => (k, Some(k + 3)),
            Some(k) => {
                // another character opening with E2 (a dash, a quotation mark)
                from = k + 1;
                continue;
            }
        };
        let line = text.get(start..end).unwrap_or("");
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        match next {
            Some(n) => (start, from) = (n, n),
            None => break,
        }
    }
    out
}

/// Capitalized words not at the start of the line (names, in practice), folded.
fn names(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1)
        .map(fold)
        .collect()
}

fn ends_like_a_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        matches!(c, '»' | '"' | '\u{201D}' | ')' | '\'' | '\u{2019}') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// A kicker: a short topic then a colon, « Plan de paix en Ukraine : … », "Ukraine war: …".
fn has_kicker(line: &str) -> bool {
    match line.find(':') {
        Some(i) if i >= 3 => {
            let head = line[..i].trim();
            let words = head.split_whitespace().count();
            (1..=7).contains(&words)
                && line[i + 1..].trim().len() > 10
                && head.chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Mark boilerplate lines.
pub fn mark(doc: &Doc, lex: &BoilerplateLexicon) -> Vec<Span> {
    let text = doc.text.as_str();
    let all = lines(text);
    // folded words of the whole text, to tell whether a line's names recur in the body
    let mut out = Vec::new();
    let mut body_words: Option<HashSet<&str, FnvBuild>> = None;
    for (n, &line) in all.iter().enumerate() {
        let s = &text[line.start..line.end];
        // the line's part of the document's folded text: `fold(s)` without folding (and
        // allocating) every line again, as folding is char by char
        let (fa, fb) = doc.norm.folded_range(line);
        let f = doc.norm.folded.get(fa..fb).unwrap_or("");
        let f = f.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '©');
        let first = f.as_bytes().first();
        if lex.prefixes.iter().any(|p| {
            p.as_bytes().first() == first
                && f.starts_with(p.as_str())
                && f[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        }) {
            out.push(line);
            continue;
        }
        if s.len() <= SHORT_LINE && lex.contains.iter().any(|p| f.contains(p.as_str())) {
            out.push(line);
            continue;
        }
        // the first line is the title or lead; a single-line text has no inserted headline
        if n == 0 || all.len() < 3 || s.len() > SHORT_LINE || ends_like_a_sentence(s) {
            continue;
        }
        let line_names = names(s);
        // a name of the line that occurs nowhere else: count its occurrences in the whole text
        // (two are enough to know), and only then build the set of the text's words
        let foreign = line_names.iter().filter(|w| {
            doc.norm.folded.match_indices(w.as_str()).take(2).count() <= 1
                && body_words
                    .get_or_insert_with(|| {
                        doc.norm
                            .folded
                            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                            .filter(|w| !w.is_empty())
                            .collect()
                    })
                    .contains(w.as_str())
        });
        let foreign = foreign.count();
        if (has_kicker(s) && (foreign > 0 || line_names.is_empty())) || foreign >= 2 {
            out.push(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_at_line_and_paragraph_separators_only() {
        let text = "  Titre — « sous-titre »\n\nPremier paragraphe.\u{2029}Second\u{2014}fin \r\n\u{2028} \n \u{2029}";
        let got: Vec<&str> = lines(text).iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            got,
            [
                "Titre — « sous-titre »",
                "Premier paragraphe.",
                "Second\u{2014}fin"
            ]
        );
        assert!(lines("").is_empty());
        let text = "\u{2029}x–â";
        assert_eq!(lines(text), [Span::new(3, text.len())]);
    }

    fn marked(text: &str) -> Vec<String> {
        let lex = BoilerplateLexicon::load(&Sources::builtin()).unwrap();
        let d = Doc::new("t", text);
        mark(&d, &lex)
            .into_iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn teasers_credits_and_prompts() {
        let text = "Le sommet s’est ouvert à Dakar.\n\nÀ lire aussi : Le Sénégal vote demain\nLes chefs d’État ont parlé.\nPhoto : AFP\nInscrivez-vous à notre newsletter quotidienne";
        assert_eq!(
            marked(text),
            [
                "À lire aussi : Le Sénégal vote demain",
                "Photo : AFP",
                "Inscrivez-vous à notre newsletter quotidienne"
            ]
        );
        let en = "The summit opened in Accra.\nRead more: Ghana votes tomorrow\nLeaders spoke at length.";
        assert_eq!(marked(en), ["Read more: Ghana votes tomorrow"]);
    }

    #[test]
    fn inserted_headline_but_not_a_subheading() {
        let text = "Le Mali a fermé sa frontière avec le Niger ce lundi.\n\
            Une frontière fermée « jusqu’à nouvel ordre »\n\
            Crise au Soudan : Khartoum accuse Nairobi de soutenir les rebelles\n\
            Le Niger a dénoncé une décision « unilatérale » du Mali.";
        assert_eq!(
            marked(text),
            ["Crise au Soudan : Khartoum accuse Nairobi de soutenir les rebelles"]
        );
    }

    #[test]
    fn spans_are_exact_lines() {
        let lex = BoilerplateLexicon::load(&Sources::builtin()).unwrap();
        let text = "Texte.\n  Lire aussi : autre chose  \nFin.";
        let d = Doc::new("t", text);
        assert_eq!(mark(&d, &lex), [Span::new(9, 33)]);
    }
}
