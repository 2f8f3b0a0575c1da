//! JSONL writers and reader in the record format the kzalign CLI reads.

use crate::data::tables;
use crate::rng::Rng;
use crate::story::StoryGen;
use crate::{GenArticle, GenConfig, TruthEvent};
use kzalign_core::{Article, Error, ErrorKind, Lang};
use serde::{Deserialize, Serialize};
use std::io::{self, Write};

/// One article record: `{"id","title","date","lang","edition","text"}`, date in ISO 8601.
#[derive(Serialize, Deserialize)]
struct Record<'a> {
    id: std::borrow::Cow<'a, str>,
    title: std::borrow::Cow<'a, str>,
    date: std::borrow::Cow<'a, str>,
    lang: std::borrow::Cow<'a, str>,
    edition: std::borrow::Cow<'a, str>,
    text: std::borrow::Cow<'a, str>,
}

fn write_article<W: Write>(w: &mut W, a: &GenArticle) -> io::Result<()> {
    let r = Record {
        id: a.id.as_str().into(),
        title: a.title.as_str().into(),
        date: a.date.to_string().into(),
        lang: a.lang.code().into(),
        edition: a.edition.as_str().into(),
        text: a.text.as_str().into(),
    };
    serde_json::to_writer(&mut *w, &r)?;
    w.write_all(b"\n")
}

/// Writes articles, one JSON object a line.
pub fn write_articles_jsonl<W: Write>(mut w: W, articles: &[GenArticle]) -> io::Result<()> {
    for a in articles {
        write_article(&mut w, a)?;
    }
    w.flush()
}

/// Writes the truth, one JSON object a line:
/// `{"id","type","participants":[..],"date","place","ru_articles":[..],"kk_articles":[..]}`.
pub fn write_truth_jsonl<W: Write>(mut w: W, truth: &[TruthEvent]) -> io::Result<()> {
    for t in truth {
        serde_json::to_writer(&mut w, t)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}

/// What [`write_corpus_jsonl`] wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GenStats {
    /// Articles written.
    pub articles: usize,
    /// Truth events written.
    pub events: usize,
    /// Bytes of article text (bodies only).
    pub text_bytes: usize,
}

/// Generates a corpus of any size straight to two writers, in bounded memory: the articles
/// (shuffled within windows of 4,096) and the truth. The same config gives the same files; they
/// differ from [`crate::generate`]'s order only in the shuffling.
pub fn write_corpus_jsonl<A: Write, T: Write>(
    config: &GenConfig,
    mut articles: A,
    mut truth: T,
) -> io::Result<GenStats> {
    const WINDOW: usize = 4096;
    let mut gen = StoryGen::new(tables(), config);
    let mut rng = Rng::new(config.seed.rotate_left(17) ^ 0xA5A5);
    let mut stats = GenStats::default();
    let mut buf: Vec<GenArticle> = Vec::with_capacity(WINDOW + 8);
    loop {
        let next = gen.next_story();
        let done = next.is_none();
        if let Some((arts, tr)) = next {
            stats.events += tr.len();
            for t in &tr {
                serde_json::to_writer(&mut truth, t)?;
                truth.write_all(b"\n")?;
            }
            buf.extend(arts);
        }
        if buf.len() >= WINDOW || (done && !buf.is_empty()) {
            rng.shuffle(&mut buf);
            for a in buf.drain(..) {
                stats.articles += 1;
                stats.text_bytes += a.text.len();
                write_article(&mut articles, &a)?;
            }
        }
        if done {
            break;
        }
    }
    articles.flush()?;
    truth.flush()?;
    Ok(stats)
}

/// Reads article records written by [`write_articles_jsonl`] (or any JSONL with `id` and `text`,
/// optional `title`, `date`, `lang`, `edition`) into articles, for benchmarks and tests.
pub fn articles_from_jsonl(text: &str, source: &str) -> Result<Vec<Article>, Error> {
    #[derive(Deserialize)]
    struct Loose {
        id: String,
        text: String,
        title: Option<String>,
        date: Option<String>,
        lang: Option<String>,
        edition: Option<String>,
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |m: String| {
            Error::new(ErrorKind::MalformedRow, m)
                .with_path(source)
                .with_line(i + 1)
        };
        let r: Loose = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        let date = match r.date.as_deref() {
            Some(d) => Some(d.parse().map_err(|_| bad(format!("bad date {d:?}")))?),
            None => None,
        };
        out.push(Article {
            source: format!("{source}:{}", i + 1),
            lang: r.lang.as_deref().and_then(Lang::parse),
            id: r.id,
            title: r.title,
            date,
            edition: r.edition,
            url: None,
            text: r.text,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate;

    #[test]
    fn jsonl_round_trip() {
        let c = generate(&GenConfig {
            articles: 50,
            seed: 2,
            ..GenConfig::default()
        });
        let mut buf = Vec::new();
        write_articles_jsonl(&mut buf, &c.articles).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text.lines().count(), 50);
        let back = articles_from_jsonl(&text, "mem").unwrap();
        let want: Vec<Article> = c.articles.iter().map(|a| a.to_article()).collect();
        for (b, w) in back.iter().zip(&want) {
            assert_eq!(
                (&b.id, &b.text, &b.title, b.date, b.lang, &b.edition),
                (&w.id, &w.text, &w.title, w.date, w.lang, &w.edition)
            );
        }
        let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        for k in ["id", "text", "title", "date", "lang", "edition"] {
            assert!(first.get(k).is_some(), "{k}");
        }
        let err = articles_from_jsonl("{\"id\":1}\n", "x.jsonl").unwrap_err();
        assert_eq!(err.line(), Some(1));
    }

    #[test]
    fn streaming_writes_the_same_corpus() {
        let cfg = GenConfig {
            articles: 300,
            seed: 8,
            ..GenConfig::default()
        };
        let c = generate(&cfg);
        let (mut a, mut t) = (Vec::new(), Vec::new());
        let stats = write_corpus_jsonl(&cfg, &mut a, &mut t).unwrap();
        assert_eq!(stats.articles, 300);
        assert_eq!(stats.events, c.truth.len());
        let mut truth = Vec::new();
        write_truth_jsonl(&mut truth, &c.truth).unwrap();
        assert_eq!(t, truth);
        let mut ids: Vec<String> = articles_from_jsonl(std::str::from_utf8(&a).unwrap(), "m")
            .unwrap()
            .into_iter()
            .map(|x| x.id)
            .collect();
        let mut want: Vec<String> = c.articles.iter().map(|x| x.id.clone()).collect();
        ids.sort();
        want.sort();
        assert_eq!(ids, want);
    }
}
