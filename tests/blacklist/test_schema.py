"""Every rendered object is valid: core kinds against Kubernetes 1.27's own schema,
custom resources against the upstream CRDs the project vendors (unknown fields rejected)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import re2
import yaml

from cdk8s_webservice.gate.schema import CrdValidator

CRD_DIR = Path(__file__).resolve().parents[2] / "crds"
KUBERNETES_VERSION = "1.27"
OBJECT_META = {"apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"}}


def crd_schemas() -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> JSON schema, closed: an undeclared field is an error."""
    schemas = {}
    for path in sorted(CRD_DIR.glob("*.yaml")):
        for crd in yaml.load_all(path.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            for version in crd["spec"]["versions"]:
                api_version = f"{crd['spec']['group']}/{version['name']}"
                root = dict(version["schema"]["openAPIV3Schema"])
                # Every object has these; upstream CRDs (Istio's) declare only spec and status.
                root["properties"] = {**OBJECT_META, **root["properties"]}
                schemas[(api_version, crd["spec"]["names"]["kind"])] = close(root)
    return schemas


def close(schema: dict[str, Any]) -> dict[str, Any]:
    schema = dict(schema)
    if "properties" in schema:
        schema["properties"] = {k: close(v) for k, v in schema["properties"].items()}
        schema.setdefault("additionalProperties", False)
    if isinstance(schema.get("items"), dict):
        schema["items"] = close(schema["items"])
    if isinstance(schema.get("additionalProperties"), dict):
        schema["additionalProperties"] = close(schema["additionalProperties"])
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        # OpenAPI 3.0's boolean form, as JSON Schema 2020-12 says it.
        exclusive = schema.pop(bound) if isinstance(schema.get(bound), bool) else None
        if exclusive and limit in schema:
            schema[bound] = schema.pop(limit)
    return schema


CUSTOM = crd_schemas()


@cache
def crd_validator(api_version: str, kind: str) -> jsonschema.protocols.Validator:
    """What `jsonschema.validate` makes on every call, made once per CRD: checking a large
    schema itself (chaos-mesh's Schedule: ~0.7 s) is most of the work."""
    schema = CUSTOM[(api_version, kind)]
    cls = jsonschema.validators.validator_for(schema)
    # The CRDs' patterns are Go's (RE2), which Python's `re` may refuse: checked as RE2.
    regexes = jsonschema.FormatChecker()
    regexes.checks("regex", raises=re2.error)(re2.compile)
    cls(cls.META_SCHEMA, format_checker=regexes).validate(schema)
    return CrdValidator(schema)


def validate(obj: dict[str, Any]) -> None:
    """`jsonschema.validate(obj, <its CRD's schema>)`: the same check, the same error."""
    error = jsonschema.exceptions.best_match(crd_validator(obj["apiVersion"], obj["kind"]).iter_errors(obj))
    if error is not None:
        raise error


@pytest.mark.parametrize("env", ["development", "staging", "production"])
def test_core_objects_valid_for_kubernetes_1_27_strict(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    errors = []
    checked = 0
    for obj in objects[env]:
        if (obj["apiVersion"], obj["kind"]) in CUSTOM:
            continue
        checked += 1
        try:
            kubernetes_validate.validate(obj, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            errors.append(f"{obj['kind']}/{obj['metadata']['name']}: {error.message}")
    assert errors == []
    assert checked >= 8


@pytest.mark.parametrize("env", ["development", "staging", "production"])
def test_custom_resources_valid_against_the_project_crds(objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    custom = [o for o in objects[env] if (o["apiVersion"], o["kind"]) in CUSTOM]
    assert {o["kind"] for o in custom} >= (
        {"ServiceMonitor"} if env == "development" else {"ServiceMonitor", "PrometheusRule", "SealedSecret"}
    )
    for obj in custom:
        validate(obj)


def test_the_schemas_reject_what_they_should(objects: dict[str, list[dict[str, Any]]]) -> None:
    """The checks above can fail: a strict 1.27 check refuses an unknown field, the
    CRD check an undeclared one and a wrong type."""
    deployment = next(o for o in objects["production"] if o["kind"] == "Deployment")
    broken = {**deployment, "spec": {**deployment["spec"], "replica": 3}}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)
    monitor = next(o for o in objects["production"] if o["kind"] == "ServiceMonitor")
    schema = CUSTOM[("monitoring.coreos.com/v1", "ServiceMonitor")]
    for check in (lambda obj: jsonschema.validate(obj, schema), validate):  # and the cached validator the same
        with pytest.raises(jsonschema.ValidationError, match="interval"):
            check({**monitor, "spec": {**monitor["spec"], "endpoints": [{"port": "metrics", "intervall": "30s"}]}})
        with pytest.raises(jsonschema.ValidationError):
            check({**monitor, "spec": {**monitor["spec"], "endpoints": [{"port": 9090}]}})
