//! Recomputes the accuracy figures on `../shared/eval` and fails when one falls below the
//! committed report in `fixtures/names/accuracy.tsv`. Skips (with a message) when the data is
//! absent. `KZALIGN_SHOW=1` prints failures.

use kzalign_names::{eval, NamesBuilder};
use std::path::Path;

#[test]
fn accuracy_holds_the_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let eval_dir = root.join("../shared/eval");
    if !eval_dir.is_dir() {
        eprintln!(
            "SKIPPED: {} is absent; accuracy not measured",
            eval_dir.display()
        );
        return;
    }
    let names = NamesBuilder::new().build().unwrap();
    let (figs, skipped) = eval::all(&names, &eval_dir, &root.join("fixtures"));
    for s in &skipped {
        eprintln!("skipped {s}");
    }
    let show = std::env::var("KZALIGN_SHOW").is_ok();
    for f in &figs {
        eprintln!(
            "{:<32} {:>6.2}% ({}/{})",
            f.name,
            f.percent(),
            f.correct,
            f.total
        );
        if show {
            for x in &f.failures {
                eprintln!("    {x}");
            }
        }
    }
    let report = std::fs::read_to_string(root.join("fixtures/names/accuracy.tsv")).unwrap();
    let mut checked = 0;
    for line in report.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 2 {
            continue;
        }
        let floor: f64 = c[1].parse().unwrap();
        if let Some(f) = figs.iter().find(|f| f.name == c[0]) {
            assert!(
                f.percent() + 1e-9 >= floor,
                "{} fell to {:.2}% below the committed {:.2}%",
                f.name,
                f.percent(),
                floor
            );
            checked += 1;
        }
    }
    assert!(
        checked > 0 || figs.is_empty(),
        "no figure of the report was measured"
    );
}
