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

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use super::first_word::{first_run, FirstWords};
use crate::doc::Span;
use crate::normalize::{fold, is_word_byte, Normalized};

/// A compiled set of phrases, each carrying one or more payloads (indexes into the caller's
/// entry table).
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    /// Anchored automaton over the folded keys; `None` when there are none.
    trie: Option<Trie>,
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

/// The automaton and what the walk needs beside it.
#[derive(Debug, Clone)]
struct Trie {
    nfa: NFA,
    /// The anchored start state.
    start: StateID,
    /// The keys' first words and the states after them (see [`FirstWords`]).
    first: FirstWords,
}

/// One match: folded and original ranges, and the payloads of its key.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'m> {
    pub folded_start: usize,
    pub folded_end: usize,
    pub span: Span,
    pub payloads: &'m [u32],
}

/// Where the walk puts the matches it finds.
trait Sink {
    /// Key `key` spans the folded bytes `start..end`; for one start, ends come in
    /// increasing order.
    fn found(&mut self, start: usize, end: usize, key: usize);
    /// Every key starting at the current start has been reported.
    fn start_done(&mut self);
}

/// Matches of one list, longest first at each start.
struct Matches<'m, 'n> {
    norm: &'n Normalized,
    payloads: &'m [Vec<u32>],
    out: Vec<PhraseMatch<'m>>,
    first: usize,
}

impl Sink for Matches<'_, '_> {
    fn found(&mut self, start: usize, end: usize, key: usize) {
        if let Some(payloads) = self.payloads.get(key) {
            self.out.push(PhraseMatch {
                folded_start: start,
                folded_end: end,
                span: self.norm.to_original(start, end),
                payloads,
            });
        }
    }
    fn start_done(&mut self) {
        // longest first at each start
        self.out[self.first..].reverse();
        self.first = self.out.len();
    }
}

impl PhraseMatcher {
    /// Build from `(phrase, payload)` pairs; phrases are folded here. Empty phrases are skipped.
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, u32)>) -> Self {
        let mut keys = Keys::default();
        let mut payloads: Vec<Vec<u32>> = Vec::new();
        for (phrase, payload) in entries {
            let Some(slot) = keys.intern(phrase.as_ref()) else {
                continue;
            };
            if slot == payloads.len() {
                payloads.push(Vec::new());
            }
            if !payloads[slot].contains(&payload) {
                payloads[slot].push(payload);
            }
        }
        Self::compile(keys.keys, payloads)
    }

    /// The matcher of `keys` (folded, distinct), each with its payloads.
    fn compile(keys: Vec<String>, payloads: Vec<Vec<u32>>) -> Self {
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
            let nfa = aho_corasick::nfa::contiguous::Builder::new()
                .match_kind(MatchKind::Standard)
                .build(&keys)
                .expect("phrase automaton within size limits");
            nfa.start_state(Anchored::Yes).ok().map(|start| Trie {
                first: FirstWords::new(&nfa, start, &keys),
                nfa,
                start,
            })
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
        let mut sink = Matches {
            norm,
            payloads: &self.payloads,
            out: Vec::new(),
            first: 0,
        };
        self.walk(norm, &mut sink);
        sink.out
    }

    /// Report every boundary-respecting match to `sink`, start by start.
    fn walk(&self, norm: &Normalized, sink: &mut impl Sink) {
        let Some(trie) = &self.trie else {
            return;
        };
        let hay = norm.folded.as_bytes();
        // the text's word starts and non-space punctuation, found once when it was folded
        for (&s, &hash) in norm.key_starts().iter().zip(norm.key_start_hashes()) {
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
            // a word start: from the state after the word, when it is some key's first word
            let (mut sid, from) = if is_word_byte(b) {
                if !trie.first.may_hold(hash) {
                    continue;
                }
                let word = first_run(&hay[s..]);
                let Some(sid) = trie.first.state_after(hash, word) else {
                    continue;
                };
                let end = s + word.len();
                // the key that is the word alone (a non-word byte, or nothing, follows it)
                if let Some(k) = key_at(&trie.nfa, sid, s, end) {
                    sink.found(s, end, k);
                }
                (sid, end)
            } else {
                (trie.start, s)
            };
            for (e, &c) in (from..).zip(&hay[from..]) {
                sid = trie.nfa.next_state(Anchored::Yes, sid, c);
                if trie.nfa.is_dead(sid) {
                    break;
                }
                // (most states end no key: tested here, without a call)
                if !trie.nfa.is_match(sid) {
                    continue;
                }
                let end = e + 1;
                let Some(k) = key_at(&trie.nfa, sid, s, end) else {
                    continue;
                };
                let last = hay[e];
                if is_word_byte(last) && end < hay.len() && is_word_byte(hay[end]) {
                    continue;
                }
                sink.found(s, end, k);
            }
            sink.start_done();
        }
    }

    /// Non-overlapping matches, leftmost first and longest at each position.
    pub fn find_longest<'m>(&'m self, norm: &Normalized) -> Vec<PhraseMatch<'m>> {
        longest(self.find_all(norm))
    }
}

/// The key spelled from `s` to `end` if state `sid`, reached there, ends one: a state also
/// carries the keys that are suffixes of the path walked, which start later.
#[inline]
fn key_at(nfa: &NFA, sid: StateID, s: usize, end: usize) -> Option<usize> {
    if !nfa.is_match(sid) {
        return None;
    }
    (0..nfa.match_len(sid))
        .map(|i| nfa.match_pattern(sid, i))
        .find(|&k| nfa.pattern_len(k) == end - s)
        .map(|k| k.as_usize())
}

/// The non-overlapping matches of `all` (as [`PhraseMatcher::find_all`] orders them),
/// leftmost first and longest at each position.
pub fn longest(all: Vec<PhraseMatch<'_>>) -> Vec<PhraseMatch<'_>> {
    let mut out: Vec<PhraseMatch<'_>> = Vec::with_capacity(all.len());
    for m in all {
        if out.last().is_none_or(|l| m.folded_start >= l.folded_end) {
            out.push(m);
        }
    }
    out
}

/// Folded, space-normalized keys, each once.
#[derive(Default)]
struct Keys {
    index: std::collections::HashMap<String, usize, super::fnv::FnvBuild>,
    keys: Vec<String>,
}

impl Keys {
    /// The slot of `phrase`'s key (a new one is the next index); `None` for an empty key.
    fn intern(&mut self, phrase: &str) -> Option<usize> {
        let key = fold(phrase)
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if key.is_empty() {
            return None;
        }
        let keys = &mut self.keys;
        Some(*self.index.entry(key).or_insert_with_key(|k| {
            keys.push(k.clone());
            keys.len() - 1
        }))
    }
}

/// `N` phrase lists searched in one walk of one automaton: where several lists share most of
/// their keys (a verb's forms alone and in its phrases), one walk costs what one list's did.
#[derive(Debug, Clone)]
pub struct PhraseSets<const N: usize> {
    /// Every list's keys; a key's payloads are its lists' payloads one list after the other.
    matcher: PhraseMatcher,
    /// Per key, the end of each list's payloads in the key's payloads.
    ends: Vec<[u32; N]>,
}

/// Matches of `N` lists, each longest first at each start.
struct SetMatches<'m, 'n, const N: usize> {
    norm: &'n Normalized,
    sets: &'m PhraseSets<N>,
    out: [Vec<PhraseMatch<'m>>; N],
    first: [usize; N],
}

impl<const N: usize> Sink for SetMatches<'_, '_, N> {
    fn found(&mut self, start: usize, end: usize, key: usize) {
        let (Some(all), Some(ends)) =
            (self.sets.matcher.payloads.get(key), self.sets.ends.get(key))
        else {
            return;
        };
        let mut span = None;
        let mut from = 0;
        for (out, &to) in self.out.iter_mut().zip(ends) {
            let to = to as usize;
            if let Some(payloads) = all.get(from..to).filter(|p| !p.is_empty()) {
                let span = *span.get_or_insert_with(|| self.norm.to_original(start, end));
                out.push(PhraseMatch {
                    folded_start: start,
                    folded_end: end,
                    span,
                    payloads,
                });
            }
            from = to;
        }
    }
    fn start_done(&mut self) {
        for (out, first) in self.out.iter_mut().zip(&mut self.first) {
            out[*first..].reverse();
            *first = out.len();
        }
    }
}

impl<const N: usize> PhraseSets<N> {
    /// Build from `N` lists of `(phrase, payload)` pairs, as [`PhraseMatcher::new`] each.
    pub fn new<S: AsRef<str>>(lists: [Vec<(S, u32)>; N]) -> Self {
        let mut keys = Keys::default();
        let mut per_key: Vec<[Vec<u32>; N]> = Vec::new();
        for (n, list) in lists.into_iter().enumerate() {
            for (phrase, payload) in list {
                let Some(slot) = keys.intern(phrase.as_ref()) else {
                    continue;
                };
                if slot == per_key.len() {
                    per_key.push(std::array::from_fn(|_| Vec::new()));
                }
                let p = &mut per_key[slot][n];
                if !p.contains(&payload) {
                    p.push(payload);
                }
            }
        }
        let mut ends = Vec::with_capacity(per_key.len());
        let payloads = per_key
            .into_iter()
            .map(|lists| {
                let mut all = Vec::new();
                let mut end = [0u32; N];
                for (e, l) in end.iter_mut().zip(lists) {
                    all.extend(l);
                    *e = all.len() as u32;
                }
                ends.push(end);
                all
            })
            .collect();
        Self {
            matcher: PhraseMatcher::compile(keys.keys, payloads),
            ends,
        }
    }

    /// The matches of each list, as [`PhraseMatcher::find_all`] finds them.
    pub fn find_all<'m>(&'m self, norm: &Normalized) -> [Vec<PhraseMatch<'m>>; N] {
        let mut sink = SetMatches {
            norm,
            sets: self,
            out: std::array::from_fn(|_| Vec::new()),
            first: [0; N],
        };
        self.matcher.walk(norm, &mut sink);
        sink.out
    }

    /// Has list `n` no key?
    pub fn list_is_empty(&self, n: usize) -> bool {
        self.ends.iter().all(|e| {
            let from = n
                .checked_sub(1)
                .and_then(|p| e.get(p))
                .copied()
                .unwrap_or(0);
            e.get(n).is_none_or(|&to| to == from)
        })
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

    #[test]
    fn sets_find_what_each_list_finds_alone() {
        let lists = [
            vec![
                ("appelle à", 0),
                ("appelle", 1),
                ("de la", 2),
                ("la paix", 3),
            ],
            vec![("appelle", 4), ("l'", 5)],
            vec![("appelle", 6), ("appelle", 7), ("paix", 8), ("de", 9)],
        ];
        let text = "Il appelle à la paix, l’UE appelle de la Paix à appeler.";
        let n = Normalized::new(text);
        let sets = PhraseSets::new(lists.clone());
        let got = sets.find_all(&n);
        let view = |ms: &[PhraseMatch<'_>]| -> Vec<(usize, usize, Vec<u32>)> {
            ms.iter()
                .map(|m| (m.span.start, m.span.end, m.payloads.to_vec()))
                .collect()
        };
        for (list, found) in lists.into_iter().zip(&got) {
            let alone = PhraseMatcher::new(list);
            assert_eq!(view(found), view(&alone.find_all(&n)));
            assert_eq!(view(&longest(found.clone())), view(&alone.find_longest(&n)));
        }
        assert_eq!(
            view(&got[2]),
            [
                (3, 10, vec![6, 7]),
                (17, 21, vec![8]),
                (30, 37, vec![6, 7]),
                (38, 40, vec![9]),
                (44, 48, vec![8])
            ]
        );
        assert!(!sets.list_is_empty(1));
        assert!(PhraseSets::new([Vec::<(&str, u32)>::new(), vec![("x", 0)]]).list_is_empty(0));
    }

    proptest::proptest! {
        /// The walk that starts after a key's first word finds what a byte-by-byte search
        /// finds: keys and texts drawn from a few words that share their beginnings, with
        /// spaces, hyphens and apostrophes between.
        #[test]
        fn matches_equal_the_brute_force_search(
            keys in proptest::collection::vec(
                proptest::collection::vec(0usize..9, 1..4), 1..12),
            text in proptest::collection::vec(0usize..9, 0..40),
        ) {
            const PIECES: [&str; 9] = ["de", "del", "la", "l'", "paix", "pa", " ", "-", "Élan"];
            let keys: Vec<String> = keys
                .iter()
                .map(|k| k.iter().map(|&i| PIECES[i]).collect())
                .collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let text: String = text.iter().map(|&i| PIECES[i]).collect();
            let m = PhraseMatcher::new(keys.iter().map(|k| (*k, 0)));
            let got: Vec<(usize, usize)> = m
                .find_all(&Normalized::new(&text))
                .iter()
                .map(|x| (x.folded_start, x.folded_end))
                .collect();
            proptest::prop_assert_eq!(got, reference(&keys, &text));
        }
    }
}
