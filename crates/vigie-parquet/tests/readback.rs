//! A Parquet export read back by arrow's own reader: row count, schema, values, nulls.

use arrow_array::{Array, Date32Array, Float64Array, Int64Array, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::json;
use vigie_store::{DocRecord, EventQuery, Store};

fn record(i: usize) -> DocRecord {
    let text =
        format!("Rapport {i}. Le gouvernement a dénoncé l'attaque contre le poste frontière.");
    let s2 = text.find(". ").unwrap() + 2;
    let line = json!({
        "id": format!("r{i}"), "url": format!("https://presse.example/{i}"), "lang": "fr",
        "date": "2026-03-05", "title": "Rapport", "text": text,
        "sentences": [[0, s2 - 1], [s2, text.chars().count()]],
        "events": [{
            "id": "e1", "plover": "ACCUSE", "cameo": "112", "goldstein": -2.0, "quad_class": 3,
            "status": "actual",
            "source": {"text": "Le gouvernement", "span": [s2, s2 + 15], "code": "FRAGOV", "country": "FRA"},
            "target": null, "date": if i.is_multiple_of(2) { json!("2026-03-04") } else { json!(null) },
            "place": if i.is_multiple_of(3) { json!({"text": "Lyon", "geonameid": 2_996_944, "name": "Lyon", "country": "FR", "lat": 45.75, "lon": 4.85}) } else { json!(null) },
            "trigger": {"text": "a dénoncé", "span": [s2 + 16, s2 + 25]}, "sentence": 1, "mentions": [],
            "confidence": 0.5
        }]
    });
    DocRecord::from_json_line(&line.to_string()).unwrap()
}

#[test]
fn parquet_export_reads_back() {
    let mut store = Store::open_in_memory().unwrap();
    let docs: Vec<DocRecord> = (0..30).map(record).collect();
    store.write_batch(&docs).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.parquet");
    let q = EventQuery {
        sort: vigie_store::Sort::DateAsc,
        ..EventQuery::default()
    };
    assert_eq!(vigie_parquet::export(&store, &q, &path).unwrap(), 30);

    let file = std::fs::File::open(&path).unwrap();
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let batches: Vec<_> = reader.map(Result::unwrap).collect();
    let rows: usize = batches.iter().map(arrow_array::RecordBatch::num_rows).sum();
    assert_eq!(rows, 30);
    let b = &batches[0];
    assert_eq!(
        b.schema().fields().len(),
        vigie_parquet::schema().fields().len()
    );
    let col = |name: &str| b.column(b.schema().index_of(name).unwrap()).clone();
    let plover = col("plover");
    let plover = plover.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(plover.value(0), "ACCUSE");
    let date = col("date");
    let date = date.as_any().downcast_ref::<Date32Array>().unwrap();
    // 2026-03-04 (event date) sorts first; days since 1970
    assert_eq!(date.value(0), 20_516);
    let gid = col("geonameid");
    let gid = gid.as_any().downcast_ref::<Int64Array>().unwrap();
    assert_eq!(gid.null_count(), 20);
    let lat = col("lat");
    let lat = lat.as_any().downcast_ref::<Float64Array>().unwrap();
    assert_eq!(
        (0..30)
            .filter(|&i| !lat.is_null(i))
            .map(|i| lat.value(i))
            .next(),
        Some(45.75)
    );
    let ev = col("evidence");
    let ev = ev.as_any().downcast_ref::<StringArray>().unwrap();
    assert_eq!(
        ev.value(0),
        "Le gouvernement a dénoncé l'attaque contre le poste frontière."
    );
    let trig = col("trigger_start");
    assert_eq!(
        trig.as_any().downcast_ref::<Int64Array>().unwrap().value(0),
        27
    );
}
