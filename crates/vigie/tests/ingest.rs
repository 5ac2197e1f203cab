//! `vigie ingest` end to end: a directory holding an HTML page, a WARC archive in a
//! subdirectory and a damaged archive; documents come out in order, the damaged record is
//! reported with its file and offset, and the summary counts everything.

use std::process::Command;

const PAGE: &str = "<html lang=\"fr\"><head><title>Budget</title></head><body><nav><a href=\"/\">Accueil</a></nav><article><p>Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf.</p><p>Le maire a salué un vote qui, selon lui, permettra de rénover les écoles et les routes.</p></article></body></html>";

fn warc_record(id: &str, uri: &str, html: &str) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

#[test]
fn ingest_reads_a_directory_in_order_and_reports_damage() {
    let dir = std::env::temp_dir().join(format!("vigie-ingest-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.html"), PAGE).unwrap();
    std::fs::write(dir.join("notes.bin"), b"\x00\x01").unwrap();
    let good = warc_record("w1", "https://news.example/2024/03/05/budget", PAGE);
    std::fs::write(dir.join("sub/b.warc"), &good).unwrap();
    let bad = format!("{good}WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nshort");
    std::fs::write(dir.join("sub/c.warc"), &bad).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["ingest", "--articles", "--no-progress"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}\n{stderr}");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["lang"], "fr");
    assert_eq!(
        lines[0]["text"],
        "Le conseil municipal a adopté le budget lundi soir, après un long débat, par douze voix contre neuf.\nLe maire a salué un vote qui, selon lui, permettra de rénover les écoles et les routes."
    );
    assert_eq!(lines[1]["id"], "urn:uuid:w1");
    assert_eq!(lines[1]["date"], "2024-03-05");
    assert_eq!(lines[1]["date_source"], "url");
    assert_eq!(lines[2]["url"], "https://news.example/2024/03/05/budget");
    let offset = good.len();
    assert!(
        stderr.contains(&format!("c.warc@{offset}: truncated record")),
        "{stderr}"
    );
    assert!(
        stderr.contains("read=4 extracted=3 skipped=0 failed=1"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}
