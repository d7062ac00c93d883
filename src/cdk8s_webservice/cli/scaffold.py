"""`cdk8s-webservice init NAME`: a new service project that synthesizes, passes its
own tests and the gate as it is.

    orders-api/
      main.py              the app (`python main.py` writes dist/)
      service.py           the chart: the service's constructs
      environments.py      staging and production profiles
      releases.yaml        each environment's first release (docs/releases.md)
      tests/               snapshot tests (syrupy), dist/ current, the gate on dist/
      Makefile             `make synth`, `make test` (they create .venv/ first)
      requirements.txt     this library (its installed minor version), pytest, syrupy
      pyproject.toml       where the `cdk8s-webservice` command finds the project
      .github/workflows/ci.yml, README.md, .gitignore

The files are the templates under `templates/service/`, with the service's name put
in; `releases.yaml` is written by `Releases`, so it is the format the commands read.
"""

from __future__ import annotations

import argparse
import keyword
from collections.abc import Callable
from pathlib import Path

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.names import check_dns_label
from cdk8s_webservice.profiles.environment import TagPolicy, check_image_tag
from cdk8s_webservice.releases.file import Releases

from .release_file import first_release

TEMPLATES = Path(__file__).parent / "templates" / "service"
# The project's files -> their templates.
FILES = {
    "main.py": "main.py.tmpl",
    "service.py": "service.py.tmpl",
    "environments.py": "environments.py.tmpl",
    "tests/conftest.py": "conftest.py.tmpl",
    "tests/test_manifests.py": "test_manifests.py.tmpl",
    "pyproject.toml": "pyproject.toml.tmpl",
    "requirements.txt": "requirements.txt.tmpl",
    "Makefile": "Makefile.tmpl",
    "README.md": "README.md.tmpl",
    ".gitignore": "gitignore.tmpl",
    ".github/workflows/ci.yml": "ci.yml.tmpl",
}
ENVIRONMENTS = ("staging", "production")
FIRST_TAG = "v0.1.0"
# Room for the longest name derived from the service's (`<name>-staging`, an Argo CD
# Application `<name>-production`, ConfigMaps, dashboards) within a DNS label's 63.
NAME_MAX = 40


def add_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    init = command("init", "create a new service project (app, chart, environments, releases, tests, CI)")
    init.add_argument("name", metavar="NAME", help="the service's name: a DNS-1123 label, e.g. orders-api")
    init.add_argument("--dir", metavar="DIR", help="the folder to create (default: ./NAME); new or empty")
    init.add_argument("--tag", default=FIRST_TAG, help=f"the image tag of the first release (default {FIRST_TAG})")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.dir if args.dir is not None else args.name).absolute()
    written = init(args.name, folder, args.tag)
    print(f"created {folder} ({len(written)} files): the service {args.name}, environments {', '.join(ENVIRONMENTS)}")
    print(f"first release: {args.tag} in each (releases.yaml; format: docs/releases.md)")
    print(f"next: cd {args.dir or args.name} && make synth && make test   (make creates .venv/ on first use)")
    return 0


def init(name: str, folder: Path, tag: str = FIRST_TAG) -> list[Path]:
    """Write the project for service `name` into `folder` (new or empty); the files written."""
    check_dns_label("NAME", name)
    if len(name) > NAME_MAX:
        raise ConfigError(
            "NAME", name, f"at most {NAME_MAX} characters (objects are named after it, within DNS labels' 63)"
        )
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ConfigError("--dir", str(folder), "a new or empty folder (init writes a whole project)")
    check_image_tag("--tag", tag, TagPolicy.PINNED)
    values = {"{{name}}": name, "{{Class}}": class_name(name), "{{requirement}}": requirement()}
    written = []
    for target, template in FILES.items():
        text = (TEMPLATES / template).read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        path = folder / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    releases = Releases({env: first_release(env, tag) for env in ENVIRONMENTS})
    written.append(releases.save(folder / "releases.yaml"))
    return written


def class_name(name: str) -> str:
    """`orders-api` -> `OrdersApi` (a Python identifier, whatever the label starts with)."""
    text = "".join(part.capitalize() for part in name.split("-"))
    return text if text.isidentifier() and not keyword.iskeyword(text) else f"Service{text}"


def requirement() -> str:
    """This library's installed version's range: `>=0.6.0,<0.7` (before 1.0, a minor
    version may change the API), `>=1.2.0,<2` after."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("cdk8s-webservice")
    except PackageNotFoundError:
        return ""
    major, minor = (int(part) for part in installed.split(".")[:2])
    ceiling = f"{major}.{minor + 1}" if major == 0 else str(major + 1)
    return f">={installed},<{ceiling}"
