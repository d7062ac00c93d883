"""CEL rules of the CRDs (`x-kubernetes-validations`), evaluated as the API server does.

The API server first applies the schema's defaults, then evaluates each rule at the
node that declares it, with `self` bound to the value there, wherever that value is
present (list items and map values each in turn). A rule that is false, or that
cannot be evaluated, refuses the object with the rule's `message` (default: the rule).
Transition rules (those reading `oldSelf`) only run on an update, so they are left to
the cluster. The engine is cel-python (`celpy`), with the two Kubernetes CEL library
functions these CRDs call that plain CEL lacks: `find` (regex) and `split` (strings).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import celpy
from celpy import celtypes
from celpy.adapter import json_to_cel

from .registry import ANY_KIND, declare

RULE = "schema/crd-cel"
declare(
    RULE,
    kinds=(ANY_KIND,),
    reason="a custom resource one of its CRD's CEL rules (x-kubernetes-validations) refuses",
    source="the CRD files in crds/: x-kubernetes-validations, evaluated with cel-python",
    stage="schema",
)


def _find(text: Any, pattern: Any) -> celtypes.StringType:
    match = re.search(str(pattern), str(text))
    return celtypes.StringType(match.group(0) if match else "")


def _split(text: Any, separator: Any) -> celtypes.ListType:
    return celtypes.ListType([celtypes.StringType(part) for part in str(text).split(str(separator))])


_FUNCTIONS: dict[str, Any] = {"find": _find, "split": _split}
_ENVIRONMENT = celpy.Environment()


@cache
def _program(rule: str) -> Any:
    return _ENVIRONMENT.program(_ENVIRONMENT.compile(rule), functions=_FUNCTIONS)


def with_defaults(value: Any, schema: Mapping[str, Any]) -> Any:
    """`value` as the API server stores it before validating: a `null` field that is not
    `nullable` dropped, and the schema's `default`s filled in where a field is absent."""
    if isinstance(value, dict):
        declared = schema.get("properties", {})
        result = {k: v for k, v in value.items() if v is not None or k not in declared or declared[k].get("nullable")}
        for key, sub in declared.items():
            if key not in result and "default" in sub:
                result[key] = copy.deepcopy(sub["default"])
            if key in result:
                result[key] = with_defaults(result[key], sub)
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping):
            declared = schema.get("properties", {})
            result.update({k: with_defaults(v, extra) for k, v in result.items() if k not in declared})
        return result
    if isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        return [with_defaults(item, schema["items"]) for item in value]
    return value


def _nodes(value: Any, schema: Mapping[str, Any], path: str) -> Iterator[tuple[str, Any, Mapping[str, Any]]]:
    """Every (path, value, schema) pair of the object, parents first."""
    yield path, value, schema
    if isinstance(value, dict):
        declared = schema.get("properties", {})
        for key, item in value.items():
            sub = declared.get(key, schema.get("additionalProperties") if key not in declared else None)
            if isinstance(sub, Mapping):
                yield from _nodes(item, sub, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and isinstance(schema.get("items"), Mapping):
        for index, item in enumerate(value):
            yield from _nodes(item, schema["items"], f"{path}[{index}]")


def failures(obj: Mapping[str, Any], schema: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, message) of each CEL rule the object breaks."""
    found = []
    for path, value, node in _nodes(with_defaults(dict(obj), schema), schema, ""):
        for validation in node.get("x-kubernetes-validations", ()):
            rule = validation.get("rule", "")
            if "oldSelf" in rule:
                continue
            where = path + validation.get("fieldPath", "") if validation.get("fieldPath") else path
            try:
                result = _program(rule).evaluate({"self": json_to_cel(value)})
            except Exception as error:
                found.append((where or "(object)", f"CEL rule {rule!r} could not be evaluated: {error}"))
                continue
            if result is not True and not (isinstance(result, celtypes.BoolType) and bool(result)):
                found.append((where or "(object)", validation.get("message") or f"failed rule: {rule}"))
    return found
