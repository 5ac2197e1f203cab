//! Any bytes as a WARC archive, plain and gzip-compressed, never panic or loop. The input
//! is also read gzip-compressed by us, so that mutations of the records themselves reach
//! the compressed path (mutated gzip bytes rarely get past the checksum).
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use vigie_ingest::{warc, ReadStats};

fuzz_target!(|data: &[u8]| {
    for gz in [false, true] {
        let mut stats = ReadStats::default();
        warc::read("fuzz.warc", data, gz, &mut stats, &mut |_| {});
    }
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    if e.write_all(data).is_ok() {
        if let Ok(z) = e.finish() {
            let mut stats = ReadStats::default();
            warc::read("fuzz.warc.gz", &z[..], true, &mut stats, &mut |_| {});
        }
    }
});
