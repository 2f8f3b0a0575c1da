//! Language-neutral folding of Russian and Kazakh words, and month names.
//!
//! Both tables are data (`data/cyrillic_fold.tsv`, `data/months.tsv`), parsed once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

const FOLD_TSV: &str = include_str!("../data/cyrillic_fold.tsv");
const MONTHS_TSV: &str = include_str!("../data/months.tsv");
const SKELETON_TSV: &str = include_str!("../data/skeleton.tsv");

/// Parsed fold table: Cyrillic lower-case letter -> ASCII string.
fn fold_table() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| parse_fold(FOLD_TSV).unwrap_or_default())
}

/// Parses the fold table; `Err` names the first bad line.
pub(crate) fn parse_fold(tsv: &'static str) -> Result<HashMap<char, &'static str>, String> {
    let mut map = HashMap::new();
    for (n, line) in data_lines(tsv) {
        let mut cols = line.split('\t');
        let letter = cols.next().unwrap_or("");
        let ascii = cols
            .next()
            .ok_or(format!("line {n}: expected two columns"))?;
        let mut chars = letter.chars();
        let c = chars.next().ok_or(format!("line {n}: empty letter"))?;
        if chars.next().is_some() || !ascii.chars().all(|a| a.is_ascii_lowercase()) {
            return Err(format!("line {n}: bad entry {line:?}"));
        }
        if map.insert(c, ascii).is_some() {
            return Err(format!("line {n}: duplicate letter {c}"));
        }
    }
    Ok(map)
}

/// Non-comment, non-empty lines with their 1-based numbers.
fn data_lines(tsv: &str) -> impl Iterator<Item = (usize, &str)> {
    tsv.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// Folds a word to lower-case ASCII: Cyrillic letters through the table, Latin letters lower-cased,
/// digits kept, everything else dropped. `Тоқаевқа` -> `tokaevka`, `Токаеву` -> `tokaevu`.
pub fn fold(word: &str) -> String {
    let table = fold_table();
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(a) = table.get(&c) {
            out.push_str(a);
        }
    }
    out
}

/// Parses the skeleton rules, longest first; `Err` names the first bad line.
pub(crate) fn parse_skeleton(
    tsv: &'static str,
) -> Result<Vec<(&'static str, &'static str)>, String> {
    let mut rules: Vec<(&str, &str)> = Vec::new();
    for (n, line) in data_lines(tsv) {
        let mut cols = line.split('\t');
        let from = cols.next().unwrap_or("");
        let to = cols
            .next()
            .ok_or(format!("line {n}: expected two columns"))?;
        let ascii = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase());
        if !ascii(from) || !ascii(to) {
            return Err(format!("line {n}: bad rule {line:?}"));
        }
        if rules.iter().any(|(f, _)| *f == from) {
            return Err(format!("line {n}: duplicate rule {from}"));
        }
        rules.push((from, to));
    }
    rules.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    Ok(rules)
}

fn skeleton_rules() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| parse_skeleton(SKELETON_TSV).unwrap_or_default())
}

/// A spelling-tolerant skeleton of a word, the same for a Latin name and its Cyrillic rendering:
/// [`fold`], then the rules of `data/skeleton.tsv` (`w` -> `v`, `j` -> `dzh`, `y` -> `i`, ...),
/// then doubled letters collapse. `Twitter` and `Твиттер` -> `tviter`.
pub fn skeleton(word: &str) -> String {
    let folded = fold(word);
    let rules = skeleton_rules();
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded.as_str();
    while !rest.is_empty() {
        if let Some((from, to)) = rules.iter().find(|(f, _)| rest.starts_with(f)) {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                out.push(c);
            }
            rest = chars.as_str();
        }
    }
    let mut collapsed = String::with_capacity(out.len());
    for c in out.chars() {
        if !collapsed.ends_with(c) {
            collapsed.push(c);
        }
    }
    collapsed
}

/// One month form of the month table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MonthForm {
    /// 1..=12.
    pub month: u32,
    /// Lower-case form.
    pub form: String,
    /// Whether any ending may follow the form.
    pub prefix: bool,
}

/// Parses the month table; `Err` names the first bad line.
pub(crate) fn parse_months(tsv: &str) -> Result<Vec<MonthForm>, String> {
    let mut out: Vec<MonthForm> = Vec::new();
    for (n, line) in data_lines(tsv) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(format!("line {n}: expected four columns"));
        }
        let month: u32 = cols[0]
            .parse()
            .map_err(|_| format!("line {n}: bad month"))?;
        if !(1..=12).contains(&month) || !matches!(cols[1], "ru" | "kk") {
            return Err(format!("line {n}: bad month or language"));
        }
        let prefix = match cols[3] {
            "prefix" => true,
            "exact" => false,
            _ => return Err(format!("line {n}: match must be prefix or exact")),
        };
        let form = cols[2].to_string();
        if out.iter().any(|m| m.form == form) {
            return Err(format!("line {n}: duplicate form {form}"));
        }
        out.push(MonthForm {
            month,
            form,
            prefix,
        });
    }
    Ok(out)
}

fn months() -> &'static [MonthForm] {
    static TABLE: OnceLock<Vec<MonthForm>> = OnceLock::new();
    TABLE.get_or_init(|| parse_months(MONTHS_TSV).unwrap_or_default())
}

/// The month a lower-case Russian or Kazakh word names (`сентября`, `қыркүйекте` -> 9).
pub fn month_of(lower: &str) -> Option<u32> {
    months()
        .iter()
        .find(|m| {
            if m.prefix {
                lower.starts_with(&m.form)
            } else {
                lower == m.form
            }
        })
        .map(|m| m.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_table_parses_and_covers_both_alphabets() {
        let t = parse_fold(FOLD_TSV).expect("fold table parses");
        for c in "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі".chars()
        {
            assert!(t.contains_key(&c), "missing {c}");
        }
        assert!(t
            .values()
            .all(|a| a.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn skeleton_rules_parse_and_join_scripts() {
        let rules = parse_skeleton(SKELETON_TSV).expect("skeleton rules parse");
        assert!(rules.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
        assert_eq!(
            skeleton("Twitter"),
            skeleton("Твиттере").get(..6).unwrap_or("")
        );
        assert_eq!(skeleton("Jennifer"), skeleton("Дженнифер"));
        assert_eq!(
            skeleton("Patriots").get(..5),
            skeleton("Патриоттары").get(..5)
        );
        assert_eq!(skeleton("Živković"), skeleton("Живкович"));
        assert_eq!(skeleton("Ұлыбритания"), skeleton("Улыбритания"));
    }

    #[test]
    fn fold_joins_the_editions() {
        assert_eq!(fold("Тоқаев"), fold("Токаев"));
        assert_eq!(fold("Муцвангва"), fold("Мутсвангва"));
        assert_eq!(fold("Нью-Йорк"), "nyuyork");
        assert_eq!(fold("OneIndia"), "oneindia");
        assert_eq!(fold("Ғ"), "g");
    }

    #[test]
    fn months_parse_without_duplicates() {
        let m = parse_months(MONTHS_TSV).expect("months parse");
        assert_eq!(m.iter().filter(|f| f.prefix).count() + 3, m.len());
        for month in 1..=12 {
            assert!(m.iter().any(|f| f.month == month), "month {month} missing");
        }
        assert_eq!(month_of("сентября"), Some(9));
        assert_eq!(month_of("қыркүйекте"), Some(9));
        assert_eq!(month_of("мая"), Some(5));
        assert_eq!(month_of("маяк"), None);
        assert_eq!(month_of("мамырда"), Some(5));
    }
}
