"""`brief` sub-commands: new, list, set, add, note, edit, move, remove, show, check, refresh."""

import argparse
import datetime as dt
import sys
from typing import Any

from briefing import compose
from briefing.brief_view import list_briefs, load_brief
from briefing.cite import STYLES
from briefing.errors import InputError, NotFoundError
from briefing.firstrun import open_library
from briefing.refresh import refresh_brief
from briefing.templates import TEMPLATES
from briefing.views import BriefView, ItemView


def register_brief(sub: Any) -> None:
    """Add `brief …` and its sub-commands."""
    brief = sub.add_parser("brief", help="compose briefs").add_subparsers(metavar="ACTION")

    p = brief.add_parser("new", help="create a brief; prints its id")
    p.add_argument("--title", required=True)
    p.add_argument("--template", choices=list(TEMPLATES), default="standard")
    _meta_options(p)
    p.set_defaults(handler=cmd_new)

    p = brief.add_parser("list", help="list briefs")
    p.set_defaults(handler=cmd_list)

    p = brief.add_parser("set", help="change a brief's metadata")
    p.add_argument("brief_id", type=int)
    p.add_argument("--title")
    p.add_argument("--template", choices=list(TEMPLATES))
    _meta_options(p)
    p.set_defaults(handler=cmd_set)

    p = brief.add_parser("add", help="add a quote or fact from a source; prints the item id")
    p.add_argument("brief_id", type=int)
    p.add_argument("--section", required=True, metavar="TITLE")
    p.add_argument("--source", required=True, type=int, metavar="SOURCE_ID")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--match", metavar="TEXT", help="the first occurrence of TEXT")
    where.add_argument("--span", metavar="START:END", help="offsets into the source text")
    p.add_argument("--kind", choices=["quote", "fact"])
    p.set_defaults(handler=cmd_add)

    p = brief.add_parser("note", help="add your own note; prints the item id")
    p.add_argument("brief_id", type=int)
    p.add_argument("--section", required=True, metavar="TITLE")
    p.add_argument("--text", required=True)
    p.set_defaults(handler=cmd_note)

    p = brief.add_parser("edit", help="change an item's text (or paraphrase, speaker, role)")
    p.add_argument("brief_id", type=int)
    p.add_argument("item_id", type=int)
    p.add_argument("--text")
    p.add_argument("--paraphrase")
    p.add_argument("--speaker")
    p.add_argument("--role", dest="speaker_role")
    p.add_argument("--portion-mark")
    p.set_defaults(handler=cmd_edit)

    p = brief.add_parser("move", help="move an item to a section and position")
    p.add_argument("brief_id", type=int)
    p.add_argument("item_id", type=int)
    p.add_argument("--section", required=True, metavar="TITLE")
    p.add_argument("--position", type=int, default=10**6, help="0 is first (default: last)")
    p.set_defaults(handler=cmd_move)

    p = brief.add_parser("remove", help="remove an item")
    p.add_argument("brief_id", type=int)
    p.add_argument("item_id", type=int)
    p.set_defaults(handler=cmd_remove)

    for name, handler, text in (
        ("show", cmd_show, "print a brief"),
        ("check", cmd_check, "list items that do not match their sources"),
        ("refresh", cmd_refresh, "re-anchor items on their sources' newest versions"),
    ):
        p = brief.add_parser(name, help=text)
        p.add_argument("brief_id", type=int)
        if name == "show":
            p.add_argument("--json", action="store_true")
        p.set_defaults(handler=handler)


def _meta_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--marking", help="banner text, e.g. UNCLASSIFIED//FOR OFFICIAL USE ONLY")
    p.add_argument("--author")
    p.add_argument("--purpose")
    p.add_argument("--audience")
    p.add_argument("--as-of", metavar="YYYY-MM-DD")
    p.add_argument("--citation-style", choices=list(STYLES))
    p.add_argument("--portion-marks", choices=["on", "off"])
    p.add_argument("--show-grades", choices=["on", "off"])
    p.add_argument("--show-dates", choices=["on", "off"], dest="show_resolved_dates")


def _meta(args: argparse.Namespace) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for name in ("title", "template", "marking", "author", "purpose", "audience"):
        if getattr(args, name, None) is not None:
            meta[name] = getattr(args, name)
    if args.citation_style:
        meta["citation_style"] = args.citation_style
    for name in ("portion_marks", "show_grades", "show_resolved_dates"):
        if getattr(args, name) is not None:
            meta[name] = getattr(args, name) == "on"
    if args.as_of is not None:
        meta["as_of"] = _date(args.as_of)
    return meta


def _date(value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"'{value}' is not a date; write it as YYYY-MM-DD.") from None


def cmd_new(args: argparse.Namespace) -> int:
    meta = _meta(args)
    title, template = meta.pop("title"), meta.pop("template")
    change = compose.new_brief(open_library(args.db), title, template, **meta)
    print(change.brief_id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    for brief in list_briefs(open_library(args.db)):
        print(f"{brief.id}\t{brief.updated_at:%Y-%m-%d %H:%M}\t{brief.title}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    meta = _meta(args)
    if not meta:
        raise InputError("Nothing to change; give at least one option such as --title.")
    change = compose.update_brief(open_library(args.db), args.brief_id, **meta)
    print(f"{change.brief_id}\tversion {change.row_version}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from briefing.cli import parse_span

    engine = open_library(args.db)
    if args.span:
        start, end = parse_span(args.span)
        change = compose.add_excerpt(
            engine, args.brief_id, args.section, args.source, start, end, args.kind
        )
    else:
        change = compose.add_match(
            engine, args.brief_id, args.section, args.source, args.match, args.kind
        )
    print(change.ids[0])
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    change = compose.add_note(open_library(args.db), args.brief_id, args.section, args.text)
    print(change.ids[0])
    return 0


def _item_in(brief: BriefView, item_id: int) -> ItemView:
    for item in brief.items():
        if item.id == item_id:
            return item
    raise NotFoundError(
        f"Brief {brief.id} has no item {item_id}; `brief show {brief.id}` lists the items."
    )


def cmd_edit(args: argparse.Namespace) -> int:
    engine = open_library(args.db)
    _item_in(load_brief(engine, args.brief_id), args.item_id)
    changes = {
        name: getattr(args, name)
        for name in ("text", "paraphrase", "speaker", "speaker_role", "portion_mark")
        if getattr(args, name) is not None
    }
    if not changes:
        raise InputError("Nothing to change; give --text (or --paraphrase, --speaker, --role).")
    compose.edit_item(engine, args.item_id, **changes)
    item = _item_in(load_brief(engine, args.brief_id), args.item_id)
    if not item.verification.ok:
        print(
            f"warning: item {item.id} no longer matches its source: {item.verification.problem}",
            file=sys.stderr,
        )
    print(item.id)
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    engine = open_library(args.db)
    brief = load_brief(engine, args.brief_id)
    _item_in(brief, args.item_id)
    wanted = args.section.strip().casefold()
    section = next((s for s in brief.sections if s.title.casefold() == wanted), None)
    if section is None:
        raise NotFoundError(f"Brief {brief.id} has no section '{args.section}'.")
    compose.move_item(engine, args.item_id, section.id, args.position)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    engine = open_library(args.db)
    _item_in(load_brief(engine, args.brief_id), args.item_id)
    compose.remove_item(engine, args.item_id)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from briefing.cli import print_json
    from briefing.cli_render import brief_json, brief_text

    brief = load_brief(open_library(args.db), args.brief_id)
    if args.json:
        print_json(brief_json(brief))
    else:
        print(brief_text(brief))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    brief = load_brief(open_library(args.db), args.brief_id)
    failing = brief.failing()
    for item in failing:
        print(f"{item.id}\t{item.kind}\t{item.verification.problem}")
    if not failing:
        count = sum(1 for item in brief.items() if item.anchor is not None)
        print(f"all {count} quoted or cited item(s) match their sources", file=sys.stderr)
    return 1 if failing else 0


def cmd_refresh(args: argparse.Namespace) -> int:
    result = refresh_brief(open_library(args.db), args.brief_id)
    for item_id, status in result.outcomes:
        print(f"{item_id}\t{status}")
    return 1 if any(status == "orphaned" for _, status in result.outcomes) else 0
