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
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of closing punctuation and quotes.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')')
            {
                j += 1;
            }
            let end = chars.get(j).map_or(line.len(), |&(p, _)| p);
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let has_space = k > j;
            let next = chars.get(k).map(|&(_, c)| c);
            let opens = next.is_some_and(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '«' | '"' | '“' | '–' | '—' | '-')
            });
            if has_space && opens && !is_abbreviation(line, pos) {
                push(line, start, end, offset, paragraph, out);
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(line, start, line.len(), offset, paragraph, out);
}

/// Whether the stop at byte `dot` closes an initial or a short abbreviation rather than a sentence.
fn is_abbreviation(line: &str, dot: usize) -> bool {
    let before = &line[..dot];
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let n = word.chars().count();
    if n == 0 {
        return false;
    }
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    // An initial: one capital letter (К. Токаев, М.П. Гагарин, К.-Ж.).
    if n == 1 && first_upper {
        return true;
    }
    ABBREVIATIONS
        .binary_search(&word.to_lowercase().as_str())
        .is_ok()
}

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
    }

    #[test]
    fn empty_and_odd_input() {
        assert!(sentences("").is_empty());
        assert!(sentences("\n\n \t\n").is_empty());
        assert_eq!(texts("...!!! ?"), vec!["...!!! ?"]);
    }
}
