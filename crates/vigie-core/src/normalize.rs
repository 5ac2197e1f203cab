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
    /// Folded offsets where a lexicon key may start: each word start and each byte that is
    /// neither a word byte nor a space (see [`Normalized::key_starts`]).
    starts: Vec<u32>,
    /// For each of `starts`, the [`word_hash`] of the word bytes from there (0 where none):
    /// every phrase matcher tests it, so it is computed once per text.
    start_hashes: Vec<u32>,
}

/// A byte that belongs to a word for matching: ASCII letters and digits, and every byte of a
/// non-ASCII character.
#[inline]
pub(crate) fn is_word_byte(b: u8) -> bool {
    // a table: the test runs for every byte of the text and every start of every phrase walk
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] of every byte.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b >= 0x80;
        b += 1;
    }
    t
};

/// Bytes folded by [`Normalized::new`] and [`fold`] as a `String`: every piece pushed is a
/// whole folded character, so the bytes are UTF-8 (checked once, at the end, rather than a
/// character at a time).
fn into_string(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The fold of an ASCII byte: lower case, a backquote as an apostrophe, white space (but
/// the line break) as a plain space — what [`fold_char`] does to ASCII, as a table lookup.
/// Most news text is ASCII, and the general path (a 30-way match, Unicode lower case and
/// decomposition) cost a tenth of the pipeline.
const fn ascii_fold(b: u8) -> u8 {
    match b {
        b'`' => b'\'',
        b'\t' | 0x0B | 0x0C | b'\r' => b' ',
        _ => b.to_ascii_lowercase(),
    }
}

/// Fold one character into `out` (possibly several chars, possibly none).
#[inline]
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(char::from(ascii_fold(c as u8)));
    } else {
        fold_non_ascii(c, out);
    }
}

/// [`fold_char`] for a character outside ASCII.
fn fold_non_ascii(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' => out.push('\''),
        '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}' =>
        {
            out.push('"');
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            out.push('-');
        }
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        c if c.is_whitespace() => out.push(' '),
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

/// `fold(s)` written into `buf` without allocating, when `s` is ASCII and fits (a word, for
/// lookups made for every token); `None` otherwise.
pub(crate) fn fold_ascii_into<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    if !s.is_ascii() || s.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..s.len()];
    for (o, b) in out.iter_mut().zip(s.bytes()) {
        *o = ascii_fold(b);
    }
    std::str::from_utf8(out).ok()
}

/// `f` applied to `fold(s)`, folded on the stack when `s` is a short ASCII word (most words
/// looked up for every token) and into a new string otherwise.
pub(crate) fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match fold_ascii_into(s, &mut buf) {
        Some(folded) => f(folded),
        None => f(&fold(s)),
    }
}

/// Fold a string (for lexicon keys).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return into_string(s.bytes().map(ascii_fold).collect());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// `fold(a) == fold(b)`, without building either when both are ASCII (folded byte for byte).
pub(crate) fn fold_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.len() == b.len()
            && a.bytes()
                .zip(b.bytes())
                .all(|(x, y)| ascii_fold(x) == ascii_fold(y));
    }
    fold(a) == fold(b)
}

/// A hash of the word bytes that open `bytes` (up to the first byte that is not a word
/// byte), the same for a phrase key and for the text: a phrase matcher keeps the hashes of
/// its keys' first words and walks its automaton only from the text's words among them.
pub(crate) fn word_hash(bytes: &[u8]) -> u32 {
    let h = bytes
        .iter()
        .take_while(|&&b| is_word_byte(b))
        .fold(HASH_SEED, |h, &b| hash_step(h, b));
    hash_finish(h)
}

/// [`word_hash`] in steps (FNV-1a over the bytes, then a multiplication that leaves its
/// best-mixed bits at the top), so that [`key_starts`] hashes each word as it passes.
const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn hash_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

#[inline]
fn hash_finish(h: u64) -> u32 {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

/// See [`Normalized::key_starts`]; with the [`word_hash`] of each start, in the same pass.
fn key_starts(folded: &str) -> (Vec<u32>, Vec<u32>) {
    let mut out = Vec::with_capacity(folded.len() / 4);
    let mut hashes = Vec::with_capacity(folded.len() / 4);
    let mut prev_word = false;
    let mut h = HASH_SEED;
    for (i, &b) in folded.as_bytes().iter().enumerate() {
        let word = is_word_byte(b);
        if word {
            if !prev_word {
                out.push(i as u32);
                hashes.push(0);
                h = HASH_SEED;
            }
            h = hash_step(h, b);
        } else {
            if prev_word {
                // the word that just ended: its start is the last one pushed
                if let Some(last) = hashes.last_mut() {
                    *last = hash_finish(h);
                }
            }
            if b != b' ' {
                out.push(i as u32);
                hashes.push(0);
            }
        }
        prev_word = word;
    }
    if prev_word {
        if let Some(last) = hashes.last_mut() {
            *last = hash_finish(h);
        }
    }
    (out, hashes)
}

impl Normalized {
    pub fn new(text: &str) -> Self {
        let mut folded: Vec<u8> = Vec::with_capacity(text.len());
        // the fold of one character outside ASCII, copied into `folded`
        let mut one = String::new();
        let mut start = Vec::with_capacity(text.len());
        let mut end = Vec::with_capacity(text.len());
        let mut fwd = Vec::with_capacity(text.len() + 1);
        fwd.push(0);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // a run of ASCII (most of the text) folds byte for byte: its four columns are
            // filled in bulk rather than character by character
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(bytes.len(), |k| i + k);
            if run > i {
                let base = folded.len() as u32;
                // exclusive ranges and a mapped slice: their length is known, so each column
                // is written in one loop without a capacity check per byte
                folded.extend(bytes[i..run].iter().map(|&b| ascii_fold(b)));
                start.extend(i as u32..run as u32);
                end.extend((i as u32..run as u32).map(|x| x + 1));
                fwd.extend((base..base + (run - i) as u32).map(|x| x + 1));
                i = run;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            let before = folded.len();
            one.clear();
            fold_char(c, &mut one);
            folded.extend_from_slice(one.as_bytes());
            let j = (i + c.len_utf8()) as u32;
            for _ in before..folded.len() {
                start.push(i as u32);
                end.push(j);
            }
            let after = folded.len() as u32;
            for _ in 0..c.len_utf8() {
                fwd.push(after);
            }
            i += c.len_utf8();
        }
        let folded = into_string(folded);
        let (starts, start_hashes) = key_starts(&folded);
        Self {
            folded,
            start,
            end,
            fwd,
            orig_len: text.len() as u32,
            starts,
            start_hashes,
        }
    }

    /// The folded offsets where a lexicon key may start, in order: every word start (a word
    /// byte not preceded by one) and every byte that is neither a word byte nor a space
    /// (keys are folded and trimmed, so none starts with a space). Each `PhraseMatcher`
    /// search walks these instead of testing every byte of the text again.
    pub fn key_starts(&self) -> &[u32] {
        &self.starts
    }

    /// The [`word_hash`] of each of [`Normalized::key_starts`] that is a word start (0 for
    /// the others), in the same order.
    pub(crate) fn key_start_hashes(&self) -> &[u32] {
        &self.start_hashes
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

    /// The folded text of an original span: `fold` of its text (folding goes character by
    /// character), read from the folded text instead of built. `None` off the text.
    pub fn folded_span(&self, span: Span) -> Option<&str> {
        let (a, b) = self.folded_range(span);
        self.folded.get(a..b)
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
    fn each_word_start_carries_the_hash_of_its_word() {
        let n = Normalized::new("L’UE a dit « non » au plan-cadre de Kyiv, 2024.");
        let bytes = n.folded.as_bytes();
        let words: Vec<&str> = n
            .key_starts()
            .iter()
            .zip(n.key_start_hashes())
            .filter(|(&s, _)| is_word_byte(bytes[s as usize]))
            .map(|(&s, &h)| {
                assert_eq!(h, word_hash(&bytes[s as usize..]));
                let w = &bytes[s as usize..];
                let len = w.iter().take_while(|&&b| is_word_byte(b)).count();
                std::str::from_utf8(&w[..len]).unwrap_or("")
            })
            .collect();
        assert_eq!(
            words,
            ["l", "ue", "a", "dit", "non", "au", "plan", "cadre", "de", "kyiv", "2024"]
        );
        assert_ne!(word_hash(b"kyiv"), word_hash(b"kyi"));
        assert_eq!(word_hash(b"kyiv, 2024"), word_hash(b"kyiv"));
    }

    #[test]
    fn folds_case_accents_apostrophes_and_spaces() {
        assert_eq!(
            fold("L’Élysée\u{a0}a «\u{202f}Réagi\u{202f}»"),
            "l'elysee a \" reagi \""
        );
        assert_eq!(fold("Œuvre cœur"), "oeuvre coeur");
    }

    #[test]
    fn ascii_table_folds_like_the_rules() {
        // the rules `fold_char` had for ASCII before the table: backquote → apostrophe, line
        // break kept, other white space → space, letters lower-cased
        for b in 0u8..128 {
            let c = char::from(b);
            let want = match c {
                '`' => '\'',
                '\n' => '\n',
                c if c.is_whitespace() => ' ',
                c => c.to_ascii_lowercase(),
            };
            let mut got = String::new();
            fold_char(c, &mut got);
            assert_eq!(got, want.to_string(), "byte {b}");
            assert_eq!(fold(&c.to_string()), want.to_string(), "byte {b}");
        }
        let mut buf = [0u8; 8];
        assert_eq!(fold_ascii_into("Il\tA", &mut buf), Some("il a"));
        assert_eq!(fold_ascii_into("Élysée", &mut buf), None);
        assert_eq!(fold_ascii_into("Washington", &mut buf), None);
    }

    #[test]
    fn ascii_runs_and_other_chars_map_alike() {
        // runs of ASCII between ligatures, accents, combining marks and wide characters
        let text = "AB œ Éte\u{301}\u{2019}s x\u{3000}y — fin";
        let n = Normalized::new(text);
        assert_eq!(n.folded, fold(text));
        assert_eq!(n.folded, "ab oe ete's x y - fin");
        let mut orig = 0;
        for (i, c) in text.char_indices() {
            let f = fold(&text[..i]).len();
            assert_eq!(n.to_folded(i), f, "offset {i}");
            orig = i + c.len_utf8();
        }
        assert_eq!(n.to_folded(orig), n.folded.len());
        let at = n.folded.find("ete'").unwrap();
        let sp = n.to_original(at, at + 4);
        assert_eq!(&text[sp.start..sp.end], "Éte\u{301}\u{2019}");
    }

    #[test]
    fn key_starts_are_word_starts_and_punctuation() {
        let n = Normalized::new("Le 1er-mai, l’UE a dit « oui »");
        let got: Vec<&str> = n
            .key_starts()
            .iter()
            .map(|&s| &n.folded[s as usize..=s as usize])
            .collect();
        assert_eq!(
            got,
            ["l", "1", "-", "m", ",", "l", "'", "u", "a", "d", "\"", "o", "\""]
        );
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
