//! The parallel batch driver: a reader thread fills bounded chunks, all cores map a chunk,
//! the caller's thread consumes results in input order. Memory holds at most two chunks (the
//! one being mapped and the one being read), whatever the input size.

use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

use crate::source::Input;

#[derive(Debug, Clone, Copy)]
pub struct BatchOptions {
    /// Most documents in one chunk.
    pub chunk_docs: usize,
    /// Most bytes of text in one chunk (a chunk closes once it reaches this).
    pub chunk_bytes: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        Self {
            chunk_docs: 512,
            chunk_bytes: 16 << 20,
        }
    }
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
            let results: Vec<T> = chunk.into_par_iter().map(&map).collect();
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
}
