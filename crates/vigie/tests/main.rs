//! One integration-test binary for the command line, so the suite links once.

// Tests report figures and skips on stderr; that is their job.
#![allow(clippy::print_stderr)]

mod cli;
mod eval;
mod ingest;
