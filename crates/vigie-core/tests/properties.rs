//! Properties of the whole extractor on arbitrary input: it never panics, and every span it
//! emits lies inside `text` on character boundaries and quotes exactly the field's text.

use std::sync::OnceLock;

use proptest::prelude::*;
use vigie_core::{Article, Extraction, Extractor, Lexicon};

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::new(Lexicon::builtin().expect("built-in lexicon compiles")))
}

/// The text of a scalar-offset span, or None when it is out of range or reversed.
fn cut(text: &str, [s, e]: [usize; 2]) -> Option<String> {
    (s <= e && e <= text.chars().count()).then(|| text.chars().skip(s).take(e - s).collect())
}

fn check(x: &Extraction) -> Result<(), String> {
    let t = &x.text;
    let want = |what: &str, span: [usize; 2], field: &str| -> Result<(), String> {
        match cut(t, span) {
            Some(s) if s == field => Ok(()),
            Some(s) => Err(format!(
                "{what}: span {span:?} quotes {s:?}, field says {field:?}"
            )),
            None => Err(format!(
                "{what}: span {span:?} outside a text of {} chars",
                t.chars().count()
            )),
        }
    };
    for &s in x.boilerplate.iter().chain(&x.sentences) {
        cut(t, s).ok_or(format!("layer span {s:?} outside text"))?;
    }
    for e in &x.entities {
        want("entity", e.span, &e.text)?;
    }
    for p in &x.places {
        want("place", p.span, &p.text)?;
    }
    for m in &x.times {
        want("time", m.span, &m.text)?;
    }
    for q in &x.quotes {
        want("quote", q.span, &q.text)?;
        if let Some(sp) = &q.speaker {
            if let Some(span) = sp.span {
                want("speaker", span, &sp.text)?;
            }
        }
    }
    for c in &x.counts {
        want("count", c.span, &c.text)?;
    }
    for ev in &x.events {
        want("trigger", ev.trigger.span, &ev.trigger.text)?;
        for a in ev.source.iter().chain(ev.target.iter()) {
            want("argument", a.span, &a.text)?;
        }
        for m in &ev.mentions {
            cut(t, m.span).ok_or("mention outside text")?;
        }
    }
    Ok(())
}

/// Text that looks enough like news to reach every stage: words, names, quotes, numbers,
/// dates, French punctuation, odd spaces and arbitrary Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("La Russie a menacé l’Ukraine ".to_string()),
        Just("« cible légitime » ".to_string()),
        Just("le 6 janvier 2026, ".to_string()),
        Just("35 pays européens se sont réunis à Paris. ".to_string()),
        Just("Plus d’un million de personnes ".to_string()),
        Just("The United States accused Iran on Tuesday. ".to_string()),
        Just("\"We will respond,\" he said. ".to_string()),
        Just("Lire aussi : ".to_string()),
        Just("\n".to_string()),
        Just("M. ".to_string()),
        Just("20,5\u{a0}% ".to_string()),
        Just("Saint\u{2011}Denis a\u{2011}".to_string()),
        "[A-Za-zÀ-ÿ ,.;:!?«»“”'’\\-\n0-9]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_exact_and_nothing_panics(text in newsish(), lang in prop_oneof![Just("fr"), Just("en"), Just("")]) {
        let a = Article {
            id: "p".into(),
            text: Some(text),
            lang: (!lang.is_empty()).then(|| lang.to_string()),
            date: Some("2026-01-08".into()),
            ..Article::default()
        };
        let x = extractor().extract(&a).expect("valid article extracts");
        prop_assert_eq!(&x.text, a.text.as_ref().unwrap());
        if let Err(e) = check(&x) {
            prop_assert!(false, "{}", e);
        }
    }

    #[test]
    fn arbitrary_articles_never_panic(id in ".{0,8}", text in proptest::option::of(".{0,200}"), lang in proptest::option::of(".{0,4}"), date in proptest::option::of(".{0,12}")) {
        let a = Article { id, text, lang, date, ..Article::default() };
        if let Ok(x) = extractor().extract(&a) {
            if let Err(e) = check(&x) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}

#[test]
fn output_is_deterministic() {
    let a = Article {
        id: "d".into(),
        text: Some(
            "Le 6 janvier 2026, la France a accusé la Russie. « Non », a répondu Moscou.".into(),
        ),
        lang: Some("fr".into()),
        date: Some("2026-01-08".into()),
        ..Article::default()
    };
    let one = serde_json::to_string(&extractor().extract(&a).unwrap()).unwrap();
    let two = serde_json::to_string(&extractor().extract(&a).unwrap()).unwrap();
    assert_eq!(one, two);
}

#[test]
fn bad_fields_are_errors_naming_the_document() {
    let x = extractor();
    let base = Article {
        id: "doc-7".into(),
        text: Some("Texte.".into()),
        ..Article::default()
    };
    let no_text = Article {
        text: None,
        ..base.clone()
    };
    assert_eq!(
        x.extract(&no_text).unwrap_err().to_string(),
        "document doc-7: has neither `text` nor `html`"
    );
    let lang = Article {
        lang: Some("xx".into()),
        ..base.clone()
    };
    assert!(x
        .extract(&lang)
        .unwrap_err()
        .to_string()
        .starts_with("document doc-7: unknown language code `xx`"));
    for d in ["2026-02-30", "08/01/2026", "2026-01-08Z", "yesterday"] {
        let date = Article {
            date: Some(d.into()),
            ..base.clone()
        };
        let e = x.extract(&date).unwrap_err().to_string();
        assert!(e.starts_with("document doc-7: impossible date"), "{d}: {e}");
    }
    let ok = Article {
        date: Some("2026-01-08T10:00:00+01:00".into()),
        lang: Some("FR".into()),
        ..base
    };
    let out = x.extract(&ok).unwrap();
    assert_eq!(
        (out.date.as_deref(), out.lang.as_str()),
        (Some("2026-01-08"), "fr")
    );
}

#[test]
fn other_languages_pass_through_with_language_independent_layers() {
    let a = Article {
        id: "de".into(),
        text: Some(
            "Der Minister ist nicht mit den Vertretern der Nachbarländer zufrieden. Er reist ab."
                .into(),
        ),
        ..Article::default()
    };
    let x = extractor().extract(&a).unwrap();
    assert_eq!(x.lang, "de");
    assert_eq!(x.sentences.len(), 2);
    assert!(x.events.is_empty());
}
