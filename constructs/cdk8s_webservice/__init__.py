"""cdk8s constructs that describe a web service's Kubernetes deployment.

Compose a `WebService` per environment inside an `EnvironmentChart`, render with
`render_environments` and write with `write_environments`. Values are checked
when they are constructed; a mistake raises `ConfigError` naming the field.
"""

from . import cli
from .access import ApiAccess, ApiRule, WorkloadIdentity
from .alerts import Alert, SloAlerts, slo_alerts
from .autoscaling import HorizontalAutoscaler, ResourceRecommender, ScalingTargets, VpaBounds
from .availability import DisruptionBudget
from .canary import FlaggerCanary
from .chart import EnvironmentChart
from .dashboards import BusinessPanel, GrafanaDashboards
from .delivery import BlueGreenState, CanaryOptions, Strategy
from .diff import diff_objects, format_changes
from .errors import ConfigError
from .gate import Gate, GateFailed, GateSettings, Violation
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
from .namespace import ServiceNamespace
from .network import DefaultDenyPolicy, EgressRule, NetworkAccess, ServiceEndpoint, ServiceNetworkPolicy
from .observability import MetricsScrape, Scraping
from .output import replace_directory, write_environments
from .profile import EnvironmentProfile, Environments, Resources, ScalingBounds, TagPolicy
from .project import ServiceProject
from .releases import Release, Releases
from .rendering import render_files, to_yaml
from .secrets import SealedEnvSecret, check_ciphertext
from .slo import HttpMetrics, ServiceLevelObjectives
from .synthesis import manifests_by_environment, refuse_plain_secrets, render_environments
from .telemetry import OpenTelemetry
from .web_service import WebService, WebServiceProps
from .workload import HealthChecks, ServiceConfig, Workload, WorkloadProps

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
    "MetricsScrape",
    "NetworkAccess",
    "OpenTelemetry",
    "PublicIngress",
    "Release",
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
    "cli",
    "diff_objects",
    "format_changes",
    "manifests_by_environment",
    "refuse_plain_secrets",
    "render_environments",
    "render_files",
    "replace_directory",
    "replica_owners",
    "slo_alerts",
    "to_yaml",
    "write_environments",
]
