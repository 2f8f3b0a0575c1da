//! The adapter between the extractor and the names crate.

use chrono::NaiveDate;
use kzalign_core::{Lang, Mention, MentionKind, Span};
use kzalign_names::Names;
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;

/// What the extractor needs from a name finder. [`Names`] implements it; tests may use a table.
pub trait Lookup {
    /// Person mentions in `text` (byte spans into `text`).
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention>;
    /// Place mentions in `text`, with canonical English names where known.
    fn places(&self, text: &str, lang: Lang) -> Vec<Mention>;
    /// The same as [`Lookup::persons`] when `places` are this lookup's own places of `text`
    /// (a caller that has them saves reading them again).
    fn persons_with_places(&self, text: &str, lang: Lang, places: &[Mention]) -> Vec<Mention> {
        let _ = places;
        self.persons(text, lang)
    }
    /// The name mentions of a whole article, for [`Lookup::persons_from`] to read sentence by
    /// sentence (names are found once per article); `None`, the default, when this lookup reads
    /// every text on its own.
    fn article_mentions(&self, text: &str, lang: Lang) -> Option<Vec<Mention>> {
        let _ = (text, lang);
        None
    }
    /// The persons of `text`, a slice of an article, from `found`: those of the article's
    /// mentions ([`Lookup::article_mentions`]) that lie inside `text`, their spans moved to index
    /// it; `places` are this lookup's places of `text`. The default reads `text` itself.
    fn persons_from(
        &self,
        text: &str,
        lang: Lang,
        places: &[Mention],
        found: Vec<Mention>,
    ) -> Vec<Mention> {
        let _ = found;
        self.persons_with_places(text, lang, places)
    }
    /// The places of `text`, the slice at byte `offset` of an article whose places
    /// ([`Lookup::places`]) are `article`, told from the article's places without reading `text`
    /// again; `None` when they cannot be (the default, or a place across the slice's edge).
    fn places_within(
        &self,
        text: &str,
        offset: usize,
        article: &[Mention],
    ) -> Option<Vec<Mention>> {
        let _ = (text, offset, article);
        None
    }
    /// Role phrases («Глава государства») resolved to their holder at `date`.
    fn roles(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention>;
    /// The same as [`Lookup::roles`] of `text[within]` (a sentence of an article; spans index
    /// the slice) when `found` are its name mentions (as [`Lookup::persons_from`] takes them);
    /// the default reads the slice itself.
    fn roles_within(
        &self,
        text: &str,
        within: Span,
        lang: Lang,
        date: Option<NaiveDate>,
        found: &[Mention],
    ) -> Vec<Mention> {
        let _ = found;
        self.roles(text.get(within.start..within.end).unwrap_or(""), lang, date)
    }
    /// Reads `word` (a capitalized word the mention finder passed over) as a person's name, if it
    /// can; the extractor accepts it only when its key is that of a person named in the article.
    fn name_of(&self, word: &str, lang: Lang) -> Option<Mention> {
        let _ = (word, lang);
        None
    }
}

/// A lookup that remembers the places it read for one article: the extractor needs the places of
/// a sentence both to find its persons and its locations.
pub(crate) struct Memo<'a> {
    look: &'a dyn Lookup,
    /// lang -> text -> places (looked up without allocating).
    places: RefCell<HashMap<Lang, HashMap<String, Vec<Mention>>>>,
}

impl<'a> Memo<'a> {
    pub(crate) fn new(look: &'a dyn Lookup) -> Memo<'a> {
        Memo {
            look,
            places: RefCell::new(HashMap::default()),
        }
    }

    /// The places of `text` read so far.
    fn known_places(&self, text: &str, lang: Lang) -> Option<Vec<Mention>> {
        self.places.borrow().get(&lang)?.get(text).cloned()
    }

    /// The places of `text`, read and not remembered: for a text asked about once, such as a
    /// whole article.
    pub(crate) fn places_once(&self, text: &str, lang: Lang) -> Vec<Mention> {
        self.look.places(text, lang)
    }

    fn remember_places(&self, text: &str, lang: Lang, places: Vec<Mention>) {
        self.places
            .borrow_mut()
            .entry(lang)
            .or_default()
            .insert(text.to_string(), places);
    }
}

impl Lookup for Memo<'_> {
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention> {
        let places = self.places(text, lang);
        self.look.persons_with_places(text, lang, &places)
    }

    fn persons_with_places(&self, text: &str, lang: Lang, places: &[Mention]) -> Vec<Mention> {
        self.look.persons_with_places(text, lang, places)
    }

    fn article_mentions(&self, text: &str, lang: Lang) -> Option<Vec<Mention>> {
        self.look.article_mentions(text, lang)
    }

    fn persons_from(
        &self,
        text: &str,
        lang: Lang,
        places: &[Mention],
        found: Vec<Mention>,
    ) -> Vec<Mention> {
        self.look.persons_from(text, lang, places, found)
    }

    fn places_within(
        &self,
        text: &str,
        offset: usize,
        article: &[Mention],
    ) -> Option<Vec<Mention>> {
        self.look.places_within(text, offset, article)
    }

    fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
        if let Some(v) = self.known_places(text, lang) {
            return v;
        }
        let v = self.look.places(text, lang);
        self.remember_places(text, lang, v.clone());
        v
    }

    fn roles(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention> {
        self.look.roles(text, lang, date)
    }

    fn roles_within(
        &self,
        text: &str,
        within: Span,
        lang: Lang,
        date: Option<NaiveDate>,
        found: &[Mention],
    ) -> Vec<Mention> {
        self.look.roles_within(text, within, lang, date, found)
    }

    fn name_of(&self, word: &str, lang: Lang) -> Option<Mention> {
        self.look.name_of(word, lang)
    }
}

impl Lookup for Names {
    fn persons(&self, text: &str, lang: Lang) -> Vec<Mention> {
        self.persons_with_places(text, lang, &Names::places(self, text, lang))
    }

    fn persons_with_places(&self, text: &str, lang: Lang, all_places: &[Mention]) -> Vec<Mention> {
        self.persons_from(text, lang, all_places, self.mentions(text, lang))
    }

    fn article_mentions(&self, text: &str, lang: Lang) -> Option<Vec<Mention>> {
        Some(self.mentions(text, lang))
    }

    fn persons_from(
        &self,
        text: &str,
        lang: Lang,
        all_places: &[Mention],
        found: Vec<Mention>,
    ) -> Vec<Mention> {
        let located_places: Vec<&Mention> = all_places
            .iter()
            .filter(|p| located(text, p, lang))
            .collect();
        let pieces: Vec<Mention> = found
            .into_iter()
            .filter(|m| m.kind == MentionKind::Person)
            // «Жамбыл облысының»: an unknown name inside a place is the place.
            .filter(|m| {
                m.entity_id.is_some()
                    || !all_places
                        .iter()
                        .any(|p| p.span.start <= m.span.start && m.span.end <= p.span.end)
            })
            .fold(Vec::new(), |mut out, m| {
                // (Most mentions hold no place: kept without a list of their own.)
                if located_places.iter().any(|p| p.span.overlaps(&m.span)) {
                    out.extend(cut_places(self, text, &m, &located_places, lang));
                } else {
                    out.push(m);
                }
                out
            });
        let mut out = Vec::new();
        for m in join_first_names(self, text, pieces, lang) {
            // (Most mentions have one or two words: kept as they are.)
            let few = text
                .get(m.span.start..m.span.end)
                .map_or(true, |body| body.split_whitespace().nth(2).is_none());
            if few {
                out.push(m);
            } else {
                out.extend(split_adjacent(self, text, m, lang));
            }
        }
        out
    }

    fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
        Names::places(self, text, lang)
    }

    /// A place is found from its own words left to right, so the places of a slice that starts
    /// and ends at word edges (a sentence) are the text's places inside it, unless one crosses
    /// its edge (and so took words the slice reads otherwise).
    fn places_within(
        &self,
        text: &str,
        offset: usize,
        article: &[Mention],
    ) -> Option<Vec<Mention>> {
        let end = offset + text.len();
        let mut out = Vec::new();
        for p in article {
            if p.span.end <= offset || p.span.start >= end {
                continue;
            }
            if p.span.start < offset || p.span.end > end {
                return None;
            }
            out.push(Mention {
                span: kzalign_core::Span::new(p.span.start - offset, p.span.end - offset),
                ..p.clone()
            });
        }
        Some(out)
    }

    fn roles(&self, text: &str, lang: Lang, date: Option<NaiveDate>) -> Vec<Mention> {
        self.role_mentions(text, lang, date)
    }

    fn roles_within(
        &self,
        text: &str,
        within: Span,
        lang: Lang,
        date: Option<NaiveDate>,
        found: &[Mention],
    ) -> Vec<Mention> {
        self.role_mentions_within(text, within, lang, date, found)
    }

    fn name_of(&self, word: &str, lang: Lang) -> Option<Mention> {
        mention_of(self, word, 0, word.len(), lang).filter(|m| !m.key.is_empty())
    }
}

/// Word spans (byte offsets into `text`) of the mention's text.
fn word_spans(text: &str, m: &Mention) -> Vec<(usize, usize)> {
    let Some(body) = text.get(m.span.start..m.span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in body.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((m.span.start + s, m.span.start + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((m.span.start + s, m.span.end));
    }
    out
}

fn mention_of(names: &Names, text: &str, start: usize, end: usize, lang: Lang) -> Option<Mention> {
    let surface = text.get(start..end)?;
    let n = names.normalize(surface, lang);
    Some(Mention {
        kind: MentionKind::Person,
        span: kzalign_core::Span::new(start, end),
        text: surface.to_string(),
        lang,
        lemma: n.lemma,
        key: n.key,
        latin: n.latin,
        entity_id: n.entity_id,
        canonical: n.canonical,
    })
}

/// Two names written back to back («Қасым-Жомарт Тоқаев Антониу Гутерришпен») can come as one
/// mention; it is split where both halves are different known persons, or one is
/// known and the other a two-word name that is not a role phrase. (Its caller passes only
/// mentions of three words or more.)
fn split_adjacent(names: &Names, text: &str, m: Mention, lang: Lang) -> Vec<Mention> {
    let words = word_spans(text, &m);
    let mut best: Option<(u8, Mention, Mention)> = None;
    for k in 1..words.len() {
        let (Some(left), Some(right)) = (
            mention_of(names, text, words[0].0, words[k - 1].1, lang),
            mention_of(names, text, words[k].0, words[words.len() - 1].1, lang),
        ) else {
            continue;
        };
        // A two-word unresolved half is a name of its own when it is not a role phrase
        // («Дархан Қыдырәлі Нұрсұлтан Назарбаевқа», not «Қазақстан Президенті Қасым-Жомарт Тоқаев»).
        let plain = |m: &Mention| {
            m.text.split_whitespace().count() == 2
                && m.text
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && names.role_mentions(&m.text, lang, None).is_empty()
        };
        let score = match (&left.entity_id, &right.entity_id) {
            (Some(a), Some(b)) if a != b => 3,
            (None, Some(_)) if plain(&left) && words.len() - k >= 2 => 2,
            (Some(_), None) if plain(&right) && k >= 2 => 2,
            _ => 0,
        };
        if score > 0 && best.as_ref().map_or(true, |(s, _, _)| score > *s) {
            best = Some((score, left, right));
        }
    }
    match best {
        Some((_, l, r)) => vec![l, r],
        None => vec![m],
    }
}

/// Whether a place mention is marked as a location: a Kazakh case ending, or a Russian
/// preposition before it («в Москве»). Such a word is never part of a person's name.
fn located(text: &str, p: &Mention, lang: Lang) -> bool {
    match lang {
        // (A place written as its lemma has no ending.)
        Lang::Kk if p.text == p.lemma => false,
        Lang::Kk => {
            let surf = p.text.to_lowercase();
            let lemma = p.lemma.to_lowercase();
            surf != lemma
                && surf.starts_with(lemma.get(..lemma.len().saturating_sub(2)).unwrap_or(""))
        }
        _ => {
            let before = text.get(..p.span.start).unwrap_or("").trim_end();
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            // Lower-casing never shortens a word: only a word of one or two chars can be one
            // of these.
            prev.chars().nth(2).is_none()
                && matches!(prev.to_lowercase().as_str(), "в" | "во" | "на" | "из")
        }
    }
}

/// A person mention with a located place inside it («Тоқаев Астанада Ильхам») is cut around it:
/// its runs of words outside `places` (its caller passes only mentions that one overlaps).
fn cut_places(
    names: &Names,
    text: &str,
    m: &Mention,
    places: &[&Mention],
    lang: Lang,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize)> = None;
    for (ws, we) in word_spans(text, m) {
        let inside = places
            .iter()
            .any(|p| p.span.overlaps(&kzalign_core::Span::new(ws, we)));
        if inside {
            if let Some((a, b)) = run.take() {
                out.extend(mention_of(names, text, a, b, lang));
            }
        } else {
            run = Some(run.map_or((ws, we), |(a, _)| (a, we)));
        }
    }
    if let Some((a, b)) = run {
        out.extend(mention_of(names, text, a, b, lang));
    }
    out
}

/// A lone unresolved word right before another mention is its first name («Ильхам» + «Әлиевпен»).
fn join_first_names(names: &Names, text: &str, ms: Vec<Mention>, lang: Lang) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for m in ms {
        if let Some(prev) = out.last() {
            let gap = text.get(prev.span.end..m.span.start).unwrap_or("x");
            let lone = prev.entity_id.is_none() && !prev.text.trim().contains(char::is_whitespace);
            if lone && !gap.is_empty() && gap.trim().is_empty() {
                if let Some(j) = mention_of(names, text, prev.span.start, m.span.end, lang) {
                    out.pop();
                    out.push(j);
                    continue;
                }
            }
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use kzalign_core::Span;
    use std::cell::Cell;

    /// Counts place reads; one place per text.
    struct Counting {
        reads: Cell<usize>,
    }

    impl Lookup for Counting {
        fn persons(&self, text: &str, lang: Lang) -> Vec<Mention> {
            let places = self.places(text, lang);
            self.persons_with_places(text, lang, &places)
        }
        fn persons_with_places(&self, text: &str, lang: Lang, places: &[Mention]) -> Vec<Mention> {
            // A person for every place, so the answer shows which places it was given.
            places
                .iter()
                .map(|p| Mention {
                    kind: MentionKind::Person,
                    text: format!("{}:{}", text.len(), p.text),
                    lang,
                    ..p.clone()
                })
                .collect()
        }
        fn places(&self, text: &str, lang: Lang) -> Vec<Mention> {
            self.reads.set(self.reads.get() + 1);
            vec![Mention {
                kind: MentionKind::Place,
                span: Span::new(0, text.len().min(3)),
                text: text.chars().take(3).collect(),
                lang,
                lemma: String::new(),
                key: String::new(),
                latin: String::new(),
                entity_id: None,
                canonical: None,
            }]
        }
        fn roles(&self, _: &str, _: Lang, _: Option<NaiveDate>) -> Vec<Mention> {
            Vec::new()
        }
    }

    #[test]
    fn places_of_a_sentence_are_the_article_places_inside_it() {
        let names = kzalign_names::NamesBuilder::new().build().unwrap();
        let text = "Токаев прибыл в Нью-Йорк. В Южной Корее и в Астане прошли встречи.\n\
                    Тоқаев Астанада Ильхам Әлиевпен кездесті. Сауд Арабиясы.";
        let all = Names::places(&names, text, Lang::Ru);
        assert!(all.len() >= 4, "{all:?}");
        for s in kzalign_core::sentences(text) {
            let within = names.places_within(s.text, s.span.start, &all);
            assert_eq!(
                within,
                Some(Names::places(&names, s.text, Lang::Ru)),
                "{}",
                s.text
            );
        }
        // A place across the slice's edge: not told.
        let p = &all[0];
        let from = p.span.start
            + text[p.span.start..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        assert_eq!(names.places_within(&text[from..], from, &all), None);
    }

    #[test]
    fn memo_answers_as_the_lookup_and_reads_places_once_per_text() {
        let plain = Counting {
            reads: Cell::new(0),
        };
        let inner = Counting {
            reads: Cell::new(0),
        };
        let memo = Memo::new(&inner);
        for text in ["Астана", "Алматы", "Астана"] {
            assert_eq!(memo.persons(text, Lang::Ru), plain.persons(text, Lang::Ru));
            assert_eq!(memo.places(text, Lang::Ru), plain.places(text, Lang::Ru));
        }
        assert_eq!(plain.reads.get(), 6);
        assert_eq!(inner.reads.get(), 2, "once per distinct text");
        // The language is part of the key.
        memo.places("Астана", Lang::Kk);
        assert_eq!(inner.reads.get(), 3);
    }
}
