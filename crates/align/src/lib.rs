//! Cross-lingual event alignment, article pairing and coverage.
//!
//! kzalign reads a Russian and a Kazakh edition of the news and joins what they reported:
//!
//! - [`align_events`] turns the events of every article into one report row per real-world event
//!   ([`AlignRow`]): events of one edition telling the same event merge, and the Russian and the
//!   Kazakh telling align one-to-one, each row explaining its score (`why`). See [`events`] for the
//!   signals, the blocking and the score.
//! - [`pair_articles`] pairs whole articles across the editions from language-neutral features
//!   ([`ArticleProfile`]): person keys, places, organisations, Latin words, transliterated
//!   capitalised words, numbers and dates, weighted by rarity. See [`articles`].
//! - [`coverage()`] counts what each edition reported, who is missing from which, and the lag
//!   between the editions ([`CoverageRow`]).
//!
//! Every output is deterministic: the same rows, byte for byte, whatever the input order.
//!
//! ```
//! use kzalign_align::{align_events, AlignConfig};
//! let rows = align_events(&[], &AlignConfig::default());
//! assert!(rows.is_empty());
//! ```
#![deny(missing_docs)]

pub mod articles;
pub mod coverage;
pub mod eval;
pub mod events;
pub mod fold;

pub use articles::{pair_articles, text_features, ArticlePairRow, ArticleProfile};
pub use coverage::{coverage, CoverageRow};
pub use events::{align_events, AlignRow};

/// Settings of event alignment and article pairing.
#[derive(Clone, Debug)]
pub struct AlignConfig {
    /// How many days apart two dated events may be and still align (default 1; read as 0 to
    /// 36525).
    pub date_window_days: i64,
    /// Article pairs scoring below this stay unpaired (default 0.1; see [`articles`]).
    pub article_threshold: f64,
    /// A feature found in more articles than this (in either edition) is too common to propose
    /// candidate pairs; it still counts in the score (default 40).
    pub article_block_df: usize,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig {
            date_window_days: 1,
            article_threshold: 0.1,
            article_block_df: 40,
        }
    }
}

/// 64-bit FNV-1a: a fixed hash for ids that must not change between runs or Rust versions.
pub(crate) fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A fast, fixed (unseeded) hasher for the maps of internal ids; iteration order of these maps is
/// never used for output.
#[derive(Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        // The multiply-rotate step of the Fx hash (Firefox, rustc).
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    #[test]
    fn fnv_is_the_published_function() {
        // Test vectors of FNV-1a 64 (Fowler/Noll/Vo reference): "" and "a".
        assert_eq!(super::fnv1a(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(super::fnv1a(*b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
