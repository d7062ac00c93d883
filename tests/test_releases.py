"""The releases file: what CI bumps and the CLI flips, validated when read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cdk8s_webservice import BlueGreenState, ConfigError, Releases
from charts.environments import RELEASES_FILE, load_environments


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "releases.yaml"
    path.write_text(text)
    return path


def test_committed_file_round_trips_byte_for_byte() -> None:
    assert Releases.load(RELEASES_FILE).to_yaml() == RELEASES_FILE.read_text()


def test_set_image_on_blue_green_goes_to_the_preview_colour(tmp_path) -> None:
    releases = Releases.load(RELEASES_FILE).set_image("staging", "v1.6.0", blue_green=True)
    release = releases.get("staging")
    assert release.blue_green.active == "blue"
    assert dict(release.blue_green.image_tags) == {"blue": "v1.5.0-rc.2", "green": "v1.6.0"}


def test_set_image_elsewhere_sets_the_tag() -> None:
    assert (
        Releases.load(RELEASES_FILE).set_image("production", "v1.4.3", blue_green=False).get("production").image_tag
        == "v1.4.3"
    )


def test_flip_twice_is_the_identity() -> None:
    releases = Releases.load(RELEASES_FILE)
    flipped = releases.flip("staging")
    assert flipped.get("staging").blue_green.active == "green"
    assert flipped.flip("staging").to_yaml() == releases.to_yaml()


def test_save_then_load(tmp_path) -> None:
    path = tmp_path / "releases.yaml"
    releases = Releases.load(RELEASES_FILE).flip("staging")
    releases.save(path)
    assert Releases.load(path).get("staging").blue_green == BlueGreenState(
        active="green", image_tags={"blue": "v1.5.0-rc.2", "green": "v1.5.0-rc.1"}
    )


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "staging:\n  image_tag: v1\n  colour: blue\n",
            "releases.yaml: staging.colour: 'blue' is not allowed; known keys are image_tag and blue_green",
        ),
        (
            "staging:\n  image_tag: 1.5\n",
            "releases.yaml: staging.image_tag: 1.5 is not allowed; an image tag (quote it",
        ),
        (
            "staging:\n  image_tag: v1\n  blue_green:\n    active: red\n",
            "releases.yaml: staging.blue_green.active: 'red' is not allowed; one of: blue, green",
        ),
        (
            "staging:\n  image_tag: v1\n  blue_green:\n    image_tags: {purple: v1}\n",
            "releases.yaml: staging.blue_green.image_tags: 'purple' is not allowed",
        ),
        ("- staging\n", "releases.yaml: 'list' is not allowed"),
        ("staging: [\n", "releases file:"),
    ],
)
def test_bad_releases_file(tmp_path, text, message) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        Releases.load(write(tmp_path, text))


def test_a_latest_tag_for_production_fails_when_the_profiles_load(tmp_path) -> None:
    text = RELEASES_FILE.read_text().replace("image_tag: v1.4.2", "image_tag: latest")
    with pytest.raises(
        ConfigError, match=re.escape("production.image_tag: 'latest' is not allowed; this environment pins image tags")
    ):
        load_environments(write(tmp_path, text))


def test_a_missing_environment_is_named(tmp_path) -> None:
    with pytest.raises(
        ConfigError, match=re.escape("releases.yaml: staging: None is not allowed; a release entry; known: development")
    ):
        load_environments(write(tmp_path, "development:\n  image_tag: dev-1\n"))
