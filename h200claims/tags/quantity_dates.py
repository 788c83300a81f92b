"""Date rules: 12月9日, 2027年第4季, 10月底, 2024年底, 8日, with the most precise ISO unit the
article makes certain (its date fills a missing year or month)."""
from __future__ import annotations

import calendar
from functools import lru_cache
from typing import Any

import regex

from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.tags.numbers import chinese_to_number
from h200claims.tags.quantity_fiscal import fiscal_quarter_unit
from h200claims.tags.quantity_grammar import blocked, grammar, make, rule
from h200claims.text.script import simplified_view as v

# ---------------------------------------------------------------- dates


def chinese_day(doc: Doc, m: Any) -> bool:
    """Whether a day written in Chinese numerals (九日, 廿一日) is a day of the month: not 一日 (one
    day), not inside a longer numeral (一百二十日), not a span (三日內, 五日後, 十日來), and starting a word."""
    s, e, day = m.start("day"), m.end(), m.group("day")
    if day == "一" or (s > 0 and doc.view[s - 1] in "零〇一二两三四五六七八九十百千万亿廿卅"):
        return False
    if doc.view.startswith(_day_span_after(), e):
        return False
    return doc.at_token_boundary(s)


@lru_cache(maxsize=1)
def _day_span_after() -> tuple[str, ...]:
    return tuple(v(w) for w in grammar().cfg["day_span_after"])


def _int(s: str) -> int:
    return int(s) if s.isdigit() else int(chinese_to_number(s))


#: a wire dateline's date (北京7月5日電): the day the story was filed, in the article's first lines
DATELINE = regex.compile(r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*电")
#: how far into the text a dateline is sought
DATELINE_REACH = 300


def _article_ym(doc: Doc) -> tuple[int, int, int] | None:
    """The article's date as (year, month, day): its date, moved to the day of a wire dateline when
    one opens the story (a page published 2024-11-23 with 北京7月5日電 reports 5 July 2024)."""
    if not doc.date:
        return None
    y, mth, d = (int(x) for x in doc.date.split("-"))
    line = _dateline(doc)
    if line is not None and 1 <= line[0] <= 12 and 1 <= line[1] <= 31:
        return y - (1 if (line[0], line[1]) > (mth, d) else 0), line[0], line[1]
    return y, mth, d


def _dateline(doc: Doc) -> tuple[int, int] | None:
    m = DATELINE.search(doc.view, 0, DATELINE_REACH)
    return (_int(m.group("m")), _int(m.group("d"))) if m else None


def is_dateline(doc: Doc, e: int) -> bool:
    """Whether a date ending at ``e`` is a wire dateline's (北京7月5日電): page furniture, no amount."""
    return doc.view[e:e + 2].lstrip()[:1] == "电"


def month_year(ref: tuple[int, int, int], month: int, ahead: bool) -> int:
    """The year of a month with no year in an article dated ``ref``: looking ahead (a clause with
    將, 預計, 可望), the next such month from the article's (9月 in June 2026 is 2026-09, 2月 in
    December 2025 is 2026-02); else the last one, up to the month after the article's (4月 in
    December 2025 is 2025-04, 12月 in January 2026 is 2025-12).

    >>> month_year((2026, 6, 10), 9, True), month_year((2025, 12, 10), 2, True), month_year((2025, 12, 10), 4, False)
    (2026, 2026, 2025)
    >>> month_year((2026, 1, 5), 12, False), month_year((2026, 1, 5), 2, False)
    (2025, 2026)
    """
    if ahead:
        return ref[0] + (1 if month < ref[1] else 0)
    return ref[0] - (1 if month > ref[1] + 1 else 0)


#: how far a date's clause reaches on each side (a run-on line must not make every date read all of it)
CLAUSE_REACH = 200


def looks_ahead(doc: Doc, s: int, e: int) -> bool:
    """Whether the clause around a date speaks of what is to come (將於2月中旬生效; a date right before
    將: 9月將開始實施)."""
    view = doc.view
    after = e + (1 if view[e:e + 1] == "起" else 0)
    if view[after:after + 1] == "将" and doc.at_token_boundary(after + 1):  # not the 將 of 將軍澳
        return True
    lo, hi = max(0, s - CLAUSE_REACH), min(len(view), e + CLAUSE_REACH)  # bounded: linear on run-on text
    a = max(max(view.rfind(c, lo, s) for c in "，,。；;！？!?\n") + 1, lo)
    ends = [i for i in (view.find(c, e, hi) for c in "，,。；;！？!?\n") if i >= 0]
    b = min(ends) if ends else hi
    clause = view[a:b]
    return any(w in clause for w in _future_markers())


@lru_cache(maxsize=1)
def _future_markers() -> tuple[str, ...]:
    return tuple(v(w) for w in grammar().cfg["future_markers"])


@rule("date")
def dates(doc: Doc) -> list[Quantity]:
    """Dates to ISO: 2027年第4季 → 2027-Q4, 去年12月9日 → 2025-12-09, 2024年底 → 2024, 8日 → the article's month."""
    g = grammar()
    out = []
    ref = _article_ym(doc)
    for a, b in doc.paragraphs:
        for m in g.date_quarter.finditer(doc.view, a, b):
            q = m.group("q") or m.group("q3") or m.group("q4") or m.group("q2")[1]
            qyear: int | None = None
            if m.group("year"):
                qyear = int(m.group("year"))
            elif ref is not None:  # 今年第三季, or 二季度 in the article's year
                qyear = ref[0] + (g.cfg["year_relative"][m.group("rel")] if m.group("rel") else 0)
            unit = f"{qyear}-Q{_int(q)}" if qyear is not None else None
            if m.group("q3") and not m.group("rel"):  # 第一季 in an article whose fiscal year is not the calendar's
                unit = fiscal_quarter_unit(doc, _int(q)) or unit
            out.append(make(doc, m.start(), m.end(), "date", "date", unit=unit))
        for m in g.date_full.finditer(doc.view, a, b):
            month = _int(m.group("month"))
            day = _int(m.group("day")) if m.group("day") else None
            if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
                continue
            if m.start() > 0 and (doc.view[m.start() - 1].isdigit() or doc.view[m.start() - 1] in "个第") or is_dateline(doc, m.end()):
                continue
            year: int | None = None
            if m.group("year"):
                year = int(m.group("year"))
            elif ref and m.group("rel"):
                year = ref[0] + g.cfg["year_relative"][m.group("rel")]
            elif ref:
                year = month_year(ref, month, looks_ahead(doc, m.start(), m.end()))
            unit = None
            if year is not None:
                unit = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
            out.append(make(doc, m.start(), m.end(), "date", "date", unit=unit))
        for m in g.date_year.finditer(doc.view, a, b):
            if blocked(doc, m.start(), m.end()):
                continue
            e = m.end()
            if m.group("part") and not doc.at_token_boundary(e):  # 2025年|中超: 中 starts a word, no part of the date
                e = m.start("part")
            out.append(make(doc, m.start(), e, "date", "date", unit=m.group("year")))
        for m in g.date_day.finditer(doc.view, a, b):
            s = m.start()
            if not m.group("rel") and s > 0 and (doc.view[s - 1].isdigit() or doc.view[s - 1] in "月第个"):
                continue
            written = m.group("day")
            if not written.isdigit() and not chinese_day(doc, m):
                continue
            day = int(written) if written.isdigit() else int(chinese_to_number(written))
            if not 1 <= day <= 31 or doc.view[m.end():m.end() + 1] == "电":
                continue
            span = next((w for w in g.cfg["day_span_before"] if doc.view.endswith(v(w), max(0, s - 3), s)), None)
            if span and not m.group("rel"):  # 連續5日, 長達3日: days counted, not a date
                out.append(make(doc, s, m.end(), "date", "duration", value=float(day), unit="day"))
                continue
            shift = g.cfg["month_relative"][m.group("rel")] if m.group("rel") else None
            out.append(make(doc, s, m.end(), "date", "date", unit=day_unit(ref, day, shift)))
    return out


def day_unit(ref: tuple[int, int, int] | None, day: int, shift: int | None) -> str | None:
    """The ISO date of a day of the month with no month written, in an article dated ``ref``: the
    month ``shift`` months from the article's (上月28日), else the article's month, or the month
    before when the day is later than the article's (28日 in an article of the 24th).

    >>> day_unit((2026, 1, 15), 12, None), day_unit((2026, 1, 15), 30, None), day_unit((2026, 3, 10), 28, -1)
    ('2026-01-12', '2025-12-30', '2026-02-28')
    """
    if not ref:
        return None
    y, mth = ref[0], ref[1]
    if shift is not None:  # 上月28日: the month before the article's
        mth += shift
    elif day > ref[2]:  # 28日 in an article of the 24th: last month
        mth -= 1
    y, mth = y + (mth - 1) // 12, (mth - 1) % 12 + 1
    if day > calendar.monthrange(y, mth)[1]:  # 30日 in an article of 20 March: no 30 February
        y, mth = ref[0], ref[1]
    return f"{y:04d}-{mth:02d}-{day:02d}" if day <= calendar.monthrange(y, mth)[1] else None


#: a stretch of months from the start of a year: 前8月, 前10個月, 1至8月, 1月份-7月份, 首三季 and 首季
#: (a year before it, written or relative, gives the year); 前三季 and 首五個月 stay durations, as most
#: annotators read them (and 首三季 a date)
PERIOD = (r"(?:(?P<year>\d{4})\s*年\s*|(?P<rel>REL))?"
          r"(?:前\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:个\s*)?月份?(?!\s*[日号])"
          r"|(?P<a>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:月份?)?\s*(?:至|到|-|－|~|～|∼)\s*"
          r"(?P<b>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?!\s*\d{0,2}\s*[日号])"
          r"|首\s*(?P<nq>[一二三123])?\s*季度?)")


@lru_cache(maxsize=1)
def _period_re() -> Any:
    from h200claims.patterns import alternation
    return regex.compile(PERIOD.replace("REL", alternation(grammar().cfg["year_relative"])))


def period_unit(year: int | None, a: str | None, b: str | None) -> str | None:
    """The unit of a stretch of months: its quarter where it is one (1∼3月份 of 2010 is 2010-Q1),
    else its year.

    >>> period_unit(2010, "1", "3"), period_unit(2025, "十", "十二"), period_unit(2025, "1", "8"), period_unit(None, "1", "3")
    ('2010-Q1', '2025-Q4', '2025', None)
    """
    if not year:
        return None
    if a and b and _int(a) % 3 == 1 and _int(b) == _int(a) + 2:
        return f"{year}-Q{_int(b) // 3}"
    return str(year)


@rule("date_period")
def year_to_date(doc: Doc) -> list[Quantity]:
    """Months counted from the start of a year (前8月, 1至8月, 首三季), or a stretch of
    months (8月至9月), are one date whose unit is their year: the year written before it, else the
    article's; 首季 is the year's first quarter."""
    out = []
    ref = _article_ym(doc)
    cfg = grammar().cfg
    for a, b in doc.paragraphs:
        for m in _period_re().finditer(doc.view, a, b):
            if m.group("a") and _int(m.group("a")) >= _int(m.group("b")):
                continue
            year = int(m.group("year")) if m.group("year") else \
                (ref[0] + (cfg["year_relative"][m.group("rel")] if m.group("rel") else 0) if ref else None)
            unit = period_unit(year, m.group("a"), m.group("b"))
            if unit and "季" in m.group() and _int(m.group("nq") or "1") == 1:
                unit = f"{unit}-Q1"  # 首季: the first quarter
            out.append(make(doc, m.start(), m.end(), "date_period", "date", unit=unit))
    return out


#: two more date forms in one pattern (one pass over the text): a day of the month in brackets after
#: 今 or 昨 (今（23）日, Taiwanese wire style), and a year of the Republic of China era (民國103年 is 2014,
#: with its month and day when written). 三天前 stays a duration, as annotators read it
MORE_DATES = (r"(?P<rel>[今昨])\s*[（(]\s*(?P<day>\d{1,2})\s*[）)]\s*日"
              r"|民[国國]\s*(?P<roc>\d{2,3}|[一二三四五六七八九十百零〇]{2,5})\s*年"
              r"(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<mday>\d{1,2})\s*[日号])?)?")


@lru_cache(maxsize=1)
def _more_re() -> Any:
    return regex.compile(MORE_DATES)


@rule("date_more")
def more_dates(doc: Doc) -> list[Quantity]:
    """今（23）日 (the article's day 23), 昨（22）日, 民國103年 (2014), 民國114年3月5日 (2025-03-05).

    >>> import h200claims
    >>> [(q.text, q.unit) for q in h200claims.extract("金管會今（23）日公布，集團自民國103年至今獲利增加。", date="2025-09-23").quantities]
    [('今（23）日', '2025-09-23'), ('民國103年', '2014')]
    """
    out = []
    ref = _article_ym(doc)
    for a, b in doc.paragraphs:
        for m in _more_re().finditer(doc.view, a, b):
            unit: str | None = None
            if m.group("day"):
                unit = day_unit(ref, int(m.group("day")), 0 if m.group("rel") == "今" else None)
            elif m.group("roc"):
                year = _int(m.group("roc")) + 1911
                month, mday = (int(m.group("month")) if m.group("month") else None), m.group("mday")
                if month is not None and not 1 <= month <= 12:
                    continue
                unit = f"{year}" + (f"-{month:02d}" if month else "") + (f"-{int(mday):02d}" if mday else "")
            out.append(make(doc, m.start(), m.end(), "date_more", "date", unit=unit))
    return out
