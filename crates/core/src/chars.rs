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
fn stays_in_fold(c: char) -> bool {
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
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
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
        out.push(match l {
            'ё' => 'е',
            x => x,
        });
    }
    out.push_str(&s[run..]);
}

/// Whether the two bytes starting at a char boundary are а-п (D0 B0..BF) or р-я (D1 80..8F):
/// after a lead byte comes a continuation byte (80..BF), so of D0B0..D18F only those occur.
#[inline]
fn basic_russian_lower(lead: u8, next: u8) -> bool {
    (u16::from(lead) << 8 | u16::from(next)).wrapping_sub(0xD0B0) <= 0xD18F - 0xD0B0
}

/// Whether `w` is its own [`fold`]: told for words of lower-case ASCII and basic Russian
/// letters (а-п, р-я) by their bytes; false for any other char (which `fold` may or may not
/// change).
pub fn is_folded(w: &str) -> bool {
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
            Some(&y) if basic_russian_lower(x, y) => i += 2,
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
