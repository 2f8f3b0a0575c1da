//! Runs the regression cases of every rule file: `fixtures/names/*.tsv` with the header
//! `check\tlang\tinput\texpected`, through [`Names::check_case`] (as `kzalign check` does).

use kzalign_core::Lang;
use kzalign_names::NamesBuilder;
use std::path::Path;

#[test]
fn fixture_cases_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/names");
    let names = NamesBuilder::new().build().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut total = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#'));
        match lines.next() {
            Some((_, "check\tlang\tinput\texpected")) => {}
            _ => continue,
        }
        for (i, l) in lines {
            if l.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = l.split('\t').collect();
            assert!(
                c.len() == 4,
                "{}:{}: expected 4 columns",
                f.display(),
                i + 1
            );
            let lang = Lang::parse(c[1]).unwrap_or(Lang::Other);
            let got = names
                .check_case(c[0], lang, c[2])
                .unwrap_or_else(|| panic!("{}:{}: unknown check {}", f.display(), i + 1, c[0]));
            total += 1;
            if got != c[3] {
                failures.push(format!(
                    "{}:{}: {} {} `{}`: expected `{}`, got `{}`",
                    f.file_name().unwrap().to_string_lossy(),
                    i + 1,
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    got
                ));
            }
        }
    }
    assert!(total > 100, "only {total} cases found");
    assert!(
        failures.is_empty(),
        "{} of {total} cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
