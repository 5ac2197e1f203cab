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
    loc_head: HashSet<String>,
    connectors: HashSet<String>,
    pub(crate) pronouns: HashSet<String>,
    common: HashSet<String>,
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
                "loc-head" => (&mut lex.loc_head, true),
                "connector" => (&mut lex.connectors, true),
                "pronoun" => (&mut lex.pronouns, true),
                "common" => (&mut lex.common, false),
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

/// Tag capitalized names not covered by an entity yet.
pub(super) fn tag(doc: &Doc, lex: &ActorLexicon, ents: &mut Vec<Entity>) {
    let nl = &lex.ner;
    let mut covered: Vec<Span> = ents.iter().map(|e| e.span).collect();
    covered.sort_unstable();
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
            while start < end && nl.is_common(doc.slice(toks[start].span)) {
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
            let words: Vec<&str> = toks[start..end].iter().map(|t| doc.slice(t.span)).collect();
            let first = words[0];
            let prev = prev_word(doc, toks, start);
            let prev_f = prev.map(fold);
            let mut etype = None;
            let mut span_end = toks[end - 1].span.end;
            if prev.is_some_and(|p| nl.is_title(p)) {
                etype = Some(EntityType::PER);
            } else if words.iter().any(|w| nl.org.contains(*w)) {
                etype = Some(EntityType::ORG);
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
            } else if prev_f
                .as_deref()
                .is_some_and(|p| nl.loc_prep.contains(p) || nl.loc_head.contains(p))
            {
                etype = Some(EntityType::LOC);
            } else if let Some((le, lt)) = last {
                // « Donetsk et Zaporijjia »: coordinated with the name just before
                let between = &toks[le..start];
                if between.len() == 1 && nl.connectors.contains(&fold(doc.slice(between[0].span))) {
                    etype = Some(lt);
                }
            }
            if etype.is_none() && end - start >= 2 {
                etype = Some(EntityType::PER);
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
            i = next_i.max(i + 1);
        }
    }
    ents.extend(new);
}
