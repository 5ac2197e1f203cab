//! The store end to end: write, idempotence, replacement, migrations, full text, near
//! duplicates, clusters, queries and exports.

mod common;

use common::{doc, Ev};
use vigie_store::{schema, BatchReport, EventQuery, Sort, Store};

const RECALL: &str = "Paris a rappelé jeudi son ambassadeur à Rome après des déclarations jugées inacceptables. Le gouvernement italien a regretté cette décision.";
const RECALL_COPY: &str = "Paris a rappelé jeudi son ambassadeur à Rome après des déclarations jugées inacceptables. Le gouvernement italien a regretté cette décision, selon l'agence.";
const RECALL_OTHER: &str = "La France rappelle son ambassadeur en Italie. Une crise diplomatique sans précédent depuis la guerre, estiment les historiens interrogés vendredi.";
const STRIKE: &str =
    "Moscow threatened to strike the convoy near the border. The ministry said talks would resume.";

fn recall(id: &str, url: &str, date: &str, text: &str, trigger: &str) -> vigie_store::DocRecord {
    doc(
        id,
        url,
        date,
        text,
        &[Ev {
            plover: "SANCTION",
            cameo: "161",
            src: Some((
                if text.contains("Paris") {
                    "Paris"
                } else {
                    "La France"
                },
                "FRAGOV",
            )),
            tgt: None,
            trigger,
            date: None,
            place: None,
        }],
    )
}

fn sample() -> Vec<vigie_store::DocRecord> {
    vec![
        recall(
            "a1",
            "https://www.lefigaro.fr/a1",
            "2019-02-07",
            RECALL,
            "a rappelé",
        ),
        recall(
            "b1",
            "https://www.lemonde.fr/b1",
            "2019-02-07",
            RECALL_COPY,
            "a rappelé",
        ),
        recall(
            "c1",
            "https://www.liberation.fr/c1",
            "2019-02-08",
            RECALL_OTHER,
            "rappelle",
        ),
        doc(
            "d1",
            "https://news.example.com/d1",
            "2019-02-07",
            STRIKE,
            &[moscow_threatens_the_convoy()],
        ),
    ]
}

#[test]
fn writing_the_same_articles_again_changes_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    let r = s.write_batch(&sample()).unwrap();
    assert_eq!(
        r,
        BatchReport {
            inserted: 4,
            replaced: 0,
            unchanged: 0
        }
    );
    let before = s.stats().unwrap();
    let r = s.write_batch(&sample()).unwrap();
    assert_eq!(
        r,
        BatchReport {
            inserted: 0,
            replaced: 0,
            unchanged: 4
        }
    );
    assert_eq!(s.stats().unwrap(), before);
    assert_eq!(before.documents, 4);
    assert_eq!(before.events, 4);
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
}

#[test]
fn a_new_version_of_an_article_replaces_its_extraction() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&sample()).unwrap();
    let updated = doc(
        "d1",
        "https://news.example.com/d1",
        "2019-02-07",
        "Moscow denied any plan to strike. Officials accused Kyiv of provocation.",
        &[Ev {
            plover: "ACCUSE",
            cameo: "112",
            src: Some(("Officials", "RUSGOV")),
            tgt: Some(("Kyiv", "UKRGOV")),
            trigger: "accused",
            date: None,
            place: None,
        }],
    );
    let r = s.write_batch(&[updated]).unwrap();
    assert_eq!(r.replaced, 1);
    let st = s.stats().unwrap();
    assert_eq!(st.documents, 4);
    assert_eq!(st.events, 4);
    let threats = s
        .query(&EventQuery {
            plover: Some("THREATEN".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert!(threats.is_empty(), "the old extraction is gone");
    let acc = s
        .query(&EventQuery {
            actor: Some("UKR".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_eq!(acc.len(), 1);
    assert_eq!(acc[0].trigger, "accused");
    assert_eq!(acc[0].trigger_span, [44, 51]);
    assert_eq!(acc[0].evidence, "Officials accused Kyiv of provocation.");
    // the old text is no longer found, the new one is
    let old = EventQuery {
        text: Some("convoy".into()),
        ..EventQuery::default()
    };
    assert!(s.query(&old).unwrap().is_empty());
    let new = EventQuery {
        text: Some("provocation".into()),
        ..EventQuery::default()
    };
    assert_eq!(s.query(&new).unwrap().len(), 1);
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
}

/// A store at an old schema `version` holding `docs`, as the vigie of that version wrote them:
/// the documents are written by today's code into a scratch store, then the columns the old
/// schema has are copied into a file migrated only that far.
fn old_store(path: &std::path::Path, version: i64, docs: &[vigie_store::DocRecord]) {
    drop(Store::open_at_version(path, version).unwrap());
    let mut cur = Store::open_in_memory().unwrap();
    cur.write_batch(docs).unwrap();
    let c = cur.conn();
    c.execute("ATTACH ?1 AS old", [path.to_str().unwrap()])
        .unwrap();
    for table in [
        "documents",
        "doc_bands",
        "clusters",
        "events",
        "mentions",
        "entities",
        "places",
        "times",
        "quotes",
        "counts",
    ] {
        let mut stmt = c
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}', 'old')"
            ))
            .unwrap();
        let cols: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let cols = cols.join(", ");
        c.execute_batch(&format!(
            "INSERT INTO old.{table} ({cols}) SELECT {cols} FROM main.{table}"
        ))
        .unwrap();
    }
    c.execute_batch("DETACH old").unwrap();
}

#[test]
fn migrations_bring_an_old_store_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    for from in 1..schema::VERSION {
        let path = dir.path().join(format!("v{from}.db"));
        old_store(&path, from, &sample());
        let s = Store::open(&path).unwrap();
        assert_eq!(schema::version(s.conn()).unwrap(), schema::VERSION);
        // documents written before the full-text index existed are found by it
        let q = EventQuery {
            text: Some("ambassadeur".into()),
            ..EventQuery::default()
        };
        assert_eq!(s.query(&q).unwrap().len(), 3, "from version {from}");
        // events located before the bounding-box index existed are found by it
        let q = EventQuery {
            bbox: Some(vigie_store::query::BBox {
                min_lon: 2.0,
                min_lat: 48.0,
                max_lon: 3.0,
                max_lat: 49.0,
            }),
            limit: Some(10),
            ..EventQuery::default()
        };
        let rows: Vec<String> = s.query(&q).unwrap().into_iter().map(|r| r.doc_id).collect();
        assert_eq!(rows, ["d1"], "from version {from}");
        // the cluster counts copied onto the events sort them: the recall three outlets
        // reported comes first
        let q = EventQuery {
            sort: Sort::Sources,
            limit: Some(1),
            ..EventQuery::default()
        };
        let top = s.query(&q).unwrap();
        assert_eq!(
            (top[0].plover.as_str(), top[0].num_sources),
            ("SANCTION", 3)
        );
        assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
        drop(s);
        // and the migrated store takes new writes as a fresh one does
        let mut s = Store::open(&path).unwrap();
        let more = doc(
            "e1",
            "https://news.example.com/e1",
            "2019-02-07",
            STRIKE,
            &[moscow_threatens_the_convoy()],
        );
        assert_eq!(s.write_batch(&[more]).unwrap().inserted, 1);
        assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
    }
    // a store from a newer vigie is refused, not damaged
    let path = dir.path().join("new.db");
    let s = Store::open(&path).unwrap();
    s.conn().execute_batch("PRAGMA user_version = 99").unwrap();
    drop(s);
    assert!(matches!(
        Store::open(&path),
        Err(vigie_store::StoreError::TooNew { found: 99, .. })
    ));
}

#[test]
fn full_text_search_folds_accents() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&sample()).unwrap();
    let q = EventQuery {
        text: Some("precedent".into()),
        ..EventQuery::default()
    };
    let rows = s.query(&q).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].doc_id, "c1");
}

#[test]
fn wire_copies_are_grouped_and_same_happenings_clustered() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&sample()).unwrap();
    let st = s.stats().unwrap();
    assert_eq!(st.near_duplicate_groups, 1);
    assert_eq!(st.documents_in_duplicate_groups, 2);
    let q = EventQuery {
        plover: Some("SANCTION".into()),
        sort: Sort::DateAsc,
        ..EventQuery::default()
    };
    let rows = s.query(&q).unwrap();
    assert_eq!(rows.len(), 3);
    // a1 and b1 are copies (one group); c1 is another article; all three report one recall
    assert_eq!(rows[0].dup_group, rows[1].dup_group);
    assert_ne!(rows[0].dup_group, rows[2].dup_group);
    assert!(rows.iter().all(|r| r.cluster == rows[0].cluster));
    assert_eq!(
        (
            rows[0].num_articles,
            rows[0].num_sources,
            rows[0].num_mentions
        ),
        (3, 3, 3)
    );
    // the threat is another happening
    let t = s
        .query(&EventQuery {
            plover: Some("THREATEN".into()),
            ..EventQuery::default()
        })
        .unwrap();
    assert_ne!(t[0].cluster, rows[0].cluster);
    assert_eq!(s.stats().unwrap().clusters, 2);
    // rebuilding gives the same clusters
    assert_eq!(s.recluster().unwrap(), 2);
    assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
}

#[test]
fn happenings_days_apart_or_elsewhere_stay_apart() {
    let mut s = Store::open_in_memory().unwrap();
    let mut docs = sample();
    docs.push(recall(
        "e1",
        "https://www.lepoint.fr/e1",
        "2019-02-12",
        RECALL_OTHER,
        "rappelle",
    ));
    let mut elsewhere = sample().pop().unwrap();
    elsewhere.url = Some("https://other.example.org/x".into());
    elsewhere.text.push(' ');
    if let Some(p) = elsewhere.events[0].place.as_mut() {
        p.geonameid = 2_643_743;
        p.country = "GB".into();
    }
    docs.push(elsewhere);
    s.write_batch(&docs).unwrap();
    let st = s.stats().unwrap();
    assert_eq!(
        st.clusters, 4,
        "recall x2 (days apart), threat x2 (places apart)"
    );
}

#[test]
fn queries_filter_sort_and_limit() {
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&sample()).unwrap();
    let by = |q: EventQuery| -> Vec<String> {
        s.query(&q).unwrap().into_iter().map(|r| r.doc_id).collect()
    };
    assert_eq!(
        by(EventQuery {
            source: Some("RUSGOV".into()),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        by(EventQuery {
            target: Some("UKR".into()),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        by(EventQuery {
            cameo: Some("13".into()),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        by(EventQuery {
            outlet: Some("lemonde.fr".into()),
            ..Default::default()
        }),
        ["b1"]
    );
    assert_eq!(
        by(EventQuery {
            from: Some("2019-02-08".into()),
            ..Default::default()
        }),
        ["c1"]
    );
    assert_eq!(
        by(EventQuery {
            to: Some("2019-02-07".into()),
            sort: Sort::DateAsc,
            ..Default::default()
        }),
        ["a1", "b1", "d1"]
    );
    assert_eq!(
        by(EventQuery {
            geonameid: Some(703_883),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        by(EventQuery {
            place: Some("BORDER".into()),
            ..Default::default()
        }),
        ["d1"]
    );
    let bbox = vigie_store::query::BBox {
        min_lon: 2.0,
        min_lat: 48.0,
        max_lon: 3.0,
        max_lat: 49.0,
    };
    assert_eq!(
        by(EventQuery {
            bbox: Some(bbox),
            ..Default::default()
        }),
        ["d1"]
    );
    assert_eq!(
        by(EventQuery {
            status: Some("negated".into()),
            ..Default::default()
        }),
        Vec::<String>::new()
    );
    assert_eq!(
        by(EventQuery {
            limit: Some(2),
            ..Default::default()
        })
        .len(),
        2
    );
    let top = s
        .query(&EventQuery {
            sort: Sort::Sources,
            limit: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(top[0].num_sources, 3);
    assert!(s
        .query(&EventQuery {
            actor: Some("R%".into()),
            ..Default::default()
        })
        .is_err());
}

#[test]
fn filters_run_on_indexes() {
    let s = Store::open_in_memory().unwrap();
    for q in [
        EventQuery {
            actor: Some("RUS".into()),
            ..Default::default()
        },
        EventQuery {
            plover: Some("THREATEN".into()),
            ..Default::default()
        },
        EventQuery {
            geonameid: Some(1),
            ..Default::default()
        },
        EventQuery {
            outlet: Some("x.org".into()),
            ..Default::default()
        },
    ] {
        let plan = s.query_plan(&q).unwrap().join(" | ");
        assert!(
            plan.contains("USING INDEX") || plan.contains("USING COVERING INDEX"),
            "{plan}"
        );
        assert!(!plan.contains("SCAN e "), "{plan}");
    }
}

/// A call between two presidents on 25 July, reported that day in French and in English; an
/// English article recalls it in September without its date; another call between them, told
/// in other words; a later call told in the recall's very words but dated after it.
#[test]
fn a_later_report_of_an_earlier_happening_joins_its_cluster() {
    struct Call {
        id: &'static str,
        date: &'static str,
        text: &'static str,
        src: &'static str,
        tgt: &'static str,
        trigger: &'static str,
        own: Option<&'static str>,
    }
    let calls = [
        Call {
            id: "j1",
            date: "2019-07-25",
            text: "Le président ruritanien a appelé jeudi le président syldave pour parler du gazoduc.",
            src: "Le président ruritanien",
            tgt: "le président syldave",
            trigger: "a appelé",
            own: Some("2019-07-25"),
        },
        Call {
            id: "j2",
            date: "2019-07-25",
            text: "The Ruritanian president called the Syldavian president on Thursday about the gas pipeline.",
            src: "The Ruritanian president",
            tgt: "the Syldavian president",
            trigger: "called",
            own: Some("2019-07-25"),
        },
        Call {
            id: "s1",
            date: "2019-09-30",
            text: "The Ruritanian president called the Syldavian president about the gas pipeline in July, a summary shows.",
            src: "The Ruritanian president",
            tgt: "the Syldavian president",
            trigger: "called",
            own: None,
        },
        Call {
            id: "s2",
            date: "2019-09-10",
            text: "Yesterday the Ruritanian president phoned Syldavia's leader to congratulate him on the election.",
            src: "the Ruritanian president",
            tgt: "Syldavia's leader",
            trigger: "phoned",
            own: Some("2019-09-09"),
        },
        Call {
            id: "n1",
            date: "2019-11-20",
            text: "The Ruritanian president called the Syldavian president about the gas pipeline on Tuesday, a summary shows.",
            src: "The Ruritanian president",
            tgt: "the Syldavian president",
            trigger: "called",
            own: Some("2019-11-19"),
        },
    ];
    let docs: Vec<_> = calls
        .iter()
        .enumerate()
        .map(|(i, c)| {
            doc(
                c.id,
                &format!("https://outlet{i}.example/{}", c.id),
                c.date,
                c.text,
                &[Ev {
                    plover: "CONSULT",
                    cameo: "040",
                    src: Some((c.src, "RURGOV")),
                    tgt: Some((c.tgt, "SYLGOV")),
                    trigger: c.trigger,
                    date: c.own,
                    place: None,
                }],
            )
        })
        .collect();
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&docs).unwrap();
    let cluster_of = |s: &Store, doc: &str| -> i64 {
        s.conn()
            .query_row(
                "SELECT e.cluster FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_id = ?1",
                [doc],
                |r| r.get(0),
            )
            .unwrap()
    };
    for pass in ["as written", "reclustered"] {
        // the same day: French and English reports are one happening
        assert_eq!(cluster_of(&s, "j2"), cluster_of(&s, "j1"), "{pass}");
        // recalled in September in the words of the English report
        assert_eq!(cluster_of(&s, "s1"), cluster_of(&s, "j2"), "{pass}");
        // the other call shares only the names
        assert_ne!(cluster_of(&s, "s2"), cluster_of(&s, "j1"), "{pass}");
        assert_ne!(cluster_of(&s, "s2"), cluster_of(&s, "s1"), "{pass}");
        // a call dated after the September article cannot be what it reported
        assert_ne!(cluster_of(&s, "n1"), cluster_of(&s, "s1"), "{pass}");
        assert!(s.check().unwrap().is_empty(), "{:?}", s.check().unwrap());
        s.recluster().unwrap();
    }
}

/// A drone strike dated by its report, recalled a week later without its date in other words
/// ("the attack", one word in common besides the actors): each article holds one strike by these actors, so they are
/// one happening. A third article holding two strikes by the same actors stays undecided, and
/// words naming the actors ("Ruritanian", "Syldavian") do not count as shared. (The later
/// articles are days apart: undated reports a day apart are one happening by the same-day
/// rule.)
#[test]
fn a_dated_report_anchors_a_later_undated_one_when_each_is_alone_of_its_kind() {
    let strike =
        |id: &str, date: &str, text: &str, triggers: &[&'static str], own: Option<&str>| {
            let evs: Vec<Ev<'_>> = triggers
                .iter()
                .map(|t| Ev {
                    plover: "ASSAULT",
                    cameo: "195",
                    src: Some(("Syldavian", "SYLREB")),
                    tgt: Some(("Ruritanian", "RURGOV")),
                    trigger: t,
                    date: own.map(|_| "2019-09-14"),
                    place: None,
                })
                .collect();
            doc(id, &format!("https://{id}.example/a"), date, text, &evs)
        };
    let docs = vec![
        strike(
            "dated",
            "2019-09-15",
            "Syldavian drones struck the Ruritanian oil refinery at dawn on Saturday.",
            &["struck"],
            Some("2019-09-14"),
        ),
        strike(
            "later",
            "2019-09-23",
            "The Syldavian attack halved the Ruritanian output of oil.",
            &["attack"],
            None,
        ),
        strike(
            "two",
            "2019-09-27",
            "Syldavian rebels shelled a Ruritanian oil depot. Syldavian gunmen also raided a Ruritanian village.",
            &["shelled", "raided"],
            None,
        ),
        strike(
            "names",
            "2019-09-30",
            "A Syldavian commando ambushed a Ruritanian convoy.",
            &["ambushed"],
            None,
        ),
    ];
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(&docs).unwrap();
    let clusters = |s: &Store, doc: &str| -> Vec<i64> {
        let mut stmt = s
            .conn()
            .prepare("SELECT e.cluster FROM events e JOIN documents d ON d.id = e.doc WHERE d.doc_id = ?1 ORDER BY e.ord")
            .unwrap();
        stmt.query_map([doc], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    for pass in ["as written", "reclustered"] {
        let dated = clusters(&s, "dated")[0];
        assert_eq!(clusters(&s, "later"), [dated], "{pass}");
        // two strikes in one article: neither is anchored (they share "oil" with the report)
        assert!(!clusters(&s, "two").contains(&dated), "{pass}");
        // only the actors' names are shared
        assert_ne!(clusters(&s, "names"), [dated], "{pass}");
        s.recluster().unwrap();
    }
}

/// The threat of the STRIKE text, as its extraction would code it.
fn moscow_threatens_the_convoy() -> Ev<'static> {
    Ev {
        plover: "THREATEN",
        cameo: "138",
        src: Some(("Moscow", "RUSGOV")),
        tgt: Some(("the convoy", "UKRMIL")),
        trigger: "threatened",
        date: None,
        place: Some(("border", 703_883, "UA")),
    }
}
