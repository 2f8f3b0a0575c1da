//! Accuracy on labelled lines: `DIR/{sentences,single-words,word-pairs}/{kk,ru}.txt`, one sample a
//! line, the file name being the gold language (the layout of lingua's test data).

use crate::Detector;
use kzalign_core::{Error, ErrorKind, Lang};
use std::path::{Path, PathBuf};

/// The categories, shortest input first.
pub const CATEGORIES: [&str; 3] = ["single-words", "word-pairs", "sentences"];
/// The languages, as file stems.
pub const LANGS: [Lang; 2] = [Lang::Kk, Lang::Ru];

/// One labelled file.
#[derive(Clone, Debug)]
pub struct LabelledSet {
    /// `single-words`, `word-pairs` or `sentences`.
    pub category: String,
    /// The gold language.
    pub lang: Lang,
    /// The file read.
    pub path: PathBuf,
    /// Its non-empty lines.
    pub lines: Vec<String>,
}

/// Reads every `DIR/<category>/<lang>.txt` that exists; an error when none does.
pub fn read_dir(dir: &Path) -> Result<Vec<LabelledSet>, Error> {
    let mut out = Vec::new();
    for category in CATEGORIES {
        for lang in LANGS {
            let path = dir.join(category).join(format!("{}.txt", lang.code()));
            if !path.is_file() {
                continue;
            }
            let bytes = std::fs::read(&path)
                .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).with_path(&path))?;
            let text = String::from_utf8_lossy(&bytes);
            let lines = text
                .lines()
                .map(|l| l.trim_end_matches('\r').to_string())
                .filter(|l| !l.trim().is_empty())
                .collect();
            out.push(LabelledSet {
                category: category.to_string(),
                lang,
                path,
                lines,
            });
        }
    }
    if out.is_empty() {
        return Err(Error::new(
            ErrorKind::Io,
            "no {single-words,word-pairs,sentences}/{kk,ru}.txt found",
        )
        .with_path(dir));
    }
    Ok(out)
}

/// Accuracy on one labelled file.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The category (`single-words`, ...), or the category for an `all` row.
    pub category: String,
    /// The gold language, `None` for the row over both languages.
    pub lang: Option<Lang>,
    /// Samples.
    pub total: usize,
    /// Samples detected as the gold language.
    pub correct: usize,
    /// Samples with no answer (`lang: None`).
    pub unsure: usize,
}

impl Row {
    /// Accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.total as f64
        }
    }

    /// `kk`, `ru` or `all`.
    pub fn lang_code(&self) -> &'static str {
        self.lang.map_or("all", |l| l.code())
    }
}

/// Runs `classify` over every set; one row per set plus one `all` row per category (the mean of the
/// languages' accuracies, weighted by their sizes).
pub fn evaluate_with(
    sets: &[LabelledSet],
    mut classify: impl FnMut(&str) -> Option<Lang>,
) -> Vec<Row> {
    let mut rows = Vec::new();
    for category in CATEGORIES {
        let mut all = Row {
            category: category.to_string(),
            lang: None,
            total: 0,
            correct: 0,
            unsure: 0,
        };
        for set in sets.iter().filter(|s| s.category == category) {
            let mut row = Row {
                category: category.to_string(),
                lang: Some(set.lang),
                total: set.lines.len(),
                correct: 0,
                unsure: 0,
            };
            for line in &set.lines {
                match classify(line) {
                    Some(l) if l == set.lang => row.correct += 1,
                    None => row.unsure += 1,
                    _ => {}
                }
            }
            all.total += row.total;
            all.correct += row.correct;
            all.unsure += row.unsure;
            rows.push(row);
        }
        if all.total > 0 {
            rows.push(all);
        }
    }
    rows
}

/// Runs the detector over every set.
pub fn evaluate(detector: &Detector, sets: &[LabelledSet]) -> Vec<Row> {
    evaluate_with(sets, |line| detector.detect(line).lang)
}

/// The rows as an aligned text table.
pub fn table(rows: &[Row]) -> String {
    let mut s = format!(
        "{:<14} {:<5} {:>7} {:>7} {:>7} {:>9}\n",
        "category", "lang", "samples", "correct", "unsure", "accuracy"
    );
    for r in rows {
        s.push_str(&format!(
            "{:<14} {:<5} {:>7} {:>7} {:>7} {:>8.2}%\n",
            r.category,
            r.lang_code(),
            r.total,
            r.correct,
            r.unsure,
            r.accuracy()
        ));
    }
    s
}

/// The rows as the committed report: `category<TAB>lang<TAB>accuracy` (percent, two decimals).
pub fn report_tsv(rows: &[Row]) -> String {
    let mut s = String::from("category\tlang\taccuracy\n");
    for r in rows {
        s.push_str(&format!(
            "{}\t{}\t{:.2}\n",
            r.category,
            r.lang_code(),
            r.accuracy()
        ));
    }
    s
}

/// Parses a report written by [`report_tsv`] into (category, lang, accuracy) rows.
pub fn parse_report(text: &str) -> Result<Vec<(String, String, f64)>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i == 0 || line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let acc = f.get(2).and_then(|a| a.parse::<f64>().ok());
        match (f.len(), acc) {
            (3, Some(acc)) => out.push((f[0].to_string(), f[1].to_string(), acc)),
            _ => {
                return Err(Error::new(
                    ErrorKind::MalformedRow,
                    "expected category<TAB>lang<TAB>accuracy",
                )
                .with_line(i + 1))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_report_round_trip() {
        let sets = vec![
            LabelledSet {
                category: "single-words".into(),
                lang: Lang::Kk,
                path: PathBuf::new(),
                lines: vec!["a".into(), "b".into()],
            },
            LabelledSet {
                category: "single-words".into(),
                lang: Lang::Ru,
                path: PathBuf::new(),
                lines: vec!["a".into(), "c".into()],
            },
        ];
        let rows = evaluate_with(&sets, |l| match l {
            "a" => Some(Lang::Kk),
            "b" => None,
            _ => Some(Lang::Ru),
        });
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].accuracy(), 50.0);
        assert_eq!(rows[0].unsure, 1);
        assert_eq!(rows[1].accuracy(), 50.0);
        assert_eq!(rows[2].lang_code(), "all");
        assert_eq!(rows[2].correct, 2);
        let back = parse_report(&report_tsv(&rows)).unwrap();
        assert_eq!(back[2], ("single-words".into(), "all".into(), 50.0));
        assert!(table(&rows).contains("single-words   kk"));
        assert!(parse_report("h\nx\ty\n").is_err());
    }

    #[test]
    fn missing_dir_is_an_error() {
        assert!(read_dir(Path::new("/nonexistent/langid")).is_err());
    }
}
