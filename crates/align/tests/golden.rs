//! Golden report: the seed events (as the events stage reports them) give exactly the committed
//! report and coverage table. `KZALIGN_BLESS=1` rewrites the expected files.

use kzalign_align::{align_events, coverage, AlignConfig};
use kzalign_core::Event;
use serde::Serialize;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/align")
}

/// Rows as TSV through the csv writer, as the binary writes them (header from the field names).
fn tsv<T: Serialize>(rows: &[T]) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    for row in rows {
        w.serialize(row).expect("rows serialize");
    }
    String::from_utf8(w.into_inner().expect("flush")).expect("utf-8")
}

fn check(name: &str, got: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("KZALIGN_BLESS").is_some() {
        std::fs::write(&path, got).expect("write golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("golden file is committed");
    assert!(want == got, "{name} differs; got:\n{got}");
}

#[test]
fn seed_report_and_coverage() {
    let text = std::fs::read_to_string(fixtures().join("seed_events.jsonl")).expect("seed events");
    let events: Vec<Event> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("an Event per line"))
        .collect();
    let rows = align_events(&events, &AlignConfig::default());
    let statuses: Vec<&str> = rows.iter().map(|r| r.status.as_str()).collect();
    assert_eq!(statuses.iter().filter(|s| **s == "aligned").count(), 2);
    assert_eq!(statuses.iter().filter(|s| **s == "ru_only").count(), 6);
    check("seed_report.tsv", &tsv(&rows));
    check("seed_coverage.tsv", &tsv(&coverage(&rows)));
}
