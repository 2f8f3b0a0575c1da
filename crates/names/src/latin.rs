//! Person names written in Latin script inside Russian or Kazakh text (`Deepak Talwar`,
//! `Charles Scharf`, `Trump`). Most Latin words in such text are brands and titles, so a Latin
//! word counts as a name word only with evidence: a Latin given name (`data/latin_names.tsv`)
//! followed by one or two capitalised Latin words, or a gazetteer person's Latin surname.

use crate::text::{is_all_caps, is_capitalized, Token};
use crate::Names;
use kzalign_core::Lang;

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

#[cfg(test)]
mod tests {
    use crate::NamesBuilder;
    use kzalign_core::Lang;

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        let n = NamesBuilder::new().build().unwrap();
        n.mentions(text, lang).into_iter().map(|m| m.key).collect()
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
