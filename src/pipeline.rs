//! The per-article pipeline (detect, mentions, extract) and the streaming driver around it.
//!
//! Sources are read one at a time; the articles of each are processed in parallel (rayon) and
//! handed to the caller in input order, so output never depends on the thread count.

use crate::Common;
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use kzalign::input::{self, Batch, ReadOptions, Skipped};
use kzalign_core::{Article, Event, Lang, Mention, Span};
use kzalign_events::{Extractor, ExtractorBuilder};
use kzalign_langid::{Detector, DetectorBuilder};
use kzalign_names::{Names, NamesBuilder};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

/// Articles read and processed together; bounds memory on large JSON Lines files.
const CHUNK: usize = 4096;

/// The workers of every stage, built once.
pub struct Engine {
    /// Language detector.
    pub detector: Detector,
    /// Event extractor (owns the names normalizer).
    pub extractor: Extractor,
}

impl Engine {
    /// Builds the workers, with the user's rule files when `rules` is given.
    ///
    /// A rules directory holds up to three folders: `names/` (name tables and the gazetteer's
    /// `persons.tsv`, `roles.tsv`, `places.tsv`), `events/` (cue files) and `translit/` (scheme
    /// tables, used by `translit`).
    pub fn new(rules: Option<&PathBuf>) -> Result<Engine> {
        let mut names = NamesBuilder::new();
        let mut events = ExtractorBuilder::new();
        if let Some(dir) = rules {
            let known = rule_folders(dir)?;
            if known.contains(&"names") {
                names = names
                    .rules_dir(&dir.join("names"))
                    .map_err(anyhow::Error::msg)?;
            }
            if known.contains(&"events") {
                events = events
                    .rules_dir(&dir.join("events"))
                    .map_err(anyhow::Error::msg)?;
            }
        }
        let names = names.build().map_err(anyhow::Error::msg)?;
        let extractor = events.build(Arc::new(names)).map_err(anyhow::Error::msg)?;
        Ok(Engine {
            detector: DetectorBuilder::new().build(),
            extractor,
        })
    }

    /// The names normalizer.
    pub fn names(&self) -> &Names {
        self.extractor.names()
    }

    /// The language of an article, and its stretches of one language each: the declared
    /// language over the whole text, else the detected overall language and the stretches of
    /// [`Detector::runs`] (one, unless the article mixes Russian and
    /// Kazakh sentences).
    pub fn language(&self, article: &Article) -> (Lang, Vec<(Span, Lang)>) {
        if let Some(lang) = article.lang {
            return (lang, vec![(Span::new(0, article.text.len()), lang)]);
        }
        let (d, runs) = self.detector.runs(&article.text);
        (d.lang.unwrap_or(Lang::Other), runs)
    }

    /// The person mentions of an article, and its places when `places` is set, each stretch of
    /// one language read in that language ([`Engine::language`]); spans index the whole text.
    pub fn mentions(&self, article: &Article, places: bool) -> (Lang, Vec<Mention>) {
        let (lang, runs) = self.language(article);
        let names = self.names();
        let mut found = Vec::new();
        for (span, run_lang) in runs {
            let Some(text) = article.text.get(span.start..span.end) else {
                continue;
            };
            let at = found.len();
            found.extend(names.mentions(text, run_lang));
            if places {
                found.extend(names.places(text, run_lang));
            }
            for m in &mut found[at..] {
                m.span = Span::new(m.span.start + span.start, m.span.end + span.start);
            }
        }
        (lang, found)
    }

    /// The events of one article (all modalities); the edition defaults to the language code.
    pub fn process(&self, article: &Article) -> Vec<Event> {
        let (lang, runs) = self.language(article);
        let edition = article
            .edition
            .clone()
            .unwrap_or_else(|| lang.code().to_string());
        match lang {
            Lang::Ru | Lang::Kk => self.extractor.extract_runs(article, &runs, &edition),
            Lang::Other => Vec::new(),
        }
    }
}

/// Reads the inputs source by source and calls `each` on every article in input order, with the
/// result of `work` computed in parallel. Prints warnings, the summary and writes `--skipped`.
/// Returns the number of input errors.
pub fn drive<T: Send>(
    inputs: &[PathBuf],
    common: &Common,
    work: impl Fn(&Article) -> T + Sync,
    mut each: impl FnMut(&Article, T) -> Result<()>,
) -> Result<usize> {
    if let Some(n) = common.threads {
        // Only the first call configures the global pool; later calls keep it.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let opts = ReadOptions {
        strict: common.strict,
    };
    let mut meta = Batch::default();
    let sources = input::collect_sources(inputs, &mut meta);
    flush_messages(&mut meta.messages);
    let progress = progress_bar(sources.len(), common.quiet);
    let (mut read, mut skipped, mut errors) =
        (0usize, std::mem::take(&mut meta.skipped), meta.errors);
    for source in &sources {
        let mut failure = None;
        input::read_source_chunked(source, opts, CHUNK, &mut |mut batch| {
            if failure.is_some() {
                return Ok(());
            }
            flush_messages(&mut batch.messages);
            errors += batch.errors;
            skipped.append(&mut batch.skipped);
            read += batch.articles.len();
            let results: Vec<T> = batch.articles.par_iter().map(&work).collect();
            for (article, result) in batch.articles.iter().zip(results) {
                if let Err(e) = each(article, result) {
                    failure = Some(e);
                    break;
                }
            }
            Ok(())
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    if let Some(path) = &common.skipped {
        write_skipped(path, &skipped)?;
    }
    if !common.quiet {
        eprintln!(
            "kzalign: {} sources, {} articles processed, {} skipped, {} errors",
            sources.len(),
            read,
            skipped.len(),
            errors
        );
    }
    Ok(errors)
}

fn flush_messages(messages: &mut Vec<String>) {
    for m in messages.drain(..) {
        eprintln!("kzalign: {m}");
    }
}

fn progress_bar(len: usize, quiet: bool) -> ProgressBar {
    if quiet || len < 50 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise} eta {eta}")
    {
        bar.set_style(style);
    }
    bar
}

fn write_skipped(path: &PathBuf, skipped: &[Skipped]) -> Result<()> {
    let mut w = csv::Writer::from_path(path)
        .with_context(|| format!("{}: cannot create", path.display()))?;
    w.write_record(["id", "source", "reason"])?;
    for s in skipped {
        w.write_record([
            kzalign::output::neutralise(&s.id),
            kzalign::output::neutralise(&s.source),
            s.reason.clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The rule folders present in a `--rules` directory; an error when it has none of them.
pub fn rule_folders(dir: &std::path::Path) -> Result<Vec<&'static str>> {
    if !dir.is_dir() {
        anyhow::bail!("{}: rules directory not found", dir.display());
    }
    let known: Vec<&'static str> = ["names", "events", "translit"]
        .into_iter()
        .filter(|f| dir.join(f).is_dir())
        .collect();
    if known.is_empty() {
        anyhow::bail!(
            "{}: a rules directory holds `names/`, `events/` or `translit/` folders; found none",
            dir.display()
        );
    }
    Ok(known)
}
