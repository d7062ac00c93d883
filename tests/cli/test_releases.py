"""The releases file: a history per environment, and release commands that are state
transitions (record, promote, rollback), validated when read."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from conftest import RELEASES_FILE, load_environments

from cdk8s_webservice import ConfigError, Releases
from cdk8s_webservice.releases.file import HISTORY_LIMIT, Release, ReleaseHistory
from cdk8s_webservice.releases.history import ReleaseStatus

LIVE, PENDING, SUPERSEDED, ROLLED_BACK, ABANDONED = (
    ReleaseStatus.LIVE,
    ReleaseStatus.PENDING,
    ReleaseStatus.SUPERSEDED,
    ReleaseStatus.ROLLED_BACK,
    ReleaseStatus.ABANDONED,
)


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "releases.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def one(tag: str = "v1") -> ReleaseHistory:
    return ReleaseHistory("production", (Release(1, tag, LIVE),))


def statuses(history: ReleaseHistory) -> list[tuple[int, str, str]]:
    return [(r.revision, r.image_tag, r.status.value) for r in history.releases]


def test_committed_file_round_trips_byte_for_byte() -> None:
    assert Releases.load(RELEASES_FILE).to_yaml() == RELEASES_FILE.read_text()


def test_the_committed_staging_state() -> None:
    staging = Releases.load(RELEASES_FILE).get("staging")
    assert staging.live.image_tag == "v1.5.0-rc.2" and staging.pending is None
    assert staging.blue_green.active == "blue"
    assert dict(staging.blue_green.image_tags) == {"blue": "v1.5.0-rc.2", "green": "v1.5.0-rc.1"}


def test_the_format_before_histories_is_read_as_a_history(tmp_path: Path) -> None:
    old = (
        "development:\n  image_tag: dev-1\n"
        "staging:\n  image_tag: v2\n  blue_green:\n    active: green\n    image_tags: {blue: v1, green: v2}\n"
    )
    releases = Releases.load(write(tmp_path, old))
    assert statuses(releases.get("development")) == [(1, "dev-1", "live")]
    staging = releases.get("staging")
    assert statuses(staging) == [(2, "v2", "live"), (1, "v1", "superseded")]
    assert staging.blue_green.active == "green" and staging.blue_green.image_tags["blue"] == "v1"


# -- rolling and canary: a release is live at once -------------------------------


def test_record_makes_the_new_tag_live_and_supersedes_the_old() -> None:
    step = one("v1").record("v2", blue_green=False)
    assert step.changed and statuses(step.history) == [(2, "v2", "live"), (1, "v1", "superseded")]
    assert step.history.image_tag == "v2"


def test_recording_the_live_tag_again_changes_nothing() -> None:
    step = one("v1").record("v1", blue_green=False)
    assert not step.changed and "already live" in step.message
    assert step.history == one("v1")


def test_promote_with_nothing_pending_changes_nothing() -> None:
    step = one("v1").record("v2", blue_green=False).history.promote()
    assert not step.changed
    assert step.message == "nothing pending: v2 (revision 2) stays live"


def test_rollback_goes_back_and_a_second_rollback_goes_further_back() -> None:
    history = one("v1")
    for tag in ("v2", "v3"):
        history = history.record(tag, blue_green=False).history
    first = history.rollback(blue_green=False)
    assert first.history.image_tag == "v2"
    assert statuses(first.history)[:2] == [(4, "v2", "live"), (3, "v3", "rolled-back")]
    assert first.history.live.description == "rollback to 2"
    second = first.history.rollback(blue_green=False)
    assert second.history.image_tag == "v1"  # further back, never forward to v3
    with pytest.raises(ConfigError, match=re.escape("rollback: 'production' is not allowed; an earlier release")):
        second.history.rollback(blue_green=False)  # v2 and v3 were both rolled back


def test_a_tag_redeployed_after_its_rollback_is_a_rollback_target_again() -> None:
    history = one("v1").record("v2", blue_green=False).history
    history = history.rollback(blue_green=False).history  # v2 bad
    history = history.record("v2", blue_green=False).history  # fixed and released again
    history = history.record("v3", blue_green=False).history
    assert history.rollback(blue_green=False).history.image_tag == "v2"


def test_rollback_to_a_given_earlier_release() -> None:
    history = one("v1")
    for tag in ("v2", "v3", "v4"):
        history = history.record(tag, blue_green=False).history
    step = history.rollback("v1", blue_green=False)
    assert step.history.image_tag == "v1" and step.history.live.description == "rollback to 1"


@pytest.mark.parametrize(
    "to, message",
    [
        ("v9", "--to: 'v9' is not allowed; a release earlier than the live one in production's history: v1"),
        ("v2", "--to: 'v2' is not allowed; an earlier release; v2 is live now (revision 2)"),
    ],
)
def test_rollback_to_a_tag_the_history_does_not_hold_is_refused(to: str, message: str) -> None:
    history = one("v1").record("v2", blue_green=False).history
    with pytest.raises(ConfigError, match=re.escape(message)):
        history.rollback(to, blue_green=False)


def test_rollback_with_no_earlier_release_is_refused() -> None:
    with pytest.raises(
        ConfigError, match=re.escape("an earlier release to go back to; v1 (revision 1) is the oldest good one")
    ):
        one("v1").rollback(blue_green=False)


def test_the_history_is_bounded_but_keeps_the_live_release() -> None:
    history = one("v0")
    for n in range(1, HISTORY_LIMIT + 10):
        history = history.record(f"v{n}", blue_green=False).history
    assert len(history.releases) == HISTORY_LIMIT
    assert history.releases[0].status is LIVE and history.releases[0].revision == HISTORY_LIMIT + 10


# -- blue-green: pending on the preview colour, then promote ------------------------


def staging() -> ReleaseHistory:
    return Releases.load(RELEASES_FILE).get("staging")


def test_promote_on_the_committed_state_never_puts_the_older_release_live() -> None:
    step = staging().promote()
    assert not step.changed and step.history.image_tag == "v1.5.0-rc.2"


def test_set_image_on_blue_green_is_pending_on_the_preview_colour() -> None:
    step = staging().record("v1.6.0", blue_green=True)
    history = step.history
    assert history.pending is not None and history.pending.colour == "green"
    assert history.image_tag == "v1.5.0-rc.2"  # live traffic untouched until promote
    assert dict(history.blue_green.image_tags) == {"blue": "v1.5.0-rc.2", "green": "v1.6.0"}
    assert history.blue_green.active == "blue"


def test_a_second_set_image_before_promote_abandons_the_first() -> None:
    history = staging().record("v1.6.0", blue_green=True).history.record("v1.6.1", blue_green=True).history
    assert statuses(history)[:2] == [(4, "v1.6.1", "pending"), (3, "v1.6.0", "abandoned")]
    assert not history.record("v1.6.1", blue_green=True).changed  # a retried CI step is harmless


def test_promote_then_rollback_then_rollback_again() -> None:
    history = staging().record("v1.6.0", blue_green=True).history
    promoted = history.promote().history
    assert promoted.blue_green.active == "green" and promoted.image_tag == "v1.6.0"
    assert dict(promoted.blue_green.image_tags) == {"blue": "v1.5.0-rc.2", "green": "v1.6.0"}
    assert not promoted.promote().changed  # promoting twice: nothing pending the second time
    back = promoted.rollback(blue_green=True).history
    # The colour that holds the previous release goes live; the bad one stays on preview.
    assert back.blue_green.active == "blue" and back.image_tag == "v1.5.0-rc.2"
    assert dict(back.blue_green.image_tags) == {"blue": "v1.5.0-rc.2", "green": "v1.6.0"}
    again = back.rollback(blue_green=True).history
    # The other colour runs the bad v1.6.0: blue is rolled to rc.1 in place instead of
    # sending traffic to green while its pods are replaced.
    assert again.image_tag == "v1.5.0-rc.1" and again.blue_green.active == "blue"
    assert dict(again.blue_green.image_tags) == {"blue": "v1.5.0-rc.1", "green": "v1.6.0"}
    with pytest.raises(ConfigError, match="an earlier release to go back to"):
        again.rollback(blue_green=True)


def test_rollback_with_a_pending_release_abandons_it() -> None:
    history = staging().record("v1.6.0", blue_green=True).history.promote().history
    history = history.record("v1.7.0", blue_green=True).history
    back = history.rollback(blue_green=True).history
    assert back.pending is None and back.image_tag == "v1.5.0-rc.2"
    assert [r.status for r in back.releases if r.image_tag == "v1.7.0"] == [ABANDONED]


def test_table_marks_the_live_release() -> None:
    table = staging().record("v1.6.0", blue_green=True).history.table()
    assert table.splitlines() == [
        "REVISION  IMAGE        STATUS      COLOUR  DESCRIPTION",
        "3         v1.6.0       pending     green   set-image",
        "2         v1.5.0-rc.2  live *      blue    imported",
        "1         v1.5.0-rc.1  superseded  green   imported",
    ]


# -- reading and writing the file ---------------------------------------------------


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "releases.yaml"
    releases = Releases.load(RELEASES_FILE)
    releases = releases.with_history(releases.get("staging").record("v1.6.0", blue_green=True).history)
    releases.save(path)
    assert Releases.load(path).get("staging") == releases.get("staging")
    assert Releases.load(path).to_yaml() == path.read_text()


def test_save_keeps_the_file_mode(tmp_path: Path) -> None:
    path = write(tmp_path, RELEASES_FILE.read_text())
    path.chmod(0o640)
    Releases.load(path).save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["releases.yaml"]


def test_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = write(tmp_path, RELEASES_FILE.read_text())
    path.chmod(0o444)
    with pytest.raises(ConfigError, match=r"a writable file; it is read-only \(mode 0444\)"):
        Releases.load(path).save()
    assert path.read_text() == RELEASES_FILE.read_text()


ENTRY = "  - revision: 1\n    image_tag: v1\n    status: live\n"


@pytest.mark.parametrize(
    "text, message",
    [
        ("staging:\n" + ENTRY + "staging:\n" + ENTRY, "duplicate key 'staging' (line 5)"),
        (
            "staging:\n  - revision: 1\n    revision: 2\n    image_tag: v1\n    status: live\n",
            "duplicate key 'revision'",
        ),
        (
            "staging:\n  - revision: '1'\n    image_tag: v1\n    status: live\n",
            "staging[0].revision: '1' is not allowed",
        ),
        (
            "staging:\n  - revision: true\n    image_tag: v1\n    status: live\n",
            "staging[0].revision: True is not allowed",
        ),
        (
            "staging:\n  - revision: 1\n    image_tag: 1.5\n    status: live\n",
            "staging[0].image_tag: 1.5 is not allowed",
        ),
        ("staging:\n  - revision: 1\n    image_tag: v1\n    status: up\n", "staging[0].status: 'up' is not allowed"),
        ("staging:\n" + ENTRY + "    colour: red\n", "staging[0].colour: 'red' is not allowed; one of: blue, green"),
        ("staging:\n" + ENTRY + "    when: now\n", "staging[0].when: 'now' is not allowed; known keys are"),
        ("staging:\n  - revision: 1\n    image_tag: v1\n    status: superseded\n", "exactly one live release"),
        ("staging:\n" + ENTRY + "  - revision: 2\n    image_tag: v2\n    status: live\n", "newest (highest revision)"),
        (
            "staging:\n  - revision: 2\n    image_tag: v2\n    status: live\n"
            "  - revision: 1\n    image_tag: v1\n    status: pending\n    colour: green\n",
            "at most one pending release, newer than the live one",
        ),
        ("staging: []\n", "staging: [] is not allowed; a list of releases"),
        ("staging:\n  image_tag: v1\n  colour: blue\n", "staging.colour: 'blue' is not allowed"),
        ("- staging\n", "releases.yaml: 'list' is not allowed"),
        ("1: \n" + ENTRY, "releases.yaml: environment: 1 is not allowed"),
        ("staging: [\n", "releases file:"),
    ],
)
def test_bad_releases_file(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Releases.load(write(tmp_path, text))


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, b"staging:\n  - revision: 1\n    image_tag: v\xe91\n    status: live\n")
    with pytest.raises(
        ConfigError, match=re.escape(f"releases file: '{path}' is not allowed; UTF-8 text (byte 41 is not)")
    ):
        Releases.load(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, RELEASES_FILE.read_text())
    path.chmod(0)
    with pytest.raises(ConfigError, match="a file this user can read"):
        Releases.load(path)


def test_an_environment_the_project_does_not_have_is_refused() -> None:
    releases = Releases.parse("staging:\n" + ENTRY + "qa:\n" + ENTRY, Path("releases.yaml"))
    with pytest.raises(
        ConfigError, match=re.escape("releases.yaml: qa: 'qa' is not allowed; an environment of the project: staging")
    ):
        releases.check_environments(["staging"])


def test_a_latest_tag_for_production_fails_when_the_profiles_load(tmp_path: Path) -> None:
    text = RELEASES_FILE.read_text().replace("image_tag: v1.4.2", "image_tag: latest")
    with pytest.raises(
        ConfigError, match=re.escape("production.image_tag: 'latest' is not allowed; this environment pins image tags")
    ):
        load_environments(write(tmp_path, text))


def test_a_missing_environment_is_named(tmp_path: Path) -> None:
    with pytest.raises(
        ConfigError,
        match=re.escape(
            "releases.yaml: staging: None is not allowed; a release entry; known: development "
            "(start one: cdk8s-webservice releases init -e staging TAG)"
        ),
    ):
        load_environments(write(tmp_path, "development:\n" + ENTRY))


def test_a_rollback_never_goes_forward_past_where_the_live_release_stands() -> None:
    """After `rollback --to` the oldest release, a plain rollback has nothing earlier:
    the releases recorded after it are not "back"."""
    history = one("v1")
    for tag in ("v2", "v3", "v4"):
        history = history.record(tag, blue_green=False).history
    history = history.rollback("v1", blue_green=False).history
    assert history.live.restores == 1
    with pytest.raises(ConfigError, match="an earlier release to go back to"):
        history.rollback(blue_green=False)


def test_set_image_of_the_live_tag_while_a_release_is_pending_changes_nothing() -> None:
    history = staging().record("v1.6.0", blue_green=True).history
    step = history.record("v1.5.0-rc.2", blue_green=True)
    assert not step.changed and step.history == history
    assert step.message.endswith("nothing to do; v1.6.0 stays pending")


def test_a_pending_release_left_from_blue_green_does_not_block_a_rolling_release() -> None:
    history = staging().record("v1.6.0", blue_green=True).history
    step = history.record("v1.7.0", blue_green=False)  # the environment is rolling now
    assert step.history.pending is None and step.history.image_tag == "v1.7.0"
    assert [r.status for r in step.history.releases if r.image_tag == "v1.6.0"] == [ABANDONED]


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "staging:\n  - revision: 18446744073709551615\n    image_tag: v1\n    status: live\n",
            "a whole number from 1",
        ),
        ("staging:\n" + ENTRY + "? [a]\n: x\n", "a key that is not a plain value (line 5)"),
        ("staging:\n  - revision: 2\n    image_tag: v1\n    status: live\n    restores: 2\n", "an earlier revision"),
    ],
)
def test_more_bad_releases_files(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Releases.load(write(tmp_path, text))
