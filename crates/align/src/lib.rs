//! Cross-lingual event alignment, article pairing and coverage.
//!
//! SCAFFOLD: the API below is the contract the binary uses; the implementation is being written
//! (issue 6).
#![deny(missing_docs)]

use kzalign_core::{Event, Lang, Mention};
use serde::Serialize;

/// Settings of event alignment and article pairing.
#[derive(Clone, Debug)]
pub struct AlignConfig {
    /// How many days apart two dated events may be and still align.
    pub date_window_days: i64,
    /// Article pairs scoring below this stay unpaired.
    pub article_threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            date_window_days: 1,
            article_threshold: 0.2,
        }
    }
}

/// One row of the unified report: one real-world event across all input articles.
/// Field order is column order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignRow {
    /// Stable id of the unified event.
    pub event_id: String,
    /// Event type code.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical names, sorted, `;`-separated.
    pub participants: String,
    /// Keys, in the same order.
    pub participant_keys: String,
    /// ISO date or empty.
    pub date: String,
    /// Canonical place or empty.
    pub place: String,
    /// `aligned`, `ru_only` or `kk_only`.
    pub status: String,
    /// Russian article ids, `;`-separated.
    pub ru_docs: String,
    /// Kazakh article ids, `;`-separated.
    pub kk_docs: String,
    /// One Russian sentence telling it.
    pub ru_sentence: String,
    /// One Kazakh sentence telling it.
    pub kk_sentence: String,
    /// Alignment score in [0, 1].
    pub score: String,
    /// The signals that agreed or conflicted.
    pub why: String,
}

/// Aligns events of all editions into unified report rows, in a deterministic order.
pub fn align_events(_events: &[Event], _config: &AlignConfig) -> Vec<AlignRow> {
    Vec::new()
}

/// What an article is about, for pairing articles across editions.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleProfile {
    /// Article id.
    pub doc_id: String,
    /// Language of the article.
    pub lang: Lang,
    /// Language-neutral features (person keys, places, numbers, dates).
    pub features: Vec<String>,
}

impl ArticleProfile {
    /// Builds a profile from an article's text and its mentions.
    pub fn new(doc_id: &str, lang: Lang, _text: &str, mentions: &[Mention]) -> ArticleProfile {
        ArticleProfile {
            doc_id: doc_id.to_string(),
            lang,
            features: mentions.iter().map(|m| m.key.clone()).collect(),
        }
    }
}

/// One Russian/Kazakh article pair judged to tell the same story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticlePairRow {
    /// Russian article id.
    pub ru_doc: String,
    /// Kazakh article id.
    pub kk_doc: String,
    /// Pair score in [0, 1].
    pub score: String,
}

/// Pairs Russian and Kazakh articles one-to-one.
pub fn pair_articles(_profiles: &[ArticleProfile], _config: &AlignConfig) -> Vec<ArticlePairRow> {
    Vec::new()
}

/// One row of the coverage table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageRow {
    /// What the row counts (`total`, `person`, ...).
    pub scope: String,
    /// The person or edition pair the row is about.
    pub subject: String,
    /// Events in both editions.
    pub both: usize,
    /// Events only in Russian.
    pub ru_only: usize,
    /// Events only in Kazakh.
    pub kk_only: usize,
}

/// Coverage of the editions from the unified report.
pub fn coverage(_rows: &[AlignRow]) -> Vec<CoverageRow> {
    Vec::new()
}
