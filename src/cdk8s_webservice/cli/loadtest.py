"""The `loadtest` and `analyze` commands of `cdk8s-webservice` (cli.py only parses)."""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cdk8s_webservice.core.errors import ConfigError
from cdk8s_webservice.core.values import check_number
from cdk8s_webservice.loadtest import outputs
from cdk8s_webservice.loadtest.options import check_duration, check_scenario
from cdk8s_webservice.loadtest.report import html_report
from cdk8s_webservice.loadtest.runner import check_url, find_k6, run_k6
from cdk8s_webservice.loadtest.samples import flag_rows
from cdk8s_webservice.loadtest.script import render
from cdk8s_webservice.loadtest.specs import SCRIPT_FILE, spec_of
from cdk8s_webservice.loadtest.summary import judge, load, quantile_key, table
from cdk8s_webservice.service.load_test_files import web_services

if TYPE_CHECKING:
    from cdk8s_webservice.service.props import WebServiceProps
    from cdk8s_webservice.synthesis.project import ServiceProject


def service_props(project: ServiceProject, environment: str, cluster: str | None = None) -> WebServiceProps:
    """The (first) web service of `environment`, as its chart builds it (on `cluster`,
    one of its clusters, with that cluster's values)."""
    from cdk8s import App  # after runtime.start: importing cdk8s starts jsii

    profile = project.load_environments().get(environment)
    if cluster is not None:
        profile = project.cluster(environment, cluster).apply(profile)
    services = web_services(project.chart(App(), profile))
    if not services:
        raise ConfigError("--environment", environment, "an environment with a WebService to load-test")
    if services[0].props.slo is None:
        raise ConfigError("--environment", environment, "a service with an SLO to judge the load test against")
    return services[0].props


def _path(root: Path, value: str | None, default: Path) -> Path:
    if value is None:
        return default
    if value.startswith("~"):
        raise ConfigError("path", value, "a path without a leading ~ (the shell did not expand it: write $HOME)")
    return Path(value).absolute()  # relative to the working directory, as with any command


def check_distinct(output: Path, field: str, inputs: dict[str, Path | None]) -> None:
    """An output is never written over an input (the same path, or another name of the
    same file): `inputs` names each (None: there is none)."""
    for name, path in inputs.items():
        if path is None:
            continue
        same = output.resolve() == path.resolve()
        with contextlib.suppress(OSError):
            same = same or os.path.samefile(output, path)
        if same:
            raise ConfigError(field, str(output), f"a file other than {name} ({path}): it would be overwritten")


def analyze(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    """Judge a k6 summary against the environment's SLO: the table, the HTML report;
    1 when an objective is breached."""
    summary_path = _path(root, args.summary, root / "k6-summary.json")
    report = _path(root, args.report, summary_path.with_suffix(".html"))
    releases = project.releases_file
    check_distinct(report, "--report", {"the summary it reports on": summary_path, "the releases file": releases})
    props = service_props(project, args.environment)
    summary = load(summary_path)
    slo = props.slo
    assert slo is not None  # service_props refuses a service without one
    rows = flag_rows(judge(summary, slo), summary, quantile_key(slo))
    context = outputs.context_beside(summary_path, report)
    print(f"{props.name} in {props.profile.name} against its SLO ({summary_path.name}):")
    if context.abort_reason is not None:
        print(f"ABORTED: {context.abort_reason}")
    print(table(rows))
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(
        html_report(
            title=f"{props.name} in {props.profile.name}: load test against the SLO",
            summary=summary,
            rows=rows,
            slo=slo,
            source=summary_path.name,
            context=context,
        ),
        encoding="utf-8",
    )
    failed = [row.metric for row in rows if row.failed]
    print(f"report: {report}")
    if context.dashboard is not None:
        print(f"k6's web dashboard: {report.parent / context.dashboard}")
    print(f"SLO breached: {', '.join(failed)}" if failed else "every SLO holds")
    return 1 if failed or context.abort_reason is not None else 0


def loadtest(project: ServiceProject, args: argparse.Namespace, root: Path) -> int:
    """Run the environment's script with the real k6 against `--url`, then analyze."""
    scenario = check_scenario("--scenario", args.scenario)
    cluster = project.cluster(args.environment, args.cluster) if args.cluster is not None else None
    props = service_props(project, args.environment, args.cluster)
    host = cluster.regional_host if cluster is not None else None
    spec = spec_of(props, base_url=f"https://{host}" if host else None)
    url = args.url or spec.base_url
    env = {"SCENARIO": scenario, "BASE_URL": url}
    if args.vus is not None:
        if args.vus < 1 or args.vus > 1000:
            raise ConfigError("--vus", args.vus, "a whole number from 1 to 1000")
        env["VUS"] = str(args.vus)
    if args.think is not None:
        env["THINK_SECONDS"] = f"{check_number('--think', args.think, 'seconds from 0 to 60', minimum=0, maximum=60):g}"
    if args.duration is not None:
        env["DURATION"] = check_duration("--duration", args.duration)
    out = root / "build" / "loadtest" / props.profile.name / (args.cluster or "")
    summary = _path(root, args.summary, out / "summary.json")
    check_distinct(summary, "--summary", {"the releases file": project.releases_file})
    report = _path(root, args.report, summary.with_suffix(".html"))
    check_distinct(
        report, "--report", {"the summary it reports on": summary, "the releases file": project.releases_file}
    )
    k6 = find_k6()
    check_url(url, props.pod.health.readiness_path)
    summary.parent.mkdir(parents=True, exist_ok=True)
    summary.unlink(missing_ok=True)
    extra = outputs.Outputs.of(k6, spec.scenarios(), scenario, env, summary, report)
    with tempfile.TemporaryDirectory(prefix="cdk8s-webservice-k6-") as folder:
        script = Path(folder) / SCRIPT_FILE
        script.write_text(render(spec), encoding="utf-8")
        where = f"{props.profile.name} on {args.cluster}" if args.cluster else props.profile.name
        print(f"k6: {scenario} scenario of {props.name} ({where}) against {url}", flush=True)
        started, clock = datetime.now(UTC), time.monotonic()
        code = run_k6(k6, script, summary, env, outputs=extra.outputs, process_env=extra.process_env)
        extra.record(url, scenario, started, time.monotonic() - clock, code, root, props.profile.image_tag)
    if not summary.is_file():
        raise ConfigError("k6", f"exit {code}", "a run that writes its summary (see k6's messages above)")
    args.summary = str(summary)
    if args.report is None:
        args.report = str(summary.with_suffix(".html"))
    return analyze(project, args, root)
