//! The kzalign command-line tool.

mod eval;

fn main() {
    let _ = eval::EvalArgs { path: None, eval_dir: "../shared/eval".into() };
}
