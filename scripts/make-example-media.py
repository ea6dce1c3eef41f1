#!/usr/bin/env python3
"""Makes the example photo and PDF in examples/media/ (committed; rerun only to change them).

Needs Pillow (pip install pillow) and exiftool (apt-get install libimage-exiftool-perl). The picture is drawn
here (a gradient with a few shapes), so nothing of anyone's is in it; its metadata is invented: a fictional
owner, a serial number, a position at the Eiffel Tower, an email at a reserved domain and a phone number
from Ofcom's drama range.
"""
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

out = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/media")
out.mkdir(parents=True, exist_ok=True)

img = Image.new("RGB", (160, 120))
draw = ImageDraw.Draw(img)
for y in range(120):
    draw.line([(0, y), (159, y)], fill=(40 + y, 90 + y // 2, 160))
draw.ellipse((20, 20, 70, 70), fill=(240, 200, 60))
draw.rectangle((90, 60, 150, 110), fill=(60, 140, 80))
photo = out / "dashcam.jpg"
img.save(photo, quality=85)
subprocess.run([
    "exiftool", "-q", "-overwrite_original", "-n",
    "-Make=Acme", "-Model=DriveCam 4K", "-Orientation=1", "-Software=DriveCam 2.1",
    "-Artist=Jane Roe", "-OwnerName=Jane Roe", "-SerialNumber=DC4K-2024-118842",
    "-LensSerialNumber=0000c12345", "-ImageUniqueID=7f3e2a1b9c8d4e5f6a7b8c9d0e1f2a3b",
    "-DateTimeOriginal=2024:05:01 10:00:00",
    "-GPSLatitude=48.858370", "-GPSLatitudeRef=N", "-GPSLongitude=2.294481", "-GPSLongitudeRef=E",
    "-GPSAltitude=35", "-GPSAltitudeRef=0",
    "-ImageDescription=Trip log; questions to jane.roe@example.net",
    "-UserComment=Fleet desk +44 20 7946 0958",
    "-XMP-dc:Creator=Jane Roe", "-XMP-dc:Title=Plate AB12 CDE seen at the gate",
    "-IPTC:By-line=Jane Roe", "-IPTC:Caption-Abstract=Fleet car, driver on +44 20 7946 0958",
    "-Comment=Uploaded by jane.roe@example.net",
    str(photo)], check=True)

# A one-page PDF whose Info dictionary and XMP name its author and hold an email.
pdf = out / "report.pdf"
img.convert("RGB").save(pdf, "PDF", resolution=72)
subprocess.run([
    "exiftool", "-q", "-overwrite_original",
    "-PDF:Author=Jane Roe", "-PDF:Title=Incident report for jane.roe@example.net",
    "-PDF:Subject=Refund to DE89 3704 0044 0532 0130 00", "-PDF:Keywords=fleet; incident",
    "-XMP-dc:Creator=Jane Roe",
    str(pdf)], check=True)
print(f"wrote {photo} and {pdf}")
