"""The browser extension: the native host, host manifests, and which sites get which codes.

``browser-host`` is started by the browsers (never by a person); it imports only the
standard library and ``authenticator.browser`` so a request costs little start-up time.
"""

from __future__ import annotations

import argparse
import sys

from authenticator.cli.common import (
    AddCommand,
    CliError,
    Parser,
    add_vault_options,
    all_accounts,
    one,
    open_vault,
    print_json,
    say,
    update_and_save,
)


def cmd_browser_host(args: argparse.Namespace) -> int:
    from authenticator.browser.host import main

    return main(args.caller)


def _plan(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from authenticator.browser import manifests

    if args.browser:
        return manifests.plan([args.browser])
    names = manifests.detected(manifests.plan(["all"]))
    if not names:
        raise CliError("no browser profile folder found: name one with --browser "
                       f"({', '.join(manifests.BROWSERS)} or all)")
    return manifests.plan(names)


def cmd_browser_install(args: argparse.Namespace) -> int:
    from authenticator.browser import manifests

    p = _plan(args)
    for line in manifests.install(p):
        print(line)
    say("Now load the extension in the browser (see the README), then log in to a bound site.")
    return 0


def cmd_browser_uninstall(args: argparse.Namespace) -> int:
    from authenticator.browser import manifests

    lines = manifests.uninstall(_plan(args))
    for line in lines:
        print(line)
    if not lines:
        say("nothing to remove")
    return 0


def cmd_sites_list(args: argparse.Namespace) -> int:
    from authenticator.browser.sites import describe_host

    accounts = all_accounts(args)
    if args.json:
        print_json([{"id": a.id, "issuer": a.issuer, "name": a.name,
                     "websites": list(a.websites)} for a in accounts])
        return 0
    bound = [a for a in accounts if a.websites]
    if not bound:
        say("no account is bound to a website yet: authenticator sites add QUERY DOMAIN")
        return 0
    for account in bound:
        print(f"{account.label}: " + ", ".join(describe_host(w) for w in account.websites))
    return 0


def _normalized(domain: str) -> str:
    from authenticator.browser.sites import SiteError, normalize_site

    try:
        return normalize_site(domain)
    except SiteError as exc:
        raise CliError(str(exc)) from None


def cmd_sites_add(args: argparse.Namespace) -> int:
    from authenticator.browser.sites import describe_host

    host = _normalized(args.domain)
    with open_vault(args) as vault:
        account = one(vault, args.query)
        if host in account.websites:
            say(f"{account.label} is already bound to {host}")
            return 0
        update_and_save(vault, account.evolve(websites=(*account.websites, host)))
    say(f"{account.label} now fills codes on {describe_host(host)} (and its subdomains)")
    return 0


def cmd_sites_remove(args: argparse.Namespace) -> int:
    from authenticator.browser.sites import SiteError, normalize_site

    try:
        host = normalize_site(args.domain)
    except SiteError:
        host = args.domain.strip().lower()
    with open_vault(args) as vault:
        account = one(vault, args.query)
        if host not in account.websites:
            raise CliError(f"{account.label} is not bound to {host}")
        update_and_save(vault, account.evolve(
            websites=tuple(w for w in account.websites if w != host)))
    say(f"{account.label} no longer fills codes on {host}")
    return 0


def register(add: AddCommand) -> None:
    from authenticator.browser.manifests import BROWSERS

    p = add("browser-host", cmd_browser_host, "native messaging host (started by the browsers)",
            vault=False)
    p.add_argument("caller", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--parent-window", help=argparse.SUPPRESS)  # Chrome on Windows

    p = add("browser", lambda _a: _usage(p), "set up the browser extension's native host",
            vault=False)
    sub = p.add_subparsers(dest="browser_command", metavar="ACTION", parser_class=Parser)
    for name, func, help_ in (
            ("install", cmd_browser_install, "write the host manifests the browsers read"),
            ("uninstall", cmd_browser_uninstall, "remove them")):
        q = sub.add_parser(name, help=help_, description=help_)
        q.add_argument("--browser", choices=[*BROWSERS, "all"],
                       help="one browser, or all (default: those that have a profile folder)")
        q.set_defaults(func=func)

    s = add("sites", lambda _a: _usage(s), "which websites get which account's codes",
            vault=False)
    sub = s.add_subparsers(dest="sites_command", metavar="ACTION", parser_class=Parser)
    q = sub.add_parser("list", help="accounts and their websites",
                       description="accounts and their websites")
    q.add_argument("--json", action="store_true", help="machine-readable output")
    q.set_defaults(func=cmd_sites_list)
    add_vault_options(q)
    for name, func, help_ in (
            ("add", cmd_sites_add, "let the account matching QUERY fill codes on DOMAIN"),
            ("remove", cmd_sites_remove, "stop filling the account's codes on DOMAIN")):
        q = sub.add_parser(name, help=help_, description=help_)
        q.add_argument("query", metavar="QUERY")
        q.add_argument("domain", metavar="DOMAIN")
        q.set_defaults(func=func)
        add_vault_options(q)


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help(sys.stderr)
    return 2
