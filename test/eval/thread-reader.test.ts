import { describe, expect, it } from 'vitest';
import { leaveOneKindOut, scoreThreadSet } from '../ingest/gold-units.js';
import { type LineRoleModel, trainRoleModel } from '../../src/ingest/line-roles/role-model.js';
import { labelledThreadPages, leaveOneKindOutWithModel, syntheticTrainingPages, trainingPages } from '../ingest/line-roles/thread-set-pages.js';

// Floors at the figures reached when the reader was written (docs/thread-reader.md): a change that
// reads the development set worse fails here. Raise them when the reader gets better. The generic
// cues alone read the set at 0.962 (author 0.973, date 0.985, parent 0.951); the line-role model
// alone, tried first when confident, at 0.886; both readings kept side by side, the one that
// explains the page better with the cues' header metadata on the model's units, at 0.954 (author
// 0.968, date 0.978, parent 0.951). With the chat, signed-post and answer-header cues, nine new
// kinds (465 gold units) and the model read only where the cues' headers are inconsistent: 0.967
// (author 0.976, date 0.987, parent 0.957), leave-one-kind-out 0.960, 0.957 with the model retrained. With the
// four saved HTML pages of generated class names (branch reader-html, 495 gold units), each read at
// 1.0: 0.969 (author 0.978, date 0.988, parent 0.960), leave-one-kind-out 0.963, 0.960 with the model retrained. With the
// seven pages of six kinds the held-out notes still read at 0 (branch reader-kinds, 541 gold units), each read at 1.0:
// 0.971 (author 0.980, date 0.989, parent 0.963), leave-one-kind-out 0.966, 0.963 with the model retrained. With the
// three saved HTML pages of related-article lists beside comments (branch html-inferred, 556 gold units), each read at 1.0:
// 0.972 (author 0.980, date 0.989, parent 0.964), leave-one-kind-out 0.967, 0.964 with the model retrained. With the model
// trained on 20 synthetic pages besides (branch reader-synth): 0.967 with the model retrained, but not shipped
// (the model alone read unseen kinds worse: SYNTHETIC_TRAINING_PAGES is 0). With the 16 kinds of the
// third held-out set moved in (branch reader-round-4, 666 gold units, reader unchanged): 0.875 (author
// 0.865, date 0.907, parent 0.898), leave-one-kind-out 0.871, 0.870 with the model retrained. With the reader
// changed for their shapes and the model retrained (same branch): 0.966 (author 0.971, date 0.983, parent
// 0.961), leave-one-kind-out 0.960, 0.960 with the model retrained. With the 16 kinds of the fourth
// held-out set moved in (branch reader-round-5, 779 gold units, reader unchanged): 0.883 (author 0.858,
// date 0.877, parent 0.879), leave-one-kind-out 0.878, 0.881 with the model retrained. With the reader
// changed for their shapes and the model retrained (same branch): 0.939 (author 0.936, date 0.956, parent
// 0.946), leave-one-kind-out 0.934, 0.934 with the model retrained. With the 16 kinds of the fifth
// held-out set moved in (branch reader-round-6, 883 gold units, reader unchanged): 0.883 (author 0.864,
// date 0.894, parent 0.891), leave-one-kind-out 0.879, 0.878 with the model retrained. With schema
// inference for exports of unknown field names, reply links in export text and labelled HTML dates (same
// branch, no model retraining): 0.902 (author 0.892, date 0.915, parent 0.916), leave-one-kind-out 0.897,
// 0.892 (0.897 in a second run) with the model retrained. Model retrained on the moved pages (main, stop 21):
// 0.906 (author 0.897, date 0.916, parent 0.916), leave-one-kind-out 0.901, 0.897 with the model retrained.
// With the 16 kinds of the sixth held-out set moved in (branch reader7, 991 gold units, reader unchanged):
// 0.839 (author 0.821, date 0.853, parent 0.858), leave-one-kind-out 0.835, 0.831 with the model retrained.
// With alias and inferred export readings compared, owned records, packed comment cells and generic
// text and HTML cues (same branch, model retrained): 0.882 (author 0.881, date 0.903, parent 0.904),
// leave-one-kind-out 0.872, 0.869 with the model retrained. With the 16 kinds of the seventh held-out
// set moved in (branch reader8, 1107 gold units, reader unchanged, model retrained on the moved text
// copies): 0.835 (author 0.824, date 0.855, parent 0.882), leave-one-kind-out 0.826, 0.821 with the
// model retrained. With listings, menu rows, template labels, badges, counters, copies, record owners,
// survey answers and quote links read (same branch, model retrained): 0.886 (author 0.867, date 0.899,
// parent 0.898), leave-one-kind-out 0.877, 0.873 with the model retrained. With the 16 kinds of the
// eighth held-out set moved in (branch reader9, 1221 gold units, reader unchanged, model retrained on
// the moved text copies): 0.841 (author 0.813, date 0.839, parent 0.857), leave-one-kind-out 0.832,
// 0.829 with the model retrained. With the record template induced from repetition filling the names,
// dates and parents of units a reading left without (same branch): 0.841 (author 0.818, date 0.840,
// parent 0.858), leave-one-kind-out 0.832, 0.829 with the model retrained.
const FLOORS = { f1: 0.840, author: 0.817, published: 0.839, parent: 0.857 } as const;
const FLOORS_PER_EXPORT = ['csv-export', 'json-flat', 'jsonl-flat', 'facepager-csv', 'reddit-json', 'disqus-jsonl', 'ytdt-csv', 'html-news', 'html-blog', 'html-social-post', 'html-js-news', 'html-utility-forum', 'html-discussion-group', 'html-msg-cards', 'html-related-links', 'html-link-comments', 'html-regional', 'html-xenforo', 'telegram-json', 'mastodon-context', 'fourcat-csv', 'html-smf', 'html-wix-blog', 'hypothesis-jsonl', 'jira-csv', 'rocketchat-json'];
const LEAVE_ONE_KIND_OUT_F1 = 0.831;
/** Leave-one-kind-out with the line-role model retrained without each kind: the whole reader's honest figure. */
const LEAVE_ONE_KIND_OUT_WITH_MODEL_F1 = 0.828;

describe('thread reader on the development set (eval/threads)', () => {
  const score = scoreThreadSet();

  it('keeps unit F1 and author/date/parent accuracy at or above their floors', () => {
    const { f1, author, published, parent } = score.overall;
    for (const [name, value] of Object.entries({ f1, author, published, parent })) {
      expect(value, name).toBeGreaterThanOrEqual(FLOORS[name as keyof typeof FLOORS]);
    }
  });

  it.each(FLOORS_PER_EXPORT)('reads every unit of %s with its metadata', (kind) => {
    expect(score.perKind.get(kind)).toMatchObject({ f1: 1, author: 1, published: 1, parent: 1 });
  });

  it('keeps the leave-one-kind-out unit F1 at or above its floor', () => {
    expect(scoreThreadSet(undefined, leaveOneKindOut).overall.f1).toBeGreaterThanOrEqual(LEAVE_ONE_KIND_OUT_F1);
  });

  it('keeps the leave-one-kind-out unit F1 with the model retrained without each kind at or above its floor', async () => {
    // One model per kind of text copy (seven minutes on a loaded machine once the seventh set joined),
    // yielding between trainings: a minute of training in one synchronous block
    // starves vitest's worker messages ("Timeout calling onTaskUpdate").
    // Each model also sees the synthetic pages, as the shipped one does.
    const pages = labelledThreadPages();
    const synthetic = syntheticTrainingPages();
    const models = new Map<string, LineRoleModel>();
    for (const kind of new Set(pages.map((p) => p.kind))) {
      models.set(kind, trainRoleModel(trainingPages(pages.filter((p) => p.kind !== kind), synthetic)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(scoreThreadSet(undefined, leaveOneKindOutWithModel(models)).overall.f1).toBeGreaterThanOrEqual(LEAVE_ONE_KIND_OUT_WITH_MODEL_F1);
  }, 600_000);
});
