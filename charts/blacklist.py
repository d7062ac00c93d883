"""blacklist: an HTTP API on port 8080 with Prometheus metrics on 9090."""

from __future__ import annotations

from collections.abc import Mapping

from constructs import Construct

from cdk8s_webservice import (
    ApiAccess,
    ApiRule,
    BusinessPanel,
    CanaryOptions,
    DeliveryOptions,
    EnvironmentChart,
    EnvironmentProfile,
    LoadTestOptions,
    NetworkAccess,
    NetworkOptions,
    ObservabilityOptions,
    OpenTelemetry,
    PodOptions,
    ServiceLevelObjectives,
    WebService,
    WebServiceProps,
)

NAME = "blacklist"
IMAGE = "registry.jclee.me/blacklist"
SECRET = "blacklist-secrets"

# Settings shared by every environment; each profile's `config` overrides these.
BASE_CONFIG = {
    "LOG_LEVEL": "info",
    "LOG_FORMAT": "json",
    "WORKERS": "2",
    "METRICS_ENABLED": "true",
    "METRICS_PATH": "/metrics",
}

SLO = ServiceLevelObjectives(
    error_rate=0.05,
    latency_quantile=0.95,
    latency_seconds=1.0,
    runbook_base_url="https://runbooks.jclee.me",
    # Error budgets over 30 days: 1 % of requests may fail, 5 % may take over 1 s (the
    # p95 objective as a budget). Burn-rate alerts page on a fast burn, ticket a slow one.
    availability_target=0.99,
    latency_target=0.95,
)

# The load test (dist/loadtest/<env>/load-test.js): health and readiness, plus the API's
# two lookups (documentation addresses, RFC 5737). Staging runs it in the cluster after
# every sync (a k6-operator TestRun); production's canary runs it through Flagger's k6 webhook.
LOAD_TEST = LoadTestOptions(
    api_paths=("/api/v1/check?ip=192.0.2.1", "/api/v1/blacklist?limit=10"),
    cluster_environments=("staging",),
)
CANARY = CanaryOptions(k6_webhook_url="http://flagger-k6-webhook.flagger-system/launch-test")

BUSINESS_PANELS = (
    BusinessPanel(
        "Lookups by verdict (req/s)",
        'sum by (verdict) (rate(blacklist_lookups_total{namespace="$namespace"}[5m]))',
        unit="reqps",
        legend="{{verdict}}",
    ),
    BusinessPanel("Blocked entries", 'max(blacklist_entries{namespace="$namespace"})', legend="entries"),
    BusinessPanel(
        "Threat-feed age",
        'time() - max by (feed) (blacklist_feed_last_success_timestamp_seconds{namespace="$namespace"})',
        unit="s",
        legend="{{feed}}",
    ),
)


def blacklist_props(profile: EnvironmentProfile, sealed: Mapping[str, str] | None) -> WebServiceProps:
    return WebServiceProps(
        name=NAME,
        image=IMAGE,
        profile=profile,
        slo=SLO,
        pod=PodOptions(
            config=BASE_CONFIG,
            secret_name=SECRET,
            sealed_secret=sealed,
            # Development seals nothing: the app starts on its built-in development defaults.
            secret_optional=sealed is None,
        ),
        network=NetworkOptions(
            # The API pulls upstream threat-intelligence feeds over HTTPS.
            access=NetworkAccess(egress_https=True),
            # The config reloader watches the service's own ConfigMap, and nothing else.
            api_access=ApiAccess(rules=(ApiRule(resource="configmaps", names=(f"{NAME}-config",)),)),
        ),
        delivery=DeliveryOptions(canary=CANARY, load_test=LOAD_TEST),
        observability=ObservabilityOptions(business_panels=BUSINESS_PANELS, telemetry=OpenTelemetry()),
    )


class BlacklistChart(EnvironmentChart):
    """Every object of blacklist in one environment."""

    def __init__(
        self, scope: Construct, profile: EnvironmentProfile, *, sealed: Mapping[str, Mapping[str, str]]
    ) -> None:
        """`sealed`: environment -> sealed key -> ciphertext (none for development)."""
        values = sealed.get(profile.name)
        props = blacklist_props(profile, dict(values) if values is not None else None)
        super().__init__(scope, f"{NAME}-{profile.name}", profile=profile, labels=props.identity.common_labels)
        self.web_service = WebService(self, NAME, props=props)
