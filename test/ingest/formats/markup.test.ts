import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../../src/ingest/formats/markup.js';

describe('plainTextOf', () => {
  it('turns HTML stored in an export field into its text, blocks on their own lines', () => {
    expect(plainTextOf('<p>Bravo&nbsp;!</p><p>Mais l&rsquo;État <b>paiera</b>.</p><script>x()</script>')).toBe('Bravo\u00a0!\nMais l’État paiera.');
  });

  it('decodes entities in text without tags', () => {
    expect(plainTextOf('Il a dit &quot;non&quot; &amp; rien d&#039;autre')).toBe('Il a dit "non" & rien d\'autre');
  });

  it('leaves text without markup as it is, comparisons included', () => {
    for (const text of ['a < b et c > d', 'x<3 mais y>2', 'R&D, AT&T', '  espaces  ']) expect(plainTextOf(text)).toBe(text);
  });
});
