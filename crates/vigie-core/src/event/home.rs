//! Role-only actors (« la police », "the government", "rebels": CAMEO role codes with no
//! country, listed in `events/roles.tsv`) take the document's home country: the country
//! its actor mentions name most often (first named on a tie).

use std::collections::HashSet;

use crate::doc::{Actor, Argument, Doc};
use crate::lexicon::{LexiconError, Sources};

#[derive(Debug, Clone, Default)]
pub struct Roles {
    codes: HashSet<String>,
}

const FILE: &str = "events/roles.tsv";

impl Roles {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t.col("role").map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut codes = HashSet::new();
        for r in &t.rows {
            let code = r.get(c);
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                errors.push(t.error(r, format!("a role is three capital letters, not `{code}`")));
                continue;
            }
            codes.insert(code.to_string());
        }
        if errors.is_empty() {
            Ok(Self { codes })
        } else {
            Err(errors)
        }
    }

    /// Is this actor a bare role (no country)?
    pub fn is_bare(&self, a: &Actor) -> bool {
        a.country.is_none() && a.code.get(..3).is_some_and(|p| self.codes.contains(p))
    }

    /// Give a bare-role argument the home country.
    pub fn complete(&self, arg: &mut Argument, home: Option<&str>) {
        let (Some(a), Some(h)) = (arg.actor.as_mut(), home) else {
            return;
        };
        if self.is_bare(a) {
            a.role = a
                .role
                .clone()
                .or_else(|| a.code.get(..3).map(str::to_string));
            a.code = format!("{h}{}", a.code);
            a.country = Some(h.to_string());
            arg.rule = "role+home-country";
        }
    }
}

/// The country most often named by the document's actor mentions.
pub fn home_country(doc: &Doc) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, e) in doc.entities.iter().enumerate() {
        if doc.in_boilerplate(e.span) {
            continue;
        }
        let Some(c) = e.actor.as_ref().and_then(|a| a.country.as_deref()) else {
            continue;
        };
        match counts.iter_mut().find(|(k, _, _)| *k == c) {
            Some(x) => x.1 += 1,
            None => counts.push((c, 1, i)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(c, _, _)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Entity, EntityType, Span};

    #[test]
    fn bare_roles_take_the_most_named_country() {
        let mut d = Doc::new("t", "x");
        let ent = |code: &str, country: Option<&str>| Entity {
            span: Span::new(0, 1),
            etype: EntityType::ORG,
            actor: Some(Actor {
                code: code.into(),
                country: country.map(Into::into),
                ..Actor::default()
            }),
            rule: "t".into(),
            nominal: false,
        };
        d.entities = vec![
            ent("SYR", Some("SYR")),
            ent("TURGOV", Some("TUR")),
            ent("SYRGOV", Some("SYR")),
        ];
        assert_eq!(home_country(&d).as_deref(), Some("SYR"));
        let roles = Roles::load(&Sources::builtin()).unwrap();
        let mut a = Argument {
            span: Span::new(0, 1),
            actor: Some(Actor {
                code: "COP".into(),
                ..Actor::default()
            }),
            rule: "subject",
        };
        roles.complete(&mut a, Some("SYR"));
        assert_eq!(a.actor.as_ref().unwrap().code, "SYRCOP");
        let mut igo = Argument {
            span: Span::new(0, 1),
            actor: Some(Actor {
                code: "IGOUNO".into(),
                ..Actor::default()
            }),
            rule: "subject",
        };
        roles.complete(&mut igo, Some("SYR"));
        assert_eq!(igo.actor.as_ref().unwrap().code, "IGOUNO");
    }
}
