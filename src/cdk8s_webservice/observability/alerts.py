"""Alerting rules generated from the service's objectives."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice_crds.com.coreos import monitoring

from . import burn_rate, promql
from .burn_rate import RecordingRule
from .slo import ServiceLevelObjectives, required


@public
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
    keep_firing_for: str | None = None
    """How long the alert keeps firing after the condition stops holding (rides out the
    gaps of a condition that comes and goes, such as restarts in a crash loop)."""


def _camel(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("-"))


def slo_alerts(identity: ServiceIdentity, slo: ServiceLevelObjectives) -> dict[str, list[Alert]]:
    """Rule group name -> the plain threshold alerts. Exposed so tests and docs can
    read the rules as data.

    Every selector names the environment's namespace: environments share clusters
    (and a Prometheus), and the Prometheus Operator scopes a rule to its namespace
    only with `enforcedNamespaceLabel`, which kube-prometheus-stack leaves unset.
    """
    slo = required(slo, identity.environment, "alerts")
    name, prefix = identity.name, _camel(identity.name)
    in_namespace = f'namespace="{identity.namespace}"'
    service = f'job="{name}", {in_namespace}'
    container = f'container="{name}", {in_namespace}'
    error_percent = f"{slo.error_rate * 100:g}%"
    saturation_percent = f"{slo.saturation * 100:g}%"
    return {
        f"{name}.availability": [
            Alert(
                name=f"{prefix}HighErrorRate",
                expr=f"{promql.error_ratio(slo, service)}\n  > {slo.error_rate:g}\n",
                for_="5m",
                severity="critical",
                summary=f"{name} {slo.metrics.error_description} error rate above {error_percent} in {{{{ $labels.namespace }}}}",
                description=f"{{{{ $value | humanizePercentage }}}} of requests failed over the last {slo.window}.",
                runbook_slug="high-error-rate",
            ),
            Alert(
                name=f"{prefix}HighLatency{slo.quantile_label.upper()}",
                expr=f"{promql.latency_quantile(slo, service)} > {slo.latency_seconds:g}\n",
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
                expr=f"{promql.restarts(slo, container)} > {slo.restarts}\n",
                for_="0m",
                # A crash loop (a restart every ~5.5 min at the back-off cap) holds 2 or 3
                # restarts in 15 minutes by turns: firing through the window keeps one page.
                keep_firing_for=slo.restart_window,
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} is restarting",
                description=f"{{{{ $value | humanize }}}} restarts in the last {slo.restart_window}.",
                runbook_slug="pod-restarting",
            ),
            Alert(
                name=f"{prefix}HighCPUUsage",
                expr=f"{promql.container_usage_ratio('cpu', container, slo.window)}\n  > {slo.saturation:g}\n",
                for_="10m",
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} uses >{saturation_percent} of its CPU limit",
                description="CPU usage is {{ $value | humanizePercentage }} of the limit (throttling likely).",
                runbook_slug="high-cpu",
            ),
            Alert(
                name=f"{prefix}HighMemoryUsage",
                expr=f"{promql.container_usage_ratio('memory', container, slo.window)}\n  > {slo.saturation:g}\n",
                for_="5m",
                severity="warning",
                summary=f"{name} pod {{{{ $labels.pod }}}} uses >{saturation_percent} of its memory limit",
                description="Working set is {{ $value | humanizePercentage }} of the limit (OOM kill likely).",
                runbook_slug="high-memory",
            ),
        ],
    }


def budget_rules(identity: ServiceIdentity, slo: ServiceLevelObjectives) -> dict[str, list[RecordingRule | Alert]]:
    """Rule group name -> recording rules then burn-rate alerts, one group per
    objective with a target (`availability_target`, `latency_target`); none without."""
    name, prefix, namespace = identity.name, _camel(identity.name), identity.namespace
    service = f'job="{name}", namespace="{namespace}"'
    groups: dict[str, list[RecordingRule | Alert]] = {}
    for objective in burn_rate.objectives(slo):
        slo_name = f"{name}-{objective.kind}"
        what = (
            f"{slo.metrics.error_description} errors"
            if objective.kind == "availability"
            else f"requests slower than {slo.latency_seconds:g}s"
        )
        rules: list[RecordingRule | Alert] = list(burn_rate.recording_rules(slo, slo_name, service))
        for severity, speed, reaction in (("critical", "Fast", "page"), ("warning", "Slow", "ticket")):
            rules.append(
                Alert(
                    name=f"{prefix}{objective.kind.capitalize()}BudgetBurn{speed}",
                    expr=burn_rate.burn_condition(slo, objective, slo_name, namespace, severity),
                    for_="2m" if severity == "critical" else "15m",
                    severity=severity,
                    summary=f"{name} is spending its {objective.kind} error budget too fast in {{{{ $labels.namespace }}}} ({reaction})",
                    description=(
                        f"{what} burn the {objective.budget:.4g} budget of the {objective.target:.4g} "
                        f"{objective.kind} objective ({slo.period}) at {{{{ $value | humanizePercentage }}}} of requests."
                    ),
                    runbook_slug=f"{objective.kind}-budget-burn",
                )
            )
        groups[f"{name}.slo.{objective.kind}"] = rules
    return groups


class PrometheusRule(Construct):
    """PrometheusRule `<name>`: error rate, latency, restarts, CPU and memory saturation
    in the environment's namespace; with `availability_target` or `latency_target` in
    the SLO, also the recording rules and burn-rate alerts of `budget_rules`.

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
        slo = required(slo, identity.environment, "alerts")
        runbooks = f"{slo.runbook_base_url.rstrip('/')}/{identity.name}"
        self.groups: dict[str, list[Alert] | list[RecordingRule | Alert]] = {
            **slo_alerts(identity, slo),
            **budget_rules(identity, slo),
        }
        """Rule group name -> its rules, in order (threshold alerts, then budget groups)."""
        self.api_object = monitoring.PrometheusRule(
            self,
            "Resource",
            metadata=ApiObjectMetadata(
                name=identity.name,
                namespace=identity.namespace,
                labels={**identity.selector, "release": release_label},
            ),
            spec=monitoring.PrometheusRuleSpec(
                groups=[
                    monitoring.PrometheusRuleSpecGroups(
                        name=group,
                        rules=[_rule(rule, runbooks) for rule in rules],
                    )
                    for group, rules in self.groups.items()
                ]
            ),
        )


def _rule(rule: Alert | RecordingRule, runbooks: str) -> monitoring.PrometheusRuleSpecGroupsRules:
    if isinstance(rule, RecordingRule):
        return monitoring.PrometheusRuleSpecGroupsRules(record=rule.record, expr=rule.expr, labels=dict(rule.labels))
    return monitoring.PrometheusRuleSpecGroupsRules(
        alert=rule.name,
        expr=rule.expr,
        for_=rule.for_,
        keep_firing_for=rule.keep_firing_for,
        labels={"severity": rule.severity},
        annotations={
            "summary": rule.summary,
            "description": rule.description,
            "runbook_url": f"{runbooks}/{rule.runbook_slug}",
        },
    )
