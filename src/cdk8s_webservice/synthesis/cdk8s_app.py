"""What an app does when the cdk8s CLI runs it (`npx cdk8s synth`).

The cdk8s CLI deletes its output folder before it runs the app (also with
`--stdout`), so that folder is a scratch one (`output:` in cdk8s.yaml). The app
writes dist/ itself, atomically, exactly as `make synth` does, and gives the cdk8s
CLI one stream per environment (`<env>.k8s.yaml`, each object once), which it
lists or, under `--stdout`, prints. Under `--stdout` (any output folder other
than the configured one) dist/ is not written at all, and the streams are one file:
the CLI pipes every file to its stdout at once, so the chunks of files over 64 KiB
interleave (a document cut in two, mid-line).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from cdk8s_webservice.core.yaml_limits import load_bounded

from .output import write_environments

if TYPE_CHECKING:
    from .project import ServiceProject


def stream(files: dict[str, str]) -> str:
    """One environment's files as one multi-document YAML stream (each file starts with `---`)."""
    return "".join(text if text.startswith("---\n") else f"---\n{text}" for _, text in sorted(files.items()))


def configured_output(root: Path) -> Path | None:
    """`output:` of the project's cdk8s.yaml, if it has one."""
    path = root / "cdk8s.yaml"
    try:
        config = load_bounded(path.read_text(encoding="utf-8"), yaml.SafeLoader, "cdk8s.yaml", str(path))
    except (OSError, yaml.YAMLError):
        return None
    output = config.get("output") if isinstance(config, dict) else None
    return root / output if isinstance(output, str) else None


def synth_for_cdk8s(project: ServiceProject, root: Path, outdir: Path) -> int:
    """Synthesize for the cdk8s CLI, whose output folder is `outdir` ($CDK8S_OUTDIR)."""
    rendered = project.synthesize()
    dist = root / "dist"
    if outdir.resolve() == dist.resolve():
        # `output: dist` in cdk8s.yaml: the CLI deleted it already; put it back whole.
        write_environments(dist, rendered, whole=True, project_root=root)
        print(
            "warning: cdk8s.yaml has `output: dist`, which the cdk8s CLI deletes before every run; "
            "set `output: .cdk8s.out` (a scratch folder) and the app writes dist/ atomically",
            file=sys.stderr,
        )
        return 0
    config_output = configured_output(root)
    configured = config_output is not None and outdir.resolve() == config_output.resolve()
    if configured:
        write_environments(dist, rendered, whole=True, project_root=root)
    outdir.mkdir(parents=True, exist_ok=True)
    streams: dict[str, str] = {}
    for profile in project.profiles():
        # An environment split per cluster: one stream per cluster, `<environment>-<cluster>`.
        folders = [f for f in rendered if f == profile.name or f.startswith(f"{profile.name}/")]
        for folder in folders:
            streams[f"{folder.replace('/', '-')}.k8s.yaml"] = stream(rendered[folder])
    if not configured:
        # `--stdout` (a temporary folder): the cdk8s CLI pipes every file of it to stdout at
        # once, so the chunks of two files would interleave (`metadata---`); one file, then.
        streams = {"synth.k8s.yaml": "".join(streams.values())}
    for name, text in streams.items():
        (outdir / name).write_text(text, encoding="utf-8")
    return 0
