//! Evaluation of article pairing on line-aligned translations.
//!
//! [`pseudo_articles`] groups consecutive lines of a Russian and a Kazakh file (line N of one
//! translates line N of the other) into pseudo-articles of `group` lines, the same grouping on
//! both sides, shuffles each side with its own fixed-seed permutation, gives every article an id
//! from its shuffled position (so ids leak nothing), pairs them with [`pair_articles`] and counts
//! how many articles found their counterpart.

use crate::{pair_articles, AlignConfig, ArticleProfile};
use kzalign_core::Lang;
use std::collections::HashMap;

/// The figures of one pseudo-article run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairingScore {
    /// Lines per pseudo-article.
    pub group: usize,
    /// Articles per edition.
    pub articles: usize,
    /// Russian articles paired with their counterpart.
    pub correct: usize,
    /// Russian articles paired with another article.
    pub wrong: usize,
    /// Russian articles left unpaired.
    pub unpaired: usize,
    /// Russian articles whose Kazakh counterpart was withheld (see [`pseudo_articles_with`]).
    pub orphans: usize,
}

impl PairingScore {
    /// `part` as a percentage of the articles.
    fn pct(&self, part: usize) -> f64 {
        if self.articles == 0 {
            0.0
        } else {
            100.0 * part as f64 / self.articles as f64
        }
    }

    /// Correct pairs, % of articles.
    pub fn correct_pct(&self) -> f64 {
        self.pct(self.correct)
    }

    /// Wrong pairs, % of articles.
    pub fn wrong_pct(&self) -> f64 {
        self.pct(self.wrong)
    }

    /// Unpaired articles, % of articles.
    pub fn unpaired_pct(&self) -> f64 {
        self.pct(self.unpaired)
    }
}

/// splitmix64 (Steele, Lea, Flood 2014): a small fixed PRNG, so shuffles never change.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Pairs pseudo-articles of `group` consecutive lines with the default [`AlignConfig`];
/// `profile(doc_id, lang, text)` builds each profile (e.g. `ArticleProfile::new(id, lang, text,
/// &mentions)`).
pub fn pseudo_articles<F>(
    ru_lines: &[&str],
    kk_lines: &[&str],
    group: usize,
    seed: u64,
    profile: F,
) -> PairingScore
where
    F: Fn(&str, Lang, &str) -> ArticleProfile,
{
    pseudo_articles_with(
        ru_lines,
        kk_lines,
        group,
        seed,
        0,
        &AlignConfig::default(),
        profile,
    )
}

/// [`pseudo_articles`] with an explicit configuration, withholding `withhold_pct` percent of the
/// Kazakh articles (chosen by the seed): the Russian articles left without a counterpart
/// (`orphans`) should stay unpaired, and count as wrong when paired.
pub fn pseudo_articles_with<F>(
    ru_lines: &[&str],
    kk_lines: &[&str],
    group: usize,
    seed: u64,
    withhold_pct: usize,
    config: &AlignConfig,
    profile: F,
) -> PairingScore
where
    F: Fn(&str, Lang, &str) -> ArticleProfile,
{
    let group = group.max(1);
    let n = ru_lines.len().min(kk_lines.len());
    let texts = |lines: &[&str]| -> Vec<String> {
        lines[..n].chunks(group).map(|c| c.join("\n")).collect()
    };
    let (ru, kk) = (texts(ru_lines), texts(kk_lines));
    let articles = ru.len();
    let mut ru_order: Vec<usize> = (0..articles).collect();
    let mut kk_order: Vec<usize> = (0..articles).collect();
    SplitMix64::new(seed).shuffle(&mut ru_order);
    SplitMix64::new(seed ^ 0x6b6b_6b6b_6b6b_6b6b).shuffle(&mut kk_order);
    // ru_order[pos] = original article at shuffled position pos.
    let mut truth: HashMap<String, usize> = HashMap::new();
    let mut profiles = Vec::with_capacity(2 * articles);
    for (pos, &orig) in ru_order.iter().enumerate() {
        let id = format!("ru-{pos:05}");
        profiles.push(profile(&id, Lang::Ru, &ru[orig]));
        truth.insert(id, orig);
    }
    // The first withheld share of the shuffled Kazakh side is withheld.
    let withheld = (articles * withhold_pct.min(100)) / 100;
    for (pos, &orig) in kk_order.iter().enumerate().skip(withheld) {
        let id = format!("kk-{pos:05}");
        profiles.push(profile(&id, Lang::Kk, &kk[orig]));
        truth.insert(id, orig);
    }
    let rows = pair_articles(&profiles, config);
    let (mut correct, mut wrong) = (0, 0);
    for row in rows.iter().filter(|r| r.status == "paired") {
        if truth.get(&row.ru_doc) == truth.get(&row.kk_doc) {
            correct += 1;
        } else {
            wrong += 1;
        }
    }
    PairingScore {
        group,
        articles,
        correct,
        wrong,
        unpaired: articles - correct - wrong,
        orphans: withheld,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_reference() {
        // Reference outputs of splitmix64 seeded with 1234567 (Vigna's splitmix64.c).
        let mut r = SplitMix64::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut v: Vec<u32> = (0..100).collect();
        SplitMix64::new(7).shuffle(&mut v);
        assert_ne!(v, (0..100).collect::<Vec<_>>());
        v.sort_unstable();
        assert_eq!(v, (0..100).collect::<Vec<_>>());
    }
}
