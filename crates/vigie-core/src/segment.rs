//! Sentences and tokens for French and English news.
//!
//! Tokens: words (letters and digits, with inner hyphens; French elisions such as « l’ » and
//! « qu’ » split off with their apostrophe, English possessive « ’s » split off), numbers
//! (« 20,5 », "20.5", "1,000,000", « 1 000 » with a non-breaking space) and single punctuation
//! characters. Dotted abbreviations ("U.S.", « J.-C. ») are one token.
//!
//! Sentences end at a line break, or after `.` `!` `?` `…` (and any closing quotes or
//! brackets after it) when the next token can start a sentence — except after an
//! abbreviation (`lexicon/segment/abbreviations.tsv`) or an initial. Scraped text often glues
//! paragraphs ("…à Berlin.Au sein du…"): a period between a lower-case word and a capital
//! letter ends a sentence there too. A dateline ("BERLIN |", « PARIS (AFP) - ») is a sentence
//! of its own so that the city is never read as the subject of the first clause.

use std::collections::{HashMap, HashSet};

use crate::doc::{Doc, Span, Token, TokenKind};
use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    /// Precedes a name or number: never ends a sentence.
    Title,
    /// May end a sentence when a capitalized function word follows.
    Other,
}

#[derive(Debug, Default)]
pub struct SegmentLexicon {
    abbrevs: HashMap<String, AbbrevKind, FnvBuild>,
    /// Capitalized function words that start sentences (from the language lexicon).
    starters: HashSet<String, FnvBuild>,
}

impl SegmentLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src
            .table("segment/abbreviations.tsv")
            .map_err(|e| vec![e])?;
        let (ca, ck) = match (t.col("abbrev"), t.col("kind")) {
            (Ok(a), Ok(k)) => (a, k),
            (Err(e), _) | (_, Err(e)) => return Err(vec![e]),
        };
        let mut errors = Vec::new();
        let mut abbrevs = HashMap::default();
        for row in &t.rows {
            let kind = match row.get(ck) {
                "title" => AbbrevKind::Title,
                "other" => AbbrevKind::Other,
                k => {
                    errors.push(t.error(row, format!("kind must be title or other, not `{k}`")));
                    continue;
                }
            };
            let a = row.get(ca).trim_end_matches('.');
            if a.is_empty() {
                errors.push(t.error(row, "empty abbreviation"));
                continue;
            }
            abbrevs.insert(a.to_string(), kind);
        }
        let mut starters = HashSet::default();
        if let Ok(sw) = src.table("lang/stopwords.tsv") {
            if let Ok(cw) = sw.col("words") {
                for row in &sw.rows {
                    for w in row.get(cw).split_whitespace() {
                        starters.insert(crate::normalize::fold(w));
                    }
                }
            }
        }
        if errors.is_empty() {
            Ok(Self { abbrevs, starters })
        } else {
            Err(errors)
        }
    }
}

/// French elided forms that take their apostrophe with them (« l’ », « qu’ »…).
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '»' | '"' | '\u{201D}' | '\u{2019}' | ')' | ']' | '\u{203A}' | '\''
    )
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '«' | '"'
            | '\u{201C}'
            | '\u{2018}'
            | '('
            | '['
            | '\u{2039}'
            | '-'
            | '\u{2013}'
            | '\u{2014}'
    )
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Spaces that may sit inside a number (« 1 000 ») and before French high punctuation.
fn is_narrow_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// A raw token before sentence assignment.
#[derive(Debug, Clone, Copy)]
struct Raw {
    span: Span,
    kind: TokenKind,
    /// A line break lies between the previous token and this one.
    newline_before: bool,
    /// Some whitespace lies between the previous token and this one.
    space_before: bool,
}

fn tokenize(text: &str) -> Vec<Raw> {
    let b = text.as_bytes();
    let mut out: Vec<Raw> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let (mut newline, mut space) = (false, false);
    // an ASCII byte is its character: decode only the others (most text is ASCII)
    let char_at = |i: usize| match b.get(i) {
        Some(&x) if x.is_ascii() => Some(char::from(x)),
        _ => text.get(i..).and_then(|t| t.chars().next()),
    };
    while i < b.len() {
        let Some(c) = char_at(i) else { break };
        if c.is_whitespace() {
            if c == '\n' || c == '\u{2029}' {
                newline = true;
            }
            space = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            i += 1;
            loop {
                match char_at(i) {
                    Some(d) if d.is_ascii_digit() => i += 1,
                    // 20,5 / 20.5 / 1,000 — a separator counts only between digits
                    Some(sep @ ('.' | ','))
                        if char_at(i + 1).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        i += sep.len_utf8();
                    }
                    // « 1 000 000 »: a narrow space followed by exactly three digits
                    Some(sp) if is_narrow_space(sp) => {
                        let j = i + sp.len_utf8();
                        let digits = text[j..].bytes().take_while(u8::is_ascii_digit).count();
                        if digits == 3 {
                            i = j + 3;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // a number glued to letters (« 2e », "3rd", "G20") is a word
            if char_at(i).is_some_and(char::is_alphabetic) {
                while let Some(d) = char_at(i).filter(|d| d.is_alphanumeric()) {
                    i += d.len_utf8();
                }
                out.push(Raw {
                    span: Span::new(start, i),
                    kind: TokenKind::Word,
                    newline_before: newline,
                    space_before: space,
                });
                newline = false;
                space = false;
                continue;
            }
        } else if c.is_alphanumeric() {
            kind = TokenKind::Word;
            // dotted abbreviation: U.S. / a.m. / J.-C.
            if let Some(end) = dotted_abbrev(text, i) {
                out.push(Raw {
                    span: Span::new(start, end),
                    kind,
                    newline_before: newline,
                    space_before: space,
                });
                newline = false;
                space = false;
                i = end;
                continue;
            }
            i += c.len_utf8();
            loop {
                // ASCII letters and digits, most of a word, without decoding a character
                while b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                    i += 1;
                }
                match char_at(i) {
                    Some(d) if d.is_alphanumeric() || unicode_mark(d) => i += d.len_utf8(),
                    Some(h @ ('-' | '\u{2011}'))
                        if char_at(i + h.len_utf8()).is_some_and(char::is_alphanumeric) =>
                    {
                        i += h.len_utf8();
                    }
                    Some(a)
                        if is_apostrophe(a)
                            && char_at(i + a.len_utf8()).is_some_and(char::is_alphabetic) =>
                    {
                        let word = &text[start..i];
                        let lw = word.to_lowercase();
                        if ELISIONS.contains(&lw.as_str()) {
                            // « l’ » is a token of its own, apostrophe included
                            i += a.len_utf8();
                            break;
                        }
                        let rest = &text[i + a.len_utf8()..];
                        let next_word_len = rest.chars().take_while(|c| c.is_alphabetic()).count();
                        if next_word_len == 1 && rest.starts_with(['s', 'S']) {
                            // English possessive: "Russia" + "’s"
                            break;
                        }
                        i += a.len_utf8();
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokenKind::Punct;
            i += c.len_utf8();
            // "'s" after a word: one token
            if is_apostrophe(c)
                && out
                    .last()
                    .is_some_and(|t| t.span.end == start && t.kind == TokenKind::Word)
            {
                if let Some(s) = char_at(i).filter(|s| matches!(s, 's' | 'S')) {
                    if !char_at(i + 1).is_some_and(char::is_alphanumeric) {
                        i += s.len_utf8();
                        out.push(Raw {
                            span: Span::new(start, i),
                            kind: TokenKind::Word,
                            newline_before: newline,
                            space_before: space,
                        });
                        newline = false;
                        space = false;
                        continue;
                    }
                }
            }
        }
        out.push(Raw {
            span: Span::new(start, i),
            kind,
            newline_before: newline,
            space_before: space,
        });
        newline = false;
        space = false;
    }
    out
}

/// A combining mark (none is ASCII: the space or punctuation that ends most words skips
/// the table lookup).
fn unicode_mark(c: char) -> bool {
    !c.is_ascii() && unicode_normalization::char::is_combining_mark(c)
}

/// End of a dotted abbreviation starting at `i` ("U.S.", "a.m.", « J.-C. »): at least two
/// single letters each followed by a period.
fn dotted_abbrev(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    let mut parts = 0;
    loop {
        let c = text[j..].chars().next()?;
        if !c.is_alphabetic() {
            break;
        }
        let after = j + c.len_utf8();
        if b.get(after) != Some(&b'.') {
            break;
        }
        // the letter must stand alone: "U." not "Us."
        if j > i && b[j - 1] != b'.' && b[j - 1] != b'-' {
            break;
        }
        parts += 1;
        j = after + 1;
        if b.get(j) == Some(&b'-') {
            j += 1;
        }
    }
    // (most words are no abbreviation: known here, without reading the character after)
    if parts < 2 {
        return None;
    }
    let next_is_letter = text[j..].chars().next().is_some_and(char::is_alphanumeric);
    (!next_is_letter).then_some(j)
}

/// A dateline at the very start: an all-capitals place name (with spaces or hyphens) followed
/// by `|`, `-`, `—`, `–`, `:` or a parenthesized agency. Returns the index of the first token
/// after it.
fn dateline_end(text: &str, toks: &[Raw]) -> Option<usize> {
    let mut k = 0;
    while k < toks.len() && k < 6 {
        let t = &toks[k];
        let s = &text[t.span.start..t.span.end];
        let upper_word = t.kind == TokenKind::Word
            && s.chars().any(char::is_alphabetic)
            && !s.chars().any(char::is_lowercase);
        if !upper_word {
            break;
        }
        k += 1;
    }
    if k == 0 || toks.get(k).is_some_and(|t| t.newline_before) {
        return None;
    }
    let mut j = k;
    // optional "(AFP)"
    if toks
        .get(j)
        .is_some_and(|t| &text[t.span.start..t.span.end] == "(")
    {
        let close = toks[j..]
            .iter()
            .take(5)
            .position(|t| &text[t.span.start..t.span.end] == ")")?;
        j += close + 1;
    }
    let sep = toks.get(j)?;
    let s = &text[sep.span.start..sep.span.end];
    if matches!(s, "|" | "-" | "—" | "–" | ":") && toks.get(j + 1).is_some() {
        Some(j + 1)
    } else if j > k && toks.get(j).is_some() {
        // « PARIS (AFP) Le ministre… »
        Some(j)
    } else {
        None
    }
}

/// Split `doc.text` into tokens and sentences (writes `doc.tokens` and `doc.sentences`).
pub fn segment(doc: &mut Doc, lex: &SegmentLexicon) {
    let text = doc.text.as_str();
    let raw = tokenize(text);
    let tok = |k: usize| &text[raw[k].span.start..raw[k].span.end];
    let first_char = |k: usize| tok(k).chars().next().unwrap_or(' ');
    let mut breaks = vec![false; raw.len()]; // breaks[k]: a sentence starts at token k
    if let Some(k) = dateline_end(text, &raw) {
        breaks[k] = true;
    }
    for k in 0..raw.len() {
        if raw[k].newline_before {
            breaks[k] = true;
        }
        // only punctuation ends a sentence: words (most tokens) are not read
        if raw[k].kind != TokenKind::Punct {
            continue;
        }
        let c = first_char(k);
        if !is_terminal(c) {
            continue;
        }
        // absorb further terminals and closing quotes: « … partons. » Puis
        let mut j = k + 1;
        while j < raw.len()
            && !raw[j].newline_before
            && raw[j].kind == TokenKind::Punct
            && (is_terminal(first_char(j)) || is_closing(first_char(j)))
        {
            // a straight quote after a space opens the next sentence rather than closing this one
            if first_char(j) == '"'
                && raw[j].space_before
                && j + 1 < raw.len()
                && !raw[j + 1].space_before
            {
                break;
            }
            j += 1;
        }
        if j >= raw.len() || raw[j].newline_before {
            continue;
        }
        let next = first_char(j);
        let next_text = tok(j);
        let starts_sentence = next.is_uppercase() || next.is_ascii_digit() || is_opening(next);
        if !starts_sentence {
            continue;
        }
        if c == '.' && k > 0 && raw[k - 1].span.end == raw[k].span.start {
            let prev = tok(k - 1);
            let glued = !raw[j].space_before;
            // an initial: "J. Smith"
            let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
            match lex.abbrevs.get(prev) {
                Some(AbbrevKind::Title) => continue,
                Some(AbbrevKind::Other)
                    if !lex.starters.contains(&crate::normalize::fold(next_text)) =>
                {
                    continue
                }
                _ => {}
            }
            if initial && next.is_uppercase() {
                continue;
            }
            // glued paragraphs: only after a real lower-case word ("Berlin.Au"), not "www.Site"
            if glued
                && !(prev.chars().count() >= 2
                    && prev.chars().last().is_some_and(char::is_lowercase)
                    && next.is_uppercase()
                    || is_opening(next))
            {
                continue;
            }
        }
        breaks[j] = true;
    }
    // a dotted abbreviation at a sentence end ("… in the U.S. The …")
    for k in 1..raw.len() {
        if raw[k - 1].kind == TokenKind::Word
            && tok(k - 1).ends_with('.')
            && first_char(k).is_uppercase()
            && lex.starters.contains(&crate::normalize::fold(tok(k)))
        {
            breaks[k] = true;
        }
    }
    let mut sentences = Vec::new();
    let mut tokens = Vec::with_capacity(raw.len());
    let mut start_tok = 0;
    for k in 0..=raw.len() {
        if k == raw.len() || (k > start_tok && breaks[k]) {
            if k > start_tok {
                sentences.push(Span::new(raw[start_tok].span.start, raw[k - 1].span.end));
            }
            start_tok = k;
        }
        if k < raw.len() {
            tokens.push(Token {
                span: raw[k].span,
                kind: raw[k].kind,
                sentence: sentences.len() as u32,
            });
        }
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(text: &str) -> Doc {
        let lex = SegmentLexicon::load(&Sources::builtin()).unwrap();
        let mut d = Doc::new("t", text);
        segment(&mut d, &lex);
        d
    }

    fn sentences(text: &str) -> Vec<String> {
        let d = seg(text);
        d.sentences
            .iter()
            .map(|&s| d.slice(s).to_string())
            .collect()
    }

    fn tokens(text: &str) -> Vec<String> {
        let d = seg(text);
        d.tokens
            .iter()
            .map(|t| d.slice(t.span).to_string())
            .collect()
    }

    #[test]
    fn french_abbreviations_and_quotes() {
        assert_eq!(
            sentences(
                "M. Durand a parlé à Mme Lefèvre. « Nous partirons demain. » Puis il est sorti."
            ),
            [
                "M. Durand a parlé à Mme Lefèvre.",
                "« Nous partirons demain. »",
                "Puis il est sorti."
            ]
        );
    }

    #[test]
    fn english_abbreviations_and_initials() {
        assert_eq!(
            sentences(
                "Gen. Smith met Dr. J. R. Lowe in the U.S. capital. The U.S. The talks ended."
            ),
            [
                "Gen. Smith met Dr. J. R. Lowe in the U.S. capital.",
                "The U.S.",
                "The talks ended."
            ]
        );
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            tokens("20,5 % et 20.5% puis 1\u{a0}000 000"),
            ["20,5", "%", "et", "20.5", "%", "puis", "1\u{a0}000", "000"]
        );
        assert_eq!(
            sentences("Le taux est de 3.5 pour cent. Il baisse."),
            ["Le taux est de 3.5 pour cent.", "Il baisse."]
        );
    }

    #[test]
    fn elisions_and_possessives_split() {
        assert_eq!(
            tokens("l’accord qu’il a signé"),
            ["l’", "accord", "qu’", "il", "a", "signé"]
        );
        assert_eq!(
            tokens("Russia's army, aujourd'hui"),
            ["Russia", "'s", "army", ",", "aujourd'hui"]
        );
        assert_eq!(tokens("cessez-le-feu"), ["cessez-le-feu"]);
        // a non-breaking hyphen is three bytes: the next char is read after all of them
        assert_eq!(
            tokens("Saint\u{2011}Denis a\u{2011}"),
            ["Saint\u{2011}Denis", "a", "\u{2011}"]
        );
    }

    #[test]
    fn paragraphs_and_glued_paragraphs() {
        assert_eq!(
            sentences("Titre sans point\nLe texte suit.\n\nFin"),
            ["Titre sans point", "Le texte suit.", "Fin"]
        );
        assert_eq!(
            sentences("Il était à Berlin.Au sein du parti, rien."),
            ["Il était à Berlin.", "Au sein du parti, rien."]
        );
        assert_eq!(
            sentences("Voir le site example.com pour plus."),
            ["Voir le site example.com pour plus."]
        );
    }

    #[test]
    fn datelines_stand_alone() {
        assert_eq!(
            sentences("BERLIN | Le gouvernement a réagi."),
            ["BERLIN |", "Le gouvernement a réagi."]
        );
        assert_eq!(
            sentences("PARIS (AFP) - Le ministre a parlé."),
            ["PARIS (AFP) -", "Le ministre a parlé."]
        );
        assert_eq!(
            sentences("NEW YORK — The council met."),
            ["NEW YORK —", "The council met."]
        );
    }

    #[test]
    fn token_spans_are_exact_and_sentences_indexed() {
        let d = seg("Il part. Elle reste.");
        let t = &d.tokens[3];
        assert_eq!((t.span, t.sentence), (Span::new(9, 13), 1));
        assert_eq!(d.sentence_tokens(1).len(), 3);
    }
}
