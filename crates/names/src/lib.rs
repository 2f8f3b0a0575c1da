//! Person and place mentions, transliteration, normalization and keys.
//!
//! `Токаеву`, `Касым-Жомарта Токаева`, `Тоқаевқа`, `Қасым-Жомарт Тоқаевтың`, `Tokayev` and
//! `Toqaev` are one person; so are `Гутерришем`, `Гутерришу`, `Гутерришпен`, `Гутерриштің`.
//! [`Names`] finds person mentions in Russian and Kazakh running text, brings each to its
//! dictionary form, romanizes it and gives it a key that is the same whichever language or
//! script it came from.
//!
//! # Design
//!
//! * **Russian** (`ru` module, `data/ru_endings.tsv`): every ending rule reads the word as one
//!   declension class (masculine `-ов/-ин`, adjectival `-ский/-ая`, the `-а/-я` declension of
//!   `Маттарелла`, soft stems, indeclinables) and proposes a nominative with a prior.
//! * **Kazakh** (`kk` module, `data/kk_suffixes.tsv`): every segmentation into a stem and a
//!   grammatical chain of plural, possessive, case and `-дағы` suffixes (with the sound the
//!   allomorph needs before it and soft vowel harmony) is a candidate stem; names that end like
//!   a suffix (`Астана`, `Қазақстан`, `Нұрсұлтан`) survive because the chain must be grammatical
//!   and because known names win.
//! * **Choosing**: a candidate scores its prior, times a bonus when it is a known nominative
//!   (gazetteer persons and places, `data/given_names.tsv`, `data/place_names.tsv`), when
//!   other forms of the text support it (`Маттарелла` next to `Маттареллы`) or a full name of
//!   the text reads it (`Клод Моне` ... `Моне`), and when it agrees with the gender and case of
//!   the given name (`data/ru_agreement.tsv`: `Иваны Живкович` is feminine, so `Живкович` is
//!   indeclinable; `Мирослава Енчи` is oblique, so `Енчи` -> `Енча`). The Snowball Russian
//!   stemmer serves the common words (stop words, titles, role phrases), not the names.
//! * **Mentions** ([`Names::mentions`]): groups of capitalised words (with initials and name
//!   particles) split where a new name starts, minus places, organisations, quoted titles,
//!   capitalised common words (sentence-initial words need evidence of being a name) and
//!   words with Kazakh locative or plural suffixes; a group is a person when it has a known
//!   given name, patronymic, gazetteer surname or title before it, or two name-shaped words;
//!   single unknown words join when they share a key with a confident mention. A reporting
//!   verb or a Kazakh courtesy title next to a word counts as a title (`cues` module:
//!   `Мусевени заявил`, `Суор мырза`) unless the word is a common one (hunspell stems in
//!   `data/{kk,ru}_common.bloom`); Latin-script words are names only with a Latin given name or a
//!   gazetteer surname (`latin` module, `data/latin_names.tsv`: `Deepak Talwar`).
//! * **Keys** ([`skeleton`], [`keys_match`]): a resolved person's key is the gazetteer id; an
//!   unresolved person's key is the ASCII skeleton of the surname's dictionary form (made
//!   masculine: `Иванова` -> `ivanov`), so `Иван Петров` and `Петров` share it and
//!   `Токаев`/`Тоқаев`/`Tokayev`/`Toqaev` give one. [`keys_match`] tolerates spelling variants,
//!   a Kazakh case suffix or an Arabic article left on one side (`Sharfini`/`Шарф`,
//!   `аль-Ассаф`/`Ассаф`), and matches an id with the bare surname of an unresolved mention.
//! * **Roles** ([`Names::role_mentions`]): role phrases in any case form resolve through the
//!   gazetteer's dated roles. When a role phrase is immediately followed by a person name
//!   (`Генеральным секретарем ООН Антониу Гутерришем`), [`Names::mentions`] gives the name and
//!   [`Names::role_mentions`] gives the role span *with the entity and key of that name*, so the
//!   two never count as two persons; [`Names::person_mentions`] merges both and drops such
//!   apposed roles.
//!
//! ```
//! use kzalign_names::NamesBuilder;
//! use kzalign_core::Lang;
//! let names = NamesBuilder::new().build().unwrap();
//! let a = names.normalize("Тоқаевқа", Lang::Kk);
//! let b = names.normalize("Касым-Жомарта Токаева", Lang::Ru);
//! let c = names.normalize("Toqaev", Lang::Other);
//! assert_eq!(a.key, b.key);
//! assert_eq!(b.key, c.key);
//! assert_eq!(b.lemma, "Касым-Жомарт Токаев");
//! ```
#![deny(missing_docs)]

mod cues;
mod data;
pub mod eval;
mod key;
mod kk;
mod latin;
mod mentions;
mod ru;
mod text;

pub use key::{key_similarity, keys_match, skeleton, MATCH_THRESHOLD};

use chrono::NaiveDate;
use data::{Gender, Tables};
use kzalign_core::{Error, ErrorKind, Lang, Mention, Span};
use kzalign_gazetteer::{Gazetteer, GazetteerBuilder};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::Arc;
use text::fold;

/// A name brought to its dictionary form, romanized and keyed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The input as given.
    pub input: String,
    /// The language used to read it.
    pub lang: Lang,
    /// Dictionary form in its own script.
    pub lemma: String,
    /// Language-neutral key: the gazetteer id when resolved, else the surname's skeleton.
    pub key: String,
    /// Romanized dictionary form (`ru-bgn` for Russian, `kk-latin-2021` for Kazakh).
    pub latin: String,
    /// Gazetteer id when known.
    pub entity_id: Option<String>,
    /// Canonical English name when known.
    pub canonical: Option<String>,
}

/// Builds [`Names`], optionally with a user's rule files on top of the embedded ones.
#[derive(Clone, Debug, Default)]
pub struct NamesBuilder {
    /// User rule files: (path, text), applied in order after the embedded tables.
    files: Vec<(String, String)>,
    /// Directory with the user's gazetteer files, if any.
    gazetteer_dir: Option<std::path::PathBuf>,
}

/// Names of the gazetteer's own files, read by `kzalign-gazetteer` from a rules directory.
const GAZETTEER_FILES: &[&str] = &["persons.tsv", "roles.tsv", "places.tsv"];

impl NamesBuilder {
    /// The embedded rules only.
    pub fn new() -> NamesBuilder {
        NamesBuilder::default()
    }

    /// Adds the rule and gazetteer files found in `dir`: any of this crate's tables
    /// (`ru_endings.tsv`, `kk_suffixes.tsv`, `given_names.tsv`, `place_names.tsv`, `words.tsv`,
    /// `surname_endings.tsv`, `role_aliases.tsv`, `ru_agreement.tsv`, `latin_names.tsv`,
    /// `firm_names.tsv`) and the gazetteer's `persons.tsv`, `roles.tsv`, `places.tsv`. Rows add
    /// to (or override) the embedded ones. A malformed row is an error naming the file and
    /// line; other `.tsv` files are an error too.
    pub fn rules_dir(mut self, dir: &Path) -> Result<NamesBuilder, Error> {
        let rd = std::fs::read_dir(dir).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read rules directory: {e}")).with_path(dir)
        })?;
        let mut paths: Vec<std::path::PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
            .collect();
        paths.sort();
        let mut probe = Tables::default();
        for p in paths {
            let base = p.file_name().and_then(|s| s.to_str()).unwrap_or("");
            if GAZETTEER_FILES.contains(&base) {
                self.gazetteer_dir = Some(dir.to_path_buf());
                continue;
            }
            let text = std::fs::read_to_string(&p).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot read: {e}")).with_path(&p)
            })?;
            let name = p.to_string_lossy().to_string();
            probe.add(&name, &text)?;
            self.files.push((name, text));
        }
        if let Some(d) = &self.gazetteer_dir {
            // Validate now so that the error names the file and line.
            Gazetteer::with_extra_dir(d)?;
        }
        Ok(self)
    }

    /// The immutable normalizer.
    pub fn build(self) -> Result<Names, Error> {
        let mut tables = Tables::embedded()?;
        for (name, text) in &self.files {
            tables.add(name, text)?;
        }
        let gaz = match &self.gazetteer_dir {
            Some(d) => GazetteerBuilder::new().extra_dir(d)?.build()?,
            None => Gazetteer::embedded().clone(),
        };
        Ok(Names {
            inner: Arc::new(Inner::new(tables, gaz)),
        })
    }
}

/// A place known to the finder: the gazetteer's places, then `data/place_names.tsv`.
#[derive(Clone, Debug)]
pub struct PlaceEntry {
    /// Place id (the gazetteer's when it has the place).
    pub id: String,
    /// Canonical English name.
    pub canonical: String,
    /// `city`, `country` or `region`.
    pub kind: String,
    /// Russian nominative forms.
    pub ru: Vec<String>,
    /// Kazakh nominative forms.
    pub kk: Vec<String>,
}

/// What is known about one nominative word.
#[derive(Clone, Copy, Debug, Default)]
struct Known {
    given: bool,
    /// Listed in `given_names.tsv` (not only a first word of a gazetteer form).
    listed_given: bool,
    gender: Option<Gender>,
    place: bool,
    surname: bool,
}

#[derive(Debug)]
struct Inner {
    tables: Tables,
    gaz: Gazetteer,
    places: Vec<PlaceEntry>,
    /// folded nominative word -> what it is (all languages).
    known: HashMap<String, Known>,
    /// skeleton of a surname form -> person indexes.
    by_surname: HashMap<String, Vec<usize>>,
    /// Skeleton of a whole multi-word gazetteer form -> persons (for names whose surname does
    /// not stand last, such as Си Цзиньпин).
    by_full: HashMap<String, Vec<usize>>,
    /// person index -> skeletons of its given-name tokens.
    given_of: Vec<HashSet<String>>,
    /// Role phrases (gazetteer phrases and aliases): (folded tokens, lang, gazetteer phrase).
    /// Sorted longest first.
    roles: Vec<(Vec<String>, Lang, String)>,
    /// Role indexes (ascending) by the first two letters of their first word (two letters or
    /// more); a form of a word (same word, a suffix added, the same Snowball stem of three or
    /// more letters, or a stem of four or more letters and an ending) shares them.
    role_index: HashMap<String, Vec<usize>>,
    /// Role indexes (ascending) whose first word has fewer than two letters.
    role_short: Vec<usize>,
    /// Process-unique id of this instance (the key of the per-thread reading cache).
    id: u64,
    /// Place forms by the first two letters of their first word: (folded words, place, lang),
    /// longest first.
    place_forms: HashMap<String, Vec<(Vec<String>, usize, Lang)>>,
    /// Snowball stems of the Russian stop, title and calendar words (words of 4+ letters).
    ru_stop_stems: HashSet<String>,
    /// Snowball stems of the Russian title words.
    ru_title_stems: HashSet<String>,
    /// The stop, title, month and weekday words of `words.tsv` (for Ru, Kk and both languages)
    /// that are Kazakh titles, for the suffix tests of
    /// Kazakh title forms (computed once instead of a table lookup per stop word and token).
    kk_title_stops: [Vec<String>; 3],
    /// Surname endings of two or more letters (`surname_endings.tsv`, class `surname`) that
    /// apply to Ru, Kk and Other, in table order.
    surname_ends: [Vec<String>; 3],
    /// The last bytes of `surname_ends` (an ending of one or more bytes, each).
    surname_end_bytes: [[bool; 256]; 3],
    /// The last bytes of `patronymic_ends` (all bytes when an ending is empty; byte 0 stands
    /// for the end of an empty word).
    patronymic_end_bytes: [[bool; 256]; 3],
    /// Patronymic endings (class `patronymic`) that apply to Ru, Kk and Other, in table order:
    /// (ending, its length in chars, gender).
    patronymic_ends: [Vec<(String, usize, Option<Gender>)>; 3],
    /// The stop, title, month and weekday words (for Ru, Kk and both languages) of five or
    /// more letters.
    long_stops: [Vec<String>; 3],
    /// Endings (without the leading `-`) of class `nonname_end` with their language.
    nonname_ends: Vec<(String, Lang)>,
    /// Russian words of class `org_prefix` (евро, гос, мин): before a common noun they make
    /// the name of a body (Еврокомиссия, Госдепартамент, Минобороны).
    ru_org_prefixes: Vec<String>,
    /// Words of class `geo_after` with their language.
    geo_after: Vec<(String, Lang)>,
    /// Words of class `geo_before` with their language.
    geo_before: Vec<(String, Lang)>,
    /// Words of class `org_after` (Kazakh, after a name) and `org_before` (Russian, before it)
    /// for companies, teams and parties, with their language.
    org_nouns: Vec<(String, Lang, bool)>,
    /// Words of class `namesake` (имени, атындағы) with their language.
    namesakes: Vec<(String, Lang)>,
    /// Words of class `org_tail` (Университет, Пресс, Таймс) with their language.
    org_tails: Vec<(String, Lang)>,
    /// Words of class `award` (премия, кубок; сыйлығы, кубогы) and `institution` (Университет,
    /// орталығы) with their language and whether they are an institution's (written
    /// capitalised in Russian).
    awards: Vec<(String, Lang, bool)>,
    /// Russian endings of class `plural_place` (-ов, -ах): the plural cases of a place name
    /// whose nominative ends in -ы or -и (Нидерландов, Филиппинах).
    plural_place_ends: Vec<String>,
}

/// Index of a language in per-language tables: Ru, Kk, then Other (both).
pub(crate) fn lang_index(l: Lang) -> usize {
    match l {
        Lang::Ru => 0,
        Lang::Kk => 1,
        Lang::Other => 2,
    }
}

/// Readings of one word: (lemma, score, gender).
type Readings = Vec<(String, f32, Option<Gender>)>;

/// Raw readings of one word: (script language, (lemma, prior, gender), the word folded
/// without accents).
type RawReadings = (Lang, Readings, String);

/// Entries the per-thread reading cache holds before it starts over.
pub(crate) const RAW_CACHE_MAX: usize = 50_000;

/// [`skeleton`], remembered per thread (it is pure, and the name reader asks for the same
/// lemmas' skeletons again and again).
pub(crate) fn skeleton_memo(name: &str) -> String {
    thread_local! {
        static SKELETONS: std::cell::RefCell<HashMap<String, String>> =
            std::cell::RefCell::new(HashMap::default());
    }
    SKELETONS.with(|c| {
        if let Some(k) = c.borrow().get(name) {
            return k.clone();
        }
        let k = skeleton(name);
        let mut c = c.borrow_mut();
        if c.len() >= RAW_CACHE_MAX {
            c.clear();
        }
        c.insert(name.to_string(), k.clone());
        k
    })
}

/// The first two letters of a folded word (the place-form index key).
/// Which bytes end one of `endings`: a word whose last byte is not marked ends with none of them
/// (an empty ending ends every word, so it marks every byte).
fn last_byte_table<'a>(endings: impl IntoIterator<Item = &'a str>) -> [bool; 256] {
    let mut t = [false; 256];
    for e in endings {
        match e.as_bytes().last() {
            Some(b) => t[usize::from(*b)] = true,
            None => t = [true; 256],
        }
    }
    t
}

pub(crate) fn prefix2(w: &str) -> &str {
    &w[..w.char_indices().nth(2).map_or(w.len(), |(i, _)| i)]
}

impl Inner {
    fn new(tables: Tables, gaz: Gazetteer) -> Inner {
        let mut known: HashMap<String, Known> = HashMap::default();
        // Sorted, so that a name listed in both languages with two genders reads the same way
        // on every run (Russian first).
        let mut given: Vec<(&(String, Lang), &Option<Gender>)> = tables.given.iter().collect();
        given.sort_by(|a, b| a.0.cmp(b.0));
        for ((n, _), g) in given {
            let k = known.entry(n.clone()).or_default();
            k.given = true;
            k.listed_given = true;
            if k.gender.is_none() {
                k.gender = *g;
            }
        }
        let mut places: Vec<PlaceEntry> = gaz
            .places()
            .iter()
            .map(|p| PlaceEntry {
                id: p.id.clone(),
                canonical: p.canonical.clone(),
                kind: p.kind.code().to_string(),
                ru: p.ru.clone(),
                kk: p.kk.clone(),
            })
            .collect();
        for p in &tables.places {
            if let Some(e) = places.iter_mut().find(|e| e.id == p.id) {
                if !e.ru.contains(&p.ru) {
                    e.ru.push(p.ru.clone());
                }
                if !e.kk.contains(&p.kk) {
                    e.kk.push(p.kk.clone());
                }
            } else {
                places.push(PlaceEntry {
                    id: p.id.clone(),
                    canonical: p.en.clone(),
                    kind: p.kind.clone(),
                    ru: vec![p.ru.clone()],
                    kk: vec![p.kk.clone()],
                });
            }
        }
        for p in &places {
            for f in p.ru.iter().chain(p.kk.iter()) {
                for w in f.split_whitespace() {
                    known.entry(fold(w)).or_default().place = true;
                }
            }
        }
        // A hyphenated place name is also written with a space (Абу-Даби, Абу Даби);
        // its parts are not place words by themselves (Ұлан of Ұлан-Батор).
        for p in places.iter_mut() {
            crate::cues::add_space_variants(&mut p.ru);
            crate::cues::add_space_variants(&mut p.kk);
        }
        let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_full: HashMap<String, Vec<usize>> = HashMap::default();
        let mut given_of = Vec::new();
        for (i, p) in gaz.persons().iter().enumerate() {
            let mut given = HashSet::default();
            for f in p.ru.iter().chain(p.kk.iter()).chain(p.latin.iter()) {
                let toks: Vec<&str> = f.split_whitespace().collect();
                if toks.len() >= 2 {
                    let full: Vec<String> = toks.iter().map(|t| skeleton(t)).collect();
                    let e = by_full.entry(full.join(" ")).or_default();
                    if !e.contains(&i) {
                        e.push(i);
                    }
                }
                if let Some(last) = toks.last() {
                    let e = by_surname.entry(skeleton(last)).or_default();
                    if !e.contains(&i) {
                        e.push(i);
                    }
                    known.entry(fold(last)).or_default().surname = true;
                }
                if toks.len() >= 2 {
                    given.insert(skeleton(toks[0]));
                    // A place or title that opens a form (Рим Папасы Франциск, Папа Римский
                    // Франциск) is no given name.
                    let title = [Lang::Ru, Lang::Kk]
                        .into_iter()
                        .any(|l| tables.word_is(toks[0], l, "title"));
                    let k = known.entry(fold(toks[0])).or_default();
                    if !k.place && !title {
                        k.given = true;
                    }
                }
            }
            given_of.push(given);
        }
        let mut roles = Vec::new();
        for r in gaz.roles() {
            let toks: Vec<String> = r.phrase.split_whitespace().map(fold).collect();
            if !roles.iter().any(|(t, l, _)| t == &toks && *l == r.lang) {
                roles.push((toks, r.lang, r.phrase.clone()));
            }
        }
        for (alias, lang, phrase) in &tables.role_aliases {
            let toks: Vec<String> = alias.split_whitespace().map(fold).collect();
            roles.push((toks, *lang, phrase.clone()));
        }
        // Longest phrases first (stable), the order in which the role finder tries them.
        roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
        let mut role_index: HashMap<String, Vec<usize>> = HashMap::default();
        let mut role_short = Vec::new();
        for (ri, (words, _, _)) in roles.iter().enumerate() {
            match words.first() {
                Some(w) if w.chars().count() >= 2 => role_index
                    .entry(prefix2(w).to_string())
                    .or_default()
                    .push(ri),
                _ => role_short.push(ri),
            }
        }
        let mut place_forms: HashMap<String, Vec<(Vec<String>, usize, Lang)>> = HashMap::default();
        for (pi, p) in places.iter().enumerate() {
            for (fs, l) in [(&p.ru, Lang::Ru), (&p.kk, Lang::Kk)] {
                for f in fs {
                    let words: Vec<String> = f.split_whitespace().map(fold).collect();
                    if let Some(first) = words.first() {
                        place_forms
                            .entry(prefix2(first).to_string())
                            .or_default()
                            .push((words, pi, l));
                    }
                }
            }
        }
        for v in place_forms.values_mut() {
            v.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        }
        let mut ru_stop_stems = HashSet::default();
        let mut ru_title_stems = HashSet::default();
        for ((w, l), classes) in &tables.words {
            if *l != Lang::Ru || w.chars().count() < 4 {
                continue;
            }
            let st = mentions::snowball().stem(w).to_string();
            if st.chars().count() < 3 {
                continue;
            }
            if ["stop", "title", "month", "weekday"]
                .iter()
                .any(|c| classes.contains(*c))
            {
                ru_stop_stems.insert(st.clone());
            }
            if classes.contains("title") {
                ru_title_stems.insert(st);
            }
        }
        let mut stop_words: [Vec<String>; 3] = Default::default();
        let mut nonname_ends = Vec::new();
        let mut geo_after = Vec::new();
        let mut geo_before = Vec::new();
        let mut org_nouns = Vec::new();
        let mut namesakes = Vec::new();
        let mut org_tails = Vec::new();
        let mut awards = Vec::new();
        let mut plural_place_ends = Vec::new();
        for ((w, l), c) in &tables.words {
            if c.contains("stop")
                || c.contains("title")
                || c.contains("month")
                || c.contains("weekday")
            {
                stop_words[lang_index(*l)].push(w.clone());
                stop_words[2].push(w.clone());
            }
            if c.contains("nonname_end") {
                if let Some(e) = w.strip_prefix('-') {
                    nonname_ends.push((e.to_string(), *l));
                }
            }
            if c.contains("geo_after") {
                geo_after.push((w.clone(), *l));
            }
            if c.contains("geo_before") {
                geo_before.push((w.clone(), *l));
            }
            if c.contains("org_after") || c.contains("org_before") {
                org_nouns.push((w.clone(), *l, c.contains("org_after")));
            }
            if c.contains("namesake") {
                namesakes.push((w.clone(), *l));
            }
            if c.contains("org_tail") {
                org_tails.push((w.clone(), *l));
            }
            if c.contains("award") {
                awards.push((w.clone(), *l, false));
            }
            if c.contains("institution") {
                awards.push((w.clone(), *l, true));
            }
            if c.contains("plural_place") && *l == Lang::Ru {
                if let Some(e) = w.strip_prefix('-') {
                    plural_place_ends.push(e.to_string());
                }
            }
        }
        let for_lang = |l: Lang| {
            tables
                .surname_endings
                .iter()
                .filter(move |e| e.lang.map_or(true, |x| x == l))
        };
        let surname_ends = [Lang::Ru, Lang::Kk, Lang::Other].map(|l| {
            for_lang(l)
                .filter(|e| e.class == "surname" && e.ending.chars().count() >= 2)
                .map(|e| e.ending.clone())
                .collect()
        });
        let surname_end_bytes = surname_ends
            .each_ref()
            .map(|v: &Vec<String>| last_byte_table(v.iter().map(String::as_str)));
        let patronymic_ends = [Lang::Ru, Lang::Kk, Lang::Other].map(|l| {
            for_lang(l)
                .filter(|e| e.class == "patronymic")
                .map(|e| (e.ending.clone(), e.ending.chars().count(), e.gender))
                .collect()
        });
        let patronymic_end_bytes = patronymic_ends
            .each_ref()
            .map(|v: &Vec<(String, usize, _)>| last_byte_table(v.iter().map(|e| e.0.as_str())));
        let kk_title_stops = stop_words.clone().map(|v| {
            v.into_iter()
                .filter(|s| tables.word_is(s, Lang::Kk, "title"))
                .collect()
        });
        let long_stops =
            stop_words.map(|v| v.into_iter().filter(|s| s.chars().count() >= 5).collect());
        let ru_org_prefixes = tables
            .words
            .iter()
            .filter(|((_, l), c)| *l == Lang::Ru && c.contains("org_prefix"))
            .map(|((w, _), _)| w.clone())
            .collect();
        Inner {
            ru_org_prefixes,
            surname_ends,
            surname_end_bytes,
            patronymic_end_bytes,
            patronymic_ends,
            kk_title_stops,
            long_stops,
            nonname_ends,
            geo_after,
            geo_before,
            org_nouns,
            namesakes,
            org_tails,
            awards,
            plural_place_ends,
            ru_stop_stems,
            ru_title_stems,
            place_forms,
            tables,
            gaz,
            places,
            known,
            by_surname,
            by_full,
            given_of,
            roles,
            role_index,
            role_short,
            id: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        }
    }
}

/// Immutable, thread-safe name normalizer, mention finder and gazetteer.
#[derive(Clone, Debug)]
pub struct Names {
    inner: Arc<Inner>,
}

/// The part a word plays in a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Initial,
    Given,
    Patronymic,
    Surname,
}

/// One word of a name, read.
#[derive(Clone, Debug)]
pub(crate) struct WordReading {
    pub lemma: String,
    pub part: Part,
}

/// A name read as a whole.
#[derive(Clone, Debug)]
pub(crate) struct NameReading {
    pub words: Vec<WordReading>,
    pub surname: Option<usize>,
    pub person: Option<usize>,
    pub lang: Lang,
}

/// What the caller knows about the word being read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Hint {
    /// Gender of the person, from an agreeing given name or patronymic.
    pub gender: Option<Gender>,
    /// Whether an agreeing given name shows the nominative (`Some(true)`) or an oblique case.
    pub nominative: Option<bool>,
    /// Whether the name is the subject of the verb after it, so surely in the nominative.
    pub subject: bool,
    /// Whether the word is part of a person's name.
    pub person: bool,
}

/// Evidence from the text a name stands in: the other forms of the same name.
#[derive(Clone, Debug, Default)]
pub(crate) struct Evidence {
    /// The readings of the distinct capitalised forms of the text (each with its folded form).
    forms: Vec<std::rc::Rc<RawReadings>>,
    /// (hash of a lemma, form, reading of that form, weight): every capitalised form of the
    /// text that can be read as the lemma, weighted by that reading's prior relative to the
    /// form's best reading; sorted by hash, in text order within one hash.
    support: Vec<(u64, u32, u32, f32)>,
    /// Surname lemmas read in full names (given name + surname) of the text.
    pub read_names: HashSet<String>,
    /// Surnames the text writes in the plural after two given names joined by «и» (Аркадия и
    /// Бориса Ротенбергов): folded form -> folded masculine singular.
    pub plurals: HashMap<String, String>,
}

/// The readings of a word, compared and looked up by its folded form.
struct ByForm(std::rc::Rc<RawReadings>);

impl std::borrow::Borrow<str> for ByForm {
    fn borrow(&self) -> &str {
        &self.0 .2
    }
}

impl PartialEq for ByForm {
    fn eq(&self, other: &ByForm) -> bool {
        self.0 .2 == other.0 .2
    }
}

impl Eq for ByForm {}

impl std::hash::Hash for ByForm {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // As the folded form itself hashes (`Borrow<str>`).
        self.0 .2.as_str().hash(state);
    }
}

impl Evidence {
    /// Support for `lemma` from forms other than `form`.
    pub(crate) fn support_from_others(&self, lemma: &str, form: &str) -> f32 {
        use std::hash::BuildHasher;
        let h = rustc_hash::FxBuildHasher.hash_one(lemma);
        let from = self.support.partition_point(|e| e.0 < h);
        self.support[from..]
            .iter()
            .take_while(|e| e.0 == h)
            .filter(|e| {
                let rr = &self.forms[e.1 as usize];
                rr.1.get(e.2 as usize).is_some_and(|r| r.0 == lemma) && rr.2 != form
            })
            .map(|e| e.3)
            .sum::<f32>()
            .min(3.0)
    }
}

impl Names {
    /// The gazetteer in use (embedded plus a user's files).
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.inner.gaz
    }

    /// The places the place finder knows.
    pub fn place_entries(&self) -> &[PlaceEntry] {
        &self.inner.places
    }

    /// A gazetteer person by id.
    pub fn entity(&self, id: &str) -> Option<&kzalign_gazetteer::Person> {
        self.inner.gaz.person(id)
    }

    fn tables(&self) -> &Tables {
        &self.inner.tables
    }

    /// Tells this normalizer from every other of the process: the id its remembered answers
    /// are kept under ([`mentions::memo_word`]).
    pub(crate) fn id(&self) -> u64 {
        self.inner.id
    }

    fn known(&self, lemma: &str) -> Option<Known> {
        self.inner.known.get(lemma).copied()
    }

    /// Reads the language from letters: Kazakh-only letters -> Kk, other Cyrillic -> Ru, else Other.
    fn detect(input: &str) -> Lang {
        text::script_lang(input).unwrap_or(Lang::Other)
    }

    /// Raw candidates of one word in its script's grammar: (lemma, prior, gender).
    pub(crate) fn raw_candidates(&self, word: &str, lang: Lang) -> std::rc::Rc<RawReadings> {
        // The readings depend only on the word and the language: computed once per thread.
        mentions::memo_word!(self.id(), lang, word, || -> std::rc::Rc<RawReadings> {
            std::rc::Rc::new(self.raw_candidates_uncached(word, lang))
        })
    }

    fn raw_candidates_uncached(&self, word: &str, lang: Lang) -> RawReadings {
        let w = text::strip_accents(word);
        let lang = match text::script_lang(&w) {
            Some(Lang::Kk) => Lang::Kk,
            Some(Lang::Ru) if lang == Lang::Kk => Lang::Kk,
            Some(Lang::Ru) => Lang::Ru,
            _ => Lang::Other,
        };
        let v = match lang {
            Lang::Ru => ru::candidates(self.tables(), &w)
                .iter()
                .map(|c| (c.lemma.clone(), c.prior, c.gender))
                .collect(),
            Lang::Kk => kk::candidates(self.tables(), &w)
                .iter()
                .filter(|c| !c.lemma.is_empty())
                .map(|c| (c.lemma.clone(), c.prior, None))
                .collect(),
            Lang::Other => vec![(fold(&w), 1.0, None)],
        };
        (lang, v, fold(&w))
    }

    /// Candidate lemmas of one word with scores, best first.
    pub(crate) fn word_candidates(
        &self,
        word: &str,
        lang: Lang,
        hint: Hint,
        ev: Option<&Evidence>,
    ) -> std::rc::Rc<Readings> {
        let plain = ev.is_none()
            && hint.gender.is_none()
            && hint.nominative.is_none()
            && !hint.subject
            && !hint.person;
        if !plain {
            return std::rc::Rc::new(self.word_candidates_uncached(word, lang, hint, ev));
        }
        // Readings without evidence and with the default hint: remembered per thread.
        mentions::memo_word!(self.id(), lang, word, || -> std::rc::Rc<Readings> {
            std::rc::Rc::new(self.word_candidates_uncached(word, lang, hint, ev))
        })
    }

    fn word_candidates_uncached(
        &self,
        word: &str,
        lang: Lang,
        hint: Hint,
        ev: Option<&Evidence>,
    ) -> Vec<(String, f32, Option<Gender>)> {
        let rr = self.raw_candidates(word, lang);
        let (lang, raw, self_form) = (rr.0, &rr.1, rr.2.as_str());
        // `known_name`: the lemma is a known given name, place or surname.
        let bonus = |lemma: &str, known_name: bool| -> f32 {
            let mut b = 1.0;
            if known_name {
                b *= 6.0;
            }
            if let Some(e) = ev {
                b *= 1.0 + e.support_from_others(lemma, self_form);
                if e.read_names.contains(lemma) {
                    b *= 3.0;
                }
            }
            b
        };
        let mut out: Vec<(String, f32, Option<Gender>)> = raw
            .iter()
            .map(|(lemma, prior, g)| {
                let (lemma, prior, g) = (lemma.clone(), *prior, *g);
                // (The feminine of a known surname is known too: Айсулу Токаева.)
                let known_name = self
                    .known(&lemma)
                    .is_some_and(|k| k.given || k.place || k.surname)
                    || g == Some(Gender::F)
                        && hint.gender == Some(Gender::F)
                        && self
                            .known(&masculine_surname(&lemma))
                            .is_some_and(|k| k.surname);
                let (lemma, mut s) = match lang {
                    Lang::Ru => {
                        let c = ru::Candidate {
                            lemma,
                            gender: g,
                            prior,
                        };
                        let s = ru::score(
                            &c,
                            bonus(&c.lemma, known_name),
                            ru::Context {
                                gender: hint.gender,
                            },
                        );
                        (c.lemma, s)
                    }
                    _ => {
                        let s = prior * bonus(&lemma, known_name);
                        (lemma, s)
                    }
                };
                // A known nominative reached by a rare reading (Чечне -> Чечня) still beats an
                // unknown one reached by a common reading.
                if known_name {
                    s = s.max(prior + 0.5);
                }
                let identity = lemma == self_form;
                // Only Russian given names agree in case with the surname; in Kazakh only the
                // last word of a name takes the case suffix, and a Kazakh name is read as
                // surely nominative only when the mention finder says so (Свами Вивекананда).
                match hint.nominative.filter(|_| lang == Lang::Ru || hint.subject) {
                    Some(true) if identity => s *= if hint.subject { 8.0 } else { 2.5 },
                    Some(false) if identity => s *= 0.5,
                    _ => {}
                }
                // A man's surname in -а is more often a genitive (Буша, Колчака) than the
                // nominatives in -ка/-ша that place names favour.
                if hint.person
                    && lang == Lang::Ru
                    && hint.gender != Some(Gender::F)
                    && !identity
                    && self_form.ends_with('а')
                    && lemma.chars().last().is_some_and(|c| !text::is_vowel(c))
                {
                    s *= 1.15;
                }
                if hint.person && lang == Lang::Ru && self_form.ends_with('е') {
                    // Persons rarely stand in the prepositional case; foreign names in -е
                    // (Моне, Блашке) are common.
                    if identity {
                        s *= 1.6;
                    } else if lemma.chars().last().is_some_and(|c| !text::is_vowel(c)) {
                        s *= 0.45;
                    }
                }
                (lemma, s, g)
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1));
        out
    }

    /// The best lemma (lower-case, folded) of one word.
    pub(crate) fn word_lemma(
        &self,
        word: &str,
        lang: Lang,
        hint: Hint,
        ev: Option<&Evidence>,
    ) -> String {
        self.word_candidates(word, lang, hint, ev)
            .first()
            .map(|c| c.0.clone())
            .unwrap_or_else(|| fold(word))
    }

    /// How many of a word's first readings may show it as a patronymic closing a name after a
    /// given name (Ивановича, whose first reading alone is a word in -а). The mention finder
    /// keeps such a name whole ([`Names::patronymic_among`] with this many) and the reader then
    /// reads the word as the patronymic, so both ask the same readings.
    pub(crate) const PATRONYMIC_READINGS: usize = 3;

    /// The gender [`Names::patronymic_gender`] gives the first of the first `n` `readings`
    /// that is a patronymic, if any.
    pub(crate) fn patronymic_among(
        &self,
        readings: &[(String, f32, Option<Gender>)],
        n: usize,
        lang: Lang,
    ) -> Option<Option<Gender>> {
        readings
            .iter()
            .take(n)
            .find_map(|(l, _, _)| self.patronymic_gender(l, lang))
    }

    pub(crate) fn patronymic_gender(&self, lemma: &str, lang: Lang) -> Option<Option<Gender>> {
        // Most words end in no ending's last byte.
        let last = usize::from(*lemma.as_bytes().last().unwrap_or(&0));
        if !self.inner.patronymic_end_bytes[lang_index(lang)][last] {
            return None;
        }
        self.inner.patronymic_ends[lang_index(lang)]
            .iter()
            .find(|(e, n, _)| {
                // The last bytes first: most endings differ there, told without a compare call.
                e.as_bytes()
                    .last()
                    .map_or(true, |b| lemma.as_bytes().last() == Some(b))
                    && lemma.ends_with(e.as_str())
                    && lemma.chars().count() > n + 2
            })
            .map(|e| e.2)
    }

    fn is_initial(w: &str) -> bool {
        // Letters are counted only as far as the answer needs: four with a dot, two without.
        let dot = w.ends_with('.');
        let letters = w
            .chars()
            .filter(|c| text::is_alpha(*c))
            .take(if dot { 4 } else { 2 })
            .count();
        dot && letters <= 3 || letters == 1 && text::is_capitalized(w)
    }

    /// Builds the evidence of a text: the support each lemma gets from the text's capitalised
    /// forms, and the surnames read in full names (a known given name followed by a word).
    pub(crate) fn evidence(&self, text: &str, lang: Lang) -> Evidence {
        self.evidence_of(text, &text::tokenize(text), lang)
    }

    /// [`Names::evidence`] of a text already split into `tokens` (`text::tokenize(text)`).
    pub(crate) fn evidence_of(&self, text: &str, tokens: &[text::Token], lang: Lang) -> Evidence {
        use std::hash::BuildHasher;
        let mut ev = Evidence::default();
        let mut seen: HashSet<ByForm> = HashSet::default();
        // About one word in eight is a distinct capitalised form, with a few readings each.
        seen.reserve(tokens.len() / 8);
        ev.support.reserve(tokens.len() / 3);
        for t in tokens {
            // A word that opens with a lower-case letter (no accent mark) is not capitalised
            // without its marks either: told without stripping them.
            if text::opens_upper(t.text) == Some(false) {
                continue;
            }
            let w = text::strip_accents(t.text);
            if !text::is_capitalized(&w) || text::is_all_caps(&w) {
                continue;
            }
            // The readings (remembered per thread) carry the folded form.
            let rr = self.raw_candidates(&w, lang);
            if seen.contains(rr.2.as_str()) {
                continue;
            }
            seen.insert(ByForm(rr.clone()));
            let raw = &rr.1;
            let max = raw.iter().map(|c| c.1).fold(0.0f32, f32::max);
            if max <= 0.0 {
                continue;
            }
            let fi = ev.forms.len() as u32;
            for (ri, (l, p, _)) in raw.iter().enumerate() {
                let h = rustc_hash::FxBuildHasher.hash_one(l.as_str());
                ev.support.push((h, fi, ri as u32, p / max));
            }
            ev.forms.push(rr.clone());
        }
        // By hash; forms and readings in text order within one hash.
        ev.support.sort_unstable_by_key(|e| (e.0, e.1, e.2));
        // Full names: a known given name, then a capitalised word after a space.
        let mut reads = HashSet::default();
        // The reading of a pair depends only on its two words: each pair is read once.
        let mut pairs: HashSet<(&str, &str)> = HashSet::default();
        pairs.reserve(tokens.len() / 16);
        for pair in tokens.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if !text::is_capitalized(a.text)
                || !text::is_capitalized(b.text)
                || text::is_all_caps(b.text)
            {
                continue;
            }
            if text.get(a.span.end..b.span.start) != Some(" ") {
                continue;
            }
            if !pairs.insert((a.text, b.text)) {
                continue;
            }
            let given = self
                .word_candidates(a.text, lang, Hint::default(), None)
                .iter()
                .take(2)
                .any(|c| self.is_given(&c.0));
            if !given {
                continue;
            }
            let words = [a.text, b.text];
            let rl = match lang {
                Lang::Other => Self::detect(&words.join(" ")),
                l => l,
            };
            // Pairs repeat across texts: read without evidence (when it bears on neither word)
            // once per thread.
            let surname = if self.evidence_bears_on_words(&words, rl, &ev) {
                self.surname_after_given(&words, lang, Some(&ev))
            } else {
                let key = words.join(" ");
                mentions::memo_word!(self.id(), lang, &key, || -> Option<String> {
                    self.surname_after_given(&words, lang, None)
                })
            };
            reads.extend(surname);
        }
        ev.read_names = reads;
        if lang == Lang::Ru {
            ev.plurals = self.plural_surnames(text, tokens);
        }
        ev
    }

    /// The surnames written in the plural after two given names joined by «и», both in the
    /// nominative or both in an oblique case (Аркадий и Борис Ротенберги, Аркадия и Бориса
    /// Ротенбергов): folded form -> folded masculine singular.
    fn plural_surnames(&self, text: &str, tokens: &[text::Token]) -> HashMap<String, String> {
        let mut out = HashMap::default();
        // Some(nominative) when the word reads as a given name.
        let given_case = |w: &str| -> Option<bool> {
            let cands = self.word_candidates(w, Lang::Ru, Hint::default(), None);
            let g = cands.iter().take(2).find(|c| self.is_given(&c.0))?;
            Some(g.0 == fold(&text::strip_accents(w)))
        };
        for q in tokens.windows(4) {
            let (a, and, b, c) = (&q[0], &q[1], &q[2], &q[3]);
            if and.text != "и"
                || !text::is_capitalized(c.text)
                || text::is_all_caps(c.text)
                || !text::is_capitalized(b.text)
                || !text::is_capitalized(a.text)
                || text.get(b.span.end..c.span.start) != Some(" ")
            {
                continue;
            }
            let Some(nominative) = given_case(b.text) else {
                continue;
            };
            if given_case(a.text) != Some(nominative) {
                continue;
            }
            if let Some(l) = ru::plural_surname(self.tables(), c.text, nominative) {
                out.insert(fold(&text::strip_accents(c.text)), l);
            }
        }
        out
    }

    /// The folded surname lemma of a given name and a word read as a full name, if the second
    /// word reads as the surname.
    fn surname_after_given(
        &self,
        words: &[&str; 2],
        lang: Lang,
        ev: Option<&Evidence>,
    ) -> Option<String> {
        let r = self.read_name(words, lang, ev, true, false);
        let sw = r.surname.and_then(|i| r.words.get(i))?;
        (sw.part == Part::Surname && r.surname == Some(1)).then(|| fold(&sw.lemma))
    }

    fn is_particle_word(&self, w: &str) -> bool {
        mentions::memo_word!(self.id(), Lang::Other, w, || {
            let f = fold(w);
            !text::is_all_caps(w)
                && [Lang::Ru, Lang::Kk]
                    .iter()
                    .any(|l| self.tables().word_is(&f, *l, "particle"))
        })
    }

    fn is_listed_given(&self, lemma: &str) -> bool {
        self.known(lemma).is_some_and(|k| k.listed_given)
    }

    fn is_given(&self, lemma: &str) -> bool {
        self.known(lemma).is_some_and(|k| k.given)
    }

    fn is_surname_first(&self, w: &str) -> bool {
        mentions::memo_word!(self.id(), Lang::Other, w, || {
            let mut forms = vec![fold(w)];
            forms.extend(
                self.word_candidates(w, Self::detect(w), Hint::default(), None)
                    .iter()
                    .take(2)
                    .map(|c| c.0.clone()),
            );
            forms.iter().any(|f| {
                [Lang::Ru, Lang::Kk]
                    .iter()
                    .any(|l| self.tables().word_is(f, *l, "surname_first"))
            })
        })
    }

    /// Whether the words after an East Asian surname look like an East Asian given name: one
    /// short word, or one spelled with the letters of the Palladius / Kontsevich transcriptions
    /// (Цзиньпин, Дэмин), not a Western name (Ли Ньюман); of several words, the first is such a
    /// syllable (Ким Чен Ын, Нгуен Суан Фук), not a given name of another tradition (Хуан Пабло
    /// Монтойя). Only the last word can carry a Kazakh suffix, so it is not asked.
    fn east_asian_given(rest: &[&str]) -> bool {
        let limit = if rest.len() > 1 { 4 } else { 3 };
        rest.first().is_some_and(|w| {
            let f = fold(w);
            f.chars().count() <= limit || ["цз", "чж", "э", "ы"].iter().any(|m| f.contains(m))
        })
    }

    /// Whether a lemma of five or more letters ends in a surname ending of `lang`.
    pub(crate) fn has_surname_ending(&self, lemma: &str, lang: Lang) -> bool {
        // The last byte first: most words end in no ending's last byte.
        let li = lang_index(lang);
        lemma
            .as_bytes()
            .last()
            .is_some_and(|b| self.inner.surname_end_bytes[li][usize::from(*b)])
            && lemma.chars().count() >= 5
            && self.inner.surname_ends[li]
                .iter()
                .any(|e| lemma.ends_with(e.as_str()))
    }

    /// Reads a whole name (words in text order).
    pub(crate) fn read_name(
        &self,
        words: &[&str],
        lang: Lang,
        ev: Option<&Evidence>,
        person: bool,
        subject: bool,
    ) -> NameReading {
        let lang = match lang {
            Lang::Other => Self::detect(&words.join(" ")),
            l => l,
        };
        let n = words.len();
        // Readings of word `i` with a hint and the evidence, each computed once per name.
        #[allow(clippy::type_complexity)]
        let memo: std::cell::RefCell<Vec<(usize, Hint, std::rc::Rc<Readings>)>> =
            Default::default();
        let cands_of = |i: usize, h: Hint| -> std::rc::Rc<Readings> {
            let hit = memo
                .borrow()
                .iter()
                .find(|e| e.0 == i && e.1 == h)
                .map(|e| e.2.clone());
            hit.unwrap_or_else(|| {
                let c = self.word_candidates(words[i], lang, h, ev);
                memo.borrow_mut().push((i, h, c.clone()));
                c
            })
        };
        // `word_lemma` of word `i`.
        let lemma_of = |i: usize, h: Hint| -> String {
            cands_of(i, h)
                .first()
                .map(|c| c.0.clone())
                .unwrap_or_else(|| fold(words[i]))
        };
        let mut parts = vec![Part::Surname; n];
        let mut gender: Option<Gender> = None;
        // A subject before its verb is in the nominative; otherwise a given name may show the case.
        let mut nominative = subject.then_some(true);
        // Endings an agreeing surname may have, from an inflected given name.
        let mut oblique_ends: Option<Vec<String>> = None;
        // First pass: initials, given names and patronymics (they fix gender and case).
        for (i, w) in words.iter().enumerate() {
            // Initials and name particles (фон, де, бин) stay as written and are never the surname.
            if Self::is_initial(w) || i + 1 < n && self.is_particle_word(w) {
                parts[i] = Part::Initial;
                continue;
            }
            let cands = self.word_candidates(w, lang, Hint::default(), None);
            if n > 1 && !(i == 0 && self.is_surname_first(w)) {
                let mut pick = cands
                    .iter()
                    .take(3)
                    .find(|c| self.is_listed_given(&c.0))
                    .or_else(|| cands.first().filter(|c| self.is_given(&c.0) && i + 1 < n));
                // «Ивана Живкович»: an oblique masculine reading of the given name needs an
                // inflected surname; with a consonant-final last word the given name is the
                // nominative of a feminine one.
                if lang == Lang::Ru && i + 1 < n {
                    if let Some(p) = pick {
                        let form = fold(&text::strip_accents(w));
                        let last_word = fold(&text::strip_accents(words[n - 1]));
                        let masc_oblique = p.0 != form
                            && self.known(&p.0).and_then(|k| k.gender) == Some(Gender::M);
                        let bare_surname = last_word
                            .chars()
                            .last()
                            .is_some_and(|c| !text::is_vowel(c) && c != 'й' && c != 'м');
                        if masc_oblique && bare_surname && self.is_listed_given(&form) {
                            pick = cands.iter().find(|c| c.0 == form);
                        }
                    }
                }
                if let Some((l, _, _)) = pick {
                    parts[i] = Part::Given;
                    if gender.is_none() {
                        gender = self.known(l).and_then(|k| k.gender);
                    }
                    // Hyphenated given names (Жан-Поль) often stay undeclined: no evidence.
                    if nominative.is_none() && !w.contains('-') {
                        let form = fold(&text::strip_accents(w));
                        let last = form.chars().last().unwrap_or(' ');
                        if *l == form {
                            let fem_nom = gender == Some(Gender::F) && matches!(last, 'а' | 'я');
                            if !text::is_vowel(last) || fem_nom {
                                nominative = Some(true);
                            }
                        } else {
                            nominative = Some(false);
                            let g = self.known(l).and_then(|k| k.gender);
                            oblique_ends = self
                                .tables()
                                .agreement
                                .iter()
                                .filter(|(e, eg, _)| {
                                    form.ends_with(e.as_str()) && (eg.is_none() || *eg == g)
                                })
                                .max_by_key(|(e, _, _)| e.len())
                                .map(|(_, _, v)| v.clone());
                        }
                    }
                    continue;
                }
            }
            // A patronymic: the first reading, or, closing a name after a given name, one of the
            // first few (Иванова Ивана Ивановича).
            let after_given = i > 0 && i + 1 == n && parts[i - 1] == Part::Given;
            let readings = if after_given {
                Self::PATRONYMIC_READINGS
            } else {
                1
            };
            let patronymic = self.patronymic_among(&cands, readings, lang);
            if let Some(g) = patronymic {
                parts[i] = Part::Patronymic;
                gender = gender.or(g);
            }
        }
        // The surname: East Asian surnames stand first; otherwise the last word that is not a
        // given name, patronymic or initial; with only given names, the last word.
        let mut surname = None;
        if n > 1 && self.is_surname_first(words[0]) && Self::east_asian_given(&words[1..]) {
            parts[0] = Part::Surname;
            surname = Some(0);
            for p in parts.iter_mut().skip(1) {
                if *p == Part::Surname {
                    *p = Part::Given;
                }
            }
        }
        // Two unknown words: given name first, as running text writes it (Телониуса Монка).
        if surname.is_none()
            && n == 2
            && parts == [Part::Surname, Part::Surname]
            && lang == Lang::Ru
        {
            let w = words[0];
            if !w.contains('-') {
                let form = fold(&text::strip_accents(w));
                let l0 = lemma_of(0, Hint::default());
                if !self.has_surname_ending(&l0, lang) {
                    parts[0] = Part::Given;
                    if l0 != form {
                        nominative = Some(false);
                    }
                }
            }
        }
        if surname.is_none() {
            let cands: Vec<usize> = (0..n).filter(|&i| parts[i] == Part::Surname).collect();
            surname = cands.last().copied();
            // «Йоахим Лёв»: a given name last after a word without a surname ending is the surname.
            if n == 2 && parts[1] == Part::Given && parts[0] == Part::Surname {
                let l0 = lemma_of(0, Hint::default());
                if !self.has_surname_ending(&l0, lang) {
                    parts[0] = Part::Given;
                    parts[1] = Part::Surname;
                    surname = Some(1);
                }
            }
        }
        // «Яков Милатович», «Ивана Живкович»: a given name and a word in -вич alone is a
        // Balkan surname (a Russian name and patronymic is resolved through the gazetteer).
        if surname.is_none() && n == 2 && parts[0] == Part::Given && parts[1] == Part::Patronymic {
            parts[1] = Part::Surname;
            surname = Some(1);
        }
        if surname.is_none() {
            surname = (0..n).rev().find(|&i| parts[i] != Part::Initial);
            if let Some(s) = surname {
                if n > 1 && parts[s] == Part::Given {
                    parts[s] = Part::Surname;
                }
            }
        }
        let hint = Hint {
            gender,
            nominative,
            subject,
            person: person || n > 1,
        };
        let mut reading = NameReading {
            words: Vec::with_capacity(n),
            surname,
            person: None,
            lang,
        };
        for (i, w) in words.iter().enumerate() {
            // In Kazakh only the last word of a name takes a suffix: the others stand as written.
            let bare_kk = lang == Lang::Kk && i + 1 < n;
            let lemma = match parts[i] {
                Part::Initial => w.to_string(),
                _ if bare_kk => text::recase(w, &fold(w)),
                Part::Given => {
                    let c = cands_of(
                        i,
                        Hint {
                            nominative: None,
                            ..hint
                        },
                    );
                    c.iter()
                        .find(|c| self.is_given(&c.0))
                        .or(c.first())
                        .map(|c| text::recase(w, &c.0))
                        .unwrap_or_else(|| w.to_string())
                }
                Part::Patronymic => text::recase(
                    w,
                    &lemma_of(
                        i,
                        Hint {
                            nominative: None,
                            ..hint
                        },
                    ),
                ),
                Part::Surname => {
                    // An oblique given name with a surname that cannot carry that case's
                    // ending: the surname is indeclinable (Клода Моне, Иваны Живкович).
                    let mut h = hint;
                    if let (Some(false), Some(ends)) = (hint.nominative, &oblique_ends) {
                        let f = fold(&text::strip_accents(w));
                        if !ends.iter().any(|e| f.ends_with(e.as_str())) {
                            h.nominative = Some(true);
                        }
                    }
                    // A surname the text writes in the plural after two given names.
                    let plural = ev
                        .filter(|_| lang == Lang::Ru)
                        .and_then(|e| e.plurals.get(&fold(&text::strip_accents(w))));
                    match plural {
                        Some(l) if hint.gender == Some(Gender::F) => {
                            text::recase(w, &feminine_surname(l))
                        }
                        Some(l) => text::recase(w, l),
                        None => text::recase(w, &lemma_of(i, h)),
                    }
                }
            };
            reading.words.push(WordReading {
                lemma,
                part: parts[i],
            });
        }
        reading.person = self.resolve(&reading, lang, hint, &cands_of);
        if let (Some(p), Some(s)) = (reading.person, surname) {
            // The gazetteer's surname form wins when it is one of the candidates.
            let person = &self.inner.gaz.persons()[p];
            let forms: Vec<&String> = match lang {
                Lang::Kk => person.kk.iter().collect(),
                Lang::Ru => person.ru.iter().collect(),
                Lang::Other => person.latin.iter().collect(),
            };
            let cands = cands_of(s, hint);
            for (c, _, _) in cands.iter() {
                if let Some(f) = forms
                    .iter()
                    .filter_map(|f| f.split_whitespace().last())
                    .find(|f| fold(f) == *c)
                {
                    reading.words[s].lemma = text::recase(words[s], &fold(f));
                    break;
                }
            }
        }
        reading
    }

    /// The gazetteer person a reading names, if exactly one fits.
    /// `cands_of(i, hint)`: the readings of word `i` with `hint` and the name's evidence.
    fn resolve(
        &self,
        r: &NameReading,
        lang: Lang,
        hint: Hint,
        cands_of: &dyn Fn(usize, Hint) -> std::rc::Rc<Readings>,
    ) -> Option<usize> {
        // Given name and patronymic without a surname (Владимир Владимирович): a gazetteer
        // form that starts with both.
        if r.words.len() == 2
            && r.words[0].part == Part::Given
            && self
                .patronymic_gender(&fold(&r.words[1].lemma), lang)
                .is_some()
        {
            let want: Vec<String> = r.words.iter().map(|w| fold(&w.lemma)).collect();
            // Depends only on the two words and the gazetteer: remembered per thread.
            let key = want.join("\t");
            let one = mentions::memo_word!(self.id(), Lang::Other, &key, || -> Option<usize> {
                let hits: Vec<usize> = self
                    .inner
                    .gaz
                    .persons()
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        p.ru.iter().chain(p.kk.iter()).any(|f| {
                            let t: Vec<String> = f.split_whitespace().map(fold).collect();
                            t.len() == 3 && t[..2] == want[..]
                        })
                    })
                    .map(|(i, _)| i)
                    .collect();
                (hits.len() == 1).then(|| hits[0])
            });
            if let Some(p) = one {
                return Some(p);
            }
        }
        // A whole-name match (the lemmas of every word) settles it when it names one person.
        if r.words.len() >= 2 {
            let full: Vec<String> = r.words.iter().map(|w| skeleton_memo(&w.lemma)).collect();
            if let Some([p]) = self.inner.by_full.get(&full.join(" ")).map(Vec::as_slice) {
                return Some(*p);
            }
        }
        let s = r.surname?;
        if r.words.get(s).is_some_and(|w| w.part == Part::Patronymic) {
            return None;
        }
        let cands = cands_of(s, hint);
        // Given names and initials, each with whether it is an initial.
        let givens: Vec<(String, bool)> = r
            .words
            .iter()
            .filter(|w| w.part == Part::Given || w.part == Part::Initial)
            .map(|w| (skeleton_memo(&w.lemma), w.part == Part::Initial))
            .collect();
        for (lemma, score, _) in cands.iter().take(4) {
            if *score <= 0.0 {
                continue;
            }
            // Short surnames (Ли, Ким, Ёль / Ел) resolve only with a given name or an initial.
            if givens.is_empty() && lemma.chars().count() <= 3 {
                continue;
            }
            let Some(ps) = self.inner.by_surname.get(&skeleton_memo(lemma)) else {
                continue;
            };
            let fits: Vec<usize> = ps
                .iter()
                .copied()
                .filter(|&p| {
                    givens.is_empty()
                        || givens.iter().any(|(g, initial)| {
                            // An initial agrees with its first letter; a written given name
                            // with a spelling of it or of one part of a hyphenated one (Франк
                            // for Франк-Вальтер; Самат is no Серик Ахметов).
                            self.inner.given_of[p].iter().any(|k| {
                                k == g
                                    || if *initial {
                                        k.chars().next() == g.chars().next()
                                    } else {
                                        k.split('-').any(|part| key::skeletons_match(part, g))
                                    }
                            })
                        })
                })
                .collect();
            if fits.len() == 1 {
                return Some(fits[0]);
            }
            if !fits.is_empty() {
                return None;
            }
        }
        None
    }

    fn latin_of(&self, lemma: &str, lang: Lang) -> String {
        let scheme = match lang {
            Lang::Kk => "kk-latin-2021",
            Lang::Ru => "ru-bgn",
            Lang::Other => return lemma.to_string(),
        };
        mentions::memo_word!(self.id(), lang, lemma, || -> String {
            kzalign_translit::transliterate(lemma, scheme).unwrap_or_else(|_| lemma.to_string())
        })
    }

    /// Key, entity and canonical of a reading.
    fn finish(&self, r: &NameReading) -> (String, String, Option<String>, Option<String>) {
        let lemma = r
            .words
            .iter()
            .map(|w| w.lemma.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let latin = self.latin_of(&lemma, r.lang);
        if let Some(p) = r.person {
            let person = &self.inner.gaz.persons()[p];
            return (
                lemma,
                latin,
                Some(person.id.clone()),
                Some(person.canonical.clone()),
            );
        }
        (lemma, latin, None, None)
    }

    /// The one gazetteer person whose form is exactly these words (dictionary forms, in
    /// order: Қасым-Жомарт Тоқаев), if any.
    pub(crate) fn full_name_person(&self, lemmas: &[String]) -> Option<usize> {
        let key: Vec<String> = lemmas.iter().map(|l| skeleton_memo(l)).collect();
        match self.inner.by_full.get(&key.join(" ")).map(Vec::as_slice) {
            Some([p]) => Some(*p),
            _ => None,
        }
    }

    fn key_of(r: &NameReading, entity: Option<&String>) -> String {
        if let Some(e) = entity {
            return e.clone();
        }
        let s = r
            .surname
            .and_then(|i| r.words.get(i))
            .map(|w| w.lemma.as_str())
            .unwrap_or("");
        skeleton_memo(&masculine_surname(&fold(s))).replace(['-', ' '], "")
    }

    /// Normalizes one name (one word or a full name); `lang` `Other` means detect the
    /// language from its letters (Kazakh-only letters -> kk, other Cyrillic -> ru, else Latin).
    pub fn normalize(&self, input: &str, lang: Lang) -> Normalized {
        // Names repeat across texts: each is read once per thread.
        mentions::memo_word!(self.id(), lang, input, || -> Normalized {
            self.normalize_uncached(input, lang)
        })
    }

    fn normalize_uncached(&self, input: &str, lang: Lang) -> Normalized {
        let first = self.normalize_in(input, lang, None, false, false);
        // Auto: a Cyrillic name without Kazakh letters reads as Russian; when that finds no
        // entity but the Kazakh reading does (Гутерришпен, Путинмен), the Kazakh reading wins.
        if lang == Lang::Other && first.lang == Lang::Ru && first.entity_id.is_none() {
            let kk = self.normalize_in(input, Lang::Kk, None, false, false);
            if kk.entity_id.is_some() {
                return kk;
            }
        }
        first
    }

    pub(crate) fn normalize_in(
        &self,
        input: &str,
        lang: Lang,
        ev: Option<&Evidence>,
        person: bool,
        subject: bool,
    ) -> Normalized {
        // With evidence, the name's words are read once: to ask whether the evidence bears on
        // them, and then to read the name.
        let prepared = ev.map(|e| {
            let (clean, rl) = Self::prepare(input, lang);
            let bears = {
                let words: Vec<&str> = clean.split_whitespace().collect();
                self.evidence_bears_on_words(&words, rl, e)
            };
            (clean, rl, bears.then_some(e))
        });
        let ev = prepared.as_ref().and_then(|p| p.2);
        if ev.is_none() && person && !subject {
            // Person names read without evidence (names repeat across texts): remembered.
            return mentions::memo_word!(self.id(), lang, input, || -> Normalized {
                self.normalize_read(input, lang, None, true, false)
            });
        }
        match &prepared {
            Some((clean, rl, _)) => self.normalize_words(input, clean, *rl, ev, person, subject),
            None => self.normalize_read(input, lang, ev, person, subject),
        }
    }

    /// A name's text with its accent marks stripped, and the language to read it in (`lang`, or
    /// told from its letters when `Other`).
    fn prepare(input: &str, lang: Lang) -> (std::borrow::Cow<'_, str>, Lang) {
        let clean = text::then(text::strip_accents(input), text::unglue);
        let clean = text::then(clean, text::unglue_initials);
        let lang = match lang {
            Lang::Other => Self::detect(&clean),
            l => l,
        };
        (clean, lang)
    }

    /// Whether the evidence can change a reading of `input`: it supports a lemma of one of its
    /// words from another form of the text, or read one as a surname in a full name. When it does
    /// not, every factor it puts on a reading's score is 1 ([`Names::word_candidates`]).
    #[cfg(test)]
    fn evidence_bears_on(&self, input: &str, lang: Lang, ev: &Evidence) -> bool {
        let (clean, lang) = Self::prepare(input, lang);
        let words: Vec<&str> = clean.split_whitespace().collect();
        self.evidence_bears_on_words(&words, lang, ev)
    }

    /// Whether the evidence bears on the words a name is read from in `lang` (as
    /// [`Names::read_name`] reads them, its language told).
    pub(crate) fn evidence_bears_on_words(
        &self,
        words: &[&str],
        lang: Lang,
        ev: &Evidence,
    ) -> bool {
        words.iter().any(|w| {
            let rr = self.raw_candidates(w, lang);
            ev.plurals.contains_key(&rr.2)
                || rr.1.iter().any(|(l, _, _)| {
                    ev.support_from_others(l, &rr.2) != 0.0 || ev.read_names.contains(l)
                })
        })
    }

    fn normalize_read(
        &self,
        input: &str,
        lang: Lang,
        ev: Option<&Evidence>,
        person: bool,
        subject: bool,
    ) -> Normalized {
        let (clean, lang) = Self::prepare(input, lang);
        self.normalize_words(input, &clean, lang, ev, person, subject)
    }

    /// [`Names::normalize_read`] of `input` once prepared ([`Names::prepare`]) as `clean` in
    /// `lang`.
    fn normalize_words(
        &self,
        input: &str,
        clean: &str,
        lang: Lang,
        ev: Option<&Evidence>,
        person: bool,
        subject: bool,
    ) -> Normalized {
        let words: Vec<&str> = clean.split_whitespace().collect();
        if words.is_empty() {
            return Normalized {
                input: input.to_string(),
                lang,
                lemma: String::new(),
                key: String::new(),
                latin: String::new(),
                entity_id: None,
                canonical: None,
            };
        }
        let r = self.read_name(&words, lang, ev, person, subject);
        let (lemma, latin, entity_id, canonical) = self.finish(&r);
        let key = Self::key_of(&r, entity_id.as_ref());
        Normalized {
            input: input.to_string(),
            lang,
            lemma,
            key,
            latin,
            entity_id,
            canonical,
        }
    }

    /// Finds person mentions (kind `Person`) in running text; byte spans index `text`.
    /// `lang` `Other` reads the language from the letters of the text.
    pub fn mentions(&self, text: &str, lang: Lang) -> Vec<Mention> {
        mentions::persons(self, text, lang)
    }

    /// Finds places (cities, countries, regions) in running text in any case form
    /// (`в Нью-Йорке`, `Нью-Йоркте`, `в Казани`, `Астанада`, `Астаны`); `canonical` is the
    /// canonical English name and `entity_id` the place id.
    pub fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
        mentions::places(self, text, lang)
    }

    /// Finds role phrases in any case form (`Главой государства`, `Мемлекет басшысының`,
    /// `Генеральному секретарю ООН`) and resolves each through the gazetteer's dated roles to
    /// the holder on `date` (the current holder when `None`). Kind `Person`, the span is the
    /// role phrase; entity, canonical and key are the holder's. When a person name follows the
    /// phrase immediately, the name decides the entity (see the crate documentation).
    pub fn role_mentions(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention> {
        mentions::roles(self, text, lang, date)
    }

    /// The same as [`Names::role_mentions`] of `text[within]` (spans index the slice) when
    /// `persons` are its person mentions (a caller that has them, such as the article's mentions
    /// that fall in a sentence, their spans moved to index the slice): the name right after a
    /// role phrase is looked for there. The words of `text` are found once for the slices of
    /// one text asked about in turn (the sentences of an article).
    pub fn role_mentions_within(
        &self,
        text: &str,
        within: Span,
        lang: Lang,
        date: Option<NaiveDate>,
        persons: &[Mention],
    ) -> Vec<Mention> {
        mentions::roles_within(self, text, within, lang, date, persons)
    }

    /// All persons of a text: name mentions plus role phrases that stand alone (a role phrase
    /// immediately followed by a name is dropped: the name stands for it), in text order.
    pub fn person_mentions(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention> {
        let mut out = self.mentions(text, lang);
        let roles = mentions::roles_with(self, text, lang, date, &out);
        for r in roles {
            let apposed = out.iter().any(|m| {
                m.span.start >= r.span.end
                    && text
                        .get(r.span.end..m.span.start)
                        .is_some_and(|gap| gap.trim().is_empty() && gap.len() <= 3)
            });
            if !apposed && !out.iter().any(|m| m.span.overlaps(&r.span)) {
                out.push(r);
            }
        }
        out.sort_by_key(|m| m.span);
        out
    }

    /// Transliterates `text` with a named scheme (see [`Names::schemes`]).
    pub fn transliterate(&self, text: &str, scheme: &str) -> Result<String, Error> {
        kzalign_translit::transliterate(text, scheme)
    }

    /// The names of the transliteration schemes.
    pub fn schemes(&self) -> Vec<&'static str> {
        kzalign_translit::schemes().to_vec()
    }

    /// Runs one regression case: `check` names what is checked. Returns the actual value, or
    /// `None` when this crate does not know that check.
    ///
    /// | check | input | value |
    /// |---|---|---|
    /// | `lemma` | a name | [`Normalized::lemma`] |
    /// | `key` | a name | [`Normalized::key`] |
    /// | `entity` | a name | entity id or empty |
    /// | `latin` | a name | [`Normalized::latin`] |
    /// | `word` | one word | the word's dictionary form alone, lower-case |
    /// | `same` | two names separated by ` = ` | `true` when their keys match ([`keys_match`]) |
    /// | `mentions` | running text | `lemma/key` of each person mention, `; `-separated |
    /// | `place` | running text | place ids found, `; `-separated |
    /// | `role:<YYYY-MM-DD>` or `role:current` | running text | holder ids of its role phrases |
    pub fn check_case(&self, check: &str, lang: Lang, input: &str) -> Option<String> {
        if let Some(d) = check.strip_prefix("role:") {
            let date = if d == "current" {
                None
            } else {
                Some(NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?)
            };
            return Some(join(
                self.role_mentions(input, lang, date)
                    .iter()
                    .map(|m| m.entity_id.clone().unwrap_or_default()),
            ));
        }
        Some(match check {
            "lemma" => self.normalize(input, lang).lemma,
            "key" => self.normalize(input, lang).key,
            "entity" => self.normalize(input, lang).entity_id.unwrap_or_default(),
            "latin" => self.normalize(input, lang).latin,
            "canonical" => self.normalize(input, lang).canonical.unwrap_or_default(),
            "word" => {
                let l = match lang {
                    Lang::Other => Self::detect(input),
                    l => l,
                };
                self.word_lemma(input.trim(), l, Hint::default(), None)
            }
            "same" => {
                let (a, b) = input.split_once(" = ")?;
                let ka = self.normalize(a, lang).key;
                let kb = self.normalize(b, Lang::Other).key;
                keys_match(&ka, &kb).to_string()
            }
            "mentions" => join(
                self.mentions(input, lang)
                    .iter()
                    .map(|m| format!("{}/{}", m.lemma, m.key)),
            ),
            "place" => join(
                self.places(input, lang)
                    .iter()
                    .map(|m| m.entity_id.clone().unwrap_or_default()),
            ),
            _ => return None,
        })
    }
}

/// The masculine form of a feminine surname (`Иванова` -> `Иванов`, `Ковалевская` ->
/// `Ковалевский`), so that a key does not depend on the bearer's gender or on the
/// `Иванова` (feminine nominative / masculine genitive) ambiguity. Other words are unchanged.
pub(crate) fn masculine_surname(lemma: &str) -> String {
    regender(lemma, true)
}

/// The feminine of a masculine surname lemma (`иванов` -> `иванова`); other surnames as they
/// are (`ротенберг`).
pub(crate) fn feminine_surname(lemma: &str) -> String {
    regender(lemma, false)
}

/// A surname lemma with its feminine ending made masculine (`to_masculine`) or the other way
/// round ([`SURNAME_GENDER_FORMS`]), when three letters or more stay before it.
fn regender(lemma: &str, to_masculine: bool) -> String {
    for (f, m) in SURNAME_GENDER_FORMS {
        let (from, to) = if to_masculine { (f, m) } else { (m, f) };
        if let Some(stem) = lemma.strip_suffix(from) {
            if stem.chars().count() >= 3 {
                return format!("{stem}{to}");
            }
        }
    }
    lemma.to_string()
}

/// Feminine and masculine endings of the declining surnames (Розенталь, «Справочник по
/// правописанию и стилистике», § склонение фамилий), and their Latin transliterations.
const SURNAME_GENDER_FORMS: [(&str, &str); 10] = [
    ("ская", "ский"),
    ("цкая", "цкий"),
    ("ова", "ов"),
    ("ева", "ев"),
    ("ёва", "ёв"),
    ("ина", "ин"),
    ("ына", "ын"),
    ("ova", "ov"),
    ("eva", "ev"),
    ("ina", "in"),
];

fn join(it: impl Iterator<Item = String>) -> String {
    it.collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        NamesBuilder::new().build().unwrap()
    }

    #[test]
    fn evidence_that_bears_on_no_word_leaves_the_reading_as_without_it() {
        let n = names();
        let text = "Ержан Ибраев встретился с Ибраевым. Гутерриш прибыл в Астану.";
        let ev = n.evidence(text, Lang::Ru);
        let (mut bears, mut not) = (0, 0);
        for w in ["Ибраевым", "Ержан Ибраев", "Гутерриш", "Астану", "Иванов"]
        {
            let with = n.normalize_read(w, Lang::Ru, Some(&ev), true, false);
            if n.evidence_bears_on(w, Lang::Ru, &ev) {
                bears += 1;
            } else {
                not += 1;
                assert_eq!(
                    with,
                    n.normalize_read(w, Lang::Ru, None, true, false),
                    "{w}"
                );
            }
            // Asked twice (the second time from memory when the evidence does not bear on it).
            assert_eq!(
                n.normalize_in(w, Lang::Ru, Some(&ev), true, false),
                with,
                "{w}"
            );
            assert_eq!(
                n.normalize_in(w, Lang::Ru, Some(&ev), true, false),
                with,
                "{w}"
            );
        }
        assert!(bears > 0 && not > 0, "{bears} {not}");
        // The full names of a text read again (from memory where the evidence does not bear).
        assert!(ev.read_names.contains("ибраев"), "{:?}", ev.read_names);
        let other = "Ержан Ибраев прибыл. Антониу Гутерриш прибыл.";
        for _ in 0..2 {
            assert_eq!(n.evidence(text, Lang::Ru).read_names, ev.read_names);
            assert!(n.evidence(other, Lang::Ru).read_names.contains("ибраев"));
        }
    }

    #[test]
    fn remembered_normalizations_are_the_normalizations() {
        let n = names();
        for (s, l) in [
            ("Токаеву", Lang::Ru),
            ("Тоқаевқа", Lang::Kk),
            ("Гутерришпен", Lang::Other),
            ("Гутерришпен", Lang::Ru),
        ] {
            let fresh = n.normalize_uncached(s, l);
            assert_eq!(n.normalize(s, l), fresh, "{s}");
            assert_eq!(n.normalize(s, l), fresh, "{s}, from memory");
        }
        // Another normalizer (it may have other rules) is remembered apart.
        let other = names();
        assert_ne!(other.inner.id, n.inner.id);
        assert_eq!(
            other.normalize("Токаеву", Lang::Ru),
            other.normalize_uncached("Токаеву", Lang::Ru)
        );
    }

    #[test]
    fn one_person_across_forms() {
        let n = names();
        let want = "kassym-jomart-tokayev";
        for (s, l) in [
            ("Токаеву", Lang::Ru),
            ("Касым-Жомарта Токаева", Lang::Ru),
            ("Тоқаевқа", Lang::Kk),
            ("Қасым-Жомарт Тоқаевтың", Lang::Kk),
            ("Tokayev", Lang::Other),
            ("Toqaev", Lang::Other),
            ("К.-Ж. Токаев", Lang::Ru),
            ("Тоқаев Қасым-Жомарт", Lang::Kk),
        ] {
            let r = n.normalize(s, l);
            assert_eq!(r.entity_id.as_deref(), Some(want), "{s}: {r:?}");
            assert_eq!(r.key, want, "{s}");
        }
        for (s, l) in [
            ("Гутерришем", Lang::Ru),
            ("Гутерришу", Lang::Ru),
            ("Гутерришпен", Lang::Kk),
            ("Гутерриштің", Lang::Kk),
        ] {
            assert_eq!(
                n.normalize(s, l).entity_id.as_deref(),
                Some("antonio-guterres"),
                "{s}"
            );
        }
    }

    #[test]
    fn lemmas_of_full_names() {
        let n = names();
        assert_eq!(
            n.normalize("Касым-Жомарта Токаева", Lang::Ru).lemma,
            "Касым-Жомарт Токаев"
        );
        assert_eq!(
            n.normalize("Иваны Живкович", Lang::Ru).lemma,
            "Ивана Живкович"
        );
        assert_eq!(
            n.normalize("Армиды Алисджабаны", Lang::Ru).lemma,
            "Армида Алисджабана"
        );
        assert_eq!(
            n.normalize("Мирослава Енчи", Lang::Ru).lemma,
            "Мирослав Енча"
        );
        assert_eq!(
            n.normalize("Серджо Маттареллы", Lang::Ru).lemma,
            "Серджо Маттарелла"
        );
        assert_eq!(n.normalize("Анны Ивановой", Lang::Ru).lemma, "Анна Иванова");
        assert_eq!(n.normalize("Ивана Петрова", Lang::Ru).lemma, "Иван Петров");
        let a = n.normalize("Иван Петров", Lang::Ru);
        let b = n.normalize("Петрову", Lang::Ru);
        assert_eq!(a.key, b.key);
        assert_eq!(a.key, "petrov");
    }

    #[test]
    fn unresolved_kazakh_and_russian_keys_match() {
        let n = names();
        let a = n.normalize("Байдуллаевтың", Lang::Kk);
        let b = n.normalize("Байдуллаеву", Lang::Ru);
        assert_eq!(a.key, b.key);
        assert!(a.entity_id.is_none());
    }

    #[test]
    fn rules_dir_reports_file_and_line() {
        let dir = std::env::temp_dir().join(format!("kzalign-names-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("given_names.tsv"),
            "# source: test\nname\tgender\tlang\nЗарема\tf\n",
        )
        .unwrap();
        let e = NamesBuilder::new().rules_dir(&dir).unwrap_err();
        assert_eq!(e.line(), Some(3));
        assert!(e.to_string().contains("given_names.tsv"));
        std::fs::write(
            dir.join("given_names.tsv"),
            "# source: test\nname\tgender\tlang\nЗарема\tf\tru\n",
        )
        .unwrap();
        let n = NamesBuilder::new()
            .rules_dir(&dir)
            .unwrap()
            .build()
            .unwrap();
        assert_eq!(
            n.normalize("Заремы Ахмедовой", Lang::Ru).lemma,
            "Зарема Ахмедова"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn names_is_send_sync() {
        fn f<T: Send + Sync>() {}
        f::<Names>();
    }
}
