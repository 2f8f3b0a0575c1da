//! Persons, dated roles and places, as data.
//!
//! Three TSV files under `data/`, embedded with `include_str!` and parsed once:
//!
//! * `persons.tsv` — `id  canonical  ru  kk  latin  country  wikidata`: a stable slug, the
//!   canonical English name, the nominative Russian and Kazakh forms (`|`-separated: full name
//!   first, then surname and other forms), Latin spellings, country (ISO 3166-1 alpha-2, or an
//!   organisation code such as `UN`), and a Wikidata id (left empty unless certain);
//! * `roles.tsv` — `phrase  lang  person_id  from  to`: a nominative role phrase («Глава
//!   государства», «БҰҰ Бас хатшысы») held by a person over a half-open date range
//!   `[from, to)`; empty `from` = since always, empty `to` = still holds it;
//! * `places.tsv` — `id  canonical  ru  kk  kind`: nominative forms only (inflection is the
//!   names crate's job); `kind` is `city`, `country` or `region`.
//!
//! ```
//! use kzalign_gazetteer::Gazetteer;
//! use kzalign_core::Lang;
//! use chrono::NaiveDate;
//!
//! let g = Gazetteer::embedded();
//! let p = g.role_holder("Глава государства", Lang::Ru, NaiveDate::from_ymd_opt(2024, 2, 22)).unwrap();
//! assert_eq!(p.id, "kassym-jomart-tokayev");
//! let p = g.role_holder("Глава государства", Lang::Ru, NaiveDate::from_ymd_opt(2015, 1, 1)).unwrap();
//! assert_eq!(p.id, "nursultan-nazarbayev");
//! assert_eq!(g.place_by_name("Нью-Йорк").unwrap().id, "new-york");
//! ```
#![deny(missing_docs)]

use chrono::NaiveDate;
use kzalign_core::{Error, ErrorKind, Lang};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const PERSONS: &str = include_str!("../data/persons.tsv");
const ROLES: &str = include_str!("../data/roles.tsv");
const PLACES: &str = include_str!("../data/places.tsv");

/// A person known by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    /// Stable readable slug (`kassym-jomart-tokayev`).
    pub id: String,
    /// Canonical English name (`Kassym-Jomart Tokayev`).
    pub canonical: String,
    /// Russian nominative forms: full name first, then surname and variants.
    pub ru: Vec<String>,
    /// Kazakh nominative forms: full name first, then surname and variants.
    pub kk: Vec<String>,
    /// Latin spellings (`Tokayev`, `Tokaev`, `Toqaev`).
    pub latin: Vec<String>,
    /// Country code (ISO 3166-1 alpha-2) or organisation code; may be empty.
    pub country: String,
    /// Wikidata id (`Q...`), only when certain; may be empty.
    pub wikidata: String,
}

impl Person {
    /// The forms for `lang`: Russian, Kazakh, or (for [`Lang::Other`]) Latin.
    pub fn forms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::Other => &self.latin,
        }
    }
}

/// A role phrase held by a person over a date range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The nominative phrase as written in the data (`Глава государства`).
    pub phrase: String,
    /// Its language.
    pub lang: Lang,
    /// Id of the holder in [`Gazetteer::persons`].
    pub person_id: String,
    /// First day held; `None` = since always.
    pub from: Option<NaiveDate>,
    /// First day no longer held (exclusive); `None` = still held.
    pub to: Option<NaiveDate>,
}

impl Role {
    /// Whether the role is held on `date`: `from <= date < to`.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        let started = match self.from {
            Some(f) => f <= date,
            None => true,
        };
        let ended = match self.to {
            Some(t) => t <= date,
            None => false,
        };
        started && !ended
    }
}

/// What a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A country.
    Country,
    /// A region, province or other area.
    Region,
}

impl PlaceKind {
    /// The name used in the data file.
    pub fn code(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
        }
    }

    fn parse(s: &str) -> Option<PlaceKind> {
        match s {
            "city" => Some(PlaceKind::City),
            "country" => Some(PlaceKind::Country),
            "region" => Some(PlaceKind::Region),
            _ => None,
        }
    }
}

/// A place known by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Stable readable slug (`new-york`).
    pub id: String,
    /// Canonical English name (`New York`).
    pub canonical: String,
    /// Russian nominative forms (current name first, then former names and variants).
    pub ru: Vec<String>,
    /// Kazakh nominative forms.
    pub kk: Vec<String>,
    /// What it is.
    pub kind: PlaceKind,
}

impl Place {
    /// The forms for `lang`: Russian, Kazakh, or (for [`Lang::Other`]) the canonical English name.
    pub fn forms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
            Lang::Other => std::slice::from_ref(&self.canonical),
        }
    }
}

/// Normalizes a name or role phrase for lookup: lower case, `ё` -> `е`, one space between words,
/// all dashes as `-`.
pub fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'ё' | 'Ё' => out.push('е'),
                '‐' | '‑' | '‒' | '–' | '—' => out.push('-'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The persons, roles and places; immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    persons: Vec<Person>,
    roles: Vec<Role>,
    places: Vec<Place>,
    person_index: HashMap<String, usize>,
    place_index: HashMap<String, usize>,
    /// normalized form -> person indexes
    person_names: HashMap<String, Vec<usize>>,
    /// normalized form -> place indexes
    place_names: HashMap<String, Vec<usize>>,
    /// (normalized phrase, lang) -> role indexes
    role_index: HashMap<(String, Lang), Vec<usize>>,
}

impl Gazetteer {
    /// The embedded data, parsed once.
    ///
    /// # Panics
    ///
    /// Only if the embedded data does not parse, which the crate's tests rule out.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            GazetteerBuilder::new()
                .build()
                .unwrap_or_else(|e| panic!("embedded gazetteer: {e}"))
        })
    }

    /// The embedded data plus the `persons.tsv`, `roles.tsv` and `places.tsv` found in `dir`.
    /// Same as `GazetteerBuilder::new().extra_dir(dir)?.build()`.
    pub fn with_extra_dir(dir: &Path) -> Result<Gazetteer, Error> {
        GazetteerBuilder::new().extra_dir(dir)?.build()
    }

    /// All persons, embedded first, in file order.
    pub fn persons(&self) -> &[Person] {
        &self.persons
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.persons[i])
    }

    /// All places.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.place_index.get(id).map(|&i| &self.places[i])
    }

    /// All roles.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Who holds the nominative `phrase` in `lang` on `date`.
    ///
    /// The phrase is compared after [`normalize_phrase`] (case, `ё`, spaces). With `date` `None`
    /// the answer is the current holder: the one whose range is open-ended (`to` empty). `None`
    /// when the phrase is unknown or nobody holds it then.
    pub fn role_holder(
        &self,
        phrase: &str,
        lang: Lang,
        date: Option<NaiveDate>,
    ) -> Option<&Person> {
        let ids = self.role_index.get(&(normalize_phrase(phrase), lang))?;
        let role = ids.iter().map(|&i| &self.roles[i]).find(|r| match date {
            Some(d) => r.holds_on(d),
            None => r.to.is_none(),
        })?;
        self.person(&role.person_id)
    }

    /// All roles with this nominative `phrase` in `lang` (any date), in file order.
    pub fn roles_for(&self, phrase: &str, lang: Lang) -> Vec<&Role> {
        self.role_index
            .get(&(normalize_phrase(phrase), lang))
            .map(|v| v.iter().map(|&i| &self.roles[i]).collect())
            .unwrap_or_default()
    }

    /// Whether `phrase` is a known role phrase in `lang` (at any date).
    pub fn is_role_phrase(&self, phrase: &str, lang: Lang) -> bool {
        self.role_index
            .contains_key(&(normalize_phrase(phrase), lang))
    }

    /// The persons one of whose forms (Russian, Kazakh, Latin or canonical) is `name` exactly
    /// (after [`normalize_phrase`]). Surnames can be shared, so this may return several.
    pub fn persons_by_name(&self, name: &str) -> Vec<&Person> {
        self.person_names
            .get(&normalize_phrase(name))
            .map(|v| v.iter().map(|&i| &self.persons[i]).collect())
            .unwrap_or_default()
    }

    /// The place one of whose nominative forms or canonical name is `name` (first in file order).
    pub fn place_by_name(&self, name: &str) -> Option<&Place> {
        self.place_names
            .get(&normalize_phrase(name))
            .and_then(|v| v.first())
            .map(|&i| &self.places[i])
    }

    /// Runs one regression case of `fixtures/gazetteer/cases.tsv`:
    /// `role:<YYYY-MM-DD>` or `role:current` -> person id of the holder, `place` -> place id,
    /// `person` -> id of the only person with that form. Returns `None` for other checks; an
    /// empty string when nothing is found.
    pub fn check_case(&self, check: &str, lang: Lang, input: &str) -> Option<String> {
        if let Some(date) = check.strip_prefix("role:") {
            let date = if date == "current" {
                None
            } else {
                Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?)
            };
            return Some(
                self.role_holder(input, lang, date)
                    .map(|p| p.id.clone())
                    .unwrap_or_default(),
            );
        }
        match check {
            "place" => Some(
                self.place_by_name(input)
                    .map(|p| p.id.clone())
                    .unwrap_or_default(),
            ),
            "person" => {
                let found = self.persons_by_name(input);
                Some(match found.as_slice() {
                    [one] => one.id.clone(),
                    _ => String::new(),
                })
            }
            _ => None,
        }
    }
}

/// Builds a [`Gazetteer`] from the embedded data plus a user's files.
///
/// User persons and places replace embedded ones with the same id and add the others. User roles
/// replace all embedded roles with the same phrase and language (so a user can correct a chain of
/// holders without overlaps), and add the others.
#[derive(Clone, Debug, Default)]
pub struct GazetteerBuilder {
    extra: Vec<(PathBuf, String)>,
}

impl GazetteerBuilder {
    /// The embedded data only.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// Adds `persons.tsv`, `roles.tsv` and `places.tsv` from `dir` (each optional).
    pub fn extra_dir(mut self, dir: &Path) -> Result<GazetteerBuilder, Error> {
        for name in ["persons.tsv", "roles.tsv", "places.tsv"] {
            let path = dir.join(name);
            if path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| Error::new(ErrorKind::Io, e.to_string()).with_path(&path))?;
                self.extra.push((path, text));
            }
        }
        Ok(self)
    }

    /// Adds one file's text; `path`'s file name (`persons.tsv`, `roles.tsv`, `places.tsv`)
    /// says what it holds.
    pub fn extra_text(mut self, path: &Path, text: &str) -> GazetteerBuilder {
        self.extra.push((path.to_path_buf(), text.to_string()));
        self
    }

    /// Parses, merges and checks everything.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let mut persons = parse_persons(PERSONS, Path::new("<embedded persons.tsv>"))?;
        let mut roles = parse_roles(ROLES, Path::new("<embedded roles.tsv>"))?;
        let mut places = parse_places(PLACES, Path::new("<embedded places.tsv>"))?;
        for (path, text) in &self.extra {
            let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
            match file {
                "persons.tsv" => {
                    for p in parse_persons(text, path)? {
                        match persons.iter_mut().find(|q| q.id == p.id) {
                            Some(slot) => *slot = p,
                            None => persons.push(p),
                        }
                    }
                }
                "places.tsv" => {
                    for p in parse_places(text, path)? {
                        match places.iter_mut().find(|q| q.id == p.id) {
                            Some(slot) => *slot = p,
                            None => places.push(p),
                        }
                    }
                }
                "roles.tsv" => {
                    let user = parse_roles(text, path)?;
                    let replaced: HashSet<(String, Lang)> = user
                        .iter()
                        .map(|r| (normalize_phrase(&r.phrase), r.lang))
                        .collect();
                    roles.retain(|r| !replaced.contains(&(normalize_phrase(&r.phrase), r.lang)));
                    roles.extend(user);
                }
                _ => {
                    return Err(Error::new(
                        ErrorKind::Unknown,
                        "expected persons.tsv, roles.tsv or places.tsv",
                    )
                    .with_path(path))
                }
            }
        }
        let person_index: HashMap<String, usize> = persons
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let place_index: HashMap<String, usize> = places
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        for r in &roles {
            if !person_index.contains_key(&r.person_id) {
                return Err(Error::new(
                    ErrorKind::Unknown,
                    format!("role «{}» names unknown person `{}`", r.phrase, r.person_id),
                ));
            }
        }
        let mut person_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in persons.iter().enumerate() {
            let forms =
                p.ru.iter()
                    .chain(&p.kk)
                    .chain(&p.latin)
                    .chain(std::iter::once(&p.canonical));
            for f in forms {
                let v = person_names.entry(normalize_phrase(f)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let mut place_names: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            for f in
                p.ru.iter()
                    .chain(&p.kk)
                    .chain(std::iter::once(&p.canonical))
            {
                let v = place_names.entry(normalize_phrase(f)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        let mut role_index: HashMap<(String, Lang), Vec<usize>> = HashMap::new();
        for (i, r) in roles.iter().enumerate() {
            role_index
                .entry((normalize_phrase(&r.phrase), r.lang))
                .or_default()
                .push(i);
        }
        Ok(Gazetteer {
            role_index,
            persons,
            roles,
            places,
            person_index,
            place_index,
            person_names,
            place_names,
        })
    }
}

/// The data rows of a TSV file: skips `#` comments, blank lines and the header row (checked).
fn rows<'a>(
    text: &'a str,
    path: &'a Path,
    header: &'a [&'a str],
) -> impl Iterator<Item = Result<(usize, Vec<&'a str>), Error>> + 'a {
    let mut header_seen = false;
    text.lines().enumerate().filter_map(move |(i, raw)| {
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if !header_seen {
            header_seen = true;
            if cols.first() == header.first() {
                if cols != header {
                    return Some(Err(malformed(
                        path,
                        i + 1,
                        format!("header must be `{}`", header.join("\\t")),
                    )));
                }
                return None;
            }
        }
        if cols.len() != header.len() {
            return Some(Err(malformed(
                path,
                i + 1,
                format!(
                    "expected {} tab-separated columns ({}), found {}",
                    header.len(),
                    header.join(", "),
                    cols.len()
                ),
            )));
        }
        Some(Ok((i + 1, cols)))
    })
}

fn malformed(path: &Path, line: usize, msg: String) -> Error {
    Error::new(ErrorKind::MalformedRow, msg)
        .with_path(path)
        .with_line(line)
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn check_id(id: &str, path: &Path, line: usize) -> Result<(), Error> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(malformed(
            path,
            line,
            format!("id `{id}` must be a slug of a-z, 0-9 and -"),
        ))
    }
}

fn duplicate(path: &Path, line: usize, what: &str) -> Error {
    Error::new(ErrorKind::Duplicate, format!("duplicate {what}"))
        .with_path(path)
        .with_line(line)
}

fn parse_persons(text: &str, path: &Path) -> Result<Vec<Person>, Error> {
    const H: &[&str] = &[
        "id",
        "canonical",
        "ru",
        "kk",
        "latin",
        "country",
        "wikidata",
    ];
    let mut out: Vec<Person> = Vec::new();
    let mut ids = HashSet::new();
    for row in rows(text, path, H) {
        let (line, c) = row?;
        check_id(c[0], path, line)?;
        if c[1].is_empty() {
            return Err(malformed(path, line, "empty canonical name".into()));
        }
        let wikidata = c[6];
        let q_id = wikidata
            .strip_prefix('Q')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|d| d.is_ascii_digit()));
        if !wikidata.is_empty() && !q_id {
            return Err(malformed(
                path,
                line,
                format!("wikidata `{wikidata}` is not a Q-id"),
            ));
        }
        if !ids.insert(c[0].to_string()) {
            return Err(duplicate(path, line, &format!("person id `{}`", c[0])));
        }
        out.push(Person {
            id: c[0].to_string(),
            canonical: c[1].to_string(),
            ru: list(c[2]),
            kk: list(c[3]),
            latin: list(c[4]),
            country: c[5].to_string(),
            wikidata: wikidata.to_string(),
        });
    }
    Ok(out)
}

fn parse_date(s: &str, path: &Path, line: usize) -> Result<Option<NaiveDate>, Error> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| malformed(path, line, format!("`{s}` is not a YYYY-MM-DD date")))
}

fn parse_roles(text: &str, path: &Path) -> Result<Vec<Role>, Error> {
    const H: &[&str] = &["phrase", "lang", "person_id", "from", "to"];
    let mut out: Vec<Role> = Vec::new();
    let mut by_phrase: HashMap<(String, Lang), Vec<usize>> = HashMap::new();
    for row in rows(text, path, H) {
        let (line, c) = row?;
        if c[0].is_empty() {
            return Err(malformed(path, line, "empty role phrase".into()));
        }
        let lang = match Lang::parse(c[1]) {
            Some(l @ (Lang::Ru | Lang::Kk)) => l,
            _ => {
                return Err(malformed(
                    path,
                    line,
                    format!("lang `{}` must be ru or kk", c[1]),
                ))
            }
        };
        check_id(c[2], path, line)?;
        let from = parse_date(c[3], path, line)?;
        let to = parse_date(c[4], path, line)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f >= t {
                return Err(malformed(
                    path,
                    line,
                    format!("from {f} is not before to {t}"),
                ));
            }
        }
        let role = Role {
            phrase: c[0].to_string(),
            lang,
            person_id: c[2].to_string(),
            from,
            to,
        };
        let key = (normalize_phrase(&role.phrase), lang);
        let same = by_phrase.entry(key).or_default();
        for &j in same.iter() {
            let other: &Role = &out[j];
            if overlaps(other, &role) {
                return Err(duplicate(
                    path,
                    line,
                    &format!(
                        "holder of «{}» ({}): overlaps `{}`",
                        role.phrase, role.lang, other.person_id
                    ),
                ));
            }
        }
        same.push(out.len());
        out.push(role);
    }
    Ok(out)
}

fn overlaps(a: &Role, b: &Role) -> bool {
    let a_before_b = matches!((a.to, b.from), (Some(t), Some(f)) if t <= f);
    let b_before_a = matches!((b.to, a.from), (Some(t), Some(f)) if t <= f);
    !(a_before_b || b_before_a)
}

fn parse_places(text: &str, path: &Path) -> Result<Vec<Place>, Error> {
    const H: &[&str] = &["id", "canonical", "ru", "kk", "kind"];
    let mut out: Vec<Place> = Vec::new();
    let mut ids = HashSet::new();
    for row in rows(text, path, H) {
        let (line, c) = row?;
        check_id(c[0], path, line)?;
        let kind = PlaceKind::parse(c[4]).ok_or_else(|| {
            malformed(
                path,
                line,
                format!("kind `{}` must be city, country or region", c[4]),
            )
        })?;
        if !ids.insert(c[0].to_string()) {
            return Err(duplicate(path, line, &format!("place id `{}`", c[0])));
        }
        out.push(Place {
            id: c[0].to_string(),
            canonical: c[1].to_string(),
            ru: list(c[2]),
            kk: list(c[3]),
            kind,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
