//! Statements of intent, coded as CAMEO codes them (`events/intent.tsv`): an intended or
//! conditional cooperative act is an expression of intent to cooperate ("will provide aid"
//! 033, « rencontrera » 036), an intended hostile act is a threat ("will boycott" 133, "would
//! blockade" 1381), a negated intent or agreement is a refusal ("will not accept" 120, "failed
//! to reach agreement" 127). An intended or hypothetical event stays so; a refusal is itself
//! what happened (the negation was the act), so it becomes actual. Only verbs are recoded ("the upcoming summit" expresses no one's intent), and not
//! the condition of a sentence (« si la Russie attaque, … »).

use super::embed::Occurrence;
use super::grammar::{folded, Grammar, WordClass};
use super::ontology::Ontology;
use crate::doc::{Doc, Event, Status};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Clone)]
struct Rule {
    negated: bool,
    prefix: String,
    result: String,
    at: String,
}

/// The intent recoding table.
#[derive(Debug, Clone)]
pub struct Intents {
    rules: Vec<Rule>,
}

const FILE: &str = "events/intent.tsv";

impl Intents {
    pub fn load(src: &Sources, ontology: &Ontology) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t
            .cols(&["status", "cameo", "result"])
            .map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        for r in &t.rows {
            let negated = match r.get(c[0]) {
                "intended" => false,
                "negated" => true,
                s => {
                    errors.push(t.error(r, format!("status is intended or negated, not `{s}`")));
                    continue;
                }
            };
            let (prefix, result) = (r.get(c[1]), r.get(c[2]));
            for code in [prefix, result] {
                if ontology.get(code).is_none() {
                    errors.push(t.error(r, format!("unknown CAMEO code `{code}`")));
                }
            }
            rules.push(Rule {
                negated,
                prefix: prefix.to_string(),
                result: result.to_string(),
                at: t.at(r),
            });
        }
        if errors.is_empty() {
            Ok(Self { rules })
        } else {
            Err(errors)
        }
    }

    /// Recode the intended, hypothetical and negated verbal events.
    pub fn recode(
        &self,
        doc: &Doc,
        gram: &Grammar,
        ontology: &Ontology,
        events: &mut [(Event, Occurrence)],
    ) {
        for (e, o) in events.iter_mut() {
            let negated = match e.status {
                Status::Actual => continue,
                Status::Negated => true,
                Status::Intended | Status::Hypothetical => false,
            };
            if !o.verbal {
                continue;
            }
            if e.status == Status::Hypothetical && in_condition(doc, gram, e.sentence, o.first) {
                continue;
            }
            let Some(rule) = self
                .rules
                .iter()
                .filter(|r| r.negated == negated && e.cameo.starts_with(r.prefix.as_str()))
                .max_by_key(|r| r.prefix.len())
            else {
                continue;
            };
            let Some(code) = ontology.get(&rule.result) else {
                continue;
            };
            let Some(plover) = code.plover else { continue };
            e.plover = plover;
            e.goldstein = code.goldstein;
            e.quad_class = code.quad_class;
            e.explain.trigger_entry = format!(
                "{} → {} ({})",
                e.explain.trigger_entry, rule.result, rule.at
            );
            e.cameo.clone_from(&rule.result);
            if negated {
                e.status = Status::Actual;
                e.explain.status_rule = Some(format!(
                    "{}; a refusal is what happened: actual",
                    e.explain.status_rule.as_deref().unwrap_or("negated")
                ));
            }
        }
    }
}

/// Does a condition word (« si », "if") open the trigger's clause?
fn in_condition(doc: &Doc, gram: &Grammar, sentence: usize, first: usize) -> bool {
    let tokens = doc.sentence_tokens(sentence);
    let lang = doc.lang.as_str();
    for t in tokens[..first.min(tokens.len())].iter().rev() {
        let w = folded(doc, t);
        if gram.is(lang, WordClass::Cond, w) {
            return true;
        }
        if gram.is(lang, WordClass::Clause, w) || matches!(doc.slice(t.span), "," | ";") {
            return false;
        }
    }
    false
}
