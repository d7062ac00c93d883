"""Where the HPA's Pods metric comes from: a prometheus-adapter rule.

An HPA that scales on `http_requests_per_second` asks the custom metrics API
(`custom.metrics.k8s.io`) for it per pod; prometheus-adapter serves that API from
Prometheus, but only for the series its rules name. Without a rule the metric
cannot be fetched, and an HPA whose metric cannot be fetched does not scale down.
So every service whose HPA reads a Pods metric ships the rule beside its output:
`helm/prometheus-adapter/`, a chart of its own whose values hold the rules
(`rules.custom` of the prometheus-community `prometheus-adapter` chart) for the
platform team to install, or to merge into the adapter they run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from constructs import Construct

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.core.errors import ConfigError

ADAPTER_CHART = "prometheus-adapter"
ADAPTER_CHART_VERSION = "4.11.0"
ADAPTER_REPOSITORY = "https://prometheus-community.github.io/helm-charts"


@dataclass(frozen=True)
class AdapterRule:
    """Serve the counter `series` as the per-pod rate `metric`, over `window`."""

    series: str
    """The counter the pods expose (`http_requests_total`)."""
    metric: str
    """The Pods metric the HPA reads (`http_requests_per_second`)."""
    window: str
    """The rate's range (four scrape intervals at least)."""
    prometheus: str = "http://prometheus-operated.monitoring:9090"
    """The Prometheus the adapter queries: the one the canary's MetricTemplates query."""

    @property
    def series_query(self) -> str:
        """Which series the adapter discovers: the counter of any pod in any namespace."""
        return f'{self.series}{{namespace!="",pod!=""}}'

    @property
    def metrics_query_template(self) -> str:
        return f"sum(rate(<<.Series>>{{<<.LabelMatchers>>}}[{self.window}])) by (<<.GroupBy>>)"

    def metrics_query(self, label_matchers: str, group_by: str = "pod") -> str:
        """The query the adapter runs for the HPA, filled in as the adapter fills it
        (`label_matchers`: `namespace="x",pod=~"a|b"`, from the HPA's target's pods)."""
        return (
            self.metrics_query_template.replace("<<.Series>>", self.series)
            .replace("<<.LabelMatchers>>", label_matchers)
            .replace("<<.GroupBy>>", group_by)
        )

    def as_config(self) -> dict[str, Any]:
        """The rule as prometheus-adapter's configuration writes it."""
        return {
            "seriesQuery": self.series_query,
            "resources": {"overrides": {"namespace": {"resource": "namespace"}, "pod": {"resource": "pod"}}},
            "name": {"matches": f"^{self.series}$", "as": self.metric},
            "metricsQuery": self.metrics_query_template,
        }


def adapter_rules(scopes: Iterable[Construct]) -> list[AdapterRule]:
    """Every distinct rule the HPAs under `scopes` need, in a stable order."""
    found = {
        rule
        for scope in scopes
        for construct in scope.node.find_all()
        if (rule := getattr(construct, "adapter_rule", None)) is not None and isinstance(rule, AdapterRule)
    }
    return sorted(found, key=lambda r: (r.metric, r.series, r.window))


def adapter_chart_files(service: str, rules: list[AdapterRule]) -> dict[str, str]:
    """`Chart.yaml` (the prometheus-adapter chart as a dependency) and `values.yaml`
    (its `rules.custom`), or nothing when no HPA reads a Pods metric."""
    if not rules:
        return {}
    chart = {
        "apiVersion": "v2",
        "name": f"{service}-{ADAPTER_CHART}",
        "description": f"prometheus-adapter serving the Pods metrics the HPAs of {service} scale on",
        "type": "application",
        "version": "1.0.0",
        "dependencies": [{"name": ADAPTER_CHART, "version": ADAPTER_CHART_VERSION, "repository": ADAPTER_REPOSITORY}],
    }
    addresses = sorted({rule.prometheus for rule in rules})
    if len(addresses) > 1:
        raise ConfigError("canary.prometheus_address", addresses, "one Prometheus for every service's adapter rule")
    url = urlsplit(addresses[0])
    # The chart's own default (prometheus.default.svc) is not where kube-prometheus-stack runs.
    prometheus = {"url": f"{url.scheme}://{url.hostname}", "port": url.port or (443 if url.scheme == "https" else 80)}
    values = {ADAPTER_CHART: {"prometheus": prometheus, "rules": {"custom": [rule.as_config() for rule in rules]}}}
    header = (
        "# The custom metrics the HPAs read (docs/observability.md). Install this chart where no\n"
        f"# prometheus-adapter runs, or merge `{ADAPTER_CHART}.rules.custom` into the one that does.\n"
    )
    return {"Chart.yaml": yaml_emitter.dump(chart), "values.yaml": header + yaml_emitter.dump(values)}
