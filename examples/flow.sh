#!/usr/bin/env bash
# The officer's flow, end to end, on the shipped example data (the real Cambodia cables).
# Everything is written under out/ so the shipped files are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
set -x
tipreport import tests/fixtures/cable-2006-phnompenh-501-tip-report.txt -o out/cambodia-2006.yaml --force
tipreport init --from out/cambodia-2006.yaml --questionnaire questionnaires/2007.yaml \
    -o out/cambodia-2007-draft.yaml --force
tipreport check out/cambodia-2007-draft.yaml --prior out/cambodia-2006.yaml || true   # findings exit 1
tipreport status out/cambodia-2007-draft.yaml
tipreport diff answers/cambodia-2006.yaml answers/cambodia-2007.yaml --stat --docx out/changes.docx --force
tipreport hours add out/cambodia-2007-draft.yaml --who "J. Doe" --role officer --hours 6
tipreport render answers/cambodia-2006.yaml --format cable -o out/cambodia-2006.txt --force
tipreport render answers/cambodia-2006.yaml --format docx -o out/cambodia-2006.docx --force
tipreport render out/cambodia-2007-draft.yaml --format cable -o out/cambodia-2007-draft.txt --force
