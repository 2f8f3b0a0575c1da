//! Regression cases of the rule files, from `fixtures/align/features.tsv`.

use kzalign_align::fold::{fold, month_of, skeleton};
use kzalign_align::lexicon::concept;
use kzalign_align::ArticleProfile;
use kzalign_core::Lang;
use std::path::PathBuf;

#[test]
fn rule_file_regressions() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/align/features.tsv");
    let text = std::fs::read_to_string(&path).expect("fixtures/align/features.tsv is committed");
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "bad line {line:?}");
        let (check, lang, input, want) = (cols[0], Lang::parse(cols[1]), cols[2], cols[3]);
        let lang = lang.unwrap_or(Lang::Other);
        let got = match check {
            "fold" => fold(input),
            "skeleton" => skeleton(input),
            "month" => month_of(input).map_or("-".to_string(), |m| m.to_string()),
            "concept" => concept(input, lang).unwrap_or("-").to_string(),
            "feature" => {
                let p = ArticleProfile::new("x", lang, input, &[]);
                if p.features.iter().any(|f| f == want) {
                    want.to_string()
                } else {
                    p.features.join(" ")
                }
            }
            other => panic!("unknown check {other}"),
        };
        cases += 1;
        if got != want {
            failures.push(format!("{check} {input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(cases >= 30);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
