"""A Dask cluster against --jobs on the same machine: a large generated TSV checked by a local
cluster of N worker processes (started beforehand, as a user's cluster is) and by `--jobs N`,
end to end; the overhead of the scheduler and of the transfers, what a task costs Dask, and the
bytes sent per task, so that scaling to many machines can be projected. Needs
`pip install -e '.[dask,bench]'`.

    python bench/cluster.py --data /work/bench-data/builtin-100mb.tsv --copies 10   # 1 GB

The large file is the --data TSV repeated (--copies times, one header), written to --work (a
temporary folder by default, removed at the end). Rounds are interleaved; every report must be
the same bytes (cmp). Never part of the test run.
"""

from __future__ import annotations

import argparse
import filecmp
import logging
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def repeated(data: Path, copies: int, out: Path) -> Path:
    """`data` (a TSV with a header) written `copies` times, the header once."""
    if out.exists() and out.stat().st_size > 0:
        return out
    with open(data, "rb") as source:
        header = source.readline()
        body = source.read()
    if not body.endswith(b"\n"):
        body += b"\n"
    with open(out, "wb") as target:
        target.write(header)
        for _ in range(copies):
            target.write(body)
    return out


def run(path: Path, report: Path, *options: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds of `termcheck check` (its process and the processes it waited
    for: --jobs workers, not a cluster's)."""
    command = [sys.executable, "-m", "termcheck", "check", str(path), "--no-config", "--format", "json", "--output", str(report), "--fail-on", "never", *options]
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tempfile.gettempdir())
    seconds = time.perf_counter() - started
    after = os.times()
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)}: {done.stderr.strip()}")
    return seconds, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def _cpu_seconds() -> float:
    """This process's CPU seconds (run in each worker by Client.run)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _termcheck_path() -> str:
    """Where this process imports termcheck from (run in each worker by Client.run)."""
    import termcheck

    return str(Path(termcheck.__file__).parent)


def task_times(tasks: list[dict[str, object]], ended: float) -> str:
    """Seconds of work of each kind of task of a run (its function's name), of the transfers of
    their inputs between workers, and from the last unit's check to the end of the run."""
    compute: dict[str, float] = {}
    transfer: dict[str, float] = {}
    count: dict[str, int] = {}
    last_check = 0.0
    for task in tasks:
        key = task["key"]
        kind = str(key[0] if isinstance(key, tuple) else key).split("-", 1)[0]
        count[kind] = count.get(kind, 0) + 1
        for interval in task["startstops"]:  # type: ignore[attr-defined]
            seconds = interval["stop"] - interval["start"]
            into = compute if interval["action"] == "compute" else transfer
            into[kind] = into.get(kind, 0.0) + seconds
            if kind == "check_unit" and interval["action"] == "compute":
                last_check = max(last_check, interval["stop"])
    kinds = ", ".join(f"{kind} {count[kind]} ({compute.get(kind, 0):.1f} s, inputs sent {transfer.get(kind, 0):.1f} s)" for kind in sorted(count))
    return f"  tasks: {kinds}; the check process ended {ended - last_check:.1f} s after the last check_unit (the comparison, the report written)"


def cluster_cpu(client: object) -> tuple[float, float]:
    """CPU seconds so far of the workers, and of this process (the scheduler runs in it)."""
    workers = client.run(_cpu_seconds)  # type: ignore[attr-defined]
    return sum(workers.values()), _cpu_seconds()


def task_costs(client: object, path: Path, sample: int) -> dict[str, float]:
    """What Dask costs per task (empty tasks, submitted and gathered), and the bytes a unit's task
    is sent and sends back (pickled, as Dask sends them), over a sample of the file's parts."""
    from termcheck.api import load_matchers
    from termcheck.cluster import check_unit
    from termcheck.readers import ReadOptions
    from termcheck.readers.parts import file_parts
    from termcheck.readers.table import stream_table
    from termcheck.rules import all_rules

    tasks = 2000
    started = time.perf_counter()
    futures = client.map(int, range(tasks), pure=False)  # type: ignore[attr-defined]
    client.gather(futures)  # type: ignore[attr-defined]
    per_task = (time.perf_counter() - started) / tasks
    matchers = load_matchers()
    parts = file_parts(stream_table(str(path), ReadOptions())) or []
    rule_ids = tuple(rule.ID for rule in all_rules())
    sent: list[int] = []
    back: list[int] = []
    folded: list[int] = []
    step = max(1, len(parts) // sample)
    for part in parts[::step][:sample]:
        result, fold = check_unit(matchers, rule_ids, "file", part)
        sent.append(len(pickle.dumps((rule_ids, "file", part))))
        back.append(len(pickle.dumps(result)))
        folded.append(len(pickle.dumps(fold)))
    return {
        "parts": len(parts),
        "empty_task_ms": per_task * 1000,
        "sent_bytes": statistics.mean(sent),
        "result_bytes": statistics.mean(back),
        "folded_bytes": statistics.mean(folded),
        "glossary_bytes": len(pickle.dumps(matchers)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="a generated TSV (bench/corpus.py)")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--work", type=Path, help="where the large file is written (default: a temporary folder)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sample", type=int, default=5, help="parts whose task bytes are measured")
    arguments = parser.parse_args()
    import distributed

    with tempfile.TemporaryDirectory() as scratch:
        work = arguments.work or Path(scratch)
        big = repeated(arguments.data, arguments.copies, work / f"{arguments.data.stem}-x{arguments.copies}.tsv")
        size_mb = big.stat().st_size / 1e6
        print(f"{big.name}: {size_mb:.0f} MB", flush=True)
        started = time.perf_counter()
        cluster = distributed.LocalCluster(
            n_workers=arguments.workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        )
        client = distributed.Client(cluster)
        print(f"local cluster of {arguments.workers} workers started in {time.perf_counter() - started:.1f} s", flush=True)
        # The code measured: the workers import termcheck as this process does (PYTHONPATH first).
        print(f"termcheck from {sorted(set(client.run(_termcheck_path).values()))} (workers), {_termcheck_path()} (here)", flush=True)
        times: dict[str, list[tuple[float, float]]] = {"jobs": [], "cluster": []}
        reports: list[Path] = []
        try:
            for round_ in range(arguments.repeat):
                for name, options in (("jobs", ("--jobs", str(arguments.workers))), ("cluster", ("--scheduler", cluster.scheduler_address))):
                    report = Path(scratch) / f"{name}-{round_}.json"
                    workers_before, scheduler_before = cluster_cpu(client)
                    load = os.getloadavg()[0]
                    if name == "cluster":
                        # Every task of the cluster recorded (the scheduler's task stream), whichever client submits it.
                        with distributed.get_task_stream(client) as stream:
                            wall, cpu = run(big, report, *options)
                            ended = time.time()
                        print(task_times(stream.data, ended))
                    else:
                        wall, cpu = run(big, report, *options)
                    if name == "cluster":
                        workers_after, scheduler_after = cluster_cpu(client)
                        print(f"  CPU: client {cpu:.1f} s, workers {workers_after - workers_before:.1f} s, scheduler {scheduler_after - scheduler_before:.1f} s")
                        cpu += workers_after - workers_before + scheduler_after - scheduler_before
                    times[name].append((wall, cpu))
                    reports.append(report)
                    print(name, round_, *(f"{value:.1f}" for value in times[name][-1]), f"(load {load:.2f} before, {os.getloadavg()[0]:.2f} after)", flush=True)
            costs = task_costs(client, big, arguments.sample)
        finally:
            client.close()
            cluster.close()
        same = all(filecmp.cmp(reports[0], report, shallow=False) for report in reports[1:])
    jobs = statistics.median(run[0] for run in times["jobs"])
    on_cluster = statistics.median(run[0] for run in times["cluster"])
    print(f"\nevery report identical: {same}")
    print(f"--jobs {arguments.workers}: {jobs:.1f} s ({size_mb / jobs:.2f} MB/s); cluster of {arguments.workers}: {on_cluster:.1f} s ({size_mb / on_cluster:.2f} MB/s)")
    print(f"cluster overhead: {(on_cluster / jobs - 1) * 100:+.1f} % of --jobs {arguments.workers}")
    jobs_cpu = statistics.median(r[1] for r in times["jobs"])
    cluster_cpu_seconds = statistics.median(r[1] for r in times["cluster"])
    print(
        f"CPU: --jobs {jobs_cpu:.1f} s (the check and its workers); cluster {cluster_cpu_seconds:.1f} s (the client, the workers and the "
        f"scheduler): {(cluster_cpu_seconds / jobs_cpu - 1) * 100:+.1f} %"
    )
    units = costs["parts"]
    print(
        f"units: {units:.0f} parts of about 1 MB; {on_cluster / units * arguments.workers:.2f} s of a worker per unit; "
        f"an empty Dask task {costs['empty_task_ms']:.2f} ms end to end"
    )
    print(
        f"bytes per task: sent {costs['sent_bytes']:.0f} (the part's place; the glossary is scattered once: {costs['glossary_bytes'] / 1e6:.1f} MB per worker), "
        f"findings back {costs['result_bytes'] / 1e3:.1f} kB, folded summaries {costs['folded_bytes'] / 1e3:.1f} kB (stay on the cluster)"
    )


if __name__ == "__main__":
    main()
