//! kzalign as a library: the input readers and report writers the command-line tool uses.
//!
//! The stages live in their own crates (`kzalign-langid`, `kzalign-names`, `kzalign-events`,
//! `kzalign-align`); this crate owns I/O only, so that property tests and fuzz targets can
//! reach the parsers without going through a process.
#![deny(missing_docs)]

pub mod input;
pub mod output;
