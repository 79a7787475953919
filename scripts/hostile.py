#!/usr/bin/env python3
"""Generates one costly-looking report in a chosen shape and format, for growth measurements.

Usage: scripts/hostile.py SHAPE FORMAT KB > FILE
  SHAPE:  neglist   "no falx, tentorium or dural calcification, thickening or enhancement " repeated
          calcfalx  "calcified falx " repeated, no full stop
          lines     lines of "calcified falx" without punctuation
  FORMAT: jsonl (one JSON line), txt, hl7 (OBX ~ repetitions for neglist/calcfalx, \\.br\\ for lines),
          cda (<br/> between units)
  KB:     approximate size of the report text in kilobytes
"""
import json
import sys

UNITS = {
    "neglist": "no falx, tentorium or dural calcification, thickening or enhancement ",
    "calcfalx": "calcified falx ",
    "lines": "calcified falx\n",
}


def units(shape, kb):
    unit = UNITS[shape]
    return [unit.strip()] * max(1, (kb * 1024) // len(unit))


def main():
    shape, fmt, kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
    parts = units(shape, kb)
    sep = "\n" if shape == "lines" else " "
    out = sys.stdout
    if fmt == "txt":
        out.write("FINDINGS:\n" + sep.join(parts) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps({"id": f"{shape}-{kb}", "text": "FINDINGS:\n" + sep.join(parts)}) + "\n")
    elif fmt == "hl7":
        joiner = "\\.br\\" if shape == "lines" else "~"
        obx = "OBX|1|TX|&GDT|1|FINDINGS: " + joiner.join(parts) + "||||||F"
        segs = [
            "MSH|^~\\&|RIS|HOSP|EHR|RCV|20240312141530||ORU^R01^ORU_R01|MSG1|P|2.5.1",
            "PID|1||MR1^^^H^MR||Doe^Jane||19520101|F",
            "OBR|1|P1|ACC-1|CTHEAD^CT HEAD^L|||20240312141500",
            obx,
        ]
        out.write("\r".join(segs) + "\r")
    elif fmt == "cda":
        body = "<br/>".join(parts)
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3">'
            '<id root="2.25.1" extension="DOC-1"/><title>CT Head</title><component><structuredBody>'
            "<component><section><title>Findings</title><text><paragraph>" + body + "</paragraph></text>"
            "</section></component></structuredBody></component></ClinicalDocument>\n"
        )
    else:
        sys.exit(f"unknown format {fmt}")


if __name__ == "__main__":
    main()
