"""`help()` for the props and value dataclasses: an `Attributes:` section made from
the attribute docstrings (the `\"\"\"...\"\"\"` under each field, which mkdocstrings reads
but `help()` does not).

The package's lazy `__getattr__` calls `document` when it first hands out a public
dataclass, so `help(cdk8s_webservice.WebServiceProps)` lists each field with its type,
its default and what it means. The section is written when `__doc__` is first read
(reading a module's source costs about a millisecond, ~25 ms for the names a synth
uses, which no synth reads).
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import inspect
import sys
import textwrap
from typing import Any

_MARK = "\n\nAttributes:\n"


class _LazyDoc:
    """A class's `__doc__` that gets its `Attributes:` section on first read (the
    type's `__doc__` getter calls `__get__` of what the class dict holds)."""

    def __init__(self, cls: type, doc: str | None) -> None:
        self.cls, self.doc = cls, doc

    def __get__(self, instance: object, owner: type | None = None) -> str:
        if owner is not None and owner is not self.cls:  # a subclass without a docstring of its own
            return self.__get__(None, self.cls)
        text = attributes_section(self.cls, self.doc)
        type.__setattr__(self.cls, "__doc__", text)
        return text


def document(cls: type) -> None:
    """Give `cls.__doc__` an `Attributes:` section, written when first read (once;
    only dataclasses)."""
    if not dataclasses.is_dataclass(cls) or isinstance(cls.__dict__.get("__doc__"), _LazyDoc):
        return
    doc = cls.__dict__.get("__doc__")
    if _MARK in (doc or ""):
        return
    type.__setattr__(cls, "__doc__", _LazyDoc(cls, doc))


def attributes_section(cls: type, doc: str | None) -> str:
    """`doc` with the `Attributes:` section of `cls`'s fields appended."""
    docs: dict[str, str] = {}
    for base in reversed(cls.__mro__):  # inherited fields are documented where declared
        if dataclasses.is_dataclass(base) and base.__module__ in sys.modules:
            docs.update(_attribute_docs(base.__module__).get(base.__qualname__, {}))
    entries = []
    for f in dataclasses.fields(cls):
        if f.name.startswith("_"):
            continue
        meaning = " ".join(docs.get(f.name, "").split())
        head = f"{f.name} ({f.type}, {default_text(f)}): "
        entries.append(textwrap.fill(head + meaning, 100, initial_indent="    ", subsequent_indent="        "))
    return inspect.cleandoc(doc or "") + _MARK + "\n".join(entries) + "\n"


def default_text(f: dataclasses.Field[Any]) -> str:
    """`required`, or `default <value>` as it would be written in code."""
    if f.default is not dataclasses.MISSING:
        value = f.default
        text = f"{type(value).__name__}.{value.name}" if isinstance(value, enum.Enum) else repr(value)
        return f"default {text}"
    if f.default_factory is not dataclasses.MISSING:
        return f"default {getattr(f.default_factory, '__name__', 'factory')}()"
    return "required"


@functools.cache
def _attribute_docs(module: str) -> dict[str, dict[str, str]]:
    """Class name -> field -> the docstring under it, for the module's top-level classes."""
    try:
        tree = ast.parse(inspect.getsource(sys.modules[module]))
    except (OSError, TypeError, KeyError):  # no source (a zipped or frozen install)
        return {}
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        fields = found.setdefault(node.name, {})
        for first, second in zip(node.body, node.body[1:], strict=False):
            if (
                isinstance(first, ast.AnnAssign)
                and isinstance(first.target, ast.Name)
                and isinstance(second, ast.Expr)
                and isinstance(second.value, ast.Constant)
                and isinstance(second.value.value, str)
            ):
                fields[first.target.id] = second.value.value
    return found
