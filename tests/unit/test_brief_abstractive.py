"""The optional abstractive summary: a rewrite by an OpenAI-compatible endpoint, kept only where it traces.

The endpoint is a tiny local server in a thread that answers with canned chat completions;
the inputs are real sentences of the seed articles.
"""

from __future__ import annotations

import http.server
import json
import re
import socket
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

import httpx
import pytest

from newsfusion.brief.abstractive import RewriteOptions, chat_completions_url, parse_reply, rewrite_summary, untraced
from newsfusion.brief.render import REWRITTEN_LINE, render_html, render_markdown, render_text
from newsfusion.crosscheck.sentences import Sentence, split_sentences

Answer = Callable[[dict[str, Any]], tuple[int, bytes]]


def completion(text: str) -> tuple[int, bytes]:
    """A chat-completion reply whose message is `text`."""
    body = {"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}]}
    return 200, json.dumps(body).encode()


class ChatServer:
    """A local chat-completions endpoint: what it was sent, and its base URL."""

    def __init__(self, answer: Answer):
        self.requests: list[dict[str, Any]] = []
        self.release = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                status, payload = answer(body)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"


@pytest.fixture
def chat_server() -> Iterator[Callable[[Answer], ChatServer]]:
    servers: list[ChatServer] = []

    def start(answer: Answer) -> ChatServer:
        servers.append(ChatServer(answer))
        return servers[-1]

    yield start
    for server in servers:
        server.release.set()
        server.httpd.shutdown()
        server.httpd.server_close()


def _sentence(seeds: Path, prefix: str, index: int) -> Sentence:
    path = next(seeds.glob(f"{prefix}_*.txt"))
    return next(s for s in split_sentences(path.stem, path.read_text(encoding="utf-8")) if s.index == index)


@pytest.fixture
def extractive(seeds: Path) -> tuple[list[dict[str, Any]], list[list[str]]]:
    """Four summary sentences of the 2023 seed story; the fourth also cites a sentence of another article."""
    groups = [
        [_sentence(seeds, "002", 1)],  # [1] Azerbaijan and ethnic Armenian authorities ... reached a cease-fire agreement Wednesday ...
        [_sentence(seeds, "002", 5)],  # [2] ... left at least 32 people dead and more than 200 injured.
        [_sentence(seeds, "001", 5)],  # [3] U.S. Secretary of State Antony Blinken held calls with ...
        [_sentence(seeds, "004", 2), _sentence(seeds, "001", 2)],  # [4] Russia and the United Nations ... + Washington called on Azerbaijan ...
    ]
    summary = [
        {
            "text": group[0].text,
            "citations": [s.source_id for s in group],
            "spans": [{"source_id": s.source_id, "start": s.start, "end": s.end} for s in group],
        }
        for group in groups
    ]
    return summary, [[s.text for s in group] for group in groups]


def _options(url: str, timeout_s: float = 5.0, api_key: str | None = None) -> RewriteOptions:
    return RewriteOptions(url, "test-model", timeout_s, api_key)


def test_a_traceable_rewrite_is_kept_with_its_inputs_citations(chat_server, extractive):
    summary, cited = extractive
    reply = (
        "Azerbaijan and ethnic Armenian authorities in Nagorno-Karabakh reached a cease-fire agreement on Wednesday, "
        "a day after Azerbaijan launched an “anti-terrorist” operation [1]. "
        "Armenian authorities said the fighting left at least 32 people dead and more than 200 injured [2].\n"
        "Russia and the United Nations called for an immediate cessation of hostilities, and Washington called on Azerbaijan to halt [4]."
    )
    server = chat_server(lambda body: completion(reply))
    result = rewrite_summary(summary, cited, 120, _options(server.url))
    assert result.mode == "abstractive"
    assert [item["from"] for item in result.summary] == [[0], [1], [3]]
    assert all(item["rewritten"] for item in result.summary)
    assert result.summary[0]["citations"] == ["002_ba3696da157a7910"]
    # [4] cites two articles; the sentence may use what either says ("Washington called on Azerbaijan").
    assert result.summary[2]["citations"] == ["004_ea40ac9fa0fa6313", "001_0a3c867d137370e9"]
    assert result.summary[2]["spans"] == summary[3]["spans"]
    assert result.summary[1]["text"].endswith("more than 200 injured.")
    assert result.note == f"rewritten by test-model at {server.url}/chat/completions: 3 of 3 sentences kept"

    request = server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["body"]["model"] == "test-model" and request["body"]["temperature"] == 0
    prompt = request["body"]["messages"][-1]["content"]
    assert "at most 120 words" in prompt and "[1][3]" in prompt
    assert f"[1] {summary[0]['text']}" in prompt and f"[4] {summary[3]['text']}" in prompt
    assert "authorization" not in {name.lower() for name in request["headers"]}


def test_a_sentence_drawing_on_two_inputs_cites_both(chat_server, extractive):
    summary, cited = extractive
    reply = "Azerbaijan and ethnic Armenian authorities reached a cease-fire agreement Wednesday, as Russia and the United Nations called for an immediate cessation of hostilities. [1][4]"
    server = chat_server(lambda body: completion(reply))
    result = rewrite_summary(summary, cited, 120, _options(server.url))
    assert result.mode == "abstractive"
    [item] = result.summary
    assert item["from"] == [0, 3]
    assert item["citations"] == ["002_ba3696da157a7910", "004_ea40ac9fa0fa6313", "001_0a3c867d137370e9"]
    assert item["spans"] == summary[0]["spans"] + summary[3]["spans"]


def test_an_invented_number_or_name_is_dropped_and_a_traceable_sentence_kept(chat_server, extractive):
    summary, cited = extractive
    reply = (
        "Armenian authorities said the fighting left at least 45 people dead and more than 200 injured [2]. "  # 45: invented
        "Antony Blinken held calls with Aliyev and Pashinyan, urging Moscow to de-escalate the situation [3]. "  # Moscow: invented
        "Antony Blinken urged Baku to de-escalate the situation [2]. "  # true, but not what [2] says
        "Azerbaijan and ethnic Armenian authorities in the breakaway Nagorno-Karabakh region reached a cease-fire agreement Wednesday [1]. "
        "Azerbaijan said the talks in Yevlakh would succeed [1]."  # new claim and name
    )
    server = chat_server(lambda body: completion(reply))
    result = rewrite_summary(summary, cited, 120, _options(server.url))
    assert result.mode == "abstractive"
    assert [item["text"] for item in result.summary] == [
        "Azerbaijan and ethnic Armenian authorities in the breakaway Nagorno-Karabakh region reached a cease-fire agreement Wednesday."
    ]
    assert result.summary[0]["citations"] == ["002_ba3696da157a7910"]
    assert result.note.endswith("1 of 5 sentences kept (dropped: 3 untraced capitalised word, 1 untraced number)")


def test_markers_after_the_full_stop_inside_a_sentence_or_missing():
    reply = (
        "Summary:\n"
        "1. Azerbaijan and ethnic Armenian authorities reached a cease-fire agreement Wednesday. [1][3]\n"
        "- Armenian authorities [2] said at least 32 people died, and Russia called for calm [4, 1].\n"
        "Blinken held calls with the U.S. [3]. A sentence naming nothing."
    )
    assert parse_reply(reply) == [
        ("Summary:", ()),
        ("Azerbaijan and ethnic Armenian authorities reached a cease-fire agreement Wednesday.", (1, 3)),
        ("Armenian authorities said at least 32 people died, and Russia called for calm.", (2, 4, 1)),
        ("Blinken held calls with the U.S.", (3,)),
        ("A sentence naming nothing.", ()),
    ]


def test_figures_trace_written_either_way_and_words_need_a_high_share(extractive):
    _, cited = extractive
    toll = cited[1][0]  # "... left at least 32 people dead and more than 200 injured."
    assert untraced("Armenian authorities said at least thirty-two people were dead and more than 200 injured.", toll) is None
    assert untraced("Armenian authorities said at least 32 people were dead and more than 2,000 injured.", toll) == "untraced number"
    assert untraced("Armenian authorities said the fighting left at least 32 people dead and three hundred injured.", toll) == "untraced number"
    # Eight content words of which five are new: a claim the sentence does not make.
    assert untraced("Armenian authorities blamed separatist commanders for sabotaging the fragile truce.", toll) == "untraced words"


def test_a_reply_without_markers_falls_back(chat_server, extractive):
    summary, cited = extractive
    reply = "Azerbaijan and ethnic Armenian authorities reached a cease-fire agreement Wednesday. At least 32 people were killed."
    server = chat_server(lambda body: completion(reply))
    result = rewrite_summary(summary, cited, 120, _options(server.url))
    assert result.mode == "extractive" and result.summary == summary
    assert "none of the 2 sentences" in result.note and "2 unmarked" in result.note and "extractive summary is shown" in result.note
    assert "\n" not in result.note


@pytest.mark.parametrize(
    "answer, timeout_s, fragment",
    [
        (lambda body: (500, b'{"error": "model not loaded"}'), 5.0, "answered HTTP 500; check"),
        (lambda body: (200, b"<html>not an API</html>"), 5.0, "did not reply with chat-completion JSON"),
        (lambda body: (200, b'{"result": "no choices here"}'), 5.0, "did not reply with chat-completion JSON"),
        ("sleep", 0.3, "did not answer within 0.3 s; raise --abstractive-timeout-s"),
    ],
    ids=["http-500", "not-json", "json-without-choices", "timeout"],
)
def test_endpoint_failures_fall_back_to_the_extractive_summary(chat_server, extractive, answer, timeout_s, fragment):
    summary, cited = extractive
    if answer == "sleep":

        def answer(body: dict[str, Any]) -> tuple[int, bytes]:
            server.release.wait(10)  # until the test is over: far past the client's timeout
            return completion("too late [1]")

    server = chat_server(answer)
    result = rewrite_summary(summary, cited, 120, _options(server.url, timeout_s))
    assert result.mode == "extractive" and result.summary == summary
    assert fragment in result.note and result.note.startswith("abstractive rewrite not used: ")
    assert "\n" not in result.note


def test_an_unreachable_endpoint_falls_back(extractive):
    summary, cited = extractive
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = rewrite_summary(summary, cited, 120, _options(f"http://127.0.0.1:{port}/v1"))
    assert result.mode == "extractive" and result.summary == summary
    assert f"could not reach http://127.0.0.1:{port}/v1/chat/completions" in result.note
    assert "start the server or correct --abstractive-url" in result.note and "\n" not in result.note


def test_the_url_and_the_key(chat_server, extractive, monkeypatch):
    summary, cited = extractive
    server = chat_server(lambda body: completion("[1] " + summary[0]["text"]))
    assert chat_completions_url("http://h:8080/v1/") == "http://h:8080/v1/chat/completions"
    assert chat_completions_url("http://h:8080/v1/chat/completions") == "http://h:8080/v1/chat/completions"
    rewrite_summary(summary, cited, 120, _options(server.url + "/chat/completions", api_key="sk-test"))
    assert server.requests[0]["path"] == "/v1/chat/completions"
    assert server.requests[0]["headers"]["Authorization"] == "Bearer sk-test"

    class Run:
        abstractive_url, abstractive_model, abstractive_timeout_s = server.url, "m", 3.0

    monkeypatch.setenv("OPENAI_API_KEY", "sk-env")
    assert RewriteOptions.from_settings(Run()) == RewriteOptions(server.url, "m", 3.0, "sk-env")
    monkeypatch.delenv("OPENAI_API_KEY")
    assert RewriteOptions.from_settings(Run()).api_key is None
    Run.abstractive_url = ""
    assert RewriteOptions.from_settings(Run()) is None


def _echo_two_and_invent_one(body: dict[str, Any]) -> tuple[int, bytes]:
    """Rewrite by echoing the first two numbered sentences, and add a sentence the sources do not hold."""
    prompt = body["messages"][-1]["content"]
    numbered = re.findall(r"^\[(\d+)\] (.+)$", prompt, flags=re.M)
    lines = [f"{text} [{n}]" for n, text in numbered[:2]]
    lines.append("Officials in Paris said the ceasefire was still in place [1].")
    return completion("\n".join(lines))


def test_brief_command_with_an_abstractive_url(cli, seeds, chat_server):
    server = chat_server(_echo_two_and_invent_one)
    source = seeds / "003_cd7ac7b8430c8331.txt"
    result = cli("brief", "--from", source, "--json", "--workers", "1", "--abstractive-url", server.url, "--abstractive-model", "tiny")
    assert result.code == 0, result.err
    assert result.err == ""
    brief = json.loads(result.out)
    assert brief["summary_mode"] == "abstractive"
    assert brief["summary_note"] == f"rewritten by tiny at {server.url}/chat/completions: 2 of 3 sentences kept (dropped: 1 untraced capitalised word)"
    assert [item["from"] for item in brief["summary"]] == [[0], [1]]
    assert [item["text"] for item in brief["summary"]] == [item["text"] for item in brief["extractive_summary"][:2]]
    assert all(item["rewritten"] and item["citations"] == ["003_cd7ac7b8430c8331"] for item in brief["summary"])
    assert server.requests[0]["body"]["model"] == "tiny"

    assert f"SUMMARY\n  {REWRITTEN_LINE}\n  - " in render_text(brief)
    assert f"## Summary\n\n*{REWRITTEN_LINE}*\n\n- " in render_markdown(brief)
    assert f'<h2>Summary</h2><p class="summary-mode">{REWRITTEN_LINE}</p><ul>' in render_html(brief)


def test_brief_command_falls_back_with_one_warning_line(cli, seeds):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/v1"
    result = cli("brief", "--from", seeds / "003_cd7ac7b8430c8331.txt", "--words", "60", "--workers", "1", "--abstractive-url", url)
    assert result.code == 0, result.err
    assert result.err.count("\n") == 1 and result.err.startswith("newsfusion: warning: abstractive rewrite not used: could not reach")
    assert result.out.startswith("Armenia and Azerbaijan") and REWRITTEN_LINE not in result.out


def test_by_default_no_request_is_made_and_the_summary_is_extractive(cli, seeds, monkeypatch):
    def no_request(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the default brief made an http request")

    monkeypatch.delenv("NEWSFUSION_ABSTRACTIVE_URL", raising=False)
    monkeypatch.setattr(httpx, "post", no_request)
    result = cli("brief", "--from", seeds / "003_cd7ac7b8430c8331.txt", "--json", "--words", "60", "--workers", "1")
    assert result.code == 0, result.err
    brief = json.loads(result.out)
    assert brief["summary_mode"] == "extractive"
    assert "summary_note" not in brief and "extractive_summary" not in brief
    assert brief["summary"] and not any("rewritten" in item for item in brief["summary"])
    assert REWRITTEN_LINE not in render_text(brief) + render_markdown(brief) + render_html(brief)


def test_abstractive_url_must_be_http(cli):
    result = cli("config", "--abstractive-url", "localhost:8080")
    assert result.code == 2 and "expected an http(s) URL" in result.err
