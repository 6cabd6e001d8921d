"""Sign-in flood against a real uvicorn on loopback: peak server memory and how long an
unrelated request waits while N sign-ins hash at once.

    .venv/bin/python bench/login_flood.py --parallel 40 --slots 2 --slots 40

For each ``--slots`` value (ISUPPORT_HASH_SLOTS: password hashes allowed at once; 40 is
"unbounded" for 40 sign-ins, the behaviour before the bound) it starts a fresh server on a
fresh SQLite file, sends ``--parallel`` wrong-password sign-ins at once (throttle limits
raised so every one reaches the hash), and meanwhile times a GET /static/style.css. Bounded
in count (one flood per setting) and time (every request times out after 120 s)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BIN = Path(sys.executable).parent


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _status(url: str, data: bytes | None = None) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=120) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def flood(slots: int, parallel: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="isupport-flood-"))
    db = f"sqlite:///{folder / 'web.db'}"
    env = {
        **os.environ,
        "ISUPPORT_DB": db,
        "ISUPPORT_HASH_SLOTS": str(slots),
        "ISUPPORT_LOGIN_LIMITS_ACCOUNT": "100000 per 1 minute",
        "ISUPPORT_LOGIN_LIMITS_ADDRESS": "100000 per 1 minute",
    }
    subprocess.run(
        [
            *(str(BIN / "isupport"), "accounts", "create", "someone", "--role", "auditor"),
            *("--password-stdin", "--db", db),
        ],
        input="a-long-password",
        text=True,
        check=True,
        capture_output=True,
        env=env,
    )
    port = _port()
    server = subprocess.Popen(
        [
            *(str(BIN / "uvicorn"), "--factory", "industrial_support.web.app:create_app"),
            *("--port", str(port), "--log-level", "warning"),
        ],
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _status(f"{base}/login")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.2)
        body = urllib.parse.urlencode({"username": "someone", "password": "wrong"}).encode()
        _status(f"{base}/login", body)  # warm: one hash, every module loaded
        rss_before = _kib(server.pid, "VmRSS") / 1024
        hwm_before = _kib(server.pid, "VmHWM") / 1024
        waits: list[float] = []

        def probe() -> None:
            time.sleep(0.3)  # once the flood is under way
            started = time.perf_counter()
            _status(f"{base}/static/style.css")
            waits.append(time.perf_counter() - started)

        prober = threading.Thread(target=probe)
        started = time.perf_counter()
        prober.start()
        with ThreadPoolExecutor(parallel) as pool:
            statuses = list(pool.map(lambda _: _status(f"{base}/login", body), range(parallel)))
        flood_seconds = time.perf_counter() - started
        prober.join()
        assert statuses == [401] * parallel, statuses
        return {
            "slots": slots,
            "rss_before_mib": rss_before,
            "peak_before_mib": hwm_before,
            "peak_after_mib": _kib(server.pid, "VmHWM") / 1024,
            "flood_seconds": flood_seconds,
            "other_request_seconds": waits[0],
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parallel", type=int, default=40)
    parser.add_argument("--slots", type=int, action="append")
    args = parser.parse_args()
    for slots in args.slots or [os.cpu_count() or 2, args.parallel]:
        r = flood(slots, args.parallel)
        print(
            f"slots={r['slots']:>3}: server {r['rss_before_mib']:.0f} MiB resident, peak "
            f"{r['peak_before_mib']:.0f} -> {r['peak_after_mib']:.0f} MiB during "
            f"{args.parallel} parallel sign-ins ({r['flood_seconds']:.1f} s); "
            f"a static file meanwhile took {r['other_request_seconds']:.2f} s"
        )


if __name__ == "__main__":
    main()
