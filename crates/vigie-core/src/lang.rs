//! Language identification by function words. News text is long enough that counting the
//! most frequent function words of each candidate language is both fast and reliable; the
//! words are in `lexicon/lang/stopwords.tsv`, the accepted codes in `lexicon/lang/iso639-1.tsv`.

use std::collections::{HashMap, HashSet};

use crate::doc::Doc;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

#[derive(Debug, Default)]
pub struct LangLexicon {
    /// folded function word → languages it belongs to (indexes into `langs`).
    words: HashMap<String, Vec<u8>>,
    langs: Vec<String>,
    known: HashSet<String>,
    analyzed: HashSet<String>,
}

impl LangLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let mut errors = Vec::new();
        let mut lex = Self::default();
        match src.table("lang/stopwords.tsv") {
            Ok(t) => {
                let (cl, cw) = match (t.col("lang"), t.col("words")) {
                    (Ok(a), Ok(b)) => (a, b),
                    (Err(e), _) | (_, Err(e)) => return Err(vec![e]),
                };
                for row in &t.rows {
                    let lang = row.get(cl).to_string();
                    if lang.len() != 2 {
                        errors.push(t.error(row, format!("`{lang}` is not a two-letter code")));
                        continue;
                    }
                    let li = lex
                        .langs
                        .iter()
                        .position(|l| *l == lang)
                        .unwrap_or_else(|| {
                            lex.langs.push(lang.clone());
                            lex.langs.len() - 1
                        }) as u8;
                    for w in row.get(cw).split_whitespace() {
                        lex.words.entry(fold(w)).or_default().push(li);
                    }
                }
            }
            Err(e) => errors.push(e),
        }
        match src.table("lang/iso639-1.tsv") {
            Ok(t) => match (t.col("code"), t.col("analyzed")) {
                (Ok(cc), Ok(ca)) => {
                    for row in &t.rows {
                        let code = row.get(cc);
                        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_lowercase()) {
                            errors.push(t.error(row, format!("`{code}` is not an ISO 639-1 code")));
                            continue;
                        }
                        match t.yes_no(row, ca) {
                            Ok(true) => {
                                lex.analyzed.insert(code.to_string());
                            }
                            Ok(false) => {}
                            Err(e) => errors.push(e),
                        }
                        lex.known.insert(code.to_string());
                    }
                }
                (Err(e), _) | (_, Err(e)) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    /// Is `code` an ISO 639-1 code (any case)?
    pub fn is_known_code(&self, code: &str) -> bool {
        self.known.contains(&code.to_ascii_lowercase())
    }

    /// Does vigie run its language-specific stages on this language?
    pub fn is_analyzed(&self, code: &str) -> bool {
        self.analyzed.contains(code)
    }

    /// Is this word (any case) a function word of any language?
    pub fn is_function_word(&self, word: &str) -> bool {
        self.words.contains_key(&fold(word))
    }
}

/// The language of a document: the one whose function words are most frequent in it
/// (title included). `und` when no language scores.
pub fn detect<'l>(doc: &Doc, lex: &'l LangLexicon) -> &'l str {
    let mut scores = vec![0u32; lex.langs.len()];
    let mut seen = 0;
    let title = doc.title.as_deref().map(fold).unwrap_or_default();
    for w in doc
        .norm
        .folded
        .split(|c: char| !c.is_alphanumeric())
        .chain(title.split(|c: char| !c.is_alphanumeric()))
    {
        if w.is_empty() {
            continue;
        }
        if let Some(ls) = lex.words.get(w) {
            for &l in ls {
                scores[l as usize] += 1;
            }
        }
        seen += 1;
        // a few thousand words settle it; long documents need not be read to the end
        if seen > 4000 {
            break;
        }
    }
    match scores
        .iter()
        .enumerate()
        .max_by_key(|&(i, s)| (*s, std::cmp::Reverse(i)))
    {
        Some((i, &s)) if s > 0 => &lex.langs[i],
        _ => "und",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> LangLexicon {
        LangLexicon::load(&Sources::builtin()).unwrap()
    }

    #[test]
    fn tells_french_english_and_others() {
        let l = lex();
        let d = |t: &str| detect(&Doc::new("t", t), &l).to_string();
        assert_eq!(
            d("Le ministre a rencontré les représentants des pays voisins à Dakar."),
            "fr"
        );
        assert_eq!(
            d("The minister met the envoys of the neighbouring states in Dakar."),
            "en"
        );
        assert_eq!(d("Der Minister hat sich mit den Vertretern der Nachbarländer getroffen und ist nicht zufrieden."), "de");
        assert_eq!(d("12 34 !!"), "und");
    }

    #[test]
    fn knows_iso_codes() {
        let l = lex();
        assert!(l.is_known_code("FR") && l.is_known_code("ru") && !l.is_known_code("xx"));
        assert!(l.is_analyzed("fr") && l.is_analyzed("en") && !l.is_analyzed("de"));
    }
}
