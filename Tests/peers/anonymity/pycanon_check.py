#!/usr/bin/env python3
"""Independent check of a released table: k-anonymity and distinct l-diversity
computed by pycanon (https://pypi.org/project/pycanon/), printed as JSON.

Usage: pycanon_check.py RELEASED.csv --quasi a,b,c [--sensitive s]
"""
import argparse
import json

import pandas as pd
from pycanon import anonymity


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("table")
    parser.add_argument("--quasi", required=True)
    parser.add_argument("--sensitive")
    args = parser.parse_args()
    frame = pd.read_csv(args.table, dtype=str, keep_default_na=False)
    quasi = args.quasi.split(",")
    result = {"k": int(anonymity.k_anonymity(frame, quasi)), "rows": int(len(frame))}
    if args.sensitive:
        result["l"] = int(anonymity.l_diversity(frame, quasi, [args.sensitive]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
