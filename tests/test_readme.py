"""The library example of the README and of the library's own README (docs/library.md,
the distribution's long description) is real: its two files synthesize through the gate."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def example_files(readme: str) -> dict[str, str]:
    text = (ROOT / readme).read_text()
    blocks = re.findall(r"```python\n# (\w+\.py): .*?\n(.*?)```", text, flags=re.S)
    return {name: body for name, body in blocks}


@pytest.mark.parametrize(
    ("readme", "examples"),
    [("README.md", ["main.py", "shop.py"]), ("docs/library.md", ["fleet.py", "main.py", "shop.py"])],
)
def test_the_readme_example_synthesizes(readme: str, examples: list[str], tmp_path: Path) -> None:
    files = example_files(readme)
    assert sorted(files) == examples
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    result = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "staging      rolling   shop-staging" in result.stdout
    deployment = tmp_path / "dist" / "staging" / "deployment-shop.yaml"
    assert deployment.is_file()
    if "fleet.py" in files:  # the same project through the fleet: the same files
        result = subprocess.run([sys.executable, "fleet.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "fleet" / "main" / "staging" / "deployment-shop.yaml").read_text() == deployment.read_text()
