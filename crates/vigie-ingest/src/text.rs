//! Plain text: the whole file is one document; id, language and date come from the command
//! line (the id defaults to the file name without extension).

use std::io::Read;

use vigie_core::Article;

use crate::source::{read_whole, Input, PlainOptions};

pub fn read(
    name: &str,
    stem: &str,
    reader: impl Read,
    plain: &PlainOptions,
    emit: &mut dyn FnMut(Input),
) {
    read_whole(name, stem, reader, plain, emit, |bytes| {
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
        Ok(Article {
            // a byte-order mark is not text: strip it so no span counts it
            text: Some(
                text.strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            ),
            ..Article::default()
        })
    });
}
