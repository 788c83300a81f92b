"""Fiscal-year dates: 2020財政年 (2020), 2020財政年次季 (2020-Q2), 2023財年第一季. A company's fiscal
year need not be the calendar year; where the article ties one of its quarters to a calendar month
(截至今年6月底的2023財年第一季: fiscal Q1 of 2023 ends in June 2022), every fiscal quarter it
names moves by the same number of quarters, and a fiscal year alone has no one calendar year."""
from __future__ import annotations

from typing import Any

import regex

from h200claims.doc import Doc
from h200claims.models import Quantity
from h200claims.tags.numbers import chinese_to_number
from h200claims.tags.quantity_grammar import grammar, make, rule

#: a fiscal year, perhaps with one of its quarters (首季 is the first, 次季 the second)
FISCAL = regex.compile(r"(?P<fy>(?:19|20)\d{2})\s*财(?:政)?年度?"
                       r"(?:\s*(?:第\s*(?P<q>[1-4一二三四])\s*(?:季度|季)|(?P<nth>[首次])季))?")
#: a fiscal quarter tied to the calendar month it ends in: 截至今年6月底的2023財年第一季
TIE = regex.compile(r"截至\s*(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>今年|去年|明年))?\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})"
                    r"\s*月(?:底|末|\d{1,2}\s*日)?(?:为止)?的?\s*" + FISCAL.pattern)
NTH = {"首": 1, "次": 2}


def _n(s: str) -> int:
    return int(s) if s.isdigit() else int(chinese_to_number(s))


def fiscal_shift(doc: Doc) -> int:
    """Quarters from a fiscal quarter to the calendar quarter it falls in, as the article ties them
    (截至今年6月底的2023財年第一季 in 2022: fiscal 2023-Q1 is 2022-Q2, -3); 0 where it ties none.
    Cached on the Doc.

    >>> import h200claims
    >>> [(q.text, q.unit) for q in h200claims.extract(
    ...     "集團在截至今年6月底的2023財年第一季轉虧為盈，2022財年第四季仍虧損。", date="2022-07-29").quantities]
    [('今年6月底', '2022-06'), ('2023財年第一季', '2022-Q2'), ('2022財年第四季', '2022-Q1')]
    """
    if "fiscal_shift" in doc.cache:
        return int(doc.cache["fiscal_shift"])
    shift = 0
    m = TIE.search(doc.view) if "财" in doc.view else None
    if m is not None:
        q = _quarter(m)
        year = int(m.group("y")) if m.group("y") else None
        if year is None and doc.date:
            year = int(doc.date[:4]) + (grammar().cfg["year_relative"][m.group("rel")] if m.group("rel") else 0)
        month = _n(m.group("m"))
        if year is not None and q is not None and 1 <= month <= 12:
            shift = (year * 4 + (month - 1) // 3) - (int(m.group("fy")) * 4 + q - 1)
    doc.cache["fiscal_shift"] = shift
    return shift


def _quarter(m: Any) -> int | None:
    if m.group("q"):
        return _n(m.group("q"))
    return NTH[m.group("nth")] if m.group("nth") else None


def calendar_quarter(fy: int, q: int, shift: int) -> str:
    """The calendar quarter of fiscal quarter ``q`` of fiscal year ``fy``, ``shift`` quarters away.

    >>> calendar_quarter(2023, 1, -3), calendar_quarter(2022, 3, -3), calendar_quarter(2020, 2, 0)
    ('2022-Q2', '2021-Q4', '2020-Q2')
    """
    i = fy * 4 + q - 1 + shift
    return f"{i // 4}-Q{i % 4 + 1}"


@rule("fiscal")
def fiscal_dates(doc: Doc) -> list[Quantity]:
    """2020財政年 → 2020 (None where the article shows its fiscal year is not the calendar one),
    2020財政年次季 → 2020-Q2, 2023財年第一季 → the calendar quarter the article's tie gives."""
    if "财" not in doc.view:
        return []
    shift = fiscal_shift(doc)
    out = []
    for a, b in doc.paragraphs:
        for m in FISCAL.finditer(doc.view, a, b):
            q = _quarter(m)
            fy = int(m.group("fy"))
            unit = calendar_quarter(fy, q, shift) if q else (str(fy) if shift == 0 else None)
            out.append(make(doc, m.start(), m.end(), "fiscal", "date", unit=unit))
    return out


def fiscal_quarter_unit(doc: Doc, q: int) -> str | None:
    """The unit of a quarter written with no year (第一季) in an article that ties its fiscal year to
    the calendar: that quarter of the tied fiscal year; None in other articles (the date rule decides)."""
    shift = fiscal_shift(doc) if "财" in doc.view else 0
    if shift == 0:
        return None
    m = TIE.search(doc.view)
    return calendar_quarter(int(m.group("fy")), q, shift) if m else None
