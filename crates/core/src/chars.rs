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
    match u {
        0x400..=0x42F | 0x4C0 => true,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x4FF => u % 2 == 0,
        0x4C1..=0x4CE => u % 2 == 1,
        0x430..=0x45F | 0x482..=0x489 | 0x4CF => false,
        _ => c.is_uppercase(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
