//! Function-word classes per language (`events/grammar.tsv`): auxiliaries, forms of « être »
//! and "be", determiners, prepositions, passive agents, clause openers, relative pronouns,
//! locative prepositions. The argument, status and place rules read them by folded word.

use std::collections::{HashMap, HashSet};

use crate::doc::{Doc, Token, TokenKind};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordClass {
    Aux,
    Be,
    Det,
    Prep,
    Agent,
    Clause,
    Relative,
    Loc,
    Adv,
    Light,
    Conj,
    /// Opens a condition (« si », "if", "unless"): what follows is the condition of the
    /// event before it, not a happening.
    Cond,
    /// Opens a complement clause (« que », "that"): the clause is the content of the verb
    /// before it, not a new clause for embedding.
    Comp,
    /// A subject pronoun (« il », "it", "they"): after « que »/"that" it names the reporter.
    Pron,
    /// An infinitive marker ("to"): the verb reading of what follows wins over the noun
    /// ("threatened to attack"), though the marker is also a preposition.
    Inf,
    /// Listed as `,` where a comma closes a verb's complement and opens a reporting clause
    /// with its own subject ("…, a rights group said"); French inserts dates and phrases
    /// between commas inside a clause (« a qualifié, ce jeudi, les déclarations »).
    CommaStop,
}

impl WordClass {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "aux" => Self::Aux,
            "be" => Self::Be,
            "det" => Self::Det,
            "prep" => Self::Prep,
            "agent" => Self::Agent,
            "clause" => Self::Clause,
            "relative" => Self::Relative,
            "loc" => Self::Loc,
            "adv" => Self::Adv,
            "light" => Self::Light,
            "conj" => Self::Conj,
            "cond" => Self::Cond,
            "comp" => Self::Comp,
            "pron" => Self::Pron,
            "inf" => Self::Inf,
            "commastop" => Self::CommaStop,
            _ => return None,
        })
    }
}

/// Folded words of each class, per language.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// Per language, each folded word with the set of its classes as bits (`1 << class`):
    /// `is` is called for most tokens around every trigger, so one lookup answers it.
    words: Vec<(String, HashMap<String, u16, FastHash>)>,
}

type FastHash = crate::lexicon::fnv::FnvBuild;

const FILE: &str = "events/grammar.tsv";

impl Grammar {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let (l, c, w) = match (t.col("lang"), t.col("class"), t.col("word")) {
            (Ok(l), Ok(c), Ok(w)) => (l, c, w),
            (a, b, d) => return Err(a.err().into_iter().chain(b.err()).chain(d.err()).collect()),
        };
        let mut errors = Vec::new();
        let mut words: HashMap<String, HashMap<WordClass, HashSet<String>>> = HashMap::new();
        for r in &t.rows {
            let Some(class) = WordClass::parse(r.get(c)) else {
                errors.push(t.error(r, format!("unknown class `{}`", r.get(c))));
                continue;
            };
            if r.get(w).is_empty() {
                errors.push(t.error(r, "empty word"));
                continue;
            }
            words
                .entry(r.get(l).to_string())
                .or_default()
                .entry(class)
                .or_default()
                .insert(fold(r.get(w)));
        }
        let words = words
            .into_iter()
            .map(|(lang, classes)| {
                let mut bits: HashMap<String, u16, FastHash> = HashMap::default();
                for (class, set) in classes {
                    for w in set {
                        *bits.entry(w).or_default() |= 1 << (class as u16);
                    }
                }
                (lang, bits)
            })
            .collect();
        if errors.is_empty() {
            Ok(Self { words })
        } else {
            Err(errors)
        }
    }

    /// Is the folded word `w` of class `class` in language `lang`?
    pub fn is(&self, lang: &str, class: WordClass, w: &str) -> bool {
        self.words
            .iter()
            .find(|(l, _)| l == lang)
            .and_then(|(_, m)| m.get(w))
            .is_some_and(|bits| bits & (1 << (class as u16)) != 0)
    }
}

/// The folded text of a token.
pub fn folded<'d>(doc: &'d Doc, t: &Token) -> &'d str {
    let (a, b) = doc.norm.folded_range(t.span);
    doc.norm.folded.get(a..b).unwrap_or("")
}

/// True for a word or a clause-relevant punctuation token.
pub fn is_word(t: &Token) -> bool {
    t.kind != TokenKind::Punct
}
