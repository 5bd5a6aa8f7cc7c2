// Phrase counting speed and peak memory on a generated corpus: `npm run bench:phrases [-- --mb 100]`.
// The corpus is generated on the fly, twice (one per counting pass), from a fixed seed: it never
// sits in memory, so the peak RSS is the counters' own. Timings include tokenising.
import path from 'node:path';
import { countPhrases, loadPhraseWords, type PhraseUnit } from '../src/phrases/find-phrases.js';
import { seededRandom } from '../src/sampling/seeded-random.js';

const mbArg = process.argv.indexOf('--mb');
const targetMb = mbArg >= 0 ? Number(process.argv[mbArg + 1]) : 100;
if (!Number.isFinite(targetMb) || targetMb <= 0) throw new Error('--mb needs a positive number');
const targetBytes = targetMb * 1e6;


// A French-like vocabulary: real function and content words, then made-up words so the vocabulary
// is as large as a real corpus's (~60 000 forms), drawn with a Zipf law.
const FUNCTION = "le la les l' un une des du de d' et à au aux en dans pour sur par avec que qu' qui ne n' pas plus ce c' est sont a ont il ils on nous vous se s' son sa ses leur mais ou donc car si tout très aussi bien même comme".split(' ');
const CONTENT = "état gouvernement cloud souverain données serveurs logiciels américains européens projet argent public milliards millions ministre entreprises français plan numérique sécurité confiance contrat marché microsoft google amazon ovh scaleway europe france lois droit accès stockage services technologie souveraineté dépendance stratégie industrie contribuable impôts échec résultat annonce décision politique acteurs nationaux juridique protection".split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo tion ment eur ique age ance ité'.split(' ');
const vocab = [...CONTENT];
const make = seededRandom(7);
while (vocab.length < 60_000) {
  let w = '';
  const n = 2 + Math.floor(make() * 3);
  for (let k = 0; k < n; k += 1) w += SYLLABLES[Math.floor(make() * SYLLABLES.length)];
  vocab.push(w);
}
// Zipf CDF over the vocabulary (s = 1).
const cdf = new Float64Array(vocab.length);
let acc = 0;
for (let i = 0; i < vocab.length; i += 1) cdf[i] = acc += 1 / (i + 1);
for (let i = 0; i < vocab.length; i += 1) cdf[i]! /= acc;
function zipf(r: number): string {
  let lo = 0;
  let hi = vocab.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return vocab[lo]!;
}
const CLAIMS = ['des milliards dilapidés', "un gaspillage d'argent public", 'le Cloud Act américain', 'cette fois ça va marcher', "l'incompétence du gouvernement", 'les logiciels sont tous américains', 'payé avec le pognon des autres'];

function sentence(r: () => number): string {
  const words: string[] = [];
  const n = 6 + Math.floor(r() * 18);
  for (let k = 0; k < n; k += 1) words.push(r() < 0.45 ? FUNCTION[Math.floor(r() * FUNCTION.length)]! : zipf(r()));
  if (r() < 0.08) words.splice(Math.floor(r() * words.length), 0, CLAIMS[Math.floor(r() * CLAIMS.length)]!);
  const s = words.join(' ').replace(/' /gu, "'");
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${r() < 0.8 ? '.' : r() < 0.5 ? ' !' : ' ?'}`;
}

function* corpus(): Generator<PhraseUnit> {
  const r = seededRandom(42);
  let bytes = 0;
  let doc = 0;
  const previous: string[] = [];
  while (bytes < targetBytes) {
    doc += 1;
    const docId = `page-${doc}`;
    const nComments = 5 + Math.floor(r() * 40);
    for (let pos = 0; pos <= nComments; pos += 1) {
      let text: string;
      if (pos === 0 && r() < 0.05 && previous.length > 0) text = previous[Math.floor(r() * previous.length)]!; // syndicated article
      else {
        const parts: string[] = [];
        const n = pos === 0 ? 15 + Math.floor(r() * 25) : 1 + Math.floor(r() * 8);
        for (let k = 0; k < n; k += 1) parts.push(sentence(r));
        text = parts.join(' ');
      }
      if (pos === 0) {
        previous.push(text);
        if (previous.length > 50) previous.shift();
      }
      // Authors: a long tail, a few very active ones; some comments are posted twice.
      const author = pos === 0 ? `journaliste${Math.floor(r() * 300)}` : r() < 0.1 ? undefined : `lecteur${Math.floor(20_000 * r() ** 3)}`;
      bytes += Buffer.byteLength(text);
      yield { docId, position: pos, author, text };
      if (pos > 0 && r() < 0.02) {
        bytes += Buffer.byteLength(text);
        yield { docId, position: pos + 1_000_000, author, text };
      }
    }
  }
}

const words = loadPhraseWords(path.resolve('lexicons'));
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let bytesSeen = 0;
const { phrases, stats } = countPhrases(
  () => ({
    *[Symbol.iterator]() {
      for (const u of corpus()) {
        bytesSeen += Buffer.byteLength(u.text);
        yield u;
      }
    },
  }),
  { words },
);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
clearInterval(sampler);
const corpusMb = bytesSeen / 2 / 1e6; // read twice, once per pass
const maxRssMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(`corpus: ${corpusMb.toFixed(1)} MB generated, ${stats.units} units, ${stats.tokens} tokens (${stats.duplicateUnits} duplicate units, ${stats.repeatedSentences} repeated sentences skipped)`);
console.log(`phrase counting (2 passes, tokenising and generating included): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU; ${(corpusMb / seconds).toFixed(2)} MB/s wall, ${(corpusMb / cpuSeconds).toFixed(2)} MB/s CPU (${Math.round(stats.tokens / cpuSeconds)} tokens per CPU second)`);
console.log(`memory: peak RSS ${maxRssMb.toFixed(0)} MB; fixed counters ${(stats.counterBytes / 1e6).toFixed(0)} MB; phrases tracked at peak ${stats.trackedPeak}; admission floor ${stats.floor} voices`);
console.log(`phrases written: ${phrases.length}; top 5: ${phrases.slice(0, 5).map((p) => `${p.phrase} (${p.frequency})`).join(', ')}`);
