"""`PodDisruptionBudget` alone."""

from __future__ import annotations

import pytest

from cdk8s_webservice import ConfigError, testing
from cdk8s_webservice.kinds.availability import PodDisruptionBudget


def test_one_pod_at_a_time_of_the_workload() -> None:
    ident = testing.identity()
    chart = testing.chart()
    construct = PodDisruptionBudget(chart, "pdb", identity=ident, extra_selector={"colour": "blue"})
    spec = testing.find(testing.synth(chart), "PodDisruptionBudget", "app")["spec"]
    assert spec["maxUnavailable"] == 1 and spec["unhealthyPodEvictionPolicy"] == "AlwaysAllow"
    assert testing.selects(spec["selector"], {**ident.pod_labels, "colour": "blue"})
    assert not testing.selects(spec["selector"], {**ident.pod_labels, "colour": "green"})
    assert construct.api_object.kind == "PodDisruptionBudget"


def test_zero_unavailable_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"disruption_budget.max_unavailable: 0 is not allowed"):
        PodDisruptionBudget(testing.chart(), "pdb", identity=testing.identity(), max_unavailable=0)
