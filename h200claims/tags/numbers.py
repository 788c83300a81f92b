"""The number grammar: Arabic and full-width digits, Chinese numerals in both scripts, 萬/億 scales.

Patterns here are written for the matching view (Simplified script, half-width digits), so
兩/两, 萬/万, 億/亿 and ５/5 are all covered by one pattern.
"""
from __future__ import annotations

import regex

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
          # the financial forms (壹貳參 in Traditional text reach the view as 壹贰参; 参 and 陆 stay out of
          # the single-character pattern, being words of their own: 参加, 大陆)
          "壹": 1, "贰": 2, "叁": 3, "参": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
BIG = {"万": 10_000, "亿": 100_000_000, "兆": 1_000_000_000_000}
#: 廿 and 卅 are 二十 and 三十 (百分之廿八, 卅年)
TENS = {"廿": "二十", "卅": "三十"}

ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_D = "零〇一二三四五六七八九"
_FD = "壹贰叁参肆伍陆柒捌玖"
#: a Chinese numeral; one space may stand between its characters, as text scraped from PDFs and
#: captions writes them (一 百 五 十, 四点 五)
_PLAIN = (rf"(?:[{_D}两俩十廿卅](?: ?[{_D}○两十廿卅百千万亿兆])*"
          rf"(?: ?[点.] ?[{_D}](?: ?[{_D}])*[万亿]?)?)")
#: financial numerals: any run of two or more (plain digits may mix in: 拾万零五十六点叁叁), or one
#: of those that is no word by itself
_FINANCIAL = (rf"(?:[{_FD}拾佰仟][{_D}{_FD}两十百千拾佰仟万亿]+(?:[点.][{_D}{_FD}]+)?"
              rf"|[壹贰叁肆伍柒捌玖])")
CHINESE = rf"(?:{_PLAIN}|{_FINANCIAL})"
SCALE = r"(?:[十百千拾佰仟]?万亿|[十百千拾佰仟]?[万亿兆]|[千仟]|[百佰])"
#: digits with a scale followed by more digits with a smaller scale: 1兆300億, 3億5000萬
COMPOUND = r"(?:\d+(?:\.\d+)?[兆亿](?:\d{1,4}[亿万])+)"
VAGUE = r"(?:[数几][十百千]?[万亿]?)"
#: 十幾萬, 二十幾億: a numeral of tens with 幾 for its units, read as its round value (approx)
TENS_AND_SOME = r"(?:[一二两三四五六七八九]?十几[百千]?[万亿]?)"
#: digits each with its own unit, as people write them: 4千5百萬, 4萬5千, 3億5千萬
MIXED = r"(?:\d(?:[十百千][万亿]?|[万亿])(?:\d(?:[十百千][万亿]?|[万亿]))+)"
#: a number: digits with an optional scale, a Chinese numeral, or a vague 數十億 / 幾. A number
#: never starts inside another (the look-behinds), which keeps every pattern built on it linear
#: on long runs of digits or numerals; a comma after a digit groups thousands (1,234), one after a
#: word is the clause comma scraped pages write in ASCII (業務中,70%).
#: after Arabic digits: 萬 with a zero-padded or comma-grouped remainder (2萬0450, 6萬1,332), or a
#: scale, perhaps after 多/餘 (300多萬) or one space as scraped text writes it (250 萬美元, 1 億 3428 萬)
AFTER_DIGITS = (rf"(?:万(?:\d{{4}}|\d{{1,3}},\d{{3}})(?![\d,])"  # 2萬0450, 6萬1,332
                rf"|[多余]?[ \u00a0]?{SCALE}(?![瓦米克])(?:[ \u00a0]?零?\d{{1,4}}[ \u00a0]?[亿万])*)")  # 1 億 3428 萬, 4億零90萬; 1500|千瓦時
#: a minus sign right before a number (-22.2%, 负3%, 气温-12度), never after a digit, a letter or a
#: closing mark (5-20% is a range, COVID-19 a name)
SIGN = r"(?:(?<![0-9A-Za-z.%)\]])[-−负](?=[\d零〇一二两三四五六七八九十]))"
NUMBER = (rf"(?:{SIGN}?(?:(?<![\d.]|\d,){MIXED}(?![\d十百千万亿])|(?<![\d.]|\d,){ARABIC}{AFTER_DIGITS}?"
          rf"|(?<![零〇一二两三四五六七八九十廿卅百千万亿兆]){TENS_AND_SOME}"
          rf"|(?<![零〇一二两三四五六七八九十廿卅百千万亿兆壹贰叁参肆伍陆柒捌玖拾佰仟]){CHINESE})|{VAGUE})")
NUMBER_RE = regex.compile(NUMBER)
_COMPOUND = regex.compile(COMPOUND)
_MIXED = regex.compile(MIXED)
_PARTS = regex.compile(r"(\d+(?:\.\d+)?)([兆亿万])")
_SIMPLE = regex.compile(rf"({ARABIC})({SCALE})?")
_PADDED = regex.compile(r"(\d+)万(\d{4}|\d{1,3},\d{3})")


def chinese_to_number(s: str) -> float:
    """二十五 -> 25, 一百二十 -> 120, 三千五百萬 -> 35000000, 兩 -> 2, 十 -> 10, 一二三 -> 123,
    二四七萬 -> 2470000, 二萬八五九○ -> 28590 (digits in a row read by position, ○ a zero),
    廿八 -> 28, 壹佰壹拾壹 -> 111, 零点一 -> 0.1, and the spoken shorthand 三万五 -> 35000,
    两千六 -> 2600 (a last digit right after 百/千/万/亿 counts one place lower)."""
    for k, rep in TENS.items():
        s = s.replace(k, rep)
    s = s.replace(".", "点")  # 二．四億: a full-width point folded to ASCII in the view
    if "点" in s:  # 一七二零点一三四: the decimals are read digit by digit; 二点四亿: a scale after them
        whole, frac = s.split("点", 1)
        scale = 1.0
        if frac and frac[-1] in BIG:
            scale, frac = BIG[frac[-1]], frac[:-1]
        base = (chinese_to_number(whole) if whole else 0.0) + float("0." + "".join(str(DIGITS[c]) for c in frac))
        return base * scale
    if s and all(c in DIGITS for c in s):  # digit-by-digit: 二〇二五
        return float("".join(str(DIGITS[c]) for c in s))
    total = 0.0
    section = 0.0
    digit = 0.0
    last_unit = 0  # the unit right before the current digit (0: none, or a 零 between)
    last_big = 0  # the largest of 萬/億/兆 seen so far
    prev = ""
    for c in s:
        if c in DIGITS:  # digits in a row are read by position: 二四七萬 is 247萬, 二萬八五九〇 28590
            digit = digit * 10 + DIGITS[c] if prev and prev in DIGITS else DIGITS[c]
            prev = c
            if DIGITS[c] == 0 and not digit:
                last_unit = 0
            continue
        prev = c
        if c in UNITS:
            section += (digit or 1) * UNITS[c]
            digit = 0
            last_unit = UNITS[c]
            continue
        elif c in BIG:
            section += digit or (1 if not total and not section else 0)  # a bare 萬 (上萬台) is one 萬
            if BIG[c] > last_big and total:  # 一萬億: a larger scale applies to everything before
                total = (total + section) * BIG[c]
            else:  # 四十九兆|九千五百九十二億: a smaller one only to its own section
                total += section * BIG[c]
            last_big = max(last_big, BIG[c])
            section = 0
            digit = 0
            last_unit = BIG[c]
            continue
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if digit and last_unit >= 100 and s[-1] in DIGITS and s[-2:-1] and s[-2] not in DIGITS:
        digit *= last_unit / 10  # 三万五, 一百二: the bare last digit is one place lower
    return total + section + digit


_PAIR = regex.compile(r"([一二三四五六七八])([二三四五六七八九])([十百千万亿]*)")


def numeral_pair(s: str) -> tuple[float, float] | None:
    """Two neighbouring digits written together are a rough range: 二三十 (20 to 30), 三四百 (300 to
    400), 五六千万, 一两 (1 to 2); else None. 一二 alone stays out (一二線城市 are two tiers).

    >>> numeral_pair("二三十"), numeral_pair("三四百万"), numeral_pair("一两"), numeral_pair("二十"), numeral_pair("一二")
    ((20.0, 30.0), (3000000.0, 4000000.0), (1.0, 2.0), None, None)
    """
    s = s.replace(" ", "")
    if s.startswith("一两"):
        lo, hi, rest = 1, 2, s[2:]
    else:
        m = _PAIR.fullmatch(s)
        if m is None or DIGITS[m.group(2)] != DIGITS[m.group(1)] + 1 or (m.group(1) == "一" and not m.group(3)):
            return None
        lo, hi, rest = DIGITS[m.group(1)], DIGITS[m.group(2)], m.group(3)
    if rest and not all(c in "十百千万亿" for c in rest):
        return None
    scale = scale_value(rest) if rest else 1.0
    return lo * scale, hi * scale


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
    if s[0] in "-−负" and len(s) > 1:  # -22.2, 负3
        value, approx = parse_number(s[1:])
        return (None if value is None else -value), approx
    s = s.replace(" ", "").replace("\u00a0", "")
    approx = "多" in s or "余" in s
    if _MIXED.fullmatch(s):  # 4千5百万: each digit as its numeral
        return chinese_to_number("".join("零一二三四五六七八九"[int(c)] if c.isdigit() else c for c in s)), approx
    if "几" in s:  # 十几万: the round value
        return chinese_to_number(s.replace("几", "")), True
    s = s.replace("多", "").replace("余", "").replace("零", "") if s[:1].isdigit() else s  # 4億零90萬
    padded = _PADDED.fullmatch(s)
    if padded:  # 2萬0450 = 20450
        return float(padded.group(1)) * 10_000 + float(padded.group(2).replace(",", "")), approx
    if _COMPOUND.fullmatch(s):  # 1兆300億 = 1e12 + 300e8
        return sum(float(d) * scale_value(u) for d, u in _PARTS.findall(s)), approx
    m = _SIMPLE.fullmatch(s)
    if m:
        base = float(m.group(1).replace(",", ""))
        return base * (scale_value(m.group(2)) if m.group(2) else 1.0), approx
    return chinese_to_number(s), approx


_UNIT_RANK = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3}
_SECTION = set("万萬亿億兆")


def well_formed_prefix(numeral: str) -> str:
    """The longest start of a Chinese numeral whose units fall within each 万/亿 section (七十百 → 七十:
    a 百 cannot follow a 十); Arabic digits and well-formed numerals come back whole.

    >>> well_formed_prefix("七十百"), well_formed_prefix("一百二十"), well_formed_prefix("三千五百万"), well_formed_prefix("25")
    ('七十', '一百二十', '三千五百万', '25')
    """
    last = 99
    for i, ch in enumerate(numeral):
        if ch in _SECTION:
            last = 99
        elif ch in _UNIT_RANK:
            if _UNIT_RANK[ch] >= last:
                return numeral[:i]
            last = _UNIT_RANK[ch]
    return numeral
