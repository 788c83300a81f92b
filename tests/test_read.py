import os

import pytest

from h200claims import H200ClaimsInputError, read_file
from h200claims.text.read import article_date, date_line_end, decode

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
