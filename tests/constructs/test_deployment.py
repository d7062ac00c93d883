"""`Deployment` (hardened) and `ConfigMap` (with its checksum) alone."""

from __future__ import annotations

from typing import Any

import pytest

from cdk8s_webservice import ConfigError, Resources, testing
from cdk8s_webservice.kinds.config_map import ConfigMap
from cdk8s_webservice.kinds.deployment_props import DeploymentProps
from cdk8s_webservice.kinds.workload import Deployment

RESOURCES = Resources(cpu_request="50m", cpu_limit="100m", memory_request="64Mi", memory_limit="128Mi")


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


def test_a_hardened_deployment_whose_selector_selects_its_pods() -> None:
    chart = testing.chart()
    construct = Deployment(chart, "deployment", props=props())
    obj = testing.find(testing.synth(chart), "Deployment", "app")
    assert obj["spec"]["replicas"] == 2
    assert testing.selects(obj["spec"]["selector"], testing.pod_labels(obj))
    pod = obj["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False and pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert {p["name"]: p["containerPort"] for p in container["ports"]} == {"http": 8080, "metrics": 9090}
    assert obj["spec"]["template"]["metadata"]["annotations"]["checksum/config"] == "0" * 64
    assert construct.api_object.kind == "Deployment" and construct.name == "app"


def test_pod_annotations_join_the_deployments_own() -> None:
    chart = testing.chart()
    Deployment(chart, "deployment", props=props(pod_annotations={"openfeature.dev/enabled": "true"}))
    annotations = testing.find(testing.synth(chart), "Deployment", "app")["spec"]["template"]["metadata"]["annotations"]
    assert annotations == {
        "openfeature.dev/enabled": "true",
        "kubectl.kubernetes.io/default-container": "app",
        "checksum/config": "0" * 64,
    }


def test_a_colour_names_and_labels_the_deployment() -> None:
    chart = testing.chart()
    Deployment(chart, "deployment", props=props(colour="blue"))
    obj = testing.find(testing.synth(chart), "Deployment", "app-blue")
    assert testing.pod_labels(obj)["colour"] == "blue"


def test_the_deployment_passes_the_gate() -> None:
    chart = testing.chart()
    Deployment(chart, "deployment", props=props())
    assert testing.check(testing.synth(chart)) == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"replicas": True}, r"replicas: True is not allowed"),
        (
            {"metrics_port": 8080},
            r"workload.metrics_port: 8080 is not allowed; a port other than workload.port \(8080\)",
        ),
        (
            {"pod_annotations": {"checksum/config": "x"}},
            r"workload.pod_annotations.checksum/config: 'x' is not allowed; an annotation the Deployment does not set",
        ),
        ({"pod_annotations": {"bad key!": "x"}}, r"workload.pod_annotations key: 'bad key!' is not allowed"),
        ({"pod_annotations": {"example.com/on": True}}, r"workload.pod_annotations\[example.com/on\]: True"),
    ],
)
def test_bad_props_are_refused(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        props(**overrides)


def test_config_map_checksum_follows_the_data() -> None:
    chart = testing.chart()
    one = ConfigMap(chart, "one", identity=testing.identity(), data={"A": "1"})
    two = ConfigMap(chart, "two", identity=testing.identity(name="other"), data={"A": "2"})
    assert one.name == "app-config" and one.checksum != two.checksum
    assert testing.find(testing.synth(one), "ConfigMap", "app-config")["data"] == {"A": "1"}
    assert one.api_object.kind == "ConfigMap"
