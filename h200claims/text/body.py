"""Body detection: which parts of a scraped page are the article (title and paragraphs).

Each line is classified by small named rules (caption, byline, timestamp, end marker, tag line,
repeated line, headline-like, prose); the article is the title nearest before the first prose
paragraph plus every line from that paragraph up to the first end-of-article marker or list
of related headlines. Patterns live in data/boilerplate.json.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex


from h200claims import data


@dataclass
class Line:
    start: int  # offset of the first non-space character
    end: int  # offset after the last non-space character
    view: str  # the stripped line in the matching view
    kind: str = "text"


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    cfg = data.load_json("boilerplate.json")
    return {
        "end": [regex.compile(p) for p in cfg["end_markers"]],
        "promo": regex.compile(cfg["inline_promo"]),
        "dateline": [regex.compile(p) for p in cfg["inline_dateline"]],
        "caption": [regex.compile(p) for p in cfg["caption"]],
        "promo_lines": [regex.compile(p) for p in cfg["promo_lines"]],
        "tag_end": regex.compile(cfg["tag_line_end"]),
        "keep_repeated": cfg["repeated_keep_min_chars"],
        "byline": [regex.compile(p) for p in cfg["byline"]],
        "timestamp": regex.compile(cfg["timestamp"]),
        "ends": set(cfg["sentence_end"]),
        "prose_min": cfg["prose_min_chars"],
        "headline_max": cfg["headline_max_chars"],
        "title_min_chars": cfg["title_min_chars"],
        "list_min": cfg["related_list_min_lines"],
        "next_story_min": cfg["next_story_min_prose"],
        "final": regex.compile("|".join(regex.escape(x) for x in cfg["final_markers"]), regex.IGNORECASE),
        "teaser": regex.compile(cfg["teaser_end"]),
        "outlet_line_suffixes": [regex.escape(x) for x in cfg["outlet_line_suffixes"]],
    }


def split_lines(view: str, start: int = 0) -> list[Line]:
    """Non-blank lines of ``view[start:]`` with their stripped offsets."""
    lines = []
    pos = start
    for raw in view[start:].split("\n"):
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            s = pos + lead
            lines.append(Line(s, s + len(body), body))
        pos += len(raw) + 1
    return lines


def is_end_marker(line: Line) -> bool:
    return any(p.search(line.view) for p in _rules()["end"])


#: a line of prose this long that ends with an agency's credit (…。(中央社)) is a paragraph signed off, not a caption
SIGNED_PARAGRAPH_MIN = 80


def is_caption(line: Line) -> bool:
    """A photo caption or credit line (▲…, 圖／…, …（記者王小明攝）, …（路透）); a long paragraph of
    prose that ends with the agency's name is the article's last paragraph, signed off."""
    if len(line.view) >= SIGNED_PARAGRAPH_MIN and line.view.count(",") + line.view.count("，") >= 2 \
            and not line.view.startswith(("▲", "▼")):
        return False
    return any(p.search(line.view) for p in _rules()["caption"])


def is_promo(line: Line) -> bool:
    """An app, subscription or reprint line (下載商業週報APP，掌握第一手財經新聞; 本文由…授權轉載)."""
    return len(line.view) <= 60 and any(p.search(line.view) for p in _rules()["promo_lines"])


def is_byline(line: Line) -> bool:
    return len(line.view) <= 40 and (any(p.search(line.view) for p in _rules()["byline"]) or is_outlet_line(line))


@lru_cache(maxsize=1)
def _outlet_line() -> Any:
    """An outlet's name (the lexicon's outlets) alone on a line, perhaps with 中文網 or 報導 after it."""
    from h200claims.data import lexicon
    from h200claims.patterns import compile_fast, trie_pattern

    names = [n for n, ids in lexicon.view_names().items()
             if any(lexicon.default().by_id[i].kind == "outlet" for i in ids) and len(n) >= 2]
    return compile_fast(rf"^(?:{trie_pattern(names)})(?:{'|'.join(_rules()['outlet_line_suffixes'])})?\s*$")


def is_outlet_line(line: Line) -> bool:
    """A line that is only an outlet's name (德國之聲中文網, 日經中文網, 路透): a byline.

    >>> is_outlet_line(Line(0, 7, "德国之声中文网")), is_outlet_line(Line(0, 9, "德国之声报道的新闻很多"))
    (True, False)
    """
    return len(line.view) <= 16 and _outlet_line().match(line.view) is not None


def is_timestamp(line: Line) -> bool:
    return bool(_rules()["timestamp"].search(line.view))


def is_tag_line(line: Line) -> bool:
    """Keyword strips such as 'H200 美國 高端' (short space-separated words, no punctuation) and section
    labels that end in a bar ('新股上市 |')."""
    words = line.view.split()
    if len(line.view) <= 20 and _rules()["tag_end"].search(line.view):
        return True  # a section label: '新股上市 |'
    parts = _BARS.split(line.view)
    if len(parts) >= 3 and all(0 < len(p) <= BAR_PART_MAX for p in parts[1:]):
        return True  # a linked headline with its section labels: '…尽快公布| 北马| 地方| 东方网'
    return len(words) >= 3 and all(len(w) <= 6 for w in words) and not any(
        c in line.view for c in ",。，、:：!?！？「」")


#: the bars between a linked headline and its section and site labels, each at most BAR_PART_MAX long
_BARS = regex.compile(r"\s*[|｜]\s*")
BAR_PART_MAX = 12


#: a short line with no Han character is a page widget or a stray label ('test', 'Share'), not the article
WIDGET_MAX = 20


def is_widget(line: Line) -> bool:
    return len(line.view) <= WIDGET_MAX and _HAN.search(line.view) is None


def is_prose(line: Line) -> bool:
    r = _rules()
    return len(line.view) >= r["prose_min"] and line.view[-1] in r["ends"] and any(
        c in line.view for c in ",，。")


def is_lede(line: Line) -> bool:
    """A line too short to be prose that is still a sentence of the article: it ends as a sentence
    does and has a comma (美國商務部本週公布的新規，再次引發討論。) or ``LEDE_MIN_HAN`` Han characters."""
    return line.kind == "text" and line.view[-1] in _rules()["ends"] and (
        any(c in line.view for c in ",，") or len(_HAN.findall(line.view)) >= LEDE_MIN_HAN)


#: a one-clause sentence of this many Han characters under the title is a lede (孫宏斌的誠意得到了回報。)
LEDE_MIN_HAN = 10
_HAN = regex.compile(r"\p{Han}")


#: a title is Chinese text: a line with fewer Han characters is a widget or code ('test', '0:00 /0:00')
_HAN2 = regex.compile(r"\p{Han}.*\p{Han}")


def is_headline_like(line: Line) -> bool:
    r = _rules()
    return len(line.view) <= r["headline_max"] and line.view[-1] not in "。" and _HAN2.search(line.view) is not None


def classify(lines: list[Line]) -> None:
    """Set each line's kind; the first matching rule wins. A line seen more than once is
    boilerplate (navigation, promos, a repeated caption), except that repeated prose keeps its
    first occurrence (and so does a line of ``repeated_keep_min_chars`` or more seen just twice: a
    title and lede printed again as the page's summary): an article that repeats itself is not emptied."""
    counts = Counter(ln.view for ln in lines)
    seen: set[str] = set()
    for ln in lines:
        first = ln.view not in seen
        seen.add(ln.view)
        if is_end_marker(ln):
            ln.kind = "end"
        elif is_caption(ln):
            ln.kind = "caption"
        elif is_promo(ln):
            ln.kind = "promo"
        elif counts[ln.view] > 1 and not (first and (is_prose(ln) or (
                counts[ln.view] == 2 and len(ln.view) >= _rules()["keep_repeated"]))):
            ln.kind = "repeated"
        elif is_byline(ln):
            ln.kind = "byline"
        elif is_timestamp(ln):
            ln.kind = "timestamp"
        elif is_tag_line(ln) or is_widget(ln):
            ln.kind = "tags"
        elif is_prose(ln):
            ln.kind = "prose"
        elif is_headline_like(ln):
            ln.kind = "headline"


def trim_dateline(line: Line) -> Line:
    """Cut an inline byline or dateline off the start of a paragraph: 〔記者…／台北報導〕, 新华社北京4月2日电."""
    cut = True
    while cut:  # 新华社北京10月21日电（记者张晓明）: a dateline, then a reporter's credit
        cut = False
        for p in _rules()["dateline"]:
            m = p.match(line.view)
            if m and 0 < m.end() < len(line.view):
                line = Line(line.start + m.end(), line.end, line.view[m.end():], line.kind)
                cut = True
                break
    return line


def trim_promo(line: Line) -> Line:
    """Cut an inline '(相關報導: …' promo off the end of a line."""
    m = _rules()["promo"].search(line.view)
    if m and m.start() > 0:
        return Line(line.start, line.start + m.start(), line.view[: m.start()], line.kind)
    return line


def select(lines: list[Line]) -> list[Line]:
    """The lines that make up the article, or the articles: a file of several stories (a feed, pages
    joined) keeps each story whose paragraphs come after the previous one's end (an end marker, a
    list of headlines), when it has ``next_story_min_prose`` paragraphs of prose."""
    keep, stop = select_story(lines, 0)
    need = _rules()["next_story_min"]
    while stop < len(lines) and not _rules()["final"].search(lines[stop - 1].view if stop else ""):
        story, end = select_story(lines, stop)
        if end <= stop:
            break
        if sum(1 for ln in story if ln.kind == "prose") >= need:
            keep.extend(story)
        stop = end
    return sorted(keep, key=lambda ln: ln.start)


def select_story(lines: list[Line], begin: int) -> tuple[list[Line], int]:
    """The lines of the first story from ``lines[begin]`` on, and the index where it stops (read in
    place, not from a copy of the rest: a file of thousands of stories stays linear)."""
    first = next((i for i in range(begin, len(lines)) if lines[i].kind == "prose"), None)
    if first is None:  # no prose at all: keep whatever is not boilerplate, up to an end marker
        end = next((i for i in range(begin + 1, len(lines)) if lines[i].kind == "end"), len(lines))
        return [trim_promo(trim_dateline(ln)) for ln in lines[begin:end] if ln.kind in ("headline", "text", "prose")], \
            max(end, begin + 1) if end < len(lines) else len(lines)
    keep: list[Line] = []
    label: Line | None = None  # a short headline-like line (商業創科): a section label, unless nothing else is the title
    for ln in reversed(lines[begin:first]):  # the title: nearest headline before the first paragraph
        if ln.kind == "headline" and len(ln.view.strip()) < _rules()["title_min_chars"] and label is None:
            label = ln
            continue
        if ln.kind == "headline":
            keep.append(ln)
            label = None
            break
        if is_lede(ln):  # a short first paragraph (one sentence) between the title and the prose
            keep.append(trim_dateline(ln))
            continue
        if ln.kind not in ("caption", "byline", "timestamp", "repeated", "tags", "promo"):
            break
    if label is not None:
        keep.append(label)
    run: list[Line] = []  # consecutive headline-like lines, held until we know they are not a list
    list_min = _rules()["list_min"]
    stop = len(lines)
    for i in range(first, len(lines)):
        ln = lines[i]
        if ln.kind == "end":
            stop = i + 1
            break
        if ln.kind == "headline":
            run.append(ln)
            continue
        if ln.kind == "prose" or ln.kind == "text":
            if len(run) >= list_min:  # a list of headlines between paragraphs: related links
                stop = i - 1  # (its last line may be the title of a story that follows)
                break
            keep.extend(run)
            run = []
            keep.append(trim_promo(trim_dateline(ln)))
        elif run:
            if len(run) >= list_min:
                stop = i
                break
            keep.extend(run)
            run = []
    else:
        if len(run) < list_min:
            keep.extend(run)
    return keep, stop


def merge(lines: list[Line], view: str) -> list[tuple[int, int]]:
    """Join kept lines separated only by whitespace into ranges."""
    ranges: list[tuple[int, int]] = []
    for ln in lines:
        if ranges and not view[ranges[-1][1]: ln.start].strip():
            ranges[-1] = (ranges[-1][0], ln.end)
        else:
            ranges.append((ln.start, ln.end))
    return ranges


def detect_body(view: str, start: int = 0) -> list[tuple[int, int]]:
    """Body ranges of an article, given its matching view and where the content starts."""
    lines = split_lines(view, start)
    classify(lines)
    return merge(select(lines), view)
