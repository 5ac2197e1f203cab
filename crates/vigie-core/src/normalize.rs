//! Folding for matching: lower case, no accents, straight apostrophes and quotes, plain spaces,
//! ligatures spelled out, with an exact map from every folded byte back to the original text.
//!
//! Lexicon keys are folded with the same function, so « Zaporijjia », « ZAPORIJJIA » and
//! « Zaporíjjia » match one entry, and l’accord matches l'accord.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::doc::Span;

/// Folded text and its offset map.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The folded text.
    pub folded: String,
    /// For each folded byte, the start of the original character it came from.
    start: Vec<u32>,
    /// For each folded byte, the end of the original character it came from.
    end: Vec<u32>,
    /// For each original byte offset (and the end), the number of folded bytes that come
    /// from characters starting before it: `to_folded` in one lookup rather than a binary
    /// search, for the stages that fold token by token.
    fwd: Vec<u32>,
    orig_len: u32,
}

/// Fold one character into `out` (possibly several chars, possibly none).
pub fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
        '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}' =>
        {
            out.push('"');
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-');
        }
        '\n' => out.push('\n'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_whitespace() => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for l in c.to_lowercase() {
                decompose_canonical(l, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                });
            }
        }
    }
}

/// Fold a string (for lexicon keys).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut start = Vec::with_capacity(text.len());
        let mut end = Vec::with_capacity(text.len());
        let mut fwd = Vec::with_capacity(text.len() + 1);
        fwd.push(0);
        for (i, c) in text.char_indices() {
            let before = folded.len();
            fold_char(c, &mut folded);
            let j = (i + c.len_utf8()) as u32;
            for _ in before..folded.len() {
                start.push(i as u32);
                end.push(j);
            }
            let after = folded.len() as u32;
            for _ in 0..c.len_utf8() {
                fwd.push(after);
            }
        }
        Self {
            folded,
            start,
            end,
            fwd,
            orig_len: text.len() as u32,
        }
    }

    /// Map a folded byte range back to the original text. The result always lies on
    /// original char boundaries and covers every original char the folded range touches.
    pub fn to_original(&self, a: usize, b: usize) -> Span {
        if self.start.is_empty() || a >= b {
            let at = self.start.get(a).map_or(self.orig_len, |&s| s) as usize;
            return Span::new(at, at);
        }
        let s = self.start[a.min(self.start.len() - 1)] as usize;
        let e = self.end[(b - 1).min(self.end.len() - 1)] as usize;
        Span::new(s, e)
    }

    /// Folded byte offset of original byte offset `orig` (first folded byte of the char at or
    /// after it).
    pub fn to_folded(&self, orig: usize) -> usize {
        self.fwd
            .get(orig)
            .map_or(self.folded.len(), |&f| f as usize)
    }

    /// Folded byte range of an original span.
    pub fn folded_range(&self, span: Span) -> (usize, usize) {
        (self.to_folded(span.start), self.to_folded(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_apostrophes_and_spaces() {
        assert_eq!(
            fold("L’Élysée\u{a0}a «\u{202f}Réagi\u{202f}»"),
            "l'elysee a \" reagi \""
        );
        assert_eq!(fold("Œuvre cœur"), "oeuvre coeur");
    }

    #[test]
    fn maps_folded_spans_back_exactly() {
        let text = "Le cœur de l’État";
        let n = Normalized::new(text);
        let at = n.folded.find("coeur").unwrap();
        let sp = n.to_original(at, at + 5);
        assert_eq!(&text[sp.start..sp.end], "cœur");
        let at = n.folded.find("l'etat").unwrap();
        let sp = n.to_original(at, at + 6);
        assert_eq!(&text[sp.start..sp.end], "l’État");
        assert_eq!(n.to_folded(sp.start), at);
    }

    #[test]
    fn to_folded_is_the_first_folded_byte_at_or_after() {
        // ligatures grow, accents shrink, a combining mark folds to nothing
        let text = "Œuvre « É\u{301}té » ß—x\u{2019}";
        let n = Normalized::new(text);
        for orig in 0..=text.len() + 2 {
            let want = n.start.partition_point(|&s| (s as usize) < orig);
            assert_eq!(n.to_folded(orig), want, "offset {orig}");
        }
    }
}
