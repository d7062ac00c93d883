"""The load-test specs of a service: its props (SLO, health, API paths) and profile."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Protocol

from cdk8s_webservice.core.errors import ConfigError

from .script import Endpoint, LoadTestSpec

if TYPE_CHECKING:
    from cdk8s_webservice.kinds.deployment_props import HealthChecks
    from cdk8s_webservice.observability.slo import ServiceLevelObjectives
    from cdk8s_webservice.profiles.environment import EnvironmentProfile

    from .options import LoadTestOptions


class _Pod(Protocol):
    @property
    def port(self) -> int: ...
    @property
    def health(self) -> HealthChecks: ...


class _Network(Protocol):
    @property
    def service_port(self) -> int: ...


class _Delivery(Protocol):
    @property
    def load_test(self) -> LoadTestOptions: ...


class ServiceProps(Protocol):
    """What a load test reads of a service's props (`WebServiceProps`, whose package
    imports this one: the construct side depends on the specs, not the other way round)."""

    @property
    def name(self) -> str: ...
    @property
    def pod(self) -> _Pod: ...
    @property
    def network(self) -> _Network: ...
    @property
    def delivery(self) -> _Delivery: ...
    @property
    def slo(self) -> ServiceLevelObjectives | None: ...
    @property
    def profile(self) -> EnvironmentProfile: ...


SCRIPT_FILE = "load-test.js"


def endpoint_name(path: str) -> str:
    """The tag of an API path: `/api/v1/check?ip=192.0.2.1` -> `api-v1-check`."""
    name = re.sub(r"[^a-z0-9]+", "-", path.split("?", 1)[0].lower()).strip("-")
    return name or "root"


def endpoints(props: ServiceProps) -> tuple[Endpoint, ...]:
    """Health and readiness (the probes' paths), then the declared API paths, each named once."""
    health = props.pod.health
    found = [Endpoint("health", health.liveness_path)]
    if health.readiness_path != health.liveness_path:
        found.append(Endpoint("readiness", health.readiness_path))
    taken = {e.name for e in found}
    for path in props.delivery.load_test.api_paths:
        name, n = endpoint_name(path), 2
        while name in taken:
            name, n = f"{endpoint_name(path)}-{n}", n + 1
        taken.add(name)
        found.append(Endpoint(name, path))
    return tuple(found)


def spec_of(
    props: ServiceProps,
    *,
    base_url: str | None = None,
    target: str | None = None,
    default_scenario: str = "load",
    smoke_vus: int = 1,
    smoke_duration: str | None = None,
    folder: str = "",
) -> LoadTestSpec:
    """The spec of the service `props` in its profile's environment. `BASE_URL` defaults
    to the Ingress (https) or, without one, a local port-forward of the Service."""
    profile, options = props.profile, props.delivery.load_test
    if props.slo is None:
        raise ConfigError(f"{profile.name}.slo", None, "an SLO: the load test's thresholds are the SLO's numbers")
    if base_url is None:
        routes = profile.ingress
        if routes is not None:
            base_url, target = f"https://{routes.hosts[0].host}", "the Ingress host"
        else:
            port, service_port = props.pod.port, props.network.service_port
            base_url = f"http://127.0.0.1:{port}"
            target = (
                f"a port-forward (kubectl -n {profile.namespace} port-forward svc/{props.name} {port}:{service_port})"
            )
    return LoadTestSpec(
        service=props.name,
        environment=profile.name,
        base_url=base_url,
        slo=props.slo,
        endpoints=endpoints(props),
        replicas=profile.replicas,
        min_replicas=profile.autoscaling.min_replicas,
        max_replicas=profile.autoscaling.max_replicas,
        vus_per_replica=options.vus_per_replica,
        think_seconds=options.think_seconds,
        hold=options.hold,
        smoke_duration=smoke_duration or options.smoke_duration,
        smoke_vus=smoke_vus,
        default_scenario=default_scenario,
        target=target or "",
        folder=folder,
    )
