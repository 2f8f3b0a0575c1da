//! Splitting text into words, lower-casing them and mapping Latin look-alikes to Cyrillic.

use crate::tables::{self, LetterClass};

/// The script of one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordScript {
    /// At least one Cyrillic letter (Latin look-alikes in it were mapped to Cyrillic).
    Cyrillic,
    /// Latin letters only.
    Latin,
    /// Letters of another script (Greek, Arabic, Han...).
    Other,
}

/// What a word is made of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordStats {
    /// Letters in the word.
    pub letters: u32,
    /// Kazakh-only letters (`ә ғ қ ң ө ұ ү һ і`), as a bit set in `letters.tsv` order.
    pub kk_set: u16,
    /// Number of Kazakh-only letters.
    pub kk: u32,
    /// Letters of neither alphabet (`ї є ў ј ...`).
    pub foreign: u32,
    /// Russian letters rare in Ukrainian, Belarusian or Bulgarian text: `ы э ё` count.
    pub ru_marks: u32,
    /// `ъ` not at the end of the word (Bulgarian uses it as a vowel).
    pub inner_hard_sign: u32,
    /// Apostrophes between letters.
    pub apostrophes: u32,
}

const CYR_NONE: u8 = 0;
const CYR_COMMON: u8 = 1;
const CYR_KK: u8 = 2;
const CYR_FOREIGN: u8 = 3;

/// Splits text into normalized words. Built once from the data tables.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    /// Class of each lower-case letter of the Cyrillic block U+0400..U+04FF.
    cyr_class: [u8; 256],
    /// Index in the Kazakh-letter bit set of each Cyrillic letter (255 = none).
    kk_index: [u8; 256],
    /// The Kazakh-only letters in table order.
    kk_letters: Vec<char>,
    /// Look-alike letter -> Cyrillic letter (lower-case both).
    lookalikes: Vec<(char, char)>,
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | 'ʻ')
}

/// Lower-cases one character, quickly for Cyrillic and ASCII.
#[inline]
pub fn lower(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'а'..='я' | 'a'..='z' => c,
        'A'..='Z' => c.to_ascii_lowercase(),
        'Ѐ'..='Џ' => char::from_u32(c as u32 + 0x50).unwrap_or(c),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

impl Tokenizer {
    /// Builds the tokenizer from the embedded tables.
    ///
    /// # Panics
    /// Never for the embedded tables (a unit test checks they parse); a broken table yields an empty
    /// class list rather than a panic.
    pub fn new() -> Tokenizer {
        let letters = tables::parse_letters(tables::LETTERS_TSV).unwrap_or_default();
        let lookalikes = tables::parse_lookalikes(tables::LOOKALIKES_TSV).unwrap_or_default();
        let mut cyr_class = [CYR_NONE; 256];
        let mut kk_index = [255u8; 256];
        for i in 0..256u32 {
            if let Some(c) = char::from_u32(0x400 + i) {
                if c.is_alphabetic() {
                    cyr_class[i as usize] = CYR_FOREIGN;
                }
            }
        }
        for c in ('а'..='я').chain(['ё']) {
            cyr_class[c as usize - 0x400] = CYR_COMMON;
        }
        let mut kk_letters = Vec::new();
        for row in letters {
            let (c, class) = (row.letter, row.class);
            let i = c as usize;
            if !(0x400..0x500).contains(&i) {
                continue;
            }
            cyr_class[i - 0x400] = match class {
                LetterClass::Kazakh => {
                    kk_index[i - 0x400] = kk_letters.len() as u8;
                    kk_letters.push(c);
                    CYR_KK
                }
                LetterClass::Foreign => CYR_FOREIGN,
                LetterClass::Common => CYR_COMMON,
            };
        }
        let lookalikes = lookalikes.into_iter().map(|(a, b)| (a, lower(b))).collect();
        Tokenizer {
            cyr_class,
            kk_index,
            kk_letters,
            lookalikes,
        }
    }

    /// The Kazakh-only letters, in the order of the bits of [`WordStats::kk_set`].
    pub fn kk_letters(&self) -> &[char] {
        &self.kk_letters
    }

    /// Calls `f` with each word of `text`: its lower-case letters (look-alikes mapped in Cyrillic
    /// words), its script and its letter statistics. Words are runs of letters, with apostrophes
    /// kept between letters; digits, hyphens and punctuation split words.
    pub fn words(&self, text: &str, mut f: impl FnMut(&[char], WordScript, &WordStats)) {
        let mut buf: Vec<char> = Vec::with_capacity(32);
        let mut cyr = 0u32;
        let mut lat = 0u32;
        let mut other = 0u32;
        let mut pending_apostrophe = false;
        let mut chars = text.chars();
        loop {
            let c = chars.next();
            let letter = match c {
                Some(c) if c.is_alphabetic() => Some(lower(c)),
                _ => None,
            };
            match letter {
                Some(l) => {
                    if pending_apostrophe {
                        buf.push('\'');
                        pending_apostrophe = false;
                    }
                    let u = l as u32;
                    if (0x400..0x500).contains(&u) {
                        cyr += 1;
                    } else if l.is_ascii_lowercase() || (0xC0..0x250).contains(&u) {
                        lat += 1;
                    } else if matches!(l, 'ə' | 'ı') {
                        lat += 1;
                    } else {
                        other += 1;
                    }
                    buf.push(l);
                }
                None => {
                    if let Some(a) = c {
                        if is_apostrophe(a) && !buf.is_empty() && !pending_apostrophe {
                            pending_apostrophe = true;
                            continue;
                        }
                    }
                    pending_apostrophe = false;
                    if !buf.is_empty() {
                        let script = if cyr > 0 {
                            WordScript::Cyrillic
                        } else if lat > 0 && lat >= other {
                            WordScript::Latin
                        } else {
                            WordScript::Other
                        };
                        if script == WordScript::Cyrillic && lat > 0 {
                            self.map_lookalikes(&mut buf);
                        }
                        let stats = self.stats(&buf, script);
                        f(&buf, script, &stats);
                        buf.clear();
                        cyr = 0;
                        lat = 0;
                        other = 0;
                    }
                    if c.is_none() {
                        break;
                    }
                }
            }
        }
    }

    fn map_lookalikes(&self, buf: &mut [char]) {
        for c in buf.iter_mut() {
            if (*c as u32) < 0x400 {
                if let Some(&(_, to)) = self.lookalikes.iter().find(|(from, _)| from == c) {
                    *c = to;
                }
            }
        }
    }

    /// Letter statistics of a normalized word.
    pub fn stats(&self, word: &[char], script: WordScript) -> WordStats {
        let mut s = WordStats {
            letters: word.iter().filter(|c| **c != '\'').count() as u32,
            ..WordStats::default()
        };
        if script != WordScript::Cyrillic {
            return s;
        }
        let last = word.len().saturating_sub(1);
        for (i, &c) in word.iter().enumerate() {
            let u = c as u32;
            if c == '\'' {
                if i > 0 && i < last {
                    s.apostrophes += 1;
                }
                continue;
            }
            if !(0x400..0x500).contains(&u) {
                continue;
            }
            let k = (u - 0x400) as usize;
            match self.cyr_class[k] {
                CYR_KK => {
                    s.kk += 1;
                    s.kk_set |= 1 << self.kk_index[k];
                }
                CYR_FOREIGN => s.foreign += 1,
                _ => {}
            }
            match c {
                'ы' | 'э' | 'ё' => s.ru_marks += 1,
                'ъ' if i < last => s.inner_hard_sign += 1,
                _ => {}
            }
        }
        s
    }

    /// The normalized Cyrillic words of `text` (used for training).
    pub fn cyrillic_words(&self, text: &str) -> Vec<Vec<char>> {
        let mut out = Vec::new();
        self.words(text, |w, script, s| {
            if script == WordScript::Cyrillic && s.foreign == 0 {
                out.push(w.iter().copied().filter(|c| *c != '\'').collect());
            }
        });
        out
    }
}

impl Default for Tokenizer {
    fn default() -> Self {
        Tokenizer::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, WordScript)> {
        let t = Tokenizer::new();
        let mut out = Vec::new();
        t.words(text, |w, s, _| out.push((w.iter().collect(), s)));
        out
    }

    #[test]
    fn splits_and_lowercases() {
        let w = words("Қазақстан Президенті, Tokayev-пен 2024ж.");
        let got: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["қазақстан", "президенті", "tokayev", "пен", "ж"]);
        assert_eq!(w[2].1, WordScript::Latin);
        assert_eq!(w[0].1, WordScript::Cyrillic);
    }

    #[test]
    fn latin_lookalikes_inside_cyrillic_words_become_cyrillic() {
        // Latin i, a, e, o, c inside Cyrillic words.
        let w = words("бiлiм Aстана сeнiм");
        let got: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["білім", "астана", "сенім"]);
        let t = Tokenizer::new();
        let mut kk = 0;
        t.words("бiлiм", |_, _, s| kk += s.kk);
        assert_eq!(kk, 2);
        // A purely Latin word is left alone.
        assert_eq!(words("pic")[0].0, "pic");
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        let w = words("м'ясо 'цитата' a'lem");
        let got: Vec<&str> = w.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(got, ["м'ясо", "цитата", "a'lem"]);
        let t = Tokenizer::new();
        let mut ap = 0;
        t.words("м'ясо", |_, _, s| ap += s.apostrophes);
        assert_eq!(ap, 1);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\u{0}\u{1}\u{fffd}\u{fffd}",
            "'''",
            "Ӏ ᲀ 𝔸",
            "\u{301}а\u{301}",
        ] {
            let _ = words(text);
        }
    }
}
