"""`HorizontalPodAutoscaler` alone, with minimal props."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from cdk8s_webservice import ConfigError, ScalingBounds, ScalingTargets, testing
from cdk8s_webservice.kinds.autoscaling import ExternalMetric, HorizontalPodAutoscaler
from cdk8s_webservice.synthesis.rendering import to_yaml


def hpa(targets: ScalingTargets | None = None) -> tuple[HorizontalPodAutoscaler, dict[str, Any]]:
    chart = testing.chart()
    construct = HorizontalPodAutoscaler(
        chart,
        "hpa",
        identity=testing.identity(),
        target="app",
        bounds=ScalingBounds(min_replicas=1, max_replicas=4),
        targets=targets or ScalingTargets(),
    )
    return construct, testing.find(testing.synth(chart), "HorizontalPodAutoscaler", "app")


def test_scales_the_target_within_the_bounds(yaml_snapshot: SnapshotAssertion) -> None:
    construct, obj = hpa()
    assert obj["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "app"}
    assert (obj["spec"]["minReplicas"], obj["spec"]["maxReplicas"]) == (1, 4)
    assert construct.api_object.kind == "HorizontalPodAutoscaler"
    assert to_yaml(obj) == yaml_snapshot  # one construct's output, readable


def test_no_request_rate_and_an_external_metric() -> None:
    _, obj = hpa(ScalingTargets(requests_per_second=None, external=(ExternalMetric("queue_depth", 10, {"q": "jobs"}),)))
    assert [m["type"] for m in obj["spec"]["metrics"]] == ["Resource", "Resource", "External"]
    assert obj["spec"]["metrics"][2]["external"]["metric"]["selector"] == {"matchLabels": {"q": "jobs"}}


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ScalingTargets(cpu_utilization=0), r"scaling.cpu_utilization: 0 is not allowed; a whole percentage"),
        (lambda: ScalingTargets(requests_per_second=0), r"scaling.requests_per_second: 0 is not allowed"),
        (lambda: ExternalMetric("q", 0), r"scaling.external\[q\].average_value: 0 is not allowed"),
        (lambda: ScalingBounds(min_replicas=3, max_replicas=2), r"min_replicas"),
    ],
)
def test_bad_props_are_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
