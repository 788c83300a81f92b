"""Write h200claims/data/verbs.txt, nouns.txt and function_words.txt: the verbs (tag v or vn), the
nouns (n, vn, nz, an, ng) and the function words (c conjunctions, p prepositions, u
particles) of jieba's tagged dictionary, 2+ characters, frequency 50 or more, in the Simplified view.

    python tools/build_word_tags.py

One word and its tag a line. The number grammar ends a counted noun at a v once the noun has a
word (十幾家銀行|跟進), and at a vn only where no word follows it (上萬台機器|運轉。; 晶片|設計|企業 is
one noun); a verb first (三家|製造|企業) is still a modifier of the noun; a function word always ends
it (350張|以及大量, 前3名|依序為). The claims grammar reads
a measure as the nouns before an amount's link words (毛利率|預估介於41%, 稅後|淨利|達580億元).
jieba is MIT licensed.
"""
from __future__ import annotations

from pathlib import Path

import jieba

MIN_FREQ = 50
DATA = Path(__file__).resolve().parent.parent / "h200claims" / "data"
TABLES = {"verbs.txt": ("verbs", ("v", "vn")), "nouns.txt": ("nouns", ("n", "vn", "nz", "an", "ng")),
          "function_words.txt": ("function words", ("c", "p", "u"))}


def main() -> None:
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        rows = [line.split() for line in f]
    for name, (what, tags) in TABLES.items():
        words = {f"{w}\t{t}" for w, n, t in (r for r in rows if len(r) == 3)
                 if t in tags and len(w) >= 2 and int(n) >= MIN_FREQ}
        (DATA / name).write_text(f"# {what} of jieba's dictionary: tag {' or '.join(tags)}, 2+ characters, "
                                 f"frequency >= {MIN_FREQ} (tools/build_word_tags.py)\n"
                                 + "\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(f"wrote {DATA / name}: {len(words)} {what}")


if __name__ == "__main__":
    main()
