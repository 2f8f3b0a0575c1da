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
    /// The tracked letters of `letters.tsv` (Kazakh-only and listed common ones) in the word, as a
    /// bit set in table order (see [`Tokenizer::tracked`]).
    pub set: u16,
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
    /// Letters native Kazakh words do not use (`data/ru_typical.tsv`).
    pub ru_typical: u32,
    /// A single letter followed by a full stop: an initial (`В.`), not a word.
    pub initial: bool,
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
    /// Index in the tracked-letter bit set of each Cyrillic letter (255 = none).
    track_index: [u8; 256],
    /// The tracked letters in table order.
    tracked: Vec<char>,
    /// Bits of the Kazakh-only letters among them.
    kk_mask: u16,
    /// The Kazakh-only letters in table order.
    kk_letters: Vec<char>,
    /// Whether each Cyrillic letter is one native Kazakh words do not use.
    ru_typical: [bool; 256],
    /// Look-alike letter -> Cyrillic letter (lower-case both).
    lookalikes: Vec<(char, char)>,
    /// What each char of U+0400..U+04FF adds to a word's statistics (from the tables above).
    cyr_stats: [LetterStats; 256],
    /// For each char of U+0400..U+04FF as written (either case): what its lower-case form adds,
    /// packed for [`Tokenizer::word_stats`].
    raw_stats: [PackedStats; 256],
}

/// What one Cyrillic char as written adds to [`WordStats`]: its counts in 12-bit lanes of one
/// word (see [`lanes`]), so a run of letters is summed with one addition a letter.
#[derive(Clone, Copy, Debug, Default)]
struct PackedStats {
    /// kk, foreign, ru_typical, ru_mark and hard_sign, 12 bits each from bit 0 up.
    lanes: u64,
    /// The tracked-letter bit.
    bit: u16,
    /// Whether the char is a letter (the signs U+0482..U+0489 are not).
    letter: bool,
    /// Whether it is `ъ` or `Ъ`.
    hard_sign: bool,
}

/// The width of one lane of [`PackedStats::lanes`]; a run is flushed before a lane can overflow.
const LANE: u32 = 12;
/// The most letters summed in lanes before they are added to the word's statistics.
const RUN_MAX: u32 = (1 << (LANE - 1)) as u32;

/// The five counts of a lanes word, in the order of [`PackedStats::lanes`].
fn lanes(x: u64) -> [u32; 5] {
    let lane = |k: u32| ((x >> (k * LANE)) & ((1 << LANE) - 1)) as u32;
    [lane(0), lane(1), lane(2), lane(3), lane(4)]
}

/// The index of a two-byte UTF-8 sequence whose lead byte is 0xD0..=0xD3 in a table of
/// U+0400..U+04FF.
#[inline]
fn cyr_index(lead: u8, next: u8) -> usize {
    (usize::from(lead & 0x03) << 6) | usize::from(next & 0x3F)
}

/// What one Cyrillic letter adds to [`WordStats`].
#[derive(Clone, Copy, Debug, Default)]
struct LetterStats {
    bit: u16,
    kk: u8,
    foreign: u8,
    ru_typical: u8,
    ru_mark: u8,
    hard_sign: u8,
}

/// What one char is to [`Tokenizer::word_stats`].
#[derive(Clone, Copy)]
enum Class {
    /// A Cyrillic letter of U+0400..U+04FF, with what it adds to the word's statistics.
    Cyrillic(LetterStats),
    /// A Latin letter.
    Latin,
    /// A letter of another script.
    Other,
    /// An apostrophe: kept between two letters.
    Apostrophe,
    /// Anything else: ends a word.
    Break,
}

/// The word [`Tokenizer::word_stats`] is reading: where it starts, its length in chars
/// (apostrophes included), whether an apostrophe waits for a letter to join it, and its running
/// statistics.
#[derive(Default)]
struct OpenWord {
    start: usize,
    len: u32,
    pending_apostrophe: bool,
    st: WordStats,
}

impl OpenWord {
    /// A letter at byte `at` comes next: a word starts there if none is open, and a waiting
    /// apostrophe joins the word.
    #[inline]
    fn letter_at(&mut self, at: usize) {
        if self.len == 0 {
            self.start = at;
        }
        if self.pending_apostrophe {
            self.len += 1;
            self.st.apostrophes += 1;
            self.pending_apostrophe = false;
        }
    }
}

/// A finished word's script, from its letters counted by script (Cyrillic, Latin, other), and its
/// statistics from the running ones `st`, or `None` when Latin look-alikes in a Cyrillic word must
/// be mapped first.
fn finish_word(
    [cyr, lat, other]: [u32; 3],
    mut st: WordStats,
    last_is_hard_sign: bool,
) -> (WordScript, Option<WordStats>) {
    if cyr > 0 {
        if lat > 0 {
            return (WordScript::Cyrillic, None);
        }
        // `ъ` at the end of a word is no inner hard sign.
        if last_is_hard_sign {
            st.inner_hard_sign -= 1;
        }
        return (WordScript::Cyrillic, Some(st));
    }
    let script = if lat > 0 && lat >= other {
        WordScript::Latin
    } else {
        WordScript::Other
    };
    let letters_only = WordStats {
        letters: st.letters,
        ..WordStats::default()
    };
    (script, Some(letters_only))
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
        'ѐ'..='џ' => c,
        // Cyrillic pairs: upper case even, lower case odd (U+04C1..U+04CE the other way round).
        '\u{460}'..='\u{481}' | '\u{48a}'..='\u{4bf}' | '\u{4d0}'..='\u{52f}' => {
            char::from_u32(c as u32 | 1).unwrap_or(c)
        }
        '\u{4c1}'..='\u{4ce}' => char::from_u32(c as u32 + (c as u32 & 1)).unwrap_or(c),
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
        let mut track_index = [255u8; 256];
        let mut tracked = Vec::new();
        let mut kk_mask = 0u16;
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
            if class != LetterClass::Foreign && tracked.len() < 16 {
                track_index[i - 0x400] = tracked.len() as u8;
                if class == LetterClass::Kazakh {
                    kk_mask |= 1 << tracked.len();
                }
                tracked.push(c);
            }
            cyr_class[i - 0x400] = match class {
                LetterClass::Kazakh => {
                    kk_letters.push(c);
                    CYR_KK
                }
                LetterClass::Foreign => CYR_FOREIGN,
                LetterClass::Common => CYR_COMMON,
            };
        }
        let mut ru_typical = [false; 256];
        for c in tables::parse_ru_typical(tables::RU_TYPICAL_TSV).unwrap_or_default() {
            if let Some(slot) = ru_typical.get_mut((c as usize).wrapping_sub(0x400)) {
                *slot = true;
            }
        }
        let lookalikes = lookalikes.into_iter().map(|(a, b)| (a, lower(b))).collect();
        let mut cyr_stats = [LetterStats::default(); 256];
        for (k, row) in cyr_stats.iter_mut().enumerate() {
            let c = char::from_u32(0x400 + k as u32).unwrap_or_default();
            *row = LetterStats {
                bit: 1u16.checked_shl(u32::from(track_index[k])).unwrap_or(0),
                kk: u8::from(cyr_class[k] == CYR_KK),
                foreign: u8::from(cyr_class[k] == CYR_FOREIGN),
                ru_typical: u8::from(ru_typical[k]),
                ru_mark: u8::from(matches!(c, 'ы' | 'э' | 'ё')),
                hard_sign: u8::from(c == 'ъ'),
            };
        }
        let mut raw_stats = [PackedStats::default(); 256];
        for (k, row) in raw_stats.iter_mut().enumerate() {
            let u = 0x400 + k as u32;
            let l = char::from_u32(u).map_or(0, |c| lower(c) as u32);
            if !(0x482..=0x489).contains(&u) && (0x400..0x500).contains(&l) {
                let r = cyr_stats[(l - 0x400) as usize];
                let counts = [r.kk, r.foreign, r.ru_typical, r.ru_mark, r.hard_sign];
                *row = PackedStats {
                    lanes: counts
                        .iter()
                        .enumerate()
                        .map(|(j, &n)| u64::from(n) << (j as u32 * LANE))
                        .sum(),
                    bit: r.bit,
                    letter: true,
                    hard_sign: r.hard_sign != 0,
                };
            }
        }
        Tokenizer {
            cyr_stats,
            raw_stats,
            cyr_class,
            track_index,
            tracked,
            kk_mask,
            kk_letters,
            ru_typical,
            lookalikes,
        }
    }

    /// The Kazakh-only letters, in table order.
    pub fn kk_letters(&self) -> &[char] {
        &self.kk_letters
    }

    /// The tracked letters (Kazakh-only and listed common ones), in the order of the bits of
    /// [`WordStats::set`].
    pub fn tracked(&self) -> &[char] {
        &self.tracked
    }

    /// The bits of the Kazakh-only letters in [`WordStats::set`].
    pub fn kk_mask(&self) -> u16 {
        self.kk_mask
    }

    /// Calls `f` with each word of `text`: its lower-case letters (look-alikes mapped in Cyrillic
    /// words), its script and its letter statistics. Words are runs of letters, with apostrophes
    /// kept between letters; digits, hyphens and punctuation split words.
    pub fn words(&self, text: &str, mut f: impl FnMut(&[char], WordScript, &WordStats)) {
        let mut buf: Vec<char> = Vec::with_capacity(32);
        let mut cyr = 0u32;
        let mut lat = 0u32;
        let mut other = 0u32;
        // Statistics kept as the letters come (recomputed only for words with look-alikes).
        let mut st = WordStats::default();
        let mut last_is_hard_sign = false;
        let mut pending_apostrophe = false;
        let mut chars = text.chars();
        loop {
            let c = chars.next();
            let letter = match c {
                Some(c @ ('а'..='я' | 'a'..='z')) => Some(c),
                Some(c @ ('А'..='Я' | 'A'..='Z' | 'Ѐ'..='Џ')) => Some(lower(c)),
                Some(c) if (c as u32) < 0x80 => None,
                // Cyrillic and Cyrillic Supplement: letters except the signs U+0482..U+0489.
                Some(c @ ('ѐ'..='ҁ' | 'Ҋ'..='ԯ')) => Some(lower(c)),
                Some(c) if c.is_alphabetic() => Some(lower(c)),
                _ => None,
            };
            match letter {
                Some(l) => {
                    if pending_apostrophe {
                        buf.push('\'');
                        st.apostrophes += 1;
                        pending_apostrophe = false;
                    }
                    let u = l as u32;
                    last_is_hard_sign = false;
                    if (0x400..0x500).contains(&u) {
                        cyr += 1;
                        // The letter's statistics from one table row, without branches.
                        let row = self.cyr_stats[(u - 0x400) as usize & 0xFF];
                        st.set |= row.bit;
                        st.kk += u32::from(row.kk);
                        st.foreign += u32::from(row.foreign);
                        st.ru_typical += u32::from(row.ru_typical);
                        st.ru_marks += u32::from(row.ru_mark);
                        st.inner_hard_sign += u32::from(row.hard_sign);
                        last_is_hard_sign = row.hard_sign != 0;
                    } else if l.is_ascii_lowercase() || (0xC0..0x250).contains(&u) || l == 'ə' {
                        lat += 1;
                    } else {
                        other += 1;
                    }
                    st.letters += 1;
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
                        let (script, stats) = finish_word([cyr, lat, other], st, last_is_hard_sign);
                        let mut stats = stats.unwrap_or_else(|| {
                            self.map_lookalikes(&mut buf);
                            self.stats(&buf, script)
                        });
                        stats.initial = buf.len() == 1 && c == Some('.');
                        f(&buf, script, &stats);
                        buf.clear();
                        st = WordStats::default();
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

    /// Calls `f` with the script and letter statistics of each word of `text`: the same words and
    /// the same figures as [`Tokenizer::words`], without building the words (it walks the bytes,
    /// and reads a word again with `words` only when it mixes Cyrillic and Latin letters).
    pub fn word_stats(&self, text: &str, mut f: impl FnMut(WordScript, &WordStats)) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // The current word, where its last letter ends and its letters by script.
        let mut w = OpenWord::default();
        let mut end = 0usize;
        let (mut cyr, mut lat, mut other) = (0u32, 0u32, 0u32);
        let mut last_is_hard_sign = false;
        loop {
            // A run of Cyrillic letters of U+0400..U+04FF (two bytes each), summed in lanes.
            if let (Some(&lead @ 0xD0..=0xD3), Some(&next)) = (bytes.get(i), bytes.get(i + 1)) {
                let mut row = self.raw_stats[cyr_index(lead, next)];
                if row.letter {
                    w.letter_at(i);
                    let (mut sum, mut n) = (0u64, 0u32);
                    loop {
                        sum += row.lanes;
                        w.st.set |= row.bit;
                        last_is_hard_sign = row.hard_sign;
                        n += 1;
                        i += 2;
                        match (bytes.get(i), bytes.get(i + 1)) {
                            (Some(&lead @ 0xD0..=0xD3), Some(&next)) if n < RUN_MAX => {
                                row = self.raw_stats[cyr_index(lead, next)];
                                if !row.letter {
                                    break;
                                }
                            }
                            _ => break,
                        }
                    }
                    let [kk, foreign, ru_typical, ru_marks, hard] = lanes(sum);
                    w.st.kk += kk;
                    w.st.foreign += foreign;
                    w.st.ru_typical += ru_typical;
                    w.st.ru_marks += ru_marks;
                    w.st.inner_hard_sign += hard;
                    w.st.letters += n;
                    cyr += n;
                    w.len += n;
                    end = i;
                    continue;
                }
            }
            // The next char: a Cyrillic letter's statistics, a Latin or other letter, an
            // apostrophe, or anything else (`None` at the end of the text).
            let at = i;
            let (c, class) = match bytes.get(i) {
                None => (None, Class::Break),
                Some(&b) if b < 0x80 => {
                    i += 1;
                    let c = char::from(b);
                    let class = if b.is_ascii_alphabetic() {
                        Class::Latin
                    } else if is_apostrophe(c) {
                        Class::Apostrophe
                    } else {
                        Class::Break
                    };
                    (Some(c), class)
                }
                Some(_) => {
                    let c = text.get(i..).and_then(|t| t.chars().next());
                    i += c.map_or(1, char::len_utf8);
                    // As in `words`: a letter first (`ʻ` is one), then an apostrophe.
                    let class = match c {
                        Some(c) if c.is_alphabetic() => {
                            let l = lower(c);
                            let u = l as u32;
                            if (0x400..0x500).contains(&u) {
                                Class::Cyrillic(self.cyr_stats[(u - 0x400) as usize])
                            } else if l.is_ascii_lowercase()
                                || (0xC0..0x250).contains(&u)
                                || l == 'ə'
                            {
                                Class::Latin
                            } else {
                                Class::Other
                            }
                        }
                        Some(c) if is_apostrophe(c) => Class::Apostrophe,
                        _ => Class::Break,
                    };
                    (c, class)
                }
            };
            match class {
                Class::Cyrillic(_) | Class::Latin | Class::Other => {
                    w.letter_at(at);
                    last_is_hard_sign = false;
                    match class {
                        Class::Cyrillic(row) => {
                            cyr += 1;
                            w.st.set |= row.bit;
                            w.st.kk += u32::from(row.kk);
                            w.st.foreign += u32::from(row.foreign);
                            w.st.ru_typical += u32::from(row.ru_typical);
                            w.st.ru_marks += u32::from(row.ru_mark);
                            w.st.inner_hard_sign += u32::from(row.hard_sign);
                            last_is_hard_sign = row.hard_sign != 0;
                        }
                        Class::Latin => lat += 1,
                        _ => other += 1,
                    }
                    w.st.letters += 1;
                    w.len += 1;
                    end = i;
                }
                Class::Apostrophe if w.len > 0 && !w.pending_apostrophe => {
                    w.pending_apostrophe = true
                }
                Class::Apostrophe | Class::Break => {
                    w.pending_apostrophe = false;
                    if w.len > 0 {
                        let (script, stats) =
                            finish_word([cyr, lat, other], w.st, last_is_hard_sign);
                        // Look-alikes to map: read the word again with `words` (rare).
                        let mut stats = stats.unwrap_or_else(|| {
                            let mut again = WordStats::default();
                            self.words(text.get(w.start..end).unwrap_or(""), |_, _, s| again = *s);
                            again
                        });
                        stats.initial = w.len == 1 && c == Some('.');
                        f(script, &stats);
                        w.st = WordStats::default();
                        w.len = 0;
                        (cyr, lat, other) = (0, 0, 0);
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
            if let Some(bit) = 1u16.checked_shl(self.track_index[k] as u32) {
                s.set |= bit;
            }
            s.ru_typical += u32::from(self.ru_typical[k]);
            match self.cyr_class[k] {
                CYR_KK => {
                    s.kk += 1;
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
            if script == WordScript::Cyrillic && s.foreign == 0 && !s.initial {
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
    fn lower_agrees_with_the_standard_library_on_cyrillic() {
        for u in 0x400..0x530u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if c.is_alphabetic() {
                let std = c.to_lowercase().next().unwrap_or(c);
                assert_eq!(lower(c), std, "U+{u:04X}");
            }
        }
    }

    #[test]
    fn running_statistics_match_recomputed_ones() {
        let t = Tokenizer::new();
        let text = "Объявили съезд, бiлiм м'ясо қазақ ЁЛКА ўсё їжак Ѓорѓе бъдеще подъ аъ ъ слово' \
                    Tokayev-пен ə";
        t.words(text, |w, script, st| {
            let mut again = t.stats(w, script);
            again.initial = st.initial;
            assert_eq!(*st, again, "{:?}", w.iter().collect::<String>());
        });
    }

    #[test]
    fn word_stats_agree_with_words() {
        let t = Tokenizer::new();
        let texts = [
            "Объявили съезд, бiлiм м'ясо қазақ ЁЛКА ўсё їжак Ѓорѓе бъдеще подъ аъ ъ слово' \
             Tokayev-пен ə",
            "В. И. Ленин, К.-Ж. Тоқаев: «Қазақстан» — 2024 ж. d'Artagnan O’Neil ʻOumuamua x''y",
            "İstanbul KELVIN \u{212A} café naïve Ωμέγα 北京 ١٢٣ ҂ ҃ ԀԁԯԮ Ӏ ӏ Ӂ ӂ Aстана сeнiм pic",
            "слово’ ’слово ‘кавычки’ а`б Ә-ә ғ'ы '' ' a ' б' в'.",
            "",
        ];
        // Words longer than the runs summed at once (the lanes must not overflow).
        let long = format!(
            "{} {}ъ{}b",
            "ъқы".repeat(3000),
            "ә".repeat(5000),
            "Ъ".repeat(4097)
        );
        let texts = texts.iter().copied().chain([long.as_str()]);
        for text in texts {
            let mut want = Vec::new();
            t.words(text, |_, script, st| want.push((script, *st)));
            let mut got = Vec::new();
            t.word_stats(text, |script, st| got.push((script, *st)));
            assert_eq!(got, want, "{text:?}");
            // And every prefix (words cut anywhere, at char boundaries).
            for (k, _) in text.char_indices().take(300) {
                let (mut want, mut got) = (Vec::new(), Vec::new());
                t.words(&text[..k], |_, script, st| want.push((script, *st)));
                t.word_stats(&text[..k], |script, st| got.push((script, *st)));
                assert_eq!(got, want, "{:?}", &text[..k]);
            }
        }
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
