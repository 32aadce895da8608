#!/usr/bin/env python3
"""Python peer for `pivault-bench healthcode`: verifies the same "HC1:" codes.

The pipeline is the one EU DCC verifiers in Python use: base45 -> zlib ->
COSE_Sign1 (pycose) -> CWT claims (cbor2) -> kid lookup -> signature ->
iat/exp window. Keys are parsed once from the trust list, as a real
verifier would cache them.

Modes:
  pycose        pycose decodes and verifies (its ES256 uses the `ecdsa` package).
  cryptography  cbor2 decodes, the Sig_structure is built by hand and the
                signature is checked with `cryptography` (OpenSSL), the fastest
                idiomatic Python route; reported as a stricter reference.

Input: a JSON file {"trust": [base64 DER certificates], "codes": [...], "now": seconds}.
Output: one JSON line {"mode", "verified", "failed", "seconds", "rate"}.
"""
import argparse
import base64
import hashlib
import json
import sys
import time
import zlib

import base45
import cbor2
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from pycose.headers import KID
from pycose.keys import EC2Key
from pycose.keys.curves import P256
from pycose.messages import CoseMessage

CWT_TAG, SIGN1_TAG = 61, 18
ISS, EXP, IAT, HCERT = 1, 4, 6, -260


def load_trust(certs):
    """kid (first 8 bytes of SHA-256 of the DER) -> list of (pycose key, cryptography key)."""
    table = {}
    for b64 in certs:
        der = base64.b64decode(b64)
        cert = x509.load_der_x509_certificate(der)
        public = cert.public_key()
        numbers = public.public_numbers()
        cose_key = EC2Key(crv=P256, x=numbers.x.to_bytes(32, "big"), y=numbers.y.to_bytes(32, "big"))
        table.setdefault(hashlib.sha256(der).digest()[:8], []).append((cose_key, public))
    return table


def check_window(claims, now):
    iat, exp = claims.get(IAT), claims.get(EXP)
    if iat is None or exp is None or not (iat <= now <= exp):
        raise ValueError("outside validity window")
    return claims[HCERT][1]


def verify_pycose(code, trust, now):
    if not code.startswith("HC1:"):
        raise ValueError("prefix")
    cose = zlib.decompress(base45.b45decode(code[4:]))
    message = CoseMessage.decode(cose)
    kid = message.phdr.get(KID) or message.uhdr.get(KID)
    for cose_key, _ in trust.get(kid, []):
        message.key = cose_key
        if message.verify_signature():
            return check_window(cbor2.loads(message.payload), now)
    raise ValueError("signature")


def verify_cryptography(code, trust, now):
    if not code.startswith("HC1:"):
        raise ValueError("prefix")
    item = cbor2.loads(zlib.decompress(base45.b45decode(code[4:])))
    if isinstance(item, cbor2.CBORTag) and item.tag == CWT_TAG:
        item = item.value
    if isinstance(item, cbor2.CBORTag) and item.tag == SIGN1_TAG:
        item = item.value
    protected, unprotected, payload, signature = item
    header = cbor2.loads(protected) if protected else {}
    kid = header.get(4) or unprotected.get(4)
    to_be_signed = cbor2.dumps(["Signature1", protected, b"", payload])
    der_signature = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    for _, public in trust.get(kid, []):
        try:
            public.verify(der_signature, to_be_signed, ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            continue
        return check_window(cbor2.loads(payload), now)
    raise ValueError("signature")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input")
    parser.add_argument("--mode", choices=["pycose", "cryptography"], default="pycose")
    parser.add_argument("--seconds", type=float, default=2.0)
    args = parser.parse_args()
    with open(args.input) as handle:
        data = json.load(handle)
    trust = load_trust(data["trust"])
    codes, now = data["codes"], data["now"]
    verify = verify_pycose if args.mode == "pycose" else verify_cryptography
    verified = failed = 0
    start = time.perf_counter()
    deadline = start + args.seconds
    while True:
        for code in codes:
            try:
                verify(code, trust, now)
                verified += 1
            except Exception:
                failed += 1
        if time.perf_counter() >= deadline:
            break
    elapsed = time.perf_counter() - start
    json.dump({"mode": args.mode, "verified": verified, "failed": failed, "seconds": elapsed,
               "rate": (verified + failed) / elapsed}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
