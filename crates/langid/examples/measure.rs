//! Single-threaded throughput of `Detector::detect` per category and the process's peak memory
//! (VmHWM from /proc/self/status) after building the detector and running it.
//!
//! `cargo run -p kzalign-langid --release --example measure -- [DIR]` (default `../shared/eval/langid`)
use kzalign_langid::{eval, DetectorBuilder};
use std::path::PathBuf;
use std::time::Instant;

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of this thread in seconds (the machine may be shared: wall time overstates the cost).
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

fn main() -> anyhow::Result<()> {
    let before = vm_hwm_kib();
    let t = Instant::now();
    let d = DetectorBuilder::new().build();
    let built = t.elapsed();
    let after_build = vm_hwm_kib();
    println!(
        "build: {:.2} ms; peak memory (VmHWM) before build {} KiB, after build {} KiB",
        built.as_secs_f64() * 1e3,
        before.unwrap_or(0),
        after_build.unwrap_or(0)
    );
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/eval/langid"));
    let sets = eval::read_dir(&dir)?;
    for category in eval::CATEGORIES {
        let lines: Vec<&str> = sets
            .iter()
            .filter(|s| s.category == category)
            .flat_map(|s| s.lines.iter().map(String::as_str))
            .collect();
        let bytes: usize = lines.iter().map(|l| l.len()).sum();
        let mut rounds = 0;
        let cpu0 = cpu_secs();
        let t = Instant::now();
        while t.elapsed().as_secs_f64() < 1.0 {
            for l in &lines {
                std::hint::black_box(d.detect(std::hint::black_box(l)));
            }
            rounds += 1;
        }
        let secs = t.elapsed().as_secs_f64();
        let cpu = cpu_secs().zip(cpu0).map(|(b, a)| b - a).unwrap_or(secs);
        println!(
            "{category:<13} {:>8.1} MB/s wall, {:>8.1} MB/s of CPU time ({} lines, {bytes} bytes, {rounds} rounds)",
            (bytes * rounds) as f64 / secs / 1e6,
            (bytes * rounds) as f64 / cpu / 1e6,
            lines.len()
        );
    }
    println!(
        "peak memory (VmHWM) after detecting: {} KiB",
        vm_hwm_kib().unwrap_or(0)
    );
    Ok(())
}
