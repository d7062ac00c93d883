"""Policy rules: the Rego policies in policies/ (package kubernetes.admission, rule
`deny`), evaluated in process by rego-cpp on each environment as one List.

policies/pod-security.rego enforces the Pod Security rules for OPA users (`opa eval`,
conftest, Gatekeeper) with the same names and fields as the Python rules
(`pod_security`), which the gate reports: their Rego reports are dropped here, and
tests/gate/test_pod_security_rego.py holds the two to one violation corpus."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import regopy

from .pod_security import RULES as REPORTED_IN_PYTHON
from .pods import pod_specs
from .registry import POD_BEARING, declare
from .violations import Violation

POLICY_DIR = Path(__file__).resolve().parent.parent / "policies"
QUERY = "data.kubernetes.admission.deny"

#: The rules of the library's own policies: (file, rule, what it refuses, checkov / trivy checks).
for _file, _id, _reason, _checks in (
    ("security.rego", "read-only-root-filesystem", "a container that can write to its image", "CKV_K8S_22; KSV014"),
    ("security.rego", "no-latest-image", "an image tagged latest, or not tagged", "CKV_K8S_14; KSV013"),
    (
        "resource-limits.rego",
        "resources-requests",
        "a container without a CPU or memory request",
        "CKV_K8S_10, CKV_K8S_12; KSV015, KSV016",
    ),
    (
        "resource-limits.rego",
        "resources-limits",
        "a container without a CPU or memory limit",
        "CKV_K8S_11, CKV_K8S_13; KSV011, KSV018",
    ),
):
    declare(_id, kinds=(POD_BEARING,), reason=_reason, source=f"policies/{_file}", stage="policy")
_MESSAGE = re.compile(r"\[(?P<rule>[^\]]+)\] (?P<kind>[^/]+)/(?P<name>[^:]+): (?P<field>[^:]+): (?P<message>.*)", re.S)


#: Kinds that carry a pod spec (custom resources with a pod template are found by
#: `pods.pod_specs`): the only objects the library's own policies read.
#: (Evaluating the others costs rego-cpp time and can find nothing.)
POD_KINDS = frozenset(
    {
        "Pod",
        "PodTemplate",
        "Deployment",
        "StatefulSet",
        "DaemonSet",
        "ReplicaSet",
        "ReplicationController",
        "Job",
        "CronJob",
    }
)


def policy_files(extra_dirs: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The library's policies, then those in `extra_dirs`."""
    return tuple(sorted(POLICY_DIR.glob("*.rego"))) + tuple(
        p for d in extra_dirs for p in sorted(Path(d).glob("*.rego"))
    )


@cache
def _interpreter(files: tuple[Path, ...]) -> regopy.Interpreter:
    interpreter = regopy.Interpreter()
    for path in files:
        interpreter.add_module(path.name, path.read_text(encoding="utf-8"))
    return interpreter


def prepare_policies(files: tuple[Path, ...]) -> None:
    """Parse the policies now (their first query then needs no compile)."""
    interpreter = _interpreter(files)
    interpreter.set_input_term('{"apiVersion": "v1", "kind": "List", "items": []}')
    interpreter.query(QUERY)


def check_policies(
    environment: str,
    objects: Iterable[Mapping[str, Any]],
    *,
    files: tuple[Path, ...],
    kinds: frozenset[str] | None = None,
) -> list[Violation]:
    """Violations of the policies in `files` by `objects` (only those of `kinds`, when given)."""
    items = [o for o in objects if kinds is None or o.get("kind") in kinds or pod_specs(o)]
    if not items:
        return []
    interpreter = _interpreter(files)
    interpreter.set_input_term(json.dumps({"apiVersion": "v1", "kind": "List", "items": items}))
    result = json.loads(str(interpreter.query(QUERY)))
    if "expressions" not in result:
        raise RuntimeError(f"policy evaluation failed: {result}")

    violations = []
    for text in sorted(result["expressions"][0]):
        match = _MESSAGE.fullmatch(text)
        if match is not None and match["rule"] in REPORTED_IN_PYTHON:
            continue
        if match is None:
            violations.append(Violation(environment, "?", "?", "?", "policy", text))
        else:
            violations.append(
                Violation(environment, match["kind"], match["name"], match["field"], match["rule"], match["message"])
            )
    return violations
