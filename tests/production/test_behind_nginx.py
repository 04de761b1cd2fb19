"""The app as deployed on one machine: nginx with the repository's proxy settings in front of
`careercompass serve --production` (threaded workers), PostgreSQL, and rate limits counted in Redis."""

from __future__ import annotations

import json
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import httpx

from tests.production.stack import check_site_config

SLOW_CLIENTS = 40  # five times the node's threads (2 workers x 4)


@contextmanager
def slow_clients(port: int, count: int = SLOW_CLIENTS):
    """Clients that send a request's headers, then its body one byte a second, as a stalled phone or an attacker
    would; they keep going until the block ends."""
    sockets = []
    for _ in range(count):
        client = socket.create_connection(("127.0.0.1", port), timeout=5)
        client.sendall(b"POST /api/v1/match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Content-Length: 300\r\n\r\n{")
        sockets.append(client)
    stopping = threading.Event()

    def trickle():
        while not stopping.wait(1):
            for client in sockets:
                try:
                    client.sendall(b" ")
                except OSError:
                    pass

    sender = threading.Thread(target=trickle, daemon=True)
    sender.start()
    try:
        time.sleep(1.5)  # let every one of them be taken in
        yield
    finally:
        stopping.set()
        sender.join()
        for client in sockets:
            client.close()


def test_slow_clients_cannot_hold_the_workers_behind_nginx(proxy):
    """nginx takes whole requests before the app sees them, so clients trickling their bodies hold only nginx
    connections. (Sent straight at gunicorn, the same 40 clients can take all eight threads: /livez waited 10 s.)"""
    with slow_clients(proxy.port):
        started = time.monotonic()
        alive = httpx.get(f"{proxy.url}/livez", timeout=10)
        waited = time.monotonic() - started
        health = httpx.get(f"{proxy.url}/healthz", timeout=30)
    assert alive.status_code == 200 and waited < 3, waited
    assert health.status_code == 200, health.text


def _post_many(url: str, count: int, headers=lambda n: {}) -> list[httpx.Response]:
    def post(n: int) -> httpx.Response:
        return httpx.post(url, json={}, headers=headers(n), timeout=30)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(post, range(count)))


def test_limits_are_counted_across_workers_and_forged_addresses_do_not_escape_them(proxy, fresh_counters):
    # Each request claims another address; nginx appends the one it saw, and the app believes only that one.
    # The booking limit is 20 a minute: the posts are sent at once, so they land on both workers.
    answers = _post_many(f"{proxy.url}/api/v1/events/1/bookings", 26,
                         headers=lambda n: {"X-Forwarded-For": f"203.0.113.{n}"})
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses.count(429) == 6, statuses
    refused = next(answer for answer in answers if answer.status_code == 429)
    assert "Retry-After" in refused.headers
    assert refused.json()["error"]["message"].startswith("Too many requests at once")


def test_a_body_too_big_gets_the_app_s_own_plain_message_through_nginx(proxy, fresh_counters):
    answer = httpx.post(f"{proxy.url}/api/v1/match", content=b'{"interests": "' + b"a" * 100_000 + b'"}',
                        headers={"Content-Type": "application/json"}, timeout=30)
    assert answer.status_code == 413
    assert "nginx" not in answer.text


def test_the_site_config_as_shipped_passes_nginx_s_own_check(tmp_path):
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "careers.example.org")])
    now = datetime.now(UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=1))
                   .sign(key, hashes.SHA256()))
    (tmp_path / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    checked = check_site_config(tmp_path / "nginx", tmp_path / "cert.pem", tmp_path / "key.pem")
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_the_served_app_logs_json_lines_with_nginx_s_request_id_and_no_words_typed(proxy, first_node, fresh_counters):
    answer = httpx.get(f"{proxy.url}/roles", params={"q": "I have epilepsy"}, timeout=30)
    request_id = answer.headers["X-Request-ID"]
    assert answer.status_code == 200 and len(request_id) == 32  # nginx's $request_id, passed through
    deadline = time.monotonic() + 10
    while request_id not in first_node.log.read_text(errors="replace"):
        assert time.monotonic() < deadline, "no log line for the request"
        time.sleep(0.2)
    output = first_node.log.read_text(errors="replace")
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    [access] = [line for line in lines if line.get("request_id") == request_id]
    assert access["route"] == "/roles" and access["status"] == 200
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line["message"] for line in lines)
    assert "epilepsy" not in output.lower() and "GET /roles?" not in output
