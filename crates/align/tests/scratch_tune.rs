use kzalign_align::eval::pseudo_articles_with;
use kzalign_align::{AlignConfig, ArticleProfile};
#[test]
fn tune() {
    let ru = std::fs::read_to_string("../../../shared/eval/xwmt-ru-kk/ru.txt").unwrap();
    let kk = std::fs::read_to_string("../../../shared/eval/xwmt-ru-kk/kk.txt").unwrap();
    let ru: Vec<&str> = ru.lines().collect();
    let kk: Vec<&str> = kk.lines().collect();
    let th: f64 = std::env::var("TH")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.1);
    let cfg = AlignConfig {
        article_threshold: th,
        ..AlignConfig::default()
    };
    for group in [1, 2, 3, 5, 7] {
        let (mut c, mut w, mut u, mut n) = (0, 0, 0, 0);
        for seed in 1..=3 {
            let s = pseudo_articles_with(
                &ru,
                &kk,
                group,
                seed,
                std::env::var("DROP")
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0),
                &cfg,
                |id, lang, text| ArticleProfile::new(id, lang, text, &[]),
            );
            c += s.correct;
            w += s.wrong;
            u += s.unpaired;
            n += s.articles;
        }
        let p = |x: usize| 100.0 * x as f64 / n as f64;
        eprintln!(
            "TUNE group {group}: correct {:.2} wrong {:.2} unpaired {:.2}",
            p(c),
            p(w),
            p(u)
        );
    }
}
