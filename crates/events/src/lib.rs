//! Event extraction: meetings, talks, calls, visits and receptions in Russian and Kazakh news.
//!
//! # Event types
//!
//! | type | Russian cues | Kazakh cues |
//! |---|---|---|
//! | `meeting` | встретился, встреча, провел встречу, беседа | кездесті, кездесу, кездесуде |
//! | `talks` | переговоры, провели переговоры | келіссөздер, келіссөздер жүргізді |
//! | `call` | телефонный разговор, созвонился, видеоконференция | телефон арқылы сөйлесті |
//! | `visit` | посетил, прибыл, с визитом, визит | сапармен келді / барды, сапары |
//! | `reception` | принял X, аудиенция | X-ті қабылдады |
//!
//! The cues are data (`data/cues-{ru,kk}.tsv`): a pattern (a `*` ends a stem, so one row matches
//! встреча, встречи, встрече ...), the type, the modality the form carries (future forms are
//! `planned`) and its form: `verb` (subject plus «с X» / X-пен companions), `noun` (an event noun,
//! whose genitive owners also take part), `obj` (принял X: the object is the other participant; a
//! pattern ending with its preposition, «приехал к X», takes the person after it) or `with`
//! (обсудил с X, обменялся мнениями с X, X-пен талқылады: an event only with a companion or two subjects).
//!
//! # How a sentence becomes an event
//!
//! 1. Cues are found word by word, the most specific pattern winning.
//! 2. Persons come from [`kzalign_names::Names`] (names, found once per article and read
//!    sentence by sentence — [`Extractor::extract_with_mentions`] takes them from a caller that
//!    has them; a surname alone is the person the article names in full —, and role phrases such as «Глава
//!    государства» resolved to their holder at the event's date — not at all when no date is
//!    known; a role right before a name is its apposition, a role after «заместитель»,
//!    «помощник» is someone else's; «Президенты Казахстана и Италии», «Қазақстан мен Ресей
//!    президенттері» are two role holders).
//! 3. Each person gets a relation to the cue: in Russian from the preposition before it (с → companion,
//!    между → both, по приглашению → host, о / к / для → only mentioned) and a dative ending;
//!    in Kazakh from its case suffix (-пен companion, -ның owner, -ны object, -ға dative,
//!    -да / -дан only mentioned), coordination «X пен Y», «X және Y-пен» sharing the last
//!    conjunct's case. Only persons in the cue's clause and quotation level count.
//!    A dative addressee counts when the cue is the sentence's frame («В ходе встречи X рассказал Y»)
//!    unless greetings are being passed on («передал слова приветствия Y»: Y is absent).
//! 4. Missing participants are found around the sentence: a clause opened by «который» takes the
//!    subjects of the clause before; a surname written alone («Клинтон обсуждала ...») is the
//!    person the article names in full with its key; an object pronoun before the cue («его
//!    встретил X», «оны X қарсы алды») is the last subject; a sentence without a subject takes the last subject of the
//!    text when its own subject is a pronoun or a bare title («Он встретился с X», «новый
//!    украинский лидер может встретиться с X»); a plural subject («Главы государств провели
//!    встречу», «Тараптар») takes the participants of the previous sentence; «с президентом
//!    Европейского совета» without a name takes the person the next two sentences name after the
//!    same organisation words; a meeting with fewer than two names takes those of a following
//!    sentence about taking part («В ней примут участие X, Y и Z») or, after a plural companion
//!    («провел ряд встреч с главами государств»), of the next sentence that tells no event itself.
//! 5. «Токаев встретился с A, B и C» without a group noun (делегация, в составе) is one meeting with
//!    each; a delegation is one event with all its members.
//! 6. Every event needs two participants, except a visit: a visitor (not only the people met) and a
//!    place or a host. A visit noun («в ходе визита X в Y») takes its visitor after it.
//!
//! The grammar words (prepositions, case suffixes, frame words, plural subjects, titles, deputy
//! words, greeting words, clause openers) are data too: `data/grammar-{ru,kk}.tsv`; month, weekday
//! and relative-day words are in `data/dates-{ru,kk}.tsv`.
//!
//! Names come through the [`Lookup`] trait, implemented for [`kzalign_names::Names`] with a small
//! adapter: two names written back to back in one mention are split when both halves are names,
//! a located place inside a mention («Тоқаев Астанада Ильхам») is cut out, a lone first name is
//! joined to the surname after it, and an unknown name inside a place name is dropped.
//!
//! # Modality
//!
//! An event has the modality of its cue, overridden by the nearest marker in its clause within
//! eight words (`data/markers-{ru,kk}.tsv`: планирует, пригласил, сапармен келуге шақырды → `planned`;
//! не состоялась → `negated`; напомнил о состоявшейся, в прошлом году, өткен жылы →
//! `past_reference`), and by its date: more than 31 days before the article date is a past
//! reference, after it is planned; a month and year («в мае 2023 года», «2023 жылдың мамыр
//! айында») in the cue's clause does the same without dating the event. **Events of every
//! modality are returned**, with the modality set: the `extract` command lists them all in its
//! `modality` column, and alignment uses only
//! [`Modality::Actual`](kzalign_core::Modality::Actual) ones.
//!
//! # Date and place
//!
//! The date is, in order: an explicit date in the cue's clause (`date_source` `sentence`); a relative
//! word of the sentence (вчера, накануне, кеше, бүгін, в понедельник: `relative`); the nearest date
//! earlier in the paragraph (`paragraph`); the article's dateline («Нью-Йорк. 23 сентября.»:
//! `dateline`); the article date (`article`) — the last two (and the dateline's place) only for
//! actual events: a recalled or planned event without a date of its own is undated. A date in
//! another clause of the sentence belongs to another predicate and is not used. The place is the nearest location in the sentence (after
//! в / на, or with a Kazakh locative or dative ending), else the dateline's place.
//!
//! # Merging
//!
//! Within an article, events of one family (meeting / talks / reception; call; visit) with the
//! same participants and modality are one event, told by its first sentence in the body (the
//! headline only summarises); talks win over reception over meeting. A visit whose visitors take
//! part in a meeting of the same article and day is that meeting's setting and is folded into it;
//! a meeting and a call of one sentence with the same participants («провел встречу в режиме
//! видеоконференции») are the call.
//! Event ids are `{doc_id}#{sentence start byte}` (with `.1`, `.2` for further events of one
//! sentence): stable across runs.
//!
//! ```
//! use kzalign_core::{Article, EventType, Lang};
//! use kzalign_events::ExtractorBuilder;
//! use kzalign_names::NamesBuilder;
//! use std::sync::Arc;
//!
//! let names = Arc::new(NamesBuilder::new().build().unwrap());
//! let extractor = ExtractorBuilder::new().build(names).unwrap();
//! let article = Article {
//!     id: "a1".into(),
//!     text: "Касым-Жомарт Токаев встретился с Антониу Гутерришем.".into(),
//!     ..Article::default()
//! };
//! let events = extractor.extract(&article, Lang::Ru, "ru");
//! assert_eq!(events.len(), 1);
//! assert_eq!(events[0].kind, EventType::Meeting);
//! let ids: Vec<_> = events[0].participants.iter().filter_map(|p| p.entity_id.as_deref()).collect();
//! assert_eq!(ids, ["antonio-guterres", "kassym-jomart-tokayev"]);
//! ```
#![deny(missing_docs)]

mod dates;
pub mod eval;
mod extract;
mod lexicon;
mod lookup;
mod merge;
mod participants;
mod text;

pub use lookup::Lookup;

use chrono::NaiveDate;
use extract::Rules;
use kzalign_core::{Article, Error, ErrorKind, Event, Lang, Mention};
use kzalign_names::Names;
use lexicon::FileKind;
use std::path::Path;
use std::sync::Arc;

/// Builds an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    extra: Vec<(FileKind, Lang, String, std::path::PathBuf)>,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder::new()
    }
}

impl ExtractorBuilder {
    /// The embedded cue lexicons only.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder { extra: Vec::new() }
    }

    /// Adds the rule files found in `dir` on top of the embedded ones: `cues-{ru,kk}.tsv`,
    /// `markers-{ru,kk}.tsv`, `grammar-{ru,kk}.tsv`, `dates-{ru,kk}.tsv` (other files are ignored).
    /// A row that does not parse is an error naming the file and line.
    pub fn rules_dir(mut self, dir: &Path) -> Result<ExtractorBuilder, Error> {
        let rd = std::fs::read_dir(dir).map_err(|e| {
            Error::new(ErrorKind::Io, format!("cannot read rules directory: {e}")).with_path(dir)
        })?;
        let mut files: Vec<std::path::PathBuf> =
            rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for path in files {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some((kind, lang)) = FileKind::from_name(name) else {
                continue;
            };
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot read: {e}")).with_path(&path)
            })?;
            // Parse now so the error points at the user's file.
            let mut scratch = lexicon::LangRules::default();
            lexicon::parse_into(&mut scratch, kind, &text, &path)?;
            self.extra.push((kind, lang, text, path));
        }
        Ok(self)
    }

    /// The immutable extractor, using `names` for mentions, roles and places.
    pub fn build(self, names: Arc<Names>) -> Result<Extractor, Error> {
        let (mut ru, mut kk) = lexicon::embedded()?;
        for (kind, lang, text, path) in &self.extra {
            let target = if *lang == Lang::Kk { &mut kk } else { &mut ru };
            lexicon::parse_into(target, *kind, text, path)?;
        }
        Ok(Extractor {
            names,
            rules: Arc::new(Rules { ru, kk }),
        })
    }
}

/// Immutable, thread-safe event extractor.
#[derive(Clone, Debug)]
pub struct Extractor {
    names: Arc<Names>,
    rules: Arc<Rules>,
}

impl Extractor {
    /// The names normalizer it uses.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// Extracts the events of one article whose language is `lang`; `edition` labels them.
    /// Events of every modality are returned (see the crate docs); `Lang::Other` has none.
    pub fn extract(&self, article: &Article, lang: Lang, edition: &str) -> Vec<Event> {
        self.extract_given(article, lang, edition, None)
    }

    /// The events of an article read in stretches of one language each (`runs`, as
    /// `kzalign_langid::Detector::runs` cuts a mixed article): each stretch is read as
    /// a text of its own in its language, and its events' spans and ids are those of the whole
    /// article. A single stretch is [`Extractor::extract`].
    pub fn extract_runs(
        &self,
        article: &Article,
        runs: &[(kzalign_core::Span, Lang)],
        edition: &str,
    ) -> Vec<Event> {
        if let [(_, lang)] = runs {
            return self.extract(article, *lang, edition);
        }
        let mut out = Vec::new();
        for &(span, lang) in runs {
            let Some(text) = article.text.get(span.start..span.end) else {
                continue;
            };
            let part = Article {
                text: text.to_string(),
                ..article.clone()
            };
            out.extend(self.extract(&part, lang, edition).into_iter().map(|mut e| {
                e.span =
                    kzalign_core::Span::new(e.span.start + span.start, e.span.end + span.start);
                e
            }));
        }
        merge::assign_ids(&mut out);
        out
    }

    /// The same as [`Extractor::extract`] for a caller that has already found the article's
    /// person mentions: `mentions` must be `self.names().mentions(&article.text, lang)`. Names
    /// are then not looked for again (the extractor reads persons from the article's mentions in
    /// any case, finding them itself when not given).
    pub fn extract_with_mentions(
        &self,
        article: &Article,
        lang: Lang,
        edition: &str,
        mentions: &[Mention],
    ) -> Vec<Event> {
        self.extract_given(article, lang, edition, Some(mentions))
    }

    fn extract_given(
        &self,
        article: &Article,
        lang: Lang,
        edition: &str,
        mentions: Option<&[Mention]>,
    ) -> Vec<Event> {
        let names = self.names.as_ref();
        extract::extract_article(&self.rules, names, article, lang, edition, mentions)
    }

    /// The same as [`Extractor::extract`] with another source of names (tests, adapters).
    pub fn extract_with(
        &self,
        look: &dyn Lookup,
        article: &Article,
        lang: Lang,
        edition: &str,
    ) -> Vec<Event> {
        extract::extract_article(&self.rules, look, article, lang, edition, None)
    }

    /// Runs one regression case of a cue or rule file; `None` when the check is not this crate's.
    ///
    /// Checks and what they return:
    /// - `cue`: the first cue in `input` as `type/modality/form`, or `none`;
    /// - `modality`: the modality of the first cue of the sentence after its markers;
    /// - `date:<YYYY-MM-DD or none>`: the date of the sentence's first cue with the article date
    ///   given, as `YYYY-MM-DD/source` or `none`;
    /// - `event` (optionally `event:<article date>`): the events of `input` as a one-sentence article,
    ///   `type:id;id` (ids are entity ids, else keys, sorted), with `/modality` after the type when
    ///   it is not actual, joined by ` | `; `none` when there are none.
    pub fn check_case(&self, check: &str, lang: Lang, input: &str) -> Option<String> {
        self.check_case_with(self.names.as_ref(), check, lang, input)
    }

    /// [`Extractor::check_case`] with another source of names.
    pub fn check_case_with(
        &self,
        look: &dyn Lookup,
        check: &str,
        lang: Lang,
        input: &str,
    ) -> Option<String> {
        let (name, arg) = match check.split_once(':') {
            Some((n, a)) => (n, Some(a)),
            None => (check, None),
        };
        let lr = self.rules.get(lang)?;
        let parse_date =
            |a: Option<&str>| a.and_then(|s| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok());
        match name {
            "cue" => {
                let toks = text::tokenize(input);
                Some(match extract::find_cues(&toks, lr).first() {
                    Some(h) => format!(
                        "{}/{}/{}",
                        h.cue.kind.code(),
                        h.cue.modality.code(),
                        match h.cue.form {
                            lexicon::CueForm::Verb => "verb",
                            lexicon::CueForm::Noun => "noun",
                            lexicon::CueForm::Obj => "obj",
                            lexicon::CueForm::With => "with",
                        }
                    ),
                    None => "none".to_string(),
                })
            }
            "modality" => Some(first_cue_modality(lr, input)),
            "date" => {
                let reference = parse_date(arg);
                let article = Article {
                    id: "case".into(),
                    date: reference,
                    text: input.to_string(),
                    ..Article::default()
                };
                let (d, s) = extract::sentence_date(&self.rules, look, &article, lang);
                Some(match d {
                    Some(d) => format!("{}/{}", d.format("%Y-%m-%d"), s.code()),
                    None => "none".to_string(),
                })
            }
            "event" => {
                let article = Article {
                    id: "case".into(),
                    date: parse_date(arg),
                    text: input.to_string(),
                    ..Article::default()
                };
                let evs =
                    extract::extract_article(&self.rules, look, &article, lang, lang.code(), None);
                if evs.is_empty() {
                    return Some("none".to_string());
                }
                Some(evs.iter().map(format_event).collect::<Vec<_>>().join(" | "))
            }
            _ => None,
        }
    }
}

/// `type[/modality]:id;id` with ids sorted.
pub fn format_event(e: &Event) -> String {
    let mut ids: Vec<String> = e.participants.iter().map(participants::identity).collect();
    ids.sort();
    let m = if e.modality == kzalign_core::Modality::Actual {
        String::new()
    } else {
        format!("/{}", e.modality.code())
    };
    format!("{}{}:{}", e.kind.code(), m, ids.join(";"))
}

fn first_cue_modality(lr: &lexicon::LangRules, input: &str) -> String {
    let toks = text::tokenize(input);
    let hits = extract::find_cues(&toks, lr);
    if hits.is_empty() {
        return "none".to_string();
    }
    let clause = text::clauses(&toks, lr);
    let words: Vec<&str> = toks.iter().map(|t| t.norm.as_ref()).collect();
    extract::cue_modality(&hits, 0, &clause, &words, lr)
        .code()
        .to_string()
}
