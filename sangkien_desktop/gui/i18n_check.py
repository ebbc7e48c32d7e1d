"""Report what the translations still lack: ``python -m sangkien_desktop.gui.i18n_check``.

Vietnamese is the source language of every ``tr()`` string; ``resources/translations/
sangkien_en.ts`` holds the English. In a checkout the code is scanned again with lupdate into
a temporary copy of the .ts (the committed file is not touched), so strings added since the
last ``make translations`` are listed too. Reported: untranslated strings, translations whose
%1/%2… placeholders differ from the source, and strings lupdate filed under a context that is
not a class (``helper.tr(...)``, a local function named ``tr``): at run time Qt looks them up
under another context, so they would never be translated.

Exit status 0 unless ``--strict`` is given and something is reported.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from sangkien_desktop.paths import resources_dir

PLACEHOLDER = re.compile(r"%\d")
CLASS_NAME = re.compile(r"[A-Z]\w*$")


@dataclass
class Entry:
    context: str
    source: str
    translations: list[str]
    unfinished: bool
    locations: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return ", ".join(self.locations[:2])


def read_ts(path: Path) -> list[Entry]:
    """The live (not obsolete, not vanished) messages of a .ts file."""
    entries: list[Entry] = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if translation is None:
                texts = [""]
            elif message.get("numerus") == "yes":
                texts = [form.text or "" for form in translation.iter("numerusform")]
            else:
                texts = [translation.text or ""]
            locations = [
                f"{_shown_path(path, loc.get('filename', ''))}:{loc.get('line', '?')}"
                for loc in message.iter("location")
            ]
            entries.append(
                Entry(
                    context=name,
                    source=message.findtext("source") or "",
                    translations=texts,
                    unfinished=kind == "unfinished" or not all(t.strip() for t in texts),
                    locations=locations,
                )
            )
    return entries


def _shown_path(ts: Path, filename: str) -> str:
    resolved = (ts.parent / filename).resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)


def placeholder_mismatch(entry: Entry) -> bool:
    wanted = sorted(set(PLACEHOLDER.findall(entry.source)))
    return any(
        sorted(set(PLACEHOLDER.findall(text))) != wanted for text in entry.translations if text
    )


def checkout_root() -> Path | None:
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def lupdate_tool() -> Path | None:
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = beside if beside.exists() else shutil.which("pyside6-lupdate")
    return Path(found) if found else None


def scanned_copy(ts: Path, root: Path, workdir: Path) -> Path | None:
    """``ts`` updated from the code as it is now, in ``workdir``; None without lupdate."""
    tool = lupdate_tool()
    if tool is None:
        return None
    sources = sorted((root / "sangkien_desktop" / "gui").rglob("*.py"))
    sources += sorted((root / "ui").glob("*.ui"))
    copy = workdir / ts.name
    shutil.copyfile(ts, copy)
    command = [str(tool), "-silent", "-locations", "absolute", "-source-language", "vi"]
    command += ["-target-language", "en", *map(str, sources), "-ts", str(copy)]
    subprocess.run(command, check=True, capture_output=True)
    return copy


def report(ts: Path, entries: list[Entry], committed: list[Entry] | None = None) -> int:
    """Print the problems of one .ts; returns how many there are."""
    untranslated = [e for e in entries if e.unfinished]
    mismatched = [e for e in entries if not e.unfinished and placeholder_mismatch(e)]
    lost = sorted({e.context for e in entries if not CLASS_NAME.match(e.context)})
    print(
        f"{ts.name}: {len(entries)} strings, {len(untranslated)} untranslated, "
        f"{len(mismatched)} with placeholders unlike the source"
    )
    if committed is not None:
        known = {(e.context, e.source) for e in committed}
        new = [e for e in entries if (e.context, e.source) not in known]
        if new:
            print(f"  {len(new)} of them are not in the .ts yet: run `make translations`")
    for entry in untranslated:
        print(f"  untranslated  {entry.context}  {entry.source!r}  ({entry.where})")
    for entry in mismatched:
        print(f"  placeholders  {entry.context}  {entry.source!r} -> {entry.translations!r}")
    for context in lost:
        files = {
            loc.rsplit(":", 1)[0] for e in entries if e.context == context for loc in e.locations
        }
        print(
            f"  context {context!r} is not a class, so Qt looks these strings up under another "
            f"name and never finds them ({', '.join(sorted(files))}): call self.tr() inside the "
            'class, or QCoreApplication.translate("Class", "…") with the class name written out'
        )
    return len(untranslated) + len(mismatched) + len(lost)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sangkien_desktop.gui.i18n_check")
    parser.add_argument("--strict", action="store_true", help="exit 1 when anything is reported")
    parser.add_argument("--no-scan", action="store_true", help="read the .ts files as they are")
    args = parser.parse_args(argv)
    folder = resources_dir() / "translations"
    problems = 0
    root = checkout_root()
    for ts in sorted(folder.glob("*.ts")):
        committed = read_ts(ts)
        if ts.name.startswith("sangkien_") and root is not None and not args.no_scan:
            with tempfile.TemporaryDirectory() as workdir:
                copy = scanned_copy(ts, root, Path(workdir))
                if copy is not None:
                    problems += report(ts, read_ts(copy), committed)
                    continue
        problems += report(ts, committed)
    return 1 if args.strict and problems else 0


if __name__ == "__main__":
    sys.exit(main())
