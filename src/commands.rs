//! One function per subcommand; each writes its report through [`RowWriter`].

use crate::eval::{self, EvalArgs};
use crate::pipeline::{drive, Engine};
use crate::{Command, Common};
use anyhow::{bail, Context, Result};
use kzalign::input::{self, Batch, ReadOptions, Source};
use kzalign::output::RowWriter;
use kzalign_align::{align_events, coverage, pair_articles, AlignConfig, ArticleProfile};
use kzalign_core::{Event, Lang, Modality};
use serde::Serialize;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// Runs one subcommand and returns the exit code.
pub fn run(command: Command) -> Result<u8> {
    match command {
        Command::Detect {
            inputs,
            lines,
            sentences,
            common,
        } => {
            if lines {
                detect_lines(&inputs, &common)
            } else {
                detect(&inputs, sentences, &common)
            }
        }
        Command::Normalize {
            names,
            lang,
            common,
        } => normalize(names, &lang, &common),
        Command::Mentions {
            inputs,
            lines,
            common,
        } => mentions(&inputs, lines, &common),
        Command::Extract {
            inputs,
            actual,
            common,
        } => extract(&inputs, actual, &common),
        Command::Align {
            inputs,
            window,
            common,
        } => align(&inputs, window, &common),
        Command::Coverage {
            inputs,
            articles,
            window,
            common,
        } => coverage_cmd(&inputs, articles, window, &common),
        Command::Check { files, common } => check(&files, &common),
        Command::Translit {
            scheme,
            list,
            text,
            common,
        } => translit(&scheme, list, text, &common),
        Command::Generate {
            articles,
            seed,
            out,
        } => generate(articles, seed, &out),
        Command::Eval {
            stage,
            path,
            eval_dir,
        } => {
            let args = EvalArgs { path, eval_dir };
            match stage.as_str() {
                "langid" => eval::langid::run(&args)?,
                "names" => eval::names::run(&args)?,
                "events" => eval::events::run(&args)?,
                "align" => eval::align::run(&args)?,
                other => bail!("unknown stage `{other}`"),
            }
            Ok(0)
        }
    }
}

fn writer(common: &Common) -> Result<RowWriter> {
    RowWriter::create(common.output.as_deref(), common.format, common.raw)
}

fn exit_code(errors: usize) -> u8 {
    if errors > 0 {
        2
    } else {
        0
    }
}

fn fmt_conf(c: f64) -> String {
    format!("{:.3}", c.clamp(0.0, 1.0))
}

#[derive(Serialize)]
struct DetectRow<'a> {
    id: &'a str,
    lang: &'static str,
    confidence: String,
    script: &'static str,
    mixed: bool,
    evidence: String,
}

#[derive(Serialize)]
struct DetectSentenceRow<'a> {
    id: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    lang: &'static str,
    confidence: String,
    text: &'a str,
}

fn detect(inputs: &[PathBuf], sentences: bool, common: &Common) -> Result<u8> {
    let engine = Engine::new(common.rules.as_ref())?;
    let mut w = writer(common)?;
    if sentences {
        w.header(&[
            "id",
            "sentence",
            "start",
            "end",
            "lang",
            "confidence",
            "text",
        ])?;
    } else {
        w.header(&["id", "lang", "confidence", "script", "mixed", "evidence"])?;
    }
    let errors = drive(
        inputs,
        common,
        |a| engine.detector.detect_article(&a.text),
        |article, det| {
            if sentences {
                for (i, (span, d)) in det.sentences.iter().enumerate() {
                    w.row(&DetectSentenceRow {
                        id: &article.id,
                        sentence: i + 1,
                        start: span.start,
                        end: span.end,
                        lang: d.lang.unwrap_or(Lang::Other).code(),
                        confidence: fmt_conf(d.confidence),
                        text: span.slice(&article.text),
                    })?;
                }
            } else {
                let d = &det.overall;
                w.row(&DetectRow {
                    id: &article.id,
                    lang: d.lang.unwrap_or(Lang::Other).code(),
                    confidence: fmt_conf(d.confidence),
                    script: d.script.code(),
                    mixed: det.mixed,
                    evidence: d.evidence.clone(),
                })?;
            }
            Ok(())
        },
    )?;
    w.finish()?;
    Ok(exit_code(errors))
}

/// Calls `each(source name, 1-based line number, line)` for every line of the inputs.
fn for_each_line(
    inputs: &[PathBuf],
    common: &Common,
    mut each: impl FnMut(&str, usize, &str) -> Result<()>,
) -> Result<usize> {
    let mut batch = Batch::default();
    let sources = input::collect_sources(inputs, &mut batch);
    let opts = ReadOptions {
        strict: common.strict,
    };
    for source in &sources {
        let (bytes, name) = match source {
            Source::Stdin => {
                let mut buf = Vec::new();
                io::Read::read_to_end(&mut io::stdin().lock(), &mut buf)?;
                (buf, "<stdin>".to_string())
            }
            Source::File { path, .. } => match std::fs::read(path) {
                Ok(b) => (b, path.display().to_string()),
                Err(e) => {
                    batch
                        .messages
                        .push(format!("error: {}: cannot read: {e}", path.display()));
                    batch.errors += 1;
                    continue;
                }
            },
        };
        if let Some(text) = input::decode(&bytes, &name, opts, &mut batch, &name) {
            for (i, line) in text.lines().enumerate() {
                let line = kzalign_core::clean_text(line.trim_end_matches('\r'));
                each(&name, i + 1, &line)?;
            }
        }
    }
    for m in &batch.messages {
        eprintln!("kzalign: {m}");
    }
    Ok(batch.errors)
}

#[derive(Serialize)]
struct DetectLineRow<'a> {
    line: usize,
    lang: &'static str,
    confidence: String,
    script: &'static str,
    source: &'a str,
}

fn detect_lines(inputs: &[PathBuf], common: &Common) -> Result<u8> {
    let detector = kzalign_langid::DetectorBuilder::new().build();
    let mut w = writer(common)?;
    w.header(&["line", "lang", "confidence", "script", "source"])?;
    let errors = for_each_line(inputs, common, |source, line, text| {
        let d = detector.detect(text);
        w.row(&DetectLineRow {
            line,
            lang: d.lang.unwrap_or(Lang::Other).code(),
            confidence: fmt_conf(d.confidence),
            script: d.script.code(),
            source,
        })
    })?;
    w.finish()?;
    Ok(exit_code(errors))
}

#[derive(Serialize)]
struct NormalizeRow {
    input: String,
    lang: &'static str,
    lemma: String,
    key: String,
    latin: String,
    entity_id: String,
    canonical: String,
}

fn normalize(names: Vec<String>, lang: &str, common: &Common) -> Result<u8> {
    let engine = Engine::new(common.rules.as_ref())?;
    let lang = Lang::parse(lang)
        .filter(|l| *l != Lang::Other)
        .unwrap_or(Lang::Other);
    let names = if names.is_empty() {
        io::stdin()
            .lock()
            .lines()
            .collect::<io::Result<Vec<String>>>()?
    } else {
        names
    };
    let mut w = writer(common)?;
    w.header(&[
        "input",
        "lang",
        "lemma",
        "key",
        "latin",
        "entity_id",
        "canonical",
    ])?;
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let n = engine.names().normalize(name, lang);
        w.row(&NormalizeRow {
            input: n.input,
            lang: n.lang.code(),
            lemma: n.lemma,
            key: n.key,
            latin: n.latin,
            entity_id: n.entity_id.unwrap_or_default(),
            canonical: n.canonical.unwrap_or_default(),
        })?;
    }
    w.finish()?;
    Ok(0)
}

#[derive(Serialize)]
struct MentionRow<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    doc_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    lang: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    lemma: &'a str,
    key: &'a str,
    entity_id: &'a str,
    canonical: &'a str,
    latin: &'a str,
}

fn mention_row<'a>(
    doc_id: Option<&'a str>,
    line: Option<usize>,
    m: &'a kzalign_core::Mention,
) -> MentionRow<'a> {
    MentionRow {
        doc_id,
        line,
        lang: m.lang.code(),
        start: m.span.start,
        end: m.span.end,
        text: &m.text,
        lemma: &m.lemma,
        key: &m.key,
        entity_id: m.entity_id.as_deref().unwrap_or(""),
        canonical: m.canonical.as_deref().unwrap_or(""),
        latin: &m.latin,
    }
}

const MENTION_COLUMNS: [&str; 10] = [
    "lang",
    "start",
    "end",
    "text",
    "lemma",
    "key",
    "entity_id",
    "canonical",
    "latin",
    "",
];

fn mentions(inputs: &[PathBuf], lines: bool, common: &Common) -> Result<u8> {
    let engine = Engine::new(common.rules.as_ref())?;
    let mut w = writer(common)?;
    let first = if lines { "line" } else { "doc_id" };
    let mut cols = vec![first];
    cols.extend(MENTION_COLUMNS.iter().filter(|c| !c.is_empty()));
    w.header(&cols)?;
    let errors = if lines {
        for_each_line(inputs, common, |_, n, text| {
            let lang = engine.detector.detect(text).lang.unwrap_or(Lang::Other);
            for m in engine.names().mentions(text, lang) {
                w.row(&mention_row(None, Some(n), &m))?;
            }
            Ok(())
        })?
    } else {
        drive(
            inputs,
            common,
            |a| engine.mentions(a, false).1,
            |article, found| {
                for m in &found {
                    w.row(&mention_row(Some(&article.id), None, m))?;
                }
                Ok(())
            },
        )?
    };
    w.finish()?;
    Ok(exit_code(errors))
}

#[derive(Serialize)]
struct ExtractRow<'a> {
    event_id: &'a str,
    doc_id: &'a str,
    lang: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    participants: String,
    participant_keys: String,
    date: String,
    date_source: &'static str,
    place: &'a str,
    sentence: &'a str,
    start: usize,
    end: usize,
    modality: &'static str,
    edition: &'a str,
}

fn extract_row(e: &Event) -> ExtractRow<'_> {
    ExtractRow {
        event_id: &e.id,
        doc_id: &e.doc_id,
        lang: e.lang.code(),
        kind: e.kind.code(),
        participants: e
            .participants
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        participant_keys: e.keys().collect::<Vec<_>>().join(";"),
        date: e.date.map(|d| d.to_string()).unwrap_or_default(),
        date_source: e.date_source.code(),
        place: e.place.as_deref().unwrap_or(""),
        sentence: &e.sentence,
        start: e.span.start,
        end: e.span.end,
        modality: e.modality.code(),
        edition: &e.edition,
    }
}

const EXTRACT_COLUMNS: [&str; 14] = [
    "event_id",
    "doc_id",
    "lang",
    "type",
    "participants",
    "participant_keys",
    "date",
    "date_source",
    "place",
    "sentence",
    "start",
    "end",
    "modality",
    "edition",
];

fn extract(inputs: &[PathBuf], actual: bool, common: &Common) -> Result<u8> {
    let engine = Engine::new(common.rules.as_ref())?;
    let mut w = writer(common)?;
    w.header(&EXTRACT_COLUMNS)?;
    let errors = drive(
        inputs,
        common,
        |a| engine.process(a),
        |_, p| {
            for e in p
                .iter()
                .filter(|e| !actual || e.modality == Modality::Actual)
            {
                w.row(&extract_row(e))?;
            }
            Ok(())
        },
    )?;
    w.finish()?;
    Ok(exit_code(errors))
}

/// Present-day events of all inputs, for alignment.
fn collect_events(inputs: &[PathBuf], common: &Common) -> Result<(Vec<Event>, usize)> {
    let engine = Engine::new(common.rules.as_ref())?;
    let mut events = Vec::new();
    let errors = drive(
        inputs,
        common,
        |a| engine.process(a),
        |_, p| {
            events.extend(p.into_iter().filter(|e| e.modality == Modality::Actual));
            Ok(())
        },
    )?;
    Ok((events, errors))
}

const ALIGN_COLUMNS: [&str; 13] = [
    "event_id",
    "type",
    "participants",
    "participant_keys",
    "date",
    "place",
    "status",
    "ru_docs",
    "kk_docs",
    "ru_sentence",
    "kk_sentence",
    "score",
    "why",
];

fn align(inputs: &[PathBuf], window: i64, common: &Common) -> Result<u8> {
    let (events, errors) = collect_events(inputs, common)?;
    let config = AlignConfig {
        date_window_days: window,
        ..AlignConfig::default()
    };
    let mut w = writer(common)?;
    let rows = align_events(&events, &config);
    if rows.is_empty() {
        w.header(&ALIGN_COLUMNS)?;
    }
    for row in rows {
        w.row(&row)?;
    }
    w.finish()?;
    Ok(exit_code(errors))
}

fn coverage_cmd(inputs: &[PathBuf], articles: bool, window: i64, common: &Common) -> Result<u8> {
    let config = AlignConfig {
        date_window_days: window,
        ..AlignConfig::default()
    };
    let mut w = writer(common)?;
    if articles {
        let engine = Engine::new(common.rules.as_ref())?;
        let mut profiles = Vec::new();
        let errors = drive(
            inputs,
            common,
            |a| {
                let (lang, found) = engine.mentions(a, true);
                ArticleProfile::new(&a.id, lang, &a.text, &found)
            },
            |_, p| {
                profiles.push(p);
                Ok(())
            },
        )?;
        let rows = pair_articles(&profiles, &config);
        if rows.is_empty() {
            w.header(&["ru_doc", "kk_doc", "score", "status", "shared"])?;
        }
        for row in rows {
            w.row(&row)?;
        }
        w.finish()?;
        return Ok(exit_code(errors));
    }
    let (events, errors) = collect_events(inputs, common)?;
    let rows = align_events(&events, &config);
    for row in coverage(&rows) {
        w.row(&row)?;
    }
    w.finish()?;
    Ok(exit_code(errors))
}

/// The header every regression case file starts with.
const CASE_HEADER: &str = "check\tlang\tinput\texpected";

fn case_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).with_context(|| format!("{}: cannot read", p.display()))?;
        if meta.is_dir() {
            for e in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                let e = e.with_context(|| format!("{}: cannot read", p.display()))?;
                if e.file_type().is_file()
                    && e.path().extension().is_some_and(|x| x == "tsv")
                    && is_case_file(e.path())
                {
                    out.push(e.into_path());
                }
            }
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn is_case_file(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| {
        t.lines()
            .map(str::trim_end)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .is_some_and(|l| l == CASE_HEADER)
    })
}

fn check(files: &[PathBuf], common: &Common) -> Result<u8> {
    let engine = Engine::new(common.rules.as_ref())?;
    let gazetteer = match &common.rules {
        Some(dir) => {
            kzalign_gazetteer::Gazetteer::with_extra_dir(dir).map_err(anyhow::Error::msg)?
        }
        None => kzalign_gazetteer::Gazetteer::embedded().clone(),
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for path in case_files(files)? {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        let mut header_seen = false;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line != CASE_HEADER {
                    bail!(
                        "{}:{}: not a case file: the header must be `{}`",
                        path.display(),
                        i + 1,
                        CASE_HEADER.replace('\t', "\\t")
                    );
                }
                header_seen = true;
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 4 {
                bail!(
                    "{}:{}: malformed case: {} fields, expected 4 (check, lang, input, expected)",
                    path.display(),
                    i + 1,
                    f.len()
                );
            }
            let (kind, lang, input, expected) = (f[0], f[1], f[2], f[3]);
            let Some(lang) = Lang::parse(lang) else {
                bail!("{}:{}: unknown language `{lang}`", path.display(), i + 1);
            };
            let actual = engine
                .names()
                .check_case(kind, lang, input)
                .or_else(|| engine.extractor.check_case(kind, lang, input))
                .or_else(|| gazetteer.check_case(kind, lang, input))
                .or_else(|| {
                    kzalign_translit::check_case(kind, input)
                        .map(|r| r.unwrap_or_else(|e| format!("error: {e}")))
                });
            match actual {
                Some(a) if a == expected => passed += 1,
                Some(a) => {
                    failed += 1;
                    writeln!(
                        out,
                        "FAIL {}:{}: {kind} [{}] {input}\n  expected: {expected}\n  actual:   {a}",
                        path.display(),
                        i + 1,
                        lang.code()
                    )?;
                }
                None => bail!("{}:{}: unknown check `{kind}`", path.display(), i + 1),
            }
        }
    }
    writeln!(out, "check: {passed} passed, {failed} failed")?;
    Ok(if failed > 0 { 1 } else { 0 })
}

#[derive(Serialize)]
struct TranslitRow {
    input: String,
    scheme: String,
    output: String,
}

fn translit(scheme: &str, list: bool, text: Vec<String>, common: &Common) -> Result<u8> {
    let schemes = match &common.rules {
        Some(dir) if crate::pipeline::rule_folders(dir)?.contains(&"translit") => {
            kzalign_translit::Schemes::with_dir(&dir.join("translit"))
        }
        _ => kzalign_translit::Schemes::embedded(),
    }
    .map_err(anyhow::Error::msg)?;
    let mut w = writer(common)?;
    if list {
        w.header(&["scheme"])?;
        for s in schemes.names() {
            #[derive(Serialize)]
            struct S<'a> {
                scheme: &'a str,
            }
            w.row(&S { scheme: s })?;
        }
        w.finish()?;
        return Ok(0);
    }
    let table = schemes.get(scheme).map_err(anyhow::Error::msg)?;
    let text = if text.is_empty() {
        io::stdin()
            .lock()
            .lines()
            .collect::<io::Result<Vec<String>>>()?
    } else {
        text
    };
    w.header(&["input", "scheme", "output"])?;
    for t in text {
        let output = table.transliterate(&t);
        w.row(&TranslitRow {
            input: t,
            scheme: scheme.to_string(),
            output,
        })?;
    }
    w.finish()?;
    Ok(0)
}

fn generate(articles: usize, seed: u64, out: &Path) -> Result<u8> {
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    let create = |name: &str| -> Result<io::BufWriter<std::fs::File>> {
        let path = out.join(name);
        let f = std::fs::File::create(&path)
            .with_context(|| format!("{}: cannot create", path.display()))?;
        Ok(io::BufWriter::new(f))
    };
    let config = kzalign_corpus::GenConfig {
        articles,
        seed,
        ..kzalign_corpus::GenConfig::default()
    };
    let stats = kzalign_corpus::write_corpus_jsonl(
        &config,
        create("articles.jsonl")?,
        create("truth.jsonl")?,
    )?;
    eprintln!(
        "kzalign: wrote {} articles ({} bytes of text) and {} true events to {}",
        stats.articles,
        stats.text_bytes,
        stats.events,
        out.display()
    );
    Ok(0)
}
