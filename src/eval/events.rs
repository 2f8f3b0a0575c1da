//! `kzalign eval events`: the Russian (factRuEval-2016), Kazakh (KazNERD, hand-labelled) and seed
//! figures of the events extractor. How each is counted is documented in `kzalign_events::eval`.
//!
//! `path`, when given, is a directory of seed-like articles to check against
//! `fixtures/events/seeds-expected.tsv` instead of the embedded `fixtures/seeds` location.

use super::EvalArgs;
use anyhow::Context;
use kzalign_events::{eval, ExtractorBuilder};
use kzalign_names::NamesBuilder;
use std::path::PathBuf;
use std::sync::Arc;

/// Runs the events evaluation and prints its figures to standard output.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let names = Arc::new(
        NamesBuilder::new()
            .build()
            .context("building the names normalizer")?,
    );
    let ex = ExtractorBuilder::new()
        .build(names)
        .context("building the event extractor")?;
    let mut reports = Vec::new();
    if args.eval_dir.join("factrueval").is_dir() {
        reports.push(eval::factrueval(&ex, &args.eval_dir).context("factRuEval meetings")?);
    } else {
        eprintln!(
            "skipping Russian meetings: {} not found",
            args.eval_dir.join("factrueval").display()
        );
    }
    if args.eval_dir.join("kaznerd-valid").is_dir() {
        reports
            .push(eval::kaznerd(&ex, &args.eval_dir, eval::KK_GOLD).context("KazNERD meetings")?);
    } else {
        eprintln!(
            "skipping Kazakh meetings: {} not found",
            args.eval_dir.join("kaznerd-valid").display()
        );
    }
    let seeds = args
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("fixtures/seeds"));
    if seeds.is_dir() {
        reports.push(eval::seeds(&ex, &seeds, eval::SEEDS_EXPECTED).context("seed articles")?);
    } else {
        eprintln!("skipping seed articles: {} not found", seeds.display());
    }
    if std::env::var_os("KZALIGN_EVAL_DETAILS").is_some() {
        for r in &reports {
            for d in &r.details {
                eprintln!("{d}");
            }
        }
    }
    println!("figure\tright\ttotal\tvalue");
    for r in &reports {
        for s in &r.scores {
            println!("{}\t{}\t{}\t{:.3}", s.name, s.hit, s.total, s.ratio());
        }
    }
    Ok(())
}
