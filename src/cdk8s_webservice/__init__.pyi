"""Generated from `_PUBLIC` in __init__.py (`UPDATE_API_SURFACE=1 make test`); do not edit."""

from .addons.authorization import AllowRule as AllowRule
from .addons.chaos import ChaosExperiment as ChaosExperiment
from .addons.chaos import ChaosMode as ChaosMode
from .addons.chaos import CpuStressExperiment as CpuStressExperiment
from .addons.chaos import NetworkDelayExperiment as NetworkDelayExperiment
from .addons.chaos import PodKillExperiment as PodKillExperiment
from .addons.chaos_schedule import ChaosSchedule as ChaosSchedule
from .addons.feature_flags import FeatureFlags as FeatureFlags
from .addons.feature_flags import Flag as Flag
from .addons.feature_flags import FlagType as FlagType
from .addons.istio import AuthorizationPolicy as AuthorizationPolicy
from .addons.istio import PeerAuthentication as PeerAuthentication
from .addons.karpenter import EC2NodeClassOptions as EC2NodeClassOptions
from .addons.karpenter import NodeDisruptionBudget as NodeDisruptionBudget
from .addons.karpenter import NodePoolOptions as NodePoolOptions
from .addons.mesh import Istio as Istio
from .addons.mesh import ServiceMesh as ServiceMesh
from .addons.node_pool import EC2NodeClass as EC2NodeClass
from .addons.node_pool import NodePool as NodePool
from .addons.openfeature import FeatureFlag as FeatureFlag
from .addons.openfeature import FeatureFlagSource as FeatureFlagSource
from .core.errors import ConfigError as ConfigError
from .core.errors import GateFailed as GateFailed
from .core.identity import ServiceIdentity as ServiceIdentity
from .delivery.canary import FlaggerCanary as FlaggerCanary
from .delivery.strategy import BlueGreenState as BlueGreenState
from .delivery.strategy import CanaryOptions as CanaryOptions
from .delivery.strategy import Strategy as Strategy
from .gate import GateSettings as GateSettings
from .gate import Violation as Violation
from .gitops.app_project import AppProject as AppProject
from .gitops.application_set import ArgoApplicationSet as ArgoApplicationSet
from .gitops.applications import ApplicationSpec as ApplicationSpec
from .gitops.applications import ArgoApplications as ArgoApplications
from .gitops.applications import GitOpsSettings as GitOpsSettings
from .gitops.applications import GitOpsTarget as GitOpsTarget
from .gitops.clusters import Cluster as Cluster
from .kinds.access import ApiAccess as ApiAccess
from .kinds.access import ApiRule as ApiRule
from .kinds.access import ServiceAccount as ServiceAccount
from .kinds.autoscaling import ExternalMetric as ExternalMetric
from .kinds.autoscaling import HorizontalPodAutoscaler as HorizontalPodAutoscaler
from .kinds.autoscaling import ScalingTargets as ScalingTargets
from .kinds.autoscaling import VerticalPodAutoscaler as VerticalPodAutoscaler
from .kinds.autoscaling import VpaBounds as VpaBounds
from .kinds.availability import PodDisruptionBudget as PodDisruptionBudget
from .kinds.config_map import ConfigMap as ConfigMap
from .kinds.containers import ExtraContainer as ExtraContainer
from .kinds.containers import Port as Port
from .kinds.containers import Volume as Volume
from .kinds.containers import VolumeMount as VolumeMount
from .kinds.deployment_props import DeploymentProps as DeploymentProps
from .kinds.deployment_props import HealthChecks as HealthChecks
from .kinds.ingress import IngressOptions as IngressOptions
from .kinds.ingress import PublicIngress as PublicIngress
from .kinds.ingress_routes import IngressHost as IngressHost
from .kinds.ingress_routes import IngressPath as IngressPath
from .kinds.ingress_routes import IngressRoutes as IngressRoutes
from .kinds.ingress_routes import IngressTls as IngressTls
from .kinds.namespace import ServiceNamespace as ServiceNamespace
from .kinds.network import DefaultDenyNetworkPolicy as DefaultDenyNetworkPolicy
from .kinds.network import EgressRule as EgressRule
from .kinds.network import NetworkAccess as NetworkAccess
from .kinds.network import Service as Service
from .kinds.network import ServiceNetworkPolicy as ServiceNetworkPolicy
from .kinds.probes import Probe as Probe
from .kinds.replicas import ScalingBounds as ScalingBounds
from .kinds.resources import Resources as Resources
from .kinds.scheduling import NodeAffinity as NodeAffinity
from .kinds.scheduling import NodeRequirement as NodeRequirement
from .kinds.scheduling import PodAntiAffinity as PodAntiAffinity
from .kinds.scheduling import Scheduling as Scheduling
from .kinds.scheduling import Toleration as Toleration
from .kinds.scheduling import TopologySpread as TopologySpread
from .kinds.secrets import SealedSecret as SealedSecret
from .kinds.workload import Deployment as Deployment
from .loadtest.options import LoadTestOptions as LoadTestOptions
from .observability.alerts import Alert as Alert
from .observability.alerts import PrometheusRule as PrometheusRule
from .observability.dashboards import BusinessPanel as BusinessPanel
from .observability.dashboards import GrafanaDashboards as GrafanaDashboards
from .observability.scraping import Scraping as Scraping
from .observability.scraping import ServiceMonitor as ServiceMonitor
from .observability.slo import HttpMetrics as HttpMetrics
from .observability.slo import ServiceLevelObjectives as ServiceLevelObjectives
from .observability.telemetry import OpenTelemetry as OpenTelemetry
from .profiles.environment import EnvironmentProfile as EnvironmentProfile
from .profiles.environment import Environments as Environments
from .profiles.environment import TagPolicy as TagPolicy
from .releases.file import Releases as Releases
from .releases.history import Release as Release
from .releases.history import ReleaseHistory as ReleaseHistory
from .releases.history import ReleaseStatus as ReleaseStatus
from .service.chart import EnvironmentChart as EnvironmentChart
from .service.options import DeliveryOptions as DeliveryOptions
from .service.options import NamespaceOptions as NamespaceOptions
from .service.options import NetworkOptions as NetworkOptions
from .service.options import ObservabilityOptions as ObservabilityOptions
from .service.options import PodOptions as PodOptions
from .service.props import WebServiceProps as WebServiceProps
from .service.web_service import WebService as WebService
from .synthesis.fleet import FleetMember as FleetMember
from .synthesis.fleet import synthesize_fleet as synthesize_fleet
from .synthesis.project import ServiceProject as ServiceProject

__all__ = [
    "Alert",
    "AllowRule",
    "ApiAccess",
    "ApiRule",
    "AppProject",
    "ApplicationSpec",
    "ArgoApplicationSet",
    "ArgoApplications",
    "AuthorizationPolicy",
    "BlueGreenState",
    "BusinessPanel",
    "CanaryOptions",
    "ChaosExperiment",
    "ChaosMode",
    "ChaosSchedule",
    "Cluster",
    "ConfigError",
    "ConfigMap",
    "CpuStressExperiment",
    "DefaultDenyNetworkPolicy",
    "DeliveryOptions",
    "Deployment",
    "DeploymentProps",
    "EC2NodeClass",
    "EC2NodeClassOptions",
    "EgressRule",
    "EnvironmentChart",
    "EnvironmentProfile",
    "Environments",
    "ExternalMetric",
    "ExtraContainer",
    "FeatureFlag",
    "FeatureFlagSource",
    "FeatureFlags",
    "Flag",
    "FlagType",
    "FlaggerCanary",
    "FleetMember",
    "GateFailed",
    "GateSettings",
    "GitOpsSettings",
    "GitOpsTarget",
    "GrafanaDashboards",
    "HealthChecks",
    "HorizontalPodAutoscaler",
    "HttpMetrics",
    "IngressHost",
    "IngressOptions",
    "IngressPath",
    "IngressRoutes",
    "IngressTls",
    "Istio",
    "LoadTestOptions",
    "NamespaceOptions",
    "NetworkAccess",
    "NetworkDelayExperiment",
    "NetworkOptions",
    "NodeAffinity",
    "NodeDisruptionBudget",
    "NodePool",
    "NodePoolOptions",
    "NodeRequirement",
    "ObservabilityOptions",
    "OpenTelemetry",
    "PeerAuthentication",
    "PodAntiAffinity",
    "PodDisruptionBudget",
    "PodKillExperiment",
    "PodOptions",
    "Port",
    "Probe",
    "PrometheusRule",
    "PublicIngress",
    "Release",
    "ReleaseHistory",
    "ReleaseStatus",
    "Releases",
    "Resources",
    "ScalingBounds",
    "ScalingTargets",
    "Scheduling",
    "Scraping",
    "SealedSecret",
    "Service",
    "ServiceAccount",
    "ServiceIdentity",
    "ServiceLevelObjectives",
    "ServiceMesh",
    "ServiceMonitor",
    "ServiceNamespace",
    "ServiceNetworkPolicy",
    "ServiceProject",
    "Strategy",
    "TagPolicy",
    "Toleration",
    "TopologySpread",
    "VerticalPodAutoscaler",
    "Violation",
    "Volume",
    "VolumeMount",
    "VpaBounds",
    "WebService",
    "WebServiceProps",
    "synthesize_fleet",
]
