"""cdk8s constructs that describe a web service's Kubernetes deployment.

Compose a `WebService` per environment inside an `EnvironmentChart`, and let a
`ServiceProject` synthesize every environment through the gate. Values are
checked when they are constructed; a mistake raises `ConfigError` naming the field.

Names are imported on first use, so `import cdk8s_webservice` (and the gate, the
CLI's help, the pytest plugin) does not start jsii's Node.js runtime until a
construct is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import cli
    from .access import ApiAccess, ApiRule, WorkloadIdentity
    from .alerts import Alert, SloAlerts, slo_alerts
    from .autoscaling import ExternalMetric, HorizontalAutoscaler, ResourceRecommender, ScalingTargets, VpaBounds
    from .availability import DisruptionBudget
    from .canary import FlaggerCanary
    from .chart import EnvironmentChart
    from .dashboards import BusinessPanel, GrafanaDashboards
    from .delivery import BlueGreenState, CanaryOptions, Strategy
    from .diff import diff_objects, format_changes
    from .errors import ConfigError
    from .gate import Gate, GateFailed, GateSettings, Violation
    from .gate.metadata import refuse_plain_secrets
    from .gitops import (
        ApplicationSpec,
        ArgoApplications,
        ArgoApplicationSet,
        GitOpsSettings,
        annotate_sync_waves,
        replica_owners,
    )
    from .helm import chart_files
    from .identity import ServiceIdentity
    from .ingress import IngressOptions, PublicIngress
    from .loadtest.options import LoadTestOptions
    from .namespace import ServiceNamespace
    from .network import DefaultDenyPolicy, EgressRule, NetworkAccess, ServiceEndpoint, ServiceNetworkPolicy
    from .observability import MetricsScrape, Scraping
    from .output import check_output_folder, replace_directory, write_environments
    from .profile import EnvironmentProfile, Environments, Resources, ScalingBounds, TagPolicy
    from .project import ServiceProject
    from .release_history import Release, ReleaseHistory, ReleaseStatus
    from .releases import Releases
    from .rendering import render_files, to_yaml
    from .secrets import SealedEnvSecret, check_ciphertext
    from .slo import HttpMetrics, ServiceLevelObjectives
    from .telemetry import OpenTelemetry
    from .web_service import WebService, WebServiceProps
    from .workload import HealthChecks, ServiceConfig, Workload, WorkloadProps

# Public name -> the module that defines it.
_EXPORTS = {
    "Alert": "alerts",
    "ApiAccess": "access",
    "ApiRule": "access",
    "ApplicationSpec": "gitops",
    "ArgoApplications": "gitops",
    "ArgoApplicationSet": "gitops",
    "BlueGreenState": "delivery",
    "BusinessPanel": "dashboards",
    "CanaryOptions": "delivery",
    "ConfigError": "errors",
    "DefaultDenyPolicy": "network",
    "DisruptionBudget": "availability",
    "EgressRule": "network",
    "EnvironmentChart": "chart",
    "EnvironmentProfile": "profile",
    "Environments": "profile",
    "ExternalMetric": "autoscaling",
    "FlaggerCanary": "canary",
    "Gate": "gate",
    "GateFailed": "gate",
    "GateSettings": "gate",
    "GitOpsSettings": "gitops",
    "GrafanaDashboards": "dashboards",
    "HealthChecks": "workload",
    "HorizontalAutoscaler": "autoscaling",
    "HttpMetrics": "slo",
    "IngressOptions": "ingress",
    "LoadTestOptions": "loadtest.options",
    "MetricsScrape": "observability",
    "NetworkAccess": "network",
    "OpenTelemetry": "telemetry",
    "PublicIngress": "ingress",
    "Release": "release_history",
    "ReleaseHistory": "release_history",
    "ReleaseStatus": "release_history",
    "Releases": "releases",
    "ResourceRecommender": "autoscaling",
    "Resources": "profile",
    "ScalingBounds": "profile",
    "ScalingTargets": "autoscaling",
    "Scraping": "observability",
    "SealedEnvSecret": "secrets",
    "ServiceConfig": "workload",
    "ServiceEndpoint": "network",
    "ServiceIdentity": "identity",
    "ServiceLevelObjectives": "slo",
    "ServiceNamespace": "namespace",
    "ServiceNetworkPolicy": "network",
    "ServiceProject": "project",
    "SloAlerts": "alerts",
    "Strategy": "delivery",
    "TagPolicy": "profile",
    "Violation": "gate",
    "VpaBounds": "autoscaling",
    "WebService": "web_service",
    "WebServiceProps": "web_service",
    "Workload": "workload",
    "WorkloadIdentity": "access",
    "WorkloadProps": "workload",
    "annotate_sync_waves": "gitops",
    "chart_files": "helm",
    "check_ciphertext": "secrets",
    "cli": "cli",
    "diff_objects": "diff",
    "format_changes": "diff",
    "refuse_plain_secrets": "gate.metadata",
    "render_files": "rendering",
    "check_output_folder": "output",
    "replace_directory": "output",
    "replica_owners": "gitops",
    "slo_alerts": "alerts",
    "to_yaml": "rendering",
    "write_environments": "output",
}

__all__ = [
    "Alert",
    "ApiAccess",
    "ApiRule",
    "ApplicationSpec",
    "ArgoApplicationSet",
    "ArgoApplications",
    "BlueGreenState",
    "BusinessPanel",
    "CanaryOptions",
    "ConfigError",
    "DefaultDenyPolicy",
    "DisruptionBudget",
    "EgressRule",
    "EnvironmentChart",
    "EnvironmentProfile",
    "Environments",
    "ExternalMetric",
    "FlaggerCanary",
    "Gate",
    "GateFailed",
    "GateSettings",
    "GitOpsSettings",
    "GrafanaDashboards",
    "HealthChecks",
    "HorizontalAutoscaler",
    "HttpMetrics",
    "IngressOptions",
    "LoadTestOptions",
    "MetricsScrape",
    "NetworkAccess",
    "OpenTelemetry",
    "PublicIngress",
    "Release",
    "ReleaseHistory",
    "ReleaseStatus",
    "Releases",
    "ResourceRecommender",
    "Resources",
    "ScalingBounds",
    "ScalingTargets",
    "Scraping",
    "SealedEnvSecret",
    "ServiceConfig",
    "ServiceEndpoint",
    "ServiceIdentity",
    "ServiceLevelObjectives",
    "ServiceNamespace",
    "ServiceNetworkPolicy",
    "ServiceProject",
    "SloAlerts",
    "Strategy",
    "TagPolicy",
    "Violation",
    "VpaBounds",
    "WebService",
    "WebServiceProps",
    "Workload",
    "WorkloadIdentity",
    "WorkloadProps",
    "annotate_sync_waves",
    "chart_files",
    "check_ciphertext",
    "check_output_folder",
    "cli",
    "diff_objects",
    "format_changes",
    "refuse_plain_secrets",
    "render_files",
    "replace_directory",
    "replica_owners",
    "slo_alerts",
    "to_yaml",
    "write_environments",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    imported = importlib.import_module(f".{module}", __name__)
    value = imported if name == module else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
