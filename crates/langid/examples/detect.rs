//! Prints the detection of each line of standard input: `lang<TAB>script<TAB>confidence<TAB>evidence<TAB>line`.
//!
//! `echo 'Қазақстан' | cargo run -p kzalign-langid --example detect`
//!
//! With `--article`, reads all of standard input as one article and prints the overall answer,
//! whether it mixes Russian and Kazakh, and each sentence's answer.
use std::io::{BufRead, Read, Write};

fn main() -> anyhow::Result<()> {
    let d = kzalign_langid::DetectorBuilder::new().build();
    let mut out = std::io::stdout().lock();
    if std::env::args().any(|a| a == "--article") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        let a = d.detect_article(&text);
        let code = |l: Option<kzalign_core::Lang>| l.map_or("none", |l| l.code());
        writeln!(
            out,
            "overall\t{}\tmixed={}\t{}",
            code(a.overall.lang),
            a.mixed,
            a.overall.evidence
        )?;
        for (span, s) in &a.sentences {
            writeln!(
                out,
                "{}..{}\t{}\t{:.3}\t{}",
                span.start,
                span.end,
                code(s.lang),
                s.confidence,
                span.slice(&text)
            )?;
        }
        return Ok(());
    }
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let r = d.detect(&line);
        writeln!(
            out,
            "{}\t{}\t{:.3}\t{}\t{}",
            r.lang.map_or("none", |l| l.code()),
            r.script.code(),
            r.confidence,
            r.evidence,
            line
        )?;
    }
    Ok(())
}
