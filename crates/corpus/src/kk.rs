//! Kazakh case endings by final sound and vowel harmony, from `data/kk_suffixes.tsv`.

use crate::data::{rows, DataError};
use std::collections::HashMap;
use std::sync::OnceLock;

const SUFFIXES_TSV: &str = include_str!("../data/kk_suffixes.tsv");

/// A Kazakh case (or the comitative conjunction) the generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KkCase {
    /// Ілік септік: Тоқаевтың, Путиннің.
    Genitive,
    /// Табыс септік: Путинді.
    Accusative,
    /// Барыс септік: Тоқаевқа, Астанаға.
    Dative,
    /// Жатыс септік: Астанада, Нью-Йоркте.
    Locative,
    /// Көмектес септік and the conjunction мен/пен/бен: Путинмен, Гутерришпен.
    Comitative,
}

impl KkCase {
    fn parse(s: &str) -> Option<KkCase> {
        Some(match s {
            "genitive" => KkCase::Genitive,
            "accusative" => KkCase::Accusative,
            "dative" => KkCase::Dative,
            "locative" => KkCase::Locative,
            "comitative" => KkCase::Comitative,
            _ => return None,
        })
    }
}

/// The class of a word's final sound that picks the ending's consonant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Final {
    Vowel,
    Nasal,
    Sonorant,
    Voiced,
    Voiceless,
}

impl Final {
    fn parse(s: &str) -> Option<Final> {
        Some(match s {
            "vowel" => Final::Vowel,
            "nasal" => Final::Nasal,
            "sonorant" => Final::Sonorant,
            "voiced" => Final::Voiced,
            "voiceless" => Final::Voiceless,
            _ => return None,
        })
    }
}

type Table = HashMap<(KkCase, Final), (String, String)>;

fn parse_suffixes(text: &str) -> Result<Table, DataError> {
    let mut table = Table::new();
    for (line, cols) in rows(text) {
        let [case, class, back, front] = cols[..] else {
            return Err(DataError::new(
                "kk_suffixes.tsv",
                line,
                "expected 4 columns",
            ));
        };
        let case = KkCase::parse(case)
            .ok_or_else(|| DataError::new("kk_suffixes.tsv", line, "unknown case"))?;
        let class = Final::parse(class)
            .ok_or_else(|| DataError::new("kk_suffixes.tsv", line, "unknown class"))?;
        if table
            .insert((case, class), (back.to_string(), front.to_string()))
            .is_some()
        {
            return Err(DataError::new(
                "kk_suffixes.tsv",
                line,
                "duplicate case and class",
            ));
        }
    }
    Ok(table)
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    // The file is embedded and checked by a unit test; an empty table would only drop endings.
    TABLE.get_or_init(|| parse_suffixes(SUFFIXES_TSV).unwrap_or_default())
}

fn final_class(word: &str) -> Final {
    let last = word
        .chars()
        .rev()
        .find(|c| !matches!(c, 'ь' | 'ъ' | 'Ь' | 'Ъ'))
        .unwrap_or('а');
    let c = last.to_lowercase().next().unwrap_or(last);
    match c {
        'а' | 'ә' | 'е' | 'ё' | 'о' | 'ө' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я' => {
            Final::Vowel
        }
        'м' | 'н' | 'ң' => Final::Nasal,
        'л' | 'р' | 'й' | 'у' | 'и' => Final::Sonorant,
        'ж' | 'з' => Final::Voiced,
        _ => Final::Voiceless,
    }
}

/// Whether the ending takes its front-vowel form.
///
/// The last vowel decides; `у` and `ё` are skipped (glide or loan letter), and a surname suffix
/// `-ов`/`-ев` is skipped so the stem decides (Тоқаевтың, Мирзиёевтің, Серіковтің).
fn is_front(word: &str) -> bool {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let mut end = lower.len();
    if end > 3 && matches!(lower[end - 2..], ['о', 'в'] | ['е', 'в']) {
        end -= 2;
    }
    for &c in lower[..end].iter().rev() {
        match c {
            'ә' | 'е' | 'ө' | 'ү' | 'і' | 'и' | 'э' => return true,
            'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ю' => return false,
            _ => {}
        }
    }
    false
}

/// The ending of `case` for `word` (`Путин`, Comitative -> `мен`).
pub fn ending(word: &str, case: KkCase) -> &'static str {
    match table().get(&(case, final_class(word))) {
        Some((back, front)) => {
            if is_front(word) {
                front
            } else {
                back
            }
        }
        None => "",
    }
}

/// `word` in `case`: the ending joined to the word (`Тоқаев` -> `Тоқаевқа`).
pub fn inflect_word(word: &str, case: KkCase) -> String {
    format!("{word}{}", ending(word, case))
}

/// A multi-word name in `case`: only its last word takes the ending (`Владимир Путин` -> `Владимир Путинмен`).
pub fn inflect_name(name: &str, case: KkCase) -> String {
    match name.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", inflect_word(last, case)),
        None => inflect_word(name, case),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_is_complete() {
        let t = parse_suffixes(SUFFIXES_TSV).expect("kk_suffixes.tsv parses");
        assert_eq!(t.len(), 25, "5 cases x 5 classes");
    }

    #[test]
    fn attested_forms() {
        // Forms attested in the KazNERD validation sentences or in the seed articles.
        let cases = [
            ("Тоқаев", KkCase::Dative, "Тоқаевқа"),
            ("Тоқаев", KkCase::Genitive, "Тоқаевтың"),
            ("Тоқаев", KkCase::Comitative, "Тоқаевпен"),
            ("Назарбаев", KkCase::Accusative, "Назарбаевты"),
            ("Путин", KkCase::Comitative, "Путинмен"),
            ("Путин", KkCase::Genitive, "Путиннің"),
            ("Гутерриш", KkCase::Comitative, "Гутерришпен"),
            ("Гутерриш", KkCase::Genitive, "Гутерриштің"),
            ("Мирзиёев", KkCase::Genitive, "Мирзиёевтің"),
            ("Мирзиёев", KkCase::Comitative, "Мирзиёевпен"),
            ("Ердоған", KkCase::Genitive, "Ердоғанның"),
            ("Цзиньпин", KkCase::Genitive, "Цзиньпиннің"),
            ("Медведев", KkCase::Accusative, "Медведевті"),
            ("Астана", KkCase::Locative, "Астанада"),
            ("Бішкек", KkCase::Dative, "Бішкекке"),
            ("Мәскеу", KkCase::Locative, "Мәскеуде"),
            ("Киев", KkCase::Dative, "Киевке"),
            ("Зеленский", KkCase::Comitative, "Зеленскиймен"),
            ("қыз", KkCase::Comitative, "қызбен"),
            ("адам", KkCase::Comitative, "адаммен"),
        ];
        for (word, case, want) in cases {
            assert_eq!(inflect_word(word, case), want, "{word} {case:?}");
        }
    }

    #[test]
    fn only_last_word_inflects() {
        assert_eq!(
            inflect_name("Владимир Путин", KkCase::Comitative),
            "Владимир Путинмен"
        );
        assert_eq!(
            inflect_name("Ресей Президенті Владимир Путин", KkCase::Dative),
            "Ресей Президенті Владимир Путинге"
        );
    }
}
