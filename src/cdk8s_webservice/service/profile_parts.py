"""What a profile adds to a `WebService` beyond its own objects: the in-cluster load
test and the canary's k6 script (the SLO's fourth consumer, after alerts, dashboards
and the canary analysis), and joining the profile's service mesh."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cdk8s import JsonPatch
from constructs import Construct

from cdk8s_webservice.addons.mesh import MeshTraffic
from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.namespace import ServiceNamespace
from cdk8s_webservice.loadtest.cluster import ClusterLoadTest
from cdk8s_webservice.loadtest.script import render as render_load_test
from cdk8s_webservice.loadtest.specs import spec_of
from cdk8s_webservice.observability.scraping import ServiceMonitor

from .props import WebServiceProps


def cluster_load_test(scope: Construct, props: WebServiceProps) -> ClusterLoadTest | None:
    """The k6-operator TestRun, in the environments `delivery.load_test` names."""
    if props.profile.name not in props.delivery.load_test.cluster_environments:
        return None
    ident = props.identity
    outside_mesh = props.profile.mesh is not None
    if outside_mesh:
        # Outside the mesh (loadtest/cluster.py): through the public host, as users call it.
        if props.profile.ingress_host is None:
            raise ConfigError(
                f"{props.profile.name}.ingress_host",
                None,
                "a public host: in a meshed namespace the in-cluster load test calls the Ingress",
            )
        url, target = f"https://{props.profile.ingress_host}", "the Ingress host, from the cluster"
    else:
        url, target = (
            f"http://{ident.name}.{ident.namespace}.svc:{props.network.service_port}",
            "the Service, in the cluster",
        )
    script = render_load_test(spec_of(props, base_url=url, target=target))
    return ClusterLoadTest(
        scope,
        "load-test",
        identity=ident,
        script=script,
        base_url=url,
        options=props.delivery.load_test,
        outside_mesh=outside_mesh,
    )


def canary_load_test_script(props: WebServiceProps) -> str | None:
    """The script Flagger's k6 webhook runs against the canary, if it has a webhook."""
    ident = props.identity
    if not props.delivery.canary.k6_webhook_url:
        return None
    # Flagger's canary Service; the old webhook ran `hey -z 1m -c 2` against it.
    url = f"http://{ident.name}-canary.{ident.namespace}:{props.network.service_port}"
    spec = spec_of(
        props,
        base_url=url,
        target="the canary Service",
        default_scenario="smoke",
        smoke_vus=2,
        smoke_duration="1m",
    )
    return render_load_test(spec)


def join_mesh(
    scope: Construct,
    props: WebServiceProps,
    *,
    http_clients: Sequence[str],
    namespace: ServiceNamespace | None,
    ingress: PublicIngress | None,
    service_monitor: ServiceMonitor,
) -> Any:
    """Sidecar injection on the namespace, the mesh's policies (returned) and Prometheus
    scraping over the mesh's mutual TLS (the NetworkPolicy's share is passed to it)."""
    mesh, ident, access = props.profile.mesh, props.identity, props.network.access
    assert mesh is not None and namespace is not None  # WebServiceProps checks both
    for key, value in mesh.namespace_labels().items():
        namespace.api_object.metadata.add_label(key, value)
    clients = ((access.ingress_namespace,) if access.ingress_namespace else ()) + tuple(http_clients)
    traffic = MeshTraffic(
        port=props.pod.port,
        metrics_port=props.pod.metrics_port,
        monitoring_namespace=access.monitoring_namespace,
        clients=clients,
    )
    policies = mesh.secure(scope, "mesh", identity=ident, traffic=traffic)
    if ingress is not None:
        # ingress-nginx in the mesh: send to the Service (not to pod IPs), named as the
        # mesh routes it, so the sidecar applies mTLS and Flagger's VirtualService.
        ingress.api_object.metadata.add_annotation("nginx.ingress.kubernetes.io/service-upstream", "true")
        ingress.api_object.metadata.add_annotation(
            "nginx.ingress.kubernetes.io/upstream-vhost", f"{ident.name}.{ident.namespace}.svc"
        )
    tls = mesh.scrape_tls()
    if tls is not None:
        # Every scraped port: the mesh's mutual TLS (STRICT) covers all of the pod's ports.
        service_monitor.api_object.add_json_patch(
            *(
                patch
                for index in range(len(service_monitor.ports))
                for patch in (
                    JsonPatch.add(f"/spec/endpoints/{index}/scheme", "https"),
                    JsonPatch.add(f"/spec/endpoints/{index}/tlsConfig", dict(tls)),
                )
            )
        )
    return policies
