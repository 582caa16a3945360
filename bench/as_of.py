#!/usr/bin/env python3
"""As-of replay on a long budget: records N adjustments on one line of a running ledger through the HTTP API,
then times the as-of table, the history page and the diff (median of R runs each) and prints one line per figure.

Usage: python3 bench/as_of.py --password <finance> --auditor-password <auditor> [--base http://localhost:8080]
       [--budget 062-2026] [--events 20000] [--threads 8] [--runs 5]
"""
import argparse, base64, json, statistics, time, urllib.request
from concurrent.futures import ThreadPoolExecutor

def call(base, user, password, method, path, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")

def timed(runs, action):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", default="http://localhost:8080")
    p.add_argument("--budget", default="062-2026")
    p.add_argument("--password", required=True)
    p.add_argument("--auditor-password", required=True)
    p.add_argument("--events", type=int, default=20000)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()
    budget = f"/api/budgets/{a.budget}"
    line = call(a.base, "finance", a.password, "GET", budget + "/lines")[0]["lineId"]
    start_position = call(a.base, "auditor", a.auditor_password, "GET", "/api/audit/checkpoint")["position"]
    stamp = int(time.time())

    def adjust(i):
        amount = "1.00" if i % 2 == 0 else "-1.00"
        call(a.base, "finance", a.password, "POST", budget + "/adjustments",
             {"lineId": line, "amount": amount, "documentNo": "bench", "reason": "bench", "commandId": f"bench-{stamp}-{i}"})

    began = time.perf_counter()
    with ThreadPoolExecutor(a.threads) as pool:
        list(pool.map(adjust, range(a.events)))
    seconds = time.perf_counter() - began
    print(f"adjustments recorded: {a.events} in {seconds:.1f} s ({a.events / seconds:.0f}/s, {a.threads} threads)")
    middle = start_position + a.events // 2
    cold = timed(1, lambda: call(a.base, 'finance', a.password, 'GET', f'{budget}/tables/3?atPosition={middle}'))
    events = call(a.base, "auditor", a.auditor_password, "GET", budget + "/history?size=1")["total"]
    print(f"events in budget {a.budget}: {events}")
    print(f"as-of table 3, first call (reads and deserialises every event): {cold:.0f} ms")
    print(f"as-of table 3 (atPosition, median of {a.runs}): "
          f"{timed(a.runs, lambda: call(a.base, 'finance', a.password, 'GET', f'{budget}/tables/3?atPosition={middle}')):.0f} ms")
    print(f"live table 3 (read model, median of {a.runs}): "
          f"{timed(a.runs, lambda: call(a.base, 'finance', a.password, 'GET', f'{budget}/tables/3')):.0f} ms")
    print(f"history page of 50 (median of {a.runs}): "
          f"{timed(a.runs, lambda: call(a.base, 'auditor', a.auditor_password, 'GET', f'{budget}/history?size=50')):.0f} ms")
    print(f"diff across the series (median of {a.runs}): "
          f"{timed(a.runs, lambda: call(a.base, 'auditor', a.auditor_password, 'GET', f'{budget}/diff?from={start_position}&to={middle}')):.0f} ms")

if __name__ == "__main__":
    main()
