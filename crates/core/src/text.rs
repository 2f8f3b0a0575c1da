use crate::chars::{is_alpha, is_upper};
use crate::Span;

/// A sentence of a text, with its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence, trimmed of surrounding white space.
    pub text: &'a str,
    /// Its byte span in the whole text.
    pub span: Span,
    /// 0-based index of the paragraph (a line of text) it belongs to.
    pub paragraph: usize,
}

/// Splits `text` into sentences.
///
/// A line break always ends a sentence (scraped news keeps one paragraph a line, and headlines have
/// no final stop). Inside a line, `.`, `!`, `?` and `…` end a sentence when followed by white space
/// and an upper-case letter, a digit, a quote or a dash, except after an initial (`К.-Ж.`, `М.П.`)
/// or a short abbreviation (`г.`, `т.д.`, `ж.`).
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    // The language detector and the event extractor each split the same article in turn: the
    // last text of several lines split on the thread is remembered with its sentences.
    let remembered = LAST_SPLIT.try_with(|last| {
        let last = last.borrow();
        (last.0 == text).then(|| {
            last.1
                .iter()
                .map(|&(start, end, paragraph)| Sentence {
                    text: &text[start..end],
                    span: Span::new(start, end),
                    paragraph,
                })
                .collect::<Vec<_>>()
        })
    });
    if let Ok(Some(out)) = remembered {
        return out;
    }
    let out = split_sentences(text);
    // Single lines (the name finder splits the lines it reads one by one) are not remembered, so
    // that they do not push out the article.
    if !text.contains('\n') {
        return out;
    }
    let _ = LAST_SPLIT.try_with(|last| {
        let mut last = last.borrow_mut();
        last.0.clear();
        last.0.push_str(text);
        last.1.clear();
        last.1
            .extend(out.iter().map(|s| (s.span.start, s.span.end, s.paragraph)));
    });
    out
}

/// A text's sentences as (start, end, paragraph).
type Split = (String, Vec<(usize, usize, usize)>);

thread_local! {
    /// The last text [`sentences`] split on this thread, and its sentences.
    static LAST_SPLIT: std::cell::RefCell<Split> = const {
        std::cell::RefCell::new((String::new(), Vec::new()))
    };
}

/// [`sentences`], computed.
fn split_sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if body.trim().is_empty() {
            line_start += line.len();
            continue;
        }
        split_line(body, line_start, paragraph, &mut out);
        paragraph += 1;
        line_start += line.len();
    }
    out
}

fn split_line<'a>(line: &'a str, offset: usize, paragraph: usize, out: &mut Vec<Sentence<'a>>) {
    let mut start = 0usize;
    let mut i = 0usize;
    while let Some(pos) = next_stop(line, i) {
        // Take the whole run of closing punctuation and quotes.
        let mut j = pos;
        for c in line[pos..].chars() {
            if j > pos && !matches!(c, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')') {
                break;
            }
            j += c.len_utf8();
        }
        let rest = &line[j..];
        let next_text = rest.trim_start();
        let k = j + (rest.len() - next_text.len());
        let has_space = k > j;
        let opens = next_text.chars().next().is_some_and(|n| {
            is_upper(n) || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | '–' | '—' | '-')
        });
        if has_space && opens && !is_abbreviation(line, pos) {
            push(line, start, j, offset, paragraph, out);
            start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push(line, start, line.len(), offset, paragraph, out);
}

/// The byte offset of the first `.`, `!`, `?` or `…` at or after byte `from` of `line`.
fn next_stop(line: &str, from: usize) -> Option<usize> {
    let b = line.as_bytes();
    let mut i = from;
    while i < b.len() {
        // Eight bytes at a time while none of them is `.`, `!`, `?` or the first byte of `…`.
        while let Some(chunk) = b.get(i..i + 8) {
            let Ok(word) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let x = u64::from_le_bytes(word);
            if has_byte(x, b'.') | has_byte(x, b'!') | has_byte(x, b'?') | has_byte(x, 0xE2) != 0 {
                break;
            }
            i += 8;
        }
        let end = (i + 8).min(b.len());
        while i < end {
            match b[i] {
                b'.' | b'!' | b'?' => return Some(i),
                // «…» is E2 80 A6.
                0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => {
                    return Some(i)
                }
                _ => i += 1,
            }
        }
    }
    None
}

/// Non-zero when one of the eight bytes of `x` is `b`.
#[inline(always)]
fn has_byte(x: u64, b: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let t = x ^ (ONES * u64::from(b));
    t.wrapping_sub(ONES) & !t & HIGHS
}

/// Whether the stop at byte `dot` closes an initial or a short abbreviation rather than a sentence.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    // Tokenised text spaces the stop off the word (М . П . Джабир, 2017 г .).
    let before = &line[..dot];
    let before = before.strip_suffix(' ').unwrap_or(before);
    // The run of letters right before the stop.
    let Some(first) = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_alpha(c))
        .last()
        .map(|(p, _)| p)
    else {
        return false;
    };
    let word = &before[first..];
    let mut letters = word.chars();
    let first_upper = letters.next().is_some_and(is_upper);
    let n = 1 + letters.count();
    // An initial: one capital letter (К. Токаев, М.П. Гагарин, К.-Ж.).
    if n == 1 && first_upper {
        return true;
    }
    n <= ABBREVIATION_MAX_LETTERS
        && ABBREVIATIONS
            .binary_search(&word.to_lowercase().as_str())
            .is_ok()
}

/// The longest entry of [`ABBREVIATIONS`], in letters.
const ABBREVIATION_MAX_LETTERS: usize = 4;

/// Lower-case words that a stop follows as an abbreviation, not as a sentence end (Russian and
/// Kazakh newspaper usage: г. = год/город, ж. = жыл, т.б. = тағы басқа, ...). Sorted.
const ABBREVIATIONS: &[&str] = &[
    "акад", "англ", "б", "бб", "в", "вв", "г", "гг", "д", "долл", "др", "е", "ж", "жж", "им",
    "каз", "кв", "кг", "км", "коп", "м", "млн", "млрд", "н", "обл", "п", "пр", "проф", "р", "руб",
    "рус", "с", "см", "ср", "ст", "стр", "т", "тыс", "ул", "х", "э",
];

fn push<'a>(
    line: &'a str,
    start: usize,
    end: usize,
    offset: usize,
    paragraph: usize,
    out: &mut Vec<Sentence<'a>>,
) {
    let raw = &line[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let text = raw.trim();
    if text.is_empty() {
        return;
    }
    let s = offset + start + lead;
    out.push(Sentence {
        text,
        span: Span::new(s, s + text.len()),
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_found_as_byte_by_byte() {
        let naive = |line: &str, from: usize| {
            let b = line.as_bytes();
            (from..b.len()).find(|&i| {
                matches!(b[i], b'.' | b'!' | b'?')
                    || (b[i] == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6))
            })
        };
        let lines = [
            "Президент провёл встречу — «переговоры» прошли… успешно! Да? Нет.",
            "abcdefghijklmnopqrstuvwxyz0123456789 без знаков вовсе",
            "“кавычки” – тире — и многоточие…",
            "",
            ".",
            "…",
            "ab\u{2026}",
            "12345678.",
        ];
        for line in lines {
            for from in 0..=line.len() + 2 {
                assert_eq!(next_stop(line, from), naive(line, from), "{line:?} {from}");
            }
        }
    }

    #[test]
    fn a_text_split_again_gives_the_same_sentences() {
        let a = "Президент провёл встречу. Ж. Ахметов сказал: «Да».\n\nТоқаев кездесті!";
        let b = "Одна строка без точки\nИ вторая. Третья";
        let cut = a.char_indices().nth(20).map_or(a.len(), |(i, _)| i);
        for t in [a, b, a, a, "", b, &a[..cut], a] {
            let first = sentences(t);
            assert_eq!(first, split_sentences(t), "{t:?}");
            assert_eq!(sentences(t), first, "{t:?}");
        }
        // The same text at another address.
        let copy = a.to_string();
        let got = sentences(&copy);
        assert!(got
            .iter()
            .all(|s| std::ptr::eq(s.text, s.span.slice(&copy))));
    }

    fn texts(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_on_stops_and_lines() {
        let t = "Нью-Йорк. 23 сентября. Токаев встретился с Гутеррешем. Они обсудили повестку.\nКездесу өтті";
        assert_eq!(
            texts(t),
            vec![
                "Нью-Йорк.",
                "23 сентября.",
                "Токаев встретился с Гутеррешем.",
                "Они обсудили повестку.",
                "Кездесу өтті"
            ]
        );
    }

    #[test]
    fn keeps_initials_and_abbreviations() {
        let t = "К.-Ж. Токаев и М.П. Гагарин прибыли в г. Астана. Далее т.д. продолжилось.";
        assert_eq!(
            texts(t),
            vec![
                "К.-Ж. Токаев и М.П. Гагарин прибыли в г. Астана.",
                "Далее т.д. продолжилось."
            ]
        );
        // Tokenised text spaces the stop off the word.
        let t = "Бегун М . П . Джабир прошел в 2019 г . в полуфинал . Финал в субботу .";
        assert_eq!(
            texts(t),
            vec![
                "Бегун М . П . Джабир прошел в 2019 г . в полуфинал .",
                "Финал в субботу ."
            ]
        );
    }

    #[test]
    fn spans_point_back_into_text() {
        let t = "  Первое предложение!  Второе?\r\n\r\nТретье…";
        for s in sentences(t) {
            assert_eq!(s.span.slice(t), s.text);
        }
        assert_eq!(sentences(t).len(), 3);
        assert_eq!(sentences(t)[2].paragraph, 1);
    }

    #[test]
    fn short_words_end_sentences_unless_listed() {
        let t = "Решения пока нет. После встречи он уехал. Встреча 9 мая. Затем т.д. и т.п. Конец.";
        assert_eq!(
            texts(t),
            vec![
                "Решения пока нет.",
                "После встречи он уехал.",
                "Встреча 9 мая.",
                "Затем т.д. и т.п. Конец."
            ]
        );
    }

    #[test]
    fn abbreviation_list_is_sorted_and_lower_case() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.chars().all(char::is_lowercase)));
        let longest = ABBREVIATIONS.iter().map(|a| a.chars().count()).max();
        assert_eq!(longest, Some(ABBREVIATION_MAX_LETTERS));
    }

    #[test]
    fn only_the_ellipsis_of_the_three_byte_marks_ends_a_sentence() {
        // — (E2 80 94), “ (E2 80 9C) and … (E2 80 A6) share their first bytes.
        let t = "Он сказал — «да»… Потом “ушел”. Всё";
        assert_eq!(texts(t), vec!["Он сказал — «да»…", "Потом “ушел”.", "Всё"]);
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n \t\n").is_empty());
        assert_eq!(texts("...!!! ?"), vec!["...!!! ?"]);
    }
}

/// Text as scraped pages deliver it, made plain for reading: letters written as a base letter and
/// a combining mark composed (Unicode NFC: `и` + U+0306 is `й`, `е` + U+0308 is `ё`), invisible
/// format characters inside words dropped (soft hyphen U+00AD, zero-width non-joiner and joiner
/// U+200C/U+200D, word joiner U+2060, a byte-order mark U+FEFF inside the text), and the Unicode
/// hyphens U+2010/U+2011 written as `-` (Қасым‑Жомарт). Borrowed when there is nothing to do,
/// as for most text.
pub fn clean_text(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    // Told by the bytes, which are lead bytes and so never inside another char: C2 AD (soft
    // hyphen); CC xx and CD 80..AF (combining marks U+0300..U+036F); E2 80 8C/8D/90/91 and
    // E2 81 A0 (joiners, hyphens, word joiner); EF BB BF (byte-order mark).
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let marks = memchr::memchr3_iter(0xC2, 0xCC, 0xCD, b).any(|i| match b[i] {
        0xC2 => at(i + 1) == 0xAD,
        0xCC => true,
        _ => at(i + 1) <= 0xAF,
    });
    let touched = marks
        || memchr::memchr2_iter(0xE2, 0xEF, b).any(|i| match b[i] {
            0xE2 => {
                (at(i + 1) == 0x80 && matches!(at(i + 2), 0x8C | 0x8D | 0x90 | 0x91))
                    || (at(i + 1) == 0x81 && at(i + 2) == 0xA0)
            }
            _ => at(i + 1) == 0xBB && at(i + 2) == 0xBF,
        });
    if !touched {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.nfc()
            .filter(|c| !INVISIBLE.contains(c))
            .map(|c| {
                if matches!(c, '\u{2010}' | '\u{2011}') {
                    '-'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// The format characters [`clean_text`] drops: soft hyphen, zero-width non-joiner and joiner,
/// word joiner, byte-order mark.
const INVISIBLE: [char; 5] = ['\u{ad}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];

/// [`clean_text`] of an owned text, without a copy when there is nothing to do.
pub fn clean_string(text: String) -> String {
    if let std::borrow::Cow::Owned(plain) = clean_text(&text) {
        return plain;
    }
    text
}

#[cfg(test)]
mod clean_tests {
    use super::clean_text;

    #[test]
    fn scraped_text_is_made_plain() {
        let cases = [
            ("Тока\u{ad}ев", "Токаев"),
            ("Андреи\u{306} Иванов", "Андрей Иванов"),
            ("Пугачне\u{308}в", "Пугачнёв"),
            ("Қасым\u{2011}Жомарт", "Қасым-Жомарт"),
            ("Қасым\u{2010}Жомарт", "Қасым-Жомарт"),
            ("Гу\u{200d}терриш\u{2060}пен\u{feff}", "Гутерришпен"),
        ];
        for (raw, plain) in cases {
            assert_eq!(clean_text(raw), plain, "{raw:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed_and_dashes_and_stress_stay() {
        // An en dash between names (Токаев–Путин) and a stress mark (other code strips it) stay;
        // a no-break space stays a space of its own.
        for s in [
            "Токаев–Путин",
            "Мемлекет басшысы Тоқаев",
            "Toqaev\u{a0}Q.",
            "за́мок",
        ] {
            assert_eq!(clean_text(s), s, "{s:?}");
        }
        assert!(matches!(
            clean_text("Токаев–Путин"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
