//! Recomputes the figures of `kzalign eval events` and fails when one falls below the committed
//! report `fixtures/events/accuracy.tsv`. Needs `../shared/eval` beside the repository (or
//! `KZALIGN_EVAL_DIR`); skips with a message when it is absent.

use kzalign_events::{eval, ExtractorBuilder};
use kzalign_names::NamesBuilder;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn eval_dir() -> PathBuf {
    std::env::var_os("KZALIGN_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/eval"))
}

fn committed() -> BTreeMap<String, f64> {
    let text =
        std::fs::read_to_string(root().join("fixtures/events/accuracy.tsv")).expect("accuracy.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("figure"))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            // The exact fraction, not the rounded value column.
            let right: f64 = f.get(1)?.parse().ok()?;
            let total: f64 = f.get(2)?.parse().ok()?;
            Some((
                f.first()?.to_string(),
                if total > 0.0 { right / total } else { 0.0 },
            ))
        })
        .collect()
}

#[test]
fn figures_hold_the_committed_line() {
    let dir = eval_dir();
    if !dir.is_dir() {
        eprintln!(
            "skipping: evaluation data not found at {} (set KZALIGN_EVAL_DIR)",
            dir.display()
        );
        return;
    }
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new().build(names).unwrap();
    let mut reports = vec![
        eval::factrueval(&ex, &dir).expect("factrueval"),
        eval::kaznerd(&ex, &dir, eval::KK_GOLD).expect("kaznerd"),
    ];
    reports.push(
        eval::seeds(&ex, &root().join("fixtures/seeds"), eval::SEEDS_EXPECTED).expect("seeds"),
    );
    let line = committed();
    let mut failures = Vec::new();
    for r in &reports {
        for d in &r.details {
            println!("{d}");
        }
        for s in &r.scores {
            println!("{}\t{}\t{}\t{:.3}", s.name, s.hit, s.total, s.ratio());
            let floor = line
                .get(&s.name)
                .copied()
                .unwrap_or_else(|| panic!("{} is not in accuracy.tsv", s.name));
            if s.ratio() + 1e-9 < floor {
                failures.push(format!(
                    "{} = {:.3} < committed {:.3}",
                    s.name,
                    s.ratio(),
                    floor
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
