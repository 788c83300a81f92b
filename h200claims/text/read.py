"""Reading article files in the encodings Chinese news comes in, and the leading date line."""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from pathlib import Path

from h200claims.errors import H200ClaimsInputError

DATE_LINE = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})")
# encodings tried, in order, for files without a byte-order mark
FALLBACKS = ("utf-8", "gb18030", "big5")


def decode(data: bytes, path: str | None = None) -> str:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16 with BOM, Big5, GB18030.

    Raises H200ClaimsInputError for binary or undecodable data.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", path)
    if b"\x00" in data[:4096]:
        raise H200ClaimsInputError("binary data (NUL bytes) and no UTF-16 byte-order mark", path)
    for enc in FALLBACKS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8" or (_looks_like_text(text) and looks_chinese(text)):
            return text
    raise H200ClaimsInputError(
        f"not plausible Chinese text in any of {', '.join(FALLBACKS)} or UTF-16 (tried each; a legacy decode "
        f"must be mostly common Chinese characters or ASCII)", path)


def _strict(data: bytes, enc: str, path: str | None) -> str:
    try:
        return data.decode(enc)
    except UnicodeDecodeError as e:
        raise H200ClaimsInputError(f"invalid {enc}: {e.reason} at byte {e.start}", path) from None


#: a legacy-codec decode is accepted when at least this share of its Chinese characters is common
COMMON_SHARE = 0.8


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    from h200claims import data

    lines = [ln for ln in data.read_text("common_chars.txt").splitlines() if not ln.startswith("#")]
    return frozenset("".join(lines))


def looks_chinese(text: str) -> bool:
    """A plausible decode: ASCII only, or mostly common Chinese characters (seen through the
    Simplified view, so Big5 text passes). Shift-JIS read as GB18030 gives rare characters.

    >>> looks_chinese("美國商務部長表示，晶片出口將增加。"), looks_chinese("plain ASCII")
    (True, True)
    >>> looks_chinese("僕偺偼擔杮岅偱偡")   # Japanese Shift-JIS bytes decoded as GB18030
    False
    """
    from h200claims.text.script import simplified_view

    han = [c for c in simplified_view(text) if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return all(c.isascii() or not c.isprintable() or c.isspace() for c in text) or len(text) < 20
    common = _common_chars()
    return sum(c in common for c in han) / len(han) >= COMMON_SHARE


def _looks_like_text(text: str) -> bool:
    """Guard for the permissive legacy codecs: mostly printable characters."""
    if not text:
        return True
    bad = sum(1 for c in text if not c.isprintable() and c not in "\r\n\t")
    return bad / len(text) < 0.01


def read_file(path: str | Path) -> str:
    """Read and decode one article file (UTF-8 with or without BOM, UTF-16 with BOM, GB18030,
    Big5); an unreadable, binary or implausibly decoded file raises ``H200ClaimsInputError``
    naming the file and the reason.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("美國商務部長表示".encode("big5"))
    >>> read_file(p)
    '美國商務部長表示'
    """
    p = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise H200ClaimsInputError(f"cannot read: {e.strerror or e}", p) from None
    return decode(data, p)


def article_date(text: str) -> str | None:
    """The date of a leading ' date YYYY-MM-DD' line, else None."""
    m = DATE_LINE.match(text)
    return m.group(1) if m else None


def date_line_end(text: str) -> int:
    """Offset just past the date marker (0 when there is none)."""
    m = DATE_LINE.match(text)
    return m.end() if m else 0


BLOCK_TAGS = r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|figure|figcaption|title)\b[^>]*>"


def html_to_text(markup: str) -> str:
    """The text of an HTML page that the body rules then read: the page's main content as
    trafilatura extracts it (navigation, asides with related headlines, footers and comments
    left out), else, where it finds none (a fragment, a page of only a few lines), the visible
    text with block tags as line breaks. Offsets of a result on HTML input refer to this text.

    >>> html_to_text("<p>台積電今天公布營收。</p><aside>延伸閱讀：川普表示，將加稅</aside>")
    '台積電今天公布營收。'
    """
    main = main_content(markup)
    return main if main else visible_text(markup)


def main_content(markup: str) -> str | None:
    """The main content of a page by trafilatura (a maintained extractor: what regular expressions
    over tags cannot tell, an article from its page), or None where it finds none."""
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True,
                               with_metadata=False, output_format="txt")
    return text.strip() if text and text.strip() else None


def visible_text(markup: str) -> str:
    """Visible text of an HTML page: scripts and styles dropped, block tags become line breaks,
    entities decoded."""
    import html as _html

    t = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", "", markup)
    t = re.sub(r"(?s)<!--.*?-->", "", t)
    t = re.sub(r"(?i)" + BLOCK_TAGS, "\n", t)
    t = re.sub(r"(?s)<[^>]*>", "", t)
    t = _html.unescape(t)
    t = re.sub(r"[ \t\r\f\v]*\n[ \t\r\f\v\n]*", "\n\n", t)
    return t.strip()


def is_html_path(path: str | Path) -> bool:
    return str(path).lower().endswith((".html", ".htm"))


def read_article(path: str | Path) -> tuple[str, bool]:
    """(the text to extract from a file, whether it came from HTML): an HTML page is reduced to its
    visible text, which the result's offsets then refer to."""
    text = read_file(path)
    return (html_to_text(text), True) if is_html_path(path) else (text, False)
