"""cdk8s constructs that describe a web service's Kubernetes deployment.

Compose a `WebService` per environment inside an `EnvironmentChart`, and let a
`ServiceProject` synthesize every environment through the gate. Values are
checked when they are constructed; a mistake raises `ConfigError` naming the field.

The top level holds the constructs (each named after the kind it makes), their
props and value types, the profiles, the errors and what a project definition
needs. Plumbing (rendering, output folders, diff, the gate's internals, the CLI)
lives in submodules; `cdk8s_webservice.testing` has the helpers for tests.

Names are imported on first use, so `import cdk8s_webservice` (and the gate, the
CLI's help, the pytest plugin) does not start jsii's Node.js runtime until a
construct is needed; then, with no Node.js on PATH, `ImportError` says what to
install (rather than jsii's `FileNotFoundError`). A public dataclass handed out here
gets an `Attributes:` section for `help()` (`docstrings.document`) and its keyword
arguments checked by name (`keywords.strict_keywords`: a misspelled field is a
`ConfigError` naming the closest one). `_PUBLIC` below is the one list of public names; `__all__`
and `_EXPORTS` derive from it, and `__init__.pyi` (what mypy and IDEs read) is
generated from it (`UPDATE_API_SURFACE=1 make test`; a test checks it is current).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

# Module -> the public names it defines: the one list of the top-level API.
_PUBLIC: dict[str, tuple[str, ...]] = {
    # The project and its environments
    "project": ("ServiceProject",),
    "fleet": ("FleetMember", "synthesize_fleet"),
    "profile": ("EnvironmentProfile", "Environments", "ScalingBounds", "TagPolicy"),
    "resources": ("Resources",),
    "delivery": ("BlueGreenState", "CanaryOptions", "Strategy"),
    "releases": ("Releases",),
    "release_history": ("Release", "ReleaseHistory", "ReleaseStatus"),
    "gitops": ("ApplicationSpec", "ArgoApplications", "GitOpsSettings", "GitOpsTarget"),
    "application_set": ("ArgoApplicationSet",),
    "clusters": ("Cluster",),
    "app_project": ("AppProject",),
    "gate": ("GateSettings", "Violation"),
    "errors": ("ConfigError", "GateFailed"),
    # The service
    "chart": ("EnvironmentChart",),
    "web_service": ("WebService", "WebServiceProps"),
    "identity": ("ServiceIdentity",),
    # One construct per kind, with its props and value types
    "namespace": ("ServiceNamespace",),
    "access": ("ApiAccess", "ApiRule", "ServiceAccount"),
    "secrets": ("SealedSecret",),
    "workload": ("ConfigMap", "Deployment", "DeploymentProps", "HealthChecks"),
    "probes": ("Probe",),
    "containers": ("ExtraContainer", "Port", "Volume", "VolumeMount"),
    "scheduling": ("NodeAffinity", "NodeRequirement", "PodAntiAffinity", "Scheduling", "Toleration", "TopologySpread"),
    "network": ("DefaultDenyNetworkPolicy", "EgressRule", "NetworkAccess", "Service", "ServiceNetworkPolicy"),
    "ingress": ("IngressOptions", "PublicIngress"),
    "ingress_routes": ("IngressHost", "IngressPath", "IngressRoutes", "IngressTls"),
    "autoscaling": (
        "ExternalMetric",
        "HorizontalPodAutoscaler",
        "ScalingTargets",
        "VerticalPodAutoscaler",
        "VpaBounds",
    ),
    "availability": ("PodDisruptionBudget",),
    "observability": ("Scraping", "ServiceMonitor"),
    "telemetry": ("OpenTelemetry",),
    "slo": ("HttpMetrics", "ServiceLevelObjectives"),
    "alerts": ("Alert", "PrometheusRule"),
    "dashboards": ("BusinessPanel", "GrafanaDashboards"),
    "canary": ("FlaggerCanary",),
    # Load testing: the SLO's fourth consumer
    "loadtest.options": ("LoadTestOptions",),
    "mesh": ("Istio", "ServiceMesh"),
    "istio": ("AllowRule", "AuthorizationPolicy", "PeerAuthentication"),
    "karpenter": ("EC2NodeClassOptions", "NodeDisruptionBudget", "NodePoolOptions"),
    "node_pool": ("EC2NodeClass", "NodePool"),
    # Feature flags (OpenFeature) and chaos experiments (Chaos Mesh)
    "feature_flags": ("FeatureFlags", "Flag", "FlagType"),
    "openfeature": ("FeatureFlag", "FeatureFlagSource"),
    "chaos": ("ChaosExperiment", "ChaosMode", "CpuStressExperiment", "NetworkDelayExperiment", "PodKillExperiment"),
    "chaos_schedule": ("ChaosSchedule",),
}

# Modules that import no construct library: usable without Node.js.
_WITHOUT_NODE = frozenset(
    {"profile", "delivery", "releases", "release_history", "gate", "errors", "identity", "slo", "fleet"}
)

# Public name -> the module that defines it.
_EXPORTS = {name: module for module, names in _PUBLIC.items() for name in names}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # The installed distribution's version (pyproject.toml's, once built or installed).
        from importlib.metadata import version

        globals()[name] = version("cdk8s-webservice")
        return globals()[name]
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module not in _WITHOUT_NODE and "jsii" not in sys.modules:
        _check_node(name)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    if isinstance(value, type):
        from .docstrings import document
        from .keywords import strict_keywords

        document(value)
        strict_keywords(value)
    globals()[name] = value
    return value


def _check_node(name: str) -> None:
    """jsii starts Node.js when a construct library is first imported: the Node.js it
    should run is chosen first (`runtime.find_node`, set as `JSII_NODE`), or one line
    says what to install (before jsii's `FileNotFoundError`)."""
    import os

    from .runtime import NodeNotFound, find_node

    try:
        os.environ["JSII_NODE"] = find_node()
    except NodeNotFound as missing:
        raise ImportError(f"cdk8s_webservice.{name} needs Node.js (jsii runs cdk8s in it): {missing}") from None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _stub() -> str:
    """The text of `__init__.pyi`: the same names, as explicit re-exports for type checkers."""
    lines = [
        '"""Generated from `_PUBLIC` in __init__.py (`UPDATE_API_SURFACE=1 make test`); do not edit."""',
        "",
    ]
    for module in sorted(_PUBLIC):
        lines += [f"from .{module} import {name} as {name}" for name in sorted(_PUBLIC[module], key=str.lower)]
    lines += ["", "__all__ = ["] + [f'    "{name}",' for name in __all__] + ["]", ""]
    return "\n".join(lines)
