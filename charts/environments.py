"""blacklist's three environments: the table in one place, validated when loaded.

The per-release values (image tags, the live blue-green colour) come from the
release state the project reads from releases.yaml (CI and the CLI rewrite it)
and passes in; everything else is here. Nothing here reads a file.
"""

from __future__ import annotations

from cdk8s_webservice import (
    EC2NodeClassOptions,
    EnvironmentProfile,
    Environments,
    Istio,
    NodeDisruptionBudget,
    NodePoolOptions,
    Releases,
    Resources,
    ScalingBounds,
    Strategy,
    TagPolicy,
)

# Production's dedicated Karpenter pool: on-demand c/m/r (6th generation and newer),
# amd64 like the image; room for the HPA's 20 replicas; one node disrupted at a time.
# The AMI is pinned (docs/karpenter.md: bump it in a reviewed commit, never @latest).
PRODUCTION_NODE_POOL = NodePoolOptions(
    node_class=EC2NodeClassOptions(
        cluster_name="production",
        role="KarpenterNodeRole-production",
        ami_alias="al2023@v20240807",
    ),
    capacity_types=("on-demand",),
    cpu_limit="32",
    memory_limit="128Gi",
    consolidation_policy="WhenEmptyOrUnderutilized",
    consolidate_after="10m",
    budgets=(NodeDisruptionBudget(nodes="1"),),
)


def environments(releases: Releases) -> Environments:
    """The three profiles, with each environment's live release (and blue-green
    state) from `releases`, which the project reads from releases.yaml."""
    dev, staging, prod = (releases.get(name) for name in ("development", "staging", "production"))
    return Environments(
        [
            EnvironmentProfile(
                name="development",
                namespace="blacklist-dev",
                replicas=1,
                resources=Resources(cpu_request="50m", cpu_limit="200m", memory_request="128Mi", memory_limit="256Mi"),
                autoscaling=ScalingBounds(min_replicas=1, max_replicas=3),
                image_tag=dev.image_tag,
                tag_policy=TagPolicy.FLOATING,
                alerting=False,
                strategy=Strategy.ROLLING,
                git_revision="develop",
                config={"ENVIRONMENT": "development", "LOG_LEVEL": "debug", "WORKERS": "1"},
            ),
            EnvironmentProfile(
                name="staging",
                namespace="blacklist-staging",
                replicas=2,
                resources=Resources(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi"),
                autoscaling=ScalingBounds(min_replicas=2, max_replicas=5),
                image_tag=staging.image_tag,
                blue_green=staging.blue_green,
                tag_policy=TagPolicy.PINNED,
                ingress_host="staging.blacklist.jclee.me",
                strategy=Strategy.BLUE_GREEN,
                git_revision="develop",
                config={"ENVIRONMENT": "staging", "LOG_LEVEL": "info"},
                # Istio's sidecars (istio-cni), STRICT mutual TLS, only the gateway and declared clients.
                mesh=Istio(),
            ),
            EnvironmentProfile(
                name="production",
                namespace="blacklist",
                replicas=3,
                resources=Resources(cpu_request="500m", cpu_limit="2000m", memory_request="512Mi", memory_limit="2Gi"),
                autoscaling=ScalingBounds(min_replicas=3, max_replicas=20),
                image_tag=prod.image_tag,
                tag_policy=TagPolicy.PINNED,
                vpa=True,
                ingress_host="blacklist.jclee.me",
                strategy=Strategy.CANARY,
                git_revision="main",
                # A release is a reviewed tag bump synced by a human; Flagger then runs the canary.
                auto_sync=False,
                node_pool=PRODUCTION_NODE_POOL,
                config={"ENVIRONMENT": "production", "LOG_LEVEL": "info", "WORKERS": "4"},
                mesh=Istio(),
            ),
        ]
    )
