"""The gate: each rule catches a deliberately broken object with the expected report,
and the committed output passes every rule."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest
from conftest import ENVS, PROJECT, ROOT, find

import main
from cdk8s_webservice import EnvironmentProfile, GateFailed, cli
from cdk8s_webservice.gate import Gate, Violation
from cdk8s_webservice.synthesis.output import MARKER
from charts.blacklist import BlacklistChart

Objects = list[dict[str, Any]]


def container(objs: Objects, deployment: str = "blacklist") -> dict[str, Any]:
    return cast(dict[str, Any], find(objs, "Deployment", deployment)["spec"]["template"]["spec"]["containers"][0])


def pod(objs: Objects, deployment: str = "blacklist") -> dict[str, Any]:
    return cast(dict[str, Any], find(objs, "Deployment", deployment)["spec"]["template"]["spec"])


def set_in(obj: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for key in parents:
        obj = obj.setdefault(key, {})
    obj[last] = value


C = "spec.template.spec.containers[blacklist]"


@dataclass(frozen=True)
class Case:
    """One negative test: a way to break `env`'s objects, and the violation expected."""

    rule: str
    env: str
    kind: str
    name: str
    field: str
    breaks: Callable[[Objects], None]

    @property
    def id(self) -> str:
        return self.breaks.__name__


CASES: list[Case] = []


def case(rule: str, env: str, kind: str, name: str, field: str) -> Callable[[Callable[[Objects], None]], Any]:
    """Register the function below as a negative test of `rule`."""

    def register(breaks: Callable[[Objects], None]) -> Callable[[Objects], None]:
        CASES.append(Case(rule, env, kind, name, field, breaks))
        return breaks

    return register


def backend(o: Objects) -> dict[str, Any]:
    """The Service backend of the staging Ingress's first path."""
    return cast(
        dict[str, Any], find(o, "Ingress", "blacklist")["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    )


@case("schema/kubernetes-1.27", "development", "Deployment", "blacklist", "spec.replica")
def misspelt_deployment_field(o: Objects) -> None:
    set_in(find(o, "Deployment", "blacklist"), "spec.replica", 3)


@case("schema/kubernetes-1.27", "development", "Service", "blacklist", "spec.type")
def service_type_not_a_string(o: Objects) -> None:
    set_in(find(o, "Service", "blacklist"), "spec.type", 7)


@case("schema/crd", "production", "Canary", "blacklist", "spec.analysis.stepWeights")
def canary_field_the_crd_lacks(o: Objects) -> None:
    set_in(find(o, "Canary", "blacklist"), "spec.analysis.stepWeights", 10)


@case("schema/crd", "staging", "ServiceMonitor", "blacklist", "spec.endpoints[0].port")
def scrape_port_a_number(o: Objects) -> None:
    set_in(find(o, "ServiceMonitor", "blacklist"), "spec.endpoints", [{"port": 9090}])


@case("schema/known-kind", "development", "Widget", "w", "apiVersion")
def unknown_kind(o: Objects) -> None:
    o.append(
        {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "namespace": "blacklist-dev"}}
    )


@case("no-privileged", "development", "Deployment", "blacklist", f"{C}.securityContext.privileged")
def privileged_container(o: Objects) -> None:
    set_in(container(o), "securityContext.privileged", True)


@case(
    "no-privilege-escalation", "development", "Deployment", "blacklist", f"{C}.securityContext.allowPrivilegeEscalation"
)
def escalation_allowed(o: Objects) -> None:
    container(o)["securityContext"].pop("allowPrivilegeEscalation")


@case("run-as-non-root", "development", "Deployment", "blacklist", f"{C}.securityContext.runAsNonRoot")
def root_allowed(o: Objects) -> None:
    container(o)["securityContext"].pop("runAsNonRoot")
    pod(o)["securityContext"].pop("runAsNonRoot")


@case("run-as-non-root-user", "development", "Deployment", "blacklist", "spec.template.spec.securityContext.runAsUser")
def run_as_root(o: Objects) -> None:
    set_in(pod(o), "securityContext.runAsUser", 0)


@case(
    "read-only-root-filesystem", "development", "Deployment", "blacklist", f"{C}.securityContext.readOnlyRootFilesystem"
)
def writable_root_filesystem(o: Objects) -> None:
    set_in(container(o), "securityContext.readOnlyRootFilesystem", False)


@case("drop-all-capabilities", "development", "Deployment", "blacklist", f"{C}.securityContext.capabilities.drop")
def capabilities_kept(o: Objects) -> None:
    set_in(container(o), "securityContext.capabilities", {"drop": ["NET_RAW"]})


@case("no-host-namespaces", "development", "Deployment", "blacklist", "spec.template.spec.hostNetwork")
def host_network(o: Objects) -> None:
    set_in(pod(o), "hostNetwork", True)


@case("no-latest-image", "development", "Deployment", "blacklist", f"{C}.image")
def latest_tag(o: Objects) -> None:
    set_in(container(o), "image", "registry.jclee.me/blacklist:latest")


@case("no-latest-image", "development", "Deployment", "blacklist", f"{C}.image")
def untagged_image_on_a_registry_port(o: Objects) -> None:
    set_in(container(o), "image", "registry.jclee.me:5000/blacklist")


@case("resources-requests", "development", "Deployment", "blacklist", f"{C}.resources.requests.memory")
def no_memory_request(o: Objects) -> None:
    container(o)["resources"]["requests"].pop("memory")


@case("resources-limits", "development", "Deployment", "blacklist", f"{C}.resources.limits.cpu")
def no_cpu_limit(o: Objects) -> None:
    container(o)["resources"]["limits"].pop("cpu")


@case("selector-matches-pods", "development", "Service", "blacklist", "spec.selector")
def service_selector_typo(o: Objects) -> None:
    set_in(find(o, "Service", "blacklist"), "spec.selector", {"app.kubernetes.io/name": "blacklst"})


@case("selector-matches-pods", "staging", "PodDisruptionBudget", "blacklist", "spec.selector")
def pdb_selects_no_pod(o: Objects) -> None:
    set_in(find(o, "PodDisruptionBudget", "blacklist"), "spec.selector.matchLabels.colour", "purple")


@case("selector-matches-pods", "production", "NetworkPolicy", "blacklist", "spec.podSelector")
def network_policy_selects_no_pod(o: Objects) -> None:
    set_in(
        find(o, "NetworkPolicy", "blacklist"), "spec.podSelector.matchLabels", {"app.kubernetes.io/component": "worker"}
    )


@case("service-target-port", "development", "Service", "blacklist", "spec.ports[http].targetPort")
def unknown_named_target_port(o: Objects) -> None:
    find(o, "Service", "blacklist")["spec"]["ports"][0].update(targetPort="web")


@case("servicemonitor-selects-service", "development", "ServiceMonitor", "blacklist", "spec.selector")
def monitor_selects_no_service(o: Objects) -> None:
    find(o, "ServiceMonitor", "blacklist")["spec"]["selector"]["matchExpressions"][0].update(values=["blacklist-api"])


@case("servicemonitor-port", "production", "ServiceMonitor", "blacklist", "spec.endpoints.port")
def scrape_port_the_service_lacks(o: Objects) -> None:
    find(o, "ServiceMonitor", "blacklist")["spec"]["endpoints"][0].update(port="prometheus")


@case("prometheus-admitted", "staging", "ServiceMonitor", "blacklist", "spec.endpoints.port")
def prometheus_not_admitted(o: Objects) -> None:
    find(o, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(1)


@case("ingress-controller-admitted", "production", "Ingress", "blacklist", "spec.rules.http.paths.backend")
def ingress_controller_not_admitted(o: Objects) -> None:
    find(o, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(0)


@case("target-exists", "staging", "HorizontalPodAutoscaler", "blacklist", "spec.scaleTargetRef")
def hpa_target_missing(o: Objects) -> None:
    set_in(find(o, "HorizontalPodAutoscaler", "blacklist"), "spec.scaleTargetRef.name", "blacklist")


@case("target-exists", "production", "VerticalPodAutoscaler", "blacklist", "spec.targetRef")
def vpa_target_missing(o: Objects) -> None:
    set_in(find(o, "VerticalPodAutoscaler", "blacklist"), "spec.targetRef.name", "blacklist-main")


@case("target-exists", "production", "Canary", "blacklist", "spec.autoscalerRef")
def canary_autoscaler_missing(o: Objects) -> None:
    set_in(find(o, "Canary", "blacklist"), "spec.autoscalerRef.name", "blacklist-hpa")


@case("target-exists", "production", "Canary", "blacklist", "spec.targetRef")
def canary_target_missing(o: Objects) -> None:
    set_in(find(o, "Canary", "blacklist"), "spec.targetRef.name", "blacklist-api")


@case("target-exists", "production", "Canary", "blacklist", "spec.ingressRef")
def canary_ingress_missing(o: Objects) -> None:
    set_in(find(o, "Canary", "blacklist"), "spec.ingressRef.name", "web")


@case("target-exists", "production", "Canary", "blacklist", "spec.analysis.metrics[latency].templateRef")
def metric_template_missing(o: Objects) -> None:
    o.remove(find(o, "MetricTemplate", "blacklist-latency"))


@case("target-exists", "staging", "Ingress", "blacklist", "spec.rules.http.paths.backend.service.name")
def ingress_backend_missing(o: Objects) -> None:
    backend(o).update(name="web")


@case("service-port", "staging", "Ingress", "blacklist", "spec.rules.http.paths.backend.service.port")
def ingress_backend_port_missing(o: Objects) -> None:
    backend(o).update(port={"name": "https"})


@case("object-name", "development", "ConfigMap", "Blacklist_Config", "metadata.name")
def name_not_dns1123(o: Objects) -> None:
    set_in(find(o, "ConfigMap", "blacklist-config"), "metadata.name", "Blacklist_Config")


@case("object-name", "development", "ConfigMap", "c" * 254, "metadata.name")
def name_too_long(o: Objects) -> None:
    set_in(find(o, "ConfigMap", "blacklist-config"), "metadata.name", "c" * 254)


@case("object-name", "development", "Role", "reader/all", "metadata.name")
def rbac_name_not_a_path_segment(o: Objects) -> None:
    set_in(find(o, "Role", "blacklist"), "metadata.name", "reader/all")


@case("object-name", "development", "Namespace", "blacklist.dev", "metadata.name")
def namespace_name_a_subdomain(o: Objects) -> None:
    set_in(find(o, "Namespace", "blacklist-dev"), "metadata.name", "blacklist.dev")


@case("object-name", "development", "Service", "1blacklist", "metadata.name")
def service_name_not_dns1035(o: Objects) -> None:
    set_in(find(o, "Service", "blacklist"), "metadata.name", "1blacklist")


@case("object-name", "development", "CronJob", "c" * 53, "metadata.name")
def cronjob_name_too_long_for_its_jobs(o: Objects) -> None:
    job = copy.deepcopy(find(o, "Deployment", "blacklist"))
    template = job["spec"]["template"]
    o.append(
        {
            "apiVersion": "batch/v1",
            "kind": "CronJob",
            "metadata": {"name": "c" * 53, "namespace": job["metadata"]["namespace"]},
            "spec": {"schedule": "0 * * * *", "jobTemplate": {"spec": {"template": template}}},
        }
    )


@case("dns-reachable", "development", "NetworkPolicy", "default-deny-all", "spec.egress")
def cronjob_beside_the_service_resolves_no_name(o: Objects) -> None:
    """A CronJob made beside the service: the namespace's default deny isolates it, and no
    policy gives its pods DNS."""
    template = copy.deepcopy(find(o, "Deployment", "blacklist")["spec"]["template"])
    template["metadata"]["labels"] = {"app.kubernetes.io/name": "cleanup"}
    o.append(
        {
            "apiVersion": "batch/v1",
            "kind": "CronJob",
            "metadata": {"name": "cleanup", "namespace": "blacklist-dev"},
            "spec": {"schedule": "0 * * * *", "jobTemplate": {"spec": {"template": template}}},
        }
    )


@case("rbac-no-wildcard", "development", "Role", "blacklist", "rules[0].resources")
def role_of_everything(o: Objects) -> None:
    find(o, "Role", "blacklist")["rules"][0].update(apiGroups=["*"], resources=["*"], verbs=["*"])


@case("rbac-no-wildcard", "development", "ClusterRole", "everything", "rules[0].verbs")
def cluster_role_of_every_verb(o: Objects) -> None:
    o.append(
        {
            "apiVersion": "rbac.authorization.k8s.io/v1",
            "kind": "ClusterRole",
            "metadata": {"name": "everything"},
            "rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["*"]}],
        }
    )


def bind_cluster_admin(o: Objects, kind: str) -> None:
    binding = copy.deepcopy(find(o, "RoleBinding", "blacklist"))
    binding.update(
        kind=kind, roleRef={"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"}
    )
    binding["metadata"]["name"] = "blacklist-admin"
    if kind == "ClusterRoleBinding":
        binding["metadata"].pop("namespace")
    o.append(binding)


@case("rbac-no-cluster-admin", "development", "ClusterRoleBinding", "blacklist-admin", "roleRef.name")
def cluster_admin_bound_to_the_service(o: Objects) -> None:
    bind_cluster_admin(o, "ClusterRoleBinding")


@case("rbac-no-cluster-admin", "development", "RoleBinding", "blacklist-admin", "roleRef.name")
def cluster_admin_bound_in_the_namespace(o: Objects) -> None:
    bind_cluster_admin(o, "RoleBinding")


@case("no-ephemeral-containers", "development", "Deployment", "blacklist", "spec.template.spec.ephemeralContainers")
def ephemeral_container_in_the_template(o: Objects) -> None:
    """Hardened like the main container: only the API server's rule is broken."""
    pod(o)["ephemeralContainers"] = [{**copy.deepcopy(container(o)), "name": "debug"}]


@case(
    "namespace-enforces-restricted",
    "development",
    "Namespace",
    "blacklist-dev",
    "metadata.labels.pod-security.kubernetes.io/enforce",
)
def namespace_enforces_privileged(o: Objects) -> None:
    find(o, "Namespace", "blacklist-dev")["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] = "privileged"


@case("object-unique", "development", "ConfigMap", "blacklist-config", "metadata.name")
def configmap_twice(o: Objects) -> None:
    o.append(copy.deepcopy(find(o, "ConfigMap", "blacklist-config")))


@case("explicit-namespace", "development", "ConfigMap", "blacklist-config", "metadata.namespace")
def namespace_missing(o: Objects) -> None:
    find(o, "ConfigMap", "blacklist-config")["metadata"].pop("namespace")


@case("label-value", "development", "Service", "blacklist", "metadata.labels.team")
def label_value_with_a_space(o: Objects) -> None:
    set_in(find(o, "Service", "blacklist"), "metadata.labels.team", "platform team")


@case("label-value", "development", "Deployment", "blacklist", "spec.template.metadata.labels.version")
def template_label_too_long(o: Objects) -> None:
    set_in(find(o, "Deployment", "blacklist"), "spec.template.metadata.labels.version", "v" * 64)


@case("no-plain-secret", "development", "Secret", "leak", "data")
def plain_secret(o: Objects) -> None:
    o.append(
        {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": "leak", "namespace": "blacklist-dev"},
            "stringData": {"k": "v"},
        }
    )


# Karpenter (production has blacklist's NodePool and EC2NodeClass).
POOL = "blacklist-production"


def pool_spec(o: Objects) -> dict[str, Any]:
    return cast(dict[str, Any], find(o, "NodePool", POOL)["spec"]["template"]["spec"])


@case("nodepool-satisfiable", "production", "NodePool", POOL, "spec.template.spec.requirements[2]")
def capacity_type_karpenter_does_not_know(o: Objects) -> None:
    pool_spec(o)["requirements"][2]["values"] = ["cheap"]


@case("nodepool-satisfiable", "production", "NodePool", POOL, "spec.template.spec.requirements[5]")
def generation_bounds_that_exclude_each_other(o: Objects) -> None:
    pool_spec(o)["requirements"].append(
        {"key": "karpenter.k8s.aws/instance-generation", "operator": "Lt", "values": ["6"]}
    )


@case("nodepool-node-class", "production", "NodePool", POOL, "spec.template.spec.nodeClassRef")
def node_class_missing(o: Objects) -> None:
    o.remove(find(o, "EC2NodeClass", POOL))


@case("nodepool-scheduling", "production", "Deployment", "blacklist", "spec.template.spec.tolerations")
def pool_taint_not_tolerated(o: Objects) -> None:
    pod(o, "blacklist").pop("tolerations")


@case("nodepool-scheduling", "production", "Deployment", "blacklist", "spec.template.spec.nodeSelector")
def pool_label_not_selected(o: Objects) -> None:
    pod(o, "blacklist").pop("nodeSelector")


@case("ec2nodeclass-imdsv2", "production", "EC2NodeClass", POOL, "spec.metadataOptions.httpTokens")
def imdsv1_allowed(o: Objects) -> None:
    set_in(find(o, "EC2NodeClass", POOL), "spec.metadataOptions.httpTokens", "optional")


@case("ec2nodeclass-encrypted-root", "production", "EC2NodeClass", POOL, "spec.blockDeviceMappings[0].ebs.encrypted")
def root_volume_unencrypted(o: Objects) -> None:
    set_in(find(o, "EC2NodeClass", POOL)["spec"]["blockDeviceMappings"][0], "ebs.encrypted", False)


@case("ec2nodeclass-pinned-ami", "production", "EC2NodeClass", POOL, "spec.amiSelectorTerms[0].alias")
def floating_ami_alias(o: Objects) -> None:
    find(o, "EC2NodeClass", POOL)["spec"]["amiSelectorTerms"] = [{"alias": "al2023@latest"}]


@case("schema/crd", "production", "NodePool", POOL, "spec.disruption.consolidationPolicy")
def consolidation_policy_misspelt(o: Objects) -> None:
    set_in(find(o, "NodePool", POOL), "spec.disruption.consolidationPolicy", "WhenIdle")


@pytest.mark.parametrize(
    "kind, name",
    [
        ("ConfigMap", "blacklist.extra"),
        ("Deployment", "blacklist.v2"),
        ("Role", "system:blacklist-reader"),
        ("ServiceMonitor", "blacklist.metrics"),
    ],
)
def test_names_the_api_server_accepts_pass(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], kind: str, name: str
) -> None:
    """A DNS-1123 subdomain (a dot) where the kind allows one, a path segment for RBAC."""
    broken = copy.deepcopy(objects["staging" if kind == "ServiceMonitor" else "development"])
    obj = find(broken, kind, "blacklist-config" if kind == "ConfigMap" else "blacklist")
    obj["metadata"]["name"] = name
    found = [v for v in manifest_gate.check("development", [obj]) if v.field == "metadata.name"]
    assert found == []


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule}-{c.id}" for c in CASES])
def test_each_rule_catches_its_violation(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], case: Case
) -> None:
    broken = copy.deepcopy(objects[case.env])
    case.breaks(broken)
    found = {(v.kind, v.name, v.field, v.rule) for v in manifest_gate.check(case.env, broken)}
    assert (case.kind, case.name, case.field, case.rule) in found, sorted(found)


def test_every_rule_has_a_negative_test() -> None:
    """Every row of the rule table (`gate.registry`: the Python rules, and those the
    reader, the schemas and the Rego policies report) has a negative test, each
    Python rule for every kind it checks differently; no test names a rule that
    does not exist."""
    from test_gate_crds import CRD_CASES
    from test_gate_flags_chaos import FLAGS_CHAOS_CASES
    from test_gate_goyaml import CASES as GOYAML_CASES
    from test_gate_inputs import CROSS_CASES, INPUT_CASES
    from test_gate_mesh import MESH_CASES
    from test_multi_cluster import MULTI_CLUSTER_CASES
    from test_pod_security import PSS_CASES

    from cdk8s_webservice.gate.registry import ANY_KIND, POD_BEARING, table

    rows = table()
    tested = {(c.rule, c.kind) for c in CASES}
    tested |= {(rule, "Deployment") for rule, _, _ in PSS_CASES}
    tested |= {(rule, where[0]) for rule, _, where in CROSS_CASES}
    tested |= {(rule, where[1]) for rule, _, _, where in INPUT_CASES}
    tested |= {(rule, where[0]) for rule, _, _, where in MESH_CASES}
    tested |= {(rule, where[0]) for rule, _, _, where in FLAGS_CHAOS_CASES}
    tested |= {(rule, where[0]) for rule, _, _, where in MULTI_CLUSTER_CASES}
    tested |= set(CRD_CASES)
    tested |= {(rule, "File") for _, _, _, rule in GOYAML_CASES}
    tested.add(("gate/rule-failed", "-"))  # test_a_rule_module_failing_on_malformed_input_is_a_violation
    tested_rules = {rule for rule, _ in tested}
    rego = "".join(p.read_text() for p in (ROOT / "policies").glob("*.rego"))
    from cdk8s_webservice.gate.pod_security import RULES as PSS

    policy_rules = set(re.findall(r'message\("([a-z0-9-]+)"', rego)) - set(PSS) | {
        "resources-requests",
        "resources-limits",
    }
    assert policy_rules == {row.id for row in rows if row.stage == "policy"}
    every_rule = {row.id for row in rows}
    assert every_rule == tested_rules, (sorted(every_rule - tested_rules), sorted(tested_rules - every_rule))
    for row in rows:
        if row.check is not None and not {ANY_KIND, POD_BEARING} & set(row.kinds):
            assert any((row.id, kind) in tested for kind in row.kinds), (row.id, row.kinds)


def test_every_rule_names_its_source_and_the_readme_lists_them() -> None:
    """Pod Security rules name their control and the checkov / trivy checks of the
    same field; every row names a source and a reason; the table in docs/gate.md is the registry's."""
    from cdk8s_webservice.gate.pod_security import RULES
    from cdk8s_webservice.gate.registry import markdown, table

    for rule, row in RULES.items():
        assert row.source.startswith(("baseline: ", "restricted: ")), rule
        assert re.fullmatch(r"((CKV_K8S_\d+|KSV\d{3})(, |; )?)+", row.checks), (rule, row.checks)
    for row in table():
        assert row.source and row.reason, row
    assert markdown() in (ROOT / "docs" / "gate.md").read_text(), "regenerate: gate.registry.markdown()"


@pytest.mark.parametrize("env", ENVS)
def test_the_committed_output_passes(manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]], env: str) -> None:
    assert manifest_gate.check(env, objects[env]) == []


def test_the_gate_cli_on_the_committed_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["gate", "dist"], project=PROJECT, root=ROOT) == 0
    assert "dist/: every object passes the gate" in capsys.readouterr().out


class PrivilegedChart(BlacklistChart):
    """A chart that uses the escape hatch to break a rule."""

    def __init__(self, scope: Any, profile: EnvironmentProfile) -> None:
        super().__init__(scope, profile, sealed=main.read_sealed_values(main.SEALED_SECRETS))
        for deployment in self.web_service.deployments.values():
            deployment.api_object.add_json_patch(
                __import__("cdk8s").JsonPatch.replace(
                    "/spec/template/spec/containers/0/securityContext/privileged", True
                )
            )


def test_a_broken_chart_fails_synth_with_the_report_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dist"
    (out / "staging").mkdir(parents=True)
    (out / "staging" / "keep.yaml").write_text("previous\n")
    (out / MARKER).write_text("earlier output\n")
    broken = dataclasses.replace(PROJECT, chart=PrivilegedChart)
    assert cli.main(["synth", "--out", str(out)], project=broken, root=tmp_path) == 1
    report = capsys.readouterr().err
    # One per Deployment: development, staging's two colours, production on each of its two clusters.
    assert "the gate refused 5 violation(s); nothing was written:" in report
    assert (
        "production/prod-us-east-1: Deployment/blacklist: spec.template.spec.containers[blacklist].securityContext."
        "privileged: [no-privileged] must not be true"
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
    assert [(v.environment, v.kind, v.rule) for v in cast(list[Violation], failure.value.violations)] == [
        ("development", "Deployment", "no-privileged")
    ]


def test_the_gate_worker_process_reports_what_the_in_process_gate_does(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
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


def test_services_sharing_a_folder_are_checked_namespace_by_namespace(
    manifest_gate: Gate, objects: dict[str, list[dict[str, Any]]]
) -> None:
    """Two copies of production in one folder, in two namespaces: each copy's
    references resolve in its own namespace, so breaking one copy is caught even
    though the other copy has an object of the same kind and name that is fine."""

    def renamespaced(namespace: str) -> list[dict[str, Any]]:
        copy_ = copy.deepcopy(objects["production"])
        for obj in copy_:
            if obj["kind"] == "Namespace":
                obj["metadata"]["name"] = namespace
            else:
                obj["metadata"]["namespace"] = namespace
            for source in obj["spec"].get("sources", []) if obj["kind"] == "FeatureFlagSource" else []:
                source["source"] = f"{namespace}/{source['source'].rpartition('/')[2]}"
        return copy_

    from cdk8s_webservice.core.names import CLUSTER_SCOPED

    # The cluster-scoped objects (the NodePool, ...) once: two would be one object defined twice.
    team_a = renamespaced("team-a")
    team_b = [o for o in renamespaced("team-b") if o["kind"] not in CLUSTER_SCOPED or o["kind"] == "Namespace"]
    assert manifest_gate.check("production", team_a + team_b) == []
    # team-a drops the ingress controller; team-b's policy of the same name must not hide that.
    find(team_a, "NetworkPolicy", "blacklist")["spec"]["ingress"].pop(0)
    found = [(v.kind, v.rule, v.message) for v in manifest_gate.check("production", team_a + team_b)]
    # Production is meshed: its AuthorizationPolicy allows the controller, which no longer gets through.
    assert found == [
        (
            "AuthorizationPolicy",
            "mesh-callers-admitted",
            "no NetworkPolicy admits namespace ingress-nginx to blacklist-primary:8080",
        ),
        (
            "AuthorizationPolicy",
            "mesh-callers-admitted",
            "no NetworkPolicy admits namespace ingress-nginx to blacklist:8080",
        ),
        # Once per host sending there: blacklist.jclee.me and the cluster's regional host.
        *[
            (
                "Ingress",
                "ingress-controller-admitted",
                "no NetworkPolicy admits namespace ingress-nginx to blacklist-primary:http",
            )
        ]
        * 2,
    ]
