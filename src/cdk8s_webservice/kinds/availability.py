"""Voluntary-disruption budget: node drains never take the service down."""

from __future__ import annotations

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.k8s_values import int_or_string
from cdk8s_webservice.core.values import check_int


class PodDisruptionBudget(Construct):
    """PodDisruptionBudget `<name>`: at most one pod evicted at a time.

    `maxUnavailable` rather than `minAvailable`, so a single-replica environment can
    still be drained; unhealthy pods may always be evicted, so a crash-looping pod
    never blocks a node drain. Selects the workload labels, which Flagger's primary
    and canary pods both keep; blue-green adds the live colour (`extra_selector`).

    Escape hatch: `api_object`, the `k8s.KubePodDisruptionBudget`.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        max_unavailable: int = 1,
        extra_selector: dict[str, str] | None = None,
    ) -> None:
        super().__init__(scope, id)
        # 0 would block every node drain: at least one pod may always go.
        check_int("disruption_budget.max_unavailable", max_unavailable, minimum=1)
        self.api_object = k8s.KubePodDisruptionBudget(
            self,
            "Resource",
            metadata=k8s.ObjectMeta(name=identity.name, namespace=identity.namespace),
            spec=k8s.PodDisruptionBudgetSpec(
                max_unavailable=int_or_string(max_unavailable),
                unhealthy_pod_eviction_policy="AlwaysAllow",
                selector=k8s.LabelSelector(match_labels={**identity.workload_selector, **(extra_selector or {})}),
            ),
        )
