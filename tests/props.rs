//! Property tests: no stage panics on any input; normalization is idempotent; alignment does not
//! depend on the order of its input.

use kzalign::input::{self, Batch, ReadOptions};
use kzalign_core::{Article, Lang};
use proptest::prelude::*;
use std::sync::{Arc, OnceLock};

fn engine() -> &'static (kzalign_langid::Detector, kzalign_events::Extractor) {
    static E: OnceLock<(kzalign_langid::Detector, kzalign_events::Extractor)> = OnceLock::new();
    E.get_or_init(|| {
        let names = kzalign_names::NamesBuilder::new()
            .build()
            .expect("embedded names");
        let extractor = kzalign_events::ExtractorBuilder::new()
            .build(Arc::new(names))
            .expect("embedded cues");
        (kzalign_langid::DetectorBuilder::new().build(), extractor)
    })
}

/// Text drawn from the alphabets the tool meets, with punctuation, digits and control characters.
fn news_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Токаев".to_string()),
        Just("Тоқаевқа".to_string()),
        Just("встретился с".to_string()),
        Just("кездесті".to_string()),
        Just("Гутерришпен".to_string()),
        Just("23 сентября".to_string()),
        Just("К.-Ж.".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[а-яёәғқңөұүһіА-ЯЁӘҒҚҢӨҰҮҺІ]{1,12}",
        "[a-zA-Zäğqñöūüı'\\-]{1,8}",
        "[0-9./: ]{1,8}",
        any::<String>(),
        "[\\x00-\\x1f\u{FFFD}\u{200B}\u{0301}]{1,4}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.join(" "))
}

/// Kazakh in the Latin alphabet, with names, punctuation and stray characters, and no Cyrillic.
fn latin_kazakh_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("Qasym-Jomart Toqaev".to_string()),
        Just("Guterrişpen".to_string()),
        Just("Memleket basşysy".to_string()),
        Just("kezdestı".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        "[a-zA-ZäÄğĞqQñÑŋöÖūŪüÜıIİşŞçÇ'’\\-]{1,10}",
        "[0-9./:,;()« »\u{301}\u{AD}]{1,6}",
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn kazakh_in_the_latin_alphabet_never_panics_and_spans_index_it(text in latin_kazakh_text()) {
        let (detector, extractor) = engine();
        let names = extractor.names();
        for m in names.mentions(&text, Lang::Kk).into_iter().chain(names.places(&text, Lang::Kk)) {
            prop_assert_eq!(text.get(m.span.start..m.span.end), Some(m.text.as_str()));
        }
        for m in names.person_mentions(&text, Lang::Kk, None) {
            prop_assert!(text.get(m.span.start..m.span.end).is_some());
        }
        let article = Article { id: "p".into(), text: text.clone(), ..Article::default() };
        for e in extractor.extract(&article, Lang::Kk, "kk") {
            prop_assert!(text.get(e.span.start..e.span.end).is_some());
        }
        let (_, runs) = detector.runs(&text);
        prop_assert_eq!(runs.first().map(|r| r.0.start), Some(0));
        prop_assert_eq!(runs.last().map(|r| r.0.end), Some(text.len()));
    }

    #[test]
    fn language_stretches_cover_the_text_and_clean_text_is_settled(text in news_text()) {
        let (detector, _) = engine();
        let (_, runs) = detector.runs(&text);
        prop_assert_eq!(runs.first().map(|r| r.0.start), Some(0));
        prop_assert_eq!(runs.last().map(|r| r.0.end), Some(text.len()));
        for w in runs.windows(2) {
            prop_assert_eq!(w[0].0.end, w[1].0.start);
            prop_assert!(w[0].1 != w[1].1);
        }
        let plain = kzalign_core::clean_text(&text).into_owned();
        prop_assert_eq!(kzalign_core::clean_text(&plain).into_owned(), plain);
    }

    #[test]
    fn stages_never_panic(text in news_text()) {
        let (detector, extractor) = engine();
        let d = detector.detect(&text);
        prop_assert!((0.0..=1.0).contains(&d.confidence));
        let _ = detector.detect_article(&text);
        for lang in [Lang::Ru, Lang::Kk, Lang::Other] {
            let names = extractor.names();
            for m in names.mentions(&text, lang) {
                prop_assert!(text.get(m.span.start..m.span.end).is_some(), "span off char boundary");
            }
            let _ = names.places(&text, lang);
            let _ = names.normalize(&text, lang);
            let article = Article { id: "p".into(), text: text.clone(), ..Article::default() };
            for e in extractor.extract(&article, lang, lang.code()) {
                prop_assert!(text.get(e.span.start..e.span.end).is_some());
            }
        }
    }

    #[test]
    fn normalization_is_idempotent(name in "[А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі]{2,12}", lang_kk in any::<bool>()) {
        let lang = if lang_kk { Lang::Kk } else { Lang::Ru };
        let names = engine().1.names();
        let once = names.normalize(&name, lang);
        let twice = names.normalize(&once.lemma, lang);
        prop_assert_eq!(&once.lemma, &twice.lemma);
        prop_assert_eq!(&once.key, &twice.key);
    }

    #[test]
    fn input_parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut batch = Batch::default();
        if let Some(text) = input::decode(&bytes, "p", ReadOptions::default(), &mut batch, "p") {
            let _ = input::parse_header(&text);
            input::read_text_article(&text, "p", "p", &mut batch);
        }
        let s = String::from_utf8_lossy(&bytes);
        input::read_jsonl(&s, "p.jsonl", &mut batch);
        input::read_csv(&s, "p.csv", &mut batch);
        let _ = input::parse_date(&s);
        let _ = input::parse_header(&s);
    }
}
