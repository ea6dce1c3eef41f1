#!/usr/bin/env bash
# How an ingestion pipeline uses Blackbar: raw data on stdin, sanitized data on stdout, the risk log
# kept beside the output, and the exit code checked at every step.
#
#   examples/ingest.sh < raw.txt > clean.txt        (risk log: ${RISK_LOG:-risk-log.jsonl})
#
# Set BLACKBAR_KEY (16+ bytes, from your secret store) so value fingerprints in the risk log correlate
# across runs without revealing the values.
set -uo pipefail

BLACKBAR=${BLACKBAR:-$(dirname "$0")/../.build/release/blackbar}
RISK_LOG=${RISK_LOG:-risk-log.jsonl}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# 1. Redact: stdin to a temporary file, masking card numbers and using placeholders for the rest.
"$BLACKBAR" redact --operator placeholder --operator CREDIT_CARD=mask --risk-log "$RISK_LOG" - > "$tmp"
status=$?
case $status in
    0) ;;
    3) echo "ingest: the input is not text (exit 3: skipped as binary); nothing was passed on" >&2; exit 3 ;;
    4) echo "ingest: personal data was still found after redaction (exit 4); nothing was passed on" >&2; exit 4 ;;
    *) echo "ingest: redaction failed (exit $status); nothing was passed on" >&2; exit $status ;;
esac

# 2. Verify: the sanitized data must hold nothing at moderate severity or above (exit 0 = clean).
"$BLACKBAR" scan --fail-on moderate --format jsonl "$tmp" > /dev/null
status=$?
case $status in
    0) ;;
    1) echo "ingest: residual personal data after redaction; refusing to pass it on" >&2; exit 1 ;;
    *) echo "ingest: verification scan failed (exit $status)" >&2; exit $status ;;
esac

# 3. Pass the sanitized data on.
cat "$tmp"
echo "ingest: ok; risk log in $RISK_LOG" >&2
