"""Synthesize blacklist's environments into dist/<environment>/.

    python main.py                      # every environment, dist/ replaced whole
    python main.py -e staging -e production --out /tmp/out

Under `cdk8s synth` the CLI's output folder (CDK8S_OUTDIR) is used. Nothing is
written unless every environment built and rendered.
"""

from __future__ import annotations

import argparse
import os
import sys

# Before jsii is imported: Node 20's end-of-life banner would print on every run,
# and jsii's unpacked-package cache belongs to the project, not to /tmp.
os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")
os.environ.setdefault("JSII_RUNTIME_PACKAGE_CACHE_ROOT", os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache", "jsii"))

from cdk8s import App  # noqa: E402

from cdk8s_webservice import ConfigError, render_environments, write_environments  # noqa: E402
from charts.blacklist import BlacklistChart  # noqa: E402
from charts.environments import ENVIRONMENTS  # noqa: E402


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Synthesize blacklist's Kubernetes manifests.")
    parser.add_argument(
        "-e", "--environment", action="append", metavar="ENV",
        help=f"environment to synthesize (repeatable; default all: {', '.join(ENVIRONMENTS.names)})",
    )
    parser.add_argument("--out", help="output folder (default: $CDK8S_OUTDIR or dist)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    outdir = args.out or os.environ.get("CDK8S_OUTDIR") or "dist"
    try:
        profiles = ENVIRONMENTS.select(args.environment)
        app = App()
        rendered = render_environments([BlacklistChart(app, profile) for profile in profiles])
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_environments(outdir, rendered, whole=args.environment is None)
    for env, files in rendered.items():
        print(f"{outdir}/{env}/: {len(files)} objects")
    return 0


if __name__ == "__main__":
    sys.exit(main())
