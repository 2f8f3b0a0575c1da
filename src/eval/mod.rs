//! `kzalign eval`: accuracy of each stage on labelled data, in the formats of `../shared/eval`.

pub mod align;
pub mod events;
pub mod langid;
pub mod names;

use std::path::PathBuf;

/// Arguments shared by the evaluations.
#[derive(Clone, Debug)]
pub struct EvalArgs {
    /// The file or directory named on the command line, if any.
    pub path: Option<PathBuf>,
    /// The root of the evaluation sets (`--eval-dir`, default `../shared/eval`).
    pub eval_dir: PathBuf,
}
