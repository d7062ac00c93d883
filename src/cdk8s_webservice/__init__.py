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

from cdk8s_webservice.core.deprecation import MovedModules

# Module -> the public names it defines: the one list of the top-level API.
_PUBLIC: dict[str, tuple[str, ...]] = {
    # The project and its environments
    "synthesis.project": ("ServiceProject",),
    "synthesis.fleet": ("FleetMember", "synthesize_fleet"),
    "profiles.environment": ("EnvironmentProfile", "Environments", "TagPolicy"),
    "kinds.resources": ("Resources",),
    "delivery.strategy": ("BlueGreenState", "CanaryOptions", "Strategy"),
    "releases.file": ("Releases",),
    "releases.history": ("Release", "ReleaseHistory", "ReleaseStatus"),
    "gitops.applications": ("ApplicationSpec", "ArgoApplications", "GitOpsSettings", "GitOpsTarget"),
    "gitops.application_set": ("ArgoApplicationSet",),
    "gitops.clusters": ("Cluster",),
    "gitops.app_project": ("AppProject",),
    "gate": ("GateSettings", "Violation"),
    "core.errors": ("ConfigError", "GateFailed"),
    # The service
    "service.chart": ("EnvironmentChart",),
    "service.web_service": ("WebService",),
    "service.props": ("WebServiceProps",),
    "service.options": (
        "DeliveryOptions",
        "NamespaceOptions",
        "NetworkOptions",
        "ObservabilityOptions",
        "PodOptions",
    ),
    "core.identity": ("ServiceIdentity",),
    # One construct per kind, with its props and value types
    "kinds.namespace": ("ServiceNamespace",),
    "kinds.access": ("ApiAccess", "ApiRule", "ServiceAccount"),
    "kinds.secrets": ("SealedSecret",),
    "kinds.workload": ("Deployment",),
    "kinds.deployment_props": ("DeploymentProps", "HealthChecks"),
    "kinds.config_map": ("ConfigMap",),
    "kinds.probes": ("Probe",),
    "kinds.containers": ("ExtraContainer", "Port", "Volume", "VolumeMount"),
    "kinds.scheduling": (
        "NodeAffinity",
        "NodeRequirement",
        "PodAntiAffinity",
        "Scheduling",
        "Toleration",
        "TopologySpread",
    ),
    "kinds.network": ("DefaultDenyNetworkPolicy", "EgressRule", "NetworkAccess", "Service", "ServiceNetworkPolicy"),
    "kinds.ingress": ("IngressOptions", "PublicIngress"),
    "kinds.ingress_routes": ("IngressHost", "IngressPath", "IngressRoutes", "IngressTls"),
    "kinds.autoscaling": (
        "ExternalMetric",
        "HorizontalPodAutoscaler",
        "ScalingTargets",
        "VerticalPodAutoscaler",
        "VpaBounds",
    ),
    "kinds.availability": ("PodDisruptionBudget",),
    "kinds.replicas": ("ScalingBounds",),
    "observability.scraping": ("Scraping", "ServiceMonitor"),
    "observability.telemetry": ("OpenTelemetry",),
    "observability.slo": ("HttpMetrics", "ServiceLevelObjectives"),
    "observability.alerts": ("Alert", "PrometheusRule"),
    "observability.dashboards": ("BusinessPanel", "GrafanaDashboards"),
    "delivery.canary": ("FlaggerCanary",),
    # Load testing: the SLO's fourth consumer
    "loadtest.options": ("LoadTestOptions",),
    "addons.mesh": ("Istio", "ServiceMesh"),
    "addons.authorization": ("AllowRule",),
    "addons.istio": ("AuthorizationPolicy", "PeerAuthentication"),
    "addons.karpenter": ("EC2NodeClassOptions", "NodeDisruptionBudget", "NodePoolOptions"),
    "addons.node_pool": ("EC2NodeClass", "NodePool"),
    # Feature flags (OpenFeature) and chaos experiments (Chaos Mesh)
    "addons.feature_flags": ("FeatureFlags", "Flag", "FlagType"),
    "addons.openfeature": ("FeatureFlag", "FeatureFlagSource"),
    "addons.chaos": (
        "ChaosExperiment",
        "ChaosMode",
        "CpuStressExperiment",
        "NetworkDelayExperiment",
        "PodKillExperiment",
    ),
    "addons.chaos_schedule": ("ChaosSchedule",),
}

# Modules that import no construct library: usable without Node.js.
_WITHOUT_NODE = frozenset(
    {
        "profiles.environment",
        "delivery.strategy",
        "releases.file",
        "releases.history",
        "gate",
        "core.errors",
        "core.identity",
        "observability.slo",
        "synthesis.fleet",
    }
)

# Module paths before 0.7.0 -> their subpackage (deprecated aliases, removed in 0.8.0).
_MOVED_MODULES = {
    "access": "kinds.access",
    "alerts": "observability.alerts",
    "app_project": "gitops.app_project",
    "application_set": "gitops.application_set",
    "argocd_health": "gitops.argocd_health",
    "autoscaling": "kinds.autoscaling",
    "availability": "kinds.availability",
    "burn_rate": "observability.burn_rate",
    "cache_files": "core.cache_files",
    "canary": "delivery.canary",
    "cdk8s_app": "synthesis.cdk8s_app",
    "chaos": "addons.chaos",
    "chaos_schedule": "addons.chaos_schedule",
    "chart": "service.chart",
    "clusters": "gitops.clusters",
    "containers": "kinds.containers",
    "custom_metrics": "observability.custom_metrics",
    "dashboards": "observability.dashboards",
    "delivery_plan": "service.delivery_plan",
    "deprecation": "core.deprecation",
    "diff": "synthesis.diff",
    "discovery": "synthesis.discovery",
    "docstrings": "core.docstrings",
    "error_context": "core.error_context",
    "error_lines": "core.error_lines",
    "errors": "core.errors",
    "escape_hatches": "service.escape_hatches",
    "feature_flags": "addons.feature_flags",
    "fleet": "synthesis.fleet",
    "gitops": "gitops.applications",
    "helm": "gitops.helm",
    "helm_deploy": "cli.helm_deploy",
    "identity": "core.identity",
    "ingress": "kinds.ingress",
    "ingress_routes": "kinds.ingress_routes",
    "istio": "addons.istio",
    "k8s_values": "core.k8s_values",
    "karpenter": "addons.karpenter",
    "keywords": "core.keywords",
    "loadtest.commands": "cli.loadtest",
    "loadtest.files": "service.load_test_files",
    "mesh": "addons.mesh",
    "names": "core.names",
    "namespace": "kinds.namespace",
    "network": "kinds.network",
    "node_pool": "addons.node_pool",
    "openfeature": "addons.openfeature",
    "output": "synthesis.output",
    "probes": "kinds.probes",
    "processes": "core.processes",
    "profile": "profiles.environment",
    "project": "synthesis.project",
    "promql": "observability.promql",
    "pytest_plugin": "testing.pytest_plugin",
    "quantities": "core.quantities",
    "release_file": "cli.release_file",
    "release_history": "releases.history",
    "release_workflow": "cli.release_workflow",
    "rendering": "synthesis.rendering",
    "resources": "kinds.resources",
    "scaffold": "cli.scaffold",
    "scheduling": "kinds.scheduling",
    "secrets": "kinds.secrets",
    "slo": "observability.slo",
    "telemetry": "observability.telemetry",
    "values": "core.values",
    "watch": "cli.watch",
    "web_service": "service.web_service",
    "workload": "kinds.workload",
    "yaml_emitter": "core.yaml_emitter",
    "yaml_limits": "core.yaml_limits",
}

sys.meta_path.append(MovedModules(__name__, _MOVED_MODULES, since="0.7.0"))

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
        from cdk8s_webservice.core.docstrings import document
        from cdk8s_webservice.core.keywords import strict_keywords

        document(value)
        strict_keywords(value)
    globals()[name] = value
    return value


def _check_node(name: str) -> None:
    """jsii starts Node.js when a construct library is first imported: the Node.js it
    should run is chosen first (`runtime.find_node`, set as `JSII_NODE`), or one line
    says what to install (before jsii's `FileNotFoundError`)."""
    import os

    from cdk8s_webservice.runtime.node import NodeNotFound, find_node

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
