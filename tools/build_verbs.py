"""Write h200claims/data/verbs.txt: the verbs of jieba's tagged dictionary (tag v or vn, 2+ characters,
frequency 50 or more), in the Simplified view.

    python tools/build_verbs.py

One word and its tag a line. The number grammar ends a counted noun at a v once the noun has a
word (十幾家銀行|跟進), and at a vn only where no word follows it (上萬台機器|運轉。; 晶片|設計|企業 is
one noun); a verb first (三家|製造|企業) is still a modifier of the noun. jieba is MIT licensed.
"""
from __future__ import annotations

from pathlib import Path

import jieba

MIN_FREQ = 50
OUT = Path(__file__).resolve().parent.parent / "h200claims" / "data" / "verbs.txt"


def main() -> None:
    words = []
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[2] in ("v", "vn") and len(parts[0]) >= 2 and int(parts[1]) >= MIN_FREQ:
                words.append(f"{parts[0]}\t{parts[2]}")
    OUT.write_text("# verbs of jieba's dictionary: tag v or vn, 2+ characters, frequency >= 50 (tools/build_verbs.py)\n"
                   + "\n".join(sorted(set(words))) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(set(words))} verbs")


if __name__ == "__main__":
    main()
