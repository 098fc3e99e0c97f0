"""Rasa's LogisticRegressionClassifier, also for a message without any feature (empty or blanks),
and building a message's row without copying its features.

Rasa 3.6's classifier builds a message's row from its sentence features. A message of only
blanks (or nothing) has none: the row has no columns, scikit-learn refuses it and the whole
parse fails ("Error running graph component"), so the owner got a failure notice instead of
the open question again. Here such a message gets an all-zero row, like a message whose words
are all unknown: the classifier's prior, which the FallbackClassifier turns into nlu_fallback
when it is not sure. Every other message is classified exactly as by Rasa's component.

Rasa's component builds a row by combining the message's sequence and sentence features of
every featurizer (a deep copy of the first, then one concatenation per featurizer) and
keeps only the sentence part: 6% of a Rasa process's time under load. Here the row is the
message's sparse sentence features, then its dense ones, concatenated once in the same
order: the same row (the tests compare them).

Named in config.yml: `channels.intent_classifier.BlankSafeLogisticRegressionClassifier`,
with the settings of LogisticRegressionClassifier.
"""
from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class BlankSafeLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier that gives a message without features an all-zero row."""

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        width = getattr(self.clf, "n_features_in_", None)  # known once trained
        if width is None:
            return super()._create_X(messages)
        return vstack([self._row(message, width) for message in messages], format="csr")

    @staticmethod
    def _row(message: Message, width: int) -> csr_matrix:
        sentence = [f for f in message.features if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
        parts = [f.features for f in sentence if f.is_sparse()] + [f.features for f in sentence if f.is_dense()]
        return hstack(parts, format="csr") if parts else csr_matrix((1, width))
