/**
 * Text fit for a terminal: every control character (ESC starting a colour or cursor sequence, BEL,
 * backspace, CR overwriting a line, the C1 range) becomes one space. Comment text and file names
 * are untrusted: "\u001b]0;owned\u0007" in a comment would otherwise retitle the user's terminal.
 */
export function terminalSafe(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ');
}
