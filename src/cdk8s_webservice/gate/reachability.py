"""Mesh reachability: in a meshed namespace, what the NetworkPolicies let each pod reach
and who they let in, held against what the mesh needs and what it authorizes.

A model of NetworkPolicy semantics (networking.k8s.io/v1, as the Kubernetes page
"Network Policies" defines them) on the rendered objects of one namespace:

- a pod is isolated for egress when a policy selecting it lists `Egress` in its
  `policyTypes` (or, without `policyTypes`, has an `egress` section); an isolated
  pod reaches a destination only if some egress rule of some selecting policy
  allows it: its `ports` (none: every port; a number, with `endPort` a range; a
  named port only where the destination declares that name, which the gate cannot
  know of another namespace's pods: it allows nothing) and protocol (default TCP)
  match, and one of its `to` peers (none: everywhere) selects the destination;
- a peer with only `podSelector` selects pods of the policy's namespace; with a
  `namespaceSelector`, pods of the namespaces it selects (matched on the
  `kubernetes.io/metadata.name` label every namespace carries), narrowed by its
  `podSelector`; an `ipBlock` is not counted as reaching pods in the cluster (the
  API leaves it to the network plugin, and Cilium does not apply it to pods).

Istio's sidecar needs istiod: xDS configuration and its certificate both come over
TCP 15012 (istiod's port 15017 is its webhook, which the API server calls, and 443
its Service port for that webhook: neither is dialled by pods). Every pod needs
DNS (kube-dns, UDP and TCP 53 in kube-system). A pod that opts out of injection
(`sidecar.istio.io/inject: "false"`) runs no sidecar: it needs DNS only, and the
mesh's policies do not apply to it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from cdk8s_webservice.addons.mesh import ISTIO_INJECTION_LABEL, ISTIO_REVISION_LABEL, ISTIOD_XDS_PORT
from cdk8s_webservice.core.names import NAMESPACE_NAME_LABEL

from .mesh import _callers as callers
from .mesh import has_sidecar, meshed_labels
from .model import Model, Obj, PodSet
from .ports import resolve
from .references import PROJECT
from .registry import Fail, rule
from .selectors import matches, selected_pods

SIDECAR_PORTS = range(15000, 15100)
"""Ports Istio reserves for the sidecar itself (15090 its metrics, 15020/15021 its agent):
served by Envoy's own listeners, which no AuthorizationPolicy governs."""


@dataclass(frozen=True)
class Destination:
    """Pods in another namespace that a pod dials: where, their labels, which port."""

    what: str
    namespace: str
    labels: Mapping[str, str]
    port: int
    protocol: str = "TCP"


ISTIOD = Destination("istiod", "istio-system", {"app": "istiod", "istio": "pilot"}, ISTIOD_XDS_PORT)
DNS = (
    Destination("DNS", "kube-system", {"k8s-app": "kube-dns"}, 53, "UDP"),
    Destination("DNS", "kube-system", {"k8s-app": "kube-dns"}, 53, "TCP"),
)


def _policy_types(spec: Mapping[str, Any]) -> list[str]:
    types = spec.get("policyTypes")
    if isinstance(types, list):
        return [str(t) for t in types]
    return ["Ingress", "Egress"] if "egress" in spec else ["Ingress"]


def _network_policies(model: Model) -> Iterator[Mapping[str, Any]]:
    for (kind, _), obj in sorted(model.objects.items()):
        if kind == "NetworkPolicy":
            yield obj.spec


def _port_matches(entries: Any, number: int, protocol: str) -> bool:
    if not entries:
        return True
    for entry in entries:
        if str(entry.get("protocol", "TCP")) != protocol:
            continue
        port = entry.get("port")
        if port is None:
            return True
        if isinstance(port, int) and not isinstance(port, bool):
            end = entry.get("endPort")
            if port == number or (isinstance(end, int) and port <= number <= end):
                return True
    return False


def _peer_selects(peer: Mapping[str, Any], own_namespace: str, target: Destination) -> bool:
    if "ipBlock" in peer:
        return False
    if "namespaceSelector" in peer:
        if not matches(peer["namespaceSelector"], {NAMESPACE_NAME_LABEL: target.namespace}):
            return False
    elif target.namespace != own_namespace:
        return False
    return "podSelector" not in peer or matches(peer["podSelector"], target.labels)


def reaches(model: Model, namespace: str, pods: PodSet, target: Destination) -> bool:
    """Whether the namespace's NetworkPolicies let `pods` open a connection to `target`."""
    isolating = [
        spec
        for spec in _network_policies(model)
        if "Egress" in _policy_types(spec) and matches(spec.get("podSelector"), pods.labels)
    ]
    if not isolating:
        return True
    for spec in isolating:
        for egress in spec.get("egress") or []:
            if not _port_matches(egress.get("ports"), target.port, target.protocol):
                continue
            peers = egress.get("to")
            if not peers or any(_peer_selects(peer, namespace, target) for peer in peers):
                return True
    return False


def _meshed(obj: Obj) -> bool:
    return meshed_labels(obj.raw["metadata"].get("labels") or {})


def _mesh_label(obj: Obj) -> str:
    labels = obj.raw["metadata"].get("labels") or {}
    key = ISTIO_INJECTION_LABEL if ISTIO_INJECTION_LABEL in labels else ISTIO_REVISION_LABEL
    return f"metadata.labels.{key}"


@rule(
    "mesh-control-plane-reachable",
    kinds=("Namespace",),
    reason="pods of a meshed namespace whose NetworkPolicies keep them from istiod (TCP 15012) or DNS (53)",
    source="Istio: a sidecar without istiod gets no configuration nor certificate, and its pod never becomes ready",
)
def control_plane_reachable(obj: Obj, fail: Fail) -> None:
    if not _meshed(obj):
        return
    model = obj.folder.model(obj.name)
    for pods in model.pods:
        needs = (*DNS, ISTIOD) if has_sidecar(pods) else DNS
        for target in needs:
            if not reaches(model, obj.name, pods, target):
                fail(
                    _mesh_label(obj),
                    f"no NetworkPolicy egress lets the pods of {pods.owner} reach {target.what} "
                    f"({target.namespace} {target.protocol} {target.port})",
                )


def _admitted(model: Model, policy: Mapping[str, Any], own_namespace: str) -> Iterator[tuple[str, Any]]:
    """(client namespace, port as written: a name, a number or None for every port) for each
    namespace an ingress rule of `policy` admits."""
    for ingress in policy.get("ingress") or []:
        namespaces: set[str] = set()
        for peer in ingress.get("from") or []:
            if "ipBlock" in peer:
                continue
            if "namespaceSelector" not in peer:
                namespaces.add(own_namespace)
                continue
            name = (peer["namespaceSelector"].get("matchLabels") or {}).get(NAMESPACE_NAME_LABEL)
            if name is not None:
                namespaces.add(str(name))
        for namespace in sorted(namespaces):
            for entry in ingress.get("ports") or [{"port": None}]:
                yield namespace, entry.get("port")


def authorized(model: Model, pods: PodSet, namespace: str, port: int | None) -> bool:
    """Whether an ALLOW AuthorizationPolicy selecting `pods` lets callers of `namespace`
    reach `port` (None: any port), counting only rules that name their callers."""
    for (kind, _), policy in sorted(model.objects.items()):
        spec = policy.spec
        if kind != "AuthorizationPolicy" or spec.get("action", "ALLOW") != "ALLOW":
            continue
        if not matches(spec.get("selector"), pods.labels):
            continue
        for allowed in spec.get("rules") or []:
            sources = [f.get("source") or {} for f in allowed.get("from") or []]
            if sources and not any(namespace in set(callers(s)) for s in sources):
                continue
            ports = [str(p) for to in allowed.get("to") or [] for p in (to.get("operation") or {}).get("ports") or []]
            if not ports or (port is not None and str(port) in ports):
                return True
    return False


@rule(
    "mesh-network-authorized",
    kinds=("NetworkPolicy",),
    reason="a client namespace a NetworkPolicy admits to a meshed pod's port that no AuthorizationPolicy allows",
    source=f"{PROJECT}: the NetworkPolicies and the mesh's AuthorizationPolicies admit the same clients",
)
def network_authorized(obj: Obj, fail: Fail) -> None:
    if not any(o.kind == "Namespace" and o.name == obj.namespace and _meshed(o) for o in obj.folder.objects):
        return
    model = obj.model
    for pods in selected_pods(model, obj.spec.get("podSelector")):
        if not has_sidecar(pods) or "Ingress" not in _policy_types(obj.spec):
            continue
        for namespace, written in _admitted(model, obj.spec, obj.namespace):
            target = resolve(pods.ports, written) if isinstance(written, str) else None
            number = target.number if target else written if isinstance(written, int) else None
            if number is not None and number in SIDECAR_PORTS:
                continue
            if not authorized(model, pods, namespace, number):
                fail(
                    "spec.ingress.from",
                    f"namespace {namespace} admitted to {pods.owner}:{written or 'every port'}, "
                    "but no ALLOW AuthorizationPolicy lets it in",
                )


@rule(
    "dns-reachable",
    kinds=("NetworkPolicy",),
    reason="pods whose NetworkPolicies (a default-deny egress among them) let them resolve no name: DNS (53) closed",
    source="Kubernetes NetworkPolicy: an egress policy isolates the pods it selects; kube-dns is one more destination",
)
def dns_reachable(obj: Obj, fail: Fail) -> None:
    """Every workload beside the service (a CronJob, a Job made with cdk8s-plus) needs DNS
    too: reported once per workload, by the first (by name) policy that isolates its egress."""
    namespace = obj.namespace
    model = obj.folder.model(namespace)
    for pods in model.pods:
        isolating = sorted(
            name
            for (kind, name), policy in model.objects.items()
            if kind == "NetworkPolicy"
            and "Egress" in _policy_types(policy.spec)
            and matches(policy.spec.get("podSelector"), pods.labels)
        )
        if not isolating or isolating[0] != obj.name:
            continue
        for target in DNS:
            if not reaches(model, namespace, pods, target):
                fail(
                    "spec.egress",
                    f"no NetworkPolicy egress lets the pods of {pods.owner} reach {target.what} "
                    f"({target.namespace} {target.protocol} {target.port}): give them a NetworkPolicy with "
                    "kinds.network.dns_egress() (docs/cookbook.md, 'A workload beside the service')",
                )
                break
