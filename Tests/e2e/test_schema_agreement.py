"""Issue 11 item 5: the JSON Schemas and the program's validators give the same verdict.

Each case is a small change to a valid catalogue (Tests/Fixtures/catalogs/small.json) or to a
valid assessment made from it. STRUCTURAL cases must get the same verdict from the schema
(Python's jsonschema) and from `playbook catalog validate` / `playbook validate`. VALIDATOR_ONLY
cases break a rule that JSON Schema cannot express: the schema accepts them, the program
refuses them, and the schema's descriptions name the rule.
"""
import copy
import decimal
import json
import pathlib
import subprocess

import pytest

from conftest import BINARY, ROOT

jsonschema = pytest.importorskip("jsonschema")

SCHEMAS = ROOT / "Rules" / "schema"
BASE_CATALOG = ROOT / "Tests" / "Fixtures" / "catalogs" / "small.json"


def load(text):
    return json.loads(text, parse_float=decimal.Decimal)


def schema_accepts(schema_name, document):
    schema = load((SCHEMAS / schema_name).read_text())
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return not list(validator.iter_errors(document))


def setting(path, value):
    """A change that sets the member at `path` (a list of keys and indexes); `...` removes it."""
    def change(doc):
        target = doc
        for key in path[:-1]:
            target = target[key]
        if value is ...:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return change


def text_fr(value):
    return setting(["title", "fr"], value)


CATALOG_STRUCTURAL = {
    "valid": [],
    "french title of spaces": [text_fr("   ")],
    "french title of a no-break space and a tab": [text_fr("\u00a0\t")],
    "english text empty": [setting(["rules", 0, "text", "en"], "")],
    "x- key inside localized text": [setting(["title", "x-note"], "hidden")],
    "third language": [setting(["title", "de"], "Titel")],
    "no source (a home-made catalogue)": [setting(["source"], ...)],
    "source without author": [setting(["source", "author"], ...)],
    "source author empty": [setting(["source", "author"], "")],
    "unknown top-level key": [setting(["sources"], {})],
    "x- key at the top": [setting(["x-tool"], {"a": 1})],
    "x- key in a rule": [setting(["rules", 0, "x-origin"], "workshop")],
    "weight 0": [setting(["rules", 0, "weight"], 0)],
    "weight negative": [setting(["rules", 0, "weight"], -1)],
    "weight 2.5": [setting(["rules", 0, "weight"], decimal.Decimal("2.5"))],
    "weight 0.125": [setting(["rules", 0, "weight"], decimal.Decimal("0.125"))],
    "weight with four decimals": [setting(["rules", 0, "weight"], decimal.Decimal("1.2345"))],
    "weight over the limit": [setting(["rules", 0, "weight"], 1000001)],
    "weight at the limit": [setting(["rules", 0, "weight"], 1000000)],
    "weight as a string": [setting(["rules", 0, "weight"], "2")],
    "one question": [lambda d: d["rules"][0].__setitem__("questions", d["rules"][0]["questions"][:1])],
    "three levels": [lambda d: d["rules"][0].__setitem__("levels", d["rules"][0]["levels"][:3])],
    "bad rule id": [setting(["rules", 0, "id"], "Bad_ID")],
    "bad version": [setting(["version"], "1.0")],
    "unknown source language": [setting(["sourceLanguage"], "de")],
    "no source language": [setting(["sourceLanguage"], ...)],
    "three scale levels": [lambda d: d["scale"].__setitem__("levels", d["scale"]["levels"][:3])],
    "rule number 0": [setting(["rules", 0, "number"], 0)],
    "rule number as a string": [setting(["rules", 0, "number"], "1")],
    "rule number 1.0": [setting(["rules", 0, "number"], decimal.Decimal("1.0"))],
    "no themes": [setting(["themes"], [])],
    "empty footnote marker": [setting(["rules", 1, "footnotes", 0, "marker"], "")],
    "source date not a date": [setting(["source", "date"], "2007-13-01")],
    "source date that does not exist": [setting(["source", "date"], "2007-02-30")],
    "missing rules": [setting(["rules"], ...)],
    "rule title over 1000 characters": [setting(["rules", 0, "title", "en"], "x" * 1001)],
    "rule title of 1000 characters": [setting(["rules", 0, "title", "en"], "x" * 1000)],
    "level label over 200 characters": [setting(["scale", "levels", 0, "label", "fr"], "x" * 201)],
    "rule number over the limit": [setting(["rules", 1, "number"], 1000001)],
}

CATALOG_VALIDATOR_ONLY = {
    "text calls [2] without a footnote": [setting(["rules", 0, "text", "fr"], "Voir la note [2].")],
    "footnote marker not in the text": [setting(["rules", 1, "footnotes", 0, "marker"], "7")],
    "duplicate rule ids": [lambda d: d["rules"][1].__setitem__("id", d["rules"][0]["id"])],
    "duplicate rule numbers": [lambda d: d["rules"][1].__setitem__("number", d["rules"][0]["number"])],
    "rules out of number order": [lambda d: d["rules"].reverse()],
    "duplicate theme ids": [lambda d: d["themes"].append(copy.deepcopy(d["themes"][0]))],
    "rule names an unknown theme": [setting(["rules", 0, "theme"], "nowhere")],
    "theme without a rule": [lambda d: d["themes"].append({"id": "empty-theme", "title": {"fr": "Vide", "en": "Empty"}})],
    "weight written with an exponent": [setting(["rules", 0, "weight"], decimal.Decimal("1E+1"))],
    "weight written with four decimals of zeros": [setting(["rules", 0, "weight"], decimal.Decimal("1.0000"))],
}


def write_json(path, document):
    def encode(o):
        if isinstance(o, dict):
            return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + encode(v) for k, v in o.items()) + "}"
        if isinstance(o, list):
            return "[" + ",".join(encode(v) for v in o) + "]"
        if isinstance(o, decimal.Decimal):
            return str(o)
        return json.dumps(o, ensure_ascii=False)
    path.write_text(encode(document) + "\n", encoding="utf-8")


def program_accepts_catalog(path):
    r = subprocess.run([BINARY, "catalog", "validate", str(path), "--lang", "en"], capture_output=True, text=True)
    assert r.returncode in (0, 2), r.stderr
    return r.returncode == 0, r.stdout + r.stderr


def build(base, changes):
    doc = copy.deepcopy(base)
    for change in changes:
        change(doc)
    return doc


@pytest.mark.parametrize("name", list(CATALOG_STRUCTURAL))
def test_catalogue_schema_and_validator_agree(tmp_path, name):
    doc = build(load(BASE_CATALOG.read_text()), CATALOG_STRUCTURAL[name])
    path = tmp_path / "case.json"
    write_json(path, doc)
    by_schema = schema_accepts("catalog.schema.json", load(path.read_text()))
    by_program, output = program_accepts_catalog(path)
    assert by_schema == by_program, f"{name}: schema {'accepts' if by_schema else 'refuses'}, program says:\n{output}"


@pytest.mark.parametrize("name", list(CATALOG_VALIDATOR_ONLY))
def test_catalogue_rules_only_the_validator_can_check(tmp_path, name):
    doc = build(load(BASE_CATALOG.read_text()), CATALOG_VALIDATOR_ONLY[name])
    path = tmp_path / "case.json"
    write_json(path, doc)
    assert schema_accepts("catalog.schema.json", load(path.read_text())), name
    accepted, output = program_accepts_catalog(path)
    assert not accepted, f"{name}: the program accepted it:\n{output}"


def test_the_schema_names_what_only_the_validator_checks():
    schema = json.loads((SCHEMAS / "catalog.schema.json").read_text())
    words = schema["description"]
    for phrase in ("ids and numbers are unique", "theme ids are unique", "names a theme", "every theme has at least one rule",
                   "increasing number order", "footnote call", "exponent", "without a fraction", "real calendar date"):
        assert phrase in words, phrase


def base_assessment(tmp_path):
    catalog = tmp_path / "small.json"
    catalog.write_text(BASE_CATALOG.read_text())
    path = tmp_path / "base.json"
    subprocess.run([BINARY, "new", str(path), "--catalog", str(catalog), "--program", "P", "--partner", "Q"], check=True,
                   capture_output=True, env={"PLAYBOOK_NOW": "2026-11-27T09:00:00Z", "PATH": "/usr/bin:/bin"})
    return catalog, load(path.read_text())


def rule0(key, value):
    def change(doc):
        doc["answers"].setdefault("strategic-level", {})[key] = value
    return change


ASSESSMENT_STRUCTURAL = {
    "valid": [],
    "sha256 not hexadecimal": [setting(["catalog", "sha256"], "zz")],
    "sha256 in capitals": [lambda d: d["catalog"].__setitem__("sha256", d["catalog"]["sha256"].upper())],
    "scored 2": [rule0("state", "scored"), rule0("score", 2)],
    "score 4": [rule0("state", "scored"), rule0("score", 4)],
    "score 2.0": [rule0("state", "scored"), rule0("score", decimal.Decimal("2.0"))],
    "unknown state": [rule0("state", "maybe")],
    "N/A with a reason of spaces": [rule0("state", "notApplicable"), rule0("reason", "   ")],
    "N/A with a reason": [rule0("state", "notApplicable"), rule0("reason", "No procurement")],
    "no formatVersion": [setting(["formatVersion"], ...)],
    "x- key at the top": [setting(["x-extra"], {"kept": True})],
    "side unknown": [setting(["side"], "both")],
    "assessment date not a date": [setting(["assessedOn"], "2026-13-01")],
    "assessment date that does not exist": [setting(["assessedOn"], "2026-02-30")],
}

ASSESSMENT_VALIDATOR_ONLY = {
    "answer for a rule the catalogue does not have": [lambda d: d["answers"].__setitem__("no-such-rule", {"state": "unknown"})],
}


def program_accepts_assessment(path, catalog):
    r = subprocess.run([BINARY, "validate", str(path), "--catalog", str(catalog), "--lang", "en"], capture_output=True, text=True)
    assert r.returncode in (0, 2), r.stderr
    return r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("name", list(ASSESSMENT_STRUCTURAL))
def test_assessment_schema_and_validator_agree(tmp_path, name):
    catalog, base = base_assessment(tmp_path)
    doc = build(base, ASSESSMENT_STRUCTURAL[name])
    path = tmp_path / "case.json"
    write_json(path, doc)
    by_schema = schema_accepts("assessment.schema.json", load(path.read_text()))
    by_program, output = program_accepts_assessment(path, catalog)
    assert by_schema == by_program, f"{name}: schema {'accepts' if by_schema else 'refuses'}, program says:\n{output}"


@pytest.mark.parametrize("name", list(ASSESSMENT_VALIDATOR_ONLY))
def test_assessment_rules_only_the_validator_can_check(tmp_path, name):
    catalog, base = base_assessment(tmp_path)
    doc = build(base, ASSESSMENT_VALIDATOR_ONLY[name])
    path = tmp_path / "case.json"
    write_json(path, doc)
    assert schema_accepts("assessment.schema.json", load(path.read_text())), name
    accepted, output = program_accepts_assessment(path, catalog)
    assert not accepted, f"{name}: the program accepted it:\n{output}"


def test_every_checked_in_catalogue_passes_both():
    for path in [*sorted((ROOT / "Rules").glob("*.json")), *sorted((ROOT / "Tests" / "Fixtures" / "catalogs").glob("*.json"))]:
        assert schema_accepts("catalog.schema.json", load(path.read_text())), path
        assert program_accepts_catalog(path)[0], path
