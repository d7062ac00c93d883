"""Schema rules: core kinds against Kubernetes' own OpenAPI schemas (strict: unknown
fields are errors), custom resources against the upstream CRDs in crds/ (closed: a
field the CRD does not declare is an error; `required`, enums, patterns, formats) and
their CEL rules (`cel`)."""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import hashlib
import importlib.resources
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import re2
import yaml
from referencing import Registry, Resource

from cdk8s_webservice.core.cache_files import read_checked, write_checked

from . import cel
from .memo import Memo
from .redaction import SECRET_KINDS, schema_message
from .registry import ANY_KIND, declare
from .violations import Violation

CRD_DIR = Path(__file__).resolve().parent.parent / "crds"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

declare(
    "schema/kubernetes-1.27",
    kinds=(ANY_KIND,),
    reason="a core object the API server refuses, or a field it would silently drop (strict: unknown fields)",
    source="Kubernetes 1.27 OpenAPI schemas (kubernetes-validate's files)",
    stage="schema",
)
declare(
    "schema/crd",
    kinds=(ANY_KIND,),
    reason="a custom resource its CRD refuses, or a field it does not declare",
    source="the CRD files in crds/ (and GateSettings.extra_crd_files), closed",
    stage="schema",
)
declare(
    "schema/known-kind",
    kinds=(ANY_KIND,),
    reason="a kind without a schema: nothing would check it",
    source="project: no kind goes unchecked",
    stage="schema",
)


def _int_within(bits: int) -> Callable[[object], bool]:
    low, high = -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

    def check(value: object) -> bool:
        # A float with an integral value passes JSON Schema's "integer" (1e100 does).
        return not isinstance(value, (int, float)) or isinstance(value, bool) or low <= value <= high

    return check


def _base64(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


@cache
def _re2(pattern: str) -> Any:
    return re2.compile(pattern)


def _pattern(
    validator: jsonschema.protocols.Validator, pattern: str, instance: object, schema: Mapping[str, Any]
) -> Iterator[jsonschema.ValidationError]:
    """`pattern` as the API server reads it: Go's regular expressions (RE2), which
    accept what Python's `re` refuses (`^(?i)(abort|warn)?$`) and differ in places."""
    if isinstance(instance, str) and not _re2(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


# JSON Schema 2020-12, with the API server's pattern engine.
CrdValidator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})

# The OpenAPI formats the API server enforces and JSON Schema does not know.
FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("int32")(_int_within(32))
FORMATS.checks("int64")(_int_within(64))
FORMATS.checks("byte")(_base64)


@cache
def _definitions(version: str) -> tuple[str, Registry]:
    # kubernetes-validate ships the schemas; its own validate() re-reads several
    # megabytes per object, so the files are loaded once and validators cached.
    folder = f"kubernetes-json-schema/v{version}.0-local-strict"
    root = importlib.resources.files("kubernetes_validate").joinpath(folder)
    definitions = json.loads(root.joinpath("_definitions.json").read_text())
    return folder, Resource.from_contents(definitions) @ Registry()


@cache
def core_validator(version: str, api_version: str, kind: str) -> jsonschema.protocols.Validator | None:
    folder, registry = _definitions(version)
    group_version = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
    path = importlib.resources.files("kubernetes_validate").joinpath(f"{folder}/{kind.lower()}-{group_version}.json")
    if not path.is_file():
        return None
    schema = json.loads(path.read_text())
    return jsonschema.Draft202012Validator(
        schema, registry=Resource.from_contents(schema) @ registry, format_checker=FORMATS
    )


def close_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """Reject undeclared fields wherever the CRD declares properties (and does not
    preserve unknown fields), as the API server prunes them silently."""
    closed = dict(schema)
    if "properties" in closed and not closed.get("x-kubernetes-preserve-unknown-fields"):
        closed.setdefault("additionalProperties", False)
    if "properties" in closed:
        closed["properties"] = {k: close_schema(v) for k, v in closed["properties"].items()}
    if isinstance(closed.get("items"), Mapping):
        closed["items"] = close_schema(closed["items"])
    if isinstance(closed.get("additionalProperties"), Mapping):
        closed["additionalProperties"] = close_schema(closed["additionalProperties"])
    if closed.get("x-kubernetes-int-or-string"):
        closed["type"] = ["integer", "string"]
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        # OpenAPI 3.0's boolean form, as JSON Schema 2020-12 says it.
        exclusive = closed.pop(bound) if isinstance(closed.get(bound), bool) else None
        if exclusive and limit in closed:
            closed[bound] = closed.pop(limit)
    return closed


def _with_object_meta(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The API server takes apiVersion, kind and metadata on every custom resource; upstream
    CRDs (Istio's) often declare only spec and status."""
    meta = {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"}}
    return {**schema, "properties": {**meta, **schema.get("properties", {})}}


CACHE_ENV = "CDK8S_WEBSERVICE_CACHE"  # the project's cache folder (runtime.configure sets it)
CRD_CACHE_FORMAT = "crd-schemas-2"  # change it when `crd_schemas` extracts differently


def crd_schemas(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(apiVersion, kind, openAPIV3Schema) of each version of each CRD in the file.

    Reading the YAML takes ~95 ms for these files (libyaml parses, Python builds the
    objects), JSON ~3 ms: the extracted schemas are cached as JSON under the project's
    cache folder, named by the SHA-256 of the file's bytes (so an edited file is read
    again, and two processes writing the same entry write the same bytes)."""
    data = path.read_bytes()
    folder = os.environ.get(CACHE_ENV)
    # The key: the file's bytes and how they are read (CRD_CACHE_FORMAT changes with
    # this function, so an older entry is never served).
    digest = hashlib.sha256(CRD_CACHE_FORMAT.encode() + b"\0" + data).hexdigest()
    cached = Path(folder) / "gate" / f"crd-{digest}.json" if folder else None
    if cached is not None:
        with contextlib.suppress(OSError, ValueError, TypeError):
            entries = json.loads(read_checked(cached) or b"null")  # None: missing or damaged
            if isinstance(entries, list) and all(
                isinstance(e, list)
                and len(e) == 3
                and isinstance(e[0], str)
                and isinstance(e[1], str)
                and isinstance(e[2], dict)
                for e in entries
            ):
                return [(a, k, schema) for a, k, schema in entries]
        # Not there yet, unreadable, or not what this function writes: read the YAML.
    schemas = []
    # libyaml where available: the Chaos Mesh Schedule CRD alone takes ~6 s in pure Python.
    for crd in yaml.load_all(data.decode("utf-8"), Loader=_LOADER):
        if not crd or crd.get("kind") != "CustomResourceDefinition":
            continue
        for version in crd["spec"]["versions"]:
            api_version = f"{crd['spec']['group']}/{version['name']}"
            schemas.append((api_version, crd["spec"]["names"]["kind"], version["schema"]["openAPIV3Schema"]))
    if cached is not None:
        write_checked(cached, json.dumps(schemas).encode("utf-8"))
    return schemas


@cache
def _all_crd_schemas(files: tuple[Path, ...]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (apiVersion, kind, schema) of the files, read once per process."""
    return [entry for path in files for entry in crd_schemas(path)]


def _declares_cel(schema: Any) -> bool:
    if isinstance(schema, dict):
        return "x-kubernetes-validations" in schema or any(_declares_cel(v) for v in schema.values())
    if isinstance(schema, list):
        return any(_declares_cel(v) for v in schema)
    return False


@cache
def _crd_raw(files: tuple[Path, ...]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(api_version, kind): schema for api_version, kind, schema in _all_crd_schemas(files)}


@cache
def _crd_validators(files: tuple[Path, ...]) -> dict[tuple[str, str], jsonschema.protocols.Validator]:
    validators = {}
    for api_version, kind, schema in _all_crd_schemas(files):
        validators[(api_version, kind)] = CrdValidator(close_schema(_with_object_meta(schema)), format_checker=FORMATS)
    return validators


@cache
def _crd_rules(files: tuple[Path, ...]) -> dict[tuple[str, str], dict[str, Any]]:
    """The schema of each kind whose CRD declares CEL rules (`x-kubernetes-validations`)."""
    return {
        (api_version, kind): schema for api_version, kind, schema in _all_crd_schemas(files) if _declares_cel(schema)
    }


def crd_files(extra: Iterable[Path] = ()) -> tuple[Path, ...]:
    return tuple(sorted(CRD_DIR.glob("*.yaml"))) + tuple(extra)


def _field(error: jsonschema.ValidationError) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    if error.validator == "additionalProperties":
        unexpected = re.findall(r"'([^']+)' was unexpected", error.message)
        if unexpected:
            path += f".{unexpected[0]}"
    return path.lstrip(".") or "(object)"


def check_schemas(
    environment: str,
    objects: Iterable[Mapping[str, Any]],
    *,
    kubernetes_version: str,
    crds: tuple[Path, ...],
    memo: tuple[Memo[list[Violation]], Mapping[int, str | None]] | None = None,
) -> list[Violation]:
    """Violations of the schema rules. With `memo` (the results so far, and each
    object's content digest by `id`), an object checked before (same content, in any
    folder) is not checked again."""
    violations: list[Violation] = []
    for obj in objects:
        digest = memo[1].get(id(obj)) if memo is not None else None
        # The environment is not part of the key: the same object in another folder (the
        # clusters of one environment hold mostly the same) has the same violations.
        key = (kubernetes_version, crds, digest)
        found = memo[0].get(key) if memo is not None and digest is not None else None
        if found is None:
            found = _check_object(environment, obj, kubernetes_version=kubernetes_version, crds=crds)
            if memo is not None and digest is not None:
                memo[0].put(key, found)
        violations += [
            v if v.environment == environment else dataclasses.replace(v, environment=environment) for v in found
        ]
    return violations


def _check_object(
    environment: str, obj: Mapping[str, Any], *, kubernetes_version: str, crds: tuple[Path, ...]
) -> list[Violation]:
    kind, api_version = obj.get("kind", "?"), obj.get("apiVersion", "?")
    name = obj.get("metadata", {}).get("name", "?")
    validator = _crd_validators(crds).get((api_version, kind))
    rule = "schema/crd"
    if validator is not None:
        # As the API server validates it: nulls of non-nullable fields dropped, defaults applied.
        obj = cel.with_defaults(dict(obj), _crd_raw(crds)[(api_version, kind)])
    if validator is None:
        validator = core_validator(kubernetes_version, api_version, kind)
        rule = f"schema/kubernetes-{kubernetes_version}"
    if validator is None:
        return [
            Violation(
                environment,
                kind,
                name,
                "apiVersion",
                "schema/known-kind",
                f"{api_version} {kind} has no schema (no CRD file declares it)",
            )
        ]
    secret = kind in SECRET_KINDS
    found = [
        Violation(environment, kind, name, _field(error), rule, schema_message(error) if secret else error.message)
        for error in validator.iter_errors(obj)
    ]
    # The CEL rules run on an object the schema admits, as on the API server.
    rules = _crd_rules(crds).get((api_version, kind)) if not found else None
    if rules is not None:
        found += [
            Violation(environment, kind, name, field, cel.RULE, message) for field, message in cel.failures(obj, rules)
        ]
    return found


def prepare_schemas(kubernetes_version: str, crds: tuple[Path, ...]) -> None:
    """Load the definitions and build the validators of the commonest kinds."""
    _crd_validators(crds)
    _crd_rules(crds)
    for api_version, kind in (
        ("apps/v1", "Deployment"),
        ("v1", "Service"),
        ("v1", "ConfigMap"),
        ("networking.k8s.io/v1", "NetworkPolicy"),
        ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ):
        core_validator(kubernetes_version, api_version, kind)
