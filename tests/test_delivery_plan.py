"""The delivery plan of each strategy, as data: no chart, no synth."""

from __future__ import annotations

from typing import Any

import pytest

from cdk8s_webservice import CanaryOptions, EnvironmentProfile, Resources, ScalingBounds, Strategy
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.delivery.strategy import BlueGreenState
from cdk8s_webservice.service.delivery_plan import DeliveryPlan, PlannedDeployment, PlannedService

APP = ServiceIdentity(name="app", namespace="shop", environment="staging")
RESOURCES = Resources(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi")
NAME = {"app.kubernetes.io/name": "app"}


def plan(strategy: Strategy, canary: CanaryOptions | None = None, **profile: Any) -> DeliveryPlan:
    return DeliveryPlan.of(
        APP,
        EnvironmentProfile(
            name="staging",
            namespace="shop",
            replicas=3,
            resources=RESOURCES,
            autoscaling=ScalingBounds(min_replicas=2, max_replicas=5),
            image_tag="v2",
            strategy=strategy,
            **profile,
        ),
        canary or CanaryOptions(),
    )


def test_rolling() -> None:
    p = plan(Strategy.ROLLING)
    assert p.deployments == (PlannedDeployment("app", None, "v2", 3, live=True),)
    assert p.live.name == p.autoscaling_target == p.vpa_target == "app"
    assert p.services == (PlannedService("app", NAME, live=True),)
    assert (p.live_job, p.test_job, p.scraped_jobs) == ("app", None, ("app",))
    assert p.budget_selector is None
    assert p.extra_http_clients == ()
    assert not p.flagger_owns_services and p.flagger_ingress is None


@pytest.mark.parametrize(("live", "preview"), [("blue", "green"), ("green", "blue")])
def test_blue_green_follows_the_live_colour(live: str, preview: str) -> None:
    p = plan(Strategy.BLUE_GREEN, blue_green=BlueGreenState(active=live, image_tags={preview: "v3"}))
    assert p.deployments == (
        PlannedDeployment(f"app-{live}", live, "v2", 3, live=True),
        PlannedDeployment(f"app-{preview}", preview, "v3", 2, live=False),  # at the HPA's minimum
    )
    assert p.live.name == p.autoscaling_target == p.vpa_target == f"app-{live}"
    assert p.services == (
        PlannedService("app", {**NAME, "colour": live}, live=True),
        PlannedService("app-preview", {**NAME, "colour": preview}, live=False),
    )
    assert (p.live_job, p.test_job, p.scraped_jobs) == ("app", "app-preview", ("app", "app-preview"))
    assert p.budget_selector == {"colour": live}
    assert p.extra_http_clients == ()
    assert not p.flagger_owns_services and p.flagger_ingress is None


def test_canary_with_an_ingress() -> None:
    p = plan(Strategy.CANARY, ingress_host="app.example.com")
    assert p.deployments == (PlannedDeployment("app", None, "v2", 3, live=True),)
    assert p.live.name == p.autoscaling_target == "app"
    assert p.vpa_target == "app-primary"  # where Flagger runs the live pods
    assert p.services == ()  # Flagger generates them
    assert (p.live_job, p.test_job, p.scraped_jobs) == ("app", "app-canary", ("app", "app-canary"))
    assert p.budget_selector is None
    assert p.extra_http_clients == ("flagger-system",)  # the load tester
    assert p.flagger_owns_services and p.flagger_ingress == "app"


def test_canary_without_an_ingress_or_a_load_test() -> None:
    p = plan(Strategy.CANARY, CanaryOptions(load_test_url=None))
    assert p.services == () and p.flagger_owns_services
    assert p.flagger_ingress is None  # no router: Flagger's blue/green iterations
    assert p.extra_http_clients == ()
    assert (p.vpa_target, p.scraped_jobs) == ("app-primary", ("app", "app-canary"))
