#![no_main]
//! The input decoders and parsers (text header, JSONL, CSV) must not panic on any bytes.
use kzalign::input::{self, Batch, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut batch = Batch::default();
    if let Some(text) = input::decode(data, "fuzz", ReadOptions::default(), &mut batch, "fuzz") {
        input::read_text_article(&text, "fuzz", "fuzz", &mut batch);
        input::read_jsonl(&text, "fuzz.jsonl", &mut batch);
        input::read_csv(&text, "fuzz.csv", &mut batch);
    }
});
