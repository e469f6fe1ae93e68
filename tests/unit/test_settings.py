"""Settings are declared once and layer defaults < file < environment < command line."""

import json

import pytest

from newsfusion.errors import UsageError
from newsfusion.settings import SPECS, Settings, load_settings


def test_every_declared_setting_has_help_and_a_valid_default(tmp_path):
    settings, origins = load_settings({}, environ={}, cwd=tmp_path)
    for spec in SPECS:
        assert spec.help
        assert getattr(settings, spec.name) == spec.type(spec.default)
        assert origins[spec.name] == "default"


def test_layers_in_order(tmp_path):
    config = tmp_path / "newsfusion.toml"
    config.write_text('batch_size = 50\nfetch_retries = 5\nmax_document_mb = 3\n')
    environ = {"NEWSFUSION_FETCH_RETRIES": "7", "NEWSFUSION_MAX_DOCUMENT_MB": "4"}
    settings, origins = load_settings({"max_document_mb": "6", "db": None}, environ=environ, cwd=tmp_path)
    assert settings.batch_size == 50 and origins["batch_size"].startswith("file")
    assert settings.fetch_retries == 7 and origins["fetch_retries"] == "env NEWSFUSION_FETCH_RETRIES"
    assert settings.max_document_mb == 6 and origins["max_document_mb"] == "command line"
    assert settings.db == "newsfusion.db" and origins["db"] == "default"


def test_boolean_from_environment(tmp_path):
    settings, _ = load_settings({}, environ={"NEWSFUSION_OFFLINE": "yes"}, cwd=tmp_path)
    assert settings.offline is True


@pytest.mark.parametrize(
    "content, fragment",
    [("batch_size = [", "not valid TOML"), ("colour = 'red'", "unknown settings colour"), ("batch_size = -3", "must be above 0")],
)
def test_bad_config_file_says_what_is_wrong(tmp_path, content, fragment):
    (tmp_path / "newsfusion.toml").write_text(content)
    with pytest.raises(UsageError) as caught:
        load_settings({}, environ={}, cwd=tmp_path)
    assert fragment in str(caught.value)


def test_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(UsageError) as caught:
        load_settings({}, environ={"NEWSFUSION_BATCH_SIZE": "many"}, cwd=tmp_path)
    assert "NEWSFUSION_BATCH_SIZE" in str(caught.value)


def test_config_command_shows_origins(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSFUSION_FETCH_TIMEOUT_S", "3")
    result = cli("config", "--json", "--db", str(tmp_path / "x.db"))
    rows = {row["name"]: row for row in __import__("json").loads(result.out)}
    assert result.code == 0
    assert rows["fetch_timeout_s"]["value"] == 3.0 and rows["fetch_timeout_s"]["from"].startswith("env")
    assert rows["db"]["from"] == "command line"
    assert set(rows) == {field for field in Settings.__dataclass_fields__}


def test_a_switch_can_be_turned_off_on_the_command_line(cli, db, seeds):
    result = cli("ingest", str(seeds / "003_cd7ac7b8430c8331.txt"), "--db", db, "--no-extract", "--quiet")
    assert result.code == 0, result.err
    article = json.loads(cli("article", "003_cd7ac7b8430c8331", "--db", db, "--json").out)
    assert "entities" not in article
    assert "(command line)" in next(line for line in cli("config", "--no-extract").out.splitlines() if line.startswith("extract"))
