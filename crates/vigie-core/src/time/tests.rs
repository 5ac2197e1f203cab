//! Tagger tests per family of expressions, French and English, on sentences written for
//! them: exact spans and values.

use super::*;
use crate::lexicon::Sources;
use crate::segment;

fn lexicon() -> TimeLexicon {
    TimeLexicon::load(&Sources::builtin()).expect("time lexicon loads")
}

fn doc(lang: &str, date: Option<&str>, text: &str) -> Doc {
    let mut d = Doc::new("t", text);
    d.lang = lang.to_string();
    d.date = date.and_then(crate::pipeline::parse_input_date);
    d
}

/// As the pipeline runs it, after segmentation (the tagger reads only the folded text, so
/// the property test below calls `doc` directly).
fn segmented(lang: &str, date: Option<&str>, text: &str) -> Doc {
    let mut d = doc(lang, date, text);
    let seg = segment::SegmentLexicon::load(&Sources::builtin()).expect("segment lexicon");
    segment::segment(&mut d, &seg);
    d
}

/// `(text, value)` of every expression.
fn run(lang: &str, date: &str, text: &str) -> Vec<(String, String)> {
    let lex = lexicon();
    let d = segmented(lang, Some(date), text);
    tag(&d, &lex)
        .into_iter()
        .map(|t| (d.slice(t.span).to_string(), t.value))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
        .collect()
}

#[test]
fn fr_absolute_dates() {
    assert_eq!(
        run("fr", "2026-01-08", "Le 6 janvier 2026, puis mardi 6 janvier et le 1er mai 1962, enfin 06/01/2026 et 2026-01-06."),
        pairs(&[
            ("Le 6 janvier 2026", "2026-01-06"),
            ("mardi 6 janvier", "2026-01-06"),
            ("le 1er mai 1962", "1962-05-01"),
            ("06/01/2026", "2026-01-06"),
            ("2026-01-06", "2026-01-06"),
        ])
    );
}

#[test]
fn en_absolute_dates() {
    assert_eq!(
        run("en", "2026-01-08", "On January 6, 2026 and on 6 Jan. 2026, then Jan. 14 and the 6th, and 2026-01-06 or 01/06/2026."),
        pairs(&[
            ("January 6, 2026", "2026-01-06"),
            ("6 Jan. 2026", "2026-01-06"),
            ("Jan. 14", "2026-01-14"),
            ("the 6th", "2026-01-06"),
            ("2026-01-06", "2026-01-06"),
            ("01/06/2026", "2026-01-06"),
        ])
    );
}

#[test]
fn datelines_in_both_languages() {
    assert_eq!(
        run(
            "en",
            "2019-09-30",
            "Sunday, September 29, 2019\n\nThe talks ended."
        ),
        pairs(&[("Sunday, September 29, 2019", "2019-09-29")])
    );
    assert_eq!(
        run("fr", "2012-07-06", "5 juillet 2012. - Le ministre a parlé."),
        pairs(&[("5 juillet 2012", "2012-07-05")])
    );
}

#[test]
fn fr_weekdays_relative_to_the_document_date() {
    // 8 January 2026 is a Thursday
    assert_eq!(
        run("fr", "2026-01-08", "Ce jeudi, le ministre a reçu jeudi dernier ses pairs, qu'il a revus mardi; il partira jeudi prochain."),
        pairs(&[
            ("Ce jeudi", "2026-01-08"),
            ("jeudi dernier", "2026-01-01"),
            ("mardi", "2026-01-06"),
            ("jeudi prochain", "2026-01-15"),
        ])
    );
    // a future verb in the clause sends a bare weekday forward
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le sommet se tiendra samedi à Bruxelles."
        ),
        pairs(&[("samedi", "2026-01-10")])
    );
    // so does a present modal of possibility, but not « peut-être »
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les coureurs peuvent rêver du podium dimanche, mais l'équipe est peut-être partie lundi."
        ),
        pairs(&[("dimanche", "2026-01-11"), ("lundi", "2026-01-05")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The riders can win the title on Sunday."
        ),
        pairs(&[("Sunday", "2026-01-11")])
    );
}

#[test]
fn en_weekdays_relative_to_the_document_date() {
    assert_eq!(
        run("en", "2026-01-08", "The army said on Tuesday that last Thursday's strike hit a depot; talks will resume on Monday."),
        pairs(&[("Tuesday", "2026-01-06"), ("last Thursday", "2026-01-01"), ("Monday", "2026-01-12")])
    );
}

#[test]
fn a_weekday_named_the_day_before_its_date_is_the_next_day() {
    // 11 January 2026 is a Sunday: « lundi » is tomorrow, « samedi » yesterday
    assert_eq!(
        run(
            "fr",
            "2026-01-11",
            "Les discussions de lundi suivent celles de samedi."
        ),
        pairs(&[("lundi", "2026-01-12"), ("samedi", "2026-01-10")])
    );
}

#[test]
fn fr_relative_days_and_periods() {
    assert_eq!(
        run("fr", "2026-01-08", "Hier, avant-hier et demain; la semaine dernière, le mois prochain, l'an dernier, il y a trois jours et dans deux semaines."),
        pairs(&[
            ("Hier", "2026-01-07"),
            ("avant-hier", "2026-01-06"),
            ("demain", "2026-01-09"),
            ("la semaine dernière", "2026-W01"),
            ("le mois prochain", "2026-02"),
            ("l'an dernier", "2025"),
            ("il y a trois jours", "2026-01-05"),
            ("dans deux semaines", "2026-W04"),
        ])
    );
}

#[test]
fn en_relative_days_and_periods() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Yesterday and today; last week, next month, this year, two days ago, and a year ago."
        ),
        pairs(&[
            ("Yesterday", "2026-01-07"),
            ("today", "2026-01-08"),
            ("last week", "2026-W01"),
            ("next month", "2026-02"),
            ("this year", "2026"),
            ("two days ago", "2026-01-06"),
            ("a year ago", "2025"),
        ])
    );
}

#[test]
fn the_past_alone_or_before_a_unit_and_the_weekend_just_past() {
    // 5 January 2026 is a Monday: "the weekend" is the one before it
    assert_eq!(
        run(
            "en",
            "2026-01-05",
            "In the past, over the past year and the weekend."
        ),
        pairs(&[
            ("the past", "PAST_REF"),
            ("the past year", "2025"),
            ("the weekend", "2026-W01-WE")
        ])
    );
}

#[test]
fn this_month_and_last_season() {
    assert_eq!(
        run(
            "en",
            "2026-02-05",
            "The vote is this September; the floods came last spring."
        ),
        pairs(&[("this September", "2026-09"), ("last spring", "2025-SP")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-10-05",
            "Les crues de l'été dernier et celles du printemps dernier."
        ),
        pairs(&[
            ("l'été dernier", "2026-SU"),
            ("printemps dernier", "2026-SP")
        ])
    );
}

#[test]
fn partial_dates_keep_the_value_of_their_period() {
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Début janvier, puis fin 2025 et mi-mars, et à la fin de l'année."
        ),
        pairs(&[
            ("Début janvier", "2026-01"),
            ("fin 2025", "2025"),
            ("mi-mars", "2026-03"),
            ("à la fin de l'année", "2026"),
        ])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "In early January and late 2025, and this summer."
        ),
        pairs(&[
            ("early January", "2026-01"),
            ("late 2025", "2025"),
            ("this summer", "2026-SU")
        ])
    );
}

#[test]
fn ranges_give_both_days_their_month() {
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Du 6 au 8 janvier, puis les 10 et 11 décembre."
        ),
        pairs(&[
            ("6", "2026-01-06"),
            ("8 janvier", "2026-01-08"),
            ("10", "2025-12-10"),
            ("11 décembre", "2025-12-11")
        ])
    );
    assert_eq!(
        run("en", "2026-06-08", "It ran between March and May."),
        pairs(&[("March", "2026-03"), ("May", "2026-05")])
    );
}

#[test]
fn years_and_decades() {
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "En 2019, comme dans les années 1990, 2000 manifestants."
        ),
        pairs(&[("2019", "2019"), ("les années 1990", "199")])
    );
    assert_eq!(
        run("en", "2026-01-08", "In 2019, as in the 1990s."),
        pairs(&[("2019", "2019"), ("the 1990s", "199")])
    );
}

#[test]
fn times_of_day_give_the_day_and_the_part() {
    let lex = lexicon();
    let d = doc("fr", Some("2026-01-08"), "Jeudi soir, les tirs ont repris.");
    let t = tag(&d, &lex);
    assert_eq!(
        (d.slice(t[0].span), t[0].value.as_str(), t[0].part_of_day),
        ("Jeudi soir", "2026-01-08", Some("evening"))
    );
    let d = doc(
        "en",
        Some("2026-01-08"),
        "Shelling resumed on Tuesday morning.",
    );
    let t = tag(&d, &lex);
    assert_eq!(
        (d.slice(t[0].span), t[0].value.as_str(), t[0].part_of_day),
        ("Tuesday morning", "2026-01-06", Some("morning"))
    );
    assert_eq!(
        run("fr", "2026-01-08", "Mardi, vers 11h15 puis à 20 h 30."),
        pairs(&[
            ("Mardi", "2026-01-06"),
            ("11h15", "2026-01-06T11:15"),
            ("20 h 30", "2026-01-06T20:30")
        ])
    );
}

#[test]
fn plural_units_after_last_or_next_are_vague_durations() {
    let lex = lexicon();
    let d = segmented(
        "fr",
        Some("2026-01-08"),
        "Ces derniers jours, les combats ont repris.",
    );
    let t = tag(&d, &lex);
    assert_eq!(
        (d.slice(t[0].span), t[0].value.as_str(), t[0].is_duration),
        ("derniers jours", "PXD", true)
    );
}

#[test]
fn present_references() {
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Il est actuellement à Kiev, aujourd'hui."
        ),
        pairs(&[
            ("actuellement", "PRESENT_REF"),
            ("aujourd'hui", "2026-01-08")
        ])
    );
    assert_eq!(
        run("en", "2026-01-08", "He is now in Kyiv."),
        pairs(&[("now", "PRESENT_REF")])
    );
}

#[test]
fn durations_are_never_dates() {
    let lex = lexicon();
    let d = doc("fr", Some("2026-01-08"), "La guerre dure depuis trois ans.");
    let t = tag(&d, &lex);
    assert_eq!(
        (d.slice(t[0].span), t[0].value.as_str(), t[0].is_duration),
        ("trois ans", "P3Y", true)
    );
    let d = doc("en", Some("2026-01-08"), "The siege lasted for two weeks.");
    let t = tag(&d, &lex);
    assert_eq!(
        (d.slice(t[0].span), t[0].value.as_str(), t[0].is_duration),
        ("two weeks", "P2W", true)
    );
}

#[test]
fn ages_are_not_durations() {
    assert_eq!(
        run("fr", "2026-01-08", "Un homme de 87 ans est mort."),
        pairs(&[])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "A man aged 87 died; he was 87 years old."
        ),
        pairs(&[])
    );
    assert_eq!(
        run("fr", "2026-01-08", "Il est en prison depuis 17 ans."),
        pairs(&[("17 ans", "P17Y")])
    );
}

#[test]
fn anaphoric_days_follow_the_last_named_day() {
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le 3 janvier, l'armée a attaqué; la veille, elle avait prévenu."
        ),
        pairs(&[("Le 3 janvier", "2026-01-03"), ("la veille", "2026-01-02")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "On January 3 troops moved in; the following day they left."
        ),
        pairs(&[
            ("January 3", "2026-01-03"),
            ("the following day", "2026-01-04")
        ])
    );
}

#[test]
fn the_verb_ete_and_may_are_not_dates() {
    assert_eq!(run("fr", "2026-01-08", "Il a été arrêté."), pairs(&[]));
    assert_eq!(
        run("en", "2026-01-08", "They may march on the capital."),
        pairs(&[])
    );
}

#[test]
fn without_a_document_date_only_absolute_expressions() {
    let lex = lexicon();
    let mut d = doc("fr", None, "Hier, le 6 janvier 2026.");
    d.date = None;
    let t: Vec<_> = tag(&d, &lex).into_iter().map(|t| t.value).collect();
    assert_eq!(t, ["2026-01-06"]);
}

#[test]
fn publication_date_from_text_and_url() {
    let lex = lexicon();
    let d = doc(
        "fr",
        None,
        "PARIS - Ce jeudi 8 janvier, le président a parlé.",
    );
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2026, 1, 8).unwrap(),
            DateSource::Text
        ))
    );
    let d = doc("en", None, "Monday, September 30, 2019\n\nThe House met.");
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2019, 9, 30).unwrap(),
            DateSource::Text
        ))
    );
    let mut d = doc("en", None, "The House met.");
    d.url = Some("https://example.org/world/2019/nov/18/a-story".into());
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2019, 11, 18).unwrap(),
            DateSource::Url
        ))
    );
    d.url = Some("https://example.org/2018/12/12/a-story".into());
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2018, 12, 12).unwrap(),
            DateSource::Url
        ))
    );
    d.url = Some("https://example.org/europe/201805/25/01-5183180-a-story.php".into());
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2018, 5, 25).unwrap(),
            DateSource::Url
        ))
    );
    d.url = Some("https://example.org/monde/a-story-22-01-2019-2287808_24.php".into());
    assert_eq!(
        infer_publication_date(&d, &lex),
        Some((
            NaiveDate::from_ymd_opt(2019, 1, 22).unwrap(),
            DateSource::Url
        ))
    );
    d.url = None;
    assert_eq!(infer_publication_date(&d, &lex), None);
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn no_input_panics_the_tagger(text in "\\PC{0,80}", words in proptest::collection::vec(prop_oneof![
            Just("le"), Just("6"), Just("janvier"), Just("2026"), Just("/"), Just("-"), Just("h"),
            Just("mi-"), Just("jeudi"), Just("dernier"), Just("May"), Just("the"), Just("31st"),
            Just("il y a"), Just("ans"), Just("ago"), Just(":"), Just("p.m."), Just("99"), Just("\n"),
            Just("previous"), Just("Friday"), Just("year's"), Just("'s"), Just("first"),
            Just("quarter"), Just("nineties"), Just("années"), Just("quatre-vingt-dix"),
            Just("précédent"), Just("to"), Just("fall"), Just("of"), Just("next"),
        ], 0..12)) {
            let lex = lexicon();
            for lang in ["fr", "en"] {
                for t in [text.clone(), words.join(" ")] {
                    let d = doc(lang, Some("2026-01-08"), &t);
                    for e in tag(&d, &lex) {
                        prop_assert!(d.text.get(e.span.start..e.span.end).is_some());
                    }
                    let _ = infer_publication_date(&d, &lex);
                }
            }
        }
    }
}

#[test]
fn a_year_earlier_compares_with_the_quarter_in_focus() {
    assert_eq!(
        run("en", "2026-11-05", "Sales rose in the third quarter. A year earlier they fell, and the year-ago quarter was weak."),
        pairs(&[
            ("the third quarter", "2026-Q3"),
            ("A year earlier", "2025-Q3"),
            ("the year-ago quarter", "2025-Q3"),
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-11-05",
            "Les ventes ont progressé au troisième trimestre. Il y a un an, elles reculaient."
        ),
        pairs(&[
            ("troisième trimestre", "2026-Q3"),
            ("Il y a un an", "2025-Q3")
        ])
    );
    // a comparison does not move the quarter in focus; an ordinal names its own quarter
    assert_eq!(
        run("en", "2026-11-05", "Profit rose in the third quarter from a year ago. The year-ago second quarter was flat."),
        pairs(&[
            ("the third quarter", "2026-Q3"),
            ("a year ago", "2025-Q3"),
            ("The year-ago second quarter", "2025-Q2"),
        ])
    );
    // no quarter named: the year
    assert_eq!(
        run(
            "en",
            "2026-11-05",
            "Two years ago the plant closed; a year ago it reopened."
        ),
        pairs(&[("Two years ago", "2024"), ("a year ago", "2025")])
    );
    assert_eq!(
        run("fr", "2026-11-05", "L'usine a fermé il y a un an."),
        pairs(&[("il y a un an", "2025")])
    );
}

#[test]
fn a_day_or_month_with_a_relative_year() {
    assert_eq!(
        run(
            "en",
            "2026-01-10",
            "They met on March 20 last year and again in January this year."
        ),
        pairs(&[
            ("March 20 last year", "2025-03-20"),
            ("January this year", "2026-01")
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-10",
            "Ils se sont vus le 20 mars de l'an dernier, puis en juin de l'année dernière."
        ),
        pairs(&[
            ("le 20 mars de l'an dernier", "2025-03-20"),
            ("juin de l'année dernière", "2025-06"),
        ])
    );
}

#[test]
fn a_bare_weekday_names_again_the_day_given_with_it() {
    // 11 November 2026 is a Wednesday
    assert_eq!(
        run(
            "fr",
            "2026-11-11",
            "Une collecte aura lieu samedi 14 novembre. Rendez-vous samedi à 8 h devant la mairie."
        ),
        pairs(&[
            ("samedi 14 novembre", "2026-11-14"),
            ("samedi", "2026-11-14"),
            ("8 h", "2026-11-14T08:00"),
        ])
    );
    assert_eq!(
        run("en", "2026-11-11", "A cleanup is planned for Saturday, November 14. Volunteers gather Saturday at the town hall."),
        pairs(&[("Saturday, November 14", "2026-11-14"), ("Saturday", "2026-11-14")])
    );
}

#[test]
fn an_attributive_date_is_not_the_day_the_story_is_at() {
    // 10 January 2026 is a Saturday
    assert_eq!(
        run("en", "2026-01-10", "Ministers met on Wednesday. They rejected the November 27 agreement. A reply came the next day."),
        pairs(&[
            ("Wednesday", "2026-01-07"),
            ("the November 27", "2025-11-27"),
            ("the next day", "2026-01-08"),
        ])
    );
}

#[test]
fn a_headline_in_capitals_shows_its_tense() {
    // 10 November 2026 is a Tuesday
    assert_eq!(
        run("fr", "2026-11-10", "LE VILLAGE FERA LA FÊTE DIMANCHE."),
        pairs(&[("DIMANCHE", "2026-11-15")])
    );
    assert_eq!(
        run("en", "2026-11-10", "THE TOWN WILL CELEBRATE ON SUNDAY."),
        pairs(&[("SUNDAY", "2026-11-15")])
    );
}

#[test]
fn recurrences_are_sets() {
    let lex = lexicon();
    let d = segmented(
        "en",
        Some("2026-01-08"),
        "Flights run daily, talks resume every week and the board meets each Thursday.",
    );
    let got: Vec<_> = tag(&d, &lex)
        .into_iter()
        .map(|t| (d.slice(t.span).to_string(), t.value, t.granularity))
        .collect();
    assert_eq!(
        got,
        vec![
            ("daily".to_string(), "P1D".to_string(), Granularity::Set),
            (
                "every week".to_string(),
                "P1W".to_string(),
                Granularity::Set
            ),
            (
                "each Thursday".to_string(),
                "XXXX-WXX-4".to_string(),
                Granularity::Set
            ),
        ]
    );
    assert_eq!(
        run("fr", "2026-01-08", "La revue est annuelle, le marché se tient chaque mardi et les trains passent tous les jours."),
        pairs(&[("annuelle", "P1Y"), ("chaque mardi", "XXXX-WXX-2"), ("tous les jours", "P1D")])
    );
}

#[test]
fn a_capitalized_frequency_word_is_a_name_not_a_set() {
    // newspapers and magazines: the People's Daily, « L'Hebdomadaire du Sud »
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "On Monday, the People's Daily said prices are published weekly."
        ),
        pairs(&[("Monday", "2026-01-05"), ("weekly", "P1W")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Lundi, L'Hebdomadaire du Sud a publié sa revue mensuelle."
        ),
        pairs(&[("Lundi", "2026-01-05"), ("mensuelle", "P1M")])
    );
}

#[test]
fn hyphenated_counts_are_durations() {
    let lex = lexicon();
    let d = segmented(
        "en",
        Some("2026-01-08"),
        "He began a two-year term after a 30-day review and a 16-hour debate.",
    );
    let got: Vec<_> = tag(&d, &lex)
        .into_iter()
        .map(|t| (d.slice(t.span).to_string(), t.value, t.is_duration))
        .collect();
    assert_eq!(
        got,
        vec![
            ("two-year".to_string(), "P2Y".to_string(), true),
            ("30-day".to_string(), "P30D".to_string(), true),
            ("16-hour".to_string(), "PT16H".to_string(), true),
        ]
    );
    // French writes the unit after the number without a hyphen: unchanged
    assert_eq!(
        run("fr", "2026-01-08", "Le mandat dure deux ans."),
        pairs(&[("deux ans", "P2Y")])
    );
}

#[test]
fn years_said_in_words() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "It began in nineteen ninety-six and ended in January nineteen ninety-seven."
        ),
        pairs(&[
            ("nineteen ninety-six", "1996"),
            ("January nineteen ninety-seven", "1997-01")
        ])
    );
    // a count of units stays a duration
    assert_eq!(
        run("en", "2026-01-08", "The talks lasted twenty days."),
        pairs(&[("twenty days", "P20D")])
    );
}

#[test]
fn a_past_tense_keeps_a_month_in_the_past() {
    assert_eq!(
        run("en", "2026-10-27", "The firm changed its name in December."),
        pairs(&[("December", "2025-12")])
    );
    assert_eq!(
        run(
            "en",
            "2026-10-27",
            "The firm will change its name in December."
        ),
        pairs(&[("December", "2026-12")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-10-27",
            "Le groupe avait changé de nom en décembre."
        ),
        pairs(&[("décembre", "2025-12")])
    );
    assert_eq!(
        run("fr", "2026-10-27", "Le groupe changera de nom en décembre."),
        pairs(&[("décembre", "2026-12")])
    );
}

#[test]
fn a_past_tense_keeps_a_day_in_the_past_unless_the_next_is_days_away() {
    assert_eq!(
        run(
            "en",
            "2026-10-27",
            "The accord was signed on Dec. 5 and talks resume on Dec. 5."
        ),
        pairs(&[("Dec. 5", "2025-12-05"), ("Dec. 5", "2026-12-05")])
    );
    assert_eq!(
        run("en", "2026-01-06", "The hearing was postponed to Jan. 14."),
        pairs(&[("Jan. 14", "2026-01-14")])
    );
}

#[test]
fn an_initial_does_not_end_the_clause_of_a_tense_cue() {
    assert_eq!(
        run(
            "en",
            "2026-10-26",
            "Mr. Smith will succeed John P. Doe Feb. 1 as chairman."
        ),
        pairs(&[("Feb. 1", "2027-02-01")])
    );
    // « qu'il » opens another clause: its future does not reach the weekday
    assert_eq!(
        run("fr", "2026-01-08", "Il a annoncé mardi qu'il partira."),
        pairs(&[("mardi", "2026-01-06")])
    );
}

#[test]
fn an_age_in_apposition_is_not_a_duration() {
    assert_eq!(
        run("fr", "2026-01-08", "Paul Martin, 64 ans, a été élu. Il a régné 12 ans, puis Agée de 90 ans, elle est partie."),
        pairs(&[("12 ans", "P12Y")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Mary Jones, 64 years, was elected after 12 years, the mayor said."
        ),
        pairs(&[("12 years", "P12Y")])
    );
}

#[test]
fn the_nearest_tense_cue_decides_a_bare_weekday() {
    // 2024-03-13 is a Wednesday: "said Monday" is past although "will" opens the sentence;
    // "will sign on Monday" is the next one
    assert_eq!(
        run("en", "2024-03-13", "The minister will stay in office, the spokesman said Monday. The two leaders will sign the pact on Monday."),
        pairs(&[("Monday", "2024-03-11"), ("Monday", "2024-03-18")])
    );
    // a quotation has its own tense: its "will" does not reach the words after it
    assert_eq!(
        run(
            "en",
            "2024-03-13",
            "\"We will rebuild the bridge,\" the mayor told reporters Friday."
        ),
        pairs(&[("Friday", "2024-03-08")])
    );
}

#[test]
fn a_participle_after_be_is_no_past_cue() {
    assert_eq!(
        run("en", "2024-03-13", "The vote will be held on Friday."),
        pairs(&[("Friday", "2024-03-15")])
    );
}

#[test]
fn a_forward_word_points_a_date_to_the_future() {
    // a past verb in the clause does not pull a payment date back a year
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "The board declared a dividend payable Dec. 15 to holders of record, effective Jan. 2."
        ),
        pairs(&[("Dec. 15", "2023-12-15"), ("Jan. 2", "2024-01-02")])
    );
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "The firm plans to repay the loan by February."
        ),
        pairs(&[("February", "2024-02")])
    );
    // a past clause keeps a weak forward word in the past
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "The troops stayed in the city until February."
        ),
        pairs(&[("February", "2023-02")])
    );
    assert_eq!(
        run("fr", "2023-10-30", "Le dividende sera payable le 15 décembre ; l'entreprise remboursera sa dette d'ici février. Les soldats étaient restés jusqu'au 3 février."),
        pairs(&[("le 15 décembre", "2023-12-15"), ("février", "2024-02"), ("3 février", "2023-02-03")])
    );
}

#[test]
fn holidays_by_their_rule() {
    // 2023-11-29: Thanksgiving 2023 fell on November 23; Easter 2024 on March 31
    assert_eq!(
        run("en", "2023-11-29", "Sales rose on Thanksgiving Day and will peak before Christmas. Stores closed on Easter Monday 2022. The divers left Easter Island."),
        pairs(&[
            ("Thanksgiving Day", "2023-11-23"),
            ("Christmas", "2023-12-25"),
            ("Easter Monday 2022", "2022-04-18"),
        ])
    );
    assert_eq!(
        run(
            "en",
            "2024-01-10",
            "The store was busy last Christmas and will reopen after Easter."
        ),
        pairs(&[("last Christmas", "2023-12-25"), ("Easter", "2024-03-31")])
    );
    // « Noël Mamère » is a name; « la Pentecôte » follows Easter by 49 days
    assert_eq!(
        run("fr", "2024-04-10", "Noël Mamère a parlé à Pâques. Le vote aura lieu à la Pentecôte, après le lundi de Pâques 2025."),
        pairs(&[
            ("Pâques", "2024-03-31"),
            ("la Pentecôte", "2024-05-19"),
            ("le lundi de Pâques 2025", "2025-04-21"),
        ])
    );
}

#[test]
fn the_following_year_counts_from_the_last_time_named() {
    assert_eq!(
        run("en", "2024-05-02", "The plant opened in 2015. The following year it doubled output, and the previous month had been quiet."),
        pairs(&[("2015", "2015"), ("The following year", "2016"), ("the previous month", "2015-12")])
    );
    assert_eq!(
        run(
            "fr",
            "2024-05-02",
            "L'usine a ouvert en mars 2015. L'année suivante, elle a doublé sa production."
        ),
        pairs(&[("mars 2015", "2015-03"), ("L'année suivante", "2016")])
    );
}

#[test]
fn a_hyphenated_age_is_not_a_duration() {
    assert_eq!(
        run(
            "en",
            "2024-05-02",
            "The 7-year-old girl and her 8-month-old brother began a two-year stay."
        ),
        pairs(&[("two-year", "P2Y")])
    );
}

#[test]
fn a_weekday_naming_a_thing_is_the_nearest_one() {
    // 2024-06-09 is a Sunday: the summit « de mardi » is two days ahead, not five back
    assert_eq!(
        run(
            "fr",
            "2024-06-09",
            "Le président prépare le sommet de mardi avec son homologue."
        ),
        pairs(&[("mardi", "2024-06-11")])
    );
    // 2024-06-07 is a Friday: the attack « de mardi » is three days back
    assert_eq!(
        run(
            "fr",
            "2024-06-07",
            "Les enquêteurs examinent l'attaque de mardi."
        ),
        pairs(&[("mardi", "2024-06-04")])
    );
}

#[test]
fn a_present_auxiliary_leaves_the_tense_open_and_would_looks_ahead() {
    // 2023-10-30: "said" is beyond "is", so Dec. 7 is the near one ahead, not last year's
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "The company said it is calling a vote on Dec. 7."
        ),
        pairs(&[("Dec. 7", "2023-12-07")])
    );
    // 2024-02-13: the flights "would" start on March 30, six weeks ahead
    assert_eq!(
        run(
            "en",
            "2024-02-13",
            "The airline said the new flights would start on March 30."
        ),
        pairs(&[("March 30", "2024-03-30")])
    );
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "The firm said it expects to report its results in mid-November."
        ),
        pairs(&[("mid-November", "2023-11")])
    );
}

#[test]
fn a_present_perfect_leaves_the_tense_open() {
    // 2024-02-10: "has decided" does not pull March back a year; "has extended … through
    // January" reaches ahead
    assert_eq!(
        run(
            "en",
            "2024-02-10",
            "The alliance has decided to admit two members in early March."
        ),
        pairs(&[("early March", "2024-03")])
    );
    assert_eq!(
        run(
            "en",
            "2023-10-30",
            "A bank has extended the loans through January."
        ),
        pairs(&[("January", "2024-01")])
    );
    assert_eq!(
        run(
            "en",
            "2024-02-10",
            "The accession was planned for early March."
        ),
        pairs(&[("early March", "2024-03")])
    );
}

#[test]
fn a_possessive_weekday_names_the_nearest_day() {
    // 2024-06-07 is a Friday: "would" does not push "Wednesday's ruling" to next week
    assert_eq!(
        run(
            "en",
            "2024-06-07",
            "The lawyers said they would appeal Wednesday's ruling."
        ),
        pairs(&[("Wednesday", "2024-06-05")])
    );
}

#[test]
fn a_clock_time_before_a_day_is_one_time_on_that_day() {
    // 8 January 2026 is a Thursday
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The deadline was moved to 9 a.m. EST Friday, and the talks will resume at noon Monday."
        ),
        pairs(&[
            ("9 a.m. EST Friday", "2026-01-09T09:00"),
            ("noon Monday", "2026-01-12T12:00"),
        ])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The offer expires at 5 p.m. EST, Jan. 20, the company said."
        ),
        pairs(&[("5 p.m. EST, Jan. 20", "2026-01-20T17:00")])
    );
    // a day first, then the clock time after a preposition: two expressions, the clock on
    // that day (FR-TimeBank and TimeBank keep them apart)
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le concert aura lieu samedi 10 janvier, à 20 h 30, et la répétition à midi."
        ),
        pairs(&[
            ("samedi 10 janvier", "2026-01-10"),
            ("20 h 30", "2026-01-10T20:30"),
            ("midi", "2026-01-10T12:00"),
        ])
    );
    // « le Midi » is a region, "High Noon" a film
    assert_eq!(
        run("fr", "2026-01-08", "Il pleut dans le Midi."),
        pairs(&[])
    );
    assert_eq!(
        run("en", "2026-01-08", "They watched High Noon."),
        pairs(&[])
    );
}

#[test]
fn within_a_count_of_units_is_a_duration() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The ministry must answer within two weeks and decide within 30 days."
        ),
        pairs(&[("two weeks", "P2W"), ("30 days", "P30D")])
    );
}

#[test]
fn current_is_the_present_and_recent_units_a_vague_duration() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Under current rules, recent protests drew crowds in recent months."
        ),
        // a bare "recent" is no time (TimeBank marks it as often as not)
        pairs(&[("current", "PRESENT_REF"), ("recent months", "PXM")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le directeur actuel et la situation actuelle."
        ),
        pairs(&[("actuel", "PRESENT_REF"), ("actuelle", "PRESENT_REF")])
    );
}

#[test]
fn a_postponement_points_forward_even_in_a_past_clause() {
    // 8 January 2026 is a Thursday: the Tuesday after it is the 13th
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The court postponed until Tuesday any ruling on the case."
        ),
        pairs(&[("Tuesday", "2026-01-13")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le vote a été reporté à mardi par le président."
        ),
        pairs(&[("mardi", "2026-01-13")])
    );
}

#[test]
fn a_listed_tense_word_beats_a_guessed_ending_farther_on() {
    // "untouched" ends like a past verb but is an adjective; "will" decides
    assert_eq!(
        run(
            "en",
            "2026-09-01",
            "The airline will add flights between the two capitals and several other cities by May in markets untouched by the crisis."
        ),
        pairs(&[("May", "2027-05")])
    );
    // right next to the expression an ending decides: "arrived Thursday"
    assert_eq!(
        run(
            "en",
            "2026-01-10",
            "The envoy, who arrived Thursday for a tour likely to last a week, met officials."
        ),
        pairs(&[("Thursday", "2026-01-08"), ("a week", "P1W")])
    );
}

#[test]
fn a_two_digit_year_after_a_month() {
    assert_eq!(
        run("fr", "2026-01-08", "Depuis octobre 98, rien n'a changé."),
        pairs(&[("octobre 98", "1998-10")])
    );
    assert_eq!(
        run("fr", "2026-06-01", "Le 3 mars 12 personnes sont venues."),
        pairs(&[("Le 3 mars", "2026-03-03")])
    );
}

#[test]
fn decades_ago_count_in_years() {
    assert_eq!(
        run("en", "2026-01-08", "The plant closed a decade ago."),
        pairs(&[("a decade ago", "2016")])
    );
    assert_eq!(
        run("fr", "2026-01-08", "L'usine a fermé il y a deux décennies."),
        pairs(&[("il y a deux décennies", "2006")])
    );
}

#[test]
fn a_year_with_a_quarter_or_period_noun_takes_the_quarter_in_focus() {
    assert_eq!(
        run("en", "2026-11-05", "Profit rose in the third quarter, against a loss in the 2025 quarter and in the 2024 period."),
        pairs(&[
            ("the third quarter", "2026-Q3"),
            ("the 2025 quarter", "2025-Q3"),
            ("the 2024 period", "2024-Q3"),
        ])
    );
    assert_eq!(
        run("fr", "2026-11-05", "Le bénéfice a progressé au deuxième trimestre, contre une perte sur la même période de 2025."),
        pairs(&[("deuxième trimestre", "2026-Q2"), ("période de 2025", "2025-Q2")])
    );
    // no quarter named: the year; never a count of 2025 quarters
    assert_eq!(
        run("en", "2026-11-05", "Sales fell from the 2025 period."),
        pairs(&[("the 2025 period", "2025")])
    );
    // a stretch of months takes the focus off the quarter
    assert_eq!(
        run(
            "en",
            "2026-11-05",
            "Sales rose in the third quarter. In the nine months, they fell from a year earlier."
        ),
        pairs(&[
            ("the third quarter", "2026-Q3"),
            ("nine months", "P9M"),
            ("a year earlier", "2025"),
        ])
    );
}

#[test]
fn ordinal_centuries() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "A church of the 11th century, restored in the twentieth century."
        ),
        pairs(&[("the 11th century", "10"), ("the twentieth century", "19")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Une église du 11e siècle, restaurée au vingtième siècle."
        ),
        pairs(&[("11e siècle", "10"), ("vingtième siècle", "19")])
    );
}

#[test]
fn a_bare_month_named_again_keeps_its_year() {
    // written in December: the next April is named first, then again without a tense
    assert_eq!(
        run("en", "2026-12-05", "The three states are expected to join in April. They can plan for the summit in April."),
        pairs(&[("April", "2027-04"), ("April", "2027-04")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-12-05",
            "Les trois pays doivent adhérer en avril. Ils peuvent préparer le sommet d'avril."
        ),
        pairs(&[("avril", "2027-04"), ("avril", "2027-04")])
    );
    // a past tense keeps its own April
    assert_eq!(
        run(
            "en",
            "2026-12-05",
            "They are expected to join in April. The talks began in April."
        ),
        pairs(&[("April", "2027-04"), ("April", "2026-04")])
    );
}

#[test]
fn a_reporting_participle_closes_the_clause_of_a_weekday() {
    // 13 March 2027 is a Saturday: Friday is the day before, whatever "will" says after
    assert_eq!(
        run(
            "en",
            "2027-03-13",
            "The ministers issued a statement Friday saying the treaty will bring peace."
        ),
        pairs(&[("Friday", "2027-03-12")])
    );
    assert_eq!(
        run(
            "fr",
            "2027-03-13",
            "Le ministre a parlé vendredi, affirmant que le traité apportera la paix."
        ),
        pairs(&[("vendredi", "2027-03-12")])
    );
}

#[test]
fn decimals_are_no_years_and_year_first_dates_read() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The index closed at 1962.35 on 2025.5.13 and 2025/5/14."
        ),
        pairs(&[("2025.5.13", "2025-05-13"), ("2025/5/14", "2025-05-14")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "L'indice a clôturé à 1962,35 points le 2025.5.13."
        ),
        pairs(&[("le 2025.5.13", "2025-05-13")])
    );
}

#[test]
fn near_future_phrases() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Prices should ease in the near future but not in the short term."
        ),
        pairs(&[
            ("the near future", "FUTURE_REF"),
            ("the short term", "FUTURE_REF")
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les prix devraient baisser dans un proche avenir, pas à court terme."
        ),
        pairs(&[("un proche avenir", "FUTURE_REF")])
    );
}

#[test]
fn quarters_with_an_ordinal_in_digits() {
    assert_eq!(
        run("en", "2026-11-05", "Sales rose in the 3rd quarter of 2025."),
        pairs(&[("the 3rd quarter of 2025", "2025-Q3")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-11-05",
            "Les ventes ont progressé au 3e trimestre 2025."
        ),
        pairs(&[("3e trimestre 2025", "2025-Q3")])
    );
}

#[test]
fn a_verb_of_intent_before_an_infinitive_looks_ahead() {
    // 2026-01-08, a Thursday: the past verb decides, threatens or plans what is to come
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The council decided to hold the vote in June."
        ),
        pairs(&[("June", "2026-06")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The union threatened to strike on Monday."
        ),
        pairs(&[("Monday", "2026-01-12")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les syndicats ont décidé de manifester en juin."
        ),
        pairs(&[("juin", "2026-06")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les routiers ont menacé de bloquer le port lundi."
        ),
        pairs(&[("lundi", "2026-01-12")])
    );
    // without the verb of intent, the past tense keeps both in the past
    assert_eq!(
        run("en", "2026-01-08", "The council held the vote in June."),
        pairs(&[("June", "2025-06")])
    );
    assert_eq!(
        run("fr", "2026-01-08", "Les routiers ont bloqué le port lundi."),
        pairs(&[("lundi", "2026-01-05")])
    );
}

#[test]
fn a_guessed_ending_does_not_hide_a_listed_tense_word_before_it() {
    // "unspecified" looks like a past verb, « opéra » like a future one; the listed auxiliary
    // farther back in the clause decides
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The bonus would be paid on a still unspecified date in June."
        ),
        pairs(&[("June", "2026-06")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les chanteurs avaient donné cet opéra en juin."
        ),
        pairs(&[("juin", "2025-06")])
    );
}

#[test]
fn a_part_of_day_alone_is_a_part_of_the_day_the_text_is_at() {
    // 2026-01-08: the afternoon after « hier »/"yesterday" is yesterday's (the value is the
    // day; the part of day is its own field)
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le convoi est parti hier en début d'après-midi."
        ),
        pairs(&[("hier", "2026-01-07"), ("début d'après-midi", "2026-01-07")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The convoy left yesterday, in the early afternoon."
        ),
        pairs(&[
            ("yesterday", "2026-01-07"),
            ("early afternoon", "2026-01-07")
        ])
    );
    // with no day named before, the part of today
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The convoy left in the early afternoon."
        ),
        pairs(&[("early afternoon", "2026-01-08")])
    );
    // a day named right after the part is that day's
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The convoy left in the early-afternoon Tuesday."
        ),
        pairs(&[("early-afternoon Tuesday", "2026-01-06")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le convoi est parti en fin de matinée mardi."
        ),
        pairs(&[("fin de matinée mardi", "2026-01-06")])
    );
}

#[test]
fn a_fiscal_year_is_a_year() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Sales rose in the current fiscal year and should fall next fiscal year."
        ),
        pairs(&[
            ("the current fiscal year", "2026"),
            ("next fiscal year", "2027")
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le déficit a baissé l'année fiscale dernière et remontera l'exercice budgétaire prochain."
        ),
        pairs(&[
            ("l'année fiscale dernière", "2025"),
            ("l'exercice budgétaire prochain", "2027")
        ])
    );
}

#[test]
fn a_direction_before_a_unit_is_the_unit_s() {
    // "fall" is a verb here: "next" goes with "week"
    assert_eq!(
        run("en", "2026-01-08", "Prices could fall next week."),
        pairs(&[("next week", "2026-W03")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les prix ont baissé à l'automne dernier."
        ),
        pairs(&[("l'automne dernier", "2025-FA")])
    );
    // a weekday takes "next week" whole: the Friday of next week
    assert_eq!(
        run("en", "2026-01-08", "The talks resume Friday next week."),
        pairs(&[("Friday next week", "2026-01-16")])
    );
}

#[test]
fn the_day_the_text_is_at_named_again() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The army entered the town on Tuesday. Later that day, the mayor fled."
        ),
        pairs(&[("Tuesday", "2026-01-06"), ("Later that day", "2026-01-06")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "L'armée est entrée dans la ville mardi. Plus tard dans la journée, le maire a fui."
        ),
        pairs(&[
            ("mardi", "2026-01-06"),
            ("Plus tard dans la journée", "2026-01-06")
        ])
    );
    // a date after a possessive names a thing, not the day the text is at
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The panel met on Tuesday over the mayor's July 25 speech. Later in the day, he resigned."
        ),
        pairs(&[
            ("Tuesday", "2026-01-06"),
            ("July 25", "2025-07-25"),
            ("Later in the day", "2026-01-06")
        ])
    );
}

#[test]
fn the_french_compound_past_keeps_a_date_in_the_past() {
    // 2026-01-08: « a signé », « a reçu » are past, so February and 2 March are last
    // year's; « a lieu » is the present, « à » no verb
    assert_eq!(
        run("fr", "2026-01-08", "Le Mali a signé l'accord en février."),
        pairs(&[("février", "2025-02")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le ministre a reçu l'ambassadeur le 2 mars."
        ),
        pairs(&[("le 2 mars", "2025-03-02")])
    );
    assert_eq!(
        run("fr", "2026-01-08", "Le sommet a lieu le 2 mars."),
        pairs(&[("le 2 mars", "2026-03-02")])
    );
    // a pronominal verb and a verb of motion with « être »
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le ministre s'est rendu à Dakar le 2 mars."
        ),
        pairs(&[("le 2 mars", "2025-03-02")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "La délégation est arrivée à Dakar le 2 mars."
        ),
        pairs(&[("le 2 mars", "2025-03-02")])
    );
    // a passive present looks ahead
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le ministre est attendu à Dakar le 2 mars."
        ),
        pairs(&[("le 2 mars", "2026-03-02")])
    );
    assert_eq!(
        run("fr", "2026-01-08", "Le sommet a lieu le 20 janvier."),
        pairs(&[("le 20 janvier", "2026-01-20")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Rendez-vous à côté de la mairie le 20 janvier."
        ),
        pairs(&[("le 20 janvier", "2026-01-20")])
    );
}

#[test]
fn that_year_is_the_year_the_text_last_named() {
    // TimeML values "that year" as the period of the time just told, not the document's
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The plant opened in 2019. That year, exports doubled; later that month they fell."
        ),
        pairs(&[
            ("2019", "2019"),
            ("That year", "2019"),
            ("later that month", "2019-01"),
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "L'usine a ouvert en mars 2019. Cette année-là, les ventes ont doublé."
        ),
        pairs(&[("mars 2019", "2019-03"), ("Cette année-là", "2019")])
    );
    // a compound noun is no anaphor: "that year-end figure"
    assert_eq!(
        run("en", "2026-01-08", "He said that year-end sales rose."),
        pairs(&[])
    );
}

#[test]
fn the_week_of_a_day_is_that_days_week() {
    // 2000-03-06 is the Monday of ISO week 10
    assert_eq!(
        run(
            "en",
            "2000-02-24",
            "The vote is planned for the week of March 6."
        ),
        pairs(&[("the week of March 6", "2000-W10")])
    );
    assert_eq!(
        run(
            "fr",
            "2000-02-24",
            "Le vote est prévu la semaine du 6 mars."
        ),
        pairs(&[("la semaine du 6 mars", "2000-W10")])
    );
}

#[test]
fn a_clock_time_before_a_comma_and_a_day_is_on_that_day() {
    // written on Friday 9 January 2026: « jeudi » is the 8th, and so is the clock time
    assert_eq!(
        run(
            "fr",
            "2026-01-09",
            "Vers 0 h 40, jeudi, la police a interpellé deux hommes."
        ),
        pairs(&[("0 h 40", "2026-01-08T00:40"), ("jeudi", "2026-01-08")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-09",
            "At 12:40 a.m., Thursday, police arrested two men."
        ),
        pairs(&[
            ("12:40 a.m.", "2026-01-08T00:40"),
            ("Thursday", "2026-01-08")
        ])
    );
}

#[test]
fn a_negation_between_auxiliary_and_participle_keeps_the_past() {
    // 2026-01-08, a Thursday: a past clause keeps « le 10 janvier » of 2025 only when the
    // next one is not days away, so take a weekday: « samedi » past is the 3rd, next the 10th
    for (text, span) in [
        ("Il n'a pas signé samedi.", "samedi"),
        ("Il a déjà signé samedi.", "samedi"),
    ] {
        assert_eq!(
            run("fr", "2026-01-08", text),
            pairs(&[(span, "2026-01-03")]),
            "{text}"
        );
    }
    assert_eq!(
        run("en", "2026-01-08", "He did not sign on Saturday."),
        pairs(&[("Saturday", "2026-01-03")])
    );
}

#[test]
fn a_date_after_an_infinitive_is_not_set_by_the_past_verb() {
    // written on 2 November 1989: January is two months ahead, ten months back; the past
    // verb dates the agreement, not the purchase
    assert_eq!(
        run(
            "en",
            "1989-11-02",
            "The bank announced an agreement to acquire the insurer in January."
        ),
        pairs(&[("January", "1990-01")])
    );
    // with no infinitive the past verb decides
    assert_eq!(
        run(
            "en",
            "1989-11-02",
            "The bank acquired the insurer in January."
        ),
        pairs(&[("January", "1989-01")])
    );
    // a verb looking ahead still governs it
    assert_eq!(
        run("en", "1989-11-01", "The sale is scheduled to close Monday."),
        pairs(&[("Monday", "1989-11-06")])
    );
}

#[test]
fn a_verb_after_a_comma_does_not_override_the_clause_verb() {
    // 2026-01-08, a Thursday: "will meet" looks ahead whatever "said" after the comma
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The ministers will meet on Monday, officials said."
        ),
        pairs(&[("Monday", "2026-01-12")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Les ministres se réuniront lundi, a indiqué un porte-parole."
        ),
        pairs(&[("lundi", "2026-01-12")])
    );
}

#[test]
fn the_previous_or_following_weekday_counts_from_the_day_the_text_is_at() {
    // written on Thursday 8 January 2026; the text is at Friday 2 January
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The index rose on January 2, up 4% from the previous Friday."
        ),
        pairs(&[
            ("January 2", "2026-01-02"),
            ("the previous Friday", "2025-12-26"),
        ])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The talks opened on January 2 and resumed the following Monday."
        ),
        pairs(&[
            ("January 2", "2026-01-02"),
            ("the following Monday", "2026-01-05"),
        ])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "Le vote a eu lieu le 2 janvier. Le vendredi précédent, les députés avaient débattu."
        ),
        pairs(&[
            ("le 2 janvier", "2026-01-02"),
            ("Le vendredi précédent", "2025-12-26")
        ])
    );
    // no day named before: counted from the report, last week's Friday and next week's
    // Monday, as "last Friday" and "next Monday" (written on Thursday 8 January 2026)
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Shares fell below the previous Monday's close."
        ),
        pairs(&[("the previous Monday", "2025-12-29")])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The vote is set for the following Friday."
        ),
        pairs(&[("the following Friday", "2026-01-16")])
    );
    // without the article, "previous" counts from the report as "last" does, whatever the
    // text named before
    assert_eq!(
        run("en", "2026-01-08", "It was next Monday or previous Monday."),
        pairs(&[
            ("next Monday", "2026-01-12"),
            ("previous Monday", "2025-12-29")
        ])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-09",
            "Shares closed 3% below the previous Friday."
        ),
        pairs(&[("the previous Friday", "2026-01-02")])
    );
}

#[test]
fn fall_after_to_is_the_verb_unless_it_ends_a_range() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Prices are expected to fall further, and the coalition began to fall apart."
        ),
        pairs(&[])
    );
    assert_eq!(
        run("en", "2026-01-08", "The works ran from spring to fall."),
        pairs(&[("spring", "2026-SP"), ("fall", "2026-FA")])
    );
}

#[test]
fn a_quarter_of_a_year_named_relative_to_the_report() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The merger could close in next year's first quarter, after a loss in the third quarter of last year."
        ),
        pairs(&[
            ("next year's first quarter", "2027-Q1"),
            ("the third quarter of last year", "2025-Q3"),
        ])
    );
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "Sales should recover in the second quarter of next year."
        ),
        pairs(&[("the second quarter of next year", "2027-Q2")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "La fusion sera conclue au premier trimestre de l'année prochaine."
        ),
        pairs(&[("premier trimestre de l'année prochaine", "2027-Q1")])
    );
}

#[test]
fn decades_in_words() {
    assert_eq!(
        run(
            "en",
            "2026-01-08",
            "The city grew in the nineties; its mayor, now in his sixties, recalls it."
        ),
        pairs(&[("the nineties", "199"), ("now", "PRESENT_REF")])
    );
    assert_eq!(
        run(
            "fr",
            "2026-01-08",
            "La ville a grandi dans les années quatre-vingt-dix."
        ),
        pairs(&[("les années quatre-vingt-dix", "199")])
    );
}

#[test]
fn a_part_of_a_season_without_an_article() {
    // the part word stands where the article would: "early summer", « fin été »
    assert_eq!(
        run(
            "en",
            "2024-10-02",
            "Crops failed in early summer and the harvest came in late autumn."
        ),
        pairs(&[("early summer", "2024-SU"), ("late autumn", "2024-FA")])
    );
    assert_eq!(
        run(
            "fr",
            "2024-10-02",
            "Les travaux ont commencé fin printemps."
        ),
        pairs(&[("fin printemps", "2024-SP")])
    );
    // a word going on makes the season word a noun: no season
    assert_eq!(
        run(
            "en",
            "2024-10-02",
            "Traders feared an early fall in the currency."
        ),
        pairs(&[])
    );
}

#[test]
fn a_decade_of_life_is_no_decade() {
    // two digits after a possessive: an age; after an article or in four digits: a decade
    assert_eq!(
        run(
            "en",
            "2024-10-02",
            "She moved in her 40s, as artists did in the 60s and the 1920s."
        ),
        pairs(&[("the 60s", "196"), ("the 1920s", "192")])
    );
}

#[test]
fn a_weekday_with_a_plural_part_of_day_recurs() {
    let lex = lexicon();
    let d = segmented(
        "en",
        Some("2024-10-02"),
        "The club opens on Friday nights, and every Monday morning it sells bread. It shut Friday night.",
    );
    let got: Vec<_> = tag(&d, &lex)
        .into_iter()
        .map(|t| {
            (
                t.span.start,
                t.span.end,
                t.value,
                t.granularity,
                t.part_of_day,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                18,
                31,
                "XXXX-WXX-5".to_string(),
                Granularity::Set,
                Some("night")
            ),
            (
                37,
                57,
                "XXXX-WXX-1".to_string(),
                Granularity::Set,
                Some("morning")
            ),
            (
                82,
                94,
                "2024-09-27".to_string(),
                Granularity::Day,
                Some("night")
            ),
        ]
    );
}
