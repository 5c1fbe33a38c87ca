"""A small HTTP load generator, for machines without ``wrk``: a separate process, loopback only.

``python -m partnerhub.synthetic.bench.loadgen --port 8123 --paths paths.txt --seconds 20
--connections 4`` sends GET requests to ``127.0.0.1`` on that port, the paths taken in turn
from the file, each connection in its own thread with a kept-alive ``http.client``
connection (reopened when the server closes it), for a bounded time. It prints one JSON
line: requests, errors, seconds and latency percentiles in milliseconds.

It is slower than ``wrk`` (Python threads share one core), so its requests per second are a
lower bound; the report says which generator was used.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"  # never anything but loopback


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(port: int, paths: list[str], seconds: float, connections: int) -> dict[str, float]:
    """Send requests for ``seconds`` over ``connections`` connections; the summary."""
    deadline = time.monotonic() + seconds
    counter = itertools.count()
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def worker(slot: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        while time.monotonic() < deadline:
            n = next(counter)
            path = paths[n % len(paths)]
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"X-Forwarded-For": f"bench-client-{n}"})
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    errors[slot] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException):
                errors[slot] += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
                continue
            latencies[slot].append(time.perf_counter() - started)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    every = [value for values in latencies for value in values]
    return {
        "requests": float(len(every) + sum(errors)),
        "errors": float(sum(errors)),
        "seconds": elapsed,
        "p50_ms": 1000 * percentile(every, 0.50),
        "p95_ms": 1000 * percentile(every, 0.95),
        "p99_ms": 1000 * percentile(every, 0.99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--paths", type=Path, required=True, help="One path a line.")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--connections", type=int, default=4)
    options = parser.parse_args()
    paths = [line for line in options.paths.read_text().splitlines() if line.startswith("/")]
    seconds = min(max(options.seconds, 0.5), 120.0)  # bounded, whatever is asked
    print(json.dumps(run(options.port, paths, seconds, max(1, options.connections))))


if __name__ == "__main__":
    main()
