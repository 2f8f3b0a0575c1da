//! The embedded data files: persons, roles, places, months, templates, fillers, extra names.

use crate::kk::{inflect_name, inflect_word, KkCase};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

const PERSONS_TSV: &str = include_str!("../data/persons.tsv");
const ROLES_TSV: &str = include_str!("../data/roles.tsv");
const PLACES_TSV: &str = include_str!("../data/places.tsv");
const MONTHS_TSV: &str = include_str!("../data/months.tsv");
const TEMPLATES_TSV: &str = include_str!("../data/templates.tsv");
const FILLERS_TSV: &str = include_str!("../data/fillers.tsv");
const EXTRA_NAMES_TSV: &str = include_str!("../data/extra_names.tsv");
const KK_TO_RU_TSV: &str = include_str!("../data/kk_to_ru.tsv");

/// A data file row that does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl DataError {
    pub(crate) fn new(file: &'static str, line: usize, message: impl Into<String>) -> DataError {
        DataError {
            file,
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// Non-comment, non-empty rows of a TSV file with their 1-based line numbers.
pub(crate) fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

/// Russian case index: nominative, genitive, dative, accusative, instrumental.
pub(crate) const RU_CASES: [&str; 5] = ["nom", "gen", "dat", "acc", "ins"];

/// A person the generator can write about.
#[derive(Clone, Debug)]
pub(crate) struct Person {
    /// Gazetteer-style id (`vladimir-putin`), or `extra-<i>-<j>` for generated officials.
    pub id: String,
    /// English name for real persons; the romanized Kazakh name for generated ones.
    pub canonical: String,
    pub female: bool,
    /// Index into [`Tables::roles`].
    pub role: Option<usize>,
    /// Whether the person holds a Kazakhstani office.
    pub kz: bool,
    /// Full name in the five Russian cases.
    pub ru_full: [String; 5],
    /// Short name (surname, or the full name where the surname alone is not used).
    pub ru_short: [String; 5],
    pub kk_full: String,
    pub kk_short: String,
}

/// A title in Russian cases and its (uninflected) Kazakh form.
#[derive(Clone, Debug)]
pub(crate) struct Role {
    pub id: String,
    pub ru: [String; 5],
    pub kk: String,
}

/// A city.
#[derive(Clone, Debug)]
pub(crate) struct Place {
    pub canonical: String,
    pub kz: bool,
    pub ru_nom: String,
    pub ru_prep: String,
    pub ru_acc: String,
    pub kk_nom: String,
    pub kk_loc: String,
    pub kk_dat: String,
}

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    /// `{A.gen}`: who (`A`, `B`, `P`) and the case name.
    Slot(char, String),
    /// `{A:masc|fem}`.
    Gender(char, String, String),
}

/// A sentence template.
#[derive(Clone, Debug)]
pub(crate) struct Template {
    pub lang: String,
    pub kind: String,
    pub pieces: Vec<Piece>,
}

/// All embedded tables.
#[derive(Debug)]
pub(crate) struct Tables {
    pub persons: Vec<Person>,
    pub roles: Vec<Role>,
    pub places: Vec<Place>,
    /// (Russian genitive, Kazakh nominative) for months 1..=12.
    pub months: Vec<(String, String)>,
    pub templates: Vec<Template>,
    pub fillers: Vec<Template>,
    pub extra_given: Vec<String>,
    pub extra_surnames: Vec<String>,
    pub kk_to_ru: HashMap<char, char>,
}

fn cols<'a, const N: usize>(
    file: &'static str,
    line: usize,
    c: &[&'a str],
) -> Result<[&'a str; N], DataError> {
    let arr: [&str; N] = c.try_into().map_err(|_| {
        DataError::new(
            file,
            line,
            format!("expected {N} columns, found {}", c.len()),
        )
    })?;
    if arr.iter().any(|s| s.trim().is_empty() || s.trim() != *s) {
        return Err(DataError::new(
            file,
            line,
            "empty column or stray white space",
        ));
    }
    Ok(arr)
}

fn five(c: &[&str]) -> [String; 5] {
    [
        c[0].into(),
        c[1].into(),
        c[2].into(),
        c[3].into(),
        c[4].into(),
    ]
}

pub(crate) fn parse_template(
    file: &'static str,
    line: usize,
    s: &str,
) -> Result<Vec<Piece>, DataError> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(rest[..open].to_string()));
        }
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or_else(|| DataError::new(file, line, "unclosed {"))?;
        let inner = &rest[open + 1..close];
        let mut chars = inner.chars();
        let who = chars.next().unwrap_or(' ');
        let tail = chars.as_str();
        if inner == "N" {
            out.push(Piece::Slot('N', String::new()));
        } else if !matches!(who, 'A' | 'B' | 'P') {
            return Err(DataError::new(
                file,
                line,
                format!("unknown slot {{{inner}}}"),
            ));
        } else if let Some(case) = tail.strip_prefix('.') {
            let known = RU_CASES.contains(&case)
                || matches!(case, "com" | "conj" | "prep" | "loc")
                || (who == 'P' && matches!(case, "nom" | "acc" | "dat"));
            if !known {
                return Err(DataError::new(
                    file,
                    line,
                    format!("unknown case in {{{inner}}}"),
                ));
            }
            out.push(Piece::Slot(who, case.to_string()));
        } else if let Some(alt) = tail.strip_prefix(':') {
            let (m, f) = alt.split_once('|').ok_or_else(|| {
                DataError::new(file, line, format!("gender slot without | in {{{inner}}}"))
            })?;
            out.push(Piece::Gender(who, m.to_string(), f.to_string()));
        } else {
            return Err(DataError::new(file, line, format!("bad slot {{{inner}}}")));
        }
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest.to_string()));
    }
    Ok(out)
}

fn parse_templates(file: &'static str, text: &str) -> Result<Vec<Template>, DataError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (line, c) in rows(text) {
        let [lang, kind, t] = cols::<3>(file, line, &c)?;
        if !matches!(lang, "ru" | "kk") {
            return Err(DataError::new(file, line, "language must be ru or kk"));
        }
        if !seen.insert((lang, t)) {
            return Err(DataError::new(file, line, "duplicate"));
        }
        out.push(Template {
            lang: lang.into(),
            kind: kind.into(),
            pieces: parse_template(file, line, t)?,
        });
    }
    Ok(out)
}

impl Tables {
    pub(crate) fn parse() -> Result<Tables, DataError> {
        let mut roles = Vec::new();
        let mut role_ix = HashMap::new();
        for (line, c) in rows(ROLES_TSV) {
            let [id, a, b, cc, d, e, kk] = cols::<7>("roles.tsv", line, &c)?;
            if role_ix.insert(id.to_string(), roles.len()).is_some() {
                return Err(DataError::new("roles.tsv", line, "duplicate id"));
            }
            roles.push(Role {
                id: id.into(),
                ru: five(&[a, b, cc, d, e]),
                kk: kk.into(),
            });
        }
        let mut persons = Vec::new();
        let mut ids = HashSet::new();
        for (line, c) in rows(PERSONS_TSV) {
            let c = cols::<16>("persons.tsv", line, &c)?;
            let [id, canonical, gender, role] = [c[0], c[1], c[2], c[3]];
            if !ids.insert(id) {
                return Err(DataError::new("persons.tsv", line, "duplicate id"));
            }
            let female = match gender {
                "m" => false,
                "f" => true,
                _ => return Err(DataError::new("persons.tsv", line, "gender must be m or f")),
            };
            let role = *role_ix.get(role).ok_or_else(|| {
                DataError::new("persons.tsv", line, format!("unknown role {role}"))
            })?;
            persons.push(Person {
                id: id.into(),
                canonical: canonical.into(),
                female,
                role: Some(role),
                kz: roles[role].id.ends_with("-kz"),
                ru_full: five(&c[4..9]),
                ru_short: five(&c[9..14]),
                kk_full: c[14].into(),
                kk_short: c[15].into(),
            });
        }
        let mut places = Vec::new();
        let mut seen = HashSet::new();
        for (line, c) in rows(PLACES_TSV) {
            let [canonical, ru_nom, ru_prep, ru_acc, kk_nom, kk_loc, kk_dat] =
                cols::<7>("places.tsv", line, &c)?;
            if !seen.insert(canonical) {
                return Err(DataError::new("places.tsv", line, "duplicate place"));
            }
            places.push(Place {
                canonical: canonical.into(),
                kz: matches!(canonical, "Astana" | "Almaty" | "Turkistan"),
                ru_nom: ru_nom.into(),
                ru_prep: ru_prep.into(),
                ru_acc: ru_acc.into(),
                kk_nom: kk_nom.into(),
                kk_loc: kk_loc.into(),
                kk_dat: kk_dat.into(),
            });
        }
        let mut months = Vec::new();
        for (line, c) in rows(MONTHS_TSV) {
            let [n, ru, kk] = cols::<3>("months.tsv", line, &c)?;
            if n.parse::<usize>().ok() != Some(months.len() + 1) {
                return Err(DataError::new(
                    "months.tsv",
                    line,
                    "months must be listed 1 to 12 in order",
                ));
            }
            months.push((ru.to_string(), kk.to_string()));
        }
        if months.len() != 12 {
            return Err(DataError::new("months.tsv", 0, "need 12 months"));
        }
        let templates = parse_templates("templates.tsv", TEMPLATES_TSV)?;
        let fillers = parse_templates("fillers.tsv", FILLERS_TSV)?;
        let (mut extra_given, mut extra_surnames) = (Vec::new(), Vec::new());
        let mut seen = HashSet::new();
        for (line, c) in rows(EXTRA_NAMES_TSV) {
            let [kind, name] = cols::<2>("extra_names.tsv", line, &c)?;
            if !seen.insert((kind, name)) {
                return Err(DataError::new("extra_names.tsv", line, "duplicate"));
            }
            match kind {
                "given" => extra_given.push(name.to_string()),
                "surname" => extra_surnames.push(name.to_string()),
                _ => {
                    return Err(DataError::new(
                        "extra_names.tsv",
                        line,
                        "kind must be given or surname",
                    ))
                }
            }
        }
        let mut kk_to_ru = HashMap::new();
        for (line, c) in rows(KK_TO_RU_TSV) {
            let [kk, ru] = cols::<2>("kk_to_ru.tsv", line, &c)?;
            let (Some(k), Some(r)) = (single(kk), single(ru)) else {
                return Err(DataError::new(
                    "kk_to_ru.tsv",
                    line,
                    "one letter per column",
                ));
            };
            if kk_to_ru.insert(k, r).is_some() {
                return Err(DataError::new("kk_to_ru.tsv", line, "duplicate letter"));
            }
        }
        Ok(Tables {
            persons,
            roles,
            places,
            months,
            templates,
            fillers,
            extra_given,
            extra_surnames,
            kk_to_ru,
        })
    }

    /// The Russian spelling of a Kazakh name.
    pub(crate) fn kk_to_ru(&self, s: &str) -> String {
        s.chars()
            .map(|c| *self.kk_to_ru.get(&c).unwrap_or(&c))
            .collect()
    }

    /// A generated official who is in no gazetteer: given name `g`, surname `s` from extra_names.tsv.
    pub(crate) fn extra_person(&self, g: usize, s: usize) -> Person {
        let kg = &self.extra_given[g % self.extra_given.len()];
        let ks = &self.extra_surnames[s % self.extra_surnames.len()];
        let (rg, rs) = (self.kk_to_ru(kg), self.kk_to_ru(ks));
        // Russian: given names end in a hard consonant, surnames in -ов/-ев.
        let given = [
            rg.clone(),
            format!("{rg}а"),
            format!("{rg}у"),
            format!("{rg}а"),
            format!("{rg}ом"),
        ];
        let sur = [
            rs.clone(),
            format!("{rs}а"),
            format!("{rs}у"),
            format!("{rs}а"),
            format!("{rs}ым"),
        ];
        let full = std::array::from_fn(|i| format!("{} {}", given[i], sur[i]));
        Person {
            id: format!(
                "extra-{}-{}",
                g % self.extra_given.len(),
                s % self.extra_surnames.len()
            ),
            canonical: format!("{kg} {ks}"),
            female: false,
            role: None,
            kz: true,
            ru_full: full,
            ru_short: sur,
            kk_full: format!("{kg} {ks}"),
            kk_short: ks.clone(),
        }
    }
}

fn single(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    it.next().is_none().then_some(c)
}

/// The tables, parsed once. The files are embedded and a unit test checks they parse; should one
/// not, this returns empty tables and the generator writes nothing rather than panicking.
pub(crate) fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        Tables::parse().unwrap_or_else(|_| Tables {
            persons: Vec::new(),
            roles: Vec::new(),
            places: Vec::new(),
            months: Vec::new(),
            templates: Vec::new(),
            fillers: Vec::new(),
            extra_given: Vec::new(),
            extra_surnames: Vec::new(),
            kk_to_ru: HashMap::new(),
        })
    })
}

/// The Kazakh form of a person's name (with an optional title before it) in a case.
pub(crate) fn kk_person(base: &str, case: &str) -> String {
    match case {
        "gen" => inflect_name(base, KkCase::Genitive),
        "dat" => inflect_name(base, KkCase::Dative),
        "acc" => inflect_name(base, KkCase::Accusative),
        "com" => inflect_name(base, KkCase::Comitative),
        "loc" => inflect_name(base, KkCase::Locative),
        "conj" => {
            let last = base.rsplit(' ').next().unwrap_or(base);
            format!("{base} {}", crate::kk::ending(last, KkCase::Comitative))
        }
        _ => base.to_string(),
    }
}

/// The Kazakh locative of a month name (`қыркүйек` -> `қыркүйекте`).
pub(crate) fn kk_month_loc(month: &str) -> String {
    inflect_word(month, KkCase::Locative)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_files_parse() {
        let t = Tables::parse().unwrap_or_else(|e| panic!("{e}"));
        assert!(t.persons.len() >= 40, "{} persons", t.persons.len());
        assert_eq!(t.roles.len(), t.persons.len(), "one title per person");
        assert!(t.places.len() >= 20);
        assert!(t.extra_given.len() >= 20 && t.extra_surnames.len() >= 30);
        for kind in [
            "meeting",
            "talks",
            "call",
            "visit",
            "reception",
            "title_roundup",
        ] {
            for lang in ["ru", "kk"] {
                assert!(
                    t.templates.iter().any(|x| x.kind == kind && x.lang == lang),
                    "{lang} {kind}"
                );
            }
        }
        for lang in ["ru", "kk"] {
            for kind in ["generic", "person"] {
                assert!(
                    t.fillers.iter().any(|x| x.kind == kind && x.lang == lang),
                    "{lang} {kind}"
                );
            }
        }
    }

    #[test]
    fn person_forms_are_distinct_and_clean() {
        let t = tables();
        let mut seen = HashSet::new();
        for p in &t.persons {
            assert!(
                seen.insert(p.ru_full[0].clone()),
                "duplicate {}",
                p.ru_full[0]
            );
            assert!(p.ru_full[0].ends_with(&p.ru_short[0]), "{}", p.id);
            assert!(p.kk_full.ends_with(&p.kk_short), "{}", p.id);
            for s in p.ru_full.iter().chain(&p.ru_short) {
                assert!(
                    s.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'),
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn place_forms_follow_the_kazakh_rules() {
        // Loanwords whose harmony follows pronunciation, not spelling: Нью-Йоркте (seed article 001).
        let exceptions = ["New York"];
        for p in tables()
            .places
            .iter()
            .filter(|p| !exceptions.contains(&p.canonical.as_str()))
        {
            assert_eq!(
                p.kk_loc,
                inflect_word(&p.kk_nom, KkCase::Locative),
                "{}",
                p.canonical
            );
            assert_eq!(
                p.kk_dat,
                inflect_word(&p.kk_nom, KkCase::Dative),
                "{}",
                p.canonical
            );
        }
    }

    #[test]
    fn months_in_kazakh_locative() {
        let t = tables();
        let loc: Vec<String> = t.months.iter().map(|(_, kk)| kk_month_loc(kk)).collect();
        assert_eq!(loc[8], "қыркүйекте");
        assert_eq!(loc[0], "қаңтарда");
        assert_eq!(loc[11], "желтоқсанда");
        assert_eq!(loc[6], "шілдеде");
    }

    #[test]
    fn extra_persons_are_spelled_the_russian_way() {
        let t = tables();
        let p = t.extra_person(1, 0); // Асқар Сейітов
        assert_eq!(p.kk_full, "Асқар Сейітов");
        assert_eq!(p.ru_full[0], "Аскар Сейитов");
        assert_eq!(p.ru_full[4], "Аскаром Сейитовым");
        assert_eq!(kk_person(&p.kk_full, "com"), "Асқар Сейітовпен");
        assert_eq!(
            kk_person("Қасым-Жомарт Тоқаев", "conj"),
            "Қасым-Жомарт Тоқаев пен"
        );
    }

    #[test]
    fn template_syntax() {
        let p = parse_template("t", 1, "{A.nom} {A:встретился|встретилась} с {B.ins}.").unwrap();
        assert_eq!(p.len(), 6);
        assert_eq!(
            p[2],
            Piece::Gender('A', "встретился".into(), "встретилась".into())
        );
        assert!(parse_template("t", 1, "{C.nom}").is_err());
        assert!(parse_template("t", 1, "{A.xyz}").is_err());
        assert!(parse_template("t", 1, "{A.nom").is_err());
    }
}
