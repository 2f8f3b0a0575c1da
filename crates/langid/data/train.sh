#!/usr/bin/env bash
# Regenerates crates/langid/data/model.bin. Run from the repository root:  bash crates/langid/data/train.sh
# Needs ../shared/eval (the project's evaluation data) and Debian packages:
#   apt-get install hunspell-ru hunspell-kk hunspell-tools tesseract-ocr tesseract-ocr-kaz tesseract-ocr-rus
# Never add the language-identification test lines (../shared/eval/langid) here: the trainer refuses them.
set -euo pipefail
E=../shared/eval
# Intermediate word lists go under target/ (ignored by git) so that the headers written are the same
# on every run.
tmp=target/langid-train
mkdir -p "$tmp"
# All inflected forms of the Russian dictionary.
unmunch /usr/share/hunspell/ru_RU.dic /usr/share/hunspell/ru_RU.aff > "$tmp/ru_forms.txt" 2>/dev/null
# The word lists of Tesseract's Kazakh and Russian models (web text; Apache-2.0).
for l in kaz rus; do
  combine_tessdata -u /usr/share/tesseract-ocr/5/tessdata/$l.traineddata "$tmp/$l." > /dev/null
  dawg2wordlist "$tmp/$l.lstm-unicharset" "$tmp/$l.lstm-word-dawg" "$tmp/$l.words.txt" > /dev/null
done
cargo run -p kzalign-langid --release --example wordlist -- --out crates/langid/data/kk_words.bloom \
  --source "Kazakh word list of Tesseract's kaz.traineddata (tesseract-ocr/tessdata_fast via Debian tesseract-ocr-kaz), Apache-2.0" \
  "$tmp/kaz.words.txt"
cargo run -p kzalign-langid --release --example wordlist -- --out crates/langid/data/ru_words.bloom \
  --source "Russian word list of Tesseract's rus.traineddata (tesseract-ocr/tessdata_fast via Debian tesseract-ocr-rus), Apache-2.0" \
  --source "Russian hunspell dictionary ru_RU (Alexander I. Lebedev 1997-2008; Debian hunspell-ru) expanded by hunspell's unmunch, BSD-style licence" \
  "$tmp/rus.words.txt" "$tmp/ru_forms.txt"
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
