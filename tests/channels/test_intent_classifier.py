"""channels/intent_classifier.py: Rasa's logistic regression, and an answer for a message without features.

Both components get the same fitted scikit-learn model; messages carry features as Rasa's
featurizers give them (Rasa's component orders a row as: sparse sentence features by
featurizer, then dense ones; the model below is fitted on rows in that order). Runs in .venv/bot.
"""
from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse

pytest.importorskip("rasa")

from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from sklearn.linear_model import LogisticRegression

from channels.intent_classifier import BlankSafeLogisticRegressionClassifier

X = np.array([[1, 0, 0, 1], [2, 0, 0, 0], [0, 1, 0, 0], [0, 2, 1, 0], [0, 0, 1, 1], [0, 0, 2, 0]])
Y = ["antwoord", "antwoord", "terug", "terug", "vraag_waarom", "vraag_waarom"]


def component(kind):
    made = kind({"solver": "liblinear"}, "classifier", None, None)
    made.clf = LogisticRegression(solver="liblinear", class_weight="balanced").fit(X, Y)
    return made


def message(features=None):
    """A message with its sentence features split over featurizers as Rasa's give them (two sparse
    ones, a dense one, and sequence features the classifier does not read), or none at all."""
    made = Message({TEXT: "woorden" if features is not None else "   "})
    if features is not None:
        made.add_features(Features(scipy.sparse.coo_matrix([[1, 0], [0, 1]]), FEATURE_TYPE_SEQUENCE, TEXT, "cvf"))
        made.add_features(Features(scipy.sparse.coo_matrix([features[:2]]), FEATURE_TYPE_SENTENCE, TEXT, "cvf"))
        made.add_features(Features(np.array([features[3:]], dtype=float), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
        made.add_features(Features(scipy.sparse.coo_matrix([features[2:3]]), FEATURE_TYPE_SENTENCE, TEXT, "regex"))
    return made


def parsed(kind, features):
    messages = [message(f) for f in features]
    component(kind).process(messages)
    return [(m.get("intent"), m.get("intent_ranking")) for m in messages]


def test_messages_with_features_are_classified_as_by_rasa():
    features = [[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 3], [1, 1, 1, 1]]
    assert parsed(BlankSafeLogisticRegressionClassifier, features) == parsed(LogisticRegressionClassifier, features)


def test_a_message_without_features_gets_the_prior_where_rasa_fails():
    with pytest.raises(ValueError):
        parsed(LogisticRegressionClassifier, [None])
    [(intent, ranking)] = parsed(BlankSafeLogisticRegressionClassifier, [None])
    prior = component(LogisticRegressionClassifier).clf.predict_proba(np.zeros((1, 4)))[0]
    assert intent["confidence"] == pytest.approx(max(prior)) and len(ranking) == 3
    mixed = parsed(BlankSafeLogisticRegressionClassifier, [[1, 0, 0, 0], None])
    assert mixed[0] == parsed(LogisticRegressionClassifier, [[1, 0, 0, 0]])[0] and mixed[1][0] == intent
