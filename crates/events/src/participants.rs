//! Who takes part: person items of a sentence and their relation to an event word.

use crate::extract::{find_cues, CueHit};
use crate::lexicon::CueForm;
use crate::lexicon::{GramKind, LangRules};
use crate::lookup::Lookup;
use crate::text::{clauses, Token};
use chrono::NaiveDate;
use kzalign_core::EventType;
use kzalign_core::{Lang, Mention, Participant, Span};

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
    /// Russian: every word of a full name carries a genitive or accusative ending
    /// («Бориса Николаевича»): an owner or object, never the subject of a verb.
    pub oblique_case: bool,
}

impl Item {
    /// A subject over tokens `first..last`, in no oblique case ([`items`] settles both later).
    pub(crate) fn subject(first: usize, last: usize, part: Participant) -> Item {
        Item {
            first,
            last,
            part,
            rel: Rel::Subject,
            oblique_case: false,
        }
    }
}

/// Identity used to compare participants: the gazetteer id, else the key.
pub(crate) fn identity(p: &Participant) -> String {
    identity_str(p).to_string()
}

/// [`identity`] without a copy.
pub(crate) fn identity_str(p: &Participant) -> &str {
    p.entity_id.as_deref().unwrap_or(&p.key)
}

pub(crate) fn participant(m: &Mention) -> Participant {
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
pub(crate) fn token_range(tokens: &[Token], span: Span) -> Option<(usize, usize)> {
    let first = tokens
        .iter()
        .position(|t| t.end > span.start && t.start < span.end)?;
    let last = tokens
        .iter()
        .rposition(|t| t.end > span.start && t.start < span.end)?
        + 1;
    Some((first, last))
}

/// The ending of `surface` beyond what it shares with `lemma` (folded, without hyphens/apostrophes).
pub(crate) fn ending(surface: &str, lemma: &str) -> String {
    let mut s = surface.chars();
    let mut l = lemma.chars();
    // Past the chars the two share from the start.
    while let (Some(a), Some(b)) = (s.clone().next(), l.next()) {
        if a != b {
            break;
        }
        s.next();
    }
    s.filter(|c| !matches!(c, '-' | '\'' | '’' | 'ʼ')).collect()
}

pub(crate) fn last_word(s: &str) -> String {
    crate::lexicon::fold(s.split_whitespace().last().unwrap_or(""))
}

/// Kazakh case of a mention from its last word's ending.
pub(crate) fn kk_case(m: &Mention, rules: &LangRules) -> Rel {
    let surf = last_word(&m.text);
    let lem = last_word(&m.lemma);
    // A role's dictionary form need not be its words («Қазақстан» for «Қазақстан Президенті»):
    // without a shared stem the ending cannot be read, and the word is taken as it stands.
    let shared = surf
        .chars()
        .zip(lem.chars())
        .take_while(|(a, b)| a == b)
        .count();
    if shared < 3.min(surf.chars().count()) {
        return Rel::Subject;
    }
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
    // The relation of each of `CASE_KINDS`.
    const RELS: [Rel; 6] = [
        Rel::Companion,
        Rel::Genitive,
        Rel::Oblique,
        Rel::Oblique,
        Rel::Dative,
        Rel::Object,
    ];
    for (s, k) in rules.case_suffixes() {
        if diff.ends_with(s.as_str()) {
            return RELS.get(*k).copied().unwrap_or(Rel::Subject);
        }
    }
    Rel::Subject
}

/// The number of words of `s`, its first and its last word.
fn word_ends(s: &str) -> (usize, Option<&str>, Option<&str>) {
    let mut n = 0;
    let (mut first, mut last) = (None, None);
    for w in s.split_whitespace() {
        n += 1;
        first = first.or(Some(w));
        last = Some(w);
    }
    (n, first, last)
}

/// Whether every word of a Russian full name (two words or more) carries a genitive or accusative
/// ending its dictionary form lacks («Бориса Николаевича», not «Мария Алехина»).
fn ru_oblique(m: &Mention, rules: &LangRules) -> bool {
    let fold = crate::lexicon::fold;
    // A word written as its lemma adds no ending (the commonest case, told without folding).
    if m.text == m.lemma {
        return false;
    }
    let n = m.text.split_whitespace().count();
    if n < 2 || n != m.lemma.split_whitespace().count() {
        return false;
    }
    let endings = rules.suffixes("genitive");
    m.text
        .split_whitespace()
        .zip(m.lemma.split_whitespace())
        .all(|(s, l)| {
            if s == l {
                return false;
            }
            let d = ending(&fold(s), &fold(l));
            !d.is_empty() && endings.contains(&d)
        })
}

/// Whether a Russian mention is in the dative, from the endings its words add to the lemma.
pub(crate) fn ru_dative(m: &Mention, rules: &LangRules) -> bool {
    let fold = crate::lexicon::fold;
    let (sn, first, s_last) = word_ends(&m.text);
    let (ln, _, l_last) = word_ends(&m.lemma);
    // The surname carries the case; a first name in -у may be an accusative («Нарендру Моди»).
    if sn == ln && s_last != l_last {
        if let (Some(s), Some(l)) = (s_last, l_last) {
            let (s, l) = (fold(s), fold(l));
            let d = ending(&s, &l);
            if !d.is_empty() && rules.suffixes("dative").contains(&d) && !l.ends_with(d.as_str()) {
                return true;
            }
        }
    }
    first.is_some_and(|w| {
        let w = fold(w);
        w.ends_with("ому") || w.ends_with("ему")
    })
}

/// Person mentions of a sentence, without an event word taken for a first name («Встреча
/// Порошенко», «Визит Си Цзиньпина») and without a Russian adjective taken for a surname
/// («с президентом Европейского совета»).
pub(crate) fn cleaned_persons(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    found: Vec<Mention>,
) -> Vec<Mention> {
    let mut out = Vec::new();
    for m in found {
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

/// Builds the person items of a sentence (at byte `offset` of the article): names, plus roles
/// that are not a name's apposition; with `surnames`, also surnames written alone
/// ([`surnames_alone`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn items<'c>(
    sentence: &str,
    offset: usize,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    date: Option<NaiveDate>,
    people: &ArticlePeople<'_>,
    surnames: bool,
    places: &[Mention],
    clause: &dyn Fn() -> &'c [usize],
) -> Vec<(Item, Mention)> {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_ref()).collect();
    let mut out: Vec<(Item, Mention)> = Vec::new();
    // The article's name mentions inside the sentence, when the lookup finds names per article.
    let inside = people.sentence_mentions(sentence, offset);
    // Roles resolve to the holder at the event's date; an undated article (common for scraped
    // Kazakh pages) gets the current holder, the likeliest reading of «Мемлекет басшысы» today.
    let roles = match &inside {
        Some(ms) => {
            let within = Span::new(offset, offset + sentence.len());
            look.roles_within(people.text, within, lang, date, ms)
        }
        None => look.roles(sentence, lang, date),
    };
    let found = match inside {
        Some(ms) => look.persons_from(sentence, lang, places, ms),
        None => look.persons(sentence, lang),
    };
    for m in cleaned_persons(sentence, tokens, lang, rules, look, found) {
        if let Some((first, last)) = token_range(tokens, m.span) {
            // A surname alone («Ибраев принял ...») is the person the article names in full.
            let alone = m.entity_id.is_none() && !m.text.trim().contains(char::is_whitespace);
            let part = match alone.then(|| people.in_full(&m)).flatten() {
                Some(p) => p.clone(),
                None => participant(&m),
            };
            out.push((Item::subject(first, last, part), m));
        }
    }
    if surnames {
        out.extend(surnames_alone(sentence, tokens, lang, look, people, &out));
    }
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
        let before = rules.gram_any("deputy", &words, first.saturating_sub(2)..first);
        let after = rules.gram_any("deputy", &words, last..(last + 2).min(tokens.len()));
        // «лауреаты премии президента», «Президент сыйлығы»: the role owns a thing, it is not present.
        let owned = match lang {
            Lang::Kk => rules.gram_at("owned", &words, last).is_some(),
            _ => first > 0 && rules.gram_at("owned", &words, first - 1).is_some(),
        };
        if (lang == Lang::Ru && before) || (lang == Lang::Kk && after) || owned {
            continue;
        }
        // Apposition: the role stands right before a name.
        if let Some((it, _)) = out.iter_mut().find(|(i, _)| i.first == last) {
            it.first = first;
            continue;
        }
        out.push((Item::subject(first, last, participant(&r)), r));
    }
    if date.is_some() {
        for (first, last, m) in plural_roles(sentence, tokens, lang, rules, look, date) {
            if !out.iter().any(|(i, _)| i.first < last && first < i.last) {
                out.push((Item::subject(first, last, participant(&m)), m));
            }
        }
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
            if !out.is_empty() {
                let clause = clause();
                debug_assert_eq!(clause, clauses(tokens, rules));
                let kinds = RuKinds::new(rules);
                for k in 0..out.len() {
                    out[k].0.oblique_case = ru_oblique(&out[k].1, rules);
                    let rel = ru_relation(&out, k, tokens, &words, clause, rules, &kinds);
                    out[k].0.rel = rel;
                }
            }
        }
    }
    out
}

/// The grammar kinds [`ru_relation`] reads, looked up once for the items of a sentence.
pub(crate) struct RuKinds<'r> {
    deputy: Option<&'r GramKind>,
    owned: Option<&'r GramKind>,
    discourse: Option<&'r GramKind>,
    /// The prepositions, in the order they are tried.
    prepositions: [(Rel, Option<&'r GramKind>); 4],
    participles: &'r [String],
}

impl<'r> RuKinds<'r> {
    pub(crate) fn new(rules: &'r LangRules) -> RuKinds<'r> {
        RuKinds {
            deputy: rules.gram_kind("deputy"),
            owned: rules.gram_kind("owned"),
            discourse: rules.gram_kind("discourse"),
            prepositions: [
                (Rel::Host, rules.gram_kind("host")),
                (Rel::Companion, rules.gram_kind("companion")),
                (Rel::Between, rules.gram_kind("between")),
                (Rel::Oblique, rules.gram_kind("oblique")),
            ],
            participles: rules.suffixes("participle"),
        }
    }
}

pub(crate) fn ru_relation(
    out: &[(Item, Mention)],
    k: usize,
    tokens: &[Token],
    words: &[&str],
    clause: &[usize],
    rules: &LangRules,
    kinds: &RuKinds<'_>,
) -> Rel {
    let it = &out[k].0;
    let own = clause.get(it.first).copied();
    let ends_at = |g: Option<&GramKind>, end: usize| g.and_then(|g| g.ending_at(words, end));
    // «Помощник Хиллари Клинтон», «пресс-секретарь Путина»: the name only owns the title.
    if it.first > 0
        && (ends_at(kinds.deputy, it.first).is_some() || ends_at(kinds.owned, it.first).is_some())
    {
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
    // «с министрами вопросы, поднятые Путиным»: a passive participle opening a phrase after a
    // comma, between the preposition and the name, makes the name its agent («иностранных дел»
    // has the ending but no comma).
    let participles = kinds.participles;
    let agent = |from: usize| {
        (from.max(1)..it.first).any(|k| {
            let w = &words[k];
            words[k - 1] == ","
                && w.chars().count() > 5
                && participles.iter().any(|p| w.ends_with(p))
        })
    };
    // «Кроме того, Токаев ...»: a preposition opening a linking phrase governs no name after it.
    let linking = |start: usize| {
        kinds
            .discourse
            .is_some_and(|g| g.at(words, start).is_some())
    };
    'walk: while j > 0 {
        // The preposition ending right before: how far back (words skipped) it still governs.
        for (rel, kind) in kinds.prepositions {
            let Some(n) = kind.and_then(|g| g.ending_at(words, j)) else {
                continue;
            };
            if linking(j - n) {
                break 'walk;
            }
            let place = matches!(words[j - n], "в" | "во" | "на");
            let reach = match rel {
                Rel::Host => 1,
                Rel::Companion if agent(j) => continue,
                Rel::Companion | Rel::Between => 8,
                _ if place => 0,
                _ => 1,
            };
            if skipped <= reach {
                return rel;
            }
            // A place phrase between (с министрами НАТО в Анталье Нуланд отправилась): the name
            // stands outside the phrase of any preposition further back.
            if place {
                break 'walk;
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
            if matches!(t.norm.as_ref(), "," | "(" | ")") {
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

/// «Клинтон обсуждала ...» after «Хиллари Клинтон» earlier in the article: a capitalized word no
/// mention covers, read as a name, is that person when the article names someone with its key in
/// two words or more (a surname alone is how news refers back to a person named in full).
fn surnames_alone(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    look: &dyn Lookup,
    people: &ArticlePeople<'_>,
    found: &[(Item, Mention)],
) -> Vec<(Item, Mention)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if !t.word || !t.upper || found.iter().any(|(i, _)| i.first <= k && k < i.last) {
            continue;
        }
        // Alone: not part of a run of capitalized words («Республикасының Президенті»); the
        // sentence's first word is capitalized anyway («Позже Клинтон»).
        let upper_word = |j: usize| tokens.get(j).is_some_and(|n| n.word && n.upper);
        if (k > 1 && upper_word(k - 1)) || upper_word(k + 1) {
            continue;
        }
        let Some(word) = sentence.get(t.start..t.end) else {
            continue;
        };
        // A cheap test first: the article writes the word's stem after another capitalized word.
        if !people.written_in_full(word) {
            continue;
        }
        let Some(mut m) = look.name_of(word, lang) else {
            continue;
        };
        if m.key.is_empty() {
            continue;
        }
        if let Some(p) = people.in_full(&m) {
            m.span = Span::new(t.start, t.end);
            m.text = word.to_string();
            out.push((Item::subject(k, k + 1, p.clone()), m));
        }
    }
    out
}

/// For a cue followed in its clause by «с <title> <Organisation>» and no name, the person that one of
/// the next two sentences names right after the same organisation words.
pub(crate) fn title_anaphor(
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
        && !(tokens[k].word && matches!(tokens[k].norm.as_ref(), "с" | "со"))
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
pub(crate) struct ArticlePeople<'a> {
    /// The text the extractor reads (the article's, a header masked).
    pub text: &'a str,
    /// The article's own text, whose name mentions are found once.
    pub article: &'a str,
    pub lang: Lang,
    pub look: &'a dyn Lookup,
    pub cell: std::cell::OnceCell<Vec<Participant>>,
    /// The article's name mentions as the caller gave them.
    pub given: Option<&'a [Mention]>,
    /// Else as read on first use ([`Lookup::article_mentions`]).
    pub found: std::cell::OnceCell<Option<Vec<Mention>>>,
    /// Whether the article's mentions are in the order of their starts.
    sorted: std::cell::OnceCell<bool>,
    /// The places of `text`, when the caller has them.
    places: Option<&'a [Mention]>,
    /// Answers of [`ArticlePeople::written_in_full`] so far (a surname recurs in an article).
    in_full_words: std::cell::RefCell<rustc_hash::FxHashMap<String, bool>>,
}

impl<'a> ArticlePeople<'a> {
    /// The people of the article `text` (`article` before its header was masked), with its
    /// name mentions when the caller has them.
    pub(crate) fn new(
        text: &'a str,
        article: &'a str,
        lang: Lang,
        look: &'a dyn Lookup,
        given: Option<&'a [Mention]>,
    ) -> ArticlePeople<'a> {
        ArticlePeople {
            text,
            article,
            lang,
            look,
            cell: Default::default(),
            given,
            found: Default::default(),
            in_full_words: Default::default(),
            sorted: Default::default(),
            places: None,
        }
    }

    /// The same with the places of the text (as the lookup finds them) given.
    pub(crate) fn with_places(mut self, places: &'a [Mention]) -> ArticlePeople<'a> {
        self.places = Some(places);
        self
    }

    /// The article's name mentions, found once; `None` when the lookup reads text by text.
    fn mentions(&self) -> Option<&[Mention]> {
        if self.given.is_some() {
            return self.given;
        }
        self.found
            .get_or_init(|| self.look.article_mentions(self.article, self.lang))
            .as_deref()
    }

    /// The article's name mentions that lie inside the sentence at byte `offset` of the text,
    /// their spans moved to index the sentence; `None` when the lookup reads text by text.
    pub(crate) fn sentence_mentions(&self, sentence: &str, offset: usize) -> Option<Vec<Mention>> {
        let end = offset + sentence.len();
        let all = self.mentions()?;
        // Mentions in text order (as the names crate gives them): only those from the sentence's
        // start on are looked at.
        let sorted = *self
            .sorted
            .get_or_init(|| all.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        let from = if sorted {
            all.partition_point(|m| m.span.start < offset)
        } else {
            0
        };
        Some(
            all[from..]
                .iter()
                .take_while(|m| !sorted || m.span.start <= end)
                .filter(|m| offset <= m.span.start && m.span.end <= end)
                .map(|m| Mention {
                    span: Span::new(m.span.start - offset, m.span.end - offset),
                    ..m.clone()
                })
                .collect(),
        )
    }

    /// Whether the text writes the stem of `word` (its first letters, without up to three letters
    /// of ending) right after another capitalized word («Хиллари Клинтон», «Н. Н. Вертинской»).
    fn written_in_full(&self, word: &str) -> bool {
        if let Some(&b) = self.in_full_words.borrow().get(word) {
            return b;
        }
        let b = self.written_in_full_uncached(word);
        self.in_full_words.borrow_mut().insert(word.to_string(), b);
        b
    }

    fn written_in_full_uncached(&self, word: &str) -> bool {
        let n = word.chars().count();
        if n < 4 {
            return false;
        }
        let keep = n.saturating_sub(3).max(4);
        let stem: String = word.chars().take(keep).collect();
        // The stem right after a space, its places found by its second byte (a capital's, which
        // is rare) with `memchr`; an occurrence inside another one does not follow a space.
        let (t, st) = (self.text.as_bytes(), stem.as_bytes());
        let Some(&second) = st.get(1) else {
            return false;
        };
        let mut at_space = memchr::memchr_iter(second, t)
            .filter_map(|q| q.checked_sub(1))
            .filter(|&at| at >= 1 && t[at - 1] == b' ' && t[at..].starts_with(st));
        at_space.any(|at| {
            let Some(before) = self.text.get(..at) else {
                return false;
            };
            before.strip_suffix(' ').is_some_and(ends_with_name_word)
        })
    }

    /// The person the article names in two words or more with the key (or the entity) of `m`.
    fn in_full(&self, m: &Mention) -> Option<&Participant> {
        self.get().iter().find(|p| {
            (p.key == m.key || (m.entity_id.is_some() && p.entity_id == m.entity_id))
                && p.name.split_whitespace().nth(1).is_some()
        })
    }

    pub(crate) fn get(&self) -> &[Participant] {
        self.cell.get_or_init(|| {
            let persons = match self.mentions() {
                Some(all) => {
                    let read;
                    let places = match self.places {
                        Some(p) => p,
                        None => {
                            read = self.look.places(self.text, self.lang);
                            &read
                        }
                    };
                    self.look
                        .persons_from(self.text, self.lang, places, all.to_vec())
                }
                None => self.look.persons(self.text, self.lang),
            };
            persons.iter().map(participant).collect()
        })
    }
}

/// A capitalized word after «с» (Russian) or with a comitative ending (Kazakh) in the cue's clause
/// that no mention covers, read as a name and kept when an article person has its key.
#[allow(clippy::too_many_arguments)]
pub(crate) fn unnamed_companion(
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
            _ => k > 0 && matches!(tokens[k - 1].norm.as_ref(), "с" | "со"),
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

/// Whether `text` ends with a word of a name: a capitalized word of the same sentence (letters
/// and hyphens), or an initial «Н.».
fn ends_with_name_word(text: &str) -> bool {
    let prev = text
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let initial = prev.chars().count() == 2 && prev.ends_with('.');
    prev.chars().next().is_some_and(char::is_uppercase)
        && (initial || prev.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The participants sorted by name and key, each [`identity`] once (its first).
pub(crate) fn dedup(mut v: Vec<Participant>) -> Vec<Participant> {
    v.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
    // The first of each identity moved to the front, in order; the lists are short.
    let mut kept = 0;
    for i in 0..v.len() {
        if !v[..kept]
            .iter()
            .any(|q| identity_str(q) == identity_str(&v[i]))
        {
            v.swap(kept, i);
            kept += 1;
        }
    }
    v.truncate(kept);
    v
}

/// «Президенты Казахстана и Италии», «Қазақстан мен Ресей президенттері»: one plural title over
/// two countries stands for two role holders, each read as the singular role phrase
/// («президент Казахстана», «Ресей Президенті») and resolved at `date`.
fn plural_roles(
    sentence: &str,
    tokens: &[Token],
    lang: Lang,
    rules: &LangRules,
    look: &dyn Lookup,
    date: Option<NaiveDate>,
) -> Vec<(usize, usize, Mention)> {
    let words = |k: usize| tokens[k].norm.as_ref();
    let text = |k: usize| sentence.get(tokens[k].start..tokens[k].end).unwrap_or("");
    let coord = |k: usize| matches!(words(k), "и" | "мен" | "пен" | "бен" | "және");
    let mut out = Vec::new();
    // The words that stand where a plural title over two capitalized words would (Russian:
    // title X и Y; Kazakh: X мен Y title) and may be a title (most sentences have none).
    let shaped = |k: usize| match lang {
        Lang::Kk => k >= 3 && coord(k - 2) && tokens[k - 3].upper && tokens[k - 1].upper,
        Lang::Ru => {
            k + 3 < tokens.len() && coord(k + 2) && tokens[k + 1].upper && tokens[k + 3].upper
        }
        Lang::Other => false,
    };
    let maybe: Vec<usize> = (0..tokens.len()).filter(|&k| shaped(k)).collect();
    if maybe.is_empty() {
        return out;
    }
    let Some(titles) = rules.gram_kind("plural_title") else {
        return out;
    };
    let maybe: Vec<usize> = maybe
        .into_iter()
        .filter(|&k| titles.may_open(words(k)))
        .collect();
    for p in rules.gram("plural_title") {
        let (Some(plural), Some(singular)) = (p.words.first(), p.words.get(1)) else {
            continue;
        };
        for &k in &maybe {
            if !plural.matches(words(k)) {
                continue;
            }
            // Russian: title X и Y; Kazakh: X мен Y title.
            let (a, b, first, last) = match lang {
                Lang::Kk
                    if k >= 3 && coord(k - 2) && tokens[k - 3].upper && tokens[k - 1].upper =>
                {
                    (k - 3, k - 1, k - 3, k + 1)
                }
                Lang::Ru
                    if k + 3 < tokens.len()
                        && coord(k + 2)
                        && tokens[k + 1].upper
                        && tokens[k + 3].upper =>
                {
                    (k + 1, k + 3, k, k + 4)
                }
                _ => continue,
            };
            for c in [a, b] {
                let phrase = match lang {
                    Lang::Kk => format!("{} {}", text(c), singular.text),
                    _ => format!("{} {}", singular.text, text(c)),
                };
                if let Some(m) = look
                    .roles(&phrase, lang, date)
                    .into_iter()
                    .find(|m| m.entity_id.is_some())
                {
                    let mut m = m;
                    m.span = Span::new(tokens[c].start, tokens[c].end);
                    m.text = text(c).to_string();
                    // Each country word stands for its holder; the title spans them both.
                    let (f, l) = if c == a { (first, c + 1) } else { (c, last) };
                    out.push((f, l, m));
                }
            }
        }
    }
    out
}

/// The participants a cue's clause names itself, before any are looked for around it.
pub(crate) struct Direct {
    /// Subjects (and Kazakh genitive owners of an event noun).
    pub subjects: Vec<Participant>,
    /// Companions, objects, hosts and addressees.
    pub others: Vec<Participant>,
    /// How many of `others` are «с X» / X-пен companions.
    pub companions: usize,
    /// How many of `others` are objects of a reception verb.
    pub objects: usize,
}

/// Reads the participants of cue `hit` off the persons `in_scope` (those of its clause and
/// quotation level), by their relation to it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn direct(
    hit: &CueHit<'_>,
    hits: &[CueHit<'_>],
    in_scope: &[&Item],
    tokens: &[Token],
    words: &[&str],
    lang: Lang,
    rules: &LangRules,
    frame: bool,
    greeting: bool,
) -> Direct {
    let mut subjects: Vec<Participant> = Vec::new();
    let mut others: Vec<Participant> = Vec::new();
    let mut companions = 0usize;
    let mut objects = 0usize;
    // Where the last object ends: a list goes on past the usual reach («принял A, B и C»).
    let mut object_end: Option<usize> = None;
    // A visit noun («визит X в Y», «посещение ... министром X») has its visitor after it;
    // a person before it is the subject of another verb.
    // («с государственным визитом» is the manner of the subject's verb: not this rule).
    let visit_noun = hit.cue.kind == EventType::Visit
        && hit.cue.form == CueForm::Noun
        && lang == Lang::Ru
        && !tokens[hit.last - 1].norm.ends_with("ом");
    // «приехал к X», «прорвался к X»: a verb whose cue ends with its preposition takes the person
    // right after it (an apposition «к психиатру, профессору X» may stand between) as its object.
    let toward = hit.cue.form == CueForm::Obj
        && lang == Lang::Ru
        && rules.gram_ending_at("oblique", words, hit.last).is_some();
    // «принял его на работу», «принял участие»: what the cue takes is not a person.
    let not_object = || rules.gram_at("not_object", words, hit.last).is_some();
    for i in in_scope {
        // «на торжества, посвященные юбилею Бориса Николаевича, прибыл Медведев»: a name in the
        // genitive is no subject of a verb.
        if matches!(hit.cue.form, CueForm::Verb | CueForm::With)
            && i.rel == Rel::Subject
            && i.oblique_case
        {
            continue;
        }
        if visit_noun && i.rel == Rel::Subject && (i.first < hit.first || i.first > hit.last + 8) {
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
                    || (hit.cue.form == CueForm::Obj && lang == Lang::Ru && i.first > hit.first)
            }
            Rel::Oblique => toward && i.first >= hit.last && i.first <= hit.last + 3,
        };
        if !take {
            continue;
        }
        match i.rel {
            Rel::Subject | Rel::Genitive => {
                if hit.cue.form == CueForm::Obj && lang != Lang::Kk && i.first > hit.first {
                    let listed = object_end.is_some_and(|e| i.first <= e + 2);
                    if not_object() || (i.first > hit.last + 6 && !listed) {
                        continue;
                    }
                    objects += 1;
                    object_end = Some(i.last);
                    others.push(i.part.clone());
                } else {
                    subjects.push(i.part.clone());
                }
            }
            Rel::Companion | Rel::Between => {
                companions += 1;
                others.push(i.part.clone());
            }
            Rel::Dative if hit.cue.form == CueForm::Obj && i.first > hit.first => {
                if not_object() || i.first > hit.last + 6 {
                    continue;
                }
                objects += 1;
                others.push(i.part.clone());
            }
            Rel::Object | Rel::Oblique => {
                objects += 1;
                others.push(i.part.clone());
            }
            _ => others.push(i.part.clone()),
        }
    }
    // «X Y қабылдады» where Y's accusative ending was not split off: the last
    // nominative before the verb is its object.
    // (Only for receptions: «X ... Y қарсы алды» also greets a date or an age.)
    if hit.cue.form == CueForm::Obj
        && hit.cue.kind == EventType::Reception
        && objects == 0
        && lang == Lang::Kk
        && subjects.len() >= 2
    {
        if let Some(o) = subjects.pop() {
            others.push(o);
            objects += 1;
        }
    }
    Direct {
        subjects,
        others,
        companions,
        objects,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`dedup`] as first written, over a list of flags.
    fn dedup_by_flags(mut v: Vec<Participant>) -> Vec<Participant> {
        v.sort_by(|a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
        let ids: Vec<String> = v.iter().map(identity).collect();
        let keep: Vec<bool> = (0..ids.len())
            .map(|i| !ids[..i].contains(&ids[i]))
            .collect();
        let mut k = 0;
        v.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        v
    }

    #[test]
    fn dedup_sorts_and_keeps_the_first_of_each_identity() {
        let p = |name: &str, key: &str, id: Option<&str>| Participant {
            name: name.to_string(),
            key: key.to_string(),
            entity_id: id.map(str::to_string),
        };
        let v = vec![
            p("Tokayev", "tokaev", Some("Q1")),
            p("Guterres", "guterres", None),
            p("Kassym-Jomart Tokayev", "tokaev kassym", Some("Q1")),
            p("Guterres", "guterres", None),
            p("Aliyev", "aliev", None),
            p("Aliyev", "aliev", Some("Q2")),
        ];
        let names =
            |v: Vec<Participant>| -> Vec<String> { v.into_iter().map(|x| x.name).collect() };
        assert_eq!(
            names(dedup(v.clone())),
            ["Aliyev", "Aliyev", "Guterres", "Kassym-Jomart Tokayev"]
        );
        // A key that is another's id is the same identity («Abc» sorts first).
        let mut w = v.clone();
        w.push(p("Abc", "Q1", None));
        assert_eq!(
            names(dedup(w.clone())),
            ["Abc", "Aliyev", "Aliyev", "Guterres"]
        );
        assert!(dedup(Vec::new()).is_empty());
        // The same as first written, whatever the order given.
        for r in 0..w.len() {
            let mut x = w.clone();
            x.rotate_left(r);
            x.swap(0, r);
            assert_eq!(dedup(x.clone()), dedup_by_flags(x));
        }
    }

    /// [`ArticlePeople::written_in_full_uncached`] as first written, over `match_indices`.
    fn written_in_full_by_match(text: &str, word: &str) -> bool {
        let n = word.chars().count();
        if n < 4 {
            return false;
        }
        let stem: String = word.chars().take(n.saturating_sub(3).max(4)).collect();
        text.match_indices(stem.as_str()).any(|(at, _)| {
            text[..at]
                .strip_suffix(' ')
                .is_some_and(ends_with_name_word)
        })
    }

    #[test]
    fn surnames_written_in_full_are_found_as_by_a_full_search() {
        let names = kzalign_names::NamesBuilder::new().build().unwrap();
        let text = "Хиллари Клинтон прибыла. Клинтон обсуждала. Н. Вертинской сказала. \
                    мы КлинтонКлинтон и  Клинтоном, Ааа-Бб Клинтоны. Тоқаев Ильхам Әлиевпен. \
                    ClintonClinton Hillary Clinton";
        let people = ArticlePeople::new(text, text, Lang::Ru, &names, None);
        let mut yes = 0;
        for word in [
            "Клинтон",
            "Клинтоном",
            "Вертинской",
            "Вертинская",
            "Прибыла",
            "Обсуждала",
            "Әлиевпен",
            "Әлиев",
            "Clinton",
            "Hillary",
            "Ильхам",
            "Тоқаев",
            "Мы",
            "Кли",
        ] {
            let want = written_in_full_by_match(text, word);
            assert_eq!(people.written_in_full_uncached(word), want, "{word}");
            yes += usize::from(want);
        }
        assert!(yes >= 4, "{yes}");
    }
}
