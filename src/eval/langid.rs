//! `kzalign eval langid [DIR]`: accuracy of language identification on
//! `DIR/{single-words,word-pairs,sentences}/{kk,ru}.txt` (default `<eval-dir>/langid`).

use super::EvalArgs;
use anyhow::Context;
use kzalign_langid::{eval, DetectorBuilder};

/// Runs the langid evaluation and prints its figures to standard output.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| args.eval_dir.join("langid"));
    let sets = eval::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))?;
    let detector = DetectorBuilder::new().build();
    let rows = eval::evaluate(&detector, &sets);
    println!("language identification on {}", dir.display());
    print!("{}", eval::table(&rows));
    Ok(())
}
