/**
 * One Monaco model per file of the config, named by its path under the editor's own authority
 * (file://editor-1/etc/nginx/nginx.conf): findings, definitions and references name the file
 * they are in, and two editors on one page never share a model.
 */
import type * as Monaco from 'monaco-editor/editor'

export const LANGUAGE_ID = 'nginx'

export function uriOf(monaco: typeof Monaco, owner: string, path: string): Monaco.Uri {
  return monaco.Uri.from({ scheme: 'file', authority: owner, path })
}

/** The model for `path`, created with `text` if it does not exist yet. */
export function modelFor(monaco: typeof Monaco, owner: string, path: string, text: string): Monaco.editor.ITextModel {
  const uri = uriOf(monaco, owner, path)
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, LANGUAGE_ID, uri)
}
