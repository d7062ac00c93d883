"""Horizontal autoscaling on CPU, memory and request rate; vertical recommendations.

Longer than most modules: the HPA and the VPA and their value types are one concern (how many pods, how big), validated together.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s import ApiObjectMetadata
from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.k8s_values import quantity
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_label_value
from cdk8s_webservice.core.values import INT32_MAX, check_instance, check_int, check_str
from cdk8s_webservice.observability.custom_metrics import AdapterRule
from cdk8s_webservice.observability.slo import check_metric_name
from cdk8s_webservice_crds.io.k8s import autoscaling as vpa

from .replicas import ScalingBounds


@public
@dataclass(frozen=True)
class ExternalMetric:
    """A metric from outside the pods (a queue's depth, a topic's lag), served by
    an external-metrics adapter (prometheus-adapter, KEDA): the HPA keeps
    `average_value` of it per replica."""

    name: str
    """Metric name as the external-metrics API serves it."""
    average_value: int
    """Target value per replica."""
    selector: Mapping[str, str] = field(default_factory=dict)
    """Labels that pick the series (e.g. `{"queue": "jobs"}`)."""

    def __post_init__(self) -> None:
        check_str("scaling.external.name", self.name, "a metric name")
        check_int(f"scaling.external[{self.name}].average_value", self.average_value, minimum=1)
        if not isinstance(self.selector, Mapping):
            raise ConfigError(f"scaling.external[{self.name}].selector", self.selector, "a mapping of label to value")
        for key, value in self.selector.items():
            check_str(f"scaling.external[{self.name}].selector key", key, "a label name")
            check_label_value(f"scaling.external[{self.name}].selector[{key}]", value)


@public
@dataclass(frozen=True)
class ScalingTargets:
    """What the HPA keeps the service at.

    Defaults: 70 % CPU and 80 % memory of the requests per pod, and 100 requests
    a second per pod on the Pods metric `http_requests_per_second` (served by
    prometheus-adapter from custom.metrics.k8s.io). `requests_per_second=None`
    drops that metric (a worker has no requests); `external` adds metrics such
    as a queue's depth.
    """

    cpu_utilization: int = 70
    """Target CPU use, % of the request (default 70: headroom for bursts)."""
    memory_utilization: int = 80
    """Target memory use, % of the request (default 80)."""
    requests_per_second: int | None = 100
    """Target requests a second per pod (default 100); None to not scale on it."""
    requests_metric: str = "http_requests_per_second"
    """Pods metric carrying the request rate."""
    external: tuple[ExternalMetric, ...] = ()
    """External metrics to scale on as well."""

    def __post_init__(self) -> None:
        for name in ("cpu_utilization", "memory_utilization"):
            check_int(
                f"scaling.{name}",
                getattr(self, name),
                minimum=1,
                maximum=100,
                allowed="a whole percentage from 1 to 100",
            )
        if self.requests_per_second is not None:
            check_int(
                "scaling.requests_per_second",
                self.requests_per_second,
                minimum=1,
                allowed=f"a whole number of at least 1 and at most {INT32_MAX}, or None",
            )
        check_metric_name("scaling.requests_metric", self.requests_metric)
        if not isinstance(self.external, (tuple, list)):
            raise ConfigError("scaling.external", self.external, "a tuple of ExternalMetric")
        for metric in self.external:
            check_instance("scaling.external", metric, ExternalMetric, "a tuple of ExternalMetric")


class HorizontalPodAutoscaler(Construct):
    """HorizontalPodAutoscaler `<name>` (autoscaling/v2) on the Deployment `target`.

    The Pods metric (`targets.requests_metric`) is served by prometheus-adapter as the
    rate of `requests_counter` over `rate_window`, from `prometheus`: `adapter_rule`,
    shipped with the output (`custom_metrics`).

    Scale-up is immediate (double, or +4 pods, a minute); scale-down waits five
    minutes and sheds at most half the pods a minute, so a short dip does not
    throw away capacity that the next burst needs.

    Escape hatch: `api_object`, the `k8s.KubeHorizontalPodAutoscalerV2`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        target: str,
        bounds: ScalingBounds,
        targets: ScalingTargets,
        requests_counter: str = "http_requests_total",
        rate_window: str = "2m",
        prometheus: str = "http://prometheus-operated.monitoring:9090",
    ) -> None:
        super().__init__(scope, id)
        self.adapter_rule: AdapterRule | None = (
            AdapterRule(
                series=requests_counter, metric=targets.requests_metric, window=rate_window, prometheus=prometheus
            )
            if targets.requests_per_second is not None
            else None
        )
        """The prometheus-adapter rule that serves the Pods metric (`custom_metrics`); None without one."""
        self.api_object = k8s.KubeHorizontalPodAutoscalerV2(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace),
            spec=k8s.HorizontalPodAutoscalerSpecV2(
                scale_target_ref=k8s.CrossVersionObjectReferenceV2(
                    api_version="apps/v1", kind="Deployment", name=target
                ),
                min_replicas=bounds.min_replicas,
                max_replicas=bounds.max_replicas,
                metrics=self._metrics(targets),
                behavior=k8s.HorizontalPodAutoscalerBehaviorV2(
                    scale_up=k8s.HpaScalingRulesV2(
                        stabilization_window_seconds=0,
                        select_policy="Max",
                        policies=[
                            k8s.HpaScalingPolicyV2(type="Percent", value=100, period_seconds=60),
                            k8s.HpaScalingPolicyV2(type="Pods", value=4, period_seconds=60),
                        ],
                    ),
                    scale_down=k8s.HpaScalingRulesV2(
                        stabilization_window_seconds=300,
                        select_policy="Min",
                        policies=[k8s.HpaScalingPolicyV2(type="Percent", value=50, period_seconds=60)],
                    ),
                ),
            ),
        )

    @classmethod
    def _metrics(cls, targets: ScalingTargets) -> list[k8s.MetricSpecV2]:
        metrics = [
            cls._utilization("cpu", targets.cpu_utilization),
            cls._utilization("memory", targets.memory_utilization),
        ]
        if targets.requests_per_second is not None:
            metrics.append(
                k8s.MetricSpecV2(
                    type="Pods",
                    pods=k8s.PodsMetricSourceV2(
                        metric=k8s.MetricIdentifierV2(name=targets.requests_metric),
                        target=k8s.MetricTargetV2(
                            type="AverageValue",
                            average_value=quantity(str(targets.requests_per_second)),
                        ),
                    ),
                )
            )
        for external in targets.external:
            metrics.append(
                k8s.MetricSpecV2(
                    type="External",
                    external=k8s.ExternalMetricSourceV2(
                        metric=k8s.MetricIdentifierV2(
                            name=external.name,
                            selector=k8s.LabelSelector(match_labels=dict(external.selector))
                            if external.selector
                            else None,
                        ),
                        target=k8s.MetricTargetV2(
                            type="AverageValue", average_value=quantity(str(external.average_value))
                        ),
                    ),
                )
            )
        return metrics

    @staticmethod
    def _utilization(resource: str, percent: int) -> k8s.MetricSpecV2:
        return k8s.MetricSpecV2(
            type="Resource",
            resource=k8s.ResourceMetricSourceV2(
                name=resource, target=k8s.MetricTargetV2(type="Utilization", average_utilization=percent)
            ),
        )


@public
@dataclass(frozen=True)
class VpaBounds:
    """The range a VerticalPodAutoscaler may recommend within."""

    min_cpu: str = "250m"
    """Lowest CPU recommendation (default 250m)."""
    min_memory: str = "256Mi"
    """Lowest memory recommendation (default 256Mi)."""
    max_cpu: str = "4"
    """Highest CPU recommendation (default 4)."""
    max_memory: str = "4Gi"
    """Highest memory recommendation (default 4Gi)."""

    def __post_init__(self) -> None:
        if quantities.cpu("vpa.min_cpu", self.min_cpu).value > quantities.cpu("vpa.max_cpu", self.max_cpu).value:
            raise ConfigError("vpa.min_cpu", self.min_cpu, f"it must not exceed vpa.max_cpu ({self.max_cpu})")
        if (
            quantities.memory("vpa.min_memory", self.min_memory).value
            > quantities.memory("vpa.max_memory", self.max_memory).value
        ):
            raise ConfigError(
                "vpa.min_memory", self.min_memory, f"it must not exceed vpa.max_memory ({self.max_memory})"
            )


# Recommendations only ("Off"). Any mode that rewrites requests ("Initial" on every new
# pod, "Auto"/"Recreate" by eviction) moves the HPA's utilization baseline under
# it (utilization is usage / request), gives pods of one Deployment different
# requests, and drifts from the reviewed values in git. A human folds the
# recommendation (`kubectl describe vpa`) into the profile instead.
VPA_UPDATE_MODE = vpa.VerticalPodAutoscalerSpecUpdatePolicyUpdateMode.OFF


class VerticalPodAutoscaler(Construct):
    """VerticalPodAutoscaler `<name>` in recommendation mode for the Deployment `target`.

    Escape hatch: `api_object`, the generated `VerticalPodAutoscaler` binding.
    """

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, target: str, bounds: VpaBounds) -> None:
        super().__init__(scope, id)
        self.api_object = vpa.VerticalPodAutoscaler(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=identity.name, namespace=identity.namespace),
            spec=vpa.VerticalPodAutoscalerSpec(
                target_ref=vpa.VerticalPodAutoscalerSpecTargetRef(
                    api_version="apps/v1", kind="Deployment", name=target
                ),
                update_policy=vpa.VerticalPodAutoscalerSpecUpdatePolicy(update_mode=VPA_UPDATE_MODE),
                resource_policy=vpa.VerticalPodAutoscalerSpecResourcePolicy(
                    container_policies=[
                        vpa.VerticalPodAutoscalerSpecResourcePolicyContainerPolicies(
                            container_name=identity.name,
                            controlled_resources=[
                                vpa.VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesControlledResources.CPU,
                                vpa.VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesControlledResources.MEMORY,
                            ],
                            controlled_values=vpa.VerticalPodAutoscalerSpecResourcePolicyContainerPoliciesControlledValues.REQUESTS_AND_LIMITS,
                            min_allowed={"cpu": bounds.min_cpu, "memory": bounds.min_memory},
                            max_allowed={"cpu": bounds.max_cpu, "memory": bounds.max_memory},
                        )
                    ]
                ),
            ),
        )
