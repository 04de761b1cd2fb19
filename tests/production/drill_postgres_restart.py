"""A scripted drill: PostgreSQL restarted while people use the site. Run it with

    .venv/bin/python -m tests.production.drill_postgres_restart

The machine's own PostgreSQL is shared, so the drill runs a private one: Debian's binaries, a new cluster in a
temporary folder, a loopback port. It loads the catalogue, starts a production node (`serve --production`, two
workers) on it, sends page views from six threads, restarts PostgreSQL with `pg_ctl restart -m fast` after 5 s, and
prints what people got, second by second. It ends with a failure status if any page failed.
"""

from __future__ import annotations

import dataclasses
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psycopg

from tests.load.run import prepare
from tests.production.stack import Traffic, free_port, start_node

PAGES = "/roles/adult-nurse"


def as_postgres(*command: str) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root, a developer may not.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


def main() -> int:
    binaries = Path(max(glob.glob("/usr/lib/postgresql/*/bin")))
    folder = Path(tempfile.mkdtemp(prefix="cc-pg-drill-"))
    folder.chmod(0o777)  # the postgres user writes its cluster here
    data, port = folder / "data", free_port()
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "postgres.log"), "-w",
              "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {folder}"]
    node = None
    try:
        subprocess.run(as_postgres(str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"),
                       check=True, capture_output=True)
        subprocess.run(as_postgres(*pg_ctl, "start"), check=True, capture_output=True)
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", autocommit=True) as connection:
            connection.execute("CREATE DATABASE careercompass")
        settings = prepare(folder / "app", f"postgresql+psycopg://postgres@127.0.0.1:{port}/careercompass")
        settings = dataclasses.replace(settings, port=free_port())
        node = start_node(settings, workers=2, log=folder / "serve.log")
        with Traffic(f"{node.url}{PAGES}", threads=6) as traffic:
            time.sleep(5)
            started = time.monotonic()
            subprocess.run(as_postgres(*pg_ctl, "-m", "fast", "restart"), check=True, capture_output=True)
            took = time.monotonic() - started
            print(f"PostgreSQL restarted (down and up again) in {took:.1f} s", flush=True)
            time.sleep(10)
        first = traffic.answers[0][0]
        by_second: dict[int, Counter] = {}
        for moment, status, _ in traffic.answers:
            by_second.setdefault(int(moment - first), Counter())[status] += 1
        for second, statuses in sorted(by_second.items()):
            print(f"  {second:3d} s  " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
        failed = sum(count for status, count in traffic.statuses().items() if status != 200)
        slowest = max(moment for moment, _, _ in traffic.answers) - first
        read_again = node.log.read_text(errors="replace").count("reading again on a new connection")
        print(f"{len(traffic.answers)} page views over {slowest:.0f} s; {failed} failed; "
              f"{read_again} read again after the database went away.")
        return 1 if failed else 0
    finally:
        if node is not None:
            node.stop()
        subprocess.run(as_postgres(*pg_ctl, "-m", "immediate", "stop"), check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
