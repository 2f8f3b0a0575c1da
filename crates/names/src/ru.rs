//! Russian declension of proper names: candidate nominatives of one inflected word.
//!
//! The ending rules live in `data/ru_endings.tsv`. Each rule reads the word as an inflected
//! form of one declension class and proposes the nominative with a prior; the caller picks among
//! the candidates with a lexicon (gazetteer, given names, places), the other forms of the same
//! name in the text and the gender of an agreeing given name.

use crate::data::{Gender, Tables};
use crate::text::{fold, is_all_caps, is_cyrillic, is_vowel, lower};

/// One reading of an inflected word.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Lower-case nominative (ё folded to е).
    pub lemma: String,
    /// Gender of a person bearing this nominative, when the reading implies one.
    pub gender: Option<Gender>,
    /// Plausibility when nothing else decides.
    pub prior: f32,
}

/// Whether the word is handled as-is (not Cyrillic, an acronym, has digits).
pub(crate) fn invariant(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| crate::text::is_alpha(*c)).collect();
    letters.is_empty()
        || !letters.iter().all(|c| is_cyrillic(*c))
        || is_all_caps(word) && letters.len() <= 6
        || word.chars().any(|c| c.is_ascii_digit())
}

/// Candidate nominatives of one word (lower-case, folded), best prior first. Hyphenated words
/// decline in their last part only (`Санкт-Петербурге`, `Касым-Жомарта`).
pub(crate) fn candidates(tables: &Tables, word: &str) -> std::rc::Rc<[Candidate]> {
    // The readings depend only on the word and the tables: computed once per thread.
    crate::mentions::memo_word!(
        tables.id(),
        kzalign_core::Lang::Ru,
        word,
        || -> std::rc::Rc<[Candidate]> { candidates_uncached(tables, word).into() }
    )
}

/// The masculine singular (folded) of a surname written in the plural (`Ротенбергов` ->
/// `ротенберг`, `Ивановых` -> `иванов`), after given names in the nominative (`nominative`) or
/// in an oblique case; `None` when no plural ending of that case fits. The longest ending wins.
pub(crate) fn plural_surname(tables: &Tables, word: &str, nominative: bool) -> Option<String> {
    let w = fold(word);
    if invariant(word) {
        return None;
    }
    tables
        .ru_plurals
        .iter()
        .filter(|r| r.nominative == nominative && w.ends_with(r.form_end.as_str()))
        .filter(|r| {
            let stem = &w[..w.len() - r.form_end.len()];
            stem.chars().count() >= 3 && stem.chars().any(is_vowel) && r.after.holds(stem)
        })
        .max_by_key(|r| r.form_end.len())
        .map(|r| format!("{}{}", &w[..w.len() - r.form_end.len()], r.lemma_end))
}

fn candidates_uncached(tables: &Tables, word: &str) -> Vec<Candidate> {
    let w = fold(word);
    if invariant(word) || w.chars().count() <= 2 {
        return vec![Candidate {
            lemma: w,
            gender: None,
            prior: 1.0,
        }];
    }
    let (prefix, last) = match w.rfind('-') {
        Some(i) => (&w[..=i], &w[i + 1..]),
        None => ("", w.as_str()),
    };
    let mut out: Vec<Candidate> = Vec::new();
    // Specificity of the rule that gave each candidate: a longer ending, or a literal stem
    // condition, overrides a more general rule for the same lemma.
    let mut spec: Vec<usize> = Vec::new();
    for r in &tables.ru_rules {
        if !last.ends_with(r.form_end.as_str()) {
            continue;
        }
        let stem = &last[..last.len() - r.form_end.len()];
        if !r.after.holds(stem) {
            continue;
        }
        let identity = r.form_end == r.lemma_end;
        if !identity {
            // A nominative needs a vowel and two letters (Льва -> Лев, Уса -> Ус).
            let lemma_len = stem.chars().count() + r.lemma_end.chars().count();
            if lemma_len < 2
                || !stem.chars().chain(r.lemma_end.chars()).any(is_vowel)
                || stem.is_empty()
            {
                continue;
            }
        }
        let lemma = format!("{prefix}{stem}{}", r.lemma_end);
        let sp = r.form_end.chars().count() * 10
            + usize::from(matches!(
                r.after,
                crate::data::After::Literal(_) | crate::data::After::Prefix(_)
            )) * 5;
        if let Some(i) = out.iter().position(|c| c.lemma == lemma) {
            if sp > spec[i] || sp == spec[i] && r.prior > out[i].prior {
                out[i].prior = r.prior;
                out[i].gender = r.gender;
                spec[i] = sp;
            }
        } else {
            out.push(Candidate {
                lemma,
                gender: r.gender,
                prior: r.prior,
            });
            spec.push(sp);
        }
    }
    if japanese_nominative(last) {
        match out.iter_mut().find(|c| c.lemma == w) {
            Some(c) => c.prior = c.prior.max(JAPANESE_PRIOR),
            None => out.push(Candidate {
                lemma: w.clone(),
                gender: None,
                prior: JAPANESE_PRIOR,
            }),
        }
    }
    if !out.iter().any(|c| c.lemma == w) {
        // The word itself is always a reading (indeclinable names), with a low prior.
        let last_c = last.chars().last().map(lower).unwrap_or(' ');
        let p = if is_vowel(last_c) { 0.1 } else { 0.3 };
        out.push(Candidate {
            lemma: w.clone(),
            gender: None,
            prior: p,
        });
    }
    out.sort_by(|a, b| b.prior.total_cmp(&a.prior));
    out
}

/// Prior of the nominative reading of a word transcribed from Japanese.
const JAPANESE_PRIOR: f32 = 0.7;

/// Whether the (lower-case, folded) word reads as a Japanese name in the Polivanov transcription
/// (Поливанов, 1917): Japanese z is written дз (дзу, дзи, дзе, дзю: Дзюнъити, Иидзука), and
/// Japanese words end in a vowel or н, so an -а/-и ending is part of the nominative, not a case
/// ending on a consonant stem. English дз stands before а/о (Гудзон, Виндзор) and is not taken;
/// Ossetian stems keep their formants (-ов, -ев, -ин, -ын, -ск, -цк), which decline.
fn japanese_nominative(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('а').or_else(|| w.strip_suffix('и')) else {
        return false;
    };
    ["дзу", "дзи", "дзе", "дзю"]
        .iter()
        .any(|s| stem.contains(s))
        && stem.chars().count() >= 3
        && !["ов", "ев", "ёв", "ин", "ын", "ск", "цк"]
            .iter()
            .any(|f| stem.ends_with(f))
}

/// Context that helps choose among candidates.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context {
    /// Gender of the person, from an agreeing given name or patronymic.
    pub gender: Option<Gender>,
}

/// Scores one candidate: prior, times a bonus when the lemma is known, times agreement.
pub(crate) fn score(c: &Candidate, known: f32, ctx: Context) -> f32 {
    let mut s = c.prior * known;
    if let (Some(g), Some(cg)) = (ctx.gender, c.gender) {
        if g != cg {
            s *= 0.2;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(t: &Tables, w: &str) -> String {
        candidates(t, w)[0].lemma.clone()
    }

    #[test]
    fn declension_classes() {
        let t = Tables::embedded().unwrap();
        assert_eq!(best(&t, "Токаеву"), "токаев");
        assert_eq!(best(&t, "Токаева"), "токаев");
        assert_eq!(best(&t, "Гутерришем"), "гутерриш");
        assert_eq!(best(&t, "Маттареллы"), "маттарелла");
        assert_eq!(best(&t, "Алисджабаны"), "алисджабана");
        assert_eq!(best(&t, "Енчи"), "енча");
        assert_eq!(best(&t, "России"), "россия");
        assert_eq!(best(&t, "Островского"), "островский");
        assert_eq!(best(&t, "Ковалевским"), "ковалевский");
        assert_eq!(best(&t, "Сергеем"), "сергей");
        assert_eq!(best(&t, "Мелони"), "мелони");
        assert_eq!(best(&t, "Санкт-Петербурге"), "санкт-петербург");
        assert_eq!(best(&t, "Касым-Жомарта"), "касым-жомарт");
        assert_eq!(best(&t, "ООН"), "оон");
    }

    #[test]
    fn plural_surnames_read_as_the_masculine_singular_of_their_case() {
        let t = Tables::embedded().unwrap();
        let p = |w: &str, nom: bool| plural_surname(&t, w, nom);
        assert_eq!(p("Ротенберги", true).as_deref(), Some("ротенберг"));
        assert_eq!(p("Клинтоны", true).as_deref(), Some("клинтон"));
        assert_eq!(p("Ивановы", true).as_deref(), Some("иванов"));
        assert_eq!(p("Вишневские", true).as_deref(), Some("вишневский"));
        assert_eq!(p("Ротенбергов", false).as_deref(), Some("ротенберг"));
        assert_eq!(p("Ротенбергами", false).as_deref(), Some("ротенберг"));
        assert_eq!(p("Ивановых", false).as_deref(), Some("иванов"));
        assert_eq!(p("Ивановыми", false).as_deref(), Some("иванов"));
        assert_eq!(p("Вишневских", false).as_deref(), Some("вишневский"));
        assert_eq!(p("Бушей", false).as_deref(), Some("буш"));
        // Not a plural of the given names' case, or no plural at all.
        assert_eq!(p("Ротенбергов", true), None);
        assert_eq!(p("Ротенберги", false), None);
        assert_eq!(p("Берлускони", true), None);
        assert_eq!(p("Иванов", true), None);
        assert_eq!(p("Ротенберг", true), None);
    }

    #[test]
    fn ending_shapes_decide_unknown_words() {
        let t = Tables::embedded().unwrap();
        // -ле: -ль after о/е, -л after и or a consonant.
        assert_eq!(best(&t, "Севастополе"), "севастополь");
        assert_eq!(best(&t, "Михаиле"), "михаил");
        assert_eq!(best(&t, "Сиэтле"), "сиэтл");
        // Fleeting vowel of -ец, but not after р/н (Шварц, Линц).
        assert_eq!(best(&t, "Дубовце"), "дубовец");
        assert_eq!(best(&t, "Шварце"), "шварц");
        // Indeclinable formants and impossible stem-final clusters.
        assert_eq!(best(&t, "Мамедзаде"), "мамедзаде");
        assert_eq!(best(&t, "Оразалы"), "оразалы");
        assert_eq!(best(&t, "Амра"), "амра");
        assert_eq!(best(&t, "Александра"), "александр");
        assert_eq!(best(&t, "Дюпюи"), "дюпюи");
        assert_eq!(best(&t, "Генуи"), "генуя");
        // Prefix-suffix place names in -ье.
        assert_eq!(best(&t, "Приморья"), "приморье");
        assert_eq!(best(&t, "Семиречья"), "семиречье");
        assert_eq!(best(&t, "Закавказью"), "закавказье");
        assert_eq!(best(&t, "Фатимидах"), "фатимид");
        // Japanese names in the Polivanov transcription keep -а/-и; Ossetian -ов surnames decline.
        assert_eq!(best(&t, "Хакодзима"), "хакодзима");
        assert_eq!(best(&t, "Дзасохова"), "дзасохов");
        assert_eq!(best(&t, "Гудзона"), "гудзон");
    }

    #[test]
    fn feminine_context_keeps_consonant_surnames() {
        let t = Tables::embedded().unwrap();
        let ctx = Context {
            gender: Some(Gender::F),
        };
        let c = candidates(&t, "Ивановой");
        let b = c
            .iter()
            .max_by(|a, b| score(a, 1.0, ctx).total_cmp(&score(b, 1.0, ctx)))
            .unwrap();
        assert_eq!(b.lemma, "иванова");
    }
}
