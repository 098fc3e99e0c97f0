"""Rasa SDK actions: thin adapters between the conversation and bot/ and the web service.

When loaded by the action server (`rasa run actions`), the outbox flusher starts with the
server, so a lead queued while the web service was down is delivered as soon as it is back,
also when no owner is chatting. Before the server listens, the answer interpreter builds its
tables for every question (0.3 s), which the first owners after a start waited for otherwise
(measured: their first answer 190 ms instead of 20).
"""


def _hook_into_server_start() -> None:
    try:
        from sanic import Sanic
        app = Sanic.get_app("rasa_sdk")  # created by rasa_sdk.endpoint just before it loads this package
    except Exception:  # not inside the action server (tests, scripts)
        return
    from actions import webservice

    @app.after_server_start
    async def start_flusher(*_args) -> None:
        webservice.start_flusher()

    @app.before_server_start
    async def prepare_interpreter(*_args) -> None:
        from bot.answers import interpret
        from bot.questionnaire import load

        for question_id in load().questions:
            interpret(question_id, "weet ik niet")


_hook_into_server_start()
