"""The cluster-stage bench: figures at every requested size, whatever the batch size."""

from pathlib import Path

from newsfusion.bench_cluster import format_cluster_report, run_cluster_bench
from newsfusion.settings import load_settings

DEMO = Path(__file__).resolve().parents[2] / "demo" / "wikinews-2005-2010.jsonl"


def test_reports_each_size_even_when_batches_do_not_divide_it():
    settings = load_settings(cli={"batch_size": 48, "workers": 1}, environ={})[0]
    report = run_cluster_bench(str(DEMO), [30, 100], settings, base_limit=40)
    assert report["base_articles"] > 0
    rows = report["sizes"]
    assert [row["articles"] for row in rows] == [30, 100]  # 30 is not a multiple of 48, 100 replays the corpus
    for row in rows:
        assert row["marginal_ms_per_article"] > 0 and row["marginal_cpu_ms_per_article"] > 0
        assert row["latency_p50_ms"] <= row["latency_p95_ms"]
        assert 0 < row["stories"] <= row["articles"]
    assert "cpu ms" in format_cluster_report(report)
