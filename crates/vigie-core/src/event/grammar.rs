//! Function-word classes per language (`events/grammar.tsv`): auxiliaries, forms of « être »
//! and "be", determiners, prepositions, passive agents, clause openers, relative pronouns,
//! locative prepositions. The argument, status and place rules read them by folded word.

use std::collections::{HashMap, HashSet};

use crate::doc::{Doc, Token, TokenKind};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Aux,
    Be,
    Det,
    Prep,
    Agent,
    Clause,
    Relative,
    Loc,
    Adv,
    Light,
    Conj,
    /// Opens a condition (« si », "if", "unless"): what follows is the condition of the
    /// event before it, not a happening.
    Cond,
    /// Opens a complement clause (« que », "that"): the clause is the content of the verb
    /// before it, not a new clause for embedding.
    Comp,
    /// A subject pronoun (« il », "it", "they"): after « que »/"that" it names the reporter.
    Pron,
    /// An infinitive marker ("to"): the verb reading of what follows wins over the noun
    /// ("threatened to attack"), though the marker is also a preposition.
    Inf,
    /// Listed as `,` where a comma closes a verb's complement and opens a reporting clause
    /// with its own subject ("…, a rights group said"); French inserts dates and phrases
    /// between commas inside a clause (« a qualifié, ce jeudi, les déclarations »).
    CommaStop,
    /// Words that stand between a preposition and a place or actor name without changing
    /// what the preposition governs: compass points, "central", "occupied", and place nouns
    /// followed by « de »/"of" ("in northern Israel", "invasion of South Lebanon", "near the
    /// town of Samarra", « dans la ville de Homs »).
    Geo,
    /// Prepositions that aim a deed at what follows ("strikes on Kharkiv", « frappes sur
    /// Kharkiv », "an attack against Aleppo"): a place after one is the deed's target, though
    /// not its location.
    Aim,
    /// Number words ("five", « trois », "dozens"): between a preposition and its noun they
    /// leave the noun governed ("to five officers").
    Num,
    /// Prepositions whose complement names the owner or doer of the noun before them
    /// (« la visite du président », "the statements of the Europeans", "a call from Paris").
    Of,
    /// First-person subject pronouns (« nous », "we"): inside a quotation they name its
    /// speaker.
    First,
    /// Plural third-person subject pronouns (« ils », "they"): the subject of a sentence
    /// before, whatever it is.
    Anaphor,
    /// Personal subject pronouns (« il », "she") that person coreference left unresolved:
    /// the subject of a sentence before when it is a person.
    Personal,
    /// "it": the subject of a sentence before when it is no person.
    Neuter,
    /// The forms of « à » (« au », « aux »): a frame naming « à » takes each of them.
    Dative,
    /// The forms of « de » (« du », « des », « d' »): a frame naming « de » takes each.
    Genitive,
    /// The words between a verb and a complement clause it governs only through them
    /// (« veiller à ce que », « se réjouir de ce que »).
    Carrier,
    /// Words before an event noun that make the clause's subject its patient, not its doer
    /// ("X faces charges", "X is under investigation", « X fait l'objet d'une enquête »).
    Undergo,
    /// Quantifiers that take a part of a group (« certains des rebelles », "some of the
    /// rebel groups", "dozens of soldiers"): with [`WordClass::PartOf`] after them they
    /// stand, like a number, between a preposition and the group they count.
    Partitive,
    /// The preposition linking a quantifier to the group it counts ("of", « de »).
    PartOf,
    /// The preposition that names the two parties of a relation ("talks between X and Y",
    /// « une rencontre entre X et Y »): the first is the source, the second the target.
    Between,
    /// Words after people who come from elsewhere that name where they come from ("refugees
    /// from Syria", "fleeing the war in Liberia", « fuyant la Syrie »): the state of the
    /// place after them is theirs.
    Origin,
}

impl WordClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "aux" => Self::Aux,
            "be" => Self::Be,
            "det" => Self::Det,
            "prep" => Self::Prep,
            "agent" => Self::Agent,
            "clause" => Self::Clause,
            "relative" => Self::Relative,
            "loc" => Self::Loc,
            "adv" => Self::Adv,
            "light" => Self::Light,
            "conj" => Self::Conj,
            "cond" => Self::Cond,
            "comp" => Self::Comp,
            "pron" => Self::Pron,
            "inf" => Self::Inf,
            "commastop" => Self::CommaStop,
            "geo" => Self::Geo,
            "aim" => Self::Aim,
            "num" => Self::Num,
            "of" => Self::Of,
            "first" => Self::First,
            "anaphor" => Self::Anaphor,
            "personal" => Self::Personal,
            "neuter" => Self::Neuter,
            "dative" => Self::Dative,
            "genitive" => Self::Genitive,
            "carrier" => Self::Carrier,
            "undergo" => Self::Undergo,
            "between" => Self::Between,
            "partitive" => Self::Partitive,
            "partof" => Self::PartOf,
            "origin" => Self::Origin,
            _ => return None,
        })
    }
}

/// Folded words of each class, per language.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// Per language, each folded word with the set of its classes as bits (`1 << class`):
    /// `is` is called for most tokens around every trigger, so one lookup answers it.
    words: Vec<(Language, WordBits)>,
    /// Per class, one bit per [`quick_bit`] of every word of that class in any language
    /// ([`QUICK_WORDS`] words a class, class after class): most words asked about are not of
    /// the class asked for — most are no function word at all, and a function word is asked
    /// about for every class — and these small sets (a few kilobytes) turn them away before
    /// the language is looked up and the word packed and probed for.
    quick: Vec<u64>,
}

/// A language code, and packed ([`pack`]) for a quick comparison.
#[derive(Debug, Clone, Default)]
struct Language {
    code: String,
    packed: Option<u128>,
}

impl Language {
    fn is(&self, lang: &str) -> bool {
        match (self.packed, pack(lang)) {
            (Some(a), Some(b)) => a == b,
            _ => self.code == lang,
        }
    }
}

/// Folded words → class bits, in an open-addressing table of words packed into integers:
/// function words are short, and hashing a string and comparing it through `memcmp` cost a
/// tenth of event coding. Longer words (none at present) go to a hash map.
#[derive(Debug, Clone, Default)]
struct WordBits {
    /// Packed words ([`pack`]), 0 for an empty slot; a power of two long.
    keys: Vec<u128>,
    bits: Vec<u32>,
    long: HashMap<String, u32, FastHash>,
}

/// Size of `Grammar::quick` in 64-bit words (4,096 bits).
const QUICK_WORDS: usize = 64;

/// Word and bit of `w` in `Grammar::quick`, from its length and first, middle and last
/// bytes: a few loads and one multiplication, cheaper than packing the word; `None` for the
/// empty word.
#[inline]
fn quick_bit(word: &str) -> Option<(usize, u64)> {
    let bytes = word.as_bytes();
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    let mid = bytes.get(bytes.len() / 2).copied().unwrap_or(0);
    let key =
        u64::from(first) | u64::from(last) << 8 | u64::from(mid) << 16 | (bytes.len() as u64) << 24;
    let hash = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
    Some(((hash >> 6) & (QUICK_WORDS - 1), 1 << (hash & 63)))
}

/// Words of at most 15 bytes as one integer, read a few bytes at a time (no copy loop, no
/// `memcpy` call): two overlapping words cover every byte, and the length in the top byte
/// tells the overlaps apart (so no word packs to 0, the empty slot).
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let u64_at = |i: usize| {
        b.get(i..i + 8)
            .and_then(|x| x.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let u32_at = |i: usize| {
        b.get(i..i + 4)
            .and_then(|x| x.try_into().ok())
            .map(u32::from_le_bytes)
    };
    let body: u128 = match n {
        8..=15 => {
            // the last eight bytes without the first of them (which the first eight hold)
            u128::from(u64_at(0)?) | u128::from(u64_at(n - 8)? >> 8) << 64
        }
        4..=7 => u128::from(u32_at(0)?) | u128::from(u32_at(n - 4)?) << 32,
        1..=3 => u128::from(b[0]) | u128::from(b[n / 2]) << 8 | u128::from(b[n - 1]) << 16,
        _ => return None,
    };
    Some(body | (n as u128) << 120)
}

/// Slot of a packed word in a table of `mask + 1` slots.
fn slot(k: u128, mask: usize) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(23);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 40) as usize & mask
}

impl WordBits {
    fn new(words: HashMap<String, u32, FastHash>) -> Self {
        let n = (words.len() * 2).max(16).next_power_of_two();
        let mut t = Self {
            keys: vec![0; n],
            bits: vec![0; n],
            long: HashMap::default(),
        };
        for (w, b) in words {
            let Some(k) = pack(&w) else {
                t.long.insert(w, b);
                continue;
            };
            let mut i = slot(k, n - 1);
            while t.keys[i] != 0 {
                i = (i + 1) & (n - 1);
            }
            t.keys[i] = k;
            t.bits[i] = b;
        }
        t
    }

    fn get(&self, w: &str) -> u32 {
        let Some(k) = pack(w) else {
            if self.long.is_empty() {
                return 0;
            }
            return self.long.get(w).copied().unwrap_or(0);
        };
        let mask = self.keys.len().wrapping_sub(1);
        let mut i = slot(k, mask);
        // the table is at most half full, so the probe ends at an empty slot
        while let Some(&x) = self.keys.get(i) {
            if x == k {
                return self.bits.get(i).copied().unwrap_or(0);
            }
            if x == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
        0
    }
}

type FastHash = crate::lexicon::fnv::FnvBuild;

const FILE: &str = "events/grammar.tsv";

impl Grammar {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let (l, c, w) = match (t.col("lang"), t.col("class"), t.col("word")) {
            (Ok(l), Ok(c), Ok(w)) => (l, c, w),
            (a, b, d) => return Err(a.err().into_iter().chain(b.err()).chain(d.err()).collect()),
        };
        let mut errors = Vec::new();
        let mut words: HashMap<String, HashMap<WordClass, HashSet<String>>> = HashMap::new();
        for r in &t.rows {
            let Some(class) = WordClass::parse(r.get(c)) else {
                errors.push(t.error(r, format!("unknown class `{}`", r.get(c))));
                continue;
            };
            if r.get(w).is_empty() {
                errors.push(t.error(r, "empty word"));
                continue;
            }
            words
                .entry(r.get(l).to_string())
                .or_default()
                .entry(class)
                .or_default()
                .insert(fold(r.get(w)));
        }
        let classes = words
            .values()
            .flat_map(HashMap::keys)
            .map(|&c| c as usize + 1)
            .max()
            .unwrap_or(0);
        let mut quick = vec![0u64; QUICK_WORDS * classes];
        for (&class, set) in words.values().flat_map(HashMap::iter) {
            for (i, bit) in set.iter().filter_map(|w| quick_bit(w)) {
                quick[class as usize * QUICK_WORDS + i] |= bit;
            }
        }
        let words = words
            .into_iter()
            .map(|(lang, classes)| {
                let mut bits: HashMap<String, u32, FastHash> = HashMap::default();
                for (class, set) in classes {
                    for w in set {
                        *bits.entry(w).or_default() |= 1 << (class as u32);
                    }
                }
                let packed = pack(&lang);
                (Language { code: lang, packed }, WordBits::new(bits))
            })
            .collect();
        if errors.is_empty() {
            Ok(Self { words, quick })
        } else {
            Err(errors)
        }
    }

    /// Is the folded word `w` of class `class` in language `lang`?
    ///
    /// Inlined where it is called: it is called for most tokens around every trigger, most
    /// of them no function word, which the quick set turns away in a few instructions —
    /// fewer than the call itself took.
    #[inline]
    pub fn is(&self, lang: &str, class: WordClass, w: &str) -> bool {
        let listed = quick_bit(w).is_some_and(|(i, bit)| {
            self.quick
                .get(class as usize * QUICK_WORDS + i)
                .is_some_and(|q| q & bit != 0)
        });
        listed && self.listed_is(lang, class, w)
    }

    /// [`Grammar::is`] for a word the quick set lets through.
    #[inline(never)]
    fn listed_is(&self, lang: &str, class: WordClass, w: &str) -> bool {
        self.words
            .iter()
            .find(|(l, _)| l.is(lang))
            .is_some_and(|(_, m)| m.get(w) & (1 << (class as u32)) != 0)
    }
}

/// The folded text of a token.
pub fn folded<'d>(doc: &'d Doc, t: &Token) -> &'d str {
    let (a, b) = doc.norm.folded_range(t.span);
    doc.norm.folded.get(a..b).unwrap_or("")
}

/// True for a word or a clause-relevant punctuation token.
pub fn is_word(t: &Token) -> bool {
    t.kind != TokenKind::Punct
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_words_differ_when_the_words_do() {
        let words = [
            "a",
            "aa",
            "aaa",
            "ab",
            "ba",
            "aab",
            "aaaa",
            "aaaaaaa",
            "aaaaaaaa",
            "aaaaaaaaa",
            "abcdefgh",
            "abcdefghi",
            "bcdefghi",
            "aaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaab",
            "de",
            "des",
            "dès",
            "l'",
            "d'",
        ];
        let packed: HashSet<u128> = words.iter().filter_map(|w| pack(w)).collect();
        assert_eq!(packed.len(), words.len());
        assert_eq!(pack(""), None);
        assert_eq!(pack("aaaaaaaaaaaaaaaa"), None);
    }

    #[test]
    fn words_are_found_in_their_classes_only() {
        let mut m: HashMap<String, u32, FastHash> = HashMap::default();
        m.insert("les".into(), 1 << WordClass::Det as u32);
        m.insert(
            "a".into(),
            1 << WordClass::Aux as u32 | 1 << WordClass::Prep as u32,
        );
        m.insert("notwithstanding".into(), 1 << WordClass::Prep as u32);
        m.insert("nevertheless-too".into(), 1 << WordClass::Adv as u32);
        let t = WordBits::new(m);
        assert_eq!(t.get("les"), 1 << WordClass::Det as u32);
        assert_eq!(
            t.get("a"),
            1 << WordClass::Aux as u32 | 1 << WordClass::Prep as u32
        );
        assert_eq!(t.get("notwithstanding"), 1 << WordClass::Prep as u32);
        assert_eq!(t.get("nevertheless-too"), 1 << WordClass::Adv as u32);
        assert_eq!(t.get("le"), 0);
        assert_eq!(t.get(""), 0);
        assert_eq!(t.get("nevertheless-tooo"), 0);
    }
}
