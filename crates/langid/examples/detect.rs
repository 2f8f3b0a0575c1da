//! Prints the detection of each line of standard input: `lang<TAB>script<TAB>confidence<TAB>evidence<TAB>line`.
//!
//! `echo 'Қазақстан' | cargo run -p kzalign-langid --example detect`
use std::io::BufRead;

fn main() -> anyhow::Result<()> {
    let d = kzalign_langid::DetectorBuilder::new().build();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let r = d.detect(&line);
        println!(
            "{}\t{}\t{:.3}\t{}\t{}",
            r.lang.map_or("none", |l| l.code()),
            r.script.code(),
            r.confidence,
            r.evidence,
            line
        );
    }
    Ok(())
}
