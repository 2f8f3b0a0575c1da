//! Training the word model (used by the `train` example; kept in the library so it is tested).
//!
//! Logistic regression over the hashed features of [`crate::model::for_each_feature`], fitted by
//! stochastic gradient descent with AdaGrad step sizes on word tokens of Kazakh and Russian text.
//! The two languages are weighted to count equally. Frequent words are damped: a word type seen `n`
//! times contributes `n^damping` examples' worth, so rare content words (the hard single words) are
//! not drowned by function words.

use crate::model::for_each_feature;
use std::collections::HashMap;

/// Settings of a training run.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// log2 of the number of hash buckets.
    pub bits: u32,
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty per example.
    pub l2: f32,
    /// Exponent applied to word-type counts (1 = every token, 0 = every type once).
    pub damping: f64,
    /// Also train on Kazakh words written with Russian letters in place of Kazakh-only ones
    /// (`қазақ` as `казак`), with this weight relative to the original.
    pub degraded_weight: f32,
    /// Seed of the shuffling.
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 20,
            epochs: 8,
            learning_rate: 0.2,
            l2: 0.0,
            damping: 0.5,
            degraded_weight: 0.15,
            seed: 7,
        }
    }
}

/// The Russian letter most often typed in place of each Kazakh-only letter.
pub fn degrade(c: char) -> char {
    match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' => 'у',
        'һ' => 'х',
        'і' => 'и',
        _ => c,
    }
}

/// A weighted training example: a word and its label (true = Kazakh).
#[derive(Clone, Debug)]
pub struct Example {
    /// The word's feature buckets.
    pub features: Vec<u32>,
    /// True for Kazakh.
    pub kazakh: bool,
    /// Weight of the example.
    pub weight: f32,
}

/// Counts word types of one language.
pub fn count_types(words: impl IntoIterator<Item = Vec<char>>) -> HashMap<Vec<char>, u64> {
    let mut m = HashMap::new();
    for w in words {
        if !w.is_empty() {
            *m.entry(w).or_insert(0) += 1;
        }
    }
    m
}

fn examples_of(
    types: &HashMap<Vec<char>, u64>,
    kazakh: bool,
    cfg: &TrainConfig,
    class_weight: f64,
) -> Vec<Example> {
    let mut out = Vec::new();
    let mut sorted: Vec<(&Vec<char>, &u64)> = types.iter().collect();
    sorted.sort();
    for (w, &n) in sorted {
        let weight = ((n as f64).powf(cfg.damping) * class_weight) as f32;
        let mut features = Vec::new();
        for_each_feature(w, cfg.bits, |b| features.push(b as u32));
        out.push(Example {
            features,
            kazakh,
            weight,
        });
        if kazakh && cfg.degraded_weight > 0.0 {
            let d: Vec<char> = w.iter().map(|&c| degrade(c)).collect();
            if d != *w {
                let mut features = Vec::new();
                for_each_feature(&d, cfg.bits, |b| features.push(b as u32));
                out.push(Example {
                    features,
                    kazakh,
                    weight: weight * cfg.degraded_weight,
                });
            }
        }
    }
    out
}

fn mass(types: &HashMap<Vec<char>, u64>, damping: f64) -> f64 {
    types.values().map(|&n| (n as f64).powf(damping)).sum()
}

/// Word types of one language from one kind of source, and the share of that language's total
/// weight they get (running text and word lists are weighted apart).
#[derive(Clone, Debug)]
pub struct Group {
    /// Word types and their counts.
    pub types: HashMap<Vec<char>, u64>,
    /// True for Kazakh.
    pub kazakh: bool,
    /// Share of the language's weight, e.g. 1.0 for its only group.
    pub share: f64,
}

/// Trains the model on two groups, Kazakh and Russian running text; returns the bucket weights and
/// the bias.
pub fn train(
    kk: &HashMap<Vec<char>, u64>,
    ru: &HashMap<Vec<char>, u64>,
    cfg: &TrainConfig,
) -> (Vec<f32>, f32) {
    let groups = [
        Group {
            types: kk.clone(),
            kazakh: true,
            share: 1.0,
        },
        Group {
            types: ru.clone(),
            kazakh: false,
            share: 1.0,
        },
    ];
    train_groups(&groups, cfg)
}

/// Trains the model on weighted groups; returns the bucket weights and the bias.
pub fn train_groups(groups: &[Group], cfg: &TrainConfig) -> (Vec<f32>, f32) {
    let mut ex = Vec::new();
    for g in groups {
        let m = mass(&g.types, cfg.damping).max(1.0);
        // Each language's groups add up to about 10^5 examples' worth.
        ex.extend(examples_of(&g.types, g.kazakh, cfg, 1e5 * g.share / m));
    }
    let size = 1usize << cfg.bits;
    let mut w = vec![0f32; size];
    let mut g2 = vec![1e-3f32; size];
    let mut bias = 0f32;
    let mut bias_g2 = 1e-3f32;
    let mut order: Vec<usize> = (0..ex.len()).collect();
    let mut state = cfg.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for _ in 0..cfg.epochs {
        // Fisher-Yates with xorshift.
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let e = &ex[i];
            let z: f32 = bias + e.features.iter().map(|&b| w[b as usize]).sum::<f32>();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if e.kazakh { 1.0 } else { 0.0 };
            let g = (p - y) * e.weight;
            for &b in &e.features {
                let b = b as usize;
                let gb = g + cfg.l2 * w[b];
                g2[b] += gb * gb;
                w[b] -= cfg.learning_rate * gb / g2[b].sqrt();
            }
            bias_g2 += g * g;
            bias -= cfg.learning_rate * g / bias_g2.sqrt();
        }
    }
    (w, bias)
}

/// The shift of the bias that maximises the mean of the two languages' accuracies on held-out
/// words, given their log-odds; searched over [-3, 3] in steps of 0.05, the smallest shift winning
/// ties.
pub fn calibrate(kk: &[f32], ru: &[f32]) -> f32 {
    let acc = |shift: f32| {
        let a = kk.iter().filter(|&&z| z + shift > 0.0).count() as f64 / kk.len().max(1) as f64;
        let b = ru.iter().filter(|&&z| z + shift <= 0.0).count() as f64 / ru.len().max(1) as f64;
        (a + b) / 2.0
    };
    let mut best = (acc(0.0), 0.0f32);
    for i in 1..=60 {
        for shift in [i as f32 * 0.05, -(i as f32) * 0.05] {
            let a = acc(shift);
            if a > best.0 + 1e-12 {
                best = (a, shift);
            }
        }
    }
    best.1
}

/// Adds `other` to `acc` (for averaging models trained with different seeds).
pub fn add_weights(acc: &mut [f32], other: &[f32]) {
    for (a, b) in acc.iter_mut().zip(other) {
        *a += b;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn calibration_moves_the_threshold_between_the_classes() {
        // Kazakh words score -0.5..; Russian below -1: the best shift lies in (0.5, 1].
        let kk = [-0.5, 0.2, 1.0, 2.0];
        let ru = [-1.0, -2.0, -3.0];
        let s = super::calibrate(&kk, &ru);
        assert!(s > 0.5 && s <= 1.0, "{s}");
        assert_eq!(super::calibrate(&[1.0], &[-1.0]), 0.0);
    }

    use super::*;

    fn words(s: &str) -> Vec<Vec<char>> {
        s.split_whitespace().map(|w| w.chars().collect()).collect()
    }

    #[test]
    fn learns_to_separate_two_tiny_languages() {
        let kk = count_types(words(
            "кездесу кездесті келді барды алды берді жасады болды",
        ));
        let ru = count_types(words("встреча встретил пришёл пошёл взял дал сделал было"));
        let cfg = TrainConfig {
            bits: 16,
            ..TrainConfig::default()
        };
        let (w, bias) = train(&kk, &ru, &cfg);
        let score = |word: &str| {
            let chars: Vec<char> = word.chars().collect();
            let mut z = bias;
            for_each_feature(&chars, 16, |b| z += w[b]);
            z
        };
        assert!(score("кездесті") > 0.0);
        assert!(score("встретил") < 0.0);
        // Unseen forms share n-grams with seen ones.
        assert!(score("алды") > score("взял"));
    }

    #[test]
    fn degrade_maps_only_kazakh_letters() {
        let s: String = "қазақ тілі мен".chars().map(degrade).collect();
        assert_eq!(s, "казак тили мен");
    }
}
