#!/usr/bin/env python3
"""Print the README's coverage table (entities by jurisdiction, with the validation each uses) from rules/.

    python3 scripts/coverage-table.py                     (print the table)
    python3 scripts/coverage-table.py --update            (rewrite the README section in place)
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def table() -> str:
    rows = {}
    for path in sorted((ROOT / "rules").rglob("*.yaml")):
        rel = path.relative_to(ROOT / "rules")
        if rel.parts[0] == "data" or rel.name == "regulations.yaml":
            continue
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        place = rel.parts[0]
        check = spec.get("validator") or "pattern only"
        if spec.get("context-required"):
            check += ", context required"
        key = (place, spec["entity"])
        rows.setdefault(key, []).append(f"`{spec['id']}` ({check})")
    entities = {e for _, e in rows}
    places = {p for p, _ in rows}
    out = [f"{len(list((ROOT / 'rules').rglob('*.yaml'))) - 1} rule files, {len(entities)} entity types, "
           f"{len(places)} folders.", "", "| folder | entity | rules (validation) |", "| --- | --- | --- |"]
    for (place, entity) in sorted(rows):
        out.append(f"| {place} | {entity} | {'; '.join(rows[(place, entity)])} |")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    text = table()
    if "--update" in sys.argv:
        readme = ROOT / "README.md"
        body = readme.read_text(encoding="utf-8")
        body = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), BEGIN + "\n" + text + END, body, flags=re.S)
        readme.write_text(body, encoding="utf-8")
    else:
        sys.stdout.write(text)
