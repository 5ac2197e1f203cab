//! How alike two evidence sentences are: the content words they share. Two reports of one
//! happening weeks apart (a phone call recalled in later coverage) share names and the words
//! of the act; two different happenings of the same type between the same actors rarely do.
//! Function words are those of the built-in `lang/stopwords.tsv`, folded like the text.

use std::collections::HashSet;
use std::sync::OnceLock;

use vigie_core::lexicon::Sources;
use vigie_core::normalize::fold;

/// Fewest shared content words that say anything.
pub const MIN_SHARED: usize = 2;

fn stopwords() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut out = HashSet::new();
        // the built-in lexicon is validated by `vigie lexicon check` and its tests; were the
        // table unreadable, the similarity would only count more words
        if let Ok(t) = Sources::builtin().table("lang/stopwords.tsv") {
            if let Ok(c) = t.col("words") {
                for row in &t.rows {
                    out.extend(row.get(c).split_whitespace().map(fold));
                }
            }
        }
        out
    })
}

/// The folded content words of a sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words(HashSet<String>);

impl Words {
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn contains(&self, w: &str) -> bool {
        self.0.contains(w)
    }
    /// These words but those of `other`.
    #[must_use]
    pub fn without(&self, other: &Words) -> Words {
        Words(self.0.difference(&other.0).cloned().collect())
    }
}

/// The folded content words of a sentence: letters and digits, three characters or more, not
/// a function word.
pub fn content_words(text: &str) -> Words {
    let stop = stopwords();
    Words(
        fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3 && !stop.contains(*w))
            .map(str::to_string)
            .collect(),
    )
}

/// How many content words two sentences share.
pub fn shared(a: &Words, b: &Words) -> usize {
    a.0.intersection(&b.0).count()
}

/// Shared words over the smaller set (the overlap coefficient), 0 below [`MIN_SHARED`]: a
/// short evidence sentence inside a long one still scores high.
pub fn overlap(a: &Words, b: &Words) -> f64 {
    let shared = a.0.intersection(&b.0).count();
    let smaller = a.len().min(b.len());
    if shared < MIN_SHARED || smaller == 0 {
        return 0.0;
    }
    shared as f64 / smaller as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_case_do_not_count() {
        let w = content_words("The President asked the Minister to investigate, in July.");
        let mut v: Vec<&str> = w.0.iter().map(String::as_str).collect();
        v.sort_unstable();
        assert_eq!(v, ["asked", "investigate", "july", "minister", "president"]);
        let f = content_words("Le président a demandé à l’Élysée d’enquêter.");
        assert!(f.contains("president") && f.contains("elysee") && !f.contains("le"));
    }

    #[test]
    fn reports_of_one_act_overlap_and_others_do_not() {
        let a =
            content_words("The minister asked Ruritania to investigate the envoy, officials said.");
        let b = content_words(
            "In the call, the minister asks Ruritania to investigate the envoy and his son.",
        );
        let c = content_words("Ruritania requested a loan to rebuild its roads.");
        assert!(overlap(&a, &b) >= 0.5, "{}", overlap(&a, &b));
        assert!(overlap(&a, &c) < 0.3, "{}", overlap(&a, &c));
        assert!(overlap(&a, &Words::default()) == 0.0);
    }
}
