//! English coding tests on sentences written for them: the PETRARCH verb-pattern import
//! (`events/en-petrarch.tsv`) under the hand entries, and alternatives weighed in a choice.

use super::tests::{k, keys, lex};
use super::trigger::Triggers;
use super::*;
use crate::doc::Status::{Actual, Hypothetical};
use crate::lexicon::Sources;

#[test]
fn petrarch_patterns_code_a_verb_by_its_explicit_object() {
    let a = [("Chile", "CHL", false), ("Peruvian traders", "PER", false)];
    // « grant » has no hand entry of its own; PETRARCH codes it by what is granted: a visa
    // is cooperation (060), with up to three determiners between
    for (text, trigger) in [
        (
            "Chile granted a visa to Peruvian traders.",
            "granted a visa",
        ),
        ("Chile granted visa to Peruvian traders.", "granted visa"),
        (
            "Chile has granted all their visa to Peruvian traders.",
            "has granted all their visa",
        ),
    ] {
        let d = tests::doc("en", text, &a);
        let e = detect(&d, lex());
        assert_eq!(d.slice(e[0].trigger), trigger, "{text}");
        assert_eq!(e[0].cameo, "060", "{text}");
        assert!(e[0]
            .explain
            .trigger_entry
            .starts_with("events/en-petrarch.tsv:"));
        assert_eq!(
            keys("en", text, &a),
            [k("COOPERATE", Some("CHL"), Some("PER"), Actual)],
            "{text}"
        );
    }
    // a preposition, a comma or an adjective in the gap: no pattern
    for text in [
        "Chile granted the first of its visa to Peruvian traders.",
        "Chile granted, to general surprise, a visa to Peruvian traders.",
        "Chile granted a special visa to Peruvian traders.",
    ] {
        let d = tests::doc("en", text, &a);
        assert!(detect(&d, lex()).is_empty(), "{text}");
    }
    // a verb with its object: « stop work » is a work stoppage (143)
    let d = tests::doc("en", "Dockers in Peru stopped work on Friday.", &a);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "stopped work");
    assert_eq!(e[0].plover, "PROTEST");
    // a noun trigger in the tail is a hand entry and keeps its own reading
    let d = tests::doc("en", "The armies held joint exercises.", &a);
    let e = detect(&d, lex());
    assert_eq!(d.slice(e[0].trigger), "joint exercises");
}

#[test]
fn a_victim_is_not_the_doer_of_the_deed_that_killed_it() {
    let a = [("Chilean soldiers", "CHL", false)];
    let got = keys("en", "A roadside bombing killed two Chilean soldiers.", &a);
    assert_eq!(got, [k("ASSAULT", None, Some("CHL"), Actual)]);
}

#[test]
fn hand_entries_take_precedence_over_imported_ones() {
    let mut src = Sources::builtin();
    let head = "phrase\tkind\tcameo\tsource\ttarget\texample\n";
    src.insert(
        "events/en.tsv",
        format!("{head}expel\tv\t174\tsubj\tobj\tChile [expelled] the envoy.\n").into_bytes(),
    );
    src.insert(
        "events/en-petrarch.tsv",
        format!(
            "{head}expel\tv\t111\tsubj\tobj\tChile [expelled] the envoy.\n\
             expel the envoy\tv\t1663\tsubj\tobj\tChile [expelled the envoy] today.\n"
        )
        .into_bytes(),
    );
    let ontology = Ontology::load(&src).expect("ontology");
    let inflector = Inflector::load(&src).expect("inflector");
    let tr = Triggers::load_layered(
        &src,
        &["events/en.tsv", "events/en-petrarch.tsv"],
        "en",
        &inflector,
        &ontology,
    )
    .expect("triggers");
    // the imported « expel » has every form taken by the hand entry: it is left out
    let codes: Vec<&str> = tr.entries.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(codes, ["174", "1663"]);
    assert!(tr.entries[1].at.starts_with("events/en-petrarch.tsv:"));
}

#[test]
fn alternatives_in_a_choice_are_hypothetical() {
    let a = [("Chile", "CHL", false), ("Peru", "PER", false)];
    for text in [
        "Chile must choose between a crackdown on Peru and new talks.",
        "Chile faces a choice between a crackdown on Peru and new talks.",
    ] {
        let got = keys("en", text, &a);
        assert_eq!(
            got.first().map(|x| (x.0.as_str(), x.3)),
            Some(("ASSAULT", Hypothetical)),
            "{text}"
        );
    }
}
