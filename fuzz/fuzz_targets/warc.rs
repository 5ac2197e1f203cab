//! Any bytes as a WARC archive, plain and gzip-compressed, never panic or loop.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vigie_ingest::{warc, ReadStats};

fuzz_target!(|data: &[u8]| {
    for gz in [false, true] {
        let mut stats = ReadStats::default();
        warc::read("fuzz.warc", data, gz, &mut stats, &mut |_| {});
    }
});
