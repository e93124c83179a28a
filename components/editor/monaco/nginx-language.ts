/**
 * The `nginx` language in Monaco, registered once per page: its grammar and editing rules
 * (language/tokens.ts), the providers that ask each editor's engine worker (providers.ts), and
 * the opener that lets a definition in another file of the config open that file's tab.
 */
import type * as Monaco from 'monaco-editor/editor'
import { nginxLanguageConfiguration, nginxMonarch } from '../language/tokens.ts'
import { sessionOf } from './editor-registry.ts'
import type { MonacoApi } from './load-monaco.ts'
import { LANGUAGE_ID } from './models.ts'
import { registerProviders } from './providers.ts'

let versionChanged: Monaco.Emitter<void> | null = null

export function registerNginxLanguage(monaco: MonacoApi): void {
  if (versionChanged) return
  versionChanged = new monaco.Emitter<void>()
  monaco.languages.register({ id: LANGUAGE_ID, aliases: ['nginx'] })
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, nginxLanguageConfiguration)
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, nginxMonarch)
  registerProviders(monaco, versionChanged.event)
  monaco.editor.registerEditorOpener({
    openCodeEditor(_source, resource, selection) {
      const session = sessionOf(resource)
      if (!session) return false
      const range = selection && 'startLineNumber' in selection ? selection : selection ? { startLineNumber: selection.lineNumber, startColumn: selection.column, endLineNumber: selection.lineNumber, endColumn: selection.column } : undefined
      return session.open(resource.path, range)
    },
  })
}

/** Semantic tokens depend on the release (a directive unknown to one is known to another). */
export function announceVersionChange(): void {
  versionChanged?.fire()
}
