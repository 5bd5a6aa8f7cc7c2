import { describe, expect, it } from 'vitest';
import { cleanScrapedText, stripMarkup } from '../../src/ingest/clean-text.js';

describe('cleanScrapedText', () => {
  it('removes the broken smiley images scrapers leave', () => {
    expect(cleanScrapedText('le petit frère.<img data-src=" />')).toBe('le petit frère. ');
  });

  it('decodes entities, with or without their semicolon', () => {
    expect(cleanScrapedText('src=&quothttps://exemple.fr &lt;b&gt; &eacute;t&eacute; a&nbsp;b')).toBe('src="https://exemple.fr <b> été a\u00a0b');
  });

  it('keeps markup a commenter wrote as text (escaped in the page) as text', () => {
    expect(cleanScrapedText('&lt;img id="captcha" src="x"&gt;')).toBe('<img id="captcha" src="x">');
  });

  it('turns paragraph and line-break tags into line breaks and drops inline tags', () => {
    expect(stripMarkup('Premier.<p>Second <i>vraiment</i> <a href="https://x.fr">lien</a>.<br/>Fin')).toBe('Premier.\nSecond vraiment lien.\nFin');
  });
});
