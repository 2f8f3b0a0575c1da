//! One news story told in a Russian and a Kazakh edition (fixtures/events/parallel-{ru,kk}.txt,
//! written for this test in the style of Kazinform reports) yields the same events in both: the same
//! types, participants, dates and modalities.

use kzalign_core::{Article, Lang};
use kzalign_events::{format_event, ExtractorBuilder};
use kzalign_names::NamesBuilder;
use std::path::Path;
use std::sync::Arc;

fn events(file: &str, lang: Lang) -> Vec<String> {
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new().build(names).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/events")
        .join(file);
    let article = Article {
        id: file.into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 7, 4),
        text: std::fs::read_to_string(path).unwrap(),
        ..Article::default()
    };
    let mut v: Vec<String> = ex
        .extract(&article, lang, lang.code())
        .iter()
        .map(|e| format!("{} {:?} {}", format_event(e), e.date, e.date_source.code()))
        .collect();
    v.sort();
    v
}

#[test]
fn both_editions_tell_the_same_events() {
    let ru = events("parallel-ru.txt", Lang::Ru);
    let kk = events("parallel-kk.txt", Lang::Kk);
    assert_eq!(ru, kk);
    assert_eq!(ru.len(), 4, "{ru:#?}");
    assert!(ru.iter().any(|e| e.starts_with("talks:")));
    assert!(ru.iter().any(|e| e.starts_with("reception:")));
    assert!(ru
        .iter()
        .any(|e| e.starts_with("visit/past_reference:kassym-jomart-tokayev None none")));
    assert!(ru.iter().any(|e| e
        .starts_with("meeting:antonio-guterres;kassym-jomart-tokayev Some(2024-07-03) dateline")));
}
