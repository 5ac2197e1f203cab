//! A trigger word written with a capital inside a run of capitalized words is part of a name
//! (« Système de Combat Aérien », "Main Ground Combat System", "Peace Corps"): it names a
//! thing, not a happening. Sentence-initial words and title-case lines (headlines where every
//! word is capitalized) say nothing about names and are left alone.

use crate::doc::{Doc, Token, TokenKind};

fn is_word(t: &Token) -> bool {
    t.kind != TokenKind::Punct
}

fn capitalized(doc: &Doc, t: &Token) -> bool {
    doc.slice(t.span)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Is the trigger spanning tokens `head..last` of a sentence part of a capitalized name?
pub fn in_name(doc: &Doc, tokens: &[Token], head: usize, last: usize) -> bool {
    let Some(t) = tokens.get(head) else {
        return false;
    };
    if !capitalized(doc, t) {
        return false;
    }
    // the sentence's first word is capitalized anyway
    if !tokens[..head].iter().any(is_word) {
        return false;
    }
    // a headline in title case capitalizes verbs too
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| is_word(t) && doc.slice(t.span).chars().count() >= 4)
        .collect();
    let caps = words.iter().filter(|t| capitalized(doc, t)).count();
    if caps * 2 > words.len() {
        return false;
    }
    neighbour_capitalized(doc, tokens[..head].iter().rev())
        || neighbour_capitalized(doc, tokens.get(last..).unwrap_or(&[]).iter())
}

/// A capitalized word next to the trigger, with no punctuation in between, possibly across
/// one short lower-case linking word (« de », "of").
fn neighbour_capitalized<'a>(doc: &Doc, mut it: impl Iterator<Item = &'a Token>) -> bool {
    match it.next() {
        Some(a) if !is_word(a) => false,
        Some(a) if capitalized(doc, a) => true,
        Some(a) if doc.slice(a.span).chars().count() <= 3 => {
            it.next().is_some_and(|b| is_word(b) && capitalized(doc, b))
        }
        _ => false,
    }
}
