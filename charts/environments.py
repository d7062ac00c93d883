"""blacklist's three environments: the table in one place, validated when loaded.

The per-release values (image tags, the live blue-green colour) come from the
release state the project reads from releases.yaml (CI and the CLI rewrite it)
and passes in; everything else is here. Nothing here reads a file.
"""

from __future__ import annotations

from cdk8s_webservice import (
    Cluster,
    EnvironmentProfile,
    Environments,
    FeatureFlags,
    Flag,
    GitOpsTarget,
    Istio,
    NodePoolOptions,
    Releases,
    Resources,
    ScalingBounds,
    Strategy,
    TagPolicy,
)
from cdk8s_webservice.addons.chaos import ChaosMode, CpuStressExperiment, NetworkDelayExperiment, PodKillExperiment
from cdk8s_webservice.addons.feature_flags import FlagType
from cdk8s_webservice.addons.karpenter import EC2NodeClassOptions, NodeDisruptionBudget

# Production's dedicated Karpenter pool: on-demand c/m/r (6th generation and newer),
# amd64 and arm64 like the image (release-image.yml builds both); room for the HPA's 20
# replicas; one node disrupted at a time. The AMI is pinned (docs/karpenter.md: bump it in
# a reviewed commit, never @latest). The node role and discovery tag are each cluster's
# own (CLUSTERS below); the node class's are the first cluster's.
PRODUCTION_NODE_POOL = NodePoolOptions(
    node_class=EC2NodeClassOptions(
        cluster_name="prod-eu-west-1",
        role="KarpenterNodeRole-prod-eu-west-1",
        ami_alias="al2023@v20240807",
    ),
    capacity_types=("on-demand",),
    architectures=("amd64", "arm64"),
    cpu_limit="32",
    memory_limit="128Gi",
    consolidation_policy="WhenEmptyOrUnderutilized",
    consolidate_after="10m",
    budgets=(NodeDisruptionBudget(nodes="1"),),
)


def production_cluster(name: str, region: str, regional_host: str) -> Cluster:
    """A production cluster: its region, its regional host beside blacklist.jclee.me, its
    Karpenter node role and discovery tag (named after the cluster, as Karpenter's guide does)."""
    return Cluster(
        name=name,
        region=region,
        regional_host=regional_host,
        node_role=f"KarpenterNodeRole-{name}",
        discovery_tag=name,
    )


# Where each environment runs (docs/multi-cluster.md): production in two regions, each
# serving blacklist.jclee.me (a global DNS name can send users to either: each is the
# other's failover) and its own regional host; Argo CD's cluster generator finds them by
# their labels (environment, region). Adding a region is one entry here plus registering
# the cluster in Argo CD with those labels. Staging and development stay on the one
# cluster ArgoCD runs in (no entry: today's destination and folders).
CLUSTERS = {
    "production": GitOpsTarget(
        clusters=(
            production_cluster("prod-eu-west-1", "eu-west-1", "eu.blacklist.jclee.me"),
            production_cluster("prod-us-east-1", "us-east-1", "us.blacklist.jclee.me"),
        )
    ),
}


def feature_flags(new_matcher: str, feed_refresh: str) -> FeatureFlags:
    """blacklist's flags; the default variants that differ per environment are arguments."""
    return FeatureFlags(
        flags=(
            # The rewritten address matcher: on where it is being proven, off in production.
            Flag("new-matcher", FlagType.BOOLEAN, {"on": True, "off": False}, default_variant=new_matcher),
            # How often the threat feeds are pulled, in minutes.
            Flag("feed-refresh-minutes", FlagType.INTEGER, {"fast": 5, "normal": 15}, default_variant=feed_refresh),
            # What a match does: block the request, or only log it.
            Flag("match-action", FlagType.STRING, {"block": "block", "log": "log-only"}, default_variant="block"),
        )
    )


# Staging's weekly game days, Tuesday to Thursday mornings in the team's time zone; each
# run is judged by the SLO alerts staying quiet (the Schedules' steady-state annotation).
GAME_DAYS = (
    PodKillExperiment(name="pod-kill", schedule="0 10 * * 2", time_zone="Europe/Berlin", duration="30s"),
    NetworkDelayExperiment(
        name="network-delay",
        schedule="0 10 * * 3",
        time_zone="Europe/Berlin",
        duration="5m",
        latency="200ms",
        jitter="50ms",
        mode=ChaosMode.FIXED_PERCENT,
        value=50,
    ),
    CpuStressExperiment(
        name="cpu-stress", schedule="0 10 * * 4", time_zone="Europe/Berlin", duration="5m", workers=1, load=80
    ),
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
                feature_flags=feature_flags(new_matcher="on", feed_refresh="fast"),
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
                feature_flags=feature_flags(new_matcher="on", feed_refresh="normal"),
                chaos_experiments=GAME_DAYS,
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
                feature_flags=feature_flags(new_matcher="off", feed_refresh="normal"),
            ),
        ]
    )
