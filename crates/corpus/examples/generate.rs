//! Writes a generated corpus as JSONL: `articles.jsonl` and `truth.jsonl` in a directory.
//!
//! ```text
//! cargo run --release -p kzalign-corpus --example generate -- <articles> <seed> <out-dir>
//! ```
use kzalign_corpus::{write_corpus_jsonl, GenConfig};
use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles: usize = args.first().map_or(Ok(10_000), |s| s.parse())?;
    let seed: u64 = args.get(1).map_or(Ok(1), |s| s.parse())?;
    let dir = PathBuf::from(args.get(2).map_or("generated", String::as_str));
    std::fs::create_dir_all(&dir)?;
    let cfg = GenConfig {
        articles,
        seed,
        ..GenConfig::default()
    };
    let t = Instant::now();
    let a = BufWriter::new(File::create(dir.join("articles.jsonl"))?);
    let tr = BufWriter::new(File::create(dir.join("truth.jsonl"))?);
    let stats = write_corpus_jsonl(&cfg, a, tr)?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{} articles, {} true events, {:.1} MB of text in {:.2} s ({:.0} articles/s, {:.1} MB/s) -> {}",
        stats.articles,
        stats.events,
        stats.text_bytes as f64 / 1e6,
        secs,
        stats.articles as f64 / secs,
        stats.text_bytes as f64 / 1e6 / secs,
        dir.display()
    );
    Ok(())
}
