//! `kzalign eval langid`.

use super::EvalArgs;

/// Runs the langid evaluation and prints its figures to standard output.
pub fn run(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval langid is not written yet")
}
