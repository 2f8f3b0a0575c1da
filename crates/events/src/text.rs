//! Words of a sentence with byte spans, quotation depth and clause boundaries.

use crate::lexicon::{fold, is_alnum, LangRules};
use std::borrow::Cow;

/// A word or punctuation token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Byte offsets in the sentence.
    pub start: usize,
    pub end: usize,
    /// Folded (lower-case, ё as е) text: the sentence's own when it is folded already.
    pub norm: std::borrow::Cow<'a, str>,
    /// Whether it is a word (letters or digits) rather than punctuation.
    pub word: bool,
    /// Whether the word starts with an upper-case letter.
    pub upper: bool,
}

impl AsRef<str> for Token<'_> {
    /// The folded text.
    fn as_ref(&self) -> &str {
        &self.norm
    }
}

/// The char at byte `i` of `s`, if a char starts there: the same as
/// `s.get(i..).and_then(|r| r.chars().next())`, with ASCII and two-byte chars decoded inline.
#[inline(always)]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = s.as_bytes();
    let x = *b.get(i)?;
    if x < 0x80 {
        return Some(char::from(x));
    }
    // A lead byte of a two-byte char starts a char; in a `str` a continuation byte follows it.
    if (0xC2..0xE0).contains(&x) {
        if let Some(&y) = b.get(i + 1) {
            return char::from_u32((u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F));
        }
    }
    s.get(i..).and_then(|r| r.chars().next())
}

/// Splits a sentence into words (letters, digits, inner hyphens and apostrophes) and punctuation.
pub(crate) fn tokenize(s: &str) -> Vec<Token<'_>> {
    tokenize_first(s, usize::MAX)
}

/// The first `limit` tokens of [`tokenize`], reading no further into the text.
pub(crate) fn tokenize_first(s: &str, limit: usize) -> Vec<Token<'_>> {
    // About one token per six bytes of Russian or Kazakh text.
    let mut out = Vec::with_capacity(limit.min(s.len() / 6 + 1));
    let at = |i: usize| char_at(s, i);
    // `is_alnum`, with the ASCII and basic Russian letters inline (the hot path).
    let alnum = |c: char| {
        let u = c as u32;
        if u < 0x80 {
            c.is_ascii_alphanumeric()
        } else if (0x410..=0x44F).contains(&u) {
            true
        } else {
            is_alnum(c)
        }
    };
    // The chars `fold` keeps as they are.
    let keeps = kzalign_core::chars::stays_in_fold;
    let russian_lower = kzalign_core::chars::basic_russian_lower;
    let b = s.as_bytes();
    let mut pos = 0;
    while out.len() < limit {
        // A space between words (the commonest char after letters).
        if b.get(pos) == Some(&b' ') {
            pos += 1;
            continue;
        }
        let Some(c) = at(pos) else {
            break;
        };
        if alnum(c) {
            let mut end = pos + c.len_utf8();
            // Whether every char read after the first is one `fold` keeps.
            let mut plain = true;
            // Lower-case and upper-case ASCII letters and digits, а-я and А-Я, told by their
            // bytes (the hot path); other chars below.
            while let Some(&x) = b.get(end) {
                // Two lower-case Russian letters at once (the commonest run).
                if let Some(&[x0, y0, x1, y1]) = b.get(end..end + 4) {
                    if russian_lower(x0, y0) && russian_lower(x1, y1) {
                        end += 4;
                        continue;
                    }
                }
                if let Some(&y) = b.get(end + 1) {
                    if russian_lower(x, y) {
                        end += 2;
                        continue;
                    }
                    // А-Я are D0 90..AF.
                    let v = u16::from(x) << 8 | u16::from(y);
                    if v.wrapping_sub(0xD090) < 0x20 {
                        plain = false;
                        end += 2;
                        continue;
                    }
                }
                if x < 0x80 {
                    if x.is_ascii_lowercase() || x.is_ascii_digit() {
                        end += 1;
                        continue;
                    }
                    if x.is_ascii_uppercase() {
                        plain = false;
                        end += 1;
                        continue;
                    }
                }
                let Some(cj) = at(end) else {
                    break;
                };
                if alnum(cj) {
                    plain &= keeps(cj);
                    end += cj.len_utf8();
                } else if matches!(cj, '-' | '\'' | '’' | 'ʼ')
                    && at(end + cj.len_utf8()).is_some_and(alnum)
                {
                    // The joiner and the char after it.
                    let next = end + cj.len_utf8();
                    plain &= keeps(cj) && at(next).is_some_and(keeps);
                    end = next + at(next).map_or(0, char::len_utf8);
                } else {
                    break;
                }
            }
            let text = &s[pos..end];
            // A lone Latin «c» in Cyrillic text is the preposition «с» typed on the wrong layout.
            let norm = if text == "c" || text == "C" {
                Cow::Borrowed("с")
            } else if plain && keeps(c) {
                Cow::Borrowed(text)
            } else if plain {
                // Only the first char folds (a capitalized word).
                let mut f = String::with_capacity(text.len());
                f.push(kzalign_core::chars::fold_char(c));
                f.push_str(&text[c.len_utf8()..]);
                Cow::Owned(f)
            } else {
                Cow::Owned(fold(text))
            };
            debug_assert_eq!(
                norm,
                if text == "c" || text == "C" {
                    "с".to_string()
                } else {
                    fold(text)
                }
            );
            out.push(Token {
                start: pos,
                end,
                norm,
                word: true,
                upper: kzalign_core::chars::is_upper(c),
            });
            pos = end;
        } else if c.is_whitespace() {
            pos += c.len_utf8();
        } else {
            let end = pos + c.len_utf8();
            out.push(Token {
                start: pos,
                end,
                norm: Cow::Borrowed(&s[pos..end]),
                word: false,
                upper: false,
            });
            pos = end;
        }
    }
    out
}

/// Quotation depth of each token: 1 inside «...» or "..." (a closing quote without an opening
/// one means the sentence began inside a quotation).
pub(crate) fn quote_depth(tokens: &[Token]) -> Vec<u8> {
    let opens = |t: &Token| matches!(t.norm.as_ref(), "«" | "“" | "„");
    let closes = |t: &Token| matches!(t.norm.as_ref(), "»" | "”");
    let first_open = tokens.iter().position(opens);
    let first_close = tokens.iter().position(closes);
    let mut depth: u8 = match (first_open, first_close) {
        (None, Some(_)) => 1,
        (Some(o), Some(c)) if c < o => 1,
        _ => 0,
    };
    let mut straight_open = false;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if opens(t) {
            depth = depth.saturating_add(1);
            out.push(depth);
            continue;
        }
        if closes(t) {
            out.push(depth);
            depth = depth.saturating_sub(1);
            continue;
        }
        if t.norm == "\"" {
            straight_open = !straight_open;
            if straight_open {
                depth = depth.saturating_add(1);
                out.push(depth);
            } else {
                out.push(depth);
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        out.push(depth);
    }
    out
}

/// Clause index of each token (quotations are told apart by [`quote_depth`], not here). A clause
/// ends at `;`, `:`, a dash next to a quote or comma, or a
/// comma followed by a clause word of the grammar file (`что`, `который`, `деп`, ...).
pub(crate) fn clauses(tokens: &[Token], rules: &LangRules) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut c = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        if !t.word {
            let quote = |k: usize| {
                tokens
                    .get(k)
                    .is_some_and(|n| matches!(n.norm.as_ref(), "«" | "»" | "“" | "”" | "\"" | ","))
            };
            let dash = matches!(t.norm.as_ref(), "—" | "–")
                && (i == 0 || quote(i.wrapping_sub(1)) || quote(i + 1));
            let hard = dash || matches!(t.norm.as_ref(), ";" | ":");
            let soft = t.norm == ","
                && (rules.gram_at("clause", tokens, i + 1).is_some()
                    || tokens
                        .get(i + 1)
                        .is_some_and(|n| n.norm == "—" || n.norm == "–"));
            if hard || soft {
                out.push(c);
                c += 1;
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_reads_as_the_standard_library() {
        let s = "Aж ё-Ә\u{80}\u{7ff}\u{800}€😀ʼ’ß\u{a0}x";
        for i in 0..=s.len() + 1 {
            assert_eq!(
                char_at(s, i),
                s.get(i..).and_then(|r| r.chars().next()),
                "{i}"
            );
        }
    }

    /// The tokenizer as first written (over a vector of chars), for comparison.
    fn tokenize_first_by_chars(s: &str, limit: usize) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        while i < chars.len() && out.len() < limit {
            let (pos, c) = chars[i];
            if is_alnum(c) {
                let mut j = i + 1;
                while j < chars.len() {
                    let cj = chars[j].1;
                    if is_alnum(cj) {
                        j += 1;
                    } else if matches!(cj, '-' | '\'' | '’' | 'ʼ')
                        && chars.get(j + 1).is_some_and(|&(_, n)| is_alnum(n))
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
                let text = &s[pos..end];
                // A lone Latin «c» in Cyrillic text is the preposition «с» typed on the wrong layout.
                let norm = if text == "c" || text == "C" {
                    "с".to_string()
                } else {
                    fold(text)
                };
                out.push(Token {
                    start: pos,
                    end,
                    norm: norm.into(),
                    word: true,
                    upper: c.is_uppercase(),
                });
                i = j;
            } else if c.is_whitespace() {
                i += 1;
            } else {
                let end = chars.get(i + 1).map_or(s.len(), |&(p, _)| p);
                out.push(Token {
                    start: pos,
                    end,
                    norm: c.to_string().into(),
                    word: false,
                    upper: false,
                });
                i += 1;
            }
        }
        out
    }

    #[test]
    fn tokenizer_agrees_with_char_vector_version() {
        let parts = [
            "Касым-Жомарт",
            " ",
            "-",
            "'",
            "’",
            "ʼ",
            "д'",
            "Артаньян",
            "БҰҰ-ның",
            ".",
            "«",
            "»",
            "\u{301}",
            "42",
            "c",
            "C",
            "x",
            "\n",
            "—",
            "Тоқаев",
            "әңгіме",
            "ёЁ",
            "ü",
            "日本",
            "-'",
            "",
            "\u{a0}",
        ];
        let mut n = 0u32;
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    for limit in [usize::MAX, 1, 2] {
                        assert_eq!(
                            tokenize_first(&t, limit),
                            tokenize_first_by_chars(&t, limit),
                            "{t:?}"
                        );
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 1000);
    }

    #[test]
    fn first_tokens_are_a_prefix_of_all() {
        for s in [
            "Нью-Йорк. 23 сентября. Касым-Жомарт Токаев встретился с Антониу Гутерришем, «вчера».",
            "АСТАНА, 23 қыркүйек – Қасым-Жомарт Тоқаев БҰҰ-ның Бас хатшысымен кездесті",
            "",
            "a",
        ] {
            let all = tokenize(s);
            for n in 0..all.len() + 2 {
                assert_eq!(
                    tokenize_first(s, n),
                    all[..n.min(all.len())].to_vec(),
                    "{s} {n}"
                );
            }
        }
    }

    #[test]
    fn tokens_keep_spans_and_hyphens() {
        let s = "Касым-Жомарт Токаев встретился с «Гутеррешем».";
        let t = tokenize(s);
        assert_eq!(t[0].norm, "касым-жомарт");
        assert!(t[0].upper);
        for tok in &t {
            assert!(s.get(tok.start..tok.end).is_some());
        }
        assert_eq!(t.iter().filter(|x| x.word).count(), 5);
    }

    #[test]
    fn quotes_nest_and_unbalanced_close_means_inside() {
        let t = tokenize("встреча в новом году», – заявил президент");
        let d = quote_depth(&t);
        assert_eq!(d[0], 1);
        assert_eq!(*d.last().unwrap(), 0);
    }
}
