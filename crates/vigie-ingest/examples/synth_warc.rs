//! Write a synthetic WARC of news pages: `synth_warc SIZE OUT` (SIZE in bytes, with an
//! optional K, M or G suffix). Used by `bench/ingest/run.sh`.

use std::io::{BufWriter, Write};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(size), Some(out)) = (args.get(1), args.get(2)) else {
        return Err(std::io::Error::other("usage: synth_warc SIZE OUT.warc"));
    };
    let (num, mult) = match size.chars().last() {
        Some('K' | 'k') => (&size[..size.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&size[..size.len() - 1], 1 << 20),
        Some('G' | 'g') => (&size[..size.len() - 1], 1 << 30),
        _ => (size.as_str(), 1),
    };
    let n: u64 = num
        .parse()
        .map_err(|e| std::io::Error::other(format!("bad size {size}: {e}")))?;
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(out)?);
    let pages = vigie_ingest::synth::warc(&mut w, n * mult, 2024)?;
    w.flush()?;
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{out}: {pages} pages");
    }
    Ok(())
}
