#!/usr/bin/env bash
# Regenerates crates/names/data/kk_common.bloom and ru_common.bloom, the Kazakh common-word stems that a capitalised
# word at a sentence start or inside an organisation name reads as (Медицина, Соты, Банктер).
# Run from the repository root:  bash crates/names/data/kk_common.sh
# Needs the Debian packages hunspell-kk and hunspell-ru.
# A stem counts when kk_KZ.dic lists it in lower case only: stems also listed capitalised
# (Қанат, Бақыт, Асан: given names that are common words too) are left out, and so are stems
# with a surname or patronymic formant (Russian: -ов, -ев, -ский and patronymics; -ин and
# -ина are kept, as hunspell lists no surname in lower case and they end many nouns: машина,
# женщина, магазин).
set -euo pipefail
export LC_ALL=C.UTF-8
dic=/usr/share/hunspell/kk_KZ.dic
tmp=target/names-kk-common
mkdir -p "$tmp"
# Entries without hunspell flags, BOM and the count line removed.
sed '1s/^\xEF\xBB\xBF//; 1d; s:/.*::' "$dic" | tr -d '\r' | sort -u > "$tmp/all.txt"
# Capitalised entries, lower-cased (GNU sed's \L, in a UTF-8 locale).
grep -v '^[[:lower:]]' "$tmp/all.txt" | sed 's/.*/\L&/' | sort -u > "$tmp/caps.txt"
# Lower-case surnames the dictionary lists by mistake (назарбаев, әуезов) are left out too.
grep '^[[:lower:]]' "$tmp/all.txt" | grep -Ev '(ов|ев|ова|ева|ұлы|қызы)$' | sort -u \
  | comm -23 - "$tmp/caps.txt" > "$tmp/common.txt"
# The words listed both ways are given names that are common words too (Салтанат, Азамат): the
# `common_name` rows of words.tsv. They are printed for review, not written into words.tsv:
# some lower-case entries are names again (абылай, асан, жамбыл), which words.tsv leaves out.
grep '^[[:lower:]]' "$tmp/all.txt" | sort -u | comm -12 - "$tmp/caps.txt" > "$tmp/common_names.txt"
# Russian: the same from hunspell ru_RU (stems in lower case only; ё kept as ё and as е).
rdic=/usr/share/hunspell/ru_RU.dic
sed '1d; s:/.*::' "$rdic" | tr -d '\r' | sort -u > "$tmp/ru_all.txt"
grep -v '^[[:lower:]]' "$tmp/ru_all.txt" | sed 's/.*/\L&/' | sort -u > "$tmp/ru_caps.txt"
grep '^[[:lower:]]' "$tmp/ru_all.txt" | grep -Ev '(ов|ев|ова|ева|ский|ская|ович|евич|овна|евна)$' \
  | sort -u | comm -23 - "$tmp/ru_caps.txt" > "$tmp/ru_common0.txt"
{ cat "$tmp/ru_common0.txt"; sed 's/ё/е/g' "$tmp/ru_common0.txt"; } | sort -u > "$tmp/ru_common.txt"
cargo run -q -p kzalign-langid --release --example wordlist -- --out crates/names/data/ru_common.bloom \
  --bits 14 \
  --source "lower-case-only stems of the Russian hunspell dictionary ru_RU (Alexander I. Lebedev 1997-2008; Debian hunspell-ru), BSD-style licence, without stems ending in -ов, -ев, -ова, -ева, -ский, -ская or a patronymic formant; built by crates/names/data/kk_common.sh" \
  "$tmp/ru_common.txt"
cargo run -q -p kzalign-langid --release --example wordlist -- --out crates/names/data/kk_common.bloom \
  --bits 14 \
  --source "lower-case-only stems of the Kazakh hunspell dictionary kk_KZ (Akmaral Mussayeva 2009; Debian hunspell-kk), GPL-2+ or LGPL-2.1+ or MPL-1.1+, used as word statistics; built by crates/names/data/kk_common.sh" \
  "$tmp/common.txt"
echo "common_name rows for words.tsv (kk): $tmp/common_names.txt ($(wc -l < "$tmp/common_names.txt") words)"
