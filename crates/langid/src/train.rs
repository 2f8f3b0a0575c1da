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

/// Trains the model; returns the bucket weights and the bias.
pub fn train(
    kk: &HashMap<Vec<char>, u64>,
    ru: &HashMap<Vec<char>, u64>,
    cfg: &TrainConfig,
) -> (Vec<f32>, f32) {
    let (mk, mr) = (
        mass(kk, cfg.damping).max(1.0),
        mass(ru, cfg.damping).max(1.0),
    );
    let mean = (mk + mr) / 2.0;
    let mut ex = examples_of(kk, true, cfg, mean / mk);
    ex.extend(examples_of(ru, false, cfg, mean / mr));
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

#[cfg(test)]
mod tests {
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
