"""channels/server.py and channels/tensorflow_on_demand.py: our model is served without
TensorFlow, with the same answers, whatever needs TensorFlow still gets the real thing, and
Rasa's INFO lines survive the model loading.

Each check runs in a fresh .venv/bot interpreter (what is imported is process-wide). The
model is the trained one (models/scan.tar.gz, made by `make train` / `make test`).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "scan.tar.gz"

PARSE = r'''
import asyncio, json, sys
if sys.argv[1] == "on-demand":
    from channels import tensorflow_on_demand
    tensorflow_on_demand.install()
from rasa.core.agent import Agent
agent = Agent.load(sys.argv[2])
texts = ["Wat is een cobot eigenlijk?", "Waarom vraag je dat?", "terug", "We maken onderdelen voor de scheepsbouw",
         "Wat kost dit?", "Wie wordt er kampioen?"]
parsed = [asyncio.run(agent.parse_message(t)) for t in texts]
print(json.dumps({"tensorflow": "tensorflow" in sys.modules,
                  "parsed": [[p["intent"]["name"], round(p["intent"]["confidence"], 6),
                              [(e["entity"], e["value"]) for e in p["entities"]]] for p in parsed]}))
'''

STAND_INS = r'''
import inspect, json, sys
from channels import tensorflow_on_demand as on_demand
on_demand.install()
from rasa.utils import train_utils
import rasa.graph_components.validators.default_recipe_validator as validator
found = {"deferred": [type(x).__name__ for x in (train_utils.RasaTrainingLogger, train_utils.RasaBatchDataGenerator,
                                               validator.DIETClassifier, validator.TEDPolicy)],
         "no_stand_in_left": not any(on_demand.is_stand_in(m) for m in list(sys.modules.values())),
         "tensorflow_before": "tensorflow" in sys.modules}

class Logger(train_utils.RasaTrainingLogger):  # derived from: the real Keras callback
    pass

import rasa.utils.tensorflow.callback as callback
import tensorflow as tf
found["real_base"] = (Logger.__bases__ == (callback.RasaTrainingLogger,)
                     and issubclass(Logger, tf.keras.callbacks.Callback))
found["issubclass"] = issubclass(Logger, train_utils.RasaTrainingLogger)
found["isinstance"] = isinstance(Logger(epochs=1, silent=True), train_utils.RasaTrainingLogger)
found["called"] = type(train_utils.RasaModelCheckpoint(checkpoint_dir=__import__("pathlib").Path("/tmp"))).__module__
from rasa.shared.utils.common import class_from_module_path
diet = class_from_module_path("rasa.nlu.classifiers.diet_classifier.DIETClassifier")  # a DIET model's graph
found["diet_is_class"] = inspect.isclass(diet) and issubclass(diet, validator.DIETClassifier)
found["tensorflow_after"] = "tensorflow" in sys.modules
print(json.dumps(found))
'''


LOGGING = r'''
import json, logging, sys
if sys.argv[1] == "prepared":
    import channels
    channels.install()
import rasa.utils.io
from rasa.utils.common import configure_logging_and_warnings
configure_logging_and_warnings(logging.INFO)  # what `rasa run` does before it loads the model
rasa.utils.io.configure_colored_logging(logging.INFO)
from rasa.core.agent import Agent
Agent.load(sys.argv[2])
print(json.dumps({"info": logging.getLogger("channels.limited").isEnabledFor(logging.INFO),
                  "tensorflow": "tensorflow" in sys.modules}))
'''


def run(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TF_CPP_MIN_LOG_LEVEL": "3",
                               "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def model() -> str:
    if not MODEL.exists():
        pytest.fail("models/scan.tar.gz is missing: run `make train` (or the tests through `make test`)")
    return str(MODEL)


def test_our_model_is_served_without_tensorflow_and_answers_as_with_it(model):
    stock = run(PARSE, "stock", model)
    on_demand = run(PARSE, "on-demand", model)
    assert stock["tensorflow"] is True  # Rasa's own import path loads it, although no component needs it
    assert on_demand["tensorflow"] is False
    assert on_demand["parsed"] == stock["parsed"]
    assert [p[0] for p in on_demand["parsed"][:3]] == ["vraag_uitleg", "vraag_waarom", "terug"]


def test_stand_ins_become_the_real_thing_when_training_code_uses_them():
    found = run(STAND_INS)
    assert found["deferred"] == ["Deferred"] * 4 and found["no_stand_in_left"] and not found["tensorflow_before"]
    assert found["real_base"] and found["issubclass"] and found["isinstance"]
    assert found["called"] == "rasa.utils.tensorflow.callback"
    assert found["diet_is_class"] and found["tensorflow_after"]


def test_rasas_info_lines_are_still_logged_after_the_model_loaded(model):
    assert run(LOGGING, "plain", model)["info"] is False  # loading the classifier silenced them
    prepared = run(LOGGING, "prepared", model)
    assert prepared["info"] is True and prepared["tensorflow"] is False
