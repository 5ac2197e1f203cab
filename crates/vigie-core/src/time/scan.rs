//! Atoms: the folded text cut into pieces (runs of letters and digits, single other
//! characters), with lexicon phrases merged into one atom each. The grammar reads atoms.

use crate::doc::{Doc, Span};

use super::lexicon::{Entry, Kind, LangWords};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum AtomKind {
    /// A lexicon phrase; its entries are `words.entries[first..]` listed in `Atom::entries`.
    Lex,
    /// Digits only: value and digit count.
    Num(u32, u8),
    /// Digits with an ordinal ending: « 1er », "6th".
    OrdNum(u32),
    /// A clock time glued together: « 11h15 », « 20h ».
    Clock(u32, u32),
    /// A decade written "1990s".
    Decade(u32),
    Word,
    Punct(char),
}

pub(crate) const MAX_READINGS: usize = 4;

#[derive(Debug, Clone)]
pub(crate) struct Atom {
    pub(crate) span: Span,
    pub(crate) kind: AtomKind,
    /// Lexicon kinds of a `Lex` atom (capitalization-checked); a phrase has few readings, so
    /// a fixed array keeps atoms allocation-free.
    pub(crate) kinds: [Option<Kind>; MAX_READINGS],
    pub(crate) newline_before: bool,
    /// Folded text of the atom.
    pub(crate) folded: (usize, usize),
}

impl Atom {
    pub(crate) fn find<T>(&self, f: impl Fn(Kind) -> Option<T>) -> Option<T> {
        self.kinds.iter().flatten().find_map(|k| f(*k))
    }
    pub(crate) fn is(&self, f: impl Fn(Kind) -> bool) -> bool {
        self.kinds.iter().flatten().any(|k| f(*k))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Classify a run of letters and digits that no lexicon phrase covers.
fn classify(piece: &str, words: &LangWords) -> AtomKind {
    if let Some(v) = digits_value(piece) {
        return AtomKind::Num(v, piece.len() as u8);
    }
    let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return AtomKind::Word;
    }
    let (num, rest) = piece.split_at(digits);
    let Some(n) = digits_value(num) else {
        return AtomKind::Word;
    };
    if words.ordinal_suffixes.iter().any(|s| s == rest) {
        return AtomKind::OrdNum(n);
    }
    if rest == "s" && digits == 4 && n % 10 == 0 {
        return AtomKind::Decade(n / 10);
    }
    if rest == "s" && digits == 2 && n % 10 == 0 {
        return AtomKind::Decade(190 + n / 10);
    }
    // « 11h15 », « 20h »: hours then `h` then optional minutes
    if let Some(min) = rest.strip_prefix('h') {
        let m = if min.is_empty() {
            Some(0)
        } else {
            (min.len() == 2).then(|| digits_value(min)).flatten()
        };
        if let Some(m) = m.filter(|m| *m < 60 && n <= 24) {
            return AtomKind::Clock(n, m);
        }
    }
    AtomKind::Word
}

/// Cut the document into atoms.
pub(crate) fn atoms(doc: &Doc, words: &LangWords) -> Vec<Atom> {
    let folded = doc.norm.folded.as_str();
    // phrase matches keyed by folded start, longest first
    let matches = words.matcher.find_all(&doc.norm);
    let mut mi = 0;
    let mut out = Vec::with_capacity(folded.len() / 4);
    let mut newline = false;
    let mut i = 0;
    let bytes = folded.as_bytes();
    while i < folded.len() {
        // an ASCII byte is its character: decode only the others (most text is ASCII)
        let c = match bytes.get(i) {
            Some(&b) if b.is_ascii() => char::from(b),
            _ => match folded.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => c,
                None => break,
            },
        };
        if c.is_whitespace() {
            newline |= c == '\n';
            i += c.len_utf8();
            continue;
        }
        // the end of the piece starting here
        let piece_end = if is_word_char(c) {
            let mut j = i;
            loop {
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                match folded[j..].chars().next().filter(|d| is_word_char(*d)) {
                    Some(d) => j += d.len_utf8(),
                    None => break,
                }
            }
            j
        } else {
            i + c.len_utf8()
        };
        while mi < matches.len() && matches[mi].folded_start < i {
            mi += 1;
        }
        // the longest phrase starting here that ends at a piece end
        let mut best: Option<(usize, &[u32])> = None;
        let mut k = mi;
        while k < matches.len() && matches[k].folded_start == i {
            // the matcher keeps phrases on word boundaries, so any match ends a piece
            let e = matches[k].folded_end;
            if best.is_none_or(|(be, _)| e > be) {
                best = Some((e, matches[k].payloads));
            }
            k += 1;
        }
        let span_of = |a: usize, b: usize| doc.norm.to_original(a, b);
        if let Some((e, payloads)) = best {
            let span = span_of(i, e);
            let capitalized = doc.text[span.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            // an abbreviation stands only before a period or a number (« Jan. 6 », "Jan 2026")
            let after = &folded.as_bytes()[e..];
            let abbr_ok = after.first() == Some(&b'.')
                || (after.first() == Some(&b' ') && after.get(1).is_some_and(u8::is_ascii_digit));
            let mut kinds = [None; MAX_READINGS];
            let readings = payloads
                .iter()
                .filter_map(|p| words.entries.get(*p as usize))
                .filter(|en: &&Entry| {
                    (!en.cap || capitalized)
                        && (!en.lower || !capitalized)
                        && (!en.abbr || abbr_ok)
                        && en
                            .exact
                            .as_deref()
                            .is_none_or(|p| doc.text[span.start..span.end].to_lowercase() == p)
                })
                .map(|en| en.kind);
            for (slot, k) in kinds.iter_mut().zip(readings) {
                *slot = Some(k);
            }
            if kinds[0].is_some() {
                out.push(Atom {
                    span,
                    kind: AtomKind::Lex,
                    kinds,
                    newline_before: newline,
                    folded: (i, e),
                });
                newline = false;
                i = e;
                continue;
            }
        }
        let kind = if is_word_char(c) {
            classify(&folded[i..piece_end], words)
        } else {
            AtomKind::Punct(c)
        };
        out.push(Atom {
            span: span_of(i, piece_end),
            kind,
            kinds: [None; MAX_READINGS],
            newline_before: newline,
            folded: (i, piece_end),
        });
        newline = false;
        i = piece_end;
    }
    out
}
