//! Runs fixtures/events/cases.tsv through `Extractor::check_case`.

use kzalign_core::Lang;
use kzalign_events::ExtractorBuilder;
use kzalign_names::NamesBuilder;
use std::path::Path;
use std::sync::Arc;

#[test]
fn regression_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/events/cases.tsv");
    let text = std::fs::read_to_string(&path).expect("cases.tsv");
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new().build(names).unwrap();
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            4,
            "line {}: expected check, lang, input, expected",
            i + 1
        );
        let lang = Lang::parse(f[1]).expect("lang");
        let got = ex
            .check_case(f[0], lang, f[2])
            .unwrap_or_else(|| panic!("line {}: unknown check {}", i + 1, f[0]));
        n += 1;
        if got != f[3] {
            failures.push(format!(
                "line {}: {} {:?}: expected {:?}, got {:?}",
                i + 1,
                f[0],
                f[2],
                f[3],
                got
            ));
        }
    }
    assert!(n > 40);
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        n,
        failures.join("\n")
    );
}

#[test]
fn unknown_checks_are_not_ours() {
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new().build(names).unwrap();
    assert_eq!(ex.check_case("lemma", Lang::Ru, "Токаеву"), None);
}

#[test]
fn user_rules_dir_adds_cues_and_reports_bad_rows() {
    let dir = std::env::temp_dir().join(format!("kzalign-events-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("cues-ru.tsv"),
        "# source: test\nсовещани*\tmeeting\tactual\tnoun\n",
    )
    .unwrap();
    let names = Arc::new(NamesBuilder::new().build().unwrap());
    let ex = ExtractorBuilder::new()
        .rules_dir(&dir)
        .unwrap()
        .build(names.clone())
        .unwrap();
    assert_eq!(
        ex.check_case("cue", Lang::Ru, "совещание").as_deref(),
        Some("meeting/actual/noun")
    );
    std::fs::write(
        dir.join("markers-kk.tsv"),
        "# source: test\nжоспарлануда\tmaybe\n",
    )
    .unwrap();
    let err = ExtractorBuilder::new().rules_dir(&dir).unwrap_err();
    assert!(err.to_string().contains("markers-kk.tsv:2"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn extractor_is_send_and_sync() {
    fn check<T: Send + Sync + Clone>() {}
    check::<kzalign_events::Extractor>();
}
