"""Environment profiles: the per-environment values a service is deployed with.

A profile is data, validated when it is constructed: a bad quantity, a minimum
above its maximum or a floating tag where tags must be pinned raises
`ConfigError` before any construct exists, so nothing is ever written from it.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from cdk8s_webservice.addons.chaos import ChaosExperiment, check_experiments
from cdk8s_webservice.addons.feature_flags import FeatureFlags
from cdk8s_webservice.addons.karpenter import NodePoolOptions, check_node_pool
from cdk8s_webservice.addons.mesh import ServiceMesh
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import FLOATING_TAGS, check_dns_label, check_env_var_name, check_host_name
from cdk8s_webservice.core.values import check_bool, check_instance, check_int, check_str_mapping
from cdk8s_webservice.delivery.strategy import BlueGreenState, Strategy
from cdk8s_webservice.kinds.ingress_routes import IngressRoutes
from cdk8s_webservice.kinds.replicas import ScalingBounds
from cdk8s_webservice.kinds.resources import Resources as Resources

_TAG = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")
# A git ref as ArgoCD's targetRevision takes it (git check-ref-format, conservatively).
_GIT_REF = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_./-]{0,254}")
_DIGEST = re.compile(r"sha256:[0-9a-f]{64}")


class TagPolicy(enum.Enum):
    """Whether an environment may run a moving image tag."""

    FLOATING = "floating"
    """Any valid tag, `latest` included: fine for development."""
    PINNED = "pinned"
    """A release tag or digest only; `latest`, other moving tags and no tag are refused."""


def check_image_tag(field_name: str, tag: str | None, policy: TagPolicy) -> None:
    """Refuse a malformed tag, and a moving or missing one where the policy pins tags."""
    if tag is None or tag == "":
        # An untagged image is `latest` in disguise: refused under every policy.
        raise ConfigError(field_name, tag, "an image tag or sha256 digest is required")
    if not isinstance(tag, str) or not (_TAG.fullmatch(tag) or _DIGEST.fullmatch(tag)):
        raise ConfigError(
            field_name, tag, "an image tag is up to 128 letters, digits, '_', '.' or '-', or a digest 'sha256:<64 hex>'"
        )
    if policy is TagPolicy.PINNED and tag.lower() in FLOATING_TAGS:
        raise ConfigError(
            field_name,
            tag,
            f"this environment pins image tags: a moving tag ({', '.join(sorted(FLOATING_TAGS))}) is refused",
        )


@public
@dataclass(frozen=True)
class EnvironmentProfile:
    """Everything that differs between one environment and the next.

    `name` is the environment (and the folder under dist/); `namespace` is where the
    service runs there. `replicas` is the Deployment's starting count; the HPA owns
    the count at run time, within `autoscaling`.
    """

    name: str
    """Environment name: DNS label, the folder under dist/, the `environment` label."""
    namespace: str
    """Namespace the service runs in here."""
    replicas: int
    """Starting replicas (within `autoscaling`; the HPA owns the count at run time). A
    whole number: `True` and `2.0` are refused."""
    resources: Resources
    """Requests and limits of the service's container here."""
    autoscaling: ScalingBounds
    """The HPA's replica range here."""
    image_tag: str
    """The release this environment runs (usually from the releases file)."""
    tag_policy: TagPolicy = TagPolicy.PINNED
    """PINNED (default): moving tags such as `latest` are refused; FLOATING allows them."""
    vpa: bool = False
    """A VerticalPodAutoscaler in recommendation mode (never evicts; see autoscaling)."""
    ingress_host: str | None = None
    """Public DNS host name for an Ingress (no IP address, no wildcard); None means no
    Ingress (port-forward only). Shorthand for `ingress_routes` with this host at `/`."""
    ingress_routes: IngressRoutes | None = None
    """Several hosts, their paths and TLS sections (see `IngressRoutes`); None (the
    default) means `ingress_host` alone decides. Set one of the two, not both."""
    alerting: bool = True
    """Alerting rules and Grafana dashboards (scraping is on everywhere)."""
    strategy: Strategy = Strategy.ROLLING
    """How a new version rolls out here."""
    blue_green: BlueGreenState = field(default_factory=BlueGreenState)
    """Live colour and per-colour tags, used when `strategy` is blue-green."""
    git_revision: str = "main"
    """Branch (or tag) of the repository ArgoCD syncs this environment from."""
    auto_sync: bool = True
    """ArgoCD syncs (with prune and self-heal) by itself; False: a human syncs."""
    config: dict[str, str] = field(default_factory=dict)
    """Extra, environment-specific settings merged into the service's ConfigMap:
    environment variable names to string values (quote numbers: `"4"`)."""
    mesh: ServiceMesh | None = None
    """The service mesh the pods join here (`Istio(...)`: sidecar injection, STRICT mutual
    TLS, an AuthorizationPolicy, Flagger's mesh provider); None (the default): no mesh."""
    node_pool: NodePoolOptions | None = None
    """A Karpenter NodePool + EC2NodeClass dedicated to the service here, and the
    workload scheduled onto it; None (the default): none, pods go wherever they fit."""
    feature_flags: FeatureFlags | None = None
    """OpenFeature flags here, served by an injected flagd sidecar (`FeatureFlag`,
    `FeatureFlagSource`, pod annotations); None (the default): none."""
    chaos_experiments: Sequence[ChaosExperiment] = ()
    """Scheduled Chaos Mesh experiments on the service's own pods here (none by default).
    Refused in production unless an experiment sets `allow_in_production=True`; they
    need `alerting` (their steady state is the SLO alerts)."""

    def __post_init__(self) -> None:
        check_dns_label("environment.name", self.name)
        check_dns_label(f"{self.name}.namespace", self.namespace)
        if not isinstance(self.tag_policy, TagPolicy):
            raise ConfigError(f"{self.name}.tag_policy", self.tag_policy, "TagPolicy.FLOATING or TagPolicy.PINNED")
        check_instance(f"{self.name}.resources", self.resources, Resources)
        check_instance(f"{self.name}.autoscaling", self.autoscaling, ScalingBounds)
        check_instance(f"{self.name}.blue_green", self.blue_green, BlueGreenState)
        for flag in ("vpa", "alerting", "auto_sync"):
            check_bool(f"{self.name}.{flag}", getattr(self, flag))
        check_str_mapping(f"{self.name}.config", self.config, check_key=check_env_var_name)
        check_image_tag(f"{self.name}.image_tag", self.image_tag, self.tag_policy)
        object.__setattr__(self, "strategy", Strategy.parse(f"{self.name}.strategy", self.strategy))
        for colour, tag in self.blue_green.image_tags.items():
            check_image_tag(f"{self.name}.blue_green.image_tags.{colour}", tag, self.tag_policy)
        if (
            not isinstance(self.git_revision, str)
            or not _GIT_REF.fullmatch(self.git_revision)
            or (".." in self.git_revision)
        ):
            raise ConfigError(
                f"{self.name}.git_revision",
                self.git_revision,
                "a branch, tag or commit: letters, digits, '.', '_', '-' and '/', no '..', no leading '-' or '/'",
            )
        check_int(f"{self.name}.replicas", self.replicas, minimum=1)
        if not self.autoscaling.min_replicas <= self.replicas <= self.autoscaling.max_replicas:
            raise ConfigError(
                f"{self.name}.replicas",
                self.replicas,
                f"within the autoscaling range {self.autoscaling.min_replicas}-{self.autoscaling.max_replicas}",
            )
        if self.ingress_host is not None:
            check_host_name(f"{self.name}.ingress_host", self.ingress_host)
        if self.ingress_routes is not None:
            check_instance(f"{self.name}.ingress_routes", self.ingress_routes, IngressRoutes)
            if self.ingress_host is not None:
                raise ConfigError(f"{self.name}.ingress_routes", self.ingress_routes, "None where ingress_host is set")
        if self.mesh is not None and not isinstance(self.mesh, ServiceMesh):
            raise ConfigError(f"{self.name}.mesh", self.mesh, "a ServiceMesh such as Istio(), or None")
        check_node_pool(f"{self.name}.node_pool", self.node_pool)
        if self.node_pool is not None:
            self.node_pool.check_fits(
                self.name,
                cpu_request=self.resources.cpu_request,
                memory_request=self.resources.memory_request,
                max_replicas=self.autoscaling.max_replicas,
            )
        if self.feature_flags is not None:
            check_instance(f"{self.name}.feature_flags", self.feature_flags, FeatureFlags)
        experiments = check_experiments(
            self.name, self.chaos_experiments, min_replicas=self.autoscaling.min_replicas, alerting=self.alerting
        )
        object.__setattr__(self, "chaos_experiments", experiments)

    @property
    def ingress(self) -> IngressRoutes | None:
        """What the Ingress routes here: `ingress_routes`, or `ingress_host` at `/`; None: no Ingress."""
        if self.ingress_host is not None:
            return IngressRoutes.single(self.ingress_host)
        return self.ingress_routes


class Environments:
    """An ordered, closed set of profiles, looked up by name.

    Asking for a name that is not in the set raises `ConfigError` listing the names
    that are, so a typo on the command line fails before anything is synthesized.
    """

    def __init__(self, profiles: Iterable[EnvironmentProfile]) -> None:
        self._profiles: dict[str, EnvironmentProfile] = {}
        for profile in profiles:
            if profile.name in self._profiles:
                raise ConfigError("environment.name", profile.name, "each environment name appears once")
            self._profiles[profile.name] = profile

    def __iter__(self) -> Iterator[EnvironmentProfile]:
        return iter(self._profiles.values())

    def __len__(self) -> int:
        return len(self._profiles)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._profiles)

    def get(self, name: str) -> EnvironmentProfile:
        try:
            return self._profiles[name]
        except KeyError:
            raise ConfigError("environment", name, f"one of: {', '.join(self._profiles)}") from None

    def select(self, names: Iterable[str] | None) -> list[EnvironmentProfile]:
        """The named profiles in the set's own order; all of them when `names` is None."""
        if names is None:
            return list(self)
        wanted = {self.get(name).name for name in names}
        return [profile for profile in self if profile.name in wanted]
