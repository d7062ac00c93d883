"""Metadata rules on every object: a name the API server accepts (its rule for the
kind: a DNS-1123 subdomain for most, a label for a Namespace or Service), an explicit
namespace, valid label keys and values (on the object, its pod templates and a
workload's selector), and no plain Secret in git.

The naming predicates are `names`' (the constructs hold the objects they make to the
stricter DNS-1123 label); `refuse_plain_secrets` is the no-plain-Secret rule as `ServiceProject`
applies it to each environment before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.names import (
    CLUSTER_SCOPED,
    is_dns1035_label,
    is_dns_label,
    is_dns_subdomain,
    is_label_key,
    is_label_value,
    is_path_segment_name,
)

from .model import Obj
from .registry import ANY_KIND, Fail, rule

API_SERVER = "Kubernetes API server"
RBAC_KINDS = ("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")
#: The API server's rule for a name, by kind (ValidateNamespaceName, ValidateServiceName,
#: ValidateRBACName); every other kind, custom resources included, is a DNS-1123 subdomain
#: (NameIsDNSSubdomain: ConfigMap, Secret, Deployment, ... ; apiextensions for custom resources).
NAME_RULES: dict[str, tuple[Callable[[object], bool], str]] = {
    "Namespace": (is_dns_label, "a DNS-1123 label: at most 63 of [a-z0-9-], alphanumeric at both ends"),
    "Service": (is_dns1035_label, "a DNS-1035 label: at most 63 of [a-z0-9-], starting with a letter"),
    **dict.fromkeys(RBAC_KINDS, (is_path_segment_name, "a path segment: not '.' or '..', no '/' or '%'")),
    # ValidateCronJob: its Jobs are named `<name>-<11 characters>`, within 63.
    "CronJob": (
        lambda name: is_dns_subdomain(name) and isinstance(name, str) and len(name) <= 52,
        "a DNS-1123 subdomain of at most 52 characters (its Jobs append 11)",
    ),
}
SUBDOMAIN = "a DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels"
#: Kinds whose `spec.selector.matchLabels` are label sets of their own.
SELECTOR_LABEL_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet"})
PLAIN_SECRET = "a Secret with data or stringData is never rendered; use a SealedSecret"


@rule(
    "object-name", kinds=("Namespace",), reason="a name the API server refuses", source=f"{API_SERVER}: DNS-1123 label"
)
@rule("object-name", kinds=("Service",), reason="a name the API server refuses", source=f"{API_SERVER}: DNS-1035 label")
@rule("object-name", kinds=RBAC_KINDS, reason="a name the API server refuses", source=f"{API_SERVER}: path segment")
@rule(
    "object-name",
    kinds=("CronJob",),
    reason="a name the API server refuses",
    source=f"{API_SERVER}: DNS-1123 subdomain of at most 52 characters",
)
def object_name_by_kind(obj: Obj, fail: Fail) -> None:
    valid, rule_text = NAME_RULES[obj.kind]
    if not valid(obj.name):
        fail("metadata.name", f"{obj.name!r} is not {rule_text} (the API server's rule for a {obj.kind})")


@rule(
    "object-name",
    kinds=(ANY_KIND,),
    reason="a name the API server refuses",
    source=f"{API_SERVER}: DNS-1123 subdomain (every kind without a rule of its own, custom resources too)",
)
def object_name(obj: Obj, fail: Fail) -> None:
    if obj.kind not in NAME_RULES and not is_dns_subdomain(obj.name):
        fail("metadata.name", f"{obj.name!r} is not {SUBDOMAIN} (the API server's rule for a {obj.kind})")


PSS_ENFORCE = "pod-security.kubernetes.io/enforce"


@rule(
    "namespace-enforces-restricted",
    kinds=("Namespace",),
    reason="a Namespace whose Pod Security admission enforces less than restricted: the cluster's backstop",
    source="Pod Security admission: the namespace's enforce label (the library sets restricted)",
)
def enforces_restricted(obj: Obj, fail: Fail) -> None:
    labels = obj.raw["metadata"].get("labels")
    value = labels.get(PSS_ENFORCE) if isinstance(labels, Mapping) else None
    if value is not None and value != "restricted":
        fail(
            f"metadata.labels.{PSS_ENFORCE}",
            f"{str(value)[:40]!r} must be restricted, the level the gate checks pods at",
        )


@rule(
    "object-unique",
    kinds=(ANY_KIND,),
    reason="one object (API group, kind, namespace, name) defined twice: Argo CD applies one, maybe not the one reviewed",
    source="Argo CD and the API server: an object is its group, kind, namespace and name",
)
def object_unique(obj: Obj, fail: Fail) -> None:
    copies = obj.folder.by_identity[obj.identity]
    if any(o is obj for o in copies[1:]):  # reported once, at each copy after the first
        fail("metadata.name", f"{obj.name!r} is defined {len(copies)} times in this folder: keep one")


@rule(
    "explicit-namespace",
    kinds=(ANY_KIND,),
    reason="an object that lands in whatever namespace kubectl points at",
    source="project: ArgoCD applies an object without a namespace to the Application's destination",
)
def explicit_namespace(obj: Obj, fail: Fail) -> None:
    if obj.kind not in CLUSTER_SCOPED and not obj.raw["metadata"].get("namespace"):
        fail("metadata.namespace", "is required: an object without one lands wherever kubectl points")


def _label_sets(obj: Obj) -> Iterable[tuple[Mapping[str, Any], str]]:
    yield obj.raw["metadata"].get("labels", {}), "metadata.labels"
    for pod in obj.pods if obj.kind != "Pod" else ():
        yield pod.labels, f"{pod.path.removesuffix('.spec')}.metadata.labels"
    if obj.kind in SELECTOR_LABEL_KINDS:
        yield (obj.raw["spec"].get("selector") or {}).get("matchLabels") or {}, "spec.selector.matchLabels"


@rule(
    "label-value",
    kinds=(ANY_KIND,),
    reason="a label key or value the API server refuses",
    source=f"{API_SERVER}: qualified name and label value (the rule of names.check_label_value)",
)
def label_values(obj: Obj, fail: Fail) -> None:
    for labels, where in _label_sets(obj):
        for key, value in labels.items():
            if not is_label_key(key):
                fail(f"{where}.{key}", f"label key {key!r} is not valid")
            if not is_label_value(value):
                fail(
                    f"{where}.{key}",
                    f"label value {value!r} is not valid (at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends)",
                )


def is_plain_secret(obj: Mapping[str, Any]) -> bool:
    """A Secret carrying its values: what must never be rendered into git."""
    return obj.get("kind") == "Secret" and ("data" in obj or "stringData" in obj)


@rule(
    "no-plain-secret",
    kinds=("Secret",),
    reason="a Secret in plain text in git",
    source="project: secrets travel as SealedSecrets (kubeseal) only",
)
def no_plain_secret(obj: Obj, fail: Fail) -> None:
    if is_plain_secret(obj.raw):
        fail("data", PLAIN_SECRET)


def refuse_plain_secrets(environment: str, manifests: Iterable[dict[str, Any]]) -> None:
    """No Secret with data ever reaches git: secrets travel as SealedSecrets only."""
    for manifest in manifests:
        if is_plain_secret(manifest):
            raise ConfigError(
                f"{environment}: Secret/{manifest['metadata']['name']}", "<data>", f"{PLAIN_SECRET} (kubeseal)"
            )
