"""Write h200claims/data/verbs.txt, nouns.txt and function_words.txt: the verbs (tag v or vn), the
nouns (n, vn, nz, an, ng) and the function words (c conjunctions, p prepositions, u
particles) of jieba's tagged dictionary, 2+ characters, frequency 50 or more, in the Simplified view;
and company_words.txt: its proper nouns (nz, nt, j) made of a name and an industry word of
data/entity_rules.json (新光人寿), the name rarer than MIN_FREQ (not 二手|电脑, 中资|银行), any frequency.

    python tools/build_word_tags.py

One word and its tag a line. The number grammar ends a counted noun at a v once the noun has a
word (十幾家銀行|跟進), and at a vn only where no word follows it (上萬台機器|運轉。; 晶片|設計|企業 is
one noun); a verb first (三家|製造|企業) is still a modifier of the noun; a function word always ends
it (350張|以及大量, 前3名|依序為). The claims grammar reads
a measure as the nouns before an amount's link words (毛利率|預估介於41%, 稅後|淨利|達580億元).
jieba is MIT licensed.
"""
from __future__ import annotations

import json
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
    write_company_words(rows)


def write_company_words(rows: list[list[str]]) -> None:
    """One dictionary word a line that is a company's name and its industry word (新光人寿)."""
    from h200claims.text.script import simplified_view

    freq = {r[0]: int(r[1]) for r in rows if len(r) == 3}
    cfg = json.loads((DATA / "entity_rules.json").read_text(encoding="utf-8"))
    industry = [simplified_view(w) for w in cfg["company_industry_words"]]
    words = sorted(w for w, n, t in (r for r in rows if len(r) == 3) if t in ("nz", "nt", "j") and any(
        w.endswith(x) and len(w) - len(x) >= 2 and freq.get(w[:-len(x)], 0) < MIN_FREQ for x in industry))
    (DATA / "company_words.txt").write_text(
        "# jieba's proper nouns (nz, nt, j) made of a company's name and an industry word, the name rarer than "
        f"{MIN_FREQ} (tools/build_word_tags.py)\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {DATA / 'company_words.txt'}: {len(words)} company words")


if __name__ == "__main__":
    main()
