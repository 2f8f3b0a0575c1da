//! Event extraction: meetings, talks, calls, visits and receptions in Russian and Kazakh news.
//!
//! SCAFFOLD: the API below is the contract the binary uses; the implementation is being written
//! (issue 5).
#![deny(missing_docs)]

use kzalign_core::{Article, Error, Event, Lang};
use kzalign_names::Names;
use std::path::Path;
use std::sync::Arc;

/// Builds an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {}

impl ExtractorBuilder {
    /// The embedded cue lexicons only.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder {}
    }

    /// Adds the cue files found in `dir`.
    pub fn rules_dir(self, _dir: &Path) -> Result<ExtractorBuilder, Error> {
        Ok(self)
    }

    /// The immutable extractor, using `names` for mentions, roles and places.
    pub fn build(self, names: Arc<Names>) -> Result<Extractor, Error> {
        Ok(Extractor { names })
    }
}

/// Immutable, thread-safe event extractor.
#[derive(Clone, Debug)]
pub struct Extractor {
    names: Arc<Names>,
}

impl Extractor {
    /// The names normalizer it uses.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// Extracts the events of one article whose language is `lang`; `edition` labels them.
    pub fn extract(&self, _article: &Article, _lang: Lang, _edition: &str) -> Vec<Event> {
        Vec::new()
    }

    /// Runs one regression case of a cue or rule file; `None` when the check is not this crate's.
    pub fn check_case(&self, _check: &str, _lang: Lang, _input: &str) -> Option<String> {
        None
    }
}
