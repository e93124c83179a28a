/**
 * The `nginx` language in Monaco, registered once per page: its grammar and editing rules, and
 * the providers that ask the editor's engine worker (hover, completion, definitions, quick
 * fixes, formatting, semantic tokens).
 */
import type { MonacoApi } from './load-monaco.ts'
import { LANGUAGE_ID } from './models.ts'

let registered = false

export function registerNginxLanguage(monaco: MonacoApi): void {
  if (registered) return
  registered = true
  monaco.languages.register({ id: LANGUAGE_ID, aliases: ['nginx'] })
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: [['{', '}'], ['(', ')']],
    autoClosingPairs: [{ open: '{', close: '}' }, { open: '"', close: '"' }, { open: "'", close: "'" }],
  })
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/\$\{?\w+\}?/, 'variable'],
        [/[{}]/, '@brackets'],
      ],
    },
  })
}
