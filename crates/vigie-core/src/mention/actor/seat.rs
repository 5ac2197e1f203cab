//! A seat of government is the government when it acts and a place when it is only where
//! something is: « Moscou accuse », "Athens said", "Paris and Berlin agreed" name governments;
//! « à Paris », "in Athens", « l'accord de Paris », "the Paris accord", "Moscow-backed", a
//! dateline ("PARIS (Reuters) -") name places. The words that decide are in
//! `lexicon/actors/seat_uses.tsv`; a seat read as a place is left to the place and name
//! taggers, like any town.

use std::collections::HashSet;

use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

const FILE: &str = "actors/seat_uses.tsv";

/// The cue words, folded.
#[derive(Debug, Default)]
pub(crate) struct SeatUses {
    prep: HashSet<String>,
    article: HashSet<String>,
    of: HashSet<String>,
    head: HashSet<String>,
    head_after: HashSet<String>,
    connector: HashSet<String>,
    recipient: HashSet<String>,
    /// Role codes of people who belong where they are (`local`).
    local: HashSet<String>,
    /// Nouns a country adjective only qualifies (`thing`), per language.
    thing_fr: HashSet<String>,
    thing_en: HashSet<String>,
}

impl SeatUses {
    pub(crate) fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let (ck, cl, cw) = match (t.col("kind"), t.col("lang"), t.col("words")) {
            (Ok(k), Ok(l), Ok(w)) => (k, l, w),
            (Err(e), ..) | (_, Err(e), _) | (.., Err(e)) => return Err(vec![e]),
        };
        let mut u = SeatUses::default();
        let mut errors = Vec::new();
        for row in &t.rows {
            if !matches!(row.get(cl), "fr" | "en") {
                errors.push(t.error(row, format!("lang must be fr or en, not `{}`", row.get(cl))));
                continue;
            }
            if row.get(ck) == "local" {
                for c in row
                    .get(cw)
                    .split('|')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                {
                    if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                        u.local.insert(c.to_string());
                    } else {
                        errors.push(t.error(row, format!("a role code is 3 capitals, not `{c}`")));
                    }
                }
                continue;
            }
            let set = match row.get(ck) {
                "prep" => &mut u.prep,
                "article" => &mut u.article,
                "of" => &mut u.of,
                "head" => &mut u.head,
                "head-after" => &mut u.head_after,
                "connector" => &mut u.connector,
                "recipient" => &mut u.recipient,
                "thing" if row.get(cl) == "fr" => &mut u.thing_fr,
                "thing" => &mut u.thing_en,
                k => {
                    errors.push(t.error(row, format!("unknown kind `{k}`")));
                    continue;
                }
            };
            for w in t.single_words(row, cw, &mut errors) {
                set.insert(fold(w));
            }
        }
        if errors.is_empty() {
            Ok(u)
        } else {
            Err(errors)
        }
    }
}

impl SeatUses {
    /// Do people of this role belong to the country where they are (« les manifestants à
    /// Bagdad », "police in Hong Kong")?
    pub(crate) fn is_local(&self, role: &str) -> bool {
        self.local.contains(role)
    }

    /// Does the country adjective at the folded range `[fstart, fend)` only qualify a thing
    /// ("the Russian language", "Russian-language", « la langue russe »)? English: the word
    /// after it (one space or hyphen between); French: the word before it.
    pub(crate) fn qualifies_thing(
        &self,
        folded: &str,
        fstart: usize,
        fend: usize,
        french: bool,
    ) -> bool {
        if french {
            return word_before(folded, fstart).is_some_and(|(w, _)| self.thing_fr.contains(w));
        }
        let rest = folded.get(fend..).unwrap_or("");
        let rest = rest
            .strip_prefix(' ')
            .or_else(|| rest.strip_prefix('-'))
            .unwrap_or("");
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        !rest.is_empty() && self.thing_en.contains(&rest[..end])
    }

    /// Is the folded text between a role and a place a locative preposition?
    pub(crate) fn is_locative_gap(&self, gap: &str) -> bool {
        self.prep.contains(gap.trim_matches(' '))
    }
}

/// Is `c` part of a word of the folded text (elisions and hyphens included: « jusqu'a »,
/// « d' », « nord-est »)?
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// The word of the folded text `f` ending at `end` (spaces before `end` skipped), and where
/// it starts. A punctuation mark counts as a word of its own (« , »).
fn word_before(f: &str, end: usize) -> Option<(&str, usize)> {
    let head = f.get(..end)?.trim_end_matches(' ');
    let last = head.chars().next_back()?;
    if !word_char(last) {
        let at = head.len() - last.len_utf8();
        return Some((&head[at..], at));
    }
    let at = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word_char(c))
        .last()
        .map_or(head.len(), |(i, _)| i);
    Some((&head[at..], at))
}

/// The word of `f` starting after `start` (spaces skipped).
fn word_after(f: &str, start: usize) -> &str {
    let rest = f.get(start..).unwrap_or("").trim_start_matches(' ');
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A seat found in the text, as [`is_place`] needs it.
#[derive(Debug, Clone, Copy)]
pub(super) struct SeatMention<'a> {
    /// The original text of the seat.
    pub text: &'a str,
    /// Folded range.
    pub fstart: usize,
    pub fend: usize,
    /// A capital city (LOC), not a building or an institution (« l'Élysée », "the Kremlin").
    pub city: bool,
    /// Written all in capitals although its form is not an acronym.
    pub shouting: bool,
    /// Followed by a capitalized word.
    pub before_capital: bool,
}

/// Is the seat only a place here? `prev_place` is the folded end of the last seat read as a
/// place, for coordination (« à Paris et Berlin »).
pub(super) fn is_place(
    uses: &SeatUses,
    folded: &str,
    seat: SeatMention<'_>,
    prev_place: Option<usize>,
) -> bool {
    // a dateline: "PARIS (Reuters) -", "MOSCOW, Jan. 8 -"
    if seat.shouting && seat.text.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        return true;
    }
    // "Moscow-backed", "Paris-based": the seat qualifies the word it is joined to
    if folded
        .get(seat.fend..)
        .is_some_and(|r| r.starts_with('-') && r[1..].starts_with(char::is_alphabetic))
    {
        return true;
    }
    // "Washington Post", "Berlin Wall": a capital opening a longer name
    if seat.city && seat.before_capital {
        return true;
    }
    if seat.city && uses.head_after.contains(word_after(folded, seat.fend)) {
        return true;
    }
    let Some((w, at)) = word_before(folded, seat.fstart) else {
        return false;
    };
    // "at the Kremlin", « à l'Élysée »: a seat with its own article, after a preposition
    let (w, at) = match word_before(folded, at) {
        Some((prep, prep_at))
            if !seat.city && uses.article.contains(w) && uses.prep.contains(prep) =>
        {
            (prep, prep_at)
        }
        _ => (w, at),
    };
    if uses.prep.contains(w) {
        // « a répondu à Moscou », « les armes livrées à Kiev »: a recipient, not a place
        return !word_before(folded, at).is_some_and(|(v, _)| uses.recipient.contains(v));
    }
    if seat.city && uses.article.contains(w) {
        return true;
    }
    if uses.of.contains(w) {
        // « l'accord de Paris »: the noun without its elided article
        return word_before(folded, at)
            .is_some_and(|(h, _)| uses.head.contains(h.rsplit('\'').next().unwrap_or(h)));
    }
    // « à Paris et Berlin »: the second shares the reading of the first
    prev_place.is_some_and(|end| {
        folded
            .get(end..seat.fstart)
            .is_some_and(|g| uses.connector.contains(g.trim_matches(' ')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_around_a_position() {
        let f = "pres d'athenes, a paris et nord-est de kiev";
        assert_eq!(word_before(f, 7), Some(("d'", 5)));
        assert_eq!(word_before(f, 5), Some(("pres", 0)));
        assert_eq!(word_before(f, 15), Some((",", 14)));
        assert_eq!(word_before(f, 0), None);
        assert_eq!(word_after(f, 23), "et");
        assert_eq!(word_before(f, 39), Some(("de", 36)));
        assert_eq!(word_before(f, 36), Some(("nord-est", 27)));
    }
}
