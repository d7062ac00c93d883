"""queue-worker: a background worker that drains the `jobs` queue (the service;
`main.py` is the app that synthesizes it).

A second service built only from the public API of cdk8s-webservice, to show
what changes from one service to the next: a different image, ports and
environments (staging and production only), no Ingress (nothing calls it), an
HPA on the queue's depth instead of request rate, objectives on jobs rather
than HTTP requests, and egress to the message broker.

    pip install -r requirements.txt     # the library, from the checkout (README.md)
    python main.py                       # dist/staging, dist/production, dist/argocd
    cdk8s-webservice --project main:project diff
"""

from __future__ import annotations

from constructs import Construct

from cdk8s_webservice import (
    BusinessPanel,
    DeliveryOptions,
    EgressRule,
    EnvironmentChart,
    EnvironmentProfile,
    Environments,
    GitOpsSettings,
    HealthChecks,
    NetworkAccess,
    NetworkOptions,
    ObservabilityOptions,
    PodOptions,
    Releases,
    Resources,
    ScalingBounds,
    ScalingTargets,
    ServiceLevelObjectives,
    ServiceProject,
    Strategy,
    TagPolicy,
    WebService,
    WebServiceProps,
)
from cdk8s_webservice.kinds.autoscaling import ExternalMetric
from cdk8s_webservice.observability.slo import HttpMetrics

NAME = "queue-worker"

# Jobs, not requests: a job that ends with outcome="failed" is an error.
SLO = ServiceLevelObjectives(
    error_rate=0.01,
    latency_quantile=0.95,
    latency_seconds=30.0,
    metrics=HttpMetrics(
        requests_total="jobs_processed_total",
        duration_histogram="job_duration_seconds",
        status_label="outcome",
        error_status="failed",
        error_description="failed-job",
    ),
    runbook_base_url="https://runbooks.example.com",
)


def environments(releases: Releases) -> Environments:
    """The image tags are fixed here: this service has no releases file."""
    return Environments(
        [
            EnvironmentProfile(
                name="staging",
                namespace="jobs-staging",
                replicas=1,
                resources=Resources(cpu_request="200m", cpu_limit="1", memory_request="256Mi", memory_limit="1Gi"),
                autoscaling=ScalingBounds(min_replicas=1, max_replicas=4),
                image_tag="2.8.0-rc.1",
                tag_policy=TagPolicy.PINNED,
                strategy=Strategy.ROLLING,
                git_revision="develop",
            ),
            EnvironmentProfile(
                name="production",
                namespace="jobs",
                replicas=2,
                resources=Resources(cpu_request="500m", cpu_limit="2", memory_request="512Mi", memory_limit="2Gi"),
                autoscaling=ScalingBounds(min_replicas=2, max_replicas=30),
                image_tag="2.7.4",
                tag_policy=TagPolicy.PINNED,
                strategy=Strategy.ROLLING,
                vpa=True,
                auto_sync=False,
            ),
        ]
    )


class WorkerChart(EnvironmentChart):
    def __init__(self, scope: Construct, profile: EnvironmentProfile) -> None:
        super().__init__(scope, f"{NAME}-{profile.name}", profile=profile)
        WebService(
            self,
            NAME,
            props=WebServiceProps(
                name=NAME,
                image="registry.example.com/jobs/queue-worker",
                profile=profile,
                component="worker",
                slo=SLO,
                pod=PodOptions(
                    port=8081,
                    metrics_port=9102,
                    health=HealthChecks(liveness_path="/live", readiness_path="/ready", startup_path="/live"),
                    config={"QUEUE": "jobs", "CONCURRENCY": "8", "ENVIRONMENT": profile.name},
                ),
                network=NetworkOptions(
                    service_port=8081,
                    access=NetworkAccess(
                        ingress_namespace=None,
                        egress=(EgressRule(port=5672, namespace="messaging"),),
                    ),
                ),
                delivery=DeliveryOptions(
                    # About 30 waiting messages per replica; no request-rate metric (nobody calls a worker).
                    scaling=ScalingTargets(
                        requests_per_second=None,
                        external=(ExternalMetric("rabbitmq_queue_messages_ready", 30, {"queue": "jobs"}),),
                    )
                ),
                observability=ObservabilityOptions(
                    business_panels=(
                        BusinessPanel(
                            "Jobs processed by outcome (per s)",
                            'sum by (outcome) (rate(jobs_processed_total{namespace="$namespace"}[5m]))',
                            unit="ops",
                            legend="{{outcome}}",
                        ),
                    )
                ),
            ),
        )


PROJECT = ServiceProject(
    name=NAME,
    environments=environments,
    chart=WorkerChart,
    gitops=GitOpsSettings(repo_url="https://git.example.com/jobs/queue-worker-deploy.git"),
)
