"""The gate: each rule catches a deliberately broken object with the expected report,
and the committed output passes every rule."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ENVS, PROJECT, ROOT, find

import main
from cdk8s_webservice import EnvironmentProfile, GateFailed, cli
from cdk8s_webservice.gate.references import RULES as REFERENCE_RULES
from cdk8s_webservice.output import MARKER
from charts.blacklist import BlacklistChart

Objects = list[dict[str, Any]]


def container(objs: Objects, deployment: str = "blacklist") -> dict[str, Any]:
    return find(objs, "Deployment", deployment)["spec"]["template"]["spec"]["containers"][0]


def pod(objs: Objects, deployment: str = "blacklist") -> dict[str, Any]:
    return find(objs, "Deployment", deployment)["spec"]["template"]["spec"]


def set_in(obj: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        obj = obj.setdefault(key, {})
    obj[last] = value


C = "spec.template.spec.containers[blacklist]"

# (rule, environment, how to break it, the violation expected: kind, name, field)
CASES: list[tuple[str, str, Callable[[Objects], None], tuple[str, str, str]]] = [
    ("schema/kubernetes-1.27", "development", lambda o: set_in(find(o, "Deployment", "blacklist"), "spec.replica", 3), ("Deployment", "blacklist", "spec.replica")),
    ("schema/kubernetes-1.27", "development", lambda o: set_in(find(o, "Service", "blacklist"), "spec.type", 7), ("Service", "blacklist", "spec.type")),
    ("schema/crd", "production", lambda o: set_in(find(o, "Canary", "blacklist"), "spec.analysis.stepWeights", 10), ("Canary", "blacklist", "spec.analysis.stepWeights")),
    ("schema/crd", "staging", lambda o: set_in(find(o, "ServiceMonitor", "blacklist"), "spec.endpoints", [{"port": 9090}]), ("ServiceMonitor", "blacklist", "spec.endpoints[0].port")),
    ("schema/known-kind", "development", lambda o: o.append({"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "namespace": "blacklist-dev"}}), ("Widget", "w", "apiVersion")),
    ("no-privileged", "development", lambda o: set_in(container(o), "securityContext.privileged", True), ("Deployment", "blacklist", f"{C}.securityContext.privileged")),
    ("no-privilege-escalation", "development", lambda o: container(o)["securityContext"].pop("allowPrivilegeEscalation"), ("Deployment", "blacklist", f"{C}.securityContext.allowPrivilegeEscalation")),
    ("run-as-non-root", "development", lambda o: (container(o)["securityContext"].pop("runAsNonRoot"), pod(o)["securityContext"].pop("runAsNonRoot")), ("Deployment", "blacklist", f"{C}.securityContext.runAsNonRoot")),
    ("run-as-non-root-user", "development", lambda o: set_in(pod(o), "securityContext.runAsUser", 0), ("Deployment", "blacklist", "spec.template.spec.securityContext.runAsUser")),
    ("read-only-root-filesystem", "development", lambda o: set_in(container(o), "securityContext.readOnlyRootFilesystem", False), ("Deployment", "blacklist", f"{C}.securityContext.readOnlyRootFilesystem")),
    ("drop-all-capabilities", "development", lambda o: set_in(container(o), "securityContext.capabilities", {"drop": ["NET_RAW"]}), ("Deployment", "blacklist", f"{C}.securityContext.capabilities.drop")),
    ("no-host-namespaces", "development", lambda o: set_in(pod(o), "hostNetwork", True), ("Deployment", "blacklist", "spec.template.spec.hostNetwork")),
    ("no-latest-image", "development", lambda o: set_in(container(o), "image", "registry.jclee.me/blacklist:latest"), ("Deployment", "blacklist", f"{C}.image")),
    ("no-latest-image", "development", lambda o: set_in(container(o), "image", "registry.jclee.me:5000/blacklist"), ("Deployment", "blacklist", f"{C}.image")),
    ("resources-requests", "development", lambda o: container(o)["resources"]["requests"].pop("memory"), ("Deployment", "blacklist", f"{C}.resources.requests.memory")),
    ("resources-limits", "development", lambda o: container(o)["resources"]["limits"].pop("cpu"), ("Deployment", "blacklist", f"{C}.resources.limits.cpu")),
    ("selector-matches-pods", "development", lambda o: set_in(find(o, "Service", "blacklist"), "spec.selector", {"app.kubernetes.io/name": "blacklst"}), ("Service", "blacklist", "spec.selector")),
    ("selector-matches-pods", "staging", lambda o: set_in(find(o, "PodDisruptionBudget", "blacklist"), "spec.selector.matchLabels.colour", "purple"), ("PodDisruptionBudget", "blacklist", "spec.selector")),
    ("selector-matches-pods", "production", lambda o: set_in(find(o, "NetworkPolicy", "blacklist"), "spec.podSelector.matchLabels", {"app.kubernetes.io/component": "worker"}), ("NetworkPolicy", "blacklist", "spec.podSelector")),
    ("service-target-port", "development", lambda o: find(o, "Service", "blacklist")["spec"]["ports"][0].update(targetPort="web"), ("Service", "blacklist", "spec.ports[http].targetPort")),
    ("servicemonitor-selects-service", "development", lambda o: find(o, "ServiceMonitor", "blacklist")["spec"]["selector"]["matchExpressions"][0].update(values=["blacklist-api"]), ("ServiceMonitor", "blacklist", "spec.selector")),
    ("servicemonitor-port", "production", lambda o: find(o, "ServiceMonitor", "blacklist")["spec"]["endpoints"][0].update(port="prometheus"), ("ServiceMonitor", "blacklist", "spec.endpoints.port")),
    ("prometheus-admitted", "staging", lambda o: find(o, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(1), ("ServiceMonitor", "blacklist", "spec.endpoints.port")),
    ("ingress-controller-admitted", "production", lambda o: find(o, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(0), ("Ingress", "blacklist", "spec.rules.http.paths.backend")),
    ("target-exists", "staging", lambda o: set_in(find(o, "HorizontalPodAutoscaler", "blacklist"), "spec.scaleTargetRef.name", "blacklist"), ("HorizontalPodAutoscaler", "blacklist", "spec.scaleTargetRef")),
    ("target-exists", "production", lambda o: set_in(find(o, "VerticalPodAutoscaler", "blacklist"), "spec.targetRef.name", "blacklist-main"), ("VerticalPodAutoscaler", "blacklist", "spec.targetRef")),
    ("target-exists", "production", lambda o: set_in(find(o, "Canary", "blacklist"), "spec.autoscalerRef.name", "blacklist-hpa"), ("Canary", "blacklist", "spec.autoscalerRef")),
    ("target-exists", "production", lambda o: set_in(find(o, "Canary", "blacklist"), "spec.targetRef.name", "blacklist-api"), ("Canary", "blacklist", "spec.targetRef")),
    ("target-exists", "production", lambda o: set_in(find(o, "Canary", "blacklist"), "spec.ingressRef.name", "web"), ("Canary", "blacklist", "spec.ingressRef")),
    ("target-exists", "production", lambda o: o.remove(find(o, "MetricTemplate", "blacklist-latency")), ("Canary", "blacklist", "spec.analysis.metrics[latency].templateRef")),
    ("target-exists", "staging", lambda o: find(o, "Ingress", "blacklist")["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"].update(name="web"), ("Ingress", "blacklist", "spec.rules.http.paths.backend.service.name")),
    ("service-port", "staging", lambda o: find(o, "Ingress", "blacklist")["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"].update(port={"name": "https"}), ("Ingress", "blacklist", "spec.rules.http.paths.backend.service.port")),
    ("name-dns1123", "development", lambda o: set_in(find(o, "ConfigMap", "blacklist-config"), "metadata.name", "Blacklist_Config"), ("ConfigMap", "Blacklist_Config", "metadata.name")),
    ("name-dns1123", "development", lambda o: set_in(find(o, "Role", "blacklist"), "metadata.name", "r" * 64), ("Role", "r" * 64, "metadata.name")),
    ("explicit-namespace", "development", lambda o: find(o, "ConfigMap", "blacklist-config")["metadata"].pop("namespace"), ("ConfigMap", "blacklist-config", "metadata.namespace")),
    ("label-value", "development", lambda o: set_in(find(o, "Service", "blacklist"), "metadata.labels.team", "platform team"), ("Service", "blacklist", "metadata.labels.team")),
    ("label-value", "development", lambda o: set_in(find(o, "Deployment", "blacklist"), "spec.template.metadata.labels.version", "v" * 64), ("Deployment", "blacklist", "spec.template.metadata.labels.version")),
    ("no-plain-secret", "development", lambda o: o.append({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "leak", "namespace": "blacklist-dev"}, "stringData": {"k": "v"}}), ("Secret", "leak", "data")),
]  # fmt: skip


@pytest.mark.parametrize("rule, env, breaks, where", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_catches_its_violation(manifest_gate, objects, rule, env, breaks, where) -> None:
    broken = copy.deepcopy(objects[env])
    breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(env, broken)}
    assert (*where, rule) in found, sorted(found)


def test_every_rule_has_a_negative_test() -> None:
    """Every rule any part of the gate can report (the registries of the Python
    modules, the rule names in the Rego policies, the schema rules) appears in a
    table of negative tests, and no table names a rule that does not exist."""
    from test_gate_inputs import CROSS_CASES, INPUT_CASES
    from test_pod_security import PSS_CASES

    from cdk8s_webservice.gate import inputs, pod_security, ports, selectors, violations

    tested = {case[0] for table in (CASES, PSS_CASES, INPUT_CASES, CROSS_CASES) for case in table}
    tested.add("gate/rule-failed")  # test_a_rule_module_failing_on_malformed_input_is_a_violation
    rego = "".join(p.read_text() for p in (ROOT / "policies").glob("*.rego"))
    policy_rules = set(re.findall(r'message\("([a-z0-9-]+)"', rego)) | {"resources-requests", "resources-limits"}
    assert policy_rules == {"read-only-root-filesystem", "no-latest-image", "resources-requests", "resources-limits"}
    schema_rules = {"schema/kubernetes-1.27", "schema/crd", "schema/known-kind"}
    registries = (REFERENCE_RULES, pod_security.RULES, inputs.RULES, ports.RULES, selectors.RULES, violations.RULES)
    every_rule = policy_rules | schema_rules | {rule for registry in registries for rule in registry}
    assert every_rule == tested, (sorted(every_rule - tested), sorted(tested - every_rule))


def test_every_pod_security_rule_names_its_control_and_scanner_checks() -> None:
    from cdk8s_webservice.gate.pod_security import RULES

    for rule, (control, checks) in RULES.items():
        assert control.startswith(("baseline: ", "restricted: ")), rule
        assert re.fullmatch(r"((CKV_K8S_\d+|KSV\d{3})(, |; )?)+", checks), (rule, checks)


@pytest.mark.parametrize("env", ENVS)
def test_the_committed_output_passes(manifest_gate, objects, env) -> None:
    assert manifest_gate.check(env, objects[env]) == []


def test_the_gate_cli_on_the_committed_folder(capsys) -> None:
    assert cli.main(["gate", "dist"], project=PROJECT, root=ROOT) == 0
    assert "dist/: every object passes the gate" in capsys.readouterr().out


class PrivilegedChart(BlacklistChart):
    """A chart that uses the escape hatch to break a rule."""

    def __init__(self, scope: Any, profile: EnvironmentProfile) -> None:
        super().__init__(scope, profile, sealed=main.read_sealed_values(main.SEALED_SECRETS))
        for workload in self.service.workloads.values():
            workload.deployment.add_json_patch(
                __import__("cdk8s").JsonPatch.replace(
                    "/spec/template/spec/containers/0/securityContext/privileged", True
                )
            )


def test_a_broken_chart_fails_synth_with_the_report_and_writes_nothing(tmp_path: Path, capsys) -> None:
    out = tmp_path / "dist"
    (out / "staging").mkdir(parents=True)
    (out / "staging" / "keep.yaml").write_text("previous\n")
    (out / MARKER).write_text("earlier output\n")
    broken = dataclasses.replace(PROJECT, chart=PrivilegedChart)
    assert cli.main(["synth", "--out", str(out)], project=broken, root=tmp_path) == 1
    report = capsys.readouterr().err
    assert "the gate refused 4 violation(s); nothing was written:" in report
    assert (
        "production: Deployment/blacklist: spec.template.spec.containers[blacklist].securityContext.privileged: "
        "[no-privileged] must not be true"
    ) in report
    assert "staging: Deployment/blacklist-green:" in report
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        MARKER,
        "staging/keep.yaml",
    ]
    with pytest.raises(GateFailed):
        broken.synthesize()


def test_gate_failure_is_an_exception_with_every_violation() -> None:
    broken = dataclasses.replace(PROJECT, chart=PrivilegedChart)
    with pytest.raises(GateFailed) as failure:
        broken.synthesize(["development"])
    assert [(v.environment, v.kind, v.rule) for v in failure.value.violations] == [
        ("development", "Deployment", "no-privileged")
    ]


def test_the_gate_worker_process_reports_what_the_in_process_gate_does(manifest_gate, objects) -> None:
    """Apps run the gate in a worker process (`prewarm(process=True)`): same verdicts."""
    from cdk8s_webservice.gate import GateSettings
    from cdk8s_webservice.gate.worker import GateProcess

    broken = copy.deepcopy(objects["production"])
    container(broken)["securityContext"]["privileged"] = True
    find(broken, "Canary", "blacklist")["spec"]["autoscalerRef"]["name"] = "nope"
    worker = GateProcess(GateSettings())
    try:
        assert worker.check("production", broken) == manifest_gate.check("production", broken)
        assert len(worker.check("production", broken)) == 2
        assert worker.check("production", objects["production"]) == []
    finally:
        worker.close()


def test_services_sharing_a_folder_are_checked_namespace_by_namespace(manifest_gate, objects) -> None:
    """Two copies of production in one folder, in two namespaces: each copy's
    references resolve in its own namespace, so breaking one copy is caught even
    though the other copy has an object of the same kind and name that is fine."""

    def renamespaced(namespace: str) -> list[dict]:
        copy_ = copy.deepcopy(objects["production"])
        for obj in copy_:
            if obj["kind"] == "Namespace":
                obj["metadata"]["name"] = namespace
            else:
                obj["metadata"]["namespace"] = namespace
        return copy_

    team_a, team_b = renamespaced("team-a"), renamespaced("team-b")
    assert manifest_gate.check("production", team_a + team_b) == []
    # team-a drops the ingress controller; team-b's policy of the same name must not hide that.
    find(team_a, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(0)
    found = [(v.kind, v.rule, v.message) for v in manifest_gate.check("production", team_a + team_b)]
    assert found == [
        (
            "Ingress",
            "ingress-controller-admitted",
            "no NetworkPolicy admits namespace ingress-nginx to blacklist-primary:http",
        )
    ]
