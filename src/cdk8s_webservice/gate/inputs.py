"""What the gate reads from disk: what ArgoCD's directory source reads.

ArgoCD's repo server (reposerver/repository/repository.go, `findManifests`, with
`directory.recurse: true`) walks the application folder and every folder below
it, takes the files matching `^.*\\.(yaml|yml|json|jsonnet)$`, reads a `.json`
file as one object and a YAML file as a stream of documents, and replaces an
object whose `items` is a list (`kind: List`, `ConfigMapList`, ...) by its items
(`items: null` gives none). The gate reads the same files the same way, so it
checks exactly what would be synced:

- the folder given, and each folder below it that directly holds manifests, is
  one group (an environment) for the cross-object rules; a folder holding a
  `Chart.yaml` (a Helm chart, whose templates are not plain YAML) is skipped
  with everything below it;
- a `.jsonnet` file, which ArgoCD would evaluate, is reported: the gate cannot;
- whatever cannot be read (bad encoding, bad YAML or JSON, a document that is
  not an object, an object without apiVersion, kind or metadata.name, a
  workload without its pod template) is a violation naming the file and the
  document, never an exception, and never echoes the file's content;
- no object at all is a violation: the gate never passes on nothing;
- YAML is read as go-yaml v2 (sigs.k8s.io/yaml: kubectl, Argo CD) reads it, and what
  the readers disagree on (a `<<` merge key, a `!!binary` tag, ...) is refused
  (`goyaml_loader`).

Longer than most modules: every input form ArgoCD reads (and each way it can be unreadable) is here, so the gate has one reader.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .goyaml_loader import Loader, ambiguous
from .pods import missing_template
from .registry import declare
from .violations import Violation

MANIFEST_SUFFIXES = (".yaml", ".yml", ".json")
# Nodes a document may expand to through its aliases (a manifest has thousands at
# most): more is an "alias bomb" that would take the gate's memory and time, which
# go-yaml refuses as excessive aliasing too.
MAX_EXPANDED_NODES = 200_000

for _id, (_kinds, _reason) in {
    "input/no-objects": ("Folder", "a folder in which the gate found nothing to check"),
    "input/unreadable": ("File", "a file or folder that cannot be read"),
    "input/encoding": ("File", "a file that is not UTF-8 (or UTF-16 with a byte-order mark)"),
    "input/yaml": ("File", "a YAML file that does not parse"),
    "input/json": ("File", "a JSON file that does not parse, or is not one object"),
    "input/not-an-object": ("File", "a document that is a string, number or list rather than an object"),
    "input/identity": ("*", "an object without apiVersion, kind or metadata.name"),
    "input/pod-template": ("(pod-bearing)", "a workload without its pod template"),
    "input/not-checked": ("File", "a jsonnet file: ArgoCD evaluates it, the gate cannot"),
    "input/helm-chart": ("Folder", "a Chart.yaml outside helm/: ArgoCD would render the folder as a Helm chart"),
}.items():
    declare(
        _id,
        kinds=(_kinds,),
        reason=_reason,
        source="ArgoCD: what its directory source (recurse: true) reads, the gate reads",
        stage="inputs",
    )


@dataclass
class Group:
    """The objects of one folder that directly holds manifests."""

    name: str
    objects: list[dict[str, Any]] = field(default_factory=list)


def structural_problems(obj: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(field, rule, message) for an object the rules cannot look at."""
    meta = obj.get("metadata")
    for key in ("apiVersion", "kind"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            return [(key, "input/identity", "is required (a non-empty string)")]
    if not isinstance(meta, Mapping) or not isinstance(meta.get("name"), str) or not meta["name"]:
        return [("metadata.name", "input/identity", f"a {obj['kind']} needs a name (a non-empty string)")]
    missing = missing_template(obj)
    if missing is not None:
        return [(missing, "input/pod-template", f"{obj['kind']}/{meta['name']} has no pod template: it is required")]
    return []


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _documents(path: Path, text: str) -> Iterator[tuple[str, Any] | tuple[str, Violation]]:
    """("document[i]", parsed document), or ("", a violation) where parsing failed."""
    if path.suffix == ".json":
        try:
            yield "document[0]", json.loads(text)
        except json.JSONDecodeError as error:
            yield (
                "",
                _file_violation(
                    "document[0]", "input/json", f"{error.msg} (line {error.lineno}, column {error.colno})"
                ),
            )
        return
    index = 0
    loader = Loader(text)
    try:
        while loader.check_node():
            node = loader.get_node()
            refused = ambiguous(node)
            if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
                yield (
                    "",
                    _file_violation(
                        f"document[{index}]", "input/yaml", f"excessive aliasing (over {MAX_EXPANDED_NODES} nodes)"
                    ),
                )
            elif refused is not None:
                yield "", _file_violation(f"document[{index}]", *refused)
            else:
                yield f"document[{index}]", loader.construct_document(node)
            index += 1
    except yaml.YAMLError as error:
        # The problem and its position only: PyYAML's own message quotes the line.
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(error, "problem", None) or type(error).__name__
        yield "", _file_violation(f"document[{index}]", "input/yaml", f"{problem}{where}")
    except RecursionError:  # the node walks (and PyYAML's constructor) recurse per level
        yield "", _file_violation(f"document[{index}]", "input/yaml", "nested too deeply to read")


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Nodes `node` stands for with every alias expanded (shared nodes counted once
    per use, computed once each)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = MAX_EXPANDED_NODES + 1  # a node that contains itself expands forever
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    else:
        size = 1
    memo[key] = size
    return size


def _file_violation(where: str, rule: str, message: str) -> Violation:
    # environment and file are filled in by the caller
    return Violation("", "File", "", where, rule, message)


def _objects(where: str, doc: Any) -> Iterator[tuple[str, Any]]:
    """The objects a document holds: itself, or the items of a List."""
    if isinstance(doc, Mapping) and "items" in doc and (isinstance(doc["items"], list) or doc["items"] is None):
        if doc["items"] is None and ("spec" in doc or "status" in doc):
            yield where, doc
            return
        for i, item in enumerate(doc["items"] or []):
            yield from _objects(f"{where}.items[{i}]", item)
        return
    if doc is not None:
        yield where, doc


def read_file(path: Path, environment: str, label: str) -> tuple[list[dict[str, Any]], list[Violation]]:
    """The objects in one manifest file, and what made parts of it unreadable."""
    objects: list[dict[str, Any]] = []
    problems: list[Violation] = []

    def report(where: str, rule: str, message: str) -> None:
        problems.append(Violation(environment, "File", label, where, rule, message))

    try:
        if not path.is_file():
            report("(file)", "input/unreadable", "is not a regular file (a FIFO, socket or device)")
            return objects, problems
        text = _decode(path.read_bytes())
    except OSError as error:
        report("(file)", "input/unreadable", error.strerror or type(error).__name__)
        return objects, problems
    except UnicodeDecodeError as error:
        report("(file)", "input/encoding", f"{error.reason} at byte {error.start}")
        return objects, problems
    for where, doc in _documents(path, text):
        if isinstance(doc, Violation):
            report(doc.field, doc.rule, doc.message)
            continue
        if path.suffix == ".json" and isinstance(doc, list):
            report(where, "input/json", "is a list: a .json manifest is one object (or a List)")
            continue
        for at, obj in _objects(where, doc):
            if not isinstance(obj, Mapping):
                report(at, "input/not-an-object", f"is a {type(obj).__name__}, not a Kubernetes object")
                continue
            try:
                # As the API sees it (JSON): strings for keys, no NaN, no binary.
                plain = json.loads(json.dumps(obj, default=str, allow_nan=False))
            except (ValueError, TypeError) as error:
                report(at, "input/not-an-object", f"is not representable as JSON ({type(error).__name__})")
                continue
            found = structural_problems(plain)
            for field_path, rule, message in found:
                report(f"{at}.{field_path}", rule, message)
            if not found:
                objects.append(plain)
    return objects, problems


def _inside(path: Path, root: Path) -> bool:
    """Whether a path (followed through symlinks) stays inside `root`, as ArgoCD
    requires of the files it reads."""
    real_root = root.resolve()
    real = path.resolve()
    return real == real_root or real_root in real.parents


def read_folder(root: Path) -> tuple[list[Group], list[Violation]]:
    """Every group of objects under `root` (itself included), and what could not be read."""
    root = Path(root)
    violations: list[Violation] = []
    groups: list[Group] = []
    if not root.is_dir():
        violation = Violation(root.name, "Folder", root.name, "(folder)", "input/unreadable", "is not a folder")
        return groups, [violation]
    for folder, dirnames, filenames in os.walk(root):
        dirnames.sort()
        here = Path(folder)
        parts = here.relative_to(root).parts
        name = "/".join(parts) if parts else root.name
        if "Chart.yaml" in filenames:
            dirnames.clear()  # a Helm chart: its templates are not plain YAML
            if "helm" not in (*root.resolve().parts, *parts):
                violations.append(
                    Violation(
                        name,
                        "Folder",
                        name,
                        "Chart.yaml",
                        "input/helm-chart",
                        "makes ArgoCD render this folder as a Helm chart, not as the plain manifests it holds; "
                        "Helm charts belong under helm/",
                    )
                )
            continue
        group = Group(name)
        for filename in sorted(filenames):
            label = "/".join((*parts, filename))
            if filename.endswith(".jsonnet"):
                violations.append(
                    Violation(
                        name, "File", label, "(file)", "input/not-checked", "ArgoCD evaluates jsonnet; the gate cannot"
                    )
                )
            if not filename.endswith(MANIFEST_SUFFIXES):
                continue
            try:
                inside = _inside(here / filename, root)
            except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
                violations.append(Violation(name, "File", label, "(file)", "input/unreadable", "is a symlink loop"))
                continue
            if not inside:
                violations.append(
                    Violation(name, "File", label, "(file)", "input/unreadable", "is a symlink out of the folder")
                )
                continue
            objects, problems = read_file(here / filename, name, label)
            group.objects += objects
            violations += problems
        if group.objects:
            groups.append(group)
    if not groups:
        violations.append(
            Violation(
                root.name,
                "Folder",
                root.name,
                "(folder)",
                "input/no-objects",
                "holds no Kubernetes object in any *.yaml, *.yml or *.json file, here or below "
                "(Helm chart folders are skipped): the gate checked nothing",
            )
        )
    return groups, violations
