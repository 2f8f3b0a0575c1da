//! The word model: logistic regression over hashed character n-grams of a word.
//!
//! A word (lower case, Cyrillic, look-alikes mapped) is padded with boundary marks, `^word$`; its
//! features are every n-gram of 1 to [`MAX_ORDER`] characters plus the whole word, each hashed into one
//! of `2^bits` buckets. The model holds one weight per bucket: the word's log-odds of being Kazakh
//! rather than Russian is the bias plus the sum of its features' weights. Summing the log-odds of the
//! words of a text (less the repeated bias) gives the text's log-odds, as in naive Bayes over words.
//!
//! The file `data/model.bin` is written by the `train` example: a text header (`#` comments with the
//! sources, then `key<TAB>value` lines), a line `%%`, then `2^bits` little-endian `i16` weights.

use kzalign_core::{Error, ErrorKind};

/// Longest character n-gram used as a feature (boundary marks included).
pub const MAX_ORDER: usize = 5;
/// Start-of-word mark.
pub const BEGIN: char = '^';
/// End-of-word mark.
pub const END: char = '$';
/// Longest word (in characters) whose n-grams are all used; longer words use their first and last parts.
pub const MAX_WORD: usize = 32;

/// The model embedded in the library.
pub const MODEL_BIN: &[u8] = include_bytes!("../data/model.bin");

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

#[inline]
fn finish(h: u64, bits: u32) -> usize {
    let h = (h ^ (h >> 31)).wrapping_mul(K2);
    (h >> (64 - bits)) as usize
}

/// Calls `f` with the bucket of every feature of `word` (lower-case letters, no boundary marks).
#[inline]
pub fn for_each_feature(word: &[char], bits: u32, mut f: impl FnMut(usize)) {
    let mut padded = [BEGIN; MAX_WORD + 2];
    let n = word.len().min(MAX_WORD);
    padded[1..=n].copy_from_slice(&word[..n]);
    if word.len() > MAX_WORD {
        // Keep the ending, where Russian and Kazakh grammar lives.
        let tail = &word[word.len() - MAX_WORD / 2..];
        padded[1 + MAX_WORD / 2..=MAX_WORD].copy_from_slice(tail);
    }
    padded[n + 1] = END;
    let padded = &padded[..n + 2];
    let mut whole = K2;
    for (i, &c) in padded.iter().enumerate() {
        whole = (whole ^ c as u64).wrapping_mul(K1);
        let mut h = 0u64;
        for (order, &d) in padded[i..].iter().take(MAX_ORDER).enumerate() {
            h = (h ^ d as u64).wrapping_mul(K1);
            if order == 0 && (d == BEGIN || d == END) {
                continue;
            }
            f(finish(h ^ (order as u64 + 1), bits));
        }
    }
    f(finish(whole ^ 0xFF, bits));
    // Endings of 1..=MAX_SUFFIX letters as features of their own: grammar lives there.
    let mut h = K2 ^ 0x5EED;
    for (k, &c) in padded[..n + 1].iter().rev().take(MAX_SUFFIX).enumerate() {
        h = (h ^ c as u64).wrapping_mul(K1);
        f(finish(h ^ 0xF00 ^ k as u64, bits));
    }
}

/// Longest ending (in letters) used as a feature of its own.
pub const MAX_SUFFIX: usize = 7;

/// A trained word model.
#[derive(Clone, Debug)]
pub struct Model {
    bits: u32,
    scale: f32,
    bias: f32,
    weights: &'static [u8],
    /// Share of the words of Kazakh training text that contain each tracked letter of `letters.tsv`.
    pub kk_word_share: Vec<(char, f64)>,
    /// The `# source:` lines of the header.
    pub sources: Vec<String>,
}

/// Splits a data file of this crate (model, word filters) at its `%%` line into the UTF-8
/// header and the binary body.
pub(crate) fn split_header(bytes: &[u8]) -> Result<(&str, &[u8]), String> {
    let sep = b"\n%%\n";
    let at = bytes
        .windows(sep.len())
        .position(|w| w == sep)
        .ok_or_else(|| "no %% line ending the header".to_string())?;
    let header = std::str::from_utf8(&bytes[..at]).map_err(|e| e.to_string())?;
    Ok((header, &bytes[at + sep.len()..]))
}

impl Model {
    /// Parses a model file (see the module documentation).
    pub fn parse(bytes: &'static [u8]) -> Result<Model, Error> {
        let bad =
            |msg: String| Error::new(ErrorKind::MalformedRow, msg).with_path("data/model.bin");
        let (header, body) = split_header(bytes).map_err(bad)?;
        let (mut bits, mut scale, mut bias) = (None, None, None);
        let mut kk_word_share = Vec::new();
        let mut sources = Vec::new();
        for (i, line) in header.lines().enumerate() {
            if let Some(s) = line.strip_prefix("# source:") {
                sources.push(s.trim().to_string());
            }
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let num = |s: &str| {
                s.parse::<f64>()
                    .map_err(|_| bad(format!("line {}: bad number {s:?}", i + 1)))
            };
            match (f.first().copied(), f.len()) {
                (Some("bits"), 2) => bits = Some(num(f[1])? as u32),
                (Some("scale"), 2) => scale = Some(num(f[1])? as f32),
                (Some("bias"), 2) => bias = Some(num(f[1])? as f32),
                (Some("order"), 2) if num(f[1])? as usize != MAX_ORDER => {
                    return Err(bad(format!("model order {} != {MAX_ORDER}", f[1])))
                }
                (Some("order"), 2) => {}
                (Some("kk_word_share"), 3) => {
                    let mut it = f[1].chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => kk_word_share.push((c, num(f[2])?)),
                        _ => return Err(bad(format!("line {}: bad letter", i + 1))),
                    }
                }
                _ => return Err(bad(format!("line {}: unknown row {line:?}", i + 1))),
            }
        }
        let bits = bits.ok_or_else(|| bad("no bits".into()))?;
        if !(8..=24).contains(&bits) || body.len() != 2usize << bits {
            return Err(bad(format!(
                "{} bytes of weights for {bits} bits",
                body.len()
            )));
        }
        Ok(Model {
            bits,
            scale: scale.ok_or_else(|| bad("no scale".into()))?,
            bias: bias.ok_or_else(|| bad("no bias".into()))?,
            weights: body,
            kk_word_share,
            sources,
        })
    }

    /// A model with all weights zero (every word scores the bias, 0).
    pub fn empty() -> Model {
        static ZEROS: [u8; 512] = [0; 512];
        Model {
            bits: 8,
            scale: 1.0,
            bias: 0.0,
            weights: &ZEROS,
            kk_word_share: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// The bias: log-odds of Kazakh for a word with no features.
    pub fn bias(&self) -> f32 {
        self.bias
    }

    /// The log-odds that `word` (lower case, no marks) is Kazakh rather than Russian.
    #[inline]
    pub fn word_logit(&self, word: &[char]) -> f32 {
        let mut sum: i32 = 0;
        let w = self.weights;
        for_each_feature(word, self.bits, |b| {
            // `b < 2^bits` and `w.len() == 2 * 2^bits`, checked in `parse`.
            if let Some(x) = w.get(2 * b..2 * b + 2) {
                sum += i16::from_le_bytes([x[0], x[1]]) as i32;
            }
        });
        self.bias + sum as f32 / self.scale
    }
}

/// Writes a model file from float weights (used by the `train` example).
pub fn write_model(
    header_comments: &[String],
    weights: &[f32],
    bias: f32,
    kk_word_share: &[(char, f64)],
) -> Vec<u8> {
    let bits = weights.len().trailing_zeros();
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let scale = 32767.0 / max;
    let mut out = String::new();
    for c in header_comments {
        out.push_str("# ");
        out.push_str(c);
        out.push('\n');
    }
    out.push_str(&format!(
        "bits\t{bits}\norder\t{MAX_ORDER}\nscale\t{scale}\nbias\t{bias}\n"
    ));
    for (c, s) in kk_word_share {
        out.push_str(&format!("kk_word_share\t{c}\t{s:.6}\n"));
    }
    out.push_str("%%\n");
    let mut bytes = out.into_bytes();
    for w in weights {
        let q = (w * scale).round().clamp(-32767.0, 32767.0) as i16;
        bytes.extend_from_slice(&q.to_le_bytes());
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses_and_names_its_sources() {
        let m = Model::parse(MODEL_BIN).unwrap();
        assert!(!m.sources.is_empty());
        let header = String::from_utf8_lossy(&MODEL_BIN[..400]);
        assert!(header.contains("do not edit"), "{header}");
        assert_eq!(m.kk_word_share.len(), 15);
        assert!(m.kk_word_share.iter().all(|&(_, s)| s > 0.0 && s < 0.6));
    }

    #[test]
    fn model_file_round_trips() {
        let mut w = vec![0f32; 256];
        w[3] = 1.5;
        w[200] = -2.0;
        let bytes = write_model(&["source: test".into()], &w, 0.25, &[('қ', 0.03)]);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let m = Model::parse(bytes).unwrap();
        assert_eq!(m.bits, 8);
        assert!((m.bias() - 0.25).abs() < 1e-6);
        assert_eq!(m.sources, vec!["test".to_string()]);
        assert_eq!(m.kk_word_share, vec![('қ', 0.03)]);
    }

    #[test]
    fn bad_model_files_are_errors() {
        assert!(Model::parse(b"bits\t8\n").is_err());
        assert!(Model::parse(b"bits\t8\nscale\t1\nbias\t0\n%%\n\x00\x01").is_err());
        assert!(Model::parse(b"wat\t8\n%%\n").is_err());
    }

    #[test]
    fn features_cover_each_ngram_and_the_word() {
        let word: Vec<char> = "және".chars().collect();
        let mut n = 0;
        for_each_feature(&word, 16, |b| {
            assert!(b < 1 << 16);
            n += 1;
        });
        // ^және$ has 6 positions: 4 letters x 1-grams, and 2-5-grams, plus the whole word, plus
        // the endings е, не, ане, жане, ^жане (read backwards).
        assert_eq!(n, 4 + 5 + 4 + 3 + 2 + 1 + 5);
        let long: Vec<char> = "а".repeat(100).chars().collect();
        for_each_feature(&long, 16, |b| assert!(b < 1 << 16));
        for_each_feature(&[], 16, |b| assert!(b < 1 << 16));
    }
}
