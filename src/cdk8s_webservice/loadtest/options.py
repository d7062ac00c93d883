"""`LoadTestOptions`: what a web service declares about its load test."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.core.values import check_int, check_number

_PATH = re.compile(r"/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?")
_DURATION = re.compile(r"[0-9]+(ms|s|m|h)")
SCENARIOS = ("smoke", "load", "spike")


def check_api_path(field_name: str, value: object) -> str:
    """An absolute request path (query allowed), safe inside a JavaScript string."""
    if not isinstance(value, str) or not _PATH.fullmatch(value):
        raise ConfigError(field_name, value, "an absolute HTTP path such as '/api/v1/check?ip=192.0.2.1'")
    return value


def check_scenario(field_name: str, value: object) -> str:
    if value not in SCENARIOS:
        raise ConfigError(field_name, value, f"one of: {', '.join(SCENARIOS)}")
    return str(value)


def check_duration(field_name: str, value: object) -> str:
    if not isinstance(value, str) or not _DURATION.fullmatch(value):
        raise ConfigError(field_name, value, "a k6 duration such as '30s' or '2m'")
    return value


@public
@dataclass(frozen=True)
class LoadTestOptions:
    """The service's k6 load test: which endpoints it calls, how hard, and where it runs.

    Every environment gets a script, `dist/loadtest/<env>/load-test.js`, whose
    thresholds are the service's SLO (`WebServiceProps.slo`) and whose load
    scenario is sized from the environment's replicas and autoscaling bounds.
    Health and readiness come from `PodOptions.health`; `api_paths` adds
    the service's own API. Every request is tagged with its endpoint.
    """

    api_paths: tuple[str, ...] = ()
    """API paths the test calls besides health and readiness (GET), e.g. `/api/v1/check?ip=192.0.2.1`."""
    vus_per_replica: int = 10
    """Virtual users per replica: the load scenario holds `replicas x` this, the
    spike reaches `autoscaling.max_replicas x` this (default 10)."""
    think_seconds: float = 0.5
    """Pause of each virtual user between requests (default 0.5 s)."""
    hold: str = "3m"
    """How long the load scenario holds its plateau (default 3m)."""
    smoke_duration: str = "30s"
    """How long the smoke scenario runs (one virtual user; default 30s)."""
    cluster_environments: tuple[str, ...] = ()
    """Environments where ArgoCD runs the test after every sync: a k6-operator
    `TestRun` (script in a ConfigMap) as a PostSync hook, against the in-cluster
    Service (in a meshed namespace: the public host, its pods outside the mesh), and a
    PostSync Job that fails the sync when k6 failed (default none)."""
    operator_namespace: str = "k6-operator-system"
    """Namespace of the k6-operator, admitted to the runners' API port 6565
    (default `k6-operator-system`)."""
    cluster_scenario: str = "load"
    """Scenario the in-cluster TestRun runs (default `load`)."""
    k6_image: str = "grafana/k6:1.1.0"
    """Runner image of the TestRun (the k6 version the project tests with)."""

    def __post_init__(self) -> None:
        if not isinstance(self.api_paths, (tuple, list)):
            raise ConfigError("load_test.api_paths", self.api_paths, "a tuple of absolute HTTP paths")
        for path in self.api_paths:
            check_api_path("load_test.api_paths", path)
        if len(set(self.api_paths)) != len(self.api_paths):
            raise ConfigError("load_test.api_paths", list(self.api_paths), "each path once")
        check_int("load_test.vus_per_replica", self.vus_per_replica, minimum=1, maximum=1000)
        check_number(
            "load_test.think_seconds",
            self.think_seconds,
            "a finite number of seconds from 0 to 60",
            minimum=0,
            maximum=60,
        )
        check_duration("load_test.hold", self.hold)
        check_duration("load_test.smoke_duration", self.smoke_duration)
        if not isinstance(self.cluster_environments, (tuple, list)):
            raise ConfigError(
                "load_test.cluster_environments", self.cluster_environments, "a tuple of environment names"
            )
        for name in self.cluster_environments:
            check_dns_label("load_test.cluster_environments", name)
        check_dns_label("load_test.operator_namespace", self.operator_namespace)
        check_scenario("load_test.cluster_scenario", self.cluster_scenario)
        if not isinstance(self.k6_image, str) or ":" not in self.k6_image or self.k6_image.endswith(":latest"):
            raise ConfigError(
                "load_test.k6_image", self.k6_image, "an image with a pinned tag, such as 'grafana/k6:1.1.0'"
            )
