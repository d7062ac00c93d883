"""Renamed names and moved modules keep working for one minor version, warning with the new name."""

from __future__ import annotations

import functools
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import warnings
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any


class deprecated_alias:
    """A class attribute `old` that reads (and writes) `new`, with a `DeprecationWarning`
    naming `new` and the version that renamed it; removed in the next minor version.
    `new` may be a path (`pod.port`: the attribute moved into a group)."""

    def __init__(self, old: str, new: str, since: str) -> None:
        self.old, self.new, self.since = old, new, since

    def _warn(self, owner: type) -> None:
        warnings.warn(
            f"{owner.__name__}.{self.old} is deprecated since {self.since}: use {owner.__name__}.{self.new}",
            DeprecationWarning,
            stacklevel=3,
        )

    def __get__(self, instance: object, owner: type) -> Any:
        if instance is None:
            return self
        self._warn(owner)
        return functools.reduce(getattr, self.new.split("."), instance)

    def __set__(self, instance: object, value: Any) -> None:
        self._warn(type(instance))
        *path, name = self.new.split(".")
        setattr(functools.reduce(getattr, path, instance), name, value)


class MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Old module paths of a package (`cdk8s_webservice.workload`) import the module at its
    new path (`cdk8s_webservice.kinds.workload`) with a `DeprecationWarning` naming it.

    A finder on `sys.meta_path` (Python's documented import hook), consulted after the
    package's own files: a path that still exists is never redirected."""

    def __init__(
        self, package: str, moved: Mapping[str, str], since: str, split: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        self.package, self.moved, self.since = package, dict(moved), since
        # An old module whose names went to several (`workload`: `kinds.workload`, and its
        # props and ConfigMap to `kinds.deployment_props`, `kinds.config_map`): its path is
        # `moved`'s module, and the names it lacks read from these, the first that has them.
        self.split = {name: tuple(modules) for name, modules in (split or {}).items()}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        prefix = f"{self.package}."
        if not fullname.startswith(prefix) or fullname[len(prefix) :] not in self.moved:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return None  # the default module, replaced in exec_module

    def exec_module(self, module: ModuleType) -> None:
        new = f"{self.package}.{self.moved[module.__name__[len(self.package) + 1 :]]}"
        warnings.warn(
            f"{module.__name__} is deprecated since {self.since}: import {new}", DeprecationWarning, stacklevel=2
        )
        old = module.__name__[len(self.package) + 1 :]
        if old in self.split:
            # A module of its own: its names read from the new module, then the others.
            sources = [new, *(f"{self.package}.{m}" for m in self.split[old])]
            module.__dict__["__getattr__"] = _forwarding(module.__name__, sources)
            module.__dict__["__all__"] = sorted(
                {n for m in sources for n in getattr(importlib.import_module(m), "__all__", ())}
            )
            return
        # The import system returns what sys.modules holds under the name after exec_module.
        sys.modules[module.__name__] = importlib.import_module(new)


def _forwarding(name: str, modules: Sequence[str]) -> Callable[[str], Any]:
    def __getattr__(attribute: str) -> Any:
        for module in modules:
            target = importlib.import_module(module)
            if hasattr(target, attribute):
                return getattr(target, attribute)
        raise AttributeError(f"module {name!r} has no attribute {attribute!r}")

    return __getattr__


def moved_attributes(
    package: str, moved: Mapping[str, str], since: str, *, otherwise: Callable[[str], Any] | None = None
) -> Callable[[str], Any]:
    """A module `__getattr__` for names that moved to a submodule (`moved`: name -> module),
    each read with a `DeprecationWarning` naming its new home; any other name is
    `otherwise`'s (the package's own lazy names), or an AttributeError."""

    def __getattr__(name: str) -> Any:
        module = moved.get(name)
        if module is None:
            if otherwise is not None:
                return otherwise(name)
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        warnings.warn(
            f"{package}.{name} is deprecated since {since}: import it from {module}", DeprecationWarning, stacklevel=2
        )
        return getattr(importlib.import_module(module), name)

    return __getattr__


def moved_module_attributes(package: str, *modules: str, since: str) -> Callable[[str], Any]:
    """A package `__getattr__` for a module whose path the package now holds: the old
    module's names (`cdk8s_webservice.releases.Releases`) read from the first of `modules`
    that has them (the old module's names went to more than one: `gitops.annotate_sync_waves`
    is `gitops.sync_waves`'), with a `DeprecationWarning` naming it."""

    def __getattr__(name: str) -> Any:
        if not name.startswith("_"):
            for module in modules:
                target = importlib.import_module(module)
                if hasattr(target, name):
                    warnings.warn(
                        f"{package}.{name} is deprecated since {since}: import it from {module}",
                        DeprecationWarning,
                        stacklevel=2,
                    )
                    value = getattr(target, name)
                    # Kept, so `from package import name` (which reads it twice) warns once.
                    setattr(sys.modules[package], name, value)
                    return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
