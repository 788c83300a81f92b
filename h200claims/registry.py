"""Pipeline components registered by name; config (data/pipeline.json), not code, wires them."""
from __future__ import annotations

from typing import Callable

from h200claims.doc import Doc

Component = Callable[[Doc], None]
_COMPONENTS: dict[str, Component] = {}


def component(name: str) -> Callable[[Component], Component]:
    """Decorator: register ``fn(doc)`` as the pipeline component ``name``."""

    def deco(fn: Component) -> Component:
        if name in _COMPONENTS and _COMPONENTS[name] is not fn:
            raise ValueError(f"component {name!r} registered twice")
        _COMPONENTS[name] = fn
        return fn

    return deco


def get(name: str) -> Component:
    try:
        return _COMPONENTS[name]
    except KeyError:
        raise ValueError(f"unknown component {name!r}; known: {', '.join(sorted(_COMPONENTS))}") from None


def names() -> list[str]:
    return sorted(_COMPONENTS)
