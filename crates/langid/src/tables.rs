//! The letter tables in `data/`, parsed once when a detector is built.

use kzalign_core::{Error, ErrorKind};

/// `data/letters.tsv`: Kazakh-only and foreign Cyrillic letters.
pub const LETTERS_TSV: &str = include_str!("../data/letters.tsv");
/// `data/lookalikes.tsv`: Latin look-alikes typed inside Cyrillic words.
pub const LOOKALIKES_TSV: &str = include_str!("../data/lookalikes.tsv");
/// `data/kk_latin.tsv`: Kazakh Latin letters (2021 alphabet and common variants) and their Cyrillic letters.
pub const KK_LATIN_TSV: &str = include_str!("../data/kk_latin.tsv");

/// The class of a Cyrillic letter, from `data/letters.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LetterClass {
    /// In both the Russian and the Kazakh alphabet.
    Common,
    /// In the Kazakh alphabet only.
    Kazakh,
    /// In neither alphabet: another language.
    Foreign,
}

/// Rows of a tab-separated data file: comment (`#`) and blank lines skipped, with 1-based line numbers.
pub fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').collect()))
        }
    })
}

fn single_char(field: &str, file: &str, line: usize) -> Result<char, Error> {
    let mut it = field.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(Error::new(
            ErrorKind::MalformedRow,
            format!("expected one letter, found {field:?}"),
        )
        .with_path(file)
        .with_line(line)),
    }
}

fn duplicate(what: char, file: &str, line: usize) -> Error {
    Error::new(ErrorKind::Duplicate, format!("{what:?} is listed twice"))
        .with_path(file)
        .with_line(line)
}

/// One row of `data/letters.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LetterRow {
    /// The lower-case letter.
    pub letter: char,
    /// Its class.
    pub class: LetterClass,
    /// Codes of the languages whose alphabets have it.
    pub langs: Vec<String>,
}

/// Parses `data/letters.tsv`.
pub fn parse_letters(text: &str) -> Result<Vec<LetterRow>, Error> {
    const FILE: &str = "data/letters.tsv";
    let mut out: Vec<LetterRow> = Vec::new();
    for (line, f) in rows(text) {
        if f.len() != 3 {
            return Err(Error::new(
                ErrorKind::MalformedRow,
                "expected letter<TAB>class<TAB>languages",
            )
            .with_path(FILE)
            .with_line(line));
        }
        let c = single_char(f[0], FILE, line)?;
        let class = match f[1] {
            "kk" => LetterClass::Kazakh,
            "foreign" => LetterClass::Foreign,
            "common" => LetterClass::Common,
            other => {
                return Err(
                    Error::new(ErrorKind::Unknown, format!("unknown class {other:?}"))
                        .with_path(FILE)
                        .with_line(line),
                )
            }
        };
        if out.iter().any(|r| r.letter == c) {
            return Err(duplicate(c, FILE, line));
        }
        let langs = f[2].split_whitespace().map(str::to_string).collect();
        out.push(LetterRow {
            letter: c,
            class,
            langs,
        });
    }
    Ok(out)
}

/// Parses `data/lookalikes.tsv` into (look-alike, Cyrillic letter) pairs.
pub fn parse_lookalikes(text: &str) -> Result<Vec<(char, char)>, Error> {
    const FILE: &str = "data/lookalikes.tsv";
    let mut out: Vec<(char, char)> = Vec::new();
    for (line, f) in rows(text) {
        if f.len() != 2 {
            return Err(
                Error::new(ErrorKind::MalformedRow, "expected look-alike<TAB>letter")
                    .with_path(FILE)
                    .with_line(line),
            );
        }
        let from = single_char(f[0], FILE, line)?;
        let to = single_char(f[1], FILE, line)?;
        if out.iter().any(|&(d, _)| d == from) {
            return Err(duplicate(from, FILE, line));
        }
        out.push((from, to));
    }
    Ok(out)
}

/// How telling a Latin spelling is for Kazakh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LatinMark {
    /// Common to many Latin alphabets.
    Plain,
    /// Rare outside Kazakh (and a few Turkic) Latin alphabets: `q ä ū ñ`.
    Distinctive,
    /// Not in the 2021 Kazakh alphabet (`c w x`): evidence against Kazakh.
    Foreign,
}

/// Parses `data/kk_latin.tsv` into (Latin spelling, Cyrillic letters, mark) rows.
///
/// A Latin spelling is one to three characters (`ş`, `sh`, `a'`); the Cyrillic side is one or two letters.
pub fn parse_kk_latin(text: &str) -> Result<Vec<(String, String, LatinMark)>, Error> {
    const FILE: &str = "data/kk_latin.tsv";
    let mut out: Vec<(String, String, LatinMark)> = Vec::new();
    for (line, f) in rows(text) {
        if f.len() != 3 || f[0].is_empty() || f[1].is_empty() || f[0].chars().count() > 3 {
            return Err(Error::new(
                ErrorKind::MalformedRow,
                "expected latin<TAB>cyrillic<TAB>distinctive|plain|foreign",
            )
            .with_path(FILE)
            .with_line(line));
        }
        let mark = match f[2] {
            "distinctive" => LatinMark::Distinctive,
            "plain" => LatinMark::Plain,
            "foreign" => LatinMark::Foreign,
            other => {
                return Err(
                    Error::new(ErrorKind::Unknown, format!("unknown mark {other:?}"))
                        .with_path(FILE)
                        .with_line(line),
                )
            }
        };
        if out.iter().any(|(l, _, _)| l == f[0]) {
            return Err(
                Error::new(ErrorKind::Duplicate, format!("{:?} is listed twice", f[0]))
                    .with_path(FILE)
                    .with_line(line),
            );
        }
        out.push((f[0].to_string(), f[1].to_string(), mark));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_parse_and_cover_the_kazakh_alphabet() {
        let letters = parse_letters(LETTERS_TSV).unwrap();
        let kk: String = letters
            .iter()
            .filter(|r| r.class == LetterClass::Kazakh)
            .map(|r| r.letter)
            .collect();
        assert_eq!(kk, "әғқңөұүһі");
        assert!(letters
            .iter()
            .any(|r| r.letter == 'ї' && r.class == LetterClass::Foreign));
        for r in &letters {
            let kk = r.langs.contains(&"kk".to_string());
            let ru = r.langs.contains(&"ru".to_string());
            match r.class {
                LetterClass::Kazakh => assert!(kk && !ru, "{}", r.letter),
                LetterClass::Common => assert!(kk && ru, "{}", r.letter),
                LetterClass::Foreign => assert!(!kk && !ru, "{}", r.letter),
            }
        }
        // Letters that are tracked fit in the 16-bit sets of `text::WordStats`.
        assert!(
            letters
                .iter()
                .filter(|r| r.class != LetterClass::Foreign)
                .count()
                <= 16
        );
        assert!(LETTERS_TSV.contains("# source:"));
    }

    #[test]
    fn lookalikes_parse_and_map_to_cyrillic() {
        let map = parse_lookalikes(LOOKALIKES_TSV).unwrap();
        assert!(map.len() >= 20);
        for (from, to) in &map {
            assert!(!('\u{400}'..='\u{4ff}').contains(from), "{from}");
            assert!(('\u{400}'..='\u{4ff}').contains(to), "{to}");
        }
        assert!(map.contains(&('i', 'і')));
        assert!(LOOKALIKES_TSV.contains("# source:"));
    }

    #[test]
    fn kk_latin_parses_and_covers_the_2021_letters() {
        let rows = parse_kk_latin(KK_LATIN_TSV).unwrap();
        for l in ["ä", "ğ", "q", "ñ", "ŋ", "ö", "ū", "ü", "ı", "ş"] {
            assert!(rows.iter().any(|(x, _, _)| x == l), "{l}");
        }
        assert!(KK_LATIN_TSV.contains("# source:"));
    }

    #[test]
    fn malformed_rows_are_reported_with_their_line() {
        let err = parse_letters("# c\nәә\tkk\tkk\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = parse_letters("ә\tkk\tkk\nә\tkk\tkk\n").unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Duplicate);
        assert!(parse_lookalikes("a\n").is_err());
        assert!(parse_kk_latin("q\tқ\tmaybe\n").is_err());
    }
}
