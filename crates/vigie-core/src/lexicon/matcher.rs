//! Multi-word phrase matching over folded text, on word boundaries, for every lexicon that
//! lists phrases (countries, organizations, roles, triggers, time words, place names).
//!
//! Keys are folded like the text (see `normalize`), so case, accents and apostrophe styles do
//! not matter. A key whose first or last character is a letter or digit only matches where the
//! text has no letter or digit just outside it.
//!
//! Why not a plain Aho-Corasick scan: an unanchored overlapping search over the whole text
//! follows failure links at every byte and reports every key found inside a word (« de » in
//! « monde »), only for most matches to be thrown away by the boundary test; it took a
//! quarter of the pipeline's time. A key can only start where its boundary test allows (a
//! word start for a key that opens with a letter or digit; one of the few non-word bytes that
//! open a key), so the search walks an anchored automaton (a trie of the keys,
//! in a compact contiguous NFA: a DFA's tables are ten times larger and
//! miss the cache at every step) from those positions only, and stops as soon as no key continues. The matches
//! are the same, and come out already in order.

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::doc::Span;
use crate::normalize::{fold, is_word_byte, Normalized};

/// A compiled set of phrases, each carrying one or more payloads (indexes into the caller's
/// entry table).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    /// Anchored automaton over the folded keys; `None` when there are none.
    trie: Option<NFA>,
    keys: Vec<String>,
    payloads: Vec<Vec<u32>>,
    /// Non-word bytes some key starts with: the only non-word positions a search starts at.
    opens_key: [bool; 256],
    /// The first two bytes of every key, as a bit set over the 65,536 byte pairs, and the
    /// one-byte keys: a start whose two bytes open no key is skipped without entering the
    /// automaton. Most walks died there within two bytes, and the walk's setup and first
    /// steps cost more than this test.
    pairs: Box<[u64; 1024]>,
    single: [bool; 256],
}

/// Index and bit of a byte pair in `PhraseMatcher::pairs`.
fn pair_bit(a: u8, b: u8) -> (usize, u64) {
    let p = usize::from(a) << 8 | usize::from(b);
    (p >> 6, 1 << (p & 63))
}

/// One match: folded and original ranges, and the payloads of its key.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'m> {
    pub folded_start: usize,
    pub folded_end: usize,
    pub span: Span,
    pub payloads: &'m [u32],
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
        let mut opens_key = [false; 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut single = [false; 256];
        for k in &keys {
            let b = k.as_bytes()[0];
            opens_key[usize::from(b)] = !is_word_byte(b);
            match k.as_bytes().get(1) {
                Some(&c) => {
                    let (i, bit) = pair_bit(b, c);
                    pairs[i] |= bit;
                }
                None => single[usize::from(b)] = true,
            }
        }
        let trie = if keys.is_empty() {
            None
        } else {
            Some(
                aho_corasick::nfa::contiguous::Builder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .expect("phrase automaton within size limits"),
            )
        };
        Self {
            trie,
            keys,
            payloads,
            opens_key,
            pairs,
            single,
        }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every boundary-respecting match in the folded text, overlapping ones included, sorted
    /// by start then by decreasing length.
    pub fn find_all<'m>(&'m self, norm: &Normalized) -> Vec<PhraseMatch<'m>> {
        let Some(trie) = &self.trie else {
            return Vec::new();
        };
        let Ok(start) = trie.start_state(Anchored::Yes) else {
            return Vec::new();
        };
        let hay = norm.folded.as_bytes();
        let mut out: Vec<PhraseMatch<'m>> = Vec::new();
        // the text's word starts and non-space punctuation, found once when it was folded
        for &s in norm.key_starts() {
            let s = s as usize;
            let Some(&b) = hay.get(s) else { break };
            // a key opening with a word byte needs a word start (every word byte listed is
            // one); others their own first byte
            if !is_word_byte(b) && !self.opens_key[usize::from(b)] {
                continue;
            }
            // a key here is either one byte long or opens with these two bytes
            let pair_opens = hay.get(s + 1).is_some_and(|&c| {
                let (i, bit) = pair_bit(b, c);
                self.pairs[i] & bit != 0
            });
            if !pair_opens && !self.single[usize::from(b)] {
                continue;
            }
            let first = out.len();
            let mut sid = start;
            for (e, &c) in (s..).zip(&hay[s..]) {
                sid = trie.next_state(Anchored::Yes, sid, c);
                if trie.is_dead(sid) {
                    break;
                }
                if !trie.is_match(sid) {
                    continue;
                }
                let end = e + 1;
                // a state also carries the keys that are suffixes of the path walked: only the
                // key spelled from `s` starts here
                let key = (0..trie.match_len(sid))
                    .map(|i| trie.match_pattern(sid, i))
                    .find(|&k| trie.pattern_len(k) == end - s);
                let Some(k) = key else { continue };
                let last = hay[e];
                if is_word_byte(last) && end < hay.len() && is_word_byte(hay[end]) {
                    continue;
                }
                out.push(PhraseMatch {
                    folded_start: s,
                    folded_end: end,
                    span: norm.to_original(s, end),
                    payloads: &self.payloads[k.as_usize()],
                });
            }
            // longest first at each start
            out[first..].reverse();
        }
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

    /// Every occurrence of every key that passes the boundary test, by brute force.
    fn reference(keys: &[&str], text: &str) -> Vec<(usize, usize)> {
        let m = PhraseMatcher::new(keys.iter().map(|k| (*k, 0)));
        let hay = Normalized::new(text).folded;
        let hay = hay.as_bytes();
        let mut out = Vec::new();
        for key in &m.keys {
            let key = key.as_bytes();
            for s in 0..hay.len() {
                let e = s + key.len();
                if e > hay.len() || &hay[s..e] != key {
                    continue;
                }
                let left = !is_word_byte(key[0]) || s == 0 || !is_word_byte(hay[s - 1]);
                let right =
                    !is_word_byte(key[key.len() - 1]) || e == hay.len() || !is_word_byte(hay[e]);
                if left && right {
                    out.push((s, e));
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        out
    }

    #[test]
    fn overlapping_matches_are_every_bounded_occurrence_in_order() {
        let keys = [
            "de", "de la", "la", "la paix", "paix", "'s", "-", "« ", "l'", "l'ue", "u.s.", "s.",
            "monde", "e",
        ];
        let text = "Le monde de la paix, l’UE et les U.S. : « Iran’s » vice-président de-la Paix.";
        let m = PhraseMatcher::new(keys.iter().map(|k| (*k, 0)));
        let n = Normalized::new(text);
        let got: Vec<(usize, usize)> = m
            .find_all(&n)
            .iter()
            .map(|x| (x.folded_start, x.folded_end))
            .collect();
        assert_eq!(got, reference(&keys, text));
        let texts: Vec<&str> = got.iter().map(|&(s, e)| &n.folded[s..e]).collect();
        assert_eq!(
            texts,
            [
                "monde", "de la", "de", "la paix", "la", "paix", "l'ue", "l'", "u.s.", "s.", "\"",
                "'s", "\"", "-", "de", "-", "la paix", "la", "paix"
            ]
        );
    }
}
