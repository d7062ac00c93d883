"""Object-by-object, field-by-field differences between two sets of manifests:
what ArgoCD would change, written for a reviewer."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.gate.inputs import MANIFEST_SUFFIXES, read_file

ObjectKey = tuple[str, str, str]  # kind, namespace, name


@dataclass
class ObjectChange:
    key: ObjectKey
    change: str  # "added", "removed", "changed"
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)

    @property
    def title(self) -> str:
        kind, namespace, name = self.key
        return f"{kind}/{name}" + (f" -n {namespace}" if namespace else "")


# libyaml's parser where PyYAML has it: the same documents (the safe constructor), ~10x faster
# on a synth's output (`diff`'s fresh side was most of a warm `diff`).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_objects(texts: Iterable[str]) -> dict[ObjectKey, dict[str, Any]]:
    objects = {}
    for text in texts:
        for doc in yaml.load_all(text, Loader=_LOADER):
            if doc:
                meta = doc.get("metadata", {})
                objects[(doc["kind"], meta.get("namespace", ""), meta["name"])] = doc
    return objects


def read_folder(folder: Path) -> dict[ObjectKey, dict[str, Any]]:
    """The objects of a folder of manifests, read as the gate (and ArgoCD) reads them;
    anything unreadable is refused with the file and document named."""

    objects: dict[ObjectKey, dict[str, Any]] = {}
    if not folder.is_dir():
        return objects
    for path in sorted(p for p in folder.iterdir() if p.name.endswith(MANIFEST_SUFFIXES)):
        found, problems = read_file(path, folder.name, path.name)
        if problems:
            first = problems[0]
            raise ConfigError(str(path), first.field, f"a readable manifest: {first.message} ({first.rule})")
        for doc in found:
            meta = doc["metadata"]
            objects[(doc["kind"], meta.get("namespace", ""), meta["name"])] = doc
    return objects


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, Mapping) and value:
        for key in sorted(value):
            _flatten(value[key], f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list) and value and all(isinstance(v, Mapping) and "name" in v for v in value):
        # Lists of named things (containers, ports, env) are matched by name, not position.
        for item in value:
            _flatten({k: v for k, v in item.items() if k != "name"} or {"": None}, f"{path}[{item['name']}]", out)
    else:
        out[path] = value


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    _flatten(old, "", before)
    _flatten(new, "", after)
    missing = object()
    return [
        (path, before.get(path, missing), after.get(path, missing))
        for path in sorted(before.keys() | after.keys())
        if before.get(path, missing) != after.get(path, missing)
    ]


def diff_objects(
    old: Mapping[ObjectKey, Mapping[str, Any]],
    new: Mapping[ObjectKey, Mapping[str, Any]],
    *,
    match_namespaces: bool = True,
) -> list[ObjectChange]:
    """Changes from `old` to `new`. With `match_namespaces=False` (comparing two
    environments) objects are paired by kind and name alone."""

    def keyed(objects: Mapping[ObjectKey, Mapping[str, Any]]) -> dict[ObjectKey, Mapping[str, Any]]:
        return dict(objects) if match_namespaces else {(k, "", n): v for (k, _, n), v in objects.items()}

    before, after = keyed(old), keyed(new)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        if key not in before:
            changes.append(ObjectChange(key, "added"))
        elif key not in after:
            changes.append(ObjectChange(key, "removed"))
        else:
            fields = field_changes(before[key], after[key])
            if fields:
                changes.append(ObjectChange(key, "changed", fields))
    return changes


def _show(value: Any) -> str:
    return "(absent)" if type(value) is object else yaml_emitter.inline(value)


def _text_lines(value: Any) -> list[str] | None:
    """A multi-line string, or a JSON document in a string (pretty-printed), as
    lines to diff; None for anything else."""
    if not isinstance(value, str):
        return None
    if value.lstrip()[:1] in ("{", "["):
        try:
            document = json.loads(value)
        except ValueError:
            pass
        else:
            return json.dumps(document, indent=2, ensure_ascii=False).split("\n")
    return _split(value) if "\n" in value.rstrip("\n") else None


def _split(text: str) -> list[str]:
    return text.removesuffix("\n").split("\n")


def _line_diff(old: Any, new: Any) -> list[str] | None:
    """A unified diff of two texts (either may be absent), or None when the
    change is not one of multi-line or JSON text."""
    if not all(isinstance(value, str) or type(value) is object for value in (old, new)):
        return None
    before, after = _text_lines(old), _text_lines(new)
    if before is None and after is None:
        return None

    def lines(value: Any, parsed: list[str] | None) -> list[str]:
        return parsed if parsed is not None else [] if type(value) is object else _split(value)

    hunks = list(difflib.unified_diff(lines(old, before), lines(new, after), lineterm="", n=2))[2:]
    return [line.rstrip() for line in hunks] or ["(the same lines: only the final newline or the JSON layout differs)"]


def format_changes(changes: Iterable[ObjectChange]) -> str:
    """`+` added, `-` removed, `~` changed with `path: old -> new` per field; a
    multi-line string or JSON document in a string as an indented line diff."""
    lines = []
    for change in changes:
        mark = {"added": "+", "removed": "-", "changed": "~"}[change.change]
        lines.append(f"{mark} {change.title}")
        for path, old, new in change.fields:
            diff = _line_diff(old, new)
            if diff is None:
                lines.append(f"    {path}: {_show(old)} -> {_show(new)}")
            else:
                lines.append(f"    {path}:")
                lines += [f"      {line}" for line in diff]
    return "\n".join(lines)
