// natural ships no declaration for its per-language stemmer files; only this subpath is imported.
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
