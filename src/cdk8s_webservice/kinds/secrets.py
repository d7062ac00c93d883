"""Secrets in git only as Sealed Secrets ciphertext; never a plain Secret."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping

from cdk8s import ApiObjectMetadata
from constructs import Construct

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.identity import ServiceIdentity
from cdk8s_webservice.core.names import check_env_var_name
from cdk8s_webservice_crds.com import bitnami

# kubeseal output starts with the RSA-encrypted session key's length (2 bytes,
# big-endian: 256, 384 or 512 for 2048-, 3072- or 4096-bit controller keys), then
# that key, then the AES-GCM ciphertext of the value. Plain text, and base64 of
# plain text, do not start that way.
_SESSION_KEY_LENGTHS = (256, 384, 512)
_MIN_DECODED_BYTES = 64


def _redacted(value: object) -> str:
    """Never echo what may be a plain secret into a log: say only its shape."""
    return f"<{len(value)} characters>" if isinstance(value, str) else f"<{type(value).__name__}>"


def check_ciphertext(field: str, value: object) -> str:
    """Refuse anything that is not kubeseal output, plain values in particular."""
    allowed = (
        "kubeseal ciphertext (base64 of an RSA-wrapped session key and the encrypted value); "
        "seal plain values with `kubeseal --raw`, never commit them"
    )
    if not isinstance(value, str):
        raise ConfigError(field, _redacted(value), allowed)
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError(field, _redacted(value), allowed) from None
    key_length = int.from_bytes(raw[:2], "big") if len(raw) >= 2 else 0
    if key_length not in _SESSION_KEY_LENGTHS or len(raw) < _MIN_DECODED_BYTES:
        raise ConfigError(field, _redacted(value), allowed)
    return value


def check_sealed_data(name: str, encrypted_data: object) -> dict[str, str]:
    """The ciphertext per key of the SealedSecret `name`: a non-empty mapping of
    environment variable names to kubeseal output. Errors name the key, never the value
    (nor the mapping, which may hold plain values)."""
    field = f"sealed_secret[{name}]"
    if not isinstance(encrypted_data, Mapping):
        raise ConfigError(field, _redacted(encrypted_data), "a mapping of key to kubeseal ciphertext")
    if not encrypted_data:
        raise ConfigError(f"{field}.encrypted_data", {}, "at least one sealed key")
    for key, value in encrypted_data.items():
        check_env_var_name(f"{field} key", key)
        check_ciphertext(f"{field}.{key}", value)
    return dict(encrypted_data)


class SealedSecret(Construct):
    """SealedSecret `name`: the controller unseals it into a Secret of the same name,
    which the workload loads with envFrom.

    Sealed with kubeseal's default strict scope, ciphertext is bound to its
    namespace and name, so each environment carries its own `encrypted_data`.

    Escape hatch: `api_object`, the generated `SealedSecret` binding.
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        identity: ServiceIdentity,
        name: str,
        encrypted_data: Mapping[str, str],
        secret_type: str = "Opaque",
    ) -> None:
        super().__init__(scope, id)
        check_sealed_data(name, encrypted_data)
        self.secret_name = name
        labels = {**identity.selector, "app.kubernetes.io/part-of": identity.part_of}
        self.api_object = bitnami.SealedSecret(
            self,
            "Resource",
            metadata=ApiObjectMetadata(name=name, namespace=identity.namespace, labels=identity.selector),
            spec=bitnami.SealedSecretSpec(
                encrypted_data=dict(sorted(encrypted_data.items())),
                template=bitnami.SealedSecretSpecTemplate(
                    type=secret_type,
                    metadata=bitnami.SealedSecretSpecTemplateMetadata(name=name, labels=labels),
                ),
            ),
        )
