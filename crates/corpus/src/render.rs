//! Filling templates with names, places, dates and numbers.

use crate::data::{kk_month_loc, kk_person, Person, Piece, Place, Tables};
use crate::rng::Rng;
use chrono::{Datelike, NaiveDate};
use kzalign_core::Lang;
use std::collections::HashSet;

/// What the slots of one sentence stand for, and how names are written.
pub(crate) struct Slots<'a> {
    pub a: Option<&'a Person>,
    pub b: Option<&'a Person>,
    pub p: Option<&'a Place>,
    /// Titles use short names and no offices.
    pub title: bool,
}

/// Per-article state: who has been named already (the first mention gets the full name).
pub(crate) struct Writer<'a> {
    pub t: &'a Tables,
    pub lang: Lang,
    pub mentioned: HashSet<&'a str>,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(t: &'a Tables, lang: Lang) -> Writer<'a> {
        Writer {
            t,
            lang,
            mentioned: HashSet::new(),
        }
    }

    /// Whether every slot of `pieces` can be filled from `slots`.
    pub(crate) fn fits(pieces: &[Piece], slots: &Slots<'_>) -> bool {
        pieces.iter().all(|p| match p {
            Piece::Slot('A', _) | Piece::Gender('A', ..) => slots.a.is_some(),
            Piece::Slot('B', _) | Piece::Gender('B', ..) => slots.b.is_some(),
            Piece::Slot('P', _) => slots.p.is_some(),
            _ => true,
        })
    }

    /// Renders a template. Slots that cannot be filled are left empty (callers check [`Writer::fits`]).
    pub(crate) fn render(&mut self, pieces: &[Piece], slots: &Slots<'a>, rng: &mut Rng) -> String {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(s) => out.push_str(s),
                Piece::Slot('N', _) => out.push_str(&rng.range(2, 60).to_string()),
                Piece::Slot('P', case) => {
                    if let Some(p) = slots.p {
                        out.push_str(place_form(p, self.lang, case));
                    }
                }
                Piece::Slot(who, case) => {
                    if let Some(person) = if *who == 'A' { slots.a } else { slots.b } {
                        let s = self.person(person, case, slots.title, rng);
                        out.push_str(&s);
                    }
                }
                Piece::Gender(who, m, f) => {
                    let female =
                        if *who == 'A' { slots.a } else { slots.b }.is_some_and(|p| p.female);
                    out.push_str(if female { f } else { m });
                }
            }
        }
        capitalize(&out)
    }

    fn person(&mut self, p: &'a Person, case: &str, title: bool, rng: &mut Rng) -> String {
        let first = !title && self.mentioned.insert(p.id.as_str());
        let full = first || (!title && rng.chance(0.3));
        let role = first && rng.chance(0.5);
        let role = if role {
            p.role.and_then(|r| self.t.roles.get(r))
        } else {
            None
        };
        match self.lang {
            Lang::Kk => {
                let name = if full { &p.kk_full } else { &p.kk_short };
                let base = match role {
                    Some(r) => format!("{} {name}", r.kk),
                    None => name.clone(),
                };
                kk_person(&base, case)
            }
            _ => {
                let i = crate::data::RU_CASES
                    .iter()
                    .position(|c| *c == case)
                    .unwrap_or(0);
                let name = if full { &p.ru_full[i] } else { &p.ru_short[i] };
                match role {
                    Some(r) => format!("{} {name}", r.ru[i]),
                    None => name.clone(),
                }
            }
        }
    }

    /// An explicit date phrase: «23 сентября» / «23 қыркүйекте», sometimes with the year.
    pub(crate) fn date_phrase(&self, d: NaiveDate, rng: &mut Rng) -> String {
        let Some((ru, kk)) = self.t.months.get(d.month0() as usize) else {
            return String::new();
        };
        let year = rng.chance(0.2);
        match (self.lang, year) {
            (Lang::Kk, false) => format!("{} {}", d.day(), kk_month_loc(kk)),
            (Lang::Kk, true) => format!("{} жылғы {} {}", d.year(), d.day(), kk_month_loc(kk)),
            (_, false) => format!("{} {ru}", d.day()),
            (_, true) => format!("{} {ru} {} года", d.day(), d.year()),
        }
    }

    /// A dateline: «Нью-Йорк. 23 сентября.» / «Нью-Йорк. 23 қыркүйек.»
    pub(crate) fn dateline(&self, p: &Place, d: NaiveDate) -> String {
        let Some((ru, kk)) = self.t.months.get(d.month0() as usize) else {
            return String::new();
        };
        match self.lang {
            Lang::Kk => format!("{}. {} {kk}.", p.kk_nom, d.day()),
            _ => format!("{}. {} {ru}.", p.ru_nom, d.day()),
        }
    }
}

fn place_form<'p>(p: &'p Place, lang: Lang, case: &str) -> &'p str {
    match (lang, case) {
        (Lang::Kk, "loc") => &p.kk_loc,
        (Lang::Kk, "dat") => &p.kk_dat,
        (Lang::Kk, _) => &p.kk_nom,
        (_, "prep") => &p.ru_prep,
        (_, "acc") => &p.ru_acc,
        _ => &p.ru_nom,
    }
}

/// The first letter in upper case.
pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// The first letter in lower case (a sentence after a date or place prefix), unless it starts a name.
pub(crate) fn decapitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => f.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}
