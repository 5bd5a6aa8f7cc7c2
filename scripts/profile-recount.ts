/**
 * A rerun's phrase count on a run's store, timed by step (CPU seconds), with no corpus changed on
 * disk. `--every N`: every Nth document is taken as changed (same signature, a new serial), so the
 * recount retires and adds it. `--new N`: the last 1/N of the documents are taken as new (as new
 * files sorted last would be): the state is counted once without them and kept in the file
 * `--state` names (with `--every`, the state is read from there when the file exists, and a state
 * counted because the store's is of another format is kept there). Prints a digest of the rows,
 * equal to a full count's when the recount is exact (`--check` counts from scratch as well and compares). `--since OLD`: what a rerun did, from the
 * store of the output folder before it (a copy): its state, and its signatures of the documents gone.
 *
 *   node --import tsx scripts/profile-recount.ts OUT/controverse.sqlite [--every 100 | --new 100 --state FILE | --since OLD/controverse.sqlite] [--check]
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { countSignedPhrases } from '../src/phrases/count-phrases.js';
import { mergePhrasesAndForms } from '../src/phrases/merge-phrases.js';
import { packPhraseState, unpackPhraseState } from '../src/phrases/phrase-state.js';
import { recountSignedPhrases } from '../src/phrases/recount-phrases.js';
import type { SignedDocument } from '../src/phrases/walk-signatures.js';
import { signedDocumentsOf } from '../src/store/signed-documents.js';
import { Store } from '../src/store/store.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { every: { type: 'string' }, new: { type: 'string' }, state: { type: 'string' }, since: { type: 'string' }, check: { type: 'boolean', default: false } } });
const file = positionals[0];
if (file === undefined) throw new Error('usage: profile-recount.ts STORE_FILE [--every N | --new N --state FILE] [--check]');
const store = Store.openReadonly(file);
let cpu = process.cpuUsage();
let t = performance.now();
const clock = (label: string): void => {
  const used = process.cpuUsage(cpu);
  console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(2)} s, ${((used.user + used.system) / 1e6).toFixed(2)} CPU s`);
  cpu = process.cpuUsage();
  t = performance.now();
};
const digest = (rows: unknown): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
const serials = store.phraseSerials();
const newShare = values.new === undefined ? 0 : Math.floor(serials.length / Number(values.new));
const fresh = new Set(serials.slice(serials.length - newShare));
function* before(): Generator<SignedDocument> {
  for (const doc of signedDocumentsOf(store)) if (!fresh.has(doc.serial!)) yield doc;
}

const old = values.since === undefined ? undefined : Store.openReadonly(values.since);
let packed: Uint8Array | undefined;
if (old !== undefined) packed = old.phraseState();
else if (values.state !== undefined && existsSync(values.state)) packed = readFileSync(values.state);
else if (values.new === undefined) packed = store.phraseState();
if (packed === undefined || unpackPhraseState(packed) === undefined) {
  const counted = countSignedPhrases(before);
  packed = packPhraseState({ ...counted.state, variants: mergePhrasesAndForms(counted, before).forms });
  if (values.state !== undefined) writeFileSync(values.state, packed);
  clock('state counted (no state of this format)');
}
const previous = unpackPhraseState(packed)!;
clock('state read');

const SHIFT = 0x40000000;
const retired: { serial: number; signature: Uint32Array }[] = [];
const added: Uint32Array[] = [];
const every = Number(values.every ?? 0);
if (every > 0) {
  previous.serials.forEach((serial, i) => {
    if (i % every !== every >> 1) return;
    const signature = store.signatureOf(serial)!;
    retired.push({ serial, signature });
    added.push(signature);
  });
}
for (const serial of fresh) added.push(store.signatureOf(serial)!);
if (old !== undefined) {
  const now = new Set(serials);
  const counted = new Set(previous.serials);
  for (const serial of serials) if (!counted.has(serial)) added.push(store.signatureOf(serial)!);
  for (const serial of counted) if (!now.has(serial)) retired.push({ serial, signature: old.signatureOf(serial)! });
}
const moved = new Set(retired.map((r) => r.serial));
function* corpus(): Generator<SignedDocument> {
  for (const doc of signedDocumentsOf(store)) yield moved.has(doc.serial!) ? { ...doc, serial: doc.serial! + SHIFT } : doc;
}
clock(`delta (${retired.length} retired, ${added.length} added)`);
const counted = recountSignedPhrases(corpus, previous, { retired, added })!;
clock(`recount ${JSON.stringify(counted.stats)}, forms known ${counted.knownForms?.size}`);
const { phrases, forms } = mergePhrasesAndForms(counted, corpus, undefined, counted.knownForms);
clock('merge and forms');
packPhraseState({ ...counted.state, variants: forms });
clock('state packed');
console.log(`rows digest: ${digest(phrases)}, peak ${process.resourceUsage().maxRSS >> 10} MB`);
if (values.check) {
  const full = countSignedPhrases(corpus);
  const fullDigest = digest(mergePhrasesAndForms(full, corpus).phrases);
  console.log(`full count's digest: ${fullDigest} ${fullDigest === digest(phrases) ? 'same' : 'DIFFERENT'}`);
}
store.close();
