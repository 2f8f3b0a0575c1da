//! Person and place mentions, transliteration, normalization and keys.
//!
//! SCAFFOLD: the API below is the contract the binary and the events crate use; the implementation
//! is being written (issue 4).
#![deny(missing_docs)]

use kzalign_core::{Error, Lang, Mention};
use std::path::Path;

/// A name brought to its dictionary form, romanized and keyed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    /// The input as given.
    pub input: String,
    /// The language used to read it.
    pub lang: Lang,
    /// Dictionary form in its own script.
    pub lemma: String,
    /// Language-neutral key.
    pub key: String,
    /// Romanized dictionary form.
    pub latin: String,
    /// Gazetteer id when known.
    pub entity_id: Option<String>,
    /// Canonical English name when known.
    pub canonical: Option<String>,
}

/// Builds [`Names`], optionally with a user's rule files on top of the embedded ones.
#[derive(Clone, Debug, Default)]
pub struct NamesBuilder {}

impl NamesBuilder {
    /// The embedded rules only.
    pub fn new() -> NamesBuilder {
        NamesBuilder {}
    }

    /// Adds the rule and gazetteer files found in `dir`.
    pub fn rules_dir(self, _dir: &Path) -> Result<NamesBuilder, Error> {
        Ok(self)
    }

    /// The immutable normalizer.
    pub fn build(self) -> Result<Names, Error> {
        Ok(Names {})
    }
}

/// Immutable, thread-safe name normalizer, mention finder and gazetteer.
#[derive(Clone, Debug)]
pub struct Names {}

impl Names {
    /// Normalizes one name; `lang` `Other` means detect the language.
    pub fn normalize(&self, input: &str, lang: Lang) -> Normalized {
        Normalized {
            input: input.to_string(),
            lang,
            lemma: input.to_string(),
            key: input.to_lowercase(),
            latin: input.to_string(),
            entity_id: None,
            canonical: None,
        }
    }

    /// Finds person (and place) mentions in running text.
    pub fn mentions(&self, _text: &str, _lang: Lang) -> Vec<Mention> {
        Vec::new()
    }

    /// Finds place mentions (cities, countries) in running text.
    pub fn places(&self, _text: &str, _lang: Lang) -> Vec<Mention> {
        Vec::new()
    }

    /// Transliterates `text` with a named scheme.
    pub fn transliterate(&self, text: &str, _scheme: &str) -> Result<String, Error> {
        Ok(text.to_string())
    }

    /// The names of the transliteration schemes.
    pub fn schemes(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Runs one regression case: `check` names what is checked (`lemma`, `key`, `entity`, ...).
    /// Returns the actual value, or `None` when this crate does not know that check.
    pub fn check_case(&self, _check: &str, _lang: Lang, _input: &str) -> Option<String> {
        None
    }
}
