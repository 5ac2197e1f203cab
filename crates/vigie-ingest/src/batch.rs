//! The parallel batch driver: a reader thread fills bounded chunks, all cores map a chunk,
//! the caller's thread consumes results in input order. Memory holds at most two chunks (the
//! one being mapped and the one being read), whatever the input size.
//!
//! Articles that arrive as HTML (`.html` files, WARC records, JSON Lines with `html`) are
//! converted to text on the worker threads, just before `map`, so that the costly part of
//! reading the web runs on all cores and readers stay cheap.

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::error::InputError;
use crate::html::{self, HtmlLexicon};
use crate::source::Input;

#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Most documents in one chunk.
    pub chunk_docs: usize,
    /// Most bytes of text in one chunk (a chunk closes once it reaches this).
    pub chunk_bytes: usize,
    /// The HTML lexicon for pages (`None`: the built-in one).
    pub html: Option<&'static HtmlLexicon>,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            chunk_docs: 512,
            chunk_bytes: 16 << 20,
            html: None,
        }
    }
}

/// Turn an HTML article into a text one; a page without text becomes an input error.
pub fn complete_html(mut input: Input, lex: Option<&'static HtmlLexicon>) -> Input {
    let Ok(a) = &mut input.article else {
        return input;
    };
    if a.text.is_some() || a.html.is_none() {
        return input;
    }
    let lex = match lex.map_or_else(HtmlLexicon::builtin, Ok) {
        Ok(l) => l,
        Err(e) => {
            let id = a.id.clone();
            input.article = Err(InputError {
                origin: input.origin.clone(),
                id: Some(id),
                message: format!("HTML lexicon: {e}"),
            });
            return input;
        }
    };
    if let Err(message) = html::complete_article(a, lex) {
        let id = a.id.clone();
        input.article = Err(InputError {
            origin: input.origin.clone(),
            id: Some(id),
            message,
        });
    }
    input
}

fn weight(i: &Input) -> usize {
    i.article.as_ref().map_or(64, |a| {
        a.text.as_ref().map_or(0, String::len) + a.html.as_ref().map_or(0, String::len) + 64
    })
}

/// Read with `produce` (on a reader thread), map every input with `map` on all cores, and
/// hand the results to `sink` in input order.
pub fn run_ordered<T, P, M, S>(opts: BatchOptions, produce: P, map: M, mut sink: S)
where
    T: Send,
    P: FnOnce(&mut dyn FnMut(Input)) + Send,
    M: Fn(Input) -> T + Sync,
    S: FnMut(T),
{
    let (tx, rx) = sync_channel::<Vec<Input>>(1);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut chunk = Vec::new();
            let mut bytes = 0;
            produce(&mut |input: Input| {
                bytes += weight(&input);
                chunk.push(input);
                if chunk.len() >= opts.chunk_docs || bytes >= opts.chunk_bytes {
                    bytes = 0;
                    // the receiver only goes away when the sink panicked; nothing to do then
                    let _ = tx.send(std::mem::take(&mut chunk));
                }
            });
            if !chunk.is_empty() {
                let _ = tx.send(chunk);
            }
        });
        for chunk in rx {
            let results: Vec<T> = chunk
                .into_par_iter()
                .map(|i| map(complete_html(i, opts.html)))
                .collect();
            for r in results {
                sink(r);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Origin;
    use vigie_core::Article;

    #[test]
    fn results_come_in_input_order_across_chunks() {
        let opts = BatchOptions {
            chunk_docs: 7,
            chunk_bytes: 1 << 20,
            html: None,
        };
        let mut got = Vec::new();
        run_ordered(
            opts,
            |emit| {
                for n in 0..100 {
                    emit(Input {
                        origin: Origin {
                            file: "x".into(),
                            line: Some(n),
                            offset: None,
                        },
                        article: Ok(Article {
                            id: n.to_string(),
                            text: Some("t".into()),
                            ..Article::default()
                        }),
                    });
                }
            },
            |i| i.article.unwrap().id.parse::<usize>().unwrap(),
            |n| got.push(n),
        );
        assert_eq!(got, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn html_articles_arrive_as_text() {
        let page = "<html lang=en><head><title>Budget vote</title><meta property=\"article:published_time\" content=\"2025-02-03T10:00:00Z\"></head><body><nav><a href=/>Home</a></nav><article><p>The city council voted the budget on Monday, after a long debate, by twelve votes to nine.</p><p>The mayor said the vote, which followed weeks of talks, was a relief for the city.</p></article><footer>All rights reserved</footer></body></html>";
        let mut got = Vec::new();
        run_ordered(
            BatchOptions::default(),
            |emit| {
                for (n, html) in [page, "<html><body></body></html>"].into_iter().enumerate() {
                    emit(Input {
                        origin: Origin {
                            file: "p".into(),
                            line: Some(n + 1),
                            offset: None,
                        },
                        article: Ok(Article {
                            id: n.to_string(),
                            html: Some(html.into()),
                            ..Article::default()
                        }),
                    });
                }
            },
            |i| i.article,
            |r| got.push(r),
        );
        let a = got[0].as_ref().unwrap();
        assert_eq!(
            a.text.as_deref(),
            Some("The city council voted the budget on Monday, after a long debate, by twelve votes to nine.\nThe mayor said the vote, which followed weeks of talks, was a relief for the city.")
        );
        assert_eq!(a.html, None);
        assert_eq!(a.title.as_deref(), Some("Budget vote"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        assert_eq!(a.date.as_deref(), Some("2025-02-03"));
        assert_eq!(a.date_source, Some(vigie_core::doc::DateSource::HtmlMeta));
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.id.as_deref(), Some("1"));
        assert!(e.message.contains("no article text"), "{e}");
    }
}
