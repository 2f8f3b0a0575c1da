//! The rule files: cue lexicons, modality markers, grammar words and date words, parsed from TSV.

use kzalign_core::{Error, ErrorKind, EventType, Lang, Modality};
use std::collections::HashSet;
use std::path::Path;

pub(crate) const CUES_RU: &str = include_str!("../data/cues-ru.tsv");
pub(crate) const CUES_KK: &str = include_str!("../data/cues-kk.tsv");
pub(crate) const MARKERS_RU: &str = include_str!("../data/markers-ru.tsv");
pub(crate) const MARKERS_KK: &str = include_str!("../data/markers-kk.tsv");
pub(crate) const GRAMMAR_RU: &str = include_str!("../data/grammar-ru.tsv");
pub(crate) const GRAMMAR_KK: &str = include_str!("../data/grammar-kk.tsv");
pub(crate) const DATES_RU: &str = include_str!("../data/dates-ru.tsv");
pub(crate) const DATES_KK: &str = include_str!("../data/dates-kk.tsv");

/// One word of a pattern: exact, or a prefix when written with a trailing `*`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct PatWord {
    pub text: String,
    pub prefix: bool,
}

impl PatWord {
    pub fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(self.text.as_str())
        } else {
            word == self.text
        }
    }
}

/// A sequence of pattern words.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Pattern {
    pub words: Vec<PatWord>,
    pub source: String,
}

impl Pattern {
    pub fn parse(s: &str) -> Option<Pattern> {
        let words: Vec<PatWord> = s
            .split_whitespace()
            .map(|w| {
                let w = fold(w);
                match w.strip_suffix('*') {
                    Some(stem) => PatWord {
                        text: stem.to_string(),
                        prefix: true,
                    },
                    None => PatWord {
                        text: w,
                        prefix: false,
                    },
                }
            })
            .collect();
        if words.is_empty() || words.iter().any(|w| w.text.is_empty()) {
            return None;
        }
        Some(Pattern {
            words,
            source: s.trim().to_string(),
        })
    }

    /// Whether the pattern matches the words starting at `i`.
    pub fn matches_at<W: AsRef<str>>(&self, words: &[W], i: usize) -> bool {
        if i + self.words.len() > words.len() {
            return false;
        }
        self.words
            .iter()
            .zip(&words[i..])
            .all(|(p, w)| p.matches(w.as_ref()))
    }

    /// A rough specificity: longer and exact patterns win over shorter and prefix ones.
    pub fn weight(&self) -> usize {
        self.words
            .iter()
            .map(|w| w.text.chars().count() * 2 + usize::from(!w.prefix))
            .sum()
    }
}

pub(crate) use kzalign_core::chars::{fold, is_alnum};

/// How an event word relates to its participants.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueForm {
    /// A predicate: subject plus companions.
    Verb,
    /// An event noun.
    Noun,
    /// A verb whose direct object is the other participant.
    Obj,
    /// A verb or noun that tells an event only with a «с X» / X-пен companion («обсудил с X»,
    /// «обменялся мнениями с X»): without one it is no event.
    With,
}

/// One cue row.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    pub pattern: Pattern,
    pub kind: EventType,
    pub modality: Modality,
    pub form: CueForm,
}

/// One modality marker row.
#[derive(Clone, Debug)]
pub(crate) struct Marker {
    pub pattern: Pattern,
    pub modality: Modality,
}

/// One date word row.
#[derive(Clone, Debug)]
pub(crate) struct DateWord {
    pub word: String,
    pub kind: DateKind,
    pub value: i64,
}

/// What a date word gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateKind {
    Month,
    Weekday,
    Relative,
}

/// The rules of one language.
#[derive(Clone, Debug, Default)]
pub(crate) struct LangRules {
    pub cues: Vec<Cue>,
    pub markers: Vec<Marker>,
    /// (kind, pattern) rows of the grammar file.
    pub grammar: Vec<(String, Pattern)>,
    pub dates: Vec<DateWord>,
    /// Lookup tables over the rows above, built on first use (reset by [`parse_into`]).
    index: std::sync::OnceLock<RuleIndex>,
}

/// The starts of a set of words (patterns' first or last words, date words), told by bytes: a
/// bit per hash of the first six bytes of the words of six bytes or more, and, for shorter
/// words, a bit per hash of the whole word (one set for exact words, one for prefixes, with the
/// lengths of the prefixes). A word that is none of the words and starts with none of the
/// prefixes is told so (a word may be told yes wrongly, never no wrongly).
#[derive(Clone, Debug)]
pub(crate) struct Starts {
    long: [u64; 64],
    short_exact: [u64; 64],
    short_prefix: [u64; 64],
    /// Bit `n` set: a prefix of `n` bytes (1 to 5) was added.
    prefix_lens: u8,
    /// Whether an exact word shorter than [`START_BYTES`] was added.
    short_words: bool,
    /// An empty word was added: every word may match.
    any: bool,
}

impl Default for Starts {
    fn default() -> Self {
        Starts {
            long: [0; 64],
            short_exact: [0; 64],
            short_prefix: [0; 64],
            prefix_lens: 0,
            short_words: false,
            any: false,
        }
    }
}

/// How many leading bytes [`Starts`] keys long words by.
const START_BYTES: usize = 6;

impl Starts {
    /// The bit of up to [`START_BYTES`] bytes: (word index, mask).
    #[inline(always)]
    fn slot(bytes: &[u8]) -> (usize, u64) {
        let v = match bytes {
            // The common case, read with fixed-size loads.
            [a, b, c, d, e, f] => {
                u64::from(u32::from_le_bytes([*a, *b, *c, *d]))
                    | u64::from(u16::from_le_bytes([*e, *f])) << 32
            }
            _ => bytes
                .iter()
                .take(START_BYTES)
                .rev()
                .fold(0u64, |v, &x| v << 8 | u64::from(x)),
        };
        let v = v ^ ((bytes.len().min(START_BYTES) as u64) << 56);
        let k = (v.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 52) as usize;
        (k >> 6, 1 << (k & 63))
    }

    #[inline(always)]
    fn has(set: &[u64; 64], bytes: &[u8]) -> bool {
        let (i, bit) = Self::slot(bytes);
        set[i] & bit != 0
    }

    /// Adds a word, matched exactly or (`prefix`) as the start of a word.
    fn add(&mut self, word: &str, prefix: bool) {
        let b = word.as_bytes();
        if b.is_empty() {
            self.any = true;
            return;
        }
        let (set, bytes) = if b.len() >= START_BYTES {
            (&mut self.long, &b[..START_BYTES])
        } else if prefix {
            self.prefix_lens |= 1 << b.len();
            (&mut self.short_prefix, b)
        } else {
            self.short_words = true;
            (&mut self.short_exact, b)
        };
        let (i, bit) = Self::slot(bytes);
        set[i] |= bit;
    }

    /// Adds the first word of a pattern (a pattern without words matches anywhere).
    fn add_first(&mut self, p: &Pattern) {
        match p.words.first() {
            Some(w) => self.add(&w.text, w.prefix),
            None => self.any = true,
        }
    }

    /// False when `word` is none of the words added and starts with none of the prefixes.
    #[inline(always)]
    pub(crate) fn may_start(&self, word: &str) -> bool {
        if self.any {
            return true;
        }
        let b = word.as_bytes();
        if b.len() >= START_BYTES {
            if Self::has(&self.long, &b[..START_BYTES]) {
                return true;
            }
        } else if self.short_words && !b.is_empty() && Self::has(&self.short_exact, b) {
            return true;
        }
        let mut lens = self.prefix_lens;
        while lens != 0 {
            let n = lens.trailing_zeros() as usize;
            lens &= lens - 1;
            if n <= b.len() && Self::has(&self.short_prefix, &b[..n]) {
                return true;
            }
        }
        false
    }
}

/// The grammar rows of one kind, with the starts of their first and last words.
#[derive(Clone, Debug, Default)]
pub(crate) struct GramKind {
    /// The patterns in file order.
    patterns: Vec<Pattern>,
    /// Starts of the first words ([`Starts`]).
    firsts: Starts,
    /// Starts of the last words.
    lasts: Starts,
}

impl GramKind {
    /// False when no pattern's first word is `word` or starts it (true means one may).
    #[inline]
    pub(crate) fn may_open(&self, word: &str) -> bool {
        self.firsts.may_start(word)
    }

    /// Whether a pattern matches at word `i`; returns its length (the longest).
    #[inline(always)]
    pub(crate) fn at<W: AsRef<str>>(&self, words: &[W], i: usize) -> Option<usize> {
        if !self
            .firsts
            .may_start(words.get(i).map_or("", |w| w.as_ref()))
        {
            return None;
        }
        self.at_tried(words, i)
    }

    /// [`GramKind::at`] past its first test.
    #[inline(never)]
    fn at_tried<W: AsRef<str>>(&self, words: &[W], i: usize) -> Option<usize> {
        self.patterns
            .iter()
            .filter(|p| p.matches_at(words, i))
            .map(|p| p.words.len())
            .max()
    }

    /// Whether a pattern ends exactly at word `end` (exclusive); returns its length (the longest).
    #[inline]
    pub(crate) fn ending_at<W: AsRef<str>>(&self, words: &[W], end: usize) -> Option<usize> {
        if end == 0 || end > words.len() || !self.lasts.may_start(words[end - 1].as_ref()) {
            return None;
        }
        self.patterns
            .iter()
            .filter(|p| p.words.len() <= end && p.matches_at(words, end - p.words.len()))
            .map(|p| p.words.len())
            .max()
    }
}

/// The grammar kinds of the Kazakh case suffixes, in the order a word's ending is read by.
pub(crate) const CASE_KINDS: [&str; 6] = ["com", "gen", "abl", "loc", "dat", "acc"];

/// Row indexes of [`LangRules`] by what a lookup starts from, each list in file order.
#[derive(Clone, Debug, Default)]
struct RuleIndex {
    /// Grammar rows by kind.
    grammar: rustc_hash::FxHashMap<String, GramKind>,
    /// The one-word rows of each grammar kind (suffixes), longest first.
    suffixes: rustc_hash::FxHashMap<String, Vec<String>>,
    /// The suffixes of the [`CASE_KINDS`] with the index of their kind, longest first (rows of
    /// one length in kind order, then file order).
    case_suffixes: Vec<(String, usize)>,
    /// Cues by their first word.
    cues: FirstWords,
    /// Modality markers by their first word.
    markers: FirstWords,
    /// Month words with their month, in file order.
    months: Vec<(String, u32)>,
    /// The same by their first char (each list in file order).
    months_by_first: rustc_hash::FxHashMap<char, Vec<(String, u32)>>,
    /// Weekday words by their first char.
    weekdays_by_first: rustc_hash::FxHashMap<char, Vec<String>>,
    /// Month word -> month of its first row.
    month_exact: rustc_hash::FxHashMap<String, u32>,
    /// The shortest and the longest month word, in bytes (no word outside is one).
    month_bytes: (usize, usize),
    /// First words of the relative date words, and the weekday words.
    date_firsts: rustc_hash::FxHashSet<String>,
    /// Weekday words (Kazakh ones match as prefixes).
    weekdays: Vec<String>,
    /// The starts of the month, weekday and relative date words (their first words).
    date_starts: Starts,
}

/// Patterns whose first word is a prefix: those of [`START_BYTES`] bytes or more by their first
/// bytes, the shorter ones in a list; (prefix, pattern index), in file order.
#[derive(Clone, Debug, Default)]
struct PrefixTable {
    long: rustc_hash::FxHashMap<[u8; START_BYTES], Vec<(String, usize)>>,
    short: Vec<(String, usize)>,
}

/// The first [`START_BYTES`] bytes of a word that has as many.
fn lead_bytes(w: &str) -> Option<[u8; START_BYTES]> {
    w.as_bytes().get(..START_BYTES)?.try_into().ok()
}

/// Patterns (cues or modality markers) by their first word: pattern indexes by an exact first
/// word, the patterns whose first word is a prefix, and the starts of all first words.
#[derive(Clone, Debug, Default)]
struct FirstWords {
    exact: rustc_hash::FxHashMap<String, Vec<usize>>,
    prefix: PrefixTable,
    starts: Starts,
}

impl FirstWords {
    fn new<'a>(patterns: impl Iterator<Item = &'a Pattern>) -> FirstWords {
        let mut t = FirstWords::default();
        for (i, p) in patterns.enumerate() {
            t.starts.add_first(p);
            let Some(w) = p.words.first() else {
                continue;
            };
            if w.prefix {
                let row = (w.text.clone(), i);
                match lead_bytes(&w.text) {
                    Some(k) => t.prefix.long.entry(k).or_default().push(row),
                    None => t.prefix.short.push(row),
                }
            } else {
                t.exact.entry(w.text.clone()).or_default().push(i);
            }
        }
        t
    }

    /// Indexes (ascending) of the patterns whose first word matches `word`, into `out`.
    #[inline(always)]
    fn opening(&self, word: &str, out: &mut Vec<usize>) {
        if self.starts.may_start(word) {
            self.opening_tried(word, out);
        } else {
            out.clear();
        }
    }

    /// [`FirstWords::opening`] past its first test.
    fn opening_tried(&self, word: &str, out: &mut Vec<usize>) {
        out.clear();
        if let Some(v) = self.exact.get(word) {
            out.extend_from_slice(v);
        }
        let long = lead_bytes(word).and_then(|k| self.prefix.long.get(&k));
        for v in [long.map_or(&[][..], Vec::as_slice), &self.prefix.short] {
            out.extend(
                v.iter()
                    .filter(|(p, _)| word.starts_with(p.as_str()))
                    .map(|(_, i)| *i),
            );
        }
        out.sort_unstable();
    }
}

impl RuleIndex {
    /// False when no date word (month, weekday, relative) can match at `w`: its first char
    /// starts none of them.
    #[inline]
    fn may_start_date_word(&self, w: &str) -> bool {
        self.date_starts.may_start(w)
    }

    fn new(r: &LangRules) -> RuleIndex {
        let mut ix = RuleIndex::default();
        for (k, p) in &r.grammar {
            let g = ix.grammar.entry(k.clone()).or_default();
            g.patterns.push(p.clone());
            g.firsts.add_first(p);
            match p.words.last() {
                Some(w) => g.lasts.add(&w.text, w.prefix),
                None => g.lasts.any = true,
            }
            if p.words.len() == 1 {
                ix.suffixes
                    .entry(k.clone())
                    .or_default()
                    .push(p.words[0].text.clone());
            }
        }
        for v in ix.suffixes.values_mut() {
            // Stable: rows of one length stay in file order.
            v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        }
        for (k, kind) in CASE_KINDS.iter().enumerate() {
            for s in ix.suffixes.get(*kind).map_or(&[][..], Vec::as_slice) {
                ix.case_suffixes.push((s.clone(), k));
            }
        }
        ix.case_suffixes
            .sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
        ix.cues = FirstWords::new(r.cues.iter().map(|c| &c.pattern));
        ix.markers = FirstWords::new(r.markers.iter().map(|m| &m.pattern));
        ix.month_bytes = (usize::MAX, 0);
        for d in &r.dates {
            // A word that starts with the date word starts with its first word.
            let first_word = d.word.split(' ').next().unwrap_or("");
            let first = first_word.chars().next();
            ix.date_starts.add(first_word, true);
            match d.kind {
                DateKind::Month => {
                    ix.months.push((d.word.clone(), d.value as u32));
                    if let Some(c) = first {
                        ix.months_by_first
                            .entry(c)
                            .or_default()
                            .push((d.word.clone(), d.value as u32));
                    }
                    ix.month_exact
                        .entry(d.word.clone())
                        .or_insert(d.value as u32);
                    let (lo, hi) = ix.month_bytes;
                    ix.month_bytes = (lo.min(d.word.len()), hi.max(d.word.len()));
                }
                DateKind::Relative => {
                    ix.date_firsts.insert(first_word.to_string());
                }
                DateKind::Weekday => {
                    ix.date_firsts.insert(d.word.clone());
                    ix.weekdays.push(d.word.clone());
                    if let Some(c) = first {
                        ix.weekdays_by_first
                            .entry(c)
                            .or_default()
                            .push(d.word.clone());
                    }
                }
            }
        }
        ix
    }
}

impl LangRules {
    fn index(&self) -> &RuleIndex {
        self.index.get_or_init(|| RuleIndex::new(self))
    }

    /// The grammar patterns of one kind.
    pub fn gram(&self, kind: &str) -> impl Iterator<Item = &Pattern> {
        self.index()
            .grammar
            .get(kind)
            .map_or(&[][..], |g| g.patterns.as_slice())
            .iter()
    }

    /// The grammar rows of one kind, to test many words against ([`GramKind::at`]).
    pub fn gram_kind(&self, kind: &str) -> Option<&GramKind> {
        self.index().grammar.get(kind)
    }

    /// The month of a month word: written exactly in Russian, as a prefix of `w` in Kazakh (the
    /// first such row of the file).
    pub fn month_of(&self, lang: Lang, w: &str) -> Option<u32> {
        let ix = self.index();
        if !ix.may_start_date_word(w) {
            return None;
        }
        if lang == Lang::Kk {
            // A month word that `w` starts with shares its first char (when none is empty;
            // else every month is tried).
            let candidates = match (ix.date_starts.any, w.chars().next()) {
                (false, Some(c)) => ix.months_by_first.get(&c).map_or(&[][..], Vec::as_slice),
                _ => ix.months.as_slice(),
            };
            candidates
                .iter()
                .find(|(m, _)| w.starts_with(m.as_str()))
                .map(|(_, v)| *v)
        } else if (ix.month_bytes.0..=ix.month_bytes.1).contains(&w.len()) {
            ix.month_exact.get(w).copied()
        } else {
            None
        }
    }

    /// False when no date word (month, weekday, relative) is `w` or starts it (true means one may).
    #[inline]
    pub fn may_start_date_word(&self, w: &str) -> bool {
        self.index().may_start_date_word(w)
    }

    /// Whether a relative date word or a weekday can start at the word `w` (false means none
    /// can; true means one may).
    pub fn may_open_date_word(&self, w: &str) -> bool {
        let ix = self.index();
        if !ix.may_start_date_word(w) {
            return false;
        }
        let weekdays = match (ix.date_starts.any, w.chars().next()) {
            (false, Some(c)) => ix.weekdays_by_first.get(&c).map_or(&[][..], Vec::as_slice),
            _ => ix.weekdays.as_slice(),
        };
        ix.date_firsts.contains(w) || weekdays.iter().any(|d| w.starts_with(d.as_str()))
    }

    /// Indexes (ascending) of the cues whose first pattern word matches `word`, into `out`.
    pub fn cues_opening(&self, word: &str, out: &mut Vec<usize>) {
        self.index().cues.opening(word, out);
    }

    /// Indexes (ascending) of the modality markers whose first pattern word matches `word`, into
    /// `out`.
    pub fn markers_opening(&self, word: &str, out: &mut Vec<usize>) {
        self.index().markers.opening(word, out);
    }

    /// Whether a grammar pattern of `kind` matches at word `i`; returns its length.
    pub fn gram_at<W: AsRef<str>>(&self, kind: &str, words: &[W], i: usize) -> Option<usize> {
        self.gram_kind(kind)?.at(words, i)
    }

    /// Whether a grammar pattern of `kind` matches at any of the words `at` (the kind looked up once).
    pub fn gram_any<W: AsRef<str>>(
        &self,
        kind: &str,
        words: &[W],
        at: impl IntoIterator<Item = usize>,
    ) -> bool {
        self.gram_kind(kind)
            .is_some_and(|g| at.into_iter().any(|k| g.at(words, k).is_some()))
    }

    /// Whether a grammar pattern of `kind` ends exactly at word `end` (exclusive); returns its length.
    pub fn gram_ending_at<W: AsRef<str>>(
        &self,
        kind: &str,
        words: &[W],
        end: usize,
    ) -> Option<usize> {
        self.gram_kind(kind)?.ending_at(words, end)
    }

    /// The suffixes of all [`CASE_KINDS`], each with the index of its kind there, longest
    /// first (of one length, in the order of the kinds).
    pub fn case_suffixes(&self) -> &[(String, usize)] {
        &self.index().case_suffixes
    }

    /// Plain suffix strings of `kind` (Kazakh case suffixes), longest first.
    pub fn suffixes(&self, kind: &str) -> &[String] {
        self.index()
            .suffixes
            .get(kind)
            .map_or(&[][..], Vec::as_slice)
    }
}

/// Which table a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Cues,
    Markers,
    Grammar,
    Dates,
}

impl FileKind {
    /// The names of a row's tab-separated fields, in order.
    fn fields(self) -> &'static [&'static str] {
        match self {
            FileKind::Cues => &["pattern", "type", "modality", "form"],
            FileKind::Markers => &["pattern", "modality"],
            FileKind::Grammar => &["kind", "pattern"],
            FileKind::Dates => &["word", "kind", "value"],
        }
    }

    /// Reads the kind and language from a file name like `cues-ru.tsv`.
    pub fn from_name(name: &str) -> Option<(FileKind, Lang)> {
        let stem = name.strip_suffix(".tsv")?;
        let (kind, lang) = stem.rsplit_once('-')?;
        let kind = match kind {
            "cues" => FileKind::Cues,
            "markers" => FileKind::Markers,
            "grammar" => FileKind::Grammar,
            "dates" => FileKind::Dates,
            _ => return None,
        };
        let lang = match lang {
            "ru" => Lang::Ru,
            "kk" => Lang::Kk,
            _ => return None,
        };
        Some((kind, lang))
    }
}

/// A malformed row: `msg`, at `line` (from 1) of `path`.
pub(crate) fn malformed(path: &Path, line: usize, msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedRow, msg)
        .with_path(path)
        .with_line(line)
}

fn duplicate(path: &Path, line: usize, what: &str) -> Error {
    Error::new(ErrorKind::Duplicate, format!("duplicate row: {what}"))
        .with_path(path)
        .with_line(line)
}

fn parse_modality(s: &str) -> Option<Modality> {
    Some(match s.trim() {
        "actual" => Modality::Actual,
        "planned" => Modality::Planned,
        "past_reference" => Modality::PastReference,
        "negated" => Modality::Negated,
        _ => return None,
    })
}

/// The data rows of a TSV text: (1-based line, fields), skipping comments and blank lines.
fn rows(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').collect()))
        }
    })
}

/// Whether the text carries a `# source:` line.
pub(crate) fn has_source(text: &str) -> bool {
    text.lines()
        .any(|l| l.trim_start().starts_with("# source:"))
}

/// Parses one file of `kind` into `rules`; `path` names it in errors.
pub(crate) fn parse_into(
    rules: &mut LangRules,
    kind: FileKind,
    text: &str,
    path: &Path,
) -> Result<(), Error> {
    // The rows change: lookups index them again.
    rules.index = std::sync::OnceLock::new();
    let mut seen: HashSet<String> = HashSet::new();
    let fields = kind.fields();
    for (line, f) in rows(text) {
        let key = f.join("\t");
        if f.len() != fields.len() {
            return Err(malformed(
                path,
                line,
                format!(
                    "expected {} tab-separated fields ({}), found {}",
                    fields.len(),
                    fields.join(", "),
                    f.len()
                ),
            ));
        }
        match kind {
            FileKind::Cues => {
                let pattern =
                    Pattern::parse(f[0]).ok_or_else(|| malformed(path, line, "empty pattern"))?;
                let kind = EventType::parse(f[1]).ok_or_else(|| {
                    malformed(path, line, format!("unknown event type `{}`", f[1]))
                })?;
                let modality = parse_modality(f[2])
                    .ok_or_else(|| malformed(path, line, format!("unknown modality `{}`", f[2])))?;
                let form = match f[3].trim() {
                    "verb" => CueForm::Verb,
                    "noun" => CueForm::Noun,
                    "obj" => CueForm::Obj,
                    "with" => CueForm::With,
                    other => {
                        return Err(malformed(
                            path,
                            line,
                            format!("unknown form `{other}` (verb, noun, obj, with)"),
                        ))
                    }
                };
                if !seen.insert(fold(f[0].trim())) {
                    return Err(duplicate(path, line, f[0]));
                }
                rules.cues.retain(|c| c.pattern.source != pattern.source);
                rules.cues.push(Cue {
                    pattern,
                    kind,
                    modality,
                    form,
                });
            }
            FileKind::Markers => {
                let pattern =
                    Pattern::parse(f[0]).ok_or_else(|| malformed(path, line, "empty pattern"))?;
                let modality = parse_modality(f[1])
                    .ok_or_else(|| malformed(path, line, format!("unknown modality `{}`", f[1])))?;
                if !seen.insert(fold(f[0].trim())) {
                    return Err(duplicate(path, line, f[0]));
                }
                rules.markers.retain(|m| m.pattern.source != pattern.source);
                rules.markers.push(Marker { pattern, modality });
            }
            FileKind::Grammar => {
                let k = f[0].trim();
                if k.is_empty() {
                    return Err(malformed(path, line, "empty kind"));
                }
                let pattern =
                    Pattern::parse(f[1]).ok_or_else(|| malformed(path, line, "empty pattern"))?;
                if !seen.insert(fold(&key)) {
                    return Err(duplicate(path, line, &key));
                }
                rules.grammar.push((k.to_string(), pattern));
            }
            FileKind::Dates => {
                let word = fold(f[0].trim());
                if word.is_empty() {
                    return Err(malformed(path, line, "empty word"));
                }
                let kind = match f[1].trim() {
                    "month" => DateKind::Month,
                    "weekday" => DateKind::Weekday,
                    "relative" => DateKind::Relative,
                    other => {
                        return Err(malformed(
                            path,
                            line,
                            format!("unknown date kind `{other}`"),
                        ))
                    }
                };
                let value: i64 = f[2]
                    .trim()
                    .parse()
                    .map_err(|_| malformed(path, line, format!("`{}` is not a number", f[2])))?;
                let ok = match kind {
                    DateKind::Month => (1..=12).contains(&value),
                    DateKind::Weekday => (1..=7).contains(&value),
                    DateKind::Relative => (-30..=30).contains(&value),
                };
                if !ok {
                    return Err(malformed(path, line, format!("value {value} out of range")));
                }
                if !seen.insert(word.clone()) {
                    return Err(duplicate(path, line, &word));
                }
                rules.dates.retain(|d| d.word != word);
                rules.dates.push(DateWord { word, kind, value });
            }
        }
    }
    Ok(())
}

/// The embedded rules of both languages.
pub(crate) fn embedded() -> Result<(LangRules, LangRules), Error> {
    let mut ru = LangRules::default();
    let mut kk = LangRules::default();
    let files: [(&str, &str, FileKind, bool); 8] = [
        ("cues-ru.tsv", CUES_RU, FileKind::Cues, true),
        ("markers-ru.tsv", MARKERS_RU, FileKind::Markers, true),
        ("grammar-ru.tsv", GRAMMAR_RU, FileKind::Grammar, true),
        ("dates-ru.tsv", DATES_RU, FileKind::Dates, true),
        ("cues-kk.tsv", CUES_KK, FileKind::Cues, false),
        ("markers-kk.tsv", MARKERS_KK, FileKind::Markers, false),
        ("grammar-kk.tsv", GRAMMAR_KK, FileKind::Grammar, false),
        ("dates-kk.tsv", DATES_KK, FileKind::Dates, false),
    ];
    for (name, text, kind, is_ru) in files {
        let path = Path::new("crates/events/data").join(name);
        if !has_source(text) {
            return Err(
                Error::new(ErrorKind::MalformedRow, "missing `# source:` line").with_path(&path),
            );
        }
        let target = if is_ru { &mut ru } else { &mut kk };
        parse_into(target, kind, text, &path)?;
    }
    Ok((ru, kk))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_tables_agree_with_scanning_the_rows() {
        let (ru, kk) = embedded().expect("embedded rules parse");
        for (r, lang) in [(&ru, Lang::Ru), (&kk, Lang::Kk)] {
            // Every cue and date word, some inflections of them, and words of no rule.
            let mut words: Vec<String> = vec!["и".into(), "встреча".into(), "zz".into()];
            for c in &r.cues {
                let w = &c.pattern.words[0].text;
                words.push(w.clone());
                words.push(format!("{w}ами"));
                words.push(w.chars().take(2).collect());
            }
            for m in &r.markers {
                let w = &m.pattern.words[0].text;
                words.push(w.clone());
                words.push(format!("{w}ды"));
            }
            for d in &r.dates {
                words.push(d.word.clone());
                words.push(format!("{}да", d.word));
            }
            let mut got = Vec::new();
            for w in &words {
                r.cues_opening(w, &mut got);
                let want: Vec<usize> = (0..r.cues.len())
                    .filter(|&k| r.cues[k].pattern.words[0].matches(w))
                    .collect();
                assert_eq!(got, want, "{w}");
                r.markers_opening(w, &mut got);
                let want: Vec<usize> = (0..r.markers.len())
                    .filter(|&k| r.markers[k].pattern.words[0].matches(w))
                    .collect();
                assert_eq!(got, want, "{w}");
                let month = r
                    .dates
                    .iter()
                    .filter(|d| d.kind == DateKind::Month)
                    .find(|d| match lang {
                        Lang::Kk => w.starts_with(d.word.as_str()),
                        _ => *w == d.word,
                    })
                    .map(|d| d.value as u32);
                assert_eq!(r.month_of(lang, w), month, "{w}");
                let opens = r.dates.iter().any(|d| match d.kind {
                    DateKind::Relative => d.word.split(' ').next() == Some(w.as_str()),
                    DateKind::Weekday => w.starts_with(d.word.as_str()),
                    DateKind::Month => false,
                });
                if opens {
                    assert!(r.may_open_date_word(w), "{w}");
                }
            }
            for kind in ["frame", "deputy", "coord", "greeting", "nothing"] {
                let want: Vec<&Pattern> = r
                    .grammar
                    .iter()
                    .filter(|(k, _)| k == kind)
                    .map(|(_, p)| p)
                    .collect();
                assert_eq!(r.gram(kind).collect::<Vec<_>>(), want, "{kind}");
            }
            // gram_at, which skips words no pattern of the kind starts with, finds what
            // trying every pattern finds: on each pattern's own words, and on the words above.
            let mut texts: Vec<Vec<String>> = r
                .grammar
                .iter()
                .map(|(_, p)| p.words.iter().map(|w| format!("{}ы", w.text)).collect())
                .collect();
            texts.extend(
                r.grammar
                    .iter()
                    .map(|(_, p)| p.words.iter().map(|w| w.text.clone()).collect::<Vec<_>>()),
            );
            texts.push(words.clone());
            let mut kinds: Vec<&str> = r.grammar.iter().map(|(k, _)| k.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            kinds.push("nothing");
            let mut found = 0;
            for t in &texts {
                for kind in &kinds {
                    for i in 0..=t.len() + 1 {
                        let want = r
                            .gram(kind)
                            .filter(|p| p.matches_at(t, i))
                            .map(|p| p.words.len())
                            .max();
                        assert_eq!(r.gram_at(kind, t, i), want, "{kind} {t:?} {i}");
                        let want_end = r
                            .gram(kind)
                            .filter(|p| p.words.len() <= i && p.matches_at(t, i - p.words.len()))
                            .map(|p| p.words.len())
                            .max();
                        assert_eq!(r.gram_ending_at(kind, t, i), want_end, "{kind} {t:?} {i}");
                        found += usize::from(want_end.is_some());
                        found += usize::from(want.is_some());
                    }
                }
            }
            assert!(found > r.grammar.len() / 2, "{found}");
        }
        // Rows added later are indexed again.
        let mut r = ru.clone();
        r.cues_opening("zzcue", &mut Vec::new());
        parse_into(
            &mut r,
            FileKind::Cues,
            "# source: test\nzzcue\tmeeting\tactual\tverb\n",
            Path::new("t.tsv"),
        )
        .expect("row parses");
        let mut got = Vec::new();
        r.cues_opening("zzcue", &mut got);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn starts_never_refuse_a_word_that_matches() {
        let words = [
            ("с", false),
            ("по", false),
            ("в", true),
            ("abc", true),
            ("встреч", true),
            ("переговоры", false),
            ("ә", true),
        ];
        let mut st = Starts::default();
        for (w, prefix) in words {
            st.add(w, prefix);
        }
        let tests = [
            "с",
            "со",
            "по",
            "под",
            "в",
            "во",
            "abc",
            "abcd",
            "ab",
            "встреча",
            "встре",
            "переговоры",
            "переговор",
            "әңгіме",
            "x",
            "",
            "сә",
            "встречи",
        ];
        let mut refused = 0;
        for t in tests {
            let want = words.iter().any(
                |(w, prefix)| {
                    if *prefix {
                        t.starts_with(w)
                    } else {
                        t == *w
                    }
                },
            );
            if want {
                assert!(st.may_start(t), "{t}");
            } else if !st.may_start(t) {
                refused += 1;
            }
        }
        assert!(refused >= 5, "{refused}");
        let mut all = Starts::default();
        all.add("", true);
        assert!(all.may_start("zz"));
    }

    #[test]
    fn embedded_files_parse_and_cite_sources() {
        let (ru, kk) = embedded().expect("embedded rules parse");
        assert!(ru.cues.len() > 30 && kk.cues.len() > 15);
        assert!(!ru.markers.is_empty() && !kk.markers.is_empty());
        for rules in [&ru, &kk] {
            let months: HashSet<i64> = rules
                .dates
                .iter()
                .filter(|d| d.kind == DateKind::Month)
                .map(|d| d.value)
                .collect();
            assert_eq!(months.len(), 12);
        }
        for t in [
            CUES_RU, CUES_KK, MARKERS_RU, MARKERS_KK, GRAMMAR_RU, GRAMMAR_KK, DATES_RU, DATES_KK,
        ] {
            assert!(has_source(t));
        }
    }

    #[test]
    fn duplicates_and_bad_rows_are_errors() {
        let cue = "встреча\tmeeting\tactual\tnoun";
        let dup = format!("# source: x\n{cue}\n{cue}\n");
        for (kind, text, error, line, want) in [
            (
                FileKind::Cues,
                dup.as_str(),
                ErrorKind::Duplicate,
                3,
                "u.tsv:3",
            ),
            (
                FileKind::Cues,
                "встреча\tparty\tactual\tnoun\n",
                ErrorKind::MalformedRow,
                1,
                "u.tsv:1",
            ),
            (
                FileKind::Cues,
                "# source: x\nвстреча\tmeeting\tactual\n",
                ErrorKind::MalformedRow,
                2,
                "expected 4 tab-separated fields (pattern, type, modality, form), found 3",
            ),
            (
                FileKind::Markers,
                "# source: x\nбудет\n",
                ErrorKind::MalformedRow,
                2,
                "expected 2 tab-separated fields (pattern, modality), found 1",
            ),
            (
                FileKind::Grammar,
                "# source: x\nplural\tони\tx\n",
                ErrorKind::MalformedRow,
                2,
                "expected 2 tab-separated fields (kind, pattern), found 3",
            ),
            (
                FileKind::Dates,
                "# source: x\nмая\tmonth\n",
                ErrorKind::MalformedRow,
                2,
                "expected 3 tab-separated fields (word, kind, value), found 2",
            ),
        ] {
            let e =
                parse_into(&mut LangRules::default(), kind, text, Path::new("u.tsv")).unwrap_err();
            assert_eq!(e.kind(), &error, "{text}");
            assert_eq!(e.line(), Some(line), "{text}");
            assert!(e.to_string().contains(want), "{e}");
        }
    }

    #[test]
    fn gram_any_is_gram_at_of_some_word() {
        let (_, kk) = embedded().expect("embedded rules parse");
        let w: Vec<&str> = "екі ел басшылары делегация кездесті".split(' ').collect();
        for kind in ["plural", "group", "greeting", "no such kind"] {
            for (lo, hi) in [(0, 5), (0, 1), (1, 3), (3, 5), (2, 2)] {
                let want = (lo..hi).any(|k| kk.gram_at(kind, &w, k).is_some());
                assert_eq!(kk.gram_any(kind, &w, lo..hi), want, "{kind} {lo}..{hi}");
            }
        }
        assert!(kk.gram_any("plural", &w, 0..1) && !kk.gram_any("plural", &w, 1..5));
        assert!(kk.gram_any("group", &w, [3]) && !kk.gram_any("group", &w, [0, 1, 2, 4]));
    }

    #[test]
    fn patterns_match_inflections() {
        let p = Pattern::parse("телефонн* разговор*").unwrap();
        let w: Vec<String> = ["провел", "телефонный", "разговор"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(p.matches_at(&w, 1));
        assert!(!p.matches_at(&w, 0));
        assert!(Pattern::parse("  ").is_none());
    }
}
