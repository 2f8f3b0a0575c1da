//! Shared types of kzalign.
//!
//! Every stage of the pipeline speaks these types:
//!
//! ```text
//! Article -> (langid) Detection -> (names) Mention -> (events) Event -> (align) report rows
//! ```
//!
//! The crate has no logic beyond small helpers (sentence splitting, spans) so that
//! every other crate can depend on it without pulling anything heavy.
#![deny(missing_docs)]

pub mod chars;
mod error;
mod text;

pub use error::{Error, ErrorKind};
pub use text::{clean_string, clean_text, sentences, Sentence};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A language kzalign tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic or Latin script).
    Kk,
    /// Anything else, or not sure.
    Other,
}

impl Lang {
    /// The code written in reports: `ru`, `kk` or `other`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Other => "other",
        }
    }

    /// Parses `ru`, `kk`, `other` (case-insensitive; also `rus`, `kaz`, `kz`).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ru" | "rus" | "russian" => Some(Lang::Ru),
            "kk" | "kaz" | "kz" | "kazakh" => Some(Lang::Kk),
            "other" | "und" | "" => Some(Lang::Other),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The writing system of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Cyrillic letters dominate.
    Cyrillic,
    /// Latin letters dominate.
    Latin,
    /// Both in comparable amounts.
    Mixed,
    /// No letters at all.
    None,
}

impl Script {
    /// The name written in reports.
    pub fn code(self) -> &'static str {
        match self {
            Script::Cyrillic => "cyrillic",
            Script::Latin => "latin",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    }
}

/// A half-open byte range `[start, end)` into a source text.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text under the span, or `""` when it is out of range or not on char boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the two spans share a byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One news article as read from the input.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: a path relative to the argument for text files, the `id` field of a record.
    pub id: String,
    /// Where it came from (file path and line for records), for error messages.
    pub source: String,
    /// Headline, when the input gives one.
    pub title: Option<String>,
    /// Publication date, when the input or its header gives one. Never today's date.
    pub date: Option<NaiveDate>,
    /// Language declared by the input (`lang` field), if any.
    pub lang: Option<Lang>,
    /// Edition declared by the input (`edition` field); defaults to the detected language.
    pub edition: Option<String>,
    /// Source URL, if given.
    pub url: Option<String>,
    /// The body text (title included when the header line carried it).
    pub text: String,
}

/// What a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A person.
    Person,
    /// A city, country or other place.
    Place,
    /// An organisation.
    Org,
}

/// A name found in running text, with its normalized forms.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// What it names.
    pub kind: MentionKind,
    /// Where it stands in the text it was found in.
    pub span: Span,
    /// The text as written.
    pub text: String,
    /// Language of the text around it.
    pub lang: Lang,
    /// Dictionary form in its own script (`Тоқаевқа` -> `Тоқаев`).
    pub lemma: String,
    /// Language-neutral matching key: the same for one person from Russian and Kazakh text.
    pub key: String,
    /// Romanized dictionary form.
    pub latin: String,
    /// Gazetteer id, when resolved (`kassym-jomart-tokayev`).
    pub entity_id: Option<String>,
    /// Canonical English name, when resolved.
    pub canonical: Option<String>,
}

/// The kinds of event kzalign extracts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// Two or more people met (встретился, кездесті).
    Meeting,
    /// Negotiations (переговоры, келіссөздер).
    Talks,
    /// A telephone or video call (телефонный разговор, телефон арқылы сөйлесті).
    Call,
    /// A visit to a place or to a host (визит, сапар).
    Visit,
    /// One received another (принял, қабылдады).
    Reception,
}

impl EventType {
    /// The name written in reports.
    pub fn code(self) -> &'static str {
        match self {
            EventType::Meeting => "meeting",
            EventType::Talks => "talks",
            EventType::Call => "call",
            EventType::Visit => "visit",
            EventType::Reception => "reception",
        }
    }

    /// Parses a report name.
    pub fn parse(s: &str) -> Option<EventType> {
        Some(match s.trim() {
            "meeting" => EventType::Meeting,
            "talks" => EventType::Talks,
            "call" => EventType::Call,
            "visit" => EventType::Visit,
            "reception" => EventType::Reception,
            _ => return None,
        })
    }
}

/// Whether an event happened as reported, or is planned, refused or recalled.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as happening now (the default).
    #[default]
    Actual,
    /// Planned, invited, expected.
    Planned,
    /// A reference to an earlier event.
    PastReference,
    /// Did not take place.
    Negated,
}

impl Modality {
    /// The name written in reports.
    pub fn code(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Planned => "planned",
            Modality::PastReference => "past_reference",
            Modality::Negated => "negated",
        }
    }
}

/// Where an event's date came from.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// An explicit date in the sentence.
    Sentence,
    /// An explicit date elsewhere in the paragraph.
    Paragraph,
    /// The article's dateline («Нью-Йорк. 23 сентября.»).
    Dateline,
    /// A relative word (вчера, кеше) resolved against the article date.
    Relative,
    /// The article's publication date.
    Article,
    /// No date known.
    #[default]
    None,
}

impl DateSource {
    /// The name written in reports.
    pub fn code(self) -> &'static str {
        match self {
            DateSource::Sentence => "sentence",
            DateSource::Paragraph => "paragraph",
            DateSource::Dateline => "dateline",
            DateSource::Relative => "relative",
            DateSource::Article => "article",
            DateSource::None => "none",
        }
    }
}

/// A participant of an event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Participant {
    /// Canonical name, or the romanized dictionary form when not in the gazetteer.
    pub name: String,
    /// Language-neutral key (see [`Mention::key`]).
    pub key: String,
    /// Gazetteer id, when resolved.
    pub entity_id: Option<String>,
}

/// One event as told by one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from the article id and the sentence span.
    pub id: String,
    /// Article id.
    pub doc_id: String,
    /// Language of the sentence.
    pub lang: Lang,
    /// Edition of the article (defaults to the article's language code).
    pub edition: String,
    /// What happened.
    pub kind: EventType,
    /// Who took part, sorted by name, without duplicates.
    pub participants: Vec<Participant>,
    /// When, if known.
    pub date: Option<NaiveDate>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// Canonical place name, if known.
    pub place: Option<String>,
    /// Whether it happened as told.
    pub modality: Modality,
    /// The sentence that tells it.
    pub sentence: String,
    /// Byte span of the sentence in the article text.
    pub span: Span,
}

impl Event {
    /// The participant keys, in participant order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.participants.iter().map(|p| p.key.as_str())
    }
}
