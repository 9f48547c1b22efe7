// word-extractor ships no type declarations; lib/plan/readers/doc.ts uses this much of it.
declare module "word-extractor" {
  interface WordDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
}

declare module "word-extractor/lib/word-ole-extractor.js" {
  const WordOleExtractor: { prototype: Record<string, unknown> };
  export default WordOleExtractor;
}
