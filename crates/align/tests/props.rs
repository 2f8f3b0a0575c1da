//! Properties on arbitrary input: no panic, invariants of the rows, order independence.

use chrono::NaiveDate;
use kzalign_align::eval::SplitMix64;
use kzalign_align::fold::{fold, skeleton};
use kzalign_align::{
    align_events, coverage, pair_articles, text_features, AlignConfig, ArticleProfile,
};
use kzalign_core::{DateSource, Event, EventType, Lang, Modality, Participant, Span};
use proptest::prelude::*;

fn kinds() -> impl Strategy<Value = EventType> {
    prop_oneof![
        Just(EventType::Meeting),
        Just(EventType::Talks),
        Just(EventType::Call),
        Just(EventType::Visit),
        Just(EventType::Reception)
    ]
}

fn participant() -> impl Strategy<Value = Participant> {
    ("[a-dҚқ]{0,2}", proptest::option::of("[xy]")).prop_map(|(key, id)| Participant {
        name: key.to_uppercase(),
        key,
        entity_id: id,
    })
}

fn event() -> impl Strategy<Value = Event> {
    (
        "[abc]",
        prop_oneof![Just(Lang::Ru), Just(Lang::Kk), Just(Lang::Other)],
        kinds(),
        proptest::collection::vec(participant(), 0..4),
        proptest::option::of(prop_oneof![0i32..20, Just(-400_000), Just(3_000_000)]),
        proptest::option::of("[NK ]{0,3}"),
        prop_oneof![4 => Just(Modality::Actual), 1 => Just(Modality::Planned)],
        0usize..50,
        "\\PC{0,12}",
    )
        .prop_map(
            |(doc, lang, kind, mut participants, day, place, modality, start, sentence)| {
                participants.sort();
                participants.dedup();
                Event {
                    id: format!("{doc}{}#{start}", lang.code()),
                    doc_id: format!("{doc}{}", lang.code()),
                    lang,
                    edition: lang.code().to_string(),
                    kind,
                    participants,
                    date: day.and_then(|d| NaiveDate::from_num_days_from_ce_opt(738_000 + d)),
                    date_source: DateSource::None,
                    place,
                    modality,
                    sentence,
                    span: Span::new(start, start + 1),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn alignment_never_panics_and_keeps_its_invariants(
        events in proptest::collection::vec(event(), 0..30),
        window in prop_oneof![Just(-5i64), 0i64..3, Just(i64::MAX)],
        seed in any::<u64>(),
    ) {
        let config = AlignConfig { date_window_days: window, ..AlignConfig::default() };
        let rows = align_events(&events, &config);
        let actual = |lang| events.iter().filter(|e| e.lang == lang && e.modality == Modality::Actual).count();
        let ru: usize = rows.iter().map(|r| r.ru_events).sum();
        let kk: usize = rows.iter().map(|r| r.kk_events).sum();
        // Framing visits make no row of their own, so at most every present-day event counts.
        prop_assert!(ru <= actual(Lang::Ru) && kk <= actual(Lang::Kk));
        for r in &rows {
            let score: f64 = r.score.parse().map_err(|_| TestCaseError::fail("score"))?;
            prop_assert!((0.0..=1.0).contains(&score));
            match r.status.as_str() {
                "aligned" => prop_assert!(r.ru_events > 0 && r.kk_events > 0),
                "ru_only" => prop_assert!(r.ru_events > 0 && r.kk_events == 0),
                "kk_only" => prop_assert!(r.ru_events == 0 && r.kk_events > 0),
                other => prop_assert!(false, "status {other}"),
            }
            prop_assert_eq!(r.participants.split(';').count(), r.participant_keys.split(';').count());
        }
        let mut ids: Vec<&str> = rows.iter().map(|r| r.event_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), rows.len());
        let mut shuffled = events.clone();
        SplitMix64::new(seed).shuffle(&mut shuffled);
        prop_assert_eq!(align_events(&shuffled, &config), rows.clone());
        let _ = coverage(&rows);
    }

    #[test]
    fn text_features_and_pairing_never_panic(texts in proptest::collection::vec("\\PC{0,80}", 0..8)) {
        let profiles: Vec<ArticleProfile> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let lang = if i % 2 == 0 { Lang::Ru } else { Lang::Kk };
                ArticleProfile::new(&format!("d{i}"), lang, t, &[])
            })
            .collect();
        for t in &texts {
            let f = text_features(t);
            prop_assert!(f.windows(2).all(|w| w[0] < w[1]));
            let _ = (fold(t), skeleton(t));
        }
        let rows = pair_articles(&profiles, &AlignConfig::default());
        prop_assert_eq!(rows.len() + rows.iter().filter(|r| r.status == "paired").count(), profiles.len());
    }
}
