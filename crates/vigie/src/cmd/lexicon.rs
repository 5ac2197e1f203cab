//! `vigie lexicon check|list`, and loading a user lexicon directory over the built-in one.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use vigie_core::lexicon::Sources;
use vigie_core::Lexicon;

use crate::cli::LexiconAction;

/// The built-in files, with a user directory's files added or replacing them.
pub fn sources(dir: Option<&Path>) -> Result<Sources> {
    let mut src = Sources::builtin();
    if let Some(dir) = dir {
        add_dir(&mut src, dir, dir)
            .with_context(|| format!("reading lexicon directory {}", dir.display()))?;
    }
    Ok(src)
}

fn add_dir(src: &mut Sources, root: &Path, dir: &Path) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::path);
    for e in entries {
        let path = e.path();
        if path.is_dir() {
            add_dir(src, root, &path)?;
        } else {
            let rel = path
                .strip_prefix(root)?
                .to_string_lossy()
                .replace('\\', "/");
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            src.insert(rel, bytes);
        }
    }
    Ok(())
}

/// Every lexicon part: the core's and the HTML reader's, all problems together.
fn check_all(sources: &Sources) -> Result<(), Vec<vigie_core::lexicon::LexiconError>> {
    let mut errors = Lexicon::load(sources).err().unwrap_or_default();
    errors.extend(
        vigie_ingest::html::HtmlLexicon::load(sources)
            .err()
            .unwrap_or_default(),
    );
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

pub fn run(sources: &Sources, action: &LexiconAction) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match action {
        LexiconAction::List => {
            for p in sources.paths() {
                writeln!(out, "{p}\t{}", sources.get(p).map_or(0, <[u8]>::len))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        LexiconAction::Check => match check_all(sources) {
            Ok(()) => {
                writeln!(out, "lexicon ok: {} files", sources.paths().count())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(errs) => {
                for e in &errs {
                    writeln!(out, "{e}")?;
                }
                writeln!(out, "lexicon: {} problem(s)", errs.len())?;
                Ok(ExitCode::FAILURE)
            }
        },
    }
}
