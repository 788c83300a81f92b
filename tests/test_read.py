import os

import pytest

from h200claims import H200ClaimsInputError, read_file
from h200claims.text.read import article_date, date_line_end, decode
from h200claims.text.page_date import page_date

SAMPLE = "輝達執行長黃仁勳表示，H200晶片將出口中國。"


@pytest.mark.parametrize("enc,prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("big5", b""), ("gb18030", b""),
])
def test_decodes_news_encodings(tmp_path, enc, prefix):
    text = SAMPLE if enc != "gb18030" else "英伟达执行长黄仁勋表示，H200芯片将出口中国。"
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + text.encode(enc))
    assert read_file(p) == text


def test_binary_file_is_a_clear_error(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(H200ClaimsInputError) as e:
        read_file(p)
    assert "x.txt" in str(e.value) and "binary" in str(e.value)


def test_undecodable_bytes_name_the_reason():
    with pytest.raises(H200ClaimsInputError, match="not plausible Chinese text"):
        decode(b"\x81\x20\xff\xfe\x80\x80" * 50, "bad.txt")


def _read_as_nobody(path) -> int:
    """Run read_file(path) in a forked child that gave up root (uid/gid 65534): root reads any file,
    so CI, which runs as root, checks the unreadable case as an ordinary user. Exit 0: the clear error."""
    pid = os.fork()
    if pid == 0:  # the child: everything it needs is imported already
        code = 4
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            read_file(path)
            code = 3  # read it: wrong
        except H200ClaimsInputError as e:
            code = 0 if "cannot read" in str(e) and "locked.txt" in str(e) else 5
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_unreadable_file(tmp_path):
    p = tmp_path / "locked.txt"
    p.write_text("x")
    p.chmod(0)
    if os.geteuid() == 0:
        assert _read_as_nobody(p) == 0
        return
    with pytest.raises(H200ClaimsInputError, match="cannot read"):
        read_file(p)


def test_missing_file():
    with pytest.raises(H200ClaimsInputError, match="cannot read"):
        read_file("/nonexistent/article.txt")


def test_date_line():
    t = " date 2026-01-15 美國總統川普"
    assert article_date(t) == "2026-01-15"
    assert t[date_line_end(t):].strip() == "美國總統川普"
    assert article_date("美國總統川普 date 2026-01-15") is None


@pytest.mark.parametrize("text, date", [
    ("2017年08月10日17:33 新浪财经\n\n新浪港股讯 8月10日下午,公司举行发布会。", "2017-08-10"),  # time with no space
    ("标题\n\n联合早报 新加坡专讯 2022-12-17\n\n新航第一季营业盈利创新高。", "2022-12-17"),  # a short head line
    ("應對關稅 歐洲威脅反制\n\n2025年1月4日\n\n歐洲議會領袖表示，將提高稅收。", "2025-01-04"),
    ("【大紀元2017年11月15日訊】波音公司宣布獲得新訂單。", "2017-11-15"),  # a dateline
    ("Go to contents\n\n三星电子业绩创新高\n\nPosted May. 01, 2010 07:27\n\n三星电子30日发表业绩。", "2010-05-01"),
    ("他在2025年12月9日表示，將擴產。\n\n公司2024年3月5日成立，資本額5億元。", None),  # dates in sentences
    ("北京7月5日電 公司宣布擴產。", None),  # a dateline with no year
])
def test_page_date_rules(text, date):
    assert page_date(text) == date
