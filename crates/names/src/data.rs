//! The rule tables: parsing of the embedded TSV files and of a user's files on top of them.
//!
//! Every table is a TSV file whose first line is `# source: ...`, then more `#` comment lines,
//! then a header row naming the columns, then one row per entry. A malformed row is an
//! [`Error`] naming the file and its 1-based line.

use kzalign_core::{Error, ErrorKind, Lang};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

/// Embedded tables: (file name, contents).
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    ("ru_endings.tsv", include_str!("../data/ru_endings.tsv")),
    ("kk_suffixes.tsv", include_str!("../data/kk_suffixes.tsv")),
    ("given_names.tsv", include_str!("../data/given_names.tsv")),
    ("place_names.tsv", include_str!("../data/place_names.tsv")),
    ("words.tsv", include_str!("../data/words.tsv")),
    (
        "surname_endings.tsv",
        include_str!("../data/surname_endings.tsv"),
    ),
    ("role_aliases.tsv", include_str!("../data/role_aliases.tsv")),
    ("ru_agreement.tsv", include_str!("../data/ru_agreement.tsv")),
    (
        "ru_plural_surnames.tsv",
        include_str!("../data/ru_plural_surnames.tsv"),
    ),
    ("latin_names.tsv", include_str!("../data/latin_names.tsv")),
    ("firm_names.tsv", include_str!("../data/firm_names.tsv")),
];

/// A list of common-word stems embedded as a Bloom filter (`data/*.bloom`, built by
/// `data/kk_common.sh`), parsed on first use; a list that cannot be read holds nothing.
pub(crate) struct StemList {
    bytes: &'static [u8],
    file: &'static str,
    bloom: std::sync::OnceLock<kzalign_langid::wordlist::Bloom>,
}

impl StemList {
    pub(crate) const fn new(bytes: &'static [u8], file: &'static str) -> StemList {
        StemList {
            bytes,
            file,
            bloom: std::sync::OnceLock::new(),
        }
    }

    /// The filter, parsed from the embedded bytes.
    pub(crate) fn parse(&self) -> Result<kzalign_langid::wordlist::Bloom, Error> {
        kzalign_langid::wordlist::Bloom::parse(self.bytes, self.file)
    }

    /// Whether `stem` (three letters or more, compared lower-cased) is in the list.
    pub(crate) fn contains(&self, stem: &str) -> bool {
        let b = self.bloom.get_or_init(|| {
            self.parse()
                .unwrap_or_else(|_| kzalign_langid::wordlist::Bloom::empty())
        });
        // Most stems fit in a buffer on the stack.
        let mut buf = ['\0'; 32];
        let mut n = 0;
        for c in stem.chars() {
            match buf.get_mut(n) {
                Some(x) => *x = crate::text::lower(c),
                None => {
                    let chars: Vec<char> = stem.chars().map(crate::text::lower).collect();
                    return b.contains(&chars);
                }
            }
            n += 1;
        }
        n >= 3 && b.contains(&buf[..n])
    }
}

/// One parsed row with its line number.
pub(crate) struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

/// Parses a table; `columns` is the expected header.
pub(crate) fn parse_table(name: &str, text: &str, columns: &[&str]) -> Result<Vec<Row>, Error> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    let mut source_seen = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim_end_matches('\r');
        if l.starts_with('#') {
            if l.starts_with("# source:") {
                source_seen = true;
            }
            continue;
        }
        if l.trim().is_empty() {
            continue;
        }
        let cells: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
        if !header_seen {
            if !source_seen {
                return Err(Error::new(
                    ErrorKind::MalformedRow,
                    "the table must start with a `# source: ...` line",
                )
                .with_path(name)
                .with_line(line));
            }
            let want: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
            if cells != want {
                return Err(Error::new(
                    ErrorKind::MalformedRow,
                    format!("header must be `{}`, found `{}`", columns.join("\\t"), l),
                )
                .with_path(name)
                .with_line(line));
            }
            header_seen = true;
            continue;
        }
        if cells.len() != columns.len() {
            return Err(Error::new(
                ErrorKind::MalformedRow,
                format!("expected {} columns, found {}", columns.len(), cells.len()),
            )
            .with_path(name)
            .with_line(line));
        }
        rows.push(Row { line, cells });
    }
    if !header_seen {
        return Err(Error::new(ErrorKind::MalformedRow, "no header row").with_path(name));
    }
    Ok(rows)
}

/// A name folded and written together: letters only (Дж. П. Морган -> `джпморган`).
pub(crate) fn compact(name: &str) -> String {
    crate::text::fold(name)
        .chars()
        .filter(|c| crate::text::is_alpha(*c))
        .collect()
}

fn bad(name: &str, line: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedRow, msg)
        .with_path(name)
        .with_line(line)
}

fn parse_lang(name: &str, line: usize, s: &str) -> Result<Lang, Error> {
    match s {
        "ru" => Ok(Lang::Ru),
        "kk" => Ok(Lang::Kk),
        _ => Err(bad(
            name,
            line,
            format!("language must be ru or kk, found `{s}`"),
        )),
    }
}

/// Grammatical gender of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Gender {
    /// Masculine.
    M,
    /// Feminine.
    F,
}

fn parse_gender(name: &str, line: usize, s: &str) -> Result<Option<Gender>, Error> {
    match s {
        "m" => Ok(Some(Gender::M)),
        "f" => Ok(Some(Gender::F)),
        "-" | "n" => Ok(None),
        _ => Err(bad(
            name,
            line,
            format!("gender must be m, f, n or -, found `{s}`"),
        )),
    }
}

/// One Russian ending rule: `form_end` -> `lemma_end` when the stem ends as `after` says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RuRule {
    pub form_end: String,
    pub lemma_end: String,
    pub after: After,
    pub gender: Option<Gender>,
    pub prior: f32,
}

/// One plural ending of a Russian surname (`ru_plural_surnames.tsv`): `form_end` -> `lemma_end`
/// of the masculine singular, when the stem ends as `after` says and the given names before it
/// stand in the nominative (`nominative`) or in an oblique case.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RuPlural {
    pub form_end: String,
    pub lemma_end: String,
    pub after: After,
    pub nominative: bool,
}

/// The condition on the stem of a Russian rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum After {
    Any,
    Consonant,
    Vowel,
    Velar,
    Plain,
    Literal(Vec<String>),
    /// The stem starts with one of these prefixes, and at least three letters follow it.
    Prefix(Vec<String>),
}

impl After {
    /// Parses an `after` cell of `file` at `line`: `*`, `C`, `V`, `K`, `N`, `=a|b` or `^a|b`.
    fn parse(file: &str, line: usize, cell: &str) -> Result<After, Error> {
        let list = |s: &str| s.split('|').map(|x| x.to_string()).collect();
        Ok(match cell {
            "*" => After::Any,
            "C" => After::Consonant,
            "V" => After::Vowel,
            "K" => After::Velar,
            "N" => After::Plain,
            s if s.starts_with('=') => After::Literal(list(&s[1..])),
            s if s.starts_with('^') => After::Prefix(list(&s[1..])),
            s => return Err(bad(file, line, format!("unknown `after` class `{s}`"))),
        })
    }

    pub(crate) fn holds(&self, stem: &str) -> bool {
        let last = match stem.chars().last() {
            Some(c) => crate::text::lower(c),
            None => return false,
        };
        let cyr = crate::text::is_cyrillic(last);
        match self {
            After::Any => true,
            After::Consonant => cyr && !crate::text::is_vowel(last),
            After::Vowel => crate::text::is_vowel(last),
            After::Velar => "гкхжчшщц".contains(last),
            After::Plain => cyr && !crate::text::is_vowel(last) && !"гкхжчшщцйьъ".contains(last),
            After::Literal(list) => {
                let s = crate::text::fold(stem);
                list.iter().any(|e| s.ends_with(e.as_str()))
            }
            After::Prefix(list) => {
                let s = crate::text::fold(stem);
                list.iter().any(|p| {
                    s.strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.chars().count() >= 3)
                })
            }
        }
    }
}

/// A Kazakh suffix allomorph.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct KkSuffix {
    pub suffix: String,
    pub slot: u8,
    pub after: String,
    pub harmony: Option<bool>,
    pub kind: String,
    pub prior: f32,
}

/// A place from the embedded list.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlaceRow {
    pub id: String,
    pub kind: String,
    pub en: String,
    pub ru: String,
    pub kk: String,
}

/// A surname or patronymic ending with the gender it marks.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SurnameEnding {
    pub ending: String,
    pub lang: Option<Lang>,
    pub class: String,
    pub gender: Option<Gender>,
}

/// All rule tables.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tables {
    pub ru_rules: Vec<RuRule>,
    pub kk_suffixes: Vec<KkSuffix>,
    /// (lower-case name, lang) -> gender.
    pub given: HashMap<(String, Lang), Option<Gender>>,
    pub places: Vec<PlaceRow>,
    /// (lower-case word, lang) -> classes.
    pub words: HashMap<(String, Lang), HashSet<String>>,
    pub surname_endings: Vec<SurnameEnding>,
    /// (alias, lang, gazetteer role phrase).
    pub role_aliases: Vec<(String, Lang, String)>,
    /// (ending of an inflected given name, its gender, endings an agreeing surname may have).
    pub agreement: Vec<(String, Option<Gender>, Vec<String>)>,
    /// Plural endings of surnames (`ru_plural_surnames.tsv`).
    pub ru_plurals: Vec<RuPlural>,
    /// Lower-case English words that end a run of Latin-script name words (The, Inc, Hotel).
    pub latin_org: HashSet<String>,
    /// Names of firms that are or begin with a person's name, folded and written together
    /// without spaces, dots or hyphens (`голдмансакс`, `джпморган`): see [`compact`].
    pub firms: HashSet<String>,
    /// Kazakh words of class `protect` (stem endings no suffix cut may split), built on first use.
    kk_protected: std::sync::OnceLock<Vec<String>>,
    /// Endings (the rows of class `age` that start with `-`) of words that give a person's age,
    /// with their language, built on first use.
    age_endings: std::sync::OnceLock<Vec<(String, Lang)>>,
    /// Tells these tables from every other set of tables of the process (0: empty tables); a
    /// new id on every change, so answers remembered under an id stay true.
    id: u64,
}

impl Tables {
    /// The id of this version of the tables (see the field).
    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Parses one named table and adds its rows. Duplicates within the embedded tables are
    /// errors (checked by tests); a user's file may repeat an entry to override it.
    pub(crate) fn add(&mut self, name: &str, text: &str) -> Result<(), Error> {
        self.kk_protected = std::sync::OnceLock::new();
        self.age_endings = std::sync::OnceLock::new();
        self.id = {
            static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        };
        let base = Path::new(name)
            .file_name()
            .and_then(|s| s.to_str())
            .unwrap_or(name);
        match base {
            "ru_endings.tsv" => {
                for r in parse_table(
                    name,
                    text,
                    &["form_end", "lemma_end", "after", "gender", "prior"],
                )? {
                    let c = &r.cells;
                    let after = After::parse(name, r.line, &c[2])?;
                    let prior: f32 = c[4].parse().map_err(|_| {
                        bad(name, r.line, format!("prior `{}` is not a number", c[4]))
                    })?;
                    if !(0.0..=1.0).contains(&prior) {
                        return Err(bad(name, r.line, "prior must be within 0..1"));
                    }
                    self.ru_rules.push(RuRule {
                        form_end: c[0].clone(),
                        lemma_end: c[1].clone(),
                        after,
                        gender: parse_gender(name, r.line, &c[3])?,
                        prior,
                    });
                }
            }
            "kk_suffixes.tsv" => {
                for r in parse_table(
                    name,
                    text,
                    &["suffix", "slot", "after", "harmony", "kind", "prior"],
                )? {
                    let c = &r.cells;
                    let slot: u8 = c[1].parse().map_err(|_| {
                        bad(name, r.line, format!("slot `{}` is not a number", c[1]))
                    })?;
                    if c[2].is_empty() || !c[2].chars().all(|x| "VSZTP".contains(x)) {
                        return Err(bad(name, r.line, "after must be letters of VSZTP"));
                    }
                    let harmony = match c[3].as_str() {
                        "b" => Some(true),
                        "f" => Some(false),
                        "-" => None,
                        s => {
                            return Err(bad(
                                name,
                                r.line,
                                format!("harmony `{s}` is not b, f or -"),
                            ))
                        }
                    };
                    let prior: f32 = c[5].parse().map_err(|_| {
                        bad(name, r.line, format!("prior `{}` is not a number", c[5]))
                    })?;
                    if c[0].is_empty() {
                        return Err(bad(name, r.line, "empty suffix"));
                    }
                    self.kk_suffixes.push(KkSuffix {
                        suffix: c[0].to_lowercase(),
                        slot,
                        after: c[2].clone(),
                        harmony,
                        kind: c[4].clone(),
                        prior,
                    });
                }
            }
            "given_names.tsv" => {
                for r in parse_table(name, text, &["name", "gender", "lang"])? {
                    let c = &r.cells;
                    let g = parse_gender(name, r.line, &c[1])?;
                    let l = parse_lang(name, r.line, &c[2])?;
                    if c[0].is_empty() {
                        return Err(bad(name, r.line, "empty name"));
                    }
                    self.given.insert((crate::text::fold(&c[0]), l), g);
                }
            }
            "latin_names.tsv" => {
                for r in parse_table(name, text, &["name", "class", "gender"])? {
                    let c = &r.cells;
                    if c[0].is_empty() || !c[0].chars().all(|ch| ch.is_ascii_alphabetic()) {
                        return Err(bad(name, r.line, "a name is ASCII letters"));
                    }
                    let g = parse_gender(name, r.line, &c[2])?;
                    match c[1].as_str() {
                        // Latin-script given names are keyed with `Lang::Other`.
                        "given" => {
                            self.given
                                .insert((crate::text::fold(&c[0]), Lang::Other), g);
                        }
                        "org" => {
                            self.latin_org.insert(c[0].to_ascii_lowercase());
                        }
                        x => return Err(bad(name, r.line, format!("unknown class `{x}`"))),
                    }
                }
            }
            "firm_names.tsv" => {
                for r in parse_table(name, text, &["name", "lang", "en"])? {
                    let c = &r.cells;
                    parse_lang(name, r.line, &c[1])?;
                    if c[0].split_whitespace().count() < 2 {
                        return Err(bad(name, r.line, "a firm's name needs two words or more"));
                    }
                    self.firms.insert(compact(&c[0]));
                    // The English name too, for firms written in Latin script (Herman Miller).
                    if c[2].split_whitespace().count() >= 2 {
                        self.firms.insert(compact(&c[2]));
                    }
                }
            }
            "place_names.tsv" => {
                for r in parse_table(name, text, &["id", "kind", "en", "ru", "kk"])? {
                    let c = &r.cells;
                    if c.iter().any(|x| x.is_empty()) {
                        return Err(bad(name, r.line, "empty cell"));
                    }
                    self.places.retain(|p| p.id != c[0]);
                    self.places.push(PlaceRow {
                        id: c[0].clone(),
                        kind: c[1].clone(),
                        en: c[2].clone(),
                        ru: c[3].clone(),
                        kk: c[4].clone(),
                    });
                }
            }
            "words.tsv" => {
                for r in parse_table(name, text, &["word", "lang", "class"])? {
                    let c = &r.cells;
                    let l = parse_lang(name, r.line, &c[1])?;
                    if !matches!(
                        c[2].as_str(),
                        "month"
                            | "weekday"
                            | "title"
                            | "post_title"
                            | "kin"
                            | "associate"
                            | "speech_verb"
                            | "stop"
                            | "org"
                            | "nonname_end"
                            | "geo_after"
                            | "geo_before"
                            | "org_after"
                            | "org_before"
                            | "protect"
                            | "surname_first"
                            | "particle"
                            | "initial"
                            | "age"
                            | "namesake"
                            | "and"
                            | "firm_and"
                            | "org_tail"
                            | "award"
                            | "institution"
                            | "honorific"
                            | "plural_place"
                            | "place_prep"
                            | "like"
                            | "numeral"
                            | "common_name"
                            | "report_phrase"
                            | "instrumental_prep"
                            | "clitic"
                            | "named"
                            | "greeting"
                            | "you"
                            | "org_prefix"
                    ) {
                        return Err(bad(name, r.line, format!("unknown class `{}`", c[2])));
                    }
                    self.words
                        .entry((crate::text::fold(&c[0]), l))
                        .or_default()
                        .insert(c[2].clone());
                }
            }
            "surname_endings.tsv" => {
                for r in parse_table(name, text, &["ending", "lang", "class", "gender"])? {
                    let c = &r.cells;
                    let lang = match c[1].as_str() {
                        "*" => None,
                        s => Some(parse_lang(name, r.line, s)?),
                    };
                    if !matches!(c[2].as_str(), "surname" | "patronymic") {
                        return Err(bad(name, r.line, "class must be surname or patronymic"));
                    }
                    self.surname_endings.push(SurnameEnding {
                        ending: crate::text::fold(&c[0]),
                        lang,
                        class: c[2].clone(),
                        gender: parse_gender(name, r.line, &c[3])?,
                    });
                }
            }
            "ru_agreement.tsv" => {
                for r in parse_table(name, text, &["given_end", "gender", "surname_ends"])? {
                    let c = &r.cells;
                    if c[0].is_empty() || c[2].is_empty() {
                        return Err(bad(name, r.line, "empty ending"));
                    }
                    let g = parse_gender(name, r.line, &c[1])?;
                    let ends = c[2].split('|').map(|x| x.to_string()).collect();
                    self.agreement.push((c[0].clone(), g, ends));
                }
            }
            "ru_plural_surnames.tsv" => {
                for r in parse_table(name, text, &["form_end", "lemma_end", "after", "case"])? {
                    let c = &r.cells;
                    if c[0].is_empty() {
                        return Err(bad(name, r.line, "empty ending"));
                    }
                    let nominative = match c[3].as_str() {
                        "nom" => true,
                        "obl" => false,
                        _ => return Err(bad(name, r.line, "case must be nom or obl")),
                    };
                    self.ru_plurals.push(RuPlural {
                        form_end: c[0].clone(),
                        lemma_end: c[1].clone(),
                        after: After::parse(name, r.line, &c[2])?,
                        nominative,
                    });
                }
            }
            "role_aliases.tsv" => {
                for r in parse_table(name, text, &["alias", "lang", "phrase"])? {
                    let c = &r.cells;
                    let l = parse_lang(name, r.line, &c[1])?;
                    if c[0].is_empty() || c[2].is_empty() {
                        return Err(bad(name, r.line, "empty alias or phrase"));
                    }
                    self.role_aliases.push((c[0].clone(), l, c[2].clone()));
                }
            }
            _ => {
                return Err(Error::new(
                    ErrorKind::Unknown,
                    format!(
                        "unknown rule file `{base}` (known: {})",
                        EMBEDDED.iter().map(|e| e.0).collect::<Vec<_>>().join(", ")
                    ),
                )
                .with_path(name))
            }
        }
        Ok(())
    }

    /// The embedded tables.
    pub(crate) fn embedded() -> Result<Tables, Error> {
        let mut t = Tables::default();
        for (name, text) in EMBEDDED {
            t.add(name, text)?;
        }
        Ok(t)
    }

    /// Kazakh words of class `protect`.
    pub(crate) fn kk_protected(&self) -> &[String] {
        self.kk_protected.get_or_init(|| {
            self.words
                .iter()
                .filter(|((_, l), c)| *l == Lang::Kk && c.contains("protect"))
                .map(|((p, _), _)| p.clone())
                .collect()
        })
    }

    /// Whether `word` gives a person's age (`age` in `words.tsv`): a listed word (жастағы) or a
    /// word with a listed ending (сорокалетним, 54-летний).
    pub(crate) fn age_word(&self, word: &str, lang: Lang) -> bool {
        let endings = self.age_endings.get_or_init(|| {
            self.words
                .iter()
                .filter(|(_, c)| c.contains("age"))
                .filter_map(|((w, l), _)| w.strip_prefix('-').map(|e| (e.to_string(), *l)))
                .collect()
        });
        // (`word_is` folds the word itself.)
        self.word_is(word, lang, "age") || {
            let f = crate::text::fold(word);
            endings
                .iter()
                .any(|(e, l)| *l == lang && f.len() > e.len() && f.ends_with(e.as_str()))
        }
    }

    /// Whether `word` (any case) is listed with `class` in `lang`; the word is folded here, so
    /// a word folded already or not is looked up alike (`fold` is idempotent).
    pub(crate) fn word_is(&self, word: &str, lang: Lang, class: &str) -> bool {
        self.word_classes(word, lang, |c| c.contains(class))
    }

    /// `test` of the classes of `word` in `lang` (false for an unlisted word); the word is
    /// folded (lower case, ё read as е) once for all the classes asked, without allocating.
    pub(crate) fn word_classes(
        &self,
        word: &str,
        lang: Lang,
        test: impl FnOnce(&rustc_hash::FxHashSet<String>) -> bool,
    ) -> bool {
        thread_local! {
            /// A reused lookup key, so that a lookup allocates nothing.
            static KEY: std::cell::RefCell<(String, Lang)> =
                const { std::cell::RefCell::new((String::new(), Lang::Other)) };
        }
        KEY.with(|k| {
            let mut k = k.borrow_mut();
            k.0.clear();
            crate::text::fold_into(word, &mut k.0);
            k.1 = lang;
            self.words.get(&*k).is_some_and(test)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse_without_duplicates() {
        for (name, text) in EMBEDDED {
            let mut t = Tables::default();
            t.add(name, text).unwrap_or_else(|e| panic!("{e}"));
            // No duplicate data rows.
            let mut seen = HashSet::default();
            for l in text
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let key = if *name == "words.tsv" || *name == "given_names.tsv" {
                    crate::text::fold(l)
                } else if *name == "place_names.tsv" {
                    l.split('\t').next().unwrap_or("").to_string()
                } else {
                    l.to_string()
                };
                assert!(seen.insert(key), "{name}: duplicate row `{l}`");
            }
        }
        let t = Tables::embedded().unwrap();
        assert!(t.ru_rules.len() > 50);
        assert!(t.kk_suffixes.len() > 40);
        assert!(t.given.len() > 400);
        assert!(t.places.len() > 100);
        assert!(t.given.contains_key(&("deepak".to_string(), Lang::Other)));
        assert!(t.latin_org.contains("inc"));
        assert!(t.firms.contains("джпморганчейз"));
        assert_eq!(compact("Дж. П. Морган"), "джпморган");
    }

    #[test]
    fn prefix_condition_needs_three_letters_after_it() {
        let a = After::Prefix(vec!["по".into(), "при".into()]);
        assert!(a.holds("поволж"));
        assert!(a.holds("Примор"));
        assert!(!a.holds("пол"));
        assert!(!a.holds("волж"));
    }

    #[test]
    fn malformed_row_names_file_and_line() {
        let mut t = Tables::default();
        let e = t
            .add(
                "x/ru_endings.tsv",
                "# source: test\nform_end\tlemma_end\tafter\tgender\tprior\nа\t\tC\tm\n",
            )
            .unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert_eq!(e.path().and_then(|p| p.to_str()), Some("x/ru_endings.tsv"));
        let e = t
            .add(
                "kk_suffixes.tsv",
                "# source: t\nsuffix\tslot\tafter\tharmony\tkind\tprior\nда\tx\tV\tb\tloc\t0.5\n",
            )
            .unwrap_err();
        assert_eq!(e.line(), Some(3));
        let e = t
            .add("given_names.tsv", "name\tgender\tlang\n")
            .unwrap_err();
        assert_eq!(e.line(), Some(1));
    }
}
