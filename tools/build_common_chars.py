"""Write h200claims/data/common_chars.txt: the 3,500 most frequent characters of jieba's dictionary.

    python tools/build_common_chars.py

Each character's weight is the sum of the frequencies of the dictionary words holding it. The
reader uses the list to tell a plausible GB18030/Big5 decode from mojibake (a Shift-JIS file read
as GB18030 gives mostly rare characters); Traditional text is checked through the Simplified view.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba

N = 3500
OUT = Path(__file__).resolve().parent.parent / "h200claims" / "data" / "common_chars.txt"


def main() -> None:
    weights: Counter[str] = Counter()
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                for ch in parts[0]:
                    if "\u4e00" <= ch <= "\u9fff":
                        weights[ch] += int(parts[1])
    chars = [c for c, _ in weights.most_common(N)]
    OUT.write_text("# the 3,500 most frequent characters of jieba's dictionary (tools/build_common_chars.py)\n"
                   + "".join(chars) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(chars)} characters)")


if __name__ == "__main__":
    main()
