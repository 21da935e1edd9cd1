#!/usr/bin/env python3
"""Generate the support-ticket routing data used by notebooks/support_routing.md.

Writes, next to this script:

  support_routing.csv   1,200 support tickets, each with its true queue, the queue
                        the current keyword rules send it to, and the routing
                        model's probability for each of the five queues.

The story
---------
A support team has five queues: billing, technical, account, shipping and other.
Today a set of keyword rules (`rules_queue`) routes each incoming ticket; a ticket
that lands in the wrong queue waits until an agent there reads it and forwards it.
The candidate is a text classifier that gives a probability per queue (columns
`billing technical account shipping other`, which sum to 1 on every row).

Built-in confusions, as in real ticket data:

- billing <-> account  ("I was charged after closing my account")
- technical <-> account ("can't log in")
- shipping <-> other    ("where is my refund for the parcel")
- `other` is small and vague: the weakest class for both systems.

The model's second choice is usually the right one when its first is wrong, which
is what makes "suggest a second queue" worth building.

Columns
-------
ticket_id     int, 1..N
channel       email | chat | web_form
queue         the true queue (set by the agent who finally resolved the ticket)
rules_queue   the queue the keyword rules chose
billing, technical, account, shipping, other
              the model's probabilities, 4 decimals, summing to exactly 1.0000;
              no two queues of a ticket have the same probability

The output is deterministic: numpy default_rng with a fixed seed, probabilities
handled in integer ten-thousandths and written with a fixed number of decimals.
Re-running the script reproduces the file byte for byte. Run with any Python 3
that has numpy, e.g.

    /tmp/venv/bin/python notebooks/data/generate_support_routing.py
"""

from __future__ import annotations

import csv
import os

import numpy as np

SEED = 20240712
N = 1200
QUEUES = ["billing", "technical", "account", "shipping", "other"]
PRIOR = [0.30, 0.27, 0.18, 0.17, 0.08]
CHANNELS = ["email", "chat", "web_form"]
CHANNEL_P = [0.45, 0.35, 0.20]

# How strongly a ticket of queue (row) "looks like" queue (column) to the model,
# on top of the signal for its own queue.
LOOKALIKE = np.array([
    # billing technical account shipping other
    [0.0, 0.1, 1.6, 0.3, 0.4],   # billing
    [0.1, 0.0, 1.5, 0.1, 0.4],   # technical
    [1.5, 1.3, 0.0, 0.1, 0.4],   # account
    [0.4, 0.1, 0.1, 0.0, 1.5],   # shipping
    [0.9, 0.6, 0.5, 1.3, 0.0],   # other
])
# Signal for the true queue: `other` is vague, chat messages are short.
OWN_SIGNAL = np.array([5.4, 5.4, 4.7, 5.4, 3.5])
CHANNEL_SIGNAL = {"email": 0.35, "chat": -0.45, "web_form": 0.15}

# Keyword rules: right with this probability per queue, else a rule-specific mix-up.
RULES_RIGHT = np.array([0.80, 0.76, 0.55, 0.82, 0.40])

HERE = os.path.dirname(os.path.abspath(__file__))


def units(p: np.ndarray) -> np.ndarray:
    """Round a probability row to integer ten-thousandths that sum to exactly 10000."""
    m = np.floor(p * 10000.0).astype(np.int64)
    rest = 10000 - int(m.sum())
    # give the leftover units to the largest remainders (ties by column order)
    order = np.argsort(-(p * 10000.0 - m), kind="stable")
    for j in order[:rest]:
        m[j] += 1
    return m


def generate() -> dict[str, list]:
    rng = np.random.default_rng(SEED)
    k = len(QUEUES)
    true = rng.choice(k, size=N, p=PRIOR)
    channel = rng.choice(CHANNELS, size=N, p=CHANNEL_P)

    probs = np.zeros((N, k), dtype=np.int64)
    rules = np.zeros(N, dtype=np.int64)
    for i in range(N):
        t = true[i]
        # redraw the (rare) rows whose rounded probabilities tie, so that "the model's
        # top two queues" never depends on how ties are broken
        while True:
            logits = rng.normal(0.0, 1.0, k)
            logits += LOOKALIKE[t] * rng.gamma(2.0, 0.9)
            logits[t] += OWN_SIGNAL[t] + CHANNEL_SIGNAL[channel[i]] + rng.normal(0.0, 0.6)
            p = np.exp(logits - logits.max())
            p /= p.sum()
            probs[i] = units(p)
            if len(set(probs[i].tolist())) == k:
                break

        if rng.random() < RULES_RIGHT[t]:
            rules[i] = t
        else:
            w = LOOKALIKE[t] + 0.2
            w[t] = 0.0
            rules[i] = rng.choice(k, p=w / w.sum())

    return {
        "ticket_id": list(range(1, N + 1)),
        "channel": list(channel),
        "queue": [QUEUES[t] for t in true],
        "rules_queue": [QUEUES[r] for r in rules],
        "probs": probs,
    }


def write(d: dict, path: str) -> None:
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["ticket_id", "channel", "queue", "rules_queue"] + QUEUES)
        for i in range(N):
            row = [d["ticket_id"][i], d["channel"][i], d["queue"][i], d["rules_queue"][i]]
            row += [f"{m // 10000}.{m % 10000:04d}" for m in d["probs"][i]]
            w.writerow(row)


def main() -> None:
    d = generate()
    path = os.path.join(HERE, "support_routing.csv")
    write(d, path)
    true = np.array([QUEUES.index(q) for q in d["queue"]])
    rules = np.array([QUEUES.index(q) for q in d["rules_queue"]])
    P = d["probs"] / 10000.0
    top1 = P.argmax(axis=1)
    top2 = np.argsort(-P, axis=1, kind="stable")[:, :2]
    in_top2 = (top2 == true[:, None]).any(axis=1)
    print(f"{os.path.relpath(path)}: {N} tickets, {os.path.getsize(path)} bytes")
    print(f"  rules accuracy {np.mean(rules == true):.4f}")
    print(f"  model accuracy {np.mean(top1 == true):.4f}  top-2 {np.mean(in_top2):.4f}")
    for j, q in enumerate(QUEUES):
        sel = true == j
        print(f"  {q:10s} n={sel.sum():4d}  rules recall {np.mean(rules[sel] == j):.3f}"
              f"  model recall {np.mean(top1[sel] == j):.3f}")


if __name__ == "__main__":
    main()
