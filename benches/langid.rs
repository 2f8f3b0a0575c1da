//! Criterion benchmarks: language identification throughput of kzalign, whatlang and lingua
//! (Kazakh + Russian, high accuracy) on the same lines in the same run.
//!
//! Lines: `../shared/eval/langid/{sentences,word-pairs}/{kk,ru}.txt` (or `$KZALIGN_EVAL_DIR/langid`),
//! falling back to `fixtures/langid/` when the evaluation data is absent.
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use lingua::{Language, LanguageDetectorBuilder};
use std::path::PathBuf;
use std::time::Duration;

fn lines(category: &str) -> (String, Vec<String>) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let eval = std::env::var_os("KZALIGN_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/eval"))
        .join("langid");
    let dir = if eval.join(category).is_dir() {
        eval
    } else {
        eprintln!("{} absent: using fixtures/langid", eval.display());
        root.join("fixtures/langid")
    };
    let mut out = Vec::new();
    for lang in ["kk", "ru"] {
        let path = dir.join(category).join(format!("{lang}.txt"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        out.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_string),
        );
    }
    (dir.display().to_string(), out)
}

fn bench(c: &mut Criterion) {
    let kzalign = kzalign_langid::DetectorBuilder::new().build();
    let lingua =
        LanguageDetectorBuilder::from_languages(&[Language::Kazakh, Language::Russian]).build();
    for category in ["sentences", "word-pairs"] {
        let (source, lines) = lines(category);
        let bytes: usize = lines.iter().map(|l| l.len()).sum();
        eprintln!(
            "langid/{category}: {} lines, {bytes} bytes from {source}",
            lines.len()
        );
        let mut g = c.benchmark_group(format!("langid/{category}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(3));
        g.bench_function(BenchmarkId::from_parameter("kzalign"), |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(kzalign.detect(black_box(l)).lang);
                }
            })
        });
        g.bench_function(BenchmarkId::from_parameter("whatlang"), |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(whatlang::detect_lang(black_box(l)));
                }
            })
        });
        g.bench_function(BenchmarkId::from_parameter("lingua"), |b| {
            b.iter(|| {
                for l in &lines {
                    black_box(lingua.detect_language_of(black_box(l)));
                }
            })
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
