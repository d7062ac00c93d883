"""blacklist's three environments: the table in one place, validated on import."""

from __future__ import annotations

from cdk8s_webservice import EnvironmentProfile, Environments, Resources, ScalingBounds, TagPolicy

DEVELOPMENT = EnvironmentProfile(
    name="development",
    namespace="blacklist-dev",
    replicas=1,
    resources=Resources(cpu_request="50m", cpu_limit="200m", memory_request="128Mi", memory_limit="256Mi"),
    autoscaling=ScalingBounds(min_replicas=1, max_replicas=3),
    image_tag="dev-8f3c2a1",
    tag_policy=TagPolicy.FLOATING,
    alerting=False,
    config={"ENVIRONMENT": "development", "LOG_LEVEL": "debug", "WORKERS": "1"},
)

STAGING = EnvironmentProfile(
    name="staging",
    namespace="blacklist-staging",
    replicas=2,
    resources=Resources(cpu_request="100m", cpu_limit="500m", memory_request="256Mi", memory_limit="512Mi"),
    autoscaling=ScalingBounds(min_replicas=2, max_replicas=5),
    image_tag="v1.5.0-rc.2",
    tag_policy=TagPolicy.PINNED,
    ingress_host="staging.blacklist.jclee.me",
    config={"ENVIRONMENT": "staging", "LOG_LEVEL": "info"},
)

PRODUCTION = EnvironmentProfile(
    name="production",
    namespace="blacklist",
    replicas=3,
    resources=Resources(cpu_request="500m", cpu_limit="2000m", memory_request="512Mi", memory_limit="2Gi"),
    autoscaling=ScalingBounds(min_replicas=3, max_replicas=20),
    image_tag="v1.4.2",
    tag_policy=TagPolicy.PINNED,
    vpa=True,
    ingress_host="blacklist.jclee.me",
    config={"ENVIRONMENT": "production", "LOG_LEVEL": "info", "WORKERS": "4"},
)

ENVIRONMENTS = Environments([DEVELOPMENT, STAGING, PRODUCTION])
