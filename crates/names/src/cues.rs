//! Words next to a capitalised word that mark it as a person: a Kazakh courtesy title after it
//! (`Суор мырза`) or a reporting verb right before or after it (`Мусевени заявил`,
//! `заявил Крамер`, `деді Мусави`), or a relative (`жена Трампа`, `Амаридің әжесі`), from the
//! `post_title`, `speech_verb` and `kin` classes of `data/words.tsv`.

use crate::data::{StemList, Tables};
use crate::text::{fold, is_alpha};
use kzalign_core::Lang;

/// The lower-case word after byte `end` with only one or two spaces between.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let rest = text.get(end..)?;
    // The spaces (one byte) and no-break spaces (two) after `end`: one or two bytes.
    let mut gap = 0;
    loop {
        match rest.as_bytes().get(gap..) {
            Some([b' ', ..]) => gap += 1,
            Some([0xC2, 0xA0, ..]) => gap += 2,
            _ => break,
        }
        if gap > 2 {
            return None;
        }
    }
    if gap == 0 {
        return None;
    }
    let after = rest.get(gap..)?;
    let n: usize = after
        .chars()
        .take_while(|c| is_alpha(*c) || *c == '-')
        .map(char::len_utf8)
        .sum();
    let w = after.get(..n)?;
    w.chars()
        .next()
        .filter(|c| kzalign_core::chars::is_lower(*c))
        .map(|_| w)
}

/// The lower-case word before byte `start` with only one or two spaces between.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let w = run_before(text, start, |c| is_alpha(c) || c == '-')?;
    w.chars()
        .next()
        .filter(|c| kzalign_core::chars::is_lower(*c))
        .map(|_| w)
}

/// The chars that `part` accepts right before byte `start`, with one or two bytes of spaces
/// (a space or a no-break space) between; maybe empty.
fn run_before(text: &str, start: usize, part: impl Fn(char) -> bool) -> Option<&str> {
    let head = text.get(..start)?;
    // The spaces (one byte) and no-break spaces (two) before `start`: one or two bytes.
    let mut gap = 0;
    loop {
        match head.as_bytes().get(..head.len() - gap) {
            Some([.., b' ']) => gap += 1,
            Some([.., 0xC2, 0xA0]) => gap += 2,
            _ => break,
        }
        if gap > 2 {
            return None;
        }
    }
    if gap == 0 {
        return None;
    }
    let before = head.get(..head.len() - gap)?;
    let n: usize = before
        .chars()
        .rev()
        .take_while(|c| part(*c))
        .map(char::len_utf8)
        .sum();
    before.get(before.len() - n..)
}

/// Whether byte `start` of `text` opens a sentence: only spaces after a full stop, question
/// or exclamation mark, a line break or the start of the text.
fn opens_clause(text: &str, start: usize) -> bool {
    text.get(..start).is_some_and(|h| {
        let h = h.trim_end_matches([' ', '\u{a0}']);
        h.is_empty() || h.ends_with(['.', '!', '?', '\n'])
    })
}

/// Russian personal pronouns in the nominative (Ожегов, «Словарь русского языка»).
const PRONOUNS: &[&str] = &[
    "я", "ты", "он", "она", "оно", "мы", "вы", "они", "это", "кто",
];

/// Whether a reporting verb follows byte `end` of `text` after one or two lower-case words
/// and nothing else (Мусевени впервые говорит, Иванов также заявил).
/// `first`: `word_after(text, end)`, found already.
fn verb_soon_after(
    text: &str,
    end: usize,
    first: Option<&str>,
    is_verb: &dyn Fn(Option<&str>) -> bool,
) -> bool {
    let mut at = end;
    for i in 0..3 {
        let next = if i == 0 { first } else { word_after(text, at) };
        let Some(w) = next else {
            return false;
        };
        if is_verb(Some(w)) {
            return at > end;
        }
        // A pronoun is the speaker (Исследований он отметил).
        if PRONOUNS.contains(&fold(w).as_str()) {
            return false;
        }
        let off = w.as_ptr() as usize - text.as_ptr() as usize;
        at = off + w.len();
    }
    false
}

/// Whether a capitalised Russian word may be part of an unlisted foreign name: three letters
/// or more, not all capitals, no common-word stem among its readings (Воррен, Гатланд; not
/// Встреча, Нефть).
pub(crate) fn foreign_name_word(tables: &Tables, w: &str) -> bool {
    // Depends only on the word and the tables: remembered per thread.
    crate::mentions::memo_word!(tables.id(), Lang::Ru, w, || {
        foreign_name_word_uncached(tables, w)
    })
}

fn foreign_name_word_uncached(tables: &Tables, w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars().all(is_alpha)
        && !crate::text::is_all_caps(w)
        && !ru_common_word(tables, w)
        && !tables.word_is(w, Lang::Ru, "stop")
}

/// Whether a word is spelled with letters only and none of the letters only Kazakh has.
pub(crate) fn foreign_spelling(name: &str) -> bool {
    name.chars().all(is_alpha) && !crate::text::has_kazakh_letter(name)
}

/// Whether a Kazakh sentence-initial word may be a foreign surname standing alone (Слоан,
/// Уилер): one word of four letters or more, spelled without the letters only Kazakh has
/// (Ақнұр, Жаңару are Kazakh words), no stop word (Ал, Бұл) and no plural.
pub(crate) fn foreign_looking(tables: &Tables, name: &str) -> bool {
    // Depends only on the name and the tables: remembered per thread.
    crate::mentions::memo_word!(tables.id(), Lang::Kk, name, || {
        foreign_looking_uncached(tables, name)
    })
}

fn foreign_looking_uncached(tables: &Tables, name: &str) -> bool {
    name.chars().count() >= 4
        && foreign_spelling(name)
        && !tables.word_is(name, Lang::Kk, "stop")
        // Kazakh plurals name groups (Шалдар айтады).
        && !["лар", "лер", "дар", "дер", "тар", "тер"].iter().any(|e| {
            fold(name)
                .strip_suffix(e)
                .is_some_and(|stem| crate::kk::is_common_word(tables, stem))
        })
}

/// The rest of the sentence after byte `end`: up to the next full stop, question or
/// exclamation mark or line break.
fn sentence_rest(text: &str, end: usize) -> &str {
    let rest = text.get(end..).unwrap_or("");
    rest.split(['.', '!', '?', '\n']).next().unwrap_or("")
}

/// Russian common-word stems: those the Russian hunspell dictionary lists in lower case only.
pub(crate) static RU_COMMON: StemList =
    StemList::new(include_bytes!("../data/ru_common.bloom"), "ru_common.bloom");

/// Whether a Russian word reads as a common word: itself or one of its three likeliest
/// nominatives is a common-word stem (Чиновник, Запада).
pub(crate) fn ru_common_word(tables: &Tables, word: &str) -> bool {
    // Depends only on the word and the tables: remembered per thread.
    crate::mentions::memo_word!(tables.id(), Lang::Ru, word, || {
        ru_common_word_uncached(tables, word)
    })
}

fn ru_common_word_uncached(tables: &Tables, word: &str) -> bool {
    let has = |s: &str| RU_COMMON.contains(s);
    let f = fold(word);
    has(&f)
        || crate::ru::candidates(tables, word)
            .iter()
            .take(3)
            .any(|c| has(&c.lemma) || fleeting_vowel(&c.lemma).iter().any(|l| has(l)))
        // The nominative plural of a masculine noun, which no name reading gives (Эксперты,
        // Врачи: эксперт, врач); a stem of four letters or more, so that short names ending
        // in -и (Бали, Мали) do not read as nouns.
        || f.strip_suffix(['ы', 'и'])
            .is_some_and(|stem| stem.chars().count() >= 4 && has(stem))
        || past_tense_verb(&f, &has)
}

/// Whether a folded word is the past tense of a verb whose infinitive is a common word
/// (Приехали: приехать; Собрался: собраться): a stem of three letters or more ending in a
/// vowel, then -л, -ла, -ло, -ли, reflexive -лся, -лась, -лось, -лись (Зализняк 1977, past
/// tense of verbs in -ть).
fn past_tense_verb(f: &str, has: &dyn Fn(&str) -> bool) -> bool {
    const ENDS: [(&str, &str); 8] = [
        ("лся", "ться"),
        ("лась", "ться"),
        ("лось", "ться"),
        ("лись", "ться"),
        ("л", "ть"),
        ("ла", "ть"),
        ("ло", "ть"),
        ("ли", "ть"),
    ];
    ENDS.iter().any(|(end, inf)| {
        f.strip_suffix(end).is_some_and(|stem| {
            stem.chars().count() >= 3
                && stem.chars().last().is_some_and(crate::text::is_vowel)
                && has(&format!("{stem}{inf}"))
        })
    })
}

/// The nominatives with a fleeting vowel that a stem ending in two consonants may have lost in
/// its other cases: кубк- (кубка) -> кубок, кубек; отц- (отца) -> отоц, отец.
fn fleeting_vowel(stem: &str) -> Vec<String> {
    let vowel = |c: char| "аеёиоуыэюяйь".contains(c);
    let mut cs = stem.char_indices().rev();
    match (cs.next(), cs.next()) {
        (Some((at, last)), Some((_, before))) if !vowel(last) && !vowel(before) => ["о", "е"]
            .iter()
            .map(|v| format!("{}{v}{}", &stem[..at], last))
            .collect(),
        _ => Vec::new(),
    }
}

/// How a word stands in the vocative ([`vocative`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vocative {
    /// After a greeting or thanks and a comma (Қайырлы таң , Бірлік ! Спасибо , Ирина .).
    Greeted,
    /// Opening the sentence before a comma and a second-person pronoun or a greeting within
    /// three words (Риат , қайырлы таң ; Алмас , сөз сізде): common words open sentences so
    /// too (Мысалы , сіз ...; Возможно , вы ...), so the caller asks more of the word.
    BeforeYou,
}

/// Whether token `k` of `tokens` is a lone capitalised word in the vocative, as presenters and
/// interviewers address one another: a comma or the sentence's end follows it, and a greeting
/// is before it or a second-person pronoun after it (the `greeting` and `you` classes of
/// `words.tsv`).
pub(crate) fn vocative(
    tables: &Tables,
    text: &str,
    tokens: &[crate::text::Token<'_>],
    k: usize,
    lang: Lang,
) -> Option<Vocative> {
    let gap = |a: usize, b: usize| -> &str {
        text.get(tokens[a].span.end..tokens[b].span.start)
            .unwrap_or("")
            .trim()
    };
    let after = match tokens.get(k + 1) {
        Some(_) => gap(k, k + 1),
        None => text.get(tokens[k].span.end..).unwrap_or("").trim(),
    };
    let comma_after = after == ",";
    if !(comma_after || after.starts_with(['!', '.', '?'])) {
        return None;
    }
    let is = |i: usize, class: &str| tables.word_is(tokens[i].text, lang, class);
    if k >= 1 && gap(k - 1, k) == "," && (k.saturating_sub(2)..k).any(|i| is(i, "greeting")) {
        return Some(Vocative::Greeted);
    }
    let opens = k == 0 || gap(k - 1, k).ends_with(['.', '!', '?', '—']);
    (opens
        && comma_after
        && (k + 1..tokens.len().min(k + 4)).any(|i| is(i, "you") || is(i, "greeting")))
    .then_some(Vocative::BeforeYou)
}

/// Whether the Russian name at bytes `start..end` of `text` is the subject of a reporting verb
/// right after it (Ньюсом заявил, Ковач сообщила): a subject stands in the nominative, so the
/// name reads as written (Ньюсом, not the instrumental of Ньюс). Not after a preposition that
/// governs the instrumental (`instrumental_prep` in `words.tsv`: с Ньюсом заявил is no subject).
pub(crate) fn subject_of_verb(tables: &Tables, text: &str, start: usize, end: usize) -> bool {
    let verb = word_after(text, end).is_some_and(|w| speech_verb(tables, w, Lang::Ru));
    verb && !word_before(text, start)
        .is_some_and(|w| tables.word_is(w, Lang::Ru, "instrumental_prep"))
        && !text
            .get(start..end)
            .and_then(|name| name.split_whitespace().last())
            .is_some_and(oblique_surname_ru)
}

/// Whether a word is an oblique case of a Russian surname in -ов, -ев, -ин, -ын, never a
/// nominative (Иванову, Путиным, Петровых: the object before the verb, Иванову сказал);
/// Розенталь, «Справочник по правописанию и стилистике», § склонение фамилий.
fn oblique_surname_ru(w: &str) -> bool {
    let f = fold(w);
    ["у", "ым", "ыми", "ых", "ом", "е"].iter().any(|case| {
        f.strip_suffix(case).is_some_and(|stem| {
            stem.chars().count() >= 4 && ["ов", "ев", "ин", "ын"].iter().any(|s| stem.ends_with(s))
        })
    })
}

/// Whether the Kazakh word is a relative or an associate (`kin`, `associate` in `words.tsv`)
/// with the 3rd-person possessive, maybe after the plural, and maybe more suffixes after it
/// (әжесі, әжесімен, орынбасарлары); three letters of the noun may do (әже, аға).
pub(crate) fn relative_kk(tables: &Tables, w: &str) -> bool {
    let f = fold(w);
    f.char_indices().skip(2).any(|(i, _)| {
        let (head, rest) = f.split_at(i);
        crate::kk::opens_with_poss3(tables, rest)
            && tables.word_classes(head, Lang::Kk, |c| {
                c.contains("kin") || c.contains("associate")
            })
    })
}

/// Whether a word for a relative or an associate (`kin`, `associate` in `words.tsv`) marks the
/// name at bytes `start..end` as a person's: in Russian the relative stands before the name
/// (жена Трампа, заместители Даймона), in Kazakh the name in the genitive stands before the
/// relative with the 3rd-person possessive, maybe after the plural (Амаридің әжесі, Димонның
/// орынбасарлары).
///
/// `before`, `after`: `word_before(text, start)` and `word_after(text, end)`, found already.
fn kin_cue(
    tables: &Tables,
    text: &str,
    (start, end): (usize, usize),
    lang: Lang,
    before: Option<&str>,
    after: Option<&str>,
) -> bool {
    match lang {
        Lang::Ru => before.is_some_and(|w| {
            tables.word_classes(w, lang, |c| c.contains("kin") || c.contains("associate"))
        }),
        Lang::Kk => {
            let genitive = text
                .get(start..end)
                .and_then(|n| n.rsplit([' ', '\u{a0}']).next())
                .is_some_and(|w| {
                    crate::kk::candidates(tables, w)
                        .iter()
                        .take(2)
                        .any(|c| c.kinds == ["gen"])
                });
            genitive && after.is_some_and(|w| relative_kk(tables, w))
        }
        Lang::Other => false,
    }
}

/// Whether `w` is a reporting verb (`speech_verb` in `words.tsv`) of `lang`; depends only on
/// the word, so remembered per thread.
fn speech_verb(tables: &Tables, w: &str, lang: Lang) -> bool {
    crate::mentions::memo_word!(tables.id(), lang, w, || {
        tables.word_is(w, lang, "speech_verb")
    })
}

/// Whether the last word `w` of a name after a reporting verb stands in the nominative (reads
/// as itself), after a feminine verb (`feminine_verb`) or not; but for the feminine verb's own
/// case, the answer depends only on the word and the language, so it is remembered per thread.
fn reads_as_itself(tables: &Tables, w: &str, lang: Lang, feminine_verb: bool) -> bool {
    // After a feminine verb, a word in -а or -я reads as itself (сказала Анна; the plural
    // obliques below end otherwise); any other word reads as after any verb.
    if feminine_verb
        && matches!(
            w.chars().next_back().map(crate::text::fold_char),
            Some('а' | 'я')
        )
    {
        return true;
    }
    crate::mentions::memo_word!(tables.id(), lang, w, || {
        let f = fold(w);
        // Soft-stem plural obliques (Викиновостям) are never a speaker.
        if lang == Lang::Ru && ["ям", "ями", "ях"].iter().any(|e| f.ends_with(e)) {
            return false;
        }
        // Foreign surnames in -е do not decline (отметил Цильке); a given name in -е
        // after the verb is a dative (сказал Анне).
        if lang == Lang::Ru
            && f.ends_with('е')
            && f.chars().count() >= 5
            && !crate::ru::candidates(tables, w)
                .iter()
                .take(3)
                .any(|c| tables.given.contains_key(&(c.lemma.clone(), Lang::Ru)))
        {
            return true;
        }
        match lang {
            Lang::Kk => crate::kk::candidates(tables, w).first().map(|c| &c.lemma) == Some(&f),
            _ => crate::ru::candidates(tables, w).first().map(|c| &c.lemma) == Some(&f),
        }
    })
}

/// Whether a word that gives a person's age ([`Tables::age_word`]) stands right before byte
/// `start`, digits and hyphens included (54-летний, сорокалетним, жастағы).
fn age_before(tables: &Tables, text: &str, start: usize, lang: Lang) -> bool {
    run_before(text, start, |c| {
        is_alpha(c) || c.is_ascii_digit() || c == '-'
    })
    .is_some_and(|w| !w.is_empty() && tables.age_word(w, lang))
}

/// Whether the name at bytes `start..end` of `text` (language `lang`) stands next to a word
/// that marks a person: a Kazakh courtesy title after it, a relative or an age before it, or a
/// reporting verb before or after it.
pub(crate) fn person_cue_nearby(
    tables: &Tables,
    text: &str,
    start: usize,
    end: usize,
    lang: Lang,
) -> bool {
    if lang == Lang::Other {
        return false;
    }
    // The words right before and after the name.
    let before = word_before(text, start);
    let after = word_after(text, end);
    if crate::kk::post_title_follows(tables, text, end, lang)
        // The Kazakh word for `named` after it (Назым есімді апалы-сіңлілі).
        || lang == Lang::Kk && after.is_some_and(|w| tables.word_is(w, lang, "named"))
        || kin_cue(tables, text, (start, end), lang, before, after)
        // A person's age before the name (54-летний Шарф, 40 жастағы Браун).
        || age_before(tables, text, start, lang)
    {
        return true;
    }
    let is_verb = |w: Option<&str>| w.is_some_and(|w| speech_verb(tables, w, lang));
    // A feminine verb agrees with a feminine name in -а/-я (написала Шакира).
    let feminine_verb = lang == Lang::Ru && before.is_some_and(|v| v.ends_with("ла"));
    // After the verb the speaker stands in the nominative (заявил Крамер, not рассказал
    // Викиновостям): the last word must read as itself.
    let nominative = || {
        text.get(start..end)
            .and_then(|n| n.rsplit([' ', '\u{a0}']).next())
            .is_some_and(|w| reads_as_itself(tables, w, lang, feminine_verb))
    };
    // «По словам Крамера»: the speaker in the genitive after a fixed reporting phrase.
    let reported = lang == Lang::Ru
        && before.is_some_and(|w| {
            let off = w.as_ptr() as usize - text.as_ptr() as usize;
            // The phrase's two words (`report_phrase` in `words.tsv`).
            run_before(text, off, is_alpha)
                .is_some_and(|x| tables.word_is(&format!("{x} {w}"), Lang::Ru, "report_phrase"))
        });
    let verb = reported
        || is_verb(after)
        || lang == Lang::Ru && nominative() && verb_soon_after(text, end, after, &is_verb)
        || is_verb(before) && nominative()
        || lang == Lang::Kk
            && opens_clause(text, start)
            && foreign_looking(tables, text.get(start..end).unwrap_or(""))
            && nominative()
            && {
                // Kazakh puts the verb last: a sentence-initial subject in the nominative and a
                // reporting verb later in the same sentence (Слоан ... деп атап өтті).
                sentence_rest(text, end)
                    .split(|c: char| !(is_alpha(c) || c == '-'))
                    .any(|w| !w.ends_with("нша") && !w.ends_with("нше") && is_verb(Some(w)))
            };
    // Common nouns report too (Чиновник заявил): a name needs a word that is none.
    verb && text.get(start..end).is_some_and(|name| {
        name.split([' ', '\u{a0}', '-'])
            .filter(|w| !w.is_empty())
            .any(|w| match lang {
                // Plurals speak for a group (Шенеуніктердің айтуынша).
                Lang::Kk => {
                    let cands = crate::kk::candidates(tables, w);
                    !crate::kk::is_common_word(tables, w)
                        && !cands.iter().any(|c| {
                            crate::kk::is_common_word(tables, &c.lemma)
                                || c.kinds.iter().any(|k| k == "plural")
                        })
                }
                _ => !ru_common_word(tables, w),
            })
    })
}

/// Arabic articles written lower-case before a capitalised name part (аль-Хатиб, ал-Ассад,
/// эль-Сиси, әл-Фараби).
const ARTICLES: &[&str] = &["аль-", "ал-", "эль-", "әл-", "ас-", "ад-", "ар-", "ат-"];

/// Indices of tokens that are a name with a lower-case Arabic article (`аль-Хадж`), which count
/// as capitalised name words.
pub(crate) fn article_name_tokens(tokens: &[crate::text::Token]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| is_article_name(t.text))
        .map(|(i, _)| i)
        .collect()
}

/// Whether a word is a name with a lower-case Arabic article (`аль-Хадж`).
#[inline]
pub(crate) fn is_article_name(w: &str) -> bool {
    // Every article opens with а, э or ә, and ends with a hyphen: most words are told by their
    // first two bytes, or by the byte where an article's hyphen would be.
    matches!(
        w.as_bytes().get(..2),
        Some([0xD0, 0xB0] | [0xD1, 0x8D] | [0xD3, 0x99])
    ) && ARTICLES
        .iter()
        .any(|a| w.as_bytes().get(a.len() - 1) == Some(&b'-'))
        && ARTICLES.iter().any(|a| {
            w.strip_prefix(a).is_some_and(|rest| {
                rest.chars().count() >= 3
                    && crate::text::is_capitalized(rest)
                    && !crate::text::is_all_caps(rest)
            })
        })
}

/// Adds to a list of place forms the variant with spaces for each hyphenated two- or
/// three-part form whose parts are capitalised (Абу-Даби -> Абу Даби, Кабо-Верде -> Кабо Верде),
/// unless listed already. Forms such as Санкт-Петербург keep only their hyphen when a part is
/// lower-case (Ростов-на-Дону).
pub(crate) fn add_space_variants(forms: &mut Vec<String>) {
    let extra: Vec<String> = forms
        .iter()
        .filter(|f| {
            let parts: Vec<&str> = f.split('-').collect();
            (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| p.chars().count() >= 2 && crate::text::is_capitalized(p))
        })
        .map(|f| f.replace('-', " "))
        .collect();
    for e in extra {
        if !forms.contains(&e) {
            forms.push(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_names_count_as_capitalised() {
        let toks = crate::text::tokenize("чемпион Хилал аль-Хадж и аль-ус мечтал");
        let idx = article_name_tokens(&toks);
        assert_eq!(idx.len(), 1);
        assert_eq!(toks[idx[0]].text, "аль-Хадж");
    }

    /// [`word_after`] and [`word_before`] as first written (trimming the spaces as chars).
    fn word_around_by_chars(text: &str, at: usize, after: bool) -> Option<&str> {
        if after {
            let rest = text.get(at..)?;
            let a = rest.trim_start_matches([' ', '\u{a0}']);
            let gap = rest.len() - a.len();
            if gap == 0 || gap > 2 {
                return None;
            }
            let n: usize = a
                .chars()
                .take_while(|c| is_alpha(*c) || *c == '-')
                .map(char::len_utf8)
                .sum();
            let w = a.get(..n)?;
            w.chars().next().filter(|c| c.is_lowercase()).map(|_| w)
        } else {
            let head = text.get(..at)?;
            let b = head.trim_end_matches([' ', '\u{a0}']);
            let gap = head.len() - b.len();
            if gap == 0 || gap > 2 {
                return None;
            }
            let n: usize = b
                .chars()
                .rev()
                .take_while(|c| is_alpha(*c) || *c == '-')
                .map(char::len_utf8)
                .sum();
            let w = b.get(b.len() - n..)?;
            w.chars().next().filter(|c| c.is_lowercase()).map(|_| w)
        }
    }

    #[test]
    fn words_around_agree_with_char_version() {
        let parts = [
            "",
            " ",
            "  ",
            "\u{a0}",
            " \u{a0}",
            "заявил",
            "Иванов",
            "-",
            ".",
            "а",
            "ü",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let t = format!("{a}{b}{c}");
                    for at in 0..=t.len() {
                        if t.is_char_boundary(at) {
                            assert_eq!(word_after(&t, at), word_around_by_chars(&t, at, true));
                            assert_eq!(word_before(&t, at), word_around_by_chars(&t, at, false));
                        }
                    }
                }
            }
        }
    }

    /// `is_article_name` looks for an article's first letter in its first two bytes and its
    /// hyphen at its last byte.
    #[test]
    fn every_article_ends_with_a_hyphen() {
        for a in ARTICLES {
            assert!(a.ends_with('-') && a.len() > 1, "{a}");
            assert!(a.starts_with(['а', 'э', 'ә']), "{a}");
        }
        assert!(is_article_name("эль-Сиси"));
        assert!(is_article_name("ал-Фараби"));
        assert!(is_article_name("аль-Хадж"));
        assert!(is_article_name("әл-Фараби"));
        assert!(!is_article_name("аль-ус"));
        assert!(!is_article_name("Абу-Даби"));
        assert!(!is_article_name("ал"));
    }

    #[test]
    fn hyphenated_places_get_a_spaced_variant() {
        let mut f = vec!["Абу-Даби".to_string(), "Ростов-на-Дону".to_string()];
        add_space_variants(&mut f);
        assert_eq!(f, ["Абу-Даби", "Ростов-на-Дону", "Абу Даби"]);
    }

    #[test]
    fn reporting_verbs_and_titles_mark_persons() {
        let t = Tables::embedded().unwrap();
        let at = |s: &str, w: &str| {
            let i = s.find(w).unwrap();
            (i, i + w.len())
        };
        let s = "Выступая в Кампале, Мусевени заявил, что это так.";
        let (a, b) = at(s, "Мусевени");
        assert!(person_cue_nearby(&t, s, a, b, Lang::Ru));
        let s = "Рост продолжится, сказал Крамер.";
        let (a, b) = at(s, "Крамер");
        assert!(person_cue_nearby(&t, s, a, b, Lang::Ru));
        let s = "« Шешеміз » , - деді Мусави мырза .";
        let (a, b) = at(s, "Мусави");
        assert!(person_cue_nearby(&t, s, a, b, Lang::Kk));
        // A verb beyond punctuation or another word does not count.
        let s = "В Кампале, заявил он, всё спокойно.";
        let (a, b) = at(s, "Кампале");
        assert!(!person_cue_nearby(&t, s, a, b, Lang::Ru));
        let s = "Мусевени заявил";
        assert!(!person_cue_nearby(&t, s, 0, 16, Lang::Kk));
        let s = "Чиновник заявил , что всё хорошо .";
        let (a, b) = at(s, "Чиновник");
        assert!(!person_cue_nearby(&t, s, a, b, Lang::Ru));
        assert!(ru_common_word(&t, "Запада"));
        let s = "« Жду » , - написала Шакира .";
        let (a, b) = at(s, "Шакира");
        assert!(person_cue_nearby(&t, s, a, b, Lang::Ru));
        let s = "Шенеуніктердің айтуынша , қор жеткілікті .";
        let (a, b) = at(s, "Шенеуніктердің");
        assert!(!person_cue_nearby(&t, s, a, b, Lang::Kk));
        let s = "Хатибтің айтуынша , ереже жеңілдейді .";
        let (a, b) = at(s, "Хатибтің");
        assert!(person_cue_nearby(&t, s, a, b, Lang::Kk));
        let s = "об этом сообщил Викиновостям его помощник";
        let (a, b) = at(s, "Викиновостям");
        assert!(!person_cue_nearby(&t, s, a, b, Lang::Ru));
        assert!(!ru_common_word(&t, "Мусевени"));
    }

    #[test]
    fn common_nouns_with_a_fleeting_vowel_are_common_words() {
        assert_eq!(fleeting_vowel("кубк"), ["кубок", "кубек"]);
        assert_eq!(fleeting_vowel("отц"), ["отоц", "отец"]);
        assert!(fleeting_vowel("иванов").is_empty());
        let t = Tables::embedded().unwrap();
        assert!(ru_common_word(&t, "Кубка"));
        assert!(ru_common_word(&t, "Рынка"));
        assert!(!ru_common_word(&t, "Сришанкар"));
        // Nominative plurals of masculine nouns; names in -и stay names.
        assert!(ru_common_word(&t, "Эксперты"));
        assert!(ru_common_word(&t, "Врачи"));
        assert!(!ru_common_word(&t, "Мусевени"));
        assert!(!ru_common_word(&t, "Берлускони"));
    }
}
