#!/usr/bin/env bash
# The README's first command: build Blackbar, scan the bundled examples, redact them, and show the risk log.
set -uo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product blackbar >/dev/null || exit 2
BB=.build/release/blackbar
out=$(mktemp -d)

echo "== blackbar scan examples/data (exit 1 means: personal data found)"
$BB scan --format table examples/data
echo "exit code: $?"

echo
echo "== blackbar redact examples/data -o $out/clean --risk-log $out/risk-log.jsonl"
$BB redact examples/data -o "$out/clean" --risk-log "$out/risk-log.jsonl" || exit $?
cat "$out/clean/customer-notes.txt"

echo
echo "== the same data through the ingestion script (stdin to stdout)"
RISK_LOG="$out/ingest-risk.jsonl" BLACKBAR=$BB examples/ingest.sh < examples/data/app.log

echo
echo "== blackbar scan --profile examples/customers.csv (per column: personal data, quasi-identifiers, k-anonymity)"
$BB scan --profile --format table examples/customers.csv

echo
echo "== blackbar redact examples/customers.csv --drop-column iban --column notes=mask (first rows)"
$BB redact examples/customers.csv --drop-column iban --column notes=mask -o "$out/customers.csv" \
    --risk-log "$out/risk-log.jsonl" || exit $?
head -n 3 "$out/customers.csv"

echo
echo "== the chat log as a streaming filter: blackbar redact --input-format jsonl - < examples/chat.jsonl (first lines)"
$BB redact --input-format jsonl --findings "$out/chat-findings.jsonl" - < examples/chat.jsonl > "$out/chat.jsonl" || exit $?
head -n 3 "$out/chat.jsonl"

echo
echo "== blackbar scan examples/media (a dash-cam photo and a PDF: each finding names its metadata tag)"
$BB scan --format table examples/media
echo
echo "== blackbar redact examples/media -o $out/media: GPS, serials and names gone, the picture byte for byte"
$BB redact examples/media -o "$out/media" --risk-log "$out/risk-log.jsonl" || exit $?
echo "scanning the cleaned copies again (only the capture dates are left: kept by default):"
$BB scan --format table "$out/media"

echo
echo "== risk log run summary"
tail -n 1 "$out/risk-log.jsonl"
echo
echo "outputs in $out"
