"""The publication date a scraped page prints, for an article given no date: read in this order,
the first that finds one wins.

- ``labelled_or_timed``: a labelled date (时间：2026-03-16, 發布時間：2025/12/09) or a date with a
  clock time (2025-12-09 10:17, 2017年08月10日17:33), anywhere on the page;
- ``dateline``: a date that opens a dateline (【大紀元2017年11月15日訊】, 北京7月5日電 has no year
  and is not one);
- ``head_line``: a short line near the top that carries a date and no sentence (2025年1月4日;
  联合早报 新加坡鱼尾文 2022-12-17);
- ``english``: an English date in the page's furniture (Posted May. 01, 2010 07:27).

A date inside a sentence of the article (他在2025年12月9日表示) is none of these.

    >>> page_date("新闻中心 时间：2026-03-16 来源：本站 商务部表示……"), page_date("2025年12月9日 10:17 聯合報")
    ('2026-03-16', '2025-12-09')
    >>> page_date("標題\\n\\n2025年1月4日\\n\\n歐盟表示，將反制。"), page_date("【大紀元2017年11月15日訊】波音公司宣布")
    ('2025-01-04', '2017-11-15')
    >>> page_date("他在2025年12月9日表示，將擴產。") is None
    True
"""
from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Callable, Iterator

_YMD = r"(?P<y>20\d\d|19\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
#: how many non-empty lines from the top a head line may be, and how long
HEAD_LINES = 12
HEAD_LINE_MAX = 40
SENTENCE_MARKS = re.compile(r"[，,。；;！？!?「」“”]")
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                      "dec"), 1)}
ENGLISH = re.compile(r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2}),\s*"
                     r"(?P<y>(?:19|20)\d\d)\b")
DATELINE = re.compile(rf"[【\[]\s*[^\s】\]\d]{{0,12}}{_YMD}\s*[讯訊电電]")
YMD = re.compile(_YMD)


@lru_cache(maxsize=1)
def _labelled_re() -> re.Pattern[str]:
    from h200claims import data

    labels = "|".join(map(re.escape, sorted(data.load_json("boilerplate.json")["page_date_labels"], key=len, reverse=True)))
    return re.compile(rf"(?:(?:{labels})\s*[:：]\s*{_YMD})|(?:{_YMD.replace('?P<', '?P<t')}\s*\d{{1,2}}:\d{{2}})")


def _iso(y: str, m: str, d: str) -> str | None:
    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def labelled_or_timed(text: str) -> Iterator[str | None]:
    for m in _labelled_re().finditer(text):
        yield _iso(m.group("y"), m.group("m"), m.group("d")) if m.group("y") else \
            _iso(m.group("ty"), m.group("tm"), m.group("td"))


def dateline(text: str) -> Iterator[str | None]:
    for m in DATELINE.finditer(text):
        yield _iso(m.group("y"), m.group("m"), m.group("d"))


def head_line(text: str) -> Iterator[str | None]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:HEAD_LINES]
    for ln in lines:
        m = YMD.search(ln)
        if m and len(ln) <= HEAD_LINE_MAX and not SENTENCE_MARKS.search(ln):
            yield _iso(m.group("y"), m.group("m"), m.group("d"))


def english(text: str) -> Iterator[str | None]:
    for m in ENGLISH.finditer(text):
        yield _iso(m.group("y"), str(MONTHS[m.group("mon").lower()]), m.group("d"))


RULES: tuple[Callable[[str], Iterator[str | None]], ...] = (labelled_or_timed, dateline, head_line, english)


def page_date(text: str) -> str | None:
    """The page's publication date (ISO), by the first rule of ``RULES`` that finds a valid one."""
    for rule in RULES:
        for found in rule(text):
            if found is not None:
                return found
    return None
