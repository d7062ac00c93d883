"""The workflows and the docs agree with the output: every ArgoCD Application a workflow
syncs, waits on or rolls back (`argocd app ...`, by name or by label selector) exists in
dist/argocd/ for the environment of the branch the step runs on, and every cluster of
that environment is included; every Application name the README and docs/ give exists.

The workflows are read as GitHub reads them (YAML), each step's `if:` evaluated for each
branch the workflow runs on; a branch's environments are the Applications whose
`targetRevision` is that branch."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# `argocd app` verbs that act on Applications, and the flags of theirs that take a value.
PROMOTING = {"sync", "wait"}
VALUE_FLAGS = {
    "-l",
    "--selector",
    "--revision",
    "--timeout",
    "--server",
    "--auth-token",
    "-o",
    "--output",
    "--project",
    "--app-namespace",
    "-N",
    "--resource",
    "--label",
    "--retry-limit",
}


def applications(root: Path = ROOT) -> dict[str, dict[str, Any]]:
    """The Applications of dist/argocd/, by name."""
    apps = {}
    for path in sorted((root / "dist" / "argocd").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc and doc["kind"] == "Application":
                apps[doc["metadata"]["name"]] = doc
    return apps


# --- label selectors, as kubectl and argocd parse them ----------------------------------


def _requirements(selector: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in selector:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return [*parts, current.strip()]


def selects(selector: str, labels: Mapping[str, str]) -> bool:
    """Whether a label selector (`k=v`, `k!=v`, `k in (a,b)`, `k notin (a)`, `k`, `!k`) matches."""
    for requirement in _requirements(selector):
        if match := re.fullmatch(r"([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)", requirement):
            key, operator, values = match[1], match[2], {v.strip() for v in match[3].split(",")}
            if (labels.get(key) in values) != (operator == "in"):
                return False
        elif match := re.fullmatch(r"([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)", requirement):
            key, operator, value = match.groups()
            if (labels.get(key) == value) != (operator != "!="):
                return False
        elif match := re.fullmatch(r"(!?)([\w./-]+)", requirement):
            if (match[2] in labels) == (match[1] == "!"):
                return False
        else:
            raise AssertionError(f"not a label selector: {selector!r}")
    return True


# --- GitHub's `if:` for a push to one branch ---------------------------------------------

_TOKEN = re.compile(r"\s*(github\.ref_name|github\.event_name|'[^']*'|==|!=|&&|\|\||!|\(|\)|true|false)")


def condition_holds(condition: str | None, *, branch: str) -> bool:
    """A step's or job's `if:` for a push to `branch` (the forms the workflows use)."""
    if condition is None:
        return True
    text, python = condition.strip().removeprefix("${{").removesuffix("}}"), []
    position = 0
    while position < len(text.rstrip()):
        match = _TOKEN.match(text, position)
        assert match, f"if: {condition!r}: cannot read it at {text[position:]!r}"
        token = match[1]
        python.append(
            {
                "github.ref_name": repr(branch),
                "github.event_name": "'push'",
                "&&": " and ",
                "||": " or ",
                "!": " not ",
                "true": "True",
                "false": "False",
            }.get(token, token)
        )
        position = match.end()
    return bool(eval("".join(python), {"__builtins__": {}}))  # only the tokens above


# --- `argocd app` commands in a workflow --------------------------------------------------


@dataclass(frozen=True)
class AppCommand:
    where: str
    verb: str
    names: tuple[str, ...]
    selector: str | None


def argocd_commands(script: str, env: Mapping[str, str], where: str) -> Iterator[AppCommand]:
    """Each `argocd app VERB ...` of a shell script, its `$VAR`s taken from `env`."""
    script = script.replace("\\\n", " ")
    for line in re.split(r"\n|&&|\|\||;|\|", script):
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue
        if words[:2] != ["argocd", "app"] or len(words) < 3:
            continue

        def value(word: str) -> str:
            def variable(match: re.Match[str]) -> str:
                name = match[1] or match[2]
                assert name in env, f"{where}: ${name} is not set in the step's or job's env"
                assert "${{" not in env[name], f"{where}: ${name} must be literal here, not {env[name]!r}"
                return env[name]

            return re.sub(r"\$\{(\w+)\}|\$(\w+)", variable, word)

        # Only the names and the selector are resolved (a flag's value, such as $GITHUB_SHA, need not be).
        verb, rest = words[2], words[3:]
        positional, selector, i = [], None, 0
        while i < len(rest):
            word = rest[i]
            if word.startswith("-"):
                flag, _, inline = word.partition("=")
                if flag in VALUE_FLAGS and not inline:
                    i += 1
                    inline = rest[i]
                if flag in ("-l", "--selector"):
                    selector = value(inline)
            else:
                positional.append(value(word))
            i += 1
        # `argocd app rollback NAME [ID]`: the id is not a name.
        names = tuple(positional[:1] if verb == "rollback" else positional)
        yield AppCommand(where, verb, names, selector)


def workflow_problems(workflow: Mapping[Any, Any], name: str, apps: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """What in one workflow does not agree with the Applications `apps`."""
    triggers = workflow.get("on", workflow.get(True)) or {}
    push = triggers.get("push") if isinstance(triggers, Mapping) else None
    branches = list(push.get("branches", [])) if isinstance(push, Mapping) else []
    by_branch: dict[str, set[str]] = {}
    for app_name, app in apps.items():
        by_branch.setdefault(app["spec"]["source"]["targetRevision"], set()).add(app_name)
    problems: list[str] = []
    top_env = workflow.get("env") or {}
    for job_id, job in (workflow.get("jobs") or {}).items():
        job_env = {**top_env, **(job.get("env") or {})}
        promoted: dict[str, set[str]] = {branch: set() for branch in branches}
        for index, step in enumerate(job.get("steps") or []):
            if "run" not in step:
                continue
            where = f"{name}: jobs.{job_id}.steps[{index}] ({step.get('name', '')})"
            env = {k: str(v) for k, v in {**job_env, **(step.get("env") or {})}.items()}
            for command in argocd_commands(step["run"], env, where):
                if command.selector is None and not command.names:
                    problems.append(f"{where}: argocd app {command.verb} names no Application")
                    continue
                for branch in branches or [None]:
                    if branch is not None and not (
                        condition_holds(job.get("if"), branch=branch) and condition_holds(step.get("if"), branch=branch)
                    ):
                        continue
                    chosen = set(command.names)
                    for missing in sorted(n for n in command.names if n not in apps):
                        problems.append(f"{where}: argocd app {command.verb} {missing}: no such Application")
                    if command.selector is not None:
                        picked = {n for n, a in apps.items() if selects(command.selector, a["metadata"]["labels"])}
                        if not picked:
                            problems.append(f"{where}: -l {command.selector!r} selects no Application")
                        chosen |= picked
                    if branch is None:
                        continue
                    for other in sorted(n for n in chosen & apps.keys() if n not in by_branch.get(branch, set())):
                        problems.append(
                            f"{where}: on {branch}, {other} follows "
                            f"{apps[other]['spec']['source']['targetRevision']}, not {branch}"
                        )
                    if command.verb in PROMOTING:
                        promoted[branch] |= chosen & apps.keys()
                        # Every cluster of an environment it touches.
                        for env_name in {apps[n]["metadata"]["labels"]["environment"] for n in chosen & apps.keys()}:
                            every = {n for n, a in apps.items() if a["metadata"]["labels"]["environment"] == env_name}
                            for left in sorted(every - chosen):
                                problems.append(
                                    f"{where}: argocd app {command.verb} leaves out {left} ({env_name}'s other cluster)"
                                )
        if any(promoted.values()):
            for branch, done in promoted.items():
                for left in sorted(by_branch.get(branch, set()) - done):
                    problems.append(f"{name}: jobs.{job_id}: a push to {branch} never syncs or waits on {left}")
    return problems


def test_every_workflow_agrees_with_the_applications() -> None:
    apps = applications()
    assert len(apps) >= 4 and "blacklist-production-prod-us-east-1" in apps
    assert len(WORKFLOWS) >= 2
    problems = []
    seen = 0
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text())
        problems += workflow_problems(workflow, path.name, apps)
        seen += sum(
            1
            for job in (workflow.get("jobs") or {}).values()
            for step in job.get("steps") or []
            for _ in argocd_commands(step.get("run", ""), {k: str(v) for k, v in (step.get("env") or {}).items()}, "")
        )
    assert problems == []
    assert seen >= 3  # the promote job's sync, wait (production) and wait (develop) were read


PROMOTE = """
on: {push: {branches: [main, develop]}}
jobs:
  promote:
    runs-on: ubuntu-24.04
    env:
      APP: blacklist-${{ github.ref_name == 'main' && 'production' || 'staging' }}
    steps:
      - if: github.ref_name == 'main'
        run: argocd app sync "$APP" --grpc-web && argocd app wait "$APP" --health
"""


@pytest.mark.parametrize(
    "workflow, problem",
    [
        # The promote job before issue 23: an expression, and a name that no longer exists.
        (PROMOTE, "$APP must be literal here"),
        (
            PROMOTE.replace(
                "blacklist-${{ github.ref_name == 'main' && 'production' || 'staging' }}", "blacklist-production"
            ),
            "argocd app sync blacklist-production: no such Application",
        ),
        (
            PROMOTE.replace(
                "blacklist-${{ github.ref_name == 'main' && 'production' || 'staging' }}",
                "blacklist-production-prod-eu-west-1",
            ),
            "leaves out blacklist-production-prod-us-east-1 (production's other cluster)",
        ),
        (
            PROMOTE.replace(
                "blacklist-${{ github.ref_name == 'main' && 'production' || 'staging' }}", "blacklist-staging"
            ),
            "on main, blacklist-staging follows develop, not main",
        ),
        (
            PROMOTE.replace('"$APP"', "-l environment=prod"),
            "-l 'environment=prod' selects no Application",
        ),
        (
            PROMOTE.replace('"$APP"', "-l environment=production"),
            "a push to develop never syncs or waits on blacklist-development",
        ),
    ],
    ids=["expression", "gone", "one-cluster", "wrong-branch", "selects-nothing", "develop-forgotten"],
)
def test_a_workflow_that_disagrees_is_caught(workflow: str, problem: str) -> None:
    if problem.startswith("$APP"):
        with pytest.raises(AssertionError, match=re.escape(problem)):
            workflow_problems(yaml.safe_load(workflow), "ci.yml", applications())
        return
    problems = workflow_problems(yaml.safe_load(workflow), "ci.yml", applications())
    assert any(problem in p for p in problems), problems


def test_selectors_and_conditions_as_argocd_and_github_read_them() -> None:
    labels = {"environment": "production", "app.kubernetes.io/part-of": "blacklist"}
    assert selects("app.kubernetes.io/part-of=blacklist,environment in (production, staging)", labels)
    assert not selects("environment notin (production)", labels)
    assert selects("environment!=staging,!cluster", labels) and not selects("cluster", labels)
    assert condition_holds("github.ref_name == 'main'", branch="main")
    assert not condition_holds("${{ github.ref_name != 'main' }}", branch="main")
    assert condition_holds("github.event_name == 'push' && !(github.ref_name == 'main')", branch="develop")


# --- the README and docs/ ----------------------------------------------------------------

_ARGOCD_APP = re.compile(r"argocd app ([a-z-]+)((?: +-[-\w]+(?:[ =][^\s`-][^\s`]*)?)*) +([^\s`]+)")
_BACKTICKED = re.compile(r"`([a-z0-9][a-z0-9-]*)`")


def doc_problems(text: str, where: str, apps: Mapping[str, Any], service: str = "blacklist") -> list[str]:
    """Application names in a Markdown text that no Application has: in `argocd app VERB
    NAME` commands, and backticked `<service>-...` names in a paragraph or table row
    that speaks of Applications. Placeholders (`<service>-<env>`) are left alone."""
    problems = []
    for match in _ARGOCD_APP.finditer(text):
        name = match[3].strip("\"'")
        if match[1] != "list" and "<" not in name and "$" not in name and name not in apps:
            problems.append(f"{where}: argocd app {match[1]} {name}: no such Application")
    for block in re.split(r"\n\s*\n|\n(?=\|)", text):
        if "Application" not in block or "ApplicationSet" in block.replace("Applications", ""):
            continue
        for name in _BACKTICKED.findall(block):
            if name.startswith(f"{service}-") and name not in apps and _looks_like_an_application(name, apps):
                problems.append(f"{where}: `{name}` is named as an Application; there is none")
    return problems


def _looks_like_an_application(name: str, apps: Mapping[str, Any]) -> bool:
    """`<service>-<environment>`, or `<service>-<environment>-<cluster>` (a cluster name
    carries its region's digits): an Application's name, or a stale one. Other objects of
    the same prefix (`blacklist-staging-tls`, a Secret) are not."""
    environments = {a["metadata"]["labels"]["environment"] for a in apps.values()}
    rest = name.split("-", 1)[1]
    return any(rest == env or (rest.startswith(f"{env}-") and re.search(r"[0-9]", rest)) for env in environments)


@pytest.mark.parametrize("path", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_application_the_docs_name_exists(path: Path) -> None:
    assert doc_problems(path.read_text(), str(path.relative_to(ROOT)), applications()) == []


def test_a_stale_name_in_the_docs_is_caught() -> None:
    apps = applications()
    stale = "```sh\nargocd app get blacklist-production   # health\n```\n"
    assert doc_problems(stale, "README.md", apps) == [
        "README.md: argocd app get blacklist-production: no such Application"
    ]
    listed = "**ArgoCD**: Applications `blacklist-development`, `blacklist-staging` and\n`blacklist-production`.\n"
    assert doc_problems(listed, "README.md", apps) == [
        "README.md: `blacklist-production` is named as an Application; there is none"
    ]
    fine = "argocd app get blacklist-production-prod-eu-west-1\nargocd app sync blacklist-<env> --wait\n"
    assert doc_problems(fine, "README.md", apps) == []
