"""`VerticalPodAutoscaler` alone: recommendations only, within the bounds."""

from __future__ import annotations

import pytest

from cdk8s_webservice import ConfigError, testing
from cdk8s_webservice.kinds.autoscaling import VerticalPodAutoscaler, VpaBounds


def test_recommends_only_within_the_bounds() -> None:
    chart = testing.chart()
    construct = VerticalPodAutoscaler(chart, "vpa", identity=testing.identity(), target="app", bounds=VpaBounds())
    spec = testing.find(testing.synth(construct), "VerticalPodAutoscaler", "app")["spec"]
    assert spec["targetRef"]["name"] == "app"
    assert spec["updatePolicy"] == {"updateMode": "Off"}
    (policy,) = spec["resourcePolicy"]["containerPolicies"]
    assert policy["minAllowed"] == {"cpu": "250m", "memory": "256Mi"}
    assert policy["maxAllowed"] == {"cpu": "4", "memory": "4Gi"}
    assert construct.api_object.kind == "VerticalPodAutoscaler"


def test_a_minimum_above_the_maximum_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"vpa.min_cpu: '8' is not allowed; it must not exceed vpa.max_cpu \(4\)"):
        VpaBounds(min_cpu="8")
