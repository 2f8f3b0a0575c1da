//! Dates in sentences: explicit dates, datelines and relative words, resolved with chrono.

use crate::lexicon::{DateKind, LangRules};
use crate::text::Token;
use chrono::{Datelike, Duration, NaiveDate};
use kzalign_core::Lang;

/// A date found in a token list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FoundDate {
    /// First and one-past-last token.
    pub first: usize,
    pub last: usize,
    /// The resolved date, when it can be resolved.
    pub date: Option<NaiveDate>,
    /// Whether it came from a relative word (вчера, кеше, в понедельник).
    pub relative: bool,
    /// Whether only a month and year were written («в мае 2023 года», «2019 жылдың мамыр айында»):
    /// `date` is the month's first day; it dates nothing, but tells a recalled or planned event.
    pub coarse: bool,
}

impl FoundDate {
    /// A date written out (not relative, not a month alone) over tokens `first..last`.
    fn explicit(first: usize, last: usize, date: Option<NaiveDate>) -> FoundDate {
        FoundDate {
            first,
            last,
            date,
            relative: false,
            coarse: false,
        }
    }
}

fn num(t: &Token) -> Option<u32> {
    if t.word && t.norm.len() <= 4 && t.norm.bytes().all(|b| b.is_ascii_digit()) {
        t.norm.parse().ok()
    } else {
        None
    }
}

/// Picks the year for a day and month written without one: the latest year that does not put the
/// date more than a week after `reference`.
fn infer_year(month: u32, day: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let r = reference?;
    for y in [r.year() + 1, r.year(), r.year() - 1] {
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day) {
            if d <= r + Duration::days(7) {
                return Some(d);
            }
        }
    }
    None
}

/// Finds the dates in `tokens`, resolving year-less and relative ones against `reference`.
pub(crate) fn find_dates(
    tokens: &[Token],
    rules: &LangRules,
    lang: Lang,
    reference: Option<NaiveDate>,
) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Every date below starts at a word that opens with a digit or may start a date word.
        if !t.word
            || !(t.norm.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || rules.may_start_date_word(&t.norm))
        {
            i += 1;
            continue;
        }
        // ISO 2024-02-22 (one token, hyphens inside).
        if t.norm.len() == 10 && t.norm.as_bytes().get(4) == Some(&b'-') {
            let p: Vec<&str> = t.norm.split('-').collect();
            if p.len() == 3 {
                if let (Ok(y), Ok(m), Ok(d)) = (p[0].parse(), p[1].parse(), p[2].parse()) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        out.push(FoundDate::explicit(i, i + 1, Some(date)));
                        i += 1;
                        continue;
                    }
                }
            }
        }
        // 22.02.2024, 22/02/2024 written without spaces.
        if let (Some(d), Some(s1), Some(m), Some(s2), Some(y)) = (
            num(t),
            tokens.get(i + 1),
            tokens.get(i + 2).and_then(num),
            tokens.get(i + 3),
            tokens.get(i + 4).and_then(num),
        ) {
            let tight = (i..i + 4).all(|k| tokens[k].end == tokens[k + 1].start);
            let sep = (s1.norm == "." || s1.norm == "/") && s1.norm == s2.norm;
            if tight && sep && tokens[i + 4].norm.len() == 4 {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    out.push(FoundDate::explicit(i, i + 5, Some(date)));
                    i += 5;
                    continue;
                }
            }
        }
        // [2024 жылғы] 22 ақпан(да) / 22 февраля [2024 года]
        if let Some(d) = num(t).filter(|d| (1..=31).contains(d)) {
            if let Some(m) = tokens
                .get(i + 1)
                .filter(|n| n.word)
                .and_then(|n| rules.month_of(lang, &n.norm))
            {
                let mut first = i;
                let mut last = i + 2;
                let mut year: Option<i32> = None;
                if lang == Lang::Kk && i >= 2 && tokens[i - 1].norm.starts_with("жыл") {
                    if let Some(y) = num(&tokens[i - 2]).filter(|y| *y >= 1900) {
                        year = Some(y as i32);
                        first = i - 2;
                    }
                }
                if year.is_none() {
                    if let Some(y) = tokens.get(i + 2).and_then(num).filter(|y| *y >= 1900) {
                        year = Some(y as i32);
                        last = i + 3;
                        if tokens.get(i + 3).is_some_and(|n| {
                            n.norm.starts_with("год") || n.norm == "г" || n.norm.starts_with("жыл")
                        }) {
                            last = i + 4;
                        }
                    }
                }
                let date = match year {
                    Some(y) => NaiveDate::from_ymd_opt(y, m, d),
                    None => infer_year(m, d, reference),
                };
                out.push(FoundDate::explicit(first, last, date));
                i = last;
                continue;
            }
        }
        // A month with a year and no day: «мае 2023 года», «2023 жылдың мамыр айында».
        if !(i > 0 && num(&tokens[i - 1]).is_some_and(|d| (1..=31).contains(&d))) {
            if let Some(m) = rules.month_of(lang, &t.norm) {
                let after = tokens.get(i + 1).and_then(num).filter(|y| *y >= 1900);
                let before = (lang == Lang::Kk && i >= 2 && tokens[i - 1].norm.starts_with("жыл"))
                    .then(|| num(&tokens[i - 2]))
                    .flatten()
                    .filter(|y| *y >= 1900);
                if let Some(y) = after.or(before) {
                    let first = if after.is_some() { i } else { i - 2 };
                    let last = if after.is_some() { i + 2 } else { i + 1 };
                    let date = NaiveDate::from_ymd_opt(y as i32, m, 1);
                    out.push(FoundDate {
                        first,
                        last,
                        date,
                        relative: false,
                        coarse: true,
                    });
                    i = last;
                    continue;
                }
            }
        }
        // Relative words and weekdays.
        if rules.may_open_date_word(&t.norm) {
            for dw in &rules.dates {
                let hit = match dw.kind {
                    DateKind::Relative => dw
                        .word
                        .split(' ')
                        .enumerate()
                        .all(|(k, p)| tokens.get(i + k).is_some_and(|x| x.norm == p)),
                    DateKind::Weekday => {
                        if lang == Lang::Kk {
                            t.norm.starts_with(dw.word.as_str())
                                && t.norm.chars().count() <= dw.word.chars().count() + 3
                        } else {
                            t.norm == dw.word
                                && i > 0
                                && matches!(tokens[i - 1].norm.as_ref(), "в" | "во")
                        }
                    }
                    DateKind::Month => false,
                };
                if hit {
                    let date = reference.and_then(|r| match dw.kind {
                        DateKind::Relative => r.checked_add_signed(Duration::days(dw.value)),
                        _ => {
                            let today = r.weekday().number_from_monday() as i64;
                            let back = (today - dw.value).rem_euclid(7);
                            r.checked_sub_signed(Duration::days(back))
                        }
                    });
                    let n = dw.word.split(' ').count();
                    out.push(FoundDate {
                        first: i,
                        last: i + n,
                        date,
                        relative: true,
                        coarse: false,
                    });
                    break;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::embedded;
    use crate::text::tokenize;

    /// The dates of `s` read with the embedded rules of `lang`.
    fn found(s: &str, lang: Lang, r: Option<NaiveDate>) -> Vec<FoundDate> {
        let (ru, kk) = embedded().unwrap();
        let rules = if lang == Lang::Kk { kk } else { ru };
        find_dates(&tokenize(s), &rules, lang, r)
    }

    /// The first date of `s` that is not a month alone.
    fn one(s: &str, lang: Lang, r: Option<NaiveDate>) -> Option<NaiveDate> {
        found(s, lang, r)
            .iter()
            .find(|d| !d.coarse)
            .and_then(|d| d.date)
    }

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    #[test]
    fn explicit_and_relative_dates() {
        let r = d(2025, 9, 24);
        let june10 = d(2023, 6, 10);
        for (s, lang, reference, want) in [
            ("Нью-Йорк. 23 сентября.", Lang::Ru, r, d(2025, 9, 23)),
            (
                "встреча 22 февраля 2024 года",
                Lang::Ru,
                None,
                d(2024, 2, 22),
            ),
            ("07:50 22/02/2024", Lang::Ru, None, d(2024, 2, 22)),
            ("10.06.2023", Lang::Ru, None, june10),
            ("Вчера он встретился", Lang::Ru, june10, d(2023, 6, 9)),
            (
                "2024 жылғы 22 ақпанда кездесті",
                Lang::Kk,
                None,
                d(2024, 2, 22),
            ),
            ("Кеше кездесті", Lang::Kk, june10, d(2023, 6, 9)),
            ("23 қыркүйекте", Lang::Kk, r, d(2025, 9, 23)),
            // 2023-06-10 was a Saturday; the Monday before is 06-05.
            ("в понедельник встретился", Lang::Ru, june10, d(2023, 6, 5)),
            // A month without a day is not an event date, only a coarse one (below).
            ("2019 жылдың мамыр айында ашқаны үшін", Lang::Kk, r, None),
            // A December date read in January belongs to the previous year.
            ("30 декабря", Lang::Ru, d(2025, 1, 5), d(2024, 12, 30)),
        ] {
            assert_eq!(one(s, lang, reference), want, "{s}");
        }
        for (s, lang, month) in [
            (
                "2019 жылдың мамыр айында ашқаны үшін",
                Lang::Kk,
                d(2019, 5, 1),
            ),
            ("в мае 2023 года", Lang::Ru, d(2023, 5, 1)),
        ] {
            let f = found(s, lang, r);
            assert!(f.len() == 1 && f[0].coarse && f[0].date == month, "{s}");
        }
    }
}
