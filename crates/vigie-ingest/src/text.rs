//! Plain text: the whole file is one document; id, language and date come from the command
//! line (the id defaults to the file name without extension).

use std::io::Read;

use vigie_core::Article;

use crate::error::InputError;
use crate::source::{read_all, Input, Origin, PlainOptions};

pub fn read(
    name: &str,
    stem: &str,
    reader: impl Read,
    plain: &PlainOptions,
    emit: &mut dyn FnMut(Input),
) {
    let origin = Origin {
        file: name.to_string(),
        line: None,
        offset: None,
    };
    let id = plain.id.clone().unwrap_or_else(|| stem.to_string());
    let article = match read_all(reader) {
        Err(e) => Err(format!("cannot read: {e}")),
        Ok(bytes) => match String::from_utf8(bytes) {
            Err(e) => Err(format!(
                "invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            )),
            Ok(text) => Ok(Article {
                id: id.clone(),
                // a byte-order mark is not text: strip it so no span counts it
                text: Some(
                    text.strip_prefix('\u{feff}')
                        .map(str::to_string)
                        .unwrap_or(text),
                ),
                lang: plain.lang.clone(),
                date: plain.date.clone(),
                ..Article::default()
            }),
        },
    };
    let article = article.map_err(|message| InputError {
        origin: origin.clone(),
        id: Some(id),
        message,
    });
    emit(Input { origin, article });
}
