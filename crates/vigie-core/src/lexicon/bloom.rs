//! A blocked Bloom filter over strings, in front of a large hash table that is mostly asked
//! for keys it does not hold (the gazetteer's 300,000 names, looked up for every run of
//! capitalized tokens). The table does not fit in the cache, so each miss cost a memory
//! access; the filter (twelve bits a key, every probe in one 64-bit word) stays in the
//! cache and answers most of them. No false negatives: a key it rejects is not in the table.

/// The filter; the default one holds nothing and rejects nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bloom {
    words: Vec<u64>,
}

/// Bits per key: about one false positive in a hundred with three bits in a word.
const BITS_PER_KEY: usize = 12;

/// A well-mixed 64-bit hash of `key`: FNV-1a, then the SplitMix64 finaliser (FNV's high
/// bits, which pick the word, are weak on short keys).
fn hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The three bits of a key in its word.
fn bits(h: u64) -> u64 {
    (1 << (h & 63)) | (1 << ((h >> 6) & 63)) | (1 << ((h >> 12) & 63))
}

impl Bloom {
    /// A filter holding `keys`.
    pub(crate) fn new<'k>(keys: impl ExactSizeIterator<Item = &'k str>) -> Self {
        let n = (keys.len() * BITS_PER_KEY / 64).max(1).next_power_of_two();
        let mut words = vec![0u64; n];
        for k in keys {
            let h = hash(k);
            words[(h >> 32) as usize & (n - 1)] |= bits(h);
        }
        Self { words }
    }

    /// False when `key` is certainly not held; true when it may be (always, for the
    /// default filter).
    pub(crate) fn may_contain(&self, key: &str) -> bool {
        if self.words.is_empty() {
            return true;
        }
        let h = hash(key);
        let b = bits(h);
        self.words[(h >> 32) as usize & (self.words.len() - 1)] & b == b
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
}
