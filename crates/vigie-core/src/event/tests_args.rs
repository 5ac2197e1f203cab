//! Who did it to whom when the actors are not the verb's plain subject and object: a plural
//! pronoun after a person named alone, an event the subject undergoes, the two parties named
//! by « entre »/"between", an actor inside a prepositional phrase after the object. Sentences
//! written for these tests, through the whole pipeline, asserting argument spans and codes.

use crate::doc::{Argument, Doc, Event};

fn doc(lang: &str, text: &str) -> Doc {
    crate::testing::analyze(lang, "2024-03-12", text)
}

/// The one event whose trigger text is `trigger`.
fn event<'d>(d: &'d Doc, trigger: &str) -> &'d Event {
    let found: Vec<&Event> = d
        .events
        .iter()
        .filter(|e| d.slice(e.trigger) == trigger)
        .collect();
    assert_eq!(found.len(), 1, "{trigger}: {:?}", d.events);
    found[0]
}

/// (text, code prefix of three letters, rule) of an argument.
fn arg<'d>(d: &'d Doc, a: Option<&'d Argument>) -> Option<(&'d str, String, &'static str)> {
    a.map(|a| {
        (
            d.slice(a.span),
            a.actor
                .as_ref()
                .map(|x| x.code.chars().take(3).collect())
                .unwrap_or_default(),
            a.rule,
        )
    })
}

#[test]
fn they_stands_for_a_group_not_a_person_named_alone() {
    let text = "Japanese foreign minister Taro Kono and his Korean counterpart Kang Kyung-wha \
                met in Oslo. The Swedish envoy, Ann Linde, attended as a guest. They urged \
                Russia to free the sailors.";
    let d = doc("en", text);
    let e = event(&d, "urged");
    let (src, code, rule) = arg(&d, e.source.as_ref()).expect("a source");
    assert_eq!(
        (src, code.as_str(), rule),
        ("Japanese foreign minister", "JPN", "pronoun-antecedent")
    );
    assert_eq!(arg(&d, e.target.as_ref()).map(|a| a.0), Some("Russia"));

    let text = "Le ministre japonais Taro Kono et son homologue coréenne Kang Kyung-wha se sont \
                réunis à Oslo. La ministre suédoise Ann Linde était présente. Ils ont exhorté \
                la Russie à libérer les marins.";
    let d = doc("fr", text);
    let e = event(&d, "ont exhorté");
    let (src, code, rule) = arg(&d, e.source.as_ref()).expect("a source");
    assert_eq!(
        (src, code.as_str(), rule),
        ("ministre japonais", "JPN", "pronoun-antecedent")
    );
    assert_eq!(arg(&d, e.target.as_ref()).map(|a| a.0), Some("Russie"));
}

#[test]
fn an_event_the_subject_undergoes() {
    // "faces charges in X": charged by the state where the charges are brought
    let text = "Venezuela faces new charges in Colombia.";
    let d = doc("en", text);
    let e = event(&d, "charges");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Colombia", "COL".into(), "undergo-venue"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Venezuela", "VEN".into(), "undergoer"))
    );
    let text = "Le Venezuela fait l'objet d'une enquête en Colombie.";
    let d = doc("fr", text);
    let e = event(&d, "enquête");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Colombie", "COL".into(), "undergo-venue"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Venezuela", "VEN".into(), "undergoer"))
    );
}

#[test]
fn the_two_parties_between_a_preposition_names() {
    let text = "Talks between Armenia and Azerbaijan opened in Geneva.";
    let d = doc("en", text);
    let e = event(&d, "Talks");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Armenia", "ARM".into(), "between-first"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Azerbaijan", "AZE".into(), "between-second"))
    );
    let text = "Une rencontre entre l'Arménie et l'Azerbaïdjan a eu lieu à Genève.";
    let d = doc("fr", text);
    let e = event(&d, "rencontre");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Arménie", "ARM".into(), "between-first"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Azerbaïdjan", "AZE".into(), "between-second"))
    );
}

#[test]
fn an_actor_word_inside_a_later_phrase_is_no_object() {
    // the Danish newspaper is where Norway spoke, not whom it threatened
    let text = "Norway threatened new measures in a Danish newspaper interview.";
    let d = doc("en", text);
    let e = event(&d, "threatened");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("Norway"));
    assert_eq!(arg(&d, e.target.as_ref()), None);
    // an object right after the verb is still one
    let text = "Norway threatened Danish fishermen in a newspaper interview.";
    let d = doc("en", text);
    let e = event(&d, "threatened");
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.0, a.2)),
        Some(("Danish", "object"))
    );
}

#[test]
fn a_party_of_the_source_own_state_leaves_the_other_as_target() {
    // the deal between two states is the object: its first party is the target, unless it
    // is the source's own state
    let text = "Norway denounced the deal between Chile and Peru.";
    let d = doc("en", text);
    let e = event(&d, "denounced");
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Chile", "CHL".into(), "between-first"))
    );
    let text = "La Norvège a salué les liens entre la Norvège et le Chili.";
    let d = doc("fr", text);
    let e = event(&d, "a salué");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("Norvège"));
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Chili", "CHL".into(), "between-second"))
    );
}

#[test]
fn a_coordination_past_an_auxiliary_is_no_partner() {
    // the staff are what the UN sent: not its partner in the inquiry
    let text = "The United Nations has sent military and civilian staff to investigate the crash.";
    let d = doc("en", text);
    let e = event(&d, "investigate");
    assert_ne!(
        arg(&d, e.target.as_ref()).map(|a| a.0),
        Some("United Nations")
    );
    // a coordinated subject still is
    let text = "Greece and Turkey clashed over the islands.";
    let d = doc("en", text);
    let e = event(&d, "clashed");
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.0, a.2)),
        Some(("Greece", "coordinated-subject"))
    );
    let text = "La Grèce et la Turquie se sont affrontées au sujet des îles.";
    let d = doc("fr", text);
    let e = event(&d, "se sont affrontées");
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.0, a.2)),
        Some(("Grèce", "coordinated-subject"))
    );
}

#[test]
fn a_group_a_quantifier_takes_part_of_is_free() {
    // the rebels fight: "of" after "some" does not make them a complement
    let text = "Turkey backs some of the Syrian rebels fighting Russian troops.";
    let d = doc("en", text);
    let e = event(&d, "fighting");
    assert_eq!(
        arg(&d, e.source.as_ref()).map(|a| (a.0, a.2)),
        Some(("Syrian rebels", "subject"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| a.0),
        Some("Russian troops")
    );
    // and a counted group after the verb is its object
    let text = "Les troupes russes ont tué des dizaines de rebelles syriens.";
    let d = doc("fr", text);
    let e = event(&d, "ont tué");
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.0, a.2)),
        Some(("rebelles syriens", "object"))
    );
}

#[test]
fn the_victim_of_an_event_undergoes_it() {
    let text = "L'ambassade suédoise a été la cible d'une attaque iranienne.";
    let d = doc("fr", text);
    let e = event(&d, "attaque");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("iranienne"));
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.1, a.2)),
        Some(("SWE".into(), "undergoer"))
    );
    let text = "Le consul suédois a été victime d'une agression iranienne.";
    let d = doc("fr", text);
    let e = event(&d, "agression");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("iranienne"));
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.1, a.2)),
        Some(("SWE".into(), "undergoer"))
    );
    let text = "The Swedish embassy was the target of an Iranian attack.";
    let d = doc("en", text);
    let e = event(&d, "attack");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("Iranian"));
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.0, a.1, a.2)),
        Some(("Swedish", "SWE".into(), "undergoer"))
    );
    let t = e.target.as_ref().expect("a target");
    assert_eq!((t.span.start, t.span.end), (4, 11));
    let text = "Sweden came under an Iranian attack.";
    let d = doc("en", text);
    let e = event(&d, "attack");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Iranian", "IRN".into(), "modifier"))
    );
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Sweden", "SWE".into(), "undergoer"))
    );
    let text = "A Swedish diplomat was the victim of a Russian bombing.";
    let d = doc("en", text);
    let e = event(&d, "bombing");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("Russian"));
    assert_eq!(
        arg(&d, e.target.as_ref()).map(|a| (a.1, a.2)),
        Some(("SWE".into(), "undergoer"))
    );
}

#[test]
fn a_deed_the_object_names_is_aimed_at_its_aiming_complement() {
    let text = "The Canadian president threatened new measures against Peru on Monday.";
    let d = doc("en", text);
    let e = event(&d, "threatened");
    assert_eq!(
        arg(&d, e.source.as_ref()).map(|a| (a.0, a.1)),
        Some(("Canadian president", "CAN".into()))
    );
    let t = e.target.as_ref().expect("a target");
    assert_eq!((t.span.start, t.span.end, t.rule), (55, 59, "object-aim"));
    assert_eq!(d.slice(t.span), "Peru");
    let text = "Le Canada a condamné les mesures prises contre le Pérou.";
    let d = doc("fr", text);
    let e = event(&d, "a condamné");
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Pérou", "PER".into(), "object-aim"))
    );
}

#[test]
fn a_nouns_doer_may_be_a_phrase_ending_past_its_first_words() {
    let text = "Les attaques de l'armée chilienne contre le Pérou ont repris.";
    let d = doc("fr", text);
    let e = event(&d, "attaques");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("armée chilienne", "CHL".into(), "noun-complement"))
    );
    let s = e.source.as_ref().expect("a source");
    assert_eq!((s.span.start, s.span.end), (18, 34));
    assert_eq!(arg(&d, e.target.as_ref()).map(|a| a.0), Some("Pérou"));
}

#[test]
fn a_participle_with_no_auxiliary_is_done_to_the_actor_it_qualifies() {
    let text = "Le Pérou, attaqué par le Chili, a riposté.";
    let d = doc("fr", text);
    let e = event(&d, "attaqué");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Chili", "CHL".into(), "passive-agent"))
    );
    let t = e.target.as_ref().expect("a target");
    assert_eq!(
        (d.slice(t.span), t.span.start, t.span.end, t.rule),
        ("Pérou", 3, 9, "participle-head")
    );
}

#[test]
fn who_receives_a_deed_is_its_target() {
    let text = "Peru received a request from Chile for talks.";
    let d = doc("en", text);
    let e = event(&d, "request");
    assert_eq!(
        arg(&d, e.source.as_ref()),
        Some(("Chile", "CHL".into(), "noun-complement"))
    );
    let t = e.target.as_ref().expect("a target");
    assert_eq!((t.span.start, t.span.end, t.rule), (0, 4, "undergoer"));
    let text = "Le Pérou a reçu une aide du Chili.";
    let d = doc("fr", text);
    let e = event(&d, "aide");
    assert_eq!(arg(&d, e.source.as_ref()).map(|a| a.0), Some("Chili"));
    assert_eq!(
        arg(&d, e.target.as_ref()),
        Some(("Pérou", "PER".into(), "undergoer"))
    );
}
