"""Cross-object rules: what selects or targets something must find it. A Service,
PDB or NetworkPolicy covers pods; a workload's selector selects its own
template; an HPA, VPA, Canary or Ingress points at an object that exists (or
that Flagger will create); a ServiceMonitor selects a Service. All within the
object's namespace (see `model`)."""

from __future__ import annotations

from collections.abc import Mapping

from .model import Obj
from .pods import SELECTOR_KINDS
from .registry import Fail, rule
from .selectors import matches, selected_pods, selected_services

API_SERVER = "Kubernetes API server"
PROJECT = "project"


@rule(
    "selector-matches-pods",
    kinds=("Service",),
    reason="a Service that sends traffic to no pod",
    source=f"{PROJECT}: an endpointless Service is an outage the API server accepts",
)
def service_selects_pods(obj: Obj, fail: Fail) -> None:
    selector = obj.spec.get("selector")
    if not selector or not selected_pods(obj.model, selector):
        fail("spec.selector", f"{selector} selects no pods")


@rule(
    "selector-matches-pods",
    kinds=("PodDisruptionBudget", "NetworkPolicy"),
    reason="a PDB or NetworkPolicy that covers no pod",
    source=f"{PROJECT}: a budget or policy that protects nothing",
)
def policy_selects_pods(obj: Obj, fail: Fail) -> None:
    field = "spec.selector" if obj.kind == "PodDisruptionBudget" else "spec.podSelector"
    selector = obj.spec.get(field.removeprefix("spec."))
    if selector and not selected_pods(obj.model, selector):
        fail(field, f"{selector} selects no pods")


@rule(
    "workload-selector-matches-template",
    kinds=sorted(SELECTOR_KINDS),
    reason="a workload whose selector does not select its own pod template",
    source=f"{API_SERVER}: 'selector does not match template labels'",
)
def workload_selects_template(obj: Obj, fail: Fail) -> None:
    selector = obj.spec.get("selector")
    if not obj.pods:
        return
    if not isinstance(selector, Mapping) or not (selector.get("matchLabels") or selector.get("matchExpressions")):
        fail("spec.selector", "is empty: it must select the template's labels")
    elif not matches(selector, obj.pods[0].labels):
        fail("spec.selector", f"does not select the template's labels {dict(obj.pods[0].labels)}")


TARGET_REASON = "an HPA, VPA, Canary or Ingress pointing at nothing"
TARGET_SOURCE = f"{PROJECT}: the API server accepts a reference to nothing; it fails at run time"


@rule("target-exists", kinds=("HorizontalPodAutoscaler",), reason=TARGET_REASON, source=TARGET_SOURCE)
def hpa_target(obj: Obj, fail: Fail) -> None:
    ref = obj.spec["scaleTargetRef"]
    if obj.model.get(ref["kind"], ref["name"]) is None:
        fail("spec.scaleTargetRef", f"{ref['kind']}/{ref['name']} does not exist")


@rule("target-exists", kinds=("VerticalPodAutoscaler",), reason=TARGET_REASON, source=TARGET_SOURCE)
def vpa_target(obj: Obj, fail: Fail) -> None:
    ref = obj.spec["targetRef"]
    if ref["name"] not in obj.model.owners():
        fail("spec.targetRef", f"{ref['kind']}/{ref['name']} does not exist (nor will Flagger create it)")


@rule("target-exists", kinds=("Canary",), reason=TARGET_REASON, source=TARGET_SOURCE)
def canary_target(obj: Obj, fail: Fail) -> None:
    target = obj.spec["targetRef"]
    if obj.model.get(target["kind"], target["name"]) is None:
        fail("spec.targetRef", f"{target['kind']}/{target['name']} does not exist")


@rule("target-exists", kinds=("Canary",), reason=TARGET_REASON, source=TARGET_SOURCE)
def canary_autoscaler(obj: Obj, fail: Fail) -> None:
    ref, target = obj.spec.get("autoscalerRef"), obj.spec["targetRef"]
    if not ref:
        return
    hpa = obj.model.get(ref["kind"], ref["name"])
    if hpa is None:
        fail("spec.autoscalerRef", f"{ref['kind']}/{ref['name']} does not exist")
    elif (scaled := hpa.raw["spec"]["scaleTargetRef"]["name"]) != target["name"]:
        fail("spec.autoscalerRef", f"{ref['name']} scales {scaled}, not {target['name']}")


@rule("target-exists", kinds=("Canary",), reason=TARGET_REASON, source=TARGET_SOURCE)
def canary_ingress(obj: Obj, fail: Fail) -> None:
    ref = obj.spec.get("ingressRef")
    if ref and obj.model.get("Ingress", ref["name"]) is None:
        fail("spec.ingressRef", f"Ingress/{ref['name']} does not exist")


@rule("target-exists", kinds=("Canary",), reason=TARGET_REASON, source=TARGET_SOURCE)
def canary_metric_templates(obj: Obj, fail: Fail) -> None:
    for metric in obj.spec.get("analysis", {}).get("metrics", []):
        template = metric.get("templateRef")
        if template and obj.model.get("MetricTemplate", template["name"]) is None:
            fail(
                f"spec.analysis.metrics[{metric['name']}].templateRef",
                f"MetricTemplate/{template['name']} does not exist",
            )


@rule(
    "servicemonitor-selects-service",
    kinds=("ServiceMonitor",),
    reason="a ServiceMonitor that scrapes nothing",
    source=f"{PROJECT}: a silent gap in the metrics",
)
def monitor_selects_service(obj: Obj, fail: Fail) -> None:
    selector = obj.spec.get("selector")
    if not selected_services(obj.model, selector):
        fail("spec.selector", f"{selector} selects no Service")
