"""The README's library example is real: its two files synthesize through the gate."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def example_files() -> dict[str, str]:
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n# (\w+\.py): .*?\n(.*?)```", text, flags=re.S)
    return {name: body for name, body in blocks}


def test_the_readme_example_synthesizes(tmp_path: Path) -> None:
    files = example_files()
    assert sorted(files) == ["main.py", "shop.py"]
    for name, body in files.items():
        (tmp_path / name).write_text(body)
    result = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "staging      rolling   shop-staging" in result.stdout
    assert (tmp_path / "dist" / "staging" / "deployment-shop.yaml").is_file()
