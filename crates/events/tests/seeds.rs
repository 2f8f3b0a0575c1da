//! The seed articles (fixtures/seeds), read with the dates the reader sets from their headers, yield
//! exactly the actual events of fixtures/events/seeds-expected.tsv; recalled and planned events
//! come with their modality; ids are stable.

use kzalign_core::{Article, Lang, Modality};
use kzalign_events::{eval, ExtractorBuilder};
use kzalign_names::NamesBuilder;
use std::path::Path;
use std::sync::Arc;

fn extractor() -> kzalign_events::Extractor {
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    ExtractorBuilder::new().build(names).unwrap()
}

fn seeds_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds")
}

#[test]
fn seed_articles_yield_exactly_the_expected_events() {
    let ex = extractor();
    let report = eval::seeds(&ex, &seeds_dir(), eval::SEEDS_EXPECTED).unwrap();
    let wrong: Vec<&String> = report
        .details
        .iter()
        .filter(|d| d.contains("\textra\t") || d.contains("\tmissing\t"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(report.scores[0].hit, 5);
}

fn article(file: &str) -> Article {
    Article {
        id: file.to_string(),
        date: eval::seed_date(file),
        text: std::fs::read_to_string(seeds_dir().join(file)).unwrap(),
        ..Article::default()
    }
}

#[test]
fn recalled_meetings_and_invitations_keep_their_modality() {
    let ex = extractor();
    let e003 = ex.extract(&article("003_2c672d6eea5b9b5d.txt"), Lang::Ru, "ru");
    let meloni = e003
        .iter()
        .find(|e| {
            e.participants
                .iter()
                .any(|p| p.entity_id.as_deref() == Some("giorgia-meloni"))
        })
        .expect("the Meloni meeting is reported");
    assert_eq!(meloni.modality, Modality::PastReference);
    let e001 = ex.extract(&article("001_d2b27466a23c7b2e.txt"), Lang::Kk, "kk");
    assert!(e001
        .iter()
        .filter(|e| e.kind == kzalign_core::EventType::Visit)
        .all(|e| e.modality == Modality::Planned));
    // 002: greetings passed to Guterres do not make him a participant.
    let e002 = ex.extract(&article("002_d2eed1888aab6625.txt"), Lang::Ru, "ru");
    assert!(e002.iter().all(|e| !e
        .participants
        .iter()
        .any(|p| p.entity_id.as_deref() == Some("antonio-guterres"))));
}

#[test]
fn event_ids_are_stable_and_point_at_the_sentence() {
    let ex = extractor();
    let a = article("000_a6672cea92cc4c58.txt");
    let first = ex.extract(&a, Lang::Ru, "ru");
    let second = ex.extract(&a, Lang::Ru, "ru");
    assert_eq!(first, second);
    for e in &first {
        assert!(e.id.starts_with(&format!("{}#{}", a.id, e.span.start)));
        assert_eq!(&a.text[e.span.start..e.span.end], e.sentence);
        let names: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
        let sorted = {
            let mut s = names.clone();
            s.sort();
            s.dedup();
            s
        };
        assert_eq!(names, sorted);
    }
}

#[test]
fn the_article_mentions_given_yield_the_same_events() {
    let ex = extractor();
    let mut files: Vec<String> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    for f in files {
        let lang = if f.starts_with("001") {
            Lang::Kk
        } else {
            Lang::Ru
        };
        let a = article(&f);
        let mentions = ex.names().mentions(&a.text, lang);
        assert!(!mentions.is_empty(), "{f}");
        let given = ex.extract_with_mentions(&a, lang, lang.code(), &mentions);
        assert_eq!(given, ex.extract(&a, lang, lang.code()), "{f}");
        // Mentions that are not the article's give other events: they are read, not found again.
        let none = ex.extract_with_mentions(&a, lang, lang.code(), &[]);
        assert_ne!(none, given, "{f}");
    }
}
