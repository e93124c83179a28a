/**
 * Runs a Monarch grammar with Monaco's own compiler and lexer (they need no DOM), so the tests
 * see the tokens the editor will show.
 */
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js'
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js'
import type { languages } from 'monaco-editor/editor'

export interface Token {
  line: number
  text: string
  /** Monarch's class without the language postfix (`keyword`, `variable`, `regexp`…). */
  type: string
}

const noDisposable = { dispose(): void {} }
/** The services the lexer asks for: no embedded languages, no configuration, no theme events. */
const languageService = { languageIdCodec: { encodeLanguageId: () => 1 }, isRegisteredLanguageId: () => false, requestBasicLanguageFeatures(): void {} }
const themeService = { onDidColorThemeChange: () => noDisposable }
const configurationService = { getValue: () => undefined, onDidChangeConfiguration: () => noDisposable }

export function tokenize(grammar: languages.IMonarchLanguage, text: string): Token[] {
  const tokenizer = new MonarchTokenizer(languageService, themeService, 'nginx', compile('nginx', grammar), configurationService)
  let state = tokenizer.getInitialState()
  const tokens: Token[] = []
  text.split('\n').forEach((lineText, index) => {
    const result = tokenizer.tokenize(lineText, true, state)
    result.tokens.forEach((token, i) => {
      const end = result.tokens[i + 1]?.offset ?? lineText.length
      const type = token.type.replace(/\.nginx$/, '')
      tokens.push({ line: index + 1, text: lineText.slice(token.offset, end), type })
    })
    state = result.endState
  })
  return tokens
}
