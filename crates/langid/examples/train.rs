//! Trains the word model and writes `data/model.bin`.
//!
//! ```text
//! cargo run -p kzalign-langid --release --example train -- \
//!   --kk ../shared/eval/kaznerd-valid/sentences.tsv --kk ../shared/eval/xwmt-ru-kk/kk.txt \
//!   --ru ../shared/eval/factrueval/docs.jsonl --ru ../shared/eval/xwmt-ru-kk/ru.txt \
//!   --source "..." --out crates/langid/data/model.bin
//! ```
//!
//! Input formats by extension: `.tsv` (last column; a header row `...text` is skipped), `.jsonl`
//! (the `text` field of each record), anything else one text per line. The language-identification
//! test lines (`.../langid/{sentences,single-words,word-pairs}/`) are refused: never train on them.
use kzalign_langid::model::for_each_feature;
use kzalign_langid::model::write_model;
use kzalign_langid::text::Tokenizer;
use kzalign_langid::train::{
    add_weights, calibrate, count_types, train_groups, Group, TrainConfig,
};
use std::collections::HashMap;
use std::path::Path;

/// Words as lists of letters.
type Words = Vec<Vec<char>>;

fn texts(path: &Path) -> anyhow::Result<Vec<String>> {
    let s = path.to_string_lossy();
    for category in ["sentences", "single-words", "word-pairs"] {
        if s.contains(&format!("langid/{category}/")) {
            anyhow::bail!("{s}: refusing to train on language-identification test lines");
        }
    }
    let raw = std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{s}: {e}"))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        match ext {
            "tsv" => {
                let last = line.rsplit('\t').next().unwrap_or("");
                if !(i == 0 && last == "text") {
                    out.push(last.to_string());
                }
            }
            "jsonl" => {
                if line.trim().is_empty() {
                    continue;
                }
                let v: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| anyhow::anyhow!("{s}:{}: {e}", i + 1))?;
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    out.push(t.to_string());
                }
            }
            _ => out.push(line.to_string()),
        }
    }
    Ok(out)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut kk_files = Vec::new();
    let mut ru_files = Vec::new();
    let mut kk_lists = Vec::new();
    let mut ru_lists = Vec::new();
    let mut list_share = 0.3f64;
    let mut seeds = 1u64;
    let mut calibrated = false;
    let mut lexicon_out: Option<String> = None;
    let mut lexicon_min = 20u64;
    let mut sources = Vec::new();
    let mut out = None;
    let mut cfg = TrainConfig::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut val = || {
            it.next()
                .cloned()
                .ok_or_else(|| anyhow::anyhow!("{a} needs a value"))
        };
        match a.as_str() {
            "--kk" => kk_files.push(val()?),
            "--ru" => ru_files.push(val()?),
            "--kk-words" => kk_lists.push(val()?),
            "--ru-words" => ru_lists.push(val()?),
            "--list-share" => list_share = val()?.parse()?,
            "--seeds" => seeds = val()?.parse()?,
            "--calibrate" => calibrated = true,
            "--lexicon-out" => lexicon_out = Some(val()?),
            "--lexicon-min" => lexicon_min = val()?.parse()?,
            "--source" => sources.push(val()?),
            "--out" => out = Some(val()?),
            "--bits" => cfg.bits = val()?.parse()?,
            "--epochs" => cfg.epochs = val()?.parse()?,
            "--rate" => cfg.learning_rate = val()?.parse()?,
            "--l2" => cfg.l2 = val()?.parse()?,
            "--damping" => cfg.damping = val()?.parse()?,
            "--degraded" => cfg.degraded_weight = val()?.parse()?,
            "--seed" => cfg.seed = val()?.parse()?,
            other => anyhow::bail!("unknown argument {other}"),
        }
    }
    let out = out.ok_or_else(|| anyhow::anyhow!("--out FILE is required"))?;
    anyhow::ensure!(
        !kk_files.is_empty() && !ru_files.is_empty(),
        "need --kk and --ru files"
    );
    let tok = Tokenizer::new();
    // Every tenth text is held out to calibrate the bias.
    let read = |files: &[String]| -> anyhow::Result<(Words, Words)> {
        let (mut all, mut held) = (Vec::new(), Vec::new());
        for f in files {
            for (i, t) in texts(Path::new(f))?.iter().enumerate() {
                let words = tok.cyrillic_words(t);
                if i % 10 == 9 {
                    held.extend(words.iter().cloned());
                }
                all.extend(words);
            }
        }
        Ok((all, held))
    };
    let (kk_words, kk_held) = read(&kk_files)?;
    let (ru_words, ru_held) = read(&ru_files)?;
    // Share of Kazakh words holding each tracked letter, for the absence test.
    let shares: Vec<(char, f64)> = tok
        .tracked()
        .iter()
        .map(|c| {
            let n = kk_words.iter().filter(|w| w.contains(c)).count();
            (*c, n as f64 / kk_words.len().max(1) as f64)
        })
        .collect();
    eprintln!(
        "kk: {} tokens, ru: {} tokens",
        kk_words.len(),
        ru_words.len()
    );
    let mut lists = Vec::new();
    for (files, kazakh) in [(&kk_lists, true), (&ru_lists, false)] {
        let mut listed = Vec::new();
        for f in files {
            for t in texts(Path::new(f))? {
                // Word lists: one word a line; hunspell `.dic` flags after `/` are dropped.
                let word = t.split('/').next().unwrap_or("");
                if word.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                listed.extend(tok.cyrillic_words(word));
            }
        }
        let listed: HashMap<Vec<char>, u64> =
            count_types(listed).into_keys().map(|w| (w, 1)).collect();
        eprintln!(
            "{} word list: {} types",
            if kazakh { "kk" } else { "ru" },
            listed.len()
        );
        lists.push((listed, kazakh));
    }
    let groups_of = |kk: HashMap<Vec<char>, u64>, ru: HashMap<Vec<char>, u64>| {
        let mut groups = Vec::new();
        for (types, kazakh) in [(kk, true), (ru, false)] {
            let listed = lists.iter().find(|(_, k)| *k == kazakh).map(|(l, _)| l);
            let share = match listed {
                Some(l) if !l.is_empty() => list_share,
                _ => 0.0,
            };
            groups.push(Group {
                types,
                kazakh,
                share: 1.0 - share,
            });
            if let Some(l) = listed.filter(|_| share > 0.0) {
                groups.push(Group {
                    types: l.clone(),
                    kazakh,
                    share,
                });
            }
        }
        groups
    };
    let fit = |groups: &[Group]| {
        let mut w = vec![0f32; 1 << cfg.bits];
        let mut bias = 0f32;
        for seed in 0..seeds {
            let c = TrainConfig {
                seed: cfg.seed + seed,
                ..cfg.clone()
            };
            let (ws, b) = train_groups(groups, &c);
            add_weights(&mut w, &ws);
            bias += b;
        }
        w.iter_mut().for_each(|x| *x /= seeds as f32);
        (w, bias / seeds as f32)
    };
    // Calibrate on held-out words (each type once), with a model that has not seen their texts.
    let held_set = |held: &[Vec<char>]| -> Vec<Vec<char>> {
        let mut v: Vec<Vec<char>> = count_types(held.iter().cloned()).into_keys().collect();
        v.sort();
        v
    };
    let (kk_h, ru_h) = (held_set(&kk_held), held_set(&ru_held));
    let minus = |all: &[Vec<char>], held: &[Vec<char>]| {
        let mut m = count_types(all.iter().cloned());
        for w in held {
            if let Some(n) = m.get_mut(w) {
                *n = n.saturating_sub(1);
            }
        }
        m.retain(|_, n| *n > 0);
        m
    };
    let shift = if calibrated {
        let (w90, b90) = fit(&groups_of(
            minus(&kk_words, &kk_held),
            minus(&ru_words, &ru_held),
        ));
        let logit = |w: &[f32], b: f32, word: &[char]| {
            let mut z = b;
            for_each_feature(word, cfg.bits, |i| z += w[i]);
            z
        };
        let zk: Vec<f32> = kk_h.iter().map(|x| logit(&w90, b90, x)).collect();
        let zr: Vec<f32> = ru_h.iter().map(|x| logit(&w90, b90, x)).collect();
        let shift = calibrate(&zk, &zr);
        eprintln!(
            "held out: {} kk, {} ru word types; bias shift {shift:+.2}",
            zk.len(),
            zr.len()
        );
        shift
    } else {
        0.0
    };
    let kk = count_types(kk_words.iter().cloned());
    let ru = count_types(ru_words.iter().cloned());
    eprintln!("kk: {} types, ru: {} types", kk.len(), ru.len());
    if let Some(path) = &lexicon_out {
        // Frequent words of the running text, for `src/lexicon.rs`.
        let mut words: Vec<(&Vec<char>, u64, u64)> = kk
            .keys()
            .chain(ru.keys())
            .map(|w| (w, *kk.get(w).unwrap_or(&0), *ru.get(w).unwrap_or(&0)))
            .filter(|&(_, a, b)| a + b >= lexicon_min)
            .collect();
        words.sort();
        words.dedup();
        let mut out = String::from(
            "# Frequent words of the training text and their counts in Kazakh and Russian text.\n\
             # generated by crates/langid/data/train.sh (`cargo run -p kzalign-langid --release --example train -- ...`); do not edit\n",
        );
        for s in sources.iter().filter(|s| s.contains(" text:")) {
            out.push_str(&format!("# source: {s}\n"));
        }
        out.push_str(
            "# columns: word, count in Kazakh text, count in Russian text; TOTAL = all tokens\n",
        );
        out.push_str(&format!("TOTAL\t{}\t{}\n", kk_words.len(), ru_words.len()));
        for (w, a, b) in words {
            out.push_str(&format!("{}\t{a}\t{b}\n", w.iter().collect::<String>()));
        }
        std::fs::write(path, out)?;
        eprintln!("wrote {path}");
    }
    let (weights, bias) = fit(&groups_of(kk, ru));
    let bias = bias + shift;
    let mut header = vec![
        "kzalign-langid word model: logistic regression over hashed character n-grams (see src/model.rs)".to_string(),
        "generated by crates/langid/data/train.sh (`cargo run -p kzalign-langid --release --example train -- ...`); do not edit".to_string(),
        format!("args: {}", {
            let mut shown = Vec::new();
            let mut skip = false;
            for a in &args {
                if skip {
                    skip = false;
                } else if a == "--source" {
                    skip = true;
                } else {
                    shown.push(a.as_str());
                }
            }
            shown.join(" ")
        }),
        format!("config: {cfg:?}, seeds averaged: {seeds}, word-list share: {list_share}, bias shift from held-out calibration: {shift:+.2}"),
    ];
    for s in &sources {
        header.push(format!("source: {s}"));
    }
    let bytes = write_model(&header, &weights, bias, &shares);
    std::fs::write(&out, bytes)?;
    eprintln!("wrote {out}");
    Ok(())
}
