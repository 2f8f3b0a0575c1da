//! A small Russian–Kazakh lexicon of news words: words of either language that translate each
//! other share a concept (`налогов`, `салықтар` -> `tax`). Data: `data/lexicon.tsv`.

use crate::FastMap;
use kzalign_core::Lang;
use std::sync::OnceLock;

const LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

/// One form of the lexicon.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    /// Concept name.
    pub concept: &'static str,
    /// `ru` or `kk`.
    pub lang: Lang,
    /// Lower-case form.
    pub form: &'static str,
    /// Whether any ending may follow the form.
    pub prefix: bool,
}

/// Parses the lexicon; `Err` names the first bad line.
pub(crate) fn parse(tsv: &'static str) -> Result<Vec<Entry>, String> {
    let mut out: Vec<Entry> = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let n = i + 1;
        let cols: Vec<&'static str> = line.split('\t').collect();
        if cols.len() != 4 {
            return Err(format!("line {n}: expected four columns"));
        }
        let lang = match cols[1] {
            "ru" => Lang::Ru,
            "kk" => Lang::Kk,
            _ => return Err(format!("line {n}: language must be ru or kk")),
        };
        let prefix = match cols[3] {
            "prefix" => true,
            "exact" => false,
            _ => return Err(format!("line {n}: match must be prefix or exact")),
        };
        let form = cols[2];
        if form.chars().count() < 2 || form.chars().any(|c| !c.is_lowercase()) {
            return Err(format!("line {n}: form must be one lower-case word"));
        }
        if prefix && form.chars().count() < 3 {
            return Err(format!("line {n}: a prefix needs three letters"));
        }
        if out.iter().any(|e| e.lang == lang && e.form == form) {
            return Err(format!("line {n}: duplicate form {form}"));
        }
        out.push(Entry {
            concept: cols[0],
            lang,
            form,
            prefix,
        });
    }
    Ok(out)
}

/// (form, concept) pairs of prefix forms, by their first two letters.
type PrefixTable = FastMap<(char, char), Vec<(&'static str, &'static str)>>;

/// Lookup tables per language: exact forms, and prefixes by their first two letters.
struct Tables {
    exact: [FastMap<&'static str, &'static str>; 2],
    prefixes: [PrefixTable; 2],
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            exact: [FastMap::default(), FastMap::default()],
            prefixes: [FastMap::default(), FastMap::default()],
        };
        for e in parse(LEXICON_TSV).unwrap_or_default() {
            let side = usize::from(e.lang == Lang::Kk);
            if e.prefix {
                let mut chars = e.form.chars();
                if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                    t.prefixes[side]
                        .entry((a, b))
                        .or_default()
                        .push((e.form, e.concept));
                }
            } else {
                t.exact[side].insert(e.form, e.concept);
            }
        }
        for lists in &mut t.prefixes {
            for list in lists.values_mut() {
                // Longest form first: the most specific wins.
                list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
            }
        }
        t
    })
}

/// The concept a lower-case word of `lang` names, if the lexicon has it.
pub fn concept(lower: &str, lang: Lang) -> Option<&'static str> {
    let side = match lang {
        Lang::Ru => 0,
        Lang::Kk => 1,
        Lang::Other => return None,
    };
    let t = tables();
    if let Some(c) = t.exact[side].get(lower) {
        return Some(c);
    }
    let mut chars = lower.chars();
    let key = (chars.next()?, chars.next()?);
    t.prefixes[side]
        .get(&key)?
        .iter()
        .find(|(form, _)| lower.starts_with(form))
        .map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_without_duplicates_and_pairs_every_concept() {
        let entries = parse(LEXICON_TSV).expect("lexicon parses");
        assert!(entries.len() > 200);
        let mut concepts: Vec<&str> = entries.iter().map(|e| e.concept).collect();
        concepts.sort_unstable();
        concepts.dedup();
        for c in concepts {
            for lang in [Lang::Ru, Lang::Kk] {
                assert!(
                    entries.iter().any(|e| e.concept == c && e.lang == lang),
                    "{c} lacks {lang}"
                );
            }
        }
        // No entry is made redundant by a prefix entry of the same concept and language.
        for a in entries.iter().filter(|e| e.prefix) {
            for b in &entries {
                let same = a.concept == b.concept && a.lang == b.lang && a.form != b.form;
                assert!(
                    !(same && b.form.starts_with(a.form)),
                    "{} covers {}",
                    a.form,
                    b.form
                );
            }
        }
    }

    #[test]
    fn words_of_both_languages_meet() {
        assert_eq!(concept("налогов", Lang::Ru), Some("tax"));
        assert_eq!(concept("салықтарды", Lang::Kk), Some("tax"));
        assert_eq!(concept("су", Lang::Kk), Some("water"));
        assert_eq!(concept("су", Lang::Ru), None);
        assert_eq!(concept("газета", Lang::Ru), None);
        assert_eq!(concept("аурухананың", Lang::Kk), Some("hospital"));
        assert_eq!(concept("он", Lang::Ru), None);
        assert_eq!(concept("x", Lang::Kk), None);
    }
}
