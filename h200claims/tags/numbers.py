"""The number grammar: Arabic and full-width digits, Chinese numerals in both scripts, 萬/億 scales.

Patterns here are written for the matching view (Simplified script, half-width digits), so
兩/两, 萬/万, 億/亿 and ５/5 are all covered by one pattern.
"""
from __future__ import annotations

import regex

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE = r"(?:[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿兆]*)"
SCALE = r"(?:[十百千]?万亿|[十百千]?[万亿兆]|千|百)"
#: digits with a scale followed by more digits with a smaller scale: 1兆300億, 3億5000萬
COMPOUND = r"(?:\d+(?:\.\d+)?[兆亿](?:\d{1,4}[亿万])+)"
VAGUE = r"(?:[数几][十百千]?[万亿]?)"
#: a number: digits with an optional scale, a Chinese numeral, or a vague 數十億 / 幾. A number
#: never starts inside another (the look-behinds), which keeps every pattern built on it linear
#: on long runs of digits or numerals.
NUMBER = (rf"(?:(?<![\d.,]){ARABIC}(?:{SCALE}(?:\d{{1,4}}[亿万])*)?"
          rf"|(?<![零〇一二两三四五六七八九十百千万亿兆]){CHINESE}|{VAGUE})")
NUMBER_RE = regex.compile(NUMBER)
_COMPOUND = regex.compile(COMPOUND)
_PARTS = regex.compile(r"(\d+(?:\.\d+)?)([兆亿万])")
_SIMPLE = regex.compile(rf"({ARABIC})({SCALE})?")


def chinese_to_number(s: str) -> float:
    """二十五 -> 25, 一百二十 -> 120, 三千五百萬 -> 35000000, 兩 -> 2, 十 -> 10, 一二三 -> 123."""
    if s and all(c in DIGITS for c in s):  # digit-by-digit: 二〇二五
        return float("".join(str(DIGITS[c]) for c in s))
    total = 0.0
    section = 0.0
    digit = 0.0
    for c in s:
        if c in DIGITS:
            digit = DIGITS[c]
        elif c in UNITS:
            section += (digit or 1) * UNITS[c]
            digit = 0
        elif c in BIG:
            section += digit
            if BIG[c] > 10_000 and total:  # 三千億: the 億 applies to everything before
                total = (total + section) * BIG[c]
            else:
                total += section * BIG[c]
            section = 0
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + digit


def scale_value(s: str) -> float:
    """The multiplier of a scale suffix: 萬 -> 1e4, 千億 -> 1e11, 萬億 -> 1e12."""
    value = 1.0
    mult = 1.0
    for c in s:
        if c in UNITS:
            mult = UNITS[c]
        elif c in BIG:
            value *= mult * BIG[c]
            mult = 1.0
    return value * mult


def parse_number(s: str) -> tuple[float | None, bool]:
    """(value, approx) of a NUMBER match; vague numbers (數十億, 幾) give (None, True)."""
    if not s:
        raise ValueError("empty number")
    if s[0] in "数几":
        return None, True
    if _COMPOUND.fullmatch(s):  # 1兆300億 = 1e12 + 300e8
        return sum(float(d) * scale_value(u) for d, u in _PARTS.findall(s)), False
    m = _SIMPLE.fullmatch(s)
    if m:
        base = float(m.group(1).replace(",", ""))
        return base * (scale_value(m.group(2)) if m.group(2) else 1.0), False
    return chinese_to_number(s), False
