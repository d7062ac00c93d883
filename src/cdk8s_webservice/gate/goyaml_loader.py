"""The gate's YAML loader: PyYAML's safe parser, with every plain scalar given the
value go-yaml v2 gives it (`goyaml.plain_value_v2`), so a manifest means to the
gate what it means to kubectl and Argo CD (sigs.k8s.io/yaml reads with go-yaml v2).

What the readers disagree on is refused rather than guessed (`ambiguous`): a `<<`
merge key (go-yaml v2 lets a later merge override the keys before it; v3 and PyYAML
do not), an explicit tag other than `!!str`, `!!map` and `!!seq` (`!!binary`,
`!!timestamp`, ...), a float mapping key (written as different strings) and a key
twice in one mapping (v2 keeps the last, v3 refuses the document).
"""

from __future__ import annotations

import json

import yaml

from .goyaml import plain_value_v2
from .registry import declare

for _id, _reason in {
    "input/yaml-merge-key": "a `<<` merge key: go-yaml v2 lets a later merge override the keys before it, v3 and PyYAML do not",
    "input/yaml-tag": "an explicit tag other than !!str, !!map, !!seq (`!!binary`, `!!timestamp`, ...)",
    "input/yaml-key": "a float mapping key: go-yaml v2 and PyYAML write it as different strings",
    "input/yaml-duplicate-key": 'a key twice in one mapping (`1` and `"1"` too): v2 keeps the last, v3 refuses it',
}.items():
    declare(
        _id,
        kinds=("File",),
        reason=_reason,
        source="go-yaml v2 (sigs.k8s.io/yaml: kubectl, Argo CD) against v3 (kustomize) and PyYAML",
        stage="inputs",
    )

PLAIN = "tag:cdk8s-webservice,2026:plain"
"""The tag the reader gives a plain scalar: its value is go-yaml v2's (`goyaml`)."""
_CORE = "tag:yaml.org,2002:"
#: Tags a document may carry: the plain and quoted strings, mappings and sequences.
#: An explicit `!!binary`, `!!timestamp`, `!!int` ... is read differently by go-yaml
#: v2, v3 and PyYAML (or is no JSON at all): refused.
READ_TAGS = frozenset({PLAIN, f"{_CORE}str", f"{_CORE}map", f"{_CORE}seq"})


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML whose plain scalars mean what they mean to go-yaml v2, the reader of
    sigs.k8s.io/yaml (kubectl, Argo CD): `y` and `off` are booleans, `0o17` is 15,
    `1:00` and timestamps are strings."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return PLAIN
        return str(super().resolve(kind, value, implicit))


Loader.add_constructor(PLAIN, lambda loader, node: plain_value_v2(node.value))


def _at(node: yaml.Node) -> str:
    return f"line {node.start_mark.line + 1}, column {node.start_mark.column + 1}"


def _json_key(key: yaml.ScalarNode) -> str:
    """The key as it ends up in JSON (sigs.k8s.io/yaml: true, 12, null)."""
    value = plain_value_v2(key.value) if key.tag == PLAIN else key.value
    return json.dumps(value) if not isinstance(value, str) else value


def _key_problem(key: yaml.Node, earlier: set[str]) -> tuple[str, str] | None:
    """(rule, message) for a mapping key the readers disagree on."""
    if not isinstance(key, yaml.ScalarNode) or key.tag not in READ_TAGS:
        return None  # a tag is reported with the node; a complex key does not parse
    if key.tag == PLAIN and key.value == "<<":
        return (
            "input/yaml-merge-key",
            f"<< ({_at(key)}): go-yaml v2 (kubectl, Argo CD) lets the merged keys override those before it, "
            "v3 and PyYAML do not; write the keys out",
        )
    if key.tag == PLAIN and isinstance(plain_value_v2(key.value), float):
        return "input/yaml-key", f"{key.value[:40]} ({_at(key)}): a float key, which the readers write differently"
    name = _json_key(key)
    if name in earlier:
        return (
            "input/yaml-duplicate-key",
            f"{name[:40]!r} ({_at(key)}) is a key twice in one mapping: go-yaml v2 keeps the last, v3 refuses it",
        )
    earlier.add(name)
    return None


def ambiguous(node: yaml.Node, seen: set[int] | None = None) -> tuple[str, str] | None:
    """(rule, message) for the first node the cluster's reader would read differently
    from another reader: an explicit tag (`READ_TAGS`), a merge, float or duplicate key."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return None
    seen.add(id(node))
    if node.tag not in READ_TAGS:
        tag = node.tag.replace(_CORE, "!!")
        return (
            "input/yaml-tag",
            f"{tag[:40]} ({_at(node)}): the YAML readers disagree on its value; write a plain value",
        )
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key, value in node.value:
            problem = _key_problem(key, keys)
            if problem is not None:
                return problem
            children += (key, value)
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    for child in children:
        found = ambiguous(child, seen)
        if found is not None:
            return found
    return None
