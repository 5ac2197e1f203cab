//! Verb phrases split by an adverb or an inserted phrase, contracted prepositions, and the
//! clause rules that go with them: a participle after a determiner, a relative clause's own
//! subject, an infinitive clause after the object. Sentences written for these tests.

use super::tests::{doc, k, keys, lex};
use super::*;

/// The one event of `text` whose trigger entry is `phrase`.
fn only(lang: &str, text: &str, actors: &[(&str, &str, bool)], phrase: &str) -> Event {
    let evs: Vec<Event> = code(&doc(lang, text, actors), lex())
        .into_iter()
        .filter(|e| e.explain.trigger_entry.ends_with(&format!("« {phrase} »")))
        .collect();
    assert_eq!(evs.len(), 1, "{text}: {evs:?}");
    evs.into_iter().next().expect("one event")
}

#[test]
fn a_verb_phrase_read_across_an_adverb() {
    let text = "L'Algérie a rappelé également son ambassadeur en France.";
    let e = only(
        "fr",
        text,
        &[("Algérie", "DZA", false), ("France", "FRA", false)],
        "rappeler son ambassadeur",
    );
    assert_eq!(
        &text[e.trigger.start..e.trigger.end],
        "a rappelé également son ambassadeur"
    );
    assert_eq!(e.cameo, "161");
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Algérie")
    );
    assert_eq!(
        e.target.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("France")
    );
}

#[test]
fn manner_adverbs_stand_inside_a_verb_phrase() {
    // an adverb of manner or repetition between a verb and its particle, or between the
    // auxiliary and the participle, keeps the phrase whole in both languages
    let text = "Norway called again on Chile to free the prisoners.";
    let e = only(
        "en",
        text,
        &[("Norway", "NOR", false), ("Chile", "CHL", false)],
        "call on",
    );
    assert_eq!(&text[e.trigger.start..e.trigger.end], "called again on");
    assert_eq!(e.cameo, "020");
    assert_eq!(
        e.target.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Chile")
    );
    let text = "Le Chili a vivement exhorté la Norvège à libérer les prisonniers.";
    let e = only(
        "fr",
        text,
        &[("Chili", "CHL", false), ("Norvège", "NOR", false)],
        "exhorter",
    );
    // the span keeps only the auxiliaries next to the verb
    assert_eq!(&text[e.trigger.start..e.trigger.end], "exhorté");
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Chili")
    );
    assert_eq!(
        e.target.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Norvège")
    );
}

#[test]
fn a_contracted_preposition_ends_the_phrase() {
    for (text, trig) in [
        ("Le Mali a appelé au retrait des soldats.", "a appelé au"),
        ("Le Mali appelle aux négociations.", "appelle aux"),
        (
            "Le Mali a appelé notamment au dialogue.",
            "a appelé notamment au",
        ),
    ] {
        let e = only("fr", text, &[("Mali", "MLI", false)], "appeler à");
        assert_eq!(&text[e.trigger.start..e.trigger.end], trig, "{text}");
        assert_eq!(e.cameo, "020");
        assert_eq!(
            e.source
                .as_ref()
                .and_then(|a| a.actor.as_ref())
                .map(|a| a.code.as_str()),
            Some("MLI")
        );
    }
    // « au » must stand as a whole word: « appelé aujourd'hui » alone is no request
    let d = doc(
        "fr",
        "Le Mali a appelé aujourd'hui.",
        &[("Mali", "MLI", false)],
    );
    assert!(detect(&d, lex()).is_empty());
}

#[test]
fn an_incise_between_auxiliary_and_verb() {
    let text = "La Russie a, selon Kiev, menacé l'Ukraine.";
    let e = only(
        "fr",
        text,
        &[
            ("Russie", "RUS", false),
            ("Kiev", "UKR", false),
            ("Ukraine", "UKR", false),
        ],
        "menacer",
    );
    assert_eq!(&text[e.trigger.start..e.trigger.end], "menacé");
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Russie")
    );
    assert_eq!(
        e.target.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Ukraine")
    );
    assert_eq!(e.status, Status::Actual);
}

#[test]
fn a_participle_after_a_determiner_is_a_noun() {
    for text in [
        "Le président a reçu son invité à l'Élysée.",
        "Un Portugais figure parmi les blessés.",
        "The wounded were taken to hospital.",
    ] {
        let lang = if text.starts_with("The") { "en" } else { "fr" };
        let d = doc(lang, text, &[]);
        assert!(detect(&d, lex()).is_empty(), "{text}");
    }
    // with its auxiliary the participle stays a verb
    assert_eq!(
        keys("fr", "Le Mali les a blessés.", &[("Mali", "MLI", false)]),
        vec![k("ASSAULT", Some("MLI"), None, Status::Actual)]
    );
}

#[test]
fn a_relative_clause_with_its_own_subject() {
    let text =
        "Le Canada a lu les messages dans lesquels Washington s'est désolidarisé du Mexique.";
    let e = only(
        "fr",
        text,
        &[
            ("Canada", "CAN", false),
            ("Washington", "USA", false),
            ("Mexique", "MEX", false),
        ],
        "se désolidariser",
    );
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Washington")
    );
    assert_eq!(
        keys(
            "en",
            "This is the deal which Russia signed with China.",
            &[("Russia", "RUS", false), ("China", "CHN", false),]
        ),
        vec![k("SUPPORT", Some("RUS"), Some("CHN"), Status::Actual)]
    );
}

#[test]
fn no_object_inside_an_infinitive_clause() {
    // « responsables » is what they are said to be, not whom they accuse
    let actors = [
        ("rebelles", "SYRREB", false),
        ("responsables", "SYRGOV", false),
    ];
    assert_eq!(
        keys(
            "fr",
            "Les rebelles accusent l'armée d'être responsables des tueries.",
            &actors
        ),
        vec![k("ACCUSE", Some("SYR"), None, Status::Actual)]
    );
    assert_eq!(
        keys(
            "fr",
            "Les rebelles accusent l'armée d'avoir été les alliés de Damas.",
            &[("rebelles", "SYRREB", false), ("Damas", "SYRGOV", false)]
        ),
        vec![k("ACCUSE", Some("SYR"), None, Status::Actual)]
    );
}

#[test]
fn a_gerund_takes_the_main_subject() {
    let text = "Berlin et Paris ont renforcé leur alliance avec l'Europe, en signant un traité.";
    let e = only(
        "fr",
        text,
        &[
            ("Berlin", "DEU", false),
            ("Paris", "FRA", false),
            ("Europe", "EUR", false),
        ],
        "signer",
    );
    assert_eq!(&text[e.trigger.start..e.trigger.end], "en signant");
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Berlin")
    );
}

#[test]
fn a_relative_clause_with_a_pronoun_subject_keeps_the_antecedent_out() {
    let d = doc(
        "fr",
        "Le Canada a lu les messages dans lesquels il se désolidarise du texte.",
        &[("Canada", "CAN", false)],
    );
    let evs = detect(&d, lex());
    assert_eq!(evs.len(), 1);
    assert!(evs[0].source.is_none(), "{evs:?}");
}

#[test]
fn se_rendre_without_a_destination_is_no_visit() {
    let actors = [("soldats", "SYRMIL", false), ("Kiev", "UKR", false)];
    for text in [
        "Les soldats qui s'étaient rendus ont été libérés.",
        "Les soldats se sont rendus.",
        "Les soldats se sont rendu compte de leur erreur.",
    ] {
        let d = doc("fr", text, &actors);
        assert!(
            !detect(&d, lex()).iter().any(|e| e.plover == "CONSULT"),
            "{text}"
        );
    }
    let text = "Les soldats se sont rendus également à Kiev.";
    let d = doc("fr", text, &actors);
    let evs = detect(&d, lex());
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(d.slice(evs[0].trigger), "se sont rendus");
}

#[test]
fn a_participle_after_a_comma_takes_the_main_subject() {
    // the demand is the main subject's, not that of « la Syrie » the preposition governs
    let text = "Le Liban a parlé pour la Syrie, demandant la libération des détenus.";
    let e = only(
        "fr",
        text,
        &[("Liban", "LBN", false), ("Syrie", "SYR", false)],
        "demander",
    );
    assert_eq!(&text[e.trigger.start..e.trigger.end], "demandant");
    assert_eq!(
        e.source.as_ref().map(|a| &text[a.span.start..a.span.end]),
        Some("Liban")
    );
    // a main subject that names no actor leaves the demand without a source
    let d = doc(
        "fr",
        "L'homme a parlé pour la Syrie, demandant la libération des détenus.",
        &[("Syrie", "SYR", false)],
    );
    let evs = detect(&d, lex());
    let demand = evs.iter().find(|e| e.plover == "REQUEST");
    assert!(demand.is_some_and(|e| e.source.is_none()), "{evs:?}");
}
