#!/usr/bin/env bash
# Issue 8 §7's measurement: many "add" chat turns through two api and two mcp replicas (YARP fronts,
# PostgreSQL) while the mcp replicas are killed and restarted, every failed turn retried the way the
# web retries (same message, same Idempotency-Key) until answered; then tasks stored vs turns,
# duplicates, phantoms. It runs the system test McpKillRetryTests at a larger size and prints its line.
#
#   TASKCHAT_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres" bench/mcp-kill-phantoms.sh [users] [turns-per-user]
#
# Defaults: 60 users x 15 turns = 900 turns (the issue's "before" was 1 phantom in 873 turns). Keep
# turns-per-user under the fixture's 20 chat turns a minute per user, or turns wait for the window.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TASKCHAT_TEST_POSTGRES:?set TASKCHAT_TEST_POSTGRES to a PostgreSQL server that allows CREATE DATABASE}"
export TASKCHAT_PHANTOM_USERS="${1:-60}" TASKCHAT_PHANTOM_TURNS="${2:-15}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
dotnet test tests/TaskChat.SystemTests --filter "FullyQualifiedName~McpKillRetryTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1 || { tail -n 60 "$log"; exit 1; }
grep -o 'mcp kill and restart: .*' "$log"
