//! Scoring an alignment against the generator's truth.

use crate::TruthEvent;
use kzalign_align::AlignRow;
use std::collections::HashSet;

/// How well report rows match the truth.
///
/// The unit is the *aligned pair*: (event type, Russian article, Kazakh article). The truth has one
/// pair for every Russian and every Kazakh article telling the same event; a row has one for every
/// Russian and Kazakh article it lists. When one article pair tells two events of the same type
/// (a round-up), the pair is counted once, so mixing up those two events is not caught here.
#[derive(Clone, Debug, PartialEq)]
pub struct AlignScore {
    /// Pairs in the truth.
    pub truth_pairs: usize,
    /// Pairs in the rows.
    pub predicted_pairs: usize,
    /// Pairs in both.
    pub correct_pairs: usize,
    /// correct / predicted (0 when nothing was predicted but something should have been).
    pub precision: f64,
    /// correct / truth (1 when the truth has no pairs).
    pub recall: f64,
    /// True events told by both editions.
    pub truth_both: usize,
    /// True events told only by the Russian edition.
    pub truth_ru_only: usize,
    /// True events told only by the Kazakh edition.
    pub truth_kk_only: usize,
    /// Rows with status `aligned`.
    pub rows_aligned: usize,
    /// Rows with status `ru_only`.
    pub rows_ru_only: usize,
    /// Rows with status `kk_only`.
    pub rows_kk_only: usize,
}

fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty())
}

/// Scores `rows` (from `kzalign_align::align_events`) against `truth`.
pub fn score_alignment(rows: &[AlignRow], truth: &[TruthEvent]) -> AlignScore {
    let mut want: HashSet<(&str, &str, &str)> = HashSet::new();
    for t in truth {
        for ru in &t.ru_articles {
            for kk in &t.kk_articles {
                want.insert((t.kind.code(), ru.as_str(), kk.as_str()));
            }
        }
    }
    let mut got: HashSet<(&str, &str, &str)> = HashSet::new();
    for r in rows {
        for ru in split(&r.ru_docs) {
            for kk in split(&r.kk_docs) {
                got.insert((r.kind.as_str(), ru, kk));
            }
        }
    }
    let correct = got.intersection(&want).count();
    let precision = if got.is_empty() {
        if want.is_empty() {
            1.0
        } else {
            0.0
        }
    } else {
        correct as f64 / got.len() as f64
    };
    let recall = if want.is_empty() {
        1.0
    } else {
        correct as f64 / want.len() as f64
    };
    let status = |s: &str| rows.iter().filter(|r| r.status == s).count();
    AlignScore {
        truth_pairs: want.len(),
        predicted_pairs: got.len(),
        correct_pairs: correct,
        precision,
        recall,
        truth_both: truth.iter().filter(|t| t.both()).count(),
        truth_ru_only: truth.iter().filter(|t| t.kk_articles.is_empty()).count(),
        truth_kk_only: truth.iter().filter(|t| t.ru_articles.is_empty()).count(),
        rows_aligned: status("aligned"),
        rows_ru_only: status("ru_only"),
        rows_kk_only: status("kk_only"),
    }
}

/// Rows an aligner that knew the truth would write (for testing the scoring and the harness).
pub fn oracle_rows(truth: &[TruthEvent]) -> Vec<AlignRow> {
    truth
        .iter()
        .map(|t| AlignRow {
            event_id: t.id.clone(),
            kind: t.kind.code().to_string(),
            participants: t.participants.join(";"),
            participant_keys: t.participants.join(";"),
            date: t.date.to_string(),
            place: t.place.clone().unwrap_or_default(),
            status: match (t.ru_articles.is_empty(), t.kk_articles.is_empty()) {
                (false, false) => "aligned",
                (false, true) => "ru_only",
                _ => "kk_only",
            }
            .to_string(),
            ru_docs: t.ru_articles.join(";"),
            kk_docs: t.kk_articles.join(";"),
            ru_sentence: String::new(),
            kk_sentence: String::new(),
            score: "1".to_string(),
            why: "oracle".to_string(),
            ru_date: String::new(),
            kk_date: String::new(),
            ru_events: t.ru_articles.len(),
            kk_events: t.kk_articles.len(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate_events;

    #[test]
    fn oracle_is_perfect_and_splitting_loses_recall() {
        let (_, truth) = generate_events(3_000, 4);
        let rows = oracle_rows(&truth);
        let s = score_alignment(&rows, &truth);
        assert_eq!((s.precision, s.recall), (1.0, 1.0));
        assert_eq!(s.rows_aligned, s.truth_both);
        assert_eq!(s.rows_ru_only, s.truth_ru_only);
        assert_eq!(s.rows_kk_only, s.truth_kk_only);
        // An aligner that never aligns.
        let split: Vec<AlignRow> = rows
            .iter()
            .flat_map(|r| {
                let mut ru = r.clone();
                ru.kk_docs.clear();
                let mut kk = r.clone();
                kk.ru_docs.clear();
                [ru, kk]
            })
            .collect();
        let s = score_alignment(&split, &truth);
        assert_eq!((s.precision, s.recall), (0.0, 0.0));
        // An aligner that merges every two neighbouring rows of one type: precision drops.
        let mut merged = rows.clone();
        for i in (1..merged.len()).step_by(2) {
            if merged[i].kind == merged[i - 1].kind {
                let prev = merged[i - 1].clone();
                merged[i].ru_docs = format!("{};{}", merged[i].ru_docs, prev.ru_docs);
                merged[i].kk_docs = format!("{};{}", merged[i].kk_docs, prev.kk_docs);
            }
        }
        let s = score_alignment(&merged, &truth);
        assert_eq!(s.recall, 1.0);
        assert!(s.precision < 0.9, "{}", s.precision);
    }
}
