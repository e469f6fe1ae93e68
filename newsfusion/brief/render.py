"""A brief as plain text, Markdown or a standalone HTML page (the dict itself is the JSON form)."""

from __future__ import annotations

import html
from typing import Any, Callable

_STATUS_LABEL = {"agreed": "agreed", "single_source": "single source", "updated": "updated", "conflict": "CONFLICT"}


# Shown under the Summary heading when the summary is the traced rewrite (summary_mode "abstractive").
REWRITTEN_LINE = "(rewritten by a language model; each sentence kept traces to the sentences it cites)"


def _rewritten_line(brief: dict[str, Any]) -> str | None:
    return REWRITTEN_LINE if brief.get("summary_mode") == "abstractive" else None


def _cite(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def _sections(brief: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(heading, lines) in the brief's order, shared by the text and Markdown renderers."""
    sections: list[tuple[str, list[str]]] = []
    sections.append(("Summary", [f"{item['text']} {_cite(item['citations'])}" for item in brief["summary"]] or ["(no sentence long enough to summarise)"]))
    facts = []
    for fact in brief["facts"]:
        count = fact["independent_sources"]
        facts.append(f"[{_STATUS_LABEL[fact['status']]}, {count} independent source{'s' if count != 1 else ''}] {fact['text']} {_cite(fact['sources'])}")
    for variant in brief["variants"]:
        facts.append(f"[spelling variant] \"{variant['variant']}\" for {variant['canonical']} {_cite(variant['sources'])}")
    sections.append(("Key facts", facts or ["(no figure, shared quote or statement found in more than one place)"]))
    if brief["timeline"]:
        sections.append(("Timeline", [f"{entry['date']}  {entry['text']} {_cite(entry['sources'])}" for entry in brief["timeline"]]))
    if brief["reactions"]:
        sections.append(("Reactions", [f"{row['actor']} ({row['type']}): {row['action']} {_cite(row['sources'])}" for row in brief["reactions"]]))
    if brief["framing"]:
        sections.append(
            ("Framing", [f"{row['outlet'] or row['source_id']} ({row['source_id']}): \"{row['term']}\" {row['voice']} x{row['count']}" for row in brief["framing"]])
        )
    sources = []
    for source in brief["sources"]:
        parts = [source["source_id"], source["outlet"] or "(outlet unknown)", (source["published"] or "undated")[:10], f"group {source['group']}"]
        if source["credited_agencies"]:
            parts.append("credits " + ", ".join(source["credited_agencies"]))
        if source["framing"]:
            parts.append("terms: " + "; ".join(source["framing"]))
        sources.append("  |  ".join(parts))
    sections.append(("Sources", sources))
    return sections


def render_text(brief: dict[str, Any]) -> str:
    rewritten = _rewritten_line(brief)
    lines = [brief["headline"], brief["sources_line"], ""]
    for heading, items in _sections(brief):
        lines.append(heading.upper())
        if heading == "Summary" and rewritten:
            lines.append(f"  {rewritten}")
        lines.extend(f"  - {item}" for item in items)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(brief: dict[str, Any]) -> str:
    rewritten = _rewritten_line(brief)
    lines = [f"# {brief['headline']}", "", f"*{brief['sources_line']}*", ""]
    for heading, items in _sections(brief):
        lines.append(f"## {heading}")
        lines.append("")
        if heading == "Summary" and rewritten:
            lines += [f"*{rewritten}*", ""]
        lines.extend(f"- {item}" for item in items)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def render_html(brief: dict[str, Any], article_link: Callable[[str, dict[str, Any] | None], str] | None = None) -> str:
    """A standalone page. `article_link(source_id, span)` gives the href of a citation (default: a fragment)."""
    link = article_link or (lambda source_id, span: f"#source-{html.escape(source_id)}")
    e = html.escape

    def cites(ids: list[str], spans: list[dict[str, Any]] | None = None) -> str:
        by_source = {span["source_id"]: span for span in spans or []}
        return " ".join(f'<a class="cite" href="{e(link(i, by_source.get(i)))}">[{e(i)}]</a>' for i in ids)

    summary = [f"{e(item['text'])} {cites(item['citations'], item.get('spans'))}" for item in brief["summary"]]
    rewritten = _rewritten_line(brief)
    facts = [
        f'<span class="status {e(fact["status"])}">{e(_STATUS_LABEL[fact["status"]])}</span> '
        f'<span class="count">{fact["independent_sources"]} independent</span> {e(fact["text"])} {cites(fact["sources"], fact.get("spans"))}'
        for fact in brief["facts"]
    ]
    facts += [
        f'<span class="status variant">spelling variant</span> “{e(v["variant"])}” for {e(v["canonical"])} {cites(v["sources"])}' for v in brief["variants"]
    ]
    timeline = [f"<time>{e(entry['date'])}</time> {e(entry['text'])} {cites(entry['sources'], entry.get('spans'))}" for entry in brief["timeline"]]
    reactions = [f"<b>{e(row['actor'])}</b> ({e(row['type'])}): {e(row['action'])} {cites(row['sources'], row.get('spans'))}" for row in brief["reactions"]]
    framing_rows = "".join(
        f"<tr><td>{e(row['outlet'] or row['source_id'])}</td><td>{e(row['term'])}</td><td>{e(row['voice'])}</td><td>{row['count']}</td></tr>"
        for row in brief["framing"]
    )
    source_rows = "".join(
        f'<tr id="source-{e(s["source_id"])}"><td>{e(s["source_id"])}</td><td>{e(s["outlet"] or "")}</td><td>{e((s["published"] or "undated")[:10])}</td>'
        f'<td>{e(s["group"])}</td><td>{e(", ".join(s["credited_agencies"]))}</td><td>{e("; ".join(s["framing"]))}</td></tr>'
        for s in brief["sources"]
    )
    parts = [
        f"<h1>{e(brief['headline'])}</h1>",
        f'<p class="sources-line">{e(brief["sources_line"])}</p>',
        "<h2>Summary</h2>",
        *([f'<p class="summary-mode">{e(rewritten)}</p>'] if rewritten else []),
        _list(summary),
        "<h2>Key facts</h2>",
        _list(facts),
    ]
    if timeline:
        parts += ["<h2>Timeline</h2>", _list(timeline)]
    if reactions:
        parts += ["<h2>Reactions</h2>", _list(reactions)]
    if framing_rows:
        parts += ["<h2>Framing</h2>", f"<table><tr><th>Outlet</th><th>Term</th><th>Voice</th><th>Uses</th></tr>{framing_rows}</table>"]
    parts += [
        "<h2>Sources</h2>",
        f"<table><tr><th>Article</th><th>Outlet</th><th>Date</th><th>Independent group</th><th>Credits</th><th>Framing</th></tr>{source_rows}</table>",
    ]
    style = (
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45}"
        ".status{font-size:.8em;padding:0 .4em;border-radius:.3em;background:#eee}.status.agreed{background:#d7f5dd}"
        ".status.updated{background:#fff3c4}.status.conflict{background:#ffd6d6}.status.variant{background:#e6e0ff}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(brief['headline'])}</title><style>{style}</style></head><body>{''.join(parts)}</body></html>\n"
    )


RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {"text": render_text, "md": render_markdown, "html": render_html}
