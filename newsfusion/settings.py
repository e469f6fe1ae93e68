"""Every setting newsfusion has, declared once, and how the layers combine.

A setting's value comes from, in rising priority: its default here, a TOML config file,
an environment variable `NEWSFUSION_<NAME>` (upper case), and a command-line option.
The config file is `--config FILE`, else `$NEWSFUSION_CONFIG`, else `newsfusion.toml` in
the current folder when it exists. `newsfusion config` prints the effective values and
where each came from.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import UsageError

ENV_PREFIX = "NEWSFUSION_"
DEFAULT_CONFIG_FILE = "newsfusion.toml"


@dataclass(frozen=True)
class SettingSpec:
    """One declared setting: its name, default, type and the help line users see."""

    name: str
    default: Any
    type: Callable[[Any], Any]
    help: str


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected true or false, got {value!r}")


def _positive_float(value: Any) -> float:
    number = float(value)
    if number <= 0:
        raise ValueError(f"must be above 0, got {value!r}")
    return number


def _positive_int(value: Any) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError(f"must be above 0, got {value!r}")
    return number


def _non_negative_int(value: Any) -> int:
    number = int(value)
    if number < 0:
        raise ValueError(f"must be 0 or more, got {value!r}")
    return number


def _http_url_or_empty(value: Any) -> str:
    text = str(value).strip()
    if text and not text.lower().startswith(("http://", "https://")):
        raise ValueError(f"expected an http(s) URL such as http://127.0.0.1:8080/v1, or nothing, got {value!r}")
    return text


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("db", "newsfusion.db", str, "SQLite database file the store lives in"),
    SettingSpec(
        "max_document_mb",
        10.0,
        _positive_float,
        "largest single document (file, JSON record, fetched page) accepted, in MB; "
        "larger ones are rejected with code too_large",
    ),
    SettingSpec("offline", False, _bool, "never fetch over the network (feed entries keep their summary)"),
    SettingSpec("fetch_timeout_s", 10.0, _positive_float, "seconds to wait for an http(s) response"),
    SettingSpec("fetch_retries", 2, _non_negative_int, "extra attempts after a failed http(s) fetch"),
    SettingSpec(
        "user_agent",
        "newsfusion/0.1 (+https://example.invalid/newsfusion)",
        str,
        "User-Agent header for http(s) fetches",
    ),
    SettingSpec(
        "dedupe_window",
        50_000,
        _positive_int,
        "recent articles searched for near-duplicates (syndicated copies follow their original within hours); "
        "exact copies are found at any age",
    ),
    SettingSpec(
        "max_active_stories",
        20_000,
        _positive_int,
        "most recently updated stories an arriving article is compared with; older ones stay in the store",
    ),
    SettingSpec(
        "extract",
        True,
        _bool,
        "run the extract stage (entities, quotes, figures, dates, places); off, ingest keeps up with far more articles",
    ),
    SettingSpec(
        "workers",
        0,
        _non_negative_int,
        "worker processes: for extraction (the main process then cleans and fingerprints, with a pool of its own only from "
        "16 workers up) or, with extraction off, for cleaning and fingerprinting; 0 means one per CPU, 1 runs everything in-process",
    ),
    SettingSpec(
        "batch_size",
        # 48: three worker chunks of 16. Against 200, without extraction, 5% less throughput
        # and a sixth of the latency (BENCHMARKS.md); extraction runs behind the stories.
        48,
        _positive_int,
        "articles written per database transaction; a crash loses at most one batch, "
        "which the next run ingests again",
    ),
    SettingSpec(
        "watch_interval_s",
        5.0,
        _positive_float,
        "`newsfusion watch`: seconds between polls of the watched folders, files and feed URLs; "
        "use 60 or more for feeds on other people's servers",
    ),
    SettingSpec(
        "watch_queue",
        500,
        _positive_int,
        "`newsfusion watch`: documents read ahead of the pipeline; when the queue is full the poller waits",
    ),
    SettingSpec(
        "abstractive_url",
        "",
        _http_url_or_empty,
        "`story` and `brief`: an OpenAI-compatible endpoint (e.g. http://127.0.0.1:8080/v1) that rewrites the summary, "
        "keeping only sentences traced to the sentences they cite; unset (the default) keeps the extractive summary",
    ),
    SettingSpec(
        "abstractive_model",
        "default",
        str,
        "`story` and `brief`: the model name sent to --abstractive-url (llama.cpp and vLLM servers accept any)",
    ),
    SettingSpec(
        "abstractive_timeout_s",
        30.0,
        _positive_float,
        "`story` and `brief`: seconds to wait for --abstractive-url's rewrite before keeping the extractive summary",
    ),
)

SPEC_BY_NAME: dict[str, SettingSpec] = {spec.name: spec for spec in SPECS}


@dataclass(frozen=True)
class Settings:
    """The effective settings of one run. Build it with `load_settings`."""

    db: str
    max_document_mb: float
    offline: bool
    fetch_timeout_s: float
    fetch_retries: int
    user_agent: str
    dedupe_window: int
    max_active_stories: int
    extract: bool
    workers: int
    batch_size: int
    watch_interval_s: float
    watch_queue: int
    abstractive_url: str
    abstractive_model: str
    abstractive_timeout_s: float

    @property
    def max_document_bytes(self) -> int:
        return int(self.max_document_mb * 1024 * 1024)


# The dataclass and the declarations must name the same settings.
assert {f.name for f in fields(Settings)} == set(SPEC_BY_NAME), "Settings and SPECS disagree"


def _convert(spec: SettingSpec, value: Any, where: str) -> Any:
    try:
        return spec.type(value)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"setting {spec.name} from {where}: {exc}; see `newsfusion config`") from None


def _read_config_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise UsageError(f"config file {path} does not exist; pass an existing file to --config") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"config file {path} is not valid TOML ({exc}); fix it or remove it") from None
    # Accept settings at the top level or under a [newsfusion] table.
    section = data.get("newsfusion", data)
    unknown = sorted(set(section) - set(SPEC_BY_NAME))
    if unknown:
        raise UsageError(
            f"config file {path} has unknown settings {', '.join(unknown)}; "
            f"known ones are listed by `newsfusion config`"
        )
    return dict(section)


def load_settings(
    cli: Mapping[str, Any] | None = None,
    config_file: str | None = None,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[Settings, dict[str, str]]:
    """Layer defaults < config file < environment < CLI; return the settings and each one's origin.

    `cli` holds only the options the user actually gave (None values are ignored).
    """
    environ = os.environ if environ is None else environ
    cwd = Path.cwd() if cwd is None else cwd
    values = {spec.name: spec.default for spec in SPECS}
    origins = {spec.name: "default" for spec in SPECS}

    config_path: Path | None = None
    if config_file:
        config_path = Path(config_file)
    elif environ.get(ENV_PREFIX + "CONFIG"):
        config_path = Path(environ[ENV_PREFIX + "CONFIG"])
    elif (cwd / DEFAULT_CONFIG_FILE).is_file():
        config_path = cwd / DEFAULT_CONFIG_FILE
    if config_path is not None:
        for name, value in _read_config_file(config_path).items():
            values[name] = _convert(SPEC_BY_NAME[name], value, str(config_path))
            origins[name] = f"file {config_path}"

    for spec in SPECS:
        env_name = ENV_PREFIX + spec.name.upper()
        if env_name in environ:
            values[spec.name] = _convert(spec, environ[env_name], f"${env_name}")
            origins[spec.name] = f"env {env_name}"

    for name, value in (cli or {}).items():
        if value is None or name not in SPEC_BY_NAME:
            continue
        values[name] = _convert(SPEC_BY_NAME[name], value, f"--{name.replace('_', '-')}")
        origins[name] = "command line"

    return Settings(**values), origins
