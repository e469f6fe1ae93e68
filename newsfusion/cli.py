"""The `newsfusion` command. See `newsfusion --help` and the README for the contract.

Exit codes: 0 ok, 1 some inputs were rejected (the rest succeeded), 2 usage or environment
error. Errors go to stderr as one line that says what is wrong and what to do.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable, Sequence

from . import __version__
from .errors import NewsfusionError, UsageError
from .settings import SPEC_BY_NAME, SPECS, Settings, load_settings
from .store import Store

# Rejections printed one per line while ingesting; the rest are counted and left to `rejects`.
MAX_PRINTED_REJECTIONS = 20


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _settings(args: argparse.Namespace) -> Settings:
    cli_values = {spec.name: getattr(args, spec.name, None) for spec in SPECS}
    settings, _ = load_settings(cli_values, config_file=args.config)
    return settings


def _open_store(args: argparse.Namespace, read_only: bool = True) -> Store:
    return Store(_settings(args).db, read_only=read_only)


class _RejectionPrinter:
    """Prints the first MAX_PRINTED_REJECTIONS rejections, then how many more there were and where to list them."""

    def __init__(self, db: str, flush: bool = False):
        self._db = db
        self._flush = flush
        self.printed = 0

    def __call__(self, rejection: Any) -> None:
        if self.printed < MAX_PRINTED_REJECTIONS:
            print(f"rejected: {rejection.message}", file=sys.stderr, flush=self._flush)
        self.printed += 1

    def say_the_rest(self, total: int) -> None:
        """Of `total` rejections, say how many were not printed; start counting afresh."""
        late = total - min(self.printed, MAX_PRINTED_REJECTIONS)
        if late > 0:
            print(f"rejected: {late} more, listed by `newsfusion rejects --db {self._db}`", file=sys.stderr, flush=self._flush)
        self.printed = 0


# -- commands ---------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import Fetcher, InputReader
    from .pipeline import Pipeline
    from .progress import ingest_progress

    settings = _settings(args)
    report = _RejectionPrinter(settings.db)
    with Store(settings.db) as store, Fetcher(settings) as fetcher:
        reader = InputReader(settings, fetcher=fetcher)
        with ingest_progress(None if not args.quiet else False) as on_progress:
            with Pipeline(store, settings, on_progress=on_progress, on_rejection=report) as pipeline:
                summary = pipeline.run(reader.read(args.paths))
        summary.skipped_files = len(reader.stats.skipped_files)
    report.say_the_rest(summary.rejected)
    print(summary.line())
    return 1 if summary.rejected else 0


def cmd_watch(args: argparse.Namespace) -> int:
    import signal

    from .watch import BatchReport, Watcher

    settings = _settings(args)
    report = _RejectionPrinter(settings.db, flush=True)

    def batch_done(batch: BatchReport) -> None:
        # Rejections are printed up to MAX_PRINTED_REJECTIONS per batch: a watch runs for long.
        report.say_the_rest(report.printed)
        if not args.quiet:
            print(batch.line(), flush=True)

    def warn(message: str) -> None:
        print(f"warning: {message}", file=sys.stderr, flush=True)

    watcher = Watcher(args.paths, settings, once=args.once, on_batch=batch_done, on_warning=warn, on_rejection=report)

    def stop(signum: int, frame: Any) -> None:
        # The first Ctrl-C or SIGTERM lets the batch in flight commit; a second one interrupts.
        watcher.stop()
        signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        summary = watcher.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    print(summary.line())
    # With --once an input that could not be read (a feed that timed out) was left out: say so.
    return 1 if summary.rejected or (args.once and watcher.stats.warnings) else 0


def cmd_stories(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        stories = store.stories()
    if args.json:
        _print_json(stories)
        return 0
    for story in stories:
        sources = f"{story['independent_sources']} independent source{'s' if story['independent_sources'] != 1 else ''}"
        print(f"{story['id']:>5}  {story['title'] or '(untitled)'}")
        print(f"       thread {story['thread_id']}  {story['article_count']} articles, {sources}  {story['first_seen'] or ''}")
        print(f"       {' '.join(story['articles'][:8])}{' ...' if len(story['articles']) > 8 else ''}")
    print(f"{len(stories)} stories")
    return 0


def cmd_article(args: argparse.Namespace) -> int:
    from .article_view import article_record

    with _open_store(args) as store:
        article = article_record(store, args.source_id)
        if article is None:
            raise UsageError(f"no article {args.source_id!r} in {store.path}; list them with `newsfusion stories`")
    if args.json:
        _print_json(article)
        return 0
    print(article["title"] or "(untitled)")
    facts = [f"id {article['source_id']} (revision {article['revision']})"]
    for key in ("outlet", "published", "url", "language", "dateline"):
        if article.get(key):
            facts.append(f"{key} {article[key]}")
    if article.get("credited_agencies"):
        facts.append("credits " + ", ".join(article["credited_agencies"]))
    if article.get("duplicate_of"):
        facts.append(f"copy of {article['duplicate_of']}")
    print("  ".join(facts))
    print()
    print(article["text"])
    if article.get("entities"):
        people = sorted({e["canonical"] for e in article["entities"] if e["type"] == "PERSON"})
        print("\npeople: " + "; ".join(people))
        variants = sorted({f"{e['text']} -> {e['variant_of']}" for e in article["entities"] if e["variant_of"]})
        if variants:
            print("spelling variants: " + "; ".join(variants))
    for quote in article.get("quotes", []):
        if quote["kind"] != "indirect":
            print(f"\nquote ({quote['kind']}) {quote['speaker'] or 'unattributed'}: {quote['text']}")
    for figure in article.get("figures", []):
        qualifier = (figure["qualifier"] + " ") if figure["qualifier"] else ""
        background = " (background)" if figure["background"] else ""
        print(f"figure {figure['counts']}: {qualifier}{figure['value']:g}{background}  \"{figure['text']}\"")
    if article["removed"]:
        print("\nremoved:")
        for item in article["removed"]:
            print(f"  [{item['reason']}] {item['text']}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        hits = store.search(args.query, limit=args.limit)
    if args.json:
        _print_json(hits)
        return 0
    for hit in hits:
        print(f"{hit['source_id']}  {hit['title'] or '(untitled)'}")
        print(f"    {hit['snippet']}")
    print(f"{len(hits)} matches")
    return 0


def cmd_rejects(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        rows = store.rejections(limit=args.limit)
    if args.json:
        _print_json(rows)
        return 0
    for row in rows:
        where = row["origin"] + (f":{row['line']}" if row["line"] else "")
        print(f"{row['stage']}\t{row['code']}\t{where}\t{row['message']}")
    print(f"{len(rows)} rejections")
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    from .clean import clean_document
    from .extract import extract_articles
    from .ingest import Fetcher, InputReader
    from .types import Article, Rejection

    settings = _settings(args)
    articles, rejected = [], 0
    with Fetcher(settings) as fetcher:
        for item in InputReader(settings, fetcher=fetcher).read([args.source]):
            result = clean_document(item) if not isinstance(item, Rejection) else item
            if isinstance(result, Article):
                articles.append(result)
            else:
                rejected += 1
                print(f"rejected: {result.message}", file=sys.stderr)
    records = [
        {"source_id": article.source_id, **event.as_dict()}
        for article, extraction in zip(articles, extract_articles(articles))
        for event in extraction.events
    ]
    if args.json:
        _print_json(records)
    else:
        for record in records:
            source, target = record["source"], record["target"]
            who = f"{source['text'] or '-'} [{source['code'] or '?'}] -> {target['text'] or '-'} [{target['code'] or '?'}]"
            flags = "".join((" background" if record["background"] else "", " reported" if record["reported_speech"] else ""))
            kind = record["type"] + (f"/{record['mode']}" if record["mode"] else "")
            print(f"{record['source_id']}  {kind}  {who}  {record['date'] or ''}{flags}")
            print(f"    {record['sentence']}")
        print(f"{len(records)} events in {len(articles)} articles")
    return 1 if rejected else 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    with _open_store(args) as store:
        count = export(store, args.what, args.format, args.out)
    if args.out:
        print(f"exported {count} {args.what} to {args.out}", file=sys.stderr)
    return 0


def cmd_config(args: argparse.Namespace) -> int:
    cli_values = {spec.name: getattr(args, spec.name, None) for spec in SPECS}
    settings, origins = load_settings(cli_values, config_file=args.config)
    rows = [
        {"name": spec.name, "value": getattr(settings, spec.name), "from": origins[spec.name], "help": spec.help}
        for spec in SPECS
    ]
    if args.json:
        _print_json(rows)
        return 0
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        print(f"{row['name']:<{width}}  {row['value']!s:<24}  ({row['from']})  {row['help']}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import format_report, run_bench

    if args.stage == "cluster":
        from .bench_cluster import format_cluster_report, run_cluster_bench

        sizes = [int(size) for size in args.sizes.split(",")]
        report = run_cluster_bench(
            args.corpus,
            sizes,
            _settings(args),
            base_limit=args.limit,
            on_row=lambda row: print(f"newsfusion: cluster bench reached {row['articles']:,} articles: {json.dumps(row)}", file=sys.stderr),
        )
        print(json.dumps(report, indent=2) if args.json else format_cluster_report(report))
        return 0
    if args.stage == "extract":
        from .bench_extract import format_extract_report, run_extract_bench

        report = run_extract_bench(args.corpus, args.limit, args.runs, _settings(args))
        print(json.dumps(report, indent=2) if args.json else format_extract_report(report))
        return 0
    if args.stage == "brief":
        from .bench_brief import format_brief_report, run_brief_bench

        report = run_brief_bench(args.corpus, args.limit or 100, max(args.runs, 3), _settings(args))
        print(json.dumps(report, indent=2) if args.json else format_brief_report(report))
        return 0
    if args.prefill < 0:
        raise UsageError(f"--prefill must be 0 or more articles, not {args.prefill}")
    report = run_bench(args.corpus, args.limit, args.runs, _settings(args), briefs=args.briefs, prefill=args.prefill)
    if args.json:
        _print_json(report)
    else:
        print(format_report(report))
    return 0


def _print_brief(brief: dict[str, Any], args: argparse.Namespace) -> None:
    from .brief.render import render_html, render_markdown, render_text

    if args.json:
        _print_json(brief)
    elif args.md:
        sys.stdout.write(render_markdown(brief))
    elif args.html:
        sys.stdout.write(render_html(brief))
    else:
        sys.stdout.write(render_text(brief))


def _warn_if_not_rewritten(brief: dict[str, Any]) -> None:
    """A rewrite was asked for and the extractive summary was kept: say why (the brief is still complete)."""
    if brief.get("summary_mode") == "extractive" and brief.get("summary_note"):
        print(f"newsfusion: warning: {brief['summary_note']}", file=sys.stderr)


def cmd_story(args: argparse.Namespace) -> int:
    from .brief import story_brief
    from .brief.abstractive import RewriteOptions

    settings = _settings(args)
    with Store(settings.db, read_only=True) as store:
        brief = story_brief(store, args.story_id, words=args.words, rewrite=RewriteOptions.from_settings(settings))
        if brief is None:
            raise UsageError(f"no story {args.story_id} in {store.path}; list them with `newsfusion stories`")
    _print_brief(brief, args)
    _warn_if_not_rewritten(brief)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from .brief import brief_from_paths
    from .brief.abstractive import RewriteOptions

    settings = _settings(args)
    brief, summary = brief_from_paths(args.source, settings, words=args.words, rewrite=RewriteOptions.from_settings(settings))
    if not brief["sources"]:
        raise UsageError(f"no article could be read from {' '.join(args.source)} ({summary.line()}); give files with article text")
    _print_brief(brief, args)
    _warn_if_not_rewritten(brief)
    if summary.rejected:
        print(f"newsfusion: {summary.rejected} input(s) rejected and left out of the brief", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from .web import serve

    settings = _settings(args)
    serve(settings.db, host=args.host, port=args.port, token=args.token, read_only=args.read_only, settings=settings)
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .eval.tasks import run_task

    report = run_task(args.task, args)
    if args.json:
        _print_json(report)
        return 0
    print(f"eval {report['task']}  data {report['data']}")
    for name, value in report["metrics"].items():
        print(f"  {name:<28} {value}")
    misses = report.get("misses") or []
    if misses:
        print(f"  {len(misses)} misses" + (", first ones:" if len(misses) > 10 else ":"))
        for miss in misses[:10]:
            print(f"    {miss}")
    return 0


# -- the parser -------------------------------------------------------------------------------


def _add_common(parser: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """Add --config and an option for each named setting (the help comes from its declaration)."""
    parser.add_argument("--config", metavar="FILE", help="TOML settings file (default: ./newsfusion.toml if present)")
    by_name = {spec.name: spec for spec in SPECS}
    for name in names:
        spec = by_name[name]
        flag = "--" + name.replace("_", "-")
        if isinstance(spec.default, bool):
            parser.add_argument(flag, dest=name, action="store_const", const=True, default=None, help=spec.help)
            parser.add_argument(
                "--no-" + name.replace("_", "-"), dest=name, action="store_const", const=False, default=None, help=f"the opposite of {flag}"
            )
        else:
            metavar = "FILE" if name == "db" else name.split("_")[-1].upper()
            default = f" (default {spec.default})" if spec.default != "" else ""
            parser.add_argument(flag, dest=name, default=None, metavar=metavar, help=spec.help + default)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsfusion",
        description="Turn a stream of news articles from many outlets into verified, cited stories.",
    )
    parser.add_argument("--version", action="version", version=f"newsfusion {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def command(name: str, handler: Callable[[argparse.Namespace], int], help_text: str, settings: Sequence[str] = ("db",)):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        _add_common(sub, settings)
        return sub

    ingest = command(
        "ingest",
        cmd_ingest,
        "ingest files, folders, - (JSON lines on stdin), feeds and http(s) URLs, in order",
        ("db", "offline", "max_document_mb", "fetch_timeout_s", "fetch_retries", "dedupe_window", "max_active_stories", "extract", "workers", "batch_size"),
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help=".txt .html .json .jsonl .jsonl.gz .xml/.rss/.atom, a folder, - or a URL")
    ingest.add_argument("--quiet", action="store_true", help="no progress display")

    watch = command(
        "watch",
        cmd_watch,
        "keep ingesting new and changed files of folders, and new feed entries, as they appear (stop with Ctrl-C)",
        ("db", "offline", "max_document_mb", "fetch_timeout_s", "fetch_retries", "dedupe_window", "max_active_stories", "extract", "workers", "batch_size"),
    )
    watch.add_argument("paths", nargs="+", metavar="PATH", help="folders, files (feed files too) and feed or page URLs to watch")
    watch.add_argument("--interval", dest="watch_interval_s", default=None, metavar="SECONDS", help=f"seconds between polls (default {SPEC_BY_NAME['watch_interval_s'].default:g})")
    watch.add_argument("--queue", dest="watch_queue", default=None, metavar="N", help=f"documents read ahead of the pipeline; a full queue makes the poller wait (default {SPEC_BY_NAME['watch_queue'].default})")
    watch.add_argument("--once", action="store_true", help="poll once, store everything found, and exit (for cron and tests)")
    watch.add_argument("--quiet", action="store_true", help="no line per stored batch, only warnings, rejections and the summary")

    stories = command("stories", cmd_stories, "list every story with its articles' source_ids")
    stories.add_argument("--json", action="store_true", help="print JSON")

    article = command("article", cmd_article, "show one cleaned article with its metadata, removed text and extractions")
    article.add_argument("source_id", metavar="SOURCE_ID")
    article.add_argument("--json", action="store_true", help="print JSON")

    def brief_formats(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--words", type=int, default=120, metavar="N", help="summary length in words (default 120)")
        formats = sub.add_mutually_exclusive_group()
        formats.add_argument("--json", action="store_true", help="print JSON")
        formats.add_argument("--md", action="store_true", help="print Markdown")
        formats.add_argument("--html", action="store_true", help="print a standalone HTML page")

    rewrite_settings = ("abstractive_url", "abstractive_model", "abstractive_timeout_s")
    story = command(
        "story", cmd_story, "one story's brief: cited summary, facts with status, timeline, reactions, framing, sources", ("db", *rewrite_settings)
    )
    story.add_argument("story_id", type=int, metavar="ID")
    brief_formats(story)

    brief = command(
        "brief",
        cmd_brief,
        "treat the articles in FILE(s) as one story and print its brief (nothing is stored)",
        ("offline", "max_document_mb", "fetch_timeout_s", "fetch_retries", "workers", *rewrite_settings),
    )
    brief.add_argument("--from", dest="source", nargs="+", required=True, metavar="FILE", help="files, folders or URLs, as for ingest")
    brief_formats(brief)

    search = command("search", cmd_search, "full-text search over the stored articles (every word must match)")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, help="most results to show (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")

    rejects = command("rejects", cmd_rejects, "list rejected inputs with stage, code, origin and reason")
    rejects.add_argument("--limit", type=int, default=None, help="show at most this many")
    rejects.add_argument("--json", action="store_true", help="print JSON")

    events = command(
        "events", cmd_events, "who did what to whom: PLOVER events coded from the articles of a file, one record per event",
        ("offline", "max_document_mb", "fetch_timeout_s", "fetch_retries"),
    )
    events.add_argument("--from", dest="source", required=True, metavar="FILE", help="articles in any ingest format (file, folder, - or URL)")
    events.add_argument("--json", action="store_true", help="print JSON")

    export = command("export", cmd_export, "write the stored articles, stories, claims or events as one flat table (jsonl, csv or parquet)")
    export.add_argument("--what", required=True, metavar="TABLE", help="articles, stories, claims or events (columns in extract/EVENTS.md and the README)")
    export.add_argument("--format", default="jsonl", metavar="FORMAT", help="jsonl (default), csv or parquet")
    export.add_argument("--out", metavar="FILE", help="file to write (default: standard output; parquet needs a file)")

    config = command("config", cmd_config, "print the effective settings and where each comes from", [spec.name for spec in SPECS])
    config.add_argument("--json", action="store_true", help="print JSON")

    from .eval.tasks import TASKS

    evaluate = command("eval", cmd_eval, "score a stage on real data: " + "; ".join(f"{name}: {text}" for name, (_, text) in TASKS.items()), ())
    evaluate.add_argument("task", choices=sorted(TASKS), metavar="TASK", help=", ".join(sorted(TASKS)))
    evaluate.add_argument("--data", metavar="PATH", help="the task's data set (default: its file under ../shared or tests/golden)")
    evaluate.add_argument("--corpus", metavar="FILE", help="allsides corpus, for tasks that read it (default ../shared/data/allsides-articles.jsonl.gz)")
    evaluate.add_argument("--seeds", metavar="DIR", help="seed articles with expected.json (default ../shared/seeds)")
    evaluate.add_argument("--json", action="store_true", help="print JSON")

    bench = command(
        "bench", cmd_bench, "measure throughput, latency and peak memory on a corpus", ("batch_size", "workers", "max_document_mb", "max_active_stories")
    )
    bench.add_argument("--corpus", required=True, metavar="PATH", help="corpus to ingest, e.g. ../shared/data/allsides-articles.jsonl.gz")
    bench.add_argument("--limit", type=int, default=None, metavar="N", help="first N documents only")
    bench.add_argument("--runs", type=int, default=1, metavar="K", help="independent runs; figures are their medians (default 1)")
    bench.add_argument(
        "--stage",
        choices=["pipeline", "extract", "cluster", "brief"],
        default="pipeline",
        help="pipeline: the whole pipeline on the corpus; extract: the extract stage alone, in its worker processes, on the "
        "articles of the first --limit documents (default 1000); cluster: story assignment alone, replaying the corpus to "
        "--sizes; brief: building the brief of one story of --limit articles (default 100)",
    )
    bench.add_argument("--sizes", default="10000,100000,1000000", help="with --stage cluster: article counts to report at")
    bench.add_argument(
        "--prefill",
        type=int,
        default=0,
        metavar="N",
        help="with --stage pipeline: before the clock, replay N articles' clustering features into the store (the cluster "
        "stage's replay: rows and stories, no text), then time the pipeline over the corpus dated after them: the per-article "
        "cost and memory with N articles already stored (default 0)",
    )
    bench.add_argument(
        "--briefs",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="with --stage pipeline: as extractions are written, rebuild the briefs of their stories in a process of their own (default on)",
    )
    bench.add_argument("--json", action="store_true", help="print JSON")

    serve = command("serve", cmd_serve, "serve the web UI and JSON API (with live ingest) over the store", ("db", "max_document_mb", "extract"))
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    serve.add_argument("--token", metavar="TOKEN", help="writes (POST /api/articles) need `Authorization: Bearer TOKEN`; reads stay open")
    serve.add_argument("--read-only", action="store_true", help="open the database read-only and refuse writes")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except NewsfusionError as exc:
        print(f"newsfusion: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsfusion: interrupted; what was committed is kept, run the same command again to finish", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
