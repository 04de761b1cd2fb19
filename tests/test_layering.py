"""The direction of the house: data packages know nothing of search or the web, and no domain package knows Flask."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "careercompass"
DOMAIN = ["catalogue", "matching", "search", "advisers", "data_versions.py", "vocabulary.py", "tables.py",
          "database.py", "config.py", "pipeline.py"]


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def files_of(part: str) -> list[Path]:
    target = PACKAGE / part
    return sorted(target.rglob("*.py")) if target.is_dir() else [target]


@pytest.mark.parametrize("part", DOMAIN)
def test_no_domain_module_imports_flask_or_the_web_layer(part):
    for path in files_of(part):
        bad = {name for name in imports_of(path)
               if name.split(".")[0] in {"flask", "flask_wtf", "flask_limiter", "werkzeug"}
               or name.startswith("careercompass.web")}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_catalogue_imports_nothing_from_search_or_matching():
    for path in files_of("catalogue"):
        bad = {name for name in imports_of(path)
               if name.startswith(("careercompass.search", "careercompass.matching"))}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {sorted(bad)}"


def test_the_check_itself_sees_imports_inside_functions(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from careercompass.search import index\n")
    assert "careercompass.search" in imports_of(sample)
