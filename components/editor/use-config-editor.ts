/**
 * The life of one editor: Monaco and its models for the config's files, the engine worker that
 * checks them on every change, the findings it gives back as markers, and the page's theme.
 * ConfigEditor.vue renders around it; this file owns no markup.
 */
import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import type * as Monaco from 'monaco-editor/editor'
import type { Finding } from '../../server/nginx/findings.ts'
import type { ListenTarget } from './language/listen-targets.ts'
import { newOwner, registerSession } from './monaco/editor-registry.ts'
import { loadMonaco, type MonacoApi } from './monaco/load-monaco.ts'
import { announceVersionChange, registerNginxLanguage } from './monaco/nginx-language.ts'
import { setMarkers } from './monaco/markers.ts'
import { modelFor } from './monaco/models.ts'
import { followPageTheme } from './monaco/themes.ts'
import { say, type EditorLang } from './messages.ts'
import { createEngineClient, type EngineClient } from './worker/engine-client.ts'
import type { CheckOutcome, ConfigInput } from './worker/engine-protocol.ts'

export interface ConfigEditorState {
  files: Ref<Record<string, string>>
  main: Ref<string>
  version: Ref<string>
  lang: Ref<EditorLang>
  readOnly: Ref<boolean>
  /** Finding codes the learner silenced (the lab's hints; `check --ignore` does the same). */
  ignore: Ref<readonly string[]>
  budgetMs?: number
  onEdit(files: Record<string, string>): void
}

/** Measured from a model's change to its markers being set (npm run bench reads it). */
export const DIAGNOSTICS_MEASURE = 'upgrade-lab:diagnostics'
/** Marked when the editor can be typed in (npm run bench reads it). */
export const READY_MARK = 'upgrade-lab:editor-ready'

export function useConfigEditor(host: Ref<HTMLElement | null>, state: ConfigEditorState) {
  const status = ref<'loading' | 'ready' | 'failed'>('loading')
  const failure = ref('')
  const checking = ref(false)
  const outcome = shallowRef<CheckOutcome | null>(null)
  /** The findings shown: the outcome's, less the codes silenced. */
  const shown = computed(() => (outcome.value?.findings ?? []).filter((f) => !state.ignore.value.includes(f.code)))
  const notice = ref('')
  const active = ref(state.main.value)
  const stockFiles = shallowRef<Record<string, string>>({})
  /** Stock files opened in a tab (by the learner, a definition or a finding in them). */
  const opened = ref<string[]>([])

  const owner = newOwner()
  let monaco: MonacoApi | null = null
  let editor: Monaco.editor.IStandaloneCodeEditor | null = null
  let engine: EngineClient | null = null
  const models = new Map<string, Monaco.editor.ITextModel>()
  const cleanups: Array<() => void> = []

  const input = (): ConfigInput => {
    const files: Record<string, string> = {}
    for (const path of Object.keys(state.files.value)) files[path] = models.get(path)?.getValue() ?? state.files.value[path]
    return { main: state.main.value, files, version: state.version.value }
  }

  const runCheck = (): void => {
    if (!engine) return
    const started = performance.now()
    checking.value = true
    void engine.check(input()).then((result) => {
      if (!result) return
      const answeredMs = performance.now() - started
      checking.value = false
      outcome.value = result
      notice.value = ''
      // The first check may finish before Monaco has loaded: mount() sets its markers then.
      if (!monaco) return
      setMarkers(monaco, models, shown.value, state.lang.value)
      performance.measure(DIAGNOSTICS_MEASURE, { start: started, detail: { engineMs: result.engineMs, answeredMs } })
    })
  }

  const show = (path: string): boolean => {
    const model = models.get(path) ?? (stockFiles.value[path] !== undefined && monaco ? addModel(path, stockFiles.value[path]) : null)
    if (!model || !editor) return false
    active.value = path
    editor.setModel(model)
    const stock = state.files.value[path] === undefined
    if (stock && !opened.value.includes(path)) opened.value = [...opened.value, path]
    editor.updateOptions({ readOnly: stock || state.readOnly.value, readOnlyMessage: { value: say(state.lang.value, 'readOnly') } })
    return true
  }

  const addModel = (path: string, text: string): Monaco.editor.ITextModel => {
    const model = modelFor(monaco!, owner, path, text)
    models.set(path, model)
    if (state.files.value[path] !== undefined) {
      model.onDidChangeContent(() => {
        state.onEdit(input().files)
        runCheck()
      })
    }
    return model
  }

  const reveal = (path: string, range: Monaco.IRange): boolean => {
    if (!show(path) || !editor) return false
    editor.revealRangeInCenterIfOutsideViewport(range)
    editor.setSelection(range)
    editor.focus()
    return true
  }

  /** Selects a whole line (a decision's `file:line` in the hop trace), the indentation left out. */
  const revealLine = (path: string, line: number): boolean => {
    if (!show(path)) return false
    const model = models.get(path)
    if (!model || line < 1 || line > model.getLineCount()) return false
    const start = model.getLineFirstNonWhitespaceColumn(line) || 1
    return reveal(path, { startLineNumber: line, startColumn: start, endLineNumber: line, endColumn: model.getLineMaxColumn(line) })
  }

  /** Monaco's Format Document, which asks the engine's formatter (providers.ts). */
  const format = (): void => {
    void editor?.getAction('editor.action.formatDocument')?.run()
  }

  const mount = async (): Promise<void> => {
    // The engine's worker starts and checks while Monaco loads: both take a while, neither needs the other.
    engine = createEngineClient({
      budgetMs: state.budgetMs,
      onCut: (_what, budgetMs) => {
        checking.value = false
        notice.value = say(state.lang.value, 'cut', { ms: budgetMs })
      },
    })
    const mountStarted = performance.now()
    runCheck()
    try {
      monaco = await loadMonaco()
    } catch (error) {
      status.value = 'failed'
      failure.value = say(state.lang.value, 'failedToLoad', { reason: error instanceof Error ? error.message : String(error) })
      return
    }
    if (!host.value) return
    registerNginxLanguage(monaco)
    cleanups.push(
      registerSession(owner, {
        engine,
        input,
        lang: () => state.lang.value,
        open: (path, range) => (range ? reveal(path, range) : show(path)),
        ensureModel: (path) => models.has(path) || (stockFiles.value[path] !== undefined && Boolean(addModel(path, stockFiles.value[path]))),
        notify: (message) => (notice.value = message),
      }),
    )
    for (const path of Object.keys(state.files.value)) addModel(path, state.files.value[path])
    editor = monaco.editor.create(host.value, {
      model: models.get(state.main.value) ?? null,
      automaticLayout: true,
      'semanticHighlighting.enabled': true,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      // Long lines (log_format, a map's regex) wrap rather than hide past a phone's edge.
      wordWrap: 'on',
      wrappingIndent: 'indent',
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 6,
      tabSize: 4,
      insertSpaces: true,
      fontSize: 13,
      readOnly: state.readOnly.value,
    })
    cleanups.push(followPageTheme((theme) => monaco!.editor.setTheme(theme)))
    status.value = 'ready'
    performance.mark(READY_MARK)
    if (outcome.value) {
      setMarkers(monaco, models, shown.value, state.lang.value)
      performance.measure(DIAGNOSTICS_MEASURE, { start: mountStarted, detail: { engineMs: outcome.value.engineMs } })
    }
    stockFiles.value = (await engine.ask('stock files', (api) => api.stockFiles())) ?? {}
  }

  // Files replaced from outside (a preset, a shared link): the models follow without a loop.
  watch(state.files, (files) => {
    // A changed text re-checks through its model's change event; a file added or gone does not.
    let setChanged = false
    for (const path of Object.keys(files)) {
      const model = models.get(path)
      if (model && model.getValue() !== files[path]) model.setValue(files[path])
      if (!model && monaco) {
        addModel(path, files[path])
        setChanged = true
      }
    }
    // A file the new set no longer has goes (a stock file's read-only model stays).
    for (const [path, model] of models) {
      if (files[path] !== undefined || stockFiles.value[path] !== undefined) continue
      models.delete(path)
      if (active.value === path) show(state.main.value)
      model.dispose()
      setChanged = true
    }
    if (setChanged) runCheck()
  })
  watch(state.version, () => {
    runCheck()
    announceVersionChange()
  })
  watch([state.lang, state.ignore], () => {
    if (monaco && outcome.value) setMarkers(monaco, models, shown.value, state.lang.value)
  })

  onBeforeUnmount(() => {
    for (const cleanup of cleanups) cleanup()
    editor?.dispose()
    for (const model of models.values()) model.dispose()
    engine?.dispose()
  })

  /** Where clients can connect to the editor's current files, by the engine (a check of its own). */
  const targets = async (): Promise<ListenTarget[]> => (engine ? ((await engine.ask('listen targets', (api) => api.targets(input()))) ?? []) : [])

  /** Points the config's upstream addresses at the lab's backends (one undoable edit per file); how many addresses changed. */
  const pointAtBackends = async (): Promise<number> => {
    const edits = (engine && monaco ? await engine.ask('point at backends', (api) => api.pointAtBackends(input())) : null) ?? []
    for (const [path, model] of models) {
      const mine = edits.filter((e) => e.file === path)
      if (mine.length === 0 || state.files.value[path] === undefined) continue
      model.pushEditOperations(
        [],
        mine.map((e) => ({ range: new monaco!.Range(e.range.line, e.range.column, e.range.endLine, e.range.endColumn), text: e.text })),
        () => null,
      )
    }
    return edits.length
  }

  return { status, failure, checking, outcome, shown, notice, active, stockFiles, opened, mount, show, reveal, revealLine, format, targets, pointAtBackends }
}

export type { Finding }
