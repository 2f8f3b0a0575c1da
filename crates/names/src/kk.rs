//! Kazakh suffix chains after names: candidate stems of one inflected word.
//!
//! Suffix allomorphs live in `data/kk_suffixes.tsv` with their slot (plural, possessive, case,
//! `-дағы`), the sounds they follow and their vowel harmony. Every segmentation of the word
//! into a stem and a grammatical chain of suffixes is a candidate; the caller chooses with a
//! lexicon (gazetteer, given names, places, proper nouns that end like a suffix: Астана,
//! Қазақстан, Нұрсұлтан) and the other forms of the name in the text.

use crate::data::{KkSuffix, StemList, Tables};
use crate::text::{fold, is_vowel, lower};
use kzalign_core::Lang;

/// Kazakh common-word stems: those the Kazakh hunspell dictionary lists in lower case only.
pub(crate) static KK_COMMON: StemList =
    StemList::new(include_bytes!("../data/kk_common.bloom"), "kk_common.bloom");

/// Whether a Kazakh word reads as a common noun, adjective or verb form: the word itself or one
/// of its three likeliest stems (three letters or more) is a common-word stem (Медицина,
/// Соттың, Банктер, Қарулы). Names that are also common words (Қанат, Бақыт) are not in the list.
pub(crate) fn is_common_word(tables: &Tables, word: &str) -> bool {
    // Depends only on the word and the tables: remembered per thread.
    crate::mentions::memo_word!(tables.id(), Lang::Kk, word, || {
        is_common_word_uncached(tables, word)
    })
}

fn is_common_word_uncached(tables: &Tables, word: &str) -> bool {
    let has = |s: &str| KK_COMMON.contains(s);
    let f = fold(word);
    has(&f)
        || candidates(tables, word)
            .iter()
            .take(3)
            .any(|c| has(&c.lemma))
        // Short common stems with the 3rd-person possessive, which the name readings leave
        // whole (Соты `its court`, Басы).
        || poss3_suffixes(tables)
            .any(|e| f.strip_suffix(e).is_some_and(|stem| stem.chars().count() == 3 && has(stem)))
}

/// Whether a Kazakh word is a common word ([`is_common_word`]) or a given name that is a common
/// word too (`common_name` in `words.tsv`: Салтанат `ceremony`, Қанат `wing`), which the
/// common-word list leaves out.
pub(crate) fn common_word_or_name(tables: &Tables, word: &str) -> bool {
    is_common_word(tables, word) || tables.word_is(word, Lang::Kk, "common_name")
}

/// The allomorphs of the 3rd-person possessive in `data/kk_suffixes.tsv` (ы, і, сы, сі).
pub(crate) fn poss3_suffixes(tables: &Tables) -> impl Iterator<Item = &str> {
    suffixes_of_kind(tables, "poss3")
}

/// The plural allomorphs of `kk_suffixes.tsv` (kind `plural`: лар, лер, дар ...).
pub(crate) fn plural_suffixes(tables: &Tables) -> impl Iterator<Item = &str> {
    suffixes_of_kind(tables, "plural")
}

/// The locative allomorphs of `kk_suffixes.tsv` (kind `loc`: да, те, нда ...).
pub(crate) fn locative_suffixes(tables: &Tables) -> impl Iterator<Item = &str> {
    suffixes_of_kind(tables, "loc")
}

/// Whether `rest`, what follows a noun stem, opens with the 3rd-person possessive, maybe after
/// the plural (әже|сі, орынбасар|лары, көше|сінде).
pub(crate) fn opens_with_poss3(tables: &Tables, rest: &str) -> bool {
    let rest = plural_suffixes(tables)
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    poss3_suffixes(tables).any(|p| rest.starts_with(p))
}

/// Whether `rest`, what follows a noun stem, is the 3rd-person possessive before a case suffix
/// of two letters or more of `kk_suffixes.tsv` (кез|і|нде; not бүг|і|н `today`, not
/// қай|ырымдылықпен).
pub(crate) fn poss3_then_case(tables: &Tables, rest: &str) -> bool {
    poss3_suffixes(tables).any(|p| {
        rest.strip_prefix(p).is_some_and(|case| {
            case.chars().count() >= 2 && tables.kk_suffixes.iter().any(|s| s.suffix == case)
        })
    })
}

/// The allomorphs of one kind of suffix in `kk_suffixes.tsv`.
fn suffixes_of_kind<'t>(tables: &'t Tables, kind: &'t str) -> impl Iterator<Item = &'t str> {
    tables
        .kk_suffixes
        .iter()
        .filter(move |s| s.kind == kind)
        .map(|s| s.suffix.as_str())
}

/// Whether a Kazakh word is a common word ([`is_common_word`]) and none of its three likeliest
/// readings is a listed given name, gazetteer person or surname.
pub(crate) fn common_not_name(names: &crate::Names, word: &str) -> bool {
    // Depends only on the word and the normalizer: remembered per thread.
    crate::mentions::memo_word!(names.id(), Lang::Kk, word, || {
        let t = names.tables();
        is_common_word(t, word)
            && !candidates(t, word)
                .iter()
                .take(3)
                .any(|c| names.known(&c.lemma).is_some_and(|k| k.given || k.surname))
    })
}

/// Whether a Kazakh courtesy title that follows a name (`post_title` in `words.tsv`: Суор
/// мырза, Сканлон мырзаға, Мэй ханым) stands right after byte `end` of `text`, in any case form,
/// with only spaces between.
pub(crate) fn post_title_follows(tables: &Tables, text: &str, end: usize, lang: Lang) -> bool {
    if lang != Lang::Kk {
        return false;
    }
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let after = rest.trim_start_matches([' ', '\u{a0}']);
    if after.len() == rest.len() || rest.len() - after.len() > 2 {
        return false;
    }
    let n: usize = after
        .chars()
        .take_while(|c| crate::text::is_alpha(*c))
        .map(char::len_utf8)
        .sum();
    let word = after.get(..n).unwrap_or("");
    if word.is_empty() || !word.chars().next().is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    // Depends only on the word: remembered per thread.
    crate::mentions::memo_word!(tables.id(), Lang::Kk, word, || {
        candidates(tables, word)
            .iter()
            .any(|c| tables.word_is(&c.lemma, Lang::Kk, "post_title"))
    })
}

/// Whether a name particle (де, да, ла: Мэтт де Груд) may join the words around it. In Kazakh
/// да/де is also the clitic `too` (`clitic` in `words.tsv`: Асан да Үсен де келді), so there
/// it joins only foreign names:
/// neither word spelled with a letter only Kazakh has (the word after may carry a Kazakh case
/// suffix: Соузаға); other particles (бин, фон) always join.
pub(crate) fn particle_joins(
    tables: &Tables,
    lang: Lang,
    before: &str,
    particle: &str,
    after: &str,
) -> bool {
    let kazakh = crate::text::has_kazakh_letter;
    let clitic = tables.word_is(particle, Lang::Kk, "clitic");
    let foreign_after = || {
        !kazakh(after)
            || candidates(tables, after)
                .iter()
                .take(2)
                .any(|c| !c.kinds.is_empty() && !kazakh(&c.lemma))
    };
    lang != Lang::Kk || !clitic || !kazakh(before) && foreign_after()
}

/// Whether a stem (folded, six letters or more) ends in a surname ending with в (-ов, -ев,
/// -ова): Kazakh words are not spelled with в, so only a surname ends so (Бекенов), and its
/// plural names a family (Бегалиевтер).
pub(crate) fn family_surname(tables: &Tables, stem: &str) -> bool {
    stem.chars().count() >= 6
        && tables.surname_endings.iter().any(|e| {
            e.class == "surname" && e.ending.contains('в') && stem.ends_with(e.ending.as_str())
        })
}

/// Prior of reading a word as its own nominative, against which suffix chains compete.
pub(crate) const IDENTITY_PRIOR: f32 = 0.4;

/// One reading of an inflected word.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Lower-case stem.
    pub lemma: String,
    /// The suffix kinds stripped, outermost last.
    pub kinds: Vec<String>,
    /// Plausibility when nothing else decides.
    pub prior: f32,
}

/// Sound class of the end of a stem: V, S, Z or T.
fn class_of(stem: &str) -> Option<char> {
    let mut it = stem
        .chars()
        .rev()
        .map(lower)
        .filter(|c| !matches!(c, 'ь' | 'ъ'));
    let last = it.next()?;
    Some(match last {
        'м' | 'н' | 'ң' => 'S',
        // у is a consonant-like glide in Kazakh spelling (Мәскеуге, Ангелудың).
        'л' | 'р' | 'й' | 'ж' | 'з' | 'и' | 'у' => 'Z',
        c if is_vowel(c) => 'V',
        c if crate::text::is_alpha(c) => 'T',
        _ => return None,
    })
}

/// Harmony of a stem: Some(true) back, Some(false) front, None undecided.
fn harmony_of(stem: &str) -> Option<bool> {
    let mut chars: Vec<char> = stem.chars().map(lower).collect();
    // Russian surname formants take the harmony of the root before them (Тоқаевқа).
    for f in ["ев", "ов", "ёв", "ева", "ова"] {
        let f: Vec<char> = f.chars().collect();
        if chars.len() > f.len() + 2 && chars.ends_with(&f) {
            chars.truncate(chars.len() - f.len());
            break;
        }
    }
    if matches!(chars.last(), Some('к') | Some('г')) {
        // Foreign stems ending in к/г take front suffixes (Йорктің, Гонконгте).
        return None;
    }
    for c in chars.iter().rev() {
        match c {
            'а' | 'о' | 'ұ' | 'ы' | 'я' => return Some(true),
            'ә' | 'ө' | 'ү' | 'і' | 'е' | 'э' => return Some(false),
            'и' | 'у' | 'ю' | 'ё' => return None,
            _ => {}
        }
    }
    None
}

fn harmony_factor(stem: &str, s: &KkSuffix) -> f32 {
    match (harmony_of(stem), s.harmony) {
        (Some(a), Some(b)) if a != b => 0.5,
        _ => 1.0,
    }
}

/// Whether cutting `word` after `cut` bytes splits a protected stem ending (`стан`, `берді`).
fn splits_protected(tables: &Tables, word: &str, cut: usize) -> bool {
    tables.kk_protected().iter().any(|p| {
        word.match_indices(p.as_str())
            .any(|(i, _)| i < cut && cut < i + p.len())
    })
}

/// Candidate stems of one word, best prior first; the word itself is always one of them.
pub(crate) fn candidates(tables: &Tables, word: &str) -> std::rc::Rc<[Candidate]> {
    // The readings depend only on the word and the tables: computed once per thread.
    crate::mentions::memo_word!(
        tables.id(),
        Lang::Kk,
        word,
        || -> std::rc::Rc<[Candidate]> { candidates_uncached(tables, word).into() }
    )
}

fn candidates_uncached(tables: &Tables, word: &str) -> Vec<Candidate> {
    let w = fold(word);
    let mut out = vec![Candidate {
        lemma: w.clone(),
        kinds: Vec::new(),
        prior: IDENTITY_PRIOR,
    }];
    // Suffixes written after a hyphen or apostrophe (БҰҰ-ның, АҚШ-пен, Трамп'тың).
    if let Some(i) = w.rfind(['-', '\'', '’']) {
        let head = &w[..i];
        let tail = &w[i..];
        let tail = tail.trim_start_matches(['-', '\'', '’']);
        let mut chains = Vec::new();
        chain(
            tables,
            tail,
            9,
            None,
            &mut Vec::new(),
            1.0,
            &mut chains,
            false,
        );
        for (rest, kinds, p) in chains {
            if rest.is_empty() && !head.is_empty() {
                out.push(Candidate {
                    lemma: head.to_string(),
                    kinds,
                    prior: p.max(0.9),
                });
            }
        }
    }
    let mut chains = Vec::new();
    chain(tables, &w, 9, None, &mut Vec::new(), 1.0, &mut chains, true);
    for (stem, kinds, p) in chains {
        let n = stem.chars().count();
        if n < 2 || !stem.chars().any(is_vowel) {
            continue;
        }
        // Two-letter stems (the last syllable of Ким Чен Ын, Мун Чжэ Ин) only before a plain
        // case, and as the least likely reading: a name so short is rare.
        let p = if n == 2 {
            if !(kinds.len() == 1 && matches!(kinds[0].as_str(), "gen" | "dat" | "ins" | "acc")) {
                continue;
            }
            p * 0.1
        } else {
            p
        };
        // Three-letter stems only before an unambiguous case (Кимнің, Алиге), never before
        // endings a longer name may simply end with (Байден is not Бай + ден).
        if n == 3
            && !(kinds.len() == 1 && matches!(kinds[0].as_str(), "gen" | "dat" | "ins" | "acc"))
        {
            continue;
        }
        if stem.ends_with(['-', '\'', '’']) {
            continue;
        }
        if splits_protected(tables, &w, stem.len()) {
            continue;
        }
        if let Some(c) = out.iter_mut().find(|c| c.lemma == stem) {
            c.prior = c.prior.max(p);
        } else {
            out.push(Candidate {
                lemma: stem,
                kinds,
                prior: p,
            });
        }
    }
    // No name ends in a plural suffix after -ов/-ев: the plural of a surname is the likeliest
    // reading (Бегалиевтер, Есжановтардың), above the word as written and its case forms.
    let top = out.iter().map(|c| c.prior).fold(0.0, f32::max);
    for c in out.iter_mut() {
        if c.kinds.iter().any(|k| k == "plural") && family_surname(tables, &c.lemma) {
            c.prior = c.prior.max(top * 1.05);
        }
    }
    out.sort_by(|a, b| b.prior.total_cmp(&a.prior));
    out
}

/// Strips suffixes from the end of `s`, each of a lower slot than the one after it, and
/// pushes every (stem, kinds, prior) reached. `right` is the suffix already stripped to the right,
/// whose `after` condition the new stem must satisfy.
#[allow(clippy::too_many_arguments)]
fn chain(
    tables: &Tables,
    s: &str,
    max_slot: u8,
    right: Option<&KkSuffix>,
    kinds: &mut Vec<String>,
    prior: f32,
    out: &mut Vec<(String, Vec<String>, f32)>,
    check_sound: bool,
) {
    for suf in &tables.kk_suffixes {
        if suf.slot >= max_slot || !s.ends_with(suf.suffix.as_str()) {
            continue;
        }
        let stem = &s[..s.len() - suf.suffix.len()];
        if stem.is_empty() && check_sound {
            continue;
        }
        // The suffix to the right must accept this one as its left neighbour.
        if let Some(r) = right {
            let ok = (r.after.contains('P') && suf.kind == "poss3")
                || r.after.contains(last_class_of_suffix(&suf.suffix));
            if !ok {
                continue;
            }
        }
        kinds.insert(0, suf.kind.clone());
        let p = prior
            * suf.prior
            * if check_sound {
                harmony_factor(stem, suf)
            } else {
                1.0
            };
        // This suffix must fit the stem it attaches to. After a final и or у, which the
        // spelling treats as a glide, news also write the vowel forms (Бичині beside Бичиді),
        // less often.
        let fits = !check_sound
            || stem.is_empty()
            || class_of(stem).is_some_and(|c| suf.after.contains(c))
            || suf.after.contains('P') && ends_possessive(stem);
        let glide_as_vowel = check_sound
            && !fits
            && suf.after.contains('V')
            && stem.chars().count() >= 3
            && stem.ends_with(['и', 'у']);
        if fits {
            out.push((stem.to_string(), kinds.clone(), p));
        } else if glide_as_vowel {
            out.push((stem.to_string(), kinds.clone(), p * 0.6));
        }
        if !stem.is_empty() {
            chain(
                tables,
                stem,
                suf.slot,
                Some(suf),
                kinds,
                p,
                out,
                check_sound,
            );
        }
        kinds.remove(0);
    }
}

/// Whether a stem ends in a possessive that is part of the name: the patronymic formants
/// ұлы/қызы and a 3rd-person -сы/-сі after a vowel (Сауд Арабиясы).
fn ends_possessive(stem: &str) -> bool {
    ["ұлы", "қызы", "улы", "кызы", "сы", "сі"]
        .iter()
        .any(|e| stem.ends_with(e) && stem.chars().count() > e.chars().count() + 2)
}

fn last_class_of_suffix(s: &str) -> char {
    class_of(s).unwrap_or('V')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(t: &Tables, w: &str) -> String {
        candidates(t, w)[0].lemma.clone()
    }

    #[test]
    fn the_third_person_possessive_comes_from_the_suffix_table() {
        let t = Tables::embedded().unwrap();
        let mut got: Vec<&str> = poss3_suffixes(&t).collect();
        got.sort_unstable();
        assert_eq!(got, ["сы", "сі", "ы", "і"]);
    }

    #[test]
    fn remembered_readings_are_the_readings_of_those_tables() {
        let t = Tables::embedded().unwrap();
        for w in ["Тоқаевқа", "Астанада", "Гутерришпен", "Ел"] {
            let fresh = candidates_uncached(&t, w);
            assert_eq!(&*candidates(&t, w), fresh.as_slice());
            assert_eq!(&*candidates(&t, w), fresh.as_slice(), "from memory");
        }
        // Other tables (built again, or changed) are remembered apart.
        assert_ne!(Tables::embedded().unwrap().id(), t.id());
        assert_eq!(t.clone().id(), t.id());
        assert_ne!(Tables::default().id(), t.id());
    }

    #[test]
    fn strips_case_suffixes() {
        let t = Tables::embedded().unwrap();
        assert_eq!(best(&t, "Тоқаевқа"), "тоқаев");
        assert_eq!(best(&t, "Тоқаевтың"), "тоқаев");
        assert_eq!(best(&t, "Гутерришпен"), "гутерриш");
        assert_eq!(best(&t, "Гутерриштің"), "гутерриш");
        assert_eq!(best(&t, "БҰҰ-ның"), "бұұ");
        assert_eq!(best(&t, "Грузиямен"), "грузия");
        assert_eq!(best(&t, "Қазақстандағы"), "қазақстан");
        assert_eq!(best(&t, "Йорктің"), "йорк");
    }

    #[test]
    fn common_words_are_known_but_names_are_not() {
        let t = Tables::embedded().unwrap();
        assert!(KK_COMMON.parse().is_ok());
        assert!(crate::cues::RU_COMMON.parse().is_ok());
        for w in ["Медицина", "Соттың", "Банктер", "Қарулы", "Адам"]
        {
            assert!(is_common_word(&t, w), "{w}");
        }
        for w in ["Тоқаев", "Трамптың", "Назарбаевқа", "Қанат", "Гутерриш"]
        {
            assert!(!is_common_word(&t, w), "{w}");
        }
    }

    #[test]
    fn particles_join_foreign_names_only_in_kazakh() {
        let t = Tables::embedded().unwrap();
        assert!(particle_joins(&t, Lang::Kk, "Мэтт", "де", "Грудты"));
        assert!(particle_joins(&t, Lang::Kk, "Силвеле", "де", "Соузаға"));
        assert!(!particle_joins(&t, Lang::Kk, "Асан", "да", "Үсен"));
        assert!(!particle_joins(&t, Lang::Kk, "Асан", "да", "Үсенге"));
        assert!(particle_joins(&t, Lang::Kk, "Мұхаммед", "бин", "Салман"));
        assert!(particle_joins(&t, Lang::Ru, "Асан", "да", "Үсен"));
    }

    #[test]
    fn courtesy_titles_follow_names() {
        let t = Tables::embedded().unwrap();
        let s = "Сканлон мырзаға хат жазды, Мэй ханым келді";
        let end = |w: &str| s.find(w).unwrap() + w.len();
        assert!(post_title_follows(&t, s, end("Сканлон"), Lang::Kk));
        assert!(post_title_follows(&t, s, end("Мэй"), Lang::Kk));
        assert!(!post_title_follows(&t, s, end("мырзаға"), Lang::Kk));
        assert!(!post_title_follows(&t, s, end("Сканлон"), Lang::Ru));
        assert!(!post_title_follows(&t, "Сканлон, мырза", 14, Lang::Kk));
    }

    #[test]
    fn keeps_names_that_end_like_suffixes() {
        let t = Tables::embedded().unwrap();
        assert_eq!(best(&t, "Нұрсұлтан"), "нұрсұлтан");
        assert_eq!(best(&t, "Астана"), "астана");
        assert_eq!(best(&t, "Қазақстан"), "қазақстан");
        assert_eq!(best(&t, "Алматы"), "алматы");
        assert_eq!(best(&t, "Берікұлы"), "берікұлы");
    }
}
