from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", category=UserWarning, module="jieba")

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "fixtures" / "articles"
GOLD = ROOT / "fixtures" / "gold"


def seed_names() -> list[str]:
    return sorted(p.name for p in ARTICLES.glob("*.txt"))


def read_seed(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def read_gold(name: str) -> dict:
    return json.loads((GOLD / name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def extractor():
    from h200claims import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seed_results(extractor):
    return {n: extractor.extract(read_seed(n), source=n) for n in seed_names()}
