//! `kzalign eval align`: article pairing on pseudo-articles of line-aligned translations.
//!
//! Reads `ru.txt` and `kk.txt` (line N of one translates line N of the other) from the directory
//! named on the command line, or from `<eval-dir>/xwmt-ru-kk`; groups consecutive lines into
//! pseudo-articles of several sizes, shuffles each side, pairs them (see
//! `kzalign_align::eval::pseudo_articles_with`) and prints, per group size, the share of Russian
//! articles paired with their counterpart, paired wrongly and left unpaired; once with every
//! counterpart present and once with 30% of the Kazakh articles withheld; each with the
//! language-neutral text features alone (`text`) and with the person, place and organisation keys
//! of the names stage added (`text+names`).

use super::EvalArgs;
use anyhow::Context;
use kzalign_align::eval::pseudo_articles_with;
use kzalign_align::{AlignConfig, ArticleProfile};
use kzalign_core::Lang;
use kzalign_names::NamesBuilder;

/// Lines per pseudo-article.
const GROUPS: [usize; 6] = [1, 2, 3, 5, 7, 10];
/// Shares of Kazakh articles withheld, in percent.
const WITHHELD: [usize; 2] = [0, 30];
/// Shuffle seed.
const SEED: u64 = 1;

/// Runs the align evaluation and prints its figures to standard output.
pub fn run(args: &EvalArgs) -> anyhow::Result<()> {
    let dir = args
        .path
        .clone()
        .unwrap_or_else(|| args.eval_dir.join("xwmt-ru-kk"));
    let read = |name: &str| -> anyhow::Result<String> {
        let path = dir.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let (ru, kk) = (read("ru.txt")?, read("kk.txt")?);
    let ru: Vec<&str> = ru.lines().collect();
    let kk: Vec<&str> = kk.lines().collect();
    if ru.len() != kk.len() {
        eprintln!(
            "warning: {} Russian and {} Kazakh lines; using the first {}",
            ru.len(),
            kk.len(),
            ru.len().min(kk.len())
        );
    }
    let names = NamesBuilder::new()
        .build()
        .context("building the names normalizer")?;
    let config = AlignConfig::default();
    println!(
        "# article pairing on pseudo-articles of {} (seed {SEED})",
        dir.display()
    );
    println!("features\tgroup\twithheld_pct\tarticles\tcorrect_pct\twrong_pct\tunpaired_pct");
    let text_only = |id: &str, lang: Lang, text: &str| ArticleProfile::new(id, lang, text, &[]);
    let with_names = |id: &str, lang: Lang, text: &str| {
        let mut mentions = names.mentions(text, lang);
        mentions.extend(names.places(text, lang));
        ArticleProfile::new(id, lang, text, &mentions)
    };
    let profilers: [(&str, &dyn Fn(&str, Lang, &str) -> ArticleProfile); 2] =
        [("text", &text_only), ("text+names", &with_names)];
    for (label, profile) in profilers {
        for withheld in WITHHELD {
            for group in GROUPS {
                let s = pseudo_articles_with(&ru, &kk, group, SEED, withheld, &config, profile);
                println!(
                    "{label}\t{group}\t{withheld}\t{}\t{:.2}\t{:.2}\t{:.2}",
                    s.articles,
                    s.correct_pct(),
                    s.wrong_pct(),
                    s.unpaired_pct()
                );
            }
        }
    }
    Ok(())
}
