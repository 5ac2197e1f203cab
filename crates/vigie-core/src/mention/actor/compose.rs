//! Role nouns take their country from the words around them.
//!
//! - French, adjective after the role: « les forces russes », « l'armée malienne », « toute
//!   présence militaire occidentale »; with a slot form, the adjective sits inside the name:
//!   « ministère russe des Affaires étrangères ».
//! - English, adjective or attributive name before the role: "Russian troops", "US officials",
//!   "Kremlin spokesman"; possessive: "Iran's foreign ministry".
//! - Complement after the role, both languages: « le président de la Russie », « la police de
//!   Hong Kong », « la porte-parole du ministère russe des Affaires étrangères », "the army of
//!   Mali". Complements compose from right to left, so a complement may itself be composed.
//!
//! The code is the country (or group, or seat's country) followed by the role's agent code;
//! an organization keeps its own code (« les combattants du Hamas » → the Hamas code), and a
//! composed complement gives its code to the whole (« le porte-parole du ministère russe » →
//! `RUSGOV`).

use super::lexicon::{Case, Entry, Kind, RoleInfo};
use super::seat::{self, SeatMention};
use super::{base_entity, ActorLexicon, Hit};
use crate::doc::{Doc, Entity, EntityType, Span};

/// A phrase being composed.
#[derive(Debug, Clone)]
struct Phrase<'l> {
    span: Span,
    fstart: usize,
    fend: usize,
    entry: &'l Entry,
    hit: Hit,
    /// The role, when the phrase is headed by one.
    role: Option<&'l RoleInfo>,
    /// The full code once a country (or organization) is attached.
    code: Option<String>,
    /// Rule that built the phrase.
    rule: String,
    /// Proper-name entities inside the phrase, kept as entities of their own.
    inner: Vec<Entity>,
}

impl Phrase<'_> {
    fn bare_role(&self) -> bool {
        self.role.is_some() && self.code.is_none()
    }
    fn is_adj(&self) -> bool {
        self.role.is_none() && matches!(self.entry.kind, Kind::CountryAdj | Kind::GroupAdj)
    }
    /// A proper name that can stand for a country-level actor before an English role.
    fn is_attributive_name(&self) -> bool {
        self.role.is_none()
            && matches!(
                self.entry.kind,
                Kind::CountryName | Kind::Seat | Kind::GroupName | Kind::Org
            )
    }
    /// A phrase with a code that can be the complement of a role.
    fn is_complement(&self) -> bool {
        if self.role.is_some() {
            return self.code.is_some();
        }
        matches!(
            self.entry.kind,
            Kind::CountryName | Kind::Seat | Kind::GroupName | Kind::Org
        )
    }
}

/// The code a role takes from a phrase that names who it belongs to.
fn code_with(lex: &ActorLexicon, role: &RoleInfo, x: &Phrase<'_>) -> String {
    if let Some(c) = &x.code {
        return c.clone();
    }
    let base = &x.entry.code;
    let country = match x.entry.kind {
        Kind::Org => return base.clone(),
        Kind::Seat => base.get(..3).filter(|c| lex.is_country(c)).unwrap_or(base),
        _ => base.as_str(),
    };
    if role.country_role.is_empty() {
        return country.to_string();
    }
    if x.entry.kind == Kind::Seat && !lex.is_country(country) {
        return base.clone();
    }
    format!("{country}{}", role.country_role)
}

fn only_spaces(f: &str, a: usize, b: usize) -> bool {
    a <= b
        && f.get(a..b)
            .is_some_and(|g| !g.is_empty() && g.bytes().all(|c| c == b' '))
}

/// « de », « du », « des », « d' », « de la », « de l' », "of", "of the" between a role and
/// its complement.
fn is_of(f: &str, a: usize, b: usize) -> bool {
    let Some(g) = f.get(a..b) else { return false };
    let g = g.trim_matches(' ');
    matches!(
        g,
        "de" | "du" | "des" | "d'" | "de la" | "de l'" | "of" | "of the" | "de 'l" | "aux"
    )
}

/// English possessive between a name and a role: "Iran's", and the bare apostrophe after a
/// plural name ("the United States' military").
fn is_possessive(f: &str, a: usize, b: usize) -> bool {
    f.get(a..b).is_some_and(|g| match g.trim_end_matches(' ') {
        "'s" => true,
        "'" => f.get(..a).is_some_and(|n| n.ends_with('s')),
        _ => false,
    })
}

/// Where a slot tail ends, when the folded text after the adjective continues with it.
fn tail_end(f: &str, from: usize, tail: &str) -> Option<usize> {
    let rest = f.get(from..)?;
    let trimmed = rest.trim_start_matches(' ');
    let at = from + (rest.len() - trimmed.len());
    if at == from || !trimmed.starts_with(tail) {
        return None;
    }
    let end = at + tail.len();
    let next = f[end..].chars().next();
    next.is_none_or(|c| !c.is_alphanumeric()).then_some(end)
}

fn phrase<'l>(lex: &'l ActorLexicon, h: &Hit) -> Option<Phrase<'l>> {
    let entry = lex.tables.entries.get(h.entry as usize)?;
    if entry.kind == Kind::Person {
        return None;
    }
    Some(Phrase {
        span: h.span,
        fstart: h.fstart,
        fend: h.fend,
        entry,
        hit: *h,
        role: entry.role.as_ref(),
        code: None,
        rule: entry.at.clone(),
        inner: Vec::new(),
    })
}

/// Merge `head` (a role) with `x`, covering both.
fn merge<'l>(lex: &ActorLexicon, head: &Phrase<'l>, x: &Phrase<'l>, rule: &str) -> Phrase<'l> {
    let role = head.role.or(x.role);
    let code = role.map(|r| code_with(lex, r, x));
    let mut inner = head.inner.clone();
    inner.extend(x.inner.iter().cloned());
    // a proper name inside the phrase (« Russie », an organization, a composed ministry)
    // stays an entity of its own
    if let Some(e) = entity(lex, x).filter(|e| !e.nominal) {
        inner.push(e);
    }
    Phrase {
        span: head.span.cover(x.span),
        fstart: head.fstart.min(x.fstart),
        fend: head.fend.max(x.fend),
        entry: head.entry,
        hit: head.hit,
        role,
        code,
        rule: format!("{rule} ({} + {})", head.rule, x.rule),
        inner,
    }
}

/// "the Libyan House of Representatives", « la Chambre des représentants libyenne »: an
/// institution listed under one country (`USALEG`) qualified by another country's adjective
/// is that country's institution of the same kind (`LBYLEG`). Only codes that are a country
/// and one agent code: an organization with a code of its own keeps it.
fn foreign_institution<'l>(
    doc: &Doc,
    lex: &ActorLexicon,
    cur: &Phrase<'l>,
    n: &Phrase<'l>,
    f: &str,
) -> Option<Phrase<'l>> {
    let (org, adj) = if doc.lang == "fr" { (cur, n) } else { (n, cur) };
    if org.entry.kind != Kind::Org
        || org.role.is_some()
        || !adj.is_adj()
        || !only_spaces(f, cur.fend, n.fstart)
    {
        return None;
    }
    let code = &org.entry.code;
    let (home, agent) = (code.get(..3)?, code.get(3..)?);
    let country = adj.entry.code.get(..3)?;
    if code.len() != 6 || !lex.is_country(home) || !lex.is_country(country) || home == country {
        return None;
    }
    let mut p = org.clone();
    p.span = cur.span.cover(n.span);
    p.fstart = cur.fstart;
    p.fend = n.fend;
    p.code = Some(format!("{country}{agent}"));
    p.rule = format!("adjective-institution ({} + {})", adj.rule, org.rule);
    Some(p)
}

/// The entity of a (possibly composed) phrase.
fn entity(lex: &ActorLexicon, p: &Phrase<'_>) -> Option<Entity> {
    match (&p.code, p.role) {
        // an institution recoded by another country's adjective (`foreign_institution`)
        (Some(code), None) => Some(Entity {
            span: p.span,
            etype: p.entry.etype,
            actor: Some(lex.actor(code, None)),
            rule: p.rule.clone(),
            nominal: false,
        }),
        (Some(code), Some(r)) => {
            let proper = r.proper;
            Some(Entity {
                span: p.span,
                etype: if proper {
                    EntityType::ORG
                } else {
                    p.entry.etype
                },
                actor: Some(lex.actor(code, None)),
                rule: p.rule.clone(),
                nominal: !proper,
            })
        }
        // a phrase grown around its hit ("Bosnian Serbs") keeps the hit's code, its own span
        // and rule
        _ => base_entity(lex, &p.hit).map(|mut e| {
            if e.span != p.span {
                e.span = p.span;
                e.rule.clone_from(&p.rule);
            }
            e
        }),
    }
}

/// Compose the lexicon hits of a document into entities (people excepted).
// `f` (folded text), `i`, `j`, `p`, `n`: the conventional names of a scanner
#[allow(clippy::many_single_char_names)]
pub(super) fn compose(doc: &Doc, lex: &ActorLexicon, hits: &[Hit]) -> Vec<Entity> {
    let f = doc.norm.folded.as_str();
    let ph: Vec<Phrase<'_>> = hits.iter().filter_map(|h| phrase(lex, h)).collect();

    // adjacency: role + adjective (French), adjective/name + role (English), possessive
    let mut merged: Vec<Phrase<'_>> = Vec::with_capacity(ph.len());
    let mut i = 0;
    while i < ph.len() {
        let cur = &ph[i];
        let next = ph.get(i + 1);
        if let (Some(r), Some(n)) = (cur.role, next) {
            if cur.bare_role() && r.french && n.is_adj() && only_spaces(f, cur.fend, n.fstart) {
                let mut p = merge(lex, cur, n, "role-adjective");
                let head = &f[cur.fstart..cur.fend];
                let slot = lex
                    .tables
                    .slots
                    .iter()
                    .filter(|s| s.head == head)
                    .find_map(|s| tail_end(f, n.fend, &s.tail).map(|e| (s, e)));
                if let Some((s, end)) = slot {
                    if let Some(e) = lex.tables.entries.get(s.entry as usize) {
                        let tail = doc.norm.to_original(n.fend, end);
                        p.span = p.span.cover(tail);
                        p.fend = end;
                        p.entry = e;
                        p.role = e.role.as_ref().or(p.role);
                        p.code = p.role.map(|r| code_with(lex, r, n));
                        p.rule = format!("role-slot ({} + {})", e.at, n.rule);
                    }
                }
                merged.push(p);
                i += 2;
                continue;
            }
        }
        // "Bosnian Serbs", « les Serbes bosniens »: a demonym used as a noun (capitalized)
        // with a country adjective names a people of that adjective's country; English puts
        // the adjective first, French after
        if let Some(n) = next {
            let english = doc.lang != "fr";
            let (noun, adj) = if english { (n, cur) } else { (cur, n) };
            // the people may be listed as a name of its country ("Serbs"): only a plural
            let people = noun.is_adj()
                || (noun.role.is_none()
                    && noun.entry.kind == Kind::CountryName
                    && doc.slice(noun.span).ends_with('s'));
            if adj.is_adj() && people && only_spaces(f, cur.fend, n.fstart) {
                let capital = |x: &Phrase<'_>| {
                    doc.slice(x.span)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                };
                // French writes the adjective in lower case (« Serbes bosniens »), English both
                // with capitals
                if capital(noun) && (english || !capital(adj)) {
                    let mut p = adj.clone();
                    p.span = cur.span.cover(n.span);
                    p.fstart = cur.fstart;
                    p.fend = n.fend;
                    p.rule = format!("adjective-demonym ({})", adj.rule);
                    merged.push(p);
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(n) = next {
            if let Some(r) = n.role {
                let english = !r.french && n.bare_role();
                if english
                    && (cur.is_adj() || cur.is_attributive_name())
                    && only_spaces(f, cur.fend, n.fstart)
                {
                    let mut p = merge(lex, n, cur, "adjective-role");
                    p.entry = n.entry;
                    merged.push(p);
                    i += 2;
                    continue;
                }
                if english && cur.is_attributive_name() && is_possessive(f, cur.fend, n.fstart) {
                    let mut p = merge(lex, n, cur, "possessive-role");
                    p.entry = n.entry;
                    merged.push(p);
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(n) = next {
            if let Some(p) = foreign_institution(doc, lex, cur, n, f) {
                merged.push(p);
                i += 2;
                continue;
            }
        }
        merged.push(cur.clone());
        i += 1;
    }

    // English noun compounds of roles: "[Russia's foreign ministry] spokeswoman" → the
    // head role takes the code of the coded role before it
    let mut j = 1;
    while j < merged.len() {
        let (a, b) = (&merged[j - 1], &merged[j]);
        let english_head = b.role.is_some_and(|r| !r.french) && b.bare_role();
        if english_head && a.role.is_some() && a.code.is_some() && only_spaces(f, a.fend, b.fstart)
        {
            let mut p = merge(lex, b, a, "role-compound");
            p.code.clone_from(&a.code);
            merged[j - 1] = p;
            merged.remove(j);
        } else {
            j += 1;
        }
    }

    // "rebel spokesman", "opposition leader": a bare body role before a bare English title
    // of `owned-title` names whose title it is; the phrase is coded as that body (its
    // country comes later, like any bare role's)
    let mut j = 1;
    while j < merged.len() {
        let (a, b) = (&merged[j - 1], &merged[j]);
        let owned = b.bare_role()
            && b.role.is_some_and(|r| !r.french && r.person)
            && lex
                .ner
                .owned_title
                .contains(f.get(b.fstart..b.fend).unwrap_or(""));
        let body = a.bare_role() && a.role.is_some_and(|r| !r.person && !r.role.is_empty());
        if owned && body && only_spaces(f, a.fend, b.fstart) {
            let mut p = a.clone();
            p.span = a.span.cover(b.span);
            p.fend = b.fend;
            p.rule = format!("body-title ({} + {})", a.rule, b.rule);
            merged[j - 1] = p;
            merged.remove(j);
        } else {
            j += 1;
        }
    }

    // complements, right to left: « porte-parole du [ministère russe des Affaires étrangères] »
    let mut j = merged.len();
    while j > 1 {
        j -= 1;
        let (head, x) = (&merged[j - 1], &merged[j]);
        if head.bare_role() && x.is_complement() && is_of(f, head.fend, x.fstart) {
            let p = merge(lex, head, x, "role-of");
            merged[j - 1] = p;
            merged.remove(j);
        }
    }

    // possessives: « la France a rappelé son ambassadeur » → the role takes the last country
    // or organization named before it in the sentence
    for j in 1..merged.len() {
        if !merged[j].bare_role() {
            continue;
        }
        let before = f
            .get(..merged[j].fstart)
            .unwrap_or("")
            .trim_end_matches(' ');
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.is_empty() || !lex.ner.possessives.contains(word) {
            continue;
        }
        let sentence = doc.sentence_at(merged[j].span.start);
        let owner = merged[..j].iter().rev().find(|p| {
            p.role.is_none()
                && matches!(p.entry.kind, Kind::CountryName | Kind::Seat | Kind::Org)
                && doc.sentence_at(p.span.start) == sentence
        });
        let found = match (owner, merged[j].role) {
            (Some(o), Some(r)) => Some((code_with(lex, r, o), o.rule.clone())),
            _ => None,
        };
        if let Some((code, owner_rule)) = found {
            let p = &mut merged[j];
            p.code = Some(code);
            p.rule = format!("possessive ({} + {owner_rule})", p.rule);
        }
    }

    // « les manifestants à Bagdad », "police in Hong Kong": people who belong where they are
    // take the country of the place (the place stays a place)
    for j in 1..merged.len() {
        let (head, x) = (&merged[j - 1], &merged[j]);
        let Some(r) = head.role.filter(|_| head.bare_role()) else {
            continue;
        };
        let place = x.role.is_none()
            && (x.entry.kind == Kind::CountryName
                || (x.entry.kind == Kind::Seat && x.entry.etype == EntityType::LOC));
        let gap = f.get(head.fend..x.fstart).unwrap_or("");
        if place && lex.seat_uses.is_local(&r.role) && lex.seat_uses.is_locative_gap(gap) {
            let code = code_with(lex, r, x);
            let rule = format!("role-located ({} + {})", head.rule, x.rule);
            let p = &mut merged[j - 1];
            p.code = Some(code);
            p.rule = rule;
        }
    }

    let mut out = Vec::with_capacity(merged.len() + 4);
    let mut prev_place = None;
    for p in &merged {
        out.extend(p.inner.iter().cloned());
        // a seat read as a place is left to the place and name taggers, like any town
        if seat_is_place(doc, lex, p, prev_place) {
            prev_place = Some(p.fend);
            continue;
        }
        if let Some(e) = entity(lex, p) {
            out.push(e);
        }
    }
    people_of_a_country(doc, lex, &mut out);
    out
}

/// A plain country phrase of the country table: a demonym (`nominal`) or a country's name.
fn plain_country(e: &Entity, nominal: bool) -> Option<&str> {
    let a = e.actor.as_ref()?;
    (e.nominal == nominal && a.role.is_none() && e.rule.starts_with("actors/countries.tsv"))
        .then_some(a.country.as_deref()?)
}

/// "the Albanians of southern Serbia", « les Russes d'Ukraine »: a people named as a
/// demonym (capitalized) followed by « de »/"of" and a country's name, across an article and
/// a word narrowing the country to a part (`region-before`), lives in that country and is
/// coded with it, as "Bosnian Serbs" is with BIH; the demonym keeps its span. `out` is in
/// text order.
fn people_of_a_country(doc: &Doc, lex: &ActorLexicon, out: &mut [Entity]) {
    for k in 0..out.len() {
        let e = &out[k];
        if plain_country(e, true).is_none() || !super::ner::capitalized(doc.slice(e.span)) {
            continue;
        }
        let end = e.span.end;
        let Some(x) = out[k + 1..]
            .iter()
            .take(3)
            .find(|x| x.span.start >= end)
            .filter(|x| plain_country(x, false).is_some())
        else {
            continue;
        };
        let Some(gap) = doc.text.get(end..x.span.start) else {
            continue;
        };
        if gap.len() > 24 || !of_a_part(lex, gap) {
            continue;
        }
        let Some(country) = plain_country(x, false).map(str::to_string) else {
            continue;
        };
        // the span stays the demonym's: as written, the name is a people's (MISC)
        let rule = format!("people-of ({} + {})", e.rule, x.rule);
        let e = &mut out[k];
        e.actor = Some(lex.actor(&country, None));
        e.rule = rule;
    }
}

/// « de », « d' », « du », "of", then an optional article and an optional `region-before`
/// word, and nothing else.
fn of_a_part(lex: &ActorLexicon, gap: &str) -> bool {
    let g = crate::normalize::fold(gap).replace('\u{2019}', "'");
    let mut words = g.split_whitespace();
    if !matches!(words.next(), Some("of" | "de" | "d'" | "du" | "des")) {
        return false;
    }
    let mut rest: Vec<&str> = words.collect();
    if rest
        .first()
        .is_some_and(|w| matches!(*w, "the" | "la" | "l'"))
    {
        rest.remove(0);
    }
    match rest.as_slice() {
        [] => true,
        [w] => lex.ner.region_before.contains(*w),
        _ => false,
    }
}

/// A seat of government standing alone (not composed with a role) that the words around it
/// make a place (`seat.rs`).
fn seat_is_place(doc: &Doc, lex: &ActorLexicon, p: &Phrase<'_>, prev_place: Option<usize>) -> bool {
    if p.role.is_some() || p.entry.kind != Kind::Seat {
        return false;
    }
    let text = doc.slice(p.span);
    let shouting = !matches!(p.entry.case, Case::Exact(_))
        && text.chars().any(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase);
    let mention = SeatMention {
        text,
        fstart: p.fstart,
        fend: p.fend,
        city: p.entry.etype == EntityType::LOC,
        shouting,
        before_capital: super::next_is_capitalized(&doc.text, p.span.end),
    };
    seat::is_place(&lex.seat_uses, &doc.norm.folded, mention, prev_place)
}
