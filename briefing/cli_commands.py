"""Sub-commands for sources: import, sources, extract, grade; and export."""

import argparse
from pathlib import Path
from typing import Any

from briefing import analysis, library
from briefing.cli import print_json
from briefing.cli_brief import register_brief
from briefing.errors import InputError
from briefing.export.common import refuse_unverified
from briefing.firstrun import open_library
from briefing.ingest import SourceDraft, read_path, read_url
from briefing.models import Source
from briefing.store import read_session, write_session


def register(sub: Any) -> None:
    """Add every sub-command to the parser's sub-parsers."""
    p = sub.add_parser("import", help="import files or URLs into the library")
    p.add_argument("paths", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--version-of", type=int, metavar="SOURCE_ID", help="store as a new version")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("sources", help="list or search the library")
    p.add_argument("--search", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_sources)

    p = sub.add_parser("extract", help="quotes, speakers, facts and dates of a source")
    p.add_argument("target", metavar="PATH_OR_SOURCE_ID")
    p.add_argument("--json", action="store_true", help="print the JSON contract (the default)")
    p.set_defaults(handler=cmd_extract)

    p = sub.add_parser("grade", help="set a source's reliability grade (Admiralty, e.g. B2)")
    p.add_argument("source_id", type=int)
    p.add_argument("grade", help="A-F and 1-6, such as B2; '' clears it")
    p.set_defaults(handler=cmd_grade)

    register_brief(sub)

    p = sub.add_parser("copy", help="copy a whole library to another (empty) one")
    p.add_argument("source_db", metavar="FROM", help="library path or URL to copy from")
    p.add_argument("target_db", metavar="TO", help="new, empty library path or URL")
    p.set_defaults(handler=cmd_copy)

    p = sub.add_parser("export", help="export a brief to Word and/or PDF")
    p.add_argument("brief_id", type=int)
    p.add_argument("--docx", type=Path, metavar="FILE")
    p.add_argument("--pdf", type=Path, metavar="FILE")
    p.add_argument("--one-page", action="store_true", help="fit the PDF on one page or refuse")
    p.add_argument("--allow-unverified", action="store_true", help="export, marking failing items")
    p.add_argument("--no-appendix", action="store_true", help="leave out the source excerpts")
    p.set_defaults(handler=cmd_export)


def read_target(value: str) -> SourceDraft:
    """Read a path or an http(s) URL into a draft."""
    if value.lower().startswith(("http://", "https://")):
        return read_url(value)
    if "://" in value:
        raise InputError(f"'{value}' is not an http or https address; give a file or a web URL.")
    return read_path(Path(value))


def cmd_import(args: argparse.Namespace) -> int:
    # Read everything first: one bad file leaves the library unchanged.
    drafts = [read_target(value) for value in args.paths]
    if args.version_of is not None and len(drafts) != 1:
        raise InputError("--version-of takes exactly one file: the changed copy of that source.")
    engine = open_library(args.db)
    for done in library.add_sources(engine, drafts, version_of=args.version_of):
        print(f"{done.source.id}\t{done.source.title}")
    return 0


def _source_json(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "outlet": source.outlet,
        "author": source.author,
        "url": source.url,
        "date": source.published.isoformat() if source.published else None,
        "retrieved_at": source.retrieved_at.isoformat(timespec="seconds"),
        "format": source.format,
        "version": source.version,
        "version_of": source.version_of,
        "grade": library.grade_label(source) or None,
        "characters": len(source.text),
    }


def cmd_sources(args: argparse.Namespace) -> int:
    engine = open_library(args.db)
    with read_session(engine) as session:
        if args.search:
            rows = [
                {**_source_json(s), "snippet": hit.snippet, "rank": round(hit.rank, 4)}
                for s, hit in library.search(session, args.search)
            ]
        else:
            rows = [_source_json(s) for s in library.list_sources(session)]
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        fields = [str(row["id"]), row["date"] or "", row["outlet"] or "", row["title"]]
        print("\t".join(fields))
        if "snippet" in row:
            print(f"\t{row['snippet']}")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    target: str = args.target
    if target.isdigit() and not Path(target).exists():
        engine = open_library(args.db)
        with write_session(engine) as session:
            source = library.get_source(session, int(target))
            result = analysis.extraction_for(session, source)
            meta = _source_json(source)
            text = source.text
    else:
        draft = read_target(target)
        source = Source(
            title=draft.title,
            outlet=draft.outlet,
            url=draft.url,
            published=draft.published,
            text=draft.text,
            content_hash="",
            original=b"",
            format=draft.format,
        )
        result = analysis.analyse(source)
        meta = _source_json(source) | {"id": None}
        text = draft.text
    body = result.to_json()
    head = {k: meta[k] for k in ("title", "date", "outlet", "url", "author", "id")}
    print_json({"source": head, "text": text, **body})
    return 0


def cmd_grade(args: argparse.Namespace) -> int:
    engine = open_library(args.db)
    source = library.set_grade(engine, args.source_id, args.grade)
    print(f"{source.id}\t{library.grade_label(source) or 'ungraded'}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from briefing.brief_view import load_brief

    if args.docx is None and args.pdf is None:
        raise InputError("Say what to write: --docx FILE, --pdf FILE, or both.")
    if args.one_page and args.pdf is None:
        raise InputError("--one-page applies to the PDF; add --pdf FILE.")
    engine = open_library(args.db)
    brief = load_brief(engine, args.brief_id)
    # Refuse before writing anything, so no format is written while another is refused.
    refuse_unverified(brief, args.allow_unverified)
    appendix = not args.no_appendix
    if args.pdf is not None:
        from briefing.export.pdf import export_pdf

        result = export_pdf(
            brief,
            args.pdf,
            one_page=args.one_page,
            allow_unverified=args.allow_unverified,
            appendix=None if appendix else False,
        )
        print(f"wrote {result.path}")
    if args.docx is not None:
        from briefing.export.docx import export_docx

        result = export_docx(
            brief, args.docx, allow_unverified=args.allow_unverified, appendix=appendix
        )
        print(f"wrote {result.path}")
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from briefing.store import redact, resolve_db_url
    from briefing.transfer import copy_library

    source, target = resolve_db_url(args.source_db), resolve_db_url(args.target_db)
    copied = copy_library(source, target)
    counts = ", ".join(f"{n} {name}(s)" for name, n in copied.counts.items())
    print(f"copied {counts} from {redact(source)} to {redact(target)}")
    return 0
