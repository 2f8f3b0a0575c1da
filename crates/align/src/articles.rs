//! Article pairing across editions.
//!
//! # Features
//! An [`ArticleProfile`] holds language-neutral features, each tagged with its kind:
//!
//! | tag | what | weight |
//! |---|---|---|
//! | `p:` | person mention key (entity id when resolved) | 3.0 |
//! | `g:` / `o:` | place / organisation mention key | 2.0 |
//! | `d:` | a day and month (`27 сентября`, `27 қыркүйек` -> `d:09-27`) | 3.0 |
//! | `n:` | a number (leading zeros dropped) | 2.0 |
//! | `l:` | a Latin-script word, lower-cased (`OneIndia`) | 2.0 |
//! | `c:` | a capitalised Cyrillic word folded to ASCII (see [`crate::fold`]) and cut to its first five letters, so that inflections (`Магомбейи`, `Магомбейдің`) meet | 1.5 |
//! | `w:` | a lower-case Cyrillic word of at least seven letters, folded and cut to five letters (shared loanwords: `террористов`, `террористік`) | 0.5 |
//!
//! # Score
//! Each feature weighs its kind's weight times its rarity, `ln((N + 1) / df)` with `N` the number
//! of articles and `df` the number of articles holding it. The score of a pair is the cosine of
//! the two binary feature vectors under these weights, in [0, 1].
//!
//! # Pairing
//! Candidate pairs come from an inverted index: only articles sharing a feature held by at most
//! [`AlignConfig::article_block_df`] articles of each edition are compared, so the cost grows with
//! the number of features, not with the square of the articles. Pairs are then taken greedily by
//! score (ties by article ids), each article at most once. Pairs below
//! [`AlignConfig::article_threshold`] (default 0.1: on the pseudo-articles of `../shared/eval`,
//! true pairs of five or more lines score above it, while the best candidate of an article whose
//! counterpart was withheld scores below it) are not taken, except a *clear mutual best*: a pair
//! scoring at least half the threshold where, for both articles, no other candidate scores more
//! than half as much. An article without a pair stays unpaired.

use crate::fold::{month_of, skeleton};
use crate::AlignConfig;
use kzalign_core::{Lang, Mention, MentionKind};
use serde::Serialize;
use std::collections::HashMap;

/// What an article is about, for pairing articles across editions.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleProfile {
    /// Article id.
    pub doc_id: String,
    /// Language of the article.
    pub lang: Lang,
    /// Language-neutral features (person keys, places, numbers, dates), sorted, without
    /// duplicates; see the module docs for the tags.
    pub features: Vec<String>,
}

impl ArticleProfile {
    /// Builds a profile from an article's text and its mentions.
    pub fn new(doc_id: &str, lang: Lang, text: &str, mentions: &[Mention]) -> ArticleProfile {
        let mut features = text_features(text);
        for m in mentions {
            let key = m.entity_id.as_deref().unwrap_or(&m.key);
            if key.is_empty() {
                continue;
            }
            let tag = match m.kind {
                MentionKind::Person => "p:",
                MentionKind::Place => "g:",
                MentionKind::Org => "o:",
            };
            features.push(format!("{tag}{key}"));
        }
        features.sort_unstable();
        features.dedup();
        ArticleProfile {
            doc_id: doc_id.to_string(),
            lang,
            features,
        }
    }
}

/// Letters kept of a word's skeleton: two prefixes, so that a word matches at two strengths.
const STEMS: [usize; 2] = [4, 5];

fn stem(skel: &str, n: usize) -> &str {
    skel.get(..n.min(skel.len())).unwrap_or(skel)
}

/// The language-neutral text features of [`ArticleProfile`] (tags `d:`, `n:`, `l:`, `c:`, `w:`),
/// sorted and without duplicates.
pub fn text_features(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    for (i, tok) in tokens.iter().enumerate() {
        if tok.chars().all(|c| c.is_ascii_digit()) {
            let n = tok.trim_start_matches('0');
            let n = if n.is_empty() { "0" } else { n };
            out.push(format!("n:{n}"));
            // Thousands written apart: `8 826` is also `8826`.
            if let Some(next) = tokens.get(i + 1) {
                if next.len() == 3 && next.chars().all(|c| c.is_ascii_digit()) && n.len() <= 3 {
                    out.push(format!("n:{n}{next}"));
                }
            }
            if let (Ok(day), Some(next)) = (n.parse::<u32>(), tokens.get(i + 1)) {
                if (1..=31).contains(&day) {
                    if let Some(month) = month_of(&next.to_lowercase()) {
                        out.push(format!("d:{month:02}-{day:02}"));
                    } else if let Some(month) = numeric_month(tok, next, tokens.get(i + 2)) {
                        // `23.09.2025`
                        out.push(format!("d:{month:02}-{day:02}"));
                    }
                }
            }
            continue;
        }
        let mut chars = tok.chars();
        let Some(first) = chars.next() else { continue };
        if tok.chars().all(|c| c.is_ascii_alphanumeric()) && tok.len() >= 2 {
            out.push(format!("l:{}", tok.to_ascii_lowercase()));
        }
        let skel = skeleton(tok);
        if skel.len() < 3 {
            continue;
        }
        if first.is_uppercase() {
            out.extend(STEMS.iter().map(|&n| format!("c:{}", stem(&skel, n))));
        } else if tok.chars().count() >= 7 {
            out.extend(STEMS.iter().map(|&n| format!("w:{}", stem(&skel, n))));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The month of a numeric date `dd.mm.yyyy` split into tokens `day`, `month`, `year`.
fn numeric_month(day: &str, month: &str, year: Option<&&str>) -> Option<u32> {
    let year = year?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if day.len() > 2 || month.len() != 2 || year.len() != 4 || !digits(month) || !digits(year) {
        return None;
    }
    month.parse().ok().filter(|m| (1..=12).contains(m))
}

/// The weight of a feature kind (see the module docs).
fn kind_weight(feature: &str) -> f64 {
    match feature.get(..2).unwrap_or("") {
        "p:" | "d:" => 3.0,
        "g:" | "o:" | "n:" | "l:" => 2.0,
        "c:" => 1.5,
        "w:" => 0.5,
        _ => 1.0,
    }
}

/// A pair below the threshold is still taken when it is the clear mutual best: each article's
/// second-best candidate scores at most `MARGIN` times the pair's score...
const MARGIN: f64 = 0.5;
/// ... and the pair scores at least `LOW` times the threshold.
const LOW: f64 = 0.5;

/// One Russian/Kazakh article pair judged to tell the same story, or an article left unpaired.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticlePairRow {
    /// Russian article id (empty for a Kazakh article left unpaired).
    pub ru_doc: String,
    /// Kazakh article id (empty for a Russian article left unpaired).
    pub kk_doc: String,
    /// Pair score in [0, 1], three decimals (`0.000` when unpaired).
    pub score: String,
    /// `paired`, `ru_only` or `kk_only`.
    pub status: String,
    /// The heaviest shared features (at most five), `;`-separated.
    pub shared: String,
}

/// Pairs Russian and Kazakh articles one-to-one. Rows: the pairs sorted by Russian id, then the
/// unpaired Russian articles, then the unpaired Kazakh ones. Articles in another language are
/// ignored.
pub fn pair_articles(profiles: &[ArticleProfile], config: &AlignConfig) -> Vec<ArticlePairRow> {
    let mut order: Vec<&ArticleProfile> = profiles
        .iter()
        .filter(|p| matches!(p.lang, Lang::Ru | Lang::Kk))
        .collect();
    order.sort_by(|a, b| (a.lang, &a.doc_id, &a.features).cmp(&(b.lang, &b.doc_id, &b.features)));
    let n_ru = order.partition_point(|p| p.lang == Lang::Ru);

    // Intern features in sorted order so that sums run in a fixed order.
    let mut all: Vec<&str> = order
        .iter()
        .flat_map(|p| p.features.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    all.dedup();
    let index: HashMap<&str, u32> = all
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i as u32))
        .collect();
    let docs: Vec<Vec<u32>> = order
        .iter()
        .map(|p| {
            let mut v: Vec<u32> = p.features.iter().map(|f| index[f.as_str()]).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let mut df = vec![[0usize; 2]; all.len()];
    for (d, feats) in docs.iter().enumerate() {
        let side = usize::from(d >= n_ru);
        for &f in feats {
            df[f as usize][side] += 1;
        }
    }
    let n = order.len() as f64;
    let weight: Vec<f64> = all
        .iter()
        .zip(&df)
        .map(|(f, c)| kind_weight(f) * ((n + 1.0) / (c[0] + c[1]) as f64).ln())
        .collect();
    let norm: Vec<f64> = docs
        .iter()
        .map(|v| {
            v.iter()
                .map(|&f| weight[f as usize].powi(2))
                .sum::<f64>()
                .sqrt()
        })
        .collect();

    // Blocking: postings of rare-enough features only.
    let mut postings: Vec<(u32, u32)> = Vec::new();
    for (d, feats) in docs.iter().enumerate() {
        for &f in feats {
            let c = df[f as usize];
            if c[0] >= 1
                && c[1] >= 1
                && c[0] <= config.article_block_df
                && c[1] <= config.article_block_df
            {
                postings.push((f, d as u32));
            }
        }
    }
    postings.sort_unstable();
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    let mut start = 0;
    while start < postings.len() {
        let mut end = start + 1;
        while end < postings.len() && postings[end].0 == postings[start].0 {
            end += 1;
        }
        let run = &postings[start..end];
        let split = run.partition_point(|&(_, d)| (d as usize) < n_ru);
        for &(_, r) in &run[..split] {
            for &(_, k) in &run[split..] {
                candidates.push((r, k));
            }
        }
        start = end;
    }
    candidates.sort_unstable();
    candidates.dedup();

    let mut scored: Vec<(f64, u32, u32)> = candidates
        .into_iter()
        .filter_map(|(r, k)| {
            let (a, b) = (&docs[r as usize], &docs[k as usize]);
            let dot: f64 = shared_features(a, b)
                .map(|f| weight[f as usize].powi(2))
                .sum();
            let denom = norm[r as usize] * norm[k as usize];
            let score = if denom > 0.0 {
                (dot / denom).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (score > 0.0).then_some((score, r, k))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Each article's best and second-best candidate score.
    let mut best = vec![[0.0f64; 2]; order.len()];
    for &(score, r, k) in &scored {
        for d in [r as usize, k as usize] {
            if score > best[d][0] {
                best[d] = [score, best[d][0]];
            } else if score > best[d][1] {
                best[d][1] = score;
            }
        }
    }
    let clear = |score: f64, d: usize| score >= best[d][0] && best[d][1] <= score * MARGIN;
    let low = config.article_threshold * LOW;
    let scored: Vec<(f64, u32, u32)> = scored
        .into_iter()
        .filter(|&(score, r, k)| {
            score >= config.article_threshold
                || (score >= low && clear(score, r as usize) && clear(score, k as usize))
        })
        .collect();
    let mut used = vec![false; order.len()];
    let mut rows = Vec::new();
    for (score, r, k) in scored {
        let (r, k) = (r as usize, k as usize);
        if used[r] || used[k] {
            continue;
        }
        used[r] = true;
        used[k] = true;
        let mut top: Vec<u32> = shared_features(&docs[r], &docs[k]).collect();
        top.sort_by(|&x, &y| {
            weight[y as usize]
                .total_cmp(&weight[x as usize])
                .then(x.cmp(&y))
        });
        let shared = top
            .iter()
            .take(5)
            .map(|&f| all[f as usize])
            .collect::<Vec<_>>()
            .join(";");
        rows.push(ArticlePairRow {
            ru_doc: order[r].doc_id.clone(),
            kk_doc: order[k].doc_id.clone(),
            score: format!("{score:.3}"),
            status: "paired".to_string(),
            shared,
        });
    }
    rows.sort_by(|a, b| (&a.ru_doc, &a.kk_doc).cmp(&(&b.ru_doc, &b.kk_doc)));
    for (d, p) in order.iter().enumerate() {
        if used[d] {
            continue;
        }
        let ru = d < n_ru;
        rows.push(ArticlePairRow {
            ru_doc: if ru { p.doc_id.clone() } else { String::new() },
            kk_doc: if ru { String::new() } else { p.doc_id.clone() },
            score: "0.000".to_string(),
            status: if ru { "ru_only" } else { "kk_only" }.to_string(),
            shared: String::new(),
        });
    }
    rows
}

/// Features present in both sorted lists.
fn shared_features<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let f = a[i];
                    i += 1;
                    j += 1;
                    return Some(f);
                }
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words_and_digits_meet() {
        let words = text_features("Астана, 23 сентября 2025 года");
        let digits = text_features("Астана, 23.09.2025");
        let kk = text_features("Астана, 2025 жылғы 23 қыркүйекте");
        for f in [&words, &digits, &kk] {
            assert!(f.contains(&"d:09-23".to_string()), "{f:?}");
            assert!(f.contains(&"n:2025".to_string()), "{f:?}");
        }
        assert!(!text_features("8 826 вакансий")
            .iter()
            .any(|f| f.starts_with("d:")));
        assert!(text_features("8 826 вакансий").contains(&"n:8826".to_string()));
    }

    #[test]
    fn features_of_both_editions_meet() {
        let ru =
            text_features("Нью-Дели , 27 сентября : Питер Магомбейи выехал , сообщил OneIndia .");
        let kk =
            text_features("Нью-Дели , 27 қыркүйек : Питер Магомбейдің кетуі , деді OneIndia-ға .");
        for f in [
            "d:09-27",
            "n:27",
            "l:oneindia",
            "c:piter",
            "c:magom",
            "c:niu",
            "c:deli",
        ] {
            assert!(ru.contains(&f.to_string()), "ru lacks {f}: {ru:?}");
            assert!(kk.contains(&f.to_string()), "kk lacks {f}: {kk:?}");
        }
    }

    #[test]
    fn pairs_one_to_one_with_threshold() {
        let p = |id: &str, lang, text: &str| ArticleProfile::new(id, lang, text, &[]);
        let profiles = vec![
            p(
                "r1",
                Lang::Ru,
                "Мутсвангва заявила 14 мая , что Магомбейи уехал",
            ),
            p("r2", Lang::Ru, "Компания OneIndia сообщила о 250 лагерях"),
            p("r3", Lang::Ru, "ничего общего здесь нет"),
            p("k1", Lang::Kk, "OneIndia 250 лагерь туралы хабарлады"),
            p(
                "k2",
                Lang::Kk,
                "Муцвангва 14 мамырда Магомбейдің кеткенін айтты",
            ),
        ];
        let rows = pair_articles(&profiles, &AlignConfig::default());
        let pairs: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| (r.ru_doc.as_str(), r.kk_doc.as_str(), r.status.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("r1", "k2", "paired"),
                ("r2", "k1", "paired"),
                ("r3", "", "ru_only")
            ]
        );
    }
}
