/**
 * Monaco registers language providers once per language, but every editor on a page has its
 * own files, version and engine worker. Providers find theirs by the model's URI authority.
 */
import type * as Monaco from 'monaco-editor/editor'
import type { EditorLang } from '../messages.ts'
import type { EngineClient } from '../worker/engine-client.ts'
import type { ConfigInput } from '../worker/engine-protocol.ts'

export interface EditorSession {
  engine: EngineClient
  /** The config as it is now (every file's current text). */
  input(): ConfigInput
  lang(): EditorLang
  /** Shows `path` in the editor (a tab) and selects `range` there; false if there is no such file. */
  open(path: string, range?: Monaco.IRange): boolean
  /** Makes sure a model exists for `path` (a stock file a definition or a fix points into). */
  ensureModel(path: string): boolean
  /** Says something to the learner in the editor's status line (a file that cannot be formatted). */
  notify(message: string): void
}

const sessions = new Map<string, EditorSession>()
let next = 0

/** A new owner name (the URI authority) for an editor. */
export function newOwner(): string {
  return `editor-${++next}`
}

export function registerSession(owner: string, session: EditorSession): () => void {
  sessions.set(owner, session)
  return () => sessions.delete(owner)
}

export function sessionOf(uri: Monaco.Uri): EditorSession | undefined {
  return sessions.get(uri.authority)
}
