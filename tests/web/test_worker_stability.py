"""A worker must survive many page views in a row (guards the Python 3.11 crash described in release_database)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import PROJECT_ROOT


def test_a_worker_survives_hundreds_of_page_views(ready_settings):
    script = textwrap.dedent(
        f"""
        import faulthandler
        from pathlib import Path
        faulthandler.enable()
        from careercompass import create_app
        from careercompass.config import Settings
        settings = Settings(instance_dir=Path({str(ready_settings.instance_dir)!r}),
                            models_dir=Path({str(ready_settings.models_dir)!r}), secret_key="x")
        client = create_app(settings).test_client()
        for _ in range(120):
            for url in ("/", "/roles", "/roles/healthcare-support-worker", "/roles?q=care"):
                assert client.get(url).status_code == 200, url
        print("survived")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "survived" in result.stdout
