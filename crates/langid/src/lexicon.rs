//! Frequent words and their counts in Kazakh and Russian training text (`data/frequent_words.tsv`,
//! written by the `train` example). A word seen often enough scores by its own relative frequency,
//! a smoothed log-likelihood ratio, instead of by its letters: `в`, `и`, `на`, `және`, `мен` are
//! certain evidence, which a model of letters alone would understate next to a name.

use crate::tables::rows;
use kzalign_core::{Error, ErrorKind};
use std::collections::HashMap;

/// `data/frequent_words.tsv`.
pub const FREQUENT_WORDS_TSV: &str = include_str!("../data/frequent_words.tsv");

/// Largest magnitude of a word's log-likelihood ratio.
pub const MAX_LLR: f32 = 12.0;

/// Frequent words with their Kazakh-vs-Russian log-likelihood ratios.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    llr: HashMap<Vec<char>, f32>,
}

impl Lexicon {
    /// Parses the table: a row `TOTAL<TAB>kk tokens<TAB>ru tokens`, then `word<TAB>kk count<TAB>ru count`.
    pub fn parse(text: &str) -> Result<Lexicon, Error> {
        const FILE: &str = "data/frequent_words.tsv";
        let bad = |line: usize, msg: &str| {
            Error::new(ErrorKind::MalformedRow, msg)
                .with_path(FILE)
                .with_line(line)
        };
        let mut totals: Option<(f64, f64)> = None;
        let mut llr = HashMap::new();
        for (line, f) in rows(text) {
            let nums = (
                f.get(1).and_then(|x| x.parse::<f64>().ok()),
                f.get(2).and_then(|x| x.parse::<f64>().ok()),
            );
            let (Some(kk), Some(ru)) = nums else {
                return Err(bad(line, "expected word<TAB>kk count<TAB>ru count"));
            };
            if f.len() != 3 {
                return Err(bad(line, "expected three columns"));
            }
            if f[0] == "TOTAL" {
                totals = Some((kk.max(1.0), ru.max(1.0)));
                continue;
            }
            let Some((nk, nr)) = totals else {
                return Err(bad(line, "the TOTAL row must come first"));
            };
            let v = (((kk + 0.5) / nk) / ((ru + 0.5) / nr)).ln() as f32;
            let word: Vec<char> = f[0].chars().collect();
            if llr.insert(word, v.clamp(-MAX_LLR, MAX_LLR)).is_some() {
                return Err(
                    Error::new(ErrorKind::Duplicate, format!("{:?} twice", f[0]))
                        .with_path(FILE)
                        .with_line(line),
                );
            }
        }
        Ok(Lexicon { llr })
    }

    /// The word's log-likelihood ratio (Kazakh over Russian), if it is frequent.
    #[inline]
    pub fn llr(&self, word: &[char]) -> Option<f32> {
        if self.llr.is_empty() {
            return None;
        }
        self.llr.get(word).copied()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.llr.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.llr.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn llr(l: &Lexicon, w: &str) -> Option<f32> {
        l.llr(&w.chars().collect::<Vec<_>>())
    }

    #[test]
    fn embedded_table_parses_and_knows_function_words() {
        assert!(FREQUENT_WORDS_TSV.contains("# source:"));
        assert!(FREQUENT_WORDS_TSV.contains("do not edit"));
        let l = Lexicon::parse(FREQUENT_WORDS_TSV).unwrap();
        assert!(l.len() > 500);
        assert!(llr(&l, "в").unwrap() < -5.0);
        assert!(llr(&l, "және").unwrap() > 5.0);
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(Lexicon::parse("в\t1\t2\n").is_err());
        assert!(Lexicon::parse("TOTAL\t10\t10\nв\t1\n").is_err());
        assert!(Lexicon::parse("TOTAL\t10\t10\nв\t1\t2\nв\t1\t2\n").is_err());
        let l = Lexicon::parse("TOTAL\t100\t100\nв\t0\t50\n").unwrap();
        assert!(llr(&l, "в").unwrap() < -4.0);
        assert_eq!(llr(&l, "и"), None);
    }
}
