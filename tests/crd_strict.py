"""Strict validation against the vendored upstream CRD files (crds/UPSTREAM.md): a field
a CRD does not declare is an error, as the API server's strict field validation says."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from cdk8s_webservice.gate.schema import close_schema

CRDS = Path(__file__).resolve().parent.parent / "src" / "cdk8s_webservice" / "crds"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def validator(file: str, api_version: str, kind: str) -> jsonschema.protocols.Validator:
    """The closed schema of `kind` at `api_version` in the vendored CRD file `file`."""
    for crd in yaml.load_all((CRDS / file).read_text(encoding="utf-8"), Loader=_LOADER):
        if crd["spec"]["names"]["kind"] != kind:
            continue
        for version in crd["spec"]["versions"]:
            if f"{crd['spec']['group']}/{version['name']}" == api_version:
                return jsonschema.Draft202012Validator(close_schema(version["schema"]["openAPIV3Schema"]))
    raise LookupError(f"{kind} {api_version} is not in {file}")


def errors(file: str, obj: Mapping[str, Any]) -> list[str]:
    """What the CRD in `file` refuses in `obj` (nothing: valid)."""
    check = validator(file, obj["apiVersion"], obj["kind"])
    return [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(obj)]
