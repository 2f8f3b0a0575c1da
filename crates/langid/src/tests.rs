//! Unit tests of the detector: named Russian and Kazakh cases, look-alikes, Latin Kazakh,
//! neighbours, odd input.

use super::*;
use std::sync::OnceLock;

fn det() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(|| DetectorBuilder::new().build())
}

fn lang(text: &str) -> Option<Lang> {
    det().detect(text).lang
}

#[track_caller]
fn check(cases: &[(&str, &str, Option<Lang>)]) {
    let mut failed = Vec::new();
    for (name, text, want) in cases {
        let got = det().detect(text);
        if got.lang != *want {
            failed.push(format!(
                "{name}: {text:?} -> {:?} (want {want:?}): {}",
                got.lang, got.evidence
            ));
        }
        assert!((0.0..=1.0).contains(&got.confidence), "{name}");
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn russian_and_kazakh_sentences() {
    check(&[
        (
            "kk meeting",
            "Мемлекет басшысы Ақордада Біріккен Ұлттар Ұйымының Бас хатшысымен кездесті.",
            Some(Lang::Kk),
        ),
        (
            "kk reception",
            "Президент Қасым-Жомарт Тоқаев Сыртқы істер министрін қабылдады.",
            Some(Lang::Kk),
        ),
        (
            "ru meeting",
            "Глава государства провёл встречу с генеральным секретарём ООН в Акорде.",
            Some(Lang::Ru),
        ),
        (
            "ru with kazakh names",
            "Касым-Жомарт Токаев принял министра иностранных дел Мурата Нуртлеу.",
            Some(Lang::Ru),
        ),
        (
            "ru quoting a kazakh name with kazakh letters",
            "В Астане прошла встреча с акимом Әлібеком Жұмабаевым, сообщает пресс-служба.",
            Some(Lang::Ru),
        ),
        (
            "ru everyday",
            "Ты делаешь только то, что предполагал делать.",
            Some(Lang::Ru),
        ),
        (
            "kk everyday",
            "Бүгін ауа райы жақсы болады.",
            Some(Lang::Kk),
        ),
    ]);
}

#[test]
fn short_inputs() {
    check(&[
        ("kk word with letters", "Тоқаев", Some(Lang::Kk)),
        ("kk word without kazakh letters", "кездесу", Some(Lang::Kk)),
        ("kk suffix on a loanword", "министрлер", Some(Lang::Kk)),
        ("kk genitive", "президентінің", Some(Lang::Kk)),
        ("kk verb", "барады", Some(Lang::Kk)),
        ("ru word", "встреча", Some(Lang::Ru)),
        ("ru verb", "сообщил", Some(Lang::Ru)),
        ("ru adjective", "государственный", Some(Lang::Ru)),
        ("ru pair", "переговоры состоялись", Some(Lang::Ru)),
        ("kk pair", "келіссөздер өтті", Some(Lang::Kk)),
    ]);
}

#[test]
fn latin_lookalikes_count_as_cyrillic() {
    // Latin i for і, Latin a/e/o/c/p inside Cyrillic words.
    check(&[
        ("latin i", "бiлiм берy жүйесi", Some(Lang::Kk)),
        (
            "latin vowels in kazakh",
            "Қазaқстaн Республикaсының Пpезиденті",
            Some(Lang::Kk),
        ),
        (
            "latin vowels in russian",
            "Пpезидент пpовёл coвещание",
            Some(Lang::Ru),
        ),
    ]);
    let d = det().detect("бiлiм берy жүйесi");
    assert_eq!(d.script, Script::Cyrillic);
}

#[test]
fn latin_script_kazakh() {
    check(&[
        (
            "2021 alphabet",
            "Qazaqstan Respublikasynyñ Prezidentı Qasym-Jomart Toqaev Ükımet otyrysynda söz söiledı.",
            Some(Lang::Kk),
        ),
        (
            "ascii spelling",
            "Qazaqstan Respublikasynyn Prezidenti Astanada sheteldik qonaqtardy qabyldady.",
            Some(Lang::Kk),
        ),
        (
            "plain ascii",
            "Prezident Tokaev Japoniia premer-ministrimen kelissozder jurgizdi.",
            Some(Lang::Kk),
        ),
        (
            "uzbek latin",
            "Oʻzbekiston Respublikasi Prezidenti bugun xorijiy investorlar bilan uchrashdi.",
            Some(Lang::Other),
        ),
        (
            "german",
            "Der Präsident traf sich heute mit dem Außenminister in Berlin.",
            Some(Lang::Other),
        ),
        ("english", "The president met the foreign minister in Astana on Monday.", Some(Lang::Other)),
        ("turkish", "Cumhurbaşkanı bugün dışişleri bakanı ile görüştü ve açıklama yaptı.", Some(Lang::Other)),
    ]);
    assert_eq!(
        det()
            .detect("Qazaqstan Respublikasynyñ Prezidentı Ükımet otyrysynda söz söiledı.")
            .script,
        Script::Latin
    );
}

#[test]
fn ukrainian_belarusian_and_other_cyrillic_are_not_russian_or_kazakh() {
    check(&[
        (
            "ukrainian with ї є",
            "Президент України провів зустріч з міністром закордонних справ у Києві.",
            Some(Lang::Other),
        ),
        (
            "ukrainian with і only",
            "Прем'єр-міністр відвідав місто та провів нараду з головами областей.",
            Some(Lang::Other),
        ),
        (
            "belarusian",
            "Прэзідэнт Беларусі правёў сустрэчу з міністрам замежных спраў у Мінску.",
            Some(Lang::Other),
        ),
        (
            "serbian",
            "Председник Србије је данас разговарао са министром спољних послова.",
            Some(Lang::Other),
        ),
        (
            "bulgarian",
            "Президентът на България се срещна с външния министър в събота и обсъдиха въпроса.",
            Some(Lang::Other),
        ),
        (
            "kyrgyz",
            "Президент бүгүн өкмөттүн жыйынында сүйлөп, министрлерге тапшырма берди жана мамлекеттик программаны бекитти.",
            Some(Lang::Other),
        ),
        ("greek", "Ο πρόεδρος συναντήθηκε με τον υπουργό.", Some(Lang::Other)),
    ]);
    // Too short to tell which neighbour, but not Russian: unsure.
    check(&[
        ("short ukrainian", "Привіт, як справи?", None),
        ("short belarusian", "Прывітанне, як справы", None),
        (
            "russian with a kazakh place name",
            "Встреча прошла в Ақорде",
            Some(Lang::Ru),
        ),
    ]);
}

#[test]
fn empty_and_odd_input() {
    for text in [
        "",
        " ",
        "\n\t\r",
        "12345 678",
        "\u{0}\u{1}\u{2}\u{7f}",
        "\u{fffd}\u{fffd}\u{fffd}",
        "!!! ??? ...",
        "'",
        "ʼʼ a'",
        "\u{301}\u{301}",
        "Ӏ ӏ Ҁ ҁ",
    ] {
        let d = det().detect(text);
        assert!((0.0..=1.0).contains(&d.confidence));
        if !text.chars().any(char::is_alphabetic) {
            assert_eq!(d.lang, None, "{text:?}");
            assert_eq!(d.script, Script::None);
        }
    }
    // Mojibake and lossy decoding around real text.
    assert_eq!(
        lang("\u{fffd}Қазақстан\u{fffd} Республикасы\u{fffd}"),
        Some(Lang::Kk)
    );
    // A huge input.
    let huge = "Президент провёл встречу. ".repeat(100_000);
    assert_eq!(lang(&huge), Some(Lang::Ru));
    let _ = det().detect_article(&huge[..10_000]);
}

#[test]
fn articles_mixing_both_languages() {
    let kk = "Мемлекет басшысы Ақордада шетелдік инвесторлармен кездесті. \
              Кездесуде экономикалық ынтымақтастық мәселелері талқыланды. ";
    let ru = "«Мы готовы расширять сотрудничество во всех направлениях», — сказал президент.";
    let a = det().detect_article(&format!("{kk}{ru}"));
    assert!(a.mixed, "{:?}", a.sentences);
    assert_eq!(a.overall.lang, Some(Lang::Kk));
    assert_eq!(a.sentences.len(), 3);
    assert_eq!(a.sentences[2].1.lang, Some(Lang::Ru));
    let text = format!("{kk}{ru}");
    for (span, _) in &a.sentences {
        assert!(!span.slice(&text).is_empty());
    }
    let plain = det().detect_article(kk);
    assert!(!plain.mixed);
    assert_eq!(plain.overall.lang, Some(Lang::Kk));
    assert_eq!(det().runs(kk).1, vec![(Span::new(0, kk.len()), Lang::Kk)]);
}

#[test]
fn a_russian_sentence_of_kazakh_names_does_not_make_an_article_mixed() {
    let text = "Берлин. 1 февраля. Бауыржан Жанабилов принял Жандоса Бекенова. \
                Стороны договорились продолжить регулярные контакты на высшем уровне. \
                Жанабилов отметил положительную динамику двустороннего сотрудничества.";
    let a = det().detect_article(text);
    assert!(!a.mixed, "{:?}", a.sentences);
    assert_eq!(
        det().runs(text).1,
        vec![(Span::new(0, text.len()), Lang::Ru)]
    );
}

#[test]
fn a_mixed_article_is_cut_into_stretches_of_one_language() {
    let kk1 = "Мемлекет басшысы Ақордада шетелдік инвесторлармен кездесті. ";
    let ru = "Президент провёл переговоры с делегацией и обсудил вопросы сотрудничества. ";
    let short = "Итоги. ";
    let kk2 = "Кездесуде экономикалық ынтымақтастық мәселелері жан-жақты талқыланды.";
    let text = format!("{kk1}{ru}{short}{kk2}");
    let a = det().detect_article(&text);
    assert!(a.mixed, "{:?}", a.sentences);
    // The short sentence is not sure of its language and stays with the Russian before it.
    let cut = kk1.len();
    let back = cut + ru.len() + short.len();
    assert_eq!(
        det().runs(&text).1,
        vec![
            (Span::new(0, cut), Lang::Kk),
            (Span::new(cut, back), Lang::Ru),
            (Span::new(back, text.len()), Lang::Kk),
        ]
    );
}

#[test]
fn detector_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Detector>();
    let d = det().clone();
    let h = std::thread::spawn(move || d.detect("Қазақстан").lang);
    assert_eq!(h.join().ok().flatten(), Some(Lang::Kk));
}

#[test]
fn evidence_explains_the_answer() {
    let d = det().detect("Президент провёл встречу с министрами в Астане сегодня утром и днём.");
    assert!(!d.evidence.is_empty());
    let d = det().detect("Тоқаев");
    assert!(d.evidence.contains("log-odds"), "{}", d.evidence);
}

#[test]
fn random_text_never_panics() {
    let pool: Vec<char> = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘҒҚІӨҰҮҺЁ\
                           abcdeiopqxyzäğıñŋöūüşç'’ʼ`.,!?…«»—-– \n\t\r0123456789\
                           їєґўјљҳҷӀ\u{0}\u{7}\u{fffd}\u{301}\u{200b}😀中ΑΩا"
        .chars()
        .collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for len in 0..400usize {
        let text: String = (0..len % 120)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                pool[(state % pool.len() as u64) as usize]
            })
            .collect();
        let d = det().detect(&text);
        assert!((0.0..=1.0).contains(&d.confidence), "{text:?}");
        let a = det().detect_article(&text);
        assert_eq!(a.overall, d, "{text:?}");
        for (span, _) in &a.sentences {
            assert!(text.get(span.start..span.end).is_some(), "{text:?}");
        }
    }
}

#[test]
fn an_articles_overall_detection_is_that_of_its_whole_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/seeds");
    let mut texts = vec![
        "Тоқаев Путинмен кездесті.\n\nПрезидент провёл встречу. Ж. Ахметов сказал: «Да»."
            .to_string(),
        "слово'\nʼапостроф' м'ясо. Т. Б. Иванов\r\n\u{a0}Bugin Astanada jana mektep ashyldy."
            .to_string(),
    ];
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            texts.extend(std::fs::read_to_string(e.path()).ok());
        }
    }
    assert!(texts.len() > 2, "no seed articles in {}", dir.display());
    for text in &texts {
        assert_eq!(
            det().detect_article(text).overall,
            det().detect(text),
            "{text:?}"
        );
    }
}

#[test]
fn remembered_word_scores_are_the_computed_ones_of_each_detector() {
    let listed = DetectorBuilder::new().word_list_log_odds(6.0).build();
    let words = [
        "қазақстан",
        "президент",
        "встреча",
        "астанада",
        "tokayev",
        "бiлiм",
        "мен",
    ];
    for _ in 0..2 {
        for d in [det(), &listed, det()] {
            for w in words {
                let w: Vec<char> = w.chars().collect();
                assert_eq!(d.word_score(&w), d.word_score_uncached(&w), "{w:?}");
            }
        }
    }
    let w: Vec<char> = "кездесті".chars().collect();
    let (a, b) = (det().word_score(&w), listed.word_score(&w));
    assert_eq!(a, det().word_score_uncached(&w));
    assert_eq!(b, listed.word_score_uncached(&w));
}
