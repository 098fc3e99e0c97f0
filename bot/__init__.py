"""The assistant's core in plain Python: questionnaire, answers, scoring, eligibility, routing.

Nothing here imports Rasa, FastAPI or a database, so the bot's and the web service's
environments can both use it and tests need nothing else.
"""
