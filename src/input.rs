//! Reading articles: files, directories, standard input; plain text, JSON Lines and CSV.
//!
//! Every input document ends up either as an [`Article`] or as a [`Skipped`] entry with its reason,
//! so nothing is lost silently. Faults that lose data (a malformed record, a missing file) are
//! also counted as errors, which make the run exit with code 2 after everything readable is done.

use chrono::NaiveDate;
use kzalign_core::{Article, Lang};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How strictly to read.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions {
    /// Treat invalid UTF-8 as an error instead of decoding it lossily.
    pub strict: bool,
}

/// A document that was not turned into an article, and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Skipped {
    /// Article id if known, else the source.
    pub id: String,
    /// File (and line) it came from.
    pub source: String,
    /// Why it was skipped.
    pub reason: String,
}

/// What reading one source produced.
#[derive(Debug, Default)]
pub struct Batch {
    /// Articles, in input order.
    pub articles: Vec<Article>,
    /// Documents not read, with reasons.
    pub skipped: Vec<Skipped>,
    /// Messages for standard error (warnings and errors), each naming file and line.
    pub messages: Vec<String>,
    /// Number of errors (input faults that make the exit code 2).
    pub errors: usize,
}

impl Batch {
    fn warn(&mut self, msg: String) {
        self.messages.push(format!("warning: {msg}"));
    }

    fn error(&mut self, msg: String) {
        self.messages.push(format!("error: {msg}"));
        self.errors += 1;
    }

    fn skip(&mut self, id: &str, source: &str, reason: &str) {
        self.skipped.push(Skipped {
            id: id.to_string(),
            source: source.to_string(),
            reason: reason.to_string(),
        });
    }
}

/// One input to read: a file (with the id prefix relative to its argument) or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file; `id` is its path relative to the argument it was found under.
    File {
        /// The file.
        path: PathBuf,
        /// Its article id (for plain text) or id prefix.
        id: String,
    },
    /// Standard input.
    Stdin,
}

/// File endings read from directories.
const EXTENSIONS: [&str; 3] = ["txt", "jsonl", "csv"];

/// Expands the positional arguments into sources, in a deterministic order: arguments in the
/// order given, directory contents sorted by path. Files given twice are read once.
pub fn collect_sources(args: &[PathBuf], batch: &mut Batch) -> Vec<Source> {
    let mut out = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut stdin_seen = false;
    for arg in args {
        if arg.as_os_str() == "-" {
            if stdin_seen {
                batch.warn("standard input given twice: read once".to_string());
            } else {
                stdin_seen = true;
                out.push(Source::Stdin);
            }
            continue;
        }
        let meta = match fs::metadata(arg) {
            Ok(m) => m,
            Err(e) => {
                batch.error(format!("{}: cannot read: {}", arg.display(), e));
                batch.skip(
                    &arg.display().to_string(),
                    &arg.display().to_string(),
                    "cannot read",
                );
                continue;
            }
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            for entry in walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
                        if EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
                            files.push(e.into_path());
                        }
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let place = e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| arg.display().to_string());
                        if e.loop_ancestor().is_some() {
                            batch.warn(format!("{place}: symbolic link loop, not followed"));
                        } else {
                            batch.error(format!("{place}: cannot read: {e}"));
                            batch.skip(&place, &place, "cannot read");
                        }
                    }
                }
            }
            for path in files {
                let id = path
                    .strip_prefix(arg)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                push_file(&mut out, &mut seen, batch, path, id);
            }
        } else {
            let id = arg
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| arg.display().to_string());
            push_file(&mut out, &mut seen, batch, arg.clone(), id);
        }
    }
    out
}

fn push_file(
    out: &mut Vec<Source>,
    seen: &mut HashSet<PathBuf>,
    batch: &mut Batch,
    path: PathBuf,
    id: String,
) {
    let canon = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
    if !seen.insert(canon) {
        batch.warn(format!(
            "{}: given more than once: read once",
            path.display()
        ));
        return;
    }
    out.push(Source::File { path, id });
}

/// The kind of content a source holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

impl Format {
    fn of(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("jsonl") | Some("ndjson") => Format::Jsonl,
            Some("csv") => Format::Csv,
            _ => Format::Text,
        }
    }

    /// Guesses the format of standard input from its first non-blank character.
    fn sniff(text: &str) -> Format {
        let first = text.trim_start().lines().next().unwrap_or("");
        if first.starts_with('{') {
            Format::Jsonl
        } else if first
            .trim_end_matches('\r')
            .split(',')
            .any(|f| f.trim_matches('"') == "text")
            && first.split(',').any(|f| f.trim_matches('"') == "id")
        {
            Format::Csv
        } else {
            Format::Text
        }
    }
}

/// Reads one source into `batch`.
pub fn read_source(source: &Source, opts: ReadOptions, batch: &mut Batch) {
    let (bytes, name, id, format) = match source {
        Source::Stdin => {
            let mut buf = Vec::new();
            if let Err(e) = io::stdin().lock().read_to_end(&mut buf) {
                batch.error(format!("<stdin>: cannot read: {e}"));
                batch.skip("-", "<stdin>", "cannot read");
                return;
            }
            (buf, "<stdin>".to_string(), "<stdin>".to_string(), None)
        }
        Source::File { path, id } => match fs::read(path) {
            Ok(b) => (
                b,
                path.display().to_string(),
                id.clone(),
                Some(Format::of(path)),
            ),
            Err(e) => {
                batch.error(format!("{}: cannot read: {}", path.display(), e));
                batch.skip(id, &path.display().to_string(), "cannot read");
                return;
            }
        },
    };
    let Some(text) = decode(&bytes, &name, opts, batch, &id) else {
        return;
    };
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    match format {
        Format::Text => read_text_article(&text, &id, &name, batch),
        Format::Jsonl => read_jsonl(&text, &name, batch),
        Format::Csv => read_csv(&text, &name, batch),
    }
}

/// Decodes bytes to text: UTF-8 (BOM dropped), UTF-16 with a BOM; lossy on invalid UTF-8 with a
/// warning (an error with `strict`); NUL bytes removed; binary content skipped.
pub fn decode(
    bytes: &[u8],
    name: &str,
    opts: ReadOptions,
    batch: &mut Batch,
    id: &str,
) -> Option<String> {
    if bytes.is_empty() || bytes.iter().all(u8::is_ascii_whitespace) {
        batch.warn(format!("{name}: empty, skipped"));
        batch.skip(id, name, "empty");
        return None;
    }
    let mut text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, u16::from_be_bytes)
    } else {
        let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if looks_binary(body) {
            batch.warn(format!("{name}: binary content, skipped"));
            batch.skip(id, name, "binary content");
            return None;
        }
        match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let offset = e.valid_up_to() + (bytes.len() - body.len());
                if opts.strict {
                    batch.error(format!("{name}: invalid UTF-8 at byte {offset} (--strict)"));
                    batch.skip(id, name, &format!("invalid UTF-8 at byte {offset}"));
                    return None;
                }
                batch.warn(format!(
                    "{name}: invalid UTF-8 at byte {offset}, decoded with replacement characters"
                ));
                String::from_utf8_lossy(body).into_owned()
            }
        }
    };
    if text.contains('\r') {
        // A lone CR (old Mac line ends) becomes LF: same length, so byte offsets stay valid.
        text = lone_cr_to_lf(&text);
    }
    if text.contains('\0') {
        batch.warn(format!("{name}: NUL bytes removed"));
        text.retain(|c| c != '\0');
    }
    if text.trim().is_empty() {
        batch.warn(format!("{name}: no text, skipped"));
        batch.skip(id, name, "empty");
        return None;
    }
    Some(text)
}

/// Replaces every CR not followed by LF with LF.
fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

fn decode_utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Binary when the first 8 KiB hold many NUL or other non-text control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let bad = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)))
        .count();
    bad * 10 > head.len()
}

/// Reads one plain-text article and its header (title, date).
pub fn read_text_article(text: &str, id: &str, source: &str, batch: &mut Batch) {
    let text = kzalign_core::clean_text(text);
    let (title, date) = parse_header(&text);
    batch.articles.push(Article {
        id: id.to_string(),
        source: source.to_string(),
        title,
        date,
        text: text.into_owned(),
        ..Article::default()
    });
}

/// Finds the title and date in the first lines of a plain-text article.
///
/// Three header forms are read: a first line ` date 2025-09-24 <title>`; a title line followed
/// (within a few lines) by a line holding only a date such as `10.06.2023`; and a line
/// `07:50 22/02/2024` (time, then date). With no date line the article has no date.
pub fn parse_header(text: &str) -> (Option<String>, Option<NaiveDate>) {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return (None, None);
    };
    if let Some(rest) = first.strip_prefix("date ") {
        let rest = rest.trim_start();
        let (d, title) = rest.split_at(rest.find(char::is_whitespace).unwrap_or(rest.len()));
        if let Some(date) = parse_date(d) {
            let title = title.trim();
            return ((!title.is_empty()).then(|| title.to_string()), Some(date));
        }
    }
    if let Some(date) = date_line(first) {
        return (None, Some(date));
    }
    for line in lines.take(6) {
        if let Some(date) = date_line(line) {
            return (Some(first.to_string()), Some(date));
        }
    }
    (None, None)
}

/// A line that holds only a date, optionally with a time before or after it.
fn date_line(line: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = line.split_whitespace().collect();
    if parts.is_empty() || parts.len() > 3 {
        return None;
    }
    let mut date = None;
    for p in parts {
        if is_time(p) {
            continue;
        }
        if date.is_some() {
            return None;
        }
        date = Some(parse_date(p)?);
    }
    date
}

fn is_time(s: &str) -> bool {
    let mut it = s.split(':');
    let (Some(h), Some(m)) = (it.next(), it.next()) else {
        return false;
    };
    let ok = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
    ok(h) && ok(m) && it.all(ok)
}

/// Parses `2025-09-24` (also with a time after `T` or a space), `10.06.2023` and `22/02/2024`.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let head = s.split(['T', ' ']).next().unwrap_or(s);
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%d.%m.%Y"))
        .or_else(|_| NaiveDate::parse_from_str(head, "%d/%m/%Y"))
        .ok()
        .filter(|d| head.len() >= 8 && (1900..=2200).contains(&chrono::Datelike::year(d)))
}

/// One record of JSONL or CSV input; unknown fields are ignored.
#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    edition: Option<String>,
    url: Option<String>,
}

fn record_to_article(rec: Record, source: &str, batch: &mut Batch) -> Result<Article, String> {
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("missing `id`".to_string()),
    };
    let text = match rec.text {
        Some(t) if !t.trim().is_empty() => t,
        Some(_) => return Err(format!("record `{id}`: empty `text`")),
        None => return Err(format!("record `{id}`: missing `text`")),
    };
    let nonempty = |v: Option<String>| v.filter(|s| !s.trim().is_empty());
    let date = match nonempty(rec.date) {
        Some(d) => match parse_date(&d) {
            Some(date) => Some(date),
            None => {
                batch.warn(format!(
                    "{source}: record `{id}`: date `{d}` is not ISO 8601, ignored"
                ));
                None
            }
        },
        None => None,
    };
    let lang = match nonempty(rec.lang) {
        Some(l) => match Lang::parse(&l) {
            Some(lang) => Some(lang),
            None => {
                batch.warn(format!(
                    "{source}: record `{id}`: unknown lang `{l}`, detecting instead"
                ));
                None
            }
        },
        None => None,
    };
    Ok(Article {
        id,
        source: source.to_string(),
        title: nonempty(rec.title).map(kzalign_core::clean_string),
        date,
        lang,
        edition: nonempty(rec.edition),
        url: nonempty(rec.url),
        text: kzalign_core::clean_string(if text.contains('\0') {
            text.replace('\0', "")
        } else {
            text
        }),
    })
}

/// Reads JSON Lines records (one article per line).
pub fn read_jsonl(text: &str, name: &str, batch: &mut Batch) {
    for (i, line) in text.lines().enumerate() {
        read_jsonl_line(line, name, i + 1, batch);
    }
}

/// Reads one JSON Lines record; blank lines are passed over.
fn read_jsonl_line(line: &str, name: &str, line_no: usize, batch: &mut Batch) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let source = format!("{name}:{line_no}");
    let parsed: Result<Record, String> = serde_json::from_str(line).map_err(|e| e.to_string());
    match parsed.and_then(|r| record_to_article(r, &source, batch)) {
        Ok(a) => batch.articles.push(a),
        Err(e) => {
            batch.error(format!("{source}: malformed record: {e}"));
            batch.skip(&source, &source, &format!("malformed record: {e}"));
        }
    }
}

/// Reads one source and hands its articles to `sink` in batches of about `chunk` articles, so
/// that a large JSON Lines file is never held in memory whole. Other sources come as one batch.
pub fn read_source_chunked(
    source: &Source,
    opts: ReadOptions,
    chunk: usize,
    sink: &mut dyn FnMut(Batch) -> io::Result<()>,
) -> io::Result<()> {
    if let Source::File { path, .. } = source {
        if Format::of(path) == Format::Jsonl && !has_utf16_bom(path) {
            return stream_jsonl(path, opts, chunk.max(1), sink);
        }
    }
    let mut batch = Batch::default();
    read_source(source, opts, &mut batch);
    sink(batch)
}

fn has_utf16_bom(path: &Path) -> bool {
    let mut head = [0u8; 2];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|_| head == [0xFF, 0xFE] || head == [0xFE, 0xFF])
}

fn stream_jsonl(
    path: &Path,
    opts: ReadOptions,
    chunk: usize,
    sink: &mut dyn FnMut(Batch) -> io::Result<()>,
) -> io::Result<()> {
    let name = path.display().to_string();
    let mut batch = Batch::default();
    let file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            batch.error(format!("{name}: cannot read: {e}"));
            batch.skip(&name, &name, "cannot read");
            return sink(batch);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::new();
    let (mut line_no, mut offset, mut records) = (0usize, 0usize, 0usize);
    loop {
        buf.clear();
        let n = match reader.read_until(b'\n', &mut buf) {
            Ok(n) => n,
            Err(e) => {
                batch.error(format!("{name}:{}: cannot read: {e}", line_no + 1));
                break;
            }
        };
        if n == 0 {
            break;
        }
        line_no += 1;
        let mut bytes = &buf[..];
        if line_no == 1 {
            bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        }
        let line = match std::str::from_utf8(bytes) {
            Ok(s) => std::borrow::Cow::Borrowed(s),
            Err(e) => {
                let at = offset + (n - bytes.len()) + e.valid_up_to();
                if opts.strict {
                    let source = format!("{name}:{line_no}");
                    batch.error(format!("{source}: invalid UTF-8 at byte {at} (--strict)"));
                    batch.skip(&source, &source, &format!("invalid UTF-8 at byte {at}"));
                    offset += n;
                    continue;
                }
                batch.warn(format!(
                    "{name}:{line_no}: invalid UTF-8 at byte {at}, decoded with replacement characters"
                ));
                String::from_utf8_lossy(bytes)
            }
        };
        offset += n;
        if !line.trim().is_empty() {
            records += 1;
        }
        read_jsonl_line(&line, &name, line_no, &mut batch);
        if batch.articles.len() >= chunk {
            sink(std::mem::take(&mut batch))?;
        }
    }
    if records == 0 && batch.errors == 0 {
        batch.warn(format!("{name}: empty, skipped"));
        batch.skip(&name, &name, "empty");
    }
    sink(batch)
}

/// Reads CSV records with a header row (one article per record).
pub fn read_csv(text: &str, name: &str, batch: &mut Batch) {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            batch.error(format!("{name}:1: malformed CSV header: {e}"));
            batch.skip(name, name, "malformed CSV header");
            return;
        }
    };
    for result in rdr.records() {
        let line = result
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map(|p| p.line())
            .or_else(|| {
                result
                    .as_ref()
                    .err()
                    .and_then(|e| e.position())
                    .map(|p| p.line())
            })
            .unwrap_or(0);
        let source = format!("{name}:{line}");
        let parsed = result.map_err(|e| e.to_string()).and_then(|r| {
            r.deserialize::<Record>(Some(&headers))
                .map_err(|e| e.to_string())
        });
        match parsed.and_then(|r| record_to_article(r, &source, batch)) {
            Ok(a) => batch.articles.push(a),
            Err(e) => {
                batch.error(format!("{source}: malformed record: {e}"));
                batch.skip(&source, &source, &format!("malformed record: {e}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn header_forms_of_the_seed_articles() {
        let (t, date) = parse_header(" date 2025-09-24 Токаев встретился с Гутерришем\n\nТекст.");
        assert_eq!(date, d(2025, 9, 24));
        assert_eq!(t.as_deref(), Some("Токаев встретился с Гутерришем"));
        let (t, date) =
            parse_header("В сотрудничестве с ООН\n\nПодзаголовок\n\n10.06.2023\n\n578 0\n");
        assert_eq!(date, d(2023, 6, 10));
        assert_eq!(t.as_deref(), Some("В сотрудничестве с ООН"));
        let (_, date) = parse_header("Путин и Токаев\n\n07:50 22/02/2024\n\nТекст");
        assert_eq!(date, d(2024, 2, 22));
    }

    #[test]
    fn no_date_means_none() {
        assert_eq!(
            parse_header("Кездесу соңында Тоқаев сөйледі.\nЕкінші жол."),
            (None, None)
        );
        // A date inside running text is not a header.
        assert_eq!(
            parse_header("Встреча прошла 10.06.2023 в Астане.\n").1,
            None
        );
        assert_eq!(parse_date("31.02.2023"), None);
        assert_eq!(parse_date("2025-09-24T10:00:00Z"), d(2025, 9, 24));
    }

    #[test]
    fn decoding_faults() {
        let mut b = Batch::default();
        let o = ReadOptions::default();
        assert_eq!(
            decode(b"\xEF\xBB\xBFabc", "f", o, &mut b, "f").as_deref(),
            Some("abc")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Тоқаев".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(
            decode(&utf16, "f", o, &mut b, "f").as_deref(),
            Some("Тоқаев")
        );
        let bad = decode(b"ab\xFFcd", "f", o, &mut b, "f").unwrap();
        assert_eq!(bad, "ab\u{FFFD}cd");
        assert!(b
            .messages
            .iter()
            .any(|m| m.contains("invalid UTF-8 at byte 2")));
        assert_eq!(b.errors, 0);
        let strict = ReadOptions { strict: true };
        assert!(decode(b"ab\xFFcd", "f", strict, &mut b, "f").is_none());
        assert_eq!(b.errors, 1);
        assert!(decode(&[0u8, 1, 2, 3, 0, 0, 0, 5, 6, 7], "bin", o, &mut b, "bin").is_none());
        assert!(b.skipped.iter().any(|s| s.reason == "binary content"));
        assert_eq!(
            decode(b"a\0b is a text with one stray NUL", "f", o, &mut b, "f").as_deref(),
            Some("ab is a text with one stray NUL")
        );
        assert!(decode(b"", "e", o, &mut b, "e").is_none());
    }

    #[test]
    fn jsonl_and_csv_records() {
        let mut b = Batch::default();
        read_jsonl(
            "{\"id\":\"a\",\"text\":\"Текст\",\"date\":\"2024-02-22\",\"lang\":\"kk\",\"extra\":1}\n{broken\n\n{\"id\":7,\"text\":\"x\"}\n",
            "in.jsonl",
            &mut b,
        );
        assert_eq!(b.articles.len(), 2);
        assert_eq!(b.articles[0].date, d(2024, 2, 22));
        assert_eq!(b.articles[0].lang, Some(Lang::Kk));
        assert_eq!(b.articles[1].id, "7");
        assert_eq!(b.errors, 1);
        assert!(b.messages[0].contains("in.jsonl:2"), "{:?}", b.messages);
        let mut b = Batch::default();
        read_csv(
            "id,text,edition\nr1,\"Текст, с запятой\",ru\nr2,\"\",kk\nr3,ok,kk,extra\n",
            "in.csv",
            &mut b,
        );
        assert_eq!(b.articles.len(), 1);
        assert_eq!(b.articles[0].edition.as_deref(), Some("ru"));
        assert_eq!(b.errors, 2);
        assert!(
            b.messages.iter().any(|m| m.contains("in.csv:3")),
            "{:?}",
            b.messages
        );
        assert!(
            b.messages.iter().any(|m| m.contains("in.csv:4")),
            "{:?}",
            b.messages
        );
    }
}
