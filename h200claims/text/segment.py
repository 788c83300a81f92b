"""Paragraphs and sentences with offsets, aware of quote marks.

A sentence ends at 。！？!? outside quote marks, or at a line break (not one after a comma or a
colon, where a scrape broke a sentence in two). A terminator inside
「…」 does not end the sentence that contains the quote; a closing mark right after a
terminator (…。」) ends the sentence after the mark. A line break resets the quote depth, so an
unclosed 「 cannot swallow the rest of the article.
"""
from __future__ import annotations

import re
from collections import Counter

TERMINATORS = frozenset("。！？!?")
OPEN = {"「": "」", "『": "』", "“": "”", "《": "》"}
CLOSE = {v: k for k, v in OPEN.items()}
MAX_DEPTH = 64


#: a line that ends in one of these stops mid-sentence: a scrape broke it, the next line carries on
CONTINUES = frozenset("，,、：:；;")
#: a line of prose at least this long, ending inside a word, may have been wrapped by the page
WRAP_MIN = 20
#: lines within this many characters of a page's common line length reached its width
WRAP_SLACK = 3
#: a page wraps at a fixed width when at least this many of its long lines (and half) share a length
WRAP_LINES_MIN = 3
#: a clause mark inside the line: it is prose, not a title
_CLAUSE = re.compile("[，,、；;]")
#: a line no sentence starts with: it carries on the line before
_CARRIES_ON = re.compile(r"[，,、。；;：:）)」』”%％]")
#: what a wrapped line's next line may start with: a character of the word
_WORD = re.compile(r"[\u4e00-\u9fff0-9０-９A-Za-z﹒．]")


def wrap_width(text: str, ranges: list[tuple[int, int]]) -> int | None:
    r"""The width a page wrapped its lines at: the length most of its long lines share (within
    ``WRAP_SLACK``), or None for a page that prints a paragraph a line.

    >>> wrap_width("甲" * 40 + "\n" + "乙" * 41 + "\n" + "丙" * 40 + "\n" + "丁。", [(0, 127)])
    41
    >>> wrap_width("甲" * 40 + "\n" + "乙" * 90 + "\n" + "丙" * 60, [(0, 193)]) is None
    True
    """
    counts = Counter(len(line.strip()) for a, b in ranges for line in text[a:b].split("\n")
                     if len(line.strip()) >= WRAP_MIN)
    total = sum(counts.values())
    if total < WRAP_LINES_MIN:
        return None
    near = {n: sum(counts.get(n + d, 0) for d in range(-WRAP_SLACK, WRAP_SLACK + 1)) for n in counts}
    width = max(near, key=lambda n: (near[n], n))
    return width if near[width] >= WRAP_LINES_MIN and 2 * near[width] >= total else None


def wrapped(text: str, s: int, e: int, nxt: str, width: int | None) -> bool:
    """Whether the line text[s:e] stops mid-sentence and goes on in the next line ``nxt``: the next
    line starts with a mark no sentence starts with (…截至目前⏎,暑假期間…), or the page wraps at
    ``width`` and this line of prose reached it, ending inside a word the next line carries on.

    >>> wrapped("文綺華表示,暑假是傳統旅遊旺季,截至目前", 0, 20, ",暑假期間酒店平均入住率達八成五", None)
    True
    >>> wrapped("外貿規模首超20萬億元,發言人表示有壓力也有信心", 0, 24, "海關總署發布數據顯示", None)
    False
    >>> wrapped("外貿規模首超20萬億元,發言人表示有壓力也有信心", 0, 24, "海關總署發布數據顯示", 24)
    True
    """
    last = text[e - 1]
    if not nxt or e - s < WRAP_MIN or not ("\u4e00" <= last <= "\u9fff" or last.isdigit()):
        return False
    if _CARRIES_ON.match(nxt):
        return True
    return (width is not None and e - s >= width - WRAP_SLACK and bool(_CLAUSE.search(text, s, e))
            and _WORD.match(nxt) is not None)


def paragraphs(text: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-blank lines inside the given ranges, stripped, as (start, end); a line that ends
    mid-sentence (公司發言人表示，⏎將擴大投資。) runs on into the next non-blank line, and a line
    the page wrapped at a fixed width (``wrapped``) into the line right after it."""
    out: list[tuple[int, int]] = []
    width = wrap_width(text, ranges)
    for a, b in ranges:
        pos = a
        joined = False
        lines = text[a:b].split("\n")
        for k, raw in enumerate(lines):
            s = pos + len(raw) - len(raw.lstrip())
            e = pos + len(raw.rstrip())
            if e > s:
                if joined and out:
                    out[-1] = (out[-1][0], e)
                else:
                    out.append((s, e))
                nxt = lines[k + 1].strip() if k + 1 < len(lines) else ""
                joined = text[e - 1] in CONTINUES or wrapped(text, s, e, nxt, width)
            pos += len(raw) + 1
    return out


#: the only characters the sentence splitter has to look at
_MARKS = re.compile("[" + re.escape("".join(TERMINATORS) + "".join(OPEN) + "".join(CLOSE) + '"') + "]")


def sentences(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end); whitespace around them is left out."""
    a, b = para
    out: list[tuple[int, int]] = []
    stack: list[str] = []
    start = a
    skip_to = a
    for m in _MARKS.finditer(text, a, b):
        i = m.start()
        if i < skip_to:
            continue
        c = text[i]
        if c in OPEN and len(stack) < MAX_DEPTH:
            stack.append(OPEN[c])
        elif c in CLOSE and stack:
            if c in stack:
                while stack and stack.pop() != c:
                    pass
            if not stack and i > a and text[i - 1] in TERMINATORS and _closes_quote(text, i, b):
                out.append((start, i + 1))
                start = i + 1
        elif c == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            elif len(stack) < MAX_DEPTH:
                stack.append('"')
        elif c in TERMINATORS and not stack:
            j = i + 1
            while j < b and text[j] in TERMINATORS:
                j += 1
            out.append((start, j))
            start = j
            skip_to = j
    if start < b:
        out.append((start, b))
    return [s for s in (_strip(text, x) for x in out) if s[1] > s[0]]


def _closes_quote(text: str, i: int, b: int) -> bool:
    """After 。」 the sentence ends unless a cue or comma follows in the same clause."""
    nxt = text[i + 1] if i + 1 < b else ""
    return nxt not in "，,、：:"


def _strip(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
