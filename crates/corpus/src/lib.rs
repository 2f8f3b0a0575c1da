//! A deterministic generator of Russian and Kazakh news corpora with known truth, for kzalign's
//! scale tests and benchmarks.
//!
//! [`generate`] writes *stories*: one real-world event (a meeting, talks, a call, a visit, a
//! reception), or a round-up of several on one day, told by articles of the Russian edition, the
//! Kazakh edition, or both. Editions leave events out, publish a second article on the same story,
//! tell events in another order, publish the next day («Вчера», «Кеше») and name people with and
//! without their offices, in the right case in both languages (`с Владимиром Путиным`,
//! `Владимир Путинмен`, `Тоқаевқа`). The [`TruthEvent`]s say which articles of each edition tell
//! each event, so an alignment can be scored ([`score_alignment`]).
//!
//! Everything the generator writes comes from the data files under `data/` (persons with their
//! Russian case forms, titles, places, months, sentence templates, filler sentences, Kazakh case
//! endings); Kazakh case forms of names are derived by rule from `data/kk_suffixes.tsv`.
//!
//! [`generate_events`] skips the text and makes [`kzalign_core::Event`] values directly, with a
//! known true alignment, for benchmarking `align_events` on a million events.
//!
//! The same [`GenConfig`] and seed give the same corpus on every platform (own splitmix64 PRNG).
//!
//! ```
//! use kzalign_corpus::{generate, GenConfig};
//! let corpus = generate(&GenConfig { articles: 20, seed: 7, ..GenConfig::default() });
//! assert_eq!(corpus.articles.len(), 20);
//! assert!(corpus.truth.iter().all(|t| !t.ru_articles.is_empty() || !t.kk_articles.is_empty()));
//! ```
#![deny(missing_docs)]

mod data;
mod events;
mod io;
mod kk;
mod render;
mod rng;
mod score;
mod story;

pub use data::DataError;
pub use events::generate_events;
pub use io::{
    articles_from_jsonl, write_articles_jsonl, write_corpus_jsonl, write_truth_jsonl, GenStats,
};
pub use kk::{inflect_name as kk_inflect_name, KkCase};
pub use score::{oracle_rows, score_alignment, AlignScore};

use chrono::NaiveDate;
use kzalign_core::{Article, EventType, Lang};
use serde::Serialize;

/// Settings of [`generate`]. `..GenConfig::default()` fills what you do not set.
#[derive(Clone, Debug, PartialEq)]
pub struct GenConfig {
    /// Exactly this many articles are written.
    pub articles: usize,
    /// The same seed gives the same corpus.
    pub seed: u64,
    /// Date of the first story.
    pub start: NaiveDate,
    /// Stories per day (dates advance one day every this many stories).
    pub stories_per_day: usize,
    /// Officials outside any gazetteer (common Kazakh names) added to the ~40 real ones; raised to
    /// `articles / 400` for large corpora, at most the number of name combinations (~700). Up to
    /// 30 they all have different surnames; past that some are namesakes.
    pub extra_persons: usize,
    /// Share of stories only the Russian edition tells.
    pub ru_only_share: f64,
    /// Share of stories only the Kazakh edition tells.
    pub kk_only_share: f64,
    /// Chance that an edition publishes a second article on a story (a duplicate within the edition).
    pub duplicate_rate: f64,
    /// Chance that a story is a round-up of 2-4 events on one day (one article tells them all).
    pub roundup_rate: f64,
    /// Chance that an edition leaves one event of a round-up out.
    pub omit_rate: f64,
    /// Share of long articles (3-6 KB, like the seed articles); the rest are short (0.2-1 KB).
    pub long_share: f64,
    /// Chance that an article is published the day after the event.
    pub next_day_rate: f64,
}

impl Default for GenConfig {
    fn default() -> GenConfig {
        GenConfig {
            articles: 1000,
            seed: 1,
            start: NaiveDate::from_ymd_opt(2024, 1, 9).unwrap_or_default(),
            stories_per_day: 12,
            extra_persons: 30,
            ru_only_share: 0.2,
            kk_only_share: 0.15,
            duplicate_rate: 0.15,
            roundup_rate: 0.2,
            omit_rate: 0.3,
            long_share: 0.3,
            next_day_rate: 0.25,
        }
    }
}

/// One generated article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GenArticle {
    /// `ru-0000001`, `kk-0000001`, ...
    pub id: String,
    /// `ru` or `kk`.
    pub edition: String,
    /// The language it is written in (the edition's).
    pub lang: Lang,
    /// Publication date.
    pub date: NaiveDate,
    /// Headline.
    pub title: String,
    /// Body, paragraphs separated by a blank line (the title is not repeated).
    pub text: String,
    /// Truth ids of the events it tells.
    pub events: Vec<String>,
}

impl GenArticle {
    /// The article as the readers of kzalign make it from a JSONL record.
    pub fn to_article(&self) -> Article {
        Article {
            id: self.id.clone(),
            source: format!("generated:{}", self.id),
            title: Some(self.title.clone()),
            date: Some(self.date),
            lang: Some(self.lang),
            edition: Some(self.edition.clone()),
            url: None,
            text: self.text.clone(),
        }
    }
}

/// One real-world event and the articles that tell it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TruthEvent {
    /// `ev-0000001`, ...
    pub id: String,
    /// What happened.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Person ids (`vladimir-putin`, or `extra-<i>-<j>` for generated officials), sorted.
    pub participants: Vec<String>,
    /// The day it happened.
    pub date: NaiveDate,
    /// Canonical English place name (none for calls).
    pub place: Option<String>,
    /// Russian articles telling it.
    pub ru_articles: Vec<String>,
    /// Kazakh articles telling it.
    pub kk_articles: Vec<String>,
}

impl TruthEvent {
    /// Whether both editions tell it.
    pub fn both(&self) -> bool {
        !self.ru_articles.is_empty() && !self.kk_articles.is_empty()
    }
}

/// A generated corpus: articles in a shuffled order, and the truth sorted by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The articles.
    pub articles: Vec<GenArticle>,
    /// The events they tell.
    pub truth: Vec<TruthEvent>,
}

/// Generates a corpus in memory (about 2 KB per article on average with the default settings).
/// For millions of articles use [`write_corpus_jsonl`], which streams.
pub fn generate(config: &GenConfig) -> Corpus {
    let mut gen = story::StoryGen::new(data::tables(), config);
    let mut corpus = Corpus::default();
    while let Some((articles, truth)) = gen.next_story() {
        corpus.articles.extend(articles);
        corpus.truth.extend(truth);
    }
    let mut rng = rng::Rng::new(config.seed.rotate_left(17) ^ 0xA5A5);
    rng.shuffle(&mut corpus.articles);
    corpus
}

/// The person ids the generator knows, with their canonical names (real officials only).
pub fn known_persons() -> Vec<(String, String)> {
    data::tables()
        .persons
        .iter()
        .map(|p| (p.id.clone(), p.canonical.clone()))
        .collect()
}

/// Every inflected form the generator writes for the real persons: `(language, form, person id)`,
/// Russian full and short names in five cases, Kazakh full and short names in the nominative and
/// four cases (genitive, dative, accusative, comitative). A labelled set for name normalization.
pub fn name_forms() -> Vec<(Lang, String, String)> {
    let mut out = Vec::new();
    for p in &data::tables().persons {
        for f in p.ru_full.iter().chain(&p.ru_short) {
            out.push((Lang::Ru, f.clone(), p.id.clone()));
        }
        for base in [&p.kk_full, &p.kk_short] {
            for case in ["nom", "gen", "dat", "acc", "com"] {
                out.push((Lang::Kk, data::kk_person(base, case), p.id.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Checks that every embedded data file parses.
pub fn check_data() -> Result<(), DataError> {
    data::Tables::parse().map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn corpus() -> Corpus {
        generate(&GenConfig {
            articles: 600,
            seed: 11,
            ..GenConfig::default()
        })
    }

    #[test]
    fn name_forms_cover_cases() {
        let forms = name_forms();
        let has = |l: Lang, f: &str| forms.iter().any(|(lang, form, _)| *lang == l && form == f);
        assert!(has(Lang::Ru, "Владимиром Путиным"));
        assert!(has(Lang::Ru, "Касым-Жомарта Токаева"));
        assert!(has(Lang::Kk, "Владимир Путинмен"));
        assert!(has(Lang::Kk, "Тоқаевқа"));
        assert!(has(Lang::Kk, "Путиннің"));
        assert!(forms.len() > 40 * 10);
    }

    #[test]
    fn bench_fixture_is_current() {
        // fixtures/bench/articles.jsonl is generated; regenerate it after changing the data files:
        //   cargo run -p kzalign-corpus --example generate -- 160 2026 fixtures/bench
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/bench/articles.jsonl");
        let Ok(committed) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {} not found", path.display());
            return;
        };
        let cfg = GenConfig {
            articles: 160,
            seed: 2026,
            ..GenConfig::default()
        };
        let (mut a, mut t) = (Vec::new(), Vec::new());
        write_corpus_jsonl(&cfg, &mut a, &mut t).unwrap();
        assert!(
            committed == String::from_utf8(a).unwrap(),
            "fixtures/bench is stale: cargo run -p kzalign-corpus --example generate -- 160 2026 fixtures/bench"
        );
    }

    #[test]
    fn exact_count_and_deterministic() {
        let a = corpus();
        assert_eq!(a.articles.len(), 600);
        assert_eq!(a, corpus());
        let b = generate(&GenConfig {
            articles: 600,
            seed: 12,
            ..GenConfig::default()
        });
        assert_ne!(a.articles, b.articles);
        assert!(generate(&GenConfig {
            articles: 0,
            ..GenConfig::default()
        })
        .articles
        .is_empty());
    }

    #[test]
    fn truth_and_articles_agree() {
        let c = corpus();
        let by_id: HashMap<&str, &GenArticle> =
            c.articles.iter().map(|a| (a.id.as_str(), a)).collect();
        assert_eq!(by_id.len(), c.articles.len(), "ids are unique");
        let truth_ids: HashSet<&str> = c.truth.iter().map(|t| t.id.as_str()).collect();
        for a in &c.articles {
            assert!(!a.events.is_empty(), "{} tells no event", a.id);
            assert!(a.events.iter().all(|e| truth_ids.contains(e.as_str())));
            assert!(a.id.starts_with(&a.edition));
            assert!(!a.title.is_empty() && !a.text.is_empty());
        }
        for t in &c.truth {
            assert!(!t.ru_articles.is_empty() || !t.kk_articles.is_empty());
            for (ids, ed) in [(&t.ru_articles, "ru"), (&t.kk_articles, "kk")] {
                for id in ids {
                    let a = by_id[id.as_str()];
                    assert_eq!(a.edition, ed);
                    assert!(a.events.contains(&t.id));
                    assert!(a.date == t.date || a.date == t.date.succ_opt().unwrap());
                }
            }
            let n = if t.kind == EventType::Visit { 1 } else { 2 };
            assert_eq!(t.participants.len(), n, "{t:?}");
            assert_eq!(t.place.is_none(), t.kind == EventType::Call);
        }
    }

    #[test]
    fn editions_omit_and_duplicate() {
        let c = corpus();
        let both = c.truth.iter().filter(|t| t.both()).count();
        let ru_only = c.truth.iter().filter(|t| t.kk_articles.is_empty()).count();
        let kk_only = c.truth.iter().filter(|t| t.ru_articles.is_empty()).count();
        let dup = c
            .truth
            .iter()
            .filter(|t| t.ru_articles.len() > 1 || t.kk_articles.len() > 1)
            .count();
        let roundups = c.articles.iter().filter(|a| a.events.len() > 1).count();
        assert!(
            both > ru_only && ru_only > 0 && kk_only > 0,
            "{both} {ru_only} {kk_only}"
        );
        assert!(dup > 10 && roundups > 10, "{dup} {roundups}");
        let long = c.articles.iter().filter(|a| a.text.len() > 2500).count();
        let short = c.articles.iter().filter(|a| a.text.len() < 1000).count();
        assert!(long > 60 && short > 200, "{long} {short}");
    }

    #[test]
    fn same_participants_are_days_apart() {
        let c = generate(&GenConfig {
            articles: 3000,
            seed: 3,
            ..GenConfig::default()
        });
        let mut last: HashMap<Vec<String>, NaiveDate> = HashMap::new();
        let mut truth = c.truth.clone();
        truth.sort_by_key(|t| t.date);
        for t in &truth {
            let mut key = t.participants.clone();
            if t.kind == EventType::Visit {
                key.push("visit".into());
            }
            if let Some(d) = last.insert(key, t.date) {
                assert!(
                    (t.date - d).num_days() >= story::MIN_DAYS_APART as i64,
                    "{t:?} after {d}"
                );
            }
        }
    }

    #[test]
    fn text_names_people_in_the_right_case() {
        let c = generate(&GenConfig {
            articles: 3000,
            seed: 5,
            ..GenConfig::default()
        });
        let ru: String = c
            .articles
            .iter()
            .filter(|a| a.lang == Lang::Ru)
            .map(|a| a.text.as_str())
            .collect();
        let kk: String = c
            .articles
            .iter()
            .filter(|a| a.lang == Lang::Kk)
            .map(|a| a.text.as_str())
            .collect();
        // Forms the templates must produce somewhere in a corpus this size.
        for s in [
            "встретился с",
            "провел переговоры с",
            "телефонный разговор",
            "прибыл",
            "принял",
            "Токаев",
        ] {
            assert!(ru.contains(s), "ru lacks {s}");
        }
        for s in [
            "кездесті",
            "келіссөздер жүргізді",
            "телефон арқылы сөйлесті",
            "сапармен келді",
            "қабылдады",
            "Тоқаев",
        ] {
            assert!(kk.contains(s), "kk lacks {s}");
        }
        assert!(ru.contains("Путиным") || ru.contains("Путина"));
        assert!(kk.contains("Путинмен") || kk.contains("Путиннің") || kk.contains("Путинді"));
        // No slot left unfilled, no Kazakh letters in Russian text.
        assert!(!ru.contains('{') && !kk.contains('{'));
        assert!(!ru.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)));
        assert!(kk.chars().filter(|c| "әғқңөұүһі".contains(*c)).count() > kk.len() / 100);
    }
}
