//! The date of an event: the day-precise temporal expression of its clause or sentence
//! (`doc.times`) — for an act a quotation tells in a past tense, only one the quotation
//! itself gives, never the speech's day around it; else, for a statement (verbal quad
//! classes) reported as actual, the publication date — unless its clause is set in a period
//! already over (« en juillet », "last week") or it is told in the past perfect (« avaient
//! averti », "had asked"), which leaves it with no day; else the date of the meeting an
//! anaphoric phrase points back to (« lors de cette rencontre », "at the meeting"); else,
//! once the mentions of a happening are merged, the day set by the sentences just before
//! (`carry`, never to the past perfect). A statement dated only by the report takes the day
//! of the scene its subject comes from (`antecedent_day`) or of the speech it continues
//! (`speech_day`); else none.

use std::collections::HashSet;

use chrono::Datelike;

use crate::doc::{DateBasis, Doc, Event, Granularity, Span, Status, TokenKind};
use crate::event::grammar::folded;
use crate::lexicon::{LexiconError, Sources};
use crate::normalize::fold;

/// CAMEO code prefixes and whether their events take the publication date
/// (`events/dating.tsv`); the words that make a date name a thing rather than the time of
/// its clause (`events/dating_cues.tsv`).
#[derive(Debug, Clone, Default)]
pub struct Dating {
    prefixes: Vec<(String, bool)>,
    /// (language, folded words): a word right before a date makes it a noun's complement
    before: Vec<(String, HashSet<String>)>,
    /// (language, folded words): a determiner opening a date that a word follows at once
    opens: Vec<(String, HashSet<String>)>,
    /// (language, folded words): an auxiliary of a past tense opening a trigger (« ont
    /// signé », "had signed")
    past_aux: Vec<(String, HashSet<String>)>,
    /// (language, folded words): an auxiliary of the past perfect opening a trigger
    /// (« avaient averti », "had asked")
    pluperfect_aux: Vec<(String, HashSet<String>)>,
}

const FILE: &str = "events/dating.tsv";
const CUES: &str = "events/dating_cues.tsv";

/// How many sentences back a day may be carried: news text sets the day of a scene once
/// and tells the next sentence or two of it without repeating it; farther back the scene
/// has usually changed.
const CARRY_BACK: usize = 2;

/// How many sentences back a statement may continue a speech: a speaker's words are told
/// over a paragraph or two, with quotations between.
const SPEECH_BACK: usize = 8;

/// How many days before the report a speech may be dated and still lend its day: the story
/// of the last days; farther back a dated speech is background.
const SPEECH_DAYS_BACK: i64 = 7;

impl Dating {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let (c, p) = match (t.col("cameo"), t.col("publication")) {
            (Ok(c), Ok(p)) => (c, p),
            (a, b) => return Err(a.err().into_iter().chain(b.err()).collect()),
        };
        let mut errors = Vec::new();
        let mut prefixes = Vec::new();
        for r in &t.rows {
            let yes = match t.yes_no(r, p) {
                Ok(y) => y,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            prefixes.push((r.get(c).to_string(), yes));
        }
        // longest prefix first
        prefixes.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        let mut out = Self {
            prefixes,
            ..Self::default()
        };
        out.load_cues(src, &mut errors);
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }

    fn load_cues(&mut self, src: &Sources, errors: &mut Vec<LexiconError>) {
        let t = match src.table(CUES) {
            Ok(t) => t,
            Err(e) => {
                errors.push(e);
                return;
            }
        };
        let cols = match t.cols(&["kind", "lang", "words"]) {
            Ok(c) => c,
            Err(e) => {
                errors.push(e);
                return;
            }
        };
        let (ck, cl, cw) = (cols[0], cols[1], cols[2]);
        for r in &t.rows {
            let list = match r.get(ck) {
                "before" => &mut self.before,
                "opens" => &mut self.opens,
                "past_aux" => &mut self.past_aux,
                "pluperfect_aux" => &mut self.pluperfect_aux,
                k => {
                    let kinds = "before, opens, past_aux, pluperfect_aux";
                    errors.push(t.error(r, format!("unknown kind `{k}` ({kinds})")));
                    continue;
                }
            };
            let lang = r.get(cl);
            if lang.is_empty() {
                errors.push(t.error(r, "empty lang"));
                continue;
            }
            let words = t.single_words(r, cw, errors).into_iter().map(fold);
            match list.iter_mut().find(|(l, _)| l == lang) {
                Some((_, set)) => set.extend(words),
                None => list.push((lang.to_string(), words.collect())),
            }
        }
    }

    fn is_cue(list: &[(String, HashSet<String>)], lang: &str, word: &str) -> bool {
        list.iter()
            .find(|(l, _)| l == lang)
            .is_some_and(|(_, set)| set.contains(word))
    }

    /// The quotation that tells the act of `trigger` in a past tense (« "Ils ont signé
    /// l'accord", a déclaré mardi le ministre », "\"They had signed it,\" he said on
    /// Tuesday"): a trigger inside a quotation opening with a past auxiliary and going on
    /// with its verb. Such an act came before the speech, so the speech's day, outside the
    /// quotation, does not date it; what the speaker says in the present (« "Nous
    /// condamnons" ») is the speech itself and keeps that day.
    fn quoted_past(&self, doc: &Doc, trigger: Span) -> Option<Span> {
        let q = doc.quotes.iter().find(|q| q.span.contains(trigger))?.span;
        Self::opens_with(&self.past_aux, doc, trigger).then_some(q)
    }

    /// Is `trigger` told in the past perfect (« avaient averti », "had asked"): before the
    /// time the story is at, so neither the report's day nor the day of the sentences
    /// before dates it?
    fn pluperfect(&self, doc: &Doc, trigger: Span) -> bool {
        Self::opens_with(&self.pluperfect_aux, doc, trigger)
    }

    /// Does `trigger` open with an auxiliary of `list` and go on with its verb? The
    /// auxiliary is matched as written, accents included: « a », not the preposition « à ».
    fn opens_with(list: &[(String, HashSet<String>)], doc: &Doc, trigger: Span) -> bool {
        // (the tokens are in text order: start at the trigger rather than scan the document,
        // which this check, asked for every event, did at a cost of 5 M instructions a pass)
        let lo = doc.tokens.partition_point(|t| t.span.start < trigger.start);
        let mut words = doc.tokens[lo..]
            .iter()
            .take_while(|t| t.span.start < trigger.end)
            .filter(|t| trigger.contains(t.span) && t.kind != TokenKind::Punct);
        let Some(aux) = words.next() else {
            return false;
        };
        words.next().is_some()
            && Self::is_cue(list, &doc.lang, folded(doc, aux))
            && doc.slice(aux.span).to_lowercase() == folded(doc, aux)
    }

    /// Does time `i` name a thing (« l'accord du 27 novembre », "the November 27 deal")
    /// rather than set the time of its clause?
    fn names_a_thing(&self, doc: &Doc, i: usize) -> bool {
        let Some(t) = doc.times.get(i) else {
            return false;
        };
        let k = doc.tokens.partition_point(|x| x.span.start < t.span.start);
        let before = k
            .checked_sub(1)
            .and_then(|p| doc.tokens.get(p))
            .is_some_and(|p| Self::is_cue(&self.before, &doc.lang, folded(doc, p)));
        let opens = doc
            .tokens
            .get(k)
            .filter(|f| f.span.start == t.span.start)
            .is_some_and(|f| Self::is_cue(&self.opens, &doc.lang, folded(doc, f)))
            && doc
                .tokens
                .iter()
                .skip(k)
                .find(|x| x.span.start >= t.span.end)
                .is_some_and(|x| x.kind != TokenKind::Punct);
        before || opens
    }

    /// Date the merged events that no mention dated: an actual event outside quotations,
    /// in a sentence with no temporal expression of its own (not even a duration: "over the
    /// last four years" is its own frame), takes the day that the nearest earlier sentence
    /// with a temporal expression sets, at most `CARRY_BACK` sentences back (« Mardi, la
    /// police a évacué le camp. Les occupants ont été relogés. »: relogés mardi). That
    /// sentence's day must be up to the report, outside quotations, and not a date naming
    /// a thing; when it sets no such day, nothing is carried.
    pub fn carry(&self, doc: &Doc, events: &mut [Event]) {
        let publication = doc.date.map(crate::time::iso::day);
        for e in events.iter_mut() {
            if e.date.is_some()
                || e.status != Status::Actual
                || in_quote(doc, e.trigger)
                || self.pluperfect(doc, e.trigger)
            {
                continue;
            }
            if let Some((v, i)) = self.carried(doc, e.sentence, publication.as_deref()) {
                e.date = Some(v);
                e.date_basis = Some(DateBasis::Text);
                e.explain.date_rule = Some(format!(
                    "time « {} » carried from an earlier sentence",
                    doc.slice(doc.times[i].span)
                ));
            }
        }
    }

    fn carried(&self, doc: &Doc, si: usize, not_after: Option<&str>) -> Option<(String, usize)> {
        let times_in = |s: Span| {
            doc.times
                .iter()
                .enumerate()
                .filter(move |(_, t)| s.contains(t.span))
                .map(|(i, _)| i)
        };
        if times_in(*doc.sentences.get(si)?).next().is_some() {
            return None;
        }
        for j in (si.saturating_sub(CARRY_BACK)..si).rev() {
            let s = *doc.sentences.get(j)?;
            let mut any = false;
            let mut best = None;
            for i in times_in(s) {
                any = true;
                let Some(v) = day_value(doc, i) else {
                    continue;
                };
                if not_after.is_some_and(|n| v > n)
                    || in_quote(doc, doc.times[i].span)
                    || self.names_a_thing(doc, i)
                {
                    continue;
                }
                // the last one: the nearest to what follows
                best = Some((v.to_string(), i));
            }
            if any {
                return best;
            }
        }
        None
    }

    /// Date the statements that only the report dated when they continue a speech the text
    /// dated earlier: « Mardi, le ministre a déclaré : "…" Il a aussi dénoncé … » — the
    /// nearest earlier quotation of the same side (the first three letters of the speaker's
    /// code and of the event's source), at most `SPEECH_BACK` sentences back, whose speaker's
    /// sentence sets a day outside quotations; undated quotations of that side between them
    /// are the same speech going on. The day must be before the report and at most
    /// `SPEECH_DAYS_BACK` days before it; a material event or another side's words before
    /// the statement lend no day (« Mardi, l'armée a bombardé Gao. Le Mali a condamné la
    /// France. » keeps the report's day).
    pub fn continue_speech(&self, doc: &Doc, events: &mut [Event]) {
        for e in events.iter_mut() {
            if e.date_basis != Some(DateBasis::Publication) {
                continue;
            }
            let Some(source) = e.source.as_ref() else {
                continue;
            };
            let Some(code) = source.actor.as_ref().map(|a| &a.code) else {
                continue;
            };
            if let Some((v, i)) = self.antecedent_day(doc, e.sentence, source.span) {
                e.date = Some(v);
                e.date_basis = Some(DateBasis::Text);
                e.explain.date_rule = Some(format!(
                    "statement whose subject stands for an actor of a sentence dated « {} »",
                    doc.slice(doc.times[i].span)
                ));
                continue;
            }
            if let Some((v, i)) = self.speech_day(doc, e.trigger, code) {
                e.date = Some(v);
                e.date_basis = Some(DateBasis::Text);
                e.explain.date_rule = Some(format!(
                    "statement continuing a speech dated « {} » sentences before",
                    doc.slice(doc.times[i].span)
                ));
            }
        }
    }

    fn speech_day(&self, doc: &Doc, trigger: Span, code: &str) -> Option<(String, usize)> {
        let side = code.get(..3)?;
        let si = doc.sentence_at(trigger.start)?;
        for q in doc.quotes.iter().rev() {
            if q.span.start >= trigger.start && !q.span.contains(trigger) {
                // the statement's own sentence quoting another speaker (« le dirigeant de
                // l'extrême droite a accusé Paris de vouloir "…" »): a new speech, not the
                // earlier one going on
                let here = q.speaker.map(|s| doc.sentence_at(s.start)) == Some(Some(si));
                let same = q
                    .speaker_actor
                    .as_ref()
                    .is_some_and(|a| a.code.get(..3) == Some(side));
                if here && !same {
                    return None;
                }
                continue;
            }
            let Some(speaker) = q.speaker_actor.as_ref() else {
                continue;
            };
            let at = q.speaker.unwrap_or(q.span);
            let Some(qs) = doc.sentence_at(at.start) else {
                continue;
            };
            if qs > si || si - qs > SPEECH_BACK {
                if qs < si {
                    break;
                }
                continue;
            }
            if speaker.code.get(..3) != Some(side) {
                continue;
            }
            let Some((v, i)) = self.day_of_speech(doc, doc.sentences[qs], at) else {
                // an undated quotation of the same side: the speech goes on, look further back
                continue;
            };
            return recent(doc, &v).then_some((v, i));
        }
        None
    }

    /// The day of the scene a statement's subject comes from: a subject that stands for an
    /// actor named in an earlier sentence (« Les ministres se sont réunis mardi au Caire.
    /// Ils ont appelé la Turquie à … », "They called on …") goes on with what that actor
    /// did there, so the statement takes the day that sentence sets for it (nearest the
    /// actor, outside quotations, not naming a thing), when it is a recent day before the
    /// report (`recent`). A subject named in the statement's own sentence lends nothing.
    fn antecedent_day(&self, doc: &Doc, si: usize, subject: Span) -> Option<(String, usize)> {
        let ss = doc.sentence_at(subject.start)?;
        if ss >= si {
            return None;
        }
        let (v, i) = self.day_of_speech(doc, *doc.sentences.get(ss)?, subject)?;
        recent(doc, &v).then_some((v, i))
    }

    /// The day sentence `s` sets for the speech whose speaker is at `at`: the day-precise
    /// time nearest it, outside quotations, not naming a thing.
    fn day_of_speech(&self, doc: &Doc, s: Span, at: Span) -> Option<(String, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for (i, t) in doc.times.iter().enumerate() {
            if !s.contains(t.span)
                || day_value(doc, i).is_none()
                || in_quote(doc, t.span)
                || self.names_a_thing(doc, i)
            {
                continue;
            }
            let d = t.span.start.abs_diff(at.start);
            if best.is_none_or(|(_, bd)| d < bd) {
                best = Some((i, d));
            }
        }
        let (i, _) = best?;
        Some((day_value(doc, i)?.to_string(), i))
    }

    /// Does an event of this CAMEO code take the publication date?
    pub fn by_publication(&self, cameo: &str) -> bool {
        self.prefixes
            .iter()
            .find(|(k, _)| cameo.starts_with(k.as_str()))
            .is_some_and(|(_, y)| *y)
    }
}

/// Is day `v` (`YYYY-MM-DD`) before the report and at most `SPEECH_DAYS_BACK` days before
/// it: the story of the last days, not background?
fn recent(doc: &Doc, v: &str) -> bool {
    doc.date
        .zip(chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
        .map(|(p, d)| (p - d).num_days())
        .is_some_and(|b| b > 0 && b <= SPEECH_DAYS_BACK)
}

fn in_quote(doc: &Doc, span: Span) -> bool {
    doc.quotes.iter().any(|q| q.span.contains(span))
}

/// A day-precise ISO date (`YYYY-MM-DD`), not a duration.
fn day_value(doc: &Doc, i: usize) -> Option<&str> {
    let t = doc.times.get(i)?;
    let v = t.value.as_str();
    let ok = !t.is_duration
        && matches!(t.granularity, Granularity::Day | Granularity::Time)
        && v.len() >= 10
        && v.as_bytes()[4] == b'-'
        && v.as_bytes()[7] == b'-';
    ok.then(|| &v[..10])
}

/// The day-precise time nearest the trigger within `range`, none later than `not_after`
/// (`YYYY-MM-DD`): what has happened cannot take a day after the report (« il a annoncé
/// qu'il s'expliquera vendredi » is announced today, explained on Friday).
pub fn text_date(
    doc: &Doc,
    range: Span,
    trigger: Span,
    not_after: Option<&str>,
) -> Option<(String, String)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, t) in doc.times.iter().enumerate() {
        let Some(v) = day_value(doc, i) else {
            continue;
        };
        if !range.contains(t.span) || not_after.is_some_and(|n| v > n) {
            continue;
        }
        let d = if t.span.end <= trigger.start {
            trigger.start - t.span.end
        } else {
            t.span.start.saturating_sub(trigger.end)
        };
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i, d));
        }
    }
    let (i, _) = best?;
    let v = day_value(doc, i)?.to_string();
    Some((
        v,
        format!("time « {} » in the sentence", doc.slice(doc.times[i].span)),
    ))
}

/// How far after a statement's trigger a period still frames it: the verb and a short
/// object ("offered concessions last November"); farther on, a period usually dates
/// something the statement is about ("is suing … over the raid of August").
const FRAME_AFTER: usize = 30;

/// The first temporal expression of the sentence `range` framing `trigger` that names a
/// whole week, month, quarter, season, year, decade or century ended before the publication
/// date (its value sorts before the publication date written the same way: `2019-07` before
/// `2019-09`). A frame opens the clause before the trigger or follows it closely, outside
/// quotations (what a speaker says of July does not date the saying).
fn past_period_in(doc: &Doc, range: Span, trigger: Span) -> Option<usize> {
    let d = doc.date?;
    let year = format!("{:04}", d.year());
    doc.times.iter().position(|t| {
        let frames = t.span.end <= trigger.start
            || (t.span.start >= trigger.end && t.span.start - trigger.end <= FRAME_AFTER);
        if t.is_duration || !range.contains(t.span) || !frames || in_quote(doc, t.span) {
            return false;
        }
        let now = match t.granularity {
            Granularity::Week => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Granularity::Month => crate::time::iso::month(d),
            Granularity::Quarter => format!("{year}-Q{}", (d.month() - 1) / 3 + 1),
            Granularity::Year | Granularity::Season => year.clone(),
            Granularity::Decade => year[..3].to_string(),
            Granularity::Century => year[..2].to_string(),
            _ => return false,
        };
        let v = t.value.get(..now.len()).unwrap_or("");
        v.len() == now.len()
            && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && *v < *now
    })
}

/// Fill `date`, `date_basis` and `explain.date_rule` of an event from its sentence.
pub fn assign(doc: &Doc, dating: &Dating, e: &mut Event, anaphor_date: Option<&str>) {
    let Some(sentence) = doc.sentences.get(e.sentence).copied() else {
        return;
    };
    let publication = doc.date.map(crate::time::iso::day);
    let not_after = publication
        .as_deref()
        .filter(|_| e.status == Status::Actual);
    // an act a quotation tells in the past is dated only by the quotation's own words
    let quoted_past = dating.quoted_past(doc, e.trigger);
    let range = match quoted_past {
        Some(q) => Span::new(q.start.max(sentence.start), q.end.min(sentence.end)),
        None => sentence,
    };
    if let Some((v, why)) = text_date(doc, range, e.trigger, not_after) {
        e.date = Some(v);
        e.date_basis = Some(DateBasis::Text);
        e.explain.date_rule = Some(why);
        return;
    }
    if quoted_past.is_some() {
        e.explain.date_rule =
            Some("act told in a past tense inside a quotation: not the speech's day".into());
        return;
    }
    if let Some(d) = anaphor_date {
        e.date = Some(d.to_string());
        e.date_basis = Some(DateBasis::Text);
        e.explain.date_rule = Some("anaphoric reference to an earlier dated meeting".into());
        return;
    }
    // a statement reported as made is dated by publication, unless its sentence sets it in
    // a period already over (« en juillet, il avait déclaré », "last week he said"): then it
    // was not made on the day of the report, and no day is known
    if let Some(i) = past_period_in(doc, sentence, e.trigger) {
        if dating.by_publication(&e.cameo) && e.status == Status::Actual {
            e.explain.date_rule = Some(format!(
                "reported statement set in « {} », a period before the report: no day",
                doc.slice(doc.times[i].span)
            ));
            return;
        }
    }
    if dating.by_publication(&e.cameo) && e.status == Status::Actual {
        // a statement told in the past perfect was made before the time of the story
        if dating.pluperfect(doc, e.trigger) {
            e.explain.date_rule =
                Some("statement told in the past perfect: before the report's day, no day".into());
            return;
        }
        if let Some(d) = doc.date {
            e.date = Some(crate::time::iso::day(d));
            e.date_basis = Some(DateBasis::Publication);
            e.explain.date_rule =
                Some("reported statement with no date in the text: publication date".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::{tag, TimeLexicon};

    fn dated(lang: &str, text: &str) -> Doc {
        let lex = TimeLexicon::load(&Sources::builtin()).expect("time lexicon");
        let mut d = Doc::new("t", text);
        d.lang = lang.to_string();
        d.date = crate::pipeline::parse_input_date("2026-01-08");
        d.times = tag(&d, &lex);
        d
    }

    fn span_of(d: &Doc, word: &str) -> Span {
        let s = d.text.find(word).expect("word in text");
        Span::new(s, s + word.len())
    }

    #[test]
    fn what_happened_is_not_dated_after_the_report() {
        // 8 January 2026 is a Thursday: « vendredi » is the 9th, after the report
        for (lang, text, trigger) in [
            (
                "fr",
                "Il a annoncé son intention de s'expliquer vendredi.",
                "annoncé",
            ),
            (
                "en",
                "He announced that he will explain himself on Friday.",
                "announced",
            ),
        ] {
            let d = dated(lang, text);
            let all = Span::new(0, d.text.len());
            let t = span_of(&d, trigger);
            assert_eq!(
                text_date(&d, all, t, None).map(|x| x.0).as_deref(),
                Some("2026-01-09")
            );
            assert_eq!(text_date(&d, all, t, Some("2026-01-08")), None);
        }
        for (lang, text, trigger) in [
            (
                "en",
                "He announced on Tuesday that he will explain himself on Friday.",
                "announced",
            ),
            (
                "fr",
                "Il a annoncé mardi qu'il s'expliquera vendredi.",
                "annoncé",
            ),
        ] {
            let d = dated(lang, text);
            let t = span_of(&d, trigger);
            assert_eq!(
                text_date(&d, Span::new(0, d.text.len()), t, Some("2026-01-08")).map(|x| x.0),
                Some("2026-01-06".to_string())
            );
        }
    }
}

#[cfg(test)]
#[path = "tests_date.rs"]
mod tests_date;
