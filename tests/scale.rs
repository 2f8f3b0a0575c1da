//! Scale and truth tests on generated data (`kzalign-corpus`): the pipeline on a generated
//! Russian/Kazakh corpus and `align_events` on 100k generated events, scored against the
//! generator's truth.
//!
//! `cargo test --test scale -- --nocapture` prints the scores (and, on failure, the first missed
//! pairs with what was extracted from both articles); add `--release` for speed.
use kzalign_align::{align_events, coverage, AlignConfig, AlignRow};
use kzalign_core::{Article, EventType};
use kzalign_corpus::{generate, generate_events, oracle_rows, score_alignment, Corpus, GenConfig};
use kzalign_events::ExtractorBuilder;
use kzalign_langid::DetectorBuilder;
use kzalign_names::NamesBuilder;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Instant;

fn corpus(articles: usize) -> Corpus {
    generate(&GenConfig {
        articles,
        seed: 2026,
        ..GenConfig::default()
    })
}

/// Checks a coverage table against the rows it was made from: the `total` row counts the statuses.
fn check_coverage(rows: &[AlignRow]) {
    let cov = coverage(rows);
    let total = cov
        .iter()
        .find(|r| r.scope == "total")
        .expect("coverage has a `total` row");
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    assert_eq!(
        (total.both, total.ru_only, total.kk_only),
        (count("aligned"), count("ru_only"), count("kk_only")),
        "coverage total disagrees with the row statuses"
    );
}

#[test]
fn scoring_harness_on_generated_truth() {
    // The oracle (rows built from the truth) must score perfectly, and the truth must hold all three
    // statuses, or the thresholds below would measure nothing.
    let c = corpus(2_000);
    let s = score_alignment(&oracle_rows(&c.truth), &c.truth);
    assert_eq!((s.precision, s.recall), (1.0, 1.0));
    assert!(
        s.truth_both > 300 && s.truth_ru_only > 100 && s.truth_kk_only > 50,
        "{s:?}"
    );
    // Rows that align nothing score zero.
    let mut none: Vec<AlignRow> = oracle_rows(&c.truth);
    for r in &mut none {
        r.kk_docs.clear();
    }
    assert_eq!(score_alignment(&none, &c.truth).recall, 0.0);
}

#[test]
fn langid_on_generated_corpus() {
    // Generated news is plain Russian or Kazakh: at most 1 article in 200 may be detected wrongly.
    let c = corpus(2_000);
    let d = DetectorBuilder::new().build();
    let mut wrong = Vec::new();
    for a in &c.articles {
        let got = d.detect_article(&a.text).overall;
        if got.lang != Some(a.lang) {
            wrong.push(format!(
                "{} -> {:?} ({}): {}",
                a.id,
                got.lang,
                got.evidence,
                a.text.chars().take(80).collect::<String>()
            ));
        }
    }
    assert!(
        wrong.len() * 200 <= c.articles.len(),
        "{} of {} wrong, e.g.\n{}",
        wrong.len(),
        c.articles.len(),
        wrong[..wrong.len().min(5)].join("\n")
    );
}

#[test]
fn pipeline_aligns_generated_corpus() {
    // 600 articles keep this to ~30 s in a debug build.
    let c = corpus(600);
    let names = NamesBuilder::new().build().expect("names build");
    let extractor = ExtractorBuilder::new()
        .build(Arc::new(names))
        .expect("extractor builds");
    let detector = DetectorBuilder::new().build();
    let t = Instant::now();
    let mut events = Vec::new();
    let mut by_article: HashMap<String, HashSet<EventType>> = HashMap::new();
    let mut found_in: HashMap<String, Vec<String>> = HashMap::new();
    for g in &c.articles {
        let a: Article = g.to_article();
        let lang = detector
            .detect_article(&a.text)
            .overall
            .lang
            .unwrap_or(g.lang);
        let found = extractor.extract(&a, lang, &g.edition);
        by_article
            .entry(g.id.clone())
            .or_default()
            .extend(found.iter().map(|e| e.kind));
        let shown = found.iter().map(|e| {
            format!(
                "{} {:?} {:?}",
                e.kind.code(),
                e.keys().collect::<Vec<_>>(),
                e.date
            )
        });
        found_in.insert(g.id.clone(), shown.collect());
        events.extend(found);
    }
    let extract_s = t.elapsed().as_secs_f64();
    // Extraction recall per (article, event type) the truth says it tells.
    let (mut told, mut hit) = (0usize, 0usize);
    for tr in &c.truth {
        for id in tr.ru_articles.iter().chain(&tr.kk_articles) {
            told += 1;
            hit += usize::from(by_article.get(id).is_some_and(|k| k.contains(&tr.kind)));
        }
    }
    let t = Instant::now();
    let rows = align_events(&events, &AlignConfig::default());
    let align_s = t.elapsed().as_secs_f64();
    let s = score_alignment(&rows, &c.truth);
    eprintln!(
        "{} articles -> {} events in {extract_s:.1} s, aligned in {align_s:.2} s; extraction recall {hit}/{told}; {s:#?}",
        c.articles.len(),
        events.len()
    );
    // The first missed pairs, with what was extracted from both articles, for whoever debugs it.
    let got: HashSet<(&str, &str, &str)> = rows
        .iter()
        .flat_map(|r| {
            r.ru_docs.split(';').flat_map(move |ru| {
                r.kk_docs
                    .split(';')
                    .map(move |kk| (r.kind.as_str(), ru, kk))
            })
        })
        .collect();
    let lead: HashMap<&str, &str> = c
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.lines().next().unwrap_or("")))
        .collect();
    let mut shown = 0;
    for tr in c.truth.iter().filter(|t| t.both()) {
        let (ru, kk) = (tr.ru_articles[0].as_str(), tr.kk_articles[0].as_str());
        if shown < 10 && !got.contains(&(tr.kind.code(), ru, kk)) {
            shown += 1;
            eprintln!(
                "missed {} {} {:?} {}",
                tr.id,
                tr.kind.code(),
                tr.participants,
                tr.date
            );
            for d in [ru, kk] {
                eprintln!("  {d}: {}\n    extracted: {:?}", lead[d], found_in[d]);
            }
        }
    }
    assert!(
        hit as f64 >= 0.90 * told as f64,
        "extraction recall {hit}/{told}"
    );
    assert!(s.recall >= 0.80, "aligned-pair recall {:.3}", s.recall);
    assert!(
        s.precision >= 0.85,
        "aligned-pair precision {:.3}",
        s.precision
    );
    // One-edition events must not be swamped: at most 50 % more one-sided rows than the truth has.
    let one_sided = (s.rows_ru_only + s.rows_kk_only) as f64;
    let want = (s.truth_ru_only + s.truth_kk_only) as f64;
    assert!(
        one_sided <= 1.5 * want,
        "{one_sided} one-edition rows for {want} true ones"
    );
    check_coverage(&rows);
}

#[test]
fn align_events_recovers_100k_generated_events() {
    let (events, truth) = generate_events(100_000, 42);
    let t = Instant::now();
    let rows = align_events(&events, &AlignConfig::default());
    let secs = t.elapsed().as_secs_f64();
    let s = score_alignment(&rows, &truth);
    eprintln!("100k events aligned in {secs:.2} s: {s:#?}");
    // Keys, entity ids and types agree across editions and dates differ by at most a day, so a
    // working aligner should be nearly perfect.
    assert!(s.precision >= 0.97, "precision {:.4}", s.precision);
    assert!(s.recall >= 0.95, "recall {:.4}", s.recall);
    // Duplicates within an edition belong in one row: row counts within 5 % of the true counts.
    let near = |got: usize, want: usize| (got as f64 - want as f64).abs() <= 0.05 * want as f64;
    assert!(
        near(s.rows_aligned, s.truth_both),
        "aligned rows {} vs {}",
        s.rows_aligned,
        s.truth_both
    );
    assert!(
        near(s.rows_ru_only, s.truth_ru_only),
        "ru_only rows {} vs {}",
        s.rows_ru_only,
        s.truth_ru_only
    );
    assert!(
        near(s.rows_kk_only, s.truth_kk_only),
        "kk_only rows {} vs {}",
        s.rows_kk_only,
        s.truth_kk_only
    );
    check_coverage(&rows);
}

#[test]
fn align_events_ignores_input_order() {
    let (events, truth) = generate_events(20_000, 7);
    let config = AlignConfig::default();
    let rows = align_events(&events, &config);
    let mut rev = events.clone();
    rev.reverse();
    assert_eq!(
        score_alignment(&align_events(&rev, &config), &truth),
        score_alignment(&rows, &truth)
    );
}
