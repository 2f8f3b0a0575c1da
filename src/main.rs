//! The kzalign command-line tool: wires the stage crates together and owns all I/O.

mod commands;
mod eval;
mod pipeline;

use kzalign::output;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc: the pipeline allocates many small strings; glibc's malloc and free were about a fifth
/// of its instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (documents skipped with a warning, such as empty or binary files, still count as success)
  1  `check`: at least one regression case failed
  2  usage or input errors: a missing or unreadable file, a malformed JSONL line or CSV record,
     invalid UTF-8 with --strict, a malformed rule file (everything readable is still processed)";

/// Language detection, name normalization, event extraction and cross-lingual alignment for
/// Kazakhstan's Russian and Kazakh news editions.
#[derive(Parser, Debug)]
#[command(name = "kzalign", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options every report command takes.
#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Write the report here instead of standard output.
    #[arg(short, long, global = true, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report format.
    #[arg(long, global = true, value_enum, default_value = "csv")]
    format: output::Format,
    /// Do not neutralise CSV cells that a spreadsheet would run as formulas.
    #[arg(long, global = true)]
    raw: bool,
    /// No progress bar and no summary line on standard error.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Treat invalid UTF-8 as an error instead of decoding it lossily.
    #[arg(long, global = true)]
    strict: bool,
    /// Write every skipped document (id, source, reason) as CSV to this file.
    #[arg(long, global = true, value_name = "FILE")]
    skipped: Option<PathBuf>,
    /// Load rule, cue and gazetteer files from this directory on top of the embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Worker threads (default: all cores). Output does not depend on it.
    #[arg(short = 'j', long, global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Detect the language (ru, kk, other) of each article, sentence or line.
    Detect {
        /// Files, directories (*.txt, *.jsonl, *.csv, recursive) or `-` for standard input.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// One row per input line instead of per article.
        #[arg(long, conflicts_with = "sentences")]
        lines: bool,
        /// One row per sentence of each article.
        #[arg(long)]
        sentences: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Normalize names given as arguments, or one per line of standard input.
    Normalize {
        /// Names; none means read standard input.
        names: Vec<String>,
        /// Language of the names.
        #[arg(long, default_value = "auto", value_parser = ["ru", "kk", "auto"])]
        lang: String,
        #[command(flatten)]
        common: Common,
    },
    /// Every person mention with its dictionary form, key and entity.
    Mentions {
        /// Files, directories or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// One sample per input line (rows carry the line number).
        #[arg(long)]
        lines: bool,
        #[command(flatten)]
        common: Common,
    },
    /// One row per event (meeting, talks, call, visit, reception) per article.
    Extract {
        /// Files, directories or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Only present-day events (leave out planned, negated and past references).
        #[arg(long)]
        actual: bool,
        #[command(flatten)]
        common: Common,
    },
    /// The unified report: one row per real-world event across the Russian and Kazakh editions.
    Align {
        /// Files, directories or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Days two dated reports of one event may be apart.
        #[arg(long, default_value_t = 1, value_name = "DAYS")]
        window: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Coverage of the editions: events in both, only in Russian, only in Kazakh, per person.
    Coverage {
        /// Files, directories or `-`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Instead, one row per Russian/Kazakh article pair judged to tell the same story.
        #[arg(long)]
        articles: bool,
        /// Days two dated reports of one event may be apart.
        #[arg(long, default_value_t = 1, value_name = "DAYS")]
        window: i64,
        #[command(flatten)]
        common: Common,
    },
    /// Run regression cases (TSV: check, lang, input, expected); exit 1 when any fails.
    Check {
        /// Case files or directories of them (*.tsv).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        common: Common,
    },
    /// Transliterate text given as arguments, or each line of standard input.
    Translit {
        /// Scheme name (see --list).
        #[arg(long, default_value = "kk-latin-2021")]
        scheme: String,
        /// List the schemes and exit.
        #[arg(long)]
        list: bool,
        /// Text; none means read standard input.
        text: Vec<String>,
        #[command(flatten)]
        common: Common,
    },
    /// Write a synthetic Russian/Kazakh corpus (JSON Lines) and its true alignment, for scale tests.
    Generate {
        /// Number of articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Random seed; the same seed gives the same corpus.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Directory to write `articles.jsonl` and `truth.jsonl` into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Measure accuracy on labelled data (the formats of ../shared/eval).
    Eval {
        /// Which stage.
        #[arg(value_parser = ["langid", "names", "events", "align"])]
        stage: String,
        /// The data: a directory (langid) or file (names); default: under --eval-dir.
        path: Option<PathBuf>,
        /// Root of the evaluation sets.
        #[arg(long, default_value = "../shared/eval")]
        eval_dir: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::BrokenPipe {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("kzalign: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
