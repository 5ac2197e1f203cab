//! Input sources: a file by extension (`.txt`, `.jsonl`, `.html`/`.htm`, `.warc`/`.warc.gz`)
//! or standard input (`-`, JSON Lines when its first non-blank byte is `{`, plain text
//! otherwise). HTML is read here and converted to text later, on the worker threads (see
//! [`crate::batch`]).

use std::collections::BTreeMap;
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use vigie_core::Article;

use crate::error::InputError;
use crate::feed::{self, FeedContext};
use crate::{html, jsonl, text, warc};

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// A file name, `<stdin>`, or a URL.
    pub file: String,
    pub line: Option<usize>,
    /// Byte offset of a WARC record (of its gzip member in a compressed archive).
    pub offset: Option<u64>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(o) = self.offset {
            write!(f, "@{o}")?;
        }
        Ok(())
    }
}

/// What readers skipped on purpose (not errors): WARC records that are not HTML pages, feed
/// items older than `--since`, pages that did not change since the last fetch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Reason → count.
    pub skipped: BTreeMap<String, usize>,
}

impl ReadStats {
    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_insert(0) += 1;
    }
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// One document read, or the reason it could not be.
#[derive(Debug, Clone)]
pub struct Input {
    pub origin: Origin,
    pub article: Result<Article, InputError>,
}

/// What the command line says about plain-text documents.
#[derive(Debug, Clone, Default)]
pub struct PlainOptions {
    pub id: Option<String>,
    pub lang: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceSpec {
    Stdin,
    File(PathBuf),
    /// A feed's URL (`http://`, `https://`).
    Url(String),
}

impl SourceSpec {
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Self::Stdin
        } else if arg.starts_with("http://") || arg.starts_with("https://") {
            Self::Url(arg.to_string())
        } else {
            Self::File(PathBuf::from(arg))
        }
    }
    fn name(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".into(),
            Self::File(p) => p.display().to_string(),
            Self::Url(u) => u.clone(),
        }
    }
}

/// The kinds of file a path's name announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Jsonl,
    Html { gz: bool },
    Warc { gz: bool },
    Feed,
    Text,
}

impl FileKind {
    pub fn of(path: &Path) -> Self {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let (base, gz) = match name.strip_suffix(".gz") {
            Some(b) => (b, true),
            None => (name.as_str(), false),
        };
        let ext = base.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "warc" => Self::Warc { gz },
            "html" | "htm" | "xhtml" => Self::Html { gz },
            "jsonl" | "ndjson" | "json" if !gz => Self::Jsonl,
            "rss" | "atom" | "rdf" | "xml" if !gz => Self::Feed,
            _ => Self::Text,
        }
    }
}

/// Read every document of one source, calling `emit` for each in order. Never fails: an
/// unreadable source is one error input.
pub fn read_source(spec: &SourceSpec, plain: &PlainOptions, emit: &mut dyn FnMut(Input)) {
    read_source_counted(spec, plain, &mut ReadStats::default(), emit);
}

/// [`read_source`], counting what was skipped on purpose. Feed items are read from their
/// own content (no page is fetched).
pub fn read_source_counted(
    spec: &SourceSpec,
    plain: &PlainOptions,
    stats: &mut ReadStats,
    emit: &mut dyn FnMut(Input),
) {
    let mut feeds = FeedContext {
        fetcher: None,
        since: None,
    };
    read_source_with(spec, plain, stats, &mut feeds, emit);
}

/// [`read_source_counted`] with a feed context: feed URLs are fetched and feed items' pages
/// fetched when it has a fetcher.
pub fn read_source_with(
    spec: &SourceSpec,
    plain: &PlainOptions,
    stats: &mut ReadStats,
    feeds: &mut FeedContext,
    emit: &mut dyn FnMut(Input),
) {
    let name = spec.name();
    let origin = Origin {
        file: name.clone(),
        line: None,
        offset: None,
    };
    let fail = |message: String| Input {
        origin: origin.clone(),
        article: Err(InputError {
            origin: origin.clone(),
            id: None,
            message,
        }),
    };
    match spec {
        SourceSpec::File(path) => match std::fs::File::open(path) {
            Err(e) => emit(fail(format!("cannot read file: {e}"))),
            Ok(f) => {
                let reader = BufReader::with_capacity(1 << 16, f);
                let stem = path
                    .file_name()
                    .and_then(|s| s.to_str())
                    .map_or("doc", |n| n.split('.').next().unwrap_or(n))
                    .to_string();
                match FileKind::of(path) {
                    FileKind::Jsonl => jsonl::read(&name, reader, emit),
                    FileKind::Warc { gz } => warc::read(&name, reader, gz, stats, emit),
                    FileKind::Html { gz: false } => read_html(&name, &stem, reader, plain, emit),
                    FileKind::Html { gz: true } => read_html(
                        &name,
                        &stem,
                        flate2::read::MultiGzDecoder::new(reader),
                        plain,
                        emit,
                    ),
                    FileKind::Feed => match read_all(reader) {
                        Ok(bytes) => feed::read(&name, &bytes, feeds, stats, emit),
                        Err(e) => emit(fail(format!("cannot read file: {e}"))),
                    },
                    FileKind::Text => text::read(&name, &stem, reader, plain, emit),
                }
            }
        },
        SourceSpec::Url(url) => feed::read_url(url, feeds, stats, emit),
        SourceSpec::Stdin => {
            let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin().lock());
            let first = match reader.fill_buf() {
                Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).copied(),
                Err(e) => return emit(fail(format!("cannot read standard input: {e}"))),
            };
            if first == Some(b'{') {
                jsonl::read(&name, reader, emit);
            } else {
                text::read(&name, "stdin", reader, plain, emit);
            }
        }
    }
}

/// An HTML file: one article, its id the file name without extension; the page's bytes are
/// decoded here and its body found later on a worker thread.
fn read_html(
    name: &str,
    stem: &str,
    reader: impl Read,
    plain: &PlainOptions,
    emit: &mut dyn FnMut(Input),
) {
    read_whole(name, stem, reader, plain, emit, |bytes| {
        Ok(Article {
            html: Some(html::decode_page(&bytes, None)?),
            ..Article::default()
        })
    });
}

/// One file, one document: read it whole, let `build` turn the bytes into an article, and
/// give it the id (`--id` or the file name), language and date of the command line. Any
/// failure is one error naming the file and the id.
pub(crate) fn read_whole(
    name: &str,
    stem: &str,
    reader: impl Read,
    plain: &PlainOptions,
    emit: &mut dyn FnMut(Input),
    build: impl FnOnce(Vec<u8>) -> Result<Article, String>,
) {
    let origin = Origin {
        file: name.to_string(),
        line: None,
        offset: None,
    };
    let id = plain.id.clone().unwrap_or_else(|| stem.to_string());
    let article = read_all(reader)
        .map_err(|e| format!("cannot read: {e}"))
        .and_then(build)
        .map(|a| Article {
            id: id.clone(),
            lang: plain.lang.clone(),
            date: plain.date.clone(),
            ..a
        })
        .map_err(|message| InputError {
            origin: origin.clone(),
            id: Some(id),
            message,
        });
    emit(Input { origin, article });
}

/// Read all of a reader (used for plain text).
pub(crate) fn read_all(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.read_to_end(&mut buf)?;
    Ok(buf)
}
