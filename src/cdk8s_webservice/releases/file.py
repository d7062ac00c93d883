"""The releases file: every environment's release history, read and written.

    staging:
    - revision: 3
      image_tag: v1.6.0
      status: pending          # recorded, on the preview colour, not yet live
      colour: green
    - revision: 2
      image_tag: v1.5.0
      status: live
      colour: blue

Reading is strict (duplicate keys, types, encoding, unknown keys are refused with
the file, field and value); writing is deterministic (the project's one YAML
writer), atomic and keeps the file's mode. The history itself, and the
transitions the release commands make on it, are in `release_history`.

Longer than most modules: strict reading (duplicate keys, types, encoding) and the reader of the format before histories live with the format they read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from cdk8s_webservice.core import yaml_emitter
from cdk8s_webservice.core.errors import ConfigError, NotFound
from cdk8s_webservice.core.yaml_limits import load_bounded
from cdk8s_webservice.delivery.strategy import COLOURS, BlueGreenState

from .history import HISTORY_LIMIT, Release, ReleaseHistory, ReleaseStatus, Transition

__all__ = [
    "HISTORY_LIMIT",
    "Release",
    "ReleaseHistory",
    "ReleaseStatus",
    "Releases",
    "Transition",
    "check_writable",
    "dropped_comments",
]

HEADER = """\
# Release history per environment, newest first; exactly one release is live.
# Written by `cdk8s-webservice set-image|promote|rollback|deploy` (CI runs them);
# `make synth` reads it. `cdk8s-webservice history -e ENV` shows it as a table.
"""


class Releases:
    """Environment name -> `ReleaseHistory`, read from and written to one YAML file."""

    def __init__(self, histories: Mapping[str, ReleaseHistory], path: Path | None = None) -> None:
        self._histories = dict(histories)
        self.path = path

    @property
    def environments(self) -> list[str]:
        return list(self._histories)

    @classmethod
    def load(cls, path: Path | str) -> Releases:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise NotFound(
                "releases file",
                str(path),
                "does not exist",
                "start it with `cdk8s-webservice releases init -e ENV TAG` (format: docs/releases.md)",
            ) from None
        except IsADirectoryError:
            raise ConfigError("releases file", str(path), "a file, not a folder") from None
        except PermissionError:
            raise ConfigError("releases file", str(path), "a file this user can read") from None
        except UnicodeDecodeError as error:
            raise ConfigError("releases file", str(path), f"UTF-8 text (byte {error.start} is not)") from None
        return cls.parse(text, path)

    @classmethod
    def parse(cls, text: str, path: Path | None = None) -> Releases:
        name = path.name if path else "releases"
        try:
            data = load_bounded(text, _StrictLoader, "releases file", str(path or name))
        except yaml.YAMLError as error:
            raise ConfigError("releases file", str(path or name), f"valid YAML ({_one_line(error)})") from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ConfigError(name, type(data).__name__, "a mapping of environment name to release history")
        histories = {}
        for env, value in data.items():
            if not isinstance(env, str) or not env:
                raise ConfigError(f"{name}: environment", env, "an environment name (a string)")
            histories[env] = _parse_history(f"{name}: {env}", env, value)
        return cls(histories, path)

    def get(self, environment: str) -> ReleaseHistory:
        try:
            return self._histories[environment]
        except KeyError:
            where = self.path.name if self.path else "releases"
            raise ConfigError(
                f"{where}: {environment}",
                None,
                f"a release entry; known: {', '.join(self._histories) or 'none'} "
                f"(start one: cdk8s-webservice releases init -e {environment} TAG)",
            ) from None

    def check_environments(self, names: Iterable[str]) -> None:
        """Refuse entries for environments the project does not have (a typo there
        would otherwise be silently ignored)."""
        known = list(names)
        for env in self._histories:
            if env not in known:
                where = self.path.name if self.path else "releases"
                raise ConfigError(f"{where}: {env}", env, f"an environment of the project: {', '.join(known)}")

    def with_history(self, history: ReleaseHistory) -> Releases:
        return Releases({**self._histories, history.environment: history}, self.path)

    def to_yaml(self) -> str:
        data: dict[str, Any] = {}
        for env, history in self._histories.items():
            entries = []
            for r in history.releases:
                entry: dict[str, Any] = {"revision": r.revision, "image_tag": r.image_tag, "status": r.status.value}
                if r.colour is not None:
                    entry["colour"] = r.colour
                if r.description:
                    entry["description"] = r.description
                if r.restores is not None:
                    entry["restores"] = r.restores
                entries.append(entry)
            data[env] = entries
        return HEADER + yaml_emitter.dump(data)

    def save(self, path: Path | str | None = None) -> Path:
        """Write atomically (temporary file, then rename), keeping the file's mode; a
        symlink's target is rewritten (the link stays). A read-only file is refused:
        someone froze releases on purpose. The file is written whole: comments other
        than the header are not kept (`dropped_comments` counts them first)."""
        target = Path(path or self.path or "releases.yaml")
        if target.is_symlink():  # the file it points to is rewritten, the link kept
            target = Path(os.path.realpath(target))
        check_writable(target)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        try:
            try:
                with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(self.to_yaml())
            except OSError as error:  # a write's error names no file (a full disk): name it
                if error.filename is not None or error.errno is None:
                    raise
                raise OSError(error.errno, error.strerror, str(target)) from None
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return target


def dropped_comments(path: Path) -> int:
    """Comment lines of the releases file at `path` that a `save` does not write back
    (the header's are written again); 0 when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 0
    header = set(HEADER.splitlines())
    return sum(1 for line in text.splitlines() if "#" in line and line.strip() not in header and _comment(line))


def _comment(line: str) -> bool:
    """Whether `line` has a YAML comment (a `#` at its start or after a space, outside quotes)."""
    stripped = line.lstrip()
    if stripped.startswith("#"):
        return True
    quote = None
    for index, char in enumerate(line):
        if quote is not None:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and index > 0 and line[index - 1] in " \t":
            return True
    return False


def check_writable(path: Path) -> None:
    """Refuse (ConfigError) a releases file, or its folder, that cannot be rewritten."""
    if path.exists():
        mode = path.stat().st_mode
        if not (mode & stat.S_IWUSR) or not os.access(path, os.W_OK):
            raise ConfigError(
                "releases file", str(path), f"a writable file; it is read-only (mode {stat.S_IMODE(mode):04o})"
            )
    folder = path.parent
    mode = folder.stat().st_mode
    if not (mode & stat.S_IWUSR) or not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(
            "releases file",
            str(path),
            f"a file in a writable folder; {folder} is read-only (mode {stat.S_IMODE(mode):04o})",
        )


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing duplicate keys (it would keep the last silently)."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"a key that is not a plain value (line {key_node.start_mark.line + 1})",
                key_node.start_mark,
            ) from None
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {key_node.start_mark.line + 1})", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _one_line(error: yaml.YAMLError) -> str:
    return " ".join(str(error).split())


_KEYS = ("revision", "image_tag", "status", "colour", "description", "restores")
_INT32_MAX = 2**31 - 1


def _parse_history(where: str, environment: str, value: object) -> ReleaseHistory:
    if isinstance(value, dict):
        return _parse_legacy(where, environment, value)
    if not isinstance(value, list) or not value:
        raise ConfigError(where, value, "a list of releases (revision, image_tag, status), newest first")
    releases = []
    for index, item in enumerate(value):
        at = f"{where}[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(at, item, "a mapping with revision, image_tag and status")
        unknown = sorted(set(item) - set(_KEYS), key=str)
        if unknown:
            raise ConfigError(f"{at}.{unknown[0]}", item[unknown[0]], f"known keys are {', '.join(_KEYS)}")
        revision = item.get("revision")
        if type(revision) is not int or not 1 <= revision <= _INT32_MAX:
            raise ConfigError(f"{at}.revision", revision, f"a whole number from 1 to {_INT32_MAX}")
        tag = item.get("image_tag")
        if not isinstance(tag, str) or not tag:
            raise ConfigError(f"{at}.image_tag", tag, "an image tag (quote it if YAML would read it as a number)")
        try:
            status = ReleaseStatus(item.get("status"))
        except ValueError:
            raise ConfigError(
                f"{at}.status", item.get("status"), f"one of: {', '.join(s.value for s in ReleaseStatus)}"
            ) from None
        colour = item.get("colour")
        if colour is not None and colour not in COLOURS:
            raise ConfigError(f"{at}.colour", colour, f"one of: {', '.join(COLOURS)}")
        description = item.get("description", "")
        if not isinstance(description, str):
            raise ConfigError(f"{at}.description", description, "text")
        restores = item.get("restores")
        if restores is not None and (type(restores) is not int or not 1 <= restores < revision):
            raise ConfigError(f"{at}.restores", restores, f"an earlier revision (1 to {revision - 1})")
        releases.append(Release(revision, tag, status, colour, description, restores))
    try:
        return ReleaseHistory(environment, tuple(releases))
    except ConfigError as error:
        raise ConfigError(f"{where.split(': ')[0]}: {error.field}", error.value, error.allowed) from None


def _parse_legacy(where: str, environment: str, value: dict[Any, Any]) -> ReleaseHistory:
    """The format before histories (`image_tag`, optional `blue_green`), read so an
    existing file keeps working; it is written back as a history."""
    unknown = sorted(set(value) - {"image_tag", "blue_green"}, key=str)
    if unknown:
        raise ConfigError(
            f"{where}.{unknown[0]}", value[unknown[0]], "a list of releases (or image_tag and blue_green)"
        )
    tag = value.get("image_tag")
    if not isinstance(tag, str) or not tag:
        raise ConfigError(f"{where}.image_tag", tag, "an image tag (quote it if YAML would read it as a number)")
    bg = value.get("blue_green")
    if bg is None:
        return ReleaseHistory(environment, (Release(1, tag, ReleaseStatus.LIVE, description="imported"),))
    if not isinstance(bg, dict) or set(bg) - {"active", "image_tags"}:
        raise ConfigError(f"{where}.blue_green", bg, "a mapping with active and image_tags")
    tags = bg.get("image_tags") or {}
    if not isinstance(tags, dict) or not all(isinstance(t, str) for t in tags.values()):
        raise ConfigError(f"{where}.blue_green.image_tags", tags, "colour: tag pairs")
    try:
        state = BlueGreenState(active=bg.get("active", "blue"), image_tags={str(k): v for k, v in tags.items()})
    except ConfigError as error:
        raise ConfigError(f"{where}.{error.field}", error.value, error.allowed) from None
    live = Release(2, state.tag(state.active, tag), ReleaseStatus.LIVE, state.active, "imported")
    other = state.tag(state.preview, tag)
    if other == live.image_tag:
        return ReleaseHistory(environment, (replace(live, revision=1),))
    return ReleaseHistory(environment, (live, Release(1, other, ReleaseStatus.SUPERSEDED, state.preview, "imported")))
