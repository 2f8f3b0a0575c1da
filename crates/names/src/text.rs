//! Letter classes, case helpers and a word tokenizer shared by the Russian and Kazakh rules.

use kzalign_core::Span;

/// Letters found only in the Kazakh Cyrillic alphabet.
pub(crate) const KAZAKH_ONLY: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

/// Whether `w` has a letter found only in the Kazakh alphabet, in either case.
pub(crate) fn has_kazakh_letter(w: &str) -> bool {
    w.chars().any(|c| KAZAKH_ONLY.contains(&lower(c)))
}

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

pub(crate) use kzalign_core::chars::{fold, fold_char, fold_into, is_folded, stays_folded};

/// The words of a name with a space put between the words a scraper glued into one
/// ([`tokenize`] splits `ВиджайРагхаван` in two; this gives `Виджай Рагхаван`).
pub(crate) fn unglue(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() < 2 * (CAMEL_LEFT + CAMEL_RIGHT) || !lower_then_capital(s.as_bytes()) {
        return std::borrow::Cow::Borrowed(s);
    }
    let spans = spans_uncached(s);
    if !spans.windows(2).any(|w| w[0].end == w[1].start) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 2);
    let mut at = 0;
    for w in spans.windows(2).filter(|w| w[0].end == w[1].start) {
        out.push_str(&s[at..w[0].end]);
        out.push(' ');
        at = w[0].end;
    }
    out.push_str(&s[at..]);
    std::borrow::Cow::Owned(out)
}

/// `s` after one more step of making a name plain (`step` borrows when it has nothing to do):
/// borrowed while no step has changed it, and never copied again when one has.
pub(crate) fn then<'a>(
    s: std::borrow::Cow<'a, str>,
    step: impl Fn(&str) -> std::borrow::Cow<'_, str>,
) -> std::borrow::Cow<'a, str> {
    match s {
        std::borrow::Cow::Borrowed(b) => step(b),
        std::borrow::Cow::Owned(o) => {
            let changed = match step(&o) {
                std::borrow::Cow::Owned(n) => Some(n),
                std::borrow::Cow::Borrowed(_) => None,
            };
            std::borrow::Cow::Owned(changed.unwrap_or(o))
        }
    }
}

/// The words of a name with a space put after initials glued to the name they open
/// (`К.Токаев` -> `К. Токаев`, `Қ.-Ж.Тоқаев`, `В.В.Путина`, `Дж.Морган`), as news text often
/// writes them: an initial is a capital, maybe one lower-case letter after it, and a dot.
pub(crate) fn unglue_initials(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('.') {
        return std::borrow::Cow::Borrowed(s);
    }
    // Byte offsets where a name starts right after the dot of the initials before it.
    let mut cuts = Vec::new();
    let mut word_start = true;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if !word_start {
            word_start = chars[i].1.is_whitespace();
            i += 1;
            continue;
        }
        // Initials: (Capital [lower] '.' ['-'])+ then a capital and a lower-case letter.
        let mut j = i;
        let mut initials = 0;
        while let Some(&(_, c)) = chars.get(j) {
            if !is_upper(c) {
                break;
            }
            let mut k = j + 1;
            if chars.get(k).is_some_and(|&(_, c)| c.is_lowercase())
                && chars.get(k + 1).is_some_and(|&(_, c)| c == '.')
            {
                k += 1;
            }
            if chars.get(k).map(|&(_, c)| c) != Some('.') {
                break;
            }
            k += 1;
            initials += 1;
            j = k;
            if chars.get(j).map(|&(_, c)| c) == Some('-') {
                j += 1;
            }
        }
        let name_follows = initials > 0
            && chars.get(j).is_some_and(|&(_, c)| is_upper(c))
            && chars.get(j + 1).is_some_and(|&(_, c)| c.is_lowercase())
            && chars[j - 1].1 == '.';
        if name_follows {
            cuts.push(chars[j].0);
        }
        word_start = chars[i].1.is_whitespace();
        i = if name_follows { j } else { i + 1 };
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + cuts.len());
    let mut at = 0;
    for c in cuts {
        out.push_str(&s[at..c]);
        out.push(' ');
        at = c;
    }
    out.push_str(&s[at..]);
    std::borrow::Cow::Owned(out)
}

/// Removes combining stress marks and other combining acute/grave accents (`И́горь` -> `Игорь`).
pub(crate) fn strip_accents(s: &str) -> std::borrow::Cow<'_, str> {
    // Both marks are encoded CC 80 / CC 81, and CC leads only U+0300..U+033F: no CC byte, no mark.
    if !s.as_bytes().contains(&0xCC) || !s.contains(['\u{0300}', '\u{0301}']) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .filter(|c| !matches!(*c, '\u{0300}' | '\u{0301}'))
            .collect(),
    )
}

/// Whether the word's first char is upper-case, when that char is no accent mark (U+0300,
/// U+0301): then `is_capitalized(&strip_accents(w))` is the same answer. `None` for an empty
/// word or one that opens with a mark.
pub(crate) fn opens_upper(w: &str) -> Option<bool> {
    if let Some(u) = opens_upper_by_bytes(w) {
        return Some(u);
    }
    let c = w.chars().next()?;
    (!matches!(c, '\u{0300}' | '\u{0301}')).then(|| is_upper(c))
}

/// Whether the word starts with an upper-case letter.
pub(crate) fn is_capitalized(w: &str) -> bool {
    match opens_upper_by_bytes(w) {
        Some(u) => u,
        None => w.chars().next().is_some_and(is_upper),
    }
}

/// Whether the word's first char is upper-case, told by its first bytes for ASCII and а-я,
/// А-Я, Ѐ-Џ, ѐ-џ (U+0400..U+045F); `None` for other words.
#[inline]
fn opens_upper_by_bytes(w: &str) -> Option<bool> {
    match *w.as_bytes() {
        [x, ..] if x < 0x80 => Some(x.is_ascii_uppercase()),
        // U+0400..U+042F upper, U+0430..U+043F lower.
        [0xD0, y, ..] => Some(y < 0xB0),
        // U+0440..U+045F lower.
        [0xD1, y, ..] if y < 0xA0 => Some(false),
        _ => None,
    }
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

/// `char::to_uppercase` of a lower-case ASCII or Russian letter (one char), without the Unicode
/// tables; `None` for other chars.
fn upper_fast(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0x61..=0x7A => Some(c.to_ascii_uppercase()),
        0x430..=0x44F => char::from_u32(u - 0x20),
        0x450..=0x45F => char::from_u32(u - 0x50),
        _ => None,
    }
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
    for (i, c) in lemma.char_indices() {
        if start && is_alpha(c) {
            match upper_fast(c) {
                Some(u) => out.push(u),
                None => out.extend(c.to_uppercase()),
            }
            start = false;
            // Without a hyphen after it, the rest stays as it is.
            let rest = &lemma[i + c.len_utf8()..];
            if !rest.contains('-') {
                out.push_str(rest);
                break;
            }
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
    // Capitals inside the model stay where the lemma spells it the same (McCain, ДиКаприо,
    // МакКейну -> МакКейн).
    // (A capital after a hyphen or a space is title case, done above: Қасым-Жомарт.)
    let mut prev = ' ';
    let inner = model.chars().any(|c| {
        let after_letter = !matches!(prev, '-' | ' ');
        prev = c;
        after_letter && is_upper(c)
    });
    if inner {
        return keep_inner_capitals(model, &out);
    }
    out
}

/// `word` with the capitals `model` has after its first letter, along the stretch where the
/// two spell alike but for case.
fn keep_inner_capitals(model: &str, word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut same = true;
    for (i, (c, m)) in word
        .chars()
        .zip(model.chars().map(Some).chain(std::iter::repeat(None)))
        .enumerate()
    {
        same = same && m.is_some_and(|m| lower(m) == lower(c));
        match m {
            Some(m) if same && i > 0 && is_upper(m) => out.push(m),
            _ => out.push(c),
        }
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

#[cfg(test)]
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | 'ʼ' | '‘')
}

/// Splits text into words: runs of letters/digits joined by inner hyphens or apostrophes.
///
/// The finders read one text several times in a row (places, persons, roles of a sentence):
/// the word spans of the last few texts are remembered per thread ([`word_spans`]).
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    word_spans(text)
        .iter()
        .map(|&span| Token {
            text: &text[span.start..span.end],
            span,
        })
        .collect()
}

/// How many texts [`word_spans`] remembers (an article, and the short texts read between the
/// readings of its sentences).
const RECENT_TEXTS: usize = 4;

/// The spans of the words of `text` ([`tokenize`]), remembered for the last few texts.
pub(crate) fn word_spans(text: &str) -> std::rc::Rc<[Span]> {
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<(String, std::rc::Rc<[Span]>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let hit = RECENT.with(|r| {
        r.borrow()
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, s)| s.clone())
    });
    if let Some(s) = hit {
        return s;
    }
    let spans: std::rc::Rc<[Span]> = spans_uncached(text).into();
    RECENT.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() >= RECENT_TEXTS {
            r.remove(0);
        }
        r.push((text.to_string(), spans.clone()));
    });
    spans
}

/// Whether the char at byte `i` (a char boundary) is a word char, and its length in bytes;
/// `None` past the end. ASCII and the Cyrillic block (Russian and Kazakh letters) are told by
/// their bytes: U+0400..U+047F (lead bytes D0, D1) and U+04C0..U+04FF (D3) are all letters,
/// of U+0480..U+04BF (D2) all but the signs U+0482..U+0489.
#[inline]
fn word_char_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let b = text.as_bytes();
    let x = *b.get(i)?;
    if x < 0x80 {
        return Some((x.is_ascii_alphanumeric(), 1));
    }
    match x {
        0xD0 | 0xD1 | 0xD3 => Some((true, 2)),
        0xD2 => Some((!matches!(b.get(i + 1), Some(0x82..=0x89)), 2)),
        _ => {
            let c = text.get(i..).and_then(|s| s.chars().next())?;
            Some((is_word_char(c), c.len_utf8()))
        }
    }
}

/// The length of the joiner char at byte `i` (`-`, `'`, `’`, `ʼ`, `‘`), if one stands there.
#[inline]
fn joiner_at(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    match *b.get(i)? {
        b'-' | b'\'' => Some(1),
        // ʼ (U+02BC)
        0xCA if b.get(i + 1) == Some(&0xBC) => Some(2),
        // ‘ ’ (U+2018, U+2019)
        0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99)) => Some(3),
        _ => None,
    }
}

fn spans_uncached(text: &str) -> Vec<Span> {
    let mut out = Vec::with_capacity(text.len() / 7 + 1);
    let mut pos = 0;
    while let Some((word, len)) = word_char_at(text, pos) {
        if !word {
            pos += len;
            continue;
        }
        let start = pos;
        let mut end = start + len;
        loop {
            match word_char_at(text, end) {
                Some((true, len)) => end += len,
                Some((false, len)) => {
                    let joined = joiner_at(text, end)
                        .is_some_and(|_| word_char_at(text, end + len).is_some_and(|w| w.0));
                    if !joined {
                        break;
                    }
                    end += len;
                }
                None => break,
            }
        }
        push_camel_parts(text, start, end, &mut out);
        pos = end;
    }
    out
}

/// Letters a part of a glued word needs on each side of the join ([`push_camel_parts`]).
const CAMEL_LEFT: usize = 5;
const CAMEL_RIGHT: usize = 4;

/// Whether the bytes may hold a lower-case Cyrillic letter right before a capital, told by
/// their lead bytes alone: capitals А-Я, Ё, І are D0 80..AF, lower-case а-я D0 B0..BF and
/// D1 80..9F; the Kazakh letters (D2, D3) pair a capital at an even second byte with its
/// lower-case letter at the odd one after. A false `true` only costs the exact check.
fn lower_then_capital(b: &[u8]) -> bool {
    // Capitals are rare inside words: asked first.
    b.windows(4).any(|p| {
        let capital = match p[2] {
            0xD0 => p[3] <= 0xAF,
            0xD2 | 0xD3 => p[3] % 2 == 0,
            _ => false,
        };
        capital
            && match p[0] {
                0xD0 => p[1] >= 0xB0,
                0xD1 => p[1] <= 0x9F,
                0xD2 | 0xD3 => p[1] % 2 == 1,
                _ => false,
            }
    })
}

/// Pushes the word at `start..end`, split where a scraper glued two Cyrillic words into one
/// (`ВиджайРагхаван`: a word that opens with a capital, then a lower-case letter then a
/// capital). Only parts of five letters before the join and four after count, so particles
/// and prefixes that names write solid stay whole (`МакКейн`, `ДиКаприо`, `ФитцДжеральд`,
/// `ҚазМұнайГаз`); Latin words (`WeWork`) are brands.
fn push_camel_parts(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    // Two-byte Cyrillic letters: a split needs at least nine of them. Glued names open with
    // a capital; most words do not, and are not looked into. A join has five letters before
    // it and four after.
    if end - start < 2 * (CAMEL_LEFT + CAMEL_RIGHT)
        || !is_capitalized(&text[start..end])
        || !lower_then_capital(
            &text.as_bytes()[start + 2 * CAMEL_LEFT - 2..end + 2 - 2 * CAMEL_RIGHT],
        )
    {
        out.push(Span::new(start, end));
        return;
    }
    let mut from = start;
    let mut run = 0usize;
    let mut prev_lower = false;
    let word = &text[start..end];
    for (i, c) in word.char_indices() {
        let at = start + i;
        let cyr = is_cyrillic(c) && is_alpha(c);
        if cyr && is_upper(c) && prev_lower && run >= CAMEL_LEFT {
            // The part after the join runs to the next capital (КазТрансОйл stays whole).
            let rest = 1 + text[at + c.len_utf8()..end]
                .chars()
                .take_while(|&c| is_cyrillic(c) && is_alpha(c) && !is_upper(c))
                .count();
            if rest >= CAMEL_RIGHT {
                out.push(Span::new(from, at));
                from = at;
                run = 0;
            }
        }
        if cyr {
            run += 1;
        } else {
            run = 0;
        }
        prev_lower = cyr && !is_upper(c);
    }
    out.push(Span::new(from, end));
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
    fn splits_glued_cyrillic_words_only() {
        let w = |s| tokenize(s).iter().map(|t| t.text).collect::<Vec<_>>();
        assert_eq!(w("К. ВиджайРагхаван"), vec!["К", "Виджай", "Рагхаван"]);
        assert_eq!(unglue("К. ВиджайРагхаван"), "К. Виджай Рагхаван");
        // The shortest parts that split, with Kazakh capitals on either side of the join.
        assert_eq!(w("АбайлАрман"), vec!["Абайл", "Арман"]);
        assert_eq!(w("ҚасымҰлан"), vec!["Қасым", "Ұлан"]);
        assert_eq!(w("АбайҰлан"), vec!["АбайҰлан"]);
        assert_eq!(w("АбайлАрмКең"), vec!["АбайлАрмКең"]);
        assert_eq!(unglue("Дэвид МакКейн"), "Дэвид МакКейн");
        for whole in [
            "МакКейн",
            "ДиКаприо",
            "ФитцДжеральд",
            "ҚазМұнайГаз",
            "КазТрансОйл",
            "WeWork",
            "ВКонтакте",
        ] {
            assert_eq!(w(whole), vec![whole]);
        }
    }

    #[test]
    fn initials_glued_to_a_name_are_spaced() {
        for (glued, spaced) in [
            ("К.Токаев", "К. Токаев"),
            ("Қ.-Ж.Тоқаевтың", "Қ.-Ж. Тоқаевтың"),
            ("В.В.Путина", "В.В. Путина"),
            ("Дж.Морган", "Дж. Морган"),
            (
                "с Н.Ә.Назарбаевым и А.Смаиловым",
                "с Н.Ә. Назарбаевым и А. Смаиловым",
            ),
        ] {
            assert_eq!(unglue_initials(glued), spaced);
        }
        // Spaced initials, initials alone, lower-case abbreviations and words that merely hold
        // a dot are left as they are.
        for s in [
            "К. Токаев",
            "Н.Ә.",
            "т.б.Алматы",
            "США.Токаев",
            "Токаев.",
            "К.ТОКАЕВ",
        ] {
            assert!(
                matches!(unglue_initials(s), std::borrow::Cow::Borrowed(_)),
                "{s}"
            );
        }
    }

    #[test]
    fn inner_capitals_of_the_word_as_written_are_kept() {
        assert_eq!(recase("McCain", "mccain"), "McCain");
        assert_eq!(recase("МакКейну", "маккейн"), "МакКейн");
        assert_eq!(recase("О’Рейли", "о’рейли"), "О’Рейли");
        // Past the first letter that differs, the lemma's own letters stand.
        assert_eq!(recase("ДиКаприо", "дикаприо"), "ДиКаприо");
        assert_eq!(recase("Токаеву", "токаев"), "Токаев");
    }

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

    /// The tokenizer as first written (over a vector of chars), for comparison.
    fn tokenize_by_chars(text: &str) -> Vec<Token<'_>> {
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
            // Words glued by a scraper split the same way in both versions.
            let mut spans = Vec::new();
            push_camel_parts(text, start, end, &mut spans);
            out.extend(spans.into_iter().map(|span| Token {
                text: &text[span.start..span.end],
                span,
            }));
            i = j;
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
            "‘",
            "д'",
            "Артаньян",
            "БҰҰ-ның",
            ".",
            "«",
            "»",
            "И\u{301}горь",
            "\u{301}",
            "42",
            "x",
            "\n",
            "—",
            "Тоқаев",
            "ü",
            "日本",
            "-'",
            "",
        ];
        let mut n = 0u32;
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    assert_eq!(tokenize(&t), tokenize_by_chars(&t), "{t:?}");
                    // Again, from the remembered spans.
                    assert_eq!(tokenize(&t), tokenize_by_chars(&t), "{t:?}");
                    n += 1;
                }
            }
        }
        assert!(n > 1000);
        let long = "Касым-Жомарт Токаев, БҰҰ-ның д'Артаньян. Ну-ну - да -нет- 'а' x-'y";
        assert_eq!(tokenize(long), tokenize_by_chars(long));
    }

    #[test]
    fn byte_tests_agree_with_char_tests() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let s = format!("{c}a");
            assert_eq!(
                word_char_at(&s, 0),
                Some((is_word_char(c), c.len_utf8())),
                "U+{u:04X}"
            );
            assert_eq!(joiner_at(&s, 0).is_some(), is_joiner(c), "U+{u:04X}");
            if let Some(n) = joiner_at(&s, 0) {
                assert_eq!(n, c.len_utf8());
            }
        }
        assert_eq!(word_char_at("a", 1), None);
        assert_eq!(joiner_at("a", 1), None);
    }

    /// `fold` is its own fold on every char (so on every word: it maps char by char), which
    /// lets a lookup that folds its key take a word folded or not.
    #[test]
    fn fold_is_idempotent() {
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let f = fold_char(c);
            assert_eq!(fold_char(f), f, "U+{u:04X}");
        }
    }

    #[test]
    fn upper_fast_agrees_with_std() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(x) = upper_fast(c) {
                assert_eq!(
                    c.to_uppercase().collect::<String>(),
                    x.to_string(),
                    "U+{u:04X}"
                );
            }
        }
        assert_eq!(upper_fast('я'), Some('Я'));
        assert_eq!(upper_fast('і'), Some('І'));
    }

    #[test]
    fn capitals_told_by_bytes_as_by_chars() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            for w in [format!("{c}"), format!("{c}a"), format!("{c}\u{301}я")] {
                assert_eq!(
                    is_capitalized(&w),
                    w.chars().next().is_some_and(is_upper),
                    "{w:?}"
                );
                let by_chars = w
                    .chars()
                    .next()
                    .and_then(|c| (!matches!(c, '\u{0300}' | '\u{0301}')).then(|| is_upper(c)));
                assert_eq!(opens_upper(&w), by_chars, "{w:?}");
            }
        }
        assert!(!is_capitalized(""));
        assert_eq!(opens_upper(""), None);
    }

    #[test]
    fn stays_folded_only_for_words_fold_keeps() {
        let mut n = 0;
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let w = format!("a{c}я");
            if stays_folded(&w) {
                assert_eq!(kzalign_core::chars::fold(&w), w, "U+{u:04X}");
                assert_eq!(strip_accents(&w), w, "U+{u:04X}");
                n += 1;
            }
            if is_folded(&w) {
                assert!(stays_folded(&w), "U+{u:04X}");
            }
        }
        // ASCII but capitals, 95 Cyrillic letters.
        assert!(n > 100, "{n}");
        for w in [
            "әлем",
            "қазақ",
            "үкімет",
            "ұлттық",
            "өңір",
            "іргетас",
            "һәм",
            "ғалым",
        ] {
            assert!(stays_folded(w), "{w}");
        }
        for w in ["Әлем", "ёж", "И\u{301}горь", "café"] {
            assert!(!stays_folded(w), "{w}");
        }
    }

    #[test]
    fn opens_upper_agrees_with_capitalized_after_stripping() {
        for w in [
            "",
            "\u{301}",
            "\u{301}Абай",
            "А\u{301}бай",
            "абай",
            "Абай",
            "1990",
            "ӘӘ",
            "ә",
            "x",
            "X",
        ] {
            if let Some(u) = opens_upper(w) {
                assert_eq!(u, is_capitalized(&strip_accents(w)), "{w:?}");
            }
        }
        assert_eq!(opens_upper("\u{301}Абай"), None);
        assert_eq!(opens_upper(""), None);
        assert_eq!(opens_upper("Абай"), Some(true));
        assert_eq!(opens_upper("әке"), Some(false));
    }

    #[test]
    fn strip_accents_removes_only_the_two_marks() {
        for t in [
            "И\u{301}горь",
            "a\u{300}b\u{302}c",
            "\u{33F}x",
            "Токаев",
            "",
            "é",
        ] {
            let want: String = t
                .chars()
                .filter(|c| !matches!(*c, '\u{0300}' | '\u{0301}'))
                .collect();
            assert_eq!(strip_accents(t), want, "{t:?}");
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
