#![no_main]
//! Normalization and mention finding must not panic; spans stay on char boundaries.
use kzalign_core::Lang;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static N: OnceLock<kzalign_names::Names> = OnceLock::new();
    let names = N.get_or_init(|| kzalign_names::NamesBuilder::new().build().expect("embedded rules"));
    let text = String::from_utf8_lossy(data);
    for lang in [Lang::Ru, Lang::Kk, Lang::Other] {
        let _ = names.normalize(&text, lang);
        for m in names.mentions(&text, lang).into_iter().chain(names.places(&text, lang)) {
            assert!(text.get(m.span.start..m.span.end).is_some());
        }
    }
});
