//! The adapter between the extractor and the names crate.

use chrono::NaiveDate;
use kzalign_core::{Lang, Mention, MentionKind};
use kzalign_names::Names;

/// What the extractor needs from a name finder. [`Names`] implements it; tests may use a table.
pub trait Lookup {
    /// Person mentions in `text` (byte spans into `text`).
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention>;
    /// Place mentions in `text`, with canonical English names where known.
    fn places(&self, text: &str, lang: Lang) -> Vec<Mention>;
    /// Role phrases («Глава государства») resolved to their holder at `date`.
    fn roles(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention>;
}

impl Lookup for Names {
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention> {
        self.mentions(text, lang)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Person)
            .collect()
    }

    fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
        self.mentions(text, lang)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Place)
            .collect()
    }

    fn roles(&self, _text: &str, _lang: Lang, _date: Option<NaiveDate>) -> Vec<Mention> {
        Vec::new()
    }
}
