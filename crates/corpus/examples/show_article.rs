//! Prints generated articles by id: `show_article <articles> <seed> <id>...` (debugging aid).
use kzalign_corpus::{generate, GenConfig};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles = args.first().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let seed = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let c = generate(&GenConfig {
        articles,
        seed,
        ..GenConfig::default()
    });
    for id in args.iter().skip(2) {
        if let Some(a) = c.articles.iter().find(|a| &a.id == id) {
            println!(
                "== {} {} {} | {}\n{}\n",
                a.id,
                a.date,
                a.events.join(","),
                a.title,
                a.text
            );
        }
    }
}
