#!/usr/bin/env bash
# Smoke test of the built one-folder bundle (issue 8): does what a clerk's first minute does,
# with nothing from the checkout or the virtualenv within reach.
#
#   packaging/smoke_test.sh              # test dist/sangkien-desktop (build it if missing)
#   packaging/smoke_test.sh --build      # rebuild with PyInstaller first
#   packaging/smoke_test.sh DIR          # test another unpacked bundle (e.g. from the .tar.gz)
#
# Checks, each printed as "ok ..." or "FAIL ...":
#   1. sangkien-desktop --demo --quit-after 3000 (Qt offscreen) reaches the login screen (the
#      demo data has accounts) and exits 0; then, on a database declared with `sangkien init`
#      and no account yet (single-user mode), it reaches the main window. The app prints
#      "login shown" / "main window shown" on stderr when SANGKIEN_REPORT_STARTUP is set;
#   2. sangkien --version prints the version of sangkien_desktop/__init__.py;
#   3. sangkien validate --input packaging/smoke/initiatives.json: one clean record, exit 0;
#   4. sangkien demo / export xlsx / print certificates on a fresh database (signed in as the
#      demo chair, --user chutich): the Alembic migrations, the accounts, openpyxl, reportlab
#      and the shipped fonts all work from the bundle.
# Exit status: 0 when every check passed, 1 otherwise.
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist/sangkien-desktop"
BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) DIST="$(cd "$arg" && pwd)" ;;
  esac
done

if [[ $BUILD == 1 || ! -d "$DIST" ]]; then
  echo "== building with PyInstaller (a few minutes)"
  PYINSTALLER="$ROOT/.venv/bin/pyinstaller"
  [[ -x $PYINSTALLER ]] || PYINSTALLER="$ROOT/.venv/Scripts/pyinstaller.exe"  # Windows venv
  (cd "$ROOT" && "$PYINSTALLER" --noconfirm --clean packaging/sangkien.spec) || exit 1
fi

EXT=""
[[ -f "$DIST/sangkien-desktop.exe" ]] && EXT=".exe"  # Git Bash on Windows
GUI="$DIST/sangkien-desktop$EXT"
CLI="$DIST/sangkien$EXT"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/sangkien_desktop/__init__.py")"
SAMPLE="$ROOT/packaging/smoke/initiatives.json"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/sangkien-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# A clean office PC: no settings or data of a previous run, no Python of ours on any path.
mkdir -p "$WORK/home" "$WORK/config" "$WORK/data" "$WORK/cache" "$WORK/tmp"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data"
export XDG_CACHE_HOME="$WORK/cache" LOCALAPPDATA="$WORK/data" APPDATA="$WORK/config"
export TMPDIR="$WORK/tmp" TEMP="$WORK/tmp" TMP="$WORK/tmp"  # --demo's database goes there
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV SANGKIEN_DB
export QT_QPA_PLATFORM=offscreen SANGKIEN_REPORT_STARTUP=1
cd "$WORK" || exit 1

FAILED=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
show() { sed 's/^/     | /' "$1" | tail -n 25; }

echo "== bundle: $DIST ($(du -sh "$DIST" | cut -f1))"
if [[ -z $EXT ]] && command -v objdump >/dev/null; then
  # The bundle runs where glibc is at least the newest version any of its libraries asks for.
  glibc=$(find "$DIST" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null |
    grep -o 'GLIBC_[0-9][0-9.]*' | sort -Vu | tail -n1)
  echo "== needs ${glibc:-GLIBC_?} or newer (this machine: $(ldd --version 2>/dev/null | head -n1 | grep -o '[0-9.]*$'))"
fi

# 1. The windows --------------------------------------------------------------------------------
run_gui() {  # run_gui LABEL SIGNAL ARGS...: start the app, expect SIGNAL on stderr and exit 0
  local label=$1 signal=$2 start code millis
  shift 2
  start=$(date +%s%N)
  timeout 180 "$GUI" "$@" --quit-after 3000 >gui.out 2>gui.err
  code=$?
  millis=$(( ($(date +%s%N) - start) / 1000000 ))
  if [[ $code != 0 ]]; then
    fail "$label exited $code"; show gui.err
  elif [[ -z $EXT ]] && ! grep -qx "$signal" gui.err; then  # (a windowed .exe has no stderr)
    fail "$label exited 0 but never reported \"$signal\""; show gui.err
  elif grep -q "Traceback" gui.err; then
    fail "$label printed a traceback"; show gui.err
  else
    ok "$label: $signal, quit cleanly (${millis} ms incl. 3000 ms on screen)"
  fi
}
run_gui "sangkien-desktop --demo" "login shown" --demo
if "$CLI" --db "$WORK/single.sqlite" init --name "Công đoàn Thử nghiệm" --code CDCS-SMOKE >cli.out 2>&1; then
  run_gui "sangkien-desktop on a database without accounts" "main window shown" --db "$WORK/single.sqlite"
else
  fail "sangkien init (for the single-user window)"; show cli.out
fi

# 2. Version ------------------------------------------------------------------------------------
out="$("$CLI" --version 2>&1)"
if [[ $? == 0 && $out == *"$VERSION"* ]]; then
  ok "sangkien --version: $out"
else
  fail "sangkien --version: expected $VERSION, got: $out"
fi

# 3. Validate a JSON file -----------------------------------------------------------------------
"$CLI" validate --input "$SAMPLE" >validate.out 2>&1
code=$?
if [[ $code == 0 ]] && grep -q "1 sáng kiến, 0 sáng kiến còn lỗi" validate.out; then
  ok "sangkien validate --input $(basename "$SAMPLE"): $(tail -n1 validate.out)"
else
  fail "sangkien validate --input exited $code"; show validate.out
fi

# 4. A fresh database: migrations, Excel, PDF with the shipped fonts ----------------------------
run_cli() {  # run_cli LABEL EXPECTED_FILE ARGS... (signed in as the demo chair once it exists)
  local label=$1 expected=$2
  shift 2
  if SANGKIEN_PASSWORD=sangkien-demo "$CLI" --db "$WORK/smoke.sqlite" "$@" >cli.out 2>&1 &&
    [[ -z $expected || -s $expected ]]; then
    ok "sangkien $label: $(tail -n1 cli.out)"
  else
    fail "sangkien $label"; show cli.out
  fi
}
run_cli "demo" "$WORK/smoke.sqlite" demo
run_cli "export xlsx" "initiatives.xlsx" --user chutich export xlsx initiatives initiatives.xlsx
run_cli "print certificates" "certificates.pdf" --user chutich print certificates --all-recognised certificates.pdf
if [[ -s certificates.pdf ]] && ! grep -aq "LiberationSerif\|NotoSans" certificates.pdf; then
  fail "certificates.pdf does not embed the shipped fonts"
fi

if [[ $FAILED == 0 ]]; then
  echo "== smoke test passed"
else
  echo "== smoke test FAILED"
fi
exit $FAILED
