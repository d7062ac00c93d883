"""The gate against the upstream CRDs (crds/UPSTREAM.md): `required`, enums and
patterns as the API server reads them, and the CRDs' CEL rules
(`x-kubernetes-validations`) evaluated with cel-python. Each case: one object,
changed from what the library renders, and the one line the gate answers."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from cdk8s_webservice.gate import Gate
from cdk8s_webservice.gate.cel import failures

ROOT = Path(__file__).resolve().parents[2]
CRDS = ROOT / "src" / "cdk8s_webservice" / "crds"
DIST = ROOT / "dist"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the ApplicationSet CRD is 1.4 MB


def rendered(path: str) -> dict[str, Any]:
    return cast(dict[str, Any], yaml.safe_load((DIST / path).read_text()))


def gate(tmp_path: Path, obj: dict[str, Any]) -> list[str]:
    """The gate's schema answers on one object (the other rules have tests of their own)."""
    return [
        f"{v.field}: [{v.rule}] {v.message}" for v in Gate().check(tmp_path.name, [obj]) if v.rule.startswith("schema/")
    ]


def _nodepool() -> dict[str, Any]:
    return rendered("production/prod-eu-west-1/nodepool-blacklist-production.yaml")


def _without_destination() -> dict[str, Any]:
    obj = rendered("argocd-applicationset/applicationset-blacklist.yaml")
    del obj["spec"]["template"]["spec"]["destination"]
    return obj


def _hostname_requirement() -> dict[str, Any]:
    obj = _nodepool()
    obj["spec"]["template"]["spec"]["requirements"].append({"key": "kubernetes.io/hostname", "operator": "Exists"})
    return obj


def _empty_in() -> dict[str, Any]:
    obj = _nodepool()
    obj["spec"]["template"]["spec"]["requirements"][0]["values"] = []
    return obj


def _schedule_without_duration() -> dict[str, Any]:
    obj = _nodepool()
    obj["spec"]["disruption"]["budgets"] = [{"nodes": "10%", "schedule": "0 9 * * mon-fri"}]
    return obj


def _role_and_instance_profile() -> dict[str, Any]:
    obj = rendered("production/prod-eu-west-1/ec2nodeclass-blacklist-production.yaml")
    obj["spec"]["instanceProfile"] = "KarpenterNodeInstanceProfile"
    return obj


def _wildcard_label_key() -> dict[str, Any]:
    obj = rendered("staging/authorizationpolicy-blacklist.yaml")
    obj["spec"]["selector"]["matchLabels"]["app.kubernetes.io/*"] = "x"
    return obj


def _bad_port_level_mtls() -> dict[str, Any]:
    obj = rendered("staging/peerauthentication-blacklist.yaml")
    obj["spec"]["portLevelMtls"] = {"70000": {"mode": "PERMISSIVE"}}
    return obj


def _canary_without_target() -> dict[str, Any]:
    obj = rendered("production/prod-eu-west-1/canary-blacklist.yaml")
    del obj["spec"]["targetRef"]
    return obj


def _bad_servicemonitor_scheme() -> dict[str, Any]:
    obj = rendered("staging/servicemonitor-blacklist.yaml")
    obj["spec"]["endpoints"][0]["scheme"] = "ftp"
    return obj


def _testrun_parallelism_string() -> dict[str, Any]:
    obj = rendered("staging/testrun-blacklist-load-test.yaml")
    obj["spec"]["parallelism"] = "two"
    return obj


def _bad_partial_response_strategy() -> dict[str, Any]:
    obj = rendered("staging/prometheusrule-blacklist.yaml")
    obj["spec"]["groups"][0]["partial_response_strategy"] = "sometimes"
    return obj


CASES = {
    # required: the API server refused the ApplicationSet of 0.4.0 for this
    "applicationset without template destination": (
        _without_destination,
        "spec.template.spec: [schema/crd] 'destination' is a required property",
    ),
    "nodepool requirement on kubernetes.io/hostname": (
        _hostname_requirement,
        'spec.template.spec.requirements[5].key: [schema/crd-cel] label "kubernetes.io/hostname" is restricted',
    ),
    "nodepool In without values": (
        _empty_in,
        "spec.template.spec.requirements: [schema/crd-cel] requirements with operator 'In' must have a value defined",
    ),
    "nodepool budget schedule without duration": (
        _schedule_without_duration,
        "spec.disruption.budgets: [schema/crd-cel] 'schedule' must be set with 'duration'",
    ),
    "ec2nodeclass role and instance profile": (
        _role_and_instance_profile,
        "spec: [schema/crd-cel] must specify exactly one of ['role', 'instanceProfile']",
    ),
    "authorizationpolicy wildcard label key": (
        _wildcard_label_key,
        "spec.selector.matchLabels: [schema/crd-cel] wildcard not allowed in label key match",
    ),
    "peerauthentication port out of range": (
        _bad_port_level_mtls,
        "spec.portLevelMtls: [schema/crd-cel] port must be between 1-65535",
    ),
    "canary without targetRef": (_canary_without_target, "spec: [schema/crd] 'targetRef' is a required property"),
    "servicemonitor scheme not in the enum": (
        _bad_servicemonitor_scheme,
        "spec.endpoints[0].scheme: [schema/crd] 'ftp'",
    ),
    # a Go (RE2) pattern, `^(?i)(abort|warn)?$`, which Python's own `re` cannot compile
    "prometheusrule partial response strategy": (
        _bad_partial_response_strategy,
        "spec.groups[0].partial_response_strategy: [schema/crd] 'sometimes' does not match",
    ),
    "testrun parallelism not an integer": (
        _testrun_parallelism_string,
        "spec.parallelism: [schema/crd] 'two' is not of type 'integer'",
    ),
}


# (rule, kind) of each case, for the gate's rule table (tests/gate/test_gate.py)
CRD_CASES = [
    (cast(re.Match[str], re.search(r"\[(schema/[a-z0-9-]+)\]", expected))[1], build()["kind"])
    for build, expected in CASES.values()
]


@pytest.mark.parametrize("case", list(CASES))
def test_the_upstream_crd_refuses(case: str, tmp_path: Path) -> None:
    build, expected = CASES[case]
    found = gate(tmp_path, build())
    assert any(line.startswith(expected) for line in found), found


def test_the_rendered_objects_pass_every_cel_rule(tmp_path: Path) -> None:
    for path in (
        "production/prod-eu-west-1/nodepool-blacklist-production.yaml",
        "production/prod-eu-west-1/ec2nodeclass-blacklist-production.yaml",
        "staging/authorizationpolicy-blacklist.yaml",
        "staging/peerauthentication-blacklist.yaml",
    ):
        assert gate(tmp_path, rendered(path)) == [], path


def test_defaults_and_nulls_are_read_as_the_api_server_stores_them(tmp_path: Path) -> None:
    """A budget without `nodes` (the CRD defaults it to 10%) and a `null` optional field
    (the API server drops it) are valid, not refused."""
    pool = _nodepool()
    pool["spec"]["disruption"]["budgets"] = [{"reasons": ["Drifted"]}]
    assert gate(tmp_path, pool) == []
    node_class = rendered("production/prod-eu-west-1/ec2nodeclass-blacklist-production.yaml")
    node_class["spec"]["instanceProfile"] = None
    assert gate(tmp_path, node_class) == []


def test_go_patterns_read_as_the_api_server_reads_them(tmp_path: Path) -> None:
    obj = _bad_partial_response_strategy()
    obj["spec"]["groups"][0]["partial_response_strategy"] = "ABORT"  # (?i): any case
    assert gate(tmp_path, obj) == []


def test_transition_rules_are_left_to_the_cluster() -> None:
    """`oldSelf` exists only on an update: such a rule is not evaluated on a new object."""
    schema = {
        "type": "object",
        "properties": {"spec": {"type": "object", "x-kubernetes-validations": [{"rule": "self == oldSelf"}]}},
    }
    assert failures({"spec": {"a": 1}}, schema) == []


def test_defaults_are_applied_before_the_rules() -> None:
    schema = {
        "type": "object",
        "properties": {
            "mode": {"type": "string", "default": "fast"},
            "spec": {"type": "object"},
        },
        "x-kubernetes-validations": [{"rule": "self.mode == 'fast'", "message": "mode must be fast"}],
    }
    assert failures({"spec": {}}, schema) == []
    assert failures({"mode": "slow"}, schema) == [("(object)", "mode must be fast")]


def test_a_rule_that_cannot_be_evaluated_refuses() -> None:
    schema = {"type": "object", "x-kubernetes-validations": [{"rule": "self.missing.size() > 0"}]}
    ((field, message),) = failures({}, schema)
    assert field == "(object)" and message.startswith("CEL rule 'self.missing.size() > 0' could not be evaluated")


@pytest.mark.parametrize("path", sorted(p.name for p in CRDS.glob("*.yaml")))
def test_vendored_crds_are_upstream_bytes(path: str) -> None:
    """Each file is the upstream file unchanged; a provenance header, where there is one,
    names the upstream file's SHA-256 and the commit."""
    text = (CRDS / path).read_bytes()
    header = [line for line in text.split(b"\n") if line.startswith(b"# ")][:3]
    if header and header[0].startswith(b"# Vendored unchanged"):
        digest = header[2].rsplit(b" ", 1)[1].decode()
        body = text.split(b"\n", 3)[3]
        assert hashlib.sha256(body).hexdigest() == digest
    documents = [d for d in yaml.load_all(text, Loader=LOADER) if d]
    assert documents and all(d["kind"] == "CustomResourceDefinition" for d in documents)


def test_every_custom_resource_kind_the_project_writes_has_an_upstream_crd() -> None:
    kinds = set()
    for path in DIST.rglob("*.yaml"):
        if "helm" in path.parts:
            continue
        for obj in yaml.safe_load_all(path.read_text()):
            if obj and "." in obj["apiVersion"].split("/")[0] and not obj["apiVersion"].endswith("k8s.io/v1"):
                kinds.add((obj["apiVersion"], obj["kind"]))
    declared = set()
    for path in CRDS.glob("*.yaml"):
        for crd in yaml.load_all(path.read_text(), Loader=LOADER):
            if crd:
                declared |= {
                    (f"{crd['spec']['group']}/{v['name']}", crd["spec"]["names"]["kind"])
                    for v in crd["spec"]["versions"]
                }
    assert kinds <= declared, sorted(kinds - declared)
    assert len(kinds) >= 14  # the output does write custom resources of every operator
