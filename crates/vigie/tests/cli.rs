//! `vigie extract` on good and bad input: every bad document is one clear error naming file,
//! line and id; the others are still written; the exit status says whether any failed.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn vigie(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vigie runs");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("vigie finishes")
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

#[test]
fn plain_text_with_flags() {
    let p = temp(
        "note.txt",
        "La France a accusé la Russie le 6 janvier 2026.".as_bytes(),
    );
    let out = vigie(
        &[
            "extract",
            "--lang",
            "fr",
            "--date",
            "2026-01-08",
            "--id",
            "n1",
            "--format",
            "jsonl",
            p.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = lines(&out);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0]["schema"], "vigie/1");
    assert_eq!(v[0]["id"], "n1");
    assert_eq!(v[0]["lang"], "fr");
    assert_eq!(v[0]["date"], "2026-01-08");
    assert_eq!(v[0]["date_source"], "input");
}

#[test]
fn jsonl_from_stdin_keeps_input_order() {
    let input: String = (0..40)
        .map(|i| {
            format!(
                "{{\"id\":\"d{i}\",\"lang\":\"en\",\"text\":\"Document number {i} says little.\"}}"
            )
        })
        .collect::<Vec<_>>()
        .join("\n");
    let out = vigie(
        &["extract", "--format", "jsonl", "-"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..40).map(|i| format!("d{i}")).collect::<Vec<_>>());
}

#[test]
fn each_bad_document_is_one_clear_error_and_the_rest_is_written() {
    let jsonl = temp(
        "batch.jsonl",
        b"{\"id\":\"good1\",\"lang\":\"fr\",\"text\":\"Le texte.\"}\n\
          {\"id\":\"broken\",\"text\":\n\
          {\"id\":\"empty\",\"lang\":\"fr\"}\n\
          \xff\xfe\xfd\n\
          {\"id\":\"badlang\",\"lang\":\"zz\",\"text\":\"x\"}\n\
          {\"id\":\"baddate\",\"date\":\"2026-13-45\",\"text\":\"x\"}\n\
          {\"id\":\"good2\",\"lang\":\"en\",\"text\":\"The text.\"}\n",
    );
    let out = vigie(
        &[
            "extract",
            "--format",
            "jsonl",
            jsonl.to_str().unwrap(),
            "/nonexistent/missing.txt",
        ],
        None,
    );
    assert!(
        !out.status.success(),
        "a failed document makes the exit status non-zero"
    );
    let ids: Vec<String> = lines(&out)
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["good1", "good2"]);
    let err = stderr(&out);
    let f = jsonl.to_str().unwrap();
    for want in [
        format!("{f}:2: malformed JSON"),
        format!("{f}:3: document empty: has neither `text` nor `html`"),
        format!("{f}:4: invalid UTF-8"),
        format!("{f}:5: document badlang: unknown language code `zz`"),
        format!("{f}:6: document baddate: impossible date `2026-13-45`"),
        "/nonexistent/missing.txt: cannot read file".to_string(),
        "2 document(s) extracted, 6 failed".to_string(),
    ] {
        assert!(err.contains(&want), "stderr lacks {want:?}:\n{err}");
    }
    assert!(!err.contains("panicked"));
}

#[test]
fn invalid_utf8_text_file_and_bad_flags() {
    let p = temp("latin1.txt", b"Caf\xe9 cr\xe8me");
    let out = vigie(&["extract", "--format", "jsonl", p.to_str().unwrap()], None);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("latin1.txt: document latin1: invalid UTF-8 at byte 3"),
        "{}",
        stderr(&out)
    );
    let ok = temp("ok.txt", "Un texte en français pour le test.".as_bytes());
    let out = vigie(
        &[
            "extract",
            "--lang",
            "klingon",
            "--format",
            "jsonl",
            ok.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown language code `klingon`"),
        "{}",
        stderr(&out)
    );
    let out = vigie(
        &[
            "extract",
            "--date",
            "2026-02-30",
            "--format",
            "jsonl",
            ok.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("impossible date `2026-02-30`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn table_and_pretty_formats() {
    let p = temp(
        "t.txt",
        "La police a arrêté 12 manifestants à Dakar hier.".as_bytes(),
    );
    let out = vigie(
        &[
            "extract",
            "--lang",
            "fr",
            "--date",
            "2026-01-08",
            "--format",
            "table",
            p.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("t  [fr] 2026-01-08 (input)"));
    let out = vigie(
        &[
            "extract",
            "--lang",
            "fr",
            "--format",
            "pretty",
            p.to_str().unwrap(),
        ],
        None,
    );
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("pretty output is one JSON document");
    assert_eq!(v["date_source"], "unknown");
}

#[test]
fn lexicon_check_passes_and_reports_file_and_line() {
    let out = vigie(&["lexicon", "check"], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let dir = std::env::temp_dir().join(format!("vigie-lex-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("segment")).unwrap();
    std::fs::write(
        dir.join("segment/abbreviations.tsv"),
        "abbrev\tkind\tlang\nM\ttitle\tfr\nDr\tsometimes\ten\n",
    )
    .unwrap();
    let out = vigie(
        &["--lexicon", dir.to_str().unwrap(), "lexicon", "check"],
        None,
    );
    assert!(!out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("segment/abbreviations.tsv:3: kind must be title or other, not `sometimes`"),
        "{text}"
    );
}

#[test]
fn lexicon_check_covers_the_html_reader_files() {
    let dir = std::env::temp_dir().join(format!("vigie-lexhtml-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("html")).unwrap();
    std::fs::write(dir.join("html/tags.tsv"), "nothing\n").unwrap();
    let out = vigie(
        &["--lexicon", dir.to_str().unwrap(), "lexicon", "check"],
        None,
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("html/tags.tsv"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn ingest_into_the_store_is_idempotent() {
    let dir = std::env::temp_dir().join(format!("vigie-db-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("t.db");
    let input = temp(
        "store.jsonl",
        "{\"id\":\"s1\",\"lang\":\"fr\",\"date\":\"2026-01-08\",\"text\":\"La France a accusé la Russie jeudi.\"}\n{\"id\":\"s2\",\"lang\":\"en\",\"date\":\"2026-01-08\",\"text\":\"Iran threatened Israel on Monday.\"}\n".as_bytes(),
    );
    let args = [
        "ingest",
        "--no-progress",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ];
    let first = vigie(&args, None);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("inserted=2 replaced=0 unchanged=0"),
        "{}",
        stderr(&first)
    );
    let again = vigie(&args, None);
    assert!(
        stderr(&again).contains("inserted=0 replaced=0 unchanged=2"),
        "{}",
        stderr(&again)
    );
    let stats = vigie(&["store", "stats", "--db", db.to_str().unwrap()], None);
    assert!(
        String::from_utf8_lossy(&stats.stdout).contains("2 documents"),
        "{}",
        String::from_utf8_lossy(&stats.stdout)
    );
}

#[test]
fn ingest_into_the_store_prints_its_report_and_query_reads_it() {
    let dir = std::env::temp_dir().join(format!("vigie-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("corpus")).unwrap();
    let db = dir.join("r.db");
    // two outlets report the same accusation; a third article is about something else
    std::fs::write(
        dir.join("corpus/a.jsonl"),
        "{\"id\":\"r1\",\"lang\":\"fr\",\"date\":\"2026-01-08\",\"url\":\"https://un.example/r1\",\"text\":\"La France a accusé la Russie jeudi. Le ministre a parlé longtemps.\"}\n\
         {\"id\":\"r2\",\"lang\":\"fr\",\"date\":\"2026-01-08\",\"url\":\"https://deux.example/r2\",\"text\":\"Jeudi, la France a accusé la Russie devant le Conseil.\"}\n\
         {\"id\":\"r3\",\"lang\":\"en\",\"date\":\"2026-01-09\",\"url\":\"https://trois.example/r3\",\"text\":\"Iran threatened Israel on Monday.\"}\n",
    )
    .unwrap();
    let out = vigie(
        &[
            "ingest",
            "--no-progress",
            dir.join("corpus").to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        report.contains("3 documents (fr 2, en 1) from 3 outlets"),
        "{report}"
    );
    // the events by type agree with what `vigie query` reads from the store
    let all = vigie(
        &[
            "query",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "jsonl",
            "--limit",
            "0",
        ],
        None,
    );
    let events = lines(&all);
    assert!(!events.is_empty(), "{report}");
    let accuse = events.iter().filter(|e| e["plover"] == "ACCUSE").count();
    assert!(accuse >= 2, "{report}");
    assert!(report.contains(&format!("ACCUSE {accuse}")), "{report}");
    // the accusation two outlets reported is the most active pair and leads the examples,
    // with its evidence sentence
    let pair = report
        .lines()
        .find(|l| l.trim_start().starts_with("FRA"))
        .unwrap_or_default();
    assert!(
        pair.contains("→ RUS") && pair.contains("in 2 document(s)"),
        "{report}"
    );
    let examples = report
        .split("events with their evidence:")
        .nth(1)
        .unwrap_or_default();
    let first: Vec<&str> = examples.lines().filter(|l| !l.is_empty()).take(2).collect();
    assert!(
        first.len() == 2 && first[0].contains("ACCUSE") && first[0].contains("2src/2art"),
        "{report}"
    );
    assert!(first[1].contains("France a accusé la Russie"), "{report}");
    // `vigie report` prints the same report again, without loading anything
    let again = vigie(&["report", "--db", db.to_str().unwrap()], None);
    assert_eq!(String::from_utf8_lossy(&again.stdout), report);
    let _ = std::fs::remove_dir_all(&dir);
}
