//! Transliteration of Russian and Kazakh Cyrillic, one data table per scheme.
//!
//! Every scheme is a TSV file under `data/` (embedded with `include_str!`), naming the standard it
//! follows in its `# source:` lines. The engine is small and knows nothing about any one scheme:
//!
//! * a row maps one lower-case Cyrillic letter to its Latin spelling, optionally only in a
//!   context (`initial`: at the start of a word; `after:LETTERS`: after one of these letters);
//! * rows with a context win over the plain row of the same letter;
//! * case is carried over from the input: `Щука` -> `Shchuka`, `ЩУКА` -> `SHCHUKA`;
//! * anything the table does not know (Latin text, digits, punctuation) passes through unchanged.
//!
//! Reversible schemes (`iso9`, `kk-latin-2021`) can be read back to Cyrillic with [`to_cyrillic`].
//!
//! ```
//! use kzalign_translit::{to_cyrillic, transliterate};
//! assert_eq!(transliterate("Тоқаев", "kk-latin-2021").unwrap(), "Toqaev");
//! assert_eq!(transliterate("Щукин", "ru-bgn").unwrap(), "Shchukin");
//! assert_eq!(to_cyrillic("Qazaqstan", "kk-latin-2021").unwrap(), "Қазақстан");
//! ```
//!
//! # Table format
//!
//! ```text
//! # scheme: ru-bgn                  name (informative; the registry name wins)
//! # source: BGN/PCGN ...            where the facts come from (required, one or more lines)
//! # reversible: yes|no              whether to_cyrillic may use it (default no)
//! # alphabet: ru kk                 alphabets the table claims to cover (checked by tests)
//! # case: turkic                    upper case of i is İ, of ı is I (default: Unicode case)
//! cyrillic<TAB>latin<TAB>context    header row
//! е<TAB>ye<TAB>initial,after:аеёиоуыэюяйъь
//! е<TAB>e
//! ь<TAB><none>                      `<none>`: the letter is not written
//! ```
//!
//! Context words: `initial`, `after:LETTERS` (either may hold), `one-way` (never used when reading
//! Latin back), `reverse-only` (used only when reading Latin back).
#![deny(missing_docs)]

use kzalign_core::{Error, ErrorKind};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The names of the embedded schemes, in a fixed order.
pub fn schemes() -> &'static [&'static str] {
    &SCHEME_NAMES
}

const SCHEME_NAMES: [&str; 5] = ["kk-latin-2021", "kk-bgn", "ru-bgn", "iso9", "icao"];

const EMBEDDED: [(&str, &str); 5] = [
    ("kk-latin-2021", include_str!("../data/kk-latin-2021.tsv")),
    ("kk-bgn", include_str!("../data/kk-bgn.tsv")),
    ("ru-bgn", include_str!("../data/ru-bgn.tsv")),
    ("iso9", include_str!("../data/iso9.tsv")),
    ("icao", include_str!("../data/icao.tsv")),
];

/// The 33 letters of the Russian alphabet (lower case).
pub const RUSSIAN_ALPHABET: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";

/// The 42 letters of the Kazakh Cyrillic alphabet (lower case).
pub const KAZAKH_ALPHABET: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";

/// Transliterates `text` from Cyrillic to Latin with the embedded scheme `scheme`.
///
/// Text that is not Cyrillic passes through unchanged. An unknown scheme name is an error of kind
/// [`ErrorKind::Unknown`].
pub fn transliterate(text: &str, scheme: &str) -> Result<String, Error> {
    Ok(embedded(scheme)?.transliterate(text))
}

/// Reads Latin `text` back to Cyrillic with a reversible embedded scheme (`iso9`, `kk-latin-2021`).
///
/// Unknown scheme names and schemes that are not reversible are errors of kind
/// [`ErrorKind::Unknown`].
pub fn to_cyrillic(text: &str, scheme: &str) -> Result<String, Error> {
    embedded(scheme)?.to_cyrillic(text)
}

/// The embedded scheme called `name`, parsed once.
pub fn embedded(name: &str) -> Result<&'static Scheme, Error> {
    static PARSED: OnceLock<Vec<Result<Scheme, Error>>> = OnceLock::new();
    let parsed = PARSED.get_or_init(|| {
        EMBEDDED
            .iter()
            .map(|(n, text)| Scheme::parse(n, text, None))
            .collect()
    });
    match EMBEDDED.iter().position(|(n, _)| *n == name) {
        Some(i) => parsed[i].as_ref().map_err(Clone::clone),
        None => Err(Error::new(
            ErrorKind::Unknown,
            format!(
                "unknown transliteration scheme `{name}` (known: {})",
                SCHEME_NAMES.join(", ")
            ),
        )),
    }
}

/// Parses a user's scheme table; `path` is used in error messages.
///
/// Same as [`Scheme::parse`].
pub fn load_scheme(name: &str, text: &str, path: Option<&Path>) -> Result<Scheme, Error> {
    Scheme::parse(name, text, path)
}

/// Reads and parses one scheme file; the scheme's name is the file stem (`ru-bgn.tsv` -> `ru-bgn`).
pub fn load_scheme_file(path: &Path) -> Result<Scheme, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).with_path(path))?;
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    Scheme::parse(&name, &text, Some(path))
}

/// The embedded schemes plus the ones a user adds; user schemes replace embedded ones by name.
#[derive(Clone, Debug)]
pub struct Schemes {
    list: Vec<Scheme>,
}

impl Schemes {
    /// The embedded schemes only.
    pub fn embedded() -> Result<Schemes, Error> {
        let mut list = Vec::new();
        for name in SCHEME_NAMES {
            list.push(embedded(name)?.clone());
        }
        Ok(Schemes { list })
    }

    /// The embedded schemes plus every `*.tsv` file in `dir` (a `--rules DIR/translit` folder).
    ///
    /// A missing directory is not an error (nothing is added).
    pub fn with_dir(dir: &Path) -> Result<Schemes, Error> {
        let mut set = Schemes::embedded()?;
        if !dir.is_dir() {
            return Ok(set);
        }
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).with_path(dir))?;
        let mut paths: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("tsv"))
            .collect();
        paths.sort();
        for p in paths {
            set.add(load_scheme_file(&p)?);
        }
        Ok(set)
    }

    /// Adds `scheme`, replacing a scheme of the same name.
    pub fn add(&mut self, scheme: Scheme) {
        match self.list.iter_mut().find(|s| s.name == scheme.name) {
            Some(slot) => *slot = scheme,
            None => self.list.push(scheme),
        }
    }

    /// The scheme called `name`, or an error of kind [`ErrorKind::Unknown`].
    pub fn get(&self, name: &str) -> Result<&Scheme, Error> {
        self.list.iter().find(|s| s.name == name).ok_or_else(|| {
            Error::new(
                ErrorKind::Unknown,
                format!("unknown transliteration scheme `{name}`"),
            )
        })
    }

    /// The names of all schemes.
    pub fn names(&self) -> Vec<&str> {
        self.list.iter().map(|s| s.name.as_str()).collect()
    }
}

/// Runs one regression case of `fixtures/translit/cases.tsv`: `check` is `translit:<scheme>` or
/// `cyrillic:<scheme>`. Returns `None` when the check is not one of these.
pub fn check_case(check: &str, input: &str) -> Option<Result<String, Error>> {
    if let Some(s) = check.strip_prefix("translit:") {
        Some(transliterate(input, s))
    } else {
        check
            .strip_prefix("cyrillic:")
            .map(|s| to_cyrillic(input, s))
    }
}

/// When a row applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Context {
    initial: bool,
    after: Vec<char>,
}

impl Context {
    fn is_any(&self) -> bool {
        !self.initial && self.after.is_empty()
    }

    fn matches(&self, prev: Option<char>, case: Case) -> bool {
        if self.is_any() {
            return true;
        }
        let prev_letter = prev.filter(|c| c.is_alphabetic());
        match prev_letter {
            None => self.initial,
            Some(p) => self.after.contains(&case.lower(p)),
        }
    }
}

#[derive(Clone, Debug)]
struct Rule {
    latin: String,
    context: Context,
}

/// How upper and lower case map in a scheme's Latin letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Unicode,
    Turkic,
}

impl Case {
    fn lower(self, c: char) -> char {
        if self == Case::Turkic {
            match c {
                'İ' => return 'i',
                'I' => return 'ı',
                _ => {}
            }
        }
        single(c.to_lowercase()).unwrap_or(c)
    }

    fn upper(self, c: char) -> char {
        if self == Case::Turkic {
            match c {
                'i' => return 'İ',
                'ı' => return 'I',
                _ => {}
            }
        }
        single(c.to_uppercase()).unwrap_or(c)
    }
}

fn single(mut it: impl Iterator<Item = char>) -> Option<char> {
    let c = it.next()?;
    match it.next() {
        None => Some(c),
        Some(_) => None,
    }
}

/// One transliteration scheme: an immutable table, cheap to share across threads.
#[derive(Clone, Debug)]
pub struct Scheme {
    name: String,
    sources: Vec<String>,
    reversible: bool,
    alphabets: Vec<String>,
    case: Case,
    /// Cyrillic letter -> rules, context rules first.
    forward: HashMap<char, Vec<Rule>>,
    /// Lower-case Latin spelling (as chars) -> Cyrillic letter.
    reverse: HashMap<Vec<char>, char>,
    max_reverse: usize,
}

impl Scheme {
    /// Parses a scheme table (see the crate docs for the format).
    ///
    /// A row that does not parse is an error of kind [`ErrorKind::MalformedRow`] with `path` and
    /// line; a letter given twice for the same context (or, in a reversible scheme, a Latin
    /// spelling given twice) is an error of kind [`ErrorKind::Duplicate`].
    pub fn parse(name: &str, text: &str, path: Option<&Path>) -> Result<Scheme, Error> {
        let locate = |e: Error, line: usize| -> Error {
            let e = e.with_line(line);
            match path {
                Some(p) => e.with_path(p),
                None => e.with_path(format!("<embedded {name}.tsv>")),
            }
        };
        let mut scheme = Scheme {
            name: name.to_string(),
            sources: Vec::new(),
            reversible: false,
            alphabets: Vec::new(),
            case: Case::Unicode,
            forward: HashMap::new(),
            reverse: HashMap::new(),
            max_reverse: 0,
        };
        let mut seen_header = false;
        // (letter, context) pairs seen, for the duplicate check.
        let mut seen: Vec<(char, Context, bool)> = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                let comment = comment.trim();
                if let Some((key, value)) = comment.split_once(':') {
                    let value = value.trim();
                    match key.trim() {
                        "source" => scheme.sources.push(value.to_string()),
                        "reversible" => {
                            scheme.reversible = match value {
                                "yes" => true,
                                "no" => false,
                                _ => {
                                    return Err(locate(
                                        Error::new(
                                            ErrorKind::MalformedRow,
                                            format!(
                                                "`reversible` must be yes or no, not `{value}`"
                                            ),
                                        ),
                                        line_no,
                                    ))
                                }
                            }
                        }
                        "alphabet" => {
                            scheme.alphabets =
                                value.split_whitespace().map(str::to_string).collect()
                        }
                        "case" => {
                            scheme.case = match value.split_whitespace().next() {
                                Some("turkic") => Case::Turkic,
                                Some("unicode") | None => Case::Unicode,
                                Some(other) => {
                                    return Err(locate(
                                        Error::new(
                                            ErrorKind::MalformedRow,
                                            format!("unknown case rule `{other}`"),
                                        ),
                                        line_no,
                                    ))
                                }
                            }
                        }
                        _ => {}
                    }
                }
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if !seen_header {
                seen_header = true;
                if cols.first().map(|c| c.trim()) == Some("cyrillic") {
                    continue;
                }
            }
            let malformed = |msg: String| locate(Error::new(ErrorKind::MalformedRow, msg), line_no);
            if cols.len() < 2 || cols.len() > 3 {
                return Err(malformed(format!(
                    "expected 2 or 3 tab-separated columns (cyrillic, latin, context), found {}",
                    cols.len()
                )));
            }
            let key_str = cols[0].trim();
            let mut key_chars = key_str.chars();
            let key = match (key_chars.next(), key_chars.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(malformed(format!(
                        "the cyrillic column must be one letter, found `{key_str}`"
                    )))
                }
            };
            if key.is_uppercase() {
                return Err(malformed(format!(
                    "write table letters in lower case (`{key}`); case is carried over from the input"
                )));
            }
            let latin_raw = cols[1].trim();
            if latin_raw.is_empty() {
                return Err(malformed(
                    "empty latin column; write `<none>` for a letter that is not written".into(),
                ));
            }
            let latin: String = if latin_raw == "<none>" {
                String::new()
            } else {
                latin_raw.nfc().collect()
            };
            let mut context = Context::default();
            let mut one_way = false;
            let mut reverse_only = false;
            if let Some(ctx) = cols.get(2) {
                for word in ctx.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                    if word == "initial" {
                        context.initial = true;
                    } else if word == "one-way" {
                        one_way = true;
                    } else if word == "reverse-only" {
                        reverse_only = true;
                    } else if let Some(letters) = word.strip_prefix("after:") {
                        if letters.is_empty() {
                            return Err(malformed("`after:` needs letters".into()));
                        }
                        context.after.extend(letters.chars());
                    } else {
                        return Err(malformed(format!("unknown context word `{word}`")));
                    }
                }
            }
            if one_way && reverse_only {
                return Err(malformed(
                    "a row cannot be both one-way and reverse-only".into(),
                ));
            }
            if !reverse_only {
                if seen.iter().any(|(k, c, _)| *k == key && *c == context) {
                    return Err(locate(
                        Error::new(
                            ErrorKind::Duplicate,
                            format!("letter `{key}` is given twice for the same context"),
                        ),
                        line_no,
                    ));
                }
                seen.push((key, context.clone(), one_way));
                let rules = scheme.forward.entry(key).or_default();
                let rule = Rule {
                    latin: latin.clone(),
                    context: context.clone(),
                };
                if context.is_any() {
                    rules.push(rule);
                } else {
                    rules.insert(0, rule);
                }
            }
            if !one_way && !latin.is_empty() && (scheme.reversible || reverse_only) {
                let lk: Vec<char> = latin.chars().map(|c| scheme.case.lower(c)).collect();
                if let Some(prev) = scheme.reverse.get(&lk) {
                    if *prev != key {
                        return Err(locate(
                            Error::new(
                                ErrorKind::Duplicate,
                                format!(
                                    "latin `{latin}` reads back to both `{prev}` and `{key}`; mark one row one-way"
                                ),
                            ),
                            line_no,
                        ));
                    }
                }
                scheme.max_reverse = scheme.max_reverse.max(lk.len());
                scheme.reverse.insert(lk, key);
            }
        }
        if scheme.sources.is_empty() {
            return Err(locate(
                Error::new(ErrorKind::MalformedRow, "missing `# source:` line"),
                1,
            ));
        }
        if scheme.forward.is_empty() {
            return Err(locate(Error::new(ErrorKind::MalformedRow, "no rows"), 1));
        }
        Ok(scheme)
    }

    /// The scheme's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The `# source:` lines of its table.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Whether [`Scheme::to_cyrillic`] may be used.
    pub fn is_reversible(&self) -> bool {
        self.reversible
    }

    /// The alphabets (`ru`, `kk`) the table claims to cover.
    pub fn alphabets(&self) -> &[String] {
        &self.alphabets
    }

    /// Whether the table has a row for the lower-case Cyrillic `letter`.
    pub fn covers(&self, letter: char) -> bool {
        self.forward.contains_key(&letter)
    }

    /// Transliterates Cyrillic to Latin; what the table does not know passes through unchanged.
    pub fn transliterate(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len() + text.len() / 4);
        for (i, &c) in chars.iter().enumerate() {
            let lower = single(c.to_lowercase()).unwrap_or(c);
            let rules = match self.forward.get(&lower) {
                Some(r) => r,
                None => {
                    out.push(c);
                    continue;
                }
            };
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let Some(rule) = rules.iter().find(|r| r.context.matches(prev, self.case)) else {
                out.push(c);
                continue;
            };
            if !c.is_uppercase() {
                out.push_str(&rule.latin);
                continue;
            }
            let next = chars.get(i + 1).copied();
            let is_upper_letter = |x: Option<char>| x.is_some_and(|x| x.is_uppercase());
            let all_caps = match next {
                Some(n) if n.is_alphabetic() => n.is_uppercase(),
                _ => is_upper_letter(prev),
            };
            let mut first = true;
            for l in rule.latin.chars() {
                if first || all_caps {
                    out.push(self.case.upper(l));
                } else {
                    out.push(l);
                }
                if !is_combining(l) {
                    first = false;
                }
            }
        }
        out
    }

    /// Reads Latin back to Cyrillic (longest match first, case carried over; `ŋ` and other
    /// `reverse-only` spellings accepted). Not reversible -> error of kind [`ErrorKind::Unknown`].
    pub fn to_cyrillic(&self, text: &str) -> Result<String, Error> {
        if !self.reversible {
            return Err(Error::new(
                ErrorKind::Unknown,
                format!(
                    "scheme `{}` cannot be read back to Cyrillic (reversible: iso9, kk-latin-2021)",
                    self.name
                ),
            ));
        }
        let chars: Vec<char> = text.nfc().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            let mut matched = false;
            let max = self.max_reverse.min(chars.len() - i);
            for len in (1..=max).rev() {
                let key: Vec<char> = chars[i..i + len]
                    .iter()
                    .map(|&c| self.case.lower(c))
                    .collect();
                if let Some(&cyr) = self.reverse.get(&key) {
                    let first = chars[i];
                    let upper = if first.is_uppercase() || first.is_lowercase() {
                        first.is_uppercase()
                    } else {
                        // A caseless spelling (ISO 9 ʺ ʹ): upper case inside an upper-case word.
                        let prev_upper = i > 0 && chars[i - 1].is_uppercase();
                        let next = chars.get(i + len);
                        prev_upper && !next.is_some_and(|n| n.is_lowercase())
                    };
                    if upper {
                        out.extend(cyr.to_uppercase());
                    } else {
                        out.push(cyr);
                    }
                    i += len;
                    matched = true;
                    break;
                }
            }
            if !matched {
                out.push(chars[i]);
                i += 1;
            }
        }
        Ok(out)
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<&'static Scheme> {
        schemes().iter().map(|n| embedded(n).unwrap()).collect()
    }

    #[test]
    fn every_table_parses_and_has_a_source() {
        for s in all() {
            assert!(!s.sources().is_empty(), "{}", s.name());
            assert!(!s.alphabets().is_empty(), "{} claims no alphabet", s.name());
        }
    }

    #[test]
    fn every_table_covers_the_alphabets_it_claims() {
        assert_eq!(RUSSIAN_ALPHABET.chars().count(), 33);
        assert_eq!(KAZAKH_ALPHABET.chars().count(), 42);
        for s in all() {
            for a in s.alphabets() {
                let letters = match a.as_str() {
                    "ru" => RUSSIAN_ALPHABET,
                    "kk" => KAZAKH_ALPHABET,
                    other => panic!("{}: unknown alphabet {other}", s.name()),
                };
                for l in letters.chars() {
                    assert!(s.covers(l), "{} does not cover {l}", s.name());
                }
            }
        }
    }

    #[test]
    fn embedded_tables_have_no_duplicate_keys() {
        // Parsing rejects duplicates; check the raw rows too, so a table cannot hide one behind
        // different spacing.
        for (name, text) in EMBEDDED {
            let mut keys = std::collections::HashSet::new();
            for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                let key = (cols[0].trim(), cols.get(2).map(|c| c.trim()).unwrap_or(""));
                assert!(keys.insert(key), "{name}: duplicate row {line}");
            }
        }
    }

    #[test]
    fn iso9_round_trips_every_russian_and_kazakh_letter_in_both_cases() {
        let s = embedded("iso9").unwrap();
        let mut letters: Vec<char> = RUSSIAN_ALPHABET.chars().collect();
        letters.extend(KAZAKH_ALPHABET.chars());
        let mut seen_latin = HashMap::new();
        for l in letters {
            for c in [l, l.to_uppercase().next().unwrap()] {
                let lat = s.transliterate(&c.to_string());
                assert_ne!(lat, c.to_string(), "{c} not transliterated");
                // ISO 9 writes ъ ь with caseless signs (ʺ ʹ): their case comes from the word
                // around them, so test every letter inside a word of its own case too.
                let word: String = if c.is_uppercase() {
                    format!("А{c}А")
                } else {
                    format!("а{c}а")
                };
                let back = s.to_cyrillic(&s.transliterate(&word)).unwrap();
                assert_eq!(back, word, "{word}");
                if lat.chars().any(|x| x.is_uppercase() || x.is_lowercase()) {
                    assert_eq!(s.to_cyrillic(&lat).unwrap(), c.to_string(), "{c} -> {lat}");
                }
                if let Some(other) = seen_latin.insert(lat.clone(), c) {
                    let same_letter = other.to_lowercase().eq(c.to_lowercase());
                    assert!(same_letter, "{other} and {c} both give {lat}");
                }
            }
        }
        let word = "Съешь же ещё этих мягких французских булок, да выпей чаю. Қазақстан Әлемі Ұлы Үкімет Һ";
        let lat = s.transliterate(word);
        assert_eq!(s.to_cyrillic(&lat).unwrap(), word);
        let upper = word.to_uppercase();
        assert_eq!(s.to_cyrillic(&s.transliterate(&upper)).unwrap(), upper);
    }

    #[test]
    fn examples_from_the_standards() {
        let t = |x: &str, s: &str| transliterate(x, s).unwrap();
        assert_eq!(t("Тоқаев", "kk-latin-2021"), "Toqaev");
        assert_eq!(t("Қазақстан", "kk-latin-2021"), "Qazaqstan");
        assert_eq!(t("Іле", "kk-latin-2021"), "Ile");
        assert_eq!(t("ИСЛАМ", "kk-latin-2021"), "İSLAM");
        assert_eq!(t("ІЛЕ", "kk-latin-2021"), "ILE");
        assert_eq!(t("Шымкент", "kk-latin-2021"), "Şymkent");
        assert_eq!(t("Токаев", "ru-bgn"), "Tokayev");
        assert_eq!(t("Ельцин", "ru-bgn"), "Yel’tsin");
        assert_eq!(t("Щукин", "ru-bgn"), "Shchukin");
        assert_eq!(t("БОРЩ", "ru-bgn"), "BORSHCH");
        assert_eq!(t("Щ", "ru-bgn"), "Shch");
        assert_eq!(t("Токаев", "icao"), "Tokaev");
        assert_eq!(t("Юлия", "icao"), "Iuliia");
        assert_eq!(t("Жуков", "iso9"), "Žukov");
        assert_eq!(t("Щёкин", "iso9"), "Ŝëkin");
        assert_eq!(t("Тоқаев", "kk-bgn"), "Toqaev");
        assert_eq!(t("Әуезов", "kk-bgn"), "Äūezov");
        assert_eq!(t("Шиелі", "kk-bgn"), "Shīeli");
        assert_eq!(t("Ақтөбе", "kk-bgn"), "Aqtöbe");
        assert_eq!(t("Қарағанды", "kk-bgn"), "Qaraghandy");
    }

    #[test]
    fn non_cyrillic_passes_through() {
        for s in schemes() {
            assert_eq!(
                transliterate("Tokayev, 2024 — OK!", s).unwrap(),
                "Tokayev, 2024 — OK!"
            );
        }
    }

    #[test]
    fn unknown_scheme_is_an_error() {
        let e = transliterate("Токаев", "klingon").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Unknown);
        let e = to_cyrillic("Tokayev", "ru-bgn").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Unknown);
    }

    #[test]
    fn kazakh_latin_reads_back_with_either_eng() {
        assert_eq!(
            to_cyrillic("Astana, Qazaqstan", "kk-latin-2021").unwrap(),
            "Астана, Қазақстан"
        );
        assert_eq!(to_cyrillic("menıñ", "kk-latin-2021").unwrap(), "менің");
        assert_eq!(to_cyrillic("menıŋ", "kk-latin-2021").unwrap(), "менің");
        assert_eq!(
            to_cyrillic("İSLAM ILE", "kk-latin-2021").unwrap(),
            "ИСЛАМ ІЛЕ"
        );
        assert_eq!(to_cyrillic("Ūlttyq", "kk-latin-2021").unwrap(), "Ұлттық");
    }

    #[test]
    fn malformed_rows_name_path_and_line() {
        let p = Path::new("/tmp/x.tsv");
        let e = load_scheme("x", "# source: test\ncyrillic\tlatin\nа\n", Some(p)).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::MalformedRow);
        assert_eq!(e.line(), Some(3));
        assert_eq!(e.path(), Some(p));
        let e = load_scheme("x", "# source: test\nаб\ta\n", Some(p)).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::MalformedRow);
        let e = load_scheme("x", "cyrillic\tlatin\nа\ta\n", Some(p)).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::MalformedRow, "missing source");
        let e = load_scheme("x", "# source: t\nа\ta\tbogus\n", None).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::MalformedRow);
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let e = load_scheme("x", "# source: t\nа\ta\nб\tb\nа\tá\n", None).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Duplicate);
        assert_eq!(e.line(), Some(4));
        let e = load_scheme("x", "# source: t\n# reversible: yes\nи\ti\nй\ti\n", None).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Duplicate);
        // the same letter under different contexts is fine
        load_scheme("x", "# source: t\nе\tye\tinitial\nе\te\n", None).unwrap();
    }

    #[test]
    fn user_schemes_replace_embedded_ones() {
        let dir = std::env::temp_dir().join(format!("kzalign-translit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("ru-bgn.tsv"), "# source: test\nа\tA\n").unwrap();
        let set = Schemes::with_dir(&dir).unwrap();
        assert_eq!(set.get("ru-bgn").unwrap().transliterate("аб"), "Aб");
        assert!(set.get("iso9").is_ok());
        std::fs::write(dir.join("bad.tsv"), "# source: test\nа\n").unwrap();
        let e = Schemes::with_dir(&dir).unwrap_err();
        assert_eq!(e.line(), Some(2));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn regression_cases_pass() {
        run_cases(include_str!("../../../fixtures/translit/cases.tsv"), 20);
        run_cases(
            include_str!("../../../fixtures/translit/to_cyrillic.tsv"),
            5,
        );
    }

    fn run_cases(text: &str, at_least: usize) {
        let mut n = 0;
        for (i, line) in text.lines().enumerate().skip(1) {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "line {}: {line}", i + 1);
            let got = check_case(cols[0], cols[2])
                .unwrap_or_else(|| panic!("unknown check {}", cols[0]))
                .unwrap();
            assert_eq!(got, cols[3], "line {}: {line}", i + 1);
            n += 1;
        }
        assert!(n >= at_least, "only {n} cases");
    }

    #[test]
    fn iso9_round_trips_every_pair_of_letters() {
        let s = embedded("iso9").unwrap();
        let mut letters: Vec<char> = KAZAKH_ALPHABET.chars().collect();
        letters.extend(KAZAKH_ALPHABET.to_uppercase().chars());
        for &a in &letters {
            for &b in &letters {
                let w: String = [a, b].iter().collect();
                let lat = s.transliterate(&w);
                let back = s.to_cyrillic(&lat).unwrap();
                // Case of the caseless signs (ʺ ʹ) at a word edge cannot be recovered.
                assert_eq!(
                    back.to_lowercase(),
                    w.to_lowercase(),
                    "{w} -> {lat} -> {back}"
                );
            }
        }
    }

    #[test]
    fn no_scheme_panics_on_any_char_of_the_first_planes() {
        let text: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        for name in schemes() {
            let s = embedded(name).unwrap();
            let out = s.transliterate(&text);
            assert!(out.contains("abc"), "{name} changed Latin text");
            if s.is_reversible() {
                let _ = s.to_cyrillic(&text).unwrap();
                let _ = s.to_cyrillic(&out).unwrap();
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in schemes() {
            for text in ["", "\u{0}", "İı", "Щ\u{301}", "a\u{30b}", "ЪЬъь", "🙂Щ🙂"] {
                let _ = transliterate(text, s).unwrap();
                let _ = to_cyrillic(text, s);
            }
        }
    }
}
