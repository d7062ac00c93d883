"""Where the pods may run: node selector, tolerations, node affinity, pod anti-affinity,
priority class and topology spread (`Scheduling`).

The default spreads each ReplicaSet over zones (best effort) and nodes (hard), and
asks for nothing else: a service that needs particular nodes says so here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cdk8s_plus_27 import k8s

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.core.names import is_dns_subdomain, is_label_key, is_label_value
from cdk8s_webservice.core.values import check_bool, check_instance, check_int

ZONE_KEY = "topology.kubernetes.io/zone"
HOSTNAME_KEY = "kubernetes.io/hostname"
TOLERATION_OPERATORS = ("Equal", "Exists")
TAINT_EFFECTS = ("NoSchedule", "PreferNoSchedule", "NoExecute")
NODE_OPERATORS = ("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt")
WHEN_UNSATISFIABLE = ("DoNotSchedule", "ScheduleAnyway")


def _label_key(field: str, value: object) -> str:
    if not is_label_key(value):
        raise ConfigError(field, value, "a label key such as 'topology.kubernetes.io/zone' or 'pool'")
    return value


def _tuple_of(field: str, value: object, kind: type, what: str) -> None:
    if not isinstance(value, tuple):
        raise ConfigError(field, value, f"a tuple of {what}")
    for item in value:
        check_instance(field, item, kind, f"a tuple of {what}")


@public
@dataclass(frozen=True)
class Toleration:
    """Tolerate a node taint (`key`, `effect`), so the pods may run on tainted nodes."""

    key: str | None = None
    """Taint key; None with `Exists` tolerates every taint."""
    operator: str = "Equal"
    """`Equal` (the taint's value must be `value`) or `Exists` (any value)."""
    value: str | None = None
    """Taint value, for `Equal`."""
    effect: str | None = None
    """`NoSchedule`, `PreferNoSchedule` or `NoExecute`; None for all three."""
    toleration_seconds: int | None = None
    """With `NoExecute`: how long the pods stay once the taint appears (None: for ever)."""

    def __post_init__(self) -> None:
        if self.operator not in TOLERATION_OPERATORS:
            raise ConfigError("scheduling.tolerations.operator", self.operator, "Equal or Exists")
        if self.key is not None:
            _label_key("scheduling.tolerations.key", self.key)
        elif self.operator != "Exists":
            raise ConfigError("scheduling.tolerations.key", None, "a taint key (only Exists may leave it out)")
        if self.operator == "Exists" and self.value is not None:
            raise ConfigError("scheduling.tolerations.value", self.value, "None with Exists")
        if self.value is not None and not is_label_value(self.value):
            raise ConfigError("scheduling.tolerations.value", self.value, "a label value")
        if self.effect is not None and self.effect not in TAINT_EFFECTS:
            raise ConfigError(
                "scheduling.tolerations.effect", self.effect, f"None or one of: {', '.join(TAINT_EFFECTS)}"
            )
        if self.toleration_seconds is not None:
            if self.effect != "NoExecute":
                raise ConfigError(
                    "scheduling.tolerations.toleration_seconds",
                    self.toleration_seconds,
                    "None unless effect is NoExecute",
                )
            check_int("scheduling.tolerations.toleration_seconds", self.toleration_seconds)

    def to_k8s(self) -> k8s.Toleration:
        return k8s.Toleration(
            key=self.key,
            operator=self.operator,
            value=self.value,
            effect=self.effect,
            toleration_seconds=self.toleration_seconds,
        )


@public
@dataclass(frozen=True)
class NodeRequirement:
    """A node label requirement: `key` `operator` `values` (`pool In (batch, general)`)."""

    key: str
    """Node label key."""
    operator: str = "In"
    """`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt` (default `In`)."""
    values: tuple[str, ...] = ()
    """Values: some for In/NotIn, none for Exists/DoesNotExist, one integer for Gt/Lt."""

    def __post_init__(self) -> None:
        _label_key("scheduling.node_affinity.key", self.key)
        if self.operator not in NODE_OPERATORS:
            raise ConfigError(
                "scheduling.node_affinity.operator", self.operator, f"one of: {', '.join(NODE_OPERATORS)}"
            )
        if not isinstance(self.values, tuple) or not all(isinstance(v, str) for v in self.values):
            raise ConfigError("scheduling.node_affinity.values", self.values, "a tuple of strings")
        if self.operator in ("In", "NotIn") and not self.values:
            raise ConfigError("scheduling.node_affinity.values", self.values, f"at least one value for {self.operator}")
        if self.operator in ("Exists", "DoesNotExist") and self.values:
            raise ConfigError("scheduling.node_affinity.values", self.values, f"no values for {self.operator}")
        if self.operator in ("Gt", "Lt") and (len(self.values) != 1 or not self.values[0].lstrip("-").isdigit()):
            raise ConfigError("scheduling.node_affinity.values", self.values, f"one integer for {self.operator}")

    def to_k8s(self) -> k8s.NodeSelectorRequirement:
        return k8s.NodeSelectorRequirement(key=self.key, operator=self.operator, values=list(self.values) or None)


@public
@dataclass(frozen=True)
class NodeAffinity:
    """A node selector term: all `requirements` hold. Required terms are alternatives
    (a node matching any one qualifies); preferred terms add `weight` to a node's score."""

    requirements: tuple[NodeRequirement, ...]
    """What a node's labels must satisfy, together."""
    required: bool = True
    """Required (default: never elsewhere) or preferred (scheduled elsewhere when none fits)."""
    weight: int = 100
    """A preferred term's weight, 1-100 (default 100)."""

    def __post_init__(self) -> None:
        _tuple_of("scheduling.node_affinity.requirements", self.requirements, NodeRequirement, "NodeRequirement")
        if not self.requirements:
            raise ConfigError(
                "scheduling.node_affinity.requirements", self.requirements, "at least one NodeRequirement"
            )
        check_bool("scheduling.node_affinity.required", self.required)
        check_int("scheduling.node_affinity.weight", self.weight, minimum=1, maximum=100)

    def term(self) -> k8s.NodeSelectorTerm:
        return k8s.NodeSelectorTerm(match_expressions=[r.to_k8s() for r in self.requirements])


@public
@dataclass(frozen=True)
class PodAntiAffinity:
    """Keep the service's pods apart: no two in one `topology_key` domain (required), or
    as few as possible (preferred, the default)."""

    topology_key: str = HOSTNAME_KEY
    """The domain: node (default) or zone (`topology.kubernetes.io/zone`)."""
    required: bool = False
    """Hard (a pod stays Pending rather than share) or preferred (default)."""
    weight: int = 100
    """Weight of the preferred rule, 1-100 (default 100)."""

    def __post_init__(self) -> None:
        _label_key("scheduling.pod_anti_affinity.topology_key", self.topology_key)
        check_bool("scheduling.pod_anti_affinity.required", self.required)
        check_int("scheduling.pod_anti_affinity.weight", self.weight, minimum=1, maximum=100)


@public
@dataclass(frozen=True)
class TopologySpread:
    """Spread each ReplicaSet's pods over the domains of `topology_key` (at most `max_skew` apart)."""

    topology_key: str
    """Node label of the domain (`topology.kubernetes.io/zone`, `kubernetes.io/hostname`)."""
    when_unsatisfiable: str = "DoNotSchedule"
    """`DoNotSchedule` (hard, default) or `ScheduleAnyway` (best effort)."""
    max_skew: int = 1
    """Largest difference in pods between two domains (default 1)."""

    def __post_init__(self) -> None:
        _label_key("scheduling.topology_spread.topology_key", self.topology_key)
        if self.when_unsatisfiable not in WHEN_UNSATISFIABLE:
            raise ConfigError(
                "scheduling.topology_spread.when_unsatisfiable",
                self.when_unsatisfiable,
                "DoNotSchedule or ScheduleAnyway",
            )
        check_int("scheduling.topology_spread.max_skew", self.max_skew, minimum=1)

    def to_k8s(self, selector: k8s.LabelSelector) -> k8s.TopologySpreadConstraint:
        return k8s.TopologySpreadConstraint(
            max_skew=self.max_skew,
            topology_key=self.topology_key,
            when_unsatisfiable=self.when_unsatisfiable,
            label_selector=selector,
            # Spread each ReplicaSet on its own, so a rollout does not count old pods.
            match_label_keys=["pod-template-hash"],
        )


DEFAULT_SPREAD = (TopologySpread(ZONE_KEY, "ScheduleAnyway"), TopologySpread(HOSTNAME_KEY, "DoNotSchedule"))
"""Zones best effort (a single-zone cluster must still schedule), nodes hard."""


@public
@dataclass(frozen=True)
class Scheduling:
    """Where the pods may run. Every default asks for nothing but the spread."""

    node_selector: Mapping[str, str] = field(default_factory=dict)
    """Node labels a node must carry (default none)."""
    tolerations: tuple[Toleration, ...] = ()
    """Taints the pods tolerate (default none: tainted nodes stay reserved for others)."""
    node_affinity: tuple[NodeAffinity, ...] = ()
    """Node selector terms, required or preferred (default none)."""
    pod_anti_affinity: PodAntiAffinity | None = None
    """Keep the service's pods apart (default None: the topology spread does that)."""
    priority_class_name: str | None = None
    """PriorityClass of the pods (default None: the cluster's default priority)."""
    topology_spread: tuple[TopologySpread, ...] = DEFAULT_SPREAD
    """Spread constraints (default: zones best effort, nodes hard); () for none."""

    def __post_init__(self) -> None:
        if not isinstance(self.node_selector, Mapping):
            raise ConfigError("scheduling.node_selector", self.node_selector, "a mapping of node label keys to values")
        for key, value in self.node_selector.items():
            _label_key("scheduling.node_selector key", key)
            if not is_label_value(value):
                raise ConfigError(f"scheduling.node_selector[{key}]", value, "a label value (a string)")
        _tuple_of("scheduling.tolerations", self.tolerations, Toleration, "Toleration")
        _tuple_of("scheduling.node_affinity", self.node_affinity, NodeAffinity, "NodeAffinity")
        if self.pod_anti_affinity is not None:
            check_instance("scheduling.pod_anti_affinity", self.pod_anti_affinity, PodAntiAffinity)
        if self.priority_class_name is not None and not is_dns_subdomain(self.priority_class_name):
            raise ConfigError(
                "scheduling.priority_class_name",
                self.priority_class_name,
                "a DNS-1123 subdomain (a PriorityClass name)",
            )
        _tuple_of("scheduling.topology_spread", self.topology_spread, TopologySpread, "TopologySpread")
        keys = [spread.topology_key for spread in self.topology_spread]
        for key in keys:
            if keys.count(key) > 1:
                raise ConfigError("scheduling.topology_spread", key, "each topology key once")

    def affinity(self, selector: k8s.LabelSelector) -> k8s.Affinity | None:
        """The pod's affinity (None when nothing is asked): node terms, and anti-affinity
        to the pods `selector` selects."""
        required = [a.term() for a in self.node_affinity if a.required]
        preferred = [
            k8s.PreferredSchedulingTerm(weight=a.weight, preference=a.term())
            for a in self.node_affinity
            if not a.required
        ]
        node = (
            k8s.NodeAffinity(
                required_during_scheduling_ignored_during_execution=(
                    k8s.NodeSelector(node_selector_terms=required) if required else None
                ),
                preferred_during_scheduling_ignored_during_execution=preferred or None,
            )
            if required or preferred
            else None
        )
        anti = self.pod_anti_affinity
        pod_anti = None
        if anti is not None:
            term = k8s.PodAffinityTerm(topology_key=anti.topology_key, label_selector=selector)
            pod_anti = (
                k8s.PodAntiAffinity(required_during_scheduling_ignored_during_execution=[term])
                if anti.required
                else k8s.PodAntiAffinity(
                    preferred_during_scheduling_ignored_during_execution=[
                        k8s.WeightedPodAffinityTerm(weight=anti.weight, pod_affinity_term=term)
                    ]
                )
            )
        if node is None and pod_anti is None:
            return None
        return k8s.Affinity(node_affinity=node, pod_anti_affinity=pod_anti)
