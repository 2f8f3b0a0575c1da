//! Person names written in Latin script inside Russian or Kazakh text (`Deepak Talwar`,
//! `Charles Scharf`, `Trump`). Most Latin words in such text are brands and titles, so a Latin
//! word counts as a name word only with evidence: a Latin given name (`data/latin_names.tsv`)
//! followed by one or two capitalised Latin words, or a gazetteer person's Latin surname.

use crate::text::{is_all_caps, is_capitalized, Token};
use crate::Names;
use kzalign_core::{Lang, Mention, Span};

fn latin_word(w: &str) -> bool {
    // Most words are told by their first byte (an ASCII capital).
    w.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && w.chars().count() >= 2
        && w.chars().all(|c| c.is_ascii_alphabetic())
        && is_capitalized(w)
        && !is_all_caps(w)
}

/// Indices of the tokens of `tokens` that are Latin-script name words in text of language
/// `lang` (Russian or Kazakh; none for other text, where Latin words are read as names anyway).
pub(crate) fn name_tokens(names: &Names, tokens: &[Token], text: &str, lang: Lang) -> Vec<usize> {
    let mut out = Vec::new();
    if lang == Lang::Other {
        return out;
    }
    let t = names.tables();
    let plain = |a: &Token, b: &Token| text.get(a.span.end..b.span.start) == Some(" ");
    let mut i = 0;
    while i < tokens.len() {
        let w = tokens[i].text;
        if !latin_word(w) {
            i += 1;
            continue;
        }
        let low = w.to_ascii_lowercase();
        let given = t.given.contains_key(&(low.clone(), Lang::Other));
        if given {
            // The given name and up to two capitalised Latin words after it, up to an English
            // function word or organisation noun (Jack In The Box, Herman Miller Inc).
            let mut j = i;
            while j + 1 < tokens.len()
                && j - i < 2
                && plain(&tokens[j], &tokens[j + 1])
                && latin_word(tokens[j + 1].text)
                && !t
                    .latin_org
                    .contains(&tokens[j + 1].text.to_ascii_lowercase())
            {
                j += 1;
            }
            if j > i {
                out.extend(i..=j);
                i = j + 1;
                continue;
            }
        } else if w.chars().count() >= 4 && names.known(&low).is_some_and(|k| k.surname && !k.place)
        {
            out.push(i);
        }
        i += 1;
    }
    out
}

/// Kazakh text written in the Latin alphabet of 2021 (`Memleket basshysy Qasym-Jomart Toqaev
/// Antonio Guterrişpen kezdestı`), read back to Cyrillic word by word so that the Kazakh
/// readers (suffixes, gazetteer, cue words) apply, with the map from one text's offsets to the
/// other's.
pub(crate) struct KazakhLatin {
    /// The text in Cyrillic.
    pub text: String,
    /// Stretches of the two texts that stand for each other: (Cyrillic span, Latin span), each
    /// a word or the run of other characters between words, in text order.
    stretches: Vec<(Span, Span)>,
}

impl KazakhLatin {
    /// Whether `text`, read as `lang`, is Kazakh in the Latin alphabet: Kazakh text with Latin
    /// letters and no Cyrillic ones (lead bytes D0..D3), told by its bytes.
    pub(crate) fn applies(text: &str, lang: Lang) -> bool {
        let b = text.as_bytes();
        lang == Lang::Kk
            && !b.iter().any(|x| (0xD0..=0xD3).contains(x))
            && b.iter().any(u8::is_ascii_alphabetic)
    }

    /// The Cyrillic reading of `text` when it is Kazakh in the Latin alphabet
    /// ([`KazakhLatin::applies`]); `None` for other text.
    pub(crate) fn of(text: &str, lang: Lang) -> Option<KazakhLatin> {
        if !Self::applies(text, lang) {
            return None;
        }
        let scheme = kzalign_translit::embedded("kk-latin-2021").ok()?;
        let mut out = String::with_capacity(text.len() * 2);
        let mut stretches = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            let word = rest.chars().next().is_some_and(char::is_alphabetic);
            let len = rest
                .char_indices()
                .find(|&(_, c)| c.is_alphabetic() != word)
                .map_or(rest.len(), |(i, _)| i);
            let piece = &rest[..len];
            let start = out.len();
            if word {
                out.push_str(&scheme.to_cyrillic(piece).ok()?);
            } else {
                out.push_str(piece);
            }
            stretches.push((Span::new(start, out.len()), Span::new(at, at + len)));
            at += len;
        }
        Some(KazakhLatin {
            text: out,
            stretches,
        })
    }

    /// The Latin span of a Cyrillic span that starts and ends at word edges (inside a word, the
    /// whole word is taken).
    fn back(&self, span: Span) -> Span {
        self.map(span, |s| s.0, |s| s.1)
    }

    /// The Cyrillic span of a Latin span that starts and ends at word edges.
    fn forth(&self, span: Span) -> Span {
        self.map(span, |s| s.1, |s| s.0)
    }

    /// A span of one text (`from` picks its side of a stretch) in the other (`to`).
    fn map(
        &self,
        span: Span,
        from: fn(&(Span, Span)) -> Span,
        to: fn(&(Span, Span)) -> Span,
    ) -> Span {
        let find = |off: usize| {
            self.stretches
                .partition_point(|s| from(s).end <= off)
                .min(self.stretches.len().saturating_sub(1))
        };
        let (s, e) = (find(span.start), find(span.end.saturating_sub(1)));
        Span::new(to(&self.stretches[s]).start, to(&self.stretches[e]).end)
    }

    /// Mentions found in the Cyrillic reading, as mentions of the Latin text `latin`: spans and
    /// surface in the Latin text, and the dictionary form in the Latin alphabet when `lemma`.
    pub(crate) fn mentions_back(&self, latin: &str, found: Vec<Mention>) -> Vec<Mention> {
        found
            .into_iter()
            .map(|mut m| {
                m.span = self.back(m.span);
                m.text = m.span.slice(latin).to_string();
                if !m.latin.is_empty() {
                    m.lemma = m.latin.clone();
                }
                m
            })
            .collect()
    }

    /// Mentions of the Latin text as mentions of the Cyrillic reading (spans only).
    pub(crate) fn mentions_forth(&self, found: &[Mention]) -> Vec<Mention> {
        found
            .iter()
            .map(|m| {
                let mut m = m.clone();
                m.span = self.forth(m.span);
                m.text = m.span.slice(&self.text).to_string();
                m
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::NamesBuilder;
    use kzalign_core::Lang;

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        let n = NamesBuilder::new().build().unwrap();
        n.mentions(text, lang).into_iter().map(|m| m.key).collect()
    }

    #[test]
    fn kazakh_in_the_latin_alphabet_is_read_as_kazakh() {
        let n = NamesBuilder::new().build().unwrap();
        let text =
            "Keşe Memleket basşysy Qasym-Jomart Toqaev Astanada Antonio Guterrişpen kezdestı.";
        let found = n.mentions(text, Lang::Kk);
        let got: Vec<(&str, &str, &str)> = found
            .iter()
            .map(|m| (m.span.slice(text), m.lemma.as_str(), m.key.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Qasym-Jomart Toqaev",
                    "Qasym-Jomart Toqaev",
                    "kassym-jomart-tokayev"
                ),
                (
                    "Antonio Guterrişpen",
                    "Antonio Guterriş",
                    "antonio-guterres"
                ),
            ]
        );
        assert!(found.iter().all(|m| m.text == m.span.slice(text)));
        // Cyrillic text, and Latin text in another language, are read as before.
        assert!(crate::latin::KazakhLatin::of("Тоқаев Toqaev", Lang::Kk).is_none());
        assert!(crate::latin::KazakhLatin::of("2024 — 15 %", Lang::Kk).is_none());
        assert!(crate::latin::KazakhLatin::of("Toqaev Putinmen kezdestı", Lang::Ru).is_none());
    }

    #[test]
    fn latin_names_in_kazakh_and_russian_text() {
        let k = keys(
            "Delhi Hotel Deepak Talwar іс бойынша қамауға алынды",
            Lang::Kk,
        );
        assert_eq!(k.len(), 1, "{k:?}");
        assert!(crate::keys_match(&k[0], "Талвар"), "{k:?}");
        let k = keys("Компания выросла , сказал Charles Scharf .", Lang::Ru);
        assert!(k.iter().any(|x| crate::keys_match(x, "Шарф")), "{k:?}");
        // Brands and organisations stay out.
        assert!(keys("Акции Holiday Inn и Jack In The Box выросли .", Lang::Ru).is_empty());
        assert!(keys("Facebook және Google компаниялары .", Lang::Kk).is_empty());
    }
}
