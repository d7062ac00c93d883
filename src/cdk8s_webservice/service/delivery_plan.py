"""The delivery plan: what a strategy makes of one service in one environment.

`DeliveryPlan.of` turns the profile's strategy (with its blue-green state, replicas and
Ingress) and the service's identity into plain data: the Deployments and which one is
live, the Services and what they select, the jobs Prometheus scrapes, what the HPA, PDB
and VPA follow, the extra clients the NetworkPolicy admits, and whether Flagger owns
the Services. `WebService` builds each construct from the plan and never asks for the
strategy itself. The plan needs no jsii, so it is tested as data.

Not part of `cdk8s_webservice.__all__` (import it from this module).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cdk8s_webservice.core.identity import COLOUR, ServiceIdentity
from cdk8s_webservice.delivery.strategy import CanaryOptions, Strategy
from cdk8s_webservice.profiles.environment import EnvironmentProfile


@dataclass(frozen=True)
class PlannedDeployment:
    """One Deployment of the service."""

    name: str
    """`<name>`, or `<name>-<colour>` under blue-green."""
    colour: str | None
    """The blue-green colour; None for the single Deployment of rolling and canary."""
    image_tag: str
    """The tag it runs: the profile's, or the colour's own under blue-green."""
    replicas: int
    """The profile's replicas when live; the HPA's minimum for the preview colour."""
    live: bool
    """Serves live traffic; False for the blue-green preview colour."""


@dataclass(frozen=True)
class PlannedService:
    """One Service the library renders (Flagger's own Services are not planned)."""

    name: str
    """`<name>` for live traffic, `<name>-preview` for the blue-green preview colour."""
    selector: Mapping[str, str]
    """The pod labels it selects (with the colour under blue-green)."""
    live: bool
    """Serves live traffic; False for the preview Service."""


@dataclass(frozen=True)
class DeliveryPlan:
    """Which delivery objects exist and what points at what, for one strategy."""

    strategy: Strategy
    """The strategy planned."""
    deployments: tuple[PlannedDeployment, ...]
    """The Deployments, live one first: one, or one per colour under blue-green."""
    services: tuple[PlannedService, ...]
    """The Services the library renders, live one first; none for a canary."""
    live_job: str
    """Prometheus job of the live pods (what alerts and dashboards query)."""
    test_job: str | None
    """Prometheus job of the pods under test (`<name>-preview`, `<name>-canary`); None for rolling."""
    vpa_target: str
    """The Deployment the VPA watches: the live one, or Flagger's `<name>-primary`."""
    live_autoscaler: str
    """The HPA scaling the live pods: `<name>`, or Flagger's copy `<name>-primary`
    (Flagger holds the canary's own `<name>` at zero between releases)."""
    extra_http_clients: tuple[str, ...]
    """Namespaces also admitted to `http` (a canary's load tester)."""
    flagger_owns_services: bool
    """A Flagger Canary drives the Deployment and generates the Services."""
    flagger_ingress: str | None
    """The Ingress Flagger shifts weighted traffic through; None without one (or no canary)."""

    @classmethod
    def of(cls, identity: ServiceIdentity, profile: EnvironmentProfile, canary: CanaryOptions) -> DeliveryPlan:
        """The plan of `profile.strategy` for the service `identity`.

        The names of objects the library renders are checked as they are derived
        (`ServiceIdentity.derived_name`), in the order `WebService` builds them.
        """
        factories = {Strategy.ROLLING: cls._rolling, Strategy.BLUE_GREEN: cls._blue_green, Strategy.CANARY: cls._canary}
        return factories[profile.strategy](identity, profile, canary)

    @property
    def live(self) -> PlannedDeployment:
        """The Deployment serving live traffic."""
        return next(deployment for deployment in self.deployments if deployment.live)

    @property
    def autoscaling_target(self) -> str:
        """The Deployment the HPA scales: the live one."""
        return self.live.name

    @property
    def budget_selector(self) -> dict[str, str] | None:
        """Labels the PDB selects on top of the workload labels: the live colour, if any."""
        return {COLOUR: self.live.colour} if self.live.colour else None

    @property
    def workloads(self) -> tuple[str, ...]:
        """Every Deployment that runs the service's pods, Flagger's primary included."""
        names = tuple(d.name for d in self.deployments)
        return names if self.vpa_target in names else (*names, self.vpa_target)

    @property
    def scraped_jobs(self) -> tuple[str, ...]:
        """Every job the ServiceMonitor scrapes, each Service once."""
        return (self.live_job,) if self.test_job is None else (self.live_job, self.test_job)

    @classmethod
    def _rolling(cls, identity: ServiceIdentity, profile: EnvironmentProfile, canary: CanaryOptions) -> DeliveryPlan:
        return cls(
            strategy=Strategy.ROLLING,
            deployments=(PlannedDeployment(identity.name, None, profile.image_tag, profile.replicas, live=True),),
            services=(PlannedService(identity.name, identity.selector, live=True),),
            live_job=identity.name,
            test_job=None,
            vpa_target=identity.name,
            live_autoscaler=identity.name,
            extra_http_clients=(),
            flagger_owns_services=False,
            flagger_ingress=None,
        )

    @classmethod
    def _blue_green(cls, identity: ServiceIdentity, profile: EnvironmentProfile, canary: CanaryOptions) -> DeliveryPlan:
        state = profile.blue_green
        live, preview = state.active, state.preview
        live_deployment = PlannedDeployment(
            identity.derived_name(live), live, state.tag(live, profile.image_tag), profile.replicas, live=True
        )
        preview_deployment = PlannedDeployment(
            identity.derived_name(preview),
            preview,
            state.tag(preview, profile.image_tag),
            profile.autoscaling.min_replicas,
            live=False,
        )
        preview_service = identity.derived_name("preview")
        return cls(
            strategy=Strategy.BLUE_GREEN,
            deployments=(live_deployment, preview_deployment),
            services=(
                PlannedService(identity.name, identity.colour_selector(live), live=True),
                PlannedService(preview_service, identity.colour_selector(preview), live=False),
            ),
            live_job=identity.name,
            test_job=preview_service,
            vpa_target=live_deployment.name,
            live_autoscaler=identity.name,
            extra_http_clients=(),
            flagger_owns_services=False,
            flagger_ingress=None,
        )

    @classmethod
    def _canary(cls, identity: ServiceIdentity, profile: EnvironmentProfile, canary: CanaryOptions) -> DeliveryPlan:
        # Flagger scales `<name>` to zero between releases and runs the live pods in
        # `<name>-primary`; it generates `<name>`, `<name>-primary` and `<name>-canary`.
        # Those names are Flagger's, so they are not checked here: `FlaggerCanary`
        # checks the longer names it derives first, and reports those.
        primary, canary_job = f"{identity.name}-primary", f"{identity.name}-canary"
        return cls(
            strategy=Strategy.CANARY,
            deployments=(PlannedDeployment(identity.name, None, profile.image_tag, profile.replicas, live=True),),
            services=(),
            live_job=identity.name,
            test_job=canary_job,
            vpa_target=primary,
            live_autoscaler=primary,
            extra_http_clients=(
                (canary.load_tester_namespace,) if canary.load_test_url or canary.k6_webhook_url else ()
            ),
            flagger_owns_services=True,
            flagger_ingress=identity.name if profile.ingress is not None else None,
        )
