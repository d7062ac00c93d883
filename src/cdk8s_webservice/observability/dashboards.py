"""Grafana dashboards as ConfigMaps for the Grafana sidecar, built from the same
metric names and objectives the alerts use.

Longer than most modules: each Grafana panel is data written out in code; splitting them would scatter one dashboard.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_str

from . import promql
from .slo import ServiceLevelObjectives, required

GRAFANA_UID_MAX = 40
NAMESPACE_MATCHER = 'namespace="$namespace"'


@public
@dataclass(frozen=True)
class BusinessPanel:
    """A panel of the business dashboard: a PromQL query the service owner writes.

    Write `$namespace` into the query's matchers to follow the dashboard's
    namespace picker, e.g. `sum(rate(orders_total{namespace="$namespace"}[5m]))`.
    """

    title: str
    """Panel title."""
    expr: str
    """PromQL of the panel; use `namespace="$namespace"` to follow the dashboard's picker."""
    unit: str = "short"
    """Grafana unit (`short`, `reqps`, `s`, ...)."""
    legend: str = ""
    """Legend format, e.g. `{{verdict}}`."""

    def __post_init__(self) -> None:
        if not isinstance(self.title, str) or not self.title.strip():
            raise ConfigError("business_panel.title", self.title, "a non-empty title")
        if not isinstance(self.expr, str) or not self.expr.strip():
            raise ConfigError(f"business_panel[{self.title}].expr", self.expr, "a non-empty PromQL expression")
        check_str(f"business_panel[{self.title}].unit", self.unit, "a Grafana unit such as 'short' or 'reqps'")
        check_str(f"business_panel[{self.title}].legend", self.legend, empty=True)


@dataclass(frozen=True)
class LiveWorkload:
    """What the dashboards show as the service's pods, by strategy (`DeliveryPlan`)."""

    deployment: str
    """The Deployment running the live pods: `<name>`, `<name>-<live colour>` or Flagger's `<name>-primary`."""
    autoscaler: str
    """The HPA scaling them: `<name>`, or Flagger's `<name>-primary`."""
    deployments: tuple[str, ...]
    """Every Deployment of the service (both colours, the canary and its primary)."""

    @property
    def pod_pattern(self) -> str:
        """A regex for the pods of `deployments` (`<deployment>-<pod-template-hash>-<5 chars>`),
        so a Job's pods named after the service (the load test's) are not counted."""
        alternatives = "|".join(self.deployments)
        group = f"({alternatives})" if len(self.deployments) > 1 else alternatives
        return f"{group}-[a-z0-9]+-[a-z0-9]+"


@dataclass(frozen=True)
class Query:
    expr: str
    legend: str


@dataclass(frozen=True)
class Panel:
    title: str
    unit: str
    queries: tuple[Query, ...]
    threshold: float | None = None
    max: float | None = None


def _uid(identity: ServiceIdentity, kind: str) -> str:
    uid = f"{identity.name}-{kind}"
    if len(uid) <= GRAFANA_UID_MAX:
        return uid
    digest = hashlib.sha256(uid.encode()).hexdigest()[:8]
    return f"{uid[: GRAFANA_UID_MAX - 9]}-{digest}"


def dashboard_model(
    identity: ServiceIdentity, kind: str, title: str, panels: Sequence[Panel], workload: LiveWorkload
) -> dict[str, Any]:
    """A Grafana dashboard JSON model. Panel ids follow panel order (1, 2, ...), so
    they stay stable while panels are only appended."""
    datasource = {"type": "prometheus", "uid": "${datasource}"}
    width = 8
    model_panels = []
    for index, panel in enumerate(panels):
        defaults: dict[str, Any] = {"unit": panel.unit}
        if panel.max is not None:
            defaults["max"] = panel.max
        if panel.threshold is not None:
            defaults["thresholds"] = {
                "mode": "absolute",
                "steps": [{"color": "green", "value": None}, {"color": "red", "value": panel.threshold}],
            }
        model_panels.append(
            {
                "id": index + 1,
                "type": "timeseries",
                "title": panel.title,
                "gridPos": {"x": (index % 3) * width, "y": (index // 3) * 8, "w": width, "h": 8},
                "datasource": datasource,
                "fieldConfig": {"defaults": defaults, "overrides": []},
                "targets": [
                    {"refId": chr(ord("A") + i), "expr": q.expr, "legendFormat": q.legend}
                    for i, q in enumerate(panel.queries)
                ],
            }
        )
    return {
        "title": title,
        "uid": _uid(identity, kind),
        "tags": list(dict.fromkeys([identity.part_of, identity.name, kind])),
        "timezone": "browser",
        "schemaVersion": 39,
        "version": 1,
        "refresh": "30s",
        "time": {"from": "now-6h", "to": "now"},
        "templating": {
            "list": [
                {
                    "name": "datasource",
                    "type": "datasource",
                    "query": "prometheus",
                    "current": {"text": "Prometheus", "value": "prometheus"},
                },
                {
                    "name": "namespace",
                    "type": "query",
                    "datasource": datasource,
                    "query": f'label_values(kube_pod_info{{pod=~"{workload.pod_pattern}"}}, namespace)',
                    "refresh": 2,
                },
            ]
        },
        "panels": model_panels,
    }


def performance_panels(identity: ServiceIdentity, slo: ServiceLevelObjectives) -> list[Panel]:
    m = slo.metrics
    live = f'job="{identity.name}", {NAMESPACE_MATCHER}'
    quantiles = (0.5, slo.latency_quantile, 0.99)
    return [
        Panel(
            "Request rate (req/s)",
            "reqps",
            (Query(promql.request_rate(slo, live, by=m.status_label), f"{{{{{m.status_label}}}}}"),),
        ),
        Panel(
            "Latency " + " / ".join(f"p{round(q * 100)}" for q in quantiles),
            "s",
            tuple(Query(promql.latency_quantile(slo, live, q), f"p{round(q * 100)}") for q in quantiles),
            threshold=slo.latency_seconds,
        ),
        Panel(
            f"Error rate ({slo.metrics.error_description} share)",
            "percentunit",
            (Query(promql.error_ratio(slo, live), f"{slo.metrics.error_description} ratio"),),
            threshold=slo.error_rate,
            max=1,
        ),
    ]


def infrastructure_panels(
    identity: ServiceIdentity, slo: ServiceLevelObjectives, workload: LiveWorkload
) -> list[Panel]:
    container = f'container="{identity.name}", {NAMESPACE_MATCHER}'
    return [
        Panel(
            "CPU usage / limit",
            "percentunit",
            (Query(promql.container_usage_ratio("cpu", container, slo.window, by="pod"), "{{pod}}"),),
            threshold=slo.saturation,
        ),
        Panel(
            "Memory working set / limit",
            "percentunit",
            (Query(promql.container_usage_ratio("memory", container, slo.window, by="pod"), "{{pod}}"),),
            threshold=slo.saturation,
        ),
        Panel(
            f"Restarts ({slo.restart_window})",
            "short",
            (Query(f"sum by (pod) ({promql.restarts(slo, container)})", "{{pod}}"),),
            threshold=slo.restarts,
        ),
        Panel(
            "Pods by phase",
            "short",
            (
                Query(
                    f'sum by (phase) (kube_pod_status_phase{{pod=~"{workload.pod_pattern}", {NAMESPACE_MATCHER}}})',
                    "{{phase}}",
                ),
            ),
        ),
        Panel(
            "Replicas: desired / available",
            "short",
            (
                Query(
                    "sum(kube_horizontalpodautoscaler_status_desired_replicas"
                    f'{{horizontalpodautoscaler="{workload.autoscaler}", {NAMESPACE_MATCHER}}})',
                    f"desired ({workload.autoscaler})",
                ),
                Query(
                    f'sum(kube_deployment_status_replicas_available{{deployment="{workload.deployment}", {NAMESPACE_MATCHER}}})',
                    f"available ({workload.deployment})",
                ),
            ),
        ),
    ]


class GrafanaDashboards(Construct):
    """ConfigMaps `<name>-dashboard-<kind>` (performance, infrastructure, business)
    labelled `grafana_dashboard: "1"` for the Grafana sidecar, in `folder`. The
    replica and pod panels follow `workload`, the strategy's live Deployment and HPA
    (default: a rolling Deployment and HPA named like the service).

    Names carry no hash suffix: the sidecar keys dashboards by ConfigMap, and a new
    name on every edit would leave stale copies behind.

    Escape hatches, one per kind: `config_maps` (one `k8s.KubeConfigMap` per dashboard, by dashboard).
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        slo: ServiceLevelObjectives,
        workload: LiveWorkload | None = None,
        business_panels: Sequence[BusinessPanel] = (),
        folder: str = "",
    ) -> None:
        super().__init__(scope, id)
        slo = required(slo, identity.environment, "dashboards")
        if workload is None:  # a rolling Deployment and its HPA, both named like the service
            workload = LiveWorkload(identity.name, identity.name, (identity.name,))
        title = identity.name
        models = {
            "performance": dashboard_model(
                identity,
                "performance",
                f"{title}: application performance",
                performance_panels(identity, slo),
                workload,
            ),
            "infrastructure": dashboard_model(
                identity,
                "infrastructure",
                f"{title}: infrastructure",
                infrastructure_panels(identity, slo, workload),
                workload,
            ),
        }
        if business_panels:
            panels = [Panel(p.title, p.unit, (Query(p.expr, p.legend),)) for p in business_panels]
            models["business"] = dashboard_model(identity, "business", f"{title}: business", panels, workload)
        self.models = models
        """Dashboard kind -> the JSON model, for tests and escape hatches."""
        self.config_maps = {
            kind: k8s.KubeConfigMap(
                self,
                kind,
                metadata=k8s.ObjectMeta(
                    name=identity.derived_name(f"dashboard-{kind}"),
                    namespace=identity.namespace,
                    labels={"grafana_dashboard": "1"},
                    annotations={"grafana_folder": folder or identity.part_of},
                ),
                data={f"{identity.name}-{kind}.json": json.dumps(model, indent=2) + "\n"},
            )
            for kind, model in models.items()
        }
