//! Near-duplicate articles (wire copies republished by several outlets): MinHash signatures
//! over word 5-shingles, banded for locality-sensitive lookup. With 16 bands of 4 rows, two
//! texts whose shingle sets have Jaccard similarity s share a band with probability
//! 1 - (1 - s^4)^16: 0.99 at s = 0.7, 0.05 at s = 0.2; candidates are then confirmed by the
//! signature estimate against [`THRESHOLD`].

use siphasher::sip::SipHasher13;
use std::hash::Hasher;

/// Words per shingle: long enough that two articles on one subject rarely share many.
const SHINGLE: usize = 5;
pub const BANDS: usize = 16;
pub const ROWS: usize = 4;
pub const HASHES: usize = BANDS * ROWS;
/// Estimated Jaccard similarity from which two articles are copies of each other.
pub const THRESHOLD: f64 = 0.6;

pub type Signature = [u64; HASHES];

/// Hash function `i` of the family: an odd multiplier and an offset derived from `i`
/// (multiply-shift over one base hash per shingle, cheap and independent enough here).
fn coefficients(i: usize) -> (u64, u64) {
    let mut h = SipHasher13::new_with_keys(0x0076_6967_6965, i as u64);
    h.write_u64(i as u64);
    let a = h.finish() | 1;
    h.write_u64(!(i as u64));
    (a, h.finish())
}

/// The signature of a text, or `None` when it has fewer than [`SHINGLE`] words.
pub fn signature(text: &str) -> Option<Signature> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < SHINGLE {
        return None;
    }
    let coeffs: Vec<(u64, u64)> = (0..HASHES).map(coefficients).collect();
    let mut sig = [u64::MAX; HASHES];
    for win in words.windows(SHINGLE) {
        let mut h = SipHasher13::new();
        for w in win {
            h.write(w.as_bytes());
            h.write_u8(0);
        }
        let base = h.finish();
        for (slot, &(a, b)) in sig.iter_mut().zip(&coeffs) {
            let v = base.wrapping_mul(a).wrapping_add(b);
            if v < *slot {
                *slot = v;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity: the share of equal minima.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

/// One key per band, for an index lookup of candidates sharing a band.
pub fn band_keys(sig: &Signature) -> [i64; BANDS] {
    let mut keys = [0i64; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let mut h = SipHasher13::new();
        h.write_usize(band);
        for v in &sig[band * ROWS..(band + 1) * ROWS] {
            h.write_u64(*v);
        }
        *key = h.finish() as i64;
    }
    keys
}

pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// `None` when the blob is not a signature (a store written by another version).
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != HASHES * 8 {
        return None;
    }
    let mut sig = [0u64; HASHES];
    for (slot, chunk) in sig.iter_mut().zip(bytes.chunks_exact(8)) {
        *slot = u64::from_le_bytes(chunk.try_into().ok()?);
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "The foreign ministers of the two neighbouring countries met on Tuesday \
        in the capital to discuss the disputed border crossing, which has been closed since \
        the spring after a series of incidents between patrols. Both delegations said the \
        talks were frank and agreed to meet again next month.";

    #[test]
    fn a_lightly_edited_copy_is_similar() {
        let copy = WIRE.replace("on Tuesday", "on Tuesday, officials said,") + " (Reuters)";
        let a = signature(WIRE).unwrap();
        let b = signature(&copy).unwrap();
        assert!(similarity(&a, &b) >= THRESHOLD, "{}", similarity(&a, &b));
        let shared = band_keys(&a)
            .iter()
            .zip(band_keys(&b))
            .filter(|(x, y)| **x == *y)
            .count();
        assert!(shared > 0);
    }

    #[test]
    fn another_article_on_the_same_subject_is_not() {
        let other = "Border talks: the two governments announced that the crossing will stay \
            closed until a joint commission reports, and the opposition criticised the \
            decision as a failure of diplomacy after months of incidents.";
        let s = similarity(&signature(WIRE).unwrap(), &signature(other).unwrap());
        assert!(s < THRESHOLD, "{s}");
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(signature("trop court").is_none());
        let sig = signature(WIRE).unwrap();
        assert_eq!(from_bytes(&to_bytes(&sig)), Some(sig));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
    }
}
