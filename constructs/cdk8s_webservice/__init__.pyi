"""Generated from `_PUBLIC` in __init__.py (`UPDATE_API_SURFACE=1 make test`); do not edit."""

from .access import ApiAccess as ApiAccess
from .access import ApiRule as ApiRule
from .access import ServiceAccount as ServiceAccount
from .alerts import Alert as Alert
from .alerts import PrometheusRule as PrometheusRule
from .app_project import AppProject as AppProject
from .application_set import ArgoApplicationSet as ArgoApplicationSet
from .autoscaling import ExternalMetric as ExternalMetric
from .autoscaling import HorizontalPodAutoscaler as HorizontalPodAutoscaler
from .autoscaling import ScalingTargets as ScalingTargets
from .autoscaling import VerticalPodAutoscaler as VerticalPodAutoscaler
from .autoscaling import VpaBounds as VpaBounds
from .availability import PodDisruptionBudget as PodDisruptionBudget
from .canary import FlaggerCanary as FlaggerCanary
from .chaos import ChaosExperiment as ChaosExperiment
from .chaos import ChaosMode as ChaosMode
from .chaos import CpuStressExperiment as CpuStressExperiment
from .chaos import NetworkDelayExperiment as NetworkDelayExperiment
from .chaos import PodKillExperiment as PodKillExperiment
from .chaos_schedule import ChaosSchedule as ChaosSchedule
from .chart import EnvironmentChart as EnvironmentChart
from .clusters import Cluster as Cluster
from .containers import ExtraContainer as ExtraContainer
from .containers import Port as Port
from .containers import Volume as Volume
from .containers import VolumeMount as VolumeMount
from .dashboards import BusinessPanel as BusinessPanel
from .dashboards import GrafanaDashboards as GrafanaDashboards
from .delivery import BlueGreenState as BlueGreenState
from .delivery import CanaryOptions as CanaryOptions
from .delivery import Strategy as Strategy
from .errors import ConfigError as ConfigError
from .errors import GateFailed as GateFailed
from .feature_flags import FeatureFlags as FeatureFlags
from .feature_flags import Flag as Flag
from .feature_flags import FlagType as FlagType
from .fleet import FleetMember as FleetMember
from .fleet import synthesize_fleet as synthesize_fleet
from .gate import GateSettings as GateSettings
from .gate import Violation as Violation
from .gitops import ApplicationSpec as ApplicationSpec
from .gitops import ArgoApplications as ArgoApplications
from .gitops import GitOpsSettings as GitOpsSettings
from .gitops import GitOpsTarget as GitOpsTarget
from .identity import ServiceIdentity as ServiceIdentity
from .ingress import IngressOptions as IngressOptions
from .ingress import PublicIngress as PublicIngress
from .ingress_routes import IngressHost as IngressHost
from .ingress_routes import IngressPath as IngressPath
from .ingress_routes import IngressRoutes as IngressRoutes
from .ingress_routes import IngressTls as IngressTls
from .istio import AllowRule as AllowRule
from .istio import AuthorizationPolicy as AuthorizationPolicy
from .istio import PeerAuthentication as PeerAuthentication
from .karpenter import EC2NodeClassOptions as EC2NodeClassOptions
from .karpenter import NodeDisruptionBudget as NodeDisruptionBudget
from .karpenter import NodePoolOptions as NodePoolOptions
from .loadtest.options import LoadTestOptions as LoadTestOptions
from .mesh import Istio as Istio
from .mesh import ServiceMesh as ServiceMesh
from .namespace import ServiceNamespace as ServiceNamespace
from .network import DefaultDenyNetworkPolicy as DefaultDenyNetworkPolicy
from .network import EgressRule as EgressRule
from .network import NetworkAccess as NetworkAccess
from .network import Service as Service
from .network import ServiceNetworkPolicy as ServiceNetworkPolicy
from .node_pool import EC2NodeClass as EC2NodeClass
from .node_pool import NodePool as NodePool
from .observability import Scraping as Scraping
from .observability import ServiceMonitor as ServiceMonitor
from .openfeature import FeatureFlag as FeatureFlag
from .openfeature import FeatureFlagSource as FeatureFlagSource
from .probes import Probe as Probe
from .profile import EnvironmentProfile as EnvironmentProfile
from .profile import Environments as Environments
from .profile import ScalingBounds as ScalingBounds
from .profile import TagPolicy as TagPolicy
from .project import ServiceProject as ServiceProject
from .release_history import Release as Release
from .release_history import ReleaseHistory as ReleaseHistory
from .release_history import ReleaseStatus as ReleaseStatus
from .releases import Releases as Releases
from .resources import Resources as Resources
from .scheduling import NodeAffinity as NodeAffinity
from .scheduling import NodeRequirement as NodeRequirement
from .scheduling import PodAntiAffinity as PodAntiAffinity
from .scheduling import Scheduling as Scheduling
from .scheduling import Toleration as Toleration
from .scheduling import TopologySpread as TopologySpread
from .secrets import SealedSecret as SealedSecret
from .slo import HttpMetrics as HttpMetrics
from .slo import ServiceLevelObjectives as ServiceLevelObjectives
from .telemetry import OpenTelemetry as OpenTelemetry
from .web_service import WebService as WebService
from .web_service import WebServiceProps as WebServiceProps
from .workload import ConfigMap as ConfigMap
from .workload import Deployment as Deployment
from .workload import DeploymentProps as DeploymentProps
from .workload import HealthChecks as HealthChecks

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
    "NetworkAccess",
    "NetworkDelayExperiment",
    "NodeAffinity",
    "NodeDisruptionBudget",
    "NodePool",
    "NodePoolOptions",
    "NodeRequirement",
    "OpenTelemetry",
    "PeerAuthentication",
    "PodAntiAffinity",
    "PodDisruptionBudget",
    "PodKillExperiment",
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
