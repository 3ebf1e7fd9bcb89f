"""Scorecal parameter file (format "scorecal.calibration", version 1): reference evaluator in Python.

Standard library only (json, math, hashlib). It verifies a file (format, version, content hash) and
applies it to raw scores exactly as docs/parameter-file.md describes; Scorecal's tests compare its
output with the engine's on committed fixtures.

    python3 apply_params.py params.json 0.01 0.2 0.73      # prints one calibrated probability per score
    python3 apply_params.py segmented.json 0.01:BTC 0.2    # segmented-platt: SCORE:SEGMENT (none: global map)

    import apply_params
    doc = apply_params.load("params.json")                  # raises ValueError naming the failed check
    result = apply_params.apply_params(doc, [0.01, 0.2])    # {"p": [...]} (+ "p0", "p1" for venn-abers)
    result = apply_params.apply_params(doc, [0.01, 0.2], ["BTC", None])  # segmented-platt: one label per row
"""

import hashlib
import json
import math
import sys
from bisect import bisect_left

FORMAT = "scorecal.calibration"
VERSION = 1
EPSILON = 2.0 ** -52  # probabilities are clipped to [EPSILON, 1 - EPSILON] before taking logarithms


# --- canonical JSON (RFC 8785) and the content hash -------------------------------------------------


def _number(value):
    """ECMAScript Number::toString: the shortest round-trip digits, laid out as JavaScript does.

    Python's repr() finds the same shortest digits but writes 1e-07 and 1e+16 where JavaScript
    writes 1e-7 and 10000000000000000, so only the digits are taken from it.
    """
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers")
    if isinstance(value, int):
        if abs(value) > 2**53:
            value = float(value)
        else:
            return str(value)
    if not math.isfinite(value):
        raise ValueError("canonical JSON holds only finite numbers")
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    integer, _, fraction = mantissa.partition(".")
    digits = (integer + fraction).lstrip("0")
    # point position n: value = 0.digits * 10^n
    n = len(integer.lstrip("0")) if integer.strip("0") else -(len(fraction) - len(fraction.lstrip("0")))
    n += int(exponent or 0)
    digits = digits.rstrip("0") or "0"
    k = len(digits)
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))
    return sign + text


def canonical_json(value):
    """RFC 8785: keys sorted by UTF-16 code units, no whitespace, JavaScript's number and string forms."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical_json(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value, key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical_json(value[k]) for k in keys) + "}"
    raise TypeError("JSON cannot hold %r" % (value,))


def content_hash(document):
    body = {key: item for key, item in document.items() if key != "contentHash"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def load(path):
    """The parsed document after the format, version and hash checks (the schema is the JSON Schema's job)."""
    with open(path, encoding="utf-8-sig") as handle:
        try:
            document = json.load(handle)
        except json.JSONDecodeError as error:
            raise ValueError("not JSON (line %d, column %d)" % (error.lineno, error.colno))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError("unknown format")
    if document.get("version") != VERSION:
        raise ValueError("version %r is not supported (this reader reads version %d)" % (document.get("version"), VERSION))
    recorded = (document.get("contentHash") or {}).get("value")
    if recorded != content_hash(document):
        raise ValueError("content hash mismatch: the file was changed after it was written")
    return document


# --- evaluation --------------------------------------------------------------------------------------


def _sigmoid(x):
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _clip(p):
    return EPSILON if p < EPSILON else (1.0 - EPSILON if p > 1.0 - EPSILON else p)


def _clipped_logit(p):
    c = _clip(p)
    return math.log(c) - math.log1p(-c)


def score_to_probability(rule, score):
    kind = rule["kind"]
    if kind == "probability":
        if not 0.0 <= score <= 1.0:
            raise ValueError("probability %r is not in [0, 1]" % score)
        return float(score)
    if kind == "logit":
        if math.isnan(score):
            raise ValueError("logit is NaN")
        return _sigmoid(score)
    if kind == "points":
        if not math.isfinite(score):
            raise ValueError("points must be finite")
        sign = -1.0 if rule["direction"] == "higher-is-safer" else 1.0
        return _sigmoid(sign * (score - rule["offset"]) / rule["factor"])
    raise ValueError("unknown score kind %r" % kind)


def _isotonic(q, v):
    x, y = q["x"], q["y"]
    k = len(x)
    if v < x[0]:
        if q["outOfBounds"] == "extend-to-corners":
            return y[0] * v / x[0]
        v = x[0]
    elif v > x[-1]:
        if q["outOfBounds"] == "extend-to-corners":
            return y[-1] + (1 - y[-1]) * (v - x[-1]) / (1 - x[-1])
        v = x[-1]
    if k == 1:
        return y[0]
    hi = min(max(bisect_left(x, v), 1), k - 1)
    lo = hi - 1
    return (y[hi] - y[lo]) / (x[hi] - x[lo]) * (v - x[lo]) + y[lo]


def _histogram(q, v):
    return q["probabilities"][bisect_left(q["edges"][1:-1], v)]


def _spline(q, z):
    c = q["coefficients"]
    s_count = len(q["knots"]) - 1
    lower, upper = q["knots"][0], q["knots"][-1]
    h = (upper - lower) / s_count
    if z < lower:
        return (c[0] + 4 * c[1] + c[2]) / 6 + (c[2] - c[0]) / (2 * h) * (z - lower)
    if z > upper:
        s = s_count
        return (c[s] + 4 * c[s + 1] + c[s + 2]) / 6 + (c[s + 2] - c[s]) / (2 * h) * (z - upper)
    position = (z - lower) / h
    s = min(math.floor(position), s_count - 1)
    u = position - s
    w = 1 - u
    u2 = u * u
    u3 = u2 * u
    return (
        c[s] * (w * w * w / 6)
        + c[s + 1] * ((3 * u3 - 6 * u2 + 4) / 6)
        + c[s + 2] * ((-3 * u3 + 3 * u2 + 3 * u + 1) / 6)
        + c[s + 3] * (u3 / 6)
    )


def _venn_abers(q, v):
    scores = q["scores"]
    k = len(scores)
    lo = bisect_left(scores, v)
    at_or_below = lo if lo < k and scores[lo] == v else lo - 1
    p0 = 0.0 if at_or_below < 0 else q["p0"][at_or_below]
    p1 = 1.0 if lo >= k else q["p1"][lo]
    return p0, p1, p1 / (1 - p0 + p1)


def _segment_map(q, label):
    """A segmented-platt row's Platt map: its segment's own, or the global one (missing or unknown label)."""
    if label is not None and label in q["segments"]:
        return q["segments"][label]
    return q["global"]


def apply_params(document, raw_scores, segments=None):
    """{"p": [...]} for the raw scores, plus "p0" and "p1" (the interval) for Venn-ABERS.

    segments: segmented-platt only (required there), each row's value of the column params["column"],
    None when missing.
    """
    q = document["params"]
    method = q["method"]
    out = {"p": []}
    if method == "venn-abers":
        out["p0"], out["p1"] = [], []
    if method == "segmented-platt":
        if segments is None:
            raise ValueError('a segmented-platt file needs each row\'s segment (column "%s")' % q["column"])
        if len(segments) != len(raw_scores):
            raise ValueError("%d segments for %d scores" % (len(segments), len(raw_scores)))
    for i, score in enumerate(raw_scores):
        v = score_to_probability(document["scoreInput"], score)
        if method == "platt":
            p = _sigmoid(q["intercept"] + q["slope"] * _clipped_logit(v))
        elif method == "segmented-platt":
            m = _segment_map(q, segments[i])
            p = _sigmoid(m["intercept"] + m["slope"] * _clipped_logit(v))
        elif method == "temperature":
            p = _sigmoid(_clipped_logit(v) / q["temperature"])
        elif method == "beta":
            c = _clip(v)
            p = _sigmoid(q["c"] + q["a"] * math.log(c) - q["b"] * math.log1p(-c))
        elif method == "base-rate":
            p = _sigmoid(_clipped_logit(v) + q["shift"])
        elif method == "isotonic":
            p = _isotonic(q, v)
        elif method == "histogram":
            p = _histogram(q, v)
        elif method == "spline":
            p = _sigmoid(_spline(q, _clipped_logit(v)))
        elif method == "venn-abers":
            p0, p1, p = _venn_abers(q, v)
            out["p0"].append(p0)
            out["p1"].append(p1)
        else:
            raise ValueError("unknown method %r" % method)
        out["p"].append(p)
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: apply_params.py params.json SCORE[:SEGMENT] [SCORE[:SEGMENT] ...]")
    try:
        doc = load(sys.argv[1])
    except ValueError as problem:
        sys.exit("%s: refused: %s" % (sys.argv[1], problem))
    # A score never holds a colon, so "0.2:PEPE" splits at the first one (a label may hold more).
    pairs = [argument.partition(":") for argument in sys.argv[2:]]
    scores = [float(score) for score, _, _ in pairs]
    labels = [label if colon else None for _, colon, label in pairs]
    for probability in apply_params(doc, scores, labels)["p"]:
        print(repr(probability))
