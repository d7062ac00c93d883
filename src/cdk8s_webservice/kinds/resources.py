"""CPU and memory requests and limits of one container: a value of its own, used by the
profiles, the containers and the feature flags' sidecar alike."""

from __future__ import annotations

from dataclasses import dataclass

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public


@public
@dataclass(frozen=True)
class Resources:
    """CPU and memory requests and limits for one container.

    Every container gets both: requests let the scheduler place it, limits keep a
    runaway process from starving its neighbours. A request above its limit is refused.
    """

    cpu_request: str
    """CPU the scheduler reserves (`100m`, `0.5`, `2`)."""
    cpu_limit: str
    """CPU the container is throttled at; not below the request."""
    memory_request: str
    """Memory the scheduler reserves (`256Mi`)."""
    memory_limit: str
    """Memory the container is killed at; not below the request."""

    def __post_init__(self) -> None:
        cpu_request = quantities.cpu("resources.cpu_request", self.cpu_request)
        cpu_limit = quantities.cpu("resources.cpu_limit", self.cpu_limit)
        memory_request = quantities.memory("resources.memory_request", self.memory_request)
        memory_limit = quantities.memory("resources.memory_limit", self.memory_limit)
        if cpu_request.value > cpu_limit.value:
            raise ConfigError(
                "resources.cpu_request", self.cpu_request, f"it must not exceed resources.cpu_limit ({self.cpu_limit})"
            )
        if memory_request.value > memory_limit.value:
            raise ConfigError(
                "resources.memory_request",
                self.memory_request,
                f"it must not exceed resources.memory_limit ({self.memory_limit})",
            )

    def requests(self) -> dict[str, str]:
        return {"cpu": self.cpu_request, "memory": self.memory_request}

    def limits(self) -> dict[str, str]:
        return {"cpu": self.cpu_limit, "memory": self.memory_limit}
