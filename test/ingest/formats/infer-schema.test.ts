import { describe, expect, it } from 'vitest';
import { findRecords, inferFields } from '../../../src/ingest/formats/infer-schema.js';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';
import { readJson } from '../../../src/ingest/formats/read-json.js';
import { readJsonLines } from '../../../src/ingest/formats/read-jsonl.js';

// Invented export shapes whose field names match no alias: the roles must come from the values.

/** A discussion export of an imagined German tool: the records two levels down, a nested author object, Unix milliseconds, replies by number. */
const GERMAN = {
  gespraech: { titel: 'Schulserver', kennung: 'g-77' },
  daten: {
    beitraege: [
      { nr: 501, verfasser: { anzeigename: 'Greta Vogel', konto: 'gvogel' }, zeitpunkt: 1741767243000, inhalt: 'Die Stadt will die Schulserver zu einem amerikanischen Anbieter verlegen, was haltet ihr davon?', antwort_auf: null },
      { nr: 502, verfasser: { anzeigename: 'Jonas Keller', konto: 'jkeller' }, zeitpunkt: 1741768307000, inhalt: 'Ich halte das für einen Fehler, die Daten der Kinder gehören auf eigene Server.', antwort_auf: 501 },
      { nr: 503, verfasser: { anzeigename: 'Greta Vogel', konto: 'gvogel' }, zeitpunkt: 1741768805000, inhalt: 'Genau das habe ich im Ausschuss auch gesagt, aber niemand wollte zuhören.', antwort_auf: 502 },
      { nr: 504, verfasser: { anzeigename: 'Mira Stein', konto: 'mstein' }, zeitpunkt: 1741769265000, inhalt: 'Gibt es schon einen Beschluss oder ist das nur ein Vorschlag der Verwaltung?', antwort_auf: 502 },
    ],
  },
};

describe('schema inference for exports with unknown field names', () => {
  it('finds the largest array of records anywhere in a JSON document', () => {
    const found = findRecords(GERMAN);
    expect(found?.records).toHaveLength(4);
    expect(found?.path).toBe('daten.beitraege');
  });

  it('infers each role from the values: text, date (Unix ms), id, parent by id, author in a nested object', () => {
    expect(inferFields(GERMAN.daten.beitraege)).toEqual({ text: 'inhalt', published: 'zeitpunkt', id: 'nr', parent: 'antwort_auf', author: 'verfasser.anzeigename' });
  });

  it('reads such a JSON file into a thread (the only root is the article), with an info row naming the fields chosen', () => {
    const { records, diagnostics } = readJson(JSON.stringify(GERMAN), 'gespraech.json');
    expect(records).toHaveLength(1);
    const page = records[0]!.page;
    // The first record is the only root the others hang from: the article (as for any flat export).
    expect([page.author, page.published, page.body]).toEqual(['Greta Vogel', '2025-03-12T08:14:03', GERMAN.daten.beitraege[0]!.inhalt]);
    expect(page.comments.map((c) => [c.author, c.published, c.parentIndex])).toEqual([
      ['Jonas Keller', '2025-03-12T08:31:47', undefined],
      ['Greta Vogel', '2025-03-12T08:40:05', 0],
      ['Mira Stein', '2025-03-12T08:47:45', 0],
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ level: 'info', code: 'schema-inferred', message: expect.stringContaining('author = verfasser.anzeigename') as string }));
  });

  it('takes the first record as the article when the records sit in a container of their own (a chat export) and it answers nobody', () => {
    const chat = { salon: 'Quartier', lignes: [
      { n: 'x1', qui: 'Aurore Lenoir', quand: '2025-03-10 18:02', dit: 'On se retrouve jeudi pour parler du portail de la métropole et de son hébergeur ?', re: '' },
      { n: 'x2', qui: 'Basile Martin', quand: '2025-03-10 18:10', dit: 'Oui, avec la liste des services qui partiraient chez le nouvel hébergeur.', re: 'x1' },
      { n: 'x3', qui: 'Aurore Lenoir', quand: '2025-03-10 18:15', dit: 'Parfait, je prépare un tableau avec les dates de la migration.', re: 'x2' },
    ] };
    const { records } = readJson(JSON.stringify(chat), 'salon.json');
    const page = records[0]!.page;
    expect(page.body).toMatch(/^On se retrouve jeudi/u);
    expect(page.author).toBe('Aurore Lenoir');
    expect(page.published).toBe('2025-03-10T18:02');
    expect(page.comments.map((c) => [c.author, c.parentIndex])).toEqual([['Basile Martin', undefined], ['Aurore Lenoir', 0]]);
  });

  it('infers the fields of JSON Lines records, dropping a record without text and hanging its replies where it hung', () => {
    const lines = [
      { clave: 'e1', quien: 'Lucía Ortega', cuando: '2025-03-12T09:14:00Z', escrito: 'El ayuntamiento quiere pasar el correo municipal a una nube extranjera.', responde: null },
      { clave: 'e2', quien: 'Pablo Ruiz', cuando: '2025-03-12T09:20:00Z', escrito: '', responde: 'e1' },
      { clave: 'e3', quien: 'Marta Gil', cuando: '2025-03-12T09:31:00Z', escrito: 'Habría que preguntar primero dónde se guardan las copias de seguridad.', responde: 'e2' },
      { clave: 'e4', quien: 'Lucía Ortega', cuando: '2025-03-12T09:40:00Z', escrito: 'Buena pregunta, la llevo al pleno del jueves con las demás dudas.', responde: 'e3' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const { records, diagnostics } = readJsonLines(lines, 'hilo.jsonl');
    const page = records[0]!.page;
    expect(page.body).toMatch(/^El ayuntamiento/u);
    expect(page.comments.map((c) => [c.author, c.published, c.parentIndex])).toEqual([['Marta Gil', '2025-03-12T09:31', undefined], ['Lucía Ortega', '2025-03-12T09:40', 0]]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'schema-inferred', message: expect.stringContaining('1 without text skipped') as string }));
  });

  it('infers the columns of a semicolon CSV with Italian headers and Unix seconds (a shape in no eval page)', () => {
    const csv = [
      'chiave;voce;firma;istante;replica_di;punteggio',
      'c10;"Il comune ha scelto una suite per ufficio americana senza gara, è normale?";Chiara Neri;1741590012;;4',
      'c11;"Non è normale, esistono alternative libere già usate da altre amministrazioni.";Marco Riva;1741590612;c10;2',
      'c12;"Le alternative vanno però accompagnate da formazione per il personale.";Chiara Neri;1741591212;c11;7',
      'c13;"La formazione costa meno delle licenze pagate ogni anno, secondo me.";Sara Fontana;1741591812;c11;1',
    ].join('\n');
    const { records, diagnostics } = readCsv(csv, undefined, 'discussione.csv');
    const page = records[0]!.page;
    expect(page.body).toMatch(/^Il comune/u);
    expect(page.comments.map((c) => [c.author, c.published, c.parentIndex])).toEqual([
      ['Marco Riva', '2025-03-10T07:10:12', undefined],
      ['Chiara Neri', '2025-03-10T07:20:12', 0],
      ['Sara Fontana', '2025-03-10T07:30:12', 0],
    ]);
    expect(diagnostics[0]).toMatchObject({ level: 'info', code: 'schema-inferred' });
  });

  it('leaves the alias path alone: a file read under known names gets no inference', () => {
    const flat = [{ doc_id: 'd', id: 'a', text: 'Un article assez long pour être un texte.', author: 'Ana' }, { doc_id: 'd', id: 'b', parent_id: 'a', text: 'Une réponse.', author: 'Bo' }];
    const { diagnostics } = readJson(JSON.stringify(flat), 'f.json');
    expect(diagnostics.map((d) => d.code)).not.toContain('schema-inferred');
  });

  it('reads no thread from a table of something else: no date and no reply link (a claims table), or text only under a title column', () => {
    const claims = ['claim_id,label,exemple,n_units', 'a,Public money wasted,"Ce projet payé avec le pognon des autres est un gaspillage",3', 'b,At last the state reacts,"Enfin une bonne décision du gouvernement pour la souveraineté",1'].join('\n');
    expect(readCsv(claims, undefined, 'claims.csv').diagnostics).toMatchObject([{ level: 'error', code: 'missing-columns' }]);
    const docs = ['doc_id,title,published,n_comments', 'd1,"Le cloud de confiance est-il vraiment souverain pour les données publiques ?",2024-01-12,4', 'd2,"La plateforme des données de santé reste chez un hébergeur américain",2024-02-03,2'].join('\n');
    expect(readCsv(docs, undefined, 'documents.csv').diagnostics).toMatchObject([{ level: 'error', code: 'missing-columns' }]);
  });

  it('never reads this tool\'s own claims table back as comments, even with its dates', () => {
    const header = 'claim_id,label,n_mentions,n_units,n_documents,n_authors,first_published,last_published,top_variant,example_unit_id,example';
    const csv = [header, 'a,Public money,2,2,1,1,2024-01-12,2024-01-13,le pognon,d#1,"Ce projet payé avec le pognon des autres est un gaspillage"', 'b,Dependence,3,3,2,2,2024-01-13,2024-01-14,microsoft,d#2,"Une mise à jour poussée depuis Redmond et tout le cloisonnement tombe"'].join('\n');
    expect(readCsv(csv, undefined, 'claims.csv').diagnostics).toMatchObject([{ level: 'error', code: 'missing-columns' }]);
  });

  it('takes no parent link from values that point to later records (counts that happen to equal ids)', () => {
    const rows = [
      { k: 1, quand: '2025-03-01 10:00', mots: 'Premier message assez long pour être un texte de discussion.', compte: 3 },
      { k: 2, quand: '2025-03-01 10:05', mots: 'Deuxième message, lui aussi assez long pour compter comme un texte.', compte: 4 },
      { k: 3, quand: '2025-03-01 10:09', mots: 'Troisième message qui ne répond à personne en particulier ici.', compte: 4 },
      { k: 4, quand: '2025-03-01 10:12', mots: 'Quatrième et dernier message de cette petite liste inventée.', compte: 9 },
    ];
    expect(inferFields(rows)).toMatchObject({ text: 'mots', published: 'quand', parent: undefined });
  });

  it('infers nothing when no field holds text (numbers and codes only)', () => {
    const { records, diagnostics } = readJson(JSON.stringify({ mesures: [{ k: 'a1', v: 3 }, { k: 'a2', v: 5 }, { k: 'a3', v: 8 }] }), 'm.json');
    expect(diagnostics.map((d) => d.code)).not.toContain('schema-inferred');
    expect(records.every((r) => r.page.comments.length === 0)).toBe(true);
  });

  it('reads JSON Lines an alias reads as separate documents as one thread when their values link them (a list of ids answered, oldest first), with an account URI for a null display name', () => {
    // Invented notes on a shared map of cycle lanes: `text` is an alias, nothing else is.
    const lines = [
      { ref: 'n-01', made: '2025-04-02T18:03:11.5+00:00', who: { shown: 'Iris Kohl' }, uid: 'acct:ikohl@notes.example', text: 'La piste du quai est coupée par les travaux depuis lundi, aucune déviation indiquée.', chain: [] },
      { ref: 'n-02', made: '2025-04-02T18:40:02.1+00:00', who: { shown: 'Tom Bérard' }, uid: 'acct:tberard@notes.example', text: 'Il y a une déviation par la rue haute mais le panneau est tombé.', chain: ['n-01'] },
      { ref: 'n-03', made: '2025-04-02T19:12:45.0+00:00', who: { shown: null }, uid: 'acct:m.soler@notes.example', text: 'Je confirme, et la rue haute est en sens unique pour les vélos aussi.', chain: ['n-01', 'n-02'] },
      { ref: 'n-04', made: '2025-04-03T07:55:30.9+00:00', who: { shown: 'Iris Kohl' }, uid: 'acct:ikohl@notes.example', text: 'Signalé à la mairie ce matin avec une photo du panneau par terre.', chain: [] },
    ].map((l) => JSON.stringify(l)).join('\n');
    const { records, diagnostics } = readJsonLines(lines, 'notes.jsonl');
    expect(records).toHaveLength(1);
    expect(records[0]!.page.body).toBe('');
    expect(records[0]!.page.comments.map((c) => [c.author, c.published, c.parentIndex])).toEqual([
      ['Iris Kohl', '2025-04-02T18:03:11', undefined],
      ['Tom Bérard', '2025-04-02T18:40:02', 0],
      ['m.soler', '2025-04-02T19:12:45', 1],
      ['Iris Kohl', '2025-04-03T07:55:30', undefined],
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'schema-inferred', message: expect.stringContaining('separate documents') as string }));
    // The same records as one JSON array read alike.
    const asArray = readJson(`[${lines.split('\n').join(',')}]`, 'notes.json');
    expect(asArray.records.map((r) => r.page.comments.map((c) => c.parentIndex))).toEqual([[undefined, 0, 1, undefined]]);
  });

  it('keeps JSON Lines of separate documents separate when no record answers another', () => {
    const lines = [
      { ref: 'a-1', made: '2025-04-02T18:03:11Z', text: 'Premier article sur les pistes cyclables de la ville et leurs travaux.' },
      { ref: 'a-2', made: '2025-04-05T09:00:00Z', text: 'Deuxième article, sur le budget des transports votés au conseil.' },
      { ref: 'a-3', made: '2025-04-09T12:30:00Z', text: 'Troisième article, sur la fermeture du parking de la gare en mai.' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const { records, diagnostics } = readJsonLines(lines, 'articles.jsonl');
    expect(records).toHaveLength(3);
    expect(diagnostics.map((d) => d.code)).not.toContain('schema-inferred');
  });

  it('groups records naming another array\'s records by id under them (their text the article, dated by their first record without text) and reads a list newest first oldest first', () => {
    // An invented planning tool's export: events newest first, each naming its topic two levels down.
    const plan = {
      espace: 'Fête du quartier',
      evenements: [
        { ref: 'e6', quand: '2025-05-04T10:00:00.000Z', acteur: { nom: 'Rémi Vasseur' }, charge: { sujet: { ref: 't1', intitule: 'Sono' }, note: 'Le voisin du 12 prête ses enceintes, plus besoin de louer.' } },
        { ref: 'e5', quand: '2025-05-03T18:30:00.000Z', acteur: { nom: 'Lina Achour' }, charge: { sujet: { ref: 't2', intitule: 'Buvette' }, note: 'Il faut une autorisation de la mairie pour la buvette, je la demande.' } },
        { ref: 'e4', quand: '2025-05-03T09:15:00.000Z', acteur: { nom: 'Paul Henri' }, charge: { sujet: { ref: 't1', intitule: 'Sono' }, note: 'Louer une sono coûte cher, quelqu\'un a du matériel à prêter ?' } },
        { ref: 'e3', quand: '2025-05-02T08:00:00.000Z', acteur: { nom: 'Lina Achour' }, charge: { sujet: { ref: 't2', intitule: 'Buvette' } } },
        { ref: 'e2', quand: '2025-05-01T12:00:00.000Z', acteur: { nom: 'Rémi Vasseur' }, charge: { sujet: { ref: 't1', intitule: 'Sono' } } },
      ],
      sujets: [
        { ref: 't1', intitule: 'Sono', detail: 'Trouver de quoi diffuser de la musique sur la place pendant tout l\'après-midi.' },
        { ref: 't2', intitule: 'Buvette', detail: 'Tenir une buvette sans alcool au profit de l\'école du quartier.' },
        { ref: 't3', intitule: 'Affiches', detail: '' },
      ],
    };
    const { records, diagnostics } = readJson(JSON.stringify(plan), 'plan.json');
    expect(records.map((r) => r.id)).toEqual(['t1', 't2']);
    expect(records.map((r) => [r.page.author, r.page.published, r.page.body.slice(0, 12)])).toEqual([['Rémi Vasseur', '2025-05-01T12:00', 'Trouver de q'], ['Lina Achour', '2025-05-02T08:00', 'Tenir une bu']]);
    expect(records[0]!.page.comments.map((c) => [c.author, c.published])).toEqual([['Paul Henri', '2025-05-03T09:15'], ['Rémi Vasseur', '2025-05-04T10:00']]);
    expect(records[1]!.page.comments.map((c) => c.author)).toEqual(['Lina Achour']);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'schema-inferred', message: expect.stringMatching(/newest first.*grouped by charge\.sujet\.ref/u) as string }));
  });
});

describe('schema inference: a lone object beside the records, named by a long address (an archived ticket)', () => {
  const page = 'https://depot.exemple.fr/collectivite-exemple/portail-des-services-en-ligne/tickets/412';
  const ticket = {
    outil: 'archiveur 1.2',
    ticket: { numero: 412, lien: page, auteur: { identifiant: 'amelie-k' }, cree: '2025-04-02T09:30:00+02:00', corps: 'Le portail des services en ligne dépend encore d\u2019un service de cartes étranger, je propose de passer sur les fonds libres.' },
    reponses: [
      { numero: 9001, ticket_lien: page, auteur: { identifiant: 'bruno-t' }, cree: '2025-04-02T11:02:00+02:00', corps: 'D\u2019accord sur le principe, il faudra vérifier les temps de chargement sur mobile.' },
      { numero: 9002, ticket_lien: page, auteur: { identifiant: 'amelie-k' }, cree: '2025-04-03T08:15:00+02:00', corps: '> il faudra vérifier les temps de chargement sur mobile.\r\n\r\nC\u2019est fait, les tuiles se chargent aussi vite qu\u2019avant.' },
    ],
  };

  it('reads the object as the article, dated and signed by its own fields, and a CRLF Markdown quote out of the words', () => {
    const { records } = readJson(JSON.stringify(ticket), 'ticket.json');
    expect(records).toHaveLength(1);
    expect(records[0]!.page).toMatchObject({ author: 'amelie-k', published: '2025-04-02T09:30' });
    expect(records[0]!.page.body).toMatch(/^Le portail des services en ligne/u);
    expect(records[0]!.page.comments.map((c) => [c.author, c.text])).toEqual([
      ['bruno-t', 'D\u2019accord sur le principe, il faudra vérifier les temps de chargement sur mobile.'],
      ['amelie-k', 'C\u2019est fait, les tuiles se chargent aussi vite qu\u2019avant.'],
    ]);
  });
});

describe('schema inference: a notice whose text is the user\'s own login', () => {
  it('holds no words and makes no unit', () => {
    const history = {
      items: [
        { mid: 'a1', when: '2025-04-02T09:00:00Z', who: { login: 'lea.m', shown: 'Léa Martin' }, words: 'Bonjour, qui a déjà migré sa messagerie vers le syndicat ?' },
        { mid: 'a2', when: '2025-04-02T09:05:00Z', who: { login: 'tom.b', shown: 'Tom Bernard' }, words: 'tom.b', kind: 'joined' },
        { mid: 'a3', when: '2025-04-02T09:10:00Z', who: { login: 'tom.b', shown: 'Tom Bernard' }, words: 'Nous, depuis janvier, et les agents ne voient aucune différence.' },
        { mid: 'a4', when: '2025-04-02T09:20:00Z', who: { login: 'lea.m', shown: 'Léa Martin' }, words: 'Merci, je prends contact avec eux cette semaine.' },
      ],
    };
    const page = readJson(JSON.stringify(history), 'salon.json').records[0]!.page;
    expect([page.body, ...page.comments.map((c) => c.text)].filter((t) => t !== '')).toEqual([
      'Bonjour, qui a déjà migré sa messagerie vers le syndicat ?', 'Nous, depuis janvier, et les agents ne voient aucune différence.', 'Merci, je prends contact avec eux cette semaine.',
    ]);
  });
});

describe('schema inference: a survey export with two open questions', () => {
  it('reads each non-empty answer as a unit of its own, in row then column order, and keeps a rich copy of the text out', () => {
    const csv = [
      '"rid","quand","service","q_freins","q_avis"',
      '"1","2025-04-01 09:10:00","Culture","Les agents craignent de perdre leurs modèles de lettres et leurs macros.","Favorable si on nous forme avant la bascule."',
      '"2","2025-04-01 10:20:00","Finances","Le tableur budgétaire repose sur des macros écrites il y a dix ans.",""',
      '"3","2025-04-02 08:05:00","Voirie","","Aucune objection, nous utilisons déjà des outils libres sur le terrain."',
    ].join('\n');
    const page = readCsv(csv, undefined, 'enquete.csv').records[0]!.page;
    expect([page.body, ...page.comments.map((c) => c.text)].filter((t) => t !== '')).toEqual([
      'Les agents craignent de perdre leurs modèles de lettres et leurs macros.', 'Favorable si on nous forme avant la bascule.',
      'Le tableur budgétaire repose sur des macros écrites il y a dix ans.', 'Aucune objection, nous utilisons déjà des outils libres sur le terrain.',
    ]);
  });

  it('does not read a field holding the text again (a rich copy) as more answers', () => {
    const words = ['Bonjour, la mairie passe au nouveau logiciel de messagerie lundi matin.', 'Merci pour l\u2019information, nous préviendrons les agents.', 'Les formations auront lieu mardi et jeudi en salle du conseil.'];
    const records = words.map((w, i) => ({ n: i + 1, at: `2025-04-0${i + 1}T10:00:00`, from: `Agent ${String.fromCharCode(65 + i)}`, body: w, rich: [{ kind: 'plain', body: w }] }));
    const page = readJson(JSON.stringify({ items: records }), 'salon.json').records[0]!.page;
    expect([page.body, ...page.comments.map((c) => c.text)].filter((t) => t !== '')).toEqual(words);
  });
});
