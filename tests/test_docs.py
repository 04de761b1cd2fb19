"""The README must document every setting and every command, and name the two set-up commands."""

from __future__ import annotations

from careercompass.cli import main
from careercompass.config import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text()


def test_every_setting_is_documented():
    missing = [name for name in Settings.environment_names() if name not in README]
    assert missing == []


def test_every_command_is_documented():
    missing = [name for name in main.commands if f"careercompass {name}" not in README]
    assert missing == []


def test_the_two_setup_commands_are_in_the_readme_and_ci_runs_the_test_one():
    assert "scripts/run" in README and "scripts/test" in README
    assert "scripts/test" in (PROJECT_ROOT / ".ci" / "run").read_text()
