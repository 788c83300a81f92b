"""Pipeline components registered by name; config (data/pipeline.json), not code, wires them."""
from __future__ import annotations

from typing import Any, Callable

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


class RuleTable(dict):  # type: ignore[type-arg]
    """Named rules of one kind, in a dict a stage runs in configured order.

    >>> RULES = RuleTable()
    >>> @RULES.rule("lexicon")
    ... def lexicon_names(doc): ...
    """

    def rule(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
            if name in self and self[name] is not fn:
                raise ValueError(f"rule {name!r} registered twice")
            self[name] = fn
            return fn

        return deco
