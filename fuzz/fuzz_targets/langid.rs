#![no_main]
//! Language detection must not panic on any text.
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static D: OnceLock<kzalign_langid::Detector> = OnceLock::new();
    let d = D.get_or_init(|| kzalign_langid::DetectorBuilder::new().build());
    let text = String::from_utf8_lossy(data);
    let r = d.detect(&text);
    assert!((0.0..=1.0).contains(&r.confidence));
    let _ = d.detect_article(&text);
});
