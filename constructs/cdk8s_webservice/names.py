"""Kubernetes naming rules, checked at construction time."""

from __future__ import annotations

import re

from .errors import ConfigError

DNS1123_LABEL_MAX = 63
_DNS1123_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?")
_LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?")
_ENV_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


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
    if not isinstance(value, str) or len(value) > 63 or not _LABEL_VALUE.fullmatch(value):
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
