#!/bin/sh
# Regenerate the sample documents of docs/samples/ from a fresh demo database.
# Every sample names records the eligibility gate lets through (recognised, no error finding,
# inside the programme); SK-2022-0054 is a research project (a head and two members).
# Usage: sh docs/samples/generate.sh [path/to/sangkien]   (default: .venv/bin/sangkien)
set -eu
SANGKIEN=${1:-.venv/bin/sangkien}
HERE=$(dirname "$0")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/demo.sqlite"
"$SANGKIEN" --db "$DB" demo --force >/dev/null
export SANGKIEN_PASSWORD=sangkien-demo
run() { "$SANGKIEN" --db "$DB" --user chutich "$@"; }

run print certificates "$HERE/certificate-research.pdf" --codes SK-2022-0054 --date 05/03/2022
run print certificates "$HERE/certificate.pdf" --codes SK-2022-0073 --date 15/09/2022
for form in application description receipt portal-sheet; do
  run print form "$form" SK-2022-0073 "$HERE/$form.pdf" --today 20/09/2022
done
run print form portal-sheet SK-2022-0054 "$HERE/portal-sheet-research.pdf" --today 05/03/2022
run print reward-decision "$HERE/reward-decision.pdf" --decision-no 25/QĐ-CĐCS
