//! The first words of a phrase matcher's keys, each with the trie state reached after it.
//!
//! A key that opens with a word byte matches only where its first word (its bytes up to the
//! first non-word byte) is a whole word of the text: the key either goes on with a non-word
//! byte, which the text must repeat, or ends, and its boundary test then needs a non-word
//! byte next in the text. So a walk starts only at a text word found here, and starts from
//! the state after that word instead of stepping through it byte by byte — each step a load
//! of a state that, in a large automaton, is seldom in the cache.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::Anchored;

use crate::normalize::{is_word_byte, word_hash};

/// Open-addressing table of first words by [`word_hash`], behind a bit set of the same
/// hashes that turns most other words away in one load from a small array.
#[derive(Debug, Clone)]
pub(crate) struct FirstWords {
    /// About sixteen bits a word; a power of two 64-bit words long.
    bits: Box<[u64]>,
    /// At most half full, a power of two long; `tag == 0` marks an empty slot. Sixteen
    /// bytes a slot, four to a cache line: in a large lexicon most probes miss the cache,
    /// and the table is half the size it was with the word's place in the pool inline.
    slots: Box<[Slot]>,
    /// Per slot, where the word lies in `pool` and its length: read only for a word longer
    /// than eight bytes.
    spans: Box<[(u32, u32)]>,
    /// The words' bytes, one after the other.
    pool: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The word's first eight bytes ([`head`]): most words are no longer, and comparing
    /// them this way spares a call to `memcmp` for each word looked up.
    head: u64,
    /// [`tag`] of the word's hash and length.
    tag: u32,
    state: StateID,
}

/// The hash's high bits and the word's length (up to 255) in the low byte: never 0 for a
/// word. Two words of at most eight bytes with one head and one tag are the same word (a
/// word byte is never 0, so the head's zeros mark its end).
fn tag(hash: u32, len: usize) -> u32 {
    (hash & !0xff) | len.min(255) as u32
}

/// The first eight bytes of `word` (zeros after its end) as one integer.
fn head(word: &[u8]) -> u64 {
    word.iter()
        .take(8)
        .enumerate()
        .fold(0, |v, (i, &b)| v | u64::from(b) << (8 * i))
}

/// The word bytes that open `bytes`.
pub(crate) fn first_run(bytes: &[u8]) -> &[u8] {
    let n = bytes
        .iter()
        .position(|&b| !is_word_byte(b))
        .unwrap_or(bytes.len());
    &bytes[..n]
}

/// Word and bit of hash `h` in a bit set of `words` 64-bit words (a power of two).
fn hash_bit(h: u32, words: usize) -> (usize, u64) {
    let h = h as usize;
    ((h >> 6) & (words - 1), 1 << (h & 63))
}

/// First slot of hash `h` in a table of `mask + 1` slots (other bits than [`hash_bit`]'s).
fn home(h: u32, mask: usize) -> usize {
    h.rotate_left(16) as usize & mask
}

impl FirstWords {
    /// The first words of `keys` that open with a word byte, walked through `trie` from
    /// `start`.
    pub(crate) fn new(trie: &NFA, start: StateID, keys: &[String]) -> Self {
        let mut words: Vec<(u32, &[u8], StateID)> = Vec::new();
        let mut seen = std::collections::HashSet::<&[u8], super::fnv::FnvBuild>::default();
        for k in keys {
            let run = first_run(k.as_bytes());
            if run.is_empty() || !seen.insert(run) {
                continue;
            }
            // every key is in the trie, so the walk along its first word never dies
            let state = run
                .iter()
                .fold(start, |sid, &b| trie.next_state(Anchored::Yes, sid, b));
            words.push((word_hash(run), run, state));
        }
        let n_bits = (words.len() / 4).max(1).next_power_of_two();
        let mut bits = vec![0u64; n_bits].into_boxed_slice();
        let n_slots = (words.len() * 2).max(2).next_power_of_two();
        let empty = Slot {
            head: 0,
            tag: 0,
            state: start,
        };
        let mut slots = vec![empty; n_slots].into_boxed_slice();
        let mut spans = vec![(0, 0); n_slots].into_boxed_slice();
        let mut pool = Vec::new();
        for (hash, run, state) in words {
            let (i, bit) = hash_bit(hash, n_bits);
            bits[i] |= bit;
            let mut j = home(hash, n_slots - 1);
            while slots[j].tag != 0 {
                j = (j + 1) & (n_slots - 1);
            }
            slots[j] = Slot {
                head: head(run),
                tag: tag(hash, run.len()),
                state,
            };
            spans[j] = (pool.len() as u32, run.len() as u32);
            pool.extend_from_slice(run);
        }
        Self {
            bits,
            slots,
            spans,
            pool,
        }
    }

    /// Is a first word possibly hashed `hash`? No false negatives.
    #[inline]
    pub(crate) fn may_hold(&self, hash: u32) -> bool {
        let (i, bit) = hash_bit(hash, self.bits.len());
        self.bits.get(i).is_some_and(|w| w & bit != 0)
    }

    /// The state after first word `word` (hashed `hash`), if it is one.
    pub(crate) fn state_after(&self, hash: u32, word: &[u8]) -> Option<StateID> {
        let mask = self.slots.len() - 1;
        let mut j = home(hash, mask);
        let (want, h) = (tag(hash, word.len()), head(word));
        // the table is at most half full, so the probe ends at an empty slot
        loop {
            let slot = self.slots.get(j)?;
            if slot.tag == 0 {
                return None;
            }
            if slot.tag == want
                && slot.head == h
                && (word.len() <= 8
                    || self.spans.get(j).and_then(|&(at, len)| {
                        self.pool.get(at as usize..at as usize + len as usize)
                    }) == Some(word))
            {
                return Some(slot.state);
            }
            j = (j + 1) & mask;
        }
    }
}
