"""A body split by the page into several containers of one class is read whole (clean/html.py)."""

from __future__ import annotations

import gzip
import json

import pytest

from newsfusion.clean.html import continue_split_body, extract_page
from tests.conftest import shared_file

FIRST = [
    "The city council voted on Tuesday to close the old river bridge to cars from next spring.",
    "Engineers told the council that the bridge's steel supports had corroded faster than expected.",
    "Residents of the east bank said the closure would add twenty minutes to their daily commute.",
]
SECOND = [
    "The council will spend the savings from bridge repairs on two new bus routes across the river.",
    "A ferry service, suspended in 1998, could also return if the state approves its funding.",
    "The mayor said a final decision on the ferry would come before the end of the year.",
]


def page(second_container: str) -> str:
    body = "".join(f"<p>{text}</p>" for text in FIRST)
    return (
        "<html><head><title>Council closes river bridge</title></head><body>"
        f'<article><div class="body body__container">{body}</div>'
        '<div class="ad"><span>Advertisement</span></div>'
        f"{second_container}</article>"
        "<footer><p>Copyright 2020 The City Paper. All rights reserved.</p></footer></body></html>"
    )


def continuation() -> str:
    return '<div class="body body__container">' + "".join(f"<p>{text}</p>" for text in SECOND) + "</div>"


def test_the_body_goes_on_after_an_ad_in_a_container_of_the_same_class():
    html = page(continuation())
    text = continue_split_body(html, "\n".join(FIRST))
    assert text.split("\n") == FIRST + SECOND


def test_the_continuation_goes_in_after_the_first_containers_last_paragraph():
    html = page(continuation())
    text = continue_split_body(html, "\n".join(FIRST + ["Jane Roe covers city hall."]))
    assert text.split("\n") == FIRST + SECOND + ["Jane Roe covers city hall."]


@pytest.mark.data
def test_a_real_page_split_by_an_ad_is_read_to_its_end():
    # Wired, 2019: the body stands in two "body__container" divs with an ad row between them.
    folder = shared_file("html-extraction-dev/ground-truth.json").parent
    name = "2f42ef1d3ea0c96e56355d3db93d0e06b47e760b74f6f4261278b8cd1c246dd6"
    html = gzip.decompress((folder / "html" / f"{name}.html.gz").read_bytes()).decode("utf-8")
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))[name]["articleBody"]
    extracted = extract_page(html)
    assert extracted is not None
    last = truth.strip().split("\n")[-1].strip()
    assert "No neo-bank can erase the student loan debt" in last and last in extracted.text
    assert extracted.text.count("In fact, we can use the evolution of the gig economy") == 1


def test_a_row_of_linked_headlines_in_the_same_class_is_not_the_body():
    teaser = '<div class="body body__container"><p>Bridge closures across the state [VIDEO] | Ferry plans [INSIGHT]</p></div>'
    assert continue_split_body(page(teaser), "\n".join(FIRST)) == "\n".join(FIRST)


def test_a_lone_quote_or_a_pull_quote_is_not_the_body():
    lone = f'<div class="body body__container"><p>{SECOND[0]}</p><aside><p>{SECOND[1]}</p></aside></div>'
    assert continue_split_body(page(lone), "\n".join(FIRST)) == "\n".join(FIRST)


def test_the_next_story_printed_in_its_own_article_element_is_left_out():
    html = page("</article><article>" + continuation())
    assert continue_split_body(html, "\n".join(FIRST)) == "\n".join(FIRST)
    assert continue_split_body(page(continuation()), "\n".join(FIRST)).split("\n") == FIRST + SECOND


def test_a_container_of_a_different_class_is_left_out():
    other = '<div class="related">' + "".join(f"<p>{text}</p>" for text in SECOND) + "</div>"
    assert continue_split_body(page(other), "\n".join(FIRST)) == "\n".join(FIRST)


def test_a_short_first_container_is_a_teaser_box_not_the_body():
    html = page(continuation()).replace(f"<p>{FIRST[2]}</p>", "")
    assert continue_split_body(html, "\n".join(FIRST[:2])) == "\n".join(FIRST[:2])


def test_text_without_prose_or_unparseable_markup_is_returned_as_it_is():
    assert continue_split_body(page(continuation()), "Menu\nHome") == "Menu\nHome"
    assert continue_split_body("", "\n".join(FIRST)) == "\n".join(FIRST)
    assert continue_split_body("<?xml version='1.0'?>", "\n".join(FIRST)) == "\n".join(FIRST)
