//! Tests of embedding, composition, intent recoding and the sentence-level subject rules, on
//! sentences written for them (English and French).

use super::tests::{doc, k, key, keys, lex};
use super::*;
use crate::doc::Status::{Actual, Hypothetical, Intended};

/// The coded events as (trigger text, CAMEO code).
fn triggers(lang: &str, text: &str, actors: &[(&str, &str, bool)]) -> Vec<(String, String)> {
    let d = doc(lang, text, actors);
    code(&d, lex())
        .iter()
        .map(|e| (d.slice(e.trigger).to_string(), e.cameo.clone()))
        .collect()
}

#[test]
fn a_threatened_attack_is_one_threat_against_its_target() {
    let text = "Iran threatened to attack Iraq.";
    let a = [("Iran", "IRN", false), ("Iraq", "IRQ", false)];
    assert_eq!(
        keys("en", text, &a),
        vec![k("THREATEN", Some("IRN"), Some("IRQ"), Actual)]
    );
    assert_eq!(
        triggers("en", text, &a),
        vec![("threatened".into(), "130".into())]
    );
    let fr = "L'Iran a menacé d'attaquer l'Irak.";
    let b = [("Iran", "IRN", false), ("Irak", "IRQ", false)];
    assert_eq!(
        keys("fr", fr, &b),
        vec![k("THREATEN", Some("IRN"), Some("IRQ"), Actual)]
    );
}

#[test]
fn a_demanded_truce_gives_the_demand_its_target() {
    let a = [("Egypt", "EGY", false), ("Israel", "ISR", false)];
    let text = "Egypt demanded a ceasefire with Israel.";
    assert_eq!(
        keys("en", text, &a),
        vec![k("REQUEST", Some("EGY"), Some("ISR"), Actual)]
    );
    let d = doc("en", text, &a);
    let e = &code(&d, lex())[0];
    assert_eq!(d.slice(e.trigger), "demanded");
    assert_eq!(e.target.as_ref().map(|t| d.slice(t.span)), Some("Israel"));
    assert_eq!(e.explain.target_rule, Some("embedded-event"));
}

#[test]
fn a_rejected_offer_of_talks_is_one_rejection() {
    let a = [("Peru", "PER", false), ("Chile", "CHL", false)];
    assert_eq!(
        keys("en", "Peru rejected an offer of talks from Chile.", &a),
        vec![k("REJECT", Some("PER"), Some("CHL"), Actual)]
    );
    assert_eq!(
        keys(
            "fr",
            "Le Pérou a rejeté une offre de négociations du Chili.",
            &[("Pérou", "PER", false), ("Chili", "CHL", false)]
        ),
        vec![k("REJECT", Some("PER"), Some("CHL"), Actual)]
    );
}

#[test]
fn a_vow_to_attack_is_a_threat_of_force() {
    let a = [("rebels", "SOMREB", false), ("Kenya", "KEN", false)];
    assert_eq!(
        triggers("en", "The rebels vowed to attack Kenya.", &a),
        vec![("vowed".into(), "138".into())]
    );
    assert_eq!(
        keys("en", "The rebels vowed to attack Kenya.", &a),
        vec![k("THREATEN", Some("SOM"), Some("KEN"), Actual)]
    );
}

#[test]
fn what_is_withdrawn_or_suspended_recodes_the_verb() {
    let a = [("Nigeria", "NGA", false), ("Chad", "TCD", false)];
    assert_eq!(
        triggers("en", "Nigeria withdrew its peacekeepers from Chad.", &a),
        vec![("withdrew".into(), "1661".into())]
    );
    assert_eq!(
        keys("en", "Nigeria withdrew its peacekeepers from Chad.", &a),
        vec![k("SANCTION", Some("NGA"), Some("TCD"), Actual)]
    );
    let b = [("Japan", "JPN", false), ("Korea", "KOR", false)];
    assert_eq!(
        triggers("en", "Japan suspended talks with Korea.", &b),
        vec![("suspended".into(), "164".into())]
    );
    assert_eq!(
        keys("en", "Japan suspended talks with Korea.", &b),
        vec![k("SANCTION", Some("JPN"), Some("KOR"), Actual)]
    );
    let c = [("Tchad", "TCD", false), ("Soudan", "SDN", false)];
    assert_eq!(
        triggers("fr", "Le Tchad a retiré ses casques bleus du Soudan.", &c),
        vec![("a retiré".into(), "1661".into())]
    );
}

#[test]
fn intended_acts_are_intents_and_threats() {
    let a = [("Canada", "CAN", false), ("Haiti", "HTI", false)];
    assert_eq!(
        triggers("en", "Canada will provide aid to Haiti.", &a),
        vec![("will provide".into(), "033".into())]
    );
    assert_eq!(
        keys("en", "Canada will provide aid to Haiti.", &a),
        vec![k("AGREE", Some("CAN"), Some("HTI"), Intended)]
    );
    let b = [("Russia", "RUS", false), ("Poland", "POL", false)];
    assert_eq!(
        keys("en", "Russia would attack Poland.", &b),
        vec![k("THREATEN", Some("RUS"), Some("POL"), Hypothetical)]
    );
    let c = [("Russie", "RUS", false), ("Pologne", "POL", false)];
    assert_eq!(
        keys("fr", "La Russie attaquera la Pologne.", &c),
        vec![k("THREATEN", Some("RUS"), Some("POL"), Intended)]
    );
}

#[test]
fn a_refused_intent_is_a_rejection() {
    let a = [("Syria", "SYR", false), ("Turkish", "TUR", true)];
    assert_eq!(
        keys("en", "Syria will not accept Turkish troops.", &a),
        vec![k("REJECT", Some("SYR"), Some("TUR"), Actual)]
    );
    let b = [("Syrie", "SYR", false), ("turques", "TUR", true)];
    assert_eq!(
        keys("fr", "La Syrie n'acceptera pas les troupes turques.", &b),
        vec![k("REJECT", Some("SYR"), Some("TUR"), Actual)]
    );
}

#[test]
fn a_condition_belongs_to_the_event_before_it() {
    let a = [("Chad", "TCD", false), ("Sudan", "SDN", false)];
    assert_eq!(
        triggers(
            "en",
            "Chad will boycott the vote unless Sudan agrees to talks.",
            &a
        ),
        vec![("will boycott".into(), "133".into())]
    );
    // a condition opening the sentence is kept, as hypothetical and uncoded
    assert_eq!(
        keys("en", "If Sudan attacks, Chad will retaliate.", &a)
            .into_iter()
            .filter(|x| x.0 == "ASSAULT")
            .count(),
        1
    );
}

#[test]
fn a_verb_absorbs_a_noun_of_its_own_type() {
    let a = [("Sweden", "SWE", false), ("Mali", "MLI", false)];
    assert_eq!(
        triggers("en", "Sweden provided humanitarian aid to Mali.", &a),
        vec![("provided".into(), "070".into())]
    );
}

#[test]
fn a_reporting_clause_after_a_comma_has_its_own_subject() {
    let a = [
        ("Peruvian soldiers", "PERMIL", false),
        ("Bolivian migrants", "BOL", false),
    ];
    assert_eq!(
        keys(
            "en",
            "Peruvian soldiers abused Bolivian migrants, a rights group charged.",
            &a
        ),
        vec![k("ASSAULT", Some("PER"), Some("BOL"), Actual)]
    );
}

#[test]
fn an_apposition_is_skipped_for_the_subject() {
    let a = [
        ("Pakistan", "PAK", false),
        ("China", "CHN", false),
        ("India", "IND", false),
    ];
    let text = "Pakistan, a close ally of China, refused the plan of India.";
    let d = doc("en", text, &a);
    let e = &code(&d, lex())[0];
    assert_eq!(e.source.as_ref().map(|s| d.slice(s.span)), Some("Pakistan"));
    assert_eq!(e.explain.source_rule, Some("apposition-head"));
}

#[test]
fn a_participle_after_a_comma_shares_the_clause_subject() {
    let a = [
        ("Kenya", "KEN", false),
        ("Somali", "SOM", true),
        ("Ethiopia", "ETH", false),
    ];
    let text = "Kenya expelled Somali diplomats, accusing Ethiopia of interference.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "accusing");
    assert_eq!(e.plover, "ACCUSE");
    let src = e.source.as_ref().expect("a source");
    assert_eq!((src.span.start, src.span.end), (0, 5));
    assert_eq!(src.actor.as_ref().map(|x| x.code.as_str()), Some("KEN"));
    let tgt = e.target.as_ref().expect("a target");
    assert_eq!(d.slice(tgt.span), "Ethiopia");
    assert_eq!(e.explain.source_rule, Some("apposition-head"));
}

#[test]
fn a_relative_pronoun_with_its_own_subject_is_the_object() {
    let a = [("Kosovo", "XKX", false), ("Serbia", "SRB", false)];
    let text = "The envoy visited Kosovo, which Serbia recognizes.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let e = evs
        .iter()
        .find(|e| d.slice(e.trigger).starts_with("recognize"))
        .expect("the recognition is read");
    let src = e.source.as_ref().expect("a source");
    assert_eq!(d.slice(src.span), "Serbia");
    let tgt = e.target.as_ref().expect("a target");
    assert_eq!((tgt.span.start, tgt.span.end), (18, 24));
    assert_eq!(tgt.actor.as_ref().map(|x| x.code.as_str()), Some("XKX"));
    assert_eq!(e.explain.target_rule, Some("relative-object-antecedent"));
    // a preposition before the pronoun: the antecedent is no object
    let a = [("Russia", "RUS", false), ("Turkey", "TUR", false)];
    let text = "Russia hosted the talks in which Turkey recognized the new state.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "recognized");
    assert!(e.target.is_none());
}

#[test]
fn a_relative_clause_closed_by_a_comma_keeps_its_actors() {
    let a = [
        ("Iran", "IRN", false),
        ("Hezbollah", "LBNREBHEZ", false),
        ("Israel", "ISR", false),
    ];
    let text = "Iran, which arms Hezbollah, condemned the raid by Israel.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "condemned");
    let src = e.source.as_ref().expect("a source");
    assert_eq!((src.span.start, src.span.end), (0, 4));
    let fr = [
        ("Iran", "IRN", false),
        ("Hezbollah", "LBNREBHEZ", false),
        ("Israël", "ISR", false),
    ];
    let text = "L'Iran, qui soutient le Hezbollah, a condamné le raid mené par Israël.";
    let d = doc("fr", text, &fr);
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "a condamné");
    let src = e.source.as_ref().expect("a source");
    assert_eq!(d.slice(src.span), "Iran");
    assert_eq!(src.span.start, 2);
    assert_eq!(e.explain.source_rule, Some("subject"));
    // an insert inside the relative clause leaves the trigger in it: its subject is the
    // pronoun's antecedent
    let text = "Iran, which, according to Israel, condemned the raid.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "condemned");
    assert_eq!(e.explain.source_rule, Some("relative-antecedent"));
}

#[test]
fn a_coordinated_verb_shares_the_first_subject() {
    let a = [("Benin", "BEN", false), ("Ghanaians", "GHA", true)];
    let text = "Benin opened its border but refused entry to Ghanaians.";
    // (opening a border yields with or without a party named, dyadic.tsv)
    assert_eq!(
        keys("en", text, &a),
        vec![
            k("CONCEDE", Some("BEN"), None, Actual),
            k("REJECT", Some("BEN"), Some("GHA"), Actual)
        ]
    );
    let d = doc("en", text, &a);
    let e = &code(&d, lex())[1];
    assert_eq!(d.slice(e.trigger), "refused");
    assert_eq!(e.explain.source_rule, Some("coordinated-verb"));
}

#[test]
fn a_pronoun_after_that_is_the_reporter() {
    let a = [("Nigeria", "NGA", false), ("Chad", "TCD", false)];
    let text = "Nigeria announced that it will withdraw its troops from Chad.";
    assert_eq!(
        keys("en", text, &a),
        vec![k("AGREE", Some("NGA"), Some("TCD"), Intended)]
    );
    let d = doc("en", text, &a);
    let e = &code(&d, lex())[0];
    assert_eq!(e.explain.source_rule, Some("pronoun-reporter"));
    let fr = [("Tchad", "TCD", false), ("Centrafrique", "CAF", false)];
    assert_eq!(
        keys(
            "fr",
            "Le Tchad a annoncé qu'il retirera ses casques bleus de Centrafrique.",
            &fr
        ),
        vec![k("THREATEN", Some("TCD"), Some("CAF"), Intended)]
    );
}

#[test]
fn a_complement_stops_at_a_comma() {
    let a = [
        ("police", "PSECOP", false),
        ("Israeli army", "ISRMIL", false),
    ];
    assert_eq!(
        keys(
            "en",
            "The police confiscated rifles on Friday, the Israeli army said.",
            &a
        ),
        vec![k("COERCE", Some("PSE"), None, Actual)]
    );
}

#[test]
fn a_deed_with_no_target_is_done_to_its_place() {
    let d = with_peru("Chilean prisoners rioted at a jail in Peru.");
    let evs = code(&d, lex());
    assert_eq!(evs.len(), 1);
    let t = evs[0].target.as_ref().unwrap();
    assert_eq!(d.slice(t.span), "Peru");
    assert_eq!(t.rule, "venue");
    assert_eq!(key(&evs[0]), k("PROTEST", Some("CHL"), Some("PER"), Actual));
}

#[test]
fn a_place_in_another_clause_is_no_target() {
    let d = with_peru("Chilean prisoners rioted after a judge who sits in Peru refused bail.");
    let evs = code(&d, lex());
    let e = by_trigger(&d, &evs, "rioted");
    assert_eq!(
        e.source.as_ref().map(|s| d.slice(s.span)),
        Some("Chilean prisoners")
    );
    assert!(e.target.as_ref().is_none_or(|t| t.rule != "venue"));
}

#[test]
fn a_coordinated_verb_keeps_its_own_object() {
    let a = [
        ("Egypt", "EGY", false),
        ("Israel", "ISR", false),
        ("Hamas", "PSEREBHMS", false),
        ("Jordan", "JOR", false),
    ];
    let text = "Egypt met envoys on Monday and has accused Hamas of breaking the truce.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let met = by_trigger(&d, &evs, "met");
    assert!(met.target.is_none());
    let acc = evs
        .iter()
        .find(|e| d.slice(e.trigger).ends_with("accused"))
        .expect("the accusation is read");
    let t = acc.target.as_ref().expect("a target");
    assert_eq!((t.span.start, t.span.end), (43, 48));
    // a coordinated object still is one
    let text = "Egypt accused weapons dealers and Hamas of breaking the truce.";
    let d = doc("en", text, &a);
    let evs = code(&d, lex());
    let t = evs[0].target.as_ref().expect("a target");
    assert_eq!(d.slice(t.span), "Hamas");
    let text = "L'Égypte a rencontré des émissaires lundi et a accusé le Hamas.";
    let fr = [("Égypte", "EGY", false), ("Hamas", "PSEREBHMS", false)];
    let d = doc("fr", text, &fr);
    let evs = code(&d, lex());
    let met = by_trigger(&d, &evs, "a rencontré");
    assert!(met.target.is_none());
}

/// The event whose trigger reads `trigger`.
fn by_trigger<'e>(d: &Doc, evs: &'e [Event], trigger: &str) -> &'e Event {
    evs.iter()
        .find(|e| d.slice(e.trigger) == trigger)
        .unwrap_or_else(|| panic!("no event triggered by `{trigger}`"))
}

/// English `text` naming the actors "Chilean prisoners" and "Peru", Peru resolved as the
/// country.
fn with_peru(text: &str) -> Doc {
    let actors = [
        ("Chilean prisoners", "CHLCVL", false),
        ("Peru", "PER", false),
    ];
    let mut d = doc("en", text, &actors);
    let at = d.text.find("Peru").unwrap();
    d.places.push(crate::doc::Place {
        span: Span::new(at, at + 4),
        geonameid: 3_932_488,
        name: "Peru".into(),
        country: "PE".into(),
        lat: -10.0,
        lon: -76.0,
        feature: crate::doc::Feature::Country,
    });
    d
}

/// `text` with `town` resolved as a city of `country` (ISO alpha-2) that names no actor.
fn with_town(
    lang: &str,
    text: &str,
    actors: &[(&str, &str, bool)],
    town: &str,
    country: &str,
) -> Doc {
    let mut d = doc(lang, text, actors);
    let at = d.text.find(town).unwrap();
    d.places.push(crate::doc::Place {
        span: Span::new(at, at + town.len()),
        geonameid: 1,
        name: town.into(),
        country: country.into(),
        lat: 0.0,
        lon: 0.0,
        feature: crate::doc::Feature::City,
    });
    d
}

#[test]
fn a_town_stands_for_its_state_as_the_place_of_a_deed() {
    let d = with_town(
        "en",
        "Chilean prisoners rioted at a jail in Arequipa.",
        &[("Chilean prisoners", "CHLCVL", false)],
        "Arequipa",
        "PE",
    );
    let evs = code(&d, lex());
    assert_eq!(evs.len(), 1);
    let t = evs[0].target.as_ref().unwrap();
    assert_eq!(d.slice(t.span), "Arequipa");
    assert_eq!(t.rule, "venue");
    assert_eq!(key(&evs[0]), k("PROTEST", Some("CHL"), Some("PER"), Actual));
    let d = with_town(
        "fr",
        "Des prisonniers chiliens ont manifesté à Arequipa.",
        &[("prisonniers chiliens", "CHLCVL", false)],
        "Arequipa",
        "PE",
    );
    let evs = code(&d, lex());
    assert_eq!(evs.len(), 1);
    assert_eq!(d.slice(evs[0].target.as_ref().unwrap().span), "Arequipa");
    assert_eq!(key(&evs[0]), k("PROTEST", Some("CHL"), Some("PER"), Actual));
}

#[test]
fn a_town_at_home_gives_its_state_to_force_but_not_to_a_promise() {
    // a riot at home is against one's own state (`home` = yes for 14 in venue.tsv)
    let d = with_town(
        "en",
        "Peruvian prisoners rioted at a jail in Arequipa.",
        &[("Peruvian prisoners", "PERCVL", false)],
        "Arequipa",
        "PE",
    );
    let evs = code(&d, lex());
    assert_eq!(evs.len(), 1);
    assert_eq!(key(&evs[0]), k("PROTEST", Some("PER"), Some("PER"), Actual));
    // a promise made in a town at home has no recipient there (`home` = no for 03); the same
    // promise by a foreign state is made to the town's state
    let promise = |src: &str, code: &str| {
        let text = format!("{src} promised new roads in Arequipa.");
        let d = with_town("en", &text, &[(src, code, false)], "Arequipa", "PE");
        code_keys(&d)
    };
    assert!(promise("Peru", "PER").is_empty());
    assert_eq!(
        promise("Chile", "CHL"),
        vec![k("AGREE", Some("CHL"), Some("PER"), Actual)]
    );
}

fn code_keys(d: &Doc) -> Vec<(String, Option<String>, Option<String>, crate::doc::Status)> {
    code(d, lex()).iter().map(key).collect()
}

#[test]
fn an_infinitive_complement_gives_its_target_to_the_governor() {
    let a = [
        ("Pakistan", "PAK", false),
        ("peacekeepers", "IGOUNOPKO", false),
        ("Iraq", "IRQ", false),
    ];
    let d = doc("en", "Pakistan refused to send troops to Iraq.", &a);
    let evs = code(&d, lex());
    assert_eq!(evs.len(), 1);
    assert_eq!(key(&evs[0]), k("REJECT", Some("PAK"), Some("IRQ"), Actual));
    assert_eq!(d.slice(evs[0].trigger), "refused");
}

#[test]
fn agreeing_to_postpone_a_protest_is_no_threat() {
    // (a recipient is named: an agreement with nobody is not coded, see dyadic.rs)
    let a = [
        ("Azeri opposition", "AZEOPP", false),
        ("government", "AZEGOV", false),
    ];
    let evs = triggers(
        "en",
        "The Azeri opposition agreed with the government to postpone the demonstration.",
        &a,
    );
    assert_eq!(evs, vec![("agreed".to_string(), "030".to_string())]);
}

#[test]
fn accepting_demands_is_acceding() {
    let a = [("Mozambique", "MOZ", false), ("rebels", "MOZREB", false)];
    assert_eq!(
        triggers("en", "Mozambique accepted demands from the rebels.", &a),
        vec![("accepted".into(), "083".into())]
    );
    let b = [("Mozambique", "MOZ", false), ("rebelles", "MOZREB", false)];
    assert_eq!(
        triggers(
            "fr",
            "Le Mozambique a accepté les revendications des rebelles.",
            &b
        ),
        vec![("a accepté".into(), "083".into())]
    );
}
