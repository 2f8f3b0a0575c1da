//! Criterion benchmarks of alignment at scale: `align_events` and `coverage` on 100k and 1M
//! generated events (`kzalign_corpus::generate_events`), and `pair_articles` on 10k generated
//! articles.
//!
//! ```text
//! cargo bench --bench align
//! cargo run --release -p kzalign-corpus --example align_scale -- 100000 1000000   # peak memory
//! ```
//! Targets (issue 7): near-linear growth from 100k to 1M events; 1M events in <= 10 s with peak
//! memory <= 2 GB (the example prints VmHWM). Criterion's minimum of 10 samples, one iteration each
//! (flat sampling), keeps the whole bench to a few minutes while each 1M run stays under ~10 s.
use criterion::{
    criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput,
};
use kzalign_align::{align_events, coverage, pair_articles, AlignConfig, ArticleProfile};
use kzalign_corpus::{generate, generate_events, GenConfig};
use kzalign_names::NamesBuilder;
use std::hint::black_box;
use std::time::Duration;

fn events(c: &mut Criterion) {
    let config = AlignConfig::default();
    for (label, n, secs) in [("100k", 100_000usize, 5u64), ("1M", 1_000_000, 30)] {
        let (events, _truth) = generate_events(n, 2026);
        let rows = align_events(&events, &config);

        let mut g = c.benchmark_group("align_events");
        g.sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_secs(secs))
            .throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &events, |b, ev| {
            b.iter(|| align_events(black_box(ev), &config))
        });
        g.finish();

        let mut g = c.benchmark_group("coverage");
        g.sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_secs(2))
            .throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &rows, |b, rows| {
            b.iter(|| coverage(black_box(rows)))
        });
        g.finish();
    }
}

fn pairing(c: &mut Criterion) {
    let config = AlignConfig::default();
    let corpus = generate(&GenConfig {
        articles: 10_000,
        seed: 2026,
        ..GenConfig::default()
    });
    let names = NamesBuilder::new()
        .build()
        .expect("embedded name rules build");
    let profiles: Vec<ArticleProfile> = corpus
        .articles
        .iter()
        .map(|a| ArticleProfile::new(&a.id, a.lang, &a.text, &names.mentions(&a.text, a.lang)))
        .collect();
    let mut g = c.benchmark_group("pair_articles");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(profiles.len() as u64));
    g.bench_with_input(
        BenchmarkId::from_parameter("10k_articles"),
        &profiles,
        |b, p| b.iter(|| pair_articles(black_box(p), &config)),
    );
    g.finish();
}

criterion_group!(benches, events, pairing);
criterion_main!(benches);
