"""The public API is typed: mypy passes on the package (py.typed is shipped)."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def test_mypy_passes():
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"],
                                                        capture_output=True).returncode != 0:
        pytest.skip("mypy not installed")
    p = subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--no-error-summary",
                        str(ROOT / "h200claims")], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout
