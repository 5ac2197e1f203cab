//! The date of an event: the day-precise temporal expression of its clause or sentence
//! (`doc.times`); else, for a statement (verbal quad classes) reported as actual, the
//! publication date; else the date of the meeting an anaphoric phrase points back to
//! (« lors de cette rencontre », "at the meeting"); else none.

use crate::doc::{DateBasis, Doc, Event, Granularity, Span, Status};
use crate::lexicon::{LexiconError, Sources};

/// CAMEO code prefixes and whether their events take the publication date
/// (`events/dating.tsv`).
#[derive(Debug, Clone, Default)]
pub struct Dating {
    prefixes: Vec<(String, bool)>,
}

const FILE: &str = "events/dating.tsv";

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
        if errors.is_empty() {
            Ok(Self { prefixes })
        } else {
            Err(errors)
        }
    }

    /// Does an event of this CAMEO code take the publication date?
    pub fn by_publication(&self, cameo: &str) -> bool {
        self.prefixes
            .iter()
            .find(|(k, _)| cameo.starts_with(k.as_str()))
            .is_some_and(|(_, y)| *y)
    }
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

/// Fill `date`, `date_basis` and `explain.date_rule` of an event from its sentence.
pub fn assign(doc: &Doc, dating: &Dating, e: &mut Event, anaphor_date: Option<&str>) {
    let Some(sentence) = doc.sentences.get(e.sentence).copied() else {
        return;
    };
    let publication = doc.date.map(|d| d.format("%Y-%m-%d").to_string());
    let not_after = publication
        .as_deref()
        .filter(|_| e.status == Status::Actual);
    if let Some((v, why)) = text_date(doc, sentence, e.trigger, not_after) {
        e.date = Some(v);
        e.date_basis = Some(DateBasis::Text);
        e.explain.date_rule = Some(why);
        return;
    }
    if let Some(d) = anaphor_date {
        e.date = Some(d.to_string());
        e.date_basis = Some(DateBasis::Text);
        e.explain.date_rule = Some("anaphoric reference to an earlier dated meeting".into());
        return;
    }
    // a statement reported as made is dated by publication
    if dating.by_publication(&e.cameo) && e.status == Status::Actual {
        if let Some(d) = doc.date {
            e.date = Some(d.format("%Y-%m-%d").to_string());
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
