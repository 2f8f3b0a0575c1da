//! Property tests: no panic on any input, spans on char boundaries that slice to the mention
//! text, and normalization that is stable on its own output.

use kzalign_core::Lang;
use kzalign_names::{keys_match, Names, NamesBuilder};
use proptest::prelude::*;
use std::sync::OnceLock;

fn names() -> &'static Names {
    static N: OnceLock<Names> = OnceLock::new();
    N.get_or_init(|| NamesBuilder::new().build().unwrap())
}

/// Text made of Russian/Kazakh/Latin letters, capitals, punctuation and combining marks.
fn texty() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("Токаев".to_string()),
            Just("Тоқаевқа".to_string()),
            Just("Гутерришем".to_string()),
            Just("Главой государства".to_string()),
            Just("Мемлекет басшысының".to_string()),
            Just("в Нью-Йорке".to_string()),
            Just("К.-Ж.".to_string()),
            Just("БҰҰ-ның".to_string()),
            "[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{1,12}",
            "[A-Za-z]{1,8}",
            "[ .,;:!?«»\"'()\\-–—\n]{1,3}",
            "\\PC{1,4}",
            Just("\u{301}".to_string()),
        ],
        0..25,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn finders_never_panic_and_spans_slice(text in texty()) {
        let n = names();
        for lang in [Lang::Ru, Lang::Kk, Lang::Other] {
            let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 1);
            let all = [
                n.mentions(&text, lang),
                n.places(&text, lang),
                n.role_mentions(&text, lang, date),
                n.person_mentions(&text, lang, date),
            ];
            for ms in all {
                for m in ms {
                    prop_assert!(text.is_char_boundary(m.span.start));
                    prop_assert!(text.is_char_boundary(m.span.end));
                    prop_assert_eq!(m.span.slice(&text), m.text.as_str());
                    prop_assert!(!m.key.is_empty());
                }
            }
        }
    }

    #[test]
    fn normalize_never_panics_and_keys_match_themselves(text in texty()) {
        let n = names();
        for lang in [Lang::Ru, Lang::Kk, Lang::Other] {
            let r = n.normalize(&text, lang);
            prop_assert!(keys_match(&r.key, &r.key));
            let _ = n.check_case("lemma", lang, &text);
            let _ = n.check_case("word", lang, &text);
        }
    }
}

#[test]
fn normalization_is_stable_on_its_lemmas() {
    // The dictionary form of a name normalizes to itself (and keeps its key).
    let n = names();
    for (s, l) in [
        ("Касым-Жомарта Токаева", Lang::Ru),
        ("Қасым-Жомарт Тоқаевтың", Lang::Kk),
        ("Антониу Гутерришем", Lang::Ru),
        ("Антониу Гутерришпен", Lang::Kk),
        ("Серджо Маттареллы", Lang::Ru),
        ("Иваны Живкович", Lang::Ru),
        ("Мирослава Енчи", Lang::Ru),
        ("Анны Ивановой", Lang::Ru),
        ("Ивана Петрова", Lang::Ru),
        ("Асқар Маминге", Lang::Kk),
        ("Астанадағы", Lang::Kk),
        ("Санкт-Петербурге", Lang::Ru),
    ] {
        let a = n.normalize(s, l);
        let b = n.normalize(&a.lemma, l);
        assert_eq!(a.lemma, b.lemma, "{s}");
        assert_eq!(a.key, b.key, "{s}");
    }
}
