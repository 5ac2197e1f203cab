//! Input sources: a file by extension (`.txt`, `.jsonl`) or standard input (`-`, JSON Lines
//! when its first non-blank byte is `{`, plain text otherwise).

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use vigie_core::Article;

use crate::error::InputError;
use crate::{jsonl, text};

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
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
}

impl SourceSpec {
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Self::Stdin
        } else {
            Self::File(PathBuf::from(arg))
        }
    }
    fn name(&self) -> String {
        match self {
            Self::Stdin => "<stdin>".into(),
            Self::File(p) => p.display().to_string(),
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson" | "json")
    )
}

/// Read every document of one source, calling `emit` for each in order. Never fails: an
/// unreadable source is one error input.
pub fn read_source(spec: &SourceSpec, plain: &PlainOptions, emit: &mut dyn FnMut(Input)) {
    let name = spec.name();
    let fail = |message: String| Input {
        origin: Origin {
            file: name.clone(),
            line: None,
        },
        article: Err(InputError {
            origin: Origin {
                file: name.clone(),
                line: None,
            },
            id: None,
            message,
        }),
    };
    match spec {
        SourceSpec::File(path) => match std::fs::File::open(path) {
            Err(e) => emit(fail(format!("cannot read file: {e}"))),
            Ok(f) => {
                let reader = BufReader::with_capacity(1 << 16, f);
                if is_jsonl(path) {
                    jsonl::read(&name, reader, emit);
                } else {
                    let stem = path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or("doc")
                        .to_string();
                    text::read(&name, &stem, reader, plain, emit);
                }
            }
        },
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

/// Read all of a reader (used for plain text).
pub(crate) fn read_all(mut r: impl Read) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    r.read_to_end(&mut buf)?;
    Ok(buf)
}
