#!/usr/bin/env bash
# What a stranger does: clone the repository into an empty folder (nothing beside it), run the
# README's commands, check that out/ holds every contract file; then install the packed tarball in
# an unrelated folder and run `npx controverse run <corpus>` with the shipped lexicons.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/controverse"
cd "$work/controverse"
npm ci --no-audit --no-fund >/dev/null
npm start
for f in documents.csv units.csv stances.csv claims.csv claim_mentions.csv phrases.csv diagnostics.csv report.html manifest.json; do
  [ -s "out/$f" ] || { echo "fresh clone: out/$f is missing or empty" >&2; exit 1; }
done
node dist/cli.js verify out
tarball="$(npm pack --silent | tail -1)"
mkdir -p "$work/elsewhere/data" && cd "$work/elsewhere"
cp "$work/controverse/corpus/"*.txt data/
cat > package.json <<JSON
{ "name": "a-researchers-project", "private": true, "allowScripts": { "better-sqlite3": true } }
JSON
npm install --no-audit --no-fund "$work/controverse/$tarball" >/dev/null
npx controverse run data --out results --quiet
grep -q '"lexicon_source": "shipped"' results/manifest.json || { echo "packed install: the shipped lexicons were not used" >&2; exit 1; }
[ -s results/stances.csv ] || { echo "packed install: results/stances.csv is missing" >&2; exit 1; }
echo "fresh clone and packed install: ok"
