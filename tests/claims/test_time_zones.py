"""The time zones' abbreviations read as no one's name: the same on every machine (from the
tzdata package, not the system's database), and read only when first asked about."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.claims.name_spellings import time_zones

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import importlib.util, os, sys, zoneinfo
roots = tuple(str(root).rstrip(os.sep) + os.sep
              for root in (*zoneinfo.TZPATH, *importlib.util.find_spec("tzdata").submodule_search_locations))
read = []
sys.addaudithook(lambda event, args: read.append(str(args[0])) if event in ("open", "os.scandir", "os.listdir")
                 and args and str(args[0]).startswith(roots) else None)
import pipeline.claims.name_spellings
print(len(read), read[:3])
"""


def test_the_abbreviations_are_the_well_known_ones():
    zones = time_zones()
    assert {"UTC", "GMT", "EST", "EDT", "PST", "CET", "CEST", "BST", "JST", "IST", "AEST", "MSK"} <= zones
    assert not {"MAY", "US", "UN", "NATO", "ET"} & zones


def test_importing_the_module_reads_no_time_zone_database():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.startswith("0 "), done.stdout

