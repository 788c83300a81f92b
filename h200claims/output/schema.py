"""JSON Schema of the result: ``python -m h200claims.output.schema > docs/schema.json``."""
from __future__ import annotations

import json

from h200claims.models import ArticleClaims


def schema_json() -> str:
    return json.dumps(ArticleClaims.model_json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(schema_json(), end="")
