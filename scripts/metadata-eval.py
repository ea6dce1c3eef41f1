#!/usr/bin/env python3
"""Measures the metadata path on synthetic files, judged by exiftool (an independent reader):

    python3 scripts/metadata-eval.py [--out bench-out/metadata-eval] [--per-kind 10] [--blackbar PATH]

Makes --per-kind files of each kind (JPEG, PNG, TIFF, WebP, MP4, MOV, PDF, DOCX) with invented personal fields
written by exiftool (names, emails at example.net, phone numbers from Ofcom's drama ranges, serial numbers,
GPS positions) next to harmless ones (make, model, orientation), then runs `blackbar scan --show-values` and
`blackbar redact -o`, and reports per kind:

- found: personal fields with a finding whose value is the field's value (GPS: a GPS_COORDINATE finding in
  the field's file);
- clean: outputs in which exiftool shows none of the personal values or GPS tags, and whose bytes hold none
  of the values (in UTF-8 or UTF-16);
- payload: outputs whose payload is byte for byte the input's (JPEG from the first scan marker, PNG IDAT
  chunks, TIFF strips, WebP image chunks, MP4/MOV mdat, PDF streams other than metadata, DOCX document part);
- kept: outputs whose make, model and orientation (where the kind has them) exiftool reads as before (with
  --strip all: orientation only, and make, model and software must be gone for an output to count as clean).

Needs Pillow (pip install pillow) and exiftool with Archive::Zip (apt-get install libimage-exiftool-perl
libarchive-zip-perl). Every value is invented; nothing is anyone's.
"""
import argparse
import hashlib
import io
import json
import random
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

from PIL import Image

FIRST = ["Ann", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustav", "Hana", "Ivo", "Jana", "Kofi", "Lena"]
LAST = ["Example", "Testova", "Muster", "Rossi", "Dupont", "Nowak", "Jansen", "Silva", "Berg", "Kowalski"]


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def email(rng, name):
    return name.lower().replace(" ", ".") + f"{rng.randint(1, 99)}@example.net"


def phone(rng):
    return f"+44 20 7946 0{rng.randint(100, 999)}"


def serial(rng):
    return "SN" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(10))


def exiftool(args, path):
    subprocess.run(["exiftool", "-q", "-q", "-overwrite_original", "-n", *args, str(path)], check=True)


def make_image(path, kind, rng):
    w, h = rng.randint(48, 200), rng.randint(48, 200)
    img = Image.effect_noise((w, h), 40 + rng.randint(0, 60)).convert("RGB")
    img.save(path, {"jpeg": "JPEG", "png": "PNG", "tiff": "TIFF", "webp": "WEBP"}[kind])
    name, owner = person(rng), person(rng)
    mail, tel, sn = email(rng, name), phone(rng), serial(rng)
    lat, lon = round(rng.uniform(-60, 60), 6), round(rng.uniform(-170, 170), 6)
    personal = {"Artist": name, "OwnerName": owner, "SerialNumber": sn, "XMP-dc:Creator": name,
                "ImageDescription": f"Trip, ask {mail}", "UserComment": f"Desk {tel}"}
    args = [f"-{k}={v}" for k, v in personal.items()]
    args += [f"-GPSLatitude={abs(lat)}", f"-GPSLatitudeRef={'N' if lat >= 0 else 'S'}",
             f"-GPSLongitude={abs(lon)}", f"-GPSLongitudeRef={'E' if lon >= 0 else 'W'}",
             "-Make=Acme", "-Model=FieldCam 3", "-Orientation=6", "-Software=FieldCam 1.2"]
    if kind == "jpeg":
        personal["IPTC:By-line"] = owner
        args.append(f"-IPTC:By-line={owner}")
    if kind == "png":
        personal["PNG:Author"] = name
        args.append(f"-PNG:Author={name}")
    exiftool(args, path)
    fields = [name, owner, sn, name, mail, tel, None] + ([owner] if kind == "jpeg" else []) + ([name] if kind == "png" else [])
    return fields


def qt_box(t, *parts):
    body = b"".join(parts)
    return struct.pack(">I", 8 + len(body)) + t.encode("latin1") + body


def make_movie(path, kind, rng):
    payload = bytes(rng.randrange(256) for _ in range(rng.randint(200, 2000)))
    brand = b"qt  " if kind == "mov" else b"isom"
    mvhd = qt_box("mvhd", bytes(100))
    hdlr = qt_box("hdlr", bytes(8) + b"mdta" + bytes(12))
    moov = qt_box("moov", mvhd, qt_box("meta", hdlr, qt_box("keys", bytes(4), struct.pack(">I", 0)), qt_box("ilst")))
    ftyp = qt_box("ftyp", brand, bytes(4), brand)
    path.write_bytes(ftyp + moov + qt_box("mdat", payload))
    name, owner = person(rng), person(rng)
    mail = email(rng, owner)
    lat, lon = round(rng.uniform(-60, 60), 4), round(rng.uniform(-170, 170), 4)
    exiftool([f"-Keys:Author={name}", f"-UserData:Artist={owner}", f"-UserData:Comment=mail {mail}",
              "-Keys:Make=Acme", "-Keys:Model=FieldCam 3"], path)
    # Without -n: exiftool reads "lat, lon" as a position only in its print conversion.
    subprocess.run(["exiftool", "-q", "-q", "-overwrite_original", f"-Keys:GPSCoordinates={lat}, {lon}",
                    f"-UserData:GPSCoordinates={lat}, {lon}", str(path)], check=True)
    return [name, owner, mail, None, None]


def make_pdf(path, kind, rng):
    Image.effect_noise((64, 64), 50).convert("RGB").save(path, "PDF", resolution=72)
    name, other = person(rng), person(rng)
    mail, tel = email(rng, other), phone(rng)
    exiftool([f"-PDF:Author={name}", f"-PDF:Title=Report for {mail}", f"-PDF:Subject=Call {tel}",
              f"-XMP-dc:Creator={name}", "-PDF:Keywords=fleet"], path)
    return [name, mail, tel, name]


def make_docx(path, kind, rng):
    name, other = person(rng), person(rng)
    mail = email(rng, other)
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:creator>{name}</dc:creator><cp:lastModifiedBy>{other}</cp:lastModifiedBy>'
            f'<dc:title>Notes for {mail}</dc:title>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:00:00Z</dcterms:created></cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties '
           'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f'<Application>Microsoft Office Word</Application><Company>Acme</Company><Manager>{other}</Manager></Properties>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
           'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
           + "Body text. " * rng.randint(5, 50) + '</w:t></w:r></w:p></w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
             '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="r3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, t in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", doc),
                     ("docProps/core.xml", core), ("docProps/app.xml", app)]:
            z.writestr(n, t)
    return [name, other, mail, other]


MAKERS = {"jpeg": make_image, "png": make_image, "tiff": make_image, "webp": make_image,
          "mp4": make_movie, "mov": make_movie, "pdf": make_pdf, "docx": make_docx}
EXT = {"jpeg": "jpg", "png": "png", "tiff": "tif", "webp": "webp", "mp4": "mp4", "mov": "mov", "pdf": "pdf", "docx": "docx"}


def payload(kind, b, path):
    if kind == "jpeg":
        i = 2
        while i + 4 <= len(b):
            if b[i + 1] == 0xDA:
                return b[i:]
            i += 2 + int.from_bytes(b[i + 2:i + 4], "big")
    if kind == "png":
        out, i = b"", 8
        while i + 12 <= len(b):
            n = int.from_bytes(b[i:i + 4], "big")
            if b[i + 4:i + 8] == b"IDAT":
                out += b[i:i + 12 + n]
            i += 12 + n
        return out
    if kind == "webp":
        out, i = b"", 12
        while i + 8 <= len(b):
            n = int.from_bytes(b[i + 4:i + 8], "little")
            if b[i:i + 4] in (b"VP8 ", b"VP8L", b"ALPH"):
                out += b[i:i + 8 + n]
            i += 8 + n + (n & 1)
        return out
    if kind == "tiff":
        info = json.loads(subprocess.run(["exiftool", "-j", "-n", "-IFD0:StripOffsets", "-IFD0:StripByteCounts", str(path)],
                                         capture_output=True, check=True).stdout)[0]
        offs = str(info.get("StripOffsets", "")).split()
        counts = str(info.get("StripByteCounts", "")).split()
        return b"".join(b[int(o):int(o) + int(c)] for o, c in zip(offs, counts))
    if kind in ("mp4", "mov"):
        i = 0
        while i + 8 <= len(b):
            n = int.from_bytes(b[i:i + 4], "big")
            if b[i + 4:i + 8] == b"mdat":
                return b[i + 8:i + n]
            if n < 8:
                break
            i += n
    if kind == "pdf":
        streams = re.findall(rb"(<<(?:(?!>>\s*stream).)*?>>)\s*stream\r?\n(.*?)endstream", b, re.S)
        return b"".join(data for d, data in streams if b"/Metadata" not in d and b"/XRef" not in d and b"/ObjStm" not in d)
    if kind == "docx":
        with zipfile.ZipFile(io.BytesIO(b)) as z:
            return z.read("word/document.xml")
    return b""


def tags(path):
    out = subprocess.run(["exiftool", "-j", "-a", "-G1", "-n", str(path)], capture_output=True, check=True).stdout
    return json.loads(out)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="bench-out/metadata-eval")
    ap.add_argument("--per-kind", type=int, default=10)
    ap.add_argument("--blackbar", default=".build/release/blackbar")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--strip", choices=["personal", "all"], default="personal",
                    help="redact's --strip-metadata; with all, 'kept' checks orientation only and 'clean' also wants "
                         "make and model gone")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = Path(a.out)
    shutil.rmtree(out, ignore_errors=True)
    inputs, clean = out / "in", out / "clean"
    inputs.mkdir(parents=True)
    planted = {}
    for kind, make in MAKERS.items():
        for k in range(a.per_kind):
            path = inputs / f"{kind}-{k:02}.{EXT[kind]}"
            planted[path.name] = (kind, make(path, kind, rng))
    scan = subprocess.run([a.blackbar, "scan", "--format", "jsonl", "--show-values", str(inputs)], capture_output=True, text=True)
    findings = {}
    for line in scan.stdout.splitlines():
        f = json.loads(line)
        findings.setdefault(Path(f["input"]).name, []).append(f)
    red = subprocess.run([a.blackbar, "redact", str(inputs), "-o", str(clean), "--strip-metadata", a.strip],
                         capture_output=True, text=True)
    if red.returncode not in (0, 1):
        print(red.stderr, file=sys.stderr)
    rows = {}
    for name, (kind, fields) in sorted(planted.items()):
        r = rows.setdefault(kind, dict(files=0, fields=0, found=0, clean=0, payload=0, kept=0))
        r["files"] += 1
        r["fields"] += len(fields)
        got = findings.get(name, [])
        # A field is found when a finding's value is its personal value (each finding counts for one field: a
        # name in Artist and in dc:creator needs two); a GPS field, when a GPS_COORDINATE finding is left for it.
        values = Counter(f.get("value") for f in got if f["entity"] != "GPS_COORDINATE")
        gps = sum(1 for f in got if f["entity"] == "GPS_COORDINATE")
        for v in fields:
            if v is None and gps > 0:
                gps -= 1
                r["found"] += 1
            elif v is not None and values[v] > 0:
                values[v] -= 1
                r["found"] += 1
        values = [v for v in fields if v]
        src, dst = inputs / name, clean / name
        if not dst.exists():
            continue
        before, after = src.read_bytes(), dst.read_bytes()
        t_after = tags(dst)
        text = json.dumps(t_after)
        leaked = [v for v in values if v in text or v.encode() in after or v.encode("utf-16-le") in after
                  or v.encode("utf-16-be") in after]
        gps_left = [k for k in t_after if "GPS" in k and "Version" not in k]
        if a.strip == "all":
            gps_left += [k for k in t_after if k.split(":")[-1] in ("Make", "Model", "Software") and t_after[k]]
        if not leaked and not gps_left:
            r["clean"] += 1
        if payload(kind, before, src) == payload(kind, after, dst) and payload(kind, before, src):
            r["payload"] += 1
        t_before = tags(src)
        keep = [k for k in t_before if k.split(":")[-1] in (("Orientation",) if a.strip == "all" else ("Make", "Model", "Orientation"))]
        if all(t_after.get(k) == t_before[k] for k in keep):
            r["kept"] += 1
    print(f"{'kind':6} {'files':>5} {'personal fields':>15} {'found':>6} {'clean':>6} {'payload same':>12} {'harmless kept':>13}")
    total = dict(files=0, fields=0, found=0, clean=0, payload=0, kept=0)
    for kind, r in rows.items():
        print(f"{kind:6} {r['files']:5} {r['fields']:15} {r['found']:6} {r['clean']:6} {r['payload']:12} {r['kept']:13}")
        for k in total:
            total[k] += r[k]
    print(f"{'all':6} {total['files']:5} {total['fields']:15} {total['found']:6} {total['clean']:6} {total['payload']:12} {total['kept']:13}")
    print(f"redact exit status {red.returncode}; {red.stderr.strip().splitlines()[-1] if red.stderr.strip() else ''}")


if __name__ == "__main__":
    main()
