"""The releases file: per environment, the history of its releases and which one is live.

The only values that change on every release live here, in a small YAML file
that CI and the CLI rewrite while synth reads it. Each environment keeps an
ordered history, newest first, like `helm history`:

    staging:
    - revision: 3
      image_tag: v1.6.0
      status: pending          # recorded, on the preview colour, not yet live
      colour: green
    - revision: 2
      image_tag: v1.5.0
      status: live
      colour: blue
    - revision: 1
      image_tag: v1.4.0
      status: superseded
      colour: green

Statuses: `live` (exactly one), `pending` (blue-green: on the preview colour,
waiting for `promote`; at most one), `superseded` (was live, replaced by a newer
release), `rolled-back` (was live, and a rollback left it: a later rollback never
goes forward to it), `abandoned` (was pending, replaced before it went live).

The commands are state transitions, never toggles (see `ReleaseHistory`):
`record` (set-image), `promote`, `rollback`. A rollback appends a new revision
that runs the earlier release's image, as `helm rollback` does, so revisions only
ever grow and the file reads as a log. `colour` is kept for blue-green
environments: the live release's colour serves traffic; the other colour runs
the pending release, else the release most recently displaced from live.
"""

from __future__ import annotations

import enum
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from . import yaml_emitter
from .delivery import COLOURS, BlueGreenState
from .errors import ConfigError

HEADER = """\
# Release history per environment, newest first; exactly one release is live.
# Written by `cdk8s-webservice set-image|promote|rollback|deploy` (CI runs them);
# `make synth` reads it. `cdk8s-webservice history -e ENV` shows it as a table.
"""
HISTORY_LIMIT = 30
"""Releases kept per environment (the live and pending ones are always kept)."""


class ReleaseStatus(enum.Enum):
    """Where one release stands."""

    PENDING = "pending"
    LIVE = "live"
    SUPERSEDED = "superseded"
    ROLLED_BACK = "rolled-back"
    ABANDONED = "abandoned"


_DISPLACED = (ReleaseStatus.SUPERSEDED, ReleaseStatus.ROLLED_BACK)


@dataclass(frozen=True)
class Release:
    """One recorded release of one environment."""

    revision: int
    """Increasing number: the order releases were recorded in."""
    image_tag: str
    """The image tag (or `sha256:` digest) this release runs."""
    status: ReleaseStatus
    """Live, pending, superseded, rolled back or abandoned."""
    colour: str | None = None
    """Blue-green environments: the colour the release runs on."""
    description: str = ""
    """How it came about (`set-image`, `rollback to 3`, ...)."""


@dataclass(frozen=True)
class Transition:
    """The result of a release command: the new history and what changed."""

    history: ReleaseHistory
    message: str
    changed: bool


@dataclass(frozen=True)
class ReleaseHistory:
    """One environment's releases, newest first, with exactly one live."""

    environment: str
    """The environment's name (used in messages)."""
    releases: tuple[Release, ...]
    """Newest (highest revision) first."""

    def __post_init__(self) -> None:
        where = self.environment
        if not self.releases:
            raise ConfigError(where, [], "a history with one live release")
        revisions = [r.revision for r in self.releases]
        if len(set(revisions)) != len(revisions):
            raise ConfigError(f"{where}.revision", revisions, "each revision appears once")
        if revisions != sorted(revisions, reverse=True):
            raise ConfigError(f"{where}.revision", revisions, "releases listed newest (highest revision) first")
        live = [r for r in self.releases if r.status is ReleaseStatus.LIVE]
        if len(live) != 1:
            raise ConfigError(f"{where}.status", [r.revision for r in live], "exactly one live release")
        pending = [r for r in self.releases if r.status is ReleaseStatus.PENDING]
        if len(pending) > 1 or (pending and pending[0].revision < live[0].revision):
            raise ConfigError(
                f"{where}.status", [r.revision for r in pending], "at most one pending release, newer than the live one"
            )
        if pending and (pending[0].colour is None or pending[0].colour == live[0].colour):
            raise ConfigError(
                f"{where}.{pending[0].revision}.colour",
                pending[0].colour,
                f"the colour that is not live ({_other(live[0].colour)})",
            )

    # -- what synth reads --------------------------------------------------
    @property
    def live(self) -> Release:
        return next(r for r in self.releases if r.status is ReleaseStatus.LIVE)

    @property
    def pending(self) -> Release | None:
        return next((r for r in self.releases if r.status is ReleaseStatus.PENDING), None)

    @property
    def image_tag(self) -> str:
        """The live release's image."""
        return self.live.image_tag

    @property
    def blue_green(self) -> BlueGreenState:
        """Live colour, and the image each colour runs: the preview colour runs the
        pending release, else the release most recently displaced from live."""
        live = self.live
        active = live.colour or COLOURS[0]
        preview = self.pending or next((r for r in self.releases if r.status in _DISPLACED), None)
        tags = {active: live.image_tag, _other(active): (preview or live).image_tag}
        return BlueGreenState(active=active, image_tags=tags)

    # -- transitions -------------------------------------------------------
    def _next_revision(self) -> int:
        return self.releases[0].revision + 1

    def _with(self, *changes: tuple[int, ReleaseStatus], new: Release | None = None) -> ReleaseHistory:
        statuses = dict(changes)
        releases = [replace(r, status=statuses.get(r.revision, r.status)) for r in self.releases]
        if new is not None:
            releases.insert(0, new)
        return ReleaseHistory(self.environment, _trim(releases))

    def record(self, tag: str, *, blue_green: bool) -> Transition:
        """A new release. Blue-green: pending on the preview colour (live traffic is
        untouched until `promote`). Otherwise it is live at once (ArgoCD syncs it;
        the Deployment or Flagger rolls it out)."""
        live, pending = self.live, self.pending
        if not blue_green:
            if live.image_tag == tag:
                return Transition(self, f"{tag} is already live (revision {live.revision}): nothing to do", False)
            new = Release(self._next_revision(), tag, ReleaseStatus.LIVE, description="set-image")
            history = self._with((live.revision, ReleaseStatus.SUPERSEDED), new=new)
            return Transition(history, f"revision {new.revision}: {tag} is live (was {live.image_tag})", True)
        if pending is not None and pending.image_tag == tag:
            return Transition(self, f"{tag} is already pending (revision {pending.revision}): nothing to do", False)
        if pending is None and live.image_tag == tag:
            return Transition(self, f"{tag} is already live (revision {live.revision}): nothing to do", False)
        colour = _other(live.colour or COLOURS[0])
        new = Release(self._next_revision(), tag, ReleaseStatus.PENDING, colour, "set-image")
        changes = [(pending.revision, ReleaseStatus.ABANDONED)] if pending is not None else []
        history = self._with(*changes, new=new)
        history = _with_live_colour(history)
        return Transition(
            history,
            f"revision {new.revision}: {tag} is pending on {colour}; {live.image_tag} stays live on "
            f"{live.colour or COLOURS[0]} until promote",
            True,
        )

    def promote(self) -> Transition:
        """The pending release goes live. Nothing pending: nothing changes."""
        live, pending = self.live, self.pending
        if pending is None:
            return Transition(self, f"nothing pending: {live.image_tag} (revision {live.revision}) stays live", False)
        history = self._with((live.revision, ReleaseStatus.SUPERSEDED), (pending.revision, ReleaseStatus.LIVE))
        colour = f" on {pending.colour}" if pending.colour else ""
        return Transition(
            history, f"revision {pending.revision}: {pending.image_tag} is live{colour} (was {live.image_tag})", True
        )

    def rollback_target(self, to: str | None = None) -> Release:
        """The release a rollback makes live: `to`'s newest earlier revision, or by
        default the newest earlier release that was live and was not itself rolled
        back. Refused (ConfigError) when there is none."""
        live = self.live
        earlier = [r for r in self.releases if r.revision < live.revision and r.image_tag != live.image_tag]
        # A release whose image was rolled back later is bad: never go "back" to it.
        rolled_back = [r for r in self.releases if r.status is ReleaseStatus.ROLLED_BACK]

        def bad(release: Release) -> Release | None:
            return next(
                (r for r in rolled_back if r.image_tag == release.image_tag and r.revision >= release.revision), None
            )

        if to is not None:
            matches = [r for r in earlier if r.image_tag == to]
            if matches:
                when = bad(matches[0])
                if when is not None:
                    raise ConfigError(
                        "--to",
                        to,
                        f"a release that was not rolled back (revision {when.revision} was); "
                        "to release it again, use set-image",
                    )
                return matches[0]
            if to == live.image_tag:
                raise ConfigError("--to", to, f"an earlier release; {to} is live now (revision {live.revision})")
            known = ", ".join(dict.fromkeys(r.image_tag for r in earlier)) or "none"
            raise ConfigError(
                "--to", to, f"a release earlier than the live one in {self.environment}'s history: {known}"
            )
        for release in earlier:
            if release.status is ReleaseStatus.SUPERSEDED and bad(release) is None:
                return release
        raise ConfigError(
            "rollback",
            self.environment,
            f"an earlier release to go back to; {live.image_tag} (revision {live.revision}) is the oldest good one "
            "in the history (use set-image to roll forward)",
        )

    def rollback(self, to: str | None = None, *, blue_green: bool) -> Transition:
        """Back to an earlier release, as a new revision; the live one is marked
        rolled-back. Blue-green: the earlier release goes to the non-live colour
        (which usually runs it already), and that colour goes live."""
        live, pending = self.live, self.pending
        target = self.rollback_target(to)
        colour = _other(live.colour or COLOURS[0]) if blue_green else None
        new = Release(
            self._next_revision(), target.image_tag, ReleaseStatus.LIVE, colour, f"rollback to {target.revision}"
        )
        changes = [(live.revision, ReleaseStatus.ROLLED_BACK)]
        if pending is not None:
            changes.append((pending.revision, ReleaseStatus.ABANDONED))
        history = self._with(*changes, new=new)
        where = f" on {colour}" if colour else ""
        return Transition(
            history,
            f"revision {new.revision}: {target.image_tag} is live{where} again (rolled back from {live.image_tag}, "
            f"revision {live.revision})",
            True,
        )

    def table(self) -> str:
        """`helm history`-style rows, newest first."""
        rows = [("REVISION", "IMAGE", "STATUS", "COLOUR", "DESCRIPTION")]
        for r in self.releases:
            mark = " *" if r.status is ReleaseStatus.LIVE else ""
            rows.append((str(r.revision), r.image_tag, r.status.value + mark, r.colour or "-", r.description or "-"))
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows)


def _other(colour: str | None) -> str:
    return COLOURS[1 - COLOURS.index(colour or COLOURS[0])]


def _with_live_colour(history: ReleaseHistory) -> ReleaseHistory:
    """A history recorded before the environment was blue-green has no colour on
    its live release: it runs on the first colour."""
    live = history.live
    if live.colour is not None:
        return history
    releases = tuple(replace(r, colour=COLOURS[0]) if r is live else r for r in history.releases)
    return ReleaseHistory(history.environment, releases)


def _trim(releases: list[Release]) -> tuple[Release, ...]:
    keep = [r for r in releases if r.status in (ReleaseStatus.LIVE, ReleaseStatus.PENDING)]
    others = [r for r in releases if r not in keep][: max(HISTORY_LIMIT - len(keep), 0)]
    return tuple(sorted(keep + others, key=lambda r: r.revision, reverse=True))


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
            raise ConfigError("releases file", str(path), "an existing YAML file") from None
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
            data = yaml.load(text, Loader=_StrictLoader)
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
                f"{where}: {environment}", None, f"a release entry; known: {', '.join(self._histories) or 'none'}"
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
                entries.append(entry)
            data[env] = entries
        return HEADER + yaml_emitter.dump(data)

    def save(self, path: Path | str | None = None) -> Path:
        """Write atomically (temporary file, then rename), keeping the file's mode.
        A read-only file is refused: someone froze releases on purpose."""
        target = Path(path or self.path or "releases.yaml")
        check_writable(target)
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o644
        temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        try:
            with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(self.to_yaml())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return target


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
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {key_node.start_mark.line + 1})", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def _one_line(error: yaml.YAMLError) -> str:
    return " ".join(str(error).split())


_KEYS = ("revision", "image_tag", "status", "colour", "description")


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
        if type(revision) is not int or revision < 1:
            raise ConfigError(f"{at}.revision", revision, "a whole number from 1")
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
        releases.append(Release(revision, tag, status, colour, description))
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
