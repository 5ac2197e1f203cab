//! Evaluative verbs take their polarity from what they say: « qualifier de "bon texte" » and
//! "called it a great deal" praise (SUPPORT), « qualifier de "mensonge" » criticizes (the
//! entry's own code). `events/polarity.tsv` lists the evaluative trigger phrases with the code
//! to use when a praise word stands in their complement, and the praise words themselves.

type HashMap<K, V> = std::collections::HashMap<K, V, crate::lexicon::fnv::FnvBuild>;
type HashSet<T> = std::collections::HashSet<T, crate::lexicon::fnv::FnvBuild>;

use super::grammar::{folded, Grammar, WordClass};
use crate::doc::{Doc, Token, TokenKind};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

const FILE: &str = "events/polarity.tsv";

/// How many tokens after the trigger the complement is read for praise words.
const WINDOW: usize = 8;

#[derive(Debug, Clone, Default)]
pub struct Polarity {
    /// lang → entry phrase → the CAMEO code of the praising reading.
    evaluative: HashMap<String, HashMap<String, String>>,
    /// lang → folded praise words.
    praise: HashMap<String, HashSet<String>>,
    /// lang → folded blame words → the code of a quotation that uses them.
    blame: HashMap<String, HashMap<String, String>>,
}

impl Polarity {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t
            .cols(&["lang", "kind", "text", "cameo"])
            .map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut p = Self::default();
        for r in &t.rows {
            let (lang, kind, text, cameo) = (r.get(c[0]), r.get(c[1]), r.get(c[2]), r.get(c[3]));
            if !matches!(lang, "fr" | "en") {
                errors.push(t.error(r, format!("unknown language `{lang}`")));
                continue;
            }
            if text.is_empty() {
                errors.push(t.error(r, "empty text"));
                continue;
            }
            match kind {
                "evaluative" if known(cameo) => {
                    p.evaluative
                        .entry(lang.to_string())
                        .or_default()
                        .insert(text.to_string(), cameo.to_string());
                }
                "blame" if known(cameo) => {
                    p.blame
                        .entry(lang.to_string())
                        .or_default()
                        .insert(fold(text), cameo.to_string());
                }
                "evaluative" | "blame" => {
                    errors.push(t.error(r, format!("unknown CAMEO code `{cameo}`")));
                }
                "praise" => {
                    p.praise
                        .entry(lang.to_string())
                        .or_default()
                        .insert(fold(text));
                }
                k => errors
                    .push(t.error(r, format!("unknown kind `{k}` (evaluative, praise, blame)"))),
            }
        }
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }

    /// The praising code for the evaluative entry `phrase` when a praise word follows the
    /// trigger (tokens `last..`) in its clause; `None` keeps the entry's code.
    pub fn praise_code(
        &self,
        doc: &Doc,
        gram: &Grammar,
        lang: &str,
        phrase: &str,
        tokens: &[Token],
        last: usize,
    ) -> Option<&str> {
        let code = self.evaluative.get(lang)?.get(phrase)?;
        let praise = self.praise.get(lang)?;
        let end = (last + WINDOW).min(tokens.len());
        for t in tokens.get(last..end)? {
            let w = folded(doc, t);
            if t.kind == TokenKind::Punct && matches!(w, "." | ";" | "!" | "?") {
                break;
            }
            if gram.is(lang, WordClass::Clause, w) {
                break;
            }
            if praise.contains(w) {
                return Some(code);
            }
        }
        None
    }

    /// The code of a quotation using the folded word `w` to blame, if it is a blame word.
    pub fn blame_code(&self, lang: &str, w: &str) -> Option<&str> {
        self.blame.get(lang)?.get(w).map(String::as_str)
    }
}
