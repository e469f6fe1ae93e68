"""`newsfusion bench` reports the contract's figures for the documents it was given."""

import json
import os
from pathlib import Path

import pytest

from newsfusion.bench import percentile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_percentile_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([], 0.5) == 0.0


def test_bench_json_has_the_contract_keys(cli, tmp_path):
    text = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text + f"\n\nUpdate {i}."}) + "\n" for i in range(60)))
    result = cli("bench", "--corpus", corpus, "--limit", "50", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    for key in ("articles", "seconds", "articles_per_s", "latency_p50_s", "latency_p95_s", "peak_rss_mb", "stages"):
        assert key in report
    assert report["articles"] == 50 and report["articles_per_s"] > 0
    # Which process holds the memory: this one, the workers of each pool, the brief process.
    assert {"main", "brief"} <= set(report["peak_rss_by_process_mb"])
    assert all(0 < mb <= report["peak_rss_mb"] for mb in report["peak_rss_by_process_mb"].values())
    # Shared library pages counted once: PSS is below the summed RSS (given where the kernel has smaps_rollup).
    if Path("/proc/self/smaps_rollup").exists():
        assert 0 < report["peak_pss_mb"] < report["peak_rss_mb"]
    assert 0 <= report["sampler_cpu_s"] < report["seconds"]  # the sampler's own cost, reported
    # Where the CPU went: the extract workers did the extraction, on the clock.
    cpu = report["cpu_s_by_process"]
    assert {"main", "extract", "brief"} <= set(cpu) and cpu["extract"] > 0.5
    assert sum(cpu.values()) <= 2 * (os.cpu_count() or 1) * report["seconds"] + 1
    assert {"read", "clean", "dedupe", "store"} <= set(report["stages"])
    assert 0 < report["latency_p50_s"] <= report["latency_p95_s"]
    # The whole pipeline includes rebuilding the briefs of the stories each batch touched.
    assert report["briefs_built"] >= 1 and "brief" in report["stages"]
    assert report["latency_p50_s"] <= report["brief_latency_p50_s"] <= report["brief_latency_p95_s"]


def test_bench_without_briefs_leaves_that_step_out(cli, tmp_path):
    text = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text + f"\n\nUpdate {i}."}) + "\n" for i in range(10)))
    result = cli("bench", "--corpus", corpus, "--no-briefs", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert "briefs_built" not in report and "brief" not in report["stages"]
    result = cli("bench", "--corpus", corpus)
    assert result.code == 0, result.err
    assert "to brief rebuilt" in result.out and "to story update" in result.out


def test_a_failed_run_is_reported_not_waited_for():
    import queue as queues

    from newsfusion.bench import _result_of

    class Dead:
        exitcode = 1

        def is_alive(self):
            return False

    class Empty:
        def get(self, timeout):
            raise queues.Empty

    assert "exited with code 1" in _result_of(Dead(), Empty())["error"]


def test_peak_memory_counts_the_workers_too():
    import multiprocessing

    from newsfusion.bench import RssSampler

    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    child = context.Process(target=_hold_memory, args=(200, ready, release))
    with RssSampler(workers=1) as memory:
        child.start()
        assert ready.wait(30)
        import time

        time.sleep((RssSampler.DISCOVER_EVERY + 2) * RssSampler.PERIOD_S)  # found within a second, then sampled
        release.set()
        child.join()
    own = int(Path("/proc/self/status").read_text().split("VmRSS:")[1].split()[0]) / 1024
    assert memory.peak_mb >= own + 180
    by_role = memory.peaks_by_role({child.pid: "holder"})
    assert by_role["holder"] >= 180 and by_role["main"] < memory.peak_mb


def test_pss_is_read_on_growth_every_few_seconds_and_at_the_end(monkeypatch):
    import newsfusion.bench as bench

    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc here")
    read_at = set()  # the samples that read PSS (once for each process of ours)
    memory = bench.RssSampler(workers=1)
    monkeypatch.setattr(bench, "_pss_kb", lambda entry: read_at.add(memory._samples) or 1000)
    reads = read_at
    for _ in range(2 * bench.RssSampler.PSS_EVERY):
        memory._sample()
    assert len(reads) == 3  # the first sample (growth from nothing), then every PSS_EVERY samples
    ballast = bytearray(2 * bench.RssSampler.PSS_STEP_KB * 1024)
    ballast[:: 4096] = b"x" * len(ballast[:: 4096])  # touch every page: resident
    memory._sample()
    assert len(reads) == 4  # grown by more than a step
    memory._sample(full=True)
    assert len(reads) == 5 and memory.peak_pss_mb > 0
    del ballast


def _hold_memory(megabytes, ready, release):
    block = bytearray(megabytes * 1024 * 1024)
    for i in range(0, len(block), 4096):  # touch every page so it is resident
        block[i] = 1
    ready.set()
    release.wait(30)


def test_a_long_run_reports_its_progress(capsys, monkeypatch):
    from types import SimpleNamespace

    from newsfusion.bench import _ProgressLine

    line = _ProgressLine()
    line(SimpleNamespace(seen=10))
    assert capsys.readouterr().err == ""  # not before PERIOD_S has passed
    monkeypatch.setattr(_ProgressLine, "PERIOD_S", 0.0)
    line(SimpleNamespace(seen=2400))
    assert "bench: 2,400 documents stored" in capsys.readouterr().err


def test_extract_stage_bench_reports_rate_cpu_and_memory(cli, tmp_path):
    text = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{i}", "text": text + f"\n\nUpdate {i}."} for i in range(40)]
    rows.append({"id": "empty", "text": ""})  # rejected by cleaning: not counted as an article
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = cli("bench", "--stage", "extract", "--corpus", corpus, "--limit", "41", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["articles"] == 40 and report["english"] == 40 and report["workers"] >= 1
    assert report["articles_per_s"] > 0 and report["cpu_ms_per_article"] > 10  # spaCy ran, in the workers
    assert 0 < report["article_share_p50_s"] <= report["article_share_p95_s"]
    assert report["peak_rss_mb"] > 100 and len(report["each_run"]) == 1
    if Path("/proc/self/smaps_rollup").exists():
        assert 0 < report["peak_pss_mb"] < report["peak_rss_mb"]
    result = cli("bench", "--stage", "extract", "--corpus", corpus, "--limit", "41")
    assert result.code == 0, result.err
    assert "articles/s" in result.out and "ms of one core per article" in result.out


def test_extract_stage_bench_says_when_nothing_survives_cleaning(cli, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "empty", "text": ""}) + "\n")
    result = cli("bench", "--stage", "extract", "--corpus", corpus, "--limit", "5")
    assert result.code != 0
    assert "survived cleaning" in result.err and "Traceback" not in result.err


def test_bench_on_a_prefilled_store_times_only_the_corpus_dated_after_it(cli, tmp_path, capfd):
    demo = Path(__file__).resolve().parents[2] / "demo" / "wikinews-2005-2010.jsonl"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(demo.read_text(encoding="utf-8").splitlines(keepends=True)[:12]))
    result = cli("bench", "--corpus", corpus, "--prefill", "30", "--no-briefs", "--workers", "1", "--json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    assert report["prefill"] == 30 and 0 < report["stories_before"] <= 30
    assert report["articles"] == 12  # the prefilled rows are not the run's articles
    assert "prefilled 30 of 30 articles" in capfd.readouterr().err  # from the run's own process
    result = cli("bench", "--corpus", corpus, "--prefill", "-1")
    assert result.code != 0 and "--prefill" in result.err


def test_replayed_documents_are_dated_later_and_keep_their_date_format():
    from newsfusion.bench import shifted
    from newsfusion.types import RawDocument

    document = RawDocument("a", "json", "x", b"{}", "h", published="2016-09-20")
    assert shifted(document, 400).published == "2017-10-25"
    timed = RawDocument("b", "json", "x", b"{}", "h", published="2016-09-20T10:00:00Z")
    assert shifted(timed, 1).published == "2016-09-21T10:00:00+00:00"
    for unchanged in (RawDocument("c", "json", "x", b"{}", "h", published="20 Sept 2016"), RawDocument("d", "json", "x", b"{}", "h")):
        assert shifted(unchanged, 400) is unchanged
