import { describe, expect, it } from 'vitest';
import { fieldKeyOf } from '../../../src/ingest/formats/flat-records.js';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';
import { readJson } from '../../../src/ingest/formats/read-json.js';
import { readJsonLines } from '../../../src/ingest/formats/read-jsonl.js';

// Exports written by scripts over a platform's API and by research tools: camelCase names, the poster
// nested in an object, a video as the document, a seed row, no document id column.
const line = (v: unknown): string => JSON.stringify(v);

describe('exports of APIs and research tools', () => {
  it('spells camelCase and nested names as the aliases do', () => {
    expect(fieldKeyOf('inReplyToCommentId')).toBe('in_reply_to_comment_id');
    expect(fieldKeyOf('account.displayName')).toBe('account.display_name');
    expect(fieldKeyOf(' DOC_ID ')).toBe('doc_id');
  });

  it('reads a video platform export: the video is the document and its article, the nested account the author, inReplyToCommentId the parent', () => {
    const { records } = readJsonLines([
      line({ video_uuid: 'v1', record_type: 'video', id: 5, name: 'Titre de la vidéo', description: 'La description.', publishedAt: '2025-03-10T17:00:04.118Z', account: { name: 'lug', displayName: 'Groupe libre' } }),
      line({ video_uuid: 'v1', record_type: 'comment', id: 81, threadId: 81, videoId: 5, inReplyToCommentId: null, text: 'Merci.', createdAt: '2025-03-10T18:22:41.511Z', account: { name: 'b', displayName: 'Bertrand K.' } }),
      line({ video_uuid: 'v1', record_type: 'comment', id: 82, threadId: 81, videoId: 5, inReplyToCommentId: 81, text: 'De rien.', createdAt: '2025-03-10T19:03:12.090Z', account: { name: 'lug', displayName: 'Groupe libre' } }),
    ].join('\n'), 'x.jsonl');
    expect(records.map((r) => r.id)).toEqual(['v1']);
    expect(records[0]?.page).toMatchObject({
      author: 'Groupe libre', published: '2025-03-10T17:00:04', body: 'La description.',
      comments: [
        { author: 'Bertrand K.', published: '2025-03-10T18:22:41', text: 'Merci.', parentIndex: undefined },
        { author: 'Groupe libre', published: '2025-03-10T19:03:12', text: 'De rien.', parentIndex: 0 },
      ],
    });
  });

  it('reads a research tool CSV of one post: no document column, the seed row left out, the post as the article', () => {
    const csv = [
      '"level";"id";"parent_id";"object_type";"message";"created_time";"from.name"',
      '"0";"1";"";"seed";"";"";""',
      '"1";"2";"1";"data";"Le post.";"2025-03-18T09:00:12+0000";"Agence"',
      '"2";"3";"2";"data";"Un commentaire.";"2025-03-18T09:41:07+0000";"Yann"',
      '"3";"4";"3";"data";"Une réponse.";"2025-03-18T14:02:40+0000";""',
    ].join('\n');
    const { records, diagnostics } = readCsv(csv, undefined, 'post.csv');
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(records[0]?.page).toMatchObject({
      author: 'Agence', published: '2025-03-18T09:00:12', body: 'Le post.',
      comments: [
        { author: 'Yann', published: '2025-03-18T09:41:07', text: 'Un commentaire.', parentIndex: undefined },
        { author: undefined, published: '2025-03-18T14:02:40', text: 'Une réponse.', parentIndex: 0 },
      ],
    });
    // Without the file's name (no one-thread reading), the document column is still required.
    expect(readCsv(csv).diagnostics).toMatchObject([{ code: 'missing-columns' }]);
  });

  it('reads an API response of nested listings: the lone first record the article, replies by nesting, a stub of unloaded records no unit, a "> " quote out of the text', () => {
    const listing = (...children: unknown[]): unknown => ({ kind: 'Listing', data: { after: null, children } });
    const thing = (kind: string, data: Record<string, unknown>): unknown => ({ kind, data });
    const response = [
      listing(thing('t3', { id: 'p1', name: 't3_p1', title: 'Un titre', selftext: 'Le billet. Qui sait ce qui bloque ?', author: 'Auteur', created_utc: 1741939101.0 })),
      listing(
        thing('t1', { id: 'c1', name: 't1_c1', parent_id: 't3_p1', link_id: 't3_p1', body: 'Premier.', author: 'Bea', created_utc: 1741939200, replies: listing(
          thing('t1', { id: 'c2', parent_id: 't1_c1', link_id: 't3_p1', body: 'Réponse.', author: 'Carl', created_utc: 1741939300, replies: '' }),
          thing('more', { count: 3, id: 'c9', parent_id: 't1_c1', children: ['c9', 'c10'] }),
        ) }),
        thing('t1', { id: 'c3', parent_id: 't3_p1', link_id: 't3_p1', body: '> Qui sait ce qui bloque ?\n\nLa volonté.', author: 'Dina', created_utc: 1741939400, replies: '' }),
      ),
    ];
    const { records, diagnostics } = readJson(JSON.stringify(response), 'post.json');
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['post.json']);
    expect(records[0]?.page).toMatchObject({
      title: 'Un titre', author: 'Auteur', published: '2025-03-14T07:58:21', body: 'Le billet. Qui sait ce qui bloque ?',
      comments: [
        { author: 'Bea', text: 'Premier.', parentIndex: undefined },
        { author: 'Carl', text: 'Réponse.', parentIndex: 0 },
        { author: 'Dina', text: 'La volonté.', parentIndex: undefined, quotesIndex: -1 },
      ],
    });
  });

  it('reads a comment-hosting API export: `thread` names the document, the nested author object its name, no article when one thread has several roots', () => {
    const { records } = readJsonLines([
      line({ thread: '100', id: '1', parent: null, message: '<p>Un.</p>', createdAt: '2025-03-10T18:22:09', author: { name: 'Gwen', username: 'g' } }),
      line({ thread: '100', id: '2', parent: 1, message: '<p>Deux.</p>', createdAt: '2025-03-10T19:05:47', author: { name: 'Dom', username: 'd' } }),
      line({ thread: '100', id: '3', parent: null, message: '<p>Trois.</p>', createdAt: '2025-03-10T20:41:30', author: { name: 'Hervé', isAnonymous: true } }),
      line({ thread: '200', id: '4', parent: null, message: '<p>Quatre.</p>', createdAt: '2025-03-14T08:10:55', author: { name: 'Dom' } }),
      line({ thread: '200', id: '5', parent: 4, message: '<p>Cinq.</p>', createdAt: '2025-03-14T09:48:26', author: { name: 'Gwen' } }),
    ].join('\n'), 'x.jsonl');
    expect(records.map((r) => r.id)).toEqual(['100', '200']);
    expect(records[0]?.page).toMatchObject({ body: '', comments: [{ author: 'Gwen', text: 'Un.' }, { author: 'Dom', parentIndex: 0 }, { author: 'Hervé', parentIndex: undefined }] });
    // The second thread has one root, but the file's other thread shows comments alone: not an article.
    expect(records[1]?.page).toMatchObject({ body: '', comments: [{ author: 'Dom', published: '2025-03-14T08:10:55', text: 'Quatre.' }, { author: 'Gwen', parentIndex: 0 }] });
  });

  it('reads a video comments CSV of a research tool: isReplyTo the parent, no document column, no article', () => {
    const csv = [
      '"id","replyCount","likeCount","publishedAt","authorName","text","isReply","isReplyTo","isReplyToName"',
      '"A","1","3","2025-03-12T18:40:22Z","@lea","Merci pour la vid&#39;éo.<br>Bravo.","0","",""',
      '"A.1","0","1","2025-03-12T19:05:10Z","@chaine","Merci Léa !","1","A","@lea"',
      '"B","0","5","2025-03-12T21:03:57Z","@yann","Petite nuance.","0","",""',
    ].join('\n');
    const { records, diagnostics } = readCsv(csv, undefined, 'video.csv');
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(records[0]?.page).toMatchObject({
      body: '',
      comments: [
        { author: '@lea', published: '2025-03-12T18:40:22', parentIndex: undefined },
        { author: '@chaine', text: 'Merci Léa !', parentIndex: 0 },
        { author: '@yann', parentIndex: undefined },
      ],
    });
  });
});
