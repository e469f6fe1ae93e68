"""Quality floors on the real data sets: a little under the scores in BENCHMARKS.md, so a regression fails.

Each runs `newsfusion eval TASK` with the default configuration and skips when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_file

pytestmark = pytest.mark.data

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def run_eval(cli, *args):
    result = cli("eval", *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)["metrics"]


def test_html_extraction(cli):
    shared_file("html-extraction-dev/ground-truth.json")
    metrics = run_eval(cli, "extraction")
    assert metrics["f1"] >= 0.968 and metrics["precision"] >= 0.975


def test_boilerplate_removal(cli):
    # Every labelled part: A and B (read while the cues were written) and the held-out parts
    # C to L (outlets in no other part; D and E were labelled blind in stop 14, F to I in stop 21,
    # J, K and L in stop 24).
    shared_file("allsides-articles.jsonl.gz")
    metrics = run_eval(cli, "boilerplate")
    assert metrics["seed_boilerplate_removed"] == 1.0 and metrics["seed_must_keep_kept"] == 1.0
    assert metrics["seed_titles"] == 1.0 and metrics["seed_agencies"] == 1.0
    assert metrics["allsides_lines"] >= 7800
    assert metrics["allsides_precision"] >= 0.965 and metrics["allsides_recall"] >= 0.905
    assert metrics["allsides_part_a_recall"] >= 0.93 and metrics["allsides_part_b_recall"] >= 0.96
    assert metrics["allsides_part_c_precision"] >= 0.88 and metrics["allsides_part_c_recall"] >= 0.85
    assert metrics["allsides_part_d_precision"] >= 0.97 and metrics["allsides_part_d_recall"] >= 0.86
    assert metrics["allsides_part_e_precision"] >= 0.97 and metrics["allsides_part_e_recall"] >= 0.90
    assert metrics["allsides_part_f_precision"] >= 0.90 and metrics["allsides_part_f_recall"] >= 0.90
    assert metrics["allsides_part_g_precision"] >= 0.84 and metrics["allsides_part_g_recall"] >= 0.87
    assert metrics["allsides_part_h_precision"] >= 0.95 and metrics["allsides_part_h_recall"] >= 0.82
    assert metrics["allsides_part_i_precision"] >= 0.97 and metrics["allsides_part_i_recall"] >= 0.77
    assert metrics["allsides_part_j_precision"] >= 0.98 and metrics["allsides_part_j_recall"] >= 0.90
    assert metrics["allsides_part_k_precision"] >= 0.96 and metrics["allsides_part_k_recall"] >= 0.86
    assert metrics["allsides_part_l_precision"] >= 0.89 and metrics["allsides_part_l_recall"] >= 0.79


def test_boilerplate_removal_on_one_file(cli):
    shared_file("allsides-articles.jsonl.gz")
    metrics = run_eval(cli, "boilerplate", "--data", GOLDEN / "boilerplate-allsides-heldout.jsonl")
    assert metrics["allsides_lines"] < 400 and set(k for k in metrics if k.startswith("allsides_part_")) == {
        "allsides_part_c_precision",
        "allsides_part_c_recall",
    }


def test_dedupe(cli):
    shared_file("allsides-articles.jsonl.gz")
    metrics = run_eval(cli, "dedupe")
    assert metrics["precision"] >= 0.98 and metrics["recall"] >= 0.96


def test_seed_extraction(cli, seeds):
    metrics = run_eval(cli, "extraction-seeds")
    assert metrics["figures"] == 1.0 and metrics["quotes"] == 1.0 and metrics["quote_speakers"] == 1.0
    assert metrics["figure_qualifiers"] == 1.0 and metrics["figure_sources"] == 1.0
    assert metrics["seed_003_dated_2021"] == 1.0
    assert metrics["entities"] >= 0.9 and metrics["variants"] >= 0.9


def test_quotes_on_labelled_allsides(cli):
    shared_file("allsides-articles.jsonl.gz")
    metrics = run_eval(cli, "quotes")
    assert metrics["quote_precision"] >= 0.92
    assert metrics["speaker_accuracy"] >= 0.9
    assert metrics["figure_precision"] >= 0.78


@pytest.mark.parametrize(
    "golden, precision, speakers",
    [
        # 12 articles labelled before stop 12's speaker rules; stop 14 read its misses (0.785 -> 0.849).
        ("quotes-allsides-heldout.json", 0.95, 0.83),
        # 12 more from 12 other outlets, labelled blind in stop 14, never read (0.828; 0.845 after
        # stop 16's rules, which were written from the third set's misses).
        ("quotes-allsides-heldout-2.json", 0.95, 0.82),
        # 12 more from 12 further outlets, labelled blind in stop 16 (0.545 blind); stop 16 read its
        # misses and wrote three parse-robustness rules from them (0.636); stop 20's round-up credit
        # lines ("Geoff Ramsey, Washington Post" under the excerpts), also from its misses: 0.745.
        ("quotes-allsides-heldout-3.json", 0.93, 0.72),
        # 12 more from 12 further outlets, labelled blind in stop 20 (0.577 blind); the dash form of
        # credit lines ('"..." — Tiana Lowe, Washington Examiner') was then written from its misses: 0.635;
        # a quote of several sentences attributed after its last one ('"...?" Portnoy asked.'): 0.654;
        # more verbs of saying ("clarified", "fumed", "scolded" ...): 0.731; acronym speakers under the
        # name the article spells out, and no determiner in entity names: 0.789.
        ("quotes-allsides-heldout-4.json", 0.90, 0.76),
    ],
)
def test_quotes_held_out(cli, golden, precision, speakers):
    shared_file("allsides-articles.jsonl.gz")
    metrics = run_eval(cli, "quotes", "--data", GOLDEN / golden)
    assert metrics["quote_precision"] >= precision
    assert metrics["speaker_accuracy"] >= speakers


def test_clustering_ecb(cli):
    shared_file("ecbplus-dev.jsonl")
    metrics = run_eval(cli, "clustering")
    assert metrics["bcubed_f1"] >= 0.82 and metrics["thread_bcubed_precision"] >= 0.92


def test_summaries_rouge(cli):
    shared_file("multiling2011-en.jsonl")
    metrics = run_eval(cli, "summaries")
    # Measured 0.4689 / 0.1809 (BENCHMARKS.md); the best MultiLing 2011 system scored 0.173.
    assert metrics["rouge1_recall"] >= 0.45 and metrics["rouge2_recall"] >= 0.17


def test_seed_brief(cli, seeds):
    metrics = run_eval(cli, "briefs")
    assert metrics["update_found"] == 1.0 and metrics["framing_found"] == 1.0
    assert metrics["claims_independent_right"] == 1.0 and metrics["summary_sentences_cited"] == 1.0
    # Measured 1.0 (5 of 5 claims) and 0.5 (BENCHMARKS.md).
    assert metrics["claims_found"] >= 0.9 and metrics["variants_found"] >= 0.5
