"""Rasa without TensorFlow when the model needs none: TensorFlow is loaded on demand.

Rasa 3.6 imports TensorFlow (measured: 440 MB resident, 1.5 s) in every process that imports
its agent, also when no component of the model uses it: `rasa.utils.train_utils`, which the
entity extractors and featurizers import for a few helpers, imports at its top two training
helpers whose classes derive from TensorFlow's (`rasa.utils.tensorflow.callback`: Keras
callbacks, `rasa.utils.tensorflow.data_generator`: a Keras `Sequence`). Serving a model
never uses them; only training DIET, TED or the response selector does.

`install()` puts a finder before Python's own that gives these modules as stand-ins: each
name the real module defines (read from its source, nothing executed) stands for the real
object and becomes it the moment it is used (called, derived from, given to isinstance or
issubclass, asked for an attribute); the real module, and TensorFlow with it, is then
imported. A model with DIET or TED imports TensorFlow itself, as before; a model without
never does. Rasa is not changed. `channels.install()` (channels/server.py, which starts the Rasa
server) installs it.
"""
from __future__ import annotations

import ast
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

# Rasa module -> the modules it imports at its top for training only (they import TensorFlow).
TRAINING_ONLY = {
    # helpers of the entity extractors and featurizers; the Keras callbacks and batch generator
    "rasa.utils.train_utils": ("rasa.utils.tensorflow.callback", "rasa.utils.tensorflow.data_generator"),
    # named in every model's training graph, so Rasa imports it when it loads a model
    "rasa.graph_components.validators.default_recipe_validator": (
        "rasa.nlu.classifiers.diet_classifier", "rasa.nlu.selectors.response_selector",
        "rasa.core.policies.ted_policy"),
}

_lock = threading.RLock()


class Deferred:
    """Stands for `module.name` until used; then it is, in effect, the real object."""

    __slots__ = ("_module", "_name")

    def __init__(self, module: str, name: str) -> None:
        self._module, self._name = module, name

    def resolve(self) -> Any:
        return getattr(real_module(self._module), self._name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.resolve()(*args, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.resolve(), attribute)

    def __mro_entries__(self, bases: tuple) -> tuple:  # class X(Deferred): derives from the real class
        return (self.resolve(),)

    def __instancecheck__(self, instance: Any) -> bool:
        return isinstance(instance, self.resolve())

    def __subclasscheck__(self, subclass: type) -> bool:
        return issubclass(subclass, self.resolve())

    def __repr__(self) -> str:
        return f"<{self._module}.{self._name}, imported on first use>"


def defined_names(path: str) -> list[str]:
    """The names a module's source binds at its top level (classes, functions, assignments)."""
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read(), path)
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.append(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


class _StandInLoader(importlib.abc.Loader):
    def __init__(self, origin: str) -> None:
        self.origin = origin

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        name = module.__name__
        for attribute in defined_names(self.origin):
            setattr(module, attribute, Deferred(name, attribute))
        module.__dict__["__getattr__"] = lambda attribute: _module_attribute(name, attribute)
        module.__dict__["__stand_in__"] = True


def _module_attribute(module: str, attribute: str) -> Any:
    """A name the source does not bind at its top (an imported one): from the real module.
    Dunder names are asked for by the import system itself (`__path__`): not there."""
    if attribute.startswith("__") and attribute.endswith("__"):
        raise AttributeError(attribute)
    return getattr(real_module(module), attribute)


class _StandInFinder(importlib.abc.MetaPathFinder):
    def __init__(self, names: Sequence[str]) -> None:
        self.names = set(names)

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname not in self.names:
            return None
        real = importlib.machinery.PathFinder.find_spec(fullname, path)
        if real is None or not real.origin:
            return None
        return importlib.util.spec_from_loader(fullname, _StandInLoader(real.origin), origin=real.origin)


def is_stand_in(module: Any) -> bool:
    return isinstance(module, types.ModuleType) and module.__dict__.get("__stand_in__", False)


def real_module(name: str) -> types.ModuleType:
    """The real module `name`, imported now if it was not yet."""
    with _lock:
        module = sys.modules.get(name)
        if module is not None and not is_stand_in(module):
            return module
        sys.modules.pop(name, None)
        return importlib.import_module(name)


def import_with_stand_ins(importer: str, modules: Sequence[str]) -> types.ModuleType:
    """Import `importer` with stand-ins for those of `modules` not imported yet. Afterwards the
    stand-ins are gone from sys.modules, so every later import gets the real module; only the
    names `importer` bound stay stand-ins until first used."""
    with _lock:
        finder = _StandInFinder([m for m in modules if m not in sys.modules])
        sys.meta_path.insert(0, finder)
        try:
            return importlib.import_module(importer)
        finally:
            sys.meta_path.remove(finder)
            for name in finder.names:
                if is_stand_in(sys.modules.get(name)):
                    del sys.modules[name]
                    parent, _, child = name.rpartition(".")
                    if is_stand_in(getattr(sys.modules.get(parent), child, None)):
                        delattr(sys.modules[parent], child)


def install() -> None:
    """Before Rasa is otherwise imported: import the modules of TRAINING_ONLY so that what they
    import for training only is imported on first use (with TensorFlow, when a model needs it)."""
    for importer, modules in TRAINING_ONLY.items():
        if importer not in sys.modules:
            import_with_stand_ins(importer, modules)
