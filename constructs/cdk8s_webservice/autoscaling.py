"""Horizontal autoscaling on CPU, memory and request rate; vertical recommendations."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s import ApiObjectMetadata
from cdk8s_plus_27 import k8s

from cdk8s_webservice_crds.io.k8s import autoscaling as vpa
from constructs import Construct

from . import quantities
from .errors import ConfigError
from .identity import ServiceIdentity
from .profile import ScalingBounds


@dataclass(frozen=True)
class ScalingTargets:
    """Per-pod targets the HPA keeps the service at.

    `requests_per_second` scales on the Pods metric `http_requests_per_second`,
    which needs prometheus-adapter (custom.metrics.k8s.io) to serve it.
    """

    cpu_utilization: int = 70
    memory_utilization: int = 80
    requests_per_second: int = 100
    requests_metric: str = "http_requests_per_second"

    def __post_init__(self) -> None:
        for name in ("cpu_utilization", "memory_utilization"):
            value = getattr(self, name)
            if not isinstance(value, int) or not 1 <= value <= 100:
                raise ConfigError(f"scaling.{name}", value, "a whole percentage from 1 to 100")
        if not isinstance(self.requests_per_second, int) or self.requests_per_second < 1:
            raise ConfigError("scaling.requests_per_second", self.requests_per_second, "a whole number of at least 1")


class HorizontalAutoscaler(Construct):
    """HorizontalPodAutoscaler `<name>` (autoscaling/v2) on the Deployment `target`.

    Scale-up is immediate (double, or +4 pods, a minute); scale-down waits five
    minutes and sheds at most half the pods a minute, so a short dip does not
    throw away capacity that the next burst needs.
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
    ) -> None:
        super().__init__(scope, id)
        self.hpa = k8s.KubeHorizontalPodAutoscalerV2(
            self,
            "hpa",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace),
            spec=k8s.HorizontalPodAutoscalerSpecV2(
                scale_target_ref=k8s.CrossVersionObjectReferenceV2(
                    api_version="apps/v1", kind="Deployment", name=target
                ),
                min_replicas=bounds.min_replicas,
                max_replicas=bounds.max_replicas,
                metrics=[
                    self._utilization("cpu", targets.cpu_utilization),
                    self._utilization("memory", targets.memory_utilization),
                    k8s.MetricSpecV2(
                        type="Pods",
                        pods=k8s.PodsMetricSourceV2(
                            metric=k8s.MetricIdentifierV2(name=targets.requests_metric),
                            target=k8s.MetricTargetV2(
                                type="AverageValue",
                                average_value=k8s.Quantity.from_string(str(targets.requests_per_second)),
                            ),
                        ),
                    ),
                ],
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

    @staticmethod
    def _utilization(resource: str, percent: int) -> k8s.MetricSpecV2:
        return k8s.MetricSpecV2(
            type="Resource",
            resource=k8s.ResourceMetricSourceV2(
                name=resource, target=k8s.MetricTargetV2(type="Utilization", average_utilization=percent)
            ),
        )


@dataclass(frozen=True)
class VpaBounds:
    """The range a VerticalPodAutoscaler may recommend within."""

    min_cpu: str = "250m"
    min_memory: str = "256Mi"
    max_cpu: str = "4"
    max_memory: str = "4Gi"

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


class ResourceRecommender(Construct):
    """VerticalPodAutoscaler `<name>` in recommendation mode for the Deployment `target`."""

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, target: str, bounds: VpaBounds) -> None:
        super().__init__(scope, id)
        self.vpa = vpa.VerticalPodAutoscaler(
            self,
            "vpa",
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
