"""A user lexicon, in the package's TSV format, from the API and the command line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from h200claims import Extractor
from h200claims.errors import H200ClaimsConfigError

TEXT = "澄岳電子宣布，將在高雄設立新廠。澄岳電子董事長表示，投資額約50億元。"
LINE = "chengyue\tORG\tChengyue Electronics\t澄岳電子|澄岳电子\t\tcompany"


def test_user_entries_are_found_with_their_id_and_kind(tmp_path):
    lex = tmp_path / "mine.tsv"
    lex.write_text("# my companies\n" + LINE + "\n", encoding="utf-8")
    r = Extractor(lexicon=[lex]).extract(TEXT)
    ent = {e.id: e for e in r.entities}["chengyue"]
    assert ent.name == "Chengyue Electronics"
    assert [m.text for m in ent.mentions] == ["澄岳電子", "澄岳電子"]
    assert all(m.rule == "lexicon" for m in ent.mentions)
    assert "chengyue" not in {e.id for e in Extractor().extract(TEXT).entities}  # the default is untouched


def test_user_entry_given_as_a_line_in_simplified_script():
    r = Extractor(lexicon=[LINE]).extract("澄岳电子宣布，将在高雄设立新厂。")
    assert "chengyue" in {e.id for e in r.entities}


@pytest.mark.parametrize("bad", ["x\tTHING\tX\tx", "x\tORG\tX\t", "x\tORG\tX\tx\t\tspaceship", "nvidia\tORG\tN\tN2"])
def test_bad_user_entries_are_refused_naming_the_line(bad):
    with pytest.raises(H200ClaimsConfigError):
        Extractor(lexicon=[bad])


def test_missing_lexicon_file_is_a_clear_error(tmp_path):
    with pytest.raises(H200ClaimsConfigError, match="cannot read"):
        Extractor(lexicon=[tmp_path / "nope.tsv"])


def test_cli_lexicon_and_stdin(tmp_path):
    lex = tmp_path / "mine.tsv"
    lex.write_text(LINE + "\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", "-", "--lexicon", str(lex)],
                       input=TEXT.encode("utf-8"), capture_output=True)
    assert p.returncode == 0, p.stderr
    record = json.loads(p.stdout)
    assert record["source"] == "<stdin>"
    assert "chengyue" in {e["id"] for e in record["entities"]}
    p = subprocess.run([sys.executable, "-m", "h200claims", "extract", "-", "--lexicon", str(tmp_path / "no.tsv")],
                       input=b"x", capture_output=True, text=False)
    assert p.returncode == 2 and b"cannot read" in p.stderr and b"Traceback" not in p.stderr
