"""`ServiceNamespace`, `PublicIngress` and `SealedSecret` alone."""

from __future__ import annotations

import base64

import pytest

from cdk8s_webservice import ConfigError, IngressOptions, testing
from cdk8s_webservice.kinds.ingress import PublicIngress
from cdk8s_webservice.kinds.namespace import ServiceNamespace
from cdk8s_webservice.kinds.secrets import SealedSecret

CIPHERTEXT = base64.b64encode((512).to_bytes(2, "big") + bytes(range(256)) * 3).decode()


def test_namespace_enforces_pod_security() -> None:
    chart = testing.chart()
    construct = ServiceNamespace(chart, "ns", name="test")
    labels = testing.find(testing.synth(chart), "Namespace", "test")["metadata"]["labels"]
    assert labels["pod-security.kubernetes.io/enforce"] == "restricted"
    assert construct.api_object.kind == "Namespace"
    with pytest.raises(ConfigError, match=r"pod_security: 'strict' is not allowed; one of: privileged, baseline"):
        ServiceNamespace(testing.chart(), "ns", name="test", pod_security="strict")


def test_ingress_serves_the_host_over_tls() -> None:
    chart = testing.chart()
    construct = PublicIngress(
        chart, "ingress", identity=testing.identity(), host="app.example.com", service="app", options=IngressOptions()
    )
    spec = testing.find(testing.synth(chart), "Ingress", "app")["spec"]
    assert spec["tls"] == [{"hosts": ["app.example.com"], "secretName": "app-tls"}]
    assert spec["rules"][0]["http"]["paths"][0]["backend"]["service"] == {"name": "app", "port": {"name": "http"}}
    assert construct.api_object.kind == "Ingress"


def test_sealed_secret_carries_the_ciphertext_only() -> None:
    chart = testing.chart()
    construct = SealedSecret(
        chart, "secret", identity=testing.identity(), name="app-secrets", encrypted_data={"TOKEN": CIPHERTEXT}
    )
    obj = testing.find(testing.synth(chart), "SealedSecret", "app-secrets")
    assert obj["spec"]["encryptedData"] == {"TOKEN": CIPHERTEXT}
    assert construct.api_object.kind == "SealedSecret"
    with pytest.raises(ConfigError, match=r"sealed_secret\[app-secrets\]\.TOKEN: '<\d+ characters>' is not allowed"):
        SealedSecret(
            testing.chart(), "s", identity=testing.identity(), name="app-secrets", encrypted_data={"TOKEN": "x"}
        )
