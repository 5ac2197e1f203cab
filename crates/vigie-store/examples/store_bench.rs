//! Query latency on a generated store (run by `bench/store/run.sh`, not by the tests):
//!
//!   store_bench gen PATH EVENTS   write a synthetic store of EVENTS events (4 per document)
//!   store_bench query PATH        time a suite of queries (median and worst of 5 runs)
//!
//! The synthetic data spreads over two years, 60 countries with roles, the 16 PLOVER types,
//! 300 outlets and 2,000 places, with texts drawn from a 5,000-word vocabulary, so that the
//! filters have the selectivities real archives have.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::time::Instant;

use serde_json::json;
use vigie_store::query::BBox;
use vigie_store::{DocRecord, EventQuery, Sort, Store};

const PLOVER: [(&str, &str); 16] = [
    ("AGREE", "057"),
    ("CONSULT", "040"),
    ("SUPPORT", "051"),
    ("CONCEDE", "080"),
    ("COOPERATE", "060"),
    ("AID", "070"),
    ("RETREAT", "087"),
    ("REQUEST", "020"),
    ("ACCUSE", "112"),
    ("REJECT", "120"),
    ("THREATEN", "138"),
    ("PROTEST", "141"),
    ("SANCTION", "163"),
    ("MOBILIZE", "150"),
    ("COERCE", "173"),
    ("ASSAULT", "190"),
];
const ROLES: [&str; 6] = ["GOV", "MIL", "OPP", "CVL", "MED", ""];
const STATUS: [&str; 4] = ["actual", "actual", "intended", "negated"];

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small values (a few countries and words are most of the news).
    fn skewed(&mut self, n: usize) -> usize {
        let bound = 1 + self.below(n);
        self.below(bound)
    }
}

fn country(i: usize) -> String {
    // three capital letters, stable per index; RUS, USA, CHN, FRA first for the queries
    const NAMED: [&str; 4] = ["RUS", "USA", "CHN", "FRA"];
    if i < NAMED.len() {
        return NAMED[i].to_string();
    }
    let b = i as u8;
    [b'A' + b % 26, b'B' + (b / 26) % 24, b'Q' + b % 9]
        .iter()
        .map(|&c| c as char)
        .collect()
}

fn word(i: usize) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ne", "ru", "sa", "te", "vi", "do", "fe", "gu", "ha", "ji", "po", "ze",
        "wa",
    ];
    format!(
        "{}{}{}",
        SYL[i % 16],
        SYL[(i / 16) % 16],
        SYL[(i / 256) % 16]
    )
}

fn doc(rng: &mut Rng, i: usize) -> DocRecord {
    let day0 = 739_000; // days from CE: 2024-04
    let day = day0 + rng.below(730) as i64;
    let date = vigie_store::text::day_date(day)
        .map(|d| d.to_string())
        .unwrap_or_default();
    let words: Vec<String> = (0..60).map(|_| word(rng.below(5000))).collect();
    let text = format!("{}.", words.join(" "));
    let n = text.chars().count();
    let events: Vec<_> = (0..4)
        .map(|k| {
            let (plover, cameo) = PLOVER[rng.below(16)];
            let src = format!("{}{}", country(rng.skewed(60)), ROLES[rng.below(6)]);
            let tgt = format!("{}{}", country(rng.skewed(60)), ROLES[rng.below(6)]);
            let place = (rng.below(10) < 4).then(|| {
                let g = rng.below(2000);
                json!({"text": format!("place{g}"), "geonameid": 100_000 + g, "name": format!("Place {g}"),
                       "country": "XX", "lat": -60.0 + (g % 120) as f64, "lon": -170.0 + (g / 6) as f64})
            });
            json!({
                "id": format!("e{}", k + 1), "plover": plover, "cameo": cameo, "goldstein": -2.0,
                "quad_class": 3, "status": STATUS[rng.below(4)],
                "source": {"text": "src", "span": [0, 3], "code": src},
                "target": {"text": "tgt", "span": [4, 7], "code": tgt},
                "date": null, "place": place,
                "trigger": {"text": "x", "span": [0, 1]}, "sentence": 0, "mentions": [],
                "confidence": (rng.below(100) as f64) / 100.0
            })
        })
        .collect();
    let line = json!({
        "id": format!("g{i}"), "url": format!("https://outlet{}.example/{i}", rng.below(300)),
        "lang": "en", "date": date, "title": word(i % 5000), "text": text,
        "sentences": [[0, n]], "events": events
    });
    DocRecord::from_json_line(&line.to_string()).expect("generated record")
}

fn gen(path: &str, events: usize) -> vigie_store::Result<()> {
    let mut store = Store::open(path)?;
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    let docs = events / 4;
    let t = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for i in 0..docs {
        batch.push(doc(&mut rng, i));
        if batch.len() == 1000 {
            store.write_batch(&batch)?;
            batch.clear();
            if i % 50_000 < 1000 {
                eprintln!("{} documents, {:.0} s", i + 1, t.elapsed().as_secs_f64());
            }
        }
    }
    store.write_batch(&batch)?;
    store
        .conn()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    store.optimize()?;
    let st = store.stats()?;
    println!(
        "generated {} documents, {} events, {} clusters in {:.0} s",
        st.documents,
        st.events,
        st.clusters,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn queries() -> Vec<(&'static str, EventQuery)> {
    let q = EventQuery {
        limit: Some(50),
        ..EventQuery::default()
    };
    vec![
        (
            "--actor RUS",
            EventQuery {
                actor: Some("RUS".into()),
                ..q.clone()
            },
        ),
        (
            "--source USAGOV --target CHN",
            EventQuery {
                source: Some("USAGOV".into()),
                target: Some("CHN".into()),
                ..q.clone()
            },
        ),
        (
            "--plover THREATEN --from 2025-01-01 --to 2025-01-31",
            EventQuery {
                plover: Some("THREATEN".into()),
                from: Some("2025-01-01".into()),
                to: Some("2025-01-31".into()),
                ..q.clone()
            },
        ),
        (
            "--cameo 13",
            EventQuery {
                cameo: Some("13".into()),
                ..q.clone()
            },
        ),
        (
            "--status negated",
            EventQuery {
                status: Some("negated".into()),
                ..q.clone()
            },
        ),
        (
            "--place 'Place 17'",
            EventQuery {
                place: Some("Place 17".into()),
                ..q.clone()
            },
        ),
        (
            "--geonameid 100042",
            EventQuery {
                geonameid: Some(100_042),
                ..q.clone()
            },
        ),
        (
            "--bbox -10,0,10,20",
            EventQuery {
                bbox: Some(BBox {
                    min_lon: -10.0,
                    min_lat: 0.0,
                    max_lon: 10.0,
                    max_lat: 20.0,
                }),
                ..q.clone()
            },
        ),
        (
            "--outlet outlet7.example",
            EventQuery {
                outlet: Some("outlet7.example".into()),
                ..q.clone()
            },
        ),
        (
            "--text <rare word>",
            EventQuery {
                text: Some(word(4321)),
                ..q.clone()
            },
        ),
        (
            "--text <common word>",
            EventQuery {
                text: Some(word(3)),
                ..q.clone()
            },
        ),
        (
            "--actor FRA --plover ACCUSE --from 2024-09-01 --to 2024-12-31",
            EventQuery {
                actor: Some("FRA".into()),
                plover: Some("ACCUSE".into()),
                from: Some("2024-09-01".into()),
                to: Some("2024-12-31".into()),
                ..q.clone()
            },
        ),
        (
            "--plover ASSAULT --sort sources",
            EventQuery {
                plover: Some("ASSAULT".into()),
                sort: Sort::Sources,
                ..q.clone()
            },
        ),
        (
            "--from 2025-03-01 --to 2025-03-07 --sort sources",
            EventQuery {
                from: Some("2025-03-01".into()),
                to: Some("2025-03-07".into()),
                sort: Sort::Sources,
                ..q.clone()
            },
        ),
        ("(no filter) newest 50", q.clone()),
    ]
}

fn bench(path: &str) -> vigie_store::Result<()> {
    let t = Instant::now();
    let store = Store::open(path)?;
    println!(
        "open (and migrate): {:.1} ms; {} events",
        t.elapsed().as_secs_f64() * 1e3,
        store.stats()?.events
    );
    // what `vigie ingest --db` and `vigie store load` do at the end of a load
    let t = Instant::now();
    store.optimize()?;
    println!("optimize: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let mut worst_all = 0f64;
    for (name, q) in queries() {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..5 {
            let t = Instant::now();
            n = store.query(&q)?.len();
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        worst_all = worst_all.max(times[4]);
        println!(
            "{:>8.2} ms median {:>8.2} ms worst  {:>3} rows  {name}",
            times[2], times[4], n
        );
        if std::env::var_os("STORE_BENCH_PLAN").is_some() {
            for line in store.query_plan(&q)? {
                println!("           {line}");
            }
        }
    }
    println!("worst of all queries: {worst_all:.2} ms");
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let res = match (args.get(1).map(String::as_str), args.get(2)) {
        (Some("gen"), Some(path)) => {
            let n = args
                .get(3)
                .and_then(|s| s.parse().ok())
                .unwrap_or(1_000_000);
            gen(path, n)
        }
        (Some("query"), Some(path)) => bench(path),
        _ => {
            eprintln!("usage: store_bench gen PATH [EVENTS] | store_bench query PATH");
            std::process::exit(2);
        }
    };
    if let Err(e) = res {
        eprintln!("store_bench: {e}");
        std::process::exit(1);
    }
}
