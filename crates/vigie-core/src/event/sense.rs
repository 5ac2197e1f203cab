//! Uses of a trigger word that name no happening, told by the word next to it
//! (`events/senses.tsv`): "released a statement" publishes, « saisir l'occasion » seizes
//! nothing, « soutenir que » asserts, "a press release" is a document. A row names a trigger
//! phrase as written in fr.tsv / en.tsv, the side it reads (the first word after the trigger,
//! determiners skipped, or the word just before it) and the words that cancel the event.

use std::collections::HashMap;

use super::grammar::{folded, Grammar, WordClass};
use crate::doc::{Doc, Token, TokenKind};
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

const FILE: &str = "events/senses.tsv";

/// The words after and before a trigger that cancel it, folded.
type Sides = (Vec<String>, Vec<String>);

#[derive(Debug, Clone, Default)]
pub struct Senses {
    /// lang → trigger phrase → (words after, words before), folded.
    rows: HashMap<String, HashMap<String, Sides>>,
    /// lang → articles skipped like determiners before the word after (« des », « du »),
    /// from rows with trigger `*` and side `skip`.
    skip: HashMap<String, Vec<String>>,
    /// Side `needs`: the trigger keeps its sense only when one of these words comes next
    /// (adverbs and dates read past): « se rendre à Kiev » is a visit, « les soldats qui
    /// s'étaient rendus » surrendered.
    needs: HashMap<String, HashMap<String, Vec<String>>>,
    /// lang → prepositions after which an -ing word names an activity, not a deed done to
    /// someone ("a role in rioting"), from rows with trigger `*` and side `activity`.
    activity: HashMap<String, Vec<String>>,
    /// Sides `verb` and `bare`: lang → trigger phrase → (the infinitive markers, "to" or
    /// « à », after which a verb makes the trigger a catenative verb; the words opening a
    /// bare verb's object), see [`bare_verb_follows`].
    verb: HashMap<String, HashMap<String, Sides>>,
}

impl Senses {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let c = t
            .cols(&["lang", "trigger", "side", "words"])
            .map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let mut skip: HashMap<String, Vec<String>> = HashMap::new();
        let mut rows: HashMap<String, HashMap<String, Sides>> = HashMap::new();
        let mut needs: HashMap<String, HashMap<String, Vec<String>>> = HashMap::new();
        let mut activity: HashMap<String, Vec<String>> = HashMap::new();
        let mut verb: HashMap<String, HashMap<String, Sides>> = HashMap::new();
        for r in &t.rows {
            let (lang, trigger, side, words) = (r.get(c[0]), r.get(c[1]), r.get(c[2]), r.get(c[3]));
            if !matches!(lang, "fr" | "en") {
                errors.push(t.error(r, format!("unknown language `{lang}`")));
                continue;
            }
            let words: Vec<String> = words
                .split('|')
                .filter(|w| !w.is_empty())
                .map(fold)
                .collect();
            if trigger.is_empty() || words.is_empty() {
                errors.push(t.error(r, "a row needs a trigger and words"));
                continue;
            }
            if trigger == "*" && side == "skip" {
                skip.entry(lang.to_string()).or_default().extend(words);
                continue;
            }
            if trigger == "*" && side == "activity" {
                activity.entry(lang.to_string()).or_default().extend(words);
                continue;
            }
            if side == "verb" || side == "bare" {
                let e = verb
                    .entry(lang.to_string())
                    .or_default()
                    .entry(trigger.to_string())
                    .or_default();
                if side == "verb" { &mut e.0 } else { &mut e.1 }.extend(words);
                continue;
            }
            if side == "needs" {
                needs
                    .entry(lang.to_string())
                    .or_default()
                    .entry(trigger.to_string())
                    .or_default()
                    .extend(words);
                continue;
            }
            let e = rows
                .entry(lang.to_string())
                .or_default()
                .entry(trigger.to_string())
                .or_default();
            match side {
                "after" => e.0.extend(words),
                "before" => e.1.extend(words),
                s => errors.push(t.error(
                    r,
                    format!("unknown side `{s}` (after, before, needs, verb, bare)"),
                )),
            }
        }
        if errors.is_empty() {
            Ok(Self {
                rows,
                skip,
                needs,
                activity,
                verb,
            })
        } else {
            Err(errors)
        }
    }

    /// Is `prep` (folded) a preposition after which an -ing word is an activity named, not a
    /// gerund with its object?
    pub fn activity_after(&self, lang: &str, prep: &str) -> bool {
        self.activity
            .get(lang)
            .is_some_and(|w| w.iter().any(|x| x == prep))
    }

    /// Does the word next to the trigger (tokens `first..last`) cancel the entry `phrase`?
    #[allow(clippy::too_many_arguments)]
    pub fn cancels(
        &self,
        doc: &Doc,
        gram: &Grammar,
        lang: &str,
        phrase: &str,
        tokens: &[Token],
        first: usize,
        last: usize,
    ) -> bool {
        if let Some(needed) = self.needs.get(lang).and_then(|m| m.get(phrase)) {
            // a listed word may be the preposition right after the verb (« se rendre à ») or
            // the object noun behind determiners and a figure ("evacuate all 21
            // settlements"): each word is checked before it is read past
            let next = tokens.get(last..).unwrap_or(&[]).iter().find(|t| {
                let w = folded(doc, t);
                needed.iter().any(|x| x == w)
                    || !(gram.is(lang, WordClass::Adv, w)
                        || gram.is(lang, WordClass::Det, w)
                        // partitive articles too: « reçoit des inspecteurs »
                        || self.skip.get(lang).is_some_and(|s| s.iter().any(|x| x == w))
                        || t.kind == TokenKind::Number
                        || doc.times.iter().any(|x| x.span.contains(t.span)))
            });
            if !next.is_some_and(|t| needed.iter().any(|w| w == folded(doc, t))) {
                return true;
            }
        }
        if let Some((markers, openers)) = self.verb.get(lang).and_then(|m| m.get(phrase)) {
            let rest = tokens.get(last..).unwrap_or(&[]);
            if bare_verb_follows(doc, gram, lang, (markers, openers), rest) {
                return true;
            }
        }
        let Some((after, before)) = self.rows.get(lang).and_then(|m| m.get(phrase)) else {
            return false;
        };
        // determiners and adverbs stand between a verb and what it takes (« enlever quasiment
        // tous les sièges »); an adverb may itself be the word listed ("asked not to"); so
        // does an English possessive name ("defending Hong Kong's way of life")
        let rest = tokens.get(last..).unwrap_or(&[]);
        let mut i = 0;
        while let Some(t) = rest.get(i) {
            if t.kind == TokenKind::Punct {
                break;
            }
            let w = folded(doc, t);
            if after.iter().any(|x| x == w) {
                return true;
            }
            // a year or a figure before the noun ("host the 2022 competition")
            let skipped = t.kind == TokenKind::Number
                || gram.is(lang, WordClass::Det, w)
                || gram.is(lang, WordClass::Adv, w)
                || self
                    .skip
                    .get(lang)
                    .is_some_and(|s| s.iter().any(|x| x == w));
            if skipped {
                i += 1;
            } else if let Some(k) = possessive_end(doc, &rest[i..]) {
                i += k;
            } else {
                break;
            }
        }
        let prev = first.checked_sub(1).and_then(|i| tokens.get(i));
        prev.is_some_and(|t| before.iter().any(|w| w == folded(doc, t)))
    }
}

/// Does a bare verb open `rest`, the words after a catenative trigger ("helped facilitate a
/// meeting", "help to organise", « a aidé à organiser »)? The trigger then names no deed of
/// its own: the event, if any, is that verb's. Without a part of speech, two shapes tell a
/// verb: a lower-case word after an infinitive marker (`markers`) that is no determiner
/// ("help to the victims" is aid), or, where the language has bare infinitives, a lower-case
/// word right before a word opening its object (`openers`): "helped facilitate a meeting";
/// "helped the villagers" and "helped refugees in Syria" stay aid. Adverbs are read past.
fn bare_verb_follows(
    doc: &Doc,
    gram: &Grammar,
    lang: &str,
    (markers, openers): (&[String], &[String]),
    rest: &[Token],
) -> bool {
    let words: Vec<&Token> = rest
        .iter()
        .take_while(|t| t.kind == TokenKind::Word)
        .filter(|t| !gram.is(lang, WordClass::Adv, folded(doc, t)))
        .take(3)
        .collect();
    let lower = |t: &Token| {
        doc.slice(t.span)
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
            && !gram.is(lang, WordClass::Det, folded(doc, t))
    };
    match words.as_slice() {
        [m, w, ..] if markers.iter().any(|x| x == folded(doc, m)) => lower(w),
        [w, o, ..] => lower(w) && openers.iter().any(|x| x == folded(doc, o)),
        _ => false,
    }
}

/// Tokens up to and including the possessive « 's » of a name of at most three words at the
/// start of `rest` ("Hong Kong's"), if there is one.
fn possessive_end(doc: &Doc, rest: &[Token]) -> Option<usize> {
    rest.iter()
        .take(4)
        .take_while(|t| t.kind != TokenKind::Punct || folded(doc, t) == "'s")
        .position(|t| folded(doc, t) == "'s")
        .filter(|&k| k > 0)
        .map(|k| k + 1)
}
