//! Any bytes as an HTML page: decoding, parsing, metadata and body extraction never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_ingest::html::{read_bytes, HtmlLexicon};

fuzz_target!(|data: &[u8]| {
    if let Ok(lex) = HtmlLexicon::builtin() {
        let page = read_bytes(data, None, Some("https://example.org/2024/01/02/x"), lex);
        // the body is one paragraph a line: never an empty line
        assert!(!page.text.lines().any(|l| l.trim().is_empty()));
    }
});
