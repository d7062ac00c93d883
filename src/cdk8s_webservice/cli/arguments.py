"""The command line's parser: every command, its options and their checks
(`cdk8s-webservice --help`)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from typing import NoReturn

from cdk8s_webservice.core.errors import ConfigError, shorten
from cdk8s_webservice.delivery.strategy import Strategy

from . import argocd_plugin, release_file, scaffold

EPILOG = """\
exit status: 0 success or nothing to do; 1 differences (diff), gate refused, output
not current, or sync failed; 2 bad input or environment (nothing changed).

releases: set-image records a release (blue-green: pending on the preview colour;
rolling and canary: live at once), promote makes the pending release live, rollback
goes back to the release before the live one (--to TAG: any earlier one), history
lists them. Each rewrites the releases file and dist/: commit both, ArgoCD syncs."""


def _strategy(value: str) -> Strategy:
    try:
        return Strategy.parse("--strategy", value)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(unit: str) -> Callable[[str], float]:
    """An option's number: finite and above 0 (nan, inf, 0 and negatives refused); argparse
    names the option in its message."""

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number <= 0:
            raise argparse.ArgumentTypeError(
                f"{shorten(repr(value), 200)} is not allowed; a finite number of {unit} above 0"
            )
        return number

    return parse


class _Parser(argparse.ArgumentParser):
    """argparse, with the error contract's one line instead of usage plus error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def parser() -> argparse.ArgumentParser:
    top = _Parser(
        prog="cdk8s-webservice",
        description="Synthesize, compare, validate and release a cdk8s web-service project.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--project", help="module:ATTRIBUTE of the ServiceProject (default: from pyproject.toml)")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=text, description=text)

    def out_option(sub: argparse.ArgumentParser, text: str) -> None:
        sub.add_argument("--out", help=f"{text} (default: the project's dist/)")

    synth = command("synth", "render environments into the output folder (replaced whole, atomically)")
    synth.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment (repeatable)")
    synth.add_argument("-s", "--strategy", type=_strategy, help="override the profile: rolling, blue-green or canary")
    out_option(synth, "output folder: new, empty, or earlier output of this tool")

    cluster_help = "one of the environment's clusters (required where they differ)"
    render = command("render", "print one environment's manifests as one YAML stream (for kubectl apply/diff -f -)")
    render.add_argument("-e", "--environment", required=True, metavar="ENV")
    render.add_argument("-c", "--cluster", metavar="CLUSTER", help=cluster_help)
    render.add_argument("-s", "--strategy", type=_strategy, help="override the profile's strategy")

    diff = command("diff", "what a fresh synth would change in the committed output (exit 1 if anything)")
    diff.add_argument("-e", "--environment", action="append", metavar="ENV", help="only this environment")
    out_option(diff, "the committed output folder")
    diff.add_argument(
        "--between",
        nargs=2,
        metavar=("ENV_A", "ENV_B"),
        help="compare two environments instead; ENV/CLUSTER picks a cluster (production/prod-us-east-1)",
    )

    validate = command("validate", "every environment builds through the gate and the committed output is current")
    out_option(validate, "the committed output folder")

    for served in (synth, render, diff, validate):  # answered by a running `watch` when one is up (warm_client)
        served.add_argument("--no-warm", action="store_true", help="run cold even when a watch could answer")

    watch = command("watch", "keep a warm process; re-synthesize (gate included) into the output folder on every save")
    out_option(watch, "output folder: new, empty, or earlier output of this tool")
    watch.add_argument(
        "--memory-budget",
        type=_positive("MiB"),
        default=320,
        metavar="MIB",
        help="restart the warm process past this (default 400)",
    )

    gate = command("gate", "run the gate (schema, policy, cross-object rules) on rendered YAML")
    gate.add_argument(
        "folder", nargs="?", help="a folder of manifests, or of such folders (default: the project's dist/)"
    )

    def release_command(name: str, text: str) -> argparse.ArgumentParser:
        sub = command(name, text)
        sub.add_argument("-e", "--environment", required=True, metavar="ENV")
        return sub

    set_image = release_command("set-image", "record a new release (blue-green: pending on the preview colour)")
    set_image.add_argument("tag", help="image tag or sha256: digest")
    release_command("promote", "make the pending release live (nothing pending: nothing changes)")
    rollback = release_command("rollback", "go back to the release before the live one, for every strategy")
    rollback.add_argument("--to", metavar="TAG", help="an earlier release of the history instead")
    history = command("history", "an environment's releases, newest first, the live one marked")
    history.add_argument("-e", "--environment", required=True, metavar="ENV")
    release_file.add_parser(command)
    scaffold.add_parser(command)
    argocd_plugin.add_parser(command)

    deploy = release_command("deploy", "set-image (or --rollback) and synthesize; --sync also runs argocd app sync")
    deploy.add_argument("tag", nargs="?", help="image tag or digest to release")
    deploy.add_argument(
        "-s",
        "--strategy",
        help="helm: then install or upgrade the environment's exported chart with Helm (per cluster); "
        "otherwise it must match the environment's configured strategy",
    )
    deploy.add_argument("--rollback", action="store_true", help="roll back instead of releasing a tag")
    deploy.add_argument("--to", metavar="TAG", help="with --rollback: an earlier release of the history")
    deploy.add_argument("--promote", action="store_true", help="blue-green: make the new release live at once")
    deploy.add_argument("--sync", action="store_true", help="then `argocd app sync <service>-<env> --wait`")
    deploy.add_argument(
        "--timeout", type=int, default=600, help="seconds argocd (or helm) waits for the sync (default 600)"
    )

    # Load testing against the SLO (loadtest/commands.py): exit 1 when an objective is breached.
    load = command("loadtest", "run the environment's k6 script with the real k6, then judge it against the SLO")
    load.add_argument("-e", "--environment", required=True, metavar="ENV")
    load.add_argument("-c", "--cluster", metavar="CLUSTER", help="one of the environment's clusters: its regional host")
    load.add_argument("--url", help="base URL to test (default: the Ingress, https; the cluster's regional host)")
    load.add_argument("--scenario", default="smoke", help="smoke (default), load or spike")
    load.add_argument("--vus", type=int, help="smoke: virtual users (default 1)")
    load.add_argument("--duration", help="smoke: how long, e.g. 10s (default from the service's options)")
    load.add_argument("--think", type=float, metavar="SECONDS", help="pause between a VU's requests (default 0.5)")
    load.add_argument("--summary", metavar="FILE", help="k6's summary JSON (default build/loadtest/ENV/summary.json)")
    load.add_argument("--report", metavar="FILE.html", help="HTML report (default: the summary's name, .html)")
    analyze = command("analyze", "judge a k6 summary JSON against the environment's SLO: table and HTML report")
    analyze.add_argument("summary", metavar="SUMMARY.json")
    analyze.add_argument("-e", "--environment", required=True, metavar="ENV")
    analyze.add_argument("--report", metavar="FILE.html", help="HTML report (default: the summary's name, .html)")
    return top
