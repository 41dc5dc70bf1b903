"""Built vocabularies are cached as JSON and built again when the cache cannot be used."""
import importlib.util

from pipeline.rules.built import CACHE_ENV, cached_json


def test_a_vocabulary_is_built_once_per_settings_and_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    builds = []

    def build():
        builds.append(1)
        return {"mph": "mile per hour"}

    assert cached_json("units", "pint", {"a": 1}, build) == {"mph": "mile per hour"}
    assert cached_json("units", "pint", {"a": 1}, build) == {"mph": "mile per hour"}
    assert len(builds) == 1
    cached_json("units", "pint", {"a": 2}, build)
    assert len(builds) == 2


def test_an_unreadable_cache_is_built_again_and_an_unwritable_one_only_costs_time(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    cached_json("units", "pint", {}, lambda: [1])
    for path in tmp_path.iterdir():
        path.write_text("{broken", encoding="utf-8")
    assert cached_json("units", "pint", {}, lambda: [2]) == [2]
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "file"))
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert cached_json("units", "pint", {}, lambda: [3]) == [3]


def test_a_changed_builder_builds_again(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    results = []
    for version, text in enumerate(("{'mph': 'mile per hour'}", "{'mph': 'mile per hour', 'kph': 'kilometer per hour'}")):
        source = tmp_path / f"builder{version}.py"
        source.write_text(f"def build():\n    return {text}\n", encoding="utf-8")
        spec = importlib.util.spec_from_file_location(f"builder{version}", source)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        results.append(cached_json("units", "pint", {"a": 1}, module.build))
    assert results[1] == {"mph": "mile per hour", "kph": "kilometer per hour"}
