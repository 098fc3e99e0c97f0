"""Accounts from the command line (any environment); passwords and tokens are printed once.

    python -m api.identity add NAME                              # a campaign team: password and token
    python -m api.identity add NAME --organisation ID            # an intermediary's adviser (or the programme office)
    python -m api.identity password NAME                         # a new password; its sessions end
"""
from __future__ import annotations

import argparse
import json
import sys

from api.db import connect
from api.identity import roles, service
from api.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m api.identity", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="add an account; prints its password (and a campaign token) once")
    add.add_argument("username")
    add.add_argument("--organisation", help="the intermediary's id, or programmabureau; without it: a campaign team")
    password = commands.add_parser("password", help="give an account a new password; prints it once")
    password.add_argument("username")
    args = parser.parse_args(argv)
    try:
        with connect(get_settings())() as session:
            if args.command == "add":
                organisation = args.organisation
                role = service.role_of_organisation(organisation) if organisation else roles.CAMPAIGN
                print(json.dumps(service.add_account(session, args.username, role, organisation), indent=2))
            else:
                print(json.dumps(service.set_password(session, args.username), indent=2))
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
