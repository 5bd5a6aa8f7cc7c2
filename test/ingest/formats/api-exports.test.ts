import { describe, expect, it } from 'vitest';
import { fieldKeyOf } from '../../../src/ingest/formats/flat-records.js';
import { readCsv } from '../../../src/ingest/formats/read-csv.js';
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
});
