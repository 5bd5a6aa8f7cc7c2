import { parseArticlePart } from './article-part.js';
import type { PageLayout } from './layout.js';

/**
 * Fallback for page text with no recognised thread: the whole page is one article unit. Title,
 * byline and date lines are taken as metadata and page furniture (cookie banners, share bars,
 * newsletter blurbs) is dropped, as on any other page; a diagnostics row says no thread was found.
 */
export const plainTextLayout: PageLayout = {
  name: 'plain-text',
  recognise: () => true,
  parse(text, lines) {
    const article = parseArticlePart(lines);
    return {
      page: { ...article, comments: [] },
      diagnostics: [{ level: 'info', code: 'no-thread-recognised', message: 'no comment thread recognised; the whole page is one article unit' }],
    };
  },
};
