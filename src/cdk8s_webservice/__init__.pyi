"""Generated from `_PUBLIC` in __init__.py (`UPDATE_API_SURFACE=1 make test`); do not edit."""

from .addons.feature_flags import FeatureFlags as FeatureFlags
from .addons.feature_flags import Flag as Flag
from .addons.karpenter import NodePoolOptions as NodePoolOptions
from .addons.mesh import Istio as Istio
from .core.errors import ConfigError as ConfigError
from .core.errors import GateFailed as GateFailed
from .delivery.strategy import CanaryOptions as CanaryOptions
from .delivery.strategy import Strategy as Strategy
from .gate import GateSettings as GateSettings
from .gitops.applications import GitOpsSettings as GitOpsSettings
from .gitops.applications import GitOpsTarget as GitOpsTarget
from .gitops.clusters import Cluster as Cluster
from .kinds.access import ApiAccess as ApiAccess
from .kinds.access import ApiRule as ApiRule
from .kinds.autoscaling import ScalingTargets as ScalingTargets
from .kinds.containers import ExtraContainer as ExtraContainer
from .kinds.containers import Port as Port
from .kinds.containers import Volume as Volume
from .kinds.containers import VolumeMount as VolumeMount
from .kinds.deployment_props import HealthChecks as HealthChecks
from .kinds.ingress import IngressOptions as IngressOptions
from .kinds.ingress_routes import IngressRoutes as IngressRoutes
from .kinds.network import EgressRule as EgressRule
from .kinds.network import NetworkAccess as NetworkAccess
from .kinds.probes import Probe as Probe
from .kinds.replicas import ScalingBounds as ScalingBounds
from .kinds.resources import Resources as Resources
from .kinds.scheduling import Scheduling as Scheduling
from .loadtest.options import LoadTestOptions as LoadTestOptions
from .observability.dashboards import BusinessPanel as BusinessPanel
from .observability.slo import ServiceLevelObjectives as ServiceLevelObjectives
from .observability.telemetry import OpenTelemetry as OpenTelemetry
from .profiles.environment import EnvironmentProfile as EnvironmentProfile
from .profiles.environment import Environments as Environments
from .profiles.environment import TagPolicy as TagPolicy
from .releases.file import Releases as Releases
from .service.chart import EnvironmentChart as EnvironmentChart
from .service.options import DeliveryOptions as DeliveryOptions
from .service.options import NamespaceOptions as NamespaceOptions
from .service.options import NetworkOptions as NetworkOptions
from .service.options import ObservabilityOptions as ObservabilityOptions
from .service.options import PodOptions as PodOptions
from .service.props import WebServiceProps as WebServiceProps
from .service.web_service import WebService as WebService
from .synthesis.project import ServiceProject as ServiceProject

__version__: str

__all__ = [
    "ApiAccess",
    "ApiRule",
    "BusinessPanel",
    "CanaryOptions",
    "Cluster",
    "ConfigError",
    "DeliveryOptions",
    "EgressRule",
    "EnvironmentChart",
    "EnvironmentProfile",
    "Environments",
    "ExtraContainer",
    "FeatureFlags",
    "Flag",
    "GateFailed",
    "GateSettings",
    "GitOpsSettings",
    "GitOpsTarget",
    "HealthChecks",
    "IngressOptions",
    "IngressRoutes",
    "Istio",
    "LoadTestOptions",
    "NamespaceOptions",
    "NetworkAccess",
    "NetworkOptions",
    "NodePoolOptions",
    "ObservabilityOptions",
    "OpenTelemetry",
    "PodOptions",
    "Port",
    "Probe",
    "Releases",
    "Resources",
    "ScalingBounds",
    "ScalingTargets",
    "Scheduling",
    "ServiceLevelObjectives",
    "ServiceProject",
    "Strategy",
    "TagPolicy",
    "Volume",
    "VolumeMount",
    "WebService",
    "WebServiceProps",
]
