"""Who a service is: its name, namespace and the labels every object derives from."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ConfigError
from .keywords import public
from .names import DNS1123_LABEL_MAX, check_dns_label, check_label_value

NAME = "app.kubernetes.io/name"
PART_OF = "app.kubernetes.io/part-of"
COMPONENT = "app.kubernetes.io/component"
MANAGED_BY = "app.kubernetes.io/managed-by"
ENVIRONMENT = "environment"
COLOUR = "colour"
"""Blue-green: which colour a Deployment (and its pods) is."""
PROMETHEUS_JOB = "prometheus.io/job"
"""On the Services Prometheus scrapes; its value becomes the `job` label."""


@public
@dataclass(frozen=True)
class ServiceIdentity:
    """Names and labels of one service in one environment.

    Two selectors, on purpose:
    - `selector` (the name label only) is the Deployment's and Service's selector.
      A single label is what Flagger requires: it rewrites it to `<name>-primary`.
    - `workload_selector` (part-of + component) is what PDBs, NetworkPolicies and
      topology spread select on: those labels survive Flagger's rewrite, so the
      same objects keep covering primary and canary pods.
    """

    name: str
    """Service name (DNS label)."""
    namespace: str
    """Namespace in this environment."""
    environment: str
    """Environment name."""
    component: str = "api"
    """`app.kubernetes.io/component` (default `api`)."""
    part_of: str = ""
    """`app.kubernetes.io/part-of` (default: the name)."""

    def __post_init__(self) -> None:
        check_dns_label("name", self.name)
        check_dns_label("namespace", self.namespace)
        check_label_value("component", self.component)
        if not self.part_of:
            object.__setattr__(self, "part_of", self.name)
        check_label_value("part_of", self.part_of)

    def derived_name(self, suffix: str) -> str:
        """`<name>-<suffix>`, refused with the service name as the culprit when it
        would exceed a DNS label's 63 characters."""
        derived = f"{self.name}-{suffix}"
        if len(derived) > DNS1123_LABEL_MAX:
            raise ConfigError(
                "name",
                self.name,
                f"the derived object name {derived!r} is {len(derived)} characters; "
                f"at most {DNS1123_LABEL_MAX} are allowed, so the name may have at most "
                f"{DNS1123_LABEL_MAX - len(suffix) - 1}",
            )
        return derived

    @property
    def selector(self) -> dict[str, str]:
        return {NAME: self.name}

    @property
    def workload_selector(self) -> dict[str, str]:
        return {PART_OF: self.part_of, COMPONENT: self.component}

    def colour_selector(self, colour: str | None) -> dict[str, str]:
        """The Deployment selector of one colour (blue-green), or the plain selector."""
        return {**self.selector, COLOUR: colour} if colour else self.selector

    @property
    def common_labels(self) -> dict[str, str]:
        """Labels every object of the service carries (set on the chart)."""
        return {PART_OF: self.part_of, MANAGED_BY: "cdk8s", ENVIRONMENT: self.environment}

    @property
    def pod_labels(self) -> dict[str, str]:
        return {**self.common_labels, **self.selector, **self.workload_selector}
