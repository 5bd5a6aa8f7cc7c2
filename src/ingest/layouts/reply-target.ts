/** Who a post answers, when the page names the author it replies to. */

// "en réponse à mireille.b", "Réponse à @Kevin_dev", "↩ Kevin_dev"
const REPLY_TO = /^(?:en réponse à|réponse à|répondre à|in reply to|↩)\s*@?(\S{2,60})$/iu;

/** The author named by an "en réponse à X" line, or undefined when the line is not one. */
export function replyToAuthor(line: string): string | undefined {
  return REPLY_TO.exec(line.trim())?.[1];
}

/**
 * Index of the latest earlier post by `author`: a comment index, -1 when it is the article's
 * author and no comment of theirs came before, undefined when nobody of that name posted.
 */
export function latestPostBy(author: string, comments: readonly { readonly author?: string }[], articleAuthor?: string): number | undefined {
  const key = author.toLowerCase();
  for (let k = comments.length - 1; k >= 0; k -= 1) if (comments[k]!.author?.toLowerCase() === key) return k;
  return articleAuthor?.toLowerCase() === key ? -1 : undefined;
}
