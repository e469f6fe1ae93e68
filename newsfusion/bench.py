"""`newsfusion bench`: throughput, latency and memory of the pipeline on a real corpus.

The pipeline is the whole of it, ingest to brief refresh: whenever articles' extractions are
written, the brief of every story of two or more articles among theirs is built again, as a
server showing those stories would, in a process of its own with its own read connection
(`--no-briefs` leaves that step out). Latency is measured twice: from a document's arrival
to its batch being committed (its story updated), and to its story's brief being rebuilt.
Peak memory is the largest sum of the resident memory of this process and its workers,
sampled five times a second.

Each run ingests the first N documents of the corpus into a fresh temporary store, in a
fresh process, so runs do not share caches or memory peaks. The worker processes are started
and their models loaded before the clock starts, as in a long-running service (`startup_s`
says how long that took). With several runs the report
gives the median of each figure and every run's figures beside it: these machines are
shared and noisy, so one run says little.

`--prefill N` measures the pipeline on a store that already holds N articles: before the
clock, the cluster bench's replay (`bench_cluster.prefill_stories`: copies of the corpus's
clustering features, shifted 400 days a pass and lightly edited) puts N articles' rows and
stories into the store through the pipeline's own clusterer, and the timed documents are
dated after every replayed copy. The prefilled articles have no text or extraction, so this
measures what grows with the store (the clusterer's state and lookups, the SQLite tables and
indexes, memory) and not 1M articles' worth of spaCy, which takes about 18 hours on two cores.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import multiprocessing
import os
import resource
import statistics
import sys
import queue as queues
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Callable

from .errors import NewsfusionError
from .heap import freeze_loaded, trim_heap
from .ingest import InputReader
from .pipeline import Pipeline
from .settings import Settings
from .store import Store
from .types import RawDocument
from .pools import worker_count


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of `values` fall (nearest rank); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[rank]


def peak_rss_mb(workers: int = 0) -> float:
    """Peak resident memory in MB: this process's, plus the largest finished worker's for each worker.

    An upper bound on the run's total, since workers rarely peak at once (Linux reports KB).
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + workers * child) / 1024


def _stat_fields(process: Path) -> list[str] | None:
    """The fields of a /proc process entry's stat line from field 3 (state) on (None if it is gone)."""
    try:
        stat = (process / "stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()  # after the command name, which may hold spaces


def _cpu_ticks(process: Path) -> int | None:
    """User + system CPU time of a /proc process entry, in clock ticks (None if it is gone)."""
    fields = _stat_fields(process)
    return int(fields[11]) + int(fields[12]) if fields else None  # utime and stime, fields 14 and 15 of proc(5)


def _roles_of(pids: Any, roles: dict[int, str]) -> list[tuple[int, str]]:
    """The sampled pids that have a role (`roles` names the workers; this process is "main")."""
    named = {os.getpid(): "main", **roles}
    return [(pid, named[pid]) for pid in pids if pid in named]


def _pss_kb(process: Path) -> int | None:
    """A process's proportional set size in KB: its resident pages, each shared one divided among the processes sharing it."""
    try:
        with open(process / "smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


class RssSampler:
    """The peak, over a run, of the summed resident memory of this process and its children.

    A thread reads /proc five times a second (looking for new children once a second).
    Without /proc it reports `peak_rss_mb(workers)`. Summed RSS counts a page shared by
    several processes (the code of numpy, scipy and spaCy's libraries, mapped from the same
    files) once in each; the summed PSS counts it once in all, split among them, so it is
    what the run takes from the machine. Both peaks
    are kept; PSS is None where the kernel does not give it (before Linux 4.14, or no /proc).
    """

    PERIOD_S = 0.2
    # PSS costs the kernel a walk of each process's page tables (7-11 ms for each of a run's
    # 200-400 MB processes, and the walk holds the process's memory lock while it runs). Read
    # on every new RSS peak, it took a fifth of a core while a run's memory grew. So it is read
    # every `PSS_EVERY` samples (5 s), when the RSS sum has grown `PSS_STEP_KB` since the last
    # reading, and at the end: the peak PSS reported may be up to about that step low.
    PSS_EVERY = 25
    PSS_STEP_KB = 32 * 1024
    # Finding the children means reading every process's stat line (74 processes here, about
    # 5 ms); it is done every `DISCOVER_EVERY` samples (1 s), and the processes known read in between.
    DISCOVER_EVERY = 5

    def __init__(self, workers: int):
        self.workers = workers
        self.peak_kb = 0
        self.peak_pss_kb: int | None = None
        self.peak_kb_by_pid: dict[int, int] = {}
        self.cpu_ticks_by_pid: dict[int, int] = {}  # user + system time at the latest sample
        self.cpu_base: dict[int, int] = {}
        self.sampler_cpu_s = 0.0  # this sampler's own CPU time, taken off the main process's
        self._samples = 0
        self._pss_read_at_kb = 0  # the RSS sum when PSS was last read
        self._known: list[Path] = []  # this process and its children, as last found
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._proc = Path("/proc")

    def __enter__(self) -> "RssSampler":
        if (self._proc / "self" / "status").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()
            self._sample(full=True)

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024 if self.peak_kb else peak_rss_mb(self.workers)

    @property
    def peak_pss_mb(self) -> float | None:
        return round(self.peak_pss_kb / 1024, 1) if self.peak_pss_kb else None

    def _run(self) -> None:
        while not self._stop.wait(self.PERIOD_S):
            started = time.thread_time()
            self._sample()
            self.sampler_cpu_s += time.thread_time() - started

    def _discover(self) -> list[Path]:
        """This process's /proc entry and its children's."""
        me = str(os.getpid())
        children = []
        for entry in self._proc.iterdir():
            if entry.name.isdigit() and entry.name != me:
                fields = _stat_fields(entry)
                if fields is not None and fields[1] == me:  # the parent's pid, field 4 of proc(5)
                    children.append(entry)
        return [self._proc / me, *children]

    def _sample(self, full: bool = False) -> None:
        """Read the memory and CPU of this process and its children; `full` looks for children anew and reads PSS."""
        if full or not self._known or self._samples % self.DISCOVER_EVERY == 0:
            self._known = self._discover()
        total = 0
        ours = []
        for entry in self._known:
            try:
                status = (entry / "status").read_text()
            except OSError:  # the process ended meanwhile
                continue
            resident = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
            pid = int(entry.name)
            total += resident
            ours.append(entry)
            self.peak_kb_by_pid[pid] = max(self.peak_kb_by_pid.get(pid, 0), resident)
            ticks = _cpu_ticks(entry)
            if ticks is not None:
                self.cpu_ticks_by_pid[pid] = ticks
        self._samples += 1
        if full or total >= self._pss_read_at_kb + self.PSS_STEP_KB or self._samples % self.PSS_EVERY == 0:
            self._pss_read_at_kb = total
            shares = [_pss_kb(entry) for entry in ours]
            if shares and None not in shares:
                self.peak_pss_kb = max(self.peak_pss_kb or 0, sum(shares))  # type: ignore[arg-type]
        self.peak_kb = max(self.peak_kb, total)

    def restart_peaks(self) -> None:
        """Forget the memory peaks so far: the run's peaks are taken from here on."""
        if self._thread.is_alive():
            self._sample(full=True)
        self.peak_kb = 0
        self.peak_pss_kb = None
        self.peak_kb_by_pid = {}

    def mark_cpu(self) -> None:
        """Start counting CPU time from now (model loading before the clock is left out)."""
        if self._thread.is_alive():
            self._sample(full=True)  # every worker started by now gets its base
            self.cpu_base = dict(self.cpu_ticks_by_pid)
            self.sampler_cpu_s = 0.0

    def cpu_by_role(self, roles: dict[int, str]) -> dict[str, float]:
        """CPU seconds (user + system) each role's processes used since `mark_cpu`, summed over its processes.

        Unlike wall-clock stage times these do not stretch when processes wait for a core, so
        they compare runs on a shared machine. A process is counted up to its last sample. The
        sampler's own reading of /proc runs in this process and is left out of "main".
        """
        tick = os.sysconf("SC_CLK_TCK")
        seconds: dict[str, float] = {}
        for pid, role in _roles_of(self.cpu_ticks_by_pid, roles):
            seconds[role] = seconds.get(role, 0.0) + (self.cpu_ticks_by_pid[pid] - self.cpu_base.get(pid, 0)) / tick
        if "main" in seconds:
            seconds["main"] = max(0.0, seconds["main"] - self.sampler_cpu_s)
        return {role: round(value, 2) for role, value in sorted(seconds.items())}

    def peaks_by_role(self, roles: dict[int, str]) -> dict[str, float]:
        """Each role's largest process peak in MB (`roles` names pids; this process is "main").

        Says which process grows in a long run. The peaks need not fall at the same moment, so
        they may sum to more than `peak_mb`.
        """
        peaks: dict[str, float] = {}
        for pid, role in _roles_of(self.peak_kb_by_pid, roles):
            peaks[role] = max(peaks.get(role, 0.0), round(self.peak_kb_by_pid[pid] / 1024, 1))
        return peaks


class BriefRefresher:
    """Rebuilds the briefs of the stories whose articles' extractions were just written (two or more articles).

    Runs in a process of its own with a read-only connection, as the web server would: the
    pipeline only queues the request. Requests that queue up while a round of briefs is built
    are served together, each story once. Latencies are measured on the system's monotonic
    clock, which `time.perf_counter` reads in every process alike.
    """

    def __init__(self, db_path: str):
        context = multiprocessing.get_context("spawn")
        self._requests = context.Queue()
        self._results = context.Queue()
        self._process = context.Process(target=_serve_briefs, args=(db_path, self._requests, self._results), daemon=True)
        self.latencies: list[float] = []
        self.briefs = 0
        self.seconds = 0.0

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def __enter__(self) -> "BriefRefresher":
        self._process.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.finish()

    def __call__(self, story_ids: list[int], arrivals: list[float]) -> None:
        self._requests.put((story_ids, arrivals))

    def finish(self) -> None:
        """Wait for every queued request to be served, and take the figures."""
        if self._process.pid is None or self._process.exitcode is not None:
            return
        self._requests.put(None)
        result = _result_of(self._process, self._results)
        self._process.join()
        if "error" in result:
            raise NewsfusionError(f"the brief refresher failed ({result['error']})")
        self.latencies, self.briefs, self.seconds = result["latencies"], result["briefs"], result["seconds"]


def _serve_briefs(db_path: str, requests: Any, results: Any) -> None:
    """The brief refresher's process: serve requests until told to stop, then send the figures."""
    from .brief import story_brief

    figures: dict[str, Any] = {"latencies": [], "briefs": 0, "seconds": 0.0}
    try:
        with Store(db_path, read_only=True) as store:
            while True:
                batch = [requests.get()]
                while not requests.empty():
                    batch.append(requests.get())
                started = time.perf_counter()
                live: dict[int, None] = {}
                for request in batch:
                    for story_id in request[0] if request else ():
                        found = store.live_story_size(story_id)  # follows a story folded into another
                        if found is not None and found[1] >= 2:
                            live[found[0]] = None
                for story_id in live:
                    story_brief(store, story_id)
                if live:
                    freeze_loaded()  # what the first briefs loaded (lexicons, gazetteer) stays for good
                done = time.perf_counter()
                figures["briefs"] += len(live)
                figures["seconds"] += done - started if live else 0.0
                figures["latencies"].extend(done - arrived for request in batch if request for arrived in request[1])
                if None in batch:
                    break
        results.put(figures)
    except BaseException as exc:  # the pipeline must hear of it rather than wait forever
        results.put({"error": f"{type(exc).__name__}: {exc}"})
        raise


class _ProgressLine:
    """Prints the documents done so far to stderr every PERIOD_S seconds: a long bench is not silent."""

    PERIOD_S = 30.0

    def __init__(self) -> None:
        self.started = self._last = time.perf_counter()

    def __call__(self, summary: Any) -> None:
        now = time.perf_counter()
        if now - self._last >= self.PERIOD_S:
            self._last = now
            rate = summary.seen / max(now - self.started, 1e-9)
            print(f"bench: {summary.seen:,} documents stored, {rate:,.1f}/s", file=sys.stderr, flush=True)


def shifted(item: Any, days: int) -> Any:
    """A document dated `days` later (its record's date, when that is an ISO date); anything else unchanged."""
    if not days or not isinstance(item, RawDocument) or not item.published:
        return item
    try:
        when = datetime.fromisoformat(item.published.replace("Z", "+00:00"))
    except ValueError:
        return item
    later = when + timedelta(days=days)
    return replace(item, published=later.date().isoformat() if len(item.published) == 10 else later.isoformat())


def _prefill(store: Store, pipeline: Pipeline, corpus: str, count: int, settings: Settings) -> dict[str, Any]:
    """Put `count` replayed articles' stories into the store through the pipeline's clusterer (untimed)."""
    from .bench_cluster import corpus_features, prefill_stories

    started = time.perf_counter()
    compact = corpus_features(corpus, None, settings)
    if not len(compact):
        raise NewsfusionError(f"--prefill needs articles to replay, and none of {corpus} survived cleaning; use a news corpus")

    def progress(done: int) -> None:
        if done % 50_000 < settings.batch_size or done == count:
            print(f"bench: prefilled {done:,} of {count:,} articles", file=sys.stderr, flush=True)

    rounds = prefill_stories(store, pipeline.clusterer, compact, count, settings.batch_size, progress)
    del compact
    trim_heap()
    return {"prefill": count, "prefill_s": round(time.perf_counter() - started, 1), "stories_before": store.live_story_count(), "rounds": rounds}


def run_once(corpus: str, limit: int | None, settings: Settings, briefs: bool = True, prefill: int = 0) -> dict[str, Any]:
    """Ingest up to `limit` documents of `corpus` into a fresh store (holding `prefill` replayed articles first); return the figures."""
    from .bench_cluster import REPLAY_SHIFT_DAYS

    with tempfile.TemporaryDirectory(prefix="newsfusion-bench-") as folder:
        run_settings = replace(settings, db=str(Path(folder) / "bench.db"), offline=True)
        with Store(run_settings.db) as store:
            reader = InputReader(run_settings)
            items = reader.read([corpus])
            if limit is not None:
                items = itertools.islice(items, limit)
            refresher = BriefRefresher(run_settings.db) if briefs else None
            workers = worker_count(run_settings.workers)
            report = _ProgressLine()
            prefilled: dict[str, Any] = {}
            with RssSampler(workers) as memory, Pipeline(store, run_settings, on_progress=report, on_batch=refresher) as pipeline:
                if prefill > 0:
                    prefilled = _prefill(store, pipeline, corpus, prefill, run_settings)
                    days = REPLAY_SHIFT_DAYS * prefilled.pop("rounds")
                    items = (shifted(item, days) for item in items)
                    memory.restart_peaks()  # the replay's own features are not the pipeline's memory
                with refresher if refresher is not None else contextlib.nullcontext():
                    started = time.perf_counter()
                    pipeline.warm_up()
                    startup = time.perf_counter() - started
                    memory.mark_cpu()
                    started = report.started = time.perf_counter()
                    summary = pipeline.run(items)
                    if refresher is not None:
                        refresher.finish()
                    seconds = time.perf_counter() - started
                roles = {pid: role for role, pids in pipeline.worker_pids().items() for pid in pids}
                if refresher is not None and refresher.pid is not None:
                    roles[refresher.pid] = "brief"
            memory_by_role = memory.peaks_by_role(roles)
            cpu_by_role = memory.cpu_by_role(roles)
    articles = summary.ingested + summary.revisions
    result = {
        **prefilled,
        "articles": articles,
        "documents": summary.seen,
        "rejected": summary.rejected,
        "seconds": round(seconds, 3),
        "startup_s": round(startup, 2),
        "articles_per_s": round(summary.seen / seconds, 1) if seconds else 0.0,
        "latency_p50_s": round(percentile(summary.latencies, 0.50), 4),
        "latency_p95_s": round(percentile(summary.latencies, 0.95), 4),
        "latency_p99_s": round(percentile(summary.latencies, 0.99), 4),
        "peak_rss_mb": round(memory.peak_mb, 1),
        "peak_pss_mb": memory.peak_pss_mb,
        "peak_rss_by_process_mb": memory_by_role,
        "cpu_s_by_process": cpu_by_role,
        "sampler_cpu_s": round(memory.sampler_cpu_s, 2),
        "stages": {stage: round(rate, 1) for stage, rate in pipeline.timer.rates().items()},
        "stage_seconds": {stage: round(spent, 2) for stage, spent in pipeline.timer.seconds.items()},
    }
    if refresher is not None:
        result["stages"]["brief"] = round(refresher.briefs / refresher.seconds, 1) if refresher.seconds else 0.0
        result["stage_seconds"]["brief"] = round(refresher.seconds, 2)
        result["briefs_built"] = refresher.briefs
        result["brief_latency_p50_s"] = round(percentile(refresher.latencies, 0.50), 4)
        result["brief_latency_p95_s"] = round(percentile(refresher.latencies, 0.95), 4)
        result["brief_latency_p99_s"] = round(percentile(refresher.latencies, 0.99), 4)
    return result


def _child(run: Callable[..., dict[str, Any]], args: tuple, queue: Any) -> None:
    try:
        queue.put(run(*args))
    except BaseException as exc:  # the parent must hear of it rather than wait forever
        queue.put({"error": f"{type(exc).__name__}: {exc}"})
        raise


def _result_of(process: Any, queue: Any) -> dict[str, Any]:
    """The run's figures from its process, or an error if the process died without sending them."""
    while True:
        try:
            return queue.get(timeout=1.0)
        except queues.Empty:
            if not process.is_alive():
                return {"error": f"its process exited with code {process.exitcode} before reporting"}


def runs_in_fresh_processes(run: Callable[..., dict[str, Any]], args: tuple, runs: int) -> list[dict[str, Any]]:
    """`run(*args)` `runs` times, each in a process of its own (so runs share no caches or memory peaks); their figures."""
    context = multiprocessing.get_context("spawn")
    results = []
    for _ in range(max(1, runs)):
        queue = context.Queue()
        process = context.Process(target=_child, args=(run, args, queue))
        process.start()
        result = _result_of(process, queue)
        process.join()
        if "error" in result:
            raise NewsfusionError(f"a bench run failed ({result['error']}); the traceback is above")
        results.append(result)
    return results


def run_bench(
    corpus: str, limit: int | None, runs: int, settings: Settings, briefs: bool = True, prefill: int = 0
) -> dict[str, Any]:
    """Run the bench `runs` times, each in its own process; report medians and every run."""
    results = runs_in_fresh_processes(run_once, (corpus, limit, settings, briefs, prefill), runs)
    median = lambda key: statistics.median(run[key] for run in results)  # noqa: E731
    return {
        "corpus": corpus,
        "limit": limit,
        **({"prefill": prefill, "stories_before": results[0]["stories_before"]} if prefill else {}),
        "runs": len(results),
        "articles": results[0]["articles"],
        "documents": results[0]["documents"],
        "seconds": median("seconds"),
        "articles_per_s": median("articles_per_s"),
        "latency_p50_s": median("latency_p50_s"),
        "latency_p95_s": median("latency_p95_s"),
        "latency_p99_s": median("latency_p99_s"),
        **(
            {key: median(key) for key in ("briefs_built", "brief_latency_p50_s", "brief_latency_p95_s", "brief_latency_p99_s")}
            if briefs
            else {}
        ),
        "peak_rss_mb": median("peak_rss_mb"),
        "peak_pss_mb": _median_or_none([run["peak_pss_mb"] for run in results]),
        "peak_rss_by_process_mb": _median_by_key(results, "peak_rss_by_process_mb"),
        "cpu_s_by_process": _median_by_key(results, "cpu_s_by_process"),
        "sampler_cpu_s": median("sampler_cpu_s"),
        "stages": _median_by_key(results, "stages"),
        "each_run": results,
    }


def _median_or_none(values: list[float | None]) -> float | None:
    """The median of the values that are known, or None if none is."""
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None


def _median_by_key(results: list[dict[str, Any]], field: str) -> dict[str, float]:
    """For a field holding {name: number} in each run, each name's median over the runs (0 where absent)."""
    names = sorted({name for run in results for name in run[field]})
    return {name: statistics.median(run[field].get(name, 0.0) for run in results) for name in names}


def format_report(report: dict[str, Any]) -> str:
    """The bench report as a few human-readable lines."""
    lines = [
        f"corpus {report['corpus']}  documents {report['documents']:,}  articles {report['articles']:,}  runs {report['runs']} (medians)",
        *(
            [f"store before {report['prefill']:,} replayed articles in {report['stories_before']:,} stories (--prefill, untimed)"]
            if report.get("prefill")
            else []
        ),
        f"end to end   {report['articles_per_s']:,.1f} documents/s  ({report['seconds']:.2f} s)",
        f"latency      to story update: p50 {report['latency_p50_s']:.2f} s  p95 {report['latency_p95_s']:.2f} s  p99 {report['latency_p99_s']:.2f} s",
        *(
            [
                f"             to brief rebuilt: p50 {report['brief_latency_p50_s']:.2f} s  p95 {report['brief_latency_p95_s']:.2f} s"
                f"  p99 {report['brief_latency_p99_s']:.2f} s  ({report['briefs_built']:,} briefs built)"
            ]
            if "briefs_built" in report
            else []
        ),
        f"peak RSS     {report['peak_rss_mb']:.0f} MB, every process summed"
        + (f" (PSS, shared pages counted once: {report['peak_pss_mb']:,.0f} MB)" if report.get("peak_pss_mb") else "")
        + "; the largest process of each kind: "
        + ", ".join(f"{role} {mb:,.0f} MB" for role, mb in report["peak_rss_by_process_mb"].items()),
        *(
            [
                "CPU          "
                + ", ".join(
                    f"{role} {seconds:,.1f} s ({1000 * seconds / report['articles']:,.0f} ms/article)"
                    for role, seconds in report["cpu_s_by_process"].items()
                )
                + ", each kind summed over its processes"
            ]
            if report.get("cpu_s_by_process") and report["articles"]
            else []
        ),
        "stages       " + "  ".join(f"{stage} {rate:,.1f}/s" for stage, rate in report["stages"].items()),
    ]
    if report["runs"] > 1:
        lines.append("each run     " + "  ".join(f"{run['articles_per_s']:,.0f}/s" for run in report["each_run"]))
    return "\n".join(lines)
