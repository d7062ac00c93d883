"""Argo CD's Config Management Plugin as data: `plugin.yaml` (the ConfigManagementPlugin), its
ConfigMap, and the argocd-repo-server sidecar that runs it."""

from __future__ import annotations

from typing import Any

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.kinds.images import check_pinned_image

PLUGIN_NAME = "cdk8s-webservice"
"""`metadata.name` of the ConfigManagementPlugin: an Application's `spec.source.plugin.name`
(the plugin has no `spec.version`, which would make it `<name>-<version>`)."""
GENERATE = ["cdk8s-webservice", "plugin", "generate"]
ARGOCD_NAMESPACE = "argocd"
CONFIG_MAP = "cdk8s-webservice-cmp"
SIDECAR = "cdk8s-webservice-cmp"
TMP_VOLUME = "cdk8s-webservice-cmp-tmp"
CMP_SERVER = "/var/run/argocd/argocd-cmp-server"
PLUGIN_CONFIG_PATH = "/home/argocd/cmp-server/config/plugin.yaml"
ARGOCD_USER = 999
"""The user Argo CD's images run as; its CMP documentation requires the sidecar to run as it."""


def plugin_config() -> dict[str, Any]:
    """The ConfigManagementPlugin (not a Kubernetes object: the CMP server reads it from
    `/home/argocd/cmp-server/config/plugin.yaml`). No `discover`: it renders only the
    Applications that name it, never another repository that happens to hold a pyproject.toml."""
    return {
        "apiVersion": "argoproj.io/v1alpha1",
        "kind": "ConfigManagementPlugin",
        "metadata": {"name": PLUGIN_NAME},
        "spec": {"generate": {"command": list(GENERATE)}, "preserveFileMode": False},
    }


def plugin_config_map(argocd_namespace: str = ARGOCD_NAMESPACE) -> dict[str, Any]:
    """The plugin configuration in a ConfigMap, for a stock image (mounted at its path by subPath)."""
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {
            "name": CONFIG_MAP,
            "namespace": argocd_namespace,
            "labels": {"app.kubernetes.io/name": CONFIG_MAP, "app.kubernetes.io/part-of": "argocd"},
        },
        "data": {"plugin.yaml": yaml_emitter.dump(plugin_config())},
    }


def sidecar_container(image: str) -> dict[str, Any]:
    """The CMP sidecar of argocd-repo-server: Argo CD's `argocd-cmp-server` as its entry
    point, user 999, the shared `var-files` and `plugins` volumes, the plugin configuration
    by subPath, and a `/tmp` of its own (not the repo-server's)."""

    check_pinned_image("--image", image)
    return {
        "name": SIDECAR,
        "image": image,
        "command": [CMP_SERVER],
        "securityContext": {
            "runAsNonRoot": True,
            "runAsUser": ARGOCD_USER,
            "allowPrivilegeEscalation": False,
            "capabilities": {"drop": ["ALL"]},
            "seccompProfile": {"type": "RuntimeDefault"},
        },
        "volumeMounts": [
            {"name": "var-files", "mountPath": "/var/run/argocd"},
            {"name": "plugins", "mountPath": "/home/argocd/cmp-server/plugins"},
            {"name": CONFIG_MAP, "mountPath": PLUGIN_CONFIG_PATH, "subPath": "plugin.yaml"},
            {"name": TMP_VOLUME, "mountPath": "/tmp"},
        ],
    }


def sidecar_volumes() -> list[dict[str, Any]]:
    """The volumes the sidecar adds (`var-files` and `plugins` are argocd-repo-server's own)."""
    return [
        {"name": CONFIG_MAP, "configMap": {"name": CONFIG_MAP}},
        {"name": TMP_VOLUME, "emptyDir": {}},
    ]


def repo_server_patch(image: str) -> dict[str, Any]:
    """A strategic merge patch of the argocd-repo-server Deployment (containers and volumes
    merge by name): `kubectl -n argocd patch deployment argocd-repo-server --patch-file FILE`."""
    return {"spec": {"template": {"spec": {"containers": [sidecar_container(image)], "volumes": sidecar_volumes()}}}}
