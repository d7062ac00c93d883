"""Karpenter: `NodePool` and `EC2NodeClass` alone and through `WebService` (off by
default, on with `node_pool`), validated against the vendored upstream CRDs; bad
options refused naming field and value; blacklist's production ships them."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import pytest
import yaml
from cdk8s import JsonPatch
from conftest import ROOT

from cdk8s_webservice import (
    ConfigError,
    NodePoolOptions,
    ServiceLevelObjectives,
    Strategy,
    WebService,
    WebServiceProps,
    testing,
)
from cdk8s_webservice.addons.karpenter import CLUSTER_KINDS, EC2NodeClassOptions, NodeDisruptionBudget
from cdk8s_webservice.addons.node_pool import EC2NodeClass, NodePool
from cdk8s_webservice.core.names import CLUSTER_SCOPED
from cdk8s_webservice.gate.schema import check_schemas
from cdk8s_webservice.gitops.sync_waves import SYNC_WAVES

CRDS = ROOT / "src" / "cdk8s_webservice" / "crds"
VENDORED = {
    "NodePool": CRDS / "karpenter.sh_nodepools.yaml",
    "EC2NodeClass": CRDS / "karpenter.k8s.aws_ec2nodeclasses.yaml",
}


def node_class(**overrides: Any) -> EC2NodeClassOptions:
    values: dict[str, Any] = {"cluster_name": "test", "role": "KarpenterNodeRole-test", "ami_alias": "al2023@v20240807"}
    return EC2NodeClassOptions(**{**values, **overrides})


def options(**overrides: Any) -> NodePoolOptions:
    return NodePoolOptions(**{"node_class": node_class(), **overrides})


def web_service(**profile: Any) -> list[dict[str, Any]]:
    chart = testing.chart(testing.profile(**profile))
    service = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=chart.profile, slo=ServiceLevelObjectives()
        ),
    )
    objects = testing.synth(chart)
    assert (service.node_pool is None) == (profile.get("node_pool") is None)
    assert (service.ec2_node_class is None) == (profile.get("node_pool") is None)
    return objects


def strict_upstream(objects: list[dict[str, Any]]) -> list[Any]:
    """Violations of the vendored upstream CRDs alone (closed: unknown fields rejected)."""
    ours = [o for o in objects if o["kind"] in VENDORED]
    assert ours, "no Karpenter object to validate"
    return check_schemas("test", ours, kubernetes_version="1.27", crds=tuple(VENDORED.values()))


def test_off_by_default() -> None:
    assert testing.profile().node_pool is None
    objects = web_service()
    assert not testing.find_all(objects, "NodePool") and not testing.find_all(objects, "EC2NodeClass")
    pod = testing.find(objects, "Deployment", "app")["spec"]["template"]["spec"]
    assert "nodeSelector" not in pod and "tolerations" not in pod


def test_on_the_workload_runs_on_its_dedicated_pool() -> None:
    objects = web_service(node_pool=options(capacity_types=("spot",)))
    pool = testing.find(objects, "NodePool", "app-test")
    node_class_ = testing.find(objects, "EC2NodeClass", "app-test")
    template = pool["spec"]["template"]
    assert template["metadata"]["labels"] == {"app/dedicated": "test"}
    assert template["spec"]["taints"] == [{"key": "app/dedicated", "value": "test", "effect": "NoSchedule"}]
    assert template["spec"]["nodeClassRef"] == {
        "group": "karpenter.k8s.aws",
        "kind": "EC2NodeClass",
        "name": "app-test",
    }
    requirements = {r["key"]: (r["operator"], r["values"]) for r in template["spec"]["requirements"]}
    assert requirements == {
        "kubernetes.io/arch": ("In", ["amd64"]),
        "kubernetes.io/os": ("In", ["linux"]),
        "karpenter.sh/capacity-type": ("In", ["spot"]),
        "karpenter.k8s.aws/instance-category": ("In", ["c", "m", "r"]),
        "karpenter.k8s.aws/instance-generation": ("Gt", ["5"]),
    }
    assert pool["spec"]["limits"] == {"cpu": "64", "memory": "256Gi"}
    assert pool["spec"]["disruption"] == {
        "consolidationPolicy": "WhenEmptyOrUnderutilized",
        "consolidateAfter": "5m",
        "budgets": [{"nodes": "10%"}],
    }
    for obj in (pool, node_class_):
        assert "namespace" not in obj["metadata"]
    pod = testing.find(objects, "Deployment", "app")["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == {"app/dedicated": "test"}
    assert pod["tolerations"] == [
        {"key": "app/dedicated", "operator": "Equal", "value": "test", "effect": "NoSchedule"}
    ]
    assert testing.check(objects) == []
    assert strict_upstream(objects) == []


def test_the_node_class_requires_imdsv2_and_encrypts_its_root_volume() -> None:
    chart = testing.chart()
    construct = EC2NodeClass(
        chart, "nc", identity=testing.identity(), options=node_class(ami_alias="bottlerocket@v1.20.3", kms_key_id=KMS)
    )
    spec = testing.find(testing.synth(chart), "EC2NodeClass", "app-test")["spec"]
    assert construct.api_object.kind == "EC2NodeClass"
    assert spec["metadataOptions"] == {
        "httpEndpoint": "enabled",
        "httpProtocolIPv6": "disabled",
        "httpPutResponseHopLimit": 1,
        "httpTokens": "required",
    }
    (root,) = spec["blockDeviceMappings"]
    assert root == {
        "deviceName": "/dev/xvdb",
        "rootVolume": True,
        "ebs": {
            "volumeSize": "50Gi",
            "volumeType": "gp3",
            "encrypted": True,
            "deleteOnTermination": True,
            "kmsKeyID": KMS,
        },
    }
    assert spec["amiSelectorTerms"] == [{"alias": "bottlerocket@v1.20.3"}]
    assert (
        spec["subnetSelectorTerms"]
        == spec["securityGroupSelectorTerms"]
        == [{"tags": {"karpenter.sh/discovery": "test"}}]
    )
    # The CEL rules of the CRD the schema check cannot run: exactly one of role and instanceProfile.
    assert spec["role"] == "KarpenterNodeRole-test" and "instanceProfile" not in spec
    assert strict_upstream(testing.synth(chart)) == []


KMS = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def test_the_pool_alone_with_budgets_and_weight() -> None:
    chart = testing.chart()
    ident = testing.identity()
    nc = EC2NodeClass(chart, "nc", identity=ident, options=node_class())
    budgets = (
        NodeDisruptionBudget(nodes="1"),
        NodeDisruptionBudget(nodes="0", reasons=("Underutilized",), schedule="0 9 * * mon-fri", duration="8h"),
    )
    pool = NodePool(
        chart,
        "np",
        identity=ident,
        options=options(budgets=budgets, weight=50, consolidation_policy="WhenEmpty", architectures=("arm64", "amd64")),
        node_class=nc,
    )
    spec = testing.find(testing.synth(chart), "NodePool", "app-test")["spec"]
    assert pool.api_object.kind == "NodePool" and spec["weight"] == 50
    assert spec["disruption"]["budgets"] == [
        {"nodes": "1"},
        {"nodes": "0", "reasons": ["Underutilized"], "schedule": "0 9 * * mon-fri", "duration": "8h"},
    ]
    assert spec["disruption"]["consolidationPolicy"] == "WhenEmpty"
    assert strict_upstream(testing.synth(chart)) == []
    assert testing.check(testing.synth(chart)) == []


def test_schedule_keeps_what_the_pod_already_selects_and_tolerates() -> None:
    chart = testing.chart(testing.profile(node_pool=options()))
    service = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=chart.profile, slo=ServiceLevelObjectives()
        ),
    )
    other = WebService(
        testing.chart(),
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=testing.profile(), slo=ServiceLevelObjectives()
        ),
    )
    api = other.deployment.api_object
    api.add_json_patch(JsonPatch.add("/spec/template/spec/nodeSelector", {"disk": "ssd"}))
    api.add_json_patch(JsonPatch.add("/spec/template/spec/tolerations", [{"key": "gpu", "operator": "Exists"}]))
    assert service.node_pool is not None
    service.node_pool.schedule(other.deployment)
    pod = api.to_json()["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == {"disk": "ssd", "app/dedicated": "test"}
    assert [t["key"] for t in pod["tolerations"]] == ["gpu", "app/dedicated"]


def test_scheduling_as_props_gives_what_schedule_gives() -> None:
    """`NodePool.scheduling` (a Deployment's props, as WebService uses it) and
    `NodePool.schedule` (patches on a made Deployment) put the pods in the same place."""
    from cdk8s_webservice import Resources, Scheduling
    from cdk8s_webservice.kinds.deployment_props import DeploymentProps
    from cdk8s_webservice.kinds.scheduling import Toleration
    from cdk8s_webservice.kinds.workload import Deployment

    base = Scheduling(node_selector={"disk": "ssd"}, tolerations=(Toleration(key="gpu", operator="Exists"),))
    service = WebService(
        testing.chart(testing.profile(node_pool=options())),
        "app",
        props=WebServiceProps(
            name="app",
            image="registry.example.com/app",
            profile=testing.profile(node_pool=options()),
            slo=ServiceLevelObjectives(),
        ),
    )
    pool = service.node_pool
    assert pool is not None
    props = DeploymentProps(
        identity=testing.identity(),
        image="registry.example.com/app:v1",
        replicas=1,
        resources=Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi"),
        port=8080,
        metrics_port=9090,
        config_name="app-config",
        config_checksum="0" * 64,
        scheduling=base,
    )
    patched = Deployment(testing.chart(), "patched", props=props)
    pool.schedule(patched)
    made = Deployment(testing.chart(), "made", props=dataclasses.replace(props, scheduling=pool.scheduling(base)))
    by_schedule = patched.api_object.to_json()["spec"]["template"]["spec"]
    by_props = made.api_object.to_json()["spec"]["template"]["spec"]
    assert by_props == by_schedule
    assert by_props["nodeSelector"] == {"disk": "ssd", "app/dedicated": "test"}
    assert [t.get("key") for t in by_props["tolerations"]] == ["gpu", "app/dedicated"]


def test_blue_green_schedules_both_colours() -> None:
    objects = web_service(node_pool=options(), strategy=Strategy.BLUE_GREEN)
    for colour in ("blue", "green"):
        pod = testing.find(objects, "Deployment", f"app-{colour}")["spec"]["template"]["spec"]
        assert pod["nodeSelector"] == {"app/dedicated": "test"}
    assert testing.check(objects) == []


def test_strict_validation_rejects_unknown_fields() -> None:
    objects = web_service(node_pool=options())
    testing.find(objects, "NodePool", "app-test")["spec"]["template"]["spec"]["instanceTypes"] = ["m5.large"]
    testing.find(objects, "EC2NodeClass", "app-test")["spec"]["metadataOptions"]["httpTokenz"] = "required"
    fields = {v.field for v in strict_upstream(objects)}
    assert fields == {"spec.template.spec.instanceTypes", "spec.metadataOptions.httpTokenz"}


def test_the_vendored_crds_are_upstream_unchanged() -> None:
    """The header records the upstream file's sha256; the rest of the file is that file."""
    for kind, path in VENDORED.items():
        text = path.read_text(encoding="utf-8")
        header = [line for line in text.splitlines()[:3] if line.startswith("#")]
        digest = header[-1].rsplit(" ", 1)[-1]
        body = text.split("\n", len(header))[len(header)]
        assert hashlib.sha256(body.encode()).hexdigest() == digest, path
        crd = yaml.safe_load(body)
        assert crd["spec"]["names"]["kind"] == kind and crd["spec"]["scope"] == "Cluster"


def test_cluster_kinds_are_cluster_scoped_and_synced_before_the_workload() -> None:
    assert {kind for _, kind in CLUSTER_KINDS} <= CLUSTER_SCOPED
    assert CLUSTER_KINDS == (("karpenter.sh", "NodePool"), ("karpenter.k8s.aws", "EC2NodeClass"))
    assert SYNC_WAVES["EC2NodeClass"] < SYNC_WAVES["NodePool"] < SYNC_WAVES.get("Deployment", 0)


@pytest.mark.parametrize(
    ("build", "field", "value"),
    [
        (lambda: options(capacity_types=("cheap",)), "node_pool.capacity_types", "'cheap'"),
        (lambda: options(capacity_types=()), "node_pool.capacity_types", "()"),
        (lambda: options(capacity_types="spot"), "node_pool.capacity_types", "'spot'"),
        (lambda: options(architectures=("x86",)), "node_pool.architectures", "'x86'"),
        (lambda: options(instance_categories=("C5",)), "node_pool.instance_categories", "'C5'"),
        (lambda: options(min_instance_generation=0), "node_pool.min_instance_generation", "0"),
        (lambda: options(cpu_limit="lots"), "node_pool.cpu_limit", "'lots'"),
        (lambda: options(memory_limit="0Gi"), "node_pool.memory_limit", "'0Gi'"),
        (lambda: options(consolidation_policy="Always"), "node_pool.consolidation_policy", "'Always'"),
        (lambda: options(consolidate_after="5 minutes"), "node_pool.consolidate_after", "'5 minutes'"),
        (lambda: options(expire_after="30d"), "node_pool.expire_after", "'30d'"),
        (lambda: options(budgets=()), "node_pool.budgets", "()"),
        (lambda: options(weight=101), "node_pool.weight", "101"),
        (lambda: options(node_class={"role": "x"}), "node_pool.node_class", "{'role': 'x'}"),
        (lambda: NodeDisruptionBudget(nodes="150%"), "node_pool.budgets.nodes", "'150%'"),
        (lambda: NodeDisruptionBudget(reasons=("Expired",)), "node_pool.budgets.reasons", "'Expired'"),
        (lambda: NodeDisruptionBudget(schedule="@daily"), "node_pool.budgets.schedule", "'@daily'"),
        (lambda: NodeDisruptionBudget(schedule="@daily", duration="1d"), "node_pool.budgets.duration", "'1d'"),
        (lambda: node_class(ami_alias="al2023@latest"), "node_pool.node_class.ami_alias", "'al2023@latest'"),
        (lambda: node_class(ami_alias="windows2022@latest"), "node_pool.node_class.ami_alias", "'windows2022@latest'"),
        (lambda: node_class(role=""), "node_pool.node_class.role", "''"),
        (lambda: node_class(cluster_name="my cluster"), "node_pool.node_class.cluster_name", "'my cluster'"),
        (lambda: node_class(root_volume_size="10Gi"), "node_pool.node_class.root_volume_size", "'10Gi'"),
        (lambda: node_class(kms_key_id="my-key"), "node_pool.node_class.kms_key_id", "'my-key'"),
        (lambda: node_class(discovery_tag_key="bad key"), "node_pool.node_class.discovery_tag_key", "'bad key'"),
        (lambda: testing.profile(node_pool="yes"), "test.node_pool", "'yes'"),
        (lambda: testing.profile(node_pool=options(cpu_limit="75m")), "test.node_pool.cpu_limit", "'75m'"),
        (lambda: testing.profile(node_pool=options(memory_limit="100Mi")), "test.node_pool.memory_limit", "'100Mi'"),
    ],
)
def test_bad_values_are_refused_naming_field_and_value(build: Any, field: str, value: str) -> None:
    with pytest.raises(ConfigError) as error:
        build()
    assert str(error.value).startswith(f"{field}: {value} is not allowed"), str(error.value)


def test_blacklist_ships_its_pool_in_production_only(objects: dict[str, list[dict[str, Any]]]) -> None:
    for env in ("development", "staging"):
        assert not testing.find_all(objects[env], "NodePool") and not testing.find_all(objects[env], "EC2NodeClass")
    production = objects["production"]
    pool = testing.find(production, "NodePool", "blacklist-production")
    node_class_ = testing.find(production, "EC2NodeClass", "blacklist-production")
    capacity = next(
        r for r in pool["spec"]["template"]["spec"]["requirements"] if r["key"] == "karpenter.sh/capacity-type"
    )
    assert capacity["values"] == ["on-demand"]
    assert not node_class_["spec"]["amiSelectorTerms"][0]["alias"].endswith("@latest")
    pod = testing.find(production, "Deployment", "blacklist")["spec"]["template"]["spec"]
    assert pod["nodeSelector"] == {"blacklist/dedicated": "production"}
    assert strict_upstream([pool, node_class_]) == []
    for cluster in ("prod-eu-west-1", "prod-us-east-1"):
        assert Path(ROOT / "dist" / "production" / cluster / "nodepool-blacklist-production.yaml").is_file()
