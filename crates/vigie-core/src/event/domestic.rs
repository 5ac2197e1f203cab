//! Agentless state acts at home (`events/domestic.tsv`): « deux agents ont été arrêtés »,
//! "he was charged with fraud" name no agent, yet arrests, charges and investigations are acts
//! of a state's police and courts. When such an event has no source and its target belongs to
//! the document's home country, the source is that country with the listed role; the source
//! span is the home country's mention nearest before the trigger (else the target's), and the
//! rule says it was inferred.

use crate::doc::{Actor, Argument, Doc, Span};
use crate::lexicon::{LexiconError, Sources};

const FILE: &str = "events/domestic.tsv";

#[derive(Debug, Clone, Default)]
pub struct DomesticAgents {
    /// `(cameo prefix, role)`.
    prefixes: Vec<(String, String)>,
}

impl DomesticAgents {
    pub fn load(src: &Sources, known: impl Fn(&str) -> bool) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.cols(&["cameo", "role"]).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let (cameo, role) = (r.get(c[0]), r.get(c[1]));
            if !known(cameo) {
                errors.push(t.error(r, format!("unknown CAMEO code `{cameo}`")));
                continue;
            }
            if role.len() != 3 || !role.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(t.error(r, format!("a role is three capital letters, not `{role}`")));
                continue;
            }
            prefixes.push((cameo.to_string(), role.to_string()));
        }
        if errors.is_empty() {
            Ok(Self { prefixes })
        } else {
            Err(errors)
        }
    }

    /// The role of the unnamed agent of `cameo`, by longest listed prefix.
    fn role(&self, cameo: &str) -> Option<&str> {
        self.prefixes
            .iter()
            .filter(|(p, _)| cameo.starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(_, r)| r.as_str())
    }

    /// The inferred source of an agentless event coded `cameo` on `target`, at `trigger`.
    pub fn infer(
        &self,
        doc: &Doc,
        cameo: &str,
        target: Option<&Argument>,
        home: Option<&str>,
        trigger: Span,
    ) -> Option<Argument> {
        let home = home?;
        // the target must be the acted-on party (the passive subject, the object), not a
        // prepositional complement ("extradited to the US")
        let target = target.filter(|t| {
            matches!(
                t.rule,
                "passive-subject" | "object" | "object-complement" | "role+home-country"
            )
        })?;
        let country = target.actor.as_ref()?.country.as_deref()?;
        if country != home {
            return None;
        }
        let role = self.role(cameo)?;
        let span = doc
            .entities
            .iter()
            .rev()
            .filter(|e| e.span.end <= trigger.start)
            .find(|e| {
                e.actor
                    .as_ref()
                    .is_some_and(|a| a.country.as_deref() == Some(home))
            })
            .map_or(target.span, |e| e.span);
        Some(Argument {
            span,
            actor: Some(Actor {
                code: format!("{home}{role}"),
                country: Some(home.to_string()),
                role: Some(role.to_string()),
                name: None,
            }),
            rule: "domestic-agent",
        })
    }
}
