"""Container image references: a registry path pinned by a tag that names a build, or by
a digest."""

from __future__ import annotations

import re

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.names import FLOATING_TAGS

_COMPONENT = r"[a-z0-9]+([._-][a-z0-9]+)*"
_IMAGE = re.compile(
    rf"(?P<repo>({_COMPONENT}(\.{_COMPONENT})*(:[0-9]+)?/)?{_COMPONENT}(/{_COMPONENT})*)"
    r"(:(?P<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(@(?P<digest>sha256:[0-9a-f]{64}))?"
)


def check_pinned_image(field: str, value: object) -> str:
    """A full image reference pinned by a release tag (not `latest` or another moving
    tag) or by a sha256 digest: what runs must be what was reviewed."""
    allowed = "an image pinned by tag or digest: 'registry.example.com/proxy:v1.2.3' or '...@sha256:<64 hex>'"
    match = _IMAGE.fullmatch(value) if isinstance(value, str) else None
    if match is None or (match.group("tag") is None and match.group("digest") is None):
        raise ConfigError(field, value, allowed)
    tag = match.group("tag")
    # `name:tag@digest` runs the digest: pinned whatever the tag says.
    if tag is not None and match.group("digest") is None and tag.lower() in FLOATING_TAGS:
        raise ConfigError(field, value, f"a release tag, not the moving tag {tag!r}; {allowed}")
    return str(value)
