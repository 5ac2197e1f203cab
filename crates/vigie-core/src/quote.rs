//! Quotations and their speakers: « … », “…”, "…" and ‹ › with the speech cue around them
//! (`quotes/speech.tsv`: « a déclaré », « selon X », "X said", "according to X"); the
//! speaker is an entity of the sentence (`doc.entities`), the cue's subject, the phrase after
//! « selon », or failing a cue the sentence's first actor (quoted fragments: « cible légitime »).

use crate::doc::{Doc, Entity, EntityType, Quote, Span};
use crate::event::EventLexicon;
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};
use crate::normalize::fold;

/// Where a cue's speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A speech verb: its subject (before it, inverted after it, or a pronoun).
    Verb,
    /// « selon X », "according to X": the phrase after it.
    Source,
    /// « Pour X, « … » »: the phrase after it, at the start of a sentence only.
    Opener,
    /// "told Reuters": a speech verb whose direct object is the one spoken to, so the phrase
    /// right after it is never its speaker.
    Tell,
}

#[derive(Debug, Clone)]
struct Cue {
    lemma: String,
    kind: CueKind,
}

#[derive(Debug, Clone)]
pub struct QuoteLexicon {
    cues: Vec<Cue>,
    fr: PhraseMatcher,
    en: PhraseMatcher,
    /// Folded prepositions that mark the one spoken to (« à l'AFP », "to reporters"), per
    /// language: a phrase they introduce after a speech verb is no inverted subject.
    to: Vec<(String, String)>,
    /// Folded pronouns that stand for an organization ("it said"), per language.
    it: Vec<(String, String)>,
    /// Folded nouns that stand for an organization named before (« ajoute l'organisation »,
    /// "the group said"), per language.
    org: Vec<(String, String)>,
    /// Folded prepositions after which a phrase is a complement, not a speech verb's subject
    /// (« par la BBC », "to the council"), per language.
    prep: Vec<(String, String)>,
    /// Folded articles read past between such a preposition and its phrase.
    article: Vec<(String, String)>,
    /// Folded prepositions of a passive's agent (« par », "by"), per language.
    agent: Vec<(String, String)>,
    /// Folded prepositions of a possessor (« de », "of"), per language.
    of: Vec<(String, String)>,
    /// Folded one-word speech verbs (« regretté », "criticized"), per language: an agent
    /// right after one speaks.
    verb_words: Vec<(String, String)>,
    /// Folded subject pronouns of a person (« il », "he"), per language.
    pronoun: Vec<(String, String)>,
    /// Folded definite articles (« le », "the"), per language.
    definite: Vec<(String, String)>,
}

const FILE: &str = "quotes/speech.tsv";

/// Opening marks and the marks that close them. Straight and curly double quotes close each
/// other: sources mix them ("… !” with a straight opening).
const MARKS: [(char, &[char]); 4] = [
    ('«', &['»']),
    ('\u{201C}', &['\u{201D}', '"']),
    ('"', &['"', '\u{201D}']),
    ('\u{2039}', &['\u{203A}']),
];

impl QuoteLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let cols: Result<Vec<usize>, _> = t.cols(&["lang", "phrase", "lemma", "kind"]);
        let c = cols.map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let (mut fr, mut en, mut cues) = (Vec::new(), Vec::new(), Vec::new());
        let (mut to, mut it, mut org) = (Vec::new(), Vec::new(), Vec::new());
        let (mut prep, mut article) = (Vec::new(), Vec::new());
        let (mut agent, mut of, mut verb_words) = (Vec::new(), Vec::new(), Vec::new());
        let (mut pronoun, mut definite) = (Vec::new(), Vec::new());
        for r in &t.rows {
            let lang = r.get(c[0]);
            if !matches!(lang, "fr" | "en") {
                errors.push(t.error(r, format!("unknown language `{lang}`")));
                continue;
            }
            let kind = match r.get(c[3]) {
                "verb" => CueKind::Verb,
                "source" => CueKind::Source,
                "opener" => CueKind::Opener,
                "tell" => CueKind::Tell,
                // words read around a cue, not cues themselves
                k => {
                    let list = match k {
                        "to" => &mut to,
                        "it" => &mut it,
                        "org" => &mut org,
                        "prep" => &mut prep,
                        "article" => &mut article,
                        "agent" => &mut agent,
                        "of" => &mut of,
                        "pronoun" => &mut pronoun,
                        "definite" => &mut definite,
                        _ => {
                            errors.push(t.error(r, format!("unknown kind `{k}`")));
                            continue;
                        }
                    };
                    list.push((lang.to_string(), fold(r.get(c[1]))));
                    continue;
                }
            };
            if matches!(kind, CueKind::Verb | CueKind::Tell) && !r.get(c[1]).contains(' ') {
                verb_words.push((lang.to_string(), fold(r.get(c[1]))));
            }
            let i = u32::try_from(cues.len()).unwrap_or(u32::MAX);
            if lang == "fr" {
                fr.push((r.get(c[1]).to_string(), i));
            } else {
                en.push((r.get(c[1]).to_string(), i));
            }
            cues.push(Cue {
                lemma: r.get(c[2]).to_string(),
                kind,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            cues,
            fr: PhraseMatcher::new(fr),
            en: PhraseMatcher::new(en),
            to,
            it,
            org,
            prep,
            article,
            agent,
            of,
            verb_words,
            pronoun,
            definite,
        })
    }

    fn has(list: &[(String, String)], lang: &str, word: &str) -> bool {
        list.iter().any(|(l, w)| l == lang && w == word)
    }
}

/// The span inside `text[from..to]` without its surrounding spaces, if anything is left.
fn trimmed(text: &str, from: usize, to: usize) -> Option<Span> {
    let raw = text.get(from..to)?;
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    (raw.len() > lead + trail).then(|| Span::new(from + lead, to - trail))
}

/// Quoted spans (inside the marks, trimmed), in text order. A quotation does not run across
/// paragraphs; one left open at the end of its paragraph, when the next paragraph opens with
/// the same mark, runs to that end (the convention for quotations of several paragraphs).
fn quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((off, c)) = text.get(i..).and_then(|t| {
        t.char_indices()
            .find(|(_, c)| MARKS.iter().any(|(o, _)| o == c))
    }) {
        let open = i + off;
        let inner = open + c.len_utf8();
        let closers = MARKS.iter().find(|(o, _)| *o == c).map_or(&[][..], |m| m.1);
        let rest = &text[inner..];
        let para_end = rest.find('\n').map_or(text.len(), |n| inner + n);
        let close = rest
            .char_indices()
            .find(|(_, ch)| closers.contains(ch))
            .map(|(n, ch)| (inner + n, ch.len_utf8()));
        match close {
            Some((at, len)) if at <= para_end => {
                if let Some(q) = trimmed(text, inner, at) {
                    out.push(q);
                    i = at + len;
                } else {
                    i = inner;
                }
            }
            _ => {
                // open to the end of the paragraph: a quotation when the next paragraph opens
                // with the same mark (the quotation goes on there) and it has words
                let goes_on = text
                    .get(para_end..)
                    .is_some_and(|r| r.trim_start().starts_with(c));
                match trimmed(text, inner, para_end) {
                    Some(q) if goes_on && text[q.start..q.end].split_whitespace().count() >= 3 => {
                        out.push(q);
                        i = para_end;
                    }
                    _ => i = inner,
                }
            }
        }
    }
    out
}

fn in_any_quote(quotes: &[Span], span: Span) -> bool {
    quotes.iter().any(|q| q.overlaps(span))
}

/// Can this entity be a speaker? A person or organization, or a phrase whose actor says who
/// it is (« le président français », a resolved pronoun); a bare title (« le ministre »,
/// code `GOV` alone) cannot.
fn can_speak(e: &Entity) -> bool {
    let coded = e.actor.as_ref().is_some_and(|a| {
        !a.code.is_empty() && (a.country.is_some() || a.code.len() > 3 || !e.nominal)
    });
    coded || (!e.nominal && matches!(e.etype, EntityType::PER | EntityType::ORG))
}

/// True when only spaces and at most `words` words lie between `a` and `b` (« a déclaré
/// mardi le ministre »): no punctuation.
fn close_by(text: &str, a: usize, b: usize, words: usize) -> bool {
    text.get(a..b).is_some_and(|g| {
        g.chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '\'' || c == '’')
            && g.split_whitespace().count() <= words
    })
}

/// How many bytes a pronoun may lie from its verb (« il a dit », « a-t-elle déclaré »).
const PRONOUN_REACH: usize = 8;

/// Is `e`, after the speech verb at `cue`, the one spoken to rather than an inverted subject?
/// After a `tell` verb the phrase right after it is ("told Reuters", "told the BBC"); after any
/// speech verb, a phrase an address preposition opens is (« a indiqué à l'AFP », "said to
/// reporters"), while « a déclaré à Paris le ministre » keeps its speaker.
fn addressed(doc: &Doc, lex: &QuoteLexicon, cue: Span, tell: bool, e: &Entity) -> bool {
    let Some(gap) = doc.text.get(cue.end..e.span.start) else {
        return false;
    };
    if tell && gap.split_whitespace().count() <= 1 {
        return true;
    }
    let gap = fold(gap.trim_end());
    lex.to.iter().any(|(l, p)| {
        l == &doc.lang
            && gap
                .strip_suffix(p.as_str())
                .is_some_and(|head| head.is_empty() || head.ends_with(|c: char| c.is_whitespace()))
    })
}

/// How many sentences back "it said" looks for its organization.
const IT_BACK: usize = 3;

/// "…," it added: when the word right before the speech verb stands for an organization, or
/// a noun that does is its subject right before it or inverted right after it (« ajoute
/// l'organisation », "the group said"), the speaker is the last organization that can speak
/// named before the verb in its sentence or the few before it, outside quotations and outside
/// that noun.
fn it_speaker<'d>(doc: &'d Doc, lex: &QuoteLexicon, cue: Span, all: &[Span]) -> Option<&'d Entity> {
    let before = doc.text.get(..cue.start)?.trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .filter(|w| !w.is_empty());
    let pronoun = word.is_some_and(|w| QuoteLexicon::has(&lex.it, &doc.lang, &fold(w)));
    let noun = if pronoun {
        None
    } else {
        org_noun(doc, lex, cue)
    };
    if !pronoun && noun.is_none() {
        return None;
    }
    let here = doc.sentence_at(cue.start)?;
    doc.entities.iter().rev().find(|e| {
        e.etype == EntityType::ORG
            && e.span.end <= cue.start
            && noun.is_none_or(|n| !n.overlaps(e.span))
            && can_speak(e)
            && !in_any_quote(all, e.span)
            && doc
                .sentence_at(e.span.start)
                .is_some_and(|s| s + IT_BACK >= here)
    })
}

/// The span of an `org` noun right before the speech verb at `cue` (only spaces between) or
/// right after it (a time expression at most between: « ajoute mardi l'organisation »), on
/// word boundaries, in the verb's sentence. Read on the folded text, mapped back.
fn org_noun(doc: &Doc, lex: &QuoteLexicon, cue: Span) -> Option<Span> {
    let sentence = *doc.sentences.get(doc.sentence_at(cue.start)?)?;
    let folded = doc.norm.folded.as_str();
    let word_char = |c: char| c.is_alphanumeric();
    let (s0, c0) = doc.norm.folded_range(Span::new(sentence.start, cue.start));
    let (c1, s1) = doc.norm.folded_range(Span::new(cue.end, sentence.end));
    let head = folded.get(s0..c0)?.trim_end();
    // after the verb, past one time expression that starts right there
    let past_spaces = |at: usize| {
        doc.text
            .get(at..sentence.end)
            .map_or(at, |r| at + (r.len() - r.trim_start().len()))
    };
    let mut from = past_spaces(cue.end);
    if let Some(t) = doc.times.iter().find(|t| t.span.start == from) {
        from = past_spaces(t.span.end);
    }
    let tail_at = doc.norm.to_folded(from).clamp(c1, s1.max(c1));
    let tail = folded.get(tail_at..s1)?;
    lex.org
        .iter()
        .filter(|(l, _)| l == &doc.lang)
        .find_map(|(_, noun)| {
            let n = noun.as_str();
            if let Some(lead) = head.strip_suffix(n) {
                if !lead.ends_with(word_char) {
                    let a = s0 + lead.len();
                    return Some(doc.norm.to_original(a, a + n.len()));
                }
            }
            (tail.starts_with(n) && !tail[n.len()..].starts_with(word_char))
                .then(|| doc.norm.to_original(tail_at, tail_at + n.len()))
        })
}

/// Is `e` a complement, right after a preposition with at most an article between (« de la
/// BBC », « d'Emmanuel Macron », "to the Atlantic Council")? Such a phrase is not the subject
/// of a speech verb.
fn complement(doc: &Doc, lex: &QuoteLexicon, e: &Entity) -> bool {
    let mut rest = doc.text.get(..e.span.start).unwrap_or("");
    // the preposition, or an article then the preposition (an elided one is glued to the
    // phrase: « l'Europe », « d'Emmanuel »)
    for _ in 0..2 {
        let t = rest.trim_end();
        let (head, word) = t.rsplit_once(char::is_whitespace).unwrap_or(("", t));
        let word = fold(word);
        if QuoteLexicon::has(&lex.prep, &doc.lang, &word) {
            return true;
        }
        if QuoteLexicon::has(&lex.agent, &doc.lang, &word) {
            // the agent of a speech verb speaks (« regretté par le président »)
            let verb = head
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())));
            return !verb.is_some_and(|v| QuoteLexicon::has(&lex.verb_words, &doc.lang, &v));
        }
        if !QuoteLexicon::has(&lex.article, &doc.lang, &word) {
            return false;
        }
        rest = head;
    }
    false
}

/// The likely subject of the sentence of `at`, before it: the first person, organization or
/// actor with a role (« Paris » for its government) there that is no complement (« À propos
/// du déficit français, il a indiqué » → il, not the adjective; "In response to questions
/// from CNN, the minister told" → not CNN), else the first phrase that is no complement.
fn first_subject<'d>(
    doc: &Doc,
    lex: &QuoteLexicon,
    ents: &[&'d Entity],
    at: usize,
) -> Option<&'d Entity> {
    let sentence = doc.sentence_at(at);
    let mut before = ents.iter().copied().filter(|e| {
        e.span.end <= at && doc.sentence_at(e.span.start) == sentence && !complement(doc, lex, e)
    });
    let first = before.clone().next();
    before
        .find(|e| {
            matches!(e.etype, EntityType::PER | EntityType::ORG)
                || e.actor.as_ref().is_some_and(|a| a.code.len() > 3)
        })
        .or(first)
}

/// How many words an inverted subject that closes its clause may lie after the verb.
const CLOSING_REACH: usize = 12;

/// An inverted subject past a time or place phrase (« », a déclaré vendredi sur la télé X la
/// ministre Florence Parly. »): a person or organization after the verb, no punctuation
/// between, that closes the clause, is no complement and not the one spoken to.
fn closing_subject<'d>(
    doc: &Doc,
    lex: &QuoteLexicon,
    (cue, tell): (Span, bool),
    ents: &[&'d Entity],
) -> Option<&'d Entity> {
    let text = doc.text.as_str();
    ents.iter().copied().find(|e| {
        matches!(e.etype, EntityType::PER | EntityType::ORG)
            && e.span.start >= cue.end
            && text.get(cue.end..e.span.start).is_some_and(|g| {
                g.chars().all(|c| {
                    c.is_alphanumeric() || c.is_whitespace() || matches!(c, '\'' | '’' | '-')
                }) && g.split_whitespace().count() <= CLOSING_REACH
            })
            && text.get(e.span.end..).is_some_and(|r| {
                r.trim_start()
                    .chars()
                    .next()
                    .is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
            })
            && !complement(doc, lex, e)
            && !addressed(doc, lex, cue, tell, e)
    })
}

/// « le PDG de Dassault Aviation », "the head of the agency": the coded entity a speaker with
/// no code of its own belongs to (a possessive preposition, an article at most, between).
fn owner<'d>(doc: &'d Doc, lex: &QuoteLexicon, e: &Entity) -> Option<&'d Entity> {
    let n = doc.entities.iter().find(|n| n.span.start >= e.span.end)?;
    let gap = doc.text.get(e.span.end..n.span.start)?;
    let mut words = gap.split_whitespace().map(fold);
    let of = words.next()?;
    let article = words.next();
    let fits = QuoteLexicon::has(&lex.of, &doc.lang, &of)
        && article.is_none_or(|a| QuoteLexicon::has(&lex.article, &doc.lang, &a))
        && words.next().is_none()
        && n.actor.as_ref().is_some_and(|a| !a.code.is_empty())
        && can_speak(n);
    fits.then_some(n)
}

/// « le porte-parole du gouvernement, Steffen Seibert »: a title followed, after a comma, by
/// the name of a coded person speaks as that person (an uncoded name would lose the title's
/// code: « un des chercheurs de HRW, Ole Solvang » stays the title).
fn named_in_apposition<'d>(doc: &'d Doc, e: &'d Entity) -> &'d Entity {
    if !e.nominal {
        return e;
    }
    doc.entities
        .iter()
        .find(|n| {
            n.etype == EntityType::PER
                && !n.nominal
                && n.actor.as_ref().is_some_and(|a| !a.code.is_empty())
                && n.span.start >= e.span.end
                && doc
                    .text
                    .get(e.span.end..n.span.start)
                    .is_some_and(|g| g.trim() == ",")
        })
        .unwrap_or(e)
}

/// The speaker of a quotation whose cue is the verb at `cue` (`tell` for a verb whose object
/// is the one spoken to).
fn verb_speaker<'d>(
    doc: &Doc,
    lex: &QuoteLexicon,
    q: Span,
    (cue, tell): (Span, bool),
    ents: &[&'d Entity],
) -> Option<&'d Entity> {
    let text = doc.text.as_str();
    // a pronoun at the verb: « a-t-il déclaré », « précise-t-elle », « il a dit », "he said"
    let inverted = ents.iter().copied().find(|e| {
        let before = e.span.end <= cue.start && e.span.end + PRONOUN_REACH >= cue.start;
        // after the verb only glued to it (« précise-t-il »), not a clause's subject (« a
        // expliqué qu'il … »)
        let glued = e.span.start >= cue.end
            && text
                .get(cue.end..e.span.start)
                .is_some_and(|g| g.chars().all(|c| c == '-' || c == 't'));
        e.rule == "pronoun" && (before || glued)
    });
    // an inverted subject: right after the verb, and not the one spoken to
    let after = || {
        ents.iter()
            .copied()
            .find(|e| {
                e.span.start >= cue.end
                    && close_by(text, cue.end, e.span.start, 3)
                    && !addressed(doc, lex, cue, tell, e)
            })
            .or_else(|| closing_subject(doc, lex, (cue, tell), ents))
    };
    if cue.start >= q.end {
        // « … », a déclaré X / "…," X said / "…," he said
        let between = ents
            .iter()
            .copied()
            .rev()
            .find(|e| e.span.start >= q.end && e.span.end <= cue.start);
        // the subject right before the verb beats a phrase after it ("…," Ana Ruiz said
        // after the vote of the committee)
        let subject = between.filter(|e| close_by(text, e.span.end, cue.start, 1));
        // (failing all, the caller tries the other cues, then the sentence's subject)
        return inverted.or(subject).or_else(after).or(between);
    }
    // X a déclaré : « … » / X said "…": the subject right before the verb (« Malgré les
    // critiques de A, B a répondu »), no complement ("X speaking to the council called"),
    // else the verb's sentence's subject
    let adjacent = ents.iter().copied().rev().find(|e| {
        e.span.end <= cue.start
            && close_by(text, e.span.end, cue.start, 3)
            && !complement(doc, lex, e)
    });
    let subject = || first_subject(doc, lex, ents, cue.start);
    inverted.or(adjacent).or_else(subject).or_else(after)
}

/// The quotations of a document with their speakers and speech verbs.
///
/// Role-only speakers (« a conclu la présidence », "protesters chanted") take a country as
/// event actors do, through the event lexicon's roles: the place right after them, else the
/// document's home country.
pub fn tag(doc: &Doc, lex: &QuoteLexicon, events: &EventLexicon) -> Vec<Quote> {
    let m = match doc.lang.as_str() {
        "fr" => &lex.fr,
        "en" => &lex.en,
        _ => return Vec::new(),
    };
    let all = quoted(&doc.text);
    let home = events.roles().home_country(doc);
    let cues: Vec<(Span, u32)> = m
        .find_longest(&doc.norm)
        .into_iter()
        .filter(|x| !in_any_quote(&all, x.span))
        .filter_map(|x| x.payloads.first().map(|&p| (x.span, p)))
        .collect();
    let mut out = Vec::new();
    for &q in &all {
        if doc.in_boilerplate(q) {
            continue;
        }
        let Some(first) = doc.sentence_at(q.start) else {
            continue;
        };
        // a quotation of several sentences is attributed in any of them: « … . … », a-t-il dit
        let last = doc
            .sentence_at(q.end.saturating_sub(1))
            .unwrap_or(first)
            .max(first);
        // a quotation announced by a colon closing the sentence or paragraph before it (« X
        // a déclaré : ¶ « … » ») is attributed in that sentence too
        let announced = first
            .checked_sub(1)
            .filter(|&p| {
                doc.text
                    .get(doc.sentences[p].start..q.start)
                    .is_some_and(|g| {
                        g.trim_end_matches(|c: char| {
                            c.is_whitespace() || MARKS.iter().any(|m| m.0 == c)
                        })
                        .ends_with(':')
                    })
            })
            .unwrap_or(first);
        let region = doc.sentences[announced].cover(doc.sentences[last]);
        let ents: Vec<&Entity> = doc
            .entities
            .iter()
            .filter(|e| region.contains(e.span) && !in_any_quote(&all, e.span) && can_speak(e))
            .collect();
        // role-only phrases (« la présidence », "protesters"): a speech verb's subject only
        // when no one who can speak is found there, and only when a country is known for
        // them (a place right after them, or the document's home country)
        let bare: Vec<&Entity> = doc
            .entities
            .iter()
            .filter(|e| {
                region.contains(e.span)
                    && !in_any_quote(&all, e.span)
                    && !can_speak(e)
                    && e.actor.as_ref().is_some_and(|a| events.roles().is_bare(a))
                    && completed(doc, events, e, home.as_deref())
                        .is_some_and(|a| a.country.is_some())
            })
            .collect();
        // the cues around the quotation, outside it, nearest first; a source after it only
        // right after it (« … », selon X), not in a later clause (« … » ; d'après le droit, …)
        let mut near: Vec<(Span, &Cue)> = cues
            .iter()
            .filter(|(s, _)| region.contains(*s))
            .filter_map(|&(s, i)| lex.cues.get(i as usize).map(|c| (s, c)))
            .filter(|(s, c)| match c.kind {
                CueKind::Opener => sentence_opens(doc, *s),
                CueKind::Source => s.end <= q.start || source_follows(&doc.text, &all, q, *s),
                CueKind::Verb | CueKind::Tell => true,
            })
            .collect();
        near.sort_by_key(|(s, _)| {
            if s.end <= q.start {
                q.start - s.end
            } else {
                s.start.saturating_sub(q.end)
            }
        });
        // one cue on each side: a farther one on the same side belongs to another clause
        // ("…," the mayor said, according to X: the mayor spoke, not X)
        let mut sides = (false, false);
        near.retain(|(s, _)| {
            let side = if s.end <= q.start {
                &mut sides.0
            } else {
                &mut sides.1
            };
            !std::mem::replace(side, true)
        });
        // the nearer of the two that names its speaker ("X said the use "…," further
        // saying": the verb before names him)
        let mut speaker: Option<&Entity> = None;
        let mut verb = near.first().map(|(_, c)| c.lemma.clone());
        for &(span, c) in &near {
            let found = match c.kind {
                CueKind::Source | CueKind::Opener => it_speaker(doc, lex, span, &all)
                    .or_else(|| ents.iter().copied().find(|e| e.span.start >= span.end)),
                CueKind::Verb | CueKind::Tell => {
                    let cue = (span, c.kind == CueKind::Tell);
                    it_speaker(doc, lex, span, &all)
                        .or_else(|| verb_speaker(doc, lex, q, cue, &ents))
                        .or_else(|| verb_speaker(doc, lex, q, cue, &bare))
                        .or_else(|| titled(doc, lex, span))
                }
            };
            if found.is_some() {
                speaker = found;
                verb = Some(c.lemma.clone());
                break;
            }
        }
        // the nearest cue's subject is a pronoun no one was resolved for ("…," he added)
        let pronoun = speaker.is_none()
            && near.first().is_some_and(|(s, c)| {
                matches!(c.kind, CueKind::Verb | CueKind::Tell) && pronoun_at(doc, lex, *s)
            });
        // a quotation that opens its sentence with no cue, or whose verb's subject is such a
        // pronoun, goes on the one just before it ("…," she said. "…"; « … », a déclaré X.
        // « … », a-t-il ajouté)
        let mut inherited = None;
        if speaker.is_none() && (pronoun || near.is_empty() && sentence_opens(doc, q)) {
            inherited = out
                .last()
                .filter(|p: &&Quote| {
                    p.speaker.is_some()
                        && doc
                            .sentence_at(p.span.start)
                            .is_some_and(|s| s + 2 >= first && p.span.end <= q.start)
                })
                .map(|p| (p.speaker, p.speaker_actor.clone()));
        }
        if speaker.is_none() && inherited.is_none() && !pronoun {
            // failing a cue, the subject of the sentence before the quotation (not for a
            // pronoun's verb: the pronoun is the subject, and it names no one known)
            speaker = first_subject(doc, lex, &ents, q.start);
        }
        let speaker = speaker.map(|e| named_in_apposition(doc, e));
        let mut actor = speaker.and_then(|e| completed(doc, events, e, home.as_deref()));
        let mut span = speaker.map(|e| e.span);
        if let Some((s, a)) = inherited {
            span = s;
            actor = a;
        }
        // a speaker with no code speaks for the one it belongs to (« le PDG de Dassault »)
        if let Some(e) = speaker.filter(|_| actor.as_ref().is_none_or(|a| a.code.is_empty())) {
            if let Some(n) = owner(doc, lex, e) {
                actor.clone_from(&n.actor);
                span = Some(e.span.cover(n.span));
            }
        }
        out.push(Quote {
            span: q,
            speaker: span,
            speaker_actor: actor,
            verb,
        });
    }
    out
}

/// The speaker's actor; a role with no country takes one as an event's actor does (the
/// place right after it, else the document's home country).
fn completed(
    doc: &Doc,
    events: &EventLexicon,
    e: &Entity,
    home: Option<&str>,
) -> Option<crate::doc::Actor> {
    let mut arg = crate::doc::Argument {
        span: e.span,
        actor: e.actor.clone(),
        rule: "speaker",
    };
    events
        .roles()
        .complete(doc, events.grammar(), &mut arg, home);
    arg.actor
}

/// How many sentences back a title (« le commissaire a dit ») looks for the name it titled.
const TITLE_BACK: usize = 10;

/// "The commissioner said", « le commissaire a déclaré »: a definite article and a lowercase
/// noun right before the speech verb at `cue` (an auxiliary at most between) name the coded
/// person that noun titled before ("trade commissioner Albert Muchanga"): the last one, in
/// the sentences before, with the noun among the three words before the name.
fn titled<'d>(doc: &'d Doc, lex: &QuoteLexicon, cue: Span) -> Option<&'d Entity> {
    let before = doc.text.get(..cue.start)?;
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let fits = |noun: &str, article: &str| {
        QuoteLexicon::has(&lex.definite, &doc.lang, &fold(article))
            && noun.chars().next().is_some_and(char::is_lowercase)
            && noun.chars().all(char::is_alphabetic)
    };
    let noun = match words.as_slice() {
        [n, a, ..] if fits(n, a) => *n,
        [_, n, a] if fits(n, a) => *n,
        _ => return None,
    };
    let noun = fold(noun);
    let here = doc.sentence_at(cue.start)?;
    doc.entities.iter().rev().find(|e| {
        e.span.end <= cue.start
            && e.etype == EntityType::PER
            && !e.nominal
            && e.actor.as_ref().is_some_and(|a| !a.code.is_empty())
            && doc
                .sentence_at(e.span.start)
                .is_some_and(|s| s + TITLE_BACK >= here)
            && doc
                .text
                .get(..e.span.start)
                .is_some_and(|b| b.split_whitespace().rev().take(3).any(|w| fold(w) == noun))
    })
}

/// Does a subject pronoun stand at the speech verb at `cue`: one of the two words before it
/// (« il a dit », "he said", « a-t-il dit »: the part after the last hyphen or apostrophe) or
/// glued after it (« précise-t-elle »)?
fn pronoun_at(doc: &Doc, lex: &QuoteLexicon, cue: Span) -> bool {
    let is = |w: &str| {
        let tail = w.rsplit(['-', '\'', '’']).next().unwrap_or(w);
        QuoteLexicon::has(&lex.pronoun, &doc.lang, &fold(tail))
    };
    let before = doc.text.get(..cue.start).unwrap_or("");
    if before.split_whitespace().rev().take(2).any(is) {
        return true;
    }
    let after = doc.text.get(cue.end..).unwrap_or("");
    let glued = after
        .strip_prefix("-t-")
        .or_else(|| after.strip_prefix('-'))
        .map(|r| r.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""));
    glued.is_some_and(|w| !w.is_empty() && is(w))
}

/// How many words, outside quotations, may lie between a quotation and the source cue after
/// it (« Une proche » de X « a été entendue », selon M. Y).
const SOURCE_GAP: usize = 6;

/// Does the source cue at `cue` follow the quotation `q` in its clause: few words between,
/// quotations aside, and no semicolon (« … » ; d'après le droit international, … is another
/// clause)?
fn source_follows(text: &str, all: &[Span], q: Span, cue: Span) -> bool {
    let Some(gap) = text.get(q.end..cue.start) else {
        return false;
    };
    let mut words = 0;
    let mut at = q.end;
    for w in gap.split_whitespace() {
        // the word's offset, to leave out those inside a quotation
        let start = text
            .get(at..)
            .and_then(|r| r.find(w))
            .map_or(at, |i| at + i);
        at = start + w.len();
        let quoted = all
            .iter()
            .any(|s| s.start <= start && start + w.len() <= s.end);
        if !quoted && w.chars().any(char::is_alphanumeric) {
            words += 1;
        }
    }
    !gap.contains(';') && words <= SOURCE_GAP
}

/// Does `s` open its sentence (only punctuation before it)?
fn sentence_opens(doc: &Doc, s: Span) -> bool {
    doc.sentence_at(s.start)
        .and_then(|i| doc.text.get(doc.sentences[i].start..s.start))
        .is_some_and(|g| g.chars().all(|c| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Actor;

    fn run(lang: &str, text: &str, ents: &[(&str, &str)]) -> (Doc, Vec<Quote>) {
        let ents: Vec<(&str, &str, &str, bool)> =
            ents.iter().map(|&(p, c)| (p, c, "t", false)).collect();
        run_with(lang, text, &ents)
    }

    /// Entities given as (text, code, rule, nominal); a text found several times is the
    /// last occurrence when it starts with `@` (« @il »). Entities are people, except those
    /// whose rule is `org` (organizations) or `loc` (places).
    fn run_with(lang: &str, text: &str, ents: &[(&str, &str, &str, bool)]) -> (Doc, Vec<Quote>) {
        let seg = crate::segment::SegmentLexicon::load(&Sources::builtin()).unwrap();
        let mut d = Doc::new("t", text);
        d.lang = lang.into();
        crate::segment::segment(&mut d, &seg);
        for &(p, code, rule, nominal) in ents {
            let (p, s) = match p.strip_prefix('@') {
                Some(p) => (p, text.rfind(p).unwrap()),
                None => (p, text.find(p).unwrap()),
            };
            d.entities.push(Entity {
                span: Span::new(s, s + p.len()),
                etype: match rule {
                    "org" => EntityType::ORG,
                    "loc" => EntityType::LOC,
                    _ => EntityType::PER,
                },
                actor: Some(Actor {
                    code: code.into(),
                    country: code.get(..3).filter(|_| code.len() > 3).map(str::to_string),
                    ..Actor::default()
                }),
                rule: rule.into(),
                nominal,
            });
        }
        d.entities.sort_by_key(|e| e.span.start);
        let q = tag(
            &d,
            &QuoteLexicon::load(&Sources::builtin()).unwrap(),
            &crate::testing::extractor().lexicon().events,
        );
        (d, q)
    }

    fn said(d: &Doc, q: &Quote) -> (String, String) {
        (
            d.slice(q.span).to_string(),
            q.speaker_actor
                .as_ref()
                .map(|a| a.code.clone())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn several_sentences_attributed_after_the_close_to_an_inverted_pronoun() {
        let (d, q) = run_with(
            "fr",
            "Jeanne Roux est arrivée à Lyon. « Nous resterons. Rien ne changera », a-t-elle \
             précisé devant les élus.",
            &[
                ("Jeanne Roux", "FRAGOV", "t", false),
                ("elle", "FRAGOV", "pronoun", true),
            ],
        );
        assert_eq!(
            said(&d, &q[0]),
            ("Nous resterons. Rien ne changera".into(), "FRAGOV".into())
        );
        assert_eq!(q[0].verb.as_deref(), Some("préciser"));
        assert_eq!(d.slice(q[0].speaker.unwrap()), "elle");
    }

    #[test]
    fn inverted_subject_after_the_verb_may_be_a_coded_title() {
        let (d, q) = run_with(
            "fr",
            "« Le texte est bon », a affirmé mardi le président chilien, face au Pérou.",
            &[
                ("président chilien", "CHLGOV", "t", true),
                ("Pérou", "PER", "t", false),
            ],
        );
        assert_eq!(
            said(&d, &q[0]),
            ("Le texte est bon".into(), "CHLGOV".into())
        );
        // a bare title with no country known is no speaker: the sentence has none
        let (_, q) = run_with(
            "fr",
            "« Le texte est bon », a affirmé le ministre.",
            &[("ministre", "GOV", "t", true)],
        );
        assert!(q[0].speaker.is_none());
    }

    #[test]
    fn a_bare_role_speaks_for_the_home_country() {
        // Chile is the country the document names: the presidency speaks for it
        let (d, q) = run_with(
            "fr",
            "Le Chili a voté. « Le texte est bon », a conclu la présidence.",
            &[
                ("Chili", "CHLGOV", "org", false),
                ("présidence", "GOV", "t", true),
            ],
        );
        assert_eq!(
            said(&d, &q[0]),
            ("Le texte est bon".into(), "CHLGOV".into())
        );
        let sp = q[0].speaker.unwrap();
        assert_eq!((sp.start, sp.end), (54, 65));
        // "protesters" speak for the country the document names
        let (d, q) = run_with(
            "en",
            "The Peruvian police watched. Protesters chanted: \"We will stay.\"",
            &[
                ("Peruvian police", "PERCOP", "org", false),
                ("Protesters", "OPP", "t", true),
            ],
        );
        assert_eq!(said(&d, &q[0]), ("We will stay.".into(), "PEROPP".into()));
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Protesters");
    }

    #[test]
    fn english_pronoun_subject_after_the_quote() {
        let (d, q) = run_with(
            "en",
            "Maria Lopez spoke in Quito. \"We will not sign this,\" she told reporters.",
            &[
                ("Maria Lopez", "ECUGOV", "t", false),
                ("she", "ECUGOV", "pronoun", true),
            ],
        );
        assert_eq!(
            said(&d, &q[0]),
            ("We will not sign this,".into(), "ECUGOV".into())
        );
        assert_eq!(q[0].verb.as_deref(), Some("tell"));
        assert_eq!(d.slice(q[0].speaker.unwrap()), "she");
    }

    #[test]
    fn quotation_left_open_runs_to_the_paragraph_end_and_marks_mix() {
        let (d, q) = run(
            "en",
            "Omar Haddad said: \"The port will reopen next week.\n\n\"Trade will follow.\" Then \
             \"a new era!\u{201D} he added.",
            &[("Omar Haddad", "JORGOV")],
        );
        let texts: Vec<&str> = q.iter().map(|x| d.slice(x.span)).collect();
        assert_eq!(
            texts,
            vec![
                "The port will reopen next week.",
                "Trade will follow.",
                "a new era!"
            ]
        );
        assert_eq!(said(&d, &q[0]).1, "JORGOV");
    }

    #[test]
    fn the_subject_right_before_the_verb_wins_over_the_sentence_opener() {
        let (d, q) = run(
            "fr",
            "Malgré les critiques de Paul Girard, Ahmed Karim a répondu : « Nous avançons ».",
            &[("Paul Girard", "FRAGOV"), ("Ahmed Karim", "MARGOV")],
        );
        assert_eq!(said(&d, &q[0]), ("Nous avançons".into(), "MARGOV".into()));
        assert_eq!(q[0].verb.as_deref(), Some("répondre"));
    }

    #[test]
    fn a_quotation_opening_its_sentence_without_cue_continues_the_last_speaker() {
        let (d, q) = run(
            "en",
            "\"We tried,\" said Ana Ruiz. \"Nothing worked.\" Lima stayed calm.",
            &[("Ana Ruiz", "PERGOV"), ("Lima", "PERGOV")],
        );
        assert_eq!(said(&d, &q[1]), ("Nothing worked.".into(), "PERGOV".into()));
        assert_eq!(d.slice(q[1].speaker.unwrap()), "Ana Ruiz");
    }

    #[test]
    fn a_sentence_opening_with_pour_names_its_speaker() {
        let (d, q) = run_with(
            "fr",
            "Pour Paul Girard, « ce vote est une victoire ». Le vote pour la loi a eu lieu.",
            &[("Paul Girard", "FRANGO", "t", false)],
        );
        assert_eq!(
            said(&d, &q[0]),
            ("ce vote est une victoire".into(), "FRANGO".into())
        );
        assert_eq!(q[0].verb.as_deref(), Some("selon"));
    }

    #[test]
    fn guillemets_with_speech_verb_after() {
        let (d, q) = run(
            "fr",
            "« Nous ne céderons pas », a déclaré Jean Dupont.",
            &[("Jean Dupont", "FRAGOV")],
        );
        assert_eq!(d.slice(q[0].span), "Nous ne céderons pas");
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Jean Dupont");
        assert_eq!(q[0].verb.as_deref(), Some("déclarer"));
    }

    #[test]
    fn fragment_inside_a_sentence_takes_the_subject() {
        let (d, q) = run(
            "fr",
            "Le Chili a qualifié la mesure de « provocation ».",
            &[("Le Chili", "CHL")],
        );
        assert_eq!(d.slice(q[0].span), "provocation");
        assert_eq!(q[0].speaker_actor.as_ref().unwrap().code, "CHL");
    }

    #[test]
    fn english_curly_quotes_and_according_to() {
        let (d, q) = run(
            "en",
            "“We will rebuild,” the mayor said, according to Ana Ruiz.",
            &[("Ana Ruiz", "ESP")],
        );
        assert_eq!(d.slice(q[0].span), "We will rebuild,");
        assert_eq!(q[0].verb.as_deref(), Some("say"));
        let (d, q) = run(
            "en",
            "Peru's envoy said \"no deal\" today.",
            &[("Peru", "PER")],
        );
        assert_eq!(d.slice(q[0].span), "no deal");
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Peru");
    }

    #[test]
    fn the_outlet_spoken_to_is_not_the_speaker() {
        // French: « à l'AFP » after the verb is whom it was said to; the speaker comes after
        let (d, q) = run(
            "fr",
            "« La frontière restera ouverte », a indiqué à l'AFP Paul Girard.",
            &[("AFP", "FRA"), ("Paul Girard", "FRAGOV")],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Paul Girard");
        assert_eq!(said(&d, &q[0]).1, "FRAGOV");
        // a place after « à » is no one spoken to: the inverted subject after it still speaks
        let (d, q) = run(
            "fr",
            "« Nous tiendrons », a déclaré à Lyon Paul Girard.",
            &[("Lyon", "FRA"), ("Paul Girard", "FRAGOV")],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Paul Girard");
        // English: "told X" names the one spoken to, the speaker is before the verb
        let (d, q) = run(
            "en",
            "\"We never saw the letter,\" the spokeswoman Ana Ruiz told Reuters on Monday.",
            &[("Ana Ruiz", "ESPGOV"), ("Reuters", "GBR")],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Ana Ruiz");
        assert_eq!(q[0].verb.as_deref(), Some("tell"));
        let (d, q) = run(
            "en",
            "\"Nothing is decided,\" said to reporters Omar Haddad.",
            &[("Omar Haddad", "JORGOV")],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Omar Haddad");
    }

    #[test]
    fn it_before_the_verb_is_the_organization_named_before() {
        let (d, q) = run_with(
            "en",
            "The Danish Energy Agency closed the pipeline. Ana Ruiz was in Oslo. \"The leak \
             is under control,\" it added.",
            &[
                ("Danish Energy Agency", "DNKGOV", "org", false),
                ("Ana Ruiz", "NORGOV", "t", false),
            ],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Danish Energy Agency");
        assert_eq!(said(&d, &q[0]).1, "DNKGOV");
        // too far back: no speaker rather than a guess
        let (_, q) = run_with(
            "en",
            "The agency spoke. Rain fell. Wind rose. Snow came. \"Calm,\" it said.",
            &[("agency", "DNKGOV", "org", true)],
        );
        assert!(q[0].speaker.is_none());
    }

    #[test]
    fn an_organization_noun_as_subject_is_the_organization_named_before() {
        // inverted after the verb, in French
        let text = "L'Unicef a publié un rapport. « Les écoles restent fermées », ajoute \
                    l'organisation.";
        let (d, q) = run_with("fr", text, &[("Unicef", "IGOUNO", "org", false)]);
        assert_eq!(q[0].speaker, Some(Span::new(2, 8)));
        assert_eq!(said(&d, &q[0]).1, "IGOUNO");
        // before the verb, in English, with a person named in between who is not it
        let text = "Greenpeace sued the ministry. Ana Ruiz, a lawyer, was in court. \
                    \"We will appeal,\" the group said.";
        let (d, q) = run_with(
            "en",
            text,
            &[
                ("Greenpeace", "NGOENV", "org", false),
                ("Ana Ruiz", "NORJUD", "t", false),
            ],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Greenpeace");
        assert_eq!(q[0].speaker.unwrap().start, 0);
        // a noun that is not the verb's subject changes nothing
        let text = "Oxfam a parlé. « Nous partons », a dit Paul Roy, du groupe.";
        let (d, q) = run_with(
            "fr",
            text,
            &[
                ("Oxfam", "NGO", "org", false),
                ("Paul Roy", "FRANGO", "t", false),
            ],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Paul Roy");
    }

    #[test]
    fn reflexive_speech_verbs_in_any_compound_tense() {
        // « s'était inquiétée »: the participle is the cue whatever the auxiliary
        let text = "Le Mali a employé ce fichier « pour traquer des opposants », s'était \
                    inquiétée notamment Oxfam.";
        let (d, q) = run_with(
            "fr",
            text,
            &[
                ("Mali", "MLI", "org", false),
                ("Oxfam", "NGO", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Oxfam");
        assert_eq!(q[0].verb.as_deref(), Some("s'inquiéter"));
        let text = "« Quelle victoire ! » se sont exclamées Lina Roy et Eva Sol.";
        let (d, q) = run_with("fr", text, &[("Lina Roy", "FRACVL", "t", false)]);
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Lina Roy");
        assert_eq!(q[0].verb.as_deref(), Some("s'exclamer"));
    }

    #[test]
    fn the_subject_before_a_verb_after_the_quote_beats_a_phrase_after_the_verb() {
        let text = "\"We won,\" Ana Ruiz wrote shortly after the Finance Committee voted.";
        let (d, q) = run_with(
            "en",
            text,
            &[
                ("Ana Ruiz", "ESPGOV", "t", false),
                ("Finance Committee", "ESPLEG", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Ana Ruiz");
        assert_eq!(q[0].speaker.unwrap().start, 10);
        // inverted: the phrase after the verb is still the speaker
        let text = "« Nous avons gagné », a écrit Ana Ruiz.";
        let (d, q) = run_with("fr", text, &[("Ana Ruiz", "ESPGOV", "t", false)]);
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Ana Ruiz");
    }

    #[test]
    fn a_quotation_announced_by_a_colon_in_the_paragraph_before() {
        let text = "The Red Cross issued a statement, saying:\n\n\"We grieve with the families. \
                    Aid is on its way.\"";
        let (d, q) = run_with("en", text, &[("Red Cross", "NGOHLH", "org", false)]);
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Red Cross");
        assert_eq!(q[0].speaker.unwrap().start, 4);
        assert_eq!(q[0].verb.as_deref(), Some("say"));
        // no colon: the sentence before says nothing of the quotation
        let text = "The Red Cross issued a statement.\n\n\"We grieve with the families.\"";
        let (_, q) = run_with("en", text, &[("Red Cross", "NGOHLH", "org", false)]);
        assert!(q[0].speaker.is_none());
    }

    #[test]
    fn chanting_and_confessing_are_speech() {
        let (d, q) = run(
            "en",
            "The crowd around Maria Lopez chanted: \"Free the port!\"",
            &[("Maria Lopez", "ECUOPP")],
        );
        assert_eq!(q[0].verb.as_deref(), Some("chant"));
        assert_eq!(d.slice(q[0].span), "Free the port!");
        let (d, q) = run(
            "fr",
            "« Nous avons échoué », avoue Jean Dupont.",
            &[("Jean Dupont", "FRAGOV")],
        );
        assert_eq!(q[0].verb.as_deref(), Some("avouer"));
        assert_eq!(d.slice(q[0].speaker.unwrap()), "Jean Dupont");
        let (_, q) = run(
            "fr",
            "Les manifestants scandaient « Justice ! » devant Jean Dupont.",
            &[("Jean Dupont", "FRAGOV")],
        );
        assert_eq!(q[0].verb.as_deref(), Some("scander"));
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        let (_, q) = run("fr", "« ouvert sans fermeture", &[]);
        assert!(q.is_empty());
    }

    /// The speaker's text and code of quotation `i`.
    fn who(d: &Doc, q: &[Quote], i: usize) -> (String, String) {
        (
            q[i].speaker
                .map(|s| d.slice(s).to_string())
                .unwrap_or_default(),
            q[i].speaker_actor
                .as_ref()
                .map(|a| a.code.clone())
                .unwrap_or_default(),
        )
    }

    #[test]
    fn a_title_speaks_as_the_coded_name_in_apposition_after_it() {
        let text = "« Nous verrons », a déclaré mardi le porte-parole du gouvernement, Karl Weber.";
        let (d, q) = run_with(
            "fr",
            text,
            &[
                ("porte-parole du gouvernement", "AUTGOV", "t", true),
                ("Karl Weber", "DEUGOV", "t", false),
            ],
        );
        let at = text.find("Nous").unwrap();
        assert_eq!(q[0].span, Span::new(at, at + "Nous verrons".len()));
        assert_eq!(who(&d, &q, 0), ("Karl Weber".into(), "DEUGOV".into()));
        let at = text.find("Karl").unwrap();
        assert_eq!(q[0].speaker, Some(Span::new(at, at + "Karl Weber".len())));
        // an uncoded name would lose the title's code: the title stays
        let (d, q) = run_with(
            "fr",
            text,
            &[
                ("porte-parole du gouvernement", "AUTGOV", "t", true),
                ("Karl Weber", "", "t", false),
            ],
        );
        assert_eq!(
            who(&d, &q, 0),
            ("porte-parole du gouvernement".into(), "AUTGOV".into())
        );
    }

    #[test]
    fn the_subject_is_a_person_not_a_complement_nor_an_adjective() {
        // a participle cue far from its subject: the sentence's subject, not the adjective
        let (d, q) = run_with(
            "fr",
            "À propos du budget français, il a parlé longuement tout en assurant qu'il n'y \
             aurait « pas de passe-droit ».",
            &[
                ("français", "FRA", "loc", true),
                ("il", "BELGOV", "pronoun", true),
            ],
        );
        assert_eq!(d.slice(q[0].span), "pas de passe-droit");
        assert_eq!(who(&d, &q, 0), ("il".into(), "BELGOV".into()));
        assert_eq!(q[0].verb.as_deref(), Some("assurer"));
        // "from Radio Nord" is a complement: the officer is the subject
        let (d, q) = run_with(
            "en",
            "In response to questions from Radio Nord, a police officer who asked not to be \
             named told Radio Nord: \"It is too early to say.\"",
            &[
                ("Radio Nord", "USAMED", "org", false),
                ("police officer", "EGYCOP", "t", true),
                ("@Radio Nord", "USAMED", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "It is too early to say.");
        assert_eq!(who(&d, &q, 0), ("police officer".into(), "EGYCOP".into()));
    }

    #[test]
    fn the_phrase_spoken_to_before_the_verb_is_no_subject() {
        let (d, q) = run_with(
            "en",
            "Prime minister Ana Costa speaking to the Lisbon Council called the plan \"null and \
             void\".",
            &[
                ("Ana Costa", "PRTGOV", "t", false),
                ("Lisbon Council", "", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "null and void");
        assert_eq!(who(&d, &q, 0), ("Ana Costa".into(), "PRTGOV".into()));
    }

    #[test]
    fn the_agent_of_a_speech_verb_speaks() {
        let (d, q) = run_with(
            "fr",
            "Un choix regretté par le président Marc Aubry et jugé contraire « aux intérêts \
             communs ».",
            &[("président Marc Aubry", "FRAGOV", "t", false)],
        );
        assert_eq!(d.slice(q[0].span), "aux intérêts communs");
        assert_eq!(
            who(&d, &q, 0),
            ("président Marc Aubry".into(), "FRAGOV".into())
        );
    }

    #[test]
    fn an_inverted_subject_closing_the_clause_past_a_place_phrase() {
        let text = "« Deux agents ont été arrêtés », a déclaré vendredi matin sur la radio Nova \
                    la ministre des Armées Claire Petit.";
        let (d, q) = run_with("fr", text, &[("Claire Petit", "FRAGOV", "t", false)]);
        let at = text.find("Deux").unwrap();
        assert_eq!(
            q[0].span,
            Span::new(at, at + "Deux agents ont été arrêtés".len())
        );
        assert_eq!(who(&d, &q, 0), ("Claire Petit".into(), "FRAGOV".into()));
        // a place closing the clause is no speaker
        let (_, q) = run_with(
            "fr",
            "« Rien ne change », a déclaré hier soir le maire à Lyon.",
            &[("Lyon", "FRA", "loc", false)],
        );
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn the_nearest_cue_that_names_its_speaker_wins() {
        let (d, q) = run_with(
            "en",
            "Trade Bank president Okey Diallo said the use of foreign currencies \"costs Africa \
             billions,\" further saying that trade suffers.",
            &[
                ("Trade Bank", "", "org", false),
                ("Okey Diallo", "IGOBUS", "t", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "costs Africa billions,");
        assert_eq!(who(&d, &q, 0), ("Okey Diallo".into(), "IGOBUS".into()));
        assert_eq!(q[0].verb.as_deref(), Some("say"));
    }

    #[test]
    fn a_source_after_the_quotation_only_in_its_clause() {
        // « d'après » in the next clause is no source; « Pour l'association » names the
        // organization named before
        let (d, q) = run_with(
            "fr",
            "Human Rights Group a publié un rapport. Pour l'association, ces prisons prouvent \
             « une politique de torture » ; d'après le droit, la Cour pénale juge ces crimes.",
            &[
                ("Human Rights Group", "NGO", "org", false),
                ("Cour pénale", "IGOJUD", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "une politique de torture");
        assert_eq!(who(&d, &q, 0), ("Human Rights Group".into(), "NGO".into()));
        // words inside another quotation do not count between
        let (d, q) = run_with(
            "fr",
            "« Une proche » de Jean Roux « a été entendue », selon M. Martin.",
            &[
                ("Jean Roux", "FRACVL", "t", false),
                ("Martin", "FRAJUD", "t", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "Une proche");
        assert_eq!(who(&d, &q, 0), ("Martin".into(), "FRAJUD".into()));
        assert_eq!(q[0].verb.as_deref(), Some("selon"));
    }

    #[test]
    fn an_uncoded_speaker_speaks_for_the_coded_one_it_belongs_to() {
        let (d, q) = run_with(
            "fr",
            "Le PDG de Nordavia s'est réjoui de cette annonce en promettant de « relever ce \
             défi ».",
            &[
                ("PDG", "", "org", false),
                ("Nordavia", "FRABUS", "org", false),
            ],
        );
        assert_eq!(d.slice(q[0].span), "relever ce défi");
        assert_eq!(who(&d, &q, 0), ("PDG de Nordavia".into(), "FRABUS".into()));
        let (d, q) = run_with(
            "en",
            "The CEO of Nordavia, in office since May, said: \"We will deliver.\"",
            &[
                ("CEO", "", "org", false),
                ("Nordavia", "USABUS", "org", false),
            ],
        );
        assert_eq!(who(&d, &q, 0), ("CEO of Nordavia".into(), "USABUS".into()));
    }

    #[test]
    fn an_unresolved_pronoun_continues_the_last_speaker() {
        let (d, q) = run_with(
            "fr",
            "Le PDG de Nordavia s'est réjoui de cette annonce en promettant de « relever ce \
             défi ». « Ce programme est ambitieux », a-t-il ajouté.",
            &[
                ("PDG", "", "org", false),
                ("Nordavia", "FRABUS", "org", false),
            ],
        );
        assert_eq!(d.slice(q[1].span), "Ce programme est ambitieux");
        assert_eq!(who(&d, &q, 1), ("PDG de Nordavia".into(), "FRABUS".into()));
        let (d, q) = run_with(
            "en",
            "The CEO of Nordavia, in office since May, said: \"We will deliver.\" \"It is \
             ambitious,\" he added in Oslo.",
            &[
                ("CEO", "", "org", false),
                ("Nordavia", "USABUS", "org", false),
            ],
        );
        assert_eq!(d.slice(q[1].span), "It is ambitious,");
        assert_eq!(who(&d, &q, 1), ("CEO of Nordavia".into(), "USABUS".into()));
        // with no quotation before, no guess at the sentence's first actor
        let (_, q) = run_with(
            "fr",
            "À Paris, « rien ne change », a-t-il dit.",
            &[("Paris", "FRAGOV", "loc", false)],
        );
        assert_eq!(q[0].speaker, None);
    }

    #[test]
    fn a_title_names_the_person_it_titled_before() {
        let (d, q) = run_with(
            "en",
            "Trade commissioner Albert Muchanga spoke first. The commissioner said, \"We agree.\"",
            &[("Albert Muchanga", "IGOAFRAFU", "t", false)],
        );
        assert_eq!(d.slice(q[0].span), "We agree.");
        assert_eq!(
            who(&d, &q, 0),
            ("Albert Muchanga".into(), "IGOAFRAFU".into())
        );
        let (d, q) = run_with(
            "fr",
            "Le commissaire européen Pierre Roux est arrivé. Le commissaire a déclaré : « Nous \
             verrons ».",
            &[("Pierre Roux", "IGOEUREEC", "t", false)],
        );
        assert_eq!(d.slice(q[0].span), "Nous verrons");
        assert_eq!(who(&d, &q, 0), ("Pierre Roux".into(), "IGOEUREEC".into()));
        // another title names no one
        let (_, q) = run_with(
            "en",
            "Trade commissioner Albert Muchanga spoke first. The judge said, \"We agree.\"",
            &[("Albert Muchanga", "IGOAFRAFU", "t", false)],
        );
        assert_eq!(q[0].speaker, None);
    }
}
