"""Chaos Mesh `Schedule` (chaos-mesh.org/v1alpha1): one scheduled experiment against the
service's own pods (see `chaos.py` for what an experiment may do, and when)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TypeVar

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import PART_OF, ServiceIdentity
from cdk8s_webservice_crds.org import chaos_mesh

from .chaos import STEADY_STATE_ANNOTATION, ChaosExperiment, ChaosMode

HISTORY_LIMIT = 5
"""Finished experiment objects a Schedule keeps."""
STARTING_DEADLINE_SECONDS = 300
"""A run missed by more than this (controller down) is skipped, not caught up."""


E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], value: str) -> E:
    """The generated enum member of a CRD enum value (`fixed-percent` -> FIXED_HYPHEN_PERCENT)."""
    return kind[value.upper().replace("-", "_HYPHEN_")]


class ChaosSchedule(Construct):
    """Schedule `<name>-<experiment>`: runs `experiment` (PodChaos pod-kill, NetworkChaos
    delay or StressChaos CPU) on its cron, in working hours, `concurrencyPolicy: Forbid`.

    The selector is fixed: the service's namespace and its workload labels
    (`app.kubernetes.io/part-of` and `component`, which Flagger's primary pods keep),
    so an experiment cannot reach another service. `steady_state_alerts` (the service's
    SLO alerts) are written into the `chaos.cdk8s-webservice/steady-state-alerts`
    annotation: the experiment's hypothesis is that they stay quiet.

    Escape hatch: `api_object`, the generated `Schedule` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        experiment: ChaosExperiment,
        steady_state_alerts: Sequence[str],
    ) -> None:
        super().__init__(scope, id)
        if not isinstance(experiment, ChaosExperiment) or not experiment.KIND:
            raise ConfigError(
                "chaos_experiments", experiment, "PodKillExperiment, NetworkDelayExperiment or CpuStressExperiment"
            )
        if not steady_state_alerts:
            raise ConfigError(
                f"chaos_experiments.{experiment.name}.steady_state_alerts",
                list(steady_state_alerts),
                "the names of the service's SLO alerts (PrometheusRule), at least one",
            )
        self.name = identity.derived_name(experiment.name)
        kind = experiment.KIND
        mode = experiment.mode.value
        chaos = experiment.action()
        value = str(experiment.value) if experiment.mode is not ChaosMode.ONE else None
        selector = {"namespaces": [identity.namespace], "label_selectors": dict(identity.workload_selector)}
        spec: dict[str, object] = {}
        if kind == "PodChaos":
            spec["pod_chaos"] = chaos_mesh.ScheduleSpecPodChaos(
                action=_enum(chaos_mesh.ScheduleSpecPodChaosAction, chaos["action"]),
                mode=_enum(chaos_mesh.ScheduleSpecPodChaosMode, mode),
                selector=chaos_mesh.ScheduleSpecPodChaosSelector(**selector),
                duration=experiment.duration,
                value=value,
            )
        elif kind == "NetworkChaos":
            delay = chaos["delay"]
            spec["network_chaos"] = chaos_mesh.ScheduleSpecNetworkChaos(
                action=_enum(chaos_mesh.ScheduleSpecNetworkChaosAction, chaos["action"]),
                mode=_enum(chaos_mesh.ScheduleSpecNetworkChaosMode, mode),
                selector=chaos_mesh.ScheduleSpecNetworkChaosSelector(**selector),
                delay=chaos_mesh.ScheduleSpecNetworkChaosDelay(latency=delay["latency"], jitter=delay["jitter"]),
                direction=_enum(chaos_mesh.ScheduleSpecNetworkChaosDirection, chaos["direction"]),
                duration=experiment.duration,
                value=value,
            )
        else:
            cpu = chaos["stressors"]["cpu"]
            spec["stress_chaos"] = chaos_mesh.ScheduleSpecStressChaos(
                mode=_enum(chaos_mesh.ScheduleSpecStressChaosMode, mode),
                selector=chaos_mesh.ScheduleSpecStressChaosSelector(**selector),
                stressors=chaos_mesh.ScheduleSpecStressChaosStressors(
                    cpu=chaos_mesh.ScheduleSpecStressChaosStressorsCpu(workers=cpu["workers"], load=cpu["load"])
                ),
                duration=experiment.duration,
                value=value,
            )
        self.api_object = chaos_mesh.Schedule(
            self,
            "Resource",
            metadata=ApiObjectMetadata(
                name=self.name,
                namespace=identity.namespace,
                # part-of names the service whose pods the gate lets it target (chaos-own-pods).
                labels={**identity.selector, PART_OF: identity.part_of},
                annotations={STEADY_STATE_ANNOTATION: ",".join(steady_state_alerts)},
            ),
            spec=chaos_mesh.ScheduleSpec(
                schedule=experiment.cron,
                type=kind,
                concurrency_policy=chaos_mesh.ScheduleSpecConcurrencyPolicy.FORBID,
                history_limit=HISTORY_LIMIT,
                starting_deadline_seconds=STARTING_DEADLINE_SECONDS,
                **spec,
            ),
        )
