"""Alerting rules generated from the service's objectives."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice_crds.com.coreos import monitoring

from . import slo as promql
from .identity import ServiceIdentity
from .slo import ServiceLevelObjectives


@dataclass(frozen=True)
class Alert:
    """One alerting rule, before it becomes PrometheusRule YAML."""

    name: str
    """Alert name, `<Service><Condition>` in CamelCase."""
    expr: str
    """PromQL that is true while the condition holds."""
    for_: str
    """How long the condition must hold before the alert fires (rides out blips)."""
    severity: str
    """`critical` pages someone; `warning` goes to a ticket queue."""
    summary: str
    """One line for the notification title."""
    description: str
    """What the value means, for the person paged."""
    runbook_slug: str
    """Last path segment of the runbook URL."""


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def slo_alerts(identity: ServiceIdentity, slo: ServiceLevelObjectives) -> dict[str, list[Alert]]:
    """Rule group name -> alerts. Exposed so tests and docs can read the rules as data.

    Expressions carry no namespace matcher: with the Prometheus Operator's
    enforcedNamespaceLabel, each copy of the rule only sees its own namespace.
    """
    slo = promql.required(slo, identity.environment, "alerts")
    job, name, prefix = identity.name, identity.name, _camel(identity.name)
    error_percent = f"{slo.error_rate * 100:g}%"
    saturation_percent = f"{slo.saturation * 100:g}%"
    return {
        f"{name}.availability": [
            Alert(
                name=f"{prefix}HighErrorRate",
                expr=f"{promql.error_ratio(slo, job)}\n  > {slo.error_rate:g}\n",
                for_="5m",
                severity="critical",
                summary=f"{name} {slo.metrics.error_description} error rate above {error_percent} in {{{{ $labels.namespace }}}}",
                description=f"{{{{ $value | humanizePercentage }}}} of requests failed over the last {slo.window}.",
                runbook_slug="high-error-rate",
            ),
            Alert(
                name=f"{prefix}HighLatency{slo.quantile_label.upper()}",
                expr=f"{promql.latency_quantile(slo, job)} > {slo.latency_seconds:g}\n",
                for_="10m",
                severity="warning",
                summary=f"{name} {slo.quantile_label} latency above {slo.latency_seconds:g}s in {{{{ $labels.namespace }}}}",
                description=f"{slo.quantile_label} request latency is {{{{ $value | humanizeDuration }}}}.",
                runbook_slug="high-latency",
            ),
        ],
        f"{name}.resources": [
            Alert(
                name=f"{prefix}PodRestarting",
                expr=f"{promql.restarts(slo, name)} > {slo.restarts}\n",
                for_="0m",
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} is restarting",
                description=f"{{{{ $value | humanize }}}} restarts in the last {slo.restart_window}.",
                runbook_slug="pod-restarting",
            ),
            Alert(
                name=f"{prefix}HighCPUUsage",
                expr=f"{promql.container_usage_ratio('cpu', name, slo.window)}\n  > {slo.saturation:g}\n",
                for_="10m",
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} uses >{saturation_percent} of its CPU limit",
                description="CPU usage is {{ $value | humanizePercentage }} of the limit (throttling likely).",
                runbook_slug="high-cpu",
            ),
            Alert(
                name=f"{prefix}HighMemoryUsage",
                expr=f"{promql.container_usage_ratio('memory', name, slo.window)}\n  > {slo.saturation:g}\n",
                for_="5m",
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} uses >{saturation_percent} of its memory limit",
                description="Working set is {{ $value | humanizePercentage }} of the limit (OOM kill likely).",
                runbook_slug="high-memory",
            ),
        ],
    }


class PrometheusRule(Construct):
    """PrometheusRule `<name>`: error rate, latency, restarts, CPU and memory saturation.

    Escape hatch: `api_object`, the generated `PrometheusRule` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        slo: ServiceLevelObjectives,
        release_label: str,
    ) -> None:
        super().__init__(scope, id)
        slo = promql.required(slo, identity.environment, "alerts")
        runbooks = f"{slo.runbook_base_url.rstrip('/')}/{identity.name}"
        self.groups = slo_alerts(identity, slo)
        self.api_object = monitoring.PrometheusRule(
            self,
            "rule",
            metadata=ApiObjectMetadata(
                name=identity.name,
                namespace=identity.namespace,
                labels={**identity.selector, "release": release_label},
            ),
            spec=monitoring.PrometheusRuleSpec(
                groups=[
                    monitoring.PrometheusRuleSpecGroups(
                        name=group,
                        rules=[
                            monitoring.PrometheusRuleSpecGroupsRules(
                                alert=alert.name,
                                expr=alert.expr,
                                for_=alert.for_,
                                labels={"severity": alert.severity},
                                annotations={
                                    "summary": alert.summary,
                                    "description": alert.description,
                                    "runbook_url": f"{runbooks}/{alert.runbook_slug}",
                                },
                            )
                            for alert in alerts
                        ],
                    )
                    for group, alerts in self.groups.items()
                ]
            ),
        )
