"""Keyword arguments checked by name: a misspelled or missing field of a props or
value dataclass is a `ConfigError` naming the class, the field and the closest
known name, not a Python `TypeError` traceback.

    WebServiceProps(nmae="orders-api", ...)
    -> WebServiceProps.nmae: 'nmae' is not allowed; a field of WebServiceProps: did you mean 'name'?

Each public dataclass is decorated with `@public` (above `@dataclass`), which applies
`strict_keywords` and `docstrings.document` where the class is defined: the check holds
however the class is imported.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from typing import Any, TypeVar

from .docstrings import document
from .errors import ConfigError, _Shown

T = TypeVar("T")

_MARK = "_cdk8s_webservice_strict"
#: A class attribute: keywords its `__init__` takes besides its fields (deprecated spellings).
DEPRECATED_KEYWORDS = "_deprecated_keywords"


def strict_keywords(cls: type) -> None:
    """Wrap a dataclass's generated `__init__` so that unknown, missing and surplus
    arguments raise `ConfigError` (once per class; other classes are left alone)."""
    init = cls.__dict__.get("__init__")
    if not dataclasses.is_dataclass(cls) or init is None or getattr(init, _MARK, False):
        return
    fields = [f for f in dataclasses.fields(cls) if f.init]
    names = [f.name for f in fields]
    names += [name for name in getattr(cls, DEPRECATED_KEYWORDS, ()) if name not in names]
    positional = [f.name for f in fields if not f.kw_only]
    required = [f.name for f in fields if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]

    @functools.wraps(init)
    def checked(self: Any, *args: Any, **kwargs: Any) -> None:
        if type(self) is cls:  # a subclass's own __init__ checks its own fields
            check_arguments(cls.__name__, names, positional, required, args, kwargs)
        init(self, *args, **kwargs)

    setattr(checked, _MARK, True)
    type.__setattr__(cls, "__init__", checked)


def check_arguments(
    owner: str,
    names: list[str],
    positional: list[str],
    required: list[str],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> None:
    """Refuse what the generated `__init__` would refuse with a TypeError."""
    for key in kwargs:
        if key not in names:
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else f"one of: {', '.join(names)}"
            raise ConfigError(f"{owner}.{key}", key, f"a field of {owner}: {hint}")
    if len(args) > len(positional):
        raise ConfigError(
            owner,
            _Shown(f"{len(args)} positional arguments"),
            f"at most {len(positional)} ({', '.join(positional)}); pass the others by name",
        )
    given = set(positional[: len(args)]) | set(kwargs)
    for name in positional[: len(args)]:
        if name in kwargs:
            raise ConfigError(f"{owner}.{name}", kwargs[name], "given once (it was also given by position)")
    missing = [name for name in required if name not in given]
    if missing:
        raise ConfigError(
            f"{owner}.{missing[0]}", _Shown("nothing"), f"a value: it is required ({', '.join(missing)} missing)"
        )


def public(cls: type[T]) -> type[T]:
    """Class decorator for the library's public dataclasses (above `@dataclass`): keyword
    arguments checked by name (`strict_keywords`) and an `Attributes:` section for
    `help()` (`docstrings.document`), however the class is imported."""
    strict_keywords(cls)
    document(cls)
    return cls
