/**
 * Monaco, loaded once and only when an editor mounts: a page without an editor loads none of
 * it, and server-side rendering (VitePress) never reaches it. The lean `monaco-editor/editor`
 * entry has no bundled languages; features.ts picks the editor features.
 */
import type * as Monaco from 'monaco-editor/editor'
import { defineThemes } from './themes.ts'

export type MonacoApi = typeof Monaco

let loading: Promise<MonacoApi> | null = null

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= load()
  return loading
}

async function load(): Promise<MonacoApi> {
  const [monaco, , { default: EditorWorker }] = await Promise.all([
    import('monaco-editor/editor'),
    import('./features.ts'),
    import('monaco-editor/editor/editor.worker?worker'),
  ])
  // Monaco's own worker (word ranges, links…); the nginx engine has a worker of its own.
  self.MonacoEnvironment = { getWorker: () => new EditorWorker() }
  defineThemes(monaco)
  return monaco
}
