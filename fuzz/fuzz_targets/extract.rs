#![no_main]
//! Event extraction must not panic on any article text.
use kzalign_core::{Article, Lang};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};

fuzz_target!(|data: &[u8]| {
    static E: OnceLock<kzalign_events::Extractor> = OnceLock::new();
    let ex = E.get_or_init(|| {
        let names = kzalign_names::NamesBuilder::new().build().expect("embedded rules");
        kzalign_events::ExtractorBuilder::new().build(Arc::new(names)).expect("embedded cues")
    });
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article { id: "fuzz".into(), text, ..Article::default() };
    for lang in [Lang::Ru, Lang::Kk] {
        for e in ex.extract(&article, lang, lang.code()) {
            assert!(article.text.get(e.span.start..e.span.end).is_some());
        }
    }
});
