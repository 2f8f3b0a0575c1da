//! The per-article pipeline: cues, participants, modality, date and place, then merging.

use crate::dates::{find_dates, FoundDate};
use crate::lexicon::{Cue, CueForm, LangRules};
use crate::lookup::Lookup;
use crate::text::{clauses, quote_depth, tokenize, Token};
use chrono::{Datelike, Duration, NaiveDate};
use kzalign_core::{
    sentences, Article, DateSource, Event, EventType, Lang, Mention, Modality, Participant, Span,
};
use std::collections::BTreeMap;

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

/// How a person stands to an event word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// Nominative (or, in Russian, a bare genitive/accusative): the subject or the owner of an event noun.
    Subject,
    /// «с X», X-пен.
    Companion,
    /// «между X и Y».
    Between,
    /// «по приглашению X».
    Host,
    /// Kazakh genitive (X-тың).
    Genitive,
    /// Kazakh accusative (X-ті).
    Object,
    /// Dative (Гутеррешу, Тоқаевқа).
    Dative,
    /// After a preposition that only mentions (о, к, для) or a Kazakh locative/ablative.
    Oblique,
}

/// A person in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub first: usize,
    pub last: usize,
    pub part: Participant,
    pub rel: Rel,
}

/// A cue found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct CueHit<'r> {
    pub first: usize,
    pub last: usize,
    pub cue: &'r Cue,
}

/// An event before merging, with where it came from.
#[derive(Clone, Debug)]
struct Raw {
    event: Event,
    paragraph: usize,
    order: usize,
}

/// Identity used to compare participants: the gazetteer id, else the key.
pub(crate) fn identity(p: &Participant) -> String {
    p.entity_id.clone().unwrap_or_else(|| p.key.clone())
}

fn participant(m: &Mention) -> Participant {
    let name = m
        .canonical
        .clone()
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| {
            if m.latin.is_empty() {
                m.lemma.clone()
            } else {
                m.latin.clone()
            }
        });
    Participant {
        name,
        key: m.key.clone(),
        entity_id: m.entity_id.clone().filter(|e| !e.is_empty()),
    }
}

/// Token range covered by a byte span.
fn token_range(tokens: &[Token], span: Span) -> Option<(usize, usize)> {
    let first = tokens
        .iter()
        .position(|t| t.end > span.start && t.start < span.end)?;
    let last = tokens
        .iter()
        .rposition(|t| t.end > span.start && t.start < span.end)?
        + 1;
    Some((first, last))
}

/// Finds the cues of a sentence: at each word the most specific pattern, without overlaps.
pub(crate) fn find_cues<'r>(tokens: &[Token], rules: &'r LangRules) -> Vec<CueHit<'r>> {
    let words: Vec<String> = tokens.iter().map(|t| t.norm.clone()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].word {
            i += 1;
            continue;
        }
        let best = rules
            .cues
            .iter()
            .filter(|c| c.pattern.matches_at(&words, i))
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

/// The ending of `surface` beyond what it shares with `lemma` (folded, without hyphens/apostrophes).
fn ending(surface: &str, lemma: &str) -> String {
    let s: Vec<char> = surface.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let common = s.iter().zip(&l).take_while(|(a, b)| a == b).count();
    s[common..]
        .iter()
        .filter(|c| !matches!(c, '-' | '\'' | '’' | 'ʼ'))
        .collect()
}

fn last_word(s: &str) -> String {
    crate::lexicon::fold(s.split_whitespace().last().unwrap_or(""))
}

/// Kazakh case of a mention from its last word's ending.
fn kk_case(m: &Mention, rules: &LangRules) -> Rel {
    let surf = last_word(&m.text);
    let lem = last_word(&m.lemma);
    let mut diff = ending(&surf, &lem);
    if diff.is_empty() && surf == lem {
        // The lemma may not have been stripped: only the unambiguous comitative is read off the word.
        for s in rules.suffixes("com") {
            if surf.ends_with(s) && surf.chars().count() > s.chars().count() + 3 {
                diff = s.to_string();
            }
        }
    }
    if diff.is_empty() {
        return Rel::Subject;
    }
    let mut all: Vec<(&str, Rel)> = Vec::new();
    for (k, r) in [
        ("com", Rel::Companion),
        ("gen", Rel::Genitive),
        ("abl", Rel::Oblique),
        ("loc", Rel::Oblique),
        ("dat", Rel::Dative),
        ("acc", Rel::Object),
    ] {
        for s in rules.suffixes(k) {
            all.push((s, r));
        }
    }
    all.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
    for (s, r) in all {
        if diff.ends_with(s) {
            return r;
        }
    }
    Rel::Subject
}

/// Whether a Russian mention is in the dative, from the endings its words add to the lemma.
fn ru_dative(m: &Mention, rules: &LangRules) -> bool {
    let dat: Vec<&str> = rules.suffixes("dative");
    let sw: Vec<String> = m
        .text
        .split_whitespace()
        .map(crate::lexicon::fold)
        .collect();
    let lw: Vec<String> = m
        .lemma
        .split_whitespace()
        .map(crate::lexicon::fold)
        .collect();
    // The surname carries the case; a first name in -у may be an accusative («Нарендру Моди»).
    if sw.len() == lw.len() {
        if let (Some(s), Some(l)) = (sw.last(), lw.last()) {
            let d = ending(s, l);
            if !d.is_empty() && dat.iter().any(|x| d == *x) && !l.ends_with(d.as_str()) {
                return true;
            }
        }
    }
    sw.first()
        .is_some_and(|w| w.ends_with("ому") || w.ends_with("ему"))
}

/// Person mentions of a sentence, without an event word taken for a first name («Встреча
/// Порошенко», «Визит Си Цзиньпина») and without a Russian adjective taken for a surname
/// («с президентом Европейского совета»).
fn cleaned_persons(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in look.persons(sentence, lang) {
        let Some((first, last)) = token_range(tokens, m.span) else {
            continue;
        };
        let cue_first = !find_cues(&tokens[first..(first + 1)], rules).is_empty();
        if cue_first && last == first + 1 && m.entity_id.is_none() {
            // «Сапар барысында»: the event word itself, capitalized at the sentence start.
            continue;
        }
        if cue_first && last > first + 1 {
            let from = tokens[first + 1].start;
            let sub = sentence.get(from..m.span.end).unwrap_or("");
            let found = look.persons(sub, lang);
            if found.is_empty() {
                // Keep the name without the event word.
                let drop_first =
                    |s: &str| s.split_whitespace().skip(1).collect::<Vec<_>>().join(" ");
                let mut r = m.clone();
                r.span = Span::new(from, m.span.end);
                r.text = sub.to_string();
                r.lemma = drop_first(&m.lemma);
                r.latin = drop_first(&m.latin);
                out.push(r);
            }
            for mut r in found {
                r.span = Span::new(r.span.start + from, r.span.end + from);
                out.push(r);
            }
            continue;
        }
        if lang == Lang::Ru && last == first + 1 && m.entity_id.is_none() {
            let w = &tokens[first].norm;
            let adjective = ["ого", "ому", "ую", "ыми", "ими", "ых", "их"]
                .iter()
                .any(|e| w.ends_with(e));
            let before_noun = tokens.get(last).is_some_and(|t| t.word && !t.upper);
            if adjective && before_noun {
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Builds the person items of a sentence: names, plus roles that are not a name's apposition.
pub(crate) fn items(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    date: Option<NaiveDate>,
) -> Vec<(Item, Mention)> {
    let words: Vec<String> = tokens.iter().map(|t| t.norm.clone()).collect();
    let mut out: Vec<(Item, Mention)> = Vec::new();
    for m in cleaned_persons(sentence, tokens, lang, rules, look) {
        if let Some((first, last)) = token_range(tokens, m.span) {
            let part = participant(&m);
            out.push((
                Item {
                    first,
                    last,
                    part,
                    rel: Rel::Subject,
                },
                m,
            ));
        }
    }
    // Roles are resolved at a known date only: without one, «Глава государства» could be anyone
    // who held the post.
    let roles = match date {
        Some(_) => look.roles(sentence, lang, date),
        None => Vec::new(),
    };
    for r in roles {
        if r.entity_id.is_none() {
            continue;
        }
        let Some((first, last)) = token_range(tokens, r.span) else {
            continue;
        };
        if out.iter().any(|(i, _)| i.first < last && first < i.last) {
            continue;
        }
        // «заместитель Генерального секретаря», «Бас хатшының орынбасары»: someone else.
        let before =
            (first.saturating_sub(2)..first).any(|k| rules.gram_at("deputy", &words, k).is_some());
        let after = (last..(last + 2).min(tokens.len()))
            .any(|k| rules.gram_at("deputy", &words, k).is_some());
        if (lang == Lang::Ru && before) || (lang == Lang::Kk && after) {
            continue;
        }
        // Apposition: the role stands right before a name.
        if let Some((it, _)) = out.iter_mut().find(|(i, _)| i.first == last) {
            it.first = first;
            continue;
        }
        let part = participant(&r);
        out.push((
            Item {
                first,
                last,
                part,
                rel: Rel::Subject,
            },
            r,
        ));
    }
    out.sort_by_key(|(i, _)| (i.first, i.last));
    // Relations.
    match lang {
        Lang::Kk => {
            for k in (0..out.len()).rev() {
                let mut rel = kk_case(&out[k].1, rules);
                if rel == Rel::Subject {
                    if let Some((next, _)) = out.get(k + 1) {
                        let between = &tokens[out[k].0.last..next.first.max(out[k].0.last)];
                        let coord = between.iter().any(|t| {
                            rules
                                .gram_at("coord", std::slice::from_ref(&t.norm), 0)
                                .is_some()
                        });
                        let only = between.iter().all(|t| {
                            t.upper
                                || rules
                                    .gram_at("coord", std::slice::from_ref(&t.norm), 0)
                                    .is_some()
                        });
                        if coord && only && !between.is_empty() {
                            rel = next.rel;
                        }
                    }
                }
                out[k].0.rel = rel;
            }
        }
        _ => {
            let clause = clauses(tokens, rules);
            for k in 0..out.len() {
                let rel = ru_relation(&out, k, tokens, &words, &clause, rules);
                out[k].0.rel = rel;
            }
        }
    }
    out
}

fn ru_relation(
    out: &[(Item, Mention)],
    k: usize,
    tokens: &[Token],
    words: &[String],
    clause: &[usize],
    rules: &LangRules,
) -> Rel {
    let it = &out[k].0;
    let own = clause.get(it.first).copied();
    // «Помощник Хиллари Клинтон», «пресс-секретарь Путина»: the name only owns the title.
    if it.first > 0 && rules.gram_ending_at("deputy", words, it.first).is_some() {
        return Rel::Oblique;
    }
    let mut j = it.first;
    let mut skipped = 0usize;
    let mut coord = false;
    let bare = |m: &Mention| {
        if ru_dative(m, rules) {
            Rel::Dative
        } else {
            Rel::Subject
        }
    };
    while j > 0 {
        if rules.gram_ending_at("host", words, j).is_some() && skipped <= 1 {
            return Rel::Host;
        }
        if rules.gram_ending_at("companion", words, j).is_some() && skipped <= 8 {
            return Rel::Companion;
        }
        if rules.gram_ending_at("between", words, j).is_some() && skipped <= 8 {
            return Rel::Between;
        }
        if let Some(n) = rules.gram_ending_at("oblique", words, j) {
            let w = &words[j - n];
            let limit = if matches!(w.as_str(), "в" | "во" | "на") {
                0
            } else {
                1
            };
            if skipped <= limit {
                return Rel::Oblique;
            }
        }
        let t = &tokens[j - 1];
        // A preposition of another clause does not govern this name.
        if clause.get(j - 1).copied() != own {
            break;
        }
        // Another person right before: coordination inherits its relation.
        if let Some((prev, _)) = out[..k].iter().rev().find(|(p, _)| p.last == j) {
            return if coord { prev.rel } else { bare(&out[k].1) };
        }
        if !t.word {
            if matches!(t.norm.as_str(), "," | "(" | ")") {
                if t.norm == "," {
                    coord = true;
                }
                j -= 1;
                continue;
            }
            break;
        }
        if t.norm == "и" {
            coord = true;
        }
        skipped += 1;
        if skipped > 8 {
            break;
        }
        j -= 1;
    }
    bare(&out[k].1)
}

/// Whether the cue at `hit` is the frame of its sentence («в ходе встречи», «кездесу барысында»).
fn is_frame(hit: &CueHit<'_>, tokens: &[Token], rules: &LangRules, lang: Lang) -> bool {
    if hit.cue.form != CueForm::Noun {
        return false;
    }
    let words: Vec<String> = tokens.iter().map(|t| t.norm.clone()).collect();
    match lang {
        Lang::Kk => {
            rules.gram_at("frame", &words, hit.last).is_some()
                || tokens
                    .get(hit.last - 1)
                    .is_some_and(|t| t.norm.ends_with("де") || t.norm.ends_with("да"))
        }
        _ => rules.gram_ending_at("frame", &words, hit.first).is_some(),
    }
}

/// Family of event types merged within an article.
pub(crate) fn family(t: EventType) -> u8 {
    match t {
        EventType::Meeting | EventType::Talks | EventType::Reception => 0,
        EventType::Call => 1,
        EventType::Visit => 2,
    }
}

fn type_rank(t: EventType) -> u8 {
    match t {
        EventType::Talks => 3,
        EventType::Reception => 2,
        EventType::Call => 2,
        EventType::Meeting => 1,
        EventType::Visit => 0,
    }
}

fn source_rank(s: DateSource) -> u8 {
    match s {
        DateSource::Sentence => 5,
        DateSource::Relative => 4,
        DateSource::Paragraph => 3,
        DateSource::Dateline => 2,
        DateSource::Article => 1,
        DateSource::None => 0,
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
        let tokens = tokenize(body);
        let head: Vec<Token> = tokens.iter().take(12).cloned().collect();
        let dates = find_dates(body, &head, rules, lang, reference);
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
                .all(|t| (t.word && t.upper) || matches!(t.norm.as_str(), "." | "," | "-"))
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

/// Places in a sentence, each with whether it names where something happens: after в/во/на in
/// Russian, with a locative or dative ending in Kazakh.
fn locations(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
) -> Vec<(usize, String, bool)> {
    let mut out = Vec::new();
    for m in look.places(sentence, lang) {
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
            _ => first > 0 && matches!(tokens[first - 1].norm.as_str(), "в" | "во" | "на"),
        };
        out.push((first, name, ok));
    }
    out
}

/// For a cue followed in its clause by «с <title> <Organisation>» and no name, the person that one of
/// the next two sentences names right after the same organisation words.
fn title_anaphor(
    hit: &CueHit<'_>,
    tokens: &[Token],
    clause: &[usize],
    si: usize,
    sent_tokens: &[Vec<Token>],
    all_items: &[Vec<(Item, Mention)>],
) -> Option<Participant> {
    let c = clause[hit.first];
    let mut k = hit.last;
    while k < tokens.len()
        && clause[k] == c
        && !(tokens[k].word && matches!(tokens[k].norm.as_str(), "с" | "со"))
    {
        k += 1;
    }
    // the title: lower-case words; then the organisation: words from the first capitalized one.
    let mut j = k + 1;
    while j < tokens.len() && clause[j] == c && tokens[j].word && !tokens[j].upper {
        j += 1;
    }
    if j == k + 1 || j >= tokens.len() || !tokens[j].upper {
        return None;
    }
    let org: Vec<String> = tokens[j..]
        .iter()
        .take_while(|t| t.word)
        .take(4)
        .map(|t| t.norm.chars().take(5).collect())
        .collect();
    if org.is_empty() {
        return None;
    }
    for next in (si + 1)..(si + 3).min(sent_tokens.len()) {
        let toks = &sent_tokens[next];
        for (it, _) in &all_items[next] {
            if it.first < org.len() {
                continue;
            }
            let before: Vec<String> = toks[it.first - org.len()..it.first]
                .iter()
                .map(|t| t.norm.chars().take(5).collect())
                .collect();
            if before == org {
                return Some(it.part.clone());
            }
        }
    }
    None
}

/// The persons named anywhere in an article, read on first use.
struct ArticlePeople<'a> {
    text: &'a str,
    lang: Lang,
    look: &'a dyn Lookup,
    cell: std::cell::OnceCell<Vec<Participant>>,
}

impl ArticlePeople<'_> {
    fn get(&self) -> &[Participant] {
        self.cell.get_or_init(|| {
            self.look
                .persons(self.text, self.lang)
                .iter()
                .map(participant)
                .collect()
        })
    }
}

/// A capitalized word after «с» (Russian) or with a comitative ending (Kazakh) in the cue's clause
/// that no mention covers, read as a name and kept when an article person has its key.
#[allow(clippy::too_many_arguments)]
fn unnamed_companion(
    hit: &CueHit<'_>,
    tokens: &[Token],
    clause: &[usize],
    sentence: &str,
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    people: &ArticlePeople<'_>,
) -> Option<Participant> {
    let c = clause[hit.first];
    let candidates: Vec<usize> = (0..tokens.len())
        .filter(|&k| clause[k] == c && tokens[k].word && tokens[k].upper && k != hit.first)
        .filter(|&k| match lang {
            Lang::Kk => rules.suffixes("com").iter().any(|x| {
                tokens[k].norm.ends_with(x)
                    && tokens[k].norm.chars().count() > x.chars().count() + 2
            }),
            _ => k > 0 && matches!(tokens[k - 1].norm.as_str(), "с" | "со"),
        })
        .collect();
    for k in candidates {
        let word = sentence.get(tokens[k].start..tokens[k].end)?;
        let Some(m) = look.name_of(word, lang) else {
            continue;
        };
        let part = participant(&m);
        if let Some(p) = people.get().iter().find(|p| {
            p.key == part.key || (part.entity_id.is_some() && p.entity_id == part.entity_id)
        }) {
            return Some(p.clone());
        }
    }
    None
}

/// Per-article state carried between sentences.
#[derive(Default)]
struct Carry {
    /// The last subject seen.
    topic: Option<Participant>,
    /// Participants of the previous sentence (its event's, else its persons).
    previous: Vec<Participant>,
}

/// Everything known about one sentence for dating its events.
struct DateCtx {
    reference: Option<NaiveDate>,
    dateline: Option<(Option<NaiveDate>, Option<String>, Span)>,
}

fn dedup(mut v: Vec<Participant>) -> Vec<Participant> {
    v.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
    let mut seen = std::collections::HashSet::new();
    v.retain(|p| seen.insert(identity(p)));
    v
}

/// The tokens and dates of every sentence; the dateline's own date is left out (it is the dateline).
fn all_dates(
    sents: &[kzalign_core::Sentence<'_>],
    lr: &LangRules,
    lang: Lang,
    ctx: &DateCtx,
) -> (Vec<Vec<FoundDate>>, Vec<Vec<Token>>) {
    let mut sent_dates = Vec::with_capacity(sents.len());
    let mut sent_tokens = Vec::with_capacity(sents.len());
    for s in sents {
        let toks = tokenize(s.text);
        let mut ds = find_dates(s.text, &toks, lr, lang, ctx.reference);
        if let Some((_, _, span)) = ctx.dateline {
            ds.retain(|d| {
                let b = s.span.start + toks[d.first].start;
                !(span.start <= b && b < span.end)
            });
        }
        sent_dates.push(ds);
        sent_tokens.push(toks);
    }
    (sent_dates, sent_tokens)
}

/// Extracts the events of one article.
pub(crate) fn extract_article(
    rules: &Rules,
    look: &dyn Lookup,
    article: &Article,
    lang: Lang,
    edition: &str,
) -> Vec<Event> {
    let Some(lr) = rules.get(lang) else {
        return Vec::new();
    };
    let text = mask_header(&article.text);
    let ctx = DateCtx {
        reference: article.date,
        dateline: dateline(&text, lang, lr, look, article.date),
    };
    let sents = sentences(&text);
    let (sent_dates, sent_tokens) = all_dates(&sents, lr, lang, &ctx);
    // The persons of the sentences that can matter: those with a cue, the three before them
    // (subjects carried over) and the two after (names of titles); roles resolved at the
    // sentence's date. Other sentences are not read, which keeps long articles cheap.
    let has_cue: Vec<bool> = sent_tokens
        .iter()
        .map(|t| !find_cues(t, lr).is_empty())
        .collect();
    let needed = |si: usize| (si.saturating_sub(2)..(si + 4).min(sents.len())).any(|k| has_cue[k]);
    let all_items: Vec<Vec<(Item, Mention)>> = sents
        .iter()
        .enumerate()
        .map(|(si, s)| {
            if !needed(si) {
                return Vec::new();
            }
            let (sdate, _) = event_date(si, None, &sents, &sent_dates, &sent_tokens, &ctx, lr);
            items(s.text, &sent_tokens[si], lang, lr, look, sdate)
        })
        .collect();
    // The persons of the whole article, read only when a companion word was passed over.
    let article_people = std::cell::OnceCell::new();
    let article_people = ArticlePeople {
        text: &text,
        lang,
        look,
        cell: article_people,
    };
    let mut raws: Vec<Raw> = Vec::new();
    let mut carry = Carry::default();
    for (si, s) in sents.iter().enumerate() {
        let tokens = &sent_tokens[si];
        let hits = find_cues(tokens, lr);
        let its = &all_items[si];
        let mut sentence_events: Vec<Event> = Vec::new();
        if !hits.is_empty() {
            let depth = quote_depth(tokens);
            let clause = clauses(tokens, lr);
            let locs = locations(s.text, tokens, lang, lr, look);
            let words: Vec<String> = tokens.iter().map(|t| t.norm.clone()).collect();
            for (hi, hit) in hits.iter().enumerate() {
                let c = clause[hit.first];
                let d = depth[hit.first];
                let frame = is_frame(hit, tokens, lr, lang);
                let greeting =
                    (0..tokens.len()).any(|k| lr.gram_at("greeting", &words, k).is_some());
                let in_scope: Vec<&Item> = its
                    .iter()
                    .map(|(i, _)| i)
                    .filter(|i| clause[i.first] == c && depth[i.first] == d)
                    .collect();
                let mut subjects: Vec<Participant> = Vec::new();
                let mut others: Vec<Participant> = Vec::new();
                let mut companions = 0usize;
                let mut objects = 0usize;
                // A visit noun («визит X в Y», «посещение ... министром X») has its visitor after it;
                // a person before it is the subject of another verb.
                // («с государственным визитом» is the manner of the subject's verb: not this rule).
                let visit_noun = hit.cue.kind == EventType::Visit
                    && hit.cue.form == CueForm::Noun
                    && lang == Lang::Ru
                    && !tokens[hit.last - 1].norm.ends_with("ом");
                for i in &in_scope {
                    if visit_noun
                        && i.rel == Rel::Subject
                        && (i.first < hit.first || i.first > hit.last + 8)
                    {
                        continue;
                    }
                    let take = match i.rel {
                        Rel::Subject => true,
                        Rel::Companion | Rel::Between | Rel::Host => true,
                        Rel::Genitive => {
                            // X-тың кездесуі / сапары: the owner of an event noun.
                            hits.iter()
                                .any(|h| h.first >= i.last && h.first <= i.last + 3)
                        }
                        Rel::Object => true,
                        // «принял ... Нарендру Моди»: an accusative that reads like a dative.
                        Rel::Dative => {
                            (frame && !greeting)
                                || (hit.cue.form == CueForm::Obj
                                    && lang == Lang::Ru
                                    && i.first > hit.first)
                        }
                        Rel::Oblique => false,
                    };
                    if !take {
                        continue;
                    }
                    match i.rel {
                        Rel::Subject | Rel::Genitive => {
                            if hit.cue.form == CueForm::Obj
                                && lang != Lang::Kk
                                && i.first > hit.first
                            {
                                // «принял его на работу», «принял участие»: not a reception of a person.
                                let not_person =
                                    lr.gram_at("not_object", &words, hit.last).is_some();
                                if not_person || i.first > hit.last + 6 {
                                    continue;
                                }
                                objects += 1;
                                others.push(i.part.clone());
                            } else {
                                subjects.push(i.part.clone());
                            }
                        }
                        Rel::Companion | Rel::Between => {
                            companions += 1;
                            others.push(i.part.clone());
                        }
                        Rel::Object => {
                            objects += 1;
                            others.push(i.part.clone());
                        }
                        Rel::Dative if hit.cue.form == CueForm::Obj && i.first > hit.first => {
                            if lr.gram_at("not_object", &words, hit.last).is_some()
                                || i.first > hit.last + 6
                            {
                                continue;
                            }
                            objects += 1;
                            others.push(i.part.clone());
                        }
                        _ => others.push(i.part.clone()),
                    }
                }
                let kind = hit.cue.kind;
                // «X Y қабылдады» where Y's accusative ending was not split off: the last
                // nominative before the verb is its object.
                if hit.cue.form == CueForm::Obj
                    && objects == 0
                    && lang == Lang::Kk
                    && subjects.len() >= 2
                {
                    if let Some(o) = subjects.pop() {
                        others.push(o);
                        objects += 1;
                    }
                }
                if hit.cue.form == CueForm::Obj && objects == 0 {
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
                let mut subjects = dedup(subjects);
                // «X и Y, которые встречаются»: the subjects of the clause before.
                let relative = (0..tokens.len())
                    .find(|&k| clause[k] == c && tokens[k].word)
                    .is_some_and(|k| lr.gram_at("relative", &words, k).is_some());
                if subjects.is_empty() && relative && c > 0 {
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
                    let pronoun = lead
                        .iter()
                        .any(|&k| lr.gram_at("pronoun", &words, k).is_some());
                    // An unresolved title («новый украинский лидер») stands for the person last named.
                    let title = lead
                        .iter()
                        .any(|&k| lr.gram_at("title", &words, k).is_some());
                    let bare = lead.len() <= 2 || pronoun || title;
                    let from_text = if bare { carry.topic.clone() } else { None };
                    if let Some(t) = earlier.or(from_text) {
                        subjects.push(t);
                    }
                }
                let mut all = dedup(subjects.iter().chain(others.iter()).cloned().collect());
                // «Главы государств провели встречу»: the persons of the previous sentence.
                let plural = (0..tokens.len())
                    .filter(|k| clause[*k] == c)
                    .any(|k| lr.gram_at("plural", &words, k).is_some());
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
                        let nwords: Vec<String> = next.iter().map(|t| t.norm.clone()).collect();
                        // «провел ряд встреч с главами государств. Среди них — X и Y»: a plural
                        // companion without names is named by the next sentence too.
                        let plural_companion = lang == Lang::Ru
                            && (hit.last..tokens.len().saturating_sub(1)).any(|k| {
                                clause[k] == c
                                    && matches!(tokens[k].norm.as_str(), "с" | "со")
                                    && (tokens[k + 1].norm.ends_with("ами")
                                        || tokens[k + 1].norm.ends_with("ями"))
                            });
                        let takes_part = plural_companion
                            || (0..nwords.len())
                                .any(|k| lr.gram_at("participation", &nwords, k).is_some());
                        if takes_part && find_cues(next, lr).is_empty() {
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
                let mut modality = cue_modality(&hits, hi, &clause, &words, lr);
                let (date, source) =
                    event_date(si, Some(hit), &sents, &sent_dates, &sent_tokens, &ctx, lr);
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
                        let coarse = sent_dates[si]
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
                let group = (0..tokens.len())
                    .filter(|k| clause[*k] == c)
                    .any(|k| lr.gram_at("group", &words, k).is_some());
                // «Токаев встретился с A, B и C» without a group noun: one meeting with each.
                let split =
                    kind != EventType::Visit && subjects.len() == 1 && companions >= 2 && !group;
                let groups: Vec<Vec<Participant>> = if split {
                    let subj = identity(&subjects[0]);
                    all.iter()
                        .filter(|p| identity(p) != subj)
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
            carry.topic = Some(subj.0.part.clone());
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
    words: &[String],
    lr: &LangRules,
) -> Modality {
    let hit = &hits[hi];
    let c = clause[hit.first];
    let mut modality = hit.cue.modality;
    for m in &lr.markers {
        for k in 0..words.len() {
            if clause[k] != c || !m.pattern.matches_at(words, k) {
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
    let ctx = DateCtx {
        reference: article.date,
        dateline: dateline(&text, lang, lr, look, article.date),
    };
    let sents = sentences(&text);
    if sents.is_empty() {
        return (None, DateSource::None);
    }
    let (dates, toks) = all_dates(&sents, lr, lang, &ctx);
    let si = toks
        .iter()
        .position(|t| !find_cues(t, lr).is_empty())
        .unwrap_or(0);
    let hits = find_cues(&toks[si], lr);
    event_date(si, hits.first(), &sents, &dates, &toks, &ctx, lr)
}

/// The date of an event told by sentence `si` at cue `hit` (or of the sentence when `hit` is None).
fn event_date(
    si: usize,
    hit: Option<&CueHit<'_>>,
    sents: &[kzalign_core::Sentence<'_>],
    sent_dates: &[Vec<FoundDate>],
    sent_tokens: &[Vec<Token>],
    ctx: &DateCtx,
    rules: &LangRules,
) -> (Option<NaiveDate>, DateSource) {
    let here = &sent_dates[si];
    let clause = clauses(&sent_tokens[si], rules);
    // An explicit date in the cue's clause (a date of another clause belongs to another event).
    let explicit = here
        .iter()
        .filter(|d| !d.relative && !d.coarse && d.date.is_some())
        .find(|d| match hit {
            Some(h) => clause.get(d.first) == clause.get(h.first),
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
        if let Some(d) = sent_dates[k].iter().find(|d| d.date.is_some() && !d.coarse) {
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

/// Merges the events of one article that tell the same event: same type family, same
/// participants, same modality. A visit whose visitors all take part in a meeting of the same
/// article and day is the setting of that meeting and is folded into it.
fn merge(raws: Vec<Raw>) -> Vec<Event> {
    let mut groups: BTreeMap<(u8, Vec<String>, Modality), Vec<Raw>> = BTreeMap::new();
    for r in raws {
        let mut ids: Vec<String> = r.event.participants.iter().map(identity).collect();
        ids.sort();
        let key = (family(r.event.kind), ids, r.event.modality);
        groups.entry(key).or_default().push(r);
    }
    let mut merged: Vec<((usize, usize), Event)> = Vec::new();
    for (_, members) in groups {
        // The representative: the first one told in the body (the headline only summarises).
        let rep = members
            .iter()
            .find(|m| m.paragraph > 0)
            .unwrap_or(&members[0]);
        let mut e = rep.event.clone();
        for m in &members {
            if type_rank(m.event.kind) > type_rank(e.kind) {
                e.kind = m.event.kind;
            }
            if source_rank(m.event.date_source) > source_rank(e.date_source) {
                e.date = m.event.date;
                e.date_source = m.event.date_source;
            }
            if e.place.is_none() {
                e.place = m.event.place.clone();
            }
        }
        merged.push(((rep.event.span.start, rep.order), e));
    }
    merged.sort_by_key(|(o, _)| *o);
    let mut events: Vec<Event> = merged.into_iter().map(|(_, e)| e).collect();
    // Fold visits into the meetings they frame.
    let mut drop = vec![false; events.len()];
    for v in 0..events.len() {
        if events[v].kind != EventType::Visit || events[v].modality != Modality::Actual {
            continue;
        }
        let visitors: Vec<String> = events[v].participants.iter().map(identity).collect();
        let mut folded = false;
        for m in 0..events.len() {
            let e = &events[m];
            if m == v || family(e.kind) != 0 || e.modality != Modality::Actual {
                continue;
            }
            let ids: Vec<String> = e.participants.iter().map(identity).collect();
            let same_day = e.date.is_none() || events[v].date.is_none() || e.date == events[v].date;
            if same_day && visitors.iter().all(|x| ids.contains(x)) {
                folded = true;
            }
        }
        if folded {
            drop[v] = true;
            let place = events[v].place.clone();
            let ids = visitors.clone();
            for e in events.iter_mut() {
                if family(e.kind) == 0
                    && e.place.is_none()
                    && ids
                        .iter()
                        .all(|x| e.participants.iter().any(|p| &identity(p) == x))
                {
                    e.place = place.clone();
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut used: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (k, mut e) in events.into_iter().enumerate() {
        if drop[k] {
            continue;
        }
        let base = format!("{}#{}", e.doc_id, e.span.start);
        let n = used.entry(base.clone()).or_insert(0);
        e.id = if *n == 0 {
            base.clone()
        } else {
            format!("{base}.{n}")
        };
        *n += 1;
        out.push(e);
    }
    out
}
