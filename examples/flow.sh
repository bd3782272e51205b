#!/usr/bin/env bash
# The officer's flow, end to end, on the shipped example data (the real Cambodia cables).
# Everything is written under out/ so the shipped files are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out

# check and diff exit 1 when they have something to report: that is not a failure here.
report() { "$@" || [ $? -eq 1 ]; }
step() { printf '\n$ %s\n' "$*"; }

step tipreport import last-years-cable.txt
tipreport import tests/fixtures/cable-2006-phnompenh-501-tip-report.txt -o out/cambodia-2006.yaml --force

step tipreport init: carry 2006 into the 2007 questionnaire
tipreport init --from out/cambodia-2006.yaml --questionnaire questionnaires/2007.yaml \
    -o out/cambodia-2007.yaml --force | tail -n 6

step tipreport check: what needs a look in the carried draft
report tipreport check out/cambodia-2007.yaml --question 3F

step tipreport status
tipreport status out/cambodia-2007.yaml

step tipreport diff: what the officers really changed, 2006 to 2007
report tipreport diff answers/cambodia-2006.yaml answers/cambodia-2007.yaml --question 3I \
    --docx out/changes.docx --html out/changes.html --force

step tipreport hours add
tipreport hours add out/cambodia-2007.yaml --who "J. Doe" --role officer --hours 6

step tipreport render
tipreport render answers/cambodia-2006.yaml --format cable -o out/cambodia-2006.txt --force
tipreport render answers/cambodia-2006.yaml --format docx -o out/cambodia-2006.docx --force
tipreport render out/cambodia-2007.yaml --format cable -o out/cambodia-2007-draft.txt --force
report tipreport render out/cambodia-2007.yaml --format cable --final -o out/cambodia-2007-final.txt --force

printf '\nDone: see out/ (answers files, cable text, Word documents, changes.docx/html).\n'
