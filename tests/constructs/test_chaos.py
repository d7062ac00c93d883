"""Chaos experiments: `ChaosSchedule` (Chaos Mesh Schedule) and the profile's experiments."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pytest
from crd_strict import errors

from cdk8s_webservice import ConfigError, ScalingBounds, ServiceLevelObjectives, WebService, WebServiceProps, testing
from cdk8s_webservice.addons.chaos import (
    ChaosExperiment,
    ChaosMode,
    CpuStressExperiment,
    NetworkDelayExperiment,
    PodKillExperiment,
)
from cdk8s_webservice.addons.chaos_schedule import ChaosSchedule

SCHEDULES = "chaos-mesh.org_schedules.yaml"
KILL = PodKillExperiment(name="pod-kill", schedule="0 10 * * 1-5", time_zone="Europe/Berlin")
DELAY = NetworkDelayExperiment(
    name="delay", schedule="30 14 * * 2", latency="200ms", jitter="20ms", mode=ChaosMode.FIXED_PERCENT, value=50
)
STRESS = CpuStressExperiment(name="cpu", schedule="0 9 * * MON-FRI", duration="10m", workers=2, load=70)
ALERTS = ["AppHighErrorRate", "AppHighLatencyP95"]


def schedule(experiment: ChaosExperiment) -> dict[str, Any]:
    chart = testing.chart()
    construct = ChaosSchedule(
        chart, "chaos", identity=testing.identity(), experiment=experiment, steady_state_alerts=ALERTS
    )
    obj = testing.find(testing.synth(chart), "Schedule")
    assert construct.api_object.kind == "Schedule" and construct.name == obj["metadata"]["name"]
    assert errors(SCHEDULES, obj) == []
    return obj


def test_pod_kill_targets_only_the_services_pods() -> None:
    obj = schedule(KILL)
    spec = obj["spec"]
    assert obj["metadata"]["name"] == "app-pod-kill"
    assert obj["metadata"]["annotations"]["chaos.cdk8s-webservice/steady-state-alerts"] == ",".join(ALERTS)
    assert spec["type"] == "PodChaos" and spec["concurrencyPolicy"] == "Forbid"
    assert spec["schedule"] == "CRON_TZ=Europe/Berlin 0 10 * * 1-5"
    assert spec["podChaos"] == {
        "action": "pod-kill",
        "mode": "one",
        "duration": "30s",
        "selector": {
            "namespaces": ["test"],
            "labelSelectors": {"app.kubernetes.io/part-of": "app", "app.kubernetes.io/component": "api"},
        },
    }


def test_network_delay_and_cpu_stress() -> None:
    delay = schedule(DELAY)["spec"]
    assert delay["type"] == "NetworkChaos" and delay["schedule"] == "CRON_TZ=UTC 30 14 * * 2"
    chaos = delay["networkChaos"]
    assert (chaos["action"], chaos["mode"], chaos["value"], chaos["direction"]) == (
        "delay",
        "fixed-percent",
        "50",
        "to",
    )
    assert chaos["delay"] == {"latency": "200ms", "jitter": "20ms"} and chaos["duration"] == "5m"
    stress = schedule(STRESS)["spec"]
    assert stress["type"] == "StressChaos"
    assert stress["stressChaos"]["stressors"] == {"cpu": {"workers": 2, "load": 70}}
    assert stress["stressChaos"]["duration"] == "10m"


def web(**profile: Any) -> tuple[WebService, list[dict[str, Any]]]:
    values = {"replicas": 2, "autoscaling": ScalingBounds(min_replicas=2, max_replicas=4), **profile}
    chart = testing.chart(testing.profile(**values))
    service = WebService(
        chart,
        "app",
        props=WebServiceProps(
            name="app", image="registry.example.com/app", profile=chart.profile, slo=ServiceLevelObjectives()
        ),
    )
    return service, testing.synth(chart)


def test_off_by_default() -> None:
    service, objects = web()
    assert service.chaos_schedules == {} and not testing.find_all(objects, "Schedule")


@pytest.mark.parametrize("strategy", ["rolling", "blue-green", "canary"])
def test_on_one_schedule_per_experiment_steady_state_from_the_slo_alerts(strategy: str) -> None:
    service, objects = web(chaos_experiments=(KILL, DELAY, STRESS), strategy=strategy)
    assert sorted(service.chaos_schedules) == ["cpu", "delay", "pod-kill"]
    for obj in testing.find_all(objects, "Schedule"):
        assert obj["metadata"]["annotations"]["chaos.cdk8s-webservice/steady-state-alerts"] == ",".join(ALERTS)
        assert errors(SCHEDULES, obj) == []
    assert testing.check(objects) == []


def test_production_refuses_unless_allowed_per_experiment() -> None:
    with pytest.raises(ConfigError, match=r"environment: 'production' is not allowed; chaos experiment 'pod-kill'"):
        testing.profile(name="production", chaos_experiments=(KILL,))
    allowed = PodKillExperiment(name="pod-kill", schedule="0 10 * * 2", allow_in_production=True)
    assert testing.profile(name="production", chaos_experiments=(allowed,)).chaos_experiments == (allowed,)


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 2", duration="11m"),
            r"chaos_experiments.k.duration: '11m' is not allowed; a duration above 0 and at most 10m",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 2", duration="5 minutes"),
            r"chaos_experiments.k.duration: '5 minutes' is not allowed",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 6"),
            r"chaos_experiments.k.schedule: '0 10 \* \* 6' is not allowed; days of week within Monday-Friday",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * *"),
            r"chaos_experiments.k.schedule: '0 10 \* \* \*' is not allowed; days of week",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 8 * * 1"),
            r"chaos_experiments.k.schedule: '0 8 \* \* 1' is not allowed; runs that start at 09:00",
        ),
        (
            lambda: CpuStressExperiment(name="k", schedule="55 16 * * 1", duration="10m"),
            r"chaos_experiments.k.schedule: '55 16 \* \* 1' is not allowed; runs that start at 09:00 or later and end by 17:00",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 1 * 1"),
            r"chaos_experiments.k.schedule: '0 10 1 \* 1' is not allowed; day of month and month",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="@hourly"),
            r"chaos_experiments.k.schedule: '@hourly' is not allowed; five cron fields",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 1", time_zone="Mars/Olympus"),
            r"chaos_experiments.k.time_zone: 'Mars/Olympus' is not allowed",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 1", mode=ChaosMode.FIXED_PERCENT, value=80),
            r"chaos_experiments.k.value: 80 is not allowed",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 1", mode=ChaosMode.ONE, value=1),
            r"chaos_experiments.k.value: 1 is not allowed; None with ChaosMode.ONE",
        ),
        (
            lambda: PodKillExperiment(name="k", schedule="0 10 * * 1", mode=cast(Any, "all")),
            r"chaos_experiments.k.mode: 'all' is not allowed",
        ),
        (
            lambda: PodKillExperiment(name="Bad_Name", schedule="0 10 * * 1"),
            r"chaos_experiments.name: 'Bad_Name' is not allowed",
        ),
        (
            lambda: NetworkDelayExperiment(name="k", schedule="0 10 * * 1", latency="fast"),
            r"chaos_experiments.k.latency: 'fast' is not allowed",
        ),
        (
            lambda: CpuStressExperiment(name="k", schedule="0 10 * * 1", load=150),
            r"chaos_experiments.k.load: 150 is not allowed",
        ),
        (
            lambda: testing.profile(chaos_experiments=(KILL,), alerting=False),
            r"test.alerting: False is not allowed; True: test.chaos_experiments.pod-kill needs the SLO alerts",
        ),
        (
            lambda: testing.profile(chaos_experiments=(KILL, KILL)),
            r"test.chaos_experiments: 'pod-kill' is not allowed; each experiment name appears once",
        ),
        (
            lambda: testing.profile(chaos_experiments="pod-kill"),
            r"test.chaos_experiments: 'pod-kill' is not allowed; a sequence",
        ),
        (
            lambda: testing.profile(
                replicas=2,
                autoscaling=ScalingBounds(min_replicas=2, max_replicas=4),
                chaos_experiments=(PodKillExperiment(name="k", schedule="0 10 * * 1", mode=ChaosMode.FIXED, value=2),),
            ),
            r"test.chaos_experiments.k.value: 2 is not allowed; at most 1: half of the minimum replicas \(2\)",
        ),
    ],
)
def test_bad_values_are_refused_naming_field_and_value(make: Callable[[], object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        make()


def test_a_schedule_needs_steady_state_alerts() -> None:
    with pytest.raises(ConfigError, match=r"chaos_experiments.pod-kill.steady_state_alerts: \[\] is not allowed"):
        ChaosSchedule(testing.chart(), "chaos", identity=testing.identity(), experiment=KILL, steady_state_alerts=[])
