//! Any bytes as a feed (read from item content, nothing fetched) never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_ingest::feed::{read, FeedContext};
use vigie_ingest::ReadStats;

fuzz_target!(|data: &[u8]| {
    let mut ctx = FeedContext {
        fetcher: None,
        since: None,
    };
    let mut stats = ReadStats::default();
    read("fuzz.rss", data, &mut ctx, &mut stats, &mut |_| {});
});
