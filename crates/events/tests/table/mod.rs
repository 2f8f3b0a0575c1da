//! A table-driven [`Lookup`] for grammar tests that do not depend on the names crate's coverage.

use chrono::NaiveDate;
use kzalign_core::{Lang, Mention, MentionKind, Span};
use kzalign_events::Lookup;

/// Rows: (surface form, dictionary form, id). Longest surface forms are matched first.
pub struct Table {
    pub persons: Vec<(&'static str, &'static str, &'static str)>,
    pub roles: Vec<(&'static str, &'static str, &'static str)>,
    pub places: Vec<(&'static str, &'static str, &'static str)>,
}

fn find(text: &str, rows: &[(&str, &str, &str)], kind: MentionKind, lang: Lang) -> Vec<Mention> {
    let mut rows: Vec<&(&str, &str, &str)> = rows.iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    let mut taken: Vec<Span> = Vec::new();
    let mut out = Vec::new();
    for (surf, lemma, id) in rows {
        let mut from = 0;
        while let Some(p) = text[from..].find(surf) {
            let start = from + p;
            let end = start + surf.len();
            from = end;
            let before_ok = text[..start]
                .chars()
                .last()
                .map_or(true, |c| !c.is_alphanumeric());
            let after_ok = text[end..]
                .chars()
                .next()
                .map_or(true, |c| !c.is_alphanumeric());
            let span = Span::new(start, end);
            if !before_ok || !after_ok || taken.iter().any(|t| t.overlaps(&span)) {
                continue;
            }
            taken.push(span);
            out.push(Mention {
                kind,
                span,
                text: surf.to_string(),
                lang,
                lemma: lemma.to_string(),
                key: id.to_string(),
                latin: id.to_string(),
                entity_id: Some(id.to_string()),
                canonical: Some(id.to_string()),
            });
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

impl Lookup for Table {
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention> {
        find(text, &self.persons, MentionKind::Person, lang)
    }
    fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
        find(text, &self.places, MentionKind::Place, lang)
    }
    fn roles(&self, text: &str, lang: Lang, _date: Option<NaiveDate>) -> Vec<Mention> {
        find(text, &self.roles, MentionKind::Person, lang)
    }
}
