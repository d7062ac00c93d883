"""How a new version reaches users: the strategy, and the state a strategy keeps.

The strategy is one value of the environment profile. Everything that changes at
release time (image tags, the live blue-green colour) is data in the releases
file (see `releases.py`), so automation changes it without editing Python.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.core.values import check_int, check_str

COLOURS = ("blue", "green")
_URL = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?(/[^\s]*)?")
_INTERVAL = re.compile(r"[0-9]+(s|m)")


class Strategy(enum.Enum):
    """Rolling (default, zero downtime), blue-green (instant switch and rollback)
    or canary (progressive, Flagger-driven, metric-gated)."""

    ROLLING = "rolling"
    BLUE_GREEN = "blue-green"
    CANARY = "canary"

    @classmethod
    def parse(cls, field_name: str, value: object) -> Strategy:
        for strategy in cls:
            if value == strategy.value or value is strategy:
                return strategy
        raise ConfigError(field_name, value, f"one of: {', '.join(s.value for s in cls)}")


@public
@dataclass(frozen=True)
class BlueGreenState:
    """Which colour is live, and which image each colour runs.

    The live colour serves the Service `<name>`; the other one serves
    `<name>-preview`. A release sets the preview colour's tag; promoting (and
    rolling back) is flipping `active`. Without `image_tags` both colours run the
    profile's `image_tag`.
    """

    active: str = "blue"
    """The live colour, `blue` (default) or `green`."""
    image_tags: Mapping[str, str] = field(default_factory=dict)
    """Colour -> image tag; a colour not listed runs the profile's `image_tag`."""

    def __post_init__(self) -> None:
        if not isinstance(self.active, str) or self.active not in COLOURS:
            raise ConfigError("blue_green.active", self.active, f"one of: {', '.join(COLOURS)}")
        if not isinstance(self.image_tags, Mapping):
            raise ConfigError("blue_green.image_tags", self.image_tags, "a mapping of colour to image tag")
        for colour in self.image_tags:
            check_str("blue_green.image_tags", colour, f"colours are {', '.join(COLOURS)}")
        unknown = sorted(set(self.image_tags) - set(COLOURS))
        if unknown:
            raise ConfigError("blue_green.image_tags", unknown[0], f"colours are {', '.join(COLOURS)}")

    @property
    def preview(self) -> str:
        return COLOURS[1 - COLOURS.index(self.active)]

    def tag(self, colour: str, default: str) -> str:
        return self.image_tags.get(colour, default)


@public
@dataclass(frozen=True)
class CanaryOptions:
    """Flagger's analysis: every `interval`, shift `step_weight` % more traffic to
    the canary up to `max_weight`, while the SLO checks pass; `threshold` failed
    checks roll back. Without an Ingress (no traffic-splitting provider) the
    canary is tested for `iterations` intervals, then switched (Flagger's
    blue/green mode).

    The load-test webhook drives traffic at the canary through Flagger's load
    tester (its namespace is admitted by the NetworkPolicy); `confirm_promotion_url`
    adds a manual gate before promotion.
    """

    interval: str = "1m"
    """How often Flagger checks the metrics and moves traffic (default 1m)."""
    threshold: int = 5
    """Failed checks before Flagger rolls back (default 5)."""
    max_weight: int = 50
    """Highest share of traffic (%) the canary gets before promotion (default 50)."""
    step_weight: int = 10
    """Traffic added (%) at each passing check (default 10)."""
    iterations: int = 10
    """Checks to pass when there is no traffic router (default 10)."""
    progress_deadline_seconds: int = 600
    """How long a canary may make no progress before it is rolled back."""
    prometheus_address: str = "http://prometheus-operated.monitoring:9090"
    """Where the MetricTemplates query (kube-prometheus-stack's default Service)."""
    load_test_url: str | None = "http://flagger-loadtester.flagger-system/"
    """Flagger load tester that drives traffic at the canary; None for no load test."""
    load_tester_namespace: str = "flagger-system"
    """Namespace the load tester runs in (admitted to the `http` port)."""
    load_test_command: str = "hey -z 1m -q 10 -c 2"
    """Load-test command; the canary Service's URL is appended."""
    confirm_promotion_url: str | None = None
    """A gate Flagger must get a 200 from before promoting; None for none."""
    k6_webhook_url: str | None = None
    """Grafana's flagger-k6-webhook (`.../launch-test`, running in `load_tester_namespace`);
    when set, a pre-rollout webhook runs the service's k6 script (the SLO's thresholds,
    smoke scenario) against the canary instead of `load_test_command`. None (default): `hey`."""

    def __post_init__(self) -> None:
        if not isinstance(self.interval, str) or not _INTERVAL.fullmatch(self.interval):
            raise ConfigError("canary.interval", self.interval, "a duration such as '1m' or '30s'")
        for name in ("threshold", "iterations", "progress_deadline_seconds"):
            check_int(f"canary.{name}", getattr(self, name), minimum=1)
        check_int(
            "canary.max_weight", self.max_weight, minimum=1, maximum=100, allowed="a whole percentage from 1 to 100"
        )
        check_int(
            "canary.step_weight", self.step_weight, minimum=1, maximum=100, allowed="a whole percentage from 1 to 100"
        )
        if not 1 <= self.step_weight <= self.max_weight <= 100:
            raise ConfigError(
                "canary.step_weight",
                self.step_weight,
                f"1 to canary.max_weight ({self.max_weight}), which is at most 100",
            )
        for name in ("prometheus_address", "load_test_url", "confirm_promotion_url", "k6_webhook_url"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, str) or not _URL.fullmatch(value)):
                raise ConfigError(f"canary.{name}", value, "an http(s) URL")
        check_dns_label("canary.load_tester_namespace", self.load_tester_namespace)
        check_str("canary.load_test_command", self.load_test_command, "a non-empty string (a shell command)")
