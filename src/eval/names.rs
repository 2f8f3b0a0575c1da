//! `kzalign eval names`.

use super::EvalArgs;
use anyhow::Context;
use kzalign_names::{eval, NamesBuilder};
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    let here = Path::new("fixtures");
    if here.join("names").is_dir() {
        here.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
    }
}

fn print(f: &eval::Figure) {
    println!(
        "{:<32} {:>6.1}%  ({}/{})",
        f.name,
        f.percent(),
        f.correct,
        f.total
    );
}

/// Runs the names evaluation and prints its figures to standard output: lemma accuracy on
/// `FILE` (a TSV with `form` and `lemma` columns) when given, then every other measure whose
/// data is present under `--eval-dir`.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let names = NamesBuilder::new()
        .build()
        .context("building the name normalizer")?;
    if let Some(p) = &args.path {
        let f = eval::lemma_accuracy(&names, p)
            .with_context(|| format!("evaluating lemmas on {}", p.display()))?;
        println!(
            "lemma accuracy on {} (case-insensitive, ё = е):",
            p.display()
        );
        print(&f);
        for x in &f.failures {
            println!("    {x}");
        }
    }
    let (figs, skipped) = eval::all(&names, &args.eval_dir, &fixtures_dir());
    println!("measures on {}:", args.eval_dir.display());
    for f in &figs {
        print(f);
    }
    for s in skipped {
        println!("skipped {s}");
    }
    if std::env::var_os("KZALIGN_EVAL_DETAILS").is_some() {
        for f in &figs {
            for x in &f.failures {
                eprintln!("{}\t{x}", f.name);
            }
        }
    }
    Ok(())
}
