"""Pipeline components and rules registered by name; config (data/pipeline.json), not code, wires them.

A component declares what it reads from the Doc (``requires``) and what it sets (``assigns``), as
spaCy factories do, so a pipeline missing a step fails at construction with a clear message. Each
stage's rules are named in a :class:`RuleTable`; every name a user can switch off (a component or
a rule) is known here, and an unknown name is refused with the list of known ones.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Callable

from h200claims.doc import Doc
from h200claims.errors import H200ClaimsConfigError

Component = Callable[[Doc], None]


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    fn: Component
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_COMPONENTS: dict[str, ComponentInfo] = {}
#: rule tables by stage, for name checks (filled as the stages register their rules)
_TABLES: dict[str, "RuleTable"] = {}


def component(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable[[Component], Component]:
    """Decorator: register ``fn(doc)`` as the pipeline component ``name``.

    >>> @component("my_step", requires=["tokens"], assigns=["cache"])   # doctest: +SKIP
    ... def my_step(doc): ...
    """

    def deco(fn: Component) -> Component:
        if name in _COMPONENTS and _COMPONENTS[name].fn is not fn:
            raise ValueError(f"component {name!r} registered twice")
        _COMPONENTS[name] = ComponentInfo(name, fn, tuple(requires), tuple(assigns))
        return fn

    return deco


def info(name: str) -> ComponentInfo:
    try:
        return _COMPONENTS[name]
    except KeyError:
        raise H200ClaimsConfigError(f"unknown component {name!r}; known: {', '.join(sorted(_COMPONENTS))}") from None


def get(name: str) -> Component:
    return info(name).fn


def names() -> list[str]:
    return sorted(_COMPONENTS)


def rule_names() -> dict[str, list[str]]:
    """Every switchable rule, by stage."""
    return {stage: t.names() for stage, t in _TABLES.items()}


def check_pipeline(components: list[str]) -> None:
    """Each component's ``requires`` must be assigned by an earlier one (the text itself is given)."""
    have = {"text", "view"}
    for n in components:
        c = info(n)
        missing = [r for r in c.requires if r not in have]
        if missing:
            raise H200ClaimsConfigError(
                f"component {n!r} requires {', '.join(missing)}, which no earlier component assigns "
                f"(pipeline: {', '.join(components)})")
        have.update(c.assigns)


def check_switches(disabled: Iterable[str]) -> None:
    """Refuse a name that is neither a component nor a rule, listing the known ones."""
    known = set(_COMPONENTS) | {r for t in _TABLES.values() for r in t.names()}
    unknown = sorted(set(disabled) - known)
    if unknown:
        raise H200ClaimsConfigError(
            f"unknown component or rule name(s): {', '.join(unknown)}; known components: "
            f"{', '.join(sorted(_COMPONENTS))}; known rules: "
            + "; ".join(f"{s}: {', '.join(t.names())}" for s, t in sorted(_TABLES.items())))


class RuleTable(dict):  # type: ignore[type-arg]
    """Named rules of one stage, in a dict the stage runs in configured order.

    A step inside a stage that is not one of its rules can still be named as a ``switch``, so it
    can be switched off by name too (resolving descriptions, say).

    >>> RULES = RuleTable("example_stage")
    >>> @RULES.rule("shout")
    ... def shout(doc): ...
    >>> RULES.switch("tidy_up")
    >>> RULES.names()
    ['shout', 'tidy_up']
    """

    def __init__(self, stage: str) -> None:
        super().__init__()
        self.stage = stage
        self.switches: set[str] = set()
        if stage in _TABLES:
            raise ValueError(f"rule table {stage!r} made twice")
        _TABLES[stage] = self

    def rule(self, name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
            if name in self and self[name] is not fn:
                raise ValueError(f"rule {name!r} registered twice")
            self[name] = fn
            return fn

        return deco

    def switch(self, *names: str) -> None:
        self.switches.update(names)

    def names(self) -> list[str]:
        """The rules and the switches, sorted."""
        return sorted(set(self) | self.switches)
