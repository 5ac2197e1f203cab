//! Status of an event: actual, intended, negated or hypothetical, from cue words around the
//! trigger and from the tense of its verb or auxiliary (`events/status.tsv`).

use super::inflect::Form;
use crate::doc::{Doc, Span, Status};
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Before,
    /// A modal before a verb's base form ("will", "would"): as `Before`, but an English
    /// past or participle with no auxiliary is not under it ("it will return arms seized
    /// last year": the seizure happened).
    Modal,
    /// An adjective on the trigger itself (« le futur accord », "upcoming talks"): right
    /// before it, at most one word between; "the future of the towns besieged" is a noun.
    Next,
    Sentence,
    After,
}

#[derive(Debug, Clone)]
struct Cue {
    status: Status,
    scope: Scope,
    at: String,
    text: String,
}

/// Status cues per language.
#[derive(Debug, Clone)]
pub struct StatusCues {
    cues: Vec<Cue>,
    fr: PhraseMatcher,
    en: PhraseMatcher,
    /// `(lang, tense code, status, file:line)`.
    tenses: Vec<(String, String, Status, String)>,
}

const FILE: &str = "events/status.tsv";

/// How far before the trigger a `before` cue may stand, in bytes of text (about six words).
const BEFORE_BYTES: usize = 48;
const AFTER_BYTES: usize = 16;

impl StatusCues {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let cols: Result<Vec<usize>, _> = t.cols(&["lang", "status", "cue", "scope"]);
        let c = cols.map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut cues = Vec::new();
        let mut tenses = Vec::new();
        let mut fr = Vec::new();
        let mut en = Vec::new();
        for r in &t.rows {
            let status = match r.get(c[1]) {
                "intended" => Status::Intended,
                "negated" => Status::Negated,
                "hypothetical" => Status::Hypothetical,
                s => {
                    errors.push(t.error(r, format!("unknown status `{s}`")));
                    continue;
                }
            };
            let scope = match r.get(c[3]) {
                "before" => Scope::Before,
                "modal" => Scope::Modal,
                "next" => Scope::Next,
                "sentence" => Scope::Sentence,
                "after" => Scope::After,
                s => {
                    errors.push(t.error(r, format!("unknown scope `{s}`")));
                    continue;
                }
            };
            let lang = r.get(c[0]);
            let cue = r.get(c[2]);
            if let Some(tense) = cue.strip_prefix("tense:") {
                tenses.push((lang.to_string(), tense.to_string(), status, t.at(r)));
                continue;
            }
            let idx = cues.len() as u32;
            match lang {
                "fr" => fr.push((cue.to_string(), idx)),
                "en" => en.push((cue.to_string(), idx)),
                l => {
                    errors.push(t.error(r, format!("unknown language `{l}`")));
                    continue;
                }
            }
            cues.push(Cue {
                status,
                scope,
                at: t.at(r),
                text: cue.to_string(),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            cues,
            fr: PhraseMatcher::new(fr),
            en: PhraseMatcher::new(en),
            tenses,
        })
    }

    /// Every cue occurrence in the document, once per document: `(span, cue index)`.
    pub fn find(&self, doc: &Doc) -> Vec<(Span, u32)> {
        let m = if doc.lang == "fr" { &self.fr } else { &self.en };
        m.find_all(&doc.norm)
            .into_iter()
            .flat_map(|x| x.payloads.iter().map(move |&p| (x.span, p)))
            .collect()
    }

    /// The status of a trigger spanning `trigger` in sentence `sentence` (clause starting at
    /// `clause_start`) of `text`, whose verb or auxiliary has form `form`; `bare_past`: an
    /// English past or participle with no auxiliary. With the rule that decided.
    #[allow(clippy::too_many_arguments)]
    pub fn status(
        &self,
        lang: &str,
        text: &str,
        found: &[(Span, u32)],
        sentence: Span,
        clause_start: usize,
        trigger: Span,
        forms: &[Form],
        bare_past: bool,
    ) -> (Status, Option<String>) {
        let mut best: Option<(Status, String)> = None;
        let mut consider = |s: Status, why: String| {
            let rank = |s: Status| match s {
                Status::Negated => 3,
                Status::Hypothetical => 2,
                Status::Intended => 1,
                Status::Actual => 0,
            };
            if best.as_ref().is_none_or(|(b, _)| rank(s) > rank(*b)) {
                best = Some((s, why));
            }
        };
        for (l, tense, st, at) in &self.tenses {
            if l == lang && forms.iter().any(|f| f.tense_code() == tense) {
                consider(*st, format!("tense {tense} ({at})"));
            }
        }
        for &(span, i) in found {
            let Some(c) = self.cues.get(i as usize) else {
                continue;
            };
            if trigger.overlaps(span) && !matches!(c.scope, Scope::Before | Scope::Modal) {
                continue;
            }
            let ok = match c.scope {
                Scope::Modal if bare_past => false,
                Scope::Next => {
                    span.end <= trigger.start
                        && span.start >= sentence.start
                        && text.get(span.end..trigger.start).is_some_and(|between| {
                            between.split_whitespace().count() <= 1
                                && between.chars().all(|c| {
                                    c.is_alphanumeric() || c.is_whitespace() || "'’-".contains(c)
                                })
                        })
                }
                // a negation stays in its clause: « n'ayant pas ratifié la convention, l'ONG a
                // demandé » asks all the same
                Scope::Before
                    if c.status == Status::Negated
                        && text
                            .get(span.end..trigger.start)
                            .is_some_and(|between| between.contains([',', ';'])) =>
                {
                    false
                }
                Scope::Before | Scope::Modal => {
                    span.end <= trigger.end
                        && span.start >= clause_start.max(sentence.start)
                        && span.start + BEFORE_BYTES >= trigger.start
                        && span != trigger
                }
                Scope::Sentence => span.start >= sentence.start && span.end <= trigger.start,
                Scope::After => {
                    span.start >= trigger.end
                        && span.start <= trigger.end + AFTER_BYTES
                        && span.end <= sentence.end
                }
            };
            if ok {
                consider(c.status, format!("cue « {} » ({})", c.text, c.at));
            }
        }
        match best {
            Some((s, why)) => (s, Some(why)),
            None => (Status::Actual, None),
        }
    }
}
