"""`ServiceMonitor` alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cdk8s_webservice import ConfigError, testing
from cdk8s_webservice.observability.scraping import Scraping, ServiceMonitor


def test_scrapes_the_listed_jobs_once() -> None:
    chart = testing.chart()
    construct = ServiceMonitor(chart, "sm", identity=testing.identity(), scraping=Scraping(), jobs=["b", "a"])
    obj = testing.find(testing.synth(chart), "ServiceMonitor", "app")
    assert obj["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert obj["spec"]["jobLabel"] == "prometheus.io/job"
    assert obj["spec"]["selector"]["matchExpressions"] == [
        {"key": "prometheus.io/job", "operator": "In", "values": ["a", "b"]}
    ]
    assert testing.selects(obj["spec"]["selector"], {"prometheus.io/job": "a"})
    assert obj["spec"]["endpoints"][0]["port"] == "metrics"
    assert construct.api_object.kind == "ServiceMonitor"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Scraping(path="metrics"), r"scraping.path: 'metrics' is not allowed; an absolute HTTP path"),
        (lambda: Scraping(interval="30"), r"scraping.interval: '30' is not allowed; a Prometheus duration"),
    ],
)
def test_bad_scraping_is_refused(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build()
