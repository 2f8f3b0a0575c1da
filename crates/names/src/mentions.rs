//! Finding person, place and role mentions in running text.

use crate::latin::KazakhLatin;
use crate::text::{self, fold, is_all_caps, is_capitalized, Token};
use crate::{Evidence, Hint, Names, Part};
use chrono::NaiveDate;
use kzalign_core::{Lang, Mention, MentionKind, Span};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::rc::Rc;

/// The language of a text from its letters, when the caller does not know it.
fn text_lang(text: &str, lang: Lang) -> Lang {
    if lang != Lang::Other {
        return lang;
    }
    let mut kk = 0usize;
    let mut cyr = 0usize;
    for c in text.chars() {
        let l = text::lower(c);
        if text::KAZAKH_ONLY.contains(&l) {
            kk += 1;
        }
        if text::is_cyrillic(c) {
            cyr += 1;
        }
    }
    if cyr == 0 {
        Lang::Other
    } else if kk * 100 >= cyr {
        Lang::Kk
    } else {
        Lang::Ru
    }
}

/// Byte offsets where sentences (and lines) start (what [`starts_at`] answers, for tests).
#[cfg(test)]
fn sentence_starts(text: &str) -> HashSet<usize> {
    let mut s: HashSet<usize> = kzalign_core::sentences(text)
        .iter()
        .map(|x| x.span.start)
        .collect();
    s.insert(0);
    for (i, c) in text.char_indices() {
        if c == '\n' {
            s.insert(i + 1);
        }
    }
    s
}

/// Sentence starts of the lines read so far: line start -> sentence starts (text offsets).
type LineStarts = rustc_hash::FxHashMap<usize, Vec<usize>>;

/// `sentence_starts(text).contains(&p)`, splitting only the line of `p` into sentences, and
/// only when `p` can open a sentence at all (it follows a line break, or a stop or closing mark
/// and white space).
fn starts_at(text: &str, p: usize, lines: &mut LineStarts) -> bool {
    let Some(before) = text.get(..p) else {
        return false;
    };
    if p == 0 || before.ends_with('\n') {
        return true;
    }
    // A sentence opens after white space that follows a line start or a stop (with its closing
    // quotes and brackets).
    for c in before.chars().rev() {
        if c == '\n' {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')') {
            return false;
        }
        break;
    }
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let starts = lines.entry(line_start).or_insert_with(|| {
        let line_end = text[p..].find('\n').map_or(text.len(), |i| p + i);
        let body = text[line_start..line_end].trim_end_matches(['\n', '\r']);
        kzalign_core::sentences(body)
            .iter()
            .map(|s| line_start + s.span.start)
            .collect()
    });
    starts.contains(&p)
}

/// Whether only spaces (no punctuation, no line break) lie between two byte offsets.
fn plain_gap(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b)
        .is_some_and(|g| g.chars().count() <= 2 && g.chars().all(|c| c == ' ' || c == '\u{a0}'))
}

/// Common-word stems of a language's stop and title lists (for matching inflected forms).
fn stem_of(w: &str) -> &str {
    let n = w.chars().count();
    if n < 5 {
        return w;
    }
    for e in ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие"] {
        if let Some(s) = w.strip_suffix(e) {
            return s;
        }
    }
    match w.chars().last() {
        Some(c) if text::is_vowel(c) || c == 'ь' || c == 'й' => &w[..w.len() - c.len_utf8()],
        _ => w,
    }
}

/// The Snowball (Porter) Russian stemmer: good for common nouns and adjectives (stop words,
/// titles, role phrases), which is where it is used; names go through the ending rules.
pub(crate) fn snowball() -> &'static rust_stemmers::Stemmer {
    static S: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    S.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian))
}

/// Whether `a` and `b` have the same Snowball stem of three or more letters; stems are
/// remembered per thread.
fn same_stem(a: &str, b: &str) -> bool {
    thread_local! {
        static STEMS: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::new(Default::default());
    }
    STEMS.with(|c| {
        // Both stems known (the common case): two lookups.
        let known = {
            let c = c.borrow();
            match (c.get(a), c.get(b)) {
                (Some(x), Some(y)) => Some(x == y && x.chars().count() >= 3),
                _ => None,
            }
        };
        if let Some(same) = known {
            return same;
        }
        let mut c = c.borrow_mut();
        if c.len() >= crate::RAW_CACHE_MAX {
            c.clear();
        }
        for w in [a, b] {
            if !c.contains_key(w) {
                let st = snowball().stem(w).into_owned();
                c.insert(w.to_string(), st);
            }
        }
        match (c.get(a), c.get(b)) {
            (Some(x), Some(y)) => x == y && x.chars().count() >= 3,
            _ => false,
        }
    })
}

/// Whether `tok` (folded) is an inflected form of the common word `word` (folded).
fn inflects(tok: &str, word: &str, lang: Lang) -> bool {
    if tok == word {
        return true;
    }
    if lang == Lang::Ru && word.chars().count() >= 4 && same_stem(tok, word) {
        return true;
    }
    let stem = match lang {
        Lang::Kk => word,
        _ => stem_of(word),
    };
    if stem.chars().count() < 4 {
        return false;
    }
    match tok.strip_prefix(stem) {
        Some(rest) => {
            let n = rest.chars().count();
            let max = if lang == Lang::Kk { 7 } else { 3 };
            n <= max && rest.chars().all(text::is_alpha)
        }
        None => false,
    }
}

struct Ctx<'a> {
    names: &'a Names,
    text: &'a str,
    lang: Lang,
    tokens: Vec<Token<'a>>,
    /// Sentence and line starts, the lower-case words and the evidence of the text: built on
    /// first use (the place finder needs none of them).
    starts: std::cell::OnceCell<std::cell::RefCell<LineStarts>>,
    lower: std::cell::OnceCell<LowerIndex>,
    ev: std::cell::OnceCell<Evidence>,
    /// [`Ctx::person_evidence`] of each token, computed when first asked.
    evidence_at: Vec<std::cell::OnceCell<u8>>,
    /// The Kazakh titles among the stop words of the text's language (`Inner::stop_words`).
    kk_title_stops: &'a [String],
    /// The stop words of five or more letters.
    long_stops: &'a [String],
    /// Word candidates with evidence already computed in this text: by language
    /// (`lang_index`), word -> readings.
    cands: std::cell::RefCell<[rustc_hash::FxHashMap<String, Rc<Cands>>; 3]>,
}

/// The words of a text that may be written in lower case ([`Ctx::written_lower`]): those that
/// are their own folded form (`text::stays_folded`) by byte length, and the others.
struct LowerIndex {
    /// Where the words of each length start in `words` (and where the last length ends).
    starts: [u32; LowerIndex::MAX_LEN + 1],
    /// The words that are their own folded form, by length.
    words: Vec<u32>,
    other: Vec<u32>,
}

impl LowerIndex {
    /// Words this long or longer go to `other`.
    const MAX_LEN: usize = 64;

    /// The words of `len` bytes that are their own folded form.
    fn by_len(&self, len: usize) -> &[u32] {
        match (self.starts.get(len), self.starts.get(len + 1)) {
            (Some(&a), Some(&b)) => self.words.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Readings of one word: (lemma, score, gender), best first.
type Cands = Vec<(String, f32, Option<crate::data::Gender>)>;

impl<'a> Ctx<'a> {
    fn new(names: &'a Names, text: &'a str, lang: Lang) -> Ctx<'a> {
        let lang = text_lang(text, lang);
        let tokens = text::tokenize(text);
        let li = crate::lang_index(lang);
        let n = tokens.len();
        Ctx {
            names,
            text,
            lang,
            tokens,
            starts: Default::default(),
            lower: Default::default(),
            ev: Default::default(),
            evidence_at: vec![std::cell::OnceCell::new(); n],
            kk_title_stops: &names.inner.kk_title_stops[li],
            long_stops: &names.inner.long_stops[li],
            cands: Default::default(),
        }
    }

    /// Whether a sentence or a line starts at byte `p` (the same as
    /// `sentence_starts(text).contains(&p)`); lines are split into sentences when first asked.
    fn starts_at(&self, p: usize) -> bool {
        let cache = self.starts.get_or_init(Default::default);
        starts_at(self.text, p, &mut cache.borrow_mut())
    }

    /// Whether token `t` is a lower-case word (counts for [`Ctx::written_lower`]).
    fn is_lower_word(t: &Token) -> bool {
        // A word that opens with an upper-case letter (no accent mark) stays capitalised
        // without its marks: told without stripping them.
        if text::opens_upper(t.text) == Some(true) {
            return false;
        }
        // A lower-case Arabic article (аль-Хадж) opens a name: it is no lower-case word.
        if crate::cues::is_article_name(t.text) {
            return false;
        }
        // A word folded already has no accent marks and no capital.
        text::is_folded(t.text) || !is_capitalized(&text::strip_accents(t.text))
    }

    /// Whether the folded word `f` is written in lower case somewhere in the text.
    fn written_lower(&self, f: &str) -> bool {
        // The words that may be lower-case: those that are their own folded form, by byte
        // length (the length of their folded form), and the others.
        let index = self.lower.get_or_init(|| {
            // Each word's bucket (its length, `OTHER` or `NONE`), then the words by bucket.
            const OTHER: u8 = LowerIndex::MAX_LEN as u8;
            const NONE: u8 = OTHER + 1;
            let mut bucket: Vec<u8> = Vec::with_capacity(self.tokens.len());
            let mut counts = [0u32; LowerIndex::MAX_LEN];
            let mut other = Vec::new();
            for (k, t) in self.tokens.iter().enumerate() {
                let b = if text::opens_upper(t.text) == Some(true) {
                    NONE
                } else if t.text.len() < LowerIndex::MAX_LEN && text::stays_folded(t.text) {
                    t.text.len() as u8
                } else {
                    other.push(k as u32);
                    OTHER
                };
                if let Some(c) = counts.get_mut(usize::from(b)) {
                    *c += 1;
                }
                bucket.push(b);
            }
            let mut starts = [0u32; LowerIndex::MAX_LEN + 1];
            for l in 0..LowerIndex::MAX_LEN {
                starts[l + 1] = starts[l] + counts[l];
            }
            let mut at = starts;
            let mut words = vec![0u32; starts[LowerIndex::MAX_LEN] as usize];
            for (k, b) in bucket.iter().enumerate() {
                if let Some(a) = at.get_mut(usize::from(*b)).filter(|_| *b < OTHER) {
                    if let Some(w) = words.get_mut(*a as usize) {
                        *w = k as u32;
                    }
                    *a += 1;
                }
            }
            LowerIndex {
                starts,
                words,
                other,
            }
        });
        let same = |k: &u32| {
            let t = &self.tokens[*k as usize];
            Self::is_lower_word(t) && fold(&text::strip_accents(t.text)) == f
        };
        let own = |k: &u32| {
            let t = &self.tokens[*k as usize];
            t.text == f && Self::is_lower_word(t)
        };
        index.by_len(f.len()).iter().any(own) || index.other.iter().any(same)
    }

    /// The evidence of the text ([`Names::evidence`]).
    fn ev(&self) -> &Evidence {
        self.ev
            .get_or_init(|| self.names.evidence_of(self.text, &self.tokens, self.lang))
    }

    /// `Names::word_candidates` with the default hint, with or without this text's evidence,
    /// computed once per word.
    fn cands(&self, w: &str, lang: Lang, with_ev: bool) -> Rc<Cands> {
        if !with_ev {
            // Remembered per thread by `word_candidates` itself.
            return self.names.word_candidates(w, lang, Hint::default(), None);
        }
        let li = crate::lang_index(lang);
        if let Some(c) = self.cands.borrow()[li].get(w) {
            return c.clone();
        }
        // Evidence that bears on none of the word's readings leaves them as without it (those
        // are remembered per thread).
        let ev = Some(self.ev()).filter(|e| self.names.evidence_bears_on_words(&[w], lang, e));
        let c = self.names.word_candidates(w, lang, Hint::default(), ev);
        let mut maps = self.cands.borrow_mut();
        if maps[li].is_empty() {
            // About one word in eight is asked about (sized once, not regrown).
            maps[li].reserve(self.tokens.len() / 8);
        }
        maps[li].insert(w.to_string(), c.clone());
        c
    }

    /// `Names::word_lemma` with the default hint and this text's evidence.
    fn lemma(&self, w: &str, lang: Lang) -> String {
        self.cands(w, lang, true)
            .first()
            .map(|c| c.0.clone())
            .unwrap_or_else(|| fold(w))
    }

    /// The best reading of a word without this text's evidence (remembered per thread).
    fn plain_lemma(&self, w: &str, lang: Lang) -> String {
        self.cands(w, lang, false)
            .first()
            .map(|c| c.0.clone())
            .unwrap_or_else(|| fold(w))
    }

    /// Whether the word ends like an abstract or collective noun (-ция, -ство, -лық) and is not a
    /// known name.
    fn common_noun_ending(&self, w: &str) -> bool {
        let f = fold(w);
        let known = self
            .names
            .known(&f)
            .is_some_and(|k| k.given || k.surname || k.place);
        if known {
            return false;
        }
        self.names.inner.nonname_ends.iter().any(|(e, l)| {
            (*l == self.lang || self.lang == Lang::Other)
                && f.ends_with(e.as_str())
                && f.chars().count() > e.chars().count() + 2
        })
    }

    /// Whether the word reads as a known given name.
    fn is_given_word(&self, w: &str) -> bool {
        // Depends only on the word and the language: remembered per thread.
        memo_word!(self.names.id(), self.word_lang(), w, || {
            self.cands(w, self.word_lang(), false)
                .iter()
                .take(2)
                .any(|c| self.names.is_listed_given(&c.0))
        })
    }

    /// Whether a Kazakh word carries a case suffix in its best reading.
    fn inflected_kk(&self, w: &str) -> bool {
        let f = fold(w);
        self.lemma(w, Lang::Kk) != f
    }

    /// Whether token `k`, read as a Kazakh locative of an unknown stem, is rather a foreign
    /// name ending in -да/-та before another name word that is no common word (Мелинда Гейтс,
    /// Миранда Керр): spelled without the letters only Kazakh has, no known place or name in
    /// its stem (Астанада, Қарабұлақта Асан Үсенов stay split).
    fn foreign_given_in_da(&self, k: usize) -> bool {
        self.foreign_word_in_da(k)
            && self.tokens.get(k + 1).is_some_and(|n| {
                !crate::kk::is_common_word(self.names.tables(), n.text) && !self.common_word(n.text)
            })
    }

    /// Whether token `k`, read as a Kazakh case form, is rather a given name that ends like a
    /// suffix before the surname that closes the name (Базаркелді Анисов, not «Базар came»): the
    /// next word closes the group with a surname ending and as written, and the stem of
    /// token `k` is no known place, name or common word (Астанада Тоқаев stays split).
    fn given_like_suffix_kk(&self, k: usize, last: usize) -> bool {
        if k + 1 != last {
            return false;
        }
        let next = self.tokens[last].text;
        if self.person_evidence_at(last) != 1 || self.lemma(next, Lang::Kk) != fold(next) {
            return false;
        }
        let w = self.tokens[k].text;
        let stem = self.lemma(w, Lang::Kk);
        self.names.known(&stem).is_none()
            && !self.is_place(w)
            && !crate::kk::common_word_or_name(self.names.tables(), &stem)
    }

    /// Whether token `k` is a foreign word in -да ([`Self::foreign_word_in_da`]) right after a
    /// title: a name in the nominative (Свами Вивекананда), not a place in the locative.
    fn titled_foreign_in_da(&self, k: usize) -> bool {
        k.checked_sub(1)
            .is_some_and(|p| self.title_word(self.tokens[p].text))
            && self.foreign_word_in_da(k)
    }

    /// Whether token `k` reads as a Kazakh locative in -да/-та of an unknown stem and is
    /// spelled as a foreign word: no known place or name in its stem, none of the letters only
    /// Kazakh has (Вивекананда, Мелинда; not Астанада, Қарабұлақта).
    fn foreign_word_in_da(&self, k: usize) -> bool {
        let w = self.tokens[k].text;
        let f = fold(w);
        self.non_person_kk(w)
            && crate::cues::foreign_looking(self.names.tables(), w)
            && crate::kk::locative_suffixes(self.names.tables())
                .any(|e| e.chars().count() == 2 && f.ends_with(e))
            && {
                let stem = self.lemma(w, Lang::Kk);
                self.names.known(&stem).is_none() && !self.is_place(w)
            }
    }

    /// Whether a comma and the Russian relative pronoun for a person or thing follow token `k`
    /// (Девлин , который работает): a word with a surname ending opening a sentence before it
    /// is the person the clause is about.
    fn who_follows(&self, k: usize) -> bool {
        self.lang == Lang::Ru
            && self.tokens.get(k + 1).is_some_and(|n| {
                fold(n.text).starts_with("котор")
                    && self
                        .text
                        .get(self.tokens[k].span.end..n.span.start)
                        .is_some_and(|g| g.trim() == ",")
            })
    }

    /// Whether a Kazakh word's best reading has a locative, `-дағы` or plural suffix; the
    /// plural of a surname in -ов/-ев names a family, whose members are persons (Бегалиевтер
    /// отбасы, Есжановтар әулеті).
    fn non_person_kk(&self, w: &str) -> bool {
        let best = self.lemma(w, Lang::Kk);
        // word -> its Kazakh readings (lemma, whether a locative, `-дағы` or plural
        // suffix was stripped), in `kk::candidates` order.
        let readings = memo_word!(self.names.id(), Lang::Kk, w, || -> Rc<[(String, bool)]> {
            let tables = self.names.tables();
            crate::kk::candidates(tables, w)
                .iter()
                .cloned()
                .map(|c| {
                    let place = c.kinds.iter().any(|k| match k.as_str() {
                        "loc" | "loc-adj" => true,
                        "plural" => !crate::kk::family_surname(tables, &c.lemma),
                        _ => false,
                    });
                    (c.lemma, place)
                })
                .collect()
        });
        readings
            .iter()
            .find(|(lemma, _)| *lemma == best)
            .is_some_and(|(_, place)| *place)
    }

    fn is_particle(&self, w: &str) -> bool {
        let f = fold(w);
        let langs: &[Lang] = match self.lang {
            Lang::Other => &[Lang::Ru, Lang::Kk],
            Lang::Ru => &[Lang::Ru],
            Lang::Kk => &[Lang::Kk],
        };
        langs
            .iter()
            .any(|l| self.names.tables().word_is(&f, *l, "particle"))
    }

    fn word_lang(&self) -> Lang {
        self.lang
    }

    fn is_stop(&self, w: &str) -> bool {
        let f = fold(w);
        let t = self.names.tables();
        for l in [Lang::Ru, Lang::Kk] {
            let is_stop = t.word_classes(&f, l, |c| {
                ["stop", "month", "weekday", "title", "org"]
                    .iter()
                    .any(|x| c.contains(*x))
            });
            if is_stop {
                return true;
            }
        }
        if self.lang != Lang::Kk {
            let st = snowball().stem(&f);
            if st.chars().count() >= 3 && self.names.inner.ru_stop_stems.contains(st.as_ref()) {
                return true;
            }
            // A body's name made of a prefix and a common noun (Еврокомиссии, Минобороны).
            let body = self.names.inner.ru_org_prefixes.iter().any(|p| {
                f.strip_prefix(p.as_str()).is_some_and(|rest| {
                    rest.chars().count() >= 4 && crate::cues::ru_common_word(t, rest)
                })
            });
            if body {
                return true;
            }
        }
        // `inflects(&f, s, Lang::Kk)` for words of five or more letters: the word itself or
        // the word and up to seven letters that open with a suffix of `kk_suffixes.tsv`
        // (Наурызда `in March`; not Наурызбай, Мамырханов, names built on a month's name).
        self.lang != Lang::Ru
            && self.long_stops.iter().any(|s| {
                f.strip_prefix(s.as_str()).is_some_and(|rest| {
                    rest.is_empty()
                        || rest.chars().count() <= 7
                            && rest.chars().all(text::is_alpha)
                            && t.kk_suffixes
                                .iter()
                                .any(|x| rest.starts_with(x.suffix.as_str()))
                })
            })
    }

    /// Whether the word names a known place in some case form.
    fn is_place(&self, w: &str) -> bool {
        // Depends only on the word and the language: remembered per thread.
        memo_word!(self.names.id(), self.word_lang(), w, || {
            let place = |l: &str| {
                self.names
                    .known(l)
                    .is_some_and(|k| k.place && !k.surname && !k.given)
            };
            let cands = self.cands(w, self.word_lang(), false);
            if cands.iter().take(3).any(|(l, _, _)| place(l)) {
                return true;
            }
            // A plural place name in Russian (Нидерландов, Филиппинах: Нидерланды, Филиппины),
            // which the readings of a person's name never give.
            let f = fold(w);
            self.lang != Lang::Kk
                && self.names.inner.plural_place_ends.iter().any(|e| {
                    f.strip_suffix(e.as_str()).is_some_and(|stem| {
                        stem.chars().count() >= 3
                            && ["ы", "и"].iter().any(|n| place(&format!("{stem}{n}")))
                    })
                })
        })
    }

    /// Whether token `k`, a place's name that ends a run of name words, is instead the Russian
    /// surname of the given name before it in a name that starts at token `start` (Джордж
    /// Вашингтон, Джорджа Вашингтона, Иван Турин): both words in their dictionary form or both
    /// inflected. (Within a longer run it starts a new name: университет Джорджа Вашингтона
    /// Марлен Ларюэль. Kazakh puts a bare place before a noun it qualifies: Ибрагим Қазақстан
    /// Президентімен.)
    fn surname_after_given(&self, start: usize, k: usize) -> bool {
        if self.lang != Lang::Ru || k <= start {
            return false;
        }
        let (given, w) = (self.tokens[k - 1].text, self.tokens[k].text);
        if !self.is_given_word(given) || self.is_place(given) {
            return false;
        }
        let inflected = |x: &str| self.plain_lemma(x, Lang::Ru) != fold(x);
        inflected(given) == inflected(w)
    }

    /// Whether the given name at token `k` agrees with the word after it as a name's first word
    /// does: in Russian both in their dictionary form or both inflected (Анатолия Иванова), in
    /// Kazakh bare, since a Kazakh name takes its suffixes on the last word only (not
    /// Алматыдан Ростовқа).
    fn given_agrees(&self, k: usize) -> bool {
        let Some(next) = self.tokens.get(k + 1) else {
            return false;
        };
        let inflected = |x: &str| self.plain_lemma(x, self.lang) != fold(x);
        match self.lang {
            Lang::Ru => inflected(self.tokens[k].text) == inflected(next.text),
            Lang::Kk => !inflected(self.tokens[k].text),
            Lang::Other => false,
        }
    }

    /// Whether token `k` is a Russian word in the prepositional case (ending in -е) right after
    /// a preposition of place (`place_prep` in `words.tsv`: в Турине, на Сахалине).
    fn after_place_preposition(&self, k: usize) -> bool {
        let w = self.tokens[k].text;
        self.lang == Lang::Ru
            && w.ends_with('е')
            && k.checked_sub(1)
                .and_then(|p| self.tokens.get(p))
                .is_some_and(|p| {
                    plain_gap(self.text, p.span.end, self.tokens[k].span.start)
                        && self.names.tables().word_is(p.text, Lang::Ru, "place_prep")
                })
    }

    /// Whether the token is an initial: one or two capital letters followed by a dot, or a
    /// capital Cyrillic letter alone before a capitalised word inside a sentence (text that
    /// drops the dots: «жүгіруші М П Джабир»).
    fn initial_at(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        // (Counted no further than the answer needs.)
        let letters = t.text.chars().take(3).count();
        if letters == 1 && self.dotless_initial(k) {
            return true;
        }
        // Some initials are two letters, a capital and a small one: the digraph for J (Дж. Буш),
        // listed as `initial` in `words.tsv`.
        letters <= 2
            && (t.text.chars().all(text::is_upper)
                || t.text.chars().next().is_some_and(text::is_upper)
                    && [Lang::Ru, Lang::Kk]
                        .into_iter()
                        .any(|l| self.names.tables().word_is(t.text, l, "initial")))
            && self
                .text
                .get(t.span.end..)
                // Tokenised text spaces the dot off (М . П . Джабир).
                .is_some_and(|r| r.starts_with('.') || r.starts_with(" ."))
    }

    /// Whether the one-letter token `k` is a capital Cyrillic letter in a run of such letters
    /// that a capitalised word follows, each after one space, away from a sentence start (where
    /// one-letter words are prepositions and conjunctions: «А Петров ответил», «В Астане»).
    /// The word must be no common word («группа А Кубка мира»).
    fn dotless_initial(&self, k: usize) -> bool {
        let letter = |k: usize| {
            self.tokens.get(k).is_some_and(|x| {
                let mut cs = x.text.chars();
                cs.next()
                    .is_some_and(|c| text::is_upper(c) && text::is_cyrillic(c))
                    && cs.next().is_none()
            })
        };
        let spaced = |k: usize| match (self.tokens.get(k), self.tokens.get(k + 1)) {
            (Some(a), Some(b)) => self.text.get(a.span.end..b.span.start) == Some(" "),
            _ => false,
        };
        if !letter(k) {
            return false;
        }
        let mut first = k;
        while first > 0 && letter(first - 1) && spaced(first - 1) {
            first -= 1;
        }
        let mut word = k;
        while letter(word) && spaced(word) {
            word += 1;
        }
        let Some(w) = self.tokens.get(word).filter(|_| word > k && !letter(word)) else {
            return false;
        };
        let tables = self.names.tables();
        is_capitalized(w.text)
            && w.text.chars().next().is_some_and(text::is_cyrillic)
            && !self.common_word(w.text)
            && match self.lang {
                Lang::Kk => !crate::kk::is_common_word(tables, w.text),
                _ => crate::cues::foreign_name_word(tables, w.text),
            }
            && !opens_sentence(self.text, self.tokens[first].span.start)
            && !self.starts_at(self.tokens[first].span.start)
    }

    /// Whether an acronym in brackets follows token `last`, after at most three more
    /// capitalised words: `( NKG )`, `(ТМҚК)`.
    fn acronym_follows(&self, last: usize) -> bool {
        let mut k = last + 1;
        while k <= last + 3
            && self.tokens.get(k).is_some_and(|t| {
                is_capitalized(t.text)
                    && !is_all_caps(t.text)
                    && plain_gap(self.text, self.tokens[k - 1].span.end, t.span.start)
            })
        {
            k += 1;
        }
        let (Some(prev), Some(acronym)) = (self.tokens.get(k - 1), self.tokens.get(k)) else {
            return false;
        };
        let gap = |a: usize, b: usize| self.text.get(a..b).map(str::trim);
        is_all_caps(acronym.text)
            && gap(prev.span.end, acronym.span.start) == Some("(")
            && self
                .text
                .get(acronym.span.end..)
                .is_some_and(|r| r.trim_start().starts_with(')'))
    }

    /// Whether token `k` is a capitalised word that can be part of a name.
    fn name_like(&self, k: usize) -> bool {
        let Some(t) = self.tokens.get(k) else {
            return false;
        };
        let w = t.text;
        // An initial is capitalized too: most words (lower-case) are told by their first letter.
        if !is_capitalized(w) {
            return false;
        }
        if self.initial_at(k) {
            return true;
        }
        self.name_like_word(w)
    }

    /// [`Ctx::name_like`] of a capitalised word that is no initial: shaped like a name and no
    /// common word of this text ([`Ctx::common_word`]).
    fn name_like_word(&self, w: &str) -> bool {
        // (Shaped like a name and no stop word; ends like a common noun): they depend only on
        // the word and the language, so computed once per thread.
        let (name, noun_ending) = memo_word!(self.names.id(), self.lang, w, || -> (bool, bool) {
            if !self.name_shaped(w) {
                return (false, false);
            }
            let (stop, noun_ending) = self.common_parts(w);
            (!stop, noun_ending)
        });
        name && (!noun_ending || self.plural_surname_here(w))
    }

    /// Whether a capitalised word is shaped like a name: no digits, no acronym (with a suffix
    /// too), and Cyrillic in Russian or Kazakh text.
    fn name_shaped(&self, w: &str) -> bool {
        if w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if is_all_caps(w) && !Names::is_initial(w) {
            // A headline in capitals may name a gazetteer person by surname (ТОКАЕВ ПРИНЯЛ
            // ГУТЕРРИША); other words in capitals are acronyms (ООН, ҚР).
            return self.gazetteer_surname_in_capitals(w);
        }
        // An acronym with a suffix (БҰҰ-ның, ООН-овский) is an organisation, and so is one with a
        // case ending written solid (МИДа, ЦИКом, ВКонтакте): two capitals open no name.
        if let Some((head, _)) = w.split_once(['-', '\'', '’']) {
            if is_all_caps(head) {
                return false;
            }
        }
        if w.chars().take(2).filter(|c| text::is_upper(*c)).count() == 2 {
            return false;
        }
        let letters = w.chars().filter(|c| text::is_alpha(*c)).count();
        if letters < 2 {
            return false;
        }
        // In Russian or Kazakh text, Latin-script words are titles and brands, not persons, with
        // a Kazakh case suffix too (WeWork-тің, Apple-ға).
        let head = w.split_once(['-', '\'', '’']).map_or(w, |(h, _)| h);
        self.lang == Lang::Other || head.chars().any(text::is_cyrillic)
    }

    /// Whether a word in capitals, five letters or more, reads as a gazetteer person's surname
    /// (ТОКАЕВ, ГУТЕРРИША, ТОҚАЕВҚА) among its first readings.
    fn gazetteer_surname_in_capitals(&self, w: &str) -> bool {
        w.chars().count() >= 5
            && w.chars().all(text::is_alpha)
            && self
                .names
                .word_candidates(w, self.word_lang(), Hint::default(), None)
                .iter()
                .take(3)
                .any(|(l, _, _)| self.names.known(l).is_some_and(|k| k.surname && !k.place))
    }

    /// Whether the word is a stop, title or calendar word or ends like a common noun, unless
    /// this text writes it as the plural surname of two given names (Аркадия и Бориса
    /// Ивановых: [`Evidence::plurals`]).
    fn common_word(&self, w: &str) -> bool {
        let (stop, noun_ending) = self.common_parts(w);
        stop || noun_ending && !self.plural_surname_here(w)
    }

    /// (Whether the word is a stop, title or calendar word; whether it is none and ends like a
    /// common noun): they depend only on the word and the language, so computed once per
    /// thread. The text's plural surnames are asked by the callers, never in a memo.
    fn common_parts(&self, w: &str) -> (bool, bool) {
        memo_word!(self.names.id(), self.lang, w, || -> (bool, bool) {
            let stop = self.is_stop(w);
            (stop, !stop && self.common_noun_ending(w))
        })
    }

    /// Whether this text writes the word as the plural surname of two given names
    /// ([`Evidence::plurals`]).
    fn plural_surname_here(&self, w: &str) -> bool {
        self.ev().plurals.contains_key(&fold(w))
    }

    /// [`Ctx::person_evidence`] of token `k`, computed once per token.
    fn person_evidence_at(&self, k: usize) -> u8 {
        let Some(cell) = self.evidence_at.get(k) else {
            return self
                .tokens
                .get(k)
                .map_or(0, |t| self.person_evidence(t.text));
        };
        *cell.get_or_init(|| self.person_evidence(self.tokens[k].text))
    }

    /// Evidence that a word is a person's name: known given name or gazetteer person,
    /// patronymic, or a surname ending.
    fn person_evidence(&self, w: &str) -> u8 {
        let cands = self.cands(w, self.word_lang(), true);
        let mut best = 0u8;
        for (l, _, _) in cands.iter().take(3) {
            if let Some(k) = self.names.known(l) {
                // Short gazetteer surnames (Ли, Ел) are common words too.
                if k.surname && l.chars().count() > 3 {
                    return 3;
                }
                if k.given && !k.place {
                    best = best.max(2);
                }
            }
        }
        if let Some((l, _, _)) = cands.first() {
            if self.names.patronymic_gender(l, self.word_lang()).is_some() {
                return 3;
            }
            if self.names.has_surname_ending(l, self.word_lang()) {
                best = best.max(1);
            }
        }
        best
    }

    /// Whether the person evidence of token `k` is only that it reads as a patronymic: no
    /// gazetteer name or listed given name among its readings.
    fn patronymic_only(&self, k: usize) -> bool {
        let cands = self.cands(self.tokens[k].text, self.word_lang(), true);
        cands
            .first()
            .is_some_and(|(l, _, _)| self.names.patronymic_gender(l, self.word_lang()).is_some())
            && !cands
                .iter()
                .take(3)
                .any(|(l, _, _)| self.names.known(l).is_some())
    }

    /// Whether token `i` is a bare Kazakh common word and the next word a lower-case common
    /// noun with the 3rd-person possessive, maybe before a case suffix (Адам ресурстары, Сапар
    /// барысында): together a compound noun.
    fn compound_head_kk(&self, i: usize) -> bool {
        crate::kk::common_word_or_name(self.names.tables(), self.tokens[i].text)
            && self.bare_before_poss3_noun(i)
    }

    /// Whether token `i` is a Kazakh common word without a suffix, then `and` and a lower-case
    /// word, with only spaces between.
    fn common_and_lower(&self, i: usize) -> bool {
        let t = self.names.tables();
        let w = self.tokens[i].text;
        let (Some(and), Some(next)) = (self.tokens.get(i + 1), self.tokens.get(i + 2)) else {
            return false;
        };
        t.word_is(and.text, Lang::Kk, "and")
            && next.text.chars().next().is_some_and(char::is_lowercase)
            && plain_gap(self.text, self.tokens[i].span.end, and.span.start)
            && plain_gap(self.text, and.span.end, next.span.start)
            && self.lemma(w, Lang::Kk) == fold(w)
            && crate::kk::is_common_word(t, w)
    }

    /// Whether token `i` is a Kazakh word without a suffix and the next word a lower-case
    /// common noun with the 3rd-person possessive, maybe before a case suffix: the first half
    /// of a compound (Бөкей ордасы, Адам ресурстары).
    fn bare_before_poss3_noun(&self, i: usize) -> bool {
        let t = self.names.tables();
        let w = self.tokens[i].text;
        let Some(next) = self.tokens.get(i + 1) else {
            return false;
        };
        // An honorific after a name is no noun of a compound (Наурызбай қажы).
        if is_capitalized(next.text)
            || !plain_gap(self.text, self.tokens[i].span.end, next.span.start)
            || self.lemma(w, Lang::Kk) != fold(w)
            || t.word_is(next.text, Lang::Kk, "honorific")
        {
            return false;
        }
        if crate::kk::candidates(t, next.text)
            .iter()
            .any(|c| c.kinds.iter().any(|k| k == "poss3") && crate::kk::is_common_word(t, &c.lemma))
        {
            return true;
        }
        // Stems of three letters, which the name readings leave whole (кез|інде, бас|ында).
        let f = fold(next.text);
        f.char_indices().nth(3).is_some_and(|(at, _)| {
            crate::kk::is_common_word(t, &f[..at]) && crate::kk::poss3_then_case(t, &f[at..])
        })
    }

    /// Whether the word after token `i` is a lower-case Kazakh noun for a street, district,
    /// village or river (`geo_after` in `words.tsv`: Дәулет аулында).
    fn before_geo_noun(&self, i: usize) -> bool {
        // A Kazakh honorific after the name belongs to it (Абылай хан даңғылы, Қабанбай батыр
        // көшесі, Төле би ауданы: `honorific` in `words.tsv`).
        let i = match self.tokens.get(i + 1) {
            Some(h)
                if self.lang == Lang::Kk
                    && plain_gap(self.text, self.tokens[i].span.end, h.span.start)
                    && self.names.tables().word_is(h.text, Lang::Kk, "honorific") =>
            {
                i + 1
            }
            _ => i,
        };
        let Some(next) = self.tokens.get(i + 1) else {
            return false;
        };
        if is_capitalized(next.text)
            || !plain_gap(self.text, self.tokens[i].span.end, next.span.start)
            || !self.is_geo_noun(next.text, "geo_after")
            || self.genitive_kk(self.tokens[i].text)
        {
            return false;
        }
        // A bare Kazakh noun that qualifies a common noun after it (облыс басшылығына, қала
        // тұрғындарының) names no place: the name before it is a person's (Тоқаев облыс
        // басшылығына тапсырды); a compound for a place does (Киров су қоймасы).
        let bare = self.lang == Lang::Kk && {
            let f = fold(next.text);
            self.names
                .inner
                .geo_after
                .iter()
                .any(|(g, l)| *l == Lang::Kk && *g == f && !g.ends_with(['ы', 'і']))
        };
        let qualifies = bare
            && self.tokens.get(i + 2).is_some_and(|after| {
                !is_capitalized(after.text)
                    && plain_gap(self.text, next.span.end, after.span.start)
                    && !self.is_geo_noun(after.text, "geo_after")
                    && crate::kk::candidates(self.names.tables(), after.text)
                        .iter()
                        .take(3)
                        .any(|c| c.kinds.iter().any(|k| k == "poss3"))
            });
        !qualifies
    }

    /// The capitalised token that a comma or `and` joins to token `a` from after: `a + 1`, or
    /// `a + 2` over `and` or over the Kazakh `too` before a comma (Сечин и Тимченко; Абай ,
    /// Сейфуллин; Васимнің де , Мисбаның да).
    fn joined_after(&self, a: usize) -> Option<usize> {
        let too =
            |w: &str| self.lang == Lang::Kk && self.names.tables().word_is(w, Lang::Kk, "clitic");
        let (x, y) = (self.tokens.get(a)?, self.tokens.get(a + 1)?);
        let gap = self.text.get(x.span.end..y.span.start)?;
        if gap.trim() == "," && is_capitalized(y.text) && !too(x.text) {
            return Some(a + 1);
        }
        let z = self.tokens.get(a + 2)?;
        // Items of a list that give each name's country in brackets (• Грэм Полл (Англия) •
        // Франк Де Блекере (Бельгия)).
        if gap.trim() == "(" && is_capitalized(z.text) && self.is_place(y.text) {
            let close = self.text.get(y.span.end..z.span.start)?.trim();
            let sep = close.strip_prefix(')').map(str::trim);
            if matches!(sep, Some("" | "," | ";" | "•" | "·")) {
                return Some(a + 2);
            }
        }
        if too(y.text)
            && plain_gap(self.text, x.span.end, y.span.start)
            && self.text.get(y.span.end..z.span.start)?.trim() == ","
            && is_capitalized(z.text)
        {
            return Some(a + 2);
        }
        (is_capitalized(z.text)
            && plain_gap(self.text, x.span.end, y.span.start)
            && plain_gap(self.text, y.span.end, z.span.start)
            && self.and_word(y.text))
        .then_some(a + 2)
    }

    /// Whether `w` is a Russian or Kazakh word for `and` between listed names (`and` in
    /// `words.tsv`: и; мен, пен, және).
    fn and_word(&self, w: &str) -> bool {
        [Lang::Ru, Lang::Kk]
            .into_iter()
            .any(|l| self.names.tables().word_is(w, l, "and"))
    }

    /// The token that a comma or `and` joins to token `k` from before, if any.
    fn joined_before(&self, k: usize) -> Option<usize> {
        (1..=2)
            .filter_map(|d| k.checked_sub(d))
            .find(|&a| self.joined_after(a) == Some(k))
    }

    /// Whether the words of `g` stand in a list with a person mention of `found`, joined to
    /// it by a comma or `and` (Сечин и Тимченко предложили; Уорд , Юрий Лужков): a list of
    /// persons. Adjectives (Белого дома), titles and common words (Героя, Синода,
    /// Директор-распорядитель) and words of two letters (Ақ үй) stay out.
    fn listed_with_person(&self, g: &Group, found: &[(Group, u8)], initial: bool) -> bool {
        let t = self.names.tables();
        let common = |w: &str| match self.lang {
            Lang::Ru => crate::cues::ru_common_word(t, w),
            Lang::Kk => crate::kk::is_common_word(t, w),
            Lang::Other => false,
        };
        if (g.first..=g.last).any(|k| {
            let w = self.tokens[k].text;
            w.chars().count() < 3
                || adjectival(w)
                || self.common_word(w)
                || self.title_word(w)
                || w.split('-').any(common)
        }) {
            return false;
        }
        // A Kazakh word that opens a compound is part of a name of a place or a thing (Жәнібек
        // және Бөкей ордасы аудандары).
        if self.lang == Lang::Kk && self.bare_before_poss3_noun(g.last) {
            return false;
        }
        // A word that opens a sentence before a comma is mostly an introductory word
        // (Очевидно , Натан; Впрочем ,).
        let next = self.joined_after(g.last).filter(|&n| {
            !(initial
                && n == g.last + 1
                && (g.first..=g.last).all(|k| self.person_evidence_at(k) == 0))
        });
        let prev = self.joined_before(g.first);
        found
            .iter()
            .any(|(f, _)| next == Some(f.first) || prev == Some(f.last))
    }

    /// Whether the one word `first..=last` is one of names joined by commas or `and` that a
    /// word for streets or places ends (in the plural) or opens (Байтұрсынов пен Қонаев
    /// көшелері, Абай , Сейфуллин және Жібек жолы даңғылдары; улиц Абая и Сейфуллина): the
    /// names of places all.
    fn listed_with_geo_noun(&self, first: usize, last: usize) -> bool {
        // Streets are named by one word; persons in lists by two or more.
        if first != last {
            return false;
        }
        // The last of a Kazakh list before `like` and the word for the place.
        if self.joined_before(first).is_some() && self.like_then_geo_noun(last) {
            return true;
        }
        // Forward (Kazakh: the word for the place comes last): over up to four more names of
        // up to three words each.
        let mut k = last;
        // Whether every name so far is one word.
        let mut one_word_names = true;
        for _ in 0..4 {
            let Some(next) = self.joined_after(k) else {
                break;
            };
            let by_and = next == k + 2 && self.and_word(self.tokens[k + 1].text);
            k = next;
            let mut words = 1;
            while words < 3
                && self.tokens.get(k + 1).is_some_and(|t| {
                    is_capitalized(t.text)
                        && plain_gap(self.text, self.tokens[k].span.end, t.span.start)
                })
            {
                k += 1;
                words += 1;
            }
            one_word_names &= words == 1;
            // A list takes the plural (көшелері), unlike a region after a list of persons
            // (Мағауия Қалиев , Сергей Трахтенберг , Қостанай облысы); one-word names the last
            // of which `and` joins may take the singular (Байтұрсынов пен Қонаев көшесіндегі
            // `at the corner of Baitursynov and Konaev streets`).
            let plural = self.tokens.get(k + 1).is_some_and(|t| {
                let f = fold(t.text);
                crate::kk::plural_suffixes(self.names.tables()).any(|p| {
                    f.char_indices()
                        .nth(3)
                        .is_some_and(|(i, _)| f[i..].contains(p))
                })
            });
            if (plural || one_word_names && by_and) && self.before_geo_noun(k)
                || self.like_then_geo_noun(k)
            {
                return true;
            }
        }
        // Backward (Russian: the word for the place comes first): `улицы Абая и Сейфуллина`.
        let mut k = first;
        for _ in 0..4 {
            let Some(mut p) = self.joined_before(k) else {
                return false;
            };
            while p > 0
                && is_capitalized(self.tokens[p - 1].text)
                && plain_gap(
                    self.text,
                    self.tokens[p - 1].span.end,
                    self.tokens[p].span.start,
                )
                && k - p < 3
            {
                p -= 1;
            }
            if self.after_geo_noun(p) {
                return true;
            }
            k = p;
        }
        false
    }

    /// Whether a Kazakh word for `like` (`like` in `words.tsv`: секілді, сияқты) follows token
    /// `k`, the last of a list of names, and a lower-case word for a street or village comes
    /// within three words after it (Құрманғазы , Бейбарыс , Уәлиханов секілді сегіз көше).
    fn like_then_geo_noun(&self, k: usize) -> bool {
        let Some(like) = self.tokens.get(k + 1) else {
            return false;
        };
        if !plain_gap(self.text, self.tokens[k].span.end, like.span.start)
            || !self.names.tables().word_is(like.text, Lang::Kk, "like")
        {
            return false;
        }
        for j in k + 2..=k + 4 {
            let Some(w) = self.tokens.get(j) else {
                return false;
            };
            if is_capitalized(w.text)
                || !plain_gap(self.text, self.tokens[j - 1].span.end, w.span.start)
            {
                return false;
            }
            // The noun itself, or its plural (көшелер).
            let t = self.names.tables();
            if self.is_geo_noun(w.text, "geo_after")
                || crate::kk::candidates(t, w.text).iter().any(|c| {
                    c.kinds.iter().any(|k| k == "plural") && self.is_geo_noun(&c.lemma, "geo_after")
                })
            {
                return true;
            }
        }
        false
    }

    /// `g` cut before and after the first run of two or three of its words that is a gazetteer
    /// person's full name, with any patronymic after it (Қасым-Жомарт Тоқаев | Ақжол
    /// Ізбасаровпен), and so on in the rest; `g` itself when it holds none or is one.
    fn split_at_full_names(&self, g: Group) -> Vec<Group> {
        // A full name in the gazetteer has a word known as a name (most runs have none).
        if g.last < g.first + 2 || !(g.first..=g.last).any(|k| self.person_evidence_at(k) >= 2) {
            return vec![g];
        }
        let mut out = Vec::new();
        let mut start = g.first;
        let mut a = g.first;
        while start + 2 <= g.last && a < g.last {
            // (Not a shorter form of the person a word before already names: Урсула | фон
            // дер Ляйен is one name.)
            let hit = (2..=3).rev().find(|&len| {
                let b = a + len - 1;
                b <= g.last && {
                    let lemmas: Vec<String> = (a..=b)
                        .map(|k| self.plain_lemma(self.tokens[k].text, self.lang))
                        .collect();
                    self.names.full_name_person(&lemmas).is_some_and(|p| {
                        a == start
                            || !has_name_word(
                                &self.names.inner.gaz.persons()[p],
                                &self.plain_lemma(self.tokens[a - 1].text, self.lang),
                            )
                    })
                }
            });
            let Some(len) = hit else {
                a += 1;
                continue;
            };
            let mut b = a + len - 1;
            while b < g.last && self.patronymic_at(b + 1) {
                b += 1;
            }
            if a == start && b == g.last {
                break;
            }
            if a > start {
                out.push(Group {
                    first: start,
                    last: a - 1,
                });
            }
            out.push(Group { first: a, last: b });
            start = b + 1;
            a = start;
        }
        if start <= g.last {
            out.push(Group {
                first: start,
                last: g.last,
            });
        }
        out
    }

    /// Whether one of the first readings of token `k` is a patronymic, an oblique one too
    /// (Ивановича, Думанұлына), as the name reader will read it after a given name.
    fn may_be_patronymic(&self, k: usize) -> bool {
        let cands = self.cands(self.tokens[k].text, self.lang, false);
        self.names
            .patronymic_among(&cands, Names::PATRONYMIC_READINGS, self.lang)
            .is_some()
    }

    /// Whether token `k` reads as a patronymic (Кемелұлы, Кемелевич).
    fn patronymic_at(&self, k: usize) -> bool {
        let l = self.plain_lemma(self.tokens[k].text, self.lang);
        self.names.patronymic_gender(&l, self.lang).is_some()
    }

    /// The gazetteer person that `word` alone names, read with this text's evidence (Тоқаев).
    fn person_named_by(&self, word: &str) -> Option<&'a kzalign_gazetteer::Person> {
        let here = self
            .names
            .normalize_in(word, self.lang, Some(self.ev()), true, false);
        here.entity_id
            .as_deref()
            .and_then(|id| self.names.entity(id))
    }

    /// Whether `other` reads as one of the names of the gazetteer person that `word` alone
    /// names (Тоқаев and Қасым-Жомарт); false when `word` names none.
    fn person_has_word(&self, word: &str, other: &str) -> bool {
        self.person_named_by(word)
            .is_some_and(|p| has_name_word(p, &self.lemma(other, self.lang)))
    }

    /// Whether the one Russian word `first..=last`, no gazetteer name, stands right before a
    /// lower-case weekday and so names a feast day (Лазареву субботу, Вербное воскресенье).
    /// (Kazakh puts the day after its subject: Тоқаев жұма күні.)
    fn names_a_day(&self, first: usize, last: usize) -> bool {
        self.lang == Lang::Ru
            && first == last
            && self.person_evidence_at(first) < 3
            && self.tokens.get(last + 1).is_some_and(|n| {
                plain_gap(self.text, self.tokens[last].span.end, n.span.start)
                    && !is_capitalized(n.text)
                    && self.names.tables().word_is(n.text, self.lang, "weekday")
            })
    }

    /// Whether a Kazakh word's best reading strips a genitive: the owner of what follows
    /// (Абайдың ескерткіштері `Abai's monuments`, Асанның ауылы), not its name.
    fn genitive_kk(&self, w: &str) -> bool {
        if self.lang != Lang::Kk {
            return false;
        }
        let best = self.lemma(w, Lang::Kk);
        crate::kk::candidates(self.names.tables(), w)
            .iter()
            .find(|c| c.lemma == best)
            .is_some_and(|c| c.kinds.iter().any(|k| k == "gen"))
    }

    /// Whether a Russian name of two words or more opens with a capitalised word for a street,
    /// town or island (Острова Уайт, Улица Абая): the name of that place.
    fn opens_with_geo_noun(&self, first: usize, last: usize) -> bool {
        self.lang == Lang::Ru
            && last > first
            && self.is_geo_noun(self.tokens[first].text, "geo_before")
    }

    /// Whether the word before token `i` is a Russian noun for a street, village or city that
    /// takes a name after it (`geo_before` in `words.tsv`: улица Абая, ул. Абая).
    fn after_geo_noun(&self, i: usize) -> bool {
        if i == 0 || self.lang == Lang::Kk {
            return false;
        }
        let prev = &self.tokens[i - 1];
        let gap = self
            .text
            .get(prev.span.end..self.tokens[i].span.start)
            .unwrap_or("");
        if is_capitalized(prev.text)
            || gap.chars().count() > 3
            || gap.contains('\n')
            || !gap.trim_start_matches('.').trim().is_empty()
        {
            return false;
        }
        self.is_geo_noun(prev.text, "geo_before")
    }

    /// Whether tokens `first..=last` name the person something is named after: `namesake` in
    /// `words.tsv`, Russian before the name (имени), Kazakh after it (атындағы).
    fn namesake(&self, first: usize, last: usize) -> bool {
        // Written in lower case: compared as written.
        let listed = |w: &str, lang: Lang| {
            self.names
                .inner
                .namesakes
                .iter()
                .any(|(n, l)| *l == lang && n == w)
        };
        let plain = |a: &Token<'_>, b: &Token<'_>| plain_gap(self.text, a.span.end, b.span.start);
        // Russian `имени X` before the name, but not `по имени X` (`called X`, a person of
        // the text); Kazakh `X атындағы` after it.
        let before = first
            .checked_sub(1)
            .and_then(|k| self.tokens.get(k))
            .filter(|p| plain(p, &self.tokens[first]) && listed(p.text, Lang::Ru))
            .filter(|_| {
                first
                    .checked_sub(2)
                    .and_then(|k| self.tokens.get(k))
                    .map_or(true, |w| fold(w.text) != "по")
            });
        let after = self
            .tokens
            .get(last + 1)
            .filter(|n| plain(&self.tokens[last], n) && listed(n.text, Lang::Kk));
        before.is_some() || after.is_some() || self.award_of(first, last)
    }

    /// Whether tokens `first..=last` name the person an award, cup or order is named after
    /// (`award` in `words.tsv`): Russian after the noun and in the genitive (премия Сахарова,
    /// Кубка Гагарина; not вручил премию Назарбаеву, a recipient), Kazakh bare before the
    /// noun in the 3rd-person possessive (Нобель сыйлығы, Гагарин кубогының).
    fn award_of(&self, first: usize, last: usize) -> bool {
        let awards = &self.names.inner.awards;
        let plain = |a: &Token<'_>, b: &Token<'_>| plain_gap(self.text, a.span.end, b.span.start);
        match self.lang {
            Lang::Kk => {
                let w = self.tokens[last].text;
                self.tokens.get(last + 1).is_some_and(|n| {
                    let f = fold(n.text);
                    plain(&self.tokens[last], n)
                        && awards
                            .iter()
                            .any(|(a, l, _)| *l == Lang::Kk && f.starts_with(a.as_str()))
                        && self.lemma(w, Lang::Kk) == fold(w)
                })
            }
            _ => {
                // A case form of the noun: its stem, then up to three letters of endings; asked
                // once per word and thread.
                let is_award =
                    |w: &str| memo_word!(self.names.id(), Lang::Ru, w, || award_noun_ru(awards, w));
                // The noun before the name, or capitalised as the name's first word.
                let noun_first = last > first && is_award(self.tokens[first].text);
                let noun_before = first
                    .checked_sub(1)
                    .and_then(|k| self.tokens.get(k))
                    .is_some_and(|p| plain(p, &self.tokens[first]) && is_award(p.text));
                // The masculine genitive -а/-я, told from a nominative in -а by the reading.
                let w = self.tokens[last].text;
                (noun_first || noun_before)
                    && w.ends_with(['а', 'я'])
                    && self.lemma(w, Lang::Ru) != fold(w)
            }
        }
    }

    /// Whether the name at tokens `first..=last` is joined to a capitalised word by the
    /// English `and` of a firm's name: a `firm_and` word of `words.tsv` (Джонсон энд Джонсон,
    /// Эрнст энд Янг) or an ampersand (Procter & Gamble). Persons are listed with `и`, `мен`.
    fn firm_and(&self, first: usize, last: usize) -> bool {
        let t = self.names.tables();
        let joined = |a: usize, b: usize| -> bool {
            let (Some(x), Some(y)) = (self.tokens.get(a), self.tokens.get(b)) else {
                return false;
            };
            let gap = self.text.get(x.span.end..y.span.start).unwrap_or("");
            gap.trim() == "&" && (is_capitalized(x.text) && is_capitalized(y.text))
        };
        let word_between = |a: usize, b: usize| -> bool {
            // Tokens a, a+1, b = a+2: a capitalised word, the `and`, a capitalised word.
            let (Some(x), Some(and), Some(y)) = (
                self.tokens.get(a),
                self.tokens.get(a + 1),
                self.tokens.get(b),
            ) else {
                return false;
            };
            is_capitalized(x.text)
                && is_capitalized(y.text)
                && plain_gap(self.text, x.span.end, and.span.start)
                && plain_gap(self.text, and.span.end, y.span.start)
                && t.word_is(and.text, self.lang, "firm_and")
        };
        joined(last, last + 1)
            || word_between(last, last + 2)
            || first.checked_sub(1).is_some_and(|p| joined(p, first))
            || first.checked_sub(2).is_some_and(|p| word_between(p, first))
    }

    /// The token of an `org_tail` word of `words.tsv` that closes an organisation's name begun
    /// by the name at tokens `first..=last`: one of its own words after the first (Франс Пресс,
    /// Файненшл Таймстың, Назарбаев Интеллектуальных),
    /// or a capitalised word right after a name left in the nominative (Назарбаев Университеті,
    /// Ельцин Центр); a person's would stand in the genitive (Университет Назарбаева).
    fn org_tail_at(&self, first: usize, last: usize) -> Option<usize> {
        // A word of the name closes it only as written (the outlets' names do not decline in
        // Russian) or, in Kazakh, before a case suffix: Ньюсом is a person's name. A listed
        // adjective declines (Назарбаев Интеллектуальных школ); a noun that declines is a
        // surname that merely starts like one (Ньюсому). Asked once per word and thread, so
        // read without the text's evidence.
        let listed = |f: &str| self.names.inner.org_tails.iter().any(|(n, _)| n == f);
        let closes = |k: usize| {
            let w = self.tokens[k].text;
            memo_word!(self.names.id(), self.lang, w, || {
                listed(&fold(w))
                    || self.lang == Lang::Kk && listed(&self.plain_lemma(w, Lang::Kk))
                    || adjectival(w)
                        && self.names.inner.org_tails.iter().any(|(n, _)| {
                            adjectival(n)
                                && fold(w).starts_with(n.trim_end_matches(['ы', 'и', 'й']))
                        })
            })
        };
        // (The first word too, after a capitalised word the split took off: Нью-Йорк Таймс.)
        let after_capital = first.checked_sub(1).is_some_and(|p| {
            is_capitalized(self.tokens[p].text)
                && plain_gap(
                    self.text,
                    self.tokens[p].span.end,
                    self.tokens[first].span.start,
                )
        });
        let from = if after_capital { first } else { first + 1 };
        if let Some(k) = (from..=last).find(|&k| closes(k)) {
            return Some(k);
        }
        let next = self.tokens.get(last + 1)?;
        let w = self.tokens[last].text;
        (is_capitalized(next.text)
            && plain_gap(self.text, self.tokens[last].span.end, next.span.start)
            && self.org_tail_word(next.text)
            && self.lemma(w, self.lang) == fold(w))
        .then_some(last + 1)
    }

    /// The last token of a firm's name of `firm_names.tsv` that the name at tokens
    /// `first..=last` begins with (Голдман Сакса, Дж.П.Морган Чейздің): the words as written,
    /// the last also as read.
    fn firm_at(&self, first: usize, last: usize) -> Option<usize> {
        let firms = &self.names.tables().firms;
        // Most names open no firm's name: the first word is asked once per thread.
        let opens_firm = memo_word!(self.names.id(), self.lang, self.tokens[first].text, || {
            let c = crate::data::compact(self.tokens[first].text);
            !c.is_empty() && firms.iter().any(|f| f.starts_with(c.as_str()))
        });
        if !opens_firm {
            return None;
        }
        let mut so_far = String::new();
        let mut found = None;
        for k in first..=last {
            let w = self.tokens[k].text;
            let before = so_far.len();
            so_far.push_str(&crate::data::compact(w));
            if firms.contains(&so_far) {
                found = Some(k);
            } else if k == last {
                let read = format!(
                    "{}{}",
                    &so_far[..before],
                    crate::data::compact(&self.lemma(w, self.lang))
                );
                if firms.contains(&read) {
                    found = Some(k);
                }
            }
        }
        found
    }

    /// Whether the word is a case form of an `org_tail` word: the word with its last vowel,
    /// soft sign or й dropped, then up to five letters of endings (Университета,
    /// Университетінің, Интеллектуальных); remembered per thread.
    fn org_tail_word(&self, w: &str) -> bool {
        memo_word!(self.names.id(), self.lang, w, || {
            let f = fold(w);
            self.names.inner.org_tails.iter().any(|(n, _)| {
                let base = n.trim_end_matches(['а', 'я', 'о', 'е', 'ь', 'й', 'ы', 'і']);
                f.strip_prefix(base)
                    .is_some_and(|e| e.chars().count() <= 5 && e.chars().all(crate::text::is_alpha))
            })
        })
    }

    /// Whether a lower-case word for a company, team or party stands right after token `last`
    /// (Kazakh `org_after`: Фарго компаниясы) or right before token `first` (Russian
    /// `org_before`: банка Wells Fargo).
    fn next_to_org_noun(&self, first: usize, last: usize) -> bool {
        let is_org = |w: &str, after: bool| {
            let f = fold(w);
            self.names.inner.org_nouns.iter().any(|(n, l, a)| {
                *a == after
                    && *l == self.lang
                    && match l {
                        Lang::Kk => f.starts_with(n.as_str()),
                        // A case form of the noun itself, never a longer word (журналиста).
                        _ => {
                            let base = n.trim_end_matches(['а', 'я', 'о', 'е', 'ь', 'й']);
                            f.strip_prefix(base).is_some_and(|e| {
                                e.chars().count() <= 3
                                    && e.chars().all(|c| "аяоеиыуюймх".contains(c))
                            })
                        }
                    }
            })
        };
        let next = self.tokens.get(last + 1).filter(|t| {
            !is_capitalized(t.text)
                && plain_gap(self.text, self.tokens[last].span.end, t.span.start)
        });
        let prev = first
            .checked_sub(1)
            .and_then(|k| self.tokens.get(k))
            .filter(|t| {
                !is_capitalized(t.text)
                    && plain_gap(self.text, t.span.end, self.tokens[first].span.start)
            });
        // Kazakh `X бас директоры`, `X президенті`: a title in the 3rd-person possessive after
        // the name makes it the organisation or country the title belongs to; a person's
        // associate is a person's (Уилердің кеңесшісі).
        let owner_of_title = self.lang == Lang::Kk
            && next.is_some_and(|t| {
                let t = if fold(t.text) == "бас" {
                    match self.tokens.get(last + 2) {
                        Some(n) => n,
                        None => return false,
                    }
                } else {
                    t
                };
                self.possessive_title(t.text)
                    && !crate::cues::relative_kk(self.names.tables(), t.text)
            });
        owner_of_title
            || next.is_some_and(|t| is_org(t.text, true))
            || prev.is_some_and(|t| is_org(t.text, false))
    }

    /// Whether the word is a Kazakh title in the 3rd-person possessive (президенті), maybe
    /// with a case ending; depends only on the word and the language, so remembered per thread.
    fn possessive_title(&self, w: &str) -> bool {
        memo_word!(self.names.id(), self.lang, w, || {
            let f = fold(w);
            self.kk_title_stops.iter().any(|s| {
                (s.ends_with('ы') || s.ends_with('і'))
                    && s.chars().count() >= 5
                    // Only case endings may follow the possessive (президентінің), no
                    // derivation (басшылығында).
                    && f.strip_prefix(s.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['н', 'м']))
            })
        })
    }

    /// Whether the word is a form of a `geo_after` or `geo_before` noun; depends only on the
    /// word, the class and the language, so computed once per thread.
    fn is_geo_noun(&self, w: &str, class: &str) -> bool {
        let (after, list) = match class {
            "geo_after" => (true, &self.names.inner.geo_after),
            _ => (false, &self.names.inner.geo_before),
        };
        let test = || {
            let f = fold(w);
            list.iter().any(|(w, l)| {
                (*l == self.lang || self.lang == Lang::Other)
                    && (f == *w
                        || match l {
                            // The head of a Kazakh place name takes the 3rd-person possessive,
                            // maybe after the plural (Қостанай облысы, Абай көшесінде, Канар
                            // аралдары); a noun with a case ending alone is no part of the name
                            // (Тоқаев облысқа барды `went to the region`). The bare noun may
                            // head a longer compound (Киров су қоймасы).
                            Lang::Kk => {
                                w.chars().count() >= 2
                                    && f.strip_prefix(w.as_str()).is_some_and(|rest| {
                                        w.ends_with(['ы', 'і'])
                                            || crate::kk::opens_with_poss3(
                                                self.names.tables(),
                                                rest,
                                            )
                                    })
                            }
                            _ => inflects(&f, w, Lang::Ru),
                        })
            })
        };
        // One memory for each class.
        if after {
            memo_word!(self.names.id(), self.lang, w, test)
        } else {
            memo_word!(self.names.id(), self.lang, w, test)
        }
    }

    /// Whether the word's reading ends in a surname formant of three or more letters (-енко,
    /// -ский, -швили), strong enough to count at a sentence start.
    fn strong_surname_ending(&self, w: &str) -> bool {
        let l = self.lemma(w, self.word_lang());
        // A common noun may end the same way (Женщины: женщина).
        if self.lang == Lang::Ru && crate::cues::ru_common_word(self.names.tables(), w) {
            return false;
        }
        // Kazakh words are not spelled with в: there -ов and -ев end surnames only
        // (Досжановтан, Бекенов), Russian place names aside, which the gazetteer knows.
        let tables = self.names.tables();
        l.chars().count() >= 6
            && (self.lang == Lang::Kk && crate::kk::family_surname(tables, &l)
                || tables.surname_endings.iter().any(|e| {
                    e.class == "surname"
                        && e.ending.chars().count() >= 3
                        && l.ends_with(e.ending.as_str())
                }))
    }

    /// Whether the word is a form of a person title; depends only on the word and the
    /// language, so computed once per thread.
    fn title_word(&self, w: &str) -> bool {
        memo_word!(self.names.id(), self.lang, w, || {
            let t = self.names.tables();
            let f = fold(w);
            for l in [Lang::Ru, Lang::Kk] {
                if t.word_is(&f, l, "title") {
                    return true;
                }
            }
            if self.lang != Lang::Kk {
                let st = snowball().stem(&f);
                if st.chars().count() >= 3 && self.names.inner.ru_title_stems.contains(st.as_ref())
                {
                    return true;
                }
            }
            self.lang != Lang::Ru
                && self
                    .kk_title_stops
                    .iter()
                    .any(|s| s.chars().count() >= 5 && inflects(&f, s, Lang::Kk))
        })
    }

    /// Whether a Kazakh honorific (`honorific` in `words.tsv`) follows token `k`, bare or with a
    /// case suffix (Ағынтай батыр, Кабус сұлтанды): a person's name. Not in the possessive
    /// (Қазақ батыры `hero of the Kazakhs`), and not before a possessive noun (Қоңыр әулие
    /// мекені `the abode of saint Qonyr`, a place).
    fn honorific_follows(&self, k: usize) -> bool {
        let t = self.names.tables();
        self.lang == Lang::Kk
            && self.tokens.get(k + 1).is_some_and(|n| {
                n.text.chars().next().is_some_and(char::is_lowercase)
                    && plain_gap(self.text, self.tokens[k].span.end, n.span.start)
                    && crate::kk::candidates(t, n.text).iter().any(|c| {
                        !c.kinds.iter().any(|x| x == "poss3")
                            && t.word_is(&c.lemma, Lang::Kk, "honorific")
                    })
            })
            && !self.bare_before_poss3_noun(k + 1)
    }

    /// Whether the word right before token `i` is a person title (президент, министр, мырза).
    fn after_title(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        // Look back over up to four words of a title phrase (Генеральным секретарем ООН).
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            // A title must stand in the same sentence.
            let gap = self
                .text
                .get(self.tokens[j - 1].span.end..self.tokens[j].span.start)
                .unwrap_or("");
            if gap.contains([
                '.', '!', '?', '\n', ';', '…', '«', '»', '"', '“', '”', '„', '‘', '’',
            ]) {
                return false;
            }
            j -= 1;
            steps += 1;
            let prev = &self.tokens[j];
            if self.title_word(prev.text) {
                return true;
            }
            // Only organisation names and capitalised words may stand between.
            if !(is_all_caps(prev.text) || is_capitalized(prev.text)) {
                return false;
            }
        }
        false
    }
}

/// Per-thread answers of a test that depends only on a word, the language and the normalizer:
/// (normalizer id, language) -> word -> answer. The few (id, language) pairs of a thread are
/// searched in a list (one hash lookup per answer, of the word).
#[allow(clippy::type_complexity)]
pub(crate) struct WordMemo<V = bool>(
    std::cell::RefCell<Vec<((u64, Lang), rustc_hash::FxHashMap<String, V>)>>,
);

impl<V> Default for WordMemo<V> {
    fn default() -> Self {
        WordMemo(Default::default())
    }
}

/// `memo_word!(id, lang, w, test)`: `test()`, the answer for the word `w` in `lang`, remembered
/// per thread under `id` (a normalizer's [`Names::id`], a set of tables' id, or 0 for a test
/// that depends on the word alone). Each use of the macro keeps its own [`WordMemo`]. The test
/// is a closure; one that answers other than `bool` names its type: `|| -> Rc<[usize]> { .. }`.
macro_rules! memo_word {
    ($id:expr, $lang:expr, $w:expr, || -> $v:ty { $($body:tt)* }) => {{
        thread_local! {
            static MEMO: $crate::mentions::WordMemo<$v> = $crate::mentions::WordMemo::default();
        }
        $crate::mentions::word_memo(&MEMO, $id, $lang, $w, || -> $v { $($body)* })
    }};
    ($id:expr, $lang:expr, $w:expr, $test:expr) => {{
        thread_local! {
            static MEMO: $crate::mentions::WordMemo = $crate::mentions::WordMemo::default();
        }
        $crate::mentions::word_memo(&MEMO, $id, $lang, $w, $test)
    }};
}
pub(crate) use memo_word;

/// `test()`, the answer for `w` in `lang` under `id` (see [`memo_word`]), remembered in `cache`
/// (looked up without allocating).
pub(crate) fn word_memo<V: Clone>(
    cache: &'static std::thread::LocalKey<WordMemo<V>>,
    id: u64,
    lang: Lang,
    w: &str,
    test: impl FnOnce() -> V,
) -> V {
    let key = (id, lang);
    let hit = cache.with(|c| {
        c.0.borrow()
            .iter()
            .find(|e| e.0 == key)
            .and_then(|e| e.1.get(w).cloned())
    });
    if let Some(b) = hit {
        return b;
    }
    let b = test();
    cache.with(|c| {
        let mut c = c.0.borrow_mut();
        // At most RAW_CACHE_MAX answers per cache and thread, over all instances and languages.
        if c.iter().map(|e| e.1.len()).sum::<usize>() >= crate::RAW_CACHE_MAX {
            c.clear();
        }
        let at = match c.iter().position(|e| e.0 == key) {
            Some(at) => at,
            None => {
                c.push((key, Default::default()));
                c.len() - 1
            }
        };
        c[at].1.insert(w.to_string(), b.clone());
    });
    b
}

/// Whether the word at byte `start` opens a sentence or a quotation: only spaces, quotes,
/// dashes and bullets stand between it and the text start, a line break or `.!?…:`.
fn opens_sentence(text: &str, start: usize) -> bool {
    for c in text.get(..start).unwrap_or("").chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | '…' | ':' => return true,
            ' ' | '\t' | '\u{a0}' | '«' | '»' | '"' | '“' | '”' | '„' | '\'' | '(' | '-' | '–'
            | '—' | '•' | '*' => continue,
            _ => return false,
        }
    }
    true
}

/// Whether a Russian word has an adjectival case ending (a surname in -ский or an adjective).
fn adjectival(w: &str) -> bool {
    // Depends only on the word: remembered per thread (id 0: no tables).
    memo_word!(0, Lang::Other, w, || adjectival_uncached(w))
}

/// [`adjectival`], computed.
fn adjectival_uncached(w: &str) -> bool {
    // Every ending below ends in one of these letters: most words are told by their last.
    let last = w.chars().next_back().map(text::lower);
    if !matches!(
        last,
        Some('й' | 'о' | 'у' | 'м' | 'х' | 'е' | 'ё' | 'я' | 'ю' | 'и')
    ) {
        return false;
    }
    let f = fold(w);
    if f.chars().count() < 5 || !f.chars().all(|c| text::is_cyrillic(c) || c == '-') {
        return false;
    }
    [
        "ской",
        "ского",
        "скому",
        "ским",
        "ском",
        "ских",
        "ские",
        "ская",
        "ский",
        "скую",
        "цкой",
        "цкого",
        "цкий",
        "цкая",
        "ной",
        "ная",
        "ный",
        "ных",
        "ным",
        "ного",
        "ному",
        "ные",
        "ное",
        "ную",
        // Soft and sibilant stems only: -ей after other letters ends given names (Сергей,
        // Алексей, Гергей).
        "ней",
        "шей",
        "жей",
        "чей",
        "щей",
        "его",
        "ему",
        "ими",
        "ыми",
        "ого",
        "ому",
    ]
    .iter()
    .any(|e| f.ends_with(e))
}

/// Whether `w` is a Russian case form of an `award` noun of `awards`, or of an `institution`
/// noun written capitalised: the noun's stem, then up to three letters of endings (премию,
/// Кубка, медалью, Университете).
fn award_noun_ru(awards: &[(String, Lang, bool)], w: &str) -> bool {
    let f = fold(w);
    let capital = is_capitalized(w);
    awards.iter().any(|(a, l, institution)| {
        *l == Lang::Ru && (capital || !institution) && {
            let base = a.trim_end_matches(['а', 'я', 'о', 'е', 'ь', 'й', 'и']);
            f.strip_prefix(base).is_some_and(|e| {
                e.chars().count() <= 3 && e.chars().all(|c| "аяоеиыуюймхь".contains(c))
            })
        }
    })
}

/// The words of a gazetteer person's Russian and Kazakh forms.
fn name_words(p: &kzalign_gazetteer::Person) -> impl Iterator<Item = &str> {
    p.ru.iter()
        .chain(p.kk.iter())
        .flat_map(|f| f.split_whitespace())
}

/// Whether `lemma` (folded) is a word of one of the person's Russian or Kazakh forms.
fn has_name_word(p: &kzalign_gazetteer::Person, lemma: &str) -> bool {
    name_words(p).any(|w| fold(w) == lemma)
}

/// [`has_name_word`], or `lemma` spells one of those words otherwise (Эмманюэль for
/// Эммануэль).
fn has_name_word_spelled(p: &kzalign_gazetteer::Person, lemma: &str) -> bool {
    has_name_word(p, lemma) || {
        let s = crate::key::skeleton(lemma);
        s.len() >= 5 && name_words(p).any(|w| crate::key::keys_match(&crate::key::skeleton(w), &s))
    }
}

/// A group of adjacent name-like tokens.
struct Group {
    first: usize,
    last: usize,
}

/// Recent results of one finder on this thread: (instance id, lang, text, mentions).
type Recent = std::cell::RefCell<Vec<(u64, Lang, String, Vec<Mention>)>>;

/// How many recent texts each finder remembers (callers often ask twice about one text).
const RECENT: usize = 8;

/// `find(text)`, remembered for the last few texts of this thread.
fn memo(
    cache: &'static std::thread::LocalKey<Recent>,
    names: &Names,
    text: &str,
    lang: Lang,
    find: impl FnOnce() -> Vec<Mention>,
) -> Vec<Mention> {
    let id = names.inner.id;
    let hit = cache.with(|c| {
        c.borrow()
            .iter()
            .find(|(i, l, t, _)| *i == id && *l == lang && t == text)
            .map(|e| e.3.clone())
    });
    if let Some(m) = hit {
        return m;
    }
    let m = find();
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= RECENT {
            c.remove(0);
        }
        c.push((id, lang, text.to_string(), m.clone()));
    });
    m
}

thread_local! {
    static RECENT_PERSONS: Recent = const { std::cell::RefCell::new(Vec::new()) };
    static RECENT_PLACES: Recent = const { std::cell::RefCell::new(Vec::new()) };
}

pub(crate) fn persons(names: &Names, text: &str, lang: Lang) -> Vec<Mention> {
    memo(&RECENT_PERSONS, names, text, lang, || {
        // Kazakh in the Latin alphabet is read in its Cyrillic reading.
        match KazakhLatin::of(text, lang) {
            Some(cyr) => cyr.mentions_back(text, persons_uncached(names, &cyr.text, lang)),
            None => persons_uncached(names, text, lang),
        }
    })
}

fn persons_uncached(names: &Names, text: &str, lang: Lang) -> Vec<Mention> {
    let cx = Ctx::new(names, text, lang);
    let n = cx.tokens.len();
    // Words inside multi-word place names (Сауд Арабиясы, Южная Корея) are no persons.
    // The same as `places(names, text, lang)`: remembered, since callers often read the places
    // of a text before its persons.
    let place_spans: Vec<Span> = memo(&RECENT_PLACES, names, text, lang, || places_in(&cx))
        .into_iter()
        .filter(|m| m.text.contains(' '))
        .map(|m| m.span)
        .collect();
    let like: Vec<bool> = cx
        .tokens
        .iter()
        .enumerate()
        .map(|(k, t)| cx.name_like(k) && !place_spans.iter().any(|p| p.overlaps(&t.span)))
        .collect();
    let mut like = like;
    for k in crate::latin::name_tokens(names, &cx.tokens, text, cx.lang)
        .into_iter()
        .chain(crate::cues::article_name_tokens(&cx.tokens))
    {
        like[k] = true;
    }
    // Groups of adjacent name-like words separated by plain spaces.
    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < n {
        if !like[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        // Name words so far (particles do not count): at most four. Places do not count, at the
        // start (Астанада Кир Стармер Мәулен Әшімбаевпен) or between two names (Қасым-Жомарт
        // Тоқаев Астанада Ілхам Әлиевпен): the split below takes them off, or a place opens an
        // organisation's name (Нью-Йорк Таймс).
        // (Asked only of a run that reaches four words.)
        let mut words = 1;
        let room = |words: usize, last: usize| {
            words < 4
                || words
                    - (i..=last)
                        .filter(|&k| cx.person_evidence_at(k) < 3 && cx.is_place(cx.tokens[k].text))
                        .count()
                    < 4
        };
        loop {
            // One or two lower-case particles between two name words (фон, ван, де, аль; фон
            // дер), anywhere in the name (Мария да Пьедеде де Хесус, Урсула фон дер Ляйен).
            let particles = (1..=2).find(|&p| {
                j + p + 1 < n
                    && like[j + p + 1]
                    && (j + 1..=j + p).all(|k| !like[k] && cx.is_particle(cx.tokens[k].text))
            });
            if let Some(p) = particles.filter(|&p| {
                (j + 1..=j + p).all(|k| {
                    crate::kk::particle_joins(
                        names.tables(),
                        cx.lang,
                        cx.tokens[j].text,
                        cx.tokens[k].text,
                        cx.tokens[j + p + 1].text,
                    )
                }) && (j..=j + p)
                    .all(|k| plain_gap(text, cx.tokens[k].span.end, cx.tokens[k + 1].span.start))
            }) {
                j += p + 1;
                words += 1;
                continue;
            }
            if j + 1 < n
                && like[j + 1]
                && room(words, j)
                && (plain_gap(text, cx.tokens[j].span.end, cx.tokens[j + 1].span.start)
                    || cx.initial_at(j)
                        && text
                            .get(cx.tokens[j].span.end..cx.tokens[j + 1].span.start)
                            .is_some_and(|g| {
                                let g = g.strip_prefix(' ').unwrap_or(g);
                                g.starts_with('.')
                                    && g.len() <= 3
                                    && g[1..].chars().all(|c| c == ' ' || c == '-')
                            }))
            {
                j += 1;
                words += 1;
                continue;
            }
            break;
        }
        groups.push(Group { first: i, last: j });
        i = j + 1;
    }
    // A gazetteer person's full name inside a longer run is a name of its own (Қасым-Жомарт
    // Тоқаев Ақжол Ізбасаровпен; Риме Касым-Жомарт Токаев).
    let groups: Vec<Group> = groups
        .into_iter()
        .flat_map(|g| cx.split_at_full_names(g))
        .collect();
    // Split groups that hold more than one name or a place between names.
    let mut split: Vec<Group> = Vec::new();
    for g in groups {
        let mut start = g.first;
        // Whether token k was kept as a given name though it names a place too.
        let mut given_place = false;
        for k in g.first..=g.last {
            let t = cx.tokens[k].text;
            // (A place that reads as a given name too, before a word with a surname ending, is
            // the given name, and that word its surname even when it names a place too: через
            // Анатолия Луначарского, Анатолия Петрова, Анатолия Иванова; not Алматыдан
            // Ростовқа.)
            let keep_given = || {
                k < g.last
                    && cx.is_given_word(t)
                    && (cx.strong_surname_ending(cx.tokens[k + 1].text)
                        || cx.person_evidence_at(k + 1) == 1)
                    && (!cx.is_place(cx.tokens[k + 1].text) || cx.given_agrees(k))
            };
            let is_place = cx.is_place(t);
            let kept = is_place && keep_given();
            let place = is_place
                && cx.person_evidence_at(k) < 3
                && !(k == g.last && cx.surname_after_given(start, k))
                && !kept
                && !given_place;
            given_place = kept;
            if place {
                if k > start {
                    split.push(Group {
                        first: start,
                        last: k - 1,
                    });
                }
                start = k + 1;
                continue;
            }
            // «Стивен Феррис Джек Карти»: a given name after a full name (two words, or a
            // word with a surname ending, or a gazetteer person's surname that this given name
            // is not one of: Тоқаев Әсет Мамыровты, but Тоқаев Қасым-Жомарт) starts a new name;
            // not a given name and patronymic after a surname with no given name before it, the
            // order of official lists (Иванов Иван Иванович, Кертаев Ринат Думанұлы).
            let surname_given_patronymic = || {
                k < g.last
                    && (k == start + 1 || !cx.is_given_word(cx.tokens[k - 2].text))
                    && cx.may_be_patronymic(k + 1)
            };
            if k > start
                && (k - start >= 2
                    || cx.person_evidence_at(k - 1) == 1
                    || cx.person_evidence_at(k - 1) == 3
                        && !cx.person_has_word(cx.tokens[k - 1].text, t))
                && cx.is_given_word(t)
                && !cx.is_given_word(cx.tokens[k - 1].text)
                && !cx.initial_at(k - 1)
                && !cx.is_particle(cx.tokens[k - 1].text)
                && !surname_given_patronymic()
            {
                split.push(Group {
                    first: start,
                    last: k - 1,
                });
                start = k;
            }
            // «Лондон Брид Трампты»: a word that alone names a gazetteer person, after a word that
            // is none of that person's names, starts a new name.
            if k > start && !cx.is_given_word(t) && !cx.is_given_word(cx.tokens[k - 1].text) {
                if let Some(p) = cx.person_named_by(t) {
                    let own = has_name_word_spelled(p, &cx.lemma(cx.tokens[k - 1].text, cx.lang));
                    if !own && !cx.is_particle(cx.tokens[k - 1].text) && !cx.initial_at(k - 1) {
                        split.push(Group {
                            first: start,
                            last: k - 1,
                        });
                        start = k;
                    }
                }
            }
            // «Путину Иванов»: a word that alone names a gazetteer person ends the name before a
            // word that is none of that person's names (nor a given name, patronymic or particle).
            if k > start
                && !cx.is_given_word(t)
                && !cx.is_given_word(cx.tokens[k - 1].text)
                && !cx.patronymic_at(k)
                && !cx.is_particle(t)
                && !cx.is_particle(cx.tokens[k - 1].text)
                && !cx.initial_at(k - 1)
            {
                // (Five letters or more: Хань is not Абылай хан.)
                let prev = cx.tokens[k - 1].text;
                let named = (prev.chars().count() >= 5)
                    .then(|| cx.person_named_by(prev))
                    .flatten();
                if let Some(p) = named {
                    if !has_name_word_spelled(p, &cx.lemma(t, cx.lang)) {
                        split.push(Group {
                            first: start,
                            last: k - 1,
                        });
                        start = k;
                    }
                }
            }
            // In Kazakh only the last word of a name takes a case suffix; a word before a name
            // particle takes none (Пьедеде де Хесус).
            if cx.lang == Lang::Kk
                && k < g.last
                && !cx.is_particle(cx.tokens[k + 1].text)
                && cx.inflected_kk(t)
                && !cx.foreign_given_in_da(k)
                && !cx.given_like_suffix_kk(k, g.last)
            {
                split.push(Group {
                    first: start,
                    last: k,
                });
                start = k + 1;
            }
        }
        if start <= g.last {
            split.push(Group {
                first: start,
                last: g.last,
            });
        }
    }
    // Decide which groups are persons.
    let mut found: Vec<(Group, u8)> = Vec::new();
    let mut pending: Vec<(Group, bool)> = Vec::new();
    for g in split {
        let mut first = g.first;
        let mut last = g.last;
        // A split may leave a name particle at an edge (Мария да | Пьедеде де Хесус).
        while first < last && cx.is_particle(cx.tokens[first].text) {
            first += 1;
        }
        while last > first && cx.is_particle(cx.tokens[last].text) {
            last -= 1;
        }
        // Leading adjectives (Трудящихся Луиза Ханун) belong to an organisation's name.
        while first < last && adjectival(cx.tokens[first].text) && cx.person_evidence_at(first) < 2
        {
            first += 1;
        }
        // Two or three Russian words none of which is a common word, before a lower-case word,
        // read as a foreign given name and surname even unlisted (Воррен Гатланд объявляет).
        // Kazakh capitalises no second word of a common phrase, so there the same holds for
        // words without the letters only Kazakh has, the last in any case form (Раби Пирзаданы).
        let foreign_pair = cx.lang != Lang::Other
            && last > first
            && last - first <= 2
            && cx.tokens.get(last + 1).is_some_and(|t| {
                t.text.chars().next().is_some_and(char::is_lowercase)
                    && plain_gap(text, cx.tokens[last].span.end, t.span.start)
            })
            && (first..=last).all(|k| {
                let w = cx.tokens[k].text;
                match cx.lang {
                    Lang::Kk => {
                        let stem = if k == last {
                            cx.lemma(w, Lang::Kk)
                        } else {
                            fold(w)
                        };
                        (k < last || stem != fold(w))
                            && !cx.common_word(w)
                            && !crate::kk::is_common_word(names.tables(), w)
                            && (crate::cues::foreign_looking(names.tables(), &stem)
                                // A given name of three letters before the surname (Ули
                                // Маурермен).
                                || k < last
                                    && stem.chars().count() == 3
                                    && crate::cues::foreign_spelling(&stem))
                            && crate::cues::foreign_name_word(names.tables(), &stem)
                    }
                    _ => !cx.common_word(w) && crate::cues::foreign_name_word(names.tables(), w),
                }
            });
        // A sentence-initial word joins a name only when it is a name itself (Встреча Енчи).
        // (The sentence start is asked last: it may split a line into sentences.)
        if first < last
            && !foreign_pair
            && !cx.initial_at(first)
            && cx.person_evidence_at(first) == 0
            && cx.starts_at(cx.tokens[first].span.start)
        {
            first += 1;
        }
        // A capitalised cardinal opens the name of a place, team or organisation, not of a
        // person (Қырық Уильямға `to Fort William`, Три Толстяка).
        if last > first
            && names
                .tables()
                .word_is(cx.tokens[first].text, cx.word_lang(), "numeral")
        {
            continue;
        }
        let g = Group { first, last };
        // Kazakh words in the locative, `-дағы`, or the plural are no persons (Сомалидегі,
        // Адамдар), unless the gazetteer knows them.
        let mut g = g;
        let whole_last = g.last;
        while cx.lang == Lang::Kk
            && g.last >= g.first
            && cx.person_evidence_at(g.last) < 3
            && cx.non_person_kk(cx.tokens[g.last].text)
        {
            if g.last == g.first {
                break;
            }
            g.last -= 1;
            while g.last > g.first && cx.is_particle(cx.tokens[g.last].text) {
                g.last -= 1;
            }
        }
        // (After a title, a foreign word in -да is rather a name: Свами Вивекананда.)
        if cx.lang == Lang::Kk
            && g.first == g.last
            && cx.person_evidence_at(g.last) < 3
            && cx.non_person_kk(cx.tokens[g.last].text)
            && !cx.titled_foreign_in_da(g.first)
        {
            continue;
        }
        // The words before a place in the locative belong to that place's name (Альбертин
        // Грабендегі) unless a given name or gazetteer person vouches for a person.
        if g.last < whole_last && (g.first..=g.last).all(|k| cx.person_evidence_at(k) < 2) {
            continue;
        }
        // A lone word in the prepositional after в or на names a place (в Турине, на
        // Сахалине) unless the gazetteer knows a person by it (в Путине).
        if g.first == g.last
            && cx.person_evidence_at(g.first) < 3
            && cx.after_place_preposition(g.first)
        {
            continue;
        }
        // A one-word place name after a person's full name, before a word for the place,
        // leaves the person (Иван Дүйсенов Ленинград облысының); a surname or given name
        // there belongs to the place's name (Мағжан Жұмабаев ауданы).
        if g.last > g.first + 1
            && cx.person_evidence_at(g.last) == 0
            && (g.first..g.last).any(|k| cx.person_evidence_at(k) >= 2)
            && cx.before_geo_noun(g.last)
        {
            g.last -= 1;
        }
        // A name that a word such as Университет, Центр or Пресс closes is an organisation's,
        // known person or not (Назарбаев Университеті, Франс Пресс), and so is a firm's name
        // of `firm_names.tsv` (Голдман Сакс); words after it are a name of their own
        // (Ассошиэйтед Пресс Билал Хуссейн).
        match cx
            .org_tail_at(g.first, g.last)
            .or_else(|| cx.firm_at(g.first, g.last))
        {
            Some(k) if k < g.last => g.first = k + 1,
            Some(_) => continue,
            None => {}
        }
        // (The cheap test first: a sentence start may split a line into sentences.)
        let initial = opens_sentence(text, cx.tokens[g.first].span.start)
            || cx.starts_at(cx.tokens[g.first].span.start)
            || text[..cx.tokens[g.first].span.start]
                .trim_end()
                .ends_with(['«', '"', '“', '„', ':', '–', '—']);
        let mut ev = 0u8;
        for k in g.first..=g.last {
            ev = ev.max(cx.person_evidence_at(k));
        }
        // A Russian patronymic follows a given name: a lone word that reads only as one is
        // rather an adjective (Шестидневной войны: not `Шестидневна`). (Kazakh -ұлы and -қызы
        // names stand alone as surnames.)
        if cx.lang == Lang::Ru && g.first == g.last && ev == 3 && cx.patronymic_only(g.first) {
            ev = 0;
        }
        let cue = crate::cues::person_cue_nearby(
            names.tables(),
            text,
            cx.tokens[g.first].span.start,
            cx.tokens[g.last].span.end,
            cx.lang,
        );
        let titled = cue || cx.after_title(g.first);
        // Kazakh common words capitalised at a sentence start or in an organisation's name,
        // even after a title a few capitalised words back (Үкімет басшысы Асқар Мамин Ауыл
        // шаруашылығы министрлігі): only a title right before one makes it a name.
        let title_right_before = g
            .first
            .checked_sub(1)
            .is_some_and(|p| cx.title_word(cx.tokens[p].text));
        if cx.lang == Lang::Kk
            && !(cue || title_right_before)
            && (g.first..=g.last).all(|k| crate::kk::common_not_name(names, cx.tokens[k].text))
        {
            continue;
        }
        // A Kazakh plural of a common noun names a group, even after a title (Commerzbank
        // басшысы - Банктер ...); first in a longer name it names an organisation (Әйелдер
        // Инжинирингі).
        if cx.lang == Lang::Kk
            && (g.first..=g.last).all(|k| cx.person_evidence_at(k) < 2)
            && crate::kk::candidates(names.tables(), cx.tokens[g.first].text)
                .iter()
                .any(|c| {
                    c.kinds.iter().any(|k| k == "plural")
                        && crate::kk::common_not_name(names, &c.lemma)
                })
        {
            continue;
        }
        // A bare Kazakh common word before a noun with the 3rd-person possessive is the first
        // half of a compound, not a person, even when it is also a given name (Адам ресурстары
        // `human resources`; a person would be in the genitive: Адамның).
        if cx.lang == Lang::Kk
            && g.first == g.last
            && !titled
            && cx.person_evidence_at(g.first) < 3
            && cx.compound_head_kk(g.first)
        {
            continue;
        }
        // A bare Kazakh common word that opens a sentence joined by `and` to a lower-case word
        // is that word, even when it is also a given name (Әділ және ашық, Ана мен бала).
        if cx.lang == Lang::Kk
            && g.first == g.last
            && !titled
            && initial
            && cx.person_evidence_at(g.first) < 3
            && cx.common_and_lower(g.first)
        {
            pending.push((g, true));
            continue;
        }
        let lowered = (g.first..=g.last).all(|k| cx.written_lower(&fold(cx.tokens[k].text)));
        if lowered {
            continue;
        }
        let only_initials = (g.first..=g.last).all(|k| cx.initial_at(k));
        if only_initials {
            continue;
        }
        // Capitalised adjectives belong to names of organisations and places
        // (Демократической партии, Соединенных Штатов) unless a given name vouches for a person.
        // They join only when a confident mention of the text shares their key (Александр
        // Вертинский ... Вертинского).
        // A surname in -ский after a first word that is no adjective and no common word is a
        // person's (Гата Камский, Исидор Анненский): names of places and organisations put
        // their adjective first (Северный Казахстан).
        let given_and_ski = cx.lang == Lang::Ru
            && g.last == g.first + 1
            && !adjectival(cx.tokens[g.first].text)
            && crate::cues::foreign_name_word(names.tables(), cx.tokens[g.first].text)
            && cx.person_evidence_at(g.last) == 1;
        if ev < 2 && !given_and_ski && (g.first..=g.last).any(|k| adjectival(cx.tokens[k].text)) {
            pending.push((g, true));
            continue;
        }
        let size = g.last - g.first + 1;
        // A name inside quotation marks is a title or a brand («Абай жолы», «Хабар»).
        // (Up to two capitalised words of the title may stand before the name: « Ю Эс Ньюс »,
        // « САТ Сабджект Тест », « Астана Медиа Уиктың ».)
        let mut open = g.first;
        while open > 0
            && g.first - open < 2
            && is_capitalized(cx.tokens[open - 1].text)
            && plain_gap(
                text,
                cx.tokens[open - 1].span.end,
                cx.tokens[open].span.start,
            )
        {
            open -= 1;
        }
        let quoted = (open..=g.first).any(|k| {
            text[..cx.tokens[k].span.start]
                .trim_end()
                .ends_with(['«', '"', '“', '„', '‘'])
        }) && {
            // ... and a closing quote follows within three words.
            let end = cx
                .tokens
                .get(g.last + 3)
                .map_or(text.len(), |t| t.span.start);
            text.get(cx.tokens[g.last].span.end..end).is_some_and(|r| {
                r.split('\n')
                    .next()
                    .unwrap_or("")
                    .contains(['»', '"', '”', '’'])
            })
        };
        if quoted && !titled && (size == 1 || ev < 3) {
            continue;
        }
        // A name before a word for a street, district or village names that place
        // (Дәулет аулында, Жданов аулына, улица Абая).
        if cx.before_geo_noun(g.last)
            || cx.after_geo_noun(g.first)
            || cx.opens_with_geo_noun(g.first, g.last)
            || cx.names_a_day(g.first, g.last)
            || cx.listed_with_geo_noun(g.first, g.last)
        {
            continue;
        }
        // A name that an acronym in brackets follows, maybe after more capitalised words of the
        // name, is an organisation's (Нейманн Кафффи Группе ( NKG )) unless a cue or any
        // evidence marks a person (Петров (КПРФ) заявил).
        if ev == 0 && !titled && cx.acronym_follows(g.last) {
            continue;
        }
        // A person an organisation, street or prize is named after is no person of the text
        // (университет имени аль-Фараби; Құрманғазы атындағы консерватория), known or not.
        if cx.namesake(g.first, g.last) {
            continue;
        }
        // A name joined to another by the `and` of a firm's name is the firm's, known person
        // or not (Джонсон энд Джонсон, Procter & Gamble).
        if cx.firm_and(g.first, g.last) {
            continue;
        }
        // Next to a word for a company, team or party the name is the organisation's
        // (банка Wells Fargo, Фарго компаниясы) unless a given name vouches for a person.
        if ev < 2
            && (cx.lang == Lang::Kk || ev == 0 && g.first == g.last)
            && cx.next_to_org_noun(g.first, g.last)
        {
            continue;
        }
        // A lone given name in a case form at a sentence start may be a common word (Russian
        // Веры, Надежды); in Kazakh only when its stem is one (Салтанатты шарада `at the
        // ceremony`; Саматтың жасы `Samat's age` is a person).
        if initial && size == 1 && ev == 2 && !titled {
            let t = cx.tokens[g.first].text;
            let best = cx.lemma(t, cx.lang);
            if best != fold(t)
                && (cx.lang != Lang::Kk || crate::kk::common_word_or_name(names.tables(), &best))
            {
                continue;
            }
        }
        let score = if ev >= 2 || titled || cx.honorific_follows(g.last) {
            3
        } else if ev == 1
            && (!initial
                || size > 1
                || cx.strong_surname_ending(cx.tokens[g.first].text)
                || cx.who_follows(g.last))
            || size >= 2 && (!initial || foreign_pair)
            // Initials before a word mark a person anywhere, a sentence start too (М.П. Джабир).
            || size >= 2
                && cx.initial_at(g.first)
                && !cx.common_word(cx.tokens[g.last].text)
        {
            2
        } else if ev == 1 {
            1
        } else {
            0
        };
        if score >= 2 {
            found.push((g, score));
        } else {
            pending.push((g, initial));
        }
    }
    // Readings of the confident groups; pending single words join when they share a key.
    let mut out: Vec<Mention> = Vec::new();
    let read = |g: &Group| -> Mention {
        let span = Span::new(cx.tokens[g.first].span.start, cx.tokens[g.last].span.end);
        let subject = match cx.lang {
            Lang::Ru => crate::cues::subject_of_verb(names.tables(), text, span.start, span.end),
            // A foreign name in -да after a title was kept as a name, not as a locative.
            Lang::Kk => g.first == g.last && cx.titled_foreign_in_da(g.first),
            Lang::Other => false,
        };
        let norm = names.normalize_in(span.slice(text), cx.lang, Some(cx.ev()), true, subject);
        Mention {
            kind: MentionKind::Person,
            span,
            text: span.slice(text).to_string(),
            lang: norm.lang,
            lemma: norm.lemma,
            key: norm.key,
            latin: norm.latin,
            entity_id: norm.entity_id,
            canonical: norm.canonical,
        }
    };
    for (g, _) in &found {
        out.push(read(g));
    }
    // Pending words join when a confident mention has their key, or when they resolve to a
    // gazetteer person away from a sentence start.
    let keys: HashSet<String> = out.iter().map(|m| m.key.clone()).collect();
    for (g, initial) in &pending {
        let m = read(g);
        // (Read as written: a pending word that only spells like a gazetteer name is another
        // word, АЭС Белене not Van der Bellen.)
        let resolved = m.lemma.chars().count() >= if *initial { 5 } else { 4 }
            && m.entity_id.as_deref().is_some_and(|id| {
                names.inner.gaz.person(id).map_or(true, |p| {
                    m.lemma
                        .split_whitespace()
                        .all(|w| has_name_word(p, &fold(w)))
                })
            });
        if keys.contains(&m.key) || resolved || cx.listed_with_person(g, &found, *initial) {
            out.push(m);
        }
    }
    // Two given names joined by «и» before a plural surname share it (Аркадия и Бориса
    // Ротенбергов): the first, alone, is read with it.
    if cx.lang == Lang::Ru && !cx.ev().plurals.is_empty() {
        share_plural_surname(names, text, &cx.ev().plurals, &mut out);
    }
    // A lone word in the vocative names the person addressed: after a greeting a common word
    // too (Қайырлы таң , Бірлік !); before a second-person pronoun a Kazakh word that is no
    // common word or a listed Russian given name (Риат , сіз эфирдесіз; Ирина , вы ...). Not
    // a place, title or stop word.
    if cx.lang != Lang::Other {
        for (k, tok) in cx.tokens.iter().enumerate() {
            let t = tok.text;
            if !is_capitalized(t) {
                continue;
            }
            // Then by the bytes after the word: most words have no punctuation there.
            let punct_after = text.as_bytes()[tok.span.end..]
                .iter()
                .find(|&&b| b != b' ')
                .is_some_and(|b| matches!(b, b',' | b'.' | b'!' | b'?'));
            if !punct_after
                || is_all_caps(t)
                || t.chars().count() < 3
                || !t.chars().any(text::is_cyrillic)
                || out.iter().any(|m| m.span.overlaps(&tok.span))
            {
                continue;
            }
            let addressed =
                match crate::cues::vocative(names.tables(), text, &cx.tokens, k, cx.lang) {
                    Some(crate::cues::Vocative::Greeted) => true,
                    Some(crate::cues::Vocative::BeforeYou) => match cx.lang {
                        Lang::Kk => !crate::kk::common_word_or_name(names.tables(), t),
                        _ => cx.is_given_word(t),
                    },
                    None => false,
                };
            if addressed
                && !cx.initial_at(k)
                && !cx.is_stop(t)
                && !cx.title_word(t)
                && !cx.is_place(t)
            {
                out.push(read(&Group { first: k, last: k }));
            }
        }
    }
    // A lone given name or reading with an empty key is no person.
    out.retain(|m| !m.key.is_empty());
    out.sort_by_key(|m| m.span);
    let _ = Part::Surname;
    out
}

/// Reads a lone given name followed by «и» and a name whose surname the text writes in the plural
/// (`plurals`, [`Evidence::plurals`]) as that given name with the surname.
fn share_plural_surname(
    names: &Names,
    text: &str,
    plurals: &HashMap<String, String>,
    out: &mut [Mention],
) {
    let shared: Vec<(usize, String)> = out
        .iter()
        .filter(|m| m.text.split_whitespace().count() >= 2)
        .filter_map(|m| {
            let last = m.text.split_whitespace().last()?;
            let surname = plurals.get(&fold(&text::strip_accents(last)))?;
            Some((m.span.start, surname.clone()))
        })
        .collect();
    for (start, surname) in shared {
        let Some(m) = out.iter_mut().find(|m| {
            m.span.end <= start
                && text.get(m.span.end..start) == Some(" и ")
                && !m.text.contains(char::is_whitespace)
        }) else {
            continue;
        };
        // (The singular of the given name's gender: Мария и Анна Ивановы.)
        let feminine = names
            .known(&fold(&m.lemma))
            .is_some_and(|k| k.gender == Some(crate::data::Gender::F));
        let surname = if feminine {
            crate::feminine_surname(&surname)
        } else {
            surname
        };
        let norm = names.normalize_in(
            &format!("{} {}", m.lemma, text::recase(&m.lemma, &surname)),
            Lang::Ru,
            None,
            true,
            false,
        );
        m.lemma = norm.lemma;
        m.key = norm.key;
        m.latin = norm.latin;
        m.entity_id = norm.entity_id;
        m.canonical = norm.canonical;
    }
}

/// Whether text token `tok` is a case form of the place-name word `form` (both folded).
fn place_word_matches(cx: &Ctx, tok: &str, form: &str, lang: Lang) -> bool {
    if tok == form {
        return true;
    }
    if !tok.starts_with(
        &form[..form
            .char_indices()
            .nth(2)
            .map(|x| x.0)
            .unwrap_or(form.len())],
    ) {
        return false;
    }
    let cands = cx.cands(tok, lang, false);
    if cands.iter().any(|(l, _, _)| l == form) {
        return true;
    }
    // Adjectives of multi-word names (Южной Кореи, Саудовской Аравии).
    inflects(tok, form, lang) && form.chars().count() >= 5
}

/// The place forms whose first word shares its first two letters with the word `written`,
/// longer forms first (so that «Южная Корея» wins over «Корея»).
fn place_forms_of<'n>(names: &'n Names, written: &str) -> Option<&'n [(Vec<String>, usize, Lang)]> {
    // The folded form's first two letters are the first two letters folded (fold maps char
    // to char).
    let key: String = written
        .chars()
        .filter(|c| !matches!(c, '\u{0300}' | '\u{0301}'))
        .take(2)
        .map(text::fold_char)
        .collect();
    names.inner.place_forms.get(key.as_str()).map(Vec::as_slice)
}

/// Place forms (indexes into `place_forms_of(written)`, ascending) whose first word the token `written` (folded
/// `tok()`, asked only when not remembered) is a case form of; depends only on the token and the text's language, so remembered
/// per thread.
fn first_place_words<'a>(cx: &Ctx, written: &str, tok: impl FnOnce() -> &'a str) -> Rc<[usize]> {
    memo_word!(cx.names.id(), cx.lang, written, || -> Rc<[usize]> {
        let Some(forms) = place_forms_of(cx.names, written) else {
            return Rc::from([]);
        };
        let tok = tok();
        let script = text::script_lang(written);
        forms
            .iter()
            .enumerate()
            .filter(|(_, (words, _, l))| {
                let wl = match script {
                    Some(Lang::Kk) => Lang::Kk,
                    _ if cx.lang == Lang::Kk => Lang::Kk,
                    _ => *l,
                };
                words
                    .first()
                    .map_or(true, |w| place_word_matches(cx, tok, w, wl))
            })
            .map(|(k, _)| k)
            .collect()
    })
}

pub(crate) fn places(names: &Names, text: &str, lang: Lang) -> Vec<Mention> {
    memo(
        &RECENT_PLACES,
        names,
        text,
        lang,
        || match KazakhLatin::of(text, lang) {
            Some(cyr) => cyr.mentions_back(text, places_in(&Ctx::new(names, &cyr.text, lang))),
            None => places_in(&Ctx::new(names, text, lang)),
        },
    )
}

/// Place mentions of the text of a context already built.
fn places_in(cx: &Ctx) -> Vec<Mention> {
    let (names, text) = (cx.names, cx.text);
    // Folded tokens, folded when first needed.
    let folded: Vec<std::cell::OnceCell<String>> = vec![Default::default(); cx.tokens.len()];
    let fold_at = |k: usize| -> &str {
        folded[k].get_or_init(|| fold(&text::strip_accents(cx.tokens[k].text)))
    };
    let toks: Vec<&Token> = cx.tokens.iter().collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut used = vec![false; toks.len()];
    for i in 0..toks.len() {
        if used[i] {
            continue;
        }
        let t = toks[i];
        if !is_capitalized(t.text) {
            continue;
        }
        // The forms whose first word this token can be (a pure test of the token, remembered).
        let firsts = first_place_words(cx, t.text, || fold_at(i));
        if firsts.is_empty() {
            continue;
        }
        let Some(forms) = place_forms_of(names, t.text) else {
            continue;
        };
        let script = text::script_lang(t.text);
        for &fi in firsts.iter() {
            let (words, pi, l) = &forms[fi];
            if i + words.len() > toks.len() {
                continue;
            }
            let wl = match script {
                Some(Lang::Kk) => Lang::Kk,
                _ if cx.lang == Lang::Kk => Lang::Kk,
                _ => *l,
            };
            // The first word matches ([`first_place_words`]).
            let ok = words.iter().enumerate().all(|(k, w)| {
                !used[i + k] && (k == 0 || place_word_matches(cx, fold_at(i + k), w, wl))
            });
            if !ok {
                continue;
            }
            let last = i + words.len() - 1;
            let span = Span::new(t.span.start, toks[last].span.end);
            let p = &names.place_entries()[*pi];
            // The form whose words fold to `words`.
            let same = |f: &&String| {
                let mut it = f.split_whitespace();
                words
                    .iter()
                    .all(|w| it.next().is_some_and(|x| fold(x) == *w))
                    && it.next().is_none()
            };
            let lemma = match wl {
                Lang::Kk => p.kk.iter().find(same),
                _ => p.ru.iter().find(same),
            }
            .cloned()
            .unwrap_or_else(|| words.join(" "));
            out.push(Mention {
                kind: MentionKind::Place,
                span,
                text: span.slice(text).to_string(),
                lang: cx.lang,
                latin: names.latin_of(&lemma, wl),
                lemma,
                key: p.id.clone(),
                entity_id: Some(p.id.clone()),
                canonical: Some(p.canonical.clone()),
            });
            for u in used.iter_mut().take(last + 1).skip(i) {
                *u = true;
            }
            break;
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

/// Whether a Russian word of a role phrase is an adjective (it agrees with the head noun).
fn role_adjective(w: &str) -> bool {
    [
        "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ей", "его", "ого",
    ]
    .iter()
    .any(|e| w.ends_with(e))
        && w.chars().count() > 4
}

/// Plural endings of a Russian head noun: `ы/и` only after a consonant-final head
/// (президенты), the others always (главами, президентов).
fn plural_remainder(head: &str, rest: &str) -> bool {
    let consonant_head = head.chars().last().is_some_and(|c| !text::is_vowel(c));
    matches!(rest, "ам" | "ям" | "ами" | "ями" | "ах" | "ях")
        || consonant_head && matches!(rest, "ы" | "и" | "ов" | "ев" | "ей")
}

/// Whether text token `tok` (folded) is a form of word `k` of the role phrase `words`.
/// In Russian only the leading adjectives and the head noun inflect, in the singular; the
/// words after the head (the genitive complement) stand as written. In Kazakh the phrase's
/// last word takes case suffixes, not the plural.
fn role_word_matches(tok: &str, words: &[String], k: usize, lang: Lang) -> bool {
    let w = &words[k];
    if tok == w {
        return true;
    }
    if is_all_caps(w) || w.chars().count() <= 3 {
        return false;
    }
    match lang {
        Lang::Kk => {
            let Some(rest) = tok.strip_prefix(w.as_str()) else {
                return false;
            };
            k + 1 == words.len()
                && rest.chars().count() <= 7
                && !["лар", "лер", "дар", "дер", "тар", "тер"]
                    .iter()
                    .any(|p| rest.starts_with(p))
        }
        _ => {
            let head = words.iter().position(|x| !role_adjective(x)).unwrap_or(0);
            if k > head || !inflects(tok, w, lang) {
                return false;
            }
            let stem = stem_of(w);
            let rest = tok.strip_prefix(stem).unwrap_or("");
            !(k == head && plural_remainder(w, rest))
        }
    }
}

/// Role phrases (indexes into the role list, ascending) whose first word the token `written`
/// (folded) is a form of; depends only on the token, so remembered per thread.
fn first_role_words(names: &Names, written: &str) -> Rc<[usize]> {
    memo_word!(names.id(), Lang::Other, written, || -> Rc<[usize]> {
        let tok = fold(written);
        let tok = tok.as_str();
        // Only phrases whose first word shares the token's first two letters can match.
        let mut cands: Vec<usize> = Vec::new();
        if let Some(v) = names.inner.role_index.get(crate::prefix2(tok)) {
            cands.extend_from_slice(v);
        }
        if !names.inner.role_short.is_empty() {
            cands.extend_from_slice(&names.inner.role_short);
            cands.sort_unstable();
        }
        cands
            .into_iter()
            .filter(|&ri| {
                let (words, rl, _) = &names.inner.roles[ri];
                words.is_empty() || role_word_matches(tok, words, 0, *rl)
            })
            .collect()
    })
}

pub(crate) fn roles(
    names: &Names,
    text: &str,
    lang: Lang,
    date: Option<NaiveDate>,
) -> Vec<Mention> {
    let lang = text_lang(text, lang);
    if let Some(cyr) = KazakhLatin::of(text, lang) {
        return cyr.mentions_back(text, roles(names, &cyr.text, lang, date));
    }
    // The persons are read only when a role phrase is found (most texts have none).
    let found = std::cell::OnceCell::new();
    roles_in(names, text, text::tokenize(text), lang, date, &|| {
        found.get_or_init(|| persons(names, text, lang)).as_slice()
    })
}

/// Role mentions given the text's person mentions (as [`persons`] finds them).
pub(crate) fn roles_with(
    names: &Names,
    text: &str,
    lang: Lang,
    date: Option<NaiveDate>,
    persons: &[Mention],
) -> Vec<Mention> {
    if let Some(cyr) = KazakhLatin::of(text, lang) {
        let persons = cyr.mentions_forth(persons);
        let found = roles_in(
            names,
            &cyr.text,
            text::tokenize(&cyr.text),
            lang,
            date,
            &|| &persons,
        );
        return cyr.mentions_back(text, found);
    }
    roles_in(names, text, text::tokenize(text), lang, date, &|| persons)
}

/// [`roles_with`] of `text[within]` (spans into it), its words taken from the words of the
/// whole text, which are found once when the slices of one text are asked about in turn.
pub(crate) fn roles_within(
    names: &Names,
    text: &str,
    within: Span,
    lang: Lang,
    date: Option<NaiveDate>,
    persons: &[Mention],
) -> Vec<Mention> {
    let Some(sub) = text.get(within.start..within.end) else {
        return Vec::new();
    };
    // Kazakh in the Latin alphabet: the sentence is read in its Cyrillic reading (there).
    if KazakhLatin::applies(sub, lang) {
        return roles_with(names, sub, lang, date, persons);
    }
    let tokens = match words_within(text, within) {
        Some(spans) => spans
            .into_iter()
            .map(|span| Token {
                text: span.slice(sub),
                span,
            })
            .collect(),
        None => text::tokenize(sub),
    };
    roles_in(names, sub, tokens, lang, date, &|| persons)
}

/// The words of `text[within]` (spans into it) from the words of the whole text: the same as
/// `text::tokenize(&text[within])` when no word of the text crosses an edge of `within`
/// (a word is a run of word chars and inner joiners, told from the chars next to it); `None`
/// when one does.
fn words_within(text: &str, within: Span) -> Option<Vec<Span>> {
    let spans = text::word_spans(text);
    let lo = spans.partition_point(|s| s.end <= within.start);
    let hi = spans.partition_point(|s| s.start < within.end).max(lo);
    let inside = &spans[lo..hi];
    if inside.first().is_some_and(|s| s.start < within.start)
        || inside.last().is_some_and(|s| s.end > within.end)
    {
        return None;
    }
    Some(
        inside
            .iter()
            .map(|s| Span::new(s.start - within.start, s.end - within.start))
            .collect(),
    )
}

/// Role mentions of `text` split into `tokens`; `persons()` gives the text's person mentions
/// when a role phrase needs them.
fn roles_in<'p>(
    names: &Names,
    text: &str,
    tokens: Vec<Token<'_>>,
    lang: Lang,
    date: Option<NaiveDate>,
    persons: &dyn Fn() -> &'p [Mention],
) -> Vec<Mention> {
    let lang = text_lang(text, lang);
    // Folded tokens, folded when first needed.
    let folded: Vec<std::cell::OnceCell<String>> = vec![Default::default(); tokens.len()];
    let fold_at = |k: usize| -> &str { folded[k].get_or_init(|| fold(tokens[k].text)) };
    let mut out: Vec<Mention> = Vec::new();
    let mut used = vec![false; tokens.len()];
    let roles = &names.inner.roles;
    for i in 0..tokens.len() {
        let cands = first_role_words(names, tokens[i].text);
        for (words, rl, phrase) in cands.iter().map(|&ri| &roles[ri]) {
            if *rl != lang && lang != Lang::Other {
                continue;
            }
            if i + words.len() > tokens.len() || used[i] {
                continue;
            }
            // The first word matches ([`first_role_words`]).
            let ok = words.iter().enumerate().all(|(k, _)| {
                !used[i + k]
                    && (k == 0
                        || role_word_matches(fold_at(i + k), words, k, *rl)
                            && plain_gap(
                                text,
                                tokens[i + k - 1].span.end,
                                tokens[i + k].span.start,
                            ))
            });
            if !ok {
                continue;
            }
            let last = i + words.len() - 1;
            let span = Span::new(tokens[i].span.start, tokens[last].span.end);
            // A name right after the role phrase decides who it is.
            let apposed = persons().iter().find(|m| {
                m.span.start >= span.end
                    && text
                        .get(span.end..m.span.start)
                        .is_some_and(|g| g.trim().is_empty() && g.len() <= 3)
            });
            let (id, canonical, key) = if let Some(m) = apposed {
                (m.entity_id.clone(), m.canonical.clone(), m.key.clone())
            } else {
                match names.inner.gaz.role_holder(phrase, *rl, date) {
                    Some(p) => (Some(p.id.clone()), Some(p.canonical.clone()), p.id.clone()),
                    None => continue,
                }
            };
            out.push(Mention {
                kind: MentionKind::Person,
                span,
                text: span.slice(text).to_string(),
                lang,
                lemma: phrase.clone(),
                latin: names.latin_of(phrase, *rl),
                key,
                entity_id: id,
                canonical,
            });
            for u in used.iter_mut().take(last + 1).skip(i) {
                *u = true;
            }
            break;
        }
    }
    out.sort_by_key(|m| m.span);
    out
}

#[cfg(test)]
mod tests {
    use crate::NamesBuilder;
    use kzalign_core::Lang;

    /// `written_lower` answers as a scan of every word of the text does.
    #[test]
    fn written_lower_agrees_with_a_scan() {
        use crate::text::{fold, strip_accents};
        let n = NamesBuilder::new().build().unwrap();
        for text in [
            "Токаев встретился с токаевым. Ещё ЁЛКА ёлка елка Елка аль-Хадж хадж.",
            "И\u{301}горь и\u{301}горь игорь. İstanbul istanbul KELVİN.",
            "Қасым-Жомарт Тоқаев тоқаев, Әлем әлем вКонтакте вконтакте 42 X x",
        ] {
            let cx = super::Ctx::new(&n, text, Lang::Other);
            for t in &cx.tokens {
                for f in [fold(&strip_accents(t.text)), fold(t.text)] {
                    let scan = cx
                        .tokens
                        .iter()
                        .any(|u| super::Ctx::is_lower_word(u) && fold(&strip_accents(u.text)) == f);
                    assert_eq!(cx.written_lower(&f), scan, "{f:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn word_memo_answers_as_the_test_and_stays_bounded() {
        thread_local! {
            static M: super::WordMemo<usize> = super::WordMemo::default();
        }
        let n = NamesBuilder::new().build().unwrap();
        for i in 0..crate::RAW_CACHE_MAX + 10 {
            let w = format!("w{i}");
            let lang = if i % 2 == 0 { Lang::Ru } else { Lang::Kk };
            assert_eq!(super::word_memo(&M, n.id(), lang, &w, || w.len()), w.len());
            // A second ask is answered from memory.
            assert_eq!(
                super::word_memo(&M, n.id(), lang, &w, || usize::MAX),
                w.len()
            );
        }
        let total: usize = M.with(|c| c.0.borrow().iter().map(|e| e.1.len()).sum());
        assert!(total <= crate::RAW_CACHE_MAX, "{total}");
    }

    #[test]
    fn sentence_starts_by_line_agree_with_the_whole_text() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/seeds");
        let mut texts: Vec<String> = vec![
            "А. Б. Иванов сказал: «Да». Потом (в 2020 г.) — нет! «Так?» Он ушёл…\r\n\n  Ж. Р. x"
                .into(),
            "Встреча. Токаев\n\nи Путин.) Новый абзац\r\n\r\nТ.б. және т.с.с. Сөз».  Иә".into(),
            String::new(),
            "\n\n . ! ? …".into(),
        ];
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            texts.push(std::fs::read_to_string(e.path()).unwrap_or_default());
        }
        for t in &texts {
            let all = super::sentence_starts(t);
            let mut lines = Default::default();
            for p in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(
                    super::starts_at(t, p, &mut lines),
                    all.contains(&p),
                    "{p} in {t:?}"
                );
            }
        }
    }

    #[test]
    fn a_texts_plural_surnames_do_not_carry_over_to_other_texts() {
        let n = NamesBuilder::new().build().unwrap();
        let family = "Вчера в город приехала вся семья Ивановых .";
        let pair = "Санкции коснулись Аркадия и Бориса Ивановых вчера .";
        // Each text read in a thread of its own, then both in one thread in either order.
        let read = |texts: &[&str]| -> Vec<Vec<String>> {
            std::thread::scope(|s| {
                s.spawn(|| {
                    texts
                        .iter()
                        .map(|t| n.mentions(t, Lang::Ru).into_iter().map(|m| m.key).collect())
                        .collect()
                })
                .join()
                .unwrap()
            })
        };
        let (alone_family, alone_pair) = (read(&[family]), read(&[pair]));
        assert_eq!(alone_pair[0], vec!["ivanov", "ivanov"]);
        assert!(alone_family[0].is_empty(), "{alone_family:?}");
        assert_eq!(
            read(&[pair, family]),
            [&alone_pair[..], &alone_family[..]].concat()
        );
        assert_eq!(
            read(&[family, pair]),
            [&alone_family[..], &alone_pair[..]].concat()
        );
    }

    #[test]
    fn finds_persons_in_russian_and_kazakh() {
        let n = NamesBuilder::new().build().unwrap();
        let t =
            "Касым-Жомарт Токаев провел встречу с Генеральным секретарем ООН Антониу Гутерришем.";
        let m = n.mentions(t, Lang::Ru);
        let ids: Vec<_> = m
            .iter()
            .map(|m| m.entity_id.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            ids,
            vec!["kassym-jomart-tokayev", "antonio-guterres"],
            "{m:?}"
        );
        assert_eq!(m[1].text, "Антониу Гутерришем");
        let t = "Қасым-Жомарт Тоқаев БҰҰ Бас хатшысы Антониу Гутерришпен кездесті.";
        let m = n.mentions(t, Lang::Kk);
        let ids: Vec<_> = m
            .iter()
            .map(|m| m.entity_id.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            ids,
            vec!["kassym-jomart-tokayev", "antonio-guterres"],
            "{m:?}"
        );
    }

    #[test]
    fn finds_places_with_case_endings() {
        let n = NamesBuilder::new().build().unwrap();
        let ids = |t: &str, l| -> Vec<String> {
            n.places(t, l)
                .iter()
                .map(|m| m.entity_id.clone().unwrap_or_default())
                .collect()
        };
        assert_eq!(
            ids(
                "Он прибыл в Нью-Йорке и в Казани, затем в Астану.",
                Lang::Ru
            ),
            vec!["new-york", "kazan", "astana"]
        );
        assert_eq!(
            ids("Нью-Йоркте және Астанада болды", Lang::Kk),
            vec!["new-york", "astana"]
        );
        assert_eq!(ids("Жители Астаны", Lang::Ru), vec!["astana"]);
    }

    #[test]
    fn role_index_keeps_every_matching_phrase() {
        // The role finder tries only phrases whose first word shares the token's first two
        // letters; every token of the seed articles that matches a phrase's first word must.
        let n = NamesBuilder::new().build().unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/seeds");
        let mut text =
            String::from("Главой государства Мемлекет басшысының Генеральному секретарю");
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
        let mut checked = 0;
        for t in crate::text::tokenize(&text) {
            let tok = crate::text::fold(t.text);
            for (words, rl, _) in &n.inner.roles {
                if super::role_word_matches(&tok, words, 0, *rl) {
                    checked += 1;
                    assert!(
                        words[0].chars().count() < 2
                            || crate::prefix2(&tok) == crate::prefix2(&words[0]),
                        "{tok} {words:?}"
                    );
                }
            }
        }
        assert!(checked > 0);
    }

    #[test]
    fn roles_of_a_slice_read_with_the_words_of_the_whole_text() {
        let n = NamesBuilder::new().build().unwrap();
        let text = "Глава государства встретился с Президентом России. Мемлекет басшысы \
                    Қазақстан Президенті Қасым-Жомарт Тоқаев.\nПремьер-министр Казахстана прибыл.";
        for lang in [Lang::Ru, Lang::Kk] {
            let mut cuts: Vec<kzalign_core::Span> = kzalign_core::sentences(text)
                .iter()
                .map(|s| s.span)
                .collect();
            // Slices whose edges cut words read the slice itself.
            cuts.push(kzalign_core::Span::new(2, 40));
            cuts.push(kzalign_core::Span::new(0, text.len()));
            let mut found = 0;
            for w in cuts {
                let sub = &text[w.start..w.end];
                let persons = super::persons(&n, sub, lang);
                let want = super::roles_with(&n, sub, lang, None, &persons);
                found += want.len();
                assert_eq!(super::roles_within(&n, text, w, lang, None, &persons), want);
            }
            assert!(found > 0);
        }
    }

    #[test]
    fn resolves_roles_by_date() {
        let n = NamesBuilder::new().build().unwrap();
        let d = chrono::NaiveDate::from_ymd_opt(2023, 6, 10);
        let m = n.role_mentions("Главой государства было отмечено", Lang::Ru, d);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].entity_id.as_deref(), Some("kassym-jomart-tokayev"));
        let old = chrono::NaiveDate::from_ymd_opt(2015, 1, 1);
        let m = n.role_mentions("Мемлекет басшысының сапары", Lang::Kk, old);
        assert_eq!(m[0].entity_id.as_deref(), Some("nursultan-nazarbayev"));
        let m = n.role_mentions(
            "встреча с Генеральным секретарем ООН Антониу Гутерришем",
            Lang::Ru,
            old,
        );
        assert_eq!(
            m[0].entity_id.as_deref(),
            Some("antonio-guterres"),
            "the name wins: {m:?}"
        );
        let all = n.person_mentions(
            "встреча с Генеральным секретарем ООН Антониу Гутерришем",
            Lang::Ru,
            old,
        );
        assert_eq!(all.len(), 1);
    }
}
