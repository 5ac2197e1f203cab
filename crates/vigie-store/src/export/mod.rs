//! Exports: the contract's JSON Lines, CSV, PLOVER JSON records, the GDELT 2.0 event table.
//! (Parquet lives in the `vigie-parquet` crate, so arrow's build cost stays there.)

pub mod contract;
pub mod csv;
pub mod gdelt;
pub mod plover;
