//! Measurements on labelled data in the formats of `../shared/eval`, used by `kzalign eval names`
//! and by the accuracy test that holds the line against `fixtures/names/accuracy.tsv`.
//!
//! | figure | data | how it is counted |
//! |---|---|---|
//! | `ru-propn-lemma`, `kk-propn-lemma` | `ud-propn/{ru,kk}-propn.tsv` | each PROPN token normalized alone (no context, `feats` unused); correct when the lemma equals the gold lemma, case-insensitive, ё = е, stress marks removed |
//! | `factrueval-lastname` | `factrueval/docs.jsonl` | every gold mention of a person entity with a `lastname` whose text contains that surname (a word sharing its first three letters); the mention text is read as a name with the document's capitalised words as evidence; correct when the word read as the surname has the gold lastname as its dictionary form |
//! | `factrueval-recall` | same | share of those gold mentions overlapped by a [`Names::mentions`] span of the document |
//! | `factrueval-precision` | same | share of [`Names::mentions`] spans that overlap a gold mention of a person entity (one with a first, last, patronymic or nick name) |
//! | `factrueval-precision-one-to-one` | same | the same, but each gold mention makes only one found span right: a name split in two (Арыстанбек \| Кенже) counts one right and one wrong |
//! | `kaznerd-key` | `kaznerd-valid/persons.tsv` | the last word of each PERSON span is its surname form; its nominative is the longest other surname form of the file that is a prefix of it, 1 to 6 letters shorter, the rest not a patronymic/surname formant (`ұлы`, `қызы`, `ов`, `ев`, `ин`); correct when both get the same key (each read in its own sentence) |
//! | `kaznerd-lemma` | same | of those inflected forms, the ones whose lemma is exactly that nominative |
//! | `kaznerd-nominative-kept` | same | of the nominatives so found, the ones left as they are |
//! | `kaznerd-recall`, `kaznerd-precision` | `kaznerd-valid/{sentences,persons}.tsv` | [`Names::mentions`] on each tokenised sentence (joined with spaces): gold PERSON spans overlapped by a mention; mentions overlapping a gold PERSON span, over all 11,167 sentences |
//! | `kaznerd-precision-one-to-one` | same | the same, each gold PERSON span making only one found span right |
//! | `xwmt-same-keys` | `xwmt-ru-kk/{ru,kk}.txt` | lines where either side has a person mention ([`Names::mentions`]); correct when every key on each side [`keys_match`]es one on the other side |
//! | `xwmt-same-keys-both-sides` | same | the same over lines where both sides have a person mention |
//! | `xwmt-persons-matched` | same | on those lines, each person mention of either side whose key matches one on the other side |
//! | `seeds-entities` | `fixtures/seeds/*.txt` + `fixtures/names/seed_persons.tsv` | each gold occurrence (surface form in a file) must be covered by a person mention with the gold entity id |

use crate::text::{self, fold, strip_accents};
use crate::{keys_match, Names};
use kzalign_core::{Error, ErrorKind, Lang};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One measured figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Short name (`ru-propn-lemma`).
    pub name: String,
    /// Items counted correct.
    pub correct: usize,
    /// Items counted.
    pub total: usize,
    /// Up to 30 failures, `input -> expected / got`.
    pub failures: Vec<String>,
}

impl Figure {
    fn new(name: &str) -> Figure {
        Figure {
            name: name.to_string(),
            correct: 0,
            total: 0,
            failures: Vec::new(),
        }
    }

    fn count(&mut self, ok: bool, fail: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.correct += 1;
        } else if self.failures.len() < 400 {
            self.failures.push(fail());
        }
    }

    /// Percentage correct (0 when nothing was counted).
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.total as f64
        }
    }
}

fn io(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, e.to_string()).with_path(path)
}

fn same(a: &str, b: &str) -> bool {
    fold(&strip_accents(a)) == fold(&strip_accents(b))
}

/// Lemma accuracy on a TSV with `form` and `lemma` columns (the `ud-propn` format). The
/// language comes from a `lang` column if any, else from a `kk`/`ru` file-name prefix, else
/// from the letters of each form.
pub fn lemma_accuracy(names: &Names, path: &Path) -> Result<Figure, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
    let base = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
    let file_lang = if base.starts_with("kk") {
        Lang::Kk
    } else if base.starts_with("ru") {
        Lang::Ru
    } else {
        Lang::Other
    };
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.split('\t').collect(),
        None => return Err(Error::new(ErrorKind::BadInput, "empty file").with_path(path)),
    };
    let col = |n: &str| header.iter().position(|h| h.trim() == n);
    let (Some(fc), Some(lc)) = (col("form"), col("lemma")) else {
        return Err(
            Error::new(ErrorKind::MalformedRow, "needs `form` and `lemma` columns")
                .with_path(path)
                .with_line(1),
        );
    };
    let langc = col("lang");
    let name = match file_lang {
        Lang::Kk => "kk-propn-lemma",
        Lang::Ru => "ru-propn-lemma",
        Lang::Other => "propn-lemma",
    };
    let mut fig = Figure::new(name);
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        let (Some(form), Some(gold)) = (cells.get(fc), cells.get(lc)) else {
            return Err(Error::new(ErrorKind::MalformedRow, "missing form or lemma")
                .with_path(path)
                .with_line(i + 1));
        };
        let lang = langc
            .and_then(|c| cells.get(c))
            .and_then(|l| Lang::parse(l))
            .unwrap_or(file_lang);
        let got = names.normalize(form, lang).lemma;
        fig.count(same(&got, gold), || format!("{form} -> {gold} / {got}"));
    }
    Ok(fig)
}

/// factRuEval: surname of each gold person mention, and mention recall.
pub fn factrueval(names: &Names, path: &Path) -> Result<(Figure, Figure), Error> {
    factrueval_all(names, path).map(|f| (f.lastname, f.recall))
}

/// The figures of [`factrueval_all`].
pub struct FactRuEval {
    /// `factrueval-lastname`.
    pub lastname: Figure,
    /// `factrueval-recall`.
    pub recall: Figure,
    /// `factrueval-precision`: found mentions that overlap a gold person mention.
    pub precision: Figure,
    /// `factrueval-precision-one-to-one`: the same, one found mention per gold mention.
    pub precision_one_to_one: Figure,
}

/// Which of the `found` spans are right when each gold span makes one found span right: the
/// first found span (in text order) that overlaps a gold span takes it.
fn one_to_one(gold: &[kzalign_core::Span], found: &[kzalign_core::Span]) -> Vec<bool> {
    let mut taken = vec![false; gold.len()];
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| found[i].start);
    let mut right = vec![false; found.len()];
    for i in order {
        if let Some(g) = (0..gold.len()).find(|&g| !taken[g] && gold[g].overlaps(&found[i])) {
            taken[g] = true;
            right[i] = true;
        }
    }
    right
}

/// factRuEval: surname of each gold person mention, mention recall, and mention precision
/// (found person mentions that overlap a gold person mention), also counted one to one.
pub fn factrueval_all(names: &Names, path: &Path) -> Result<FactRuEval, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| io(path, e))?;
    let mut fig = Figure::new("factrueval-lastname");
    let mut rec = Figure::new("factrueval-recall");
    let mut prec = Figure::new("factrueval-precision");
    let mut strict = Figure::new("factrueval-precision-one-to-one");
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            Error::new(ErrorKind::MalformedRow, e.to_string())
                .with_path(path)
                .with_line(i + 1)
        })?;
        let body = doc["text"].as_str().unwrap_or("");
        let evidence = names.evidence(body, Lang::Ru);
        let found = names.mentions(body, Lang::Ru);
        // factRuEval offsets count characters; map them to bytes.
        let byte_of: Vec<usize> = body
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(body.len()))
            .collect();
        let mut gold_person_spans: Vec<kzalign_core::Span> = Vec::new();
        for ent in doc["entities"].as_array().into_iter().flatten() {
            let a = &ent["attrs"];
            if a["lastname"].is_string()
                || a["firstname"].is_string()
                || a["patronymic"].is_string()
                || a["nickname"].is_string()
            {
                for m in ent["mentions"].as_array().into_iter().flatten() {
                    let (s, e) = (
                        m["start"].as_u64().unwrap_or(0) as usize,
                        m["end"].as_u64().unwrap_or(0) as usize,
                    );
                    gold_person_spans.push(kzalign_core::Span::new(
                        byte_of.get(s).copied().unwrap_or(0),
                        byte_of.get(e).copied().unwrap_or(0),
                    ));
                }
            }
        }
        for f in &found {
            prec.count(
                gold_person_spans.iter().any(|g| g.overlaps(&f.span)),
                || format!("{} ({})", f.text, f.key),
            );
        }
        let spans: Vec<kzalign_core::Span> = found.iter().map(|f| f.span).collect();
        for (f, ok) in found.iter().zip(one_to_one(&gold_person_spans, &spans)) {
            strict.count(ok, || format!("{} ({})", f.text, f.key));
        }
        for ent in doc["entities"].as_array().into_iter().flatten() {
            let Some(last) = ent["attrs"]["lastname"].as_str() else {
                continue;
            };
            if last.trim().is_empty() {
                continue;
            }
            let lf = fold(last);
            let prefix: String = lf.chars().take(3).collect();
            for m in ent["mentions"].as_array().into_iter().flatten() {
                let mt = m["text"].as_str().unwrap_or("");
                // Mentions cut inside punctuation («Аталык (Половникова») are not names.
                if !mt
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\u{301}'))
                {
                    continue;
                }
                let words: Vec<&str> = mt.split_whitespace().collect();
                if !words.iter().any(|w| fold(w).starts_with(&prefix)) {
                    continue;
                }
                let r = names.read_name(&words, Lang::Ru, Some(&evidence), true, false);
                let got = r
                    .surname
                    .and_then(|s| r.words.get(s))
                    .map(|w| w.lemma.clone())
                    .unwrap_or_default();
                let last_nospace = last.replace(" - ", "-");
                fig.count(same(&got, &last_nospace), || {
                    format!("{mt} -> {last} / {got}")
                });
                let (s, e) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                let span = kzalign_core::Span::new(
                    byte_of.get(s).copied().unwrap_or(0),
                    byte_of.get(e).copied().unwrap_or(0),
                );
                rec.count(found.iter().any(|f| f.span.overlaps(&span)), || {
                    format!("{mt} not found")
                });
            }
        }
    }
    Ok(FactRuEval {
        lastname: fig,
        recall: rec,
        precision: prec,
        precision_one_to_one: strict,
    })
}

/// KazNERD: inflected surname forms against their nominatives (see the module table).
pub fn kaznerd(names: &Names, dir: &Path) -> Result<(Figure, Figure, Figure), Error> {
    let pp = dir.join("persons.tsv");
    let sp = dir.join("sentences.tsv");
    let persons = std::fs::read_to_string(&pp).map_err(|e| io(&pp, e))?;
    let sentences = std::fs::read_to_string(&sp).map_err(|e| io(&sp, e))?;
    let sent: HashMap<&str, &str> = sentences
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .collect();
    // (surname form, sentence id)
    let mut occ: Vec<(String, String)> = Vec::new();
    for l in persons.lines().skip(1) {
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() < 4 {
            continue;
        }
        if let Some(last) = c[3].split_whitespace().last() {
            if last.chars().count() >= 2 && text::is_capitalized(last) {
                occ.push((last.to_string(), c[0].to_string()));
            }
        }
    }
    let forms: HashSet<String> = occ.iter().map(|(f, _)| fold(f)).collect();
    // Nominative formants: a form ending in one of them is a surname in its own right
    // (Төлепов is not Төле + пов), and a feminine `-а` after `-ов/-ев/-ин` is no case ending.
    let formants: Vec<String> = names
        .tables()
        .surname_endings
        .iter()
        .map(|e| e.ending.clone())
        .collect();
    let extends = |t: &str, s: &str| -> bool {
        let (n, k) = (t.chars().count(), s.chars().count());
        k >= 3
            && k < n
            && n - k <= 6
            && t.starts_with(s)
            && !formants.iter().any(|f| t.ends_with(f.as_str()))
            && !(&t[s.len()..] == "а" && ["ов", "ев", "ин", "ын"].iter().any(|x| s.ends_with(x)))
    };
    // Roots: forms that extend no other form.
    let roots: Vec<&String> = forms
        .iter()
        .filter(|s| !forms.iter().any(|r| extends(s, r)))
        .collect();
    let nominative_of = |f: &str| -> Option<String> {
        let ff = fold(f);
        roots
            .iter()
            .filter(|s| extends(&ff, s))
            .max_by_key(|s| s.len())
            .map(|s| s.to_string())
    };
    let mut key_fig = Figure::new("kaznerd-key");
    let mut lemma_fig = Figure::new("kaznerd-lemma");
    let mut kept = Figure::new("kaznerd-nominative-kept");
    let mut nominatives: HashMap<String, String> = HashMap::new();
    let mut cache: HashMap<(String, String), crate::Normalized> = HashMap::new();
    let mut norm = |w: &str, sid: &str| -> crate::Normalized {
        cache
            .entry((w.to_string(), sid.to_string()))
            .or_insert_with(|| {
                let ctx = sent.get(sid).copied().unwrap_or("");
                names.normalize_in(
                    w,
                    Lang::Kk,
                    Some(&names.evidence(ctx, Lang::Kk)),
                    true,
                    false,
                )
            })
            .clone()
    };
    for (f, sid) in &occ {
        let Some(nom) = nominative_of(f) else {
            continue;
        };
        let a = norm(f, sid);
        // The nominative is read where it occurs first.
        let nom_sid = occ
            .iter()
            .find(|(g, _)| fold(g) == nom)
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let nom_form = occ
            .iter()
            .find(|(g, _)| fold(g) == nom)
            .map(|(g, _)| g.clone())
            .unwrap_or_else(|| nom.clone());
        let b = norm(&nom_form, &nom_sid);
        key_fig.count(keys_match(&a.key, &b.key) && a.key == b.key, || {
            format!("{f} ({}) vs {nom_form} ({})", a.key, b.key)
        });
        lemma_fig.count(same(&a.lemma, &nom), || {
            format!("{f} -> {nom} / {}", a.lemma)
        });
        nominatives.insert(nom_form.clone(), nom_sid);
    }
    let mut noms: Vec<(&String, &String)> = nominatives.iter().collect();
    noms.sort();
    for (f, sid) in noms {
        let got = norm(f, sid).lemma;
        kept.count(same(&got, f), || format!("{f} / {got}"));
    }
    Ok((key_fig, lemma_fig, kept))
}

/// KazNERD: person mention finding in Kazakh. The tokenised sentence is joined with spaces and
/// read by [`Names::mentions`]; a gold PERSON span is found when a mention overlaps its tokens
/// (recall), and a mention is right when it overlaps a gold PERSON span (precision, over every
/// sentence of the file); the third figure is that precision with each gold span making only
/// one mention right.
pub fn kaznerd_mentions(names: &Names, dir: &Path) -> Result<(Figure, Figure, Figure), Error> {
    let pp = dir.join("persons.tsv");
    let sp = dir.join("sentences.tsv");
    let persons = std::fs::read_to_string(&pp).map_err(|e| io(&pp, e))?;
    let sentences = std::fs::read_to_string(&sp).map_err(|e| io(&sp, e))?;
    let mut gold: HashMap<&str, Vec<(usize, usize, &str)>> = HashMap::new();
    for l in persons.lines().skip(1) {
        let c: Vec<&str> = l.split('\t').collect();
        if c.len() < 4 {
            continue;
        }
        let (Ok(a), Ok(b)) = (c[1].parse::<usize>(), c[2].parse::<usize>()) else {
            continue;
        };
        gold.entry(c[0]).or_default().push((a, b, c[3]));
    }
    let mut rec = Figure::new("kaznerd-recall");
    let mut prec = Figure::new("kaznerd-precision");
    let mut strict = Figure::new("kaznerd-precision-one-to-one");
    for l in sentences.lines().skip(1) {
        let Some((sid, text)) = l.split_once('\t') else {
            continue;
        };
        // Byte span of each token in the space-joined sentence.
        let mut spans = Vec::new();
        let mut pos = 0;
        for t in text.split(' ') {
            spans.push(kzalign_core::Span::new(pos, pos + t.len()));
            pos += t.len() + 1;
        }
        let found = names.mentions(text, Lang::Kk);
        let g = gold.get(sid).cloned().unwrap_or_default();
        let gold_spans: Vec<kzalign_core::Span> = g
            .iter()
            .filter_map(|(a, b, _)| {
                let s = spans.get(*a)?;
                let e = spans.get(b.checked_sub(1)?)?;
                Some(kzalign_core::Span::new(s.start, e.end))
            })
            .collect();
        for (gs, (_, _, name)) in gold_spans.iter().zip(g.iter()) {
            rec.count(found.iter().any(|f| f.span.overlaps(gs)), || {
                format!("{name} not found | {text}")
            });
        }
        for f in &found {
            prec.count(gold_spans.iter().any(|gs| gs.overlaps(&f.span)), || {
                format!("{} ({}) | {text}", f.text, f.key)
            });
        }
        let spans: Vec<kzalign_core::Span> = found.iter().map(|f| f.span).collect();
        for (f, ok) in found.iter().zip(one_to_one(&gold_spans, &spans)) {
            strict.count(ok, || format!("{} ({}) | {text}", f.text, f.key));
        }
    }
    Ok((rec, prec, strict))
}

/// X-WMT: lines whose Russian and Kazakh sides name the same persons (over lines where either
/// side has a person), the same over lines where both sides have one, and the share of the
/// persons of such lines whose key has a partner on the other side.
pub fn xwmt_all(names: &Names, dir: &Path) -> Result<(Figure, Figure, Figure), Error> {
    let rp = dir.join("ru.txt");
    let kp = dir.join("kk.txt");
    let ru = std::fs::read_to_string(&rp).map_err(|e| io(&rp, e))?;
    let kk = std::fs::read_to_string(&kp).map_err(|e| io(&kp, e))?;
    let mut fig = Figure::new("xwmt-same-keys");
    let mut both = Figure::new("xwmt-same-keys-both-sides");
    let mut persons = Figure::new("xwmt-persons-matched");
    for (r, k) in ru.lines().zip(kk.lines()) {
        let a: Vec<String> = names
            .mentions(r, Lang::Ru)
            .into_iter()
            .map(|m| m.key)
            .collect();
        let b: Vec<String> = names
            .mentions(k, Lang::Kk)
            .into_iter()
            .map(|m| m.key)
            .collect();
        if a.is_empty() && b.is_empty() {
            continue;
        }
        let ok = a.iter().all(|x| b.iter().any(|y| keys_match(x, y)))
            && b.iter().all(|y| a.iter().any(|x| keys_match(x, y)));
        fig.count(ok, || format!("ru {a:?} | kk {b:?} | {r} || {k}"));
        if !a.is_empty() && !b.is_empty() {
            both.count(ok, || format!("ru {a:?} | kk {b:?} | {r} || {k}"));
            for x in &a {
                persons.count(b.iter().any(|y| keys_match(x, y)), || {
                    format!("ru {x} | kk {b:?}")
                });
            }
            for y in &b {
                persons.count(a.iter().any(|x| keys_match(x, y)), || {
                    format!("kk {y} | ru {a:?}")
                });
            }
        }
    }
    Ok((fig, both, persons))
}

/// X-WMT: lines whose Russian and Kazakh sides name the same persons (see [`xwmt_all`]).
pub fn xwmt(names: &Names, dir: &Path) -> Result<Figure, Error> {
    xwmt_all(names, dir).map(|(f, _, _)| f)
}

/// Seed articles: every gold occurrence resolved to the gold entity.
/// `gold` is a TSV `file\tsurface\tentity` (with a `# source:` line and that header).
pub fn seeds(names: &Names, seeds_dir: &Path, gold: &Path) -> Result<Figure, Error> {
    let g = std::fs::read_to_string(gold).map_err(|e| io(gold, e))?;
    let rows =
        crate::data::parse_table(&gold.to_string_lossy(), &g, &["file", "surface", "entity"])?;
    let mut fig = Figure::new("seeds-entities");
    let mut cache: HashMap<String, (String, Vec<kzalign_core::Mention>)> = HashMap::new();
    for r in rows {
        let (file, surface, entity) = (&r.cells[0], &r.cells[1], &r.cells[2]);
        if !cache.contains_key(file) {
            let p = seeds_dir.join(file);
            let t = std::fs::read_to_string(&p).map_err(|e| io(&p, e))?;
            let m = names.mentions(&t, Lang::Other);
            cache.insert(file.clone(), (t, m));
        }
        let (t, ms) = &cache[file];
        let mut n = 0;
        for (start, _) in t.match_indices(surface.as_str()) {
            // Whole words only.
            let end = start + surface.len();
            let before = t[..start].chars().last();
            let after = t[end..].chars().next();
            if before.is_some_and(|c| c.is_alphabetic()) || after.is_some_and(|c| c.is_alphabetic())
            {
                continue;
            }
            n += 1;
            let span = kzalign_core::Span::new(start, end);
            let hit = ms
                .iter()
                .find(|m| m.span.overlaps(&span))
                .and_then(|m| m.entity_id.clone());
            fig.count(hit.as_deref() == Some(entity.as_str()), || {
                format!("{file}: {surface} -> {entity} / {hit:?}")
            });
        }
        if n == 0 {
            fig.count(false, || format!("{file}: {surface} does not occur"));
        }
    }
    Ok(fig)
}

/// Every figure whose data is present under `eval_dir` (`../shared/eval`) and the repository's
/// `fixtures` folder; missing data sets are skipped and named in the second list.
pub fn all(names: &Names, eval_dir: &Path, fixtures: &Path) -> (Vec<Figure>, Vec<String>) {
    let mut figs = Vec::new();
    let mut skipped = Vec::new();
    let mut push = |r: Result<Vec<Figure>, Error>, what: &str| match r {
        Ok(f) => figs.extend(f),
        Err(e) => skipped.push(format!("{what}: {e}")),
    };
    for f in ["ru-propn.tsv", "kk-propn.tsv"] {
        let p = eval_dir.join("ud-propn").join(f);
        push(lemma_accuracy(names, &p).map(|f| vec![f]), f);
    }
    push(
        factrueval_all(names, &eval_dir.join("factrueval/docs.jsonl"))
            .map(|f| vec![f.lastname, f.recall, f.precision, f.precision_one_to_one]),
        "factrueval",
    );
    push(
        kaznerd(names, &eval_dir.join("kaznerd-valid")).map(|(a, b, c)| vec![a, b, c]),
        "kaznerd-valid",
    );
    push(
        kaznerd_mentions(names, &eval_dir.join("kaznerd-valid")).map(|(a, b, c)| vec![a, b, c]),
        "kaznerd-valid mentions",
    );
    push(
        xwmt_all(names, &eval_dir.join("xwmt-ru-kk")).map(|(a, b, c)| vec![a, b, c]),
        "xwmt-ru-kk",
    );
    push(
        seeds(
            names,
            &fixtures.join("seeds"),
            &fixtures.join("names/seed_persons.tsv"),
        )
        .map(|f| vec![f]),
        "seeds",
    );
    (figs, skipped)
}

#[cfg(test)]
mod tests {
    use super::one_to_one;
    use kzalign_core::Span;

    #[test]
    fn one_to_one_counts_a_split_name_once() {
        // One gold name (0..20) found as two halves, and a gold name (30..40) found once.
        let gold = [Span::new(0, 20), Span::new(30, 40)];
        let found = [Span::new(11, 20), Span::new(0, 10), Span::new(32, 40)];
        // The first half in text order takes the gold span; the second half is wrong.
        assert_eq!(one_to_one(&gold, &found), vec![false, true, true]);
        // A found span that overlaps two gold names takes only the first.
        let wide = [Span::new(0, 40)];
        assert_eq!(one_to_one(&gold, &wide), vec![true]);
        assert_eq!(one_to_one(&[], &found), vec![false; 3]);
    }
}
