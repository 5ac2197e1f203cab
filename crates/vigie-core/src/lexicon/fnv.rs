//! FNV-1a hashing for tables filled from the lexicon (place names, grammar words). Text is only
//! looked up in them, never inserted, so SipHash's flooding resistance buys nothing, and it
//! cost a fifth of the gazetteer's load time and a tenth of event coding.

/// The FNV-1a hasher state.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `HashMap`/`HashSet` build-hasher for lexicon tables.
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

#[cfg(test)]
mod tests {
    use std::hash::Hasher;

    #[test]
    fn fnv1a_reference_values() {
        // published FNV-1a 64-bit test vectors
        let h = |s: &str| {
            let mut f = super::Fnv::default();
            f.write(s.as_bytes());
            f.finish()
        };
        assert_eq!(h("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(h("foobar"), 0x8594_4171_f739_67e8);
    }
}
