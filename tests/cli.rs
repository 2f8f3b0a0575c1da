//! End-to-end tests of the `kzalign` binary: input faults, nothing lost, exit codes, spreadsheet
//! safety and determinism (issue 8), and the seed-article report (issue 2).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kzalign"))
}

fn run(args: &[&str]) -> Output {
    bin()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run kzalign")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kzalign");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("wait kzalign");
    writer.join().unwrap().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("output is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// Parses CSV output with the csv crate and checks every row has the header's width.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    for row in &rows {
        assert_eq!(
            row.len(),
            header.len(),
            "row width differs from header: {row:?}"
        );
    }
    (header, rows)
}

const RU: &str =
    "Президент Казахстана Касым-Жомарт Токаев встретился с президентом России Владимиром Путиным.";
const KK: &str =
    "Мемлекет басшысы Қасым-Жомарт Тоқаев Ресей Президенті Владимир Путинмен кездесті.";

#[test]
fn invalid_utf8_is_decoded_with_a_warning_and_an_error_under_strict() {
    let d = tmp();
    let f = d.path().join("bad.txt");
    let mut bytes = RU.as_bytes().to_vec();
    bytes.insert(10, 0xFF);
    fs::write(&f, &bytes).unwrap();
    let o = run(&["detect", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("bad.txt: invalid UTF-8 at byte 10"),
        "{}",
        stderr(&o)
    );
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(rows.len(), 1);
    let o = run(&["detect", "--strict", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid UTF-8 at byte 10"),
        "{}",
        stderr(&o)
    );
    assert_eq!(csv_rows(&stdout(&o)).1.len(), 0);
}

#[test]
fn bom_utf16_crlf_cr_and_nul_are_read() {
    let d = tmp();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(RU.as_bytes());
    fs::write(d.path().join("a_bom.txt"), bom).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(KK.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(d.path().join("b_utf16le.txt"), le).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(KK.encode_utf16().flat_map(|u| u.to_be_bytes()));
    fs::write(d.path().join("c_utf16be.txt"), be).unwrap();
    fs::write(d.path().join("d_crlf.txt"), format!("{RU}\r\n{RU}\r\n")).unwrap();
    fs::write(d.path().join("e_cr.txt"), format!("{RU}\r{RU}\r")).unwrap();
    fs::write(d.path().join("f_nul.txt"), format!("{RU}\0{RU}")).unwrap();
    let o = run(&["detect", d.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, rows) = csv_rows(&stdout(&o));
    let langs: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        langs,
        vec![
            ("a_bom.txt", "ru"),
            ("b_utf16le.txt", "kk"),
            ("c_utf16be.txt", "kk"),
            ("d_crlf.txt", "ru"),
            ("e_cr.txt", "ru"),
            ("f_nul.txt", "ru")
        ]
    );
    assert!(
        stderr(&o).contains("f_nul.txt: NUL bytes removed"),
        "{}",
        stderr(&o)
    );
    // Lone CR ends sentences like LF does.
    let o = run(&[
        "detect",
        "--sentences",
        d.path().join("e_cr.txt").to_str().unwrap(),
    ]);
    assert_eq!(csv_rows(&stdout(&o)).1.len(), 2, "{}", stdout(&o));
}

#[test]
fn empty_and_binary_files_are_skipped_with_reasons() {
    let d = tmp();
    fs::write(d.path().join("empty.txt"), "").unwrap();
    fs::write(
        d.path().join("image.txt"),
        [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 1, 2, 3, 0, 0, 4],
    )
    .unwrap();
    fs::write(d.path().join("good.txt"), RU).unwrap();
    let skipped = d.path().join("skipped.csv");
    let o = run(&[
        "detect",
        "--skipped",
        skipped.to_str().unwrap(),
        d.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(csv_rows(&stdout(&o)).1.len(), 1);
    let (h, rows) = csv_rows(&fs::read_to_string(&skipped).unwrap());
    assert_eq!(h, vec!["id", "source", "reason"]);
    let reasons: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![("empty.txt", "empty"), ("image.txt", "binary content")]
    );
    assert!(
        stderr(&o).contains("3 sources, 1 articles processed, 2 skipped"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_100_mb_single_line_is_read() {
    let d = tmp();
    let f = d.path().join("huge.txt");
    let word = "Токаев встретился с Путиным ";
    let n = 100 * 1024 * 1024 / word.len();
    fs::write(&f, word.repeat(n)).unwrap();
    let o = run(&["detect", "--quiet", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][1], "ru");
}

#[test]
fn malformed_records_are_errors_naming_file_and_line_and_the_rest_is_kept() {
    let d = tmp();
    let jsonl = d.path().join("in.jsonl");
    let good = |id: &str| {
        format!("{{\"id\":\"{id}\",\"text\":\"{RU}\",\"date\":\"2024-02-22\",\"unknown\":1}}")
    };
    fs::write(
        &jsonl,
        format!("{}\n{{not json\n{}\n", good("a"), good("b")),
    )
    .unwrap();
    let csvf = d.path().join("in.csv");
    fs::write(
        &csvf,
        format!("id,text,lang\nc,\"{KK}\",kk\nd,\"x\",kk,extra\ne,\"{RU}\",ru\n"),
    )
    .unwrap();
    let skipped = d.path().join("skipped.csv");
    let o = run(&[
        "detect",
        "--skipped",
        skipped.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        csvf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("in.jsonl:2: malformed record"), "{err}");
    assert!(err.contains("in.csv:3: malformed record"), "{err}");
    let ids: Vec<String> = csv_rows(&stdout(&o))
        .1
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(ids, vec!["a", "b", "c", "e"]);
    let (_, rows) = csv_rows(&fs::read_to_string(&skipped).unwrap());
    assert_eq!(rows.len(), 2);
}

#[test]
fn missing_file_is_exit_2_with_a_clear_error() {
    let o = run(&["detect", "/nonexistent/kzalign/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/nonexistent/kzalign/file.txt: cannot read"),
        "{}",
        stderr(&o)
    );
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn symlink_loops_terminate_and_files_given_twice_are_read_once() {
    let d = tmp();
    let sub = d.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.txt"), RU).unwrap();
    std::os::unix::fs::symlink(d.path(), sub.join("loop")).unwrap();
    let a = sub.join("a.txt");
    let o = run(&[
        "detect",
        d.path().to_str().unwrap(),
        a.to_str().unwrap(),
        a.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(csv_rows(&stdout(&o)).1.len(), 1);
    assert!(stderr(&o).contains("symbolic link loop"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("given more than once"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stdin_text_jsonl_and_lines() {
    let o = run_stdin(&["detect", "-"], KK.as_bytes());
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(
        (rows[0][0].as_str(), rows[0][1].as_str()),
        ("<stdin>", "kk")
    );
    let jsonl =
        format!("{{\"id\":\"x1\",\"text\":\"{RU}\"}}\n{{\"id\":\"x2\",\"text\":\"{KK}\"}}\n");
    let o = run_stdin(&["detect", "--format", "jsonl", "-"], jsonl.as_bytes());
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["id"], "x2");
    assert_eq!(lines[1]["lang"], "kk");
    let o = run_stdin(
        &["detect", "--lines", "-"],
        format!("{RU}\n{KK}\n\n{RU}\n").as_bytes(),
    );
    let (h, rows) = csv_rows(&stdout(&o));
    assert_eq!(&h[..3], &["line", "lang", "confidence"]);
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(
        got,
        vec![("1", "ru"), ("2", "kk"), ("3", "other"), ("4", "ru")]
    );
}

#[test]
fn scraped_soft_hyphens_combining_marks_and_unicode_hyphens_are_read_through() {
    // A soft hyphen inside a surname, й written as и + U+0306, a no-break hyphen inside a
    // given name: in text files, JSON Lines records and lines of `--lines`.
    let ru = "Тока\u{ad}ев встретился с Андреи\u{306} Ивановым.";
    let kk = "Мемлекет басшысы Қасым\u{2011}Жомарт Тоқаев келді.";
    let want = [
        ("Токаев", "kassym-jomart-tokayev"),
        ("Андрей Иванов", "ivanov"),
        ("Қасым-Жомарт Тоқаев", "kassym-jomart-tokayev"),
    ];
    let dir = tmp();
    std::fs::write(dir.path().join("1.txt"), ru).unwrap();
    std::fs::write(dir.path().join("2.txt"), kk).unwrap();
    std::fs::write(dir.path().join("lines.txt"), format!("{ru}\n{kk}\n")).unwrap();
    let records: String = [("a", ru), ("b", kk)]
        .iter()
        .map(|(id, text)| serde_json::json!({ "id": id, "text": text }).to_string() + "\n")
        .collect();
    std::fs::write(dir.path().join("b.jsonl"), records).unwrap();
    for args in [
        vec!["mentions", "--quiet", "1.txt", "2.txt"],
        vec!["mentions", "--quiet", "b.jsonl"],
        vec!["mentions", "--quiet", "--lines", "lines.txt"],
    ] {
        let o = bin().args(&args).current_dir(dir.path()).output().unwrap();
        let (h, rows) = csv_rows(&stdout(&o));
        let (lemma, key) = (
            h.iter().position(|c| c == "lemma").unwrap(),
            h.iter().position(|c| c == "key").unwrap(),
        );
        let got: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r[lemma].as_str(), r[key].as_str()))
            .collect();
        assert_eq!(got, want, "{args:?}");
    }
}

#[test]
fn each_language_of_a_mixed_article_is_read_in_that_language() {
    // A Kazakh article that quotes a Russian paragraph: the Russian names get Russian
    // dictionary forms, and the Russian sentence's event is found, in the Kazakh edition.
    let text = "Мемлекет басшысы Қасым-Жомарт Тоқаев Ақордада Антониу Гутерришпен кездесті. \
                Кездесуде экономикалық ынтымақтастық мәселелері талқыланды.\n\
                Президент Казахстана Касым-Жомарт Токаев провёл переговоры с Владимиром \
                Зеленским в Нью-Йорке.\n";
    let dir = tmp();
    std::fs::write(dir.path().join("m.txt"), text).unwrap();
    let o = bin()
        .args(["mentions", "--quiet", "m.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&stdout(&o));
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r[col("lang")].as_str(), r[col("lemma")].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("kk", "Қасым-Жомарт Тоқаев"),
            ("kk", "Антониу Гутерриш"),
            ("ru", "Касым-Жомарт Токаев"),
            ("ru", "Владимир Зеленский"),
        ]
    );
    let o = bin()
        .args(["extract", "--quiet", "m.txt"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let (h, rows) = csv_rows(&stdout(&o));
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let got: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[col("lang")].as_str(),
                r[col("type")].as_str(),
                r[col("participant_keys")].as_str(),
                r[col("edition")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "kk",
                "meeting",
                "antonio-guterres;kassym-jomart-tokayev",
                "kk"
            ),
            (
                "ru",
                "talks",
                "kassym-jomart-tokayev;volodymyr-zelensky",
                "kk"
            ),
        ]
    );
    // Each event's span is its sentence in the whole article.
    let (start, end) = (col("start"), col("end"));
    let ru_start: usize = rows[1][start].parse().unwrap();
    let ru_end: usize = rows[1][end].parse().unwrap();
    assert!(text[ru_start..ru_end].starts_with("Президент Казахстана"));
}

#[test]
fn spreadsheet_formulas_are_neutralised_unless_raw() {
    let jsonl = "{\"id\":\"=HYPERLINK(\\\"http://x\\\")\",\"text\":\"Токаев встретился с Путиным.\"}\n{\"id\":\"@cmd\",\"text\":\"Тоқаев Путинмен кездесті.\"}\n";
    let o = run_stdin(&["detect", "-"], jsonl.as_bytes());
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(rows[0][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[1][0], "'@cmd");
    let o = run_stdin(&["detect", "--raw", "-"], jsonl.as_bytes());
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(rows[0][0], "=HYPERLINK(\"http://x\")");
}

#[test]
fn check_exit_codes() {
    let d = tmp();
    let f = d.path().join("cases.tsv");
    fs::write(
        &f,
        "# source: test\ncheck\tlang\tinput\texpected\nno-such-check\tru\tx\ty\n",
    )
    .unwrap();
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("cases.tsv:3: unknown check"),
        "{}",
        stderr(&o)
    );
    fs::write(&f, "check\tlang\tinput\n").unwrap();
    let o = run(&["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}

fn seeds() -> PathBuf {
    repo().join("fixtures/seeds")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn align_output_is_identical_across_threads_and_input_order() {
    let one = run(&["align", "--quiet", "-j", "1", seeds().to_str().unwrap()]);
    let two = run(&["align", "--quiet", "-j", "2", seeds().to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(stdout(&one), stdout(&two));
    let mut files: Vec<PathBuf> = fs::read_dir(seeds())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.reverse();
    let d = tmp();
    copy_dir(&seeds(), d.path());
    let mut args = vec!["align".to_string(), "--quiet".to_string()];
    args.extend(
        files
            .iter()
            .map(|f| d.path().join(f.file_name().unwrap()).display().to_string()),
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let rev = run(&args);
    assert_eq!(stdout(&one), stdout(&rev));
}

#[test]
fn seed_report_matches_the_golden_file() {
    let golden = repo().join("fixtures/golden/align-seeds.csv");
    let o = bin()
        .args(["align", "--quiet", "fixtures/seeds"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    if std::env::var_os("KZALIGN_BLESS").is_some() {
        fs::write(&golden, &o.stdout).unwrap();
    }
    let expected = fs::read(&golden).expect("golden file; rewrite with KZALIGN_BLESS=1");
    assert!(
        o.stdout == expected,
        "align report differs from {}:\n{}",
        golden.display(),
        stdout(&o)
    );
    csv_rows(&stdout(&o));
}

/// The seed report, checked row by row against the events the seed articles tell (issue 2),
/// independently of the golden file.
#[test]
fn seed_report_has_exactly_the_expected_events() {
    let o = bin()
        .args(["align", "--quiet", "fixtures/seeds"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (h, rows) = csv_rows(&stdout(&o));
    let col = |name: &str| {
        h.iter()
            .position(|c| c == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (parts, status, ru, kk, date, kind, why) = (
        col("participants"),
        col("status"),
        col("ru_docs"),
        col("kk_docs"),
        col("date"),
        col("type"),
        col("why"),
    );
    // (surname stems, status, ru doc prefix, kk doc prefix, date, type or "" for any)
    type Expected<'a> = (&'a [&'a str], &'a str, &'a str, &'a str, &'a str, &'a str);
    let expected: [Expected; 8] = [
        (
            &["tokayev", "zelensky"],
            "aligned",
            "000_",
            "001_",
            "2025-09-23",
            "",
        ),
        (
            &["tokayev", "guterres"],
            "aligned",
            "000_",
            "001_",
            "2025-09-23",
            "",
        ),
        (
            &["tokayev", "milatovi"],
            "ru_only",
            "000_",
            "",
            "2025-09-23",
            "",
        ),
        (
            &["tokayev", "costa"],
            "ru_only",
            "000_",
            "",
            "2025-09-23",
            "talks",
        ),
        (
            &["tokayev", "infantino"],
            "ru_only",
            "000_",
            "",
            "2025-09-23",
            "",
        ),
        (
            &["tokayev", "alisjahbana", "jen", "ivkovi"],
            "ru_only",
            "002_",
            "",
            "2023-06-09",
            "",
        ),
        (
            &["tokayev", "mattarella"],
            "ru_only",
            "003_",
            "",
            "2025-09-29",
            "talks",
        ),
        (
            &["putin", "tokayev"],
            "ru_only",
            "004_",
            "",
            "2024-02-22",
            "",
        ),
    ];
    assert_eq!(rows.len(), expected.len(), "report:\n{}", stdout(&o));
    for (stems, st, r, k, d, t) in expected {
        let found = rows.iter().find(|row| {
            let p = row[parts].to_lowercase();
            stems.iter().all(|s| p.contains(s)) && p.split(';').count() == stems.len()
        });
        let row = found.unwrap_or_else(|| panic!("no row for {stems:?} in:\n{}", stdout(&o)));
        assert_eq!(row[status], st, "{row:?}");
        assert!(row[ru].starts_with(r) && !row[ru].contains(';'), "{row:?}");
        if k.is_empty() {
            assert_eq!(row[kk], "", "{row:?}");
        } else {
            assert!(row[kk].starts_with(k), "{row:?}");
            assert!(
                row[why].contains("undated"),
                "aligning with an undated event says so: {row:?}"
            );
        }
        assert_eq!(row[date], d, "{row:?}");
        if !t.is_empty() {
            assert_eq!(row[kind], t, "{row:?}");
        }
    }
}

/// `kzalign check` passes on every regression case file under fixtures/ (issue 4).
#[test]
fn regression_cases_under_fixtures_pass() {
    let o = bin()
        .args(["check", "fixtures"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}\n{}", stdout(&o), stderr(&o));
    let summary = stdout(&o);
    let passed: usize = summary
        .lines()
        .last()
        .and_then(|l| l.strip_prefix("check: "))
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(passed > 0, "no regression cases ran: {summary}");
}

/// A JSON Lines file larger than one processing chunk keeps every record, in order.
#[test]
fn large_jsonl_streams_in_order_and_names_bad_lines() {
    let d = tmp();
    let f = d.path().join("big.jsonl");
    let mut body = Vec::new();
    for i in 0..10_000 {
        body.extend_from_slice(
            format!("{{\"id\":\"r{i}\",\"text\":\"Токаев встретился с Путиным.\"}}\n").as_bytes(),
        );
    }
    body.extend_from_slice(b"{\"id\":\"bad\",\"text\":\"ab\xFF\"}\n");
    fs::write(&f, body).unwrap();
    let o = run(&["detect", "--quiet", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("big.jsonl:10001: invalid UTF-8"),
        "{}",
        stderr(&o)
    );
    let (_, rows) = csv_rows(&stdout(&o));
    assert_eq!(rows.len(), 10_001);
    assert!(rows
        .iter()
        .take(10_000)
        .enumerate()
        .all(|(i, r)| r[0] == format!("r{i}")));
}

/// `--rules DIR`: a user's gazetteer row is used, and a malformed row is an error naming the
/// file and line (issues 4 and 8).
#[test]
fn user_rules_extend_the_gazetteer_and_malformed_rows_name_file_and_line() {
    let d = tmp();
    let names = d.path().join("names");
    fs::create_dir(&names).unwrap();
    let header = "id\tcanonical\tru\tkk\tlatin\tcountry\twikidata\n";
    fs::write(
        names.join("persons.tsv"),
        format!("# source: test\n{header}test-person\tAsqar Zhumabekov\tАскар Жумабеков|Жумабеков\tАсқар Жұмабеков|Жұмабеков\tZhumabekov\tKZ\t\n"),
    )
    .unwrap();
    let rules = d.path().to_str().unwrap();
    let o = run(&["normalize", "--rules", rules, "--lang", "ru", "Жумабекову"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (h, rows) = csv_rows(&stdout(&o));
    let eid = h.iter().position(|c| c == "entity_id").unwrap();
    assert_eq!(rows[0][eid], "test-person", "{}", stdout(&o));
    let o = run(&["normalize", "--lang", "ru", "Жумабекову"]);
    assert_eq!(
        csv_rows(&stdout(&o)).1[0][eid],
        "",
        "without --rules the person is unknown"
    );

    fs::write(
        names.join("persons.tsv"),
        format!("{header}broken-row-with-too-few-fields\tX\n"),
    )
    .unwrap();
    let o = run(&["normalize", "--rules", rules, "Токаев"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("persons.tsv:2"), "{}", stderr(&o));
    let o = run(&[
        "align",
        "--rules",
        d.path().join("missing").to_str().unwrap(),
        "fixtures/seeds",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("rules directory not found"),
        "{}",
        stderr(&o)
    );
}
