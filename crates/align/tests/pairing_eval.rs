//! Article pairing on pseudo-articles of `../shared/eval/xwmt-ru-kk` (line-aligned translations),
//! held to the figures committed in `fixtures/align/accuracy.tsv`.

use kzalign_align::eval::{pseudo_articles_with, PairingScore};
use kzalign_align::{AlignConfig, ArticleProfile};
use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lines(path: &PathBuf) -> Option<Vec<String>> {
    std::fs::read_to_string(path)
        .ok()
        .map(|t| t.lines().map(str::to_string).collect())
}

/// (group, seed, withheld %, min correct %, max wrong %) from the committed accuracy file.
fn committed() -> Vec<(usize, u64, usize, f64, f64)> {
    let path = repo_root().join("fixtures/align/accuracy.tsv");
    let text = std::fs::read_to_string(&path).expect("fixtures/align/accuracy.tsv is committed");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("group"))
        .map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            assert!(c.len() >= 5, "bad line {l:?}");
            let num = |i: usize| -> f64 {
                c[i].parse()
                    .unwrap_or_else(|_| panic!("bad number in {l:?}"))
            };
            (
                num(0) as usize,
                num(1) as u64,
                num(2) as usize,
                num(3),
                num(4),
            )
        })
        .collect()
}

#[test]
fn pseudo_articles_hold_the_committed_accuracy() {
    let dir = repo_root().join("../shared/eval/xwmt-ru-kk");
    let (Some(ru), Some(kk)) = (lines(&dir.join("ru.txt")), lines(&dir.join("kk.txt"))) else {
        eprintln!(
            "SKIP: {} is absent; pseudo-article pairing not measured",
            dir.display()
        );
        return;
    };
    let ru: Vec<&str> = ru.iter().map(String::as_str).collect();
    let kk: Vec<&str> = kk.iter().map(String::as_str).collect();
    let expected = committed();
    assert!(!expected.is_empty());
    let config = AlignConfig::default();
    for (group, seed, withheld, min_correct, max_wrong) in expected {
        let s: PairingScore = pseudo_articles_with(
            &ru,
            &kk,
            group,
            seed,
            withheld,
            &config,
            |id, lang, text| ArticleProfile::new(id, lang, text, &[]),
        );
        eprintln!(
            "group {group} seed {seed} withheld {withheld}%: {} articles, correct {:.2}%, wrong {:.2}%, unpaired {:.2}%",
            s.articles,
            s.correct_pct(),
            s.wrong_pct(),
            s.unpaired_pct()
        );
        // The file holds figures rounded to two decimals.
        assert!(
            s.correct_pct() + 0.005 >= min_correct,
            "group {group}: correct {:.2}% < {min_correct}%",
            s.correct_pct()
        );
        assert!(
            s.wrong_pct() - 0.005 <= max_wrong,
            "group {group}: wrong {:.2}% > {max_wrong}%",
            s.wrong_pct()
        );
    }
}
