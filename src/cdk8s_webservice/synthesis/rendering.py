"""Synthesized objects to YAML text, deterministically.

Same objects in, same bytes out, on any machine and under any PYTHONHASHSEED:
keys are ordered by a fixed rule (apiVersion, kind, metadata first, then the rest
sorted) and written by the project's own emitter (`yaml_emitter`), which has one
style and no optional native parts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.core.errors import ConfigError

_HEAD = ("apiVersion", "kind", "metadata")


def _ordered(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _ordered(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_ordered(item) for item in value]
    return value


def to_yaml(manifest: Mapping[str, Any]) -> str:
    """One object as a YAML document (without the `---` separator)."""
    head = {key: _ordered(manifest[key]) for key in _HEAD if key in manifest}
    rest = {key: _ordered(manifest[key]) for key in sorted(manifest) if key not in _HEAD}
    return yaml_emitter.dump({**head, **rest})


def file_name(manifest: Mapping[str, Any], *, with_namespace: bool = False) -> str:
    """`<kind>-<name>.yaml`, lower case: what a reviewer looks for in a diff.
    `<kind>-<namespace>-<name>.yaml` when a folder holds several namespaces."""
    namespace = manifest["metadata"].get("namespace")
    middle = f"{namespace}-" if with_namespace and namespace else ""
    name = f"{manifest['kind'].lower()}-{middle}{manifest['metadata']['name']}.yaml"
    if len(name.encode()) <= MAX_FILE_NAME:
        return name
    # Longer than a file name may be (a 253-character object name, a long kind): cut,
    # with a digest of the whole so that two long names that share a beginning differ.
    digest = hashlib.sha256(name.encode()).hexdigest()[:12]
    kept = name[: -len(".yaml")].encode()[: MAX_FILE_NAME - len(digest) - len("-.yaml")].decode("utf-8", "ignore")
    return f"{kept}-{digest}.yaml"


#: The longest file name (bytes) of Linux and macOS file systems; the staging and
#: backup folders' names do not count against it (each is one path part).
MAX_FILE_NAME = 255


def render_files(environment: str, manifests: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """File name to YAML text for one environment's objects.

    A folder whose objects live in one namespace names files `<kind>-<name>`;
    one with several (services sharing an environment folder) adds the namespace
    to every namespaced file, so names stay stable as services come and go.
    The same object twice is refused rather than one silently overwriting the other.
    """
    manifests = list(manifests)
    namespaces = {m["metadata"].get("namespace") for m in manifests} - {None}
    files: dict[str, str] = {}
    for manifest in manifests:
        name = file_name(manifest, with_namespace=len(namespaces) > 1)
        if name in files:
            raise ConfigError(
                f"{environment}: {manifest['kind']}/{manifest['metadata']['name']}",
                manifest["metadata"].get("namespace"),
                "one object of a kind, namespace and name per environment (two would share the file " + name + ")",
            )
        # A leading `---` keeps `cat dist/<env>/*.yaml` (and `cdk8s synth --stdout`) a valid stream.
        files[name] = "---\n" + to_yaml(manifest)
    return dict(sorted(files.items()))
