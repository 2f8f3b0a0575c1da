//! Times `align_events` and `coverage` on generated events and prints the process's peak memory.
//!
//! ```text
//! cargo run --release -p kzalign-corpus --example align_scale -- [events ...] [--seed N]
//! cargo run --release -p kzalign-corpus --example align_scale -- 100000 1000000
//! ```
//! Each size runs in order in one process; `VmHWM` (peak resident memory, Linux) is printed after
//! generating and after aligning, so the last line holds the peak of the largest run, input included.
use kzalign_align::{align_events, coverage, AlignConfig};
use kzalign_corpus::{generate_events, score_alignment};
use std::time::Instant;

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l[field.len()..].trim().to_string())
        })
        .unwrap_or_else(|| "n/a".to_string())
}

fn main() {
    let mut sizes = Vec::new();
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--seed" {
            seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(seed);
        } else if let Ok(n) = a.replace('_', "").parse::<usize>() {
            sizes.push(n);
        } else {
            eprintln!("usage: align_scale [events ...] [--seed N]");
            std::process::exit(2);
        }
    }
    if sizes.is_empty() {
        sizes.push(1_000_000);
    }
    let config = AlignConfig::default();
    println!("events\tgen_s\talign_s\tcoverage_s\trows\tprecision\trecall\tVmHWM_after_gen\tVmHWM_after_align");
    for n in sizes {
        let t = Instant::now();
        let (events, truth) = generate_events(n, seed);
        let gen = t.elapsed().as_secs_f64();
        let hwm_gen = status("VmHWM:");
        let t = Instant::now();
        let rows = align_events(&events, &config);
        let align = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let cov = coverage(&rows);
        let cov_s = t.elapsed().as_secs_f64();
        let hwm = status("VmHWM:");
        let s = score_alignment(&rows, &truth);
        println!(
            "{n}\t{gen:.2}\t{align:.3}\t{cov_s:.3}\t{}\t{:.4}\t{:.4}\t{hwm_gen}\t{hwm}",
            rows.len(),
            s.precision,
            s.recall
        );
        drop(cov);
    }
}
