use std::io::BufRead;
fn main() {
    for l in std::io::stdin().lock().lines() {
        let l = l.unwrap();
        let Some((a, b)) = l.split_once(' ') else {
            continue;
        };
        let (sa, sb) = (kzalign_names::skeleton(a), kzalign_names::skeleton(b));
        println!(
            "{a} {b} {sa} {sb} jw={:.3} match={}",
            strsim::jaro_winkler(&sa, &sb),
            kzalign_names::keys_match(a, b)
        );
    }
}
