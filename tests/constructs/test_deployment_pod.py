"""`Deployment` alone: probes, extra ports, scheduling, sidecar and init containers,
extra volumes. The defaults reproduce the Deployment as it was."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, cast

import pytest

from cdk8s_webservice import (
    ConfigError,
    ExtraContainer,
    HealthChecks,
    Port,
    Probe,
    Resources,
    Scheduling,
    Volume,
    VolumeMount,
    testing,
)
from cdk8s_webservice.kinds.deployment_props import DeploymentProps
from cdk8s_webservice.kinds.scheduling import NodeAffinity, NodeRequirement, PodAntiAffinity, Toleration, TopologySpread
from cdk8s_webservice.kinds.workload import Deployment

RESOURCES = Resources(cpu_request="10m", cpu_limit="50m", memory_request="16Mi", memory_limit="32Mi")
PROXY = ExtraContainer(
    name="proxy",
    image="registry.example.com/proxy:v1.2.3",
    resources=RESOURCES,
    ports=(Port("proxy-metrics", 9113, scrape=True),),
    env={"MODE": "sidecar"},
    volume_mounts=(VolumeMount("certs", "/etc/certs"),),
)
MIGRATE = ExtraContainer(
    name="migrate",
    image="registry.example.com/migrate@sha256:" + "a" * 64,
    resources=RESOURCES,
    args=("--once",),
)


def props(**overrides: Any) -> DeploymentProps:
    values = {
        "identity": testing.identity(),
        "image": "registry.example.com/app:v1.0.0",
        "replicas": 2,
        "resources": RESOURCES,
        "port": 8080,
        "metrics_port": 9090,
        "config_name": "app-config",
        "config_checksum": "0" * 64,
        **overrides,
    }
    return DeploymentProps(**values)


def pod(**overrides: Any) -> dict[str, Any]:
    chart = testing.chart()
    Deployment(chart, "deployment", props=props(**overrides))
    objects = testing.synth(chart)
    assert testing.check(objects) == []
    result: dict[str, Any] = testing.find(objects, "Deployment", "app")["spec"]["template"]["spec"]
    return result


def test_default_probes_are_the_http_probes_of_before() -> None:
    (container,) = pod()["containers"]
    http = {"port": "http", "path": "/healthz"}
    assert container["startupProbe"] == {
        "httpGet": http,
        "periodSeconds": 5,
        "timeoutSeconds": 3,
        "failureThreshold": 24,
    }
    assert container["livenessProbe"] == {
        "httpGet": http,
        "periodSeconds": 10,
        "timeoutSeconds": 3,
        "failureThreshold": 3,
    }
    assert container["readinessProbe"]["successThreshold"] == 1
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"


def test_probes_of_every_kind_with_their_timings() -> None:
    health = HealthChecks(
        startup=Probe.tcp(port="admin", failure_threshold=60, period_seconds=2),
        liveness=Probe.exec(["cat", "/tmp/alive"], initial_delay_seconds=5, timeout_seconds=1),
        readiness=Probe.grpc(port=9000, service="ready", success_threshold=2),
    )
    (container,) = pod(health=health, ports=(Port("admin", 8081), Port("grpc", 9000)))["containers"]
    assert container["startupProbe"] == {
        "tcpSocket": {"port": "admin"},
        "periodSeconds": 2,
        "timeoutSeconds": 3,
        "failureThreshold": 60,
    }
    assert container["livenessProbe"]["exec"] == {"command": ["cat", "/tmp/alive"]}
    assert container["livenessProbe"]["initialDelaySeconds"] == 5
    assert container["livenessProbe"]["timeoutSeconds"] == 1
    assert container["readinessProbe"]["grpc"] == {"port": 9000, "service": "ready"}
    assert container["readinessProbe"]["successThreshold"] == 2
    http = Probe.http("/live", port=8080, period_seconds=7)
    (container,) = pod(health=HealthChecks(liveness=http))["containers"]
    assert container["livenessProbe"]["httpGet"] == {"path": "/live", "port": 8080}


def test_extra_ports_are_declared_after_http_and_metrics() -> None:
    (container,) = pod(ports=(Port("admin", 8081), Port("gossip", 7946, protocol="UDP")))["containers"]
    assert [(p["name"], p["containerPort"], p["protocol"]) for p in container["ports"]] == [
        ("http", 8080, "TCP"),
        ("metrics", 9090, "TCP"),
        ("admin", 8081, "TCP"),
        ("gossip", 7946, "UDP"),
    ]


def test_default_scheduling_is_the_zone_and_node_spread() -> None:
    spec = pod()
    assert [(c["topologyKey"], c["whenUnsatisfiable"]) for c in spec["topologySpreadConstraints"]] == [
        ("topology.kubernetes.io/zone", "ScheduleAnyway"),
        ("kubernetes.io/hostname", "DoNotSchedule"),
    ]
    for absent in ("nodeSelector", "tolerations", "affinity", "priorityClassName", "initContainers"):
        assert absent not in spec


def test_scheduling_props_render() -> None:
    scheduling = Scheduling(
        node_selector={"pool": "general"},
        tolerations=(Toleration(key="dedicated", value="web", effect="NoSchedule"),),
        node_affinity=(
            NodeAffinity((NodeRequirement("kubernetes.io/arch", "In", ("amd64", "arm64")),)),
            NodeAffinity((NodeRequirement("spot", "DoesNotExist"),), required=False, weight=50),
        ),
        pod_anti_affinity=PodAntiAffinity(required=True),
        priority_class_name="business-critical",
        topology_spread=(TopologySpread("topology.kubernetes.io/zone", max_skew=2),),
    )
    spec = pod(scheduling=scheduling)
    assert spec["nodeSelector"] == {"pool": "general"}
    assert spec["tolerations"] == [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"}]
    assert spec["priorityClassName"] == "business-critical"
    node = spec["affinity"]["nodeAffinity"]
    assert node["requiredDuringSchedulingIgnoredDuringExecution"]["nodeSelectorTerms"] == [
        {"matchExpressions": [{"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64", "arm64"]}]}
    ]
    assert node["preferredDuringSchedulingIgnoredDuringExecution"][0]["weight"] == 50
    (term,) = spec["affinity"]["podAntiAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"]
    assert term["topologyKey"] == "kubernetes.io/hostname"
    assert testing.selects(term["labelSelector"], testing.identity().pod_labels)
    assert [(c["topologyKey"], c["maxSkew"]) for c in spec["topologySpreadConstraints"]] == [
        ("topology.kubernetes.io/zone", 2)
    ]
    assert "topologySpreadConstraints" not in pod(scheduling=Scheduling(topology_spread=()))


def test_sidecars_and_init_containers_are_hardened_like_the_main_container() -> None:
    spec = pod(
        sidecars=(PROXY,),
        init_containers=(MIGRATE,),
        volumes=(Volume.secret("certs", "app-certs"),),
    )
    main, proxy = spec["containers"]
    (migrate,) = spec["initContainers"]
    for extra in (proxy, migrate):
        assert extra["securityContext"] == main["securityContext"]
        assert extra["resources"]["limits"] == {"cpu": "50m", "memory": "32Mi"}
        assert {"name": "tmp", "mountPath": "/tmp"} in extra["volumeMounts"]
    assert proxy["image"] == "registry.example.com/proxy:v1.2.3"
    assert proxy["ports"] == [{"name": "proxy-metrics", "containerPort": 9113, "protocol": "TCP"}]
    assert proxy["env"] == [{"name": "MODE", "value": "sidecar"}]
    assert {"name": "certs", "mountPath": "/etc/certs", "readOnly": True} in proxy["volumeMounts"]
    assert migrate["args"] == ["--once"] and "ports" not in migrate
    assert {"name": "certs", "secret": {"secretName": "app-certs"}} in spec["volumes"]


def test_every_restricted_volume_kind_renders_and_passes_the_gate() -> None:
    volumes = (
        Volume.config_map("settings", "app-settings", items={"app.yaml": "app.yaml"}),
        Volume.secret("certs", "app-certs", optional=True),
        Volume.empty_dir("cache", size="128Mi", medium="Memory"),
        Volume.projected(
            "bundle", Volume.config_map("x", "ca"), Volume.downward_api("y", {"labels": "metadata.labels"})
        ),
        Volume.downward_api("podinfo", {"name": "metadata.name"}),
        Volume.persistent_volume_claim("data", "app-data", read_only=True),
        Volume.ephemeral("scratch", size="1Gi", storage_class="fast"),
        Volume.csi("vault", "secrets-store.csi.k8s.io", attributes={"secretProviderClass": "app"}),
    )
    mounts = tuple(VolumeMount(v.name, f"/mnt/{v.name}") for v in volumes)
    spec = pod(volumes=volumes, volume_mounts=mounts)
    by_name = {v["name"]: v for v in spec["volumes"]}
    assert list(by_name) == ["tmp", *(v.name for v in volumes)]
    assert by_name["cache"]["emptyDir"] == {"medium": "Memory", "sizeLimit": "128Mi"}
    assert by_name["data"]["persistentVolumeClaim"] == {"claimName": "app-data", "readOnly": True}
    assert by_name["scratch"]["ephemeral"]["volumeClaimTemplate"]["spec"]["resources"] == {
        "requests": {"storage": "1Gi"}
    }
    assert by_name["bundle"]["projected"]["sources"][0] == {"configMap": {"name": "ca"}}
    assert by_name["vault"]["csi"]["driver"] == "secrets-store.csi.k8s.io"
    (container,) = spec["containers"]
    assert {"name": "data", "mountPath": "/mnt/data", "readOnly": True} in container["volumeMounts"]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Probe.http("healthz"), r"probe.path: 'healthz' is not allowed; an absolute HTTP path"),
        (
            lambda: Probe.grpc(port=cast(Any, "grpc")),
            r"probe.port: 'grpc' is not allowed; a port number from 1 to 65535",
        ),
        (lambda: Probe.tcp(port=70000), r"probe.port: 70000 is not allowed"),
        (lambda: Probe.exec([]), r"probe.command: \(\) is not allowed"),
        (lambda: Probe.exec("cat /tmp/ready"), r"probe.command: 'cat /tmp/ready' is not allowed"),
        (lambda: Probe.http("/", period_seconds=True), r"probe.period_seconds: True is not allowed"),
        (lambda: Probe.http("/", timeout_seconds=2**31), r"probe.timeout_seconds: 2147483648 is not allowed"),
        (
            lambda: HealthChecks(liveness=Probe.http("/", success_threshold=2)),
            r"health.liveness.success_threshold: 2 is not allowed; None or 1",
        ),
        (
            lambda: props(health=HealthChecks(readiness=Probe.tcp(port="admin"))),
            r"workload.health.readiness.port: 'admin'",
        ),
        (lambda: Port("HTTP-Admin", 8081), r"ports.name: 'HTTP-Admin' is not allowed; a port name"),
        (lambda: Port("admin", 0), r"ports\[admin\].number: 0 is not allowed"),
        (lambda: Port("admin", True), r"ports\[admin\].number: True is not allowed"),
        (lambda: Port("admin", 8081, protocol="HTTP"), r"ports\[admin\].protocol: 'HTTP' is not allowed"),
        (lambda: Port("admin", 8081, expose=False, scrape=True), r"ports\[admin\].scrape: True is not allowed"),
        (lambda: Port("admin", 8081, clients=("Bad_NS",)), r"ports\[admin\].clients: 'Bad_NS' is not allowed"),
        (lambda: props(ports=(Port("metrics", 8081),)), r"workload.ports\[metrics\].name: 'metrics' is not allowed"),
        (lambda: props(ports=(Port("admin", 9090),)), r"workload.ports\[admin\].number: 9090 is not allowed"),
        (
            lambda: props(
                ports=(Port("admin", 8081),),
                sidecars=(dataclasses.replace(PROXY, ports=(Port("admin", 8082),)),),
                volumes=(Volume.secret("certs", "c"),),
            ),
            r"workload.sidecars\[proxy\].ports\[admin\].name: 'admin' is not allowed",
        ),
        (lambda: Toleration(operator="Maybe"), r"scheduling.tolerations.operator: 'Maybe' is not allowed"),
        (lambda: Toleration(key="a", toleration_seconds=30), r"scheduling.tolerations.toleration_seconds: 30"),
        (lambda: NodeRequirement("pool", "In"), r"scheduling.node_affinity.values: \(\) is not allowed"),
        (lambda: NodeAffinity((), required=True), r"scheduling.node_affinity.requirements: \(\) is not allowed"),
        (lambda: PodAntiAffinity(weight=0), r"scheduling.pod_anti_affinity.weight: 0 is not allowed"),
        (lambda: Scheduling(priority_class_name="Critical!"), r"scheduling.priority_class_name: 'Critical!'"),
        (
            lambda: Scheduling(node_selector={"pool": cast(Any, 1)}),
            r"scheduling.node_selector\[pool\]: 1 is not allowed",
        ),
        (lambda: TopologySpread("zone", when_unsatisfiable="Never"), r"when_unsatisfiable: 'Never' is not allowed"),
        (
            lambda: Scheduling(topology_spread=(TopologySpread("zone"), TopologySpread("zone"))),
            r"scheduling.topology_spread: 'zone' is not allowed; each topology key once",
        ),
        (
            lambda: ExtraContainer("proxy", "registry.example.com/proxy:latest", RESOURCES),
            r"containers\[proxy\].image: 'registry.example.com/proxy:latest' is not allowed; a release tag",
        ),
        (
            lambda: ExtraContainer("proxy", "registry.example.com/proxy", RESOURCES),
            r"containers\[proxy\].image: 'registry.example.com/proxy' is not allowed; an image pinned",
        ),
        (lambda: ExtraContainer("Proxy", "r.example.com/p:v1", RESOURCES), r"containers.name: 'Proxy' is not allowed"),
        (
            lambda: ExtraContainer("proxy", "r.example.com/p:v1", cast(Any, None)),
            r"containers\[proxy\].resources: None is not allowed; a Resources",
        ),
        (lambda: props(sidecars=(MIGRATE, MIGRATE)), r"workload.sidecars.name: 'migrate' is not allowed"),
        (
            lambda: props(init_containers=(PROXY,), volumes=(Volume.secret("certs", "c"),)),
            r"init_containers\[proxy\].ports",
        ),
        (lambda: props(sidecars=(PROXY,)), r"sidecars\[proxy\].volume_mounts.volume: 'certs' is not allowed"),
        (
            lambda: Volume("host", "hostPath"),
            r"volumes\[host\].kind: 'hostPath' is not allowed; one of the Pod Security",
        ),
        (lambda: Volume.empty_dir("tmp"), r"volumes.name: 'tmp' is not allowed"),
        (lambda: Volume.empty_dir("cache", size="lots"), r"volumes\[cache\].size: 'lots' is not allowed"),
        (lambda: Volume.secret("certs", ""), r"volumes\[certs\].source: '' is not allowed"),
        (lambda: VolumeMount("certs", "etc/certs"), r"volume_mounts.path: 'etc/certs' is not allowed"),
        (
            lambda: props(volumes=(Volume.secret("a", "a"), Volume.secret("a", "b"))),
            r"workload.volumes.name: 'a' is not allowed; each volume name once",
        ),
        (
            lambda: props(volumes=(Volume.secret("a", "a"),), volume_mounts=(VolumeMount("a", "/tmp"),)),
            r"workload.volume_mounts.path: '/tmp' is not allowed",
        ),
    ],
)
def test_bad_pod_props_are_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
