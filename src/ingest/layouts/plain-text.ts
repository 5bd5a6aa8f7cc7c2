import type { PageLayout } from './layout.js';

/** Fallback for page text with no recognised thread: the whole page is one article unit. */
export const plainTextLayout: PageLayout = {
  name: 'plain-text',
  recognise: () => true,
  parse(text) {
    return {
      page: { body: text, comments: [] },
      diagnostics: [{ level: 'info', code: 'no-thread-recognised', message: 'no comment thread recognised; the whole page is one article unit' }],
    };
  },
};
