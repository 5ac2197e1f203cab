//! A blocked Bloom filter over strings, in front of a large hash table that is mostly asked
//! for keys it does not hold (the gazetteer's names, looked up for every run of capitalized
//! tokens). The table does not fit in the cache, so each miss cost a memory access; the
//! filter (twelve bits a key) answers most of them with one cache line.
//!
//! The lookups come in runs that share their first word ("Paris", "Paris Saint", "Paris
//! Saint Germain"…), so a key's bits all lie in one 64-byte line chosen by its first word:
//! a run costs one cache miss, not one per key. A first word that opens many keys ("san",
//! "new") would fill its line and let everything through; such words (those whose bit is
//! set in a small, always-cached set) spread their keys over lines by the whole key. No false
//! negatives: a key it rejects is not in the table.

/// The filter; the default one holds nothing and rejects nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bloom {
    lines: Vec<Line>,
    /// First words opening more than [`CROWDED`] keys, as bits by the word's hash.
    crowded: Vec<u64>,
}

/// One cache line of bits.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
struct Line([u64; 8]);

/// Bits per key: about one false positive in a hundred with three bits a key.
const BITS_PER_KEY: usize = 12;

/// Keys per first word above which they are spread by the whole key (a line holds about
/// forty keys at [`BITS_PER_KEY`]).
const CROWDED: usize = 16;

/// Bits in `Bloom::crowded` (a few hundred words are crowded in the gazetteer).
const CROWDED_BITS: usize = 4096;

/// A well-mixed 64-bit hash of `key`, eight bytes a step (a byte-at-a-time hash such as
/// FNV cost more than the cache miss it saves on the long multi-word runs), then the
/// SplitMix64 finaliser.
fn hash(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut v = [0u8; 8];
        v.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(v)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 29;
    }
    // the last bytes read in place, overlapping what came before (copying them into a
    // zeroed word first stalled the load that followed the copy)
    let n = bytes.len();
    let u64_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    };
    if !chunks.remainder().is_empty() {
        let v = match n {
            8.. => u64_at(n - 8),
            4..=7 => u64::from(u32_at(0)) | u64::from(u32_at(n - 4)) << 32,
            _ => u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16,
        };
        h = (h ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The key up to its first space.
fn first_word(key: &str) -> &str {
    key.as_bytes()
        .iter()
        .position(|&b| b == b' ')
        .and_then(|i| key.get(..i))
        .unwrap_or(key)
}

/// Word index and bit of `h` in the crowded set.
fn crowded_bit(h: u64) -> (usize, u64) {
    let i = (h >> 40) as usize % CROWDED_BITS;
    (i / 64, 1 << (i % 64))
}

/// The three bits of a key in its line, as (word, mask) pairs.
fn bits(h: u64) -> [(usize, u64); 3] {
    [0, 9, 18].map(|shift| {
        let i = (h >> shift) as usize & 511;
        (i / 64, 1 << (i % 64))
    })
}

impl Bloom {
    /// A filter holding `keys`.
    pub(crate) fn new<'k>(keys: impl ExactSizeIterator<Item = &'k str> + Clone) -> Self {
        let n = (keys.len() * BITS_PER_KEY / 512).max(1).next_power_of_two();
        let mut counts: std::collections::HashMap<&str, usize, super::fnv::FnvBuild> =
            std::collections::HashMap::default();
        for k in keys.clone() {
            *counts.entry(first_word(k)).or_default() += 1;
        }
        let mut crowded = vec![0u64; CROWDED_BITS / 64];
        for (w, c) in counts {
            if c > CROWDED {
                let (i, bit) = crowded_bit(hash(w));
                crowded[i] |= bit;
            }
        }
        let mut f = Self {
            lines: vec![Line::default(); n],
            crowded,
        };
        for k in keys {
            let (line, h) = f.place(k);
            for (w, bit) in bits(h) {
                f.lines[line].0[w] |= bit;
            }
        }
        f
    }

    /// The line of `key` and the hash that picks its bits.
    fn place(&self, key: &str) -> (usize, u64) {
        let h = hash(key);
        let first = first_word(key);
        let hw = if first.len() == key.len() {
            h
        } else {
            hash(first)
        };
        let (i, bit) = crowded_bit(hw);
        let by = if self.crowded.get(i).is_some_and(|c| c & bit != 0) {
            h
        } else {
            hw
        };
        ((by >> 32) as usize & (self.lines.len() - 1), h)
    }

    /// False when `key` is certainly not held; true when it may be (always, for the
    /// default filter).
    pub(crate) fn may_contain(&self, key: &str) -> bool {
        if self.lines.is_empty() {
            return true;
        }
        let (line, h) = self.place(key);
        let words = &self.lines[line].0;
        bits(h).iter().all(|&(w, bit)| words[w] & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_every_key_and_rejects_most_others() {
        let keys: Vec<String> = (0..5000).map(|i| format!("ville {i}")).collect();
        let f = Bloom::new(keys.iter().map(String::as_str));
        assert!(keys.iter().all(|k| f.may_contain(k)));
        let false_positives = (0..5000)
            .filter(|i| f.may_contain(&format!("village {i}")))
            .count();
        assert!(false_positives < 150, "{false_positives} false positives");
        assert!(Bloom::default().may_contain("anything"));
    }

    #[test]
    fn keys_sharing_a_first_word_share_a_line_unless_crowded() {
        let mut keys: Vec<String> = (0..5).map(|i| format!("paris {i}")).collect();
        keys.extend((0..100).map(|i| format!("san {i}")));
        keys.push("lyon".into());
        keys.extend((0..2000).map(|i| format!("town {i}")));
        let f = Bloom::new(keys.iter().map(String::as_str));
        assert!(keys.iter().all(|k| f.may_contain(k)));
        let line = |k: &str| f.place(k).0;
        assert!((0..5).all(|i| line(&format!("paris {i}")) == line("paris")));
        let san: std::collections::HashSet<usize> =
            (0..100).map(|i| line(&format!("san {i}"))).collect();
        assert!(san.len() > 1);
        let false_positives = (0..1000)
            .filter(|i| {
                f.may_contain(&format!("paris x{i}")) || f.may_contain(&format!("san x{i}"))
            })
            .count();
        assert!(false_positives < 60, "{false_positives} false positives");
    }
}
