"""Each construct alone, from small props, beside the whole YAML it synthesizes (kustomize's
krusty style: the input and the expected output side by side in one test). The other
modules here check one property at a time; these show everything a construct writes, so a
change to any field of its output fails here and reads as a YAML diff.

`testing.chart()` labels every object it holds (managed-by, part-of and environment
`test`); `testing.identity()` is the service `app` in namespace `test`."""

from __future__ import annotations

import base64
import textwrap
from typing import Any

import yaml
from constructs import Construct

from cdk8s_webservice import EgressRule, IngressOptions, NetworkAccess, ScalingBounds, ScalingTargets, testing
from cdk8s_webservice.kinds.autoscaling import HorizontalPodAutoscaler
from cdk8s_webservice.kinds.availability import PodDisruptionBudget
from cdk8s_webservice.kinds.config_map import ConfigMap
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.network import ServiceNetworkPolicy
from cdk8s_webservice.kinds.secrets import SealedSecret
from cdk8s_webservice.observability.scraping import Scraping, ServiceMonitor


def _normal(documents: list[Any]) -> str:
    return yaml.safe_dump_all(documents, sort_keys=True)


def assert_yaml(chart: Construct, expected: str) -> None:
    """The chart synthesizes exactly the YAML documents of `expected` (in that order; key
    order and quoting aside). On a difference pytest shows both as sorted YAML, line by line."""
    assert _normal(testing.synth(chart)) == _normal(list(yaml.safe_load_all(textwrap.dedent(expected))))


def test_pod_disruption_budget() -> None:
    chart = testing.chart()
    PodDisruptionBudget(chart, "pdb", identity=testing.identity())
    assert_yaml(
        chart,
        """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata:
          name: app
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/part-of: test
            environment: test
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/component: api
              app.kubernetes.io/part-of: app
          unhealthyPodEvictionPolicy: AlwaysAllow
        """,
    )


def test_service_network_policy_without_an_ingress_controller_and_one_database() -> None:
    chart = testing.chart()
    access = NetworkAccess(ingress_namespace=None, egress=(EgressRule(port=5432, cidr="10.0.0.0/8"),))
    ServiceNetworkPolicy(chart, "np", identity=testing.identity(), access=access)
    assert_yaml(
        chart,
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: app
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/part-of: test
            environment: test
        spec:
          podSelector:
            matchLabels:
              app.kubernetes.io/component: api
              app.kubernetes.io/part-of: app
          policyTypes: [Ingress, Egress]
          ingress:
            # Prometheus only: no ingress controller reaches http
            - from:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: monitoring
              ports:
                - {port: metrics, protocol: TCP}
          egress:
            # DNS, always
            - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchLabels:
                      k8s-app: kube-dns
              ports:
                - {port: 53, protocol: UDP}
                - {port: 53, protocol: TCP}
            # the rule given
            - to:
                - ipBlock:
                    cidr: 10.0.0.0/8
              ports:
                - {port: 5432, protocol: TCP}
        """,
    )


def test_horizontal_pod_autoscaler_with_the_default_targets() -> None:
    chart = testing.chart()
    HorizontalPodAutoscaler(
        chart,
        "hpa",
        identity=testing.identity(),
        target="app",
        bounds=ScalingBounds(min_replicas=1, max_replicas=4),
        targets=ScalingTargets(),
    )
    assert_yaml(
        chart,
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: app
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/part-of: test
            environment: test
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: app
          minReplicas: 1
          maxReplicas: 4
          metrics:
            - type: Resource
              resource:
                name: cpu
                target: {type: Utilization, averageUtilization: 70}
            - type: Resource
              resource:
                name: memory
                target: {type: Utilization, averageUtilization: 80}
            - type: Pods
              pods:
                metric:
                  name: http_requests_per_second
                target: {type: AverageValue, averageValue: "100"}
          behavior:
            scaleUp:
              stabilizationWindowSeconds: 0
              selectPolicy: Max
              policies:
                - {type: Percent, value: 100, periodSeconds: 60}
                - {type: Pods, value: 4, periodSeconds: 60}
            scaleDown:
              stabilizationWindowSeconds: 300
              selectPolicy: Min
              policies:
                - {type: Percent, value: 50, periodSeconds: 60}
        """,
    )


def test_service_monitor_of_one_job() -> None:
    chart = testing.chart()
    ServiceMonitor(chart, "sm", identity=testing.identity(), scraping=Scraping(), jobs=["app"])
    assert_yaml(
        chart,
        """
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata:
          name: app
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/name: app
            app.kubernetes.io/part-of: test
            environment: test
            release: kube-prometheus-stack
        spec:
          jobLabel: prometheus.io/job
          selector:
            matchExpressions:
              - key: prometheus.io/job
                operator: In
                values: [app]
          endpoints:
            - port: metrics
              path: /metrics
              interval: 30s
              scrapeTimeout: 10s
              honorLabels: false
        """,
    )


def test_public_ingress_of_one_host() -> None:
    chart = testing.chart()
    PublicIngress(
        chart, "ingress", identity=testing.identity(), host="app.example.com", service="app", options=IngressOptions()
    )
    assert_yaml(
        chart,
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: app
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/part-of: test
            environment: test
          annotations:
            cert-manager.io/cluster-issuer: letsencrypt-prod
            nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
            nginx.ingress.kubernetes.io/proxy-body-size: 1m
        spec:
          ingressClassName: nginx
          rules:
            - host: app.example.com
              http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: app
                        port: {name: http}
          tls:
            - hosts: [app.example.com]
              secretName: app-tls
        """,
    )


def test_sealed_secret_of_one_key() -> None:
    # The shortest value that reads as kubeseal output: a 256-byte session key's length
    # (2 bytes), then 62 more bytes.
    ciphertext = base64.b64encode((256).to_bytes(2, "big") + bytes(range(62))).decode()
    chart = testing.chart()
    SealedSecret(chart, "secret", identity=testing.identity(), name="app-secrets", encrypted_data={"TOKEN": ciphertext})
    assert_yaml(
        chart,
        """
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: app-secrets
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/name: app
            app.kubernetes.io/part-of: test
            environment: test
        spec:
          encryptedData:
            TOKEN: AQAAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PQ==
          template:
            type: Opaque
            metadata:
              name: app-secrets
              labels:
                app.kubernetes.io/name: app
                app.kubernetes.io/part-of: app
        """,
    )


def test_config_map_of_two_settings() -> None:
    chart = testing.chart()
    ConfigMap(chart, "config", identity=testing.identity(), data={"LOG_LEVEL": "info", "FEATURE_X": "on"})
    assert_yaml(
        chart,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: app-config
          namespace: test
          labels:
            app.kubernetes.io/managed-by: cdk8s
            app.kubernetes.io/part-of: test
            environment: test
        data:
          FEATURE_X: "on"  # a string: YAML 1.1 reads a bare on as true
          LOG_LEVEL: info
        """,
    )
