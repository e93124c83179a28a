/**
 * Monaco's language providers for `nginx`: each asks the editor's engine worker (through the
 * editor session its model belongs to) and turns the plain answer into Monaco's types. No
 * nginx knowledge here: hovers, completions, definitions, quick fixes and formatting are the
 * language services' (components/editor/language/), run on the engine's result.
 */
import type * as Monaco from 'monaco-editor/editor'
import type { CompletionKind, Range } from '../language/index.ts'
import type { FormatOutcome } from '../worker/engine-protocol.ts'
import { sessionOf, type EditorSession } from './editor-registry.ts'
import { LANGUAGE_ID, uriOf } from './models.ts'

/** Semantic token types and modifiers: a theme rule `directive.unknown` colours type+modifier. */
export const TOKEN_LEGEND = { tokenTypes: ['directive', 'variable'], tokenModifiers: ['unknown', 'builtin', 'defined'] }

export function toMonacoRange(range: Range): Monaco.IRange {
  return { startLineNumber: range.line, startColumn: range.column, endLineNumber: range.endLine, endColumn: range.endColumn }
}

function fromMonacoRange(range: Monaco.IRange): Range {
  return { line: range.startLineNumber, column: range.startColumn, endLine: range.endLineNumber, endColumn: range.endColumn }
}

const at = (position: Monaco.Position) => ({ line: position.lineNumber, column: position.column })

/**
 * `answer` if the model has not changed while it was computed, else null. Monaco asks for
 * whole-document answers (tokens, folding) after a pause in typing; one that arrives after the
 * next keystroke describes a text that is gone, and applied it would name columns past a line's end.
 */
async function forThisText<T>(model: Monaco.editor.ITextModel, answer: Promise<T | null> | undefined): Promise<T | null> {
  const version = model.getVersionId()
  const value = await answer
  return model.isDisposed() || model.getVersionId() !== version ? null : (value ?? null)
}

export function registerProviders(monaco: typeof Monaco, versionChanged: Monaco.IEvent<void>): void {
  const { languages } = monaco
  const session = (model: Monaco.editor.ITextModel): EditorSession | undefined => sessionOf(model.uri)
  const location = (s: EditorSession, owner: string, file: string, range: Range): Monaco.languages.Location => {
    s.ensureModel(file)
    return { uri: uriOf(monaco, owner, file), range: toMonacoRange(range) }
  }

  languages.registerHoverProvider(LANGUAGE_ID, {
    async provideHover(model, position) {
      const s = session(model)
      const answer = await s?.engine.ask('hover', (api) => api.hover(model.uri.path, at(position), s.lang()))
      if (!answer) return null
      return { range: toMonacoRange(answer.range), contents: [{ value: answer.markdown }] }
    },
  })

  languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ['$', '/', ' '],
    async provideCompletionItems(model, position) {
      const s = session(model)
      const items = await s?.engine.ask('completion', (api) => api.completion(model.uri.path, model.getValue(), at(position), s.lang()))
      return {
        suggestions: (items ?? []).map((item) => ({
          label: item.label,
          kind: completionKind(monaco, item.kind),
          insertText: item.insertText,
          insertTextRules: item.isSnippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          detail: item.detail,
          documentation: { value: item.documentation },
          range: toMonacoRange(item.range),
        })),
      }
    },
  })

  languages.registerDefinitionProvider(LANGUAGE_ID, {
    async provideDefinition(model, position) {
      const s = session(model)
      const found = await s?.engine.ask('definition', (api) => api.definition(model.uri.path, at(position)))
      return (found ?? []).map((l) => location(s!, model.uri.authority, l.file, l.range))
    },
  })

  languages.registerReferenceProvider(LANGUAGE_ID, {
    async provideReferences(model, position) {
      const s = session(model)
      const found = await s?.engine.ask('references', (api) => api.references(model.uri.path, at(position)))
      return (found ?? []).map((l) => location(s!, model.uri.authority, l.file, l.range))
    },
  })

  languages.registerCodeActionProvider(
    LANGUAGE_ID,
    {
      async provideCodeActions(model, range, context) {
        const s = session(model)
        if (!s) return { actions: [], dispose() {} }
        // Every marker of an nginx model is the engine's (markers.ts sets them all).
        const markers = context.markers
        const diagnostics = markers.map((m) => ({
          ...fromMonacoRange(m),
          code: typeof m.code === 'string' ? m.code : (m.code?.value ?? ''),
          message: m.message,
        }))
        const found = (await s.engine.ask('code actions', (api) => api.codeActions(model.uri.path, fromMonacoRange(range), diagnostics))) ?? []
        const owner = model.uri.authority
        return {
          actions: found.map((action) => ({
            title: s.lang() === 'zh' ? action.titleZh : action.title,
            kind: action.diagnosticCode ? 'quickfix' : 'refactor',
            isPreferred: action.isPreferred,
            diagnostics: markers.filter((m) => m.code === action.diagnosticCode || (typeof m.code === 'object' && m.code.value === action.diagnosticCode)),
            edit: {
              edits: action.edits.map((edit) => {
                s.ensureModel(edit.file)
                return { resource: uriOf(monaco, owner, edit.file), textEdit: { range: toMonacoRange(edit.range), text: edit.text }, versionId: undefined }
              }),
            },
          })),
          dispose() {},
        }
      },
    },
    { providedCodeActionKinds: ['quickfix', 'refactor'] },
  )

  languages.registerDocumentFormattingEditProvider(LANGUAGE_ID, {
    async provideDocumentFormattingEdits(model) {
      const s = session(model)
      const formatted = await s?.engine.ask<FormatOutcome>('format', (api) => api.format(model.getValue()))
      if (!formatted) return []
      if (!formatted.ok) {
        s!.notify(formatted.reason)
        return []
      }
      return [{ range: model.getFullModelRange(), text: formatted.text }]
    },
  })

  languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    async provideFoldingRanges(model) {
      const s = session(model)
      const ranges = await forThisText(model, s?.engine.ask('folding', (api) => api.foldingRanges(model.uri.path)))
      if (!ranges) return null
      return ranges.map((r) => ({ start: r.start, end: r.end, kind: r.kind ? new monaco.languages.FoldingRangeKind(r.kind) : undefined }))
    },
  })

  languages.registerDocumentSemanticTokensProvider(LANGUAGE_ID, {
    onDidChange: versionChanged,
    getLegend: () => TOKEN_LEGEND,
    async provideDocumentSemanticTokens(model) {
      const s = session(model)
      const tokens = await forThisText(model, s?.engine.ask('semantic tokens', (api) => api.semanticTokens(model.uri.path)))
      // null keeps the tokens shown; Monaco asks again after the next change.
      return tokens ? { data: encodeTokens(tokens) } : null
    },
    releaseDocumentSemanticTokens() {},
  })
}

/** Monaco's relative encoding: per token, line delta, column delta (on the same line), length, type, modifiers. */
export function encodeTokens(tokens: ReadonlyArray<{ line: number; column: number; length: number; type: string }>): Uint32Array {
  const sorted = [...tokens].sort((a, b) => a.line - b.line || a.column - b.column)
  const data = new Uint32Array(sorted.length * 5)
  let line = 1
  let column = 1
  sorted.forEach((token, i) => {
    const [type, modifier] = token.type.split('.')
    data[i * 5] = token.line - line
    data[i * 5 + 1] = token.line === line ? token.column - column : token.column - 1
    data[i * 5 + 2] = token.length
    data[i * 5 + 3] = TOKEN_LEGEND.tokenTypes.indexOf(type)
    data[i * 5 + 4] = modifier ? 1 << TOKEN_LEGEND.tokenModifiers.indexOf(modifier) : 0
    line = token.line
    column = token.column
  })
  return data
}

function completionKind(monaco: typeof Monaco, kind: CompletionKind): Monaco.languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind
  return { directive: K.Keyword, block: K.Struct, value: K.EnumMember, variable: K.Variable, upstream: K.Reference, unit: K.Unit }[kind]
}
