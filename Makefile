# The two commands: `make run` and `make test`. The logic lives in scripts/.
PYTHON ?= python3
BOT_PY := .venv/bot/bin/python
API_PY := .venv/api/bin/python

.DEFAULT_GOAL := help
.PHONY: help run setup spacy train test eval stop status clean distclean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: train ## set up what is missing, train if stale, start Rasa, actions and web service
	@$(PYTHON) scripts/services.py start

setup: ## create/update .venv/bot and .venv/api and the Dutch spaCy pipeline var/spacy/nl
	@$(PYTHON) scripts/setup_env.py
	@$(BOT_PY) scripts/build_spacy_nl.py

spacy: ## rebuild the Dutch spaCy pipeline var/spacy/nl (SPACY_NL_WHEEL=path for the official one)
	@$(PYTHON) scripts/setup_env.py bot
	@$(BOT_PY) scripts/build_spacy_nl.py --force

train: setup ## train the Rasa model when config.yml, domain/ or data/ changed (FORCE=1: always)
	@$(PYTHON) scripts/train_if_stale.py $(if $(FORCE),--force)

test: train ## set up what is needed, then run every test (pytest, rasa data validate, rasa test)
	@$(PYTHON) scripts/run_tests.py

eval: train ## print NLU intent/entity F1 (cross-validation) and answer-interpretation accuracy
	@$(BOT_PY) scripts/evaluate.py

stop: ## stop the services started by `make run`
	@$(PYTHON) scripts/services.py stop

status: ## show which services run and answer
	@$(PYTHON) scripts/services.py status

clean: stop ## stop the services and remove models, logs, databases, results (keeps .venv)
	rm -rf var models results .rasa
	find . -name __pycache__ -type d -not -path './.venv/*' -prune -exec rm -rf {} +

distclean: clean ## clean, and remove the virtual environments too
	rm -rf .venv

demo-credentials: ## print the development portal log-ins and API tokens as JSON
	@ENVIRONMENT=$${ENVIRONMENT:-development} .venv/api/bin/python scripts/demo_credentials.py

.PHONY: bench-dashboard demo-events
bench-dashboard: ## time the campaign dashboard on 100,000 generated conversations (loading takes a few minutes)
	@.venv/api/bin/python scripts/bench_dashboard.py

demo-events: ## post 3,000 generated conversations (12 weeks) to the running web service, for the dashboard
	@.venv/api/bin/python scripts/generate_events.py --conversations 3000 --post http://127.0.0.1:$(or $(WEB_PORT),8000)

.PHONY: scaled scaled-stop scaled-status bench
scaled: train ## start the scaled profile: PostgreSQL, Redis, nginx (:5080), 2 Rasa processes (docs/scaling.md)
	@$(API_PY) scripts/scaled.py start

scaled-stop: ## stop the scaled profile
	@$(PYTHON) scripts/scaled.py stop

scaled-status: setup ## show the parts of the scaled profile
	@$(API_PY) scripts/scaled.py status

bench: train ## load benchmark: default and scaled profile vs a stock `rasa init` bot (a few minutes)
	@$(API_PY) scripts/bench_load.py

.PHONY: lock
lock: ## refresh requirements/*.lock from requirements/*.in, keeping pins (UPGRADE="pkg ..." or UPGRADE=all)
	@$(PYTHON) scripts/setup_env.py --lock $(if $(UPGRADE),--upgrade $(UPGRADE))
