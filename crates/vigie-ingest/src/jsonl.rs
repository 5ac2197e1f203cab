//! JSON Lines: one document a line. A line that is not UTF-8, not JSON, not an object, or
//! has fields of the wrong type is one error; reading goes on with the next line.

use std::io::BufRead;

use serde_json::Value;
use vigie_core::Article;

use crate::error::InputError;
use crate::source::{Input, Origin};

/// Parse one line into an article. `default_id` names documents without an `id`.
pub fn parse_line(line: &[u8], default_id: &str) -> Result<Article, (Option<String>, String)> {
    let s = std::str::from_utf8(line)
        .map_err(|e| (None, format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
    let v: Value = serde_json::from_str(s).map_err(|e| (None, format!("malformed JSON: {e}")))?;
    let Value::Object(map) = v else {
        return Err((None, "a JSON Lines document must be an object".into()));
    };
    let id = match map.get("id") {
        None | Some(Value::Null) => default_id.to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => return Err((None, format!("`id` must be a string, not {other}"))),
    };
    let field = |k: &str| -> Result<Option<String>, (Option<String>, String)> {
        match map.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err((Some(id.clone()), format!("`{k}` must be a string"))),
        }
    };
    Ok(Article {
        id: id.clone(),
        text: field("text")?,
        html: field("html")?,
        lang: field("lang")?,
        date: field("date")?,
        title: field("title")?,
        url: field("url")?,
        source: field("source")?,
        date_source: None,
    })
}

pub fn read(name: &str, mut reader: impl BufRead, emit: &mut dyn FnMut(Input)) {
    let mut buf = Vec::with_capacity(1 << 16);
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        let origin = Origin {
            file: name.to_string(),
            line: Some(line_no),
            offset: None,
        };
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                emit(Input {
                    origin: origin.clone(),
                    article: Err(InputError {
                        origin,
                        id: None,
                        message: format!("read error: {e}"),
                    }),
                });
                break;
            }
        }
        let line = buf.trim_ascii();
        if line.is_empty() {
            continue;
        }
        let default_id = format!("{}:{line_no}", name.rsplit('/').next().unwrap_or(name));
        let article = parse_line(line, &default_id).map_err(|(id, message)| InputError {
            origin: origin.clone(),
            id,
            message,
        });
        emit(Input { origin, article });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(s: &[u8]) -> Vec<Input> {
        let mut v = Vec::new();
        read("in.jsonl", s, &mut |i| v.push(i));
        v
    }

    #[test]
    fn one_bad_line_does_not_stop_the_others() {
        let v = read_all(b"{\"id\":\"a\",\"text\":\"x\"}\n{not json\n\n\xff\xfe\n{\"id\":7,\"text\":\"y\"}\n[1]\n{\"id\":\"c\",\"text\":3}\n");
        assert_eq!(v.len(), 6);
        assert_eq!(v[0].article.as_ref().unwrap().id, "a");
        let e = v[1].article.as_ref().unwrap_err();
        assert!(e.message.starts_with("malformed JSON"), "{e}");
        assert_eq!(e.to_string().split(": ").next(), Some("in.jsonl:2"));
        assert!(v[2].article.as_ref().unwrap_err().message.contains("UTF-8"));
        assert_eq!(v[3].article.as_ref().unwrap().id, "7");
        assert!(v[4]
            .article
            .as_ref()
            .unwrap_err()
            .message
            .contains("object"));
        let e = v[5].article.as_ref().unwrap_err();
        assert_eq!((e.id.as_deref(), e.origin.line), (Some("c"), Some(7)));
    }

    #[test]
    fn documents_without_id_are_named_by_line() {
        let v = read_all(b"{\"text\":\"x\"}\n");
        assert_eq!(v[0].article.as_ref().unwrap().id, "in.jsonl:1");
    }

    proptest::proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = read_all(&bytes);
        }
    }
}
