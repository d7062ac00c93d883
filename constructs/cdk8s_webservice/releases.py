"""The releases file: per environment, the image tag and the blue-green state.

The only values that change on every release live here, in a small YAML file
that CI bumps (`develop` -> staging, `main` -> production) and the CLI's
`promote`/`rollback` flip, while synth reads it. The library owns the format
and writes it back deterministically, so an automated bump is a one-line diff.

    staging:
      image_tag: v1.5.0-rc.2
      blue_green:
        active: blue
        image_tags: {blue: v1.5.0-rc.2, green: v1.5.0-rc.1}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .delivery import COLOURS, BlueGreenState
from .errors import ConfigError

HEADER = """\
# Release state per environment: image tags and the live blue-green colour.
# CI and `cdk8s-webservice set-image|promote|rollback` rewrite this file;
# `make synth` reads it. Keep edits to the values.
"""


@dataclass(frozen=True)
class Release:
    """One environment's release state."""

    image_tag: str
    """The environment's current release tag."""
    blue_green: BlueGreenState = field(default_factory=BlueGreenState)
    """Live colour and per-colour tags (blue-green environments)."""


class Releases:
    """Environment name -> `Release`, read from and written to one YAML file."""

    def __init__(self, releases: Mapping[str, Release], path: Path | None = None) -> None:
        self._releases = dict(releases)
        self.path = path

    @classmethod
    def load(cls, path: Path | str) -> Releases:
        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("releases file", str(path), "an existing YAML file") from None
        except yaml.YAMLError as error:
            raise ConfigError("releases file", str(path), f"valid YAML ({error})") from None
        if not isinstance(data, dict):
            raise ConfigError(f"{path.name}", type(data).__name__, "a mapping of environment name to release")
        return cls({str(env): _parse(f"{path.name}: {env}", value) for env, value in data.items()}, path)

    def get(self, environment: str) -> Release:
        try:
            return self._releases[environment]
        except KeyError:
            where = self.path.name if self.path else "releases"
            raise ConfigError(
                f"{where}: {environment}", None, f"a release entry; known: {', '.join(self._releases)}"
            ) from None

    def with_release(self, environment: str, release: Release) -> Releases:
        return Releases({**self._releases, environment: release}, self.path)

    def set_image(self, environment: str, tag: str, *, blue_green: bool) -> Releases:
        """A new tag. For blue-green it goes to the preview colour (live traffic is
        untouched until `promote`); otherwise it is the environment's tag."""
        current = self.get(environment)
        if not blue_green:
            return self.with_release(environment, replace(current, image_tag=tag))
        state = current.blue_green
        tags = {colour: state.tag(colour, current.image_tag) for colour in COLOURS}
        tags[state.preview] = tag
        return self.with_release(environment, Release(image_tag=tag, blue_green=replace(state, image_tags=tags)))

    def flip(self, environment: str) -> Releases:
        """Swap the live blue-green colour (promote the preview, or roll back to it)."""
        current = self.get(environment)
        state = current.blue_green
        tags = {colour: state.tag(colour, current.image_tag) for colour in COLOURS}
        return self.with_release(
            environment, replace(current, blue_green=BlueGreenState(active=state.preview, image_tags=tags))
        )

    def to_yaml(self) -> str:
        data: dict[str, Any] = {}
        for env, release in self._releases.items():
            entry: dict[str, Any] = {"image_tag": release.image_tag}
            state = release.blue_green
            if state != BlueGreenState():
                entry["blue_green"] = {"active": state.active, "image_tags": dict(sorted(state.image_tags.items()))}
            data[env] = entry
        return HEADER + yaml.safe_dump(data, sort_keys=False, default_flow_style=False)

    def save(self, path: Path | str | None = None) -> Path:
        target = Path(path or self.path or "releases.yaml")
        temporary = target.with_name(f".{target.name}.tmp")
        temporary.write_text(self.to_yaml(), encoding="utf-8")
        temporary.replace(target)
        return target


def _parse(where: str, value: object) -> Release:
    if not isinstance(value, dict):
        raise ConfigError(where, value, "a mapping with image_tag (and blue_green)")
    unknown = sorted(set(value) - {"image_tag", "blue_green"})
    if unknown:
        raise ConfigError(f"{where}.{unknown[0]}", value[unknown[0]], "known keys are image_tag and blue_green")
    tag = value.get("image_tag")
    if not isinstance(tag, str) or not tag:
        raise ConfigError(f"{where}.image_tag", tag, "an image tag (quote it if YAML would read it as a number)")
    bg = value.get("blue_green") or {}
    if not isinstance(bg, dict) or set(bg) - {"active", "image_tags"}:
        raise ConfigError(f"{where}.blue_green", bg, "a mapping with active and image_tags")
    tags = bg.get("image_tags") or {}
    if not isinstance(tags, dict) or not all(isinstance(t, str) for t in tags.values()):
        raise ConfigError(f"{where}.blue_green.image_tags", tags, "colour: tag pairs")
    try:
        state = BlueGreenState(active=bg.get("active", "blue"), image_tags={str(k): v for k, v in tags.items()})
    except ConfigError as error:
        raise ConfigError(f"{where}.{error.field}", error.value, error.allowed) from None
    return Release(image_tag=tag, blue_green=state)
