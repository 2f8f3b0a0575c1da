//! Russian / Kazakh / other language identification.
//!
//! SCAFFOLD: the API below is the contract the binary uses; the implementation is being written
//! (issue 3). Until then it only looks at Kazakh-specific letters.
#![deny(missing_docs)]

use kzalign_core::{Lang, Script, Span};

/// The answer for one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// The language, or `None` when unsure.
    pub lang: Option<Lang>,
    /// The script of the letters seen.
    pub script: Script,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// A short human-readable account of the evidence used.
    pub evidence: String,
}

/// The answer for a whole article, with one detection per sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDetection {
    /// The article as a whole.
    pub overall: Detection,
    /// Whether sentences of both Russian and Kazakh were found.
    pub mixed: bool,
    /// Each sentence's span and detection, in text order.
    pub sentences: Vec<(Span, Detection)>,
}

/// Builds a [`Detector`].
#[derive(Clone, Debug, Default)]
pub struct DetectorBuilder {}

impl DetectorBuilder {
    /// A builder with the default settings.
    pub fn new() -> DetectorBuilder {
        DetectorBuilder {}
    }

    /// The immutable detector.
    pub fn build(self) -> Detector {
        Detector {}
    }
}

/// An immutable, thread-safe detector.
#[derive(Clone, Debug)]
pub struct Detector {}

impl Detector {
    /// Detects the language of one text of any length.
    pub fn detect(&self, text: &str) -> Detection {
        let kk = text.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c));
        let cyr = text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let lang = if kk {
            Some(Lang::Kk)
        } else if cyr {
            Some(Lang::Ru)
        } else {
            None
        };
        Detection {
            lang,
            script: Script::Cyrillic,
            confidence: 0.5,
            evidence: String::new(),
        }
    }

    /// Detects the language of an article and of each of its sentences.
    pub fn detect_article(&self, text: &str) -> ArticleDetection {
        let sentences: Vec<(Span, Detection)> = kzalign_core::sentences(text)
            .into_iter()
            .map(|s| (s.span, self.detect(s.text)))
            .collect();
        ArticleDetection {
            overall: self.detect(text),
            mixed: false,
            sentences,
        }
    }
}
