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
        .find(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0 || !matches!(args[i - 1].as_str(), "--model" | "--listed"))
        })
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
    if let Some(i) = args.iter().position(|a| a == "--listed") {
        let v = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(2.0);
        builder = builder.word_list_log_odds(v);
    }
    let d = builder.try_build()?;
    if args.iter().any(|a| a == "--whatlang") {
        // whatlang knows no Kazakh: Russian is Russian, any other Cyrillic-script answer counts as
        // Kazakh (its best guess among the languages it knows), no answer is no answer.
        let w = whatlang::Detector::new();
        let rows = eval::evaluate_with(&sets, |line| {
            w.detect(line).map(|i| match i.lang() {
                whatlang::Lang::Rus => kzalign_core::Lang::Ru,
                _ if i.script() == whatlang::Script::Cyrillic => kzalign_core::Lang::Kk,
                _ => kzalign_core::Lang::Other,
            })
        });
        println!("whatlang:");
        print!("{}", eval::table(&rows));
        return Ok(());
    }
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
