//! Holds the line on accuracy: recomputes it on `../shared/eval/langid` (or `$KZALIGN_EVAL_DIR/langid`)
//! and fails when any figure drops below the committed report `fixtures/langid/accuracy.tsv`.
//! Set `KZALIGN_UPDATE_ACCURACY=1` to rewrite the report after an improvement.
use kzalign_langid::{eval, DetectorBuilder};
use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn accuracy_does_not_drop_below_the_committed_report() {
    let eval_dir = std::env::var_os("KZALIGN_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/eval"));
    let dir = eval_dir.join("langid");
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED accuracy test: {} not found (set KZALIGN_EVAL_DIR)",
            dir.display()
        );
        return;
    }
    let sets = eval::read_dir(&dir).expect("eval dir readable");
    let rows = eval::evaluate(&DetectorBuilder::new().build(), &sets);
    let report = repo_root().join("fixtures/langid/accuracy.tsv");
    let now = eval::report_tsv(&rows);
    if std::env::var_os("KZALIGN_UPDATE_ACCURACY").is_some() {
        std::fs::write(&report, &now).expect("report written");
        return;
    }
    let committed = std::fs::read_to_string(&report).expect("fixtures/langid/accuracy.tsv");
    let committed = eval::parse_report(&committed).expect("report parses");
    assert_eq!(committed.len(), rows.len(), "report rows:\n{now}");
    let mut drops = Vec::new();
    for (category, lang, want) in &committed {
        let got = rows
            .iter()
            .find(|r| &r.category == category && r.lang_code() == lang)
            .map(|r| r.accuracy())
            .unwrap_or(0.0);
        // The report keeps two decimals.
        if got + 0.005 < *want {
            drops.push(format!("{category} {lang}: {got:.2} < committed {want:.2}"));
        }
    }
    assert!(
        drops.is_empty(),
        "accuracy dropped:\n{}\n{}",
        drops.join("\n"),
        eval::table(&rows)
    );
}

#[test]
fn fixture_sentences_are_all_detected() {
    let dir = repo_root().join("fixtures/langid");
    let sets = eval::read_dir(&dir).expect("fixtures/langid");
    let rows = eval::evaluate(&DetectorBuilder::new().build(), &sets);
    for r in rows.iter().filter(|r| r.category == "sentences") {
        assert_eq!(r.correct, r.total, "{}", eval::table(&rows));
    }
    for r in rows.iter().filter(|r| r.category == "word-pairs") {
        assert!(r.accuracy() >= 95.0, "{}", eval::table(&rows));
    }
}
