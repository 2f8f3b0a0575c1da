//! Criterion benchmarks of the per-article pipeline: language detection, name mentions, name
//! normalization, event extraction, and all of them end to end, on fixed Russian and Kazakh texts
//! (`fixtures/bench/articles.jsonl`, generated, and the real seed articles in `fixtures/seeds/`).
//!
//! ```text
//! cargo bench --bench pipeline
//! cargo bench --bench pipeline -- pipeline_corpus     # only the 1-thread / 2-thread comparison
//! ```
//! Targets (issue 7): end to end >= 20 MB/s on one thread; two threads >= 1.8x one thread. After the
//! criterion groups the bench prints, for every stage (detect, mentions, normalize, extract) and
//! the whole pipeline, the throughput on one thread (first round and best) and on two threads
//! (best) and their ratio, all measured in the same run.
//!
//! The per-text groups run one text again and again, so the name finder answers most calls from
//! its per-thread memory of the last few texts (`names_mentions/*` then reads as GiB/s, and short
//! articles look faster than they are); the `pipeline_corpus` table, whose rounds go through all
//! 165 articles, is the measure to compare with the targets.
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use kzalign_core::{Article, Lang};
use kzalign_corpus::{articles_from_jsonl, name_forms};
use kzalign_events::{Extractor, ExtractorBuilder};
use kzalign_langid::{Detector, DetectorBuilder};
use kzalign_names::NamesBuilder;
use rayon::prelude::*;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The allocator of the `kzalign` binary, so the figures are the command's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The stages the CLI runs on every article before alignment.
struct Pipeline {
    detector: Detector,
    extractor: Extractor,
}

impl Pipeline {
    fn new() -> Pipeline {
        let names = NamesBuilder::new()
            .build()
            .expect("embedded name rules build");
        let extractor = ExtractorBuilder::new()
            .build(Arc::new(names))
            .expect("embedded cue files build");
        Pipeline {
            detector: DetectorBuilder::new().build(),
            extractor,
        }
    }

    /// detect the article's language and its stretches of one language (as `kzalign align`
    /// does for an article without one; the per-sentence languages are the `detect` stage
    /// below) -> mentions -> normalize each mention -> extract (reading persons from the
    /// article's mentions, found once; an article mixing the languages is extracted stretch by
    /// stretch); returns a count so nothing is optimized away.
    fn run(&self, a: &Article) -> usize {
        let (det, runs) = self.detector.runs(&a.text);
        let lang = det.lang.or(a.lang).unwrap_or(Lang::Other);
        let names = self.extractor.names();
        let edition = a.edition.clone().unwrap_or_else(|| lang.code().to_string());
        if runs.len() > 1 {
            return self.extractor.extract_runs(a, &runs, &edition).len();
        }
        let mentions = names.mentions(&a.text, lang);
        let mut n = det.evidence.len() + mentions.len();
        for m in &mentions {
            n += names.normalize(&m.text, lang).key.len();
        }
        n + self
            .extractor
            .extract_with_mentions(a, lang, &edition, &mentions)
            .len()
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// All benchmark articles: the generated set, then the seed articles.
fn articles() -> Vec<Article> {
    let path = root().join("fixtures/bench/articles.jsonl");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out =
        articles_from_jsonl(&text, "fixtures/bench/articles.jsonl").expect("fixture parses");
    let mut seeds: Vec<_> = std::fs::read_dir(root().join("fixtures/seeds"))
        .expect("fixtures/seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for p in seeds {
        let name = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Seed 001 is the Kazakh one (fixtures/seeds, /work/shared/seeds README).
        let lang = if name.starts_with("001") {
            Lang::Kk
        } else {
            Lang::Ru
        };
        out.push(Article {
            id: format!("seed_{name}"),
            source: p.display().to_string(),
            lang: Some(lang),
            edition: Some(lang.code().to_string()),
            text: std::fs::read_to_string(&p).expect("seed reads"),
            ..Article::default()
        });
    }
    out
}

/// The named texts the per-stage groups run on: a short and a long article per language from the
/// generated set, and every seed article.
fn named(all: &[Article]) -> Vec<(String, Article)> {
    let mut out = Vec::new();
    for lang in [Lang::Ru, Lang::Kk] {
        let of_lang = || {
            all.iter()
                .filter(move |a| a.lang == Some(lang) && !a.id.starts_with("seed_"))
        };
        if let Some(a) = of_lang().find(|a| (300..1000).contains(&a.text.len())) {
            out.push((format!("{lang}_short"), a.clone()));
        }
        if let Some(a) = of_lang().find(|a| a.text.len() > 3000) {
            out.push((format!("{lang}_long"), a.clone()));
        }
    }
    for a in all.iter().filter(|a| a.id.starts_with("seed_")) {
        out.push((a.id.chars().take(8).collect(), a.clone()));
    }
    out
}

fn stages(c: &mut Criterion) {
    let p = Pipeline::new();
    let all = articles();
    let texts = named(&all);
    let names = p.extractor.names();

    let mut g = c.benchmark_group("langid_detect_article");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    for (name, a) in &texts {
        g.throughput(Throughput::Bytes(a.text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), a, |b, a| {
            b.iter(|| p.detector.detect_article(black_box(&a.text)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("names_mentions");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    for (name, a) in &texts {
        let lang = a.lang.unwrap_or(Lang::Other);
        g.throughput(Throughput::Bytes(a.text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), a, |b, a| {
            b.iter(|| names.mentions(black_box(&a.text), lang))
        });
    }
    g.finish();

    // Every inflected name form the generator writes (Russian and Kazakh, five cases).
    let forms = name_forms();
    let bytes: usize = forms.iter().map(|(_, f, _)| f.len()).sum();
    let mut g = c.benchmark_group("names_normalize");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{}_forms", forms.len()), |b| {
        b.iter(|| {
            forms
                .iter()
                .map(|(lang, f, _)| names.normalize(black_box(f), *lang).key.len())
                .sum::<usize>()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("events_extract");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    for (name, a) in &texts {
        let lang = a.lang.unwrap_or(Lang::Other);
        g.throughput(Throughput::Bytes(a.text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), a, |b, a| {
            b.iter(|| p.extractor.extract(black_box(a), lang, lang.code()))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("pipeline_article");
    g.warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    for (name, a) in &texts {
        g.throughput(Throughput::Bytes(a.text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), a, |b, a| {
            b.iter(|| p.run(black_box(a)))
        });
    }
    g.finish();
}

/// One stage over the whole corpus: the work for article `i`, returning a count so nothing is
/// optimized away.
type Stage<'a> = (&'static str, Box<dyn Fn(usize) -> usize + Sync + 'a>);

fn corpus(c: &mut Criterion) {
    let p = Pipeline::new();
    let all = articles();
    let n = all.len();
    let bytes: usize = all.iter().map(|a| a.text.len()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("rayon pool of 2");
    let one = |f: &(dyn Fn(usize) -> usize + Sync)| (0..n).map(f).sum::<usize>();
    let two = |f: &(dyn Fn(usize) -> usize + Sync)| {
        pool.install(|| (0..n).into_par_iter().map(f).sum::<usize>())
    };
    let lang_of = |a: &Article| a.lang.unwrap_or(Lang::Other);
    let names = p.extractor.names();
    // The mention texts of each article, for the normalize stage.
    let found: Vec<Vec<String>> = all
        .iter()
        .map(|a| {
            names
                .mentions(&a.text, lang_of(a))
                .into_iter()
                .map(|m| m.text)
                .collect()
        })
        .collect();
    let run = |i: usize| p.run(&all[i]);

    let mut g = c.benchmark_group("pipeline_corpus");
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("{n}_articles_1_thread"), |b| b.iter(|| one(&run)));
    g.bench_function(format!("{n}_articles_2_threads"), |b| b.iter(|| two(&run)));
    g.finish();

    // Every stage and the whole pipeline as plain numbers, one and two threads in the same run:
    // the first (cold) round and the best of several, interleaved so load changes hit both alike.
    let stages: Vec<Stage<'_>> = vec![
        (
            "detect",
            Box::new(|i: usize| p.detector.detect_article(&all[i].text).sentences.len()),
        ),
        (
            "mentions",
            Box::new(|i: usize| names.mentions(&all[i].text, lang_of(&all[i])).len()),
        ),
        (
            "normalize",
            Box::new(|i: usize| {
                found[i]
                    .iter()
                    .map(|m| names.normalize(m, lang_of(&all[i])).key.len())
                    .sum()
            }),
        ),
        (
            "extract",
            Box::new(|i: usize| {
                let lang = lang_of(&all[i]);
                p.extractor.extract(&all[i], lang, lang.code()).len()
            }),
        ),
        ("end_to_end", Box::new(run)),
    ];
    let secs = |f: &dyn Fn() -> usize| {
        let t = Instant::now();
        black_box(f());
        t.elapsed().as_secs_f64()
    };
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "pipeline_corpus stages: {n} articles, {mb:.2} MB of text; MB/s of article text \
         (normalize: the article's mentions only); cold = first round"
    );
    eprintln!("stage\t1t_cold\t1t_best\t2t_best\tspeed-up");
    for (name, f) in &stages {
        let cold = secs(&|| one(f.as_ref()));
        let (mut t1, mut t2) = (f64::MAX, f64::MAX);
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut rounds = 0;
        while rounds < 3 || (Instant::now() < deadline && rounds < 50) {
            t1 = t1.min(secs(&|| one(f.as_ref())));
            t2 = t2.min(secs(&|| two(f.as_ref())));
            rounds += 1;
        }
        eprintln!(
            "{name}\t{:.2}\t{:.2}\t{:.2}\t{:.2}x",
            mb / cold,
            mb / t1,
            mb / t2,
            t1 / t2
        );
    }
    eprintln!("targets: end_to_end >= 20 MB/s on 1 thread, 2 threads >= 1.8x");
}

criterion_group!(benches, stages, corpus);
criterion_main!(benches);
