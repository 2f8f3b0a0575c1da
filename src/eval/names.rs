//! `kzalign eval names`.

use super::EvalArgs;

/// Runs the names evaluation and prints its figures to standard output.
pub fn run(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval names is not written yet")
}
