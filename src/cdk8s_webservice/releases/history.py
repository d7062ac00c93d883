"""One environment's release history and the transitions on it (no file I/O).

Newest first, like `helm history`. Statuses: `live` (exactly one), `pending`
(blue-green: on the preview colour, waiting for `promote`; at most one),
`superseded` (was live, replaced by a newer release), `rolled-back` (was live,
and a rollback left it: a later rollback never goes forward to it), `abandoned`
(was pending, replaced before it went live).

The commands are state transitions, never toggles: `record` (set-image),
`promote`, `rollback`. A rollback appends a new revision that runs the earlier
release's image, as `helm rollback` does, so revisions only ever grow and the
history reads as a log. `colour` is kept for blue-green environments: the live
release's colour serves traffic; the other colour runs the pending release, else
the release most recently displaced from live.

Longer than most modules: the history's invariants and its three transitions (record, promote, rollback) check each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.keywords import public
from cdk8s_webservice.delivery.strategy import COLOURS, BlueGreenState

HISTORY_LIMIT = 30
"""Releases kept per environment (the live and pending ones are always kept)."""


class ReleaseStatus(enum.Enum):
    """Where one release stands."""

    PENDING = "pending"
    LIVE = "live"
    SUPERSEDED = "superseded"
    ROLLED_BACK = "rolled-back"
    ABANDONED = "abandoned"


@public
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
    restores: int | None = None
    """A rollback: the revision whose image it runs again. The history before that
    revision is what a further rollback may go back to."""

    @property
    def position(self) -> int:
        """Where this release stands in the order of releases: a rollback stands where
        the release it restores stood."""
        return self.restores if self.restores is not None else self.revision


@dataclass(frozen=True)
class Transition:
    """The result of a release command: the new history and what changed."""

    history: ReleaseHistory
    message: str
    changed: bool


@public
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
        """Live colour, and the image each colour runs: the live release's on its
        colour; on the other, the newest release recorded on it (the pending one, or
        whatever last ran there), else the live image."""
        live = self.live
        active = live.colour or COLOURS[0]
        preview = _other(active)
        on_preview = next((r for r in self.releases if r.colour == preview), None)
        tags = {active: live.image_tag, preview: (on_preview or live).image_tag}
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
        if pending is not None and pending.image_tag == tag:
            return Transition(self, f"{tag} is already pending (revision {pending.revision}): nothing to do", False)
        if live.image_tag == tag:
            waiting = f"; {pending.image_tag} stays pending" if pending is not None else ""
            return Transition(self, f"{tag} is already live (revision {live.revision}): nothing to do{waiting}", False)
        if not blue_green:
            # A release pending from when the environment was blue-green never went live.
            stale = [(pending.revision, ReleaseStatus.ABANDONED)] if pending is not None else []
            new = Release(self._next_revision(), tag, ReleaseStatus.LIVE, description="set-image")
            history = self._with((live.revision, ReleaseStatus.SUPERSEDED), *stale, new=new)
            return Transition(history, f"revision {new.revision}: {tag} is live (was {live.image_tag})", True)
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
        # Earlier than where the live release stands (a rollback stands where the release
        # it restored stood), so a rollback never goes forward.
        earlier = [r for r in self.releases if r.position < live.position and r.image_tag != live.image_tag]
        earlier.sort(key=lambda r: r.position, reverse=True)
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
        rolled-back. Blue-green: where the other colour already runs the earlier
        release, that colour goes live (an instant switch); otherwise the live colour
        is rolled to it in place (a rolling update: no traffic ever reaches a colour
        while its pods are being replaced)."""
        live, pending = self.live, self.pending
        target = self.rollback_target(to)
        colour = None
        if blue_green:
            state = self.blue_green
            colour = state.preview if state.tag(state.preview, "") == target.image_tag and pending is None else None
            colour = colour or state.active
        new = Release(
            self._next_revision(),
            target.image_tag,
            ReleaseStatus.LIVE,
            colour,
            f"rollback to {target.revision}",
            restores=target.position,
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
