"""cdk8s constructs that describe a web service's Kubernetes deployment.

Compose a `WebService` per environment inside an `EnvironmentChart`, and let a
`ServiceProject` synthesize every environment through the gate. Values are
checked when they are constructed; a mistake raises `ConfigError` naming the field.

The top level holds what a service definition needs (at most 45 names): the project,
its profiles, the service and its props, the values services vary, the opt-in add-ons'
settings and the errors. Each construct of one kind (`cdk8s_webservice.kinds.network.Service`,
...), the plumbing (rendering, output, diff, the gate, the CLI) and the rest live in the
subpackages (docs/architecture.md); `cdk8s_webservice.testing` has the helpers for tests.

Names are imported on first use, so `import cdk8s_webservice` (and the gate, the
CLI's help, the pytest plugin) does not start jsii's Node.js runtime until a
construct is needed; then, with no Node.js on PATH, `ImportError` says what to
install (rather than jsii's `FileNotFoundError`). Public dataclasses are decorated
`@public` where defined (`core.keywords`: keyword arguments checked by name, an
`Attributes:` section for `help()`). `_PUBLIC` below is the one list of public names; `__all__`
and `_EXPORTS` derive from it, and `__init__.pyi` (what mypy and IDEs read) is
generated from it (`UPDATE_API_SURFACE=1 make test`; a test checks it is current).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from cdk8s_webservice.core.deprecation import MovedModules

# Module -> the public names it defines: the one list of the top-level API (at most 45
# names: what a service definition needs). Everything else is imported from its module.
_PUBLIC: dict[str, tuple[str, ...]] = {
    # The project and its environments
    "synthesis.project": ("ServiceProject",),
    "profiles.environment": ("EnvironmentProfile", "Environments", "TagPolicy"),
    "kinds.resources": ("Resources",),
    "kinds.replicas": ("ScalingBounds",),
    "delivery.strategy": ("CanaryOptions", "Strategy"),
    "releases.file": ("Releases",),
    "gitops.applications": ("GitOpsSettings", "GitOpsTarget"),
    "gitops.clusters": ("Cluster",),
    "gate": ("GateSettings",),
    "core.errors": ("ConfigError", "GateFailed"),
    # The service and its props
    "service.chart": ("EnvironmentChart",),
    "service.web_service": ("WebService",),
    "service.props": ("WebServiceProps",),
    "service.options": ("DeliveryOptions", "NamespaceOptions", "NetworkOptions", "ObservabilityOptions", "PodOptions"),
    "observability.slo": ("ServiceLevelObjectives",),
    # What services vary in their pods
    "kinds.deployment_props": ("HealthChecks",),
    "kinds.probes": ("Probe",),
    "kinds.containers": ("ExtraContainer", "Port", "Volume", "VolumeMount"),
    "kinds.scheduling": ("Scheduling",),
    # Network, delivery and observability options
    "kinds.network": ("EgressRule", "NetworkAccess"),
    "kinds.access": ("ApiAccess", "ApiRule"),
    "kinds.ingress": ("IngressOptions",),
    "kinds.ingress_routes": ("IngressRoutes",),
    "kinds.autoscaling": ("ScalingTargets",),
    "loadtest.options": ("LoadTestOptions",),
    "observability.dashboards": ("BusinessPanel",),
    "observability.telemetry": ("OpenTelemetry",),
    # Opt-in add-ons a profile turns on
    "addons.mesh": ("Istio",),
    "addons.feature_flags": ("FeatureFlags", "Flag"),
    "addons.karpenter": ("NodePoolOptions",),
}

# Names the top level held before 0.7.0 -> their module: they still read, with a
# DeprecationWarning naming the module, until 0.8.0 (CHANGELOG.md has the table).
_MOVED_NAMES: dict[str, tuple[str, ...]] = {
    "synthesis.fleet": ("FleetMember", "synthesize_fleet"),
    "delivery.strategy": ("BlueGreenState",),
    "releases.history": ("Release", "ReleaseHistory", "ReleaseStatus"),
    "gitops.applications": ("ApplicationSpec", "ArgoApplications"),
    "gitops.application_set": ("ArgoApplicationSet",),
    "gitops.app_project": ("AppProject",),
    "gate": ("Violation",),
    "core.identity": ("ServiceIdentity",),
    "kinds.namespace": ("ServiceNamespace",),
    "kinds.access": ("ServiceAccount",),
    "kinds.secrets": ("SealedSecret",),
    "kinds.workload": ("Deployment",),
    "kinds.deployment_props": ("DeploymentProps",),
    "kinds.config_map": ("ConfigMap",),
    "kinds.scheduling": ("NodeAffinity", "NodeRequirement", "PodAntiAffinity", "Toleration", "TopologySpread"),
    "kinds.network": ("DefaultDenyNetworkPolicy", "Service", "ServiceNetworkPolicy"),
    "kinds.ingress": ("PublicIngress",),
    "kinds.ingress_routes": ("IngressHost", "IngressPath", "IngressTls"),
    "kinds.autoscaling": ("ExternalMetric", "HorizontalPodAutoscaler", "VerticalPodAutoscaler", "VpaBounds"),
    "kinds.availability": ("PodDisruptionBudget",),
    "observability.scraping": ("Scraping", "ServiceMonitor"),
    "observability.slo": ("HttpMetrics",),
    "observability.alerts": ("Alert", "PrometheusRule"),
    "observability.dashboards": ("GrafanaDashboards",),
    "delivery.canary": ("FlaggerCanary",),
    "addons.mesh": ("ServiceMesh",),
    "addons.authorization": ("AllowRule",),
    "addons.istio": ("AuthorizationPolicy", "PeerAuthentication"),
    "addons.karpenter": ("EC2NodeClassOptions", "NodeDisruptionBudget"),
    "addons.node_pool": ("EC2NodeClass", "NodePool"),
    "addons.feature_flags": ("FlagType",),
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


class _NodeBeforeJsii(importlib.abc.MetaPathFinder):
    """A construct's module imported by its own path (`cdk8s_webservice.kinds.harden`, the
    59 names moved off the top level, ...) imports jsii, which starts Node.js: that Node.js
    is chosen first, as for a top-level name (`_check_node`), unless a process's entry point
    chose it already (`runtime.start` sets `JSII_NODE`). Without it jsii would run whatever
    `node` is on PATH (an end-of-life Node.js 20, with its banner), or fail with
    `FileNotFoundError` where there is none."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        import os

        if fullname == "jsii" and "jsii" not in sys.modules and not os.environ.get("JSII_NODE"):
            _check_node("kinds")  # ImportError naming what to install, when nothing fits
        return None  # the import itself is the other finders'


# Once each, also when the package is reloaded (`importlib.reload`).
sys.meta_path[:] = [
    f
    for f in sys.meta_path
    if type(f).__name__ != "_NodeBeforeJsii" and not (isinstance(f, MovedModules) and f.package == __name__)
]
sys.meta_path.insert(0, _NodeBeforeJsii())
# `workload.py` was split in 0.7.0: its props and its ConfigMap read from their modules too.
_SPLIT_MODULES = {"workload": ("kinds.deployment_props", "kinds.config_map")}
sys.meta_path.append(MovedModules(__name__, _MOVED_MODULES, since="0.7.0", split=_SPLIT_MODULES))

# Public name -> the module that defines it.
_EXPORTS = {name: module for module, names in _PUBLIC.items() for name in names}
_MOVED = {name: module for module, names in _MOVED_NAMES.items() for name in names}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name == "__version__":
        # The installed distribution's version (pyproject.toml's, once built or installed).
        from importlib.metadata import version

        globals()[name] = version("cdk8s-webservice")
        return globals()[name]
    module = _EXPORTS.get(name)
    if module is None and name in _MOVED:
        module = _MOVED[name]
        warnings.warn(
            f"{__name__}.{name} is deprecated since 0.7.0: import it from {__name__}.{module}",
            DeprecationWarning,
            stacklevel=2,
        )
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if module not in _WITHOUT_NODE and "jsii" not in sys.modules:
        _check_node(name)
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    if name in _EXPORTS:  # a moved name warns at every import site
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
    lines += ["", "__version__: str", "", "__all__ = ["] + [f'    "{name}",' for name in __all__] + ["]", ""]
    return "\n".join(lines)
