"""Kubernetes naming rules, checked at construction time."""

from __future__ import annotations

import ipaddress
import re
from typing import TypeGuard

from .errors import ConfigError

DNS1123_LABEL_MAX = 63
DNS1123_SUBDOMAIN_MAX = 253
LABEL_VALUE_MAX = 63
NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"
"""The label the API server gives every Namespace: its name (what a namespaceSelector selects)."""
_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_DNS1035_LABEL = re.compile(r"[a-z]([-a-z0-9]*[a-z0-9])?")
_LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?")
_ENV_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# Image tags that name a moving target rather than a build.
FLOATING_TAGS = frozenset({"latest", "stable", "main", "master", "edge"})


def is_dns_label(value: object) -> TypeGuard[str]:
    """A DNS-1123 label of at most 63 characters."""
    return isinstance(value, str) and len(value) <= DNS1123_LABEL_MAX and bool(_DNS1123_LABEL.fullmatch(value))


def is_dns1035_label(value: object) -> TypeGuard[str]:
    """A DNS-1035 label: a DNS-1123 label that starts with a letter (a Service's name)."""
    return isinstance(value, str) and len(value) <= DNS1123_LABEL_MAX and bool(_DNS1035_LABEL.fullmatch(value))


def is_path_segment_name(value: object) -> TypeGuard[str]:
    """A name that is one segment of a URL path (not `.` or `..`, no `/` or `%`): the
    API server's rule for RBAC objects' names (`system:aggregate-to-view` is one)."""
    return isinstance(value, str) and bool(value) and value not in (".", "..") and not {"/", "%"} & set(value)


def is_dns_subdomain(value: object) -> TypeGuard[str]:
    """A DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters."""
    return (
        isinstance(value, str)
        and len(value) <= DNS1123_SUBDOMAIN_MAX
        and all(_DNS1123_LABEL.fullmatch(part) for part in value.split("."))
    )


def is_label_value(value: object) -> TypeGuard[str]:
    """A label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends."""
    return isinstance(value, str) and len(value) <= LABEL_VALUE_MAX and bool(_LABEL_VALUE.fullmatch(value))


def is_label_key(key: object) -> TypeGuard[str]:
    """A label key: an optional DNS subdomain prefix and '/', then a non-empty name of
    the label value's form."""
    if not isinstance(key, str):
        return False
    prefix, _, name = key.rpartition("/")
    return (not prefix or is_dns_subdomain(prefix)) and bool(name) and is_label_value(name)


NO_WILDCARD = "no wildcards: a Role names each verb, resource and API group it grants (least privilege)"
"""Why a `*` is refused: by access.ApiRule, and by the gate in any Role or ClusterRole (gate/rbac.py)."""


def has_wildcard(value: object) -> bool:
    """A grant by wildcard: `*`, or a pattern with one (`pods/*`)."""
    return isinstance(value, str) and "*" in value


def check_dns_label(field: str, value: object) -> str:
    """A DNS-1123 label: the rule for namespaces, Services and most object names."""
    if not isinstance(value, str) or not _DNS1123_LABEL.fullmatch(value):
        raise ConfigError(
            field,
            value,
            "a DNS-1123 label is lower-case letters, digits and '-', starting and ending with a letter or digit",
        )
    if len(value) > DNS1123_LABEL_MAX:
        raise ConfigError(
            field, value, f"a DNS-1123 label is at most {DNS1123_LABEL_MAX} characters (this one has {len(value)})"
        )
    return value


def check_label_value(field: str, value: object) -> str:
    """A label value: at most 63 characters of letters, digits, '-', '_' and '.'."""
    if not is_label_value(value):
        raise ConfigError(
            field,
            value,
            "a label value is at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
        )
    return value


def check_env_var_name(field: str, value: object) -> str:
    """An environment variable name a container can be given through envFrom."""
    if not isinstance(value, str) or not _ENV_VAR_NAME.fullmatch(value):
        raise ConfigError(
            field, value, "an environment variable name is letters, digits and '_', not starting with a digit"
        )
    return value


_HOST_ALLOWED = (
    "a DNS host name (RFC 1123: lower-case labels of letters, digits and '-', dot-separated) such as 'app.example.com'"
)


def check_host_name(field: str, value: object) -> str:
    """A public DNS host name: an RFC 1123 subdomain of at least two labels, each at most
    63 characters, 253 in all. IP literals (an Ingress routes by name, a certificate
    is issued for a name) and wildcards (one Ingress serves one host) are refused."""
    if not isinstance(value, str) or not value:
        raise ConfigError(field, value, _HOST_ALLOWED)
    if _is_ip_literal(value):
        raise ConfigError(field, value, f"an IP address is not a host name; {_HOST_ALLOWED}")
    if value.startswith("*"):
        raise ConfigError(field, value, f"a wildcard host is not supported; {_HOST_ALLOWED}")
    if len(value) > DNS1123_SUBDOMAIN_MAX:
        raise ConfigError(field, value, f"a host name is at most {DNS1123_SUBDOMAIN_MAX} characters")
    labels = value.split(".")
    if len(labels) < 2 or not all(_DNS1123_LABEL.fullmatch(label) for label in labels):
        raise ConfigError(field, value, _HOST_ALLOWED)
    longest = max(labels, key=len)
    if len(longest) > DNS1123_LABEL_MAX:
        raise ConfigError(
            field, value, f"each dot-separated label is at most {DNS1123_LABEL_MAX} characters ({longest!r} is longer)"
        )
    return value


def _is_ip_literal(value: str) -> bool:
    """An IPv4 or IPv6 address, bracketed or not; also dotted numbers (`10.0.0`): no
    top-level domain is all digits, so resolvers and browsers read those as addresses."""
    try:
        ipaddress.ip_address(value.strip("[]"))
    except ValueError:
        return value.rsplit(".", 1)[-1].isdigit()
    return True


# Kinds that live outside any namespace: they carry none (the chart leaves it off, the
# gate does not ask for one).
CLUSTER_SCOPED = frozenset(
    {
        "Namespace",
        "ClusterRole",
        "ClusterRoleBinding",
        "CustomResourceDefinition",
        "PriorityClass",
        "StorageClass",
        # Karpenter (karpenter.CLUSTER_KINDS)
        "NodePool",
        "EC2NodeClass",
    }
)
