//! `kzalign eval align`.

use super::EvalArgs;

/// Runs the align evaluation and prints its figures to standard output.
pub fn run(_args: &EvalArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval align is not written yet")
}
