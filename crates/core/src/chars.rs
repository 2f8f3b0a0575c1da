//! Letter tests and lower-casing with fast paths for ASCII and Cyrillic (Russian and Kazakh
//! letters are U+0400..U+04FF), the hot path of every stage. Each agrees with the standard
//! library's Unicode tables (tested on every char up to U+3000).

/// `char::is_alphabetic`, fast for ASCII and Cyrillic.
pub fn is_alpha(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphabetic()
    } else if (0x400..=0x4FF).contains(&u) {
        // U+0482..U+0489: the thousands sign and combining marks.
        !(0x482..=0x489).contains(&u)
    } else {
        c.is_alphabetic()
    }
}

/// `char::is_alphanumeric`, fast for ASCII and Cyrillic.
pub fn is_alnum(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphanumeric()
    } else if (0x400..=0x4FF).contains(&u) {
        is_alpha(c)
    } else {
        c.is_alphanumeric()
    }
}

/// `char::is_lowercase`, fast for ASCII and а-я, ѐ-џ.
pub fn is_lower(c: char) -> bool {
    match c {
        'a'..='z' | '\u{0430}'..='\u{045F}' => true,
        _ if c.is_ascii() => false,
        _ => c.is_lowercase(),
    }
}

/// `char::is_uppercase`, fast for ASCII and Cyrillic.
pub fn is_upper(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_uppercase();
    }
    match CYR_UPPER.get(u.wrapping_sub(0x400) as usize) {
        Some(&upper) => upper,
        None => c.is_uppercase(),
    }
}

/// Whether each char of U+0400..U+04FF is upper-case ([`is_upper`]'s table).
static CYR_UPPER: [bool; 256] = cyrillic_upper();

const fn cyrillic_upper() -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        let u = 0x400 + k as u32;
        t[k] = match u {
            0x400..=0x42F | 0x4C0 => true,
            // Upper-case halves of the pairs.
            0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => u % 2 == 0,
            0x4C1..=0x4CE => u % 2 == 1,
            // а-я, ѐ-џ, the signs U+0482..U+0489, ӏ.
            _ => false,
        };
        k += 1;
    }
    t
}

/// The lower case of an ASCII or Cyrillic char without the Unicode tables; `None` for other chars.
pub fn lower_fast(c: char) -> Option<char> {
    let u = c as u32;
    if u < 0x80 {
        return Some(c.to_ascii_lowercase());
    }
    let l = match u {
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x4C0 => 0x4CF,
        0x430..=0x4BF | 0x4C1..=0x4FF => {
            if is_upper(c) {
                u + 1
            } else {
                u
            }
        }
        _ => return None,
    };
    char::from_u32(l)
}

/// Lower-cases one char (the first char of its lower-case mapping).
pub fn lower(c: char) -> char {
    lower_fast(c).unwrap_or_else(|| c.to_lowercase().next().unwrap_or(c))
}

/// Whether `c` is its own fold: lower-case ASCII, and the lower-case Cyrillic letters of
/// Russian and Kazakh except ё (odd code points from U+0461 are the lower-case halves of pairs).
pub fn stays_in_fold(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return !c.is_ascii_uppercase();
    }
    ((0x430..=0x45F).contains(&u) && u != 0x451)
        || (((0x461..=0x4BF).contains(&u) || (0x4D1..=0x4FF).contains(&u)) && u % 2 == 1)
}

/// Lower-cases (one char per char, as [`lower`]) and folds ё to е: the form words are compared
/// in across the crates.
pub fn fold(s: &str) -> String {
    // The first char apart: in a capitalised word it is the one char that changes, and the rest
    // is then copied in runs.
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.push(fold_char(c));
        fold_into(chars.as_str(), &mut out);
    }
    out
}

/// The [`fold`] of one char (`fold` maps each char to one char).
pub fn fold_char(c: char) -> char {
    match lower(c) {
        'ё' => 'е',
        l => l,
    }
}

/// [`fold`], appended to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    // Runs of chars that stay as they are (lower-case ASCII and basic Russian letters, the hot
    // path) are copied whole; the others are lower-cased one by one.
    let b = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        // Lower-case ASCII and а-п (D0 B0..BF), р-я (D1 80..8F) without decoding.
        let x = b[i];
        if x < 0x80 {
            if !x.is_ascii_uppercase() {
                i += 1;
                continue;
            }
        } else if let Some(&y) = b.get(i + 1) {
            if basic_russian_lower(x, y) {
                i += 2;
                continue;
            }
        }
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let u = c as u32;
        if stays_in_fold(c) {
            i += c.len_utf8();
            continue;
        }
        out.push_str(&s[run..i]);
        i += c.len_utf8();
        run = i;
        let l = if u < 0x80 {
            c.to_ascii_lowercase()
        } else if (0x430..=0x44F).contains(&u) {
            c
        } else if (0x410..=0x42F).contains(&u) {
            char::from_u32(u + 0x20).unwrap_or(c)
        } else {
            lower(c)
        };
        out.push(if l == 'ё' { 'е' } else { l });
    }
    out.push_str(&s[run..]);
}

/// Whether the two bytes starting at a char boundary are а-п (D0 B0..BF) or р-я (D1 80..8F):
/// after a lead byte comes a continuation byte (80..BF), so of D0B0..D18F only those occur.
#[inline]
pub fn basic_russian_lower(lead: u8, next: u8) -> bool {
    (u16::from(lead) << 8 | u16::from(next)).wrapping_sub(0xD0B0) <= 0xD18F - 0xD0B0
}

/// Whether `w` is its own [`fold`]: told for words of lower-case ASCII and basic Russian
/// letters (а-п, р-я) by their bytes; false for any other char (which `fold` may or may not
/// change).
pub fn is_folded(w: &str) -> bool {
    all_by_bytes(w, basic_russian_lower)
}

/// Whether `w` is its own [`fold`], told by its bytes for every char [`fold`] keeps: lower-case
/// ASCII, the lower-case Cyrillic letters а-я and ѐ-џ but ё (U+0430..U+045F), and the lower-case
/// halves of the pairs from U+0461 (the Kazakh letters among them); false for any other char. Also
/// false for combining accents. [`is_folded`] with the Kazakh letters.
pub fn stays_folded(w: &str) -> bool {
    all_by_bytes(w, |x, y| {
        basic_russian_lower(x, y)
            || match x {
                // а-п (U+0430..U+043F)
                0xD0 => y >= 0xB0,
                // р-я, ѐ-џ but ё (U+0440..U+045F), odd U+0461..U+047F
                0xD1 => y <= 0x9F && y != 0x91 || y >= 0xA0 && y & 1 == 1,
                // odd U+0481..U+04BF
                0xD2 => y & 1 == 1,
                // odd U+04D1..U+04FF
                0xD3 => y >= 0x90 && y & 1 == 1,
                _ => false,
            }
    })
}

/// Whether every char of `w` is lower-case ASCII or a two-byte char whose bytes `two` accepts;
/// false at the first other char.
#[inline]
fn all_by_bytes(w: &str, two: impl Fn(u8, u8) -> bool) -> bool {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        if x < 0x80 {
            if x.is_ascii_uppercase() {
                return false;
            }
            i += 1;
            continue;
        }
        match b.get(i + 1) {
            Some(&y) if two(x, y) => i += 2,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_folded_only_for_words_fold_keeps() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let w = format!("a{c}я");
            if is_folded(&w) {
                assert_eq!(fold(&w), w, "U+{u:04X}");
            }
            let want = (c.is_ascii() && !c.is_ascii_uppercase())
                || ('а'..='п').contains(&c)
                || ('р'..='я').contains(&c);
            assert_eq!(is_folded(&w), want, "U+{u:04X}");
        }
    }

    /// The empty word is its own fold, and both tests say so.
    #[test]
    fn empty_word_is_folded() {
        assert_eq!(fold(""), "");
        assert!(is_folded(""));
        assert!(stays_folded(""));
    }

    /// `fold` reads a word's first char with `fold_char` and the rest with `fold_into`: the two
    /// agree on every char.
    #[test]
    fn fold_char_is_fold_into_of_one_char() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let mut by_runs = String::new();
            fold_into(&c.to_string(), &mut by_runs);
            assert_eq!(fold_char(c).to_string(), by_runs, "U+{u:04X}");
        }
    }

    #[test]
    fn fold_agrees_with_lower_char_by_char() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let want = match lower(c) {
                'ё' => 'е',
                x => x,
            };
            assert_eq!(fold(&c.to_string()), want.to_string(), "U+{u:04X}");
        }
        let parts = [
            "Тоқаев",
            "ЁЛКА",
            "ёж",
            "İstanbul",
            "abcXYZ",
            "Ω",
            " ",
            "-",
            "Straße",
            "日本",
            "",
            "Әлем",
            "ß",
            "ẞ",
            "И\u{301}горь",
            "\u{301}",
            "Zürich",
            "Ǆ",
            "ǅ",
            "K",
        ];
        for a in parts {
            for b in parts {
                let t = format!("{a}{b}");
                let want: String = t
                    .chars()
                    .map(|c| match lower(c) {
                        'ё' => 'е',
                        x => x,
                    })
                    .collect();
                assert_eq!(fold(&t), want, "{t:?}");
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alpha(c), c.is_alphabetic(), "alpha U+{u:04X}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "alnum U+{u:04X}");
            assert_eq!(is_upper(c), c.is_uppercase(), "upper U+{u:04X}");
            assert_eq!(is_lower(c), c.is_lowercase(), "is_lower U+{u:04X}");
            assert_eq!(
                lower(c),
                c.to_lowercase().next().unwrap_or(c),
                "lower U+{u:04X}"
            );
            if let Some(l) = lower_fast(c) {
                assert_eq!(vec![l], c.to_lowercase().collect::<Vec<_>>(), "U+{u:04X}");
            }
        }
    }
}
