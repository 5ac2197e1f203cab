//! Gender of people and of subject pronouns, so that « elle a ajouté » and "she said" go to the
//! last woman named, and « il » / "he" to the last man (`lexicon/actors/name_genders.tsv`,
//! `lexicon/actors/pronouns.tsv`). A person whose gender is unknown stays a candidate for
//! either pronoun.

use std::collections::{HashMap, HashSet};

use crate::lexicon::fnv::FnvBuild;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::{fold, with_folded};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// A pronoun found in the text: its gender and the byte range of the pronoun itself (for
/// « a-t-il », only « il »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pronoun {
    pub gender: Gender,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct GenderLexicon {
    /// Folded first name → gender; `None` for names borne by both.
    first: HashMap<String, Option<Gender>, FnvBuild>,
    /// lang → folded word → gender of free-standing subject pronouns (looked up for every
    /// word of the text, by `&str`, so nested rather than keyed by a pair of strings).
    subject: HashMap<String, HashMap<String, Gender, FnvBuild>, FnvBuild>,
    /// (lang, folded suffix after a hyphen, gender), longest first.
    inverted: Vec<(String, String, Gender)>,
    /// Folded words that make a preceding `il` impersonal.
    impersonal: HashSet<String, FnvBuild>,
    /// Folded prepositions after which a pronoun is an object.
    not_after: HashSet<String, FnvBuild>,
    /// Byte length of the longest subject pronoun, folded.
    longest_subject: usize,
    /// [`quick_bit`] of every subject pronoun, in any language: a word whose bit is unset is
    /// none, known without the two table lookups (most short words are no pronoun).
    quick: [u64; QUICK_WORDS],
}

/// Size of `GenderLexicon::quick` in 64-bit words (1,024 bits).
const QUICK_WORDS: usize = 16;

/// Word and bit of a folded word in `GenderLexicon::quick`, from its length and first and
/// last bytes; `None` for the empty word.
fn quick_bit(w: &str) -> Option<(usize, u64)> {
    let b = w.as_bytes();
    let (&first, &last) = (b.first()?, b.last()?);
    let x = u64::from(first) | u64::from(last) << 8 | (b.len() as u64) << 16;
    let h = (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize;
    Some(((h >> 6) & (QUICK_WORDS - 1), 1 << (h & 63)))
}

fn gender_of(s: &str) -> Result<Option<Gender>, String> {
    match s {
        "m" => Ok(Some(Gender::Male)),
        "f" => Ok(Some(Gender::Female)),
        "x" | "-" => Ok(None),
        g => Err(format!("gender must be m, f, x or -, not `{g}`")),
    }
}

impl GenderLexicon {
    pub(crate) fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut lex = Self::default();
        let mut errors = Vec::new();
        match src.table("actors/name_genders.tsv") {
            Ok(t) => match t.cols(&["name", "gender"]) {
                Ok(c) => {
                    for r in &t.rows {
                        match gender_of(r.get(c[1])) {
                            Ok(g) if !r.get(c[0]).is_empty() => {
                                lex.first.insert(fold(r.get(c[0])), g);
                            }
                            Ok(_) => errors.push(t.error(r, "empty name")),
                            Err(m) => errors.push(t.error(r, m)),
                        }
                    }
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        match src.table("actors/pronouns.tsv") {
            Ok(t) => match t.cols(&["lang", "form", "gender", "kind"]) {
                Ok(c) => {
                    for r in &t.rows {
                        let (lang, form) = (r.get(c[0]).to_string(), fold(r.get(c[1])));
                        let g = match gender_of(r.get(c[2])) {
                            Ok(g) => g,
                            Err(m) => {
                                errors.push(t.error(r, m));
                                continue;
                            }
                        };
                        match (r.get(c[3]), g) {
                            ("subject", Some(g)) => {
                                lex.subject.entry(lang).or_default().insert(form, g);
                            }
                            ("inverted", Some(g)) => lex.inverted.push((lang, form, g)),
                            ("impersonal", _) => {
                                lex.impersonal.insert(form);
                            }
                            ("not-after", _) => {
                                lex.not_after.insert(form);
                            }
                            ("subject" | "inverted", None) => {
                                errors.push(t.error(r, "a pronoun needs gender m or f"));
                            }
                            (k, _) => errors.push(t.error(r, format!("unknown kind `{k}`"))),
                        }
                    }
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        lex.inverted.sort_by_key(|x| std::cmp::Reverse(x.1.len()));
        lex.longest_subject = lex
            .subject
            .values()
            .flat_map(|forms| forms.keys())
            .map(String::len)
            .max()
            .unwrap_or(0);
        for (i, bit) in lex
            .subject
            .values()
            .flat_map(|forms| forms.keys())
            .filter_map(|w| quick_bit(w))
        {
            lex.quick[i] |= bit;
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    /// The gender a person's name shows by its first word (« Jean-Yves » by « Jean »).
    pub(crate) fn of_name(&self, name: &str) -> Option<Gender> {
        let first = name.split_whitespace().next()?;
        let folded = fold(first);
        if let Some(g) = self.first.get(&folded) {
            return *g;
        }
        let head = folded.split('-').next()?;
        self.first.get(head).copied().flatten()
    }

    /// Is `word` (folded) a preposition (`not-after` in `pronouns.tsv`)?
    pub(crate) fn is_preposition(&self, word: &str) -> bool {
        self.not_after.contains(word)
    }

    /// Is `word` a known first name?
    pub(crate) fn is_first_name(&self, word: &str) -> bool {
        with_folded(word, |folded| {
            self.first.contains_key(folded)
                || folded
                    .split_once('-')
                    .is_some_and(|(h, _)| self.first.contains_key(h))
        })
    }

    /// The subject pronoun `word` (at `start`) stands for, if any. `prev` and `next` are the
    /// words around it (folded), to leave out objects (« avec elle ») and impersonal `il`.
    pub(crate) fn pronoun(
        &self,
        lang: &str,
        word: &str,
        start: usize,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<Pronoun> {
        // called for every word of the text. An ASCII word folds to as many bytes, and keeps
        // its hyphens and has no other: longer than every subject pronoun and without a
        // hyphen for an inverted one, it is none (most words, ruled out before folding)
        if word.is_ascii() && word.len() > self.longest_subject && !word.contains('-') {
            return None;
        }
        with_folded(word, |folded| {
            self.pronoun_folded(lang, word, folded, start, prev, next)
        })
    }

    /// [`GenderLexicon::pronoun`] for a word whose fold `folded` the caller has: read from
    /// the document's folded text, it spares a fold and an allocation for each word outside
    /// ASCII (the French text is full of them, and this runs for every word).
    pub(crate) fn pronoun_folded(
        &self,
        lang: &str,
        word: &str,
        folded: &str,
        start: usize,
        prev: Option<&str>,
        next: Option<&str>,
    ) -> Option<Pronoun> {
        // longer than every subject pronoun and without a hyphen for an inverted one: none
        if folded.len() > self.longest_subject && !folded.contains('-') {
            return None;
        }
        let listed = quick_bit(folded).is_some_and(|(i, bit)| self.quick[i] & bit != 0);
        if let Some(&gender) = listed
            .then(|| self.subject.get(lang).and_then(|forms| forms.get(folded)))
            .flatten()
        {
            if prev.is_some_and(|p| self.not_after.contains(p))
                || next.is_some_and(|n| self.impersonal.contains(n))
            {
                return None;
            }
            return Some(Pronoun {
                gender,
                start,
                end: start + word.len(),
            });
        }
        // « a-t-il », « précise-t-elle »: the pronoun ends a hyphenated verb (most words have
        // no hyphen: they skip the walk through every suffix)
        if !folded.contains('-') {
            return None;
        }
        for (l, suffix, gender) in &self.inverted {
            // the cheap length test first: this runs for every word of the text
            if folded.len() <= suffix.len() + 1 || !folded.ends_with(suffix.as_str()) || l != lang {
                continue;
            }
            let cut = folded.len() - suffix.len();
            if folded.as_bytes().get(cut - 1) != Some(&b'-') {
                continue;
            }
            // folding keeps these ASCII words byte for byte: the suffix has the same length
            let Some(at) = word.len().checked_sub(suffix.len()) else {
                continue;
            };
            if !word.is_char_boundary(at) || fold(&word[at..]) != *suffix {
                continue;
            }
            return Some(Pronoun {
                gender: *gender,
                start: start + at,
                end: start + word.len(),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> GenderLexicon {
        GenderLexicon::load(&Sources::builtin()).expect("gender lexicon")
    }

    #[test]
    fn first_names_give_gender() {
        let l = lex();
        assert_eq!(l.of_name("Angela Schulz"), Some(Gender::Female));
        assert_eq!(l.of_name("Jean-Yves Martin"), Some(Gender::Male));
        assert_eq!(l.of_name("Dominique Roux"), None);
        assert!(l.is_first_name("Marie-Claire"));
        assert!(!l.is_first_name("Armées"));
    }

    #[test]
    fn subject_pronouns_inverted_and_impersonal() {
        let l = lex();
        let p = l.pronoun("fr", "elle", 10, Some("qu'"), Some("a")).unwrap();
        assert_eq!((p.gender, p.start, p.end), (Gender::Female, 10, 14));
        assert!(l.pronoun("fr", "il", 0, None, Some("faut")).is_none());
        assert!(l.pronoun("fr", "elle", 0, Some("avec"), None).is_none());
        let p = l.pronoun("fr", "a-t-il", 5, None, None).unwrap();
        assert_eq!((p.gender, p.start, p.end), (Gender::Male, 9, 11));
        let p = l.pronoun("fr", "précise-t-elle", 0, None, None).unwrap();
        assert_eq!(
            (p.gender, &"précise-t-elle"[p.start..p.end]),
            (Gender::Female, "elle")
        );
        assert_eq!(
            l.pronoun("en", "She", 3, None, None).unwrap().gender,
            Gender::Female
        );
        assert!(l.pronoun("en", "il", 0, None, None).is_none());
    }

    #[test]
    fn a_given_fold_finds_what_folding_finds() {
        let l = lex();
        for (lang, w) in [
            ("fr", "Elle"),
            ("fr", "ÉLLE"),
            ("fr", "annoncé-t-il"),
            ("fr", "a-t-elle"),
            ("fr", "déclaré"),
            ("fr", "œuvre"),
            ("en", "HE"),
            ("en", "they"),
            ("en", "well-known"),
            ("en", "Zoë"),
        ] {
            for (prev, next) in [(None, None), (Some("avec"), None), (None, Some("faut"))] {
                assert_eq!(
                    l.pronoun_folded(lang, w, &fold(w), 7, prev, next),
                    l.pronoun(lang, w, 7, prev, next),
                    "{w}"
                );
            }
        }
    }
}
