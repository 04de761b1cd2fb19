"""Load figures for the production set-up on this machine: one `serve --production` node (2 workers) behind nginx, on a
fresh PostgreSQL schema with Redis counting the limits, driven by tests/load/locustfile.py at each user count.

    .venv/bin/python -m tests.load.run --users 50 150 300 --seconds 60 --out /tmp/load

Prints, for each run, requests a second, p50/p95/p99 and errors for pages, the API and both; the slowest routes;
where the CPU went; and whether the targets were met. Everything it starts is stopped and the schema dropped.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import psutil
import redis

from careercompass.config import PROJECT_ROOT, Settings
from careercompass.database import make_engine, make_session_factory, transaction
from careercompass.events.samples import load_sample_events
from careercompass.pipeline import initialise
from careercompass.staff.accounts import add_user
from tests.conftest import POSTGRES_URL_VARIABLE, _postgres_url_in_new_schema, make_settings
from tests.production.stack import Node, free_port, start_nginx, start_node

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# Database 9 is the production tests'; these runs count in a database of their own.
REDIS_URL = "redis://127.0.0.1:6379/10"
ADVISER_EMAIL = "load-adviser@example.org"
TARGET_USERS, TARGET_PAGES_P95_MS = 300, 500
GROUPS = ("pages", "api", "all")


def embeddings() -> Path | None:
    """Role vectors made earlier, so `initialise` need not embed every role (minutes on two cores)."""
    made = PROJECT_ROOT / "models" / "role_embeddings.npz"
    if made.is_file():
        return made
    cached = sorted((Path.home() / ".cache" / "careercompass").glob("test-role-vectors-*.npz"),
                    key=lambda path: path.stat().st_mtime)
    return cached[-1] if cached else None


def prepare(folder: Path, database_url: str) -> Settings:
    models = folder / "models"
    models.mkdir(parents=True)
    if (vectors := embeddings()) is not None:
        shutil.copy(vectors, models / "role_embeddings.npz")
    else:
        print("No role vectors to copy: initialise embeds every role, which takes minutes.", flush=True)
    # As tests/production/conftest.py, but two proxies believed: a load balancer, then nginx, so each simulated
    # person's X-Forwarded-For is their address.
    settings = dataclasses.replace(
        make_settings(folder / "instance", models, database_url),
        secret_key=secrets.token_urlsafe(32), public_url="https://careers.test", trusted_hosts="127.0.0.1",
        proxy_count=2, ratelimit_storage_uri=REDIS_URL, web_nodes=1,
    )
    started = time.monotonic()
    initialise(settings)
    print(f"Catalogue loaded into a fresh schema in {time.monotonic() - started:.0f} s.", flush=True)
    return settings


def add_events_and_adviser(settings: Settings, password: str) -> int:
    """The PostgreSQL set-up has no events and no staff: tasters to book, and an adviser to run class sessions."""
    engine = make_engine(settings.database_uri)
    try:
        with transaction(make_session_factory(engine)) as session:
            added = load_sample_events(session)
            add_user(session, ADVISER_EMAIL, "adviser", password)
    finally:
        engine.dispose()
    return added


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def tree(pid: int) -> list[psutil.Process]:
    root = psutil.Process(pid)
    return [root, *root.children(recursive=True)]


def postgres_processes() -> list[psutil.Process]:
    return [p for p in psutil.process_iter(["name"]) if p.info["name"] in ("postgres", "postmaster")]


def run_once(url: str, users: int, seconds: int, out: Path, environment: dict[str, str],
             watched: dict[str, list[psutil.Process]], logs: tuple[Path, Path]) -> dict:
    redis.Redis.from_url(REDIS_URL).flushdb()  # every run starts with no requests counted
    # Every PostgreSQL process on the machine, the app's pooled connections among them (others' tests too).
    watched = {**watched, "postgres": postgres_processes()}
    prefix = out / f"users-{users}"
    summary_file = out / f"users-{users}-summary.json"
    spawn_rate = max(1, users // 10)  # everyone in within the first ten seconds
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", url,
               "-u", str(users), "-r", str(spawn_rate), "-t", f"{seconds}s", "--csv", str(prefix), "--only-summary",
               "--loglevel", "WARNING", "--exit-code-on-error", "0"]
    load_before = os.getloadavg()
    cpu_before = {name: cpu_seconds(processes) for name, processes in watched.items()}
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    psutil.cpu_percent()
    log_sizes = [log.stat().st_size if log.exists() else 0 for log in logs]
    started = time.monotonic()
    with (out / f"users-{users}-locust.log").open("w") as log:
        subprocess.run(command, env={**environment, "LOAD_SUMMARY": str(summary_file)}, stdout=log,
                       stderr=subprocess.STDOUT, check=True, timeout=seconds + 300)
    wall = time.monotonic() - started
    children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = {name: (cpu_seconds(processes) - cpu_before[name]) / wall for name, processes in watched.items()}
    cpu["locust"] = (children_after.ru_utime + children_after.ru_stime - children_before.ru_utime
                     - children_before.ru_stime) / wall
    cpu["machine"] = psutil.cpu_percent() / 100 * psutil.cpu_count()
    measured = json.loads(summary_file.read_text())
    times = {**measured["times"], "all": measured["times"]["pages"] + measured["times"]["api"]}
    errors = {**measured["errors"], "all": measured["errors"]["pages"] + measured["errors"]["api"]}
    rows = {group: figures(times[group], errors[group], measured["seconds"]) for group in GROUPS}
    return {"users": users, "seconds": seconds, "rows": rows, "failures": measured["failures"],
            "load_before": load_before, "load_after": os.getloadavg(), "cpu": cpu,
            "slowest": slowest_routes(Path(f"{prefix}_stats.csv")),
            "app_time": app_time(_since(logs[0], log_sizes[0])), "proxy_errors": proxy_errors(_since(logs[1],
                                                                                                     log_sizes[1]))}


def _since(log: Path, offset: int) -> list[str]:
    if not log.exists():
        return []
    with log.open("rb") as handle:
        handle.seek(offset)
        return handle.read().decode("utf-8", "replace").splitlines()


def app_time(lines: list[str], count: int = 6) -> list[tuple[str, int, float, float]]:
    """Where the app's own time went, from its access lines: (route, requests, total seconds, p95 ms in the app).
    Time in the app next to the client's time tells working from waiting for a thread or a core."""
    durations: dict[str, list[float]] = {}
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("duration_ms") is not None and record.get("route"):
            durations.setdefault(f"{record['method']} {record['route']}", []).append(record["duration_ms"])
    ranked = sorted(durations.items(), key=lambda item: -sum(item[1]))[:count]
    return [(route, len(times), sum(times) / 1000, sorted(times)[int(0.95 * len(times))]) for route, times in ranked]


def proxy_errors(lines: list[str]) -> list[str]:
    return [line for line in lines if "[error]" in line]


def figures(times: list[float], errors: int, seconds: float) -> dict[str, float]:
    ordered = sorted(times)

    def percentile(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    return {"requests": len(ordered), "rps": len(ordered) / seconds if seconds else 0.0, "p50": percentile(0.50),
            "p95": percentile(0.95), "p99": percentile(0.99), "max": ordered[-1] if ordered else 0.0,
            "errors": errors}


def slowest_routes(stats: Path, count: int = 6) -> list[tuple[str, int, float, float]]:
    """(route, requests, p50, p95) of the routes slowest at the 95th percentile, from locust's own table."""
    if not stats.exists():
        return []
    with stats.open() as handle:
        rows = [row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"]
    ranked = sorted(rows, key=lambda row: float(row["95%"] or 0), reverse=True)[:count]
    return [(f"{row['Type']} {row['Name']}", int(row["Request Count"]), float(row["50%"] or 0),
             float(row["95%"] or 0)) for row in ranked]


def report(run: dict) -> list[tuple[str, bool]]:
    cpu = ", ".join(f"{name} {share:.2f}" for name, share in run["cpu"].items())
    print(f"\n{run['users']} users for {run['seconds']} s  (load average before {run['load_before'][0]:.2f}, "
          f"after {run['load_after'][0]:.2f}; cores busy: {cpu})")
    print(f"  {'':6} {'requests':>9} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7} "
          f"{'errors':>6}")
    for group in GROUPS:
        row = run["rows"][group]
        print(f"  {group:6} {row['requests']:>9} {row['rps']:>7.1f} {row['p50']:>7.0f} {row['p95']:>7.0f} "
              f"{row['p99']:>7.0f} {row['max']:>7.0f} {row['errors']:>6}")
    print("  slowest routes at p95: " + "; ".join(f"{name} {p95:.0f} ms (p50 {p50:.0f}, n={n})"
                                                 for name, n, p50, p95 in run["slowest"]))
    print("  app's own time by route: " + "; ".join(f"{route} {total:.1f} s over {n} (p95 {p95:.0f} ms)"
                                                   for route, n, total, p95 in run["app_time"]))
    for line in run["proxy_errors"][:5]:
        print(f"  nginx: {line[:300]}")
    for failure, times in sorted(run["failures"].items(), key=lambda item: -item[1])[:8]:
        print(f"  failed {times}x: {failure}")
    targets = [(f"{run['users']} users: no errors", run["rows"]["all"]["errors"] == 0),
               (f"{run['users']} users: pages p95 under {TARGET_PAGES_P95_MS} ms",
                run["rows"]["pages"]["p95"] < TARGET_PAGES_P95_MS)]
    for name, met in targets:
        print(f"  {'PASS' if met else 'MISS'}  {name}")
    return targets


def write_csv(runs: list[dict], out: Path) -> None:
    with (out / "summary.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["when", "users", "seconds", "group", "requests", "requests_per_s", "p50_ms", "p95_ms",
                         "p99_ms", "max_ms", "errors", "load_before", "load_after", "cores_app", "cores_locust",
                         "cores_machine"])
        when = datetime.now(UTC).isoformat(timespec="seconds")
        for run in runs:
            for group in GROUPS:
                row = run["rows"][group]
                writer.writerow([when, run["users"], run["seconds"], group, row["requests"], f"{row['rps']:.2f}",
                                 f"{row['p50']:.0f}", f"{row['p95']:.0f}", f"{row['p99']:.0f}", f"{row['max']:.0f}",
                                 row["errors"], f"{run['load_before'][0]:.2f}", f"{run['load_after'][0]:.2f}",
                                 f"{run['cpu']['app']:.2f}", f"{run['cpu']['locust']:.2f}",
                                 f"{run['cpu']['machine']:.2f}"])


def keep_logs(folder: Path, out: Path) -> None:
    for log in (folder / "serve.log", folder / "nginx" / "error.log"):
        if log.exists():
            shutil.copy(log, out / f"{log.parent.name}-{log.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, nargs="+", default=[50, 150, 300])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="a folder for the CSV figures (default: a new temporary one)")
    args = parser.parse_args(argv)
    os.environ.setdefault(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL)
    out = args.out or Path(tempfile.mkdtemp(prefix="careercompass-load-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"Machine: {psutil.cpu_count()} cores; load average now {os.getloadavg()[0]:.2f}.", flush=True)
    runs: list[dict] = []
    # The folder goes last, once everything that writes to it has stopped.
    with tempfile.TemporaryDirectory(prefix="careercompass-load-") as temporary, ExitStack() as cleanup:
        folder = Path(temporary)
        schema = _postgres_url_in_new_schema()
        database_url = next(schema)
        cleanup.callback(next, schema, None)  # drops the schema, last
        settings = prepare(folder, database_url)
        password = secrets.token_urlsafe(16)
        print(f"{add_events_and_adviser(settings, password)} taster events added.", flush=True)
        node_settings = dataclasses.replace(settings, port=free_port())
        node: Node = start_node(node_settings, workers=args.workers, log=folder / "serve.log")
        cleanup.callback(node.stop)
        nginx = start_nginx(folder / "nginx", [node_settings.port])
        cleanup.callback(nginx.stop)
        cleanup.callback(lambda: redis.Redis.from_url(REDIS_URL).flushdb())
        cleanup.callback(keep_logs, folder, out)
        environment = {**os.environ, "LOAD_ADVISER_EMAIL": ADVISER_EMAIL, "LOAD_ADVISER_PASSWORD": password}
        watched = {"app": tree(node.process.pid), "nginx": tree(nginx.process.pid)}
        results = []
        for users in args.users:
            run = run_once(nginx.url, users, args.seconds, out, environment, watched,
                           (folder / "serve.log", folder / "nginx" / "error.log"))
            runs.append(run)
            results += report(run)
            write_csv(runs, out)
    at_target = [run for run in runs if run["users"] >= TARGET_USERS]
    met = bool(at_target) and all(met for name, met in results if name.startswith(f"{at_target[0]['users']} "))
    print(f"\n{'PASS' if met else 'MISS'}  {TARGET_USERS} users with no errors and pages p95 under "
          f"{TARGET_PAGES_P95_MS} ms")
    print(f"Figures written to {out}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
