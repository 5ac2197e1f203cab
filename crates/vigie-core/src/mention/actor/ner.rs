//! Named entities the lexicon does not know: runs of capitalized words, typed by their
//! context with the cues of `lexicon/actors/ner.tsv` and `lexicon/ner/cues.tsv` — a title
//! or a person's noun before the name makes a person (« le poète X »), an organization word
//! inside it or an organization's noun before it an organization (« la firme X »), a work's
//! noun before it a work (« l'album X »), a preposition or place noun before it a place; a
//! name coordinated with a typed one takes its type; an acronym, or a name an acronym opens
//! or closes ("PSV Eindhoven", "Cardiff RFC"), is an organization, and so is a capitalized
//! plural before « de » and a place (« Rockies du Colorado », a club). A lone name after
//! « de »/"of" is a place unless a kinship or work noun comes before (« le neveu de X »).
//! Runs of two or more words with no cue are people (the commonest case in news);
//! a lone word with no cue is left untyped and not tagged, so that sentence-initial capitals
//! and common nouns written with a capital do not become entities.

mod cues;

pub(crate) use cues::NerLexicon;

use super::ActorLexicon;
use crate::doc::{Doc, Entity, EntityType, Span, Token, TokenKind};
use crate::mention::NER_GUESS;
use crate::normalize::fold;

/// True for a word written with a capital first letter.
pub(crate) fn capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Roman numerals in capitals ("XIV", "II") close kings' and popes' names: no acronym.
fn roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| "IVXLCDM".contains(c))
}

/// An acronym that is no roman numeral, as the first or last word of a longer name, makes it
/// an organization's ("PSV Eindhoven", "Cardiff RFC", « FN Herstal »).
fn acronym_edge(words: &[&str]) -> bool {
    let edge = |w: &&str| acronym(w) && !roman(w);
    words.len() > 1 && (words.first().is_some_and(edge) || words.last().is_some_and(edge))
}

/// A capitalized plural before « de », « du », « d' » inside the run from `start` to
/// `end`, not after a first name and not a place word: a club named after its town
/// (« Canadiens de Montréal », « Red Wings de Détroit »).
fn team_name(doc: &Doc, nl: &NerLexicon, toks: &[Token], start: usize, end: usize) -> bool {
    if nl.first_names.contains(doc.slice(toks[start].span)) {
        return false;
    }
    (start + 1..end.saturating_sub(1)).any(|k| {
        let plural = doc.slice(toks[k - 1].span);
        nl.feature_link.contains(&*doc.folded_slice(toks[k].span))
            && capitalized(plural)
            && !plural.contains('-')
            && plural.chars().count() >= 4
            && !nl.loc_word.contains(plural)
            && !nl.org.contains(plural)
            && !nl.misc.contains(plural)
            && nl.team_plural.iter().any(|x| plural.ends_with(x.as_str()))
    })
}

/// Where a club's name ends when the run from `start` to `end` closes on a capitalized
/// plural followed by « de », « du », « d' » (an article allowed) and a name no entity holds
/// yet (« Rockies du Colorado », « Diamondbacks de l'Arizona »): `None` when it does not.
fn team_after(
    doc: &Doc,
    nl: &NerLexicon,
    toks: &[Token],
    start: usize,
    end: usize,
    free: &dyn Fn(Span) -> bool,
) -> Option<usize> {
    let plural = doc.slice(toks[end - 1].span);
    if nl.first_names.contains(doc.slice(toks[start].span))
        || plural.chars().count() < 4
        || plural.contains('-')
        || nl.loc_word.contains(plural)
        || nl.org.contains(plural)
        || nl.misc.contains(plural)
        || !nl.team_plural.iter().any(|x| plural.ends_with(x.as_str()))
    {
        return None;
    }
    let link = toks.get(end)?;
    if link.kind != TokenKind::Word || !nl.feature_link.contains(&*doc.folded_slice(link.span)) {
        return None;
    }
    let mut k = end + 1;
    if toks.get(k).is_some_and(|t| {
        t.kind == TokenKind::Word && nl.articles.contains(&*doc.folded_slice(t.span))
    }) {
        k += 1;
    }
    let stop = name_run(doc, nl, toks, k)?;
    toks[k..stop].iter().all(|t| free(t.span)).then_some(stop)
}

/// A name of two words or more that closes on a capitalized plural which is no place,
/// organization or event word ("Pittsburgh Pirates", "Beach Boys"): after a definite
/// article, a team's or a band's.
fn plural_team(nl: &NerLexicon, words: &[&str]) -> bool {
    words.len() >= 2 && words.last().is_some_and(|w| plural_name(nl, w))
}

/// A capitalized plural which is no place, organization, event or people's word
/// ("Orioles", "Pirates").
fn plural_name(nl: &NerLexicon, last: &str) -> bool {
    last.chars().count() >= 4
        && last.chars().all(char::is_alphabetic)
        && !nl.loc_word.contains(last)
        && !nl.org.contains(last)
        && !nl.misc.contains(last)
        && !nl.misc_word.contains(last)
        && {
            let f = fold(last);
            nl.team_plural.iter().any(|x| f.ends_with(x.as_str()))
                && !nl.singular_endings.iter().any(|x| f.ends_with(x.as_str()))
        }
}

/// The type a lower-case noun just before a name gives it (« la firme X », « le poète X »,
/// « l'album X »).
fn noun_cue(nl: &NerLexicon, prev_f: Option<&str>) -> Option<EntityType> {
    let p = prev_f?;
    if nl.org_noun.contains(p) {
        Some(EntityType::ORG)
    } else if nl.per_noun.contains(p) {
        Some(EntityType::PER)
    } else if nl.misc_noun.contains(p) {
        Some(EntityType::MISC)
    } else {
        None
    }
}

/// A run of capitalized words (with inner particles) inside one sentence: token range.
#[allow(clippy::many_single_char_names)] // token scanner indexes
pub(crate) fn name_run(doc: &Doc, lex: &NerLexicon, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.kind != TokenKind::Word || !capitalized(doc.slice(t.span)) {
        return None;
    }
    let mut end = i + 1;
    while let Some(n) = toks.get(end) {
        // an initial's period: "J. R. Tolkien", « Jean F. Martin »
        let prev = toks[end - 1];
        let initial = doc.slice(prev.span);
        if n.kind == TokenKind::Punct
            && doc.slice(n.span) == "."
            && n.span.start == prev.span.end
            && initial.chars().count() == 1
            && capitalized(initial)
            && toks.get(end + 1).is_some_and(|m| {
                m.kind == TokenKind::Word
                    && m.span.start <= n.span.end + 1
                    && capitalized(doc.slice(m.span))
            })
        {
            end += 2;
            continue;
        }
        if n.kind != TokenKind::Word || n.span.start > prev.span.end + 1 {
            break;
        }
        let w = doc.slice(n.span);
        if capitalized(w) {
            end += 1;
            continue;
        }
        // a particle joins two capitalized words: « Le Drian », "von der Leyen"; a joiner
        // only after an organization or event word: "Bank of England"
        // (looked up only for a joiner: name_run runs at every capitalized word, and most
        // runs end at a word that is no particle or joiner)
        let joins = || {
            toks[i..end].iter().any(|t| {
                lex.org.contains(doc.slice(t.span)) || lex.misc.contains(doc.slice(t.span))
            })
        };
        let mut k = end;
        while toks.get(k).is_some_and(|p| {
            // the word's fold, read from the folded text rather than built
            let owned: String;
            let f = if let Some(f) = doc.norm.folded_span(p.span) {
                f
            } else {
                owned = fold(doc.slice(p.span));
                &owned
            };
            p.kind == TokenKind::Word
                && (lex.is_particle(f) || (lex.joiners.contains(f) && joins()))
        }) && k - end < 3
        {
            k += 1;
        }
        if k > end
            && toks
                .get(k)
                .is_some_and(|p| p.kind == TokenKind::Word && capitalized(doc.slice(p.span)))
        {
            end = k + 1;
            continue;
        }
        break;
    }
    Some(end)
}

/// True when the token at `k` opens the sentence or a quotation, parenthesis or clause after
/// a colon or dash: where any word takes a capital.
fn opens_clause(doc: &Doc, toks: &[Token], k: usize) -> bool {
    k == 0
        || toks.get(k - 1).is_some_and(|t| {
            t.kind == TokenKind::Punct
                && matches!(
                    doc.slice(t.span),
                    "\"" | "«" | "\u{201C}" | ":" | "(" | "-" | "\u{2013}" | "\u{2014}"
                )
        })
}

/// Every letter of every word in capitals, with two words or more: a headline or a
/// dateline ("NEW YORK"), not a person.
fn shouted(words: &[&str]) -> bool {
    words.len() >= 2
        && words
            .iter()
            .all(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
}

fn prev_word<'d>(doc: &'d Doc, toks: &[Token], i: usize) -> Option<&'d str> {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        if t.kind == TokenKind::Word {
            return Some(doc.slice(t.span));
        }
        if doc.slice(t.span) != "." {
            return None;
        }
    }
    None
}

/// Where a title-case quotation that opens at token `start` closes: up to eight words,
/// most of them capitalized ("It Happened to Jane"), closing quote within the sentence.
fn quoted_title_end(doc: &Doc, toks: &[Token], start: usize) -> Option<usize> {
    let is_quote = |t: &Token| {
        matches!(
            doc.slice(t.span),
            "\"" | "«" | "»" | "\u{201C}" | "\u{201D}"
        )
    };
    if start == 0 || !is_quote(&toks[start - 1]) {
        return None;
    }
    let close = (start..toks.len().min(start + 9)).find(|&k| is_quote(&toks[k]))?;
    let words = &toks[start..close];
    let caps = words
        .iter()
        .filter(|t| capitalized(doc.slice(t.span)) || t.kind == TokenKind::Number)
        .count();
    (close > start
        && caps * 2 > words.len()
        && words
            .iter()
            .all(|t| t.kind != TokenKind::Punct || doc.slice(t.span) == ":"))
    .then_some(close)
}

/// True when the run fills a pair of quotation marks exactly.
fn quoted(doc: &Doc, toks: &[Token], start: usize, end: usize) -> bool {
    let is_quote = |t: Option<&Token>| {
        t.is_some_and(|t| {
            matches!(
                doc.slice(t.span),
                "\"" | "«" | "»" | "\u{201C}" | "\u{201D}"
            )
        })
    };
    start > 0 && is_quote(toks.get(start - 1)) && is_quote(toks.get(end))
}

/// Where a run of names from `start` to `end` stops short: before a title inside it that
/// introduces a name ("Texas Governor Ann Lee", not "Martin Luther King"), where a
/// dateline in capitals (a first word of four capitals or more) meets words in lower case,
/// and before a word that ends in a lower-case compound ("Calgary-based", "Kyiv-backed").
fn run_cut(doc: &Doc, nl: &NerLexicon, toks: &[Token], start: usize, end: usize) -> Option<usize> {
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !w.chars().any(char::is_lowercase)
    };
    let compound = |w: &str| {
        w.rsplit_once('-').is_some_and(|(_, tail)| {
            !tail.is_empty() && tail.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        })
    };
    let words: Vec<&str> = toks[start..end].iter().map(|t| doc.slice(t.span)).collect();
    let dateline = words.first().is_some_and(|w| caps(w));
    words.iter().enumerate().find_map(|(k, w)| {
        let cut = compound(w)
            || (k > 0 && k + 1 < words.len() && nl.is_title(w))
            || (k > 0 && dateline && w.chars().any(char::is_lowercase) && capitalized(w));
        cut.then_some(start + k)
    })
}

/// Where lower-case French adjectives after the name ending at `end` stop (at most two:
/// « Parti socialiste », « Conseil national syrien »): `end` when there is none. A country's
/// adjective the actor lexicon tagged (`national`) is one whatever its ending (« Empire
/// russe », « Union européenne »).
fn french_adjectives(
    doc: &Doc,
    nl: &NerLexicon,
    toks: &[Token],
    end: usize,
    covered: &dyn Fn(Span) -> bool,
    national: &dyn Fn(Span) -> bool,
) -> usize {
    let mut k = end;
    while k < toks.len() && k < end + 2 {
        let w = doc.slice(toks[k].span);
        let f = fold(w);
        let adjective_like = toks[k].kind == TokenKind::Word
            && !capitalized(w)
            && w.chars().count() >= 5
            && !nl.is_particle(&f)
            && !nl.joiners.contains(&f)
            && !nl.loc_prep.contains(&f)
            && !nl.connectors.contains(&f)
            && nl.adj_suffixes.iter().any(|x| f.ends_with(x.as_str()));
        let national = toks[k].kind == TokenKind::Word && !capitalized(w) && national(toks[k].span);
        if !(adjective_like || national) || covered(toks[k].span) {
            break;
        }
        k += 1;
    }
    k
}

/// The end of a point of the compass or a region's adjective after a place's name ending at
/// `end` (« du Nord », « de l'Est », « subsaharienne »): `None` when there is none.
fn compass_after(doc: &Doc, nl: &NerLexicon, toks: &[Token], end: usize) -> Option<usize> {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| doc.slice(t.span))
    };
    let first = word(end)?;
    if nl.region_adj.contains(&fold(first)) {
        return Some(end + 1);
    }
    if !nl.feature_link.contains(&fold(first)) {
        return None;
    }
    let mut k = end + 1;
    if word(k).is_some_and(|w| nl.articles.contains(&fold(w))) {
        k += 1;
    }
    word(k)
        .is_some_and(|w| nl.compass.contains(w))
        .then_some(k + 1)
}

/// The token of a lower-case place noun just before the name at `start`, possibly through a
/// linking word (« mer de », « musée du »): `None` when there is none.
fn feature_before(doc: &Doc, nl: &NerLexicon, toks: &[Token], start: usize) -> Option<usize> {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| doc.slice(t.span))
            .filter(|w| !capitalized(w))
            .map(fold)
    };
    let k = start.checked_sub(1)?;
    let w = word(k)?;
    if nl.loc_feature.contains(&w) {
        return Some(k);
    }
    if nl.feature_link.contains(&w) {
        let k2 = k.checked_sub(1)?;
        if word(k2).is_some_and(|f| nl.loc_feature.contains(&f)) {
            return Some(k2);
        }
    }
    None
}

/// Where the complement of an organization word ends when one opens at token `k`
/// (« Coalition des volontaires », « Banque d'Angleterre », "Union for Peace"): a linking
/// word, an article before a name (« Banque de l'Ontario »), then a lower-case word or a
/// whole name with the French adjectives after it (« Organisation des Nations unies »,
/// « Orchestre symphonique de San Diego »). A lower-case complement may take one named
/// complement after it (« Ligue de hockey de l'Ontario »). `None` when none opens there.
fn org_complement(
    doc: &Doc,
    nl: &NerLexicon,
    toks: &[Token],
    k: usize,
    covered: &dyn Fn(Span) -> bool,
) -> Option<usize> {
    let word = |j: usize| toks.get(j).filter(|t| t.kind == TokenKind::Word);
    let mut link = k;
    let mut out = None;
    for _ in 0..2 {
        if !word(link).is_some_and(|t| nl.org_link.contains(&*doc.folded_slice(t.span))) {
            break;
        }
        let mut w = link + 1;
        if word(w).is_some_and(|t| nl.articles.contains(&*doc.folded_slice(t.span)))
            && word(w + 1).is_some_and(|t| capitalized(doc.slice(t.span)))
        {
            w += 1;
        }
        let Some(t) = word(w).filter(|t| !covered(t.span)) else {
            break;
        };
        if capitalized(doc.slice(t.span)) {
            let e = name_run(doc, nl, toks, w).unwrap_or(w + 1);
            let e = if doc.lang == "fr" {
                french_adjectives(doc, nl, toks, e, covered, &|_| false)
            } else {
                e
            };
            return Some(e);
        }
        // a lower-case complement is one content word, which a named one may follow (not
        // an article or a determiner: « la Ligue pour le maintien », "the League for a …")
        let f = fold(doc.slice(t.span));
        if out.is_some()
            || f.chars().count() < 4
            || nl.articles.contains(&f)
            || nl.is_particle(&f)
            || nl.connectors.contains(&f)
        {
            break;
        }
        out = Some(w + 1);
        link = w + 1;
    }
    out
}

/// A known place takes a point of the compass or a region's adjective after it
/// (« Afrique centrale », « Asie de l'Est »): the longer name is the region's, and wins over
/// the place's when entities are sorted out.
fn region_after(
    doc: &Doc,
    nl: &NerLexicon,
    toks: &[Token],
    start: usize,
    known: (usize, EntityType, &'static str),
    new: &mut Vec<Entity>,
) {
    let (after, et, _) = known;
    if et != EntityType::LOC || toks[start].span.start > toks[after - 1].span.start {
        return;
    }
    if let Some(k) = compass_after(doc, nl, toks, after) {
        new.push(Entity {
            span: Span::new(toks[start].span.start, toks[k - 1].span.end),
            etype: EntityType::LOC,
            actor: None,
            rule: "ner".into(),
            nominal: false,
        });
    }
}

/// Where an event's name starts when a year or an organizer's acronym, or both, open it
/// right before its run ("2010 FIFA World Cup", "1988 Summer Olympics"): the first of them;
/// `start` when none does.
fn event_prefix(doc: &Doc, toks: &[Token], start: usize) -> usize {
    let glued = |k: usize| k > 0 && toks[k - 1].span.end + 1 == toks[k].span.start;
    let mut s = start;
    if glued(s) && toks[s - 1].kind == TokenKind::Word && {
        let w = doc.slice(toks[s - 1].span);
        acronym(w) && !roman(w)
    } {
        s -= 1;
    }
    if glued(s) && toks[s - 1].kind == TokenKind::Number && {
        let y = doc.slice(toks[s - 1].span);
        y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())
    } {
        s -= 1;
    }
    s
}

/// A lone name no cue typed: its tokens and span.
struct Pending {
    start: usize,
    end: usize,
    span: Span,
}

/// The typed proper name that covers the token at `k`, as `last` holds it: the token after
/// it, its type and how sure.
fn named_at(
    named: &[(Span, EntityType)],
    toks: &[Token],
    k: usize,
) -> Option<(usize, EntityType, &'static str)> {
    let at = toks.get(k)?.span;
    let j = named.partition_point(|(s, _)| s.end <= at.start);
    let &(span, et) = named[j..]
        .iter()
        .take_while(|(s, _)| s.start < at.end)
        .find(|(s, _)| s.overlaps(at))?;
    let after = k + toks[k..]
        .iter()
        .take_while(|t| t.span.end <= span.end)
        .count();
    Some((after.max(k + 1), et, "ner"))
}

/// Untyped lone names coordinated before a name sure of its type take it (« Varne, Dorvale
/// et Paris »: the places before Paris); before a guess, or across a comma before a name of
/// two words or more (an apposition), they stay untyped.
#[allow(clippy::too_many_arguments)] // the scanner's state
fn coordinate_back(
    doc: &Doc,
    nl: &NerLexicon,
    toks: &[Token],
    pending: &mut Vec<Pending>,
    start: usize,
    et: EntityType,
    rule: &'static str,
    new: &mut Vec<Entity>,
) {
    if rule == NER_GUESS {
        return;
    }
    let lone = |k: usize| {
        toks.get(k + 1)
            .is_none_or(|t| !capitalized(doc.slice(t.span)))
    };
    let mut at = start;
    while let Some(p) = pending.last() {
        let between = toks.get(p.end..at).unwrap_or(&[]);
        if between.len() != 1
            || !nl.connectors.contains(&*doc.folded_slice(between[0].span))
            || (doc.slice(between[0].span) == "," && at == start && !lone(start))
        {
            break;
        }
        new.push(Entity {
            span: p.span,
            etype: et,
            actor: None,
            rule: rule.into(),
            nominal: false,
        });
        at = p.start;
        pending.pop();
    }
}

/// Tag capitalized names not covered by an entity yet.
pub(super) fn tag(doc: &Doc, lex: &ActorLexicon, ents: &mut Vec<Entity>) {
    let nl = &lex.ner;
    // country names and adjectives may sit inside a longer name ("South China Morning
    // Post", "Royal Saudi Air Force"): they do not stop a run, and the longer name wins
    // when it has an organization or event word
    let soft = |e: &Entity| e.rule.starts_with("actors/countries.tsv") || e.nominal;
    // proper names already typed, for coordination (« Dorvale et Paris »)
    let mut typed: Vec<(Span, EntityType)> = ents
        .iter()
        .filter(|e| !e.nominal)
        .map(|e| (e.span, e.etype))
        .collect();
    typed.sort_unstable_by_key(|(s, _)| *s);
    let mut covered: Vec<Span> = ents.iter().filter(|e| !soft(e)).map(|e| e.span).collect();
    covered.sort_unstable();
    let mut soft_cov: Vec<Span> = ents.iter().filter(|e| soft(e)).map(|e| e.span).collect();
    soft_cov.sort_unstable();
    // country and group adjectives (« russe », « européenne »): nominal entities of the
    // country and group tables, which close a French name like any adjective
    let national = |e: &Entity| {
        e.nominal
            && (e.rule.starts_with("actors/countries.tsv")
                || e.rule.starts_with("actors/groups.tsv"))
    };
    let mut nat_cov: Vec<Span> = ents
        .iter()
        .filter(|e| national(e))
        .map(|e| e.span)
        .collect();
    nat_cov.sort_unstable();
    let is_covered = |s: Span, cov: &[Span]| {
        let k = cov.partition_point(|c| c.end <= s.start);
        cov[k..]
            .iter()
            .take_while(|c| c.start < s.end)
            .any(|c| c.overlaps(s))
    };
    let mut new: Vec<Entity> = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        if doc.in_boilerplate(*sent) {
            continue;
        }
        let toks = doc.sentence_tokens(si);
        let mut last: Option<(usize, EntityType, &'static str)> = None;
        // lone names left untyped, which a typed name coordinated after them types
        let mut pending: Vec<Pending> = Vec::new();
        // the token after a nationality that opened a run (« le Norvégien Ole Berg »)
        let mut after_nationality: Option<usize> = None;
        let mut i = 0;
        while i < toks.len() {
            let Some(mut end) = name_run(doc, nl, toks, i) else {
                i += 1;
                continue;
            };
            let mut start = i;
            // a common word at the head of the run is not part of the name (« Selon Paris »)
            // a title-case quotation is a work's title, articles and all ("A Winter in Paris")
            if let Some(close) = quoted_title_end(doc, toks, i) {
                if !toks[i..close].iter().any(|t| is_covered(t.span, &covered)) {
                    new.push(Entity {
                        span: Span::new(toks[i].span.start, toks[close - 1].span.end),
                        etype: EntityType::MISC,
                        actor: None,
                        rule: "ner".into(),
                        nominal: false,
                    });
                    last = Some((close, EntityType::MISC, "ner"));
                    i = close + 1;
                    continue;
                }
            }
            // (« Madame » is both: dropped, and the name after it is a person's)
            // (mid-sentence, a capitalized common word opens a longer name: "New York City",
            // « La Réunion »; it is dropped only where any word takes a capital)
            let mut title: Option<&str> = None;
            while start < end && nl.is_common(doc.slice(toks[start].span)) {
                let w = doc.slice(toks[start].span);
                if end - start > 1 && !opens_clause(doc, toks, start) && !nl.is_title(w) {
                    break;
                }
                if nl.is_title(w) {
                    title = Some(w);
                }
                start += 1;
            }
            // a title at the head of a run is a cue, not part of the name ("President Barack
            // Obama", « Général Koné »)
            while start + 1 < end && nl.is_title(doc.slice(toks[start].span)) {
                title = Some(doc.slice(toks[start].span));
                start += 1;
            }
            // the run stops before a title inside it ("Texas Governor Ann Lee"), where a
            // dateline in capitals meets the text ("LONDON Heavy rain"), and before an
            // adjective compound ("Calgary-based"), which is no name
            if let Some(cut) = run_cut(doc, nl, toks, start, end) {
                if cut == start {
                    i = start + 1;
                    continue;
                }
                end = cut;
            }
            // nor a particle left at its head (« Madame de Maintenon »: the title is dropped
            // above, the particle here)
            while start < end && !capitalized(doc.slice(toks[start].span)) {
                start += 1;
            }
            // stop the run before any word already tagged
            let mut e2 = start;
            while e2 < end && !is_covered(toks[e2].span, &covered) {
                e2 += 1;
            }
            if e2 == start {
                if let Some(l) = named_at(&typed, toks, start) {
                    coordinate_back(doc, nl, toks, &mut pending, start, l.1, l.2, &mut new);
                    last = Some(l);
                    region_after(doc, nl, toks, start, l, &mut new);
                }
                i = end.max(i + 1);
                continue;
            }
            let next_i = end;
            end = e2;
            // a country name or adjective stays inside the run only when the run is an
            // organization or event name; otherwise the run stops before it
            // (or a person's whose first name opens it: "Michael Jordan", or a name that
            // goes on past the country's on both sides after an article: « les Red Hot
            // Chili Peppers », not "Recent US Predator strikes")
            let inner = end - start > 2
                && prev_word(doc, toks, start).is_some_and(|p| nl.articles.contains(&fold(p)))
                && !is_covered(toks[start].span, &soft_cov)
                && !is_covered(toks[end - 1].span, &soft_cov);
            let named = toks[start..end].iter().any(|t| {
                let w = doc.slice(t.span);
                nl.org.contains(w) || nl.misc.contains(w)
            }) || inner
                || (end - start > 1
                    && nl.first_names.contains(doc.slice(toks[start].span))
                    && !is_covered(toks[start].span, &soft_cov));
            if !named {
                let mut e3 = start;
                while e3 < end && !is_covered(toks[e3].span, &soft_cov) {
                    e3 += 1;
                }
                if e3 == start {
                    if let Some(l) = named_at(&typed, toks, start) {
                        coordinate_back(doc, nl, toks, &mut pending, start, l.1, l.2, &mut new);
                        last = Some(l);
                        // (a country's name too: « Amérique du Nord », « Corée du Sud »)
                        region_after(doc, nl, toks, start, l, &mut new);
                    }
                    // the words after a country's name or a nationality that opens the run
                    // are a name of their own, scanned again (« l'Autrichien Toni Sailer »)
                    let mut k = start;
                    while k < next_i && is_covered(toks[k].span, &soft_cov) {
                        k += 1;
                    }
                    if k > start && k < next_i && capitalized(doc.slice(toks[k].span)) {
                        if is_covered(toks[k - 1].span, &nat_cov) {
                            after_nationality = Some(k);
                        }
                        i = k;
                        continue;
                    }
                    i = next_i.max(i + 1);
                    continue;
                }
                end = e3;
            }
            // a run cut short never ends on a particle (« Tour de » before « France »), nor on
            // a common word (a heading glued to a sentence: "Honolulu The")
            while end > start
                && (!capitalized(doc.slice(toks[end - 1].span))
                    || (end - start > 1
                        && nl.is_common(doc.slice(toks[end - 1].span))
                        && !nl.is_title(doc.slice(toks[end - 1].span))))
            {
                end -= 1;
            }
            if end == start {
                i = next_i.max(i + 1);
                continue;
            }
            let words: Vec<&str> = toks[start..end].iter().map(|t| doc.slice(t.span)).collect();
            let first = words[0];
            let prev = prev_word(doc, toks, start);
            let prev_f = prev.map(fold);
            // the preposition before an article: "in the Snake River valley", « à la Havane »
            let article_before = prev_f.as_deref().is_some_and(|p| nl.articles.contains(p));
            let prep_f = if article_before {
                start
                    .checked_sub(1)
                    .and_then(|k| prev_word(doc, toks, k))
                    .map(fold)
            } else {
                prev_f.clone()
            };
            let lone = end - start == 1;
            // (not after a place noun: « la gare Saint-Charles de Marseille »)
            let place_noun = feature_before(doc, nl, toks, start).is_some();
            let team_end = team_after(doc, nl, toks, start, end, &|s| {
                !is_covered(s, &covered) && !is_covered(s, &soft_cov)
            })
            .filter(|_| !place_noun);
            let mut resume = end;
            let mut etype = None;
            let mut guess = false;
            // the word before « de »/"of" before a lone name (« le neveu de X »)
            let of_noun = if lone
                && prev_f
                    .as_deref()
                    .is_some_and(|p| nl.loc_prep_weak.contains(p))
            {
                start
                    .checked_sub(1)
                    .and_then(|k| prev_word(doc, toks, k))
                    .filter(|w| !capitalized(w))
                    .map(fold)
            } else {
                None
            };
            let mut span_start = toks[start].span.start;
            let mut span_end = toks[end - 1].span.end;
            if title.is_none() {
                title = prev.filter(|p| nl.is_title(p));
            }
            if let Some(t) = title {
                // (« Saint », "St." also open place names: a guess)
                etype = Some(EntityType::PER);
                guess = nl.title_guess.contains(t.trim_end_matches('.'));
            } else if let Some(et) = noun_cue(nl, prev_f.as_deref()) {
                etype = Some(et);
            } else if words
                .iter()
                .any(|w| nl.org.contains(*w) || nl.misc.contains(*w))
            {
                let org = words.iter().any(|w| nl.org.contains(*w));
                etype = Some(if org {
                    EntityType::ORG
                } else {
                    EntityType::MISC
                });
                if !org {
                    span_start = toks[event_prefix(doc, toks, start)].span.start;
                }
                // « Parti socialiste », « Conseil national syrien », « Seconde Guerre
                // mondiale »: lower-case French adjectives after an organization or event word
                let head = words[words.len() - 1];
                let mut k = end;
                if doc.lang == "fr" && (nl.org.contains(head) || nl.misc.contains(head)) {
                    k = french_adjectives(doc, nl, toks, end, &|s| is_covered(s, &covered), &|s| {
                        is_covered(s, &nat_cov)
                    });
                    if k > end {
                        span_end = toks[k - 1].span.end;
                    }
                }
                // « Coalition des volontaires », « Ligue nationale de hockey », "Union for
                // …", « Banque d'Angleterre »: an organization word takes its complement
                if org && nl.org.contains(head) && (end - start == 1 || k > end) {
                    if let Some(e) = org_complement(doc, nl, toks, k, &|s| is_covered(s, &covered))
                    {
                        span_end = toks[e - 1].span.end;
                    }
                }
            } else if !lone && !place_noun && team_name(doc, nl, toks, start, end) {
                // (before place words: the place after « de » is the club's town, « Pistons
                // de Détroit »)
                etype = Some(EntityType::ORG);
            } else if words.iter().any(|w| nl.loc_word.contains(*w)) {
                etype = Some(EntityType::LOC);
                // « Empire ottoman », « Royaume uni »: adjectives after a French place word
                let head = words[words.len() - 1];
                if doc.lang == "fr" && nl.loc_word.contains(head) {
                    let k =
                        french_adjectives(doc, nl, toks, end, &|s| is_covered(s, &covered), &|s| {
                            is_covered(s, &nat_cov)
                        });
                    if k > end {
                        span_end = toks[k - 1].span.end;
                    }
                }
            } else if !lone && nl.org_name.contains(first) {
                // a company's name before a model's ("Nintendo DS", « Atari ST »): a product
                etype = Some(EntityType::MISC);
            } else if (lone && acronym(first) && !roman(first))
                || (!shouted(&words) && acronym_edge(&words))
            {
                etype = Some(EntityType::ORG);
            } else if let Some(te) = team_end {
                etype = Some(EntityType::ORG);
                span_end = toks[te - 1].span.end;
                resume = te;
            } else if quoted(doc, toks, start, end) {
                // a title between quotation marks: a work, an event (« "Les Misérables" »)
                etype = Some(EntityType::MISC);
            } else if lone && nl.org_name.contains(first) {
                // a well-known company, brand, medium or club; a model's number after it
                // makes a product (« Boeing 747 »)
                etype = Some(EntityType::ORG);
                if let Some(n) = toks.get(end).filter(|n| n.span.start == span_end + 1) {
                    if n.kind == TokenKind::Number {
                        etype = Some(EntityType::MISC);
                        span_end = n.span.end;
                    }
                }
            } else if lone && nl.per_name.contains(first) {
                // a well-known person known by one name
                etype = Some(EntityType::PER);
            } else if lone && nl.misc_word.contains(first) {
                // a nationality, people, religion, language or era ("Sanskrit", "Byzantine")
                etype = Some(EntityType::MISC);
            } else if after_nationality == Some(start) {
                // a nationality before a name makes a person (« l'Allemande Eva Roth »,
                // "the Norwegian Ole Berg"); a place of the same name wins
                etype = Some(EntityType::PER);
                guess = lone;
            } else if !lone && article_before && plural_team(nl, &words) {
                // "the Dorvale Herons", "the Silver Foxes": a team or a band
                etype = Some(EntityType::ORG);
            } else if lone
                && prev_f
                    .as_deref()
                    .is_some_and(|p| nl.plural_article.contains(p))
                && !opens_clause(doc, toks, start)
                && plural_name(nl, first)
            {
                // "the Herons": a team or a band too, as a guess a place of the name
                // overrides ("the Maldives")
                etype = Some(EntityType::ORG);
                guess = true;
            } else if !lone && nl.first_names.contains(first) {
                // a first name opens a person's name whatever comes before ("to Jim Smith")
                etype = Some(EntityType::PER);
            } else if prep_f
                .as_deref()
                .is_some_and(|p| nl.loc_prep.contains(p) || nl.loc_head.contains(p))
            {
                etype = Some(EntityType::LOC);
                // two words or more after a bare preposition of place name a person as often
                // as a place (« face à Jana Novak », "to Jim Smith"): the place is a guess,
                // kept when the gazetteer knows it, a person otherwise
                // (not after « au », "at", which name places, nor when a word that opens
                // places' names comes first: "East Tyrol", "Fort Hood")
                if !lone
                    && !article_before
                    && !nl.articles.contains(&fold(first))
                    && !nl.loc_opener.contains(first)
                    && prev_f.as_deref().is_some_and(|p| nl.name_prep.contains(p))
                {
                    etype = Some(EntityType::PER);
                    guess = true;
                }
            } else if lone
                && nl.first_names.contains(first)
                && !prev_f
                    .as_deref()
                    .is_some_and(|p| nl.loc_article.contains(p))
            {
                // (not after an article: « la Lorraine » is a region)
                // a place of the same name, when the gazetteer knows one, wins (`guess`)
                etype = Some(EntityType::PER);
                guess = true;
            } else if lone && prev_f.as_deref().is_some_and(|p| nl.per_prep.contains(p)) {
                // (« avec Rouen », « par Toulouse »: a place the gazetteer knows wins)
                etype = Some(EntityType::PER);
                guess = true;
            } else if lone
                && toks.get(end).is_some_and(|t| {
                    t.span.start == toks[end - 1].span.end
                        && nl.per_clitic.contains(&*doc.folded_slice(t.span))
                })
            {
                // "Kessler's", most often a person's (a place of the name wins)
                etype = Some(EntityType::PER);
                guess = true;
            } else if of_noun.as_deref().is_some_and(|w| nl.loc_head.contains(w)) {
                // « la ville de X », "the castle of X"
                etype = Some(EntityType::LOC);
            } else if of_noun.as_deref().is_some_and(|w| nl.per_of.contains(w)) {
                // « le neveu de X », "the son of X" (a place of the name wins)
                etype = Some(EntityType::PER);
                guess = true;
            } else if lone
                && prev_f
                    .as_deref()
                    .is_some_and(|p| nl.loc_prep_weak.contains(p) || nl.loc_article.contains(p))
            {
                etype = Some(EntityType::LOC);
            } else if let Some((le, lt, lrule)) = last {
                // « Donetsk et Zaporijjia »: coordinated with the name just before (and as
                // sure of its type as that one)
                // (a comma joins only lone names: after one, a name of two words is more
                // often an apposition, « en Syrie, Jean Dupont, professeur »)
                let between = toks.get(le..start).unwrap_or(&[]);
                if between.len() == 1
                    && nl.connectors.contains(&*doc.folded_slice(between[0].span))
                    && (lone || doc.slice(between[0].span) != ",")
                {
                    etype = Some(lt);
                    guess = lrule == NER_GUESS;
                }
            }
            // people are not named with a definite article ("the Beach Boys", "the Atlanta
            // Falcons"): a run after one is an organization by default
            // (nor with an article of their own: « La Réunion », "The Who"); a run in capitals
            // is a headline or dateline. These are guesses: a place of the same span wins.
            if etype.is_none() && !lone && !shouted(&words) {
                let article = prev_f.as_deref().is_some_and(|p| nl.articles.contains(p))
                    || nl.articles.contains(&fold(first));
                // nor, in English, with a plural and no first name ("Detroit Tigers",
                // "Electronic Arts"; French names teams « Tigers de Détroit » and has
                // surnames in -s as often)
                let plural = doc.lang == "en" && words.last().is_some_and(|w| plural_name(nl, w));
                etype = Some(if article || plural {
                    EntityType::ORG
                } else {
                    EntityType::PER
                });
                guess = true;
            }
            // a known town right after an organization's name is part of it, a club's or a
            // branch's (« Dinamo Zagreb », « CSKA Sofia », "Ajax Amsterdam")
            if etype == Some(EntityType::ORG) && !guess && span_end == toks[end - 1].span.end {
                if let Some(n) = toks.get(end).filter(|n| {
                    n.span.start == span_end + 1
                        && n.kind == TokenKind::Word
                        && capitalized(doc.slice(n.span))
                }) {
                    if named_at(&typed, toks, end)
                        .is_some_and(|l| l.1 == EntityType::LOC && l.0 == end + 1)
                    {
                        span_end = n.span.end;
                    }
                }
            }
            // a point of the compass or a region's adjective closes a place's name
            // (« Afrique du Nord », « Asie de l'Est », « Afrique subsaharienne »)
            if etype == Some(EntityType::LOC) && !guess && span_end == toks[end - 1].span.end {
                if let Some(k) = compass_after(doc, nl, toks, end) {
                    span_end = toks[k - 1].span.end;
                }
            }
            // a lower-case noun that opens a place's name takes the name's place (« l'océan
            // Indien », « la mer de Banda », « le musée du Louvre »)
            if matches!(etype, None | Some(EntityType::LOC)) || guess {
                if let Some(k) = feature_before(doc, nl, toks, start) {
                    span_start = toks[k].span.start;
                    etype = Some(EntityType::LOC);
                    guess = false;
                }
            }
            if let Some(et) = etype {
                let span = Span::new(span_start, span_end);
                let rule = if guess { NER_GUESS } else { "ner" };
                new.push(Entity {
                    span,
                    etype: et,
                    actor: None,
                    rule: rule.into(),
                    nominal: false,
                });
                coordinate_back(doc, nl, toks, &mut pending, start, et, rule, &mut new);
                last = Some((end, et, rule));
            } else if lone && !opens_clause(doc, toks, start) {
                pending.push(Pending {
                    start,
                    end,
                    span: Span::new(span_start, span_end),
                });
            }
            i = next_i.max(resume).max(i + 1);
        }
    }
    ents.extend(new);
}

#[cfg(test)]
mod tests;
