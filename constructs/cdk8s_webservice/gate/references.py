"""Cross-object rules: what selects or targets something must find it, the ports it
names must exist, and the network policies must admit the ingress controller and
Prometheus where they need to go. Flagger's generated objects (the `-primary`
Deployment and the apex, primary and canary Services) are modelled, so a canary
environment is checked against what will actually run."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .pods import pod_specs
from .ports import ContainerPort, declared_ports, resolve
from .selectors import matches
from .violations import Violation

NAMESPACE_LABEL = "kubernetes.io/metadata.name"
_DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?")
_LABEL_NAME = _LABEL_VALUE
_DNS_SUBDOMAIN = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
_CLUSTER_SCOPED = {
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "CustomResourceDefinition",
    "PriorityClass",
    "StorageClass",
}
_WORKLOAD_KINDS = {"Deployment", "StatefulSet", "DaemonSet"}

RULES = {
    "selector-matches-pods": "a Service, PDB or NetworkPolicy that covers no pod",
    "service-target-port": "a Service port that leads to no container port",
    "servicemonitor-selects-service": "a ServiceMonitor that scrapes nothing",
    "servicemonitor-port": "a scrape endpoint naming a port the Service lacks",
    "prometheus-admitted": "a scrape the NetworkPolicies drop",
    "ingress-controller-admitted": "Ingress traffic the NetworkPolicies drop",
    "service-port": "an Ingress backend port the Service lacks",
    "target-exists": "an HPA, VPA, Canary or Ingress pointing at nothing",
    "name-dns1123": "a name the API server refuses",
    "explicit-namespace": "an object that lands in whatever namespace kubectl points at",
    "label-value": "a label key or value the API server refuses",
    "no-plain-secret": "a Secret in plain text in git",
}
"""Every rule this module reports, and what it protects against."""


@dataclass
class Pods:
    """The pods a workload runs (or, for Flagger's primary, will run)."""

    owner: str
    labels: dict[str, str]
    ports: list[ContainerPort]


@dataclass
class Svc:
    name: str
    labels: dict[str, str]
    selector: dict[str, str]
    ports: dict[str, Any]  # service port name -> targetPort


@dataclass
class Model:
    """The objects of one namespace, and the pods and Services they will make."""

    objects: dict[tuple[str, str], dict[str, Any]]
    pods: list[Pods] = field(default_factory=list)
    services: dict[str, Svc] = field(default_factory=dict)

    def get(self, kind: str, name: str) -> dict[str, Any] | None:
        return self.objects.get((kind, name))


def _pods_of(workload: Mapping[str, Any]) -> list[Pods]:
    return [Pods(workload["metadata"]["name"], dict(p.labels), declared_ports(p.spec)) for p in pod_specs(workload)]


def build_model(objects: Iterable[Mapping[str, Any]]) -> Model:
    objs = {(o["kind"], o["metadata"]["name"]): dict(o) for o in objects}
    model = Model(objects=objs)
    for (kind, _), obj in sorted(objs.items()):
        model.pods += _pods_of(obj)
        if kind == "Service":
            spec = obj.get("spec", {})
            model.services[obj["metadata"]["name"]] = Svc(
                obj["metadata"]["name"],
                dict(obj["metadata"].get("labels", {})),
                dict(spec.get("selector", {})),
                {p.get("name", str(p["port"])): p.get("targetPort", p["port"]) for p in spec.get("ports", [])},
            )
    for (kind, name), canary in sorted(objs.items()):
        if kind == "Canary":
            _model_flagger(model, name, canary)
    return model


def _model_flagger(model: Model, name: str, canary: Mapping[str, Any]) -> None:
    """Flagger copies the target into `<target>-primary`, rewriting the selector
    label's value, and generates the apex, primary and canary Services."""
    spec = canary["spec"]
    target = model.get("Deployment", spec["targetRef"]["name"])
    if target is None:
        return
    selector = target["spec"]["selector"]["matchLabels"]
    key = next(iter(selector))
    primary_name = f"{target['metadata']['name']}-primary"
    canary_pods = _pods_of(target)[0]
    primary = Pods(primary_name, {**canary_pods.labels, key: primary_name}, canary_pods.ports)
    model.pods.append(primary)
    service = spec.get("service", {})
    ports = {"http": service.get("targetPort", service.get("port"))}
    if service.get("portDiscovery"):
        ports.update({p.name: p.name for p in canary_pods.ports if p.name})
    for svc_name, role, pod_value in (
        (name, "apex", primary_name),
        (f"{name}-primary", "primary", primary_name),
        (f"{name}-canary", "canary", target["metadata"]["name"]),
    ):
        labels = {key: svc_name, **service.get(role, {}).get("labels", {})}
        model.services.setdefault(svc_name, Svc(svc_name, labels, {key: pod_value}, dict(ports)))


def _selected_pods(model: Model, selector: Mapping[str, Any] | None) -> list[Pods]:
    return [p for p in model.pods if matches(selector, p.labels)]


def _admits(model: Model, pods: Pods, port: ContainerPort | None, from_namespace: str) -> bool:
    """Whether the NetworkPolicies let `from_namespace` reach `port` on `pods`."""
    port_name, number = (port.name, port.number) if port else ("", None)
    isolating = []
    for (kind, _), policy in model.objects.items():
        if kind != "NetworkPolicy":
            continue
        spec = policy["spec"]
        types = spec.get("policyTypes") or ["Ingress"]
        if "Ingress" in types and matches(spec.get("podSelector"), pods.labels):
            isolating.append(spec)
    if not isolating:
        return True  # no policy isolates these pods
    for spec in isolating:
        for rule in spec.get("ingress", []) or []:
            ports = rule.get("ports")
            if ports and not any(p.get("port") in (port_name, number) for p in ports):
                continue
            peers = rule.get("from")
            if not peers:
                return True
            for peer in peers:
                if "ipBlock" in peer or peer.get("podSelector"):
                    continue
                if "namespaceSelector" in peer and matches(
                    peer["namespaceSelector"], {NAMESPACE_LABEL: from_namespace}
                ):
                    return True
    return False


def _unadmitted(model: Model, service: Svc, port: str, from_namespace: str) -> list[str]:
    """`<workload>:<port>` for each set of pods behind `service` that
    `from_namespace` cannot reach on the Service port `port`."""
    blocked = []
    for pod_set in _selected_pods(model, service.selector):
        target = resolve(pod_set.ports, service.ports[port])
        if not _admits(model, pod_set, target, from_namespace):
            blocked.append(f"{pod_set.owner}:{target.name or target.number if target else service.ports[port]}")
    return blocked


def check_references(
    environment: str, objects: Iterable[Mapping[str, Any]], *, ingress_namespace: str, monitoring_namespace: str
) -> list[Violation]:
    """Every rule, namespace by namespace: selectors, target references and Service
    names all resolve within one namespace (services sharing a folder do not see
    each other's pods)."""
    by_namespace: dict[str, list[Mapping[str, Any]]] = {}
    for obj in objects:
        by_namespace.setdefault(obj["metadata"].get("namespace") or "", []).append(obj)
    violations: list[Violation] = []
    for _, members in sorted(by_namespace.items()):
        violations += _check_namespace(
            environment, members, ingress_namespace=ingress_namespace, monitoring_namespace=monitoring_namespace
        )
    return violations


def _check_namespace(
    environment: str, objects: Iterable[Mapping[str, Any]], *, ingress_namespace: str, monitoring_namespace: str
) -> list[Violation]:
    model = build_model(objects)
    out: list[Violation] = []

    def fail(obj: Mapping[str, Any], field_path: str, rule: str, message: str) -> None:
        if rule not in RULES:
            raise ValueError(f"undeclared gate rule {rule!r}")
        out.append(Violation(environment, obj["kind"], obj["metadata"]["name"], field_path, rule, message))

    for (kind, _), obj in sorted(model.objects.items()):
        spec = obj.get("spec", {})
        if kind == "Service":
            pods = _selected_pods(model, spec.get("selector"))
            if not spec.get("selector") or not pods:
                fail(obj, "spec.selector", "selector-matches-pods", f"{spec.get('selector')} selects no pods")
            for port in spec.get("ports", []):
                target = port.get("targetPort", port["port"])
                for p in pods:
                    if resolve(p.ports, target, port.get("protocol", "TCP")) is None:
                        fail(
                            obj,
                            f"spec.ports[{port.get('name', port['port'])}].targetPort",
                            "service-target-port",
                            f"{target!r} is not a {port.get('protocol', 'TCP')} container port of {p.owner}",
                        )
        elif kind in ("PodDisruptionBudget", "NetworkPolicy"):
            selector = spec.get("selector") if kind == "PodDisruptionBudget" else spec.get("podSelector")
            if selector and not _selected_pods(model, selector):
                field_path = "spec.selector" if kind == "PodDisruptionBudget" else "spec.podSelector"
                fail(obj, field_path, "selector-matches-pods", f"{selector} selects no pods")
        elif kind == "HorizontalPodAutoscaler":
            ref = spec["scaleTargetRef"]
            if model.get(ref["kind"], ref["name"]) is None:
                fail(obj, "spec.scaleTargetRef", "target-exists", f"{ref['kind']}/{ref['name']} does not exist")
        elif kind == "VerticalPodAutoscaler":
            ref = spec["targetRef"]
            if ref["name"] not in {p.owner for p in model.pods}:
                fail(
                    obj,
                    "spec.targetRef",
                    "target-exists",
                    f"{ref['kind']}/{ref['name']} does not exist (nor will Flagger create it)",
                )
        elif kind == "Canary":
            _check_canary(model, obj, fail)
        elif kind == "ServiceMonitor":
            services = [s for s in model.services.values() if matches(spec.get("selector"), s.labels)]
            if not services:
                fail(
                    obj, "spec.selector", "servicemonitor-selects-service", f"{spec.get('selector')} selects no Service"
                )
            for endpoint in spec.get("endpoints", []):
                for service in services:
                    if endpoint.get("port") not in service.ports:
                        fail(
                            obj,
                            "spec.endpoints.port",
                            "servicemonitor-port",
                            f"{endpoint.get('port')!r} is not a port of Service/{service.name}",
                        )
                        continue
                    for blocked in _unadmitted(model, service, endpoint["port"], monitoring_namespace):
                        fail(
                            obj,
                            "spec.endpoints.port",
                            "prometheus-admitted",
                            f"no NetworkPolicy admits namespace {monitoring_namespace} to {blocked}",
                        )
        elif kind == "Ingress":
            for rule in spec.get("rules", []):
                for path in rule.get("http", {}).get("paths", []):
                    backend = path["backend"]["service"]
                    backend_service = model.services.get(backend["name"])
                    port = backend["port"].get("name", backend["port"].get("number"))
                    if backend_service is None:
                        fail(
                            obj,
                            "spec.rules.http.paths.backend.service.name",
                            "target-exists",
                            f"Service/{backend['name']} does not exist",
                        )
                        continue
                    if str(port) not in backend_service.ports:
                        fail(
                            obj,
                            "spec.rules.http.paths.backend.service.port",
                            "service-port",
                            f"{port!r} is not a port of Service/{backend_service.name}",
                        )
                        continue
                    for blocked in _unadmitted(model, backend_service, str(port), ingress_namespace):
                        fail(
                            obj,
                            "spec.rules.http.paths.backend",
                            "ingress-controller-admitted",
                            f"no NetworkPolicy admits namespace {ingress_namespace} to {blocked}",
                        )
    out += check_metadata(environment, model)
    return out


def _check_canary(model: Model, obj: Mapping[str, Any], fail: Any) -> None:
    spec = obj["spec"]
    target = spec["targetRef"]
    if model.get(target["kind"], target["name"]) is None:
        fail(obj, "spec.targetRef", "target-exists", f"{target['kind']}/{target['name']} does not exist")
    ref = spec.get("autoscalerRef")
    if ref:
        hpa = model.get(ref["kind"], ref["name"])
        if hpa is None:
            fail(obj, "spec.autoscalerRef", "target-exists", f"{ref['kind']}/{ref['name']} does not exist")
        elif hpa["spec"]["scaleTargetRef"]["name"] != target["name"]:
            fail(
                obj,
                "spec.autoscalerRef",
                "target-exists",
                f"{ref['name']} scales {hpa['spec']['scaleTargetRef']['name']}, not {target['name']}",
            )
    ref = spec.get("ingressRef")
    if ref and model.get("Ingress", ref["name"]) is None:
        fail(obj, "spec.ingressRef", "target-exists", f"Ingress/{ref['name']} does not exist")
    for metric in spec.get("analysis", {}).get("metrics", []):
        template = metric.get("templateRef")
        if template and model.get("MetricTemplate", template["name"]) is None:
            fail(
                obj,
                f"spec.analysis.metrics[{metric['name']}].templateRef",
                "target-exists",
                f"MetricTemplate/{template['name']} does not exist",
            )


def _check_labels(labels: Mapping[str, Any], where: str) -> list[tuple[str, str]]:
    problems = []
    for key, value in labels.items():
        prefix, _, name = key.rpartition("/")
        if (
            (prefix and (len(prefix) > 253 or not _DNS_SUBDOMAIN.fullmatch(prefix)))
            or not name
            or len(name) > 63
            or not _LABEL_NAME.fullmatch(name)
        ):
            problems.append((f"{where}.{key}", f"label key {key!r} is not valid"))
        if not isinstance(value, str) or len(value) > 63 or not _LABEL_VALUE.fullmatch(value):
            problems.append(
                (
                    f"{where}.{key}",
                    f"label value {value!r} is not valid (at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends)",
                )
            )
    return problems


def check_metadata(environment: str, model: Model) -> list[Violation]:
    out = []
    for (kind, name), obj in sorted(model.objects.items()):
        meta = obj["metadata"]
        found: list[tuple[str, str, str]] = []

        def fail(field_path: str, rule: str, message: str, found: list[tuple[str, str, str]] = found) -> None:
            if rule not in RULES:
                raise ValueError(f"undeclared gate rule {rule!r}")
            found.append((field_path, rule, message))

        if len(name) > 63 or not _DNS_LABEL.fullmatch(name):
            fail("metadata.name", "name-dns1123", f"{name!r} is not a DNS-1123 label of at most 63 characters")
        if kind not in _CLUSTER_SCOPED and not meta.get("namespace"):
            fail(
                "metadata.namespace",
                "explicit-namespace",
                "is required: an object without one lands wherever kubectl points",
            )
        label_sets = [(meta.get("labels", {}), "metadata.labels")]
        for pod in pod_specs(obj) if kind != "Pod" else []:
            label_sets.append((pod.labels, f"{pod.path.removesuffix('.spec')}.metadata.labels"))
        if kind in _WORKLOAD_KINDS:
            label_sets.append(
                ((obj["spec"].get("selector") or {}).get("matchLabels") or {}, "spec.selector.matchLabels")
            )
        for labels, where in label_sets:
            for field_path, message in _check_labels(labels, where):
                fail(field_path, "label-value", message)
        if kind == "Secret" and ("data" in obj or "stringData" in obj):
            fail("data", "no-plain-secret", "a Secret with data or stringData is never rendered; use a SealedSecret")
        out += [Violation(environment, kind, name, *problem) for problem in found]
    return out
