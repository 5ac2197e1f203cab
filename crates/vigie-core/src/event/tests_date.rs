//! Event dates across sentences: a day carried from the sentences just before, and the
//! dates that are not carried. Sentences written for these tests; 8 January 2026 (the
//! publication date) is a Thursday.

use crate::doc::{DateBasis, Doc, Event};
use crate::testing::analyze;

const PUBLISHED: &str = "2026-01-08";

/// The one event whose trigger is `trigger`.
fn event<'d>(d: &'d Doc, trigger: &str) -> &'d Event {
    let evs: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| e.mentions.iter().any(|m| d.slice(m.span) == trigger))
        .collect();
    assert_eq!(evs.len(), 1, "{trigger}: {:#?}", d.events);
    evs[0]
}

const SHELLED_FR: &str = "Mardi, l'armée française a bombardé des positions au Mali.";
const SHELLED_EN: &str = "On Tuesday, French troops shelled positions in Mali.";

/// The attack of the last sentence of `text`: its date and why.
fn attack(lang: &str, text: &str) -> (Option<String>, Option<DateBasis>, String) {
    let d = analyze(lang, PUBLISHED, text);
    let trigger = if lang == "fr" {
        "ont attaqué"
    } else {
        "attacked"
    };
    let e = event(&d, trigger);
    assert_eq!(e.cameo, "190", "{text}");
    (
        e.date.clone(),
        e.date_basis,
        e.explain.date_rule.clone().unwrap_or_default(),
    )
}

#[test]
fn the_day_of_the_sentence_before_is_carried() {
    for (lang, text, time) in [
        (
            "fr",
            format!("{SHELLED_FR} Les soldats maliens ont attaqué un camp rebelle près de Gao."),
            "Mardi",
        ),
        (
            "en",
            format!("{SHELLED_EN} Malian soldiers attacked a rebel camp near Gao."),
            "Tuesday",
        ),
        // one sentence with no time between
        (
            "fr",
            format!(
                "{SHELLED_FR} La région est instable. Les soldats maliens ont attaqué un camp \
                 rebelle près de Gao."
            ),
            "Mardi",
        ),
    ] {
        let (date, basis, why) = attack(lang, &text);
        assert_eq!(date.as_deref(), Some("2026-01-06"), "{text}");
        assert_eq!(basis, Some(DateBasis::Text));
        assert_eq!(
            why,
            format!("time « {time} » carried from an earlier sentence")
        );
    }
}

#[test]
fn a_day_is_not_carried_far_nor_over_a_time_of_its_own() {
    for (lang, text) in [
        // three sentences back: the scene has changed
        (
            "en",
            format!(
                "{SHELLED_EN} The region is unstable. The roads are closed. Malian soldiers \
                 attacked a rebel camp near Gao."
            ),
        ),
        // the sentence's own time frame, even a duration, governs
        (
            "fr",
            format!(
                "{SHELLED_FR} Depuis trois ans, les soldats maliens ont attaqué des camps \
                 rebelles près de Gao."
            ),
        ),
        (
            "en",
            format!(
                "{SHELLED_EN} Over the past three years, Malian soldiers attacked rebel camps \
                 near Gao."
            ),
        ),
        // the nearest sentence with a time sets no day: nothing is carried past it
        (
            "fr",
            format!(
                "{SHELLED_FR} En 2024, la région était calme. Les soldats maliens ont attaqué \
                 un camp rebelle près de Gao."
            ),
        ),
    ] {
        assert_eq!(attack(lang, &text).0, None, "{text}");
    }
}

#[test]
fn a_date_naming_a_thing_is_not_carried() {
    for (lang, text) in [
        (
            "fr",
            "Les rebelles ont rejeté l'accord du 5 janvier. Les soldats maliens ont attaqué \
             un camp rebelle près de Gao.",
        ),
        (
            "en",
            "The rebels rejected the January 5 agreement. Malian soldiers attacked a rebel \
             camp near Gao.",
        ),
    ] {
        // the date is read, and is not carried
        let d = analyze(lang, PUBLISHED, text);
        assert!(
            d.times.iter().any(|t| t.value == "2026-01-05"),
            "{text}: {:?}",
            d.times
        );
        assert_eq!(attack(lang, text).0, None, "{text}");
    }
    // the same date setting the time of its clause is carried
    for (lang, text) in [
        (
            "fr",
            "Les rebelles ont rejeté l'accord le 5 janvier. Les soldats maliens ont attaqué \
             un camp rebelle près de Gao.",
        ),
        (
            "en",
            "The rebels rejected the agreement on January 5. Malian soldiers attacked a \
             rebel camp near Gao.",
        ),
    ] {
        assert_eq!(
            attack(lang, text).0.as_deref(),
            Some("2026-01-05"),
            "{text}"
        );
    }
}

#[test]
fn a_reported_statement_keeps_the_publication_date() {
    // a statement with no day of its own is dated by the report, not by the scene before
    for (lang, text, trigger) in [
        (
            "fr",
            format!("{SHELLED_FR} Le Mali a condamné la France."),
            "a condamné",
        ),
        (
            "en",
            format!("{SHELLED_EN} Mali condemned France."),
            "condemned",
        ),
    ] {
        let d = analyze(lang, PUBLISHED, &text);
        let e = event(&d, trigger);
        assert_eq!(e.date.as_deref(), Some(PUBLISHED), "{text}");
        assert_eq!(e.date_basis, Some(DateBasis::Publication));
    }
}

#[test]
fn a_statement_set_in_a_period_already_over_has_no_day() {
    // « en juillet », "last week": the statement was not made on the day of the report
    for (lang, text, trigger) in [
        (
            "fr",
            "En juillet, le Mali a condamné la France.",
            "a condamné",
        ),
        (
            "fr",
            "La semaine dernière, le Mali a condamné la France.",
            "a condamné",
        ),
        ("en", "In July, Mali condemned France.", "condemned"),
        ("en", "Last week, Mali condemned France.", "condemned"),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!(e.date, None, "{text}");
        assert_eq!(e.date_basis, None, "{text}");
        assert!(
            e.explain
                .date_rule
                .as_deref()
                .is_some_and(|r| r.contains("a period before the report")),
            "{text}: {:?}",
            e.explain.date_rule
        );
    }
    // the period of the report itself keeps the publication date
    for (lang, text, trigger) in [
        (
            "fr",
            "Cette semaine, le Mali a condamné la France.",
            "a condamné",
        ),
        ("en", "This week, Mali condemned France.", "condemned"),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!(e.date.as_deref(), Some(PUBLISHED), "{text}");
        assert_eq!(e.date_basis, Some(DateBasis::Publication), "{text}");
    }
}

#[test]
fn a_period_the_statement_is_about_does_not_undate_it() {
    // a period in a quotation or far after the verb dates what is said, not the saying
    for (lang, text, trigger) in [
        (
            "fr",
            "Le Mali a condamné la France pour les frappes aériennes menées sur Gao en juillet.",
            "a condamné",
        ),
        (
            "en",
            "Mali condemned France over the air strikes carried out on Gao in July.",
            "condemned",
        ),
        (
            "en",
            "\"The strikes of July were a crime,\" Mali condemned.",
            "condemned",
        ),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!(e.date.as_deref(), Some(PUBLISHED), "{text}");
        assert_eq!(e.date_basis, Some(DateBasis::Publication), "{text}");
    }
}

/// The date and basis of the event whose trigger is `trigger`.
fn dated(lang: &str, text: &str, trigger: &str) -> (Option<String>, Option<DateBasis>) {
    let d = analyze(lang, PUBLISHED, text);
    let e = event(&d, trigger);
    (e.date.clone(), e.date_basis)
}

#[test]
fn a_statement_continuing_a_dated_speech_takes_its_day() {
    // Tuesday the 6th: the minister's words go on in the next sentence
    for (lang, text, trigger) in [
        (
            "fr",
            "Mardi, le président malien a déclaré : « Nous ne céderons jamais. » Il a aussi \
             condamné la France.",
            "condamné",
        ),
        (
            "en",
            "On Tuesday, the Malian president said: \"We will never give in.\" He also \
             condemned France.",
            "condemned",
        ),
    ] {
        assert_eq!(
            dated(lang, text, trigger),
            (Some("2026-01-06".to_string()), Some(DateBasis::Text)),
            "{text}"
        );
    }
}

#[test]
fn a_statement_quoting_another_speaker_keeps_the_report_day() {
    // the second sentence gives the word to another side: a new speech, dated by the report
    for (lang, text, trigger) in [
        (
            "fr",
            "Mardi, le président malien a déclaré : « Nous ne céderons jamais. » Le chef \
             rebelle Ag Ghaly a condamné le Mali, dénonçant « une trahison ».",
            "a condamné",
        ),
        (
            "en",
            "On Tuesday, the Malian president said: \"We will never give in.\" The rebel \
             leader Ag Ghaly condemned Mali, calling it \"a betrayal\".",
            "condemned",
        ),
    ] {
        let (date, basis) = dated(lang, text, trigger);
        assert_ne!(date.as_deref(), Some("2026-01-06"), "{text}");
        assert_ne!(basis, Some(DateBasis::Text), "{text}");
    }
}

#[test]
fn an_act_a_quotation_tells_in_the_past_does_not_take_the_speech_day() {
    // the attack came before the speech: Tuesday (the 6th) is only the day it was told
    for (lang, text, trigger) in [
        (
            "fr",
            "« Les rebelles ont attaqué un camp militaire près de Gao », a déclaré mardi le \
             ministre malien de la Défense.",
            "ont attaqué",
        ),
        (
            "en",
            "\"The rebels had attacked a military camp near Gao,\" the Malian defence minister \
             said on Tuesday.",
            "had attacked",
        ),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!((e.date.as_deref(), e.date_basis), (None, None), "{text}");
        assert_eq!(
            e.explain.date_rule.as_deref(),
            Some("act told in a past tense inside a quotation: not the speech's day"),
            "{text}"
        );
    }
    // a day the quotation itself gives still dates it (Monday the 5th)
    for (lang, text, trigger) in [
        (
            "fr",
            "« Les rebelles ont attaqué lundi un camp militaire près de Gao », a déclaré mardi \
             le ministre malien de la Défense.",
            "ont attaqué",
        ),
        (
            "en",
            "\"The rebels had attacked a military camp near Gao on Monday,\" the Malian defence \
             minister said on Tuesday.",
            "had attacked",
        ),
    ] {
        assert_eq!(
            dated(lang, text, trigger),
            (Some("2026-01-05".to_string()), Some(DateBasis::Text)),
            "{text}"
        );
    }
}

#[test]
fn what_a_quotation_says_in_the_present_keeps_the_speech_day() {
    // the condemnation is the speech itself, made on Tuesday the 6th
    for (lang, text, trigger) in [
        (
            "fr",
            "« Nous condamnons la France », a déclaré mardi le ministre malien de la Défense.",
            "condamnons",
        ),
        (
            "en",
            "\"We condemn France,\" the Malian defence minister said on Tuesday.",
            "condemn",
        ),
    ] {
        assert_eq!(
            dated(lang, text, trigger),
            (Some("2026-01-06".to_string()), Some(DateBasis::Text)),
            "{text}"
        );
    }
}

#[test]
fn a_statement_whose_subject_stands_for_an_earlier_actor_takes_that_scene_day() {
    // « Ils » / "They" are the ministers who met on Tuesday the 6th
    for (lang, text, trigger) in [
        (
            "fr",
            "Les ministres maliens se sont réunis mardi à Bamako. Ils ont condamné la France.",
            "ont condamné",
        ),
        (
            "en",
            "Malian ministers met in Bamako on Tuesday. They condemned France.",
            "condemned",
        ),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!(e.date.as_deref(), Some("2026-01-06"), "{text}: {e:#?}");
        assert_eq!(e.date_basis, Some(DateBasis::Text));
        assert_eq!(
            e.explain.date_rule.as_deref(),
            Some("statement whose subject stands for an actor of a sentence dated « mardi »")
                .filter(|_| lang == "fr")
                .or(Some(
                    "statement whose subject stands for an actor of a sentence dated « Tuesday »"
                )),
            "{text}"
        );
    }
}

#[test]
fn a_statement_told_in_the_past_perfect_takes_no_day() {
    // before the time of the story: neither the report's day nor Tuesday (the 6th) before it
    for (lang, text, trigger) in [
        ("fr", "Le Mali avait condamné la France.", "avait condamné"),
        ("en", "Mali had condemned France.", "had condemned"),
        (
            "fr",
            "Mardi, l'armée française a bombardé des positions au Mali. Le Mali avait \
             condamné la France.",
            "avait condamné",
        ),
        (
            "en",
            "On Tuesday, French troops shelled positions in Mali. Mali had condemned France.",
            "had condemned",
        ),
    ] {
        let d = analyze(lang, PUBLISHED, text);
        let e = event(&d, trigger);
        assert_eq!((e.date.as_deref(), e.date_basis), (None, None), "{text}");
        assert_eq!(
            e.explain.date_rule.as_deref(),
            Some("statement told in the past perfect: before the report's day, no day"),
            "{text}"
        );
    }
    // a day of its own still dates it (Monday the 5th)
    assert_eq!(
        dated(
            "en",
            "Mali had condemned France on Monday.",
            "had condemned"
        ),
        (Some("2026-01-05".to_string()), Some(DateBasis::Text))
    );
}

#[test]
fn a_bad_dating_cue_is_reported_not_a_panic() {
    // an unknown kind in a user's `events/dating_cues.tsv` names its file and line
    let mut src = crate::lexicon::Sources::builtin();
    src.insert(
        "events/dating_cues.tsv",
        b"kind\tlang\twords\nsoon\ten\tsoon\n".to_vec(),
    );
    let Err(errors) = crate::pipeline::Lexicon::load(&src) else {
        panic!("the unknown kind is an error");
    };
    assert!(
        errors
            .iter()
            .any(|e| e.file == "events/dating_cues.tsv" && e.line == 2),
        "{errors:?}"
    );
}
