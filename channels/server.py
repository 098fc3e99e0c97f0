"""Starts Rasa's server as this project runs it: `python -m channels.server run ...`, with the
arguments of `rasa run` (scripts/services.py and scripts/scaled.py use it).

Before Rasa is imported, `channels.install()` makes this project's changes to Rasa. One of them
concerns this start: `skops.io` is imported before Rasa sets up its logging. Rasa imports it to
load the logistic regression classifier, and on import it walks every scikit-learn module; one of
them, through numpy.distutils and setuptools, sets the root logger to WARNING. Imported later,
while the model loads, it silenced Rasa's INFO lines from then on ("Rasa server is up and
running", the channel's `chat turn` lines the scaled-profile tests read). Imported first, Rasa's
own logging set-up comes after it, as in stock Rasa, where nothing imports it.
"""
from __future__ import annotations

import sys

import channels


def main(argv: list[str] | None = None) -> int:
    channels.install()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *(sys.argv[1:] if argv is None else argv)]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
