//! Property tests: any settings give exactly the requested number of articles and a consistent truth.
use kzalign_corpus::{generate, GenConfig};
use proptest::prelude::*;
use std::collections::HashSet;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn any_settings_give_a_consistent_corpus(
        articles in 0usize..60,
        seed in any::<u64>(),
        stories_per_day in 0usize..50,
        extra_persons in 0usize..2000,
        ru_only in 0.0f64..1.0,
        kk_only in 0.0f64..1.0,
        duplicate in 0.0f64..1.0,
        roundup in 0.0f64..1.0,
        omit in 0.0f64..1.0,
        long in 0.0f64..1.0,
        next_day in 0.0f64..1.0,
    ) {
        let c = generate(&GenConfig {
            articles, seed, stories_per_day, extra_persons,
            ru_only_share: ru_only, kk_only_share: kk_only, duplicate_rate: duplicate,
            roundup_rate: roundup, omit_rate: omit, long_share: long, next_day_rate: next_day,
            ..GenConfig::default()
        });
        prop_assert_eq!(c.articles.len(), articles);
        let ids: HashSet<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        prop_assert_eq!(ids.len(), articles);
        for t in &c.truth {
            prop_assert!(!t.ru_articles.is_empty() || !t.kk_articles.is_empty());
            for id in t.ru_articles.iter().chain(&t.kk_articles) {
                prop_assert!(ids.contains(id.as_str()));
            }
        }
        for a in &c.articles {
            prop_assert!(!a.text.is_empty() && !a.text.contains('{'), "bad text in {}", a.id);
        }
    }
}
