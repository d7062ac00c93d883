"""Service mesh rules (Istio): in a namespace labelled for sidecar injection (`meshed`),
every pod set is covered by STRICT mutual TLS and selected by an ALLOW AuthorizationPolicy;
policies select the service's own pods; the callers a policy allows can get through the
NetworkPolicies; canaries route in the mesh; and nothing Flagger generates is shipped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from cdk8s_webservice.addons.mesh import ISTIO_INJECTION_LABEL, ISTIO_REVISION_LABEL
from cdk8s_webservice.core.identity import PART_OF

from .admission import admits
from .model import Folder, Model, Obj, PodSet
from .ports import ContainerPort, resolve
from .references import PROJECT
from .registry import Fail, rule
from .selectors import matches, selected_pods

ISTIO = "Istio security best practices"
_INJECT = "sidecar.istio.io/inject"


def meshed_labels(labels: Mapping[str, Any]) -> bool:
    """Whether a Namespace's labels turn on Istio's sidecar injection."""
    if labels.get(ISTIO_INJECTION_LABEL) == "disabled":
        return False
    return labels.get(ISTIO_INJECTION_LABEL) == "enabled" or bool(labels.get(ISTIO_REVISION_LABEL))


def meshed(folder: Folder, namespace: str) -> bool:
    """Whether the folder's Namespace `namespace` is labelled for injection."""
    return any(
        o.kind == "Namespace" and o.name == namespace and meshed_labels(o.raw["metadata"].get("labels") or {})
        for o in folder.objects
    )


def has_sidecar(pods: PodSet) -> bool:
    """Whether Istio injects a sidecar into these pods: not when they opt out
    (`sidecar.istio.io/inject: "false"`, e.g. k6's Jobs, see loadtest/cluster.py),
    and then the mesh's policies do not apply to them."""
    return str(pods.labels.get(_INJECT, "")).lower() != "false"


def _mtls_mode(spec: Mapping[str, Any]) -> str:
    return str((spec.get("mtls") or {}).get("mode") or "UNSET")


@rule(
    "mesh-mtls-strict",
    kinds=("PeerAuthentication",),
    reason="mutual TLS that lets plain text in (PERMISSIVE, DISABLE, or UNSET: the mesh's default) in a meshed namespace",
    source=f"{ISTIO}: STRICT mutual TLS for workloads in the mesh",
)
def mtls_strict(obj: Obj, fail: Fail) -> None:
    if not meshed(obj.folder, obj.namespace):
        return
    mode = _mtls_mode(obj.spec)
    if mode != "STRICT":
        fail("spec.mtls.mode", f"{mode} in meshed namespace {obj.namespace}: only STRICT")
    for port, setting in sorted((obj.spec.get("portLevelMtls") or {}).items()):
        port_mode = str((setting or {}).get("mode") or "UNSET")
        if port_mode in ("PERMISSIVE", "DISABLE"):
            fail(f"spec.portLevelMtls.{port}.mode", f"{port_mode} in meshed namespace {obj.namespace}: only STRICT")


def _policies(model: Model, kind: str) -> list[Obj]:
    return [o for (k, _), o in sorted(model.objects.items()) if k == kind]


@rule(
    "mesh-mtls-required",
    kinds=("Namespace",),
    reason="pods of a meshed namespace that no STRICT PeerAuthentication covers (the mesh's default may be PERMISSIVE)",
    source=f"{ISTIO}: STRICT mutual TLS for workloads in the mesh",
)
def mtls_required(obj: Obj, fail: Fail) -> None:
    if not meshed_labels(obj.raw["metadata"].get("labels") or {}):
        return
    model = obj.folder.model(obj.name)
    strict = [p.spec.get("selector") for p in _policies(model, "PeerAuthentication") if _mtls_mode(p.spec) == "STRICT"]
    for pods in filter(has_sidecar, model.pods):
        if not any(matches(selector, pods.labels) for selector in strict):
            fail("metadata.labels", f"no STRICT PeerAuthentication covers the pods of {pods.owner}")


@rule(
    "mesh-injection",
    kinds=("Namespace",),
    reason="pods meant for the mesh that run without it: injection off on the namespace, or a pod opting out (a Job may, by label)",
    source=f"{ISTIO}: mutual TLS and authorization act only where the sidecar runs",
)
def injection(obj: Obj, fail: Fail) -> None:
    model = obj.folder.model(obj.name)
    labels = obj.raw["metadata"].get("labels") or {}
    strict = [p for p in _policies(model, "PeerAuthentication") if _mtls_mode(p.spec) == "STRICT"]
    if not meshed_labels(labels):
        # (A PERMISSIVE policy without injection is a migration step, not a claim.)
        if strict:
            fail("metadata.labels", "a STRICT PeerAuthentication selects its pods, but sidecar injection is off")
        return
    for other in obj.folder.objects:
        template = (other.spec.get("template") or {}) if other.namespace == obj.name else {}
        meta = template.get("metadata") or {} if isinstance(template, Mapping) else {}
        opt_out = [(meta.get(key) or {}).get(_INJECT) for key in ("annotations", "labels")]
        if other.kind == "Job" and (meta.get("labels") or {}).get(_INJECT) == "false":
            continue  # a Job must end: on 1.27 a sidecar outlives it (k6's verdict, loadtest/verdict.py)
        if "false" in opt_out or False in opt_out:
            fail("metadata.labels", f"the pods of {other.kind}/{other.name} opt out of injection ({_INJECT})")


def _allow_policies(model: Model) -> list[Obj]:
    return [p for p in _policies(model, "AuthorizationPolicy") if p.spec.get("action", "ALLOW") == "ALLOW"]


@rule(
    "mesh-authorization-required",
    kinds=("Namespace",),
    reason="pods of a meshed namespace that no ALLOW AuthorizationPolicy selects: Istio then lets every caller in",
    source=f"{ISTIO}: default-deny authorization, allowing only the callers a workload needs",
)
def authorization_required(obj: Obj, fail: Fail) -> None:
    if not meshed_labels(obj.raw["metadata"].get("labels") or {}):
        return
    model = obj.folder.model(obj.name)
    selectors = [p.spec.get("selector") for p in _allow_policies(model)]
    for pods in filter(has_sidecar, model.pods):
        if not any(matches(selector, pods.labels) for selector in selectors):
            fail("metadata.labels", f"no ALLOW AuthorizationPolicy selects the pods of {pods.owner}")


@rule(
    "mesh-authorization-selector",
    kinds=("AuthorizationPolicy",),
    reason="an AuthorizationPolicy for the whole namespace, for no pods, or for another service's pods",
    source=f"{PROJECT}: each service's policy selects its own pods only (an empty selector is namespace-wide)",
)
def authorization_selector(obj: Obj, fail: Fail) -> None:
    if obj.spec.get("targetRef") or obj.spec.get("targetRefs"):
        return  # bound to a gateway or a Service, not to pods
    selector = obj.spec.get("selector")
    if not selector or not selector.get("matchLabels"):
        fail("spec.selector", f"none: the policy applies to every workload of namespace {obj.namespace}")
        return
    pods = selected_pods(obj.model, selector)
    if not pods:
        fail("spec.selector.matchLabels", f"selects no pods of namespace {obj.namespace}")
    # The service the policy is for: what its selector names, else its own label.
    service = selector["matchLabels"].get(PART_OF) or (obj.raw["metadata"].get("labels") or {}).get(PART_OF)
    for other in pods:
        if service is not None and other.labels.get(PART_OF) != service:
            fail("spec.selector.matchLabels", f"selects the pods of {other.owner}, not part of {service}")


def _callers(source: Mapping[str, Any]) -> Iterable[str]:
    """Namespaces of an allowed source: its `namespaces`, and those its principals name."""
    yield from source.get("namespaces") or []
    for principal in source.get("principals") or []:
        parts = str(principal).split("/")
        if len(parts) == 5 and parts[1] == "ns" and parts[3] == "sa":
            yield parts[2]


@rule(
    "mesh-callers-admitted",
    kinds=("AuthorizationPolicy",),
    reason="a caller the AuthorizationPolicy allows that the NetworkPolicies drop",
    source=f"{PROJECT}: the mesh's policy and the NetworkPolicies agree (both must admit a caller)",
)
def callers_admitted(obj: Obj, fail: Fail) -> None:
    if obj.spec.get("action", "ALLOW") != "ALLOW":
        return
    pods = selected_pods(obj.model, obj.spec.get("selector"))
    for i, allowed in enumerate(obj.spec.get("rules") or []):
        ports = [p for to in allowed.get("to") or [] for p in (to.get("operation") or {}).get("ports") or []]
        for namespace in sorted({n for f in allowed.get("from") or [] for n in _callers(f.get("source") or {})}):
            for pod_set in pods:
                for port in ports:
                    target: ContainerPort | None = resolve(pod_set.ports, int(port)) if str(port).isdigit() else None
                    port_ = target or ContainerPort(None, int(port), "TCP")
                    if not admits(obj.model, pod_set, port_, namespace, own_namespace=obj.namespace):
                        fail(
                            f"spec.rules[{i}].from",
                            f"no NetworkPolicy admits namespace {namespace} to {pod_set.owner}:{port}",
                        )


@rule(
    "mesh-canary-provider",
    kinds=("Canary",),
    reason="a Canary in a meshed namespace whose traffic shifting bypasses the mesh",
    source=f"{PROJECT}: in a meshed namespace Flagger's `istio` provider shifts traffic (and owns the routing)",
)
def canary_provider(obj: Obj, fail: Fail) -> None:
    provider = obj.spec.get("provider")
    if meshed(obj.folder, obj.namespace) and provider != "istio":
        fail("spec.provider", f"{provider!r} in meshed namespace {obj.namespace}: 'istio'")


@rule(
    "flagger-generated",
    kinds=("VirtualService", "DestinationRule"),
    reason="a shipped object that Flagger generates: Flagger and ArgoCD would overwrite each other",
    source="Flagger: with the istio provider a Canary owns its VirtualService and DestinationRules",
)
def flagger_generated(obj: Obj, fail: Fail) -> None:
    canary = obj.model.generated.get((obj.kind, obj.name))
    if canary is not None:
        fail("metadata.name", f"Flagger generates {obj.kind}/{obj.name} for Canary/{canary}; do not ship it")
