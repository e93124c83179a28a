/** Monaco's Monarch compiler and lexer, which ship without declarations: what the tests use of them. */
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js' {
  export function compile(languageId: string, json: unknown): unknown
}

declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js' {
  export interface MonarchState {
    clone(): MonarchState
  }
  export class MonarchTokenizer {
    constructor(languageService: unknown, themeService: unknown, languageId: string, lexer: unknown, configurationService: unknown)
    getInitialState(): MonarchState
    tokenize(line: string, hasEOL: boolean, state: MonarchState): { tokens: Array<{ offset: number; type: string }>; endState: MonarchState }
  }
}
