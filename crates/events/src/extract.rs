//! The per-article pipeline: cues, participants, modality, date and place, then merging.

use crate::dates::{find_dates, FoundDate};
use crate::lexicon::{Cue, CueForm, LangRules};
use crate::lookup::Lookup;
use crate::merge::{family, merge, Raw};
use crate::participants::{
    dedup, direct, ending, identity, identity_str, items, last_word, title_anaphor, token_range,
    unnamed_companion, ArticlePeople, Direct, Item, Rel,
};
use crate::text::{clauses, quote_depth, tokenize, tokenize_first, Token};
use chrono::{Datelike, Duration, NaiveDate};
use kzalign_core::{
    sentences, Article, DateSource, Event, EventType, Lang, Mention, Modality, Participant, Span,
};

/// The rules of both languages.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    pub ru: LangRules,
    pub kk: LangRules,
}

impl Rules {
    pub fn get(&self, lang: Lang) -> Option<&LangRules> {
        match lang {
            Lang::Ru => Some(&self.ru),
            Lang::Kk => Some(&self.kk),
            Lang::Other => None,
        }
    }
}

/// A cue found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct CueHit<'r> {
    pub first: usize,
    pub last: usize,
    pub cue: &'r Cue,
}

/// Finds the cues of a sentence: at each word the most specific pattern, without overlaps.
pub(crate) fn find_cues<'r>(tokens: &[Token], rules: &'r LangRules) -> Vec<CueHit<'r>> {
    let words = tokens;
    let mut out = Vec::new();
    let mut opening = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].word {
            i += 1;
            continue;
        }
        // Only cues whose first word matches this one, in file order (the last of equal weight wins).
        rules.cues_opening(&tokens[i].norm, &mut opening);
        let best = opening
            .iter()
            .map(|&k| &rules.cues[k])
            .filter(|c| c.pattern.matches_at(words, i))
            .max_by_key(|c| (c.pattern.words.len(), c.pattern.weight()));
        match best {
            Some(c) => {
                let n = c.pattern.words.len();
                out.push(CueHit {
                    first: i,
                    last: i + n,
                    cue: c,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether the cue at `hit` is the frame of its sentence («в ходе встречи», «кездесу барысында»).
fn is_frame(hit: &CueHit<'_>, tokens: &[Token], rules: &LangRules, lang: Lang) -> bool {
    if hit.cue.form != CueForm::Noun {
        return false;
    }
    // The tokens read as their folded words.
    let words = tokens;
    match lang {
        Lang::Kk => {
            rules.gram_at("frame", words, hit.last).is_some()
                || tokens
                    .get(hit.last - 1)
                    .is_some_and(|t| t.norm.ends_with("де") || t.norm.ends_with("да"))
        }
        _ => rules.gram_ending_at("frame", words, hit.first).is_some(),
    }
}

/// Masks a leading `date YYYY-MM-DD` header (a reader's format, not text) with spaces.
fn mask_header(text: &str) -> String {
    let trimmed = text.trim_start();
    let lead = text.len() - trimmed.len();
    if let Some(rest) = trimmed.strip_prefix("date ") {
        let iso = rest.get(..10).unwrap_or("");
        let b = iso.as_bytes();
        if iso.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && iso.chars().filter(|c| c.is_ascii_digit()).count() == 8
        {
            let end = lead + 5 + 10;
            let mut s = String::with_capacity(text.len());
            s.push_str(&text[..lead]);
            s.push_str(&" ".repeat(end - lead));
            s.push_str(&text[end..]);
            return s;
        }
    }
    text.to_string()
}

/// The article's dateline («Нью-Йорк. 23 сентября.», «АСТАНА, 23 қыркүйек»): its date, place and
/// byte span, from a paragraph among the first four that opens with capitalized words and a date.
fn dateline(
    text: &str,
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    reference: Option<NaiveDate>,
) -> Option<(Option<NaiveDate>, Option<String>, Span)> {
    let mut seen = 0;
    let mut start = 0usize;
    for line in text.split_inclusive('\n') {
        let body = line.trim();
        let off = start + (line.len() - line.trim_start().len());
        start += line.len();
        if body.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 4 {
            break;
        }
        // A dateline's date is written with digits.
        if !has_digit(body) {
            continue;
        }
        let head: Vec<Token> = tokenize_first(body, 12);
        let dates = find_dates(&head, rules, lang, reference);
        let Some(d) = dates
            .iter()
            .find(|d| !d.relative && !d.coarse && d.first > 0)
        else {
            continue;
        };
        let prefix = &head[..d.first];
        let words = prefix.iter().filter(|t| t.word).count();
        let ok = (1..=3).contains(&words)
            && prefix
                .iter()
                .all(|t| (t.word && t.upper) || matches!(t.norm.as_ref(), "." | "," | "-"))
            && prefix
                .last()
                .is_some_and(|t| t.norm == "." || t.norm == ",");
        if !ok {
            continue;
        }
        let place_text = &body[..prefix.last().map_or(0, |t| t.start)];
        let place = look
            .places(place_text, lang)
            .into_iter()
            .next()
            .map(|m| m.canonical.unwrap_or(m.latin));
        let end = head.get(d.last - 1).map_or(0, |t| t.end);
        return Some((d.date, place, Span::new(off, off + end)));
    }
    None
}

/// Whether `s` has an ASCII digit (read in blocks of 32 bytes, each without a branch per byte).
fn has_digit(s: &str) -> bool {
    s.as_bytes()
        .chunks(32)
        .any(|c| c.iter().fold(false, |any, &b| any | b.is_ascii_digit()))
}

/// The sentence's `places`, each with whether it names where something happens: after в/во/на in
/// Russian, with a locative or dative ending in Kazakh.
fn locations(
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    places: &[Mention],
) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    for m in places {
        let Some((first, _)) = token_range(tokens, m.span) else {
            continue;
        };
        let name = m
            .canonical
            .clone()
            .filter(|c| !c.is_empty())
            .unwrap_or_else(|| m.latin.clone());
        if name.is_empty() {
            continue;
        }
        let ok = match lang {
            Lang::Kk => {
                let surf = last_word(&m.text);
                let d = ending(&surf, &last_word(&m.lemma));
                !d.is_empty()
                    && ["loc", "dat"]
                        .iter()
                        .any(|k| rules.suffixes(k).iter().any(|s| d.ends_with(s)))
            }
            _ => first > 0 && matches!(tokens[first - 1].norm.as_ref(), "в" | "во" | "на"),
        };
        out.push((first, name, ok));
    }
    out
}

/// Sentences after its last mention that a subject stays the one a subject-less clause continues
/// with («Токаев прибыл в Рим. Он встретился с X»); past them the article's main subject is.
const TOPIC_REACH: usize = 3;

/// Per-article state carried between sentences.
#[derive(Default)]
struct Carry {
    /// The last subject seen.
    topic: Option<Participant>,
    /// The sentence of the last subject.
    topic_at: usize,
    /// Each person that was a sentence's subject, with how many sentences it was (first-seen order).
    subjects: Vec<(String, Participant, usize)>,
    /// Participants of the previous sentence (its event's, else its persons).
    previous: Vec<Participant>,
}

impl Carry {
    /// The person a clause of sentence `si` with no subject of its own continues with: the last
    /// subject when it was told within [`TOPIC_REACH`] sentences, else the person the article
    /// most often made a subject (at least twice; the earliest on a tie), else nobody (a pronoun
    /// far from its last subject is not guessed at).
    fn topic_for(&self, si: usize) -> Option<Participant> {
        if si.saturating_sub(self.topic_at) <= TOPIC_REACH {
            return self.topic.clone();
        }
        let mut best: Option<&(String, Participant, usize)> = None;
        for s in &self.subjects {
            if s.2 >= 2 && best.map_or(true, |b| s.2 > b.2) {
                best = Some(s);
            }
        }
        best.map(|b| b.1.clone())
    }

    /// Records the subject of sentence `si`.
    fn subject(&mut self, si: usize, p: &Participant) {
        let id = identity(p);
        match self.subjects.iter_mut().find(|s| s.0 == id) {
            Some(s) => s.2 += 1,
            None => self.subjects.push((id, p.clone(), 1)),
        }
        self.topic = Some(p.clone());
        self.topic_at = si;
    }
}

/// What dates an article's events beyond their own sentences: its date and its dateline.
struct DateCtx {
    reference: Option<NaiveDate>,
    dateline: Option<(Option<NaiveDate>, Option<String>, Span)>,
}

impl DateCtx {
    /// The context of an article whose (header-masked) text is `text` and date `reference`.
    fn new(
        text: &str,
        lang: Lang,
        lr: &LangRules,
        look: &dyn Lookup,
        reference: Option<NaiveDate>,
    ) -> DateCtx {
        DateCtx {
            reference,
            dateline: dateline(text, lang, lr, look, reference),
        }
    }
}

/// The dates of one sentence split into `toks`; the dateline's own date is left out.
fn sentence_dates(
    s: &kzalign_core::Sentence<'_>,
    toks: &[Token<'_>],
    lr: &LangRules,
    lang: Lang,
    ctx: &DateCtx,
) -> Vec<FoundDate> {
    let mut ds = find_dates(toks, lr, lang, ctx.reference);
    if let Some((_, _, span)) = ctx.dateline {
        ds.retain(|d| {
            let b = s.span.start + toks[d.first].start;
            !(span.start <= b && b < span.end)
        });
    }
    ds
}

/// `read` of each sentence (with its index) that `needed` asks for; an empty list for the others.
fn read_needed<'s, T>(
    sents: &[kzalign_core::Sentence<'s>],
    needed: impl Fn(usize) -> bool,
    mut read: impl FnMut(usize, &kzalign_core::Sentence<'s>) -> Vec<T>,
) -> Vec<Vec<T>> {
    sents
        .iter()
        .enumerate()
        .map(|(k, s)| if needed(k) { read(k, s) } else { Vec::new() })
        .collect()
}

/// Extracts the events of one article.
/// `mentions`, when given, are the article's name mentions (`look.article_mentions(&article.text)`).
pub(crate) fn extract_article(
    rules: &Rules,
    look: &dyn Lookup,
    article: &Article,
    lang: Lang,
    edition: &str,
    mentions: Option<&[Mention]>,
) -> Vec<Event> {
    let Some(lr) = rules.get(lang) else {
        return Vec::new();
    };
    let memo = crate::lookup::Memo::new(look);
    let look: &dyn Lookup = &memo;
    let text = mask_header(&article.text);
    let sents = sentences(&text);
    let sent_tokens: Vec<Vec<Token<'_>>> = sents.iter().map(|s| tokenize(s.text)).collect();
    // The persons of the sentences that can matter: those with a cue, the three before them
    // (subjects carried over) and the two after (names of titles); roles resolved at the
    // sentence's date. Other sentences are not read, which keeps long articles cheap.
    let sent_hits: Vec<Vec<CueHit<'_>>> = sent_tokens.iter().map(|t| find_cues(t, lr)).collect();
    let has_cue: Vec<bool> = sent_hits.iter().map(|h| !h.is_empty()).collect();
    // Every event is told at a cue: an article without one has none.
    if !has_cue.contains(&true) {
        return Vec::new();
    }
    let ctx = DateCtx::new(&text, lang, lr, look, article.date);
    // The dates of a sentence, read when an event or a sentence's date asks for them.
    let date_cells = vec![std::cell::OnceCell::new(); sents.len()];
    let dates_at = |k: usize| -> &[FoundDate] {
        date_cells[k].get_or_init(|| sentence_dates(&sents[k], &sent_tokens[k], lr, lang, &ctx))
    };
    let sent_clauses = vec![std::cell::OnceCell::new(); sent_tokens.len()];
    let clause_of = |k: usize| clause_at(&sent_clauses, &sent_tokens, k, lr);
    let needed = |si: usize| (si.saturating_sub(2)..(si + 4).min(sents.len())).any(|k| has_cue[k]);
    // The places of those sentences, told from the article's places where the lookup can.
    // (The article's places are asked for once: not remembered.)
    let article_places = memo.places_once(&text, lang);
    // (Empty for a sentence far from every cue: no event reads them.)
    let sent_places: Vec<Vec<Mention>> = read_needed(&sents, needed, |_, s| {
        look.places_within(s.text, s.span.start, &article_places)
            .unwrap_or_else(|| look.places(s.text, lang))
    });
    // The persons of the whole article, read only when a companion word or, in a sentence with a
    // cue, a surname alone was passed over.
    let article_people =
        ArticlePeople::new(&text, &article.text, lang, look, mentions).with_places(&article_places);
    let all_items: Vec<Vec<(Item, Mention)>> = read_needed(&sents, needed, |si, s| {
        let (sdate, _) = event_date(si, None, &sents, &dates_at, &ctx, &clause_of);
        items(
            s.text,
            s.span.start,
            &sent_tokens[si],
            lang,
            lr,
            look,
            sdate,
            &article_people,
            has_cue[si],
            &sent_places[si],
            &|| clause_of(si),
        )
    });
    let mut raws: Vec<Raw> = Vec::new();
    let mut carry = Carry::default();
    for (si, s) in sents.iter().enumerate() {
        let tokens = &sent_tokens[si];
        let hits = &sent_hits[si];
        let its = &all_items[si];
        let mut sentence_events: Vec<Event> = Vec::new();
        if !hits.is_empty() {
            let depth = quote_depth(tokens);
            let clause = clause_of(si).to_vec();
            let locs = locations(tokens, lang, lr, &sent_places[si]);
            let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_ref()).collect();
            let greeting = lr.gram_any("greeting", &words, 0..tokens.len());
            // Whether the first word of clause `k` opens a grammar pattern of `kind`.
            let opens = |k: usize, kind: &str| {
                (0..tokens.len())
                    .find(|&t| clause[t] == k && tokens[t].word)
                    .is_some_and(|t| lr.gram_at(kind, &words, t).is_some())
            };
            for (hi, hit) in hits.iter().enumerate() {
                let c = clause[hit.first];
                let d = depth[hit.first];
                // The words of the cue's clause.
                let in_clause = || (0..tokens.len()).filter(|&k| clause[k] == c);
                let frame = is_frame(hit, tokens, lr, lang);
                // «встретился с X, а также с Y»: a clause opened by «а также» without a cue of
                // its own goes on with the cue's companions.
                let ellipsis =
                    |k: usize| opens(k, "ellipsis") && !hits.iter().any(|h| clause[h.first] == k);
                let mut further = c + 1;
                while clause.last().is_some_and(|&l| further <= l) && ellipsis(further) {
                    further += 1;
                }
                let in_scope: Vec<&Item> = its
                    .iter()
                    .map(|(i, _)| i)
                    .filter(|i| {
                        depth[i.first] == d
                            && (clause[i.first] == c
                                || (clause[i.first] > c
                                    && clause[i.first] < further
                                    && matches!(i.rel, Rel::Companion | Rel::Between)))
                    })
                    .collect();
                let Direct {
                    subjects,
                    mut others,
                    mut companions,
                    objects,
                } = direct(
                    hit, hits, &in_scope, tokens, &words, lang, lr, frame, greeting,
                );
                let kind = hit.cue.kind;
                // «В Кремле его встретил Путин», «Әуежайда оны Путин қарсы алды»: an object pronoun
                // before the cue (in Russian right before it: «его коллега» is a possessive) is the
                // person last named as a subject.
                let from = match lang {
                    Lang::Kk => 0,
                    _ => hit.first.saturating_sub(1),
                };
                let pronoun_object = lr.gram_any(
                    "object_pronoun",
                    &words,
                    (from..hit.first).filter(|&k| clause[k] == c),
                );
                // «прибыл к месту крушения в Актау»: without a person after «к», a verb that is a
                // cue by itself («прибыл») still tells its own event.
                let verb_alone = || {
                    lr.cues.iter().any(|x| {
                        x.form == CueForm::Verb
                            && x.kind == kind
                            && x.pattern.words.len() == 1
                            && x.pattern.matches_at(&words, hit.first)
                    })
                };
                if hit.cue.form == CueForm::Obj
                    && objects == 0
                    && !(pronoun_object && carry.topic_for(si).is_some())
                    && !(hit.last > hit.first + 1 && verb_alone())
                {
                    continue;
                }
                // «с президентом Европейского совета» with no name: the person the next sentences
                // name after the same organisation («руководителя Европейского совета Антониу Кошту»).
                if companions == 0 && lang == Lang::Ru {
                    if let Some(p) =
                        title_anaphor(hit, tokens, &clause, si, &sent_tokens, &all_items)
                    {
                        others.push(p);
                        companions += 1;
                    }
                }
                // «с Обамой» that the mention finder passed over: the person of the article with
                // the same key («Барак Обама» named elsewhere).
                if companions == 0 {
                    if let Some(p) = unnamed_companion(
                        hit,
                        tokens,
                        &clause,
                        s.text,
                        lang,
                        lr,
                        look,
                        &article_people,
                    ) {
                        others.push(p);
                        companions += 1;
                    }
                }
                // «обсудил с X», «обменялся мнениями с X»: no event without a companion or two subjects
                // before it («X и Y обсудили»).
                if hit.cue.form == CueForm::With
                    && companions == 0
                    && in_scope
                        .iter()
                        .filter(|i| i.rel == Rel::Subject && i.last <= hit.first)
                        .count()
                        < 2
                {
                    continue;
                }
                let mut subjects = dedup(subjects);
                // «X и Y, которые встречаются»: the subjects of the clause before.
                if subjects.is_empty() && opens(c, "relative") && c > 0 {
                    subjects = dedup(
                        its.iter()
                            .filter(|(i, _)| {
                                clause[i.first] == c - 1
                                    && depth[i.first] == d
                                    && i.rel == Rel::Subject
                            })
                            .map(|(i, _)| i.part.clone())
                            .collect(),
                    );
                }
                // A subject told earlier: in the sentence («переговоры Керри с X, а потом беседа с Y»),
                // else the last one of the text («Он встретился с X»).
                if subjects.is_empty() && (companions > 0 || objects > 0) {
                    let earlier = its
                        .iter()
                        .filter(|(i, _)| {
                            i.last <= hit.first && depth[i.first] == d && i.rel == Rel::Subject
                        })
                        .map(|(i, _)| i.part.clone())
                        .next_back();
                    // The text's last subject only for a clause with no subject words of its own
                    // («Он встретился с X», «Кроме того, встретился с X»), not «Ее коллеги встречались с X».
                    let lead: Vec<usize> = (0..hit.first)
                        .filter(|&k| clause[k] == c && tokens[k].word)
                        .collect();
                    let pronoun = lr.gram_any("pronoun", &words, lead.iter().copied());
                    // An unresolved title («новый украинский лидер») stands for the person last named.
                    let title = lr.gram_any("title", &words, lead.iter().copied());
                    // «Позже Клинтон обсудила»: a capitalized word after the first is a name
                    // that was not read, not a missing subject.
                    let unread = lead.iter().skip(1).any(|&k| tokens[k].upper);
                    // «Его коллега встретился с X»: a possessive before a noun is not the subject.
                    let possessive = lead
                        .windows(2)
                        .any(|w| lr.gram_at("possessive", &words, w[0]).is_some());
                    let bare = (lead.len() <= 2 && !unread && !possessive) || pronoun || title;
                    // «пригласили X»: a plural verb has no single person carried as its subject.
                    let cue_word = &tokens[hit.first].norm;
                    let plural_verb = lang == Lang::Ru
                        && hit.cue.form != CueForm::Noun
                        && (cue_word.ends_with("ли") || cue_word.ends_with("лись"));
                    let from_text = if bare && !plural_verb {
                        // A pronoun far from the last subject is the article's main subject; a
                        // surname alone («Бейсенов қабылдады») goes on with the last subject.
                        if pronoun {
                            carry.topic_for(si)
                        } else {
                            carry.topic.clone()
                        }
                    } else {
                        None
                    };
                    if let Some(t) = earlier.or(from_text) {
                        subjects.push(t);
                    }
                }
                let mut all = dedup(subjects.iter().chain(others.iter()).cloned().collect());
                if all.len() == 1 && pronoun_object {
                    if let Some(t) = carry.topic_for(si) {
                        all = dedup(all.into_iter().chain([t]).collect());
                    }
                }
                // «Главы государств провели встречу»: the persons of the previous sentence.
                let plural = lr.gram_any("plural", &words, in_clause());
                if all.len() < 2 && plural && carry.previous.len() >= 2 {
                    all = dedup(
                        all.into_iter()
                            .chain(carry.previous.iter().cloned())
                            .collect(),
                    );
                }
                // A location of the sentence; for a visit also the object of the verb («посетит Казахстан»).
                // «Пройдет встреча контактной группы. В ней примут участие X, Y и Z»: a meeting
                // without two named participants takes those the next sentence says take part.
                if all.len() < 2 && kind != EventType::Visit {
                    if let Some(next) = sent_tokens.get(si + 1) {
                        // The next sentence's tokens read as their folded words.
                        let nwords = next;
                        // «провел ряд встреч с главами государств. Среди них — X и Y»: a plural
                        // companion without names is named by the next sentence too.
                        let plural_companion = lang == Lang::Ru
                            && (hit.last..tokens.len().saturating_sub(1)).any(|k| {
                                clause[k] == c
                                    && matches!(tokens[k].norm.as_ref(), "с" | "со")
                                    && lr.gram_at("plural_companion", &words, k + 1).is_some()
                            });
                        // The participation word opens the sentence that lists them
                        // («В ней примут участие», «Среди участников»), within its first five words.
                        let opening = (0..nwords.len()).filter(|&k| next[k].word).take(5);
                        let takes_part =
                            plural_companion || lr.gram_any("participation", nwords, opening);
                        if takes_part && sent_hits[si + 1].is_empty() {
                            let named: Vec<Participant> = all_items[si + 1]
                                .iter()
                                .filter(|(i, _)| {
                                    matches!(i.rel, Rel::Subject | Rel::Companion | Rel::Between)
                                })
                                .map(|(i, _)| i.part.clone())
                                .collect();
                            if named.len() + all.len() >= 2 {
                                all = dedup(all.into_iter().chain(named).collect());
                            }
                        }
                    }
                }
                let place_here = locs
                    .iter()
                    .filter(|(k, _, located)| {
                        let object =
                            kind == EventType::Visit && *k >= hit.last && *k <= hit.last + 2;
                        (*located || object) && (clause[*k] == c || kind != EventType::Visit)
                    })
                    .min_by_key(|(k, _, _)| k.abs_diff(hit.first))
                    .map(|(_, n, _)| n.clone());
                if kind == EventType::Visit {
                    // A visit needs a visitor: a companion alone («сапар барысында ... X-пен кездесті»)
                    // met the visitor, who is not named.
                    let visitor = all.len() > companions;
                    if !visitor || all.is_empty() || (all.len() < 2 && place_here.is_none()) {
                        continue;
                    }
                } else if all.len() < 2 {
                    continue;
                }
                let mut modality = cue_modality(hits, hi, &clause, &words, lr);
                let (date, source) = event_date(si, Some(hit), &sents, &dates_at, &ctx, &clause_of);
                if modality == Modality::Actual
                    && matches!(
                        source,
                        DateSource::Sentence | DateSource::Paragraph | DateSource::Relative
                    )
                {
                    if let (Some(d), Some(r)) = (date, ctx.reference) {
                        if d < r - Duration::days(31) {
                            modality = Modality::PastReference;
                        } else if d > r + Duration::days(1) {
                            modality = Modality::Planned;
                        }
                    }
                }
                // «Ранее, в мае 2023 года, Токаев посетил Китай»: a month of another time.
                if modality == Modality::Actual {
                    if let Some(r) = ctx.reference {
                        let coarse = dates_at(si)
                            .iter()
                            .filter(|x| x.coarse && clause.get(x.first) == Some(&c))
                            .find_map(|x| x.date);
                        if let Some(m) = coarse {
                            let month = |d: NaiveDate| d.year() * 12 + d.month() as i32;
                            if month(m) < month(r) - 1 {
                                modality = Modality::PastReference;
                            } else if month(m) > month(r) {
                                modality = Modality::Planned;
                            }
                        }
                    }
                }
                // The article's own date does not date a recalled or planned event.
                let (date, source) = if modality != Modality::Actual
                    && matches!(source, DateSource::Dateline | DateSource::Article)
                {
                    (None, DateSource::None)
                } else {
                    (date, source)
                };
                let place = match modality {
                    Modality::Actual => {
                        place_here.or_else(|| ctx.dateline.as_ref().and_then(|x| x.1.clone()))
                    }
                    _ => place_here,
                };
                let group = lr.gram_any("group", &words, in_clause());
                // «Токаев встретился с A, B и C» without a group noun: one meeting with each.
                let split =
                    kind != EventType::Visit && subjects.len() == 1 && companions >= 2 && !group;
                let groups: Vec<Vec<Participant>> = if split {
                    let subj = identity_str(&subjects[0]);
                    all.iter()
                        .filter(|p| identity_str(p) != subj)
                        .map(|p| dedup(vec![subjects[0].clone(), p.clone()]))
                        .collect()
                } else {
                    vec![all]
                };
                for participants in groups {
                    sentence_events.push(Event {
                        id: String::new(),
                        doc_id: article.id.clone(),
                        lang,
                        edition: edition.to_string(),
                        kind,
                        participants,
                        date,
                        date_source: source,
                        place: place.clone(),
                        modality,
                        sentence: article
                            .text
                            .get(s.span.start..s.span.end)
                            .unwrap_or(s.text)
                            .to_string(),
                        span: s.span,
                    });
                }
            }
        }
        // Carry state to the next sentence.
        if let Some(subj) = its.iter().find(|(i, _)| i.rel == Rel::Subject) {
            carry.subject(si, &subj.0.part);
        }
        if let Some(e) = sentence_events.iter().find(|e| e.participants.len() >= 2) {
            carry.previous = e.participants.clone();
        } else {
            carry.previous = dedup(
                its.iter()
                    .filter(|(i, _)| !matches!(i.rel, Rel::Oblique | Rel::Dative))
                    .map(|(i, _)| i.part.clone())
                    .collect(),
            );
        }
        // «провел встречу в режиме видеоконференции»: the meeting was the call.
        let calls: Vec<(Vec<String>, Modality)> = sentence_events
            .iter()
            .filter(|e| e.kind == EventType::Call)
            .map(|e| (e.participants.iter().map(identity).collect(), e.modality))
            .collect();
        sentence_events.retain(|e| {
            family(e.kind) != 0
                || !calls.contains(&(e.participants.iter().map(identity).collect(), e.modality))
        });
        for e in sentence_events {
            let order = raws.len();
            raws.push(Raw {
                event: e,
                paragraph: s.paragraph,
                order,
            });
        }
    }
    merge(raws)
}

pub(crate) fn stronger(a: Modality, b: Modality) -> Modality {
    let rank = |m: Modality| match m {
        Modality::Actual => 0,
        Modality::Planned => 1,
        Modality::PastReference => 2,
        Modality::Negated => 3,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// How many words a modality marker reaches from its cue.
const MARKER_REACH: usize = 8;

/// The modality of cue `hi`: its own, then the nearest marker in its clause within
/// [`MARKER_REACH`] words.
pub(crate) fn cue_modality(
    hits: &[CueHit<'_>],
    hi: usize,
    clause: &[usize],
    words: &[&str],
    lr: &LangRules,
) -> Modality {
    let hit = &hits[hi];
    let c = clause[hit.first];
    let mut modality = hit.cue.modality;
    // Markers are tried only where their first word matches; `stronger` is a maximum, so the
    // order in which markers apply does not matter.
    let mut opening = Vec::new();
    for k in 0..words.len() {
        if clause[k] != c {
            continue;
        }
        lr.markers_opening(words[k], &mut opening);
        for m in opening.iter().map(|&x| &lr.markers[x]) {
            if !m.pattern.matches_at(words, k) {
                continue;
            }
            let nearest = hits
                .iter()
                .enumerate()
                .filter(|(_, h)| clause[h.first] == c)
                .min_by_key(|(_, h)| (h.first.abs_diff(k), h.first < k))
                .map(|(x, _)| x);
            // A marker far from the cue speaks of something else («алдағы жұмыс жоспары»).
            let (lo, hi_) = (k.min(hit.first), k.max(hit.first));
            let between = (lo..hi_)
                .filter(|&x| words[x].chars().any(char::is_alphanumeric))
                .count();
            let near = between <= MARKER_REACH;
            if near && (nearest == Some(hi) || k.abs_diff(hit.first) <= 2) {
                modality = stronger(modality, m.modality);
            }
        }
    }
    modality
}

/// The date of the first cue of a one-sentence article (or of its first sentence), for checks.
pub(crate) fn sentence_date(
    rules: &Rules,
    look: &dyn Lookup,
    article: &Article,
    lang: Lang,
) -> (Option<NaiveDate>, DateSource) {
    let Some(lr) = rules.get(lang) else {
        return (None, DateSource::None);
    };
    let text = mask_header(&article.text);
    let ctx = DateCtx::new(&text, lang, lr, look, article.date);
    let sents = sentences(&text);
    if sents.is_empty() {
        return (None, DateSource::None);
    }
    let toks: Vec<Vec<Token<'_>>> = sents.iter().map(|s| tokenize(s.text)).collect();
    let dates: Vec<Vec<FoundDate>> = sents
        .iter()
        .zip(&toks)
        .map(|(s, t)| sentence_dates(s, t, lr, lang, &ctx))
        .collect();
    let si = toks
        .iter()
        .position(|t| !find_cues(t, lr).is_empty())
        .unwrap_or(0);
    let hits = find_cues(&toks[si], lr);
    let sent_clauses = vec![std::cell::OnceCell::new(); toks.len()];
    let clause_of = |k: usize| clause_at(&sent_clauses, &toks, k, lr);
    event_date(si, hits.first(), &sents, &|k| &dates[k], &ctx, &clause_of)
}

/// The clauses of sentence `k` ([`clauses`]), computed once per sentence.
fn clause_at<'a>(
    cache: &'a [std::cell::OnceCell<Vec<usize>>],
    sent_tokens: &[Vec<Token>],
    k: usize,
    rules: &LangRules,
) -> &'a [usize] {
    cache[k].get_or_init(|| clauses(&sent_tokens[k], rules))
}

/// The date of an event told by sentence `si` at cue `hit` (or of the sentence when `hit` is None).
fn event_date<'c, 'd>(
    si: usize,
    hit: Option<&CueHit<'_>>,
    sents: &[kzalign_core::Sentence<'_>],
    dates_at: &dyn Fn(usize) -> &'d [FoundDate],
    ctx: &DateCtx,
    clause_of: &dyn Fn(usize) -> &'c [usize],
) -> (Option<NaiveDate>, DateSource) {
    let here = dates_at(si);
    // An explicit date in the cue's clause (a date of another clause belongs to another event).
    let explicit = here
        .iter()
        .filter(|d| !d.relative && !d.coarse && d.date.is_some())
        .find(|d| match hit {
            Some(h) => {
                let clause = clause_of(si);
                clause.get(d.first) == clause.get(h.first)
            }
            None => true,
        });
    if let Some(d) = explicit {
        return (d.date, DateSource::Sentence);
    }
    if let Some(d) = here.iter().find(|d| d.relative && d.date.is_some()) {
        return (d.date, DateSource::Relative);
    }
    // The nearest dated sentence before it in its paragraph.
    let para = sents[si].paragraph;
    for k in (0..si).rev() {
        if sents[k].paragraph != para {
            break;
        }
        if let Some(d) = dates_at(k).iter().find(|d| d.date.is_some() && !d.coarse) {
            return (d.date, DateSource::Paragraph);
        }
    }
    if let Some((Some(d), _, _)) = &ctx.dateline {
        return (Some(*d), DateSource::Dateline);
    }
    if let Some(d) = ctx.reference {
        return (Some(d), DateSource::Article);
    }
    (None, DateSource::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_digit_agrees_with_a_byte_scan() {
        let long = "слово ".repeat(20);
        for s in [
            "",
            "7",
            "Нью-Йорк. 23 сентября.",
            "Нью-Йорк. сентября.",
            long.as_str(),
            &format!("{long}9"),
            &format!("{long}{long}x"),
        ] {
            assert_eq!(has_digit(s), s.bytes().any(|b| b.is_ascii_digit()), "{s}");
        }
    }
}
