//! Test support: the whole pipeline on the built-in lexicon, built once per test binary
//! (building it takes far longer than any one test), and one call that runs it on a sentence.

use std::sync::OnceLock;

use crate::doc::{Article, Doc};
use crate::pipeline::{Extractor, Lexicon};

/// The extractor over the built-in lexicon, shared by every test.
pub(crate) fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("builtin lexicon loads")))
}

/// `text` run through the whole pipeline as a document in `lang` published on `date`.
pub(crate) fn analyze(lang: &str, date: &str, text: &str) -> Doc {
    extractor()
        .analyze(&Article {
            id: "t".into(),
            text: Some(text.into()),
            lang: Some(lang.into()),
            date: Some(date.into()),
            ..Article::default()
        })
        .expect("analyzes")
}
