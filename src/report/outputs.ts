/** The report files of the output contract, in the order they are written. */
export const REPORT_FILES = ['documents.csv', 'units.csv', 'stances.csv', 'claims.csv', 'claim_mentions.csv', 'phrases.csv', 'diagnostics.csv', 'report.html', 'manifest.json'] as const;
