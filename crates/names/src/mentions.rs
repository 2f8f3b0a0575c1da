//! Finding person, place and role mentions in running text.

use crate::text::{self, fold, is_all_caps, is_capitalized, Token};
use crate::{Attested, Names, Part};
use chrono::NaiveDate;
use kzalign_core::{Lang, Mention, MentionKind, Span};
use std::collections::HashSet;

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

/// Byte offsets where sentences (and lines) start.
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

/// Whether `tok` (folded) is an inflected form of the common word `word` (folded).
fn inflects(tok: &str, word: &str, lang: Lang) -> bool {
    if tok == word {
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
            n <= max && rest.chars().all(|c| c.is_alphabetic())
        }
        None => false,
    }
}

struct Ctx<'a> {
    names: &'a Names,
    lang: Lang,
    tokens: Vec<Token<'a>>,
    starts: HashSet<usize>,
    lower: HashSet<String>,
    attested: Attested,
    stops: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(names: &'a Names, text: &'a str, lang: Lang) -> Ctx<'a> {
        let lang = text_lang(text, lang);
        let tokens = text::tokenize(text);
        let mut lower = HashSet::new();
        let mut attested = HashSet::new();
        for t in &tokens {
            let w = text::strip_accents(t.text);
            if is_capitalized(&w) {
                attested.insert(fold(&w));
            } else {
                lower.insert(fold(&w));
            }
        }
        let stops: Vec<String> = names
            .tables()
            .words
            .iter()
            .filter(|((_, l), c)| {
                (*l == lang || lang == Lang::Other)
                    && (c.contains("stop")
                        || c.contains("title")
                        || c.contains("month")
                        || c.contains("weekday"))
            })
            .map(|((w, _), _)| w.clone())
            .collect();
        Ctx {
            names,
            lang,
            tokens,
            starts: sentence_starts(text),
            lower,
            attested,
            stops,
        }
    }

    fn word_lang(&self) -> Lang {
        self.lang
    }

    fn is_stop(&self, w: &str) -> bool {
        let f = fold(w);
        let t = self.names.tables();
        for l in [Lang::Ru, Lang::Kk] {
            if t.word_is(&f, l, "stop")
                || t.word_is(&f, l, "month")
                || t.word_is(&f, l, "weekday")
                || t.word_is(&f, l, "title")
                || t.word_is(&f, l, "org")
            {
                return true;
            }
        }
        self.stops
            .iter()
            .any(|s| s.chars().count() >= 5 && inflects(&f, s, self.lang))
    }

    /// Whether the word names a known place in some case form.
    fn is_place(&self, w: &str) -> bool {
        let cands = self.names.word_candidates(w, self.word_lang(), None, None);
        cands.iter().take(3).any(|(l, _, _)| {
            self.names
                .known(l)
                .is_some_and(|k| k.place && !k.surname && !k.given)
        })
    }

    /// A capitalised word that can be part of a name.
    fn name_like(&self, t: &Token) -> bool {
        let w = t.text;
        if !is_capitalized(w) || w.chars().any(|c| c.is_ascii_digit()) {
            return false;
        }
        if is_all_caps(w) && !Names::is_initial(w) {
            return false;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2 {
            return false;
        }
        !self.is_stop(w)
    }

    /// Evidence that a word is a person's name: known given name or gazetteer person,
    /// patronymic, or a surname ending.
    fn person_evidence(&self, w: &str) -> u8 {
        let cands = self
            .names
            .word_candidates(w, self.word_lang(), None, Some(&self.attested));
        let mut best = 0u8;
        for (l, _, _) in cands.iter().take(3) {
            if let Some(k) = self.names.known(l) {
                if k.surname {
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
            let t = self.names.tables();
            if l.chars().count() >= 5
                && t.surname_endings.iter().any(|e| {
                    e.class == "surname"
                        && e.lang.map_or(true, |x| x == self.word_lang())
                        && e.ending.chars().count() >= 2
                        && l.ends_with(e.ending.as_str())
                })
            {
                best = best.max(1);
            }
        }
        best
    }

    /// Whether the word right before token `i` is a person title (президент, министр, мырза).
    fn after_title(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        // Look back over up to four words of a title phrase (Генеральным секретарем ООН).
        let t = self.names.tables();
        let mut j = i;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            j -= 1;
            steps += 1;
            let prev = &self.tokens[j];
            let f = fold(prev.text);
            for l in [Lang::Ru, Lang::Kk] {
                if t.word_is(&f, l, "title") {
                    return true;
                }
            }
            if self
                .stops
                .iter()
                .filter(|s| t.word_is(s, self.lang, "title"))
                .any(|s| s.chars().count() >= 5 && inflects(&f, s, self.lang))
            {
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

/// A group of adjacent name-like tokens.
struct Group {
    first: usize,
    last: usize,
}

pub(crate) fn persons(names: &Names, text: &str, lang: Lang) -> Vec<Mention> {
    let cx = Ctx::new(names, text, lang);
    let n = cx.tokens.len();
    let like: Vec<bool> = cx.tokens.iter().map(|t| cx.name_like(t)).collect();
    // Groups of adjacent name-like words separated by plain spaces.
    let mut groups: Vec<Group> = Vec::new();
    let mut i = 0;
    while i < n {
        if !like[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < n
            && like[j + 1]
            && j + 1 - i < 4
            && (plain_gap(text, cx.tokens[j].span.end, cx.tokens[j + 1].span.start)
                || Names::is_initial(cx.tokens[j].text)
                    && text
                        .get(cx.tokens[j].span.end..cx.tokens[j + 1].span.start)
                        .is_some_and(|g| g.trim_start_matches('.').trim().is_empty()))
        {
            j += 1;
        }
        groups.push(Group { first: i, last: j });
        i = j + 1;
    }
    // Decide which groups are persons.
    let mut found: Vec<(Group, u8)> = Vec::new();
    let mut pending: Vec<Group> = Vec::new();
    for g in groups {
        // Drop leading place words (Италии Серджо ...) and trailing places.
        let mut first = g.first;
        let mut last = g.last;
        while first <= last
            && cx.is_place(cx.tokens[first].text)
            && cx.person_evidence(cx.tokens[first].text) < 3
        {
            first += 1;
        }
        while last > first
            && cx.is_place(cx.tokens[last].text)
            && cx.person_evidence(cx.tokens[last].text) < 3
        {
            last -= 1;
        }
        if first > last {
            continue;
        }
        let g = Group { first, last };
        let size = g.last - g.first + 1;
        let initial = cx.starts.contains(&cx.tokens[g.first].span.start)
            || text[..cx.tokens[g.first].span.start]
                .trim_end()
                .ends_with(['«', '"', '“', ':', '–', '—']);
        let mut ev = 0u8;
        for k in g.first..=g.last {
            ev = ev.max(cx.person_evidence(cx.tokens[k].text));
        }
        let titled = cx.after_title(g.first);
        let lowered = (g.first..=g.last).all(|k| cx.lower.contains(&fold(cx.tokens[k].text)));
        if lowered {
            continue;
        }
        let only_initials = (g.first..=g.last).all(|k| Names::is_initial(cx.tokens[k].text));
        if only_initials {
            continue;
        }
        let score = if ev >= 2 || titled {
            3
        } else if ev == 1 && (!initial || size > 1) || size >= 2 && !initial {
            2
        } else if ev == 1 {
            1
        } else {
            0
        };
        if score >= 2 {
            found.push((g, score));
        } else {
            pending.push(g);
        }
    }
    // Readings of the confident groups; pending single words join when they share a key.
    let mut out: Vec<Mention> = Vec::new();
    let read = |g: &Group| -> Mention {
        let words: Vec<&str> = (g.first..=g.last).map(|k| cx.tokens[k].text).collect();
        let norm = names.normalize_in(&words.join(" "), cx.lang, Some(&cx.attested));
        let span = Span::new(cx.tokens[g.first].span.start, cx.tokens[g.last].span.end);
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
    let keys: HashSet<String> = out.iter().map(|m| m.key.clone()).collect();
    for g in &pending {
        let m = read(g);
        if keys.contains(&m.key) || m.entity_id.is_some() {
            out.push(m);
        }
    }
    // A lone given name or reading with an empty key is no person.
    out.retain(|m| !m.key.is_empty());
    out.sort_by_key(|m| m.span);
    let _ = Part::Surname;
    out
}

/// Whether text token `tok` is a case form of the place-name word `form` (both folded).
fn place_word_matches(names: &Names, tok: &str, form: &str, lang: Lang) -> bool {
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
    let cands = names.word_candidates(tok, lang, None, None);
    if cands.iter().any(|(l, _, _)| l == form) {
        return true;
    }
    // Adjectives of multi-word names (Южной Кореи, Саудовской Аравии).
    inflects(tok, form, lang) && form.chars().count() >= 5
}

pub(crate) fn places(names: &Names, text: &str, lang: Lang) -> Vec<Mention> {
    let cx = Ctx::new(names, text, lang);
    let toks: Vec<(String, &Token)> = cx
        .tokens
        .iter()
        .map(|t| (fold(&text::strip_accents(t.text)), t))
        .collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut used = vec![false; toks.len()];
    // Longer forms first, so that «Южная Корея» wins over «Корея».
    let mut forms: Vec<(Vec<String>, usize, Lang)> = Vec::new();
    for (pi, p) in names.place_entries().iter().enumerate() {
        for (fs, l) in [(&p.ru, Lang::Ru), (&p.kk, Lang::Kk)] {
            for f in fs {
                let words: Vec<String> = f.split_whitespace().map(fold).collect();
                if !words.is_empty() {
                    forms.push((words, pi, l));
                }
            }
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
    for i in 0..toks.len() {
        if used[i] {
            continue;
        }
        let t = toks[i].1;
        if !is_capitalized(t.text) {
            continue;
        }
        for (words, pi, l) in &forms {
            if i + words.len() > toks.len() {
                continue;
            }
            let wl = match text::script_lang(t.text) {
                Some(Lang::Kk) => Lang::Kk,
                _ if cx.lang == Lang::Kk => Lang::Kk,
                _ => *l,
            };
            let ok = words
                .iter()
                .enumerate()
                .all(|(k, w)| !used[i + k] && place_word_matches(names, &toks[i + k].0, w, wl));
            if !ok {
                continue;
            }
            let last = i + words.len() - 1;
            let span = Span::new(t.span.start, toks[last].1.span.end);
            let p = &names.place_entries()[*pi];
            let lemma = match wl {
                Lang::Kk => {
                    p.kk.iter()
                        .find(|f| f.split_whitespace().map(fold).collect::<Vec<_>>() == *words)
                }
                _ => {
                    p.ru.iter()
                        .find(|f| f.split_whitespace().map(fold).collect::<Vec<_>>() == *words)
                }
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

/// Whether text token `tok` (folded) is a case form of the role-phrase word `w` (folded).
fn role_word_matches(tok: &str, w: &str, lang: Lang) -> bool {
    if tok == w {
        return true;
    }
    if is_all_caps(w) || w.chars().count() <= 3 {
        return false;
    }
    inflects(tok, w, lang)
}

pub(crate) fn roles(
    names: &Names,
    text: &str,
    lang: Lang,
    date: Option<NaiveDate>,
) -> Vec<Mention> {
    let lang = text_lang(text, lang);
    let tokens = text::tokenize(text);
    let folded: Vec<String> = tokens.iter().map(|t| fold(t.text)).collect();
    let persons = persons(names, text, lang);
    let mut out: Vec<Mention> = Vec::new();
    let mut used = vec![false; tokens.len()];
    let mut roles: Vec<&(Vec<String>, Lang, String)> = names.inner.roles.iter().collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    for i in 0..tokens.len() {
        for (words, rl, phrase) in &roles {
            if *rl != lang && lang != Lang::Other {
                continue;
            }
            if i + words.len() > tokens.len() || used[i] {
                continue;
            }
            let ok = words.iter().enumerate().all(|(k, w)| {
                !used[i + k]
                    && role_word_matches(&folded[i + k], w, *rl)
                    && (k == 0
                        || plain_gap(text, tokens[i + k - 1].span.end, tokens[i + k].span.start))
            });
            if !ok {
                continue;
            }
            let last = i + words.len() - 1;
            let span = Span::new(tokens[i].span.start, tokens[last].span.end);
            // A name right after the role phrase decides who it is.
            let apposed = persons.iter().find(|m| {
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
