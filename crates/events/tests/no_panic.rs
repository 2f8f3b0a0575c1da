//! The extractor never panics, whatever the text: odd punctuation, lone quotes, mixed scripts,
//! multi-byte letters next to cue words, arbitrary strings.

use kzalign_core::{Article, Lang};
use kzalign_events::ExtractorBuilder;
use kzalign_names::NamesBuilder;
use proptest::prelude::*;
use std::sync::Arc;

fn extractor() -> &'static kzalign_events::Extractor {
    static EX: std::sync::OnceLock<kzalign_events::Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| {
        let names = Arc::new(NamesBuilder::new().build().unwrap());
        ExtractorBuilder::new().build(names).unwrap()
    })
}

fn run(ex: &kzalign_events::Extractor, text: &str) {
    for lang in [Lang::Ru, Lang::Kk, Lang::Other] {
        for date in [None, chrono::NaiveDate::from_ymd_opt(2024, 2, 29)] {
            let a = Article {
                id: "p".into(),
                date,
                text: text.to_string(),
                ..Article::default()
            };
            for e in ex.extract(&a, lang, "x") {
                assert_eq!(
                    a.text.get(e.span.start..e.span.end),
                    Some(e.sentence.as_str())
                );
            }
            for check in [
                "cue",
                "modality",
                "date:2024-02-29",
                "date:none",
                "event",
                "event:2024-01-31",
            ] {
                let _ = ex.check_case(check, lang, text);
            }
        }
    }
}

#[test]
fn odd_inputs() {
    let ex = extractor();
    for t in [
        "",
        " date 2025-09-24",
        " date 2025-13-45 встреча",
        "»",
        "«встреча",
        "– – –",
        "встретился с с с",
        "31.02.2024 встреча 31 февраля 29/02/2023",
        "с",
        "Токаев встретился с Путиным» «",
        "Кездесу барысында пен мен бен және",
        "Нью-Йорк. 99 сентября. Токаев встретился с Гутеррешем.",
        "Ɛ̃ встреча 🙂 переговоры\u{0301} кездесті\u{200d}",
        "Главы государств провели встречу. Главы государств провели встречу.",
        "принял",
        "0 января 0000 года",
    ] {
        run(ex, t);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    #[test]
    fn arbitrary_text(s in "\\PC{0,80}") {
        let ex = extractor();
        run(ex, &s);
    }

    #[test]
    fn cue_words_with_arbitrary_neighbours(a in "[а-яА-ЯәіңғүұқөһӘІҢҒҮҰҚӨҺ .,«»–-]{0,30}", b in "[а-яА-Я0-9 .,/«»–-]{0,30}") {
        let ex = extractor();
        run(ex, &format!("{a} встретился с {b}. Кездесу барысында {b} {a} кездесті"));
    }
}
