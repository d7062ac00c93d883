"""payments-api: a second web service that uses every customization the library offers,
from its public API only (no JSON patch, no fork): gRPC and exec probes, a third port,
two Ingress hosts with their own paths and TLS Secrets, annotations on every object,
pod scheduling, a sidecar, an init container and extra volumes, per-environment ArgoCD
placement (repository, project, cluster), a canary in production and blue-green in
staging gated on the SLO, feature flags, and a k6 load test.

`main.py` is the app that synthesizes it; the test suite builds it from the installed
wheel, outside the repository, and runs the gate on it.
"""

from __future__ import annotations

from constructs import Construct

from cdk8s_webservice import (
    DeliveryOptions,
    EnvironmentChart,
    EnvironmentProfile,
    Environments,
    ExtraContainer,
    FeatureFlags,
    Flag,
    GitOpsSettings,
    GitOpsTarget,
    HealthChecks,
    IngressRoutes,
    LoadTestOptions,
    NetworkAccess,
    NetworkOptions,
    PodOptions,
    Port,
    Probe,
    Releases,
    Resources,
    ScalingBounds,
    Scheduling,
    ServiceLevelObjectives,
    ServiceProject,
    Strategy,
    TagPolicy,
    Volume,
    VolumeMount,
    WebService,
    WebServiceProps,
)
from cdk8s_webservice.addons.feature_flags import FlagType
from cdk8s_webservice.kinds.ingress_routes import IngressHost, IngressPath, IngressTls
from cdk8s_webservice.kinds.scheduling import NodeAffinity, NodeRequirement, PodAntiAffinity, Toleration

NAME = "payments-api"
SLO = ServiceLevelObjectives(error_rate=0.001, latency_quantile=0.99, latency_seconds=0.3)
SMALL = Resources(cpu_request="100m", cpu_limit="500m", memory_request="128Mi", memory_limit="256Mi")
SIDECAR = Resources(cpu_request="10m", cpu_limit="50m", memory_request="16Mi", memory_limit="32Mi")


def flags(three_d_secure: str) -> FeatureFlags:
    return FeatureFlags(
        flags=(
            Flag(
                key="three-d-secure",
                type=FlagType.BOOLEAN,
                variants={"on": True, "off": False},
                default_variant=three_d_secure,
            ),
        )
    )


def environments(releases: Releases) -> Environments:
    """Two environments; image tags are fixed here (no releases file)."""
    staging_routes = IngressRoutes(
        hosts=(
            IngressHost("pay.staging.example.com", paths=(IngressPath("/v1"), IngressPath("/healthz", "Exact"))),
            IngressHost("webhooks.staging.example.com", paths=(IngressPath("/hooks", port="webhooks"),)),
        ),
        tls=(
            IngressTls(("pay.staging.example.com",), secret_name="pay-staging-tls"),
            IngressTls(("webhooks.staging.example.com",), secret_name="webhooks-staging-tls"),
        ),
    )
    return Environments(
        [
            EnvironmentProfile(
                name="staging",
                namespace="payments-staging",
                replicas=2,
                resources=SMALL,
                autoscaling=ScalingBounds(min_replicas=2, max_replicas=4),
                image_tag="v3.2.0",
                tag_policy=TagPolicy.PINNED,
                ingress_routes=staging_routes,
                strategy=Strategy.BLUE_GREEN,
                git_revision="release/3.2",
                feature_flags=flags("on"),
                config={"PAYMENTS_MODE": "sandbox"},
            ),
            EnvironmentProfile(
                name="production",
                namespace="payments",
                replicas=3,
                resources=SMALL,
                autoscaling=ScalingBounds(min_replicas=3, max_replicas=12),
                image_tag="v3.1.4",
                tag_policy=TagPolicy.PINNED,
                ingress_host="pay.example.com",
                strategy=Strategy.CANARY,
                git_revision="v3.1.4",
                auto_sync=False,
                feature_flags=flags("off"),
                config={"PAYMENTS_MODE": "live"},
            ),
        ]
    )


def props(profile: EnvironmentProfile) -> WebServiceProps:
    return WebServiceProps(
        name=NAME,
        image="registry.example.com/payments-api",
        profile=profile,
        slo=SLO,
        pod=PodOptions(
            health=HealthChecks(
                startup=Probe.grpc(port=9000, failure_threshold=30, period_seconds=5),
                liveness=Probe.grpc(port=9000),
                readiness=Probe.exec(("/bin/ready",), period_seconds=5),
            ),
            ports=(
                Port("grpc", 9000, clients=("checkout",)),
                Port("webhooks", 8443),
            ),
            scheduling=Scheduling(
                node_selector={"workload-class": "payments"},
                tolerations=(Toleration(key="dedicated", value="payments", effect="NoSchedule"),),
                node_affinity=(NodeAffinity((NodeRequirement("kubernetes.io/arch", values=("amd64", "arm64")),)),),
                pod_anti_affinity=PodAntiAffinity(required=False),
                priority_class_name="payments-critical",
            ),
            sidecars=(
                ExtraContainer(
                    name="audit-shipper",
                    image="registry.example.com/audit-shipper:1.4.0",
                    resources=SIDECAR,
                    volume_mounts=(VolumeMount("audit", "/var/log/audit", read_only=True),),
                ),
            ),
            init_containers=(
                ExtraContainer(
                    name="migrate",
                    image="registry.example.com/payments-api:v3.2.0-migrate",
                    resources=SIDECAR,
                    command=("/bin/migrate", "--up"),
                ),
            ),
            volumes=(Volume.empty_dir("audit", size="128Mi"), Volume.config_map("rates", "payments-rates")),
            volume_mounts=(VolumeMount("audit", "/var/log/audit", read_only=False), VolumeMount("rates", "/etc/rates")),
        ),
        network=NetworkOptions(access=NetworkAccess(egress_https=True)),
        delivery=DeliveryOptions(load_test=LoadTestOptions(api_paths=("/v1/quotes?amount=100",))),
    )


def chart(scope: Construct, profile: EnvironmentProfile) -> EnvironmentChart:
    environment = EnvironmentChart(
        scope,
        profile.name,
        profile=profile,
        part_of="payments",
        annotations={"example.com/owner": "team-payments", "example.com/runbook": "https://runbooks.example.com/pay"},
    )
    WebService(environment, NAME, props=props(profile))
    return environment


PROJECT = ServiceProject(
    name=NAME,
    part_of="payments",
    environments=environments,
    chart=chart,
    gitops=GitOpsSettings(
        repo_url="https://git.example.com/payments/deploy.git",
        project="payments",
        environments={
            "staging": GitOpsTarget(cluster="https://staging.k8s.example.com"),
            "production": GitOpsTarget(
                repo_url="https://git.example.com/payments/deploy-production.git", cluster="prod-eu"
            ),
        },
    ),
)
