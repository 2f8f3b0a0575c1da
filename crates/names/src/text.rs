//! Letter classes, case helpers and a word tokenizer shared by the Russian and Kazakh rules.

use kzalign_core::Span;

/// Letters found only in the Kazakh Cyrillic alphabet.
pub(crate) const KAZAKH_ONLY: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

/// Whether `c` is a Cyrillic vowel (Russian or Kazakh).
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(
        lower(c),
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'ә' | 'ө' | 'ұ' | 'ү' | 'і'
    )
}

/// Whether `c` is a Cyrillic letter.
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

pub(crate) use kzalign_core::chars::{is_alnum, is_alpha, is_upper, lower};

/// Lower-cases and folds ё to е.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(match lower(c) {
            'ё' => 'е',
            x => x,
        });
    }
    out
}

/// Removes combining stress marks and other combining acute/grave accents (`И́горь` -> `Игорь`).
pub(crate) fn strip_accents(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['\u{0300}', '\u{0301}']) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .filter(|c| !matches!(*c, '\u{0300}' | '\u{0301}'))
            .collect(),
    )
}

/// Whether the word starts with an upper-case letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    w.chars().next().is_some_and(is_upper)
}

/// Whether every letter of the word is upper-case and it has at least two letters.
pub(crate) fn is_all_caps(w: &str) -> bool {
    let mut n = 0usize;
    for c in w.chars().filter(|c| is_alpha(*c)) {
        if !is_upper(c) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Re-applies the capitalisation of `model` to a lower-case `lemma` made from it: title case
/// when the model is capitalised, upper case when the model is all capitals.
pub(crate) fn recase(model: &str, lemma: &str) -> String {
    if is_all_caps(model) {
        return lemma.to_uppercase();
    }
    // Keep the model's own letters where they coincide, then title-case each hyphen part.
    let mut out = String::with_capacity(lemma.len());
    let mut start = true;
    for c in lemma.chars() {
        if start && is_alpha(c) {
            out.extend(c.to_uppercase());
            start = false;
        } else {
            out.push(c);
        }
        if c == '-' {
            start = true;
        }
    }
    if !is_capitalized(model) {
        // A lower-case article before a capitalised part keeps both (аль-Хадж).
        let (mp, lp): (Vec<&str>, Vec<&str>) =
            (model.split('-').collect(), lemma.split('-').collect());
        if mp.len() > 1 && mp.len() == lp.len() {
            let parts: Vec<String> = lp
                .iter()
                .zip(&mp)
                .map(|(l, m)| {
                    if is_capitalized(m) {
                        recase(m, l)
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            return parts.join("-");
        }
        return lemma.to_string();
    }
    out
}

/// A word of running text with its byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The word as written (letters, inner hyphens and apostrophes, a trailing dot for initials).
    pub text: &'a str,
    /// Byte span in the text.
    pub span: Span,
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || matches!(c, '\u{0300}' | '\u{0301}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | 'ʼ' | '‘')
}

/// Splits text into words: runs of letters/digits joined by inner hyphens or apostrophes.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            if j + 1 < chars.len() && is_joiner(chars[j].1) && is_word_char(chars[j + 1].1) {
                j += 1;
                continue;
            }
            break;
        }
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        out.push(Token {
            text: &text[start..end],
            span: Span::new(start, end),
        });
        i = j;
    }
    out
}

/// The language a word's letters suggest: Kazakh when it has a Kazakh-only letter, Russian for
/// other Cyrillic, `None` for Latin or no letters.
pub(crate) fn script_lang(w: &str) -> Option<kzalign_core::Lang> {
    let mut cyr = false;
    for c in w.chars() {
        let l = lower(c);
        if KAZAKH_ONLY.contains(&l) {
            return Some(kzalign_core::Lang::Kk);
        }
        if is_cyrillic(c) {
            cyr = true;
        }
    }
    if cyr {
        Some(kzalign_core::Lang::Ru)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_hyphens_and_apostrophes() {
        let t = tokenize("Касым-Жомарт Токаев, БҰҰ-ның д'Артаньян.");
        let w: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(w, vec!["Касым-Жомарт", "Токаев", "БҰҰ-ның", "д'Артаньян"]);
        for tok in &t {
            assert_eq!(
                tok.span.slice("Касым-Жомарт Токаев, БҰҰ-ның д'Артаньян."),
                tok.text
            );
        }
    }

    /// The letter tests themselves are checked against std in `kzalign_core::chars`.
    #[test]
    fn all_caps_agrees_with_std() {
        let all_caps = |w: &str| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        };
        for w in [
            "БҰҰ",
            "ООН-ның",
            "Б",
            "АҚШ",
            "Абай",
            "НАТО.",
            "X1Y",
            "ӘЛЕМ",
            "ǅA",
            "ΣΑ",
        ] {
            assert_eq!(is_all_caps(w), all_caps(w), "{w}");
        }
    }

    #[test]
    fn recases() {
        assert_eq!(recase("ТОКАЕВА", "токаев"), "ТОКАЕВ");
        assert_eq!(recase("Касым-Жомарта", "касым-жомарт"), "Касым-Жомарт");
        assert_eq!(strip_accents("И\u{301}горь"), "Игорь");
        assert_eq!(recase("аль-Хадж", "аль-хадж"), "аль-Хадж");
    }
}
