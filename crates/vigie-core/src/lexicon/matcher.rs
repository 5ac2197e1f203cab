//! Multi-word phrase matching over folded text, on word boundaries, for every lexicon that
//! lists phrases (countries, organizations, roles, triggers, time words, place names).
//!
//! Keys are folded like the text (see `normalize`), so case, accents and apostrophe styles do
//! not matter. A key whose first or last character is a letter or digit only matches where the
//! text has no letter or digit just outside it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::doc::Span;
use crate::normalize::{fold, Normalized};

/// A compiled set of phrases, each carrying one or more payloads (indexes into the caller's
/// entry table).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    ac: Option<AhoCorasick>,
    keys: Vec<String>,
    payloads: Vec<Vec<u32>>,
}

/// One match: folded and original ranges, and the payloads of its key.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'m> {
    pub folded_start: usize,
    pub folded_end: usize,
    pub span: Span,
    pub payloads: &'m [u32],
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl PhraseMatcher {
    /// Build from `(phrase, payload)` pairs; phrases are folded here. Empty phrases are skipped.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, u32)>) -> Self {
        let mut index = std::collections::HashMap::<String, usize>::new();
        let mut keys = Vec::new();
        let mut payloads: Vec<Vec<u32>> = Vec::new();
        for (phrase, payload) in entries {
            let key = fold(phrase.as_ref())
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if key.is_empty() {
                continue;
            }
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                keys.push(key);
                payloads.push(Vec::new());
                keys.len() - 1
            });
            if !payloads[slot].contains(&payload) {
                payloads[slot].push(payload);
            }
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .expect("phrase automaton within size limits"),
            )
        };
        Self { ac, keys, payloads }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn bounded(hay: &[u8], key: &[u8], s: usize, e: usize) -> bool {
        let left_ok = !is_word_byte(key[0]) || s == 0 || !is_word_byte(hay[s - 1]);
        let right_ok = !is_word_byte(key[key.len() - 1]) || e == hay.len() || !is_word_byte(hay[e]);
        // a multi-byte char is never cut: folded keys and text are both valid UTF-8 and
        // the automaton matches whole keys, so s and e are char boundaries of `hay`.
        left_ok && right_ok
    }

    /// Every boundary-respecting match in the folded text, overlapping ones included, sorted
    /// by start then by decreasing length.
    pub fn find_all<'m>(&'m self, norm: &Normalized) -> Vec<PhraseMatch<'m>> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let hay = norm.folded.as_bytes();
        let mut out: Vec<PhraseMatch<'m>> = ac
            .find_overlapping_iter(hay)
            .filter_map(|m| {
                let k = m.pattern().as_usize();
                let (s, e) = (m.start(), m.end());
                Self::bounded(hay, self.keys[k].as_bytes(), s, e).then(|| PhraseMatch {
                    folded_start: s,
                    folded_end: e,
                    span: norm.to_original(s, e),
                    payloads: &self.payloads[k],
                })
            })
            .collect();
        out.sort_by(|a, b| {
            a.folded_start
                .cmp(&b.folded_start)
                .then(b.folded_end.cmp(&a.folded_end))
        });
        out
    }

    /// Non-overlapping matches, leftmost first and longest at each position.
    pub fn find_longest<'m>(&'m self, norm: &Normalized) -> Vec<PhraseMatch<'m>> {
        let mut out: Vec<PhraseMatch<'m>> = Vec::new();
        for m in self.find_all(norm) {
            if out.last().is_none_or(|l| m.folded_start >= l.folded_end) {
                out.push(m);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_on_word_boundaries_longest_first() {
        let m = PhraseMatcher::new([
            ("Russie", 0),
            ("ministère russe des Affaires étrangères", 1),
            ("russe", 2),
        ]);
        let text = "Le Ministère russe des affaires étrangères et la Russie, pas la Prussie.";
        let n = Normalized::new(text);
        let got: Vec<_> = m
            .find_longest(&n)
            .iter()
            .map(|x| (&text[x.span.start..x.span.end], x.payloads[0]))
            .collect();
        assert_eq!(
            got,
            [
                ("Ministère russe des affaires étrangères", 1),
                ("Russie", 0)
            ]
        );
    }

    #[test]
    fn keys_ending_in_apostrophe_match_before_a_letter() {
        let m = PhraseMatcher::new([("l'", 7)]);
        let n = Normalized::new("l’armée");
        assert_eq!(m.find_all(&n).len(), 1);
    }
}
