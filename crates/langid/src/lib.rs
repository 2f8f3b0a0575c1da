//! Russian / Kazakh / other language identification.
//!
//! # Design
//!
//! A text is split into words ([`text::Tokenizer`]): lower-cased, Latin look-alikes inside Cyrillic
//! words read as the Cyrillic letters they stand for (`бiлiм` = `білім`). Then, in order:
//!
//! 1. **Script.** Mostly Cyrillic letters go to the Cyrillic path, mostly Latin ones to the Latin path,
//!    other scripts are [`Lang::Other`].
//! 2. **Letter rules** (data: `data/letters.tsv`). Letters in neither the Russian nor the Kazakh
//!    alphabet (`ї є ґ ў ј ҳ ...`) mark another language. Kazakh-only letters (`ә ғ қ ң ө ұ ү һ і`)
//!    shared with a neighbour (Ukrainian and Belarusian `і`, Kyrgyz `ң ө ү`, Tatar `ә ң ө ү һ`...)
//!    are weighed by an *absence test*: when a text long enough to be expected to contain some other
//!    Kazakh-only letter (by their measured shares in Kazakh text) contains none, it is not Kazakh.
//! 3. **Word model** ([`model`]): logistic regression over hashed character 1-5-grams with
//!    word-boundary marks, endings and the whole word, trained by the `train` example on Kazakh and
//!    Russian news text and word lists (see the `# source:` lines of `data/model.bin`; regenerate with
//!    `bash crates/langid/data/train.sh`). Frequent words score by their own counts ([`lexicon`]), and
//!    a form found in only one language's word list ([`wordlist`], Bloom filters) scores at least
//!    moderately for it. A text's log-odds is the sum of its words' log-odds. Long texts whose letters
//!    settle the question skip the model (the fast path that makes sentences cheap).
//! 4. **Latin-script Kazakh** (data: `data/kk_latin.tsv`) is read back into Cyrillic and scored by the
//!    same model; it must also show letters typical of Kazakh Latin (`q ä ū ñ`). Other Latin text is
//!    [`Lang::Other`] when `whatlang` recognises it.
//!
//! Uncertainty is a value: `lang` is `None` when there is nothing to go on.
//!
//! ```
//! use kzalign_langid::DetectorBuilder;
//! use kzalign_core::Lang;
//! let d = DetectorBuilder::new().build();
//! assert_eq!(d.detect("Президент Қасым-Жомарт Тоқаев кездесу өткізді.").lang, Some(Lang::Kk));
//! assert_eq!(d.detect("Президент провёл встречу с министрами.").lang, Some(Lang::Ru));
//! ```
#![deny(missing_docs)]

pub mod eval;
pub mod lexicon;
pub mod model;
pub mod tables;
pub mod text;
pub mod train;
pub mod wordlist;

use kzalign_core::{Lang, Script, Span};
use lexicon::Lexicon;
use model::Model;
use std::sync::Arc;
use tables::{LatinMark, LetterClass};
use text::{Tokenizer, WordScript, WordStats};
use wordlist::Bloom;

/// The answer for one text.
#[derive(Clone, Debug, PartialEq)]
pub struct Detection {
    /// The language, or `None` when unsure.
    pub lang: Option<Lang>,
    /// The script of the letters seen.
    pub script: Script,
    /// Confidence in [0, 1].
    pub confidence: f64,
    /// A short human-readable account of the evidence used.
    pub evidence: String,
}

/// The answer for a whole article, with one detection per sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleDetection {
    /// The article as a whole.
    pub overall: Detection,
    /// Whether sentences of both Russian and Kazakh were found.
    pub mixed: bool,
    /// Each sentence's span and detection, in text order.
    pub sentences: Vec<(Span, Detection)>,
}

/// Builds a [`Detector`].
#[derive(Clone, Debug)]
pub struct DetectorBuilder {
    other_languages: bool,
    mixed_min_words: usize,
    mixed_min_confidence: f64,
    model: &'static [u8],
    listed_log_odds: f64,
}

impl Default for DetectorBuilder {
    fn default() -> Self {
        DetectorBuilder::new()
    }
}

impl DetectorBuilder {
    /// A builder with the default settings.
    pub fn new() -> DetectorBuilder {
        DetectorBuilder {
            other_languages: true,
            mixed_min_words: 3,
            mixed_min_confidence: 0.95,
            model: model::MODEL_BIN,
            listed_log_odds: LISTED_LOG_ODDS,
        }
    }

    /// The least log-odds given to a word found in only one language's word list (default 2;
    /// 0 turns the word lists off).
    pub fn word_list_log_odds(mut self, log_odds: f64) -> DetectorBuilder {
        self.listed_log_odds = log_odds.max(0.0);
        self
    }

    /// Uses another word model file (as written by the `train` example) instead of the embedded one.
    pub fn model(mut self, bytes: &'static [u8]) -> DetectorBuilder {
        self.model = bytes;
        self
    }

    /// The immutable detector, or the error found in the model file.
    pub fn try_build(self) -> Result<Detector, kzalign_core::Error> {
        Model::parse(self.model)?;
        Ok(self.build())
    }

    /// Whether Latin-script text that is not Kazakh is checked with `whatlang` to report
    /// [`Lang::Other`] (default true). When false such text gets `lang: None`.
    pub fn other_languages(mut self, yes: bool) -> DetectorBuilder {
        self.other_languages = yes;
        self
    }

    /// The least number of words, and the least confidence, a sentence needs to count towards
    /// [`ArticleDetection::mixed`] (defaults 3 and 0.95).
    pub fn mixed_threshold(mut self, min_words: usize, min_confidence: f64) -> DetectorBuilder {
        self.mixed_min_words = min_words;
        self.mixed_min_confidence = min_confidence;
        self
    }

    /// The immutable detector.
    pub fn build(self) -> Detector {
        let tok = Tokenizer::new();
        // The embedded model is checked by a unit test; a broken one detects by letters only.
        let model = Model::parse(self.model).unwrap_or_else(|_| Model::empty());
        let letters = tables::parse_letters(tables::LETTERS_TSV).unwrap_or_default();
        // Neighbours sharing some Kazakh-only letters: the absence test's profiles.
        let mut neighbours: Vec<Neighbour> = Vec::new();
        let kk_langs = letters
            .iter()
            .filter(|r| r.class == LetterClass::Kazakh)
            .flat_map(|r| r.langs.iter())
            .filter(|l| *l != "kk");
        for lang in kk_langs {
            if neighbours.iter().any(|n| &n.lang == lang) {
                continue;
            }
            let (mut shared, mut log_absent) = (0u16, 0.0f64);
            for (bit, c) in tok.tracked().iter().enumerate() {
                let has = letters
                    .iter()
                    .any(|r| r.letter == *c && r.langs.contains(lang));
                if has {
                    shared |= 1 << bit;
                } else {
                    let share = model
                        .kk_word_share
                        .iter()
                        .find(|(d, _)| d == c)
                        .map_or(0.0, |&(_, s)| s);
                    log_absent += (1.0 - share.clamp(0.0, 0.9)).ln();
                }
            }
            neighbours.push(Neighbour {
                lang: lang.clone(),
                shared,
                log_absent,
            });
        }
        let latin = tables::parse_kk_latin(tables::KK_LATIN_TSV)
            .unwrap_or_default()
            .into_iter()
            .map(|(l, c, m)| (l.chars().collect(), c.chars().collect(), m))
            .collect();
        let lexicon = Lexicon::parse(lexicon::FREQUENT_WORDS_TSV).unwrap_or_default();
        let kk_list = Bloom::parse(wordlist::KK_BLOOM, "data/kk_words.bloom")
            .unwrap_or_else(|_| Bloom::empty());
        let ru_list = Bloom::parse(wordlist::RU_BLOOM, "data/ru_words.bloom")
            .unwrap_or_else(|_| Bloom::empty());
        Detector {
            inner: Arc::new(Inner {
                tok,
                model,
                lexicon,
                kk_list,
                ru_list,
                neighbours,
                latin,
                whatlang: if self.other_languages {
                    Some(whatlang::Detector::new())
                } else {
                    None
                },
                listed_log_odds: self.listed_log_odds,
                mixed_min_words: self.mixed_min_words,
                mixed_min_confidence: self.mixed_min_confidence,
                id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            }),
        }
    }
}

/// A language sharing some Kazakh-only letters, for the absence test.
#[derive(Clone, Debug)]
struct Neighbour {
    lang: String,
    /// Bit set of the tracked letters (`text::Tokenizer::tracked`) its alphabet has.
    shared: u16,
    /// ln of the chance that a word of Kazakh text has none of the tracked letters it lacks.
    log_absent: f64,
}

/// An immutable, thread-safe detector. Cloning is cheap (shared tables).
#[derive(Clone, Debug)]
pub struct Detector {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    tok: Tokenizer,
    model: Model,
    lexicon: Lexicon,
    kk_list: Bloom,
    ru_list: Bloom,
    neighbours: Vec<Neighbour>,
    latin: Vec<(Vec<char>, Vec<char>, LatinMark)>,
    whatlang: Option<whatlang::Detector>,
    listed_log_odds: f64,
    mixed_min_words: usize,
    mixed_min_confidence: f64,
    /// Tells this detector's remembered word scores from another's.
    id: u64,
}

/// Letter counts of a whole text.
#[derive(Clone, Debug, Default)]
struct Tally {
    cyr_words: u64,
    cyr_letters: u64,
    lat_words: u64,
    lat_letters: u64,
    other_words: u64,
    other_letters: u64,
    /// Cyrillic words with letters of neither alphabet, and those letters.
    foreign_words: u64,
    /// Cyrillic words (without foreign letters) holding Kazakh-only letters.
    kk_words: u64,
    kk_letters: u64,
    set: u16,
    ru_marks: u64,
    ru_typical: u64,
    inner_hard_signs: u64,
    apostrophes: u64,
}

impl Tally {
    /// Adds the counts of another text to these.
    fn add(&mut self, o: &Tally) {
        self.cyr_words += o.cyr_words;
        self.cyr_letters += o.cyr_letters;
        self.lat_words += o.lat_words;
        self.lat_letters += o.lat_letters;
        self.other_words += o.other_words;
        self.other_letters += o.other_letters;
        self.foreign_words += o.foreign_words;
        self.kk_words += o.kk_words;
        self.kk_letters += o.kk_letters;
        self.set |= o.set;
        self.ru_marks += o.ru_marks;
        self.ru_typical += o.ru_typical;
        self.inner_hard_signs += o.inner_hard_signs;
        self.apostrophes += o.apostrophes;
    }
}

/// Word scores remembered on a thread: the id of the detector ([`Inner::id`]) and word -> score.
type Scores = (u64, rustc_hash::FxHashMap<Box<[char]>, f64>);

/// The most word scores a thread remembers; past it they are forgotten at once.
const SCORES_MAX: usize = 1 << 16;

thread_local! {
    static SCORES: std::cell::RefCell<Scores> = std::cell::RefCell::new((0, Default::default()));
}

/// The source of detector ids (0 is no detector).
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Below this ln-probability Kazakh text would not lack the letters a text lacks.
const ABSENCE_LN_P: f64 = -9.2; // 1e-4
/// Texts settled by their letters skip the word model. Measured on the training text (11,867
/// Kazakh and 3,700 Russian sentences): of the sentences with at least 4 Cyrillic words, 30% of them
/// with Kazakh-only letters, none is Russian; of those with at least 8 words and no Kazakh-only
/// letter, 4 in 8,020 Kazakh ones (0.05%) would be called Russian.
const FAST_KK_MIN_WORDS: u64 = 4;
/// The least share of letters native Kazakh words do not use (`data/ru_typical.tsv`) in a text the
/// fast path calls Russian. Of the Russian test sentences of 8 words or more, 2% fall below it (and go
/// to the word model); of Kazakh training sentences typed without Kazakh-only letters, 95% do.
const FAST_RU_MIN_TYPICAL: f64 = 0.03;
/// The least log-odds of a word found in only one language's word list.
const LISTED_LOG_ODDS: f64 = 2.0;
/// See [`FAST_KK_MIN_WORDS`].
const FAST_RU_MIN_WORDS: u64 = 8;

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn found(lang: Lang, script: Script, confidence: f64, evidence: String) -> Detection {
    Detection {
        lang: Some(lang),
        script,
        confidence: confidence.clamp(0.0, 1.0),
        evidence,
    }
}

impl Detector {
    /// Detects the language of one text of any length.
    pub fn detect(&self, text: &str) -> Detection {
        self.detect_counted(text).0
    }

    /// The detection and the number of words it rests on.
    fn detect_counted(&self, text: &str) -> (Detection, u64) {
        self.decide(text, self.tally(text))
    }

    /// The letter counts of `text`'s words.
    fn tally(&self, text: &str) -> Tally {
        let me = &*self.inner;
        let mut t = Tally::default();
        me.tok
            .word_stats(text, |script, s: &WordStats| match script {
                _ if s.initial => {}
                WordScript::Cyrillic => {
                    if s.foreign > 0 {
                        t.foreign_words += 1;
                        t.cyr_words += 1;
                        t.cyr_letters += u64::from(s.letters);
                        return;
                    }
                    t.cyr_words += 1;
                    t.cyr_letters += u64::from(s.letters);
                    if s.kk > 0 {
                        t.kk_words += 1;
                        t.kk_letters += u64::from(s.kk);
                    }
                    t.set |= s.set;
                    t.ru_marks += u64::from(s.ru_marks);
                    t.ru_typical += u64::from(s.ru_typical);
                    t.inner_hard_signs += u64::from(s.inner_hard_sign);
                    t.apostrophes += u64::from(s.apostrophes);
                }
                WordScript::Latin => {
                    t.lat_words += 1;
                    t.lat_letters += u64::from(s.letters);
                }
                WordScript::Other => {
                    t.other_words += 1;
                    t.other_letters += u64::from(s.letters);
                }
            });
        t
    }

    /// The detection of `text` from its letter counts `t` (reading its words again only when the
    /// counts do not settle it), and the number of words it rests on.
    fn decide(&self, text: &str, mut t: Tally) -> (Detection, u64) {
        let words = t.cyr_words + t.lat_words + t.other_words;
        if t.cyr_letters + t.lat_letters + t.other_letters == 0 {
            return (
                Detection {
                    lang: None,
                    script: Script::None,
                    confidence: 0.0,
                    evidence: "no letters".into(),
                },
                0,
            );
        }
        if t.other_letters > t.cyr_letters + t.lat_letters {
            let conf = 1.0 - 0.5f64.powi(t.other_words.min(30) as i32);
            let script = Script::None;
            return (
                found(
                    Lang::Other,
                    script,
                    conf,
                    "letters of neither Cyrillic nor Latin script".into(),
                ),
                words,
            );
        }
        let script = if t.cyr_letters >= 2 * t.lat_letters {
            Script::Cyrillic
        } else if t.lat_letters >= 2 * t.cyr_letters {
            Script::Latin
        } else {
            Script::Mixed
        };
        // Latin words inside Cyrillic text are mostly names and brands; the reverse is rare.
        let cyrillic_path = t.cyr_letters >= t.lat_letters
            || (t.cyr_words >= 3 && 3 * t.cyr_letters >= t.lat_letters);
        let d = if cyrillic_path {
            self.cyrillic(text, &mut t, script)
        } else {
            self.latin(text, &t, script)
        };
        (d, words)
    }

    /// A word's log-odds of Kazakh: from its frequency when it is a frequent word, else from the
    /// word model. Remembered per thread (news repeats its words).
    fn word_score(&self, w: &[char]) -> f64 {
        let me = &*self.inner;
        let known = SCORES.try_with(|m| {
            let mut m = m.borrow_mut();
            if m.0 != me.id {
                m.0 = me.id;
                m.1.clear();
            }
            m.1.get(w).copied()
        });
        if let Ok(Some(s)) = known {
            return s;
        }
        let s = self.word_score_uncached(w);
        let _ = SCORES.try_with(|m| {
            let mut m = m.borrow_mut();
            if m.1.len() >= SCORES_MAX {
                m.1.clear();
            }
            m.1.insert(w.into(), s);
        });
        s
    }

    /// [`Detector::word_score`], computed.
    fn word_score_uncached(&self, w: &[char]) -> f64 {
        let me = &*self.inner;
        let m = me.model.word_logit(w) as f64;
        let s = match me.lexicon.llr(w) {
            // Two estimates of the same log-odds: the word's frequency is bounded by the size of
            // the training text, so when the letters speak more strongly the same way, they win.
            Some(l) if (l as f64) * m > 0.0 && m.abs() > (l as f64).abs() => m,
            Some(l) => l as f64,
            None => m,
        };
        // A form listed in one language's word list only is that language's, at least moderately.
        if me.listed_log_odds <= 0.0 {
            return s;
        }
        let floor = me.listed_log_odds;
        // Look up first the list that could change the score (each lookup costs cache misses).
        if s < floor && me.kk_list.contains(w) {
            if me.ru_list.contains(w) {
                s
            } else {
                floor
            }
        } else if s > -floor && me.ru_list.contains(w) && !me.kk_list.contains(w) {
            s.min(-floor)
        } else {
            s
        }
    }

    fn cyrillic(&self, text: &str, t: &mut Tally, script: Script) -> Detection {
        let me = &*self.inner;
        // 1. Letters of neither alphabet.
        if t.foreign_words > 0 && t.foreign_words * 5 >= t.cyr_words {
            let mut letters = String::new();
            me.tok.words(text, |w, s, st| {
                if s == WordScript::Cyrillic && st.foreign > 0 && letters.chars().count() < 6 {
                    for &c in w {
                        let u = c as u32;
                        let foreign = (0x400..0x500).contains(&u)
                            && !('а'..='я').contains(&c)
                            && c != 'ё'
                            && !me.tok.kk_letters().contains(&c);
                        if foreign && !letters.contains(c) {
                            letters.push(c);
                        }
                    }
                }
            });
            let conf = 1.0 - 0.5f64.powi((t.foreign_words * 2).min(30) as i32);
            return found(
                Lang::Other,
                script,
                conf,
                format!(
                    "letters of neither Russian nor Kazakh: {letters} in {}/{} words",
                    t.foreign_words, t.cyr_words
                ),
            );
        }
        let n = (t.cyr_words - t.foreign_words) as f64;
        // 2. Absence test: Kazakh-only letters that a neighbour also has, and none of the others.
        let mut kk_ruled_out: Option<&str> = None;
        if t.kk_letters > 0 {
            for nb in &me.neighbours {
                if t.set & !nb.shared == 0 && n * nb.log_absent < ABSENCE_LN_P {
                    kk_ruled_out = Some(nb.lang.as_str());
                    break;
                }
            }
        }
        if let Some(lang) = kk_ruled_out {
            if t.kk_words >= 2 && t.kk_words * 5 >= t.cyr_words {
                let shown: String = me
                    .tok
                    .tracked()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| t.set & me.tok.kk_mask() & (1 << i) != 0)
                    .map(|(_, c)| *c)
                    .collect();
                return found(
                    Lang::Other,
                    script,
                    0.9,
                    format!(
                        "of the Kazakh letters only {shown}, in {}/{} words, and no letter {lang} lacks: neither Russian nor Kazakh",
                        t.kk_words, t.cyr_words
                    ),
                );
            }
        }
        // 3. Bulgarian-like: ъ inside words, no ы э ё, no Kazakh letters.
        if t.kk_letters == 0 && t.ru_marks == 0 && t.inner_hard_signs >= 2 && t.cyr_letters >= 30 {
            return found(
                Lang::Other,
                script,
                0.8,
                format!(
                    "ъ inside {} words and no ы э ё: neither Russian nor Kazakh",
                    t.inner_hard_signs
                ),
            );
        }
        // 4. Russian or Kazakh. Fast path when the letters settle it.
        let kk_share = t.kk_words as f64 / t.cyr_words.max(1) as f64;
        if kk_ruled_out.is_none()
            && t.cyr_words >= FAST_KK_MIN_WORDS
            && t.kk_words >= 2
            && kk_share >= 0.3
        {
            return found(
                Lang::Kk,
                script,
                0.999,
                format!("Kazakh letters in {}/{} words", t.kk_words, t.cyr_words),
            );
        }
        if t.cyr_words >= FAST_RU_MIN_WORDS
            && t.kk_words == 0
            && t.ru_typical as f64 >= FAST_RU_MIN_TYPICAL * t.cyr_letters as f64
        {
            return found(
                Lang::Ru,
                script,
                0.999,
                format!("no Kazakh letters in {} words", t.cyr_words),
            );
        }
        let model = &me.model;
        let bias = model.bias() as f64;
        let mut z = bias;
        me.tok.words(text, |w, s, st| {
            if s == WordScript::Cyrillic && st.foreign == 0 && !st.initial {
                z += self.word_score(w) - bias;
            }
        });
        let lang = if z > 0.0 && kk_ruled_out.is_none() {
            Lang::Kk
        } else {
            Lang::Ru
        };
        // Not Kazakh by its words, not Russian by its letters (`Привіт, як справи?`): a neighbour
        // whose alphabet has exactly the non-Russian letters seen, such as Ukrainian `і`.
        let neighbour = me
            .neighbours
            .iter()
            .find(|nb| t.set & !nb.shared == 0 && t.set & nb.shared & me.tok.kk_mask() != 0);
        if lang == Lang::Ru && t.kk_words * 3 >= t.cyr_words {
            if let Some(nb) = neighbour {
                return Detection {
                    lang: None,
                    script,
                    confidence: 0.0,
                    evidence: format!(
                        "Kazakh letters in {}/{} words, yet the words do not read as Kazakh \
                         (log-odds {z:+.2}): neither Russian nor Kazakh? ({} has these letters)",
                        t.kk_words, t.cyr_words, nb.lang
                    ),
                };
            }
        }
        let conf = if lang == Lang::Kk {
            sigmoid(z)
        } else {
            sigmoid(-z)
        };
        found(
            lang,
            script,
            conf,
            format!(
                "Kazakh letters in {}/{} words; word model log-odds kk:ru {z:+.2}",
                t.kk_words, t.cyr_words
            ),
        )
    }

    /// Reads a Latin word as Kazakh written in the Latin alphabet; returns the Cyrillic reading and
    /// the numbers of distinctive and foreign spellings in it.
    fn read_latin(&self, word: &[char], out: &mut Vec<char>) -> (u32, u32) {
        let me = &*self.inner;
        out.clear();
        let (mut distinctive, mut foreign) = (0, 0);
        let mut i = 0;
        while i < word.len() {
            let mut best: Option<&(Vec<char>, Vec<char>, LatinMark)> = None;
            for row in &me.latin {
                let l = row.0.len();
                if word[i..].starts_with(&row.0) && best.map_or(true, |b| b.0.len() < l) {
                    best = Some(row);
                }
            }
            match best {
                Some((l, c, mark)) => {
                    // `q` before `u` is the `qu` of Western European languages.
                    let qu = l.as_slice() == ['q'] && word.get(i + 1) == Some(&'u');
                    match mark {
                        LatinMark::Distinctive if !qu => distinctive += 1,
                        LatinMark::Foreign => foreign += 1,
                        _ => {}
                    }
                    out.extend_from_slice(c);
                    i += l.len();
                }
                None => {
                    if word[i] != '\'' {
                        foreign += 1;
                    }
                    i += 1;
                }
            }
        }
        (distinctive, foreign)
    }

    fn latin(&self, text: &str, t: &Tally, script: Script) -> Detection {
        let me = &*self.inner;
        let model = &me.model;
        let bias = model.bias() as f64;
        let mut z = bias;
        let (mut distinctive, mut foreign, mut words) = (0u64, 0u64, 0u64);
        let mut buf = Vec::new();
        me.tok.words(text, |w, s, st| {
            if s == WordScript::Latin && !st.initial {
                let (d, f) = self.read_latin(w, &mut buf);
                distinctive += u64::from(d);
                foreign += u64::from(f);
                words += 1;
                z += self.word_score(&buf) - bias;
            }
        });
        let other = me
            .whatlang
            .as_ref()
            .and_then(|w| w.detect(text))
            .filter(|i| i.script() == whatlang::Script::Latin);
        let other_reliable = other.as_ref().is_some_and(|i| i.is_reliable());
        let evidence = format!(
            "{words} Latin words, {distinctive} Kazakh Latin letters, {foreign} letters foreign to it; \
             read as Kazakh, word model log-odds kk:ru {z:+.2}"
        );
        let marked = distinctive >= 1 && foreign * 2 <= distinctive;
        let frequent = distinctive * 5 >= words.max(1) || distinctive >= 3;
        if marked && z > 0.0 && (frequent || !other_reliable) {
            let conf = sigmoid(z.min(distinctive as f64 * 2.0));
            return found(Lang::Kk, script, conf, evidence);
        }
        // Kazakh typed in plain ASCII (`Bugin Astanada jana mektep ashyldy`): no telling letters,
        // but every word reads as Kazakh (English scores about 0.3 a word, Kazakh 3 to 6).
        if foreign == 0 && words >= 2 && z > 2.0 * words as f64 {
            return found(Lang::Kk, script, 0.6, evidence);
        }
        match other {
            Some(info) => found(
                Lang::Other,
                script,
                info.confidence()
                    .max(if t.lat_words >= 3 { 0.5 } else { 0.2 }),
                format!("{evidence}; whatlang: {}", info.lang().code()),
            ),
            None => Detection {
                lang: None,
                script,
                confidence: 0.0,
                evidence,
            },
        }
    }

    /// Detects the language of an article and of each of its sentences.
    pub fn detect_article(&self, text: &str) -> ArticleDetection {
        let mut confident = [0usize; 2];
        // The sentences cover every letter and apostrophe of the text, and what lies between them
        // is white space, which ends a word anyway: the words of the text are those of its
        // sentences, so its letter counts are their sums.
        let mut total = Tally::default();
        // The number of words each sentence's detection rests on.
        let mut words = Vec::new();
        let sentences: Vec<(Span, Detection)> = kzalign_core::sentences(text)
            .into_iter()
            .map(|s| {
                let t = self.tally(s.text);
                total.add(&t);
                let (d, n) = self.decide(s.text, t);
                words.push(n);
                (s.span, d)
            })
            .collect();
        let overall = self.decide(text, total).0;
        for ((span, d), &n) in sentences.iter().zip(&words) {
            match self.sure_lang(span.slice(text), d, n, overall.lang) {
                Some(Lang::Kk) => confident[0] += 1,
                Some(Lang::Ru) => confident[1] += 1,
                _ => {}
            }
        }
        ArticleDetection {
            overall,
            mixed: confident[0] > 0 && confident[1] > 0,
            sentences,
        }
    }

    /// Whether detection `d`, resting on `words` words, is sure enough to count a sentence as
    /// of its language (the builder's `mixed` thresholds).
    fn sure(&self, d: &Detection, words: u64) -> bool {
        let me = &*self.inner;
        words as usize >= me.mixed_min_words && d.confidence >= me.mixed_min_confidence
    }

    /// The language, Russian or Kazakh, a sentence detected as `d` on `words` words is surely
    /// of: `d`'s when sure, and, when that differs from the article's language `overall`, its
    /// lower-case words must say so too: names alone do not make a sentence of the other
    /// language (Бауыржан Жанабилов принял Жандоса Бекенова is Russian).
    fn sure_lang(
        &self,
        sentence: &str,
        d: &Detection,
        words: u64,
        overall: Option<Lang>,
    ) -> Option<Lang> {
        let lang = d.lang.filter(|l| matches!(l, Lang::Kk | Lang::Ru))?;
        if !self.sure(d, words) {
            return None;
        }
        if Some(lang) == overall {
            return Some(lang);
        }
        let plain: String = sentence
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect::<Vec<_>>()
            .join(" ");
        let (p, n) = self.decide(&plain, self.tally(&plain));
        (self.sure(&p, n) && p.lang == Some(lang)).then_some(lang)
    }

    /// The language of a text, and the text cut into stretches of one language each, to be read
    /// each in its own language: the whole text in the overall language (`Other` when unsure)
    /// unless it holds a sentence surely of the other language, in its lower-case words too
    /// (the test of [`Detector::detect_article`]'s `mixed`); then a run of sentences of one
    /// language makes one stretch. The stretches cover the text: the
    /// first starts at 0, each ends where the next starts, the last at the end.
    ///
    /// The overall detection is [`Detector::detect`]'s. Only the sentences that may be of the
    /// other language are read in full: in a Russian text those with Kazakh letters, in a
    /// Kazakh text those without; the others count as of the text's language when long enough
    /// (and join the stretch before them when not).
    pub fn runs(&self, text: &str) -> (Detection, Vec<(Span, Lang)>) {
        let me = &*self.inner;
        // A text without the letters only Kazakh has (lead bytes D2, D3; і D1 96, І D0 86)
        // holds no Kazakh sentence: its detection is the whole answer.
        let b = text.as_bytes();
        let kazakh_letters = memchr::memchr2(0xD2, 0xD3, b).is_some()
            || memchr::memmem::find(b, "і".as_bytes()).is_some()
            || memchr::memmem::find(b, "І".as_bytes()).is_some();
        if !kazakh_letters {
            let d = self.detect(text);
            let lang = d.lang.unwrap_or(Lang::Other);
            return (d, vec![(Span::new(0, text.len()), lang)]);
        }
        let mut total = Tally::default();
        let split: Vec<(Span, Tally)> = kzalign_core::sentences(text)
            .into_iter()
            .map(|s| {
                let t = self.tally(s.text);
                total.add(&t);
                (s.span, t)
            })
            .collect();
        let overall = self.decide(text, total).0;
        let whole = vec![(
            Span::new(0, text.len()),
            overall.lang.unwrap_or(Lang::Other),
        )];
        let other = match overall.lang {
            Some(Lang::Ru) => Lang::Kk,
            Some(Lang::Kk) => Lang::Ru,
            _ => return (overall, whole),
        };
        let mut sure = Vec::with_capacity(split.len());
        let mut mixed = false;
        for (span, t) in split.iter() {
            let long = t.cyr_words as usize >= me.mixed_min_words;
            let may_be_other = long && (t.kk_words > 0) == (other == Lang::Kk);
            let lang = if may_be_other {
                let sentence = span.slice(text);
                let (d, words) = self.decide(sentence, t.clone());
                let lang = self.sure_lang(sentence, &d, words, overall.lang);
                mixed |= lang == Some(other);
                lang
            } else {
                long.then_some(overall.lang).flatten()
            };
            sure.push(lang);
        }
        if !mixed {
            return (overall, whole);
        }
        let spans: Vec<Span> = split.iter().map(|(s, _)| *s).collect();
        (overall, language_runs(&spans, &sure, text.len()))
    }
}

/// The stretches of one language of a mixed text (see [`Detector::runs`]): `sure` holds each
/// sentence's language where known; the others join the stretch before them (the first, the
/// stretch after).
fn language_runs(sentences: &[Span], sure: &[Option<Lang>], len: usize) -> Vec<(Span, Lang)> {
    let mut runs: Vec<(Span, Lang)> = Vec::new();
    // The sentences before the first confident one join its stretch.
    let Some(mut current) = sure.iter().flatten().next().copied() else {
        return vec![(Span::new(0, len), Lang::Other)];
    };
    let mut start = 0;
    for (span, lang) in sentences.iter().zip(sure) {
        match lang {
            Some(l) if *l != current => {
                runs.push((Span::new(start, span.start), current));
                start = span.start;
                current = *l;
            }
            _ => {}
        }
    }
    runs.push((Span::new(start, len), current));
    runs
}

#[cfg(test)]
mod tests;
