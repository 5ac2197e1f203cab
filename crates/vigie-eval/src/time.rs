//! Evaluation of temporal expressions: gold readers for TimeML (`.tml`, inline TIMEX3 with a
//! creation date) and Microsoft Recognizers-Text JSON specs, and the TempEval-3 timex
//! metrics (strict and relaxed span P/R/F1, value accuracy and value F1 per type). Spans are
//! Unicode-scalar offsets into the document text, for gold and predictions alike, so any
//! tagger's output (vigie's or a peer's) goes through the same scorer.

mod recognizers;
mod score;
mod timeml;

pub use recognizers::read_recognizers;
pub use score::{misses, score, Counts, Miss, Scores};
pub use timeml::read_tml;

/// One gold document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    /// `fr` or `en` when the corpus says so.
    pub lang: Option<String>,
    /// Creation date (the anchor), `YYYY-MM-DD`.
    pub dct: Option<String>,
    pub timexes: Vec<Timex>,
}

/// A temporal expression, gold or predicted: char offsets `[start, end)`, TimeML type
/// (`DATE`, `TIME`, `DURATION`, `SET`) and the accepted values (gold may list several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub ttype: String,
    pub values: Vec<String>,
}
