"""Rasa extensions of this project: input channels, stores and a component named in Rasa's
configuration files (credentials.yml, endpoints.yml, config.yml), and changes to Rasa's own code.

Importing a module of this package changes nothing in Rasa. The changes are made by one call,
`install()`, which `channels/server.py` (how Rasa is started: `python -m channels.server run ...`)
makes before Rasa is imported. The channels refuse to start without it.
"""
from __future__ import annotations

import importlib

_installed = False


def install() -> None:
    """Makes every change to Rasa's code, once per process (a second call does nothing):

    - TensorFlow loaded only when the model needs it (channels/tensorflow_on_demand.py); first,
      as it must precede any import of Rasa;
    - `skops.io` imported before Rasa sets up its logging (channels/server.py says why);
    - Rasa's hot spots made cheap, same results (channels/rasa_speedups.py);
    - a failed action or tracker store fails the channel's turn, unsaved (channels/turns.py).
    """
    global _installed
    if _installed:
        return
    from channels import tensorflow_on_demand

    tensorflow_on_demand.install()
    importlib.import_module("skops.io")
    from channels import rasa_speedups, turns

    rasa_speedups.install()
    turns.install()
    _installed = True
