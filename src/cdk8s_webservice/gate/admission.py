"""NetworkPolicy admission: whether the policies of a namespace let traffic from
another namespace (the ingress controller's, Prometheus') reach a port of a set
of pods. Only `namespaceSelector` peers on the namespace's name label can admit
a namespace; pod selectors and IP blocks admit other things."""

from __future__ import annotations

from cdk8s_webservice.core.names import NAMESPACE_NAME_LABEL

from .model import Model, PodSet, ServiceView
from .ports import ContainerPort, resolve
from .selectors import matches, selected_pods


def admits(
    model: Model, pods: PodSet, port: ContainerPort | None, from_namespace: str, *, own_namespace: str | None = None
) -> bool:
    """Whether the NetworkPolicies let `from_namespace` reach `port` on `pods`. Given
    the pods' `own_namespace`, a pod selector without a namespace selector (pods of
    that same namespace) admits it too: some of its pods may call."""
    port_name, number = (port.name, port.number) if port else ("", None)
    isolating = [policy for policy in model.policies if matches(policy.pod_selector, pods.labels)]
    if not isolating:
        return True  # no policy isolates these pods
    for policy in isolating:
        for rule in policy.ingress:
            ports = rule.get("ports")
            if ports and not any(p.get("port") in (port_name, number) for p in ports):
                continue
            peers = rule.get("from")
            if not peers:
                return True
            for peer in peers:
                if "ipBlock" in peer:
                    continue
                if "podSelector" in peer and "namespaceSelector" not in peer:
                    if from_namespace == own_namespace:
                        return True
                    continue
                if "namespaceSelector" in peer and matches(
                    peer["namespaceSelector"], {NAMESPACE_NAME_LABEL: from_namespace}
                ):
                    return True
    return False


def unadmitted(model: Model, service: ServiceView, port: str, from_namespace: str) -> list[str]:
    """`<workload>:<port>` for each set of pods behind `service` that
    `from_namespace` cannot reach on the Service port `port`."""
    blocked = []
    for pod_set in selected_pods(model, service.selector):
        target = resolve(pod_set.ports, service.ports[port])
        if not admits(model, pod_set, target, from_namespace):
            blocked.append(f"{pod_set.owner}:{target.name or target.number if target else service.ports[port]}")
    return blocked
