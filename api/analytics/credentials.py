"""Campaign accounts: the development log-in, derived from SECRET_KEY, and a command for real ones.

    python -m api.analytics.credentials              # development: seed and print the campaign log-in (JSON)
    python -m api.analytics.credentials add NAME     # any environment: a new account, password and token printed once

`campaign_credentials()` is what `make demo-credentials` prints under the key "campaign".
"""
from __future__ import annotations

import argparse
import json
import secrets
import sys

from sqlalchemy.orm import Session

from api.analytics.auth import digest, hash_password, verify_password
from api.analytics.tables import CampaignAccount
from api.portal.tokens import derive
from api.settings import Settings, get_settings

DEV_USERNAME = "campagne"
TOKEN_PREFIX = "mkbc_"


def dev_credentials(settings: Settings) -> dict[str, str]:
    return {"username": DEV_USERNAME,
            "password": derive(settings.secret_key, "analytics-campaign-password", 20),
            "token": TOKEN_PREFIX + derive(settings.secret_key, "analytics-campaign-token", 40)}


def ensure_dev_account(session: Session, settings: Settings) -> dict[str, str] | None:
    """In development: the campaign account exists with the derived password and token."""
    if settings.environment != "development":
        return None
    wanted = dev_credentials(settings)
    account = session.get(CampaignAccount, DEV_USERNAME)
    if account is None:
        session.add(CampaignAccount(username=DEV_USERNAME, password_hash=hash_password(wanted["password"]),
                                    token_hash=digest(wanted["token"]), active=True))
        session.commit()
    elif account.token_hash != digest(wanted["token"]) or not account.active:
        # SECRET_KEY changed since the account was seeded: follow it.
        if not verify_password(account.password_hash, wanted["password"]):
            account.password_hash = hash_password(wanted["password"])
        account.token_hash, account.active = digest(wanted["token"]), True
        session.commit()
    return wanted


def campaign_credentials(settings: Settings | None = None, session: Session | None = None) -> dict[str, dict[str, str]]:
    """Seeds the development campaign account and returns {"campaign": {"username", "password", "token"}}."""
    settings = settings or get_settings()
    if settings.environment != "development":
        raise RuntimeError("development credentials are only seeded when ENVIRONMENT=development")
    if session is not None:
        return {"campaign": ensure_dev_account(session, settings)}
    with _session(settings) as own:
        return {"campaign": ensure_dev_account(own, settings)}


def add_account(session: Session, username: str) -> dict[str, str]:
    """A new campaign account with a random password and token (only their hashes are stored)."""
    name = username.strip().lower()
    if not name or len(name) > 100 or session.get(CampaignAccount, name) is not None:
        raise ValueError(f"user name '{name}' is empty, too long or taken")
    password, token = secrets.token_urlsafe(15), TOKEN_PREFIX + secrets.token_urlsafe(30)
    session.add(CampaignAccount(username=name, password_hash=hash_password(password),
                                token_hash=digest(token), active=True))
    session.commit()
    return {"username": name, "password": password, "token": token}


def _session(settings: Settings) -> Session:
    from api.db import create_tables, make_engine, make_sessionmaker

    engine = make_engine(settings.database_url)
    create_tables(engine)
    return make_sessionmaker(engine)()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    add = commands.add_parser("add", help="add a campaign account; prints its password and token once")
    add.add_argument("username")
    args = parser.parse_args(argv)
    settings = get_settings()
    try:
        if args.command == "add":
            with _session(settings) as session:
                print(json.dumps(add_account(session, args.username), indent=2))
        else:
            print(json.dumps(campaign_credentials(settings), indent=2))
    except (RuntimeError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
