"""Karpenter: the options of a service's dedicated node pool, as data (no cdk8s here).

`NodePoolOptions` on an `EnvironmentProfile` (None, the default: no pool) asks for a
Karpenter `NodePool` (karpenter.sh/v1) and its `EC2NodeClass` (karpenter.k8s.aws/v1)
in that environment; `node_pool.py` builds them, and `WebService` schedules the
workload onto the pool (a node selector on the pool's label, a toleration of its
taint). Both objects are cluster-scoped: `CLUSTER_KINDS` lists them for an
ArgoCD AppProject's `clusterResourceWhitelist`.

Values are checked when the options are built; a mistake raises `ConfigError`
naming `node_pool.<field>` and the value.

Over 250 lines on purpose: three option types whose every field is documented and checked
(the construct reference is generated from them), kept together as one interface.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cdk8s_webservice.core import quantities
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import is_label_key
from cdk8s_webservice.core.values import check_instance, check_int, check_str

NODE_POOL_GROUP = "karpenter.sh"
EC2_NODE_CLASS_GROUP = "karpenter.k8s.aws"
CLUSTER_KINDS: tuple[tuple[str, str], ...] = ((NODE_POOL_GROUP, "NodePool"), (EC2_NODE_CLASS_GROUP, "EC2NodeClass"))
"""(API group, kind) of the cluster-scoped objects a node pool renders: what an
AppProject's `clusterResourceWhitelist` must allow for the environment's Application."""

CAPACITY_TYPES = ("on-demand", "spot", "reserved")
ARCHITECTURES = ("amd64", "arm64")
CONSOLIDATION_POLICIES = ("WhenEmpty", "WhenEmptyOrUnderutilized")
DISRUPTION_REASONS = ("Underutilized", "Empty", "Drifted")
# EC2 instance categories Karpenter's `instance-category` label takes (c, m, r, t, ...).
_CATEGORY = re.compile(r"[a-z]{1,3}")
# Karpenter durations: Go durations of s, m and h (no ms), or Never.
_DURATION = re.compile(r"([0-9]+(s|m|h))+")
_BUDGET_DURATION = re.compile(r"(([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?")
_BUDGET_NODES = re.compile(r"(100|[0-9]{1,2})%|[0-9]+")
_CRON = re.compile(r"@(annually|yearly|monthly|weekly|daily|midnight|hourly)|\S+( \S+){4}")
# family@version; the version pinned: `latest` floats (see `EC2NodeClassOptions.ami_alias`).
_AMI_ALIAS = re.compile(r"(?P<family>al2023|al2|bottlerocket)@(?P<version>v[0-9][0-9.]*)")
_ROLE = re.compile(r"[A-Za-z0-9+=,.@_-]{1,64}")
_KMS_KEY = re.compile(r"arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(key|alias)/[A-Za-z0-9/_-]+")
_VOLUME_SIZE = re.compile(r"[1-9][0-9]{0,4}Gi")


def _check_duration(field_name: str, value: object, *, never: bool = True) -> str:
    if isinstance(value, str) and (_DURATION.fullmatch(value) or (never and value == "Never")):
        return value
    allowed = "a duration of hours, minutes and seconds such as '720h' or '5m'"
    raise ConfigError(field_name, value, allowed + (", or 'Never'" if never else ""))


def _check_choices(field_name: str, values: object, choices: Sequence[str]) -> tuple[str, ...]:
    """A non-empty sequence (not a string) of distinct values out of `choices`."""
    allowed = f"a non-empty tuple of distinct values out of: {', '.join(choices)}"
    if isinstance(values, str) or not isinstance(values, Sequence) or not values:
        raise ConfigError(field_name, values, allowed)
    for value in values:
        if value not in choices:
            raise ConfigError(field_name, value, allowed)
    if len(set(values)) != len(values):
        raise ConfigError(field_name, values, allowed)
    return tuple(values)


def check_architectures(field_name: str, values: object) -> tuple[str, ...]:
    """A non-empty tuple of distinct CPU architectures out of `ARCHITECTURES`."""
    return _check_choices(field_name, values, ARCHITECTURES)


def check_role(field_name: str, value: object) -> str:
    """An IAM role name, as an EC2NodeClass takes it."""
    if not isinstance(value, str) or not _ROLE.fullmatch(value):
        raise ConfigError(field_name, value, "an IAM role name: 1-64 letters, digits or +=,.@_-")
    return value


def check_cluster_name(field_name: str, value: object) -> str:
    """An EKS cluster name: the discovery tag's value on its subnets and security groups."""
    if not isinstance(value, str) or not _ROLE.fullmatch(value):
        raise ConfigError(field_name, value, "an EKS cluster name (letters, digits, '-', '_')")
    return value


@public
@dataclass(frozen=True)
class NodeDisruptionBudget:
    """How many of the pool's nodes Karpenter may disrupt at once (`spec.disruption.budgets[]`).

    Without `schedule` the budget always applies; with one (a cron expression, UTC) it
    applies for `duration` from each time the schedule fires (e.g. `nodes="0"` during
    business hours freezes voluntary disruption).
    """

    nodes: str = "10%"
    """A count (`"1"`) or a percentage (`"10%"`) of the pool's nodes; `"0"` blocks."""
    reasons: tuple[str, ...] = ()
    """The disruption reasons it limits (Underutilized, Empty, Drifted); empty: all."""
    schedule: str | None = None
    """A cron expression (`"0 9 * * mon-fri"`) or `@daily`-style macro; needs `duration`."""
    duration: str | None = None
    """How long the budget holds after each schedule time (`"8h"`, `"30m"`, `"1h30m"`)."""

    def __post_init__(self) -> None:
        if not isinstance(self.nodes, str) or not _BUDGET_NODES.fullmatch(self.nodes):
            raise ConfigError("node_pool.budgets.nodes", self.nodes, "a node count ('1') or a percentage ('10%')")
        if self.reasons:
            _check_choices("node_pool.budgets.reasons", self.reasons, DISRUPTION_REASONS)
        if (self.schedule is None) != (self.duration is None):
            raise ConfigError(
                "node_pool.budgets.schedule", self.schedule, "set together with duration (both or neither)"
            )
        if self.schedule is not None and (not isinstance(self.schedule, str) or not _CRON.fullmatch(self.schedule)):
            raise ConfigError(
                "node_pool.budgets.schedule", self.schedule, "a cron expression of five fields or a macro like @daily"
            )
        if self.duration is not None and (
            not isinstance(self.duration, str) or not _BUDGET_DURATION.fullmatch(self.duration)
        ):
            raise ConfigError("node_pool.budgets.duration", self.duration, "hours and/or minutes: '8h', '30m', '1h30m'")

    def to_spec(self) -> dict[str, object]:
        spec: dict[str, object] = {"nodes": self.nodes}
        if self.reasons:
            spec["reasons"] = list(self.reasons)
        if self.schedule is not None:
            spec["schedule"], spec["duration"] = self.schedule, self.duration
        return spec


@public
@dataclass(frozen=True)
class EC2NodeClassOptions:
    """The AWS side of the pool: which IAM role, AMI, subnets and security groups its
    nodes get. Subnets and security groups are found by the cluster's discovery tag
    (`<discovery_tag_key>: <cluster_name>`, as Karpenter's installation guide tags them)."""

    cluster_name: str
    """The EKS cluster: the value of the discovery tag on its subnets and security groups."""
    role: str
    """The IAM role (name) of the nodes, e.g. `KarpenterNodeRole-<cluster>`."""
    ami_alias: str
    """The AMI, as Karpenter's alias `family@version` (`al2023@v20240807`). The version is
    pinned: `@latest` is refused, because a floating alias changes the nodes' AMI
    whenever AWS publishes one; Karpenter then sees drift and replaces every node of the
    pool without a change in git, a review or a way back. A pinned version changes
    only in a reviewed commit (and rolls back with a revert)."""
    discovery_tag_key: str = "karpenter.sh/discovery"
    """The tag key subnets and security groups are discovered by."""
    root_volume_size: str = "50Gi"
    """Size of the encrypted gp3 root volume (`20Gi` to `16384Gi`)."""
    kms_key_id: str | None = None
    """A KMS key ARN for the root volume's encryption; None: the account's default EBS key."""

    def __post_init__(self) -> None:
        check_str("node_pool.node_class.cluster_name", self.cluster_name)
        check_cluster_name("node_pool.node_class.cluster_name", self.cluster_name)
        check_role("node_pool.node_class.role", self.role)
        match = _AMI_ALIAS.fullmatch(self.ami_alias) if isinstance(self.ami_alias, str) else None
        if match is None:
            raise ConfigError(
                "node_pool.node_class.ami_alias",
                self.ami_alias,
                "a pinned AMI alias 'family@version' (al2023, al2 or bottlerocket), such as 'al2023@v20240807'; "
                "'@latest' floats: every new AMI would replace the pool's nodes without a reviewed change",
            )
        if not is_label_key(self.discovery_tag_key):
            raise ConfigError(
                "node_pool.node_class.discovery_tag_key",
                self.discovery_tag_key,
                "a tag key such as 'karpenter.sh/discovery'",
            )
        size = self.root_volume_size
        if not isinstance(size, str) or not _VOLUME_SIZE.fullmatch(size) or not 20 <= int(size[:-2]) <= 16384:
            raise ConfigError("node_pool.node_class.root_volume_size", size, "from '20Gi' to '16384Gi'")
        if self.kms_key_id is not None and (
            not isinstance(self.kms_key_id, str) or not _KMS_KEY.fullmatch(self.kms_key_id)
        ):
            raise ConfigError(
                "node_pool.node_class.kms_key_id",
                self.kms_key_id,
                "a KMS key or alias ARN, or None for the default key",
            )

    @property
    def ami_family(self) -> str:
        """`al2023`, `al2` or `bottlerocket`."""
        return self.ami_alias.partition("@")[0]


@public
@dataclass(frozen=True)
class NodePoolOptions:
    """A Karpenter node pool dedicated to the service in one environment.

    Nodes are tainted `<service>/dedicated=<environment>:NoSchedule` and labelled
    `<service>/dedicated: <environment>`; the service's pods select that label and
    tolerate that taint, so they run on the pool and nothing else does. The defaults
    are the production choice: on-demand, current-generation c/m/r instances, amd64,
    consolidation when empty or underutilized after 5 minutes, at most 10 % of the
    nodes disrupted at once, nodes replaced after 30 days.
    """

    node_class: EC2NodeClassOptions
    """The EC2NodeClass: IAM role, AMI, discovery tag, root volume."""
    capacity_types: tuple[str, ...] = ("on-demand",)
    """`on-demand`, `spot` and/or `reserved` (spot: cheaper, reclaimed at two minutes'
    notice; fine for staging)."""
    instance_categories: tuple[str, ...] = ("c", "m", "r")
    """EC2 instance categories (`c` compute, `m` general, `r` memory, ...)."""
    min_instance_generation: int = 6
    """The oldest instance generation allowed (6: c6i/m6i/r6i and newer)."""
    architectures: tuple[str, ...] = ("amd64",)
    """CPU architectures (`amd64`, `arm64`): the image must be built for each."""
    cpu_limit: str = "64"
    """The most CPU the pool's nodes may have in total (`spec.limits.cpu`)."""
    memory_limit: str = "256Gi"
    """The most memory the pool's nodes may have in total (`spec.limits.memory`)."""
    consolidation_policy: str = "WhenEmptyOrUnderutilized"
    """`WhenEmptyOrUnderutilized` (repack pods onto fewer, cheaper nodes) or `WhenEmpty`."""
    consolidate_after: str = "5m"
    """How long a node stays empty or underutilized before it is consolidated (or `Never`)."""
    budgets: tuple[NodeDisruptionBudget, ...] = field(default_factory=lambda: (NodeDisruptionBudget(),))
    """Disruption budgets (at least one; default: 10 % of the nodes at a time)."""
    expire_after: str = "720h"
    """Nodes are replaced after this long (fresh AMI patches; `Never` keeps them)."""
    weight: int | None = None
    """Priority among pools whose requirements both fit (1-100); None: unweighted."""

    def __post_init__(self) -> None:
        check_instance("node_pool.node_class", self.node_class, EC2NodeClassOptions)
        object.__setattr__(
            self, "capacity_types", _check_choices("node_pool.capacity_types", self.capacity_types, CAPACITY_TYPES)
        )
        object.__setattr__(self, "architectures", check_architectures("node_pool.architectures", self.architectures))
        categories = self.instance_categories
        if isinstance(categories, str) or not isinstance(categories, Sequence) or not categories:
            raise ConfigError("node_pool.instance_categories", categories, "a non-empty tuple such as ('c', 'm', 'r')")
        for category in categories:
            if not isinstance(category, str) or not _CATEGORY.fullmatch(category):
                raise ConfigError(
                    "node_pool.instance_categories", category, "an EC2 instance category: 1-3 lower-case letters"
                )
        object.__setattr__(self, "instance_categories", tuple(categories))
        check_int("node_pool.min_instance_generation", self.min_instance_generation, minimum=1, maximum=99)
        quantities.cpu("node_pool.cpu_limit", self.cpu_limit)
        quantities.memory("node_pool.memory_limit", self.memory_limit)
        if self.consolidation_policy not in CONSOLIDATION_POLICIES:
            raise ConfigError(
                "node_pool.consolidation_policy",
                self.consolidation_policy,
                f"one of: {', '.join(CONSOLIDATION_POLICIES)}",
            )
        _check_duration("node_pool.consolidate_after", self.consolidate_after)
        _check_duration("node_pool.expire_after", self.expire_after)
        budgets = self.budgets
        if isinstance(budgets, NodeDisruptionBudget) or not isinstance(budgets, Sequence) or not budgets:
            raise ConfigError("node_pool.budgets", budgets, "a non-empty tuple of NodeDisruptionBudget")
        for budget in budgets:
            check_instance("node_pool.budgets", budget, NodeDisruptionBudget, "a tuple of NodeDisruptionBudget")
        object.__setattr__(self, "budgets", tuple(budgets))
        if self.weight is not None:
            check_int("node_pool.weight", self.weight, minimum=1, maximum=100)

    def dedicated_label(self, service: str) -> str:
        """The label key (and taint key) that marks the pool's nodes as the service's."""
        return f"{service}/dedicated"

    def check_fits(self, environment: str, *, cpu_request: str, memory_request: str, max_replicas: int) -> None:
        """Refuse limits the service's own pods would outgrow at the HPA's maximum: the
        pool's last nodes would never come and pods would stay Pending."""
        for name, limit, request, parse in (
            ("cpu_limit", self.cpu_limit, cpu_request, quantities.cpu),
            ("memory_limit", self.memory_limit, memory_request, quantities.memory),
        ):
            needed = parse("request", request).value * max_replicas
            if parse(name, limit).value < needed:
                raise ConfigError(
                    f"{environment}.node_pool.{name}",
                    limit,
                    f"at least the service's requests at the HPA's maximum ({max_replicas} x {request})",
                )


def check_node_pool(field_name: str, value: object) -> None:
    """None, or `NodePoolOptions` (for the profile)."""
    if value is not None:
        check_instance(field_name, value, NodePoolOptions, "a NodePoolOptions, or None for no node pool")
