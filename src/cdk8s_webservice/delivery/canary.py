"""Progressive delivery with Flagger: a Canary gated by the service's SLO."""

from __future__ import annotations

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.deprecation import deprecated_alias
from cdk8s_webservice.core.identity import COMPONENT, PART_OF, PROMETHEUS_JOB, ServiceIdentity
from cdk8s_webservice.observability import promql
from cdk8s_webservice.observability.slo import ServiceLevelObjectives, required
from cdk8s_webservice_crds.app import flagger

from .strategy import CanaryOptions

# Flagger's template variables, filled in at analysis time: the canary pods' job in
# the Canary's namespace, over the metric's `interval`.
_CANARY_PODS = 'job="{{ target }}-canary", namespace="{{ namespace }}"'
_INTERVAL = "{{ interval }}"


def success_rate_query(slo: ServiceLevelObjectives) -> str:
    """Percentage of the canary's requests that did not fail (the alert's ratio): 100
    with no failure, empty (Flagger: "no values found", a failed check) with no request."""
    return promql.success_percent(slo, _CANARY_PODS, window=_INTERVAL) + "\n"


def latency_query(slo: ServiceLevelObjectives) -> str:
    """The canary's latency quantile, in seconds (the alert's quantile); empty with no request."""
    return promql.latency_quantile_with_traffic(slo, _CANARY_PODS, window=_INTERVAL) + "\n"


class FlaggerCanary(Construct):
    """Canary `<name>` for the Deployment `<name>`, plus the two MetricTemplates its
    analysis runs: `<name>-success-rate` (at least the SLO's success rate, in %)
    and `<name>-latency` (at most the SLO's latency quantile, in seconds).

    Flagger owns the Services: it generates `<name>` (apex), `<name>-primary` and
    `<name>-canary` from `service`, and the `<name>-primary` Deployment and HPA. It
    scales the `<name>` Deployment to zero between releases. The primary and
    canary Services carry `prometheus.io/job` (`<name>` and `<name>-canary`), so
    the ServiceMonitor scrapes each pod once and the live series keep job `<name>`.
    The metrics run over the analysis interval widened to four scrape intervals
    (`metric_interval`: 2m for a 1m analysis over a 30s scrape).

    With `mesh_provider` (a service mesh's, e.g. `istio`) Flagger shifts weighted traffic
    in the mesh and generates the VirtualService `<name>` and the DestinationRules
    `<name>-primary` and `<name>-canary`; no Ingress is referenced.

    Escape hatches: `api_object` (the Flagger `Canary`, the default child) and
    `metric_templates` (the `MetricTemplate`s by metric).
    """

    canary = deprecated_alias("canary", "api_object", "0.6.0")

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        slo: ServiceLevelObjectives,
        options: CanaryOptions,
        service_port: int,
        ingress: str | None,
        load_test_script: str | None = None,
        mesh_provider: str | None = None,
        scrape_interval: str = "30s",
    ) -> None:
        super().__init__(scope, id)
        slo = required(slo, identity.environment, "a canary analysis")
        # The metrics' range: the analysis interval, widened to four scrapes (a 1m range
        # over a 30s scrape holds one or two samples, and rate() is then empty or jumps).
        self.metric_interval = promql.widened(options.interval, scrape_interval)
        """The range (`{{ interval }}`) the MetricTemplates' queries are run over."""
        name, namespace = identity.name, identity.namespace
        provider = flagger.MetricTemplateSpecProvider(
            type=flagger.MetricTemplateSpecProviderType.PROMETHEUS, address=options.prometheus_address
        )
        queries = {"success-rate": success_rate_query(slo), "latency": latency_query(slo)}
        self.metric_templates: dict[str, flagger.MetricTemplate] = {
            metric: flagger.MetricTemplate(
                self,
                metric,
                metadata=ApiObjectMetadata(name=identity.derived_name(metric), namespace=namespace),
                spec=flagger.MetricTemplateSpec(provider=provider, query=query),
            )
            for metric, query in queries.items()
        }
        """The MetricTemplates of the analysis, by metric (`success-rate`, `latency`)."""
        self.canary_job = identity.derived_name("canary")
        webhooks = []
        if options.k6_webhook_url and load_test_script:
            # The k6 script with the SLO's thresholds (see loadtest.script); a breach fails the hook.
            webhooks.append(
                flagger.CanarySpecAnalysisWebhooks(
                    name="k6-load-test",
                    type=flagger.CanarySpecAnalysisWebhooksType.PRE_HYPHEN_ROLLOUT,
                    url=options.k6_webhook_url,
                    timeout="3m",
                    metadata={"script": load_test_script, "upload_to_cloud": "false", "wait_for_results": "true"},
                )
            )
        elif options.load_test_url:
            webhooks.append(
                flagger.CanarySpecAnalysisWebhooks(
                    name="load-test",
                    type=flagger.CanarySpecAnalysisWebhooksType.ROLLOUT,
                    url=options.load_test_url,
                    timeout="5s",
                    metadata={
                        "cmd": f"{options.load_test_command} http://{self.canary_job}.{namespace}:{service_port}/"
                    },
                )
            )
        if options.confirm_promotion_url:
            webhooks.append(
                flagger.CanarySpecAnalysisWebhooks(
                    name="confirm-promotion",
                    type=flagger.CanarySpecAnalysisWebhooksType.CONFIRM_HYPHEN_PROMOTION,
                    url=options.confirm_promotion_url,
                )
            )
        # Weighted traffic needs a router: the service mesh where there is one (Flagger then
        # generates its VirtualService and DestinationRules), else ingress-nginx when there is
        # an Ingress. Without either, Flagger's `kubernetes` provider runs blue/green iterations.
        via_ingress = ingress is not None and mesh_provider is None
        weighted = via_ingress or mesh_provider is not None
        analysis = flagger.CanarySpecAnalysis(
            interval=options.interval,
            threshold=options.threshold,
            max_weight=options.max_weight if weighted else None,
            step_weight=options.step_weight if weighted else None,
            iterations=None if weighted else options.iterations,
            metrics=[
                flagger.CanarySpecAnalysisMetrics(
                    name="success-rate",
                    interval=self.metric_interval,
                    template_ref=flagger.CanarySpecAnalysisMetricsTemplateRef(
                        name=self.metric_templates["success-rate"].name
                    ),
                    threshold_range=flagger.CanarySpecAnalysisMetricsThresholdRange(min=slo.success_rate_percent),
                ),
                flagger.CanarySpecAnalysisMetrics(
                    name="latency",
                    interval=self.metric_interval,
                    template_ref=flagger.CanarySpecAnalysisMetricsTemplateRef(
                        name=self.metric_templates["latency"].name
                    ),
                    threshold_range=flagger.CanarySpecAnalysisMetricsThresholdRange(max=slo.latency_seconds),
                ),
            ],
            webhooks=webhooks or None,
        )
        self.api_object = flagger.Canary(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=name, namespace=namespace),
            spec=flagger.CanarySpec(
                provider=mesh_provider or ("nginx" if via_ingress else "kubernetes"),
                target_ref=flagger.CanarySpecTargetRef(
                    api_version="apps/v1", kind=flagger.CanarySpecTargetRefKind.DEPLOYMENT, name=name
                ),
                autoscaler_ref=flagger.CanarySpecAutoscalerRef(
                    api_version="autoscaling/v2",
                    kind=flagger.CanarySpecAutoscalerRefKind.HORIZONTAL_POD_AUTOSCALER,
                    name=name,
                ),
                ingress_ref=(
                    flagger.CanarySpecIngressRef(
                        api_version="networking.k8s.io/v1", kind=flagger.CanarySpecIngressRefKind.INGRESS, name=ingress
                    )
                    if via_ingress
                    else None
                ),
                progress_deadline_seconds=options.progress_deadline_seconds,
                service=flagger.CanarySpecService(
                    port=service_port,
                    target_port="http",
                    port_discovery=True,
                    apex=flagger.CanarySpecServiceApex(
                        labels={PART_OF: identity.part_of, COMPONENT: identity.component}
                    ),
                    primary=flagger.CanarySpecServicePrimary(labels={PROMETHEUS_JOB: name}),
                    canary=flagger.CanarySpecServiceCanary(labels={PROMETHEUS_JOB: self.canary_job}),
                ),
                analysis=analysis,
            ),
        )
