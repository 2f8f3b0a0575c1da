//! `kzalign eval events`.

use super::EvalArgs;

/// Runs the events evaluation and prints its figures to standard output.
pub fn run(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval events is not written yet")
}
