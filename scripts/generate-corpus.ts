import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../src/sampling/seeded-random.js';


const NOUNS_M = (
  'gouvernement ministre projet cloud serveur hébergeur État budget contrat marché logiciel réseau système service appel ' +
  'fournisseur opérateur partenaire rapport député président plan label programme débat secteur acteur géant numérique ' +
  'calendrier investissement retard échec succès contribuable citoyen lecteur commentaire article journaliste modèle ' +
  'centre cadre risque contrôle accès chiffrement code outil espace territoire pays continent siècle mois an'
).split(' ');
const NOUNS_F = (
  'France Europe Commission souveraineté donnée plateforme entreprise administration solution infrastructure technologie ' +
  'dépendance stratégie annonce promesse décision loi règle sécurité confiance alternative filière startup banque ' +
  'industrie politique économie puissance concurrence offre facture dette équipe région ville école santé recherche ' +
  'question réponse idée preuve histoire erreur mesure enquête certification migration licence interface'
).split(' ');
const ADJECTIVES = (
  'européen français américain chinois public privé national souverain numérique stratégique sensible critique ' +
  'nouveau ancien grand petit fiable coûteux efficace lent rapide ouvert libre fermé local mondial indépendant ' +
  'dangereux inutile indispensable crédible fragile solide complexe simple énorme modeste'
).split(' ');
const VERBS = (
  'annonce finance héberge protège menace contrôle dépasse remplace choisit refuse soutient critique promet ' +
  'développe achète vend impose oublie rappelle garantit prépare lance abandonne retarde confirme dénonce ' +
  'explique ignore défend attaque coûte rapporte'
).split(' ');
const ADVERBS = 'encore toujours déjà enfin vraiment clairement peut-être aujourd’hui demain souvent rarement jamais bientôt'.split(' ');
const OPENERS = [
  'Franchement,', 'Bref,', 'Pourtant,', 'En réalité,', 'Comme d’habitude,', 'Au final,', 'Soyons sérieux :', 'Il faut dire que',
  'D’un autre côté,', 'À mon avis,', 'Je pense que', 'On oublie que', 'Rappelons que', 'Encore une fois,', 'Certes,',
];
const CLOSERS = ['!', '.', '.', '.', '…', ' ?', '.', '.'];
const FIRST_NAMES = 'Jean Marie Pierre Sophie Luc Claire Paul Julie Marc Anne Louis Camille Hugo Léa Nicolas Emma Thomas Chloé Antoine Inès'.split(' ');
const HANDLES = 'citoyen lecteur geek admin cloudfan sceptique patriote dev libriste bobo vieux_con anonyme expert curieux'.split(' ');
const MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

function nounPhrase(rnd: () => number): string {
  const feminine = rnd() < 0.5;
  const noun = pick(rnd, feminine ? NOUNS_F : NOUNS_M);
  const det = /^[aeéèêiîoôuh]/iu.test(noun) ? pick(rnd, ['l’', 'cet' + (feminine ? 'te ' : ' '), 'notre ', 'leur ']) : pick(rnd, feminine ? ['la ', 'une ', 'cette ', 'notre '] : ['le ', 'un ', 'ce ', 'notre ']);
  const adjective = rnd() < 0.5 ? ` ${pick(rnd, ADJECTIVES)}${feminine ? 'e' : ''}`.replace(/ee$/u, 'e') : '';
  return `${det}${noun}${adjective}`;
}

/** One generated French sentence; now and then a real cue sentence from the lexicons' examples. */
export function sentence(rnd: () => number, cues: readonly string[]): string {
  if (cues.length > 0 && rnd() < 0.08) return pick(rnd, cues);
  const parts: string[] = [];
  if (rnd() < 0.3) parts.push(pick(rnd, OPENERS));
  parts.push(nounPhrase(rnd), pick(rnd, VERBS));
  if (rnd() < 0.4) parts.push(pick(rnd, ADVERBS));
  parts.push(nounPhrase(rnd));
  if (rnd() < 0.35) parts.push(pick(rnd, ['pour', 'contre', 'avec', 'sans', 'depuis', 'dans']), nounPhrase(rnd));
  const text = parts.join(' ').replace(/’ /gu, '’');
  return text.charAt(0).toUpperCase() + text.slice(1) + pick(rnd, CLOSERS);
}

function paragraph(rnd: () => number, cues: readonly string[], sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rnd, cues)).join(' ');
}

function frenchDate(rnd: () => number): { day: number; month: string; year: number; h: number; m: number } {
  return { day: 1 + Math.floor(rnd() * 28), month: pick(rnd, MONTHS), year: 2014 + Math.floor(rnd() * 9), h: Math.floor(rnd() * 24), m: Math.floor(rnd() * 60) };
}

interface Comment {
  readonly author: string;
  readonly text: string;
  readonly depth: number;
}

function thread(rnd: () => number, cues: readonly string[]): Comment[] {
  const authors = Array.from({ length: 2 + Math.floor(rnd() * 8) }, () => (rnd() < 0.5 ? `${pick(rnd, FIRST_NAMES)} ${pick(rnd, FIRST_NAMES).charAt(0)}.` : `${pick(rnd, HANDLES)}${Math.floor(rnd() * 100)}`));
  const n = Math.floor(rnd() * rnd() * 40);
  const out: Comment[] = [];
  for (let i = 0; i < n; i += 1) {
    const depth = i === 0 ? 0 : Math.min(3, Math.max(0, (out[i - 1]?.depth ?? 0) + (rnd() < 0.35 ? 1 : rnd() < 0.5 ? -1 : 0)));
    const lines = rnd() < 0.3 ? 1 : 1 + Math.floor(rnd() * 4);
    const text = Array.from({ length: lines }, () => paragraph(rnd, cues, 1 + Math.floor(rnd() * 4))).join('\n');
    out.push({ author: pick(rnd, authors), text: rnd() < 0.05 ? pick(rnd, ['Bravo !', 'Enfin !', 'Mdr', '+1', 'N’importe quoi.']) : text, depth });
  }
  return out;
}

/** A scraped page: title, byline, article body, then the comment thread in one of two site layouts. */
export function page(rnd: () => number, cues: readonly string[]): string {
  const title = sentence(rnd, []).replace(/[.!?…]+$/u, '');
  const d = frenchDate(rnd);
  const body = Array.from({ length: 3 + Math.floor(rnd() * 12) }, () => paragraph(rnd, cues, 2 + Math.floor(rnd() * 6))).join('\n\n');
  const comments = thread(rnd, cues);
  const head = `${title}\n\nPar ${pick(rnd, FIRST_NAMES)} ${pick(rnd, FIRST_NAMES)}, journaliste\nPublié le ${d.day} ${d.month} ${d.year} à ${String(d.h).padStart(2, '0')}h${String(d.m).padStart(2, '0')}\n\n${body}\n\nPartager cette publication\n\n`;
  if (rnd() < 0.5) {
    const lines = comments.map((c) => {
      const pad = '  '.repeat(c.depth + 1);
      const cd = frenchDate(rnd);
      return `${pad}• ${c.author} Répondre\n\n${c.text.split('\n').map((l) => `${pad}  ${l}`).join('\n')}\n\n${pad}  ${cd.day} ${cd.month} ${cd.year} à ${cd.h} h ${cd.m} min`;
    });
    return `${head}Comments (${comments.length})\n\n${lines.join('\n')}\n`;
  }
  const lines = comments.map((c) => `${c.author}\n\n${c.text}\n`);
  return `${head}Commentaires (${comments.length})\n${lines.join('\n')}`;
}

/** A JSON Lines export (contract format): several documents with their comments, one per line. */
export function jsonlFile(rnd: () => number, cues: readonly string[], documents: number): string {
  const lines: string[] = [];
  for (let k = 0; k < documents; k += 1) {
    const comments = thread(rnd, cues).map((c, i) => ({ id: `c${i + 1}`, author: c.author, text: c.text, ...(c.depth > 0 && i > 0 ? { parent_id: `c${i}` } : {}) }));
    const d = frenchDate(rnd);
    lines.push(JSON.stringify({
      id: `doc-${k + 1}`, site: 'exemple.fr', title: sentence(rnd, []), published: `${d.year}-${String(1 + MONTHS.indexOf(d.month)).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`,
      text: Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => paragraph(rnd, cues, 3)).join('\n\n'), comments,
    }));
  }
  return `${lines.join('\n')}\n`;
}

/** Corpus layouts the generator writes: scraped `.txt` pages, `.jsonl` exports, or both. */
export type CorpusFormat = 'txt' | 'jsonl' | 'mixed';

/**
 * Write about `bytes` of generated corpus into `dir` (in sub-folders of 500 files), starting at file
 * number `first`. Returns the number of files and bytes written.
 */
export function generateCorpus(dir: string, bytes: number, options: { seed: number; cues: readonly string[]; format: CorpusFormat; first?: number }): { files: number; bytes: number } {
  const rnd = seededRandom(options.seed);
  let written = 0;
  let n = options.first ?? 0;
  const start = n;
  while (written < bytes) {
    const jsonl = options.format === 'jsonl' || (options.format === 'mixed' && rnd() < 0.1);
    const text = jsonl ? jsonlFile(rnd, options.cues, 5 + Math.floor(rnd() * 20)) : page(rnd, options.cues);
    const sub = path.join(dir, `part-${String(Math.floor(n / 500)).padStart(4, '0')}`);
    mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `page-${String(n).padStart(7, '0')}.${jsonl ? 'jsonl' : 'txt'}`);
    const data = Buffer.from(text, 'utf8');
    writeFileSync(file, data);
    written += data.length;
    n += 1;
  }
  return { files: n - start, bytes: written };
}
