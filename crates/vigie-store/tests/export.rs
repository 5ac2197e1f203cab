//! Exports read back: the contract round trip, CSV, PLOVER records, the GDELT table.

mod common;

use common::{doc, Ev};
use vigie_store::export::{contract, csv, gdelt, plover};
use vigie_store::{DocRecord, EventQuery, Store};

const TEXT: &str =
    "Le ministre a accusé Moscou d'ingérence, à Paris. « C'est faux », a répondu le Kremlin.";

fn store() -> (Store, DocRecord) {
    let d = doc(
        "x1",
        "https://www.exemple.fr/x1",
        "2026-01-08",
        TEXT,
        &[Ev {
            plover: "ACCUSE",
            cameo: "112",
            src: Some(("Le ministre", "FRAGOV")),
            tgt: Some(("Moscou", "RUSGOV")),
            trigger: "a accusé",
            date: Some("2026-01-08"),
            place: Some(("Paris", 2_988_507, "FR")),
        }],
    );
    let mut s = Store::open_in_memory().unwrap();
    s.write_batch(std::slice::from_ref(&d)).unwrap();
    (s, d)
}

#[test]
fn contract_lines_round_trip() {
    let (s, d) = store();
    let mut out = Vec::new();
    assert_eq!(contract::export(&s, &mut out).unwrap(), 1);
    let line = String::from_utf8(out).unwrap();
    let back = DocRecord::from_json_line(line.trim_end()).unwrap();
    let mut expected = d;
    expected.outlet = Some("exemple.fr".into());
    assert_eq!(back, expected);
}

#[test]
fn csv_has_a_header_and_quoted_evidence() {
    let (s, _) = store();
    let mut out = Vec::new();
    csv::export(&s, &EventQuery::default(), &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with("doc_id,event_id,date,plover"));
    assert!(lines[1].starts_with("x1,e1,2026-01-08,ACCUSE,112,"));
    assert!(
        lines[1].ends_with(",\"Le ministre a accusé Moscou d'ingérence, à Paris.\""),
        "{}",
        lines[1]
    );
}

#[test]
fn plover_records_split_code_and_sector() {
    let (s, _) = store();
    let mut out = Vec::new();
    plover::export(&s, &EventQuery::default(), &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let r = &v[0];
    assert_eq!(r["id"], "x1-e1");
    assert_eq!(r["event"], "ACCUSE");
    assert_eq!(r["source"][0]["code"], "FRA");
    assert_eq!(r["source"][0]["sector"], "GOV");
    assert_eq!(r["source"][0]["actorText"], "Le ministre");
    assert_eq!(r["target"][0]["code"], "RUS");
    assert_eq!(r["eventText"], "a accusé");
    assert_eq!(r["eventLoc"]["name"], "Paris");
    assert_eq!(r["date"], "2026-01-08");
}

#[test]
fn gdelt_lines_have_61_columns_in_place() {
    let (s, _) = store();
    let mut out = Vec::new();
    assert_eq!(gdelt::export(&s, &mut out).unwrap(), 1);
    let text = String::from_utf8(out).unwrap();
    let f: Vec<&str> = text.trim_end_matches('\n').split('\t').collect();
    assert_eq!(f.len(), 61);
    let col = |name: &str| f[gdelt::COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("SQLDATE"), "20260108");
    assert_eq!(col("MonthYear"), "202601");
    assert_eq!(col("Actor1Code"), "FRAGOV");
    assert_eq!(col("Actor1CountryCode"), "FRA");
    assert_eq!(col("Actor1Type1Code"), "GOV");
    assert_eq!(col("Actor2Name"), "MOSCOU");
    assert_eq!(col("EventCode"), "112");
    assert_eq!(col("EventBaseCode"), "112");
    assert_eq!(col("EventRootCode"), "11");
    assert_eq!(col("IsRootEvent"), "1");
    assert_eq!(col("NumArticles"), "1");
    assert_eq!(col("ActionGeo_FullName"), "Paris");
    assert_eq!(col("ActionGeo_FeatureID"), "2988507");
    assert_eq!(col("AvgTone"), "");
    assert_eq!(col("SOURCEURL"), "https://www.exemple.fr/x1");
    assert_eq!(col("DATEADDED").len(), 14);
}
