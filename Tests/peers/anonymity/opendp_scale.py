#!/usr/bin/env python3
"""OpenDP (https://pypi.org/project/opendp/) reference for a noise scale:
calibrates OpenDP's integer Laplace or Gaussian mechanism to the same ε (and δ)
and sensitivity, draws samples, and prints JSON {"scale", "empirical_sd", "draws_per_second"}.

Gaussian: OpenDP's ρ-zCDP → (ε, δ) conversion is the optimal one, so its σ is
a lower bound for any correct calibration.

Usage: opendp_scale.py --mechanism laplace|gaussian --epsilon E [--delta D] [--sensitivity S] [--samples N]
"""
import argparse
import json
import statistics
import time

import opendp.prelude as dp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mechanism", choices=["laplace", "gaussian"], required=True)
    parser.add_argument("--epsilon", type=float, required=True)
    parser.add_argument("--delta", type=float, default=0.0)
    parser.add_argument("--sensitivity", type=int, default=1)
    parser.add_argument("--samples", type=int, default=20000)
    args = parser.parse_args()
    dp.enable_features("contrib")
    space = dp.atom_domain(T=int), dp.absolute_distance(T=int)
    if args.mechanism == "laplace":
        def build(scale):
            return dp.m.make_laplace(*space, scale=scale)
        scale = dp.binary_search_param(build, d_in=args.sensitivity, d_out=args.epsilon)
    else:
        def build(scale):
            return dp.c.make_zCDP_to_approxDP(dp.m.make_gaussian(*space, scale=scale))
        scale = dp.binary_search(
            lambda s: build(s).map(args.sensitivity).epsilon(args.delta) <= args.epsilon,
            bounds=(0.1 * args.sensitivity, 1e4 * args.sensitivity))
    measurement = build(scale)
    start = time.perf_counter()
    draws = [measurement(0) for _ in range(args.samples)]
    seconds = time.perf_counter() - start
    print(json.dumps({"scale": scale, "empirical_sd": statistics.pstdev(draws), "draws_per_second": args.samples / seconds}))


if __name__ == "__main__":
    main()
