"""Rule and regulation YAML as Swift source, read the way the binary's Yams decoder reads it.

embed-rules.py writes these values into the binary so that start-up parses no YAML. The readers below follow
Yams' scalar rules where the rule files could reach them (a plain ``~``, ``null`` or empty value is nil;
``yes``/``on`` are true; ``0x``, ``0b``, ``0o`` and ``0`` set an integer's radix); anything else they do not
know is an error here rather than a guess. RuleSpecGenerationTests compares every generated value with what
Yams reads from the same text, so the two cannot drift apart silently.
"""
import re
import unicodedata

import yaml

NULLS = {"", "~", "null", "Null", "NULL"}


class Unsupported(Exception):
    """A YAML construct these readers do not mirror."""


# Reading nodes ------------------------------------------------------------------------------------------------

def compose(text: str) -> yaml.Node:
    """The node tree of `text`; every scalar kept as written (BaseLoader resolves no types)."""
    return yaml.compose(text, Loader=yaml.BaseLoader)


def mapping(node: yaml.Node, where: str) -> dict:
    if not isinstance(node, yaml.MappingNode):
        raise Unsupported(f"{where}: expected a map")
    out = {}
    for key, value in node.value:
        name = string(key, where)
        if name == "<<" or name in out:
            raise Unsupported(f"{where}: merge key or duplicate key '{name}'")
        out[name] = value
    return out


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style is None and node.value in NULLS


def present(fields: dict, key: str):
    """The node for an optional field, or None when it is absent or null (Yams' decodeIfPresent)."""
    node = fields.get(key)
    return None if node is None or is_null(node) else node


def required(fields: dict, key: str, where: str) -> yaml.Node:
    if key not in fields:
        raise Unsupported(f"{where}: missing required field '{key}'")
    return fields[key]


def string(node: yaml.Node, where: str) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise Unsupported(f"{where}: expected a string")
    return node.value


def is_scalar(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode)


def items(node: yaml.Node, where: str) -> list:
    if not isinstance(node, yaml.SequenceNode):
        raise Unsupported(f"{where}: expected a list")
    return node.value


def strings(node: yaml.Node, where: str) -> list:
    return [string(item, where) for item in items(node, where)]


def boolean(node: yaml.Node, where: str) -> bool:
    word = string(node, where).lower()
    if word in ("true", "yes", "on"):
        return True
    if word in ("false", "no", "off"):
        return False
    raise Unsupported(f"{where}: expected true or false")


def integer(node: yaml.Node, where: str) -> int:
    text = string(node, where).replace("_", "")
    if node.style is not None or not re.fullmatch(r"[+-]?[0-9A-Za-z]+", text):
        raise Unsupported(f"{where}: expected a plain integer")
    if text == "0":
        return 0
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if text[0] in "+-" else text
    for prefix, radix in (("0x", 16), ("0b", 2), ("0o", 8), ("0", 8)):
        if body.startswith(prefix):
            return sign * int(body[len(prefix):], radix)
    return sign * int(body, 10)


def double(node: yaml.Node, where: str) -> float:
    text = string(node, where).replace("_", "")
    if node.style is not None or not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text):
        raise Unsupported(f"{where}: expected a plain decimal number")
    return float(text)


# Writing Swift ------------------------------------------------------------------------------------------------

def swift_string(text: str) -> str:
    """A Swift string literal holding `text` exactly: raw (`#"..."#`) when it has backslashes and nothing to
    escape, else quoted with escapes for quotes, backslashes, anything not printable, and a combining mark
    right after the opening quote (where it would read as part of the quote)."""
    plain = all(c.isprintable() for c in text) and not (text and unicodedata.category(text[0]).startswith("M"))
    if "\\" in text and plain and not text.startswith('"'):  # `#"""` would open a multi-line literal
        n = 1
        while ('"' + "#" * n) in text or ("\\" + "#" * n) in text:
            n += 1
        return f'{"#" * n}"{text}"{"#" * n}'
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}

    def escaped(i: int, c: str) -> str:
        if c in escapes:
            return escapes[c]
        mark_first = i == 0 and unicodedata.category(c).startswith("M")
        return f"\\u{{{ord(c):X}}}" if mark_first or not c.isprintable() else c
    return '"' + "".join(escaped(i, c) for i, c in enumerate(text)) + '"'


def swift_strings(items: list) -> str:
    return "[" + ", ".join(swift_string(s) for s in items) + "]"


def swift_double(value: float) -> str:
    return repr(value)


def swift_bool(value: bool) -> str:
    return "true" if value else "false"
