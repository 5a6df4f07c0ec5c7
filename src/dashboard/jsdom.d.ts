// The part of jsdom's API the tests use (jsdom ships no types of its own): pages for the vendor bundle
// test, XML (a .docx's parts) for the annual follow-up's.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: { contentType?: string });
    readonly window: Window & typeof globalThis;
  }
}
