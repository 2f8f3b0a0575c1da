//! Prints accuracy on a labelled directory (default `../shared/eval/langid`), and with `--errors`
//! the misclassified lines.
//!
//! `cargo run -p kzalign-langid --release --example eval -- [DIR] [--errors]`
use kzalign_langid::{eval, DetectorBuilder};
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--errors");
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--model"))
        .map(|(_, a)| a)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/langid"));
    let sets = eval::read_dir(&dir)?;
    let mut builder = DetectorBuilder::new();
    if let Some(i) = args.iter().position(|a| a == "--model") {
        let path = args
            .get(i + 1)
            .ok_or_else(|| anyhow::anyhow!("--model FILE"))?;
        let bytes: &'static [u8] = Box::leak(std::fs::read(path)?.into_boxed_slice());
        builder = builder.model(bytes);
    }
    let d = builder.try_build()?;
    print!("{}", eval::table(&eval::evaluate(&d, &sets)));
    if show {
        for set in &sets {
            for line in &set.lines {
                let got = d.detect(line);
                if got.lang != Some(set.lang) {
                    println!(
                        "{}\t{}\t{:?}\t{:.2}\t{}\t{}",
                        set.category,
                        set.lang.code(),
                        got.lang,
                        got.confidence,
                        line,
                        got.evidence
                    );
                }
            }
        }
    }
    Ok(())
}
