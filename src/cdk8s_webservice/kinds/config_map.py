"""ConfigMap `<name>-config`: the service's non-secret settings."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping

from cdk8s_plus_27 import k8s
from constructs import Construct

from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.names import check_env_var_name
from cdk8s_webservice.core.values import check_str_mapping


class ConfigMap(Construct):
    """ConfigMap `<name>-config`: the service's non-secret settings, loaded with envFrom.

    `checksum` (sha256 of the data) goes on the pod template, so a config change
    rolls the pods, as kustomize's hash suffix did, while the name stays stable.

    Escape hatch: `api_object`, the `k8s.KubeConfigMap`.
    """

    def __init__(self, scope: Construct, id: str, *, identity: ServiceIdentity, data: Mapping[str, str]) -> None:
        super().__init__(scope, id)
        check_str_mapping("config", data, check_key=check_env_var_name)
        self.name = identity.derived_name("config")
        ordered = dict(sorted(data.items()))
        self.checksum = hashlib.sha256(json.dumps(ordered, sort_keys=True).encode()).hexdigest()
        self.api_object = k8s.KubeConfigMap(
            self, "Resource", metadata=k8s.ObjectMeta(name=self.name, namespace=identity.namespace), data=ordered
        )
