"""Argo CD's apply order (sync waves) and the replicas it must leave to controllers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"


SYNC_WAVES: Mapping[str, int] = {
    "EC2NodeClass": -2,
    "NodePool": -1,
    "Namespace": -2,
    "ServiceAccount": -1,
    "Role": -1,
    "RoleBinding": -1,
    "ConfigMap": -1,
    "SealedSecret": -1,
    "NetworkPolicy": -1,
    "PeerAuthentication": -1,
    "AuthorizationPolicy": -1,
    "FeatureFlag": -1,
    "FeatureFlagSource": -1,
    "ServiceMonitor": 1,
    "PrometheusRule": 1,
    "VerticalPodAutoscaler": 1,
    "MetricTemplate": 1,
    "Canary": 1,
    "Schedule": 1,
    # the load test's verdict (a PostSync hook) after the TestRun (0), which Argo CD holds until it ends
    "Job": 2,
}
"""Apply order. Namespace first; then what pods need to start (identity, config,
the SealedSecret the controller unseals, network and mesh policy, the feature flags
the OpenFeature webhook reads when it admits a pod); then the workload; last, objects
that point at the workload and need CRDs (monitoring, VPA, Canary, chaos Schedules).
Karpenter's EC2NodeClass and NodePool come before the workload, so its pods find
their nodes being provisioned."""


_CORE_GROUPS = ("", "apps", "autoscaling", "batch", "policy", "networking.k8s.io", "rbac.authorization.k8s.io")


def annotate_sync_waves(manifests: Iterable[dict[str, Any]]) -> None:
    """Add the sync-wave annotation to every object; custom resources also skip the
    dry run, so a first sync that installs their CRDs alongside does not fail."""
    for manifest in manifests:
        annotations = manifest["metadata"].setdefault("annotations", {})
        annotations[SYNC_WAVE] = str(SYNC_WAVES.get(manifest["kind"], 0))
        group = manifest["apiVersion"].rpartition("/")[0]
        if group not in _CORE_GROUPS:
            annotations[SYNC_OPTIONS] = "SkipDryRunOnMissingResource=true"


def replica_owners(manifests: Iterable[Mapping[str, Any]]) -> list[tuple[str, str, str]]:
    """(group, kind, name) of every workload whose `spec.replicas` a controller owns:
    the targets of HPAs, and the Deployments Flagger scales. ArgoCD must ignore
    those replicas, or self-heal would fight the controller."""
    owned = set()
    for manifest in manifests:
        if manifest["kind"] == "HorizontalPodAutoscaler":
            ref = manifest["spec"]["scaleTargetRef"]
        elif manifest["kind"] == "Canary":
            ref = manifest["spec"]["targetRef"]
        else:
            continue
        owned.add((ref["apiVersion"].rpartition("/")[0], ref["kind"], ref["name"]))
    return sorted(owned)
