//! Word lists of Kazakh and Russian forms, stored as Bloom filters (`data/{kk,ru}_words.bloom`,
//! written by the `wordlist` example). A word found in one language's list and not in the other's
//! is taken to be of that language at least moderately surely; a word in both or neither is left to
//! the word model. False positives (about 1 in 100 words not in a list) only ever make a word look
//! ambiguous or, rarely, of the other language, which the model's evidence can still outweigh in
//! longer texts.

use kzalign_core::{Error, ErrorKind};

/// The Kazakh word list.
pub const KK_BLOOM: &[u8] = include_bytes!("../data/kk_words.bloom");
/// The Russian word list.
pub const RU_BLOOM: &[u8] = include_bytes!("../data/ru_words.bloom");

const K1: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xC2B2_AE3D_27D4_EB4F;

fn hashes(word: &[char]) -> (u64, u64) {
    let (mut a, mut b) = (K1, K2);
    for &c in word {
        a = (a ^ c as u64).wrapping_mul(K2).rotate_left(23);
        b = (b ^ c as u64).wrapping_mul(K1).rotate_left(31);
    }
    let a = (a ^ (a >> 29)).wrapping_mul(K1);
    let b = (b ^ (b >> 31)).wrapping_mul(K2) | 1;
    (a, b)
}

/// A Bloom filter over lower-case words.
#[derive(Clone, Debug)]
pub struct Bloom {
    bits: &'static [u8],
    k: u32,
    /// The `# source:` lines of the header.
    pub sources: Vec<String>,
}

impl Bloom {
    /// Parses a filter file: `#` comment lines, `hashes<TAB>k`, a line `%%`, then the bit array.
    pub fn parse(bytes: &'static [u8], file: &str) -> Result<Bloom, Error> {
        let bad = |m: String| Error::new(ErrorKind::MalformedRow, m).with_path(file);
        let (header, bits) = crate::model::split_header(bytes).map_err(bad)?;
        let mut k = None;
        let mut sources = Vec::new();
        for line in header.lines() {
            if let Some(s) = line.strip_prefix("# source:") {
                sources.push(s.trim().to_string());
            } else if let Some(v) = line.strip_prefix("hashes\t") {
                k = v.trim().parse::<u32>().ok();
            } else if !line.starts_with('#') && !line.trim().is_empty() {
                return Err(bad(format!("unknown header line {line:?}")));
            }
        }
        let k = k
            .filter(|k| (1..=16).contains(k))
            .ok_or_else(|| bad("bad hashes".into()))?;
        if bits.is_empty() {
            return Err(bad("no bits".into()));
        }
        Ok(Bloom { bits, k, sources })
    }

    /// An empty filter (contains nothing).
    pub fn empty() -> Bloom {
        static ZERO: [u8; 1] = [0];
        Bloom {
            bits: &ZERO,
            k: 1,
            sources: Vec::new(),
        }
    }

    /// Whether the word is (probably) in the list.
    #[inline]
    pub fn contains(&self, word: &[char]) -> bool {
        let m = self.bits.len() as u64 * 8;
        let (a, b) = hashes(word);
        (0..self.k as u64).all(|i| {
            let bit = a.wrapping_add(i.wrapping_mul(b)) % m;
            self.bits
                .get((bit / 8) as usize)
                .is_some_and(|byte| byte & (1 << (bit % 8)) != 0)
        })
    }
}

/// Builds a filter's bytes for `words` with about `bits_per_word` bits each (used by the
/// `wordlist` example).
pub fn build(words: &[Vec<char>], bits_per_word: f64, header: &[String]) -> Vec<u8> {
    let m = ((words.len().max(1) as f64 * bits_per_word / 8.0).ceil() as usize).max(1) * 8;
    let k = ((bits_per_word * std::f64::consts::LN_2).round() as u32).clamp(1, 16);
    let mut bits = vec![0u8; m / 8];
    for w in words {
        let (a, b) = hashes(w);
        for i in 0..k as u64 {
            let bit = (a.wrapping_add(i.wrapping_mul(b)) % m as u64) as usize;
            bits[bit / 8] |= 1 << (bit % 8);
        }
    }
    let mut out = String::new();
    for h in header {
        out.push_str("# ");
        out.push_str(h);
        out.push('\n');
    }
    out.push_str(&format!("hashes\t{k}\n%%\n"));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(&bits);
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn embedded_lists_parse_and_know_common_words() {
        let kk = Bloom::parse(KK_BLOOM, "data/kk_words.bloom").unwrap();
        let ru = Bloom::parse(RU_BLOOM, "data/ru_words.bloom").unwrap();
        assert!(!kk.sources.is_empty() && !ru.sources.is_empty());
        assert!(String::from_utf8_lossy(&KK_BLOOM[..300]).contains("do not edit"));
        assert!(kk.contains(&w("кездесу")));
        assert!(kk.contains(&w("министрлері")));
        assert!(!kk.contains(&w("встретился")));
        assert!(ru.contains(&w("встретился")));
        assert!(ru.contains(&w("государственный")));
        assert!(!ru.contains(&w("кездесті")));
    }

    #[test]
    fn built_filter_round_trips() {
        let words: Vec<Vec<char>> = ["альфа", "бета", "гамма"].iter().map(|s| w(s)).collect();
        let bytes = build(&words, 10.0, &["source: test".into()]);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let b = Bloom::parse(bytes, "test").unwrap();
        assert!(words.iter().all(|x| b.contains(x)));
        assert!(!b.contains(&w("дельта")));
        assert!(Bloom::parse(b"hashes\t3\n", "x").is_err());
        assert!(!Bloom::empty().contains(&w("а")));
    }
}
