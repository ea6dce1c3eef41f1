"""Value pools from the rule packs' examples (Python 3 standard library only).

Reads rules/**/*.yaml with a small reader that knows just what the rule files use at the top level
(`id:`, `entity:`, `context-required:`, flow lists such as `context: [a, b]`) and the quoted strings
under `examples: match:`. Each match example has its personal values marked with «…»; those values
pass the rule's validator, so they make a pool of known-valid values per rule and entity.

    from rulepool import load_rules
    rules = load_rules(ROOT / "rules")       # [{"id", "entity", "context", "context_required", "examples": [...]}]
    ex = rules[0]["examples"][0]             # {"text": "Pay to DE89 ... today", "spans": [(7, 34)], "values": [...]}
"""
import pathlib
import re

OPEN, CLOSE = "\u00ab", "\u00bb"


def _single(s):
    # YAML single-quoted scalar body (the quotes already removed): '' is a quote.
    return s.replace("''", "'")


_ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "/": "/", "0": "\0", " ": " ",
        "a": "\a", "b": "\b", "e": "\x1b", "v": "\v", "f": "\f", "_": "\u00a0", "N": "\u0085"}


def _double(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = s[i + 1]
        if n in _ESC:
            out.append(_ESC[n])
            i += 2
        elif n in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[n]
            out.append(chr(int(s[i + 2:i + 2 + width], 16)))
            i += 2 + width
        else:
            raise ValueError(f"unknown escape \\{n} in {s!r}")
    return "".join(out)


def _scalar(raw):
    raw = raw.strip()
    if raw.startswith("'") and raw.endswith("'") and len(raw) >= 2:
        return _single(raw[1:-1])
    if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
        return _double(raw[1:-1])
    return raw


def _flow_list(raw):
    raw = raw.split(" #")[0].strip()
    if not (raw.startswith("[") and raw.endswith("]")):
        return []
    items, cur, quote = [], "", None
    body = raw[1:-1]
    i = 0
    while i < len(body):
        c = body[i]
        if quote:
            if c == quote and quote == "'" and body[i + 1:i + 2] == "'":
                cur += "''"
                i += 2
                continue
            if c == quote:
                quote = None
            cur += c
        elif c in "'\"" and not cur.strip():
            quote = c
            cur += c
        elif c == ",":
            items.append(_scalar(cur))
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        items.append(_scalar(cur))
    return [x for x in items if x]


def parse_example(text):
    """'Pay «X» now' -> plain text, spans of X, values."""
    plain, spans, start = [], [], None
    for c in text:
        if c == OPEN:
            start = sum(len(p) for p in plain)
        elif c == CLOSE:
            spans.append((start, sum(len(p) for p in plain)))
        else:
            plain.append(c)
    plain = "".join(plain)
    return {"text": plain, "spans": spans, "values": [plain[a:b] for a, b in spans]}


def load_rule(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    rule = {"id": path.stem, "entity": None, "context": [], "context_required": False, "examples": [],
            "path": str(path)}
    section = None
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith(" "):
            key, _, rest = line.partition(":")
            section = key
            if key == "id":
                rule["id"] = _scalar(rest.split(" #")[0])
            elif key == "entity":
                rule["entity"] = _scalar(rest.split(" #")[0])
            elif key == "context":
                rule["context"] = _flow_list(rest)
            elif key == "context-required":
                rule["context_required"] = rest.split("#")[0].strip() == "true"
            continue
        if section != "examples":
            continue
        stripped = line.strip()
        if line.startswith("  ") and not line.startswith("   "):
            sub = stripped.rstrip(":")
            section_sub = sub
            rule["_sub"] = section_sub
            continue
        if rule.get("_sub") == "match" and stripped.startswith("- "):
            rule["examples"].append(parse_example(_scalar(stripped[2:])))
    rule.pop("_sub", None)
    return rule


def load_rules(rules_dir):
    rules = []
    for path in sorted(pathlib.Path(rules_dir).rglob("*.yaml")):
        rel = path.relative_to(rules_dir)
        if rel.parts[0] == "data" or rel.name == "regulations.yaml":
            continue
        rules.append(load_rule(path))
    return rules


def values_by_rule(rules):
    return {r["id"]: [v for ex in r["examples"] for v in ex["values"]] for r in rules}


if __name__ == "__main__":
    import sys
    root = pathlib.Path(__file__).resolve().parent.parent
    for r in load_rules(root / "rules"):
        print(r["entity"], r["id"], len(r["examples"]), "context-required" if r["context_required"] else "",
              file=sys.stdout)
