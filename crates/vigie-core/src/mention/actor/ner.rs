//! Named entities the lexicon does not know: runs of capitalized words, typed by their
//! context with the cues of `lexicon/actors/ner.tsv` — a title before the name makes a
//! person, an organization word inside it an organization, a preposition or place noun before
//! it a place; a name coordinated with a typed one takes its type; an acronym is an
//! organization. Runs of two or more words with no cue are people (the commonest case in news);
//! a lone word with no cue is left untyped and not tagged, so that sentence-initial capitals
//! and common nouns written with a capital do not become entities.

use std::collections::HashSet;

use super::ActorLexicon;
use crate::doc::{Doc, Entity, EntityType, Span, Token, TokenKind};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

/// The cue sets. Capitalized cues (titles, organization and event words, sentence-initial
/// common words) are matched as written; lower-case ones folded.
#[derive(Debug, Default)]
pub(crate) struct NerLexicon {
    titles: HashSet<String>,
    particles: HashSet<String>,
    joiners: HashSet<String>,
    org: HashSet<String>,
    misc: HashSet<String>,
    loc_prep: HashSet<String>,
    loc_prep_weak: HashSet<String>,
    loc_head: HashSet<String>,
    loc_word: HashSet<String>,
    connectors: HashSet<String>,
    pub(crate) pronouns: HashSet<String>,
    pub(crate) possessives: HashSet<String>,
    articles: HashSet<String>,
    common: HashSet<String>,
    /// Endings of French adjectives that may follow an organization word.
    adj_suffixes: Vec<String>,
}

impl NerLexicon {
    pub(crate) fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table("actors/ner.tsv").map_err(|e| vec![e])?;
        let (ck, cw) = match (t.col("kind"), t.col("words")) {
            (Ok(k), Ok(w)) => (k, w),
            (Err(e), _) | (_, Err(e)) => return Err(vec![e]),
        };
        let mut lex = NerLexicon::default();
        let mut errors = Vec::new();
        for row in &t.rows {
            let (set, folded) = match row.get(ck) {
                "title" => (&mut lex.titles, false),
                "particle" => (&mut lex.particles, true),
                "joiner" => (&mut lex.joiners, true),
                "org" => (&mut lex.org, false),
                "misc" => (&mut lex.misc, false),
                "loc-prep" => (&mut lex.loc_prep, true),
                "loc-prep-weak" => (&mut lex.loc_prep_weak, true),
                "loc-head" => (&mut lex.loc_head, true),
                "loc-word" => (&mut lex.loc_word, false),
                "connector" => (&mut lex.connectors, true),
                "pronoun" => (&mut lex.pronouns, true),
                "possessive" => (&mut lex.possessives, true),
                "article" => (&mut lex.articles, true),
                "common" => (&mut lex.common, false),
                "adj-suffix" => {
                    lex.adj_suffixes.extend(
                        row.get(cw)
                            .split('|')
                            .map(|w| fold(w.trim()))
                            .filter(|w| !w.is_empty()),
                    );
                    continue;
                }
                k => {
                    errors.push(t.error(row, format!("unknown kind `{k}`")));
                    continue;
                }
            };
            for w in row
                .get(cw)
                .split('|')
                .map(str::trim)
                .filter(|w| !w.is_empty())
            {
                if w.contains(' ') {
                    errors.push(t.error(row, format!("cues are single words: `{w}`")));
                    continue;
                }
                let w = w.replace('’', "'");
                set.insert(if folded {
                    fold(&w)
                } else {
                    w.trim_end_matches('.').to_string()
                });
            }
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(errors)
        }
    }

    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.trim_end_matches('.'))
    }
    pub(crate) fn is_particle(&self, folded: &str) -> bool {
        self.particles.contains(folded)
    }
    pub(crate) fn is_loc_prep(&self, folded: &str) -> bool {
        self.loc_prep.contains(folded)
    }
    pub(crate) fn is_common(&self, word: &str) -> bool {
        self.common.contains(word.trim_end_matches('.'))
    }
}

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

/// A run of capitalized words (with inner particles) inside one sentence: token range.
#[allow(clippy::many_single_char_names)] // token scanner indexes
pub(crate) fn name_run(doc: &Doc, lex: &NerLexicon, toks: &[Token], i: usize) -> Option<usize> {
    let t = toks.get(i)?;
    if t.kind != TokenKind::Word || !capitalized(doc.slice(t.span)) {
        return None;
    }
    let mut end = i + 1;
    while let Some(n) = toks.get(end) {
        if n.kind != TokenKind::Word || n.span.start > toks[end - 1].span.end + 1 {
            break;
        }
        let w = doc.slice(n.span);
        if capitalized(w) {
            end += 1;
            continue;
        }
        // a particle joins two capitalized words: « Le Drian », "von der Leyen"; a joiner
        // only after an organization or event word: "Bank of England"
        let joins = toks[i..end]
            .iter()
            .any(|t| lex.org.contains(doc.slice(t.span)) || lex.misc.contains(doc.slice(t.span)));
        let mut k = end;
        while toks.get(k).is_some_and(|p| {
            let f = fold(doc.slice(p.span));
            p.kind == TokenKind::Word
                && (lex.is_particle(&f) || (joins && lex.joiners.contains(&f)))
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

/// Tag capitalized names not covered by an entity yet.
pub(super) fn tag(doc: &Doc, lex: &ActorLexicon, ents: &mut Vec<Entity>) {
    let nl = &lex.ner;
    // country names and adjectives may sit inside a longer name ("South China Morning
    // Post", "Royal Saudi Air Force"): they do not stop a run, and the longer name wins
    // when it has an organization or event word
    let soft = |e: &Entity| e.rule.starts_with("actors/countries.tsv") || e.nominal;
    let mut covered: Vec<Span> = ents.iter().filter(|e| !soft(e)).map(|e| e.span).collect();
    covered.sort_unstable();
    let mut soft_cov: Vec<Span> = ents.iter().filter(|e| soft(e)).map(|e| e.span).collect();
    soft_cov.sort_unstable();
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
        let mut last: Option<(usize, EntityType)> = None;
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
                    last = Some((close, EntityType::MISC));
                    i = close + 1;
                    continue;
                }
            }
            // (« Madame » is both: dropped, and the name after it is a person's)
            let mut titled = false;
            while start < end && nl.is_common(doc.slice(toks[start].span)) {
                titled |= nl.is_title(doc.slice(toks[start].span));
                start += 1;
            }
            // a title at the head of a run is a cue, not part of the name ("President Barack
            // Obama", « Général Koné »)
            while start + 1 < end && nl.is_title(doc.slice(toks[start].span)) {
                start += 1;
                titled = true;
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
                i = end.max(i + 1);
                continue;
            }
            let next_i = end;
            end = e2;
            // a country name or adjective stays inside the run only when the run is an
            // organization or event name; otherwise the run stops before it
            let named = toks[start..end].iter().any(|t| {
                let w = doc.slice(t.span);
                nl.org.contains(w) || nl.misc.contains(w)
            });
            if !named {
                let mut e3 = start;
                while e3 < end && !is_covered(toks[e3].span, &soft_cov) {
                    e3 += 1;
                }
                if e3 == start {
                    i = next_i.max(i + 1);
                    continue;
                }
                end = e3;
            }
            // a run cut short never ends on a particle (« Tour de » before « France »)
            while end > start && !capitalized(doc.slice(toks[end - 1].span)) {
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
            let mut etype = None;
            let mut span_end = toks[end - 1].span.end;
            if titled || prev.is_some_and(|p| nl.is_title(p)) {
                etype = Some(EntityType::PER);
            } else if words.iter().any(|w| nl.org.contains(*w)) {
                etype = Some(EntityType::ORG);
                // « Parti socialiste », « Conseil national syrien »: lower-case adjectives
                // after a French organization word
                if nl.org.contains(first) && end - start == 1 {
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
                        if !adjective_like || is_covered(toks[k].span, &covered) {
                            break;
                        }
                        span_end = toks[k].span.end;
                        k += 1;
                    }
                }
                // « Coalition des volontaires », "Union for …": an organization word takes
                // its complement
                if nl.org.contains(first) && end - start == 1 {
                    let rest = &toks[end..];
                    if let [p, w, ..] = rest {
                        if p.kind == TokenKind::Word
                            && matches!(
                                fold(doc.slice(p.span)).as_str(),
                                "des" | "du" | "de" | "pour" | "for" | "of"
                            )
                            && w.kind == TokenKind::Word
                            && !is_covered(w.span, &covered)
                        {
                            span_end = w.span.end;
                        }
                    }
                }
            } else if words.iter().any(|w| nl.misc.contains(*w)) {
                etype = Some(EntityType::MISC);
            } else if end - start == 1 && acronym(first) {
                etype = Some(EntityType::ORG);
            } else if words.iter().any(|w| nl.loc_word.contains(*w)) {
                etype = Some(EntityType::LOC);
            } else if quoted(doc, toks, start, end) {
                // a title between quotation marks: a work, an event (« "Les Misérables" »)
                etype = Some(EntityType::MISC);
            } else if prep_f
                .as_deref()
                .is_some_and(|p| nl.loc_prep.contains(p) || nl.loc_head.contains(p))
                || (end - start == 1
                    && prev_f
                        .as_deref()
                        .is_some_and(|p| nl.loc_prep_weak.contains(p)))
            {
                etype = Some(EntityType::LOC);
            } else if let Some((le, lt)) = last {
                // « Donetsk et Zaporijjia »: coordinated with the name just before
                let between = toks.get(le..start).unwrap_or(&[]);
                if between.len() == 1 && nl.connectors.contains(&fold(doc.slice(between[0].span))) {
                    etype = Some(lt);
                }
            }
            // people are not named with a definite article ("the Beach Boys", "the Atlanta
            // Falcons"): a run after one is an organization by default
            if etype.is_none() && end - start >= 2 {
                let article = prev_f.as_deref().is_some_and(|p| nl.articles.contains(p));
                etype = Some(if article {
                    EntityType::ORG
                } else {
                    EntityType::PER
                });
            }
            if let Some(et) = etype {
                let span = Span::new(toks[start].span.start, span_end);
                new.push(Entity {
                    span,
                    etype: et,
                    actor: None,
                    rule: "ner".into(),
                    nominal: false,
                });
                last = Some((end, et));
            }
            i = next_i.max(end).max(i + 1);
        }
    }
    ents.extend(new);
}
