"""Cleaning: boilerplate lines out with their reasons, credits and datelines into metadata."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsfusion.clean import clean_document
from newsfusion.clean.boilerplate import line_cue
from newsfusion.clean.credits import Credits, read_credit_line, read_dateline, strip_title_credit
from newsfusion.clean.metadata import detect_language, outlet_from_url, parse_date
from newsfusion.ingest.records import document_from_html, document_from_record, document_from_text
from newsfusion.types import Article, Rejection

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REUTERS = (FIXTURES / "reuters-karabakh-excerpt.txt").read_text(encoding="utf-8")
BODY = "\n\n".join(REUTERS.split("\n\n")[2:])


def clean_text(text: str, name: str = "t") -> Article | Rejection:
    return clean_document(document_from_text(text.encode(), text, "utf-8", name, name + ".txt"))


@pytest.mark.parametrize(
    "line",
    [
        "- Advertisement -",
        "ADVERTISEMENT",
        "Leave a Reply",
        "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More",
        "Read more: Protesters in Yerevan block Russian Embassy",
        "Share this article",
        "Sign up for our daily newsletter",
        "Get the Monitor Stories you care about delivered to your inbox.",
        "Here's all you need to know about the tension. pic.twitter.com/bQ7ItwvpKA",
        "— Al Mayadeen English (@MayadeenEnglish) September 19, 2023",
        "Enlarge this image toggle caption Ralph D. Freso /Reuters /Landov",
        "Media playback is unsupported on your device Media caption Who really pays in a tariff war?",
        "Story Continued Below",
        "Source link",
        "The opinions expressed by columnists are their own and do not represent the views of Townhall.com.",
    ],
)
def test_furniture_lines_are_recognised(line):
    assert line_cue(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Karabakh separatist authorities said 27 people had been killed, including two civilians, and more than 200 injured.",
        "Blinken told Pashinyan in their call that Armenia has Washington’s full support.",
        "The Kremlin also called for calm, expressing concern about the escalation of tension.",
        "Read the full statement, the ministry said, before judging the decision.",
        "Readers shared photos of the flooded streets with the newspaper on Tuesday.",
    ],
)
def test_prose_is_not_furniture(line):
    assert line_cue(line) is None


def test_seedlike_page_keeps_story_and_moves_credits():
    text = (
        "US calls for Azerbaijan to halt Karabakh attack, Russia urges return to ceasefire By Reuters\n\n"
        + BODY
        + "\n\nby : Reuters\n\nSource link\n\nCapital Media\n\nRead Previous\n\n"
        "What are ‘mule addresses’? Criminologists explain how vacant properties serve as depots for illegal online purchases\n\n"
        "Read Next\n\nMacau establishes digital currency as legal tender"
    )
    article = clean_text(text)
    assert isinstance(article, Article)
    assert article.title == "US calls for Azerbaijan to halt Karabakh attack, Russia urges return to ceasefire"
    assert article.credited_agencies == ("Reuters",)
    assert "Macau" not in article.text and "mule addresses" not in article.text and "Source link" not in article.text
    assert article.text.endswith("geopolitical balance in the South Caucasus.")
    reasons = {item.text: item.reason for item in article.removed}
    assert reasons["Macau establishes digital currency as legal tender"] == "linked headline"
    assert reasons["by : Reuters"].startswith("credit line")


def test_masthead_above_the_headline_becomes_the_outlet():
    text = "Fastest News Updates around the World\n\nUS calls for Azerbaijan to halt Karabakh attack\n\n" + BODY
    article = clean_text(text)
    assert article.title == "US calls for Azerbaijan to halt Karabakh attack"
    assert (article.outlet, article.outlet_source) == ("Fastest News Updates around the World", "masthead")


@pytest.mark.parametrize(
    "line, agencies, dateline",
    [
        ("Baku – AFP", ["Agence France-Presse"], "Baku"),
        ("Some information for this story provided by the Associated Press, Agence France-Presse and Reuters",
         ["Associated Press", "Agence France-Presse", "Reuters"], None),
        ("Fox News' Chad Pergram and The Associated Press contributed to this report", ["Associated Press"], None),
        ("By Lisa Mascaro and Andrew Taylor, Associated Press", ["Associated Press"], None),
    ],
)
def test_credit_lines(line, agencies, dateline):
    credits = Credits()
    assert read_credit_line(line, credits)
    assert credits.agencies == agencies and credits.dateline == dateline


def test_agency_named_in_a_sentence_is_not_a_credit():
    credits = Credits()
    assert not read_credit_line("By the time Reuters reached the village, the shelling had stopped.", credits)
    assert credits.agencies == []


def test_datelines_open_paragraphs():
    credits = Credits()
    read_dateline("NEW YORK (Reuters) - The U.S. dollar index touched a near 14-year high.", credits)
    assert (credits.dateline, credits.agencies) == ("NEW YORK", ["Reuters"])
    assert strip_title_credit("Dollar at highest since 2003 | Reuters", Credits()) == "Dollar at highest since 2003"


def test_record_metadata_dates_and_outlet():
    record = {"id": "a", "source": "Yahoo! News", "url": "https://ca.news.yahoo.com/x.html", "date": "9/20/16", "title": "T", "text": BODY}
    article = clean_document(document_from_record(record, "x", 1, "a"))
    assert (article.published, article.published_source, article.outlet) == ("2016-09-20", "record", "Yahoo! News")
    assert parse_date("Tue, 19 Sep 2023 18:00:00 GMT") == "2023-09-19T18:00:00Z"
    assert outlet_from_url("https://www.reuters.com/world/x") == "reuters.com"


def test_date_line_at_the_top_of_a_text():
    article = clean_text("Aid pledges rise\n\nSaturday, January 1, 2005\n\n" + BODY)
    assert (article.published, article.published_source) == ("2005-01-01", "text")


def test_non_english_article_is_kept_and_flagged():
    text = (
        "Азербайджан и Армения договорились о прекращении огня\n\n"
        "Власти Азербайджана и представители армянского населения Нагорного Карабаха договорились о прекращении огня "
        "в среду, на следующий день после начала военной операции, сообщили в Баку и Степанакерте."
    )
    article = clean_text(text)
    assert isinstance(article, Article) and article.language == "ru"
    assert detect_language(BODY)[0] == "en"


def test_one_line_article_is_kept():
    article = clean_text("Azerbaijan and Armenia agreed a ceasefire on Wednesday after two days of fighting.\n")
    assert isinstance(article, Article) and article.text.startswith("Azerbaijan and Armenia agreed")


def test_broken_html_still_yields_its_text():
    html = (
        "<html><body><div><p>Azerbaijan and ethnic Armenian authorities in the breakaway Nagorno-Karabakh region reached a "
        "cease-fire agreement Wednesday, a day after Azerbaijan launched what it called an anti-terrorist operation.<p>The "
        "agreement, brokered by Russian peacekeepers, calls for separatist forces to disarm <b>and Armenian forces to withdraw"
        "<div>from the area. Talks are due Thursday in Yevlakh about the future of the area, officials said."
    )
    article = clean_document(document_from_html(html.encode(), html, "utf-8", "b", "b.html"))
    assert isinstance(article, Article) and "brokered by Russian peacekeepers" in article.text


def test_page_that_is_all_navigation_is_rejected():
    links = "".join(f'<li><a href="/s/{i}">World news section {i}</a></li>' for i in range(60))
    html = f"<html><body><nav><ul>{links}</ul></nav><footer>Advertisement</footer></body></html>"
    result = clean_document(document_from_html(html.encode(), html, "utf-8", "n", "n.html"))
    assert isinstance(result, Rejection) and result.code == "no_article"


def test_real_html_page_is_extracted_without_its_furniture():
    html = gzip.decompress((FIXTURES / "aljazeera-helicopter.html.gz").read_bytes()).decode("utf-8")
    article = clean_document(document_from_html(html.encode(), html, "utf-8", "aj", "aj.html"))
    assert isinstance(article, Article)
    assert article.outlet == "Al Jazeera" and article.published == "2019-11-20"
    assert "helicopter" in article.text and "Cookie" not in article.text
