#!/usr/bin/env bash
# Regenerates crates/langid/data/model.bin. Run from the repository root:  bash crates/langid/data/train.sh
# Needs ../shared/eval (the project's evaluation data) and Debian's hunspell-ru, hunspell-kk and
# hunspell-tools packages (apt-get install hunspell-ru hunspell-kk hunspell-tools).
# Never add the language-identification test lines (../shared/eval/langid) here: the trainer refuses them.
set -euo pipefail
E=../shared/eval
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# All inflected forms of the Russian dictionary.
unmunch /usr/share/hunspell/ru_RU.dic /usr/share/hunspell/ru_RU.aff > "$tmp/ru_forms.txt" 2>/dev/null
cargo run -p kzalign-langid --release --example train -- \
  --kk $E/kaznerd-valid/sentences.tsv --kk $E/xwmt-ru-kk/kk.txt \
  --ru $E/factrueval/docs.jsonl --ru $E/xwmt-ru-kk/ru.txt \
  --kk-words /usr/share/hunspell/kk_KZ.dic --ru-words "$tmp/ru_forms.txt" \
  --list-share 0.7 --epochs 2 --seeds 3 \
  --source "Kazakh text: KazNERD validation split (IS2AI), ../shared/eval/kaznerd-valid/sentences.tsv, CC BY 4.0" \
  --source "Kazakh and Russian text: X-WMT ru-kk test set (Turkic Interlingua), ../shared/eval/xwmt-ru-kk/{kk,ru}.txt, MIT" \
  --source "Russian text: factRuEval-2016 documents, ../shared/eval/factrueval/docs.jsonl, MIT" \
  --source "Kazakh word list: stems of the Kazakh hunspell dictionary kk_KZ (Akmaral Mussayeva 2009; Debian hunspell-kk), GPL-2+ or LGPL-2.1+ or MPL-1.1+, used as word statistics" \
  --source "Russian word list: forms of the Russian hunspell dictionary ru_RU (Alexander I. Lebedev 1997-2008; Debian hunspell-ru) expanded by hunspell's unmunch, BSD-style licence, used as word statistics" \
  --lexicon-out crates/langid/data/frequent_words.tsv \
  --out crates/langid/data/model.bin
