"""The replica range a profile gives the HorizontalPodAutoscaler: a value (no cdk8s), so
profiles import it without starting jsii."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.values import check_int


@public
@dataclass(frozen=True)
class ScalingBounds:
    """The HorizontalPodAutoscaler's replica range."""

    min_replicas: int
    """Fewest replicas (at least 1)."""
    max_replicas: int
    """Most replicas (not below `min_replicas`; at most 2147483647, an int32)."""

    def __post_init__(self) -> None:
        check_int("autoscaling.min_replicas", self.min_replicas, minimum=1)
        check_int("autoscaling.max_replicas", self.max_replicas, minimum=1)
        if self.max_replicas < self.min_replicas:
            raise ConfigError(
                "autoscaling.max_replicas",
                self.max_replicas,
                f"a whole number not below autoscaling.min_replicas ({self.min_replicas})",
            )
