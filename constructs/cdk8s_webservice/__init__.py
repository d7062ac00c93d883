"""cdk8s constructs that describe a web service's Kubernetes deployment.

Compose a `WebService` per environment inside an `EnvironmentChart`, render with
`render_environments` and write with `write_environments`. Values are checked
when they are constructed; a mistake raises `ConfigError` naming the field.
"""

from .autoscaling import HorizontalAutoscaler, ScalingTargets
from .availability import DisruptionBudget
from .chart import EnvironmentChart
from .errors import ConfigError
from .identity import ServiceIdentity
from .namespace import ServiceNamespace
from .network import DefaultDenyPolicy, NetworkAccess, ServiceEndpoint, ServiceNetworkPolicy
from .observability import MetricsScrape, Scraping
from .output import replace_directory, write_environments
from .profile import EnvironmentProfile, Environments, Resources, ScalingBounds, TagPolicy
from .rendering import render_files, to_yaml
from .synthesis import manifests_by_environment, render_environments
from .web_service import WebService, WebServiceProps
from .workload import HealthChecks, Workload, WorkloadProps

__all__ = [
    "ConfigError",
    "DefaultDenyPolicy",
    "DisruptionBudget",
    "EnvironmentChart",
    "EnvironmentProfile",
    "Environments",
    "HealthChecks",
    "HorizontalAutoscaler",
    "MetricsScrape",
    "NetworkAccess",
    "Resources",
    "ScalingBounds",
    "ScalingTargets",
    "Scraping",
    "ServiceEndpoint",
    "ServiceIdentity",
    "ServiceNamespace",
    "ServiceNetworkPolicy",
    "TagPolicy",
    "WebService",
    "WebServiceProps",
    "Workload",
    "WorkloadProps",
    "manifests_by_environment",
    "render_environments",
    "render_files",
    "replace_directory",
    "to_yaml",
    "write_environments",
]
