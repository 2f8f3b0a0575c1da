//! Measuring the extractor on labelled data: the figures `kzalign eval events` prints and the
//! accuracy test holds the line on.
//!
//! - **Russian** (factRuEval-2016, `factrueval/meetings.tsv` + `docs.jsonl`): a gold Meeting fact is
//!   *found* when an event extracted from its document (any type, any modality — the gold facts
//!   include planned and possible meetings) has two participants whose surnames are two of the
//!   fact's participants' surnames. *Precision* counts every extracted event with two or more
//!   participants in those documents; it is correct when two of its participants match two
//!   participants of one gold fact of the document.
//! - **Kazakh** (KazNERD validation sentences with a meeting word and two or more PERSON spans,
//!   hand-labelled in `fixtures/events/kk-meetings-gold.tsv`): a sentence is right when one extracted
//!   event has the gold type, every gold participant, and no other participant that is a PERSON span
//!   of the sentence (role holders resolved without a name are not scored).
//! - **Seeds** (`fixtures/seeds`, `fixtures/events/seeds-expected.tsv`): an article is right when its
//!   actual events are exactly the expected ones (type, participant ids, date, place).

use crate::{lexicon::malformed, participants::identity, Extractor};
use chrono::NaiveDate;
use kzalign_core::{Article, Error, ErrorKind, Event, EventType, Lang, Modality, Participant};
use kzalign_names::Names;
use std::collections::BTreeMap;
use std::path::Path;

/// The hand-labelled Kazakh gold file.
pub const KK_GOLD: &str = include_str!("../../../fixtures/events/kk-meetings-gold.tsv");
/// The expected events of the seed articles.
pub const SEEDS_EXPECTED: &str = include_str!("../../../fixtures/events/seeds-expected.tsv");

/// The Kazakh words that select a KazNERD sentence for the meeting target.
pub const KK_SELECT: [&str; 5] = [
    "кездесті",
    "кездесу",
    "қабылдады",
    "келіссөздер",
    "телефон арқылы сөйлесті",
];

/// One measured figure: `hit` out of `total`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Name written in reports (`ru_meeting_recall`, ...).
    pub name: String,
    /// Items counted as right.
    pub hit: usize,
    /// Items counted.
    pub total: usize,
}

impl Score {
    /// `hit / total` (0 when nothing was counted).
    pub fn ratio(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hit as f64 / self.total as f64
        }
    }
}

/// Figures plus a line per item explaining them.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The figures.
    pub scores: Vec<Score>,
    /// One line per gold item or extracted event, for reading what went wrong.
    pub details: Vec<String>,
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, e.to_string()).with_path(path)
}

fn fold_latin(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ã' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ё' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'õ' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'č' | 'ć' => 'c',
            'š' => 's',
            'ž' => 'z',
            other => other,
        })
        .collect()
}

fn last(s: &str) -> String {
    fold_latin(s.split_whitespace().last().unwrap_or(""))
}

/// Whether participant `p` is the person `gold` (a full name or a single name, in `lang`): the same
/// gazetteer id, the same key, or the gold surname (the last word of its romanized form) among the
/// words of the participant's name.
pub fn person_matches(names: &Names, p: &Participant, gold: &str, lang: Lang) -> bool {
    let g = names.normalize(gold, lang);
    if let (Some(a), Some(b)) = (&p.entity_id, &g.entity_id) {
        return a == b;
    }
    // The gold lists East Asian names surname first or last inconsistently («Цзиньпин Си»):
    // an unresolved gold name is also read in the other word order.
    if let (Some(a), None) = (&p.entity_id, &g.entity_id) {
        let reversed: Vec<&str> = gold.split_whitespace().rev().collect();
        if reversed.len() > 1 {
            if let Some(b) = names.normalize(&reversed.join(" "), lang).entity_id {
                return *a == b;
            }
        }
    }
    if !g.key.is_empty() && p.key == g.key {
        return true;
    }
    // The gold surname against any word of the name (Chinese names put the surname first).
    let gl = last(&g.latin);
    let gc = g.canonical.clone();
    fold_latin(&p.name)
        .split_whitespace()
        .any(|w| same_surname(w, &gl) || gc.as_deref().is_some_and(|c| same_surname(w, &last(c))))
}

/// Two romanized surnames are the same when equal, or when one is the other plus a case ending of
/// at most two letters that the lemmatizer left (Баррозу / Барроз, Pupar-Lafarjdı / Pupar-Lafarj);
/// surnames shorter than five letters must be equal.
fn same_surname(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    short.chars().count() >= 5
        && long.starts_with(short)
        && long.chars().count() - short.chars().count() <= 2
}

/// Whether two distinct participants of `e` match two distinct names of `gold`.
fn pair_matches(names: &Names, e: &Event, gold: &[String], lang: Lang) -> bool {
    let mut matched_gold = Vec::new();
    for p in &e.participants {
        if let Some(k) = (0..gold.len())
            .find(|k| !matched_gold.contains(k) && person_matches(names, p, &gold[*k], lang))
        {
            matched_gold.push(k);
        }
    }
    matched_gold.len() >= 2
}

fn describe(e: &Event) -> String {
    let ps: Vec<&str> = e.participants.iter().map(|p| p.name.as_str()).collect();
    format!(
        "{}/{} [{}]",
        e.kind.code(),
        e.modality.code(),
        ps.join("; ")
    )
}

/// The Russian meeting figures on factRuEval-2016 under `eval_dir/factrueval`.
pub fn factrueval(ex: &Extractor, eval_dir: &Path) -> Result<Report, Error> {
    let dir = eval_dir.join("factrueval");
    let mpath = dir.join("meetings.tsv");
    let meetings = std::fs::read_to_string(&mpath).map_err(|e| io(&mpath, e))?;
    let mut facts: BTreeMap<String, Vec<(String, Vec<String>)>> = BTreeMap::new();
    for (i, line) in meetings.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 3 {
            return Err(malformed(
                &mpath,
                i + 1,
                "expected doc, fact_id, participants",
            ));
        }
        // «Фамилия Имя Отчество»: read as «Имя Отчество Фамилия», the order names are written in
        // running text, so that the surname is not mistaken for an inflected form.
        let people: Vec<String> = f[2]
            .split('|')
            .map(|p| {
                let w: Vec<&str> = p.split_whitespace().collect();
                match w.split_first() {
                    Some((surname, rest)) if !rest.is_empty() => {
                        format!("{} {}", rest.join(" "), surname)
                    }
                    _ => w.join(" "),
                }
            })
            .filter(|p| !p.is_empty())
            .collect();
        facts
            .entry(f[0].to_string())
            .or_default()
            .push((f[1].to_string(), people));
    }
    let dpath = dir.join("docs.jsonl");
    let docs = std::fs::read_to_string(&dpath).map_err(|e| io(&dpath, e))?;
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for (i, line) in docs.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| malformed(&dpath, i + 1, e.to_string()))?;
        let (Some(doc), Some(text)) = (v["doc"].as_str(), v["text"].as_str()) else {
            continue;
        };
        if facts.contains_key(doc) {
            texts.insert(doc.to_string(), text.to_string());
        }
    }
    let names = ex.names();
    let mut report = Report::default();
    let (mut found, mut total, mut correct, mut extracted) = (0, 0, 0, 0);
    for (doc, doc_facts) in &facts {
        let Some(text) = texts.get(doc) else {
            return Err(Error::new(
                ErrorKind::Unknown,
                format!("document {doc} of meetings.tsv is not in docs.jsonl"),
            )
            .with_path(&dpath));
        };
        let article = Article {
            id: doc.clone(),
            text: text.clone(),
            ..Article::default()
        };
        let events: Vec<Event> = ex
            .extract(&article, Lang::Ru, "ru")
            .into_iter()
            .filter(|e| e.participants.len() >= 2)
            .collect();
        for (fid, people) in doc_facts {
            total += 1;
            let hit = events
                .iter()
                .any(|e| pair_matches(names, e, people, Lang::Ru));
            found += usize::from(hit);
            report.details.push(format!(
                "fact\t{fid}\t{}\t{}",
                if hit { "found" } else { "missed" },
                people.join(";")
            ));
        }
        for e in &events {
            extracted += 1;
            let ok = doc_facts
                .iter()
                .any(|(_, people)| pair_matches(names, e, people, Lang::Ru));
            correct += usize::from(ok);
            report.details.push(format!(
                "event\t{doc}\t{}\t{}\t{}",
                if ok { "correct" } else { "wrong" },
                describe(e),
                e.sentence
            ));
        }
    }
    report.scores.push(Score {
        name: "ru_meeting_recall".into(),
        hit: found,
        total,
    });
    report.scores.push(Score {
        name: "ru_meeting_precision".into(),
        hit: correct,
        total: extracted,
    });
    Ok(report)
}

/// A gold row of the Kazakh file: type and participants.
struct KkGold {
    kind: EventType,
    people: Vec<String>,
}

fn parse_kk_gold(text: &str) -> Result<BTreeMap<String, KkGold>, Error> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |m: &str| malformed(Path::new("fixtures/events/kk-meetings-gold.tsv"), i + 1, m);
        if f.len() < 3 {
            return Err(bad("expected sent_id, type, participants, note"));
        }
        let kind = EventType::parse(f[1]).ok_or_else(|| bad("unknown event type"))?;
        let people = f[2]
            .split(';')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if out
            .insert(f[0].to_string(), KkGold { kind, people })
            .is_some()
        {
            return Err(bad("duplicate sentence id"));
        }
    }
    Ok(out)
}

/// The Kazakh meeting figure on KazNERD under `eval_dir/kaznerd-valid`, against `gold` (the text of
/// a file in the format of `fixtures/events/kk-meetings-gold.tsv`).
pub fn kaznerd(ex: &Extractor, eval_dir: &Path, gold: &str) -> Result<Report, Error> {
    let dir = eval_dir.join("kaznerd-valid");
    let spath = dir.join("sentences.tsv");
    let ppath = dir.join("persons.tsv");
    let sents = std::fs::read_to_string(&spath).map_err(|e| io(&spath, e))?;
    let persons = std::fs::read_to_string(&ppath).map_err(|e| io(&ppath, e))?;
    let mut spans: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in persons.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() == 4 {
            spans
                .entry(f[0].to_string())
                .or_default()
                .push(f[3].to_string());
        }
    }
    let gold = parse_kk_gold(gold)?;
    let names = ex.names();
    let mut report = Report::default();
    let (mut right, mut total) = (0, 0);
    for line in sents.lines().skip(1) {
        let Some((id, text)) = line.split_once('\t') else {
            continue;
        };
        let lower = text.to_lowercase();
        let people = spans.get(id).map(Vec::as_slice).unwrap_or(&[]);
        if people.len() < 2 || !KK_SELECT.iter().any(|w| lower.contains(w)) {
            continue;
        }
        total += 1;
        let Some(g) = gold.get(id) else {
            return Err(Error::new(
                ErrorKind::Unknown,
                format!("sentence {id} is selected but has no gold row"),
            )
            .with_path("fixtures/events/kk-meetings-gold.tsv"));
        };
        let article = Article {
            id: id.to_string(),
            text: text.to_string(),
            ..Article::default()
        };
        let events = ex.extract(&article, Lang::Kk, "kk");
        let ok = events.iter().any(|e| {
            if e.kind != g.kind {
                return false;
            }
            let mut used: Vec<usize> = Vec::new();
            for gp in &g.people {
                match (0..e.participants.len()).find(|k| {
                    !used.contains(k) && person_matches(names, &e.participants[*k], gp, Lang::Kk)
                }) {
                    Some(k) => used.push(k),
                    None => return false,
                }
            }
            // No other named person of the sentence.
            e.participants.iter().enumerate().all(|(k, p)| {
                used.contains(&k) || !people.iter().any(|s| person_matches(names, p, s, Lang::Kk))
            })
        });
        right += usize::from(ok);
        let got: Vec<String> = events.iter().map(describe).collect();
        report.details.push(format!(
            "{id}\t{}\tgold {} [{}]\tgot {}",
            if ok { "right" } else { "wrong" },
            g.kind.code(),
            g.people.join("; "),
            got.join(" | ")
        ));
    }
    if total != gold.len() {
        return Err(Error::new(
            ErrorKind::Unknown,
            format!(
                "the gold file has {} rows but {} sentences are selected",
                gold.len(),
                total
            ),
        )
        .with_path("fixtures/events/kk-meetings-gold.tsv"));
    }
    report.scores.push(Score {
        name: "kk_meeting_accuracy".into(),
        hit: right,
        total,
    });
    Ok(report)
}

/// One expected seed event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SeedRow {
    kind: String,
    ids: String,
    date: String,
    place: String,
}

fn seed_row(e: &Event) -> SeedRow {
    let mut ids: Vec<String> = e.participants.iter().map(identity).collect();
    ids.sort();
    SeedRow {
        kind: e.kind.code().to_string(),
        ids: ids.join(";"),
        date: e
            .date
            .map_or("none".to_string(), |d| d.format("%Y-%m-%d").to_string()),
        place: e.place.clone().unwrap_or_else(|| "-".to_string()),
    }
}

/// The article dates the reader sets on the seed articles (their headers), by file prefix.
pub fn seed_date(file: &str) -> Option<NaiveDate> {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
    match file.get(..3)? {
        "000" => d(2025, 9, 24),
        "002" => d(2023, 6, 10),
        "003" => d(2025, 9, 29),
        "004" => d(2024, 2, 22),
        _ => None,
    }
}

/// The seed figure: articles of `seeds_dir` whose actual events are exactly those of `expected`.
pub fn seeds(ex: &Extractor, seeds_dir: &Path, expected: &str) -> Result<Report, Error> {
    let mut want: BTreeMap<String, (Lang, Vec<SeedRow>)> = BTreeMap::new();
    for (i, line) in expected.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 6 {
            return Err(malformed(
                Path::new("fixtures/events/seeds-expected.tsv"),
                i + 1,
                "expected file, lang, type, participants, date, place",
            ));
        }
        let lang = Lang::parse(f[1]).unwrap_or(Lang::Other);
        let e = want.entry(f[0].to_string()).or_insert((lang, Vec::new()));
        e.1.push(SeedRow {
            kind: f[2].into(),
            ids: f[3].into(),
            date: f[4].into(),
            place: f[5].into(),
        });
    }
    let mut report = Report::default();
    let mut right = 0;
    for (file, (lang, rows)) in &want {
        let path = seeds_dir.join(file);
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let article = Article {
            id: file.clone(),
            date: seed_date(file),
            text,
            ..Article::default()
        };
        let events = ex.extract(&article, *lang, lang.code());
        let mut got: Vec<SeedRow> = events
            .iter()
            .filter(|e| e.modality == Modality::Actual)
            .map(seed_row)
            .collect();
        got.sort();
        let mut exp = rows.clone();
        exp.sort();
        let ok = got == exp;
        right += usize::from(ok);
        for g in &got {
            let mark = if exp.contains(g) { "ok" } else { "extra" };
            report.details.push(format!(
                "{file}\t{mark}\t{}\t{}\t{}\t{}",
                g.kind, g.ids, g.date, g.place
            ));
        }
        for x in exp.iter().filter(|x| !got.contains(x)) {
            report.details.push(format!(
                "{file}\tmissing\t{}\t{}\t{}\t{}",
                x.kind, x.ids, x.date, x.place
            ));
        }
        for e in events.iter().filter(|e| e.modality != Modality::Actual) {
            report
                .details
                .push(format!("{file}\t{}\t{}", e.modality.code(), describe(e)));
        }
    }
    report.scores.push(Score {
        name: "seed_articles_exact".into(),
        hit: right,
        total: want.len(),
    });
    Ok(report)
}
