use kzalign_align::{pair_articles, AlignConfig, ArticleProfile};
use kzalign_core::Lang;
#[test]
fn debug() {
    let ru = std::fs::read_to_string("../../../shared/eval/xwmt-ru-kk/ru.txt").unwrap();
    let kk = std::fs::read_to_string("../../../shared/eval/xwmt-ru-kk/kk.txt").unwrap();
    let ru: Vec<&str> = ru.lines().collect();
    let kk: Vec<&str> = kk.lines().collect();
    let g: usize = std::env::var("G")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let mut profiles = vec![];
    for (i, c) in ru.chunks(g).enumerate() {
        profiles.push(ArticleProfile::new(
            &format!("{i:04}"),
            Lang::Ru,
            &c.join("\n"),
            &[],
        ));
    }
    for (i, c) in kk.chunks(g).enumerate() {
        profiles.push(ArticleProfile::new(
            &format!("{i:04}"),
            Lang::Kk,
            &c.join("\n"),
            &[],
        ));
    }
    let rows = pair_articles(&profiles, &AlignConfig::default());
    for r in &rows {
        if r.ru_doc != r.kk_doc {
            eprintln!("DBG {:?}", r);
            for id in [&r.ru_doc, &r.kk_doc] {
                if id.is_empty() {
                    continue;
                }
                let i: usize = id.parse().unwrap();
                eprintln!(
                    "   ru: {}",
                    ru[i * g..(i * g + g).min(ru.len())].join(" | ")
                );
                eprintln!(
                    "   kk: {}",
                    kk[i * g..(i * g + g).min(kk.len())].join(" | ")
                );
                let pr = profiles
                    .iter()
                    .find(|p| p.lang == Lang::Ru && &p.doc_id == id)
                    .unwrap();
                let pk = profiles
                    .iter()
                    .find(|p| p.lang == Lang::Kk && &p.doc_id == id)
                    .unwrap();
                eprintln!("   ruF: {:?}\n   kkF: {:?}", pr.features, pk.features);
            }
        }
    }
}
