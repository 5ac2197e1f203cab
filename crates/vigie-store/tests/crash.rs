//! Crash safety: a child process writes a long stream of documents in batches and is killed
//! with SIGKILL at arbitrary moments, many times. After every kill the store must be sound,
//! hold only whole batches (at most the batch in flight is lost), and hold a prefix of the
//! stream; a final uninterrupted run completes it without duplicates.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::{doc, Ev};
use vigie_store::{DocRecord, Store};

const DOCS: usize = 1500;
const BATCH: usize = 25;
const RUNS: usize = 40;
const ENV: &str = "VIGIE_CRASH_TEST_DB";

const SUBJECTS: [(&str, &str); 4] = [
    ("Moscou", "RUSGOV"),
    ("Kyiv", "UKRGOV"),
    ("Paris", "FRAGOV"),
    ("Pékin", "CHNGOV"),
];

fn nth(i: usize) -> DocRecord {
    let (a, ca) = SUBJECTS[i % 4];
    let (b, cb) = SUBJECTS[(i / 4 + 1) % 4];
    let text = format!(
        "Dépêche numéro {i}. {a} a menacé {b} le {} février. Le porte-parole a démenti toute escalade {}.",
        i % 28 + 1,
        i * 7919 % 10007
    );
    let date = format!("2026-02-{:02}", i % 28 + 1);
    doc(
        &format!("doc-{i}"),
        &format!("https://agence.example/{i}"),
        &date,
        &text,
        &[Ev {
            plover: "THREATEN",
            cameo: "130",
            src: Some((a, ca)),
            tgt: Some((b, cb)),
            trigger: "a menacé",
            date: None,
            place: None,
        }],
    )
}

/// The child: write the whole stream, batch after batch (already-stored documents are skipped
/// by the store's idempotence, so a rerun continues where the last one died).
#[test]
#[ignore = "run by crash_many_times as a child process"]
fn crash_child_writer() {
    let Ok(path) = std::env::var(ENV) else {
        return;
    };
    let mut store = Store::open(path).unwrap();
    let docs: Vec<DocRecord> = (0..DOCS).map(nth).collect();
    // tell the parent that writing starts now, so its kill lands among the writes
    #[allow(clippy::print_stdout)]
    {
        println!("writing");
    }
    for (i, batch) in docs.chunks(BATCH).enumerate() {
        store.write_batch(batch).unwrap();
        // acknowledge the commit: the parent checks that no acknowledged batch is lost
        #[allow(clippy::print_stdout)]
        {
            println!("committed {}", (i + 1) * BATCH);
        }
    }
}

fn spawn(path: &std::path::Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child_writer",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ENV, path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// Block until the child says it is writing (or has ended); then read its acknowledgements
/// in the background (so it never blocks on a full pipe). The handle gives the number of
/// documents the child acknowledged as committed, once its output has closed.
fn wait_for_writing(child: &mut std::process::Child) -> std::thread::JoinHandle<usize> {
    use std::io::BufRead;
    let Some(out) = child.stdout.take() else {
        return std::thread::spawn(|| 0);
    };
    let mut lines = std::io::BufReader::new(out).lines();
    while let Some(Ok(line)) = lines.next() {
        if line.contains("writing") {
            break;
        }
    }
    std::thread::spawn(move || {
        let mut acked = 0;
        for line in lines.map_while(Result::ok) {
            if let Some(n) = line.strip_prefix("committed ") {
                acked = n.trim().parse().unwrap_or(acked);
            }
        }
        acked
    })
}

fn verify(path: &std::path::Path) -> usize {
    let s = Store::open(path).unwrap();
    let problems = s.check().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let n: usize = s
        .conn()
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize;
    assert_eq!(n % BATCH, 0, "only whole batches are stored: {n}");
    // a prefix of the stream: doc-0 .. doc-(n-1), nothing else
    let max: Option<i64> = s
        .conn()
        .query_row(
            "SELECT MAX(CAST(substr(doc_id, 5) AS INTEGER)) FROM documents",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(max.map_or(0, |m| m as usize + 1), n);
    let events: i64 = s
        .conn()
        .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(events as usize, n);
    n
}

#[test]
fn crash_many_times() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    // xorshift: varied kill times, the same every run
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    // what each run was: killed before its stream was complete (the store then holds fewer
    // documents than the stream), killed after the last batch was committed (the child was
    // still ending: exiting the test harness), or ended on its own before the kill
    let mut killed_mid_write = 0;
    let mut killed_after_completion = 0;
    let mut ended_before_kill = 0;
    let mut last = 0;
    let mut progress = Vec::new();
    let start = Instant::now();
    for _ in 0..RUNS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = spawn(&path);
        let acks = wait_for_writing(&mut child);
        std::thread::sleep(Duration::from_millis(seed % 500));
        let killed = child.try_wait().unwrap().is_none();
        if killed {
            child.kill().unwrap(); // SIGKILL
        }
        child.wait().unwrap();
        let acked = acks.join().unwrap();
        let n = verify(&path);
        // every acknowledged commit is kept; at most the batch in flight (committed, its
        // acknowledgement not yet written) is beyond them
        assert!(
            n >= acked && n <= acked.max(last) + BATCH,
            "{n} documents stored, {acked} acknowledged, {last} before the run"
        );
        match (killed, n < DOCS) {
            (true, true) => killed_mid_write += 1,
            (true, false) => killed_after_completion += 1,
            (false, _) => ended_before_kill += 1,
        }
        assert!(n >= last, "committed batches never disappear");
        last = n;
        progress.push(n);
        if n == DOCS {
            // complete: start a fresh stream so later kills land mid-write again
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(dir.path().join(format!("crash.db{suffix}")));
            }
            last = 0;
        }
    }
    let status = spawn(&path).wait().unwrap();
    assert!(status.success());
    assert_eq!(verify(&path), DOCS);
    #[allow(clippy::print_stderr)]
    {
        eprintln!(
            "crash test: {RUNS} runs: {killed_mid_write} SIGKILLs during the writes survived, \
             {killed_after_completion} SIGKILLs after the last batch was committed, \
             {ended_before_kill} runs ended before the kill; documents stored after each run \
             {progress:?}; store complete after rerun; {:.1} s",
            start.elapsed().as_secs_f64()
        );
    }
    assert!(
        killed_mid_write >= RUNS / 2,
        "most runs must be killed mid-write"
    );
}
