//! Errors of one document. Each names the document, so a batch can report and go on.

use thiserror::Error;

#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("document {id}: has neither `text` nor `html`")]
    NoText { id: String },
    #[error("document {id}: unknown language code `{lang}` (expected an ISO 639-1 code such as fr or en)")]
    UnknownLang { id: String, lang: String },
    #[error(
        "document {id}: impossible date `{date}` (expected an ISO 8601 date such as 2026-01-08)"
    )]
    BadDate { id: String, date: String },
    #[error(
        "document {id}: `html` input needs the HTML reader (vigie-ingest), not the core extractor"
    )]
    HtmlNotConverted { id: String },
}
