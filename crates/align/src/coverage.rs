//! Coverage of the two editions, from the unified report.
//!
//! # Rows
//! Field order is column order. Every row counts report rows (events):
//!
//! | scope | subject | counts |
//! |---|---|---|
//! | `total` | `ru-kk` | all events |
//! | `type` | a type code (`meeting`, ...) | events of that type |
//! | `person` | a participant's canonical name (`key` holds its key) | events the person took part in |
//! | `lag` | days the Kazakh date lies after the Russian one (`-1`, `0`, `+2`) | aligned events with both dates (in `both`) |
//!
//! `both` = aligned, `ru_only` / `kk_only` = reported by one edition only, `ru_events` =
//! `both + ru_only` (what the Russian edition reported), `kk_events` likewise. `lag_events`,
//! `lag_mean_days`, `lag_min_days`, `lag_max_days` describe the aligned events of the row that have
//! a date on both sides (Kazakh date minus Russian date; empty when there are none). Person rows
//! answer "what did the Kazakh edition leave out, and whom?": their `ru_only` column.
//!
//! Rows come in the order total, type (by code), person (by name, then key), lag (by days).

use crate::AlignRow;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// One row of the coverage table (see the module docs for the scopes).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageRow {
    /// What the row counts: `total`, `type`, `person` or `lag`.
    pub scope: String,
    /// The edition pair, type, person or lag the row is about.
    pub subject: String,
    /// The person's key (`person` rows), else empty.
    pub key: String,
    /// Events in both editions.
    pub both: usize,
    /// Events only in Russian.
    pub ru_only: usize,
    /// Events only in Kazakh.
    pub kk_only: usize,
    /// Events the Russian edition reported (`both + ru_only`).
    pub ru_events: usize,
    /// Events the Kazakh edition reported (`both + kk_only`).
    pub kk_events: usize,
    /// Aligned events with a date on both sides.
    pub lag_events: usize,
    /// Mean of (Kazakh date - Russian date) in days, two decimals, or empty.
    pub lag_mean_days: String,
    /// Smallest lag in days, or empty.
    pub lag_min_days: String,
    /// Largest lag in days, or empty.
    pub lag_max_days: String,
}

#[derive(Default)]
struct Tally {
    both: usize,
    ru_only: usize,
    kk_only: usize,
    lags: Vec<i64>,
}

impl Tally {
    fn add(&mut self, status: &str, lag: Option<i64>) {
        match status {
            "aligned" => self.both += 1,
            "ru_only" => self.ru_only += 1,
            "kk_only" => self.kk_only += 1,
            _ => {}
        }
        self.lags.extend(lag);
    }

    fn row(&self, scope: &str, subject: &str, key: &str) -> CoverageRow {
        let (mean, min, max) = if self.lags.is_empty() {
            (String::new(), String::new(), String::new())
        } else {
            let sum: i64 = self.lags.iter().sum();
            (
                format!("{:.2}", sum as f64 / self.lags.len() as f64),
                self.lags
                    .iter()
                    .min()
                    .map(i64::to_string)
                    .unwrap_or_default(),
                self.lags
                    .iter()
                    .max()
                    .map(i64::to_string)
                    .unwrap_or_default(),
            )
        };
        CoverageRow {
            scope: scope.to_string(),
            subject: subject.to_string(),
            key: key.to_string(),
            both: self.both,
            ru_only: self.ru_only,
            kk_only: self.kk_only,
            ru_events: self.both + self.ru_only,
            kk_events: self.both + self.kk_only,
            lag_events: self.lags.len(),
            lag_mean_days: mean,
            lag_min_days: min,
            lag_max_days: max,
        }
    }
}

fn lag(row: &AlignRow) -> Option<i64> {
    if row.status != "aligned" {
        return None;
    }
    let ru = NaiveDate::parse_from_str(&row.ru_date, "%Y-%m-%d").ok()?;
    let kk = NaiveDate::parse_from_str(&row.kk_date, "%Y-%m-%d").ok()?;
    Some((kk - ru).num_days())
}

/// Coverage of the editions from the unified report (see the module docs).
pub fn coverage(rows: &[AlignRow]) -> Vec<CoverageRow> {
    let mut total = Tally::default();
    let mut types: BTreeMap<&str, Tally> = BTreeMap::new();
    // Persons by key; names counted to pick the most frequent.
    let mut persons: BTreeMap<&str, (Tally, BTreeMap<&str, usize>)> = BTreeMap::new();
    let mut lags: BTreeMap<i64, usize> = BTreeMap::new();
    for row in rows {
        let l = lag(row);
        total.add(&row.status, l);
        types
            .entry(row.kind.as_str())
            .or_default()
            .add(&row.status, l);
        if let Some(l) = l {
            *lags.entry(l).or_default() += 1;
        }
        let names = row.participants.split(';');
        let keys = row.participant_keys.split(';');
        let mut seen: Vec<&str> = Vec::new();
        for (name, key) in names.zip(keys) {
            if key.is_empty() || seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let entry = persons.entry(key).or_default();
            entry.0.add(&row.status, l);
            *entry.1.entry(name).or_default() += 1;
        }
    }
    let mut out = vec![total.row("total", "ru-kk", "")];
    out.extend(types.iter().map(|(t, tally)| tally.row("type", t, "")));
    let mut people: Vec<(String, &str, &Tally)> = persons
        .iter()
        .map(|(key, (tally, names))| {
            let mut best: Option<(&str, usize)> = None;
            for (n, c) in names {
                if best.map_or(true, |(_, b)| *c > b) {
                    best = Some((n, *c));
                }
            }
            (
                best.map(|(n, _)| n.to_string()).unwrap_or_default(),
                *key,
                tally,
            )
        })
        .collect();
    people.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    out.extend(
        people
            .iter()
            .map(|(name, key, tally)| tally.row("person", name, key)),
    );
    for (l, n) in lags {
        let subject = if l > 0 {
            format!("+{l}")
        } else {
            l.to_string()
        };
        let mut tally = Tally {
            both: n,
            ..Tally::default()
        };
        tally.lags = vec![l; n];
        out.push(tally.row("lag", &subject, ""));
    }
    out
}
