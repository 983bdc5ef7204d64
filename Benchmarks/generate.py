#!/usr/bin/env python3
"""Generates catalogues and assessments of any size for the benchmark (deterministic: seeded).

    generate.py catalog N OUT.json               a valid catalogue of N rules (ids rule-00001…)
    generate.py assessment CATALOG OUT.json [--seed S] [--date YYYY-MM-DD]
                                                 a fully answered assessment of CATALOG
    generate.py folder CATALOG DIR K             K assessments of CATALOG in DIR (a-00001.json…)
    generate.py titles CATALOG                   the rule titles (English), one per line

The catalogue fingerprint (catalog.sha256) is computed as the program does: SHA-256 of the
canonical form (keys sorted by code point, no whitespace). Text is kept to ASCII and a few
Latin-1 accents, where Python's json.dumps gives the same bytes as the program's writer.
"""
import hashlib
import json
import random
import sys

WORDS = ("alliance partner revenue target governance sponsor pipeline marketing offer value "
         "review plan budget contract channel account enablement training quarter roadmap "
         "escalation trust respect executive steering pricing margin forecast joint launch").split()
MOTS = ("alliance partenaire chiffre objectif gouvernance sponsor marketing offre valeur revue "
        "plan budget contrat canal compte formation trimestre feuille route escalade confiance "
        "respect direction comité prix marge prévision conjoint lancement équipe stratégie").split()


def sentence(rng, words, n):
    s = " ".join(rng.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def text(rng, n):
    return {"fr": sentence(rng, MOTS, n), "en": sentence(rng, WORDS, n)}


def catalog(n, seed=1):
    rng = random.Random(seed)
    theme_count = max(4, min(10, 4 + n // 200))
    themes = [{"id": f"theme-{t + 1:02d}", "title": {"fr": f"Thème {t + 1}", "en": f"Theme {t + 1}"}}
              for t in range(theme_count)]
    labels = [("Absent", "Absent"), ("Émergent", "Ad hoc"), ("Établi", "Established"), ("Optimisé", "Optimised")]
    rules = []
    for i in range(1, n + 1):
        rules.append({
            "id": f"rule-{i:05d}",
            "number": i,
            # Contiguous blocks per theme, every theme used.
            "theme": themes[(i - 1) * theme_count // n]["id"],
            "weight": 1 if i % 7 else 1.5,
            "title": {"fr": f"Règle {i} : " + sentence(rng, MOTS, 4)[:-1],
                      "en": f"Rule {i}: " + sentence(rng, WORDS, 4)[:-1]},
            "text": text(rng, 40),
            "questions": [text(rng, 14), text(rng, 14)],
            "levels": [text(rng, 18) for _ in range(4)],
        })
    return {
        "id": f"bench-{n}-rules",
        "version": "1.0.0",
        "sourceLanguage": "fr",
        "title": {"fr": f"Catalogue de banc d’essai, {n} règles", "en": f"Benchmark catalogue, {n} rules"},
        "description": {"fr": "Généré pour mesurer la montée en charge.", "en": "Generated to measure scaling."},
        "source": {"author": "Benchmarks/generate.py", "title": "Generated", "date": "2026-11-27"},
        "scale": {"levels": [{"level": k, "label": {"fr": fr, "en": en}, "meaning": text(rng, 12)}
                             for k, (fr, en) in enumerate(labels)]},
        "themes": themes,
        "rules": rules,
    }


def canonical_sha256(value):
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def assessment(cat, seed=1, date="2026-11-27"):
    rng = random.Random(seed)
    answers = {}
    action_id = 0
    for rule in cat["rules"]:
        a = {}
        roll = rng.random()
        if roll < 0.05:
            a["state"] = "notApplicable"
            a["reason"] = sentence(rng, WORDS, 6)
        elif roll < 0.08:
            a["state"] = "unknown"
        else:
            a["state"] = "scored"
            a["score"] = rng.randrange(4)
        if rng.random() < 0.5:
            a["target"] = rng.randrange(1, 4)
        a["note"] = sentence(rng, WORDS, rng.randrange(8, 30))
        if rng.random() < 0.3:
            a["evidence"] = [{"strength": rng.choice(["asserted", "documented", "verified"]),
                              "text": sentence(rng, WORDS, 8), "date": "2026-10-01"}]
        if rng.random() < 0.2:
            action_id += 1
            a["actions"] = [{"id": f"A{action_id}", "title": sentence(rng, WORDS, 5), "owner": "Marie",
                             "status": rng.choice(["open", "inProgress", "done"]),
                             "due": rng.choice(["2026-10-15", "2027-01-31"])}]
        answers[rule["id"]] = a
    stamp = date + "T09:00:00Z"
    return {
        "formatVersion": "1.0",
        "answers": answers,
        "assessedOn": date,
        "assessor": "Bench",
        "catalog": {"id": cat["id"], "sha256": canonical_sha256(cat), "version": cat["version"]},
        "created": stamp,
        "language": "en",
        "program": {"name": "Benchmark programme", "partner": "Acme", "segment": "resale"},
        "side": "ours",
        "updated": stamp,
    }


def dump(value, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main(argv):
    if len(argv) >= 3 and argv[0] == "catalog":
        dump(catalog(int(argv[1])), argv[2])
    elif len(argv) >= 3 and argv[0] == "assessment":
        seed, date = 1, "2026-11-27"
        rest = argv[3:]
        while rest:
            if rest[0] == "--seed":
                seed = int(rest[1])
            elif rest[0] == "--date":
                date = rest[1]
            rest = rest[2:]
        with open(argv[1], encoding="utf-8") as f:
            cat = json.load(f)
        dump(assessment(cat, seed, date), argv[2])
    elif len(argv) == 4 and argv[0] == "folder":
        import os
        with open(argv[1], encoding="utf-8") as f:
            cat = json.load(f)
        os.makedirs(argv[2], exist_ok=True)
        for k in range(1, int(argv[3]) + 1):
            dump(assessment(cat, seed=k), os.path.join(argv[2], f"a-{k:05d}.json"))
    elif len(argv) == 2 and argv[0] == "titles":
        with open(argv[1], encoding="utf-8") as f:
            cat = json.load(f)
        for rule in cat["rules"]:
            print(rule["title"]["en"])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
