//! Quotations and their speakers: « … », “…”, "…" and ‹ › with the speech cue around them
//! (`quotes/speech.tsv`: « a déclaré », « selon X », "X said", "according to X"); the
//! speaker is an entity of the sentence (`doc.entities`), the cue's subject, the phrase after
//! « selon », or failing a cue the sentence's first actor (quoted fragments: « cible légitime »).

use crate::doc::{Doc, Entity, Quote, Span};
use crate::lexicon::{LexiconError, PhraseMatcher, Sources};

#[derive(Debug, Clone)]
struct Cue {
    lemma: String,
    source: bool,
}

#[derive(Debug, Clone)]
pub struct QuoteLexicon {
    cues: Vec<Cue>,
    fr: PhraseMatcher,
    en: PhraseMatcher,
}

const FILE: &str = "quotes/speech.tsv";

/// Opening and closing marks.
const MARKS: [(char, char); 4] = [
    ('«', '»'),
    ('\u{201C}', '\u{201D}'),
    ('"', '"'),
    ('\u{2039}', '\u{203A}'),
];

impl QuoteLexicon {
    pub fn load(src: &Sources) -> Result<Self, Vec<LexiconError>> {
        let t = src.table(FILE).map_err(|e| vec![e])?;
        let cols: Result<Vec<usize>, _> = t.cols(&["lang", "phrase", "lemma", "kind"]);
        let c = cols.map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        let (mut fr, mut en, mut cues) = (Vec::new(), Vec::new(), Vec::new());
        for r in &t.rows {
            let source = match r.get(c[3]) {
                "verb" => false,
                "source" => true,
                k => {
                    errors.push(t.error(r, format!("unknown kind `{k}`")));
                    continue;
                }
            };
            let i = cues.len() as u32;
            match r.get(c[0]) {
                "fr" => fr.push((r.get(c[1]).to_string(), i)),
                "en" => en.push((r.get(c[1]).to_string(), i)),
                l => {
                    errors.push(t.error(r, format!("unknown language `{l}`")));
                    continue;
                }
            }
            cues.push(Cue {
                lemma: r.get(c[2]).to_string(),
                source,
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Self {
            cues,
            fr: PhraseMatcher::new(fr),
            en: PhraseMatcher::new(en),
        })
    }
}

/// Quoted spans (inside the marks, trimmed), in text order.
fn quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some((off, c)) = text[i..]
        .char_indices()
        .find(|(_, c)| MARKS.iter().any(|(o, _)| o == c))
    {
        let open = i + off;
        let inner = open + c.len_utf8();
        let close_char = MARKS.iter().find(|(o, _)| *o == c).map_or(c, |(_, cl)| *cl);
        let Some(len) = text[inner..].find(close_char) else {
            i = inner;
            continue;
        };
        let raw = &text[inner..inner + len];
        let lead = raw.len() - raw.trim_start().len();
        let trail = raw.len() - raw.trim_end().len();
        // a quotation does not run across paragraphs
        if !raw.contains('\n') && raw.len() > lead + trail {
            out.push(Span::new(inner + lead, inner + len - trail));
            i = inner + len + close_char.len_utf8();
        } else {
            i = inner;
        }
    }
    out
}

fn in_any_quote(quotes: &[Span], span: Span) -> bool {
    quotes.iter().any(|q| q.contains(span))
}

fn actor_of(e: &Entity) -> bool {
    e.actor.is_some()
        || matches!(
            e.etype,
            crate::doc::EntityType::PER | crate::doc::EntityType::ORG
        )
}

pub fn tag(doc: &Doc, lex: &QuoteLexicon) -> Vec<Quote> {
    let m = match doc.lang.as_str() {
        "fr" => &lex.fr,
        "en" => &lex.en,
        _ => return Vec::new(),
    };
    let cues: Vec<(Span, u32)> = m
        .find_longest(&doc.norm)
        .into_iter()
        .filter_map(|x| x.payloads.first().map(|&p| (x.span, p)))
        .collect();
    let mut out = Vec::new();
    let all = quoted(&doc.text);
    for &q in &all {
        if doc.in_boilerplate(q) {
            continue;
        }
        let Some(si) = doc.sentence_at(q.start) else {
            continue;
        };
        let sent = doc.sentences[si];
        let ents: Vec<&Entity> = doc
            .entities
            .iter()
            .filter(|e| sent.contains(e.span) && !q.overlaps(e.span) && actor_of(e))
            .collect();
        // the cue nearest the quotation in its sentence, outside it
        let cue = cues
            .iter()
            .filter(|(s, _)| sent.contains(*s) && !q.overlaps(*s))
            .min_by_key(|(s, _)| {
                if s.end <= q.start {
                    q.start - s.end
                } else {
                    s.start - q.end
                }
            });
        let mut speaker: Option<&Entity> = None;
        let mut verb = None;
        if let Some(&(span, i)) = cue {
            if let Some(c) = lex.cues.get(i as usize) {
                verb = Some(c.lemma.clone());
                speaker = if c.source {
                    ents.iter().copied().find(|e| e.span.start >= span.end)
                } else {
                    // the subject of the speech verb opens the sentence (« X a évoqué la « A »
                    // et le « B », les qualifiant… »), else the speaker follows (inversion)
                    ents.iter()
                        .copied()
                        .find(|e| {
                            e.span.end <= span.start && !e.nominal && !in_any_quote(&all, e.span)
                        })
                        .or_else(|| {
                            ents.iter()
                                .copied()
                                .find(|e| e.span.start >= span.end && !e.nominal)
                        })
                };
            }
        }
        if speaker.is_none() {
            speaker = ents
                .iter()
                .copied()
                .find(|e| e.span.end <= q.start && !e.nominal);
        }
        out.push(Quote {
            span: q,
            speaker: speaker.map(|e| e.span),
            speaker_actor: speaker.and_then(|e| e.actor.clone()),
            verb,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Actor, EntityType};

    fn run(lang: &str, text: &str, ents: &[(&str, &str)]) -> (Doc, Vec<Quote>) {
        let seg = crate::segment::SegmentLexicon::load(&Sources::builtin()).unwrap();
        let mut d = Doc::new("t", text);
        d.lang = lang.into();
        crate::segment::segment(&mut d, &seg);
        for (p, code) in ents {
            let s = text.find(p).unwrap();
            d.entities.push(Entity {
                span: Span::new(s, s + p.len()),
                etype: EntityType::PER,
                actor: Some(Actor {
                    code: (*code).into(),
                    ..Actor::default()
                }),
                rule: "t".into(),
                nominal: false,
            });
        }
        d.entities.sort_by_key(|e| e.span.start);
        let q = tag(&d, &QuoteLexicon::load(&Sources::builtin()).unwrap());
        (d, q)
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
    fn unbalanced_marks_do_not_panic() {
        let (_, q) = run("fr", "« ouvert sans fermeture", &[]);
        assert!(q.is_empty());
    }
}
