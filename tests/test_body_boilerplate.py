"""Boilerplate lines of scraped pages (issue 23) stay out of the body, and the article's paragraphs
stay in: at least thirty lines of each kind, written for these tests in both scripts; every line
written in Traditional script is also tried in Simplified.

The kinds live in tests/boilerplate_lines.py; this file places each line where pages print it and
checks the body detection.
"""
import pytest

from boilerplate_lines import AFTER_TITLE, BETWEEN, END, RELATED
from h200claims.text.body import detect_body
from h200claims.text.script import is_traditional, simplified_view, to_simplified

TITLE = "新竹科技廠擴建二廠　明年投產"
FIRST = "豐禾科技執行長林柏安今天表示，公司將在新竹興建第二座工廠，總投資約新台幣30億元，預計兩年內完工。"
SECOND = "林柏安指出，新廠將採用自動化產線，並雇用約500名員工，主要生產車用晶片，產能將比現有工廠多一倍。"


def both_scripts(lines):
    """Each line as written, and the Simplified form of a Traditional line."""
    out = []
    for line in lines:
        out.append(line)
        if is_traditional(line) and to_simplified(line) != line:
            out.append(to_simplified(line))
    return out


def body_of(text):
    return [text[a:b] for a, b in detect_body(simplified_view(text))]


def assert_article_kept(parts):
    joined = "\n".join(parts)
    assert FIRST in joined and SECOND in joined, parts


@pytest.mark.parametrize("line", both_scripts(END))
def test_a_line_after_the_article_is_left_out(line):
    text = f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{line}\n"
    parts = body_of(text)
    assert_article_kept(parts)
    assert line.strip() not in "\n".join(parts), parts


@pytest.mark.parametrize("line", both_scripts(BETWEEN))
def test_a_line_between_paragraphs_is_left_out(line):
    text = f"{TITLE}\n\n{FIRST}\n\n{line}\n\n{SECOND}\n"
    parts = body_of(text)
    assert_article_kept(parts)
    assert line.strip() not in "\n".join(parts), parts


@pytest.mark.parametrize("line", both_scripts(AFTER_TITLE))
def test_a_byline_under_the_title_is_left_out_and_the_title_kept(line):
    text = f"{TITLE}\n\n{line}\n\n{FIRST}\n\n{SECOND}\n"
    parts = body_of(text)
    assert_article_kept(parts)
    assert parts[0] == TITLE, parts
    assert line.strip() not in "\n".join(parts), parts


@pytest.mark.parametrize("heading,item", [(h, i) for h, i in RELATED] + [
    (to_simplified(h), to_simplified(i)) for h, i in RELATED if is_traditional(h + i)])
def test_a_related_news_heading_and_the_line_after_it_are_left_out(heading, item):
    text = f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{heading}\n{item}\n"
    parts = body_of(text)
    assert_article_kept(parts)
    joined = "\n".join(parts)
    assert heading.strip() not in joined and item not in joined, parts


def test_each_kind_has_thirty_lines_in_both_scripts():
    from boilerplate_lines import KINDS

    for kind, lines in KINDS.items():
        written = [ln if isinstance(ln, str) else "".join(ln) for ln in lines]
        assert len(written) >= 30, kind
        trad = sum(1 for ln in written if is_traditional(ln))
        assert trad >= 10 and len(written) - trad >= 10, (kind, trad)


def test_a_title_and_paragraph_printed_twice_keep_quotes_amounts_and_actors():
    import h200claims

    for text in ("台積電擴大美國投資\n台積電董事長魏哲家昨天表示，公司將在亞利桑那州再投資1000億美元。\n"
                 "台積電擴大美國投資\n台積電董事長魏哲家昨天表示，公司將在亞利桑那州再投資1000億美元。\n",
                 "比亚迪上月销量创新高\n\n比亚迪表示，上月销量达38万辆。\n\n比亚迪上月销量创新高\n\n比亚迪表示，上月销量达38万辆。\n"):
        r = h200claims.Extractor().extract(text)
        assert len(r.quotes) == 1 and len(r.quantities) == 1 and r.entities, (r.quotes, r.quantities)
        assert text[r.body[0][0]:].startswith(text.split("\n")[0]), r.body  # the title is kept too


def test_a_last_paragraph_signed_with_the_agency_name_is_kept():
    last = ("檢方說明，這類裝置外型類似隨身碟，是銀行發行的網路憑證，使用者要進行轉帳、查詢帳戶資訊時，"
            "必須在電腦插上裝置才能通過認證，功能與一般密碼器相同，遺失後須立即掛失。（中央社）")
    parts = body_of(f"{TITLE}\n\n{FIRST}\n\n{SECOND}\n\n{last}\n")
    assert last in "\n".join(parts), parts
