/**
 * Findings as Monaco markers: nginx's `[emerg]` an error squiggle, `[warn]` a warning, the
 * lab's own voice information, and advice (a choice rather than a mistake) the faint hint dots.
 * The text is the finding's own; nothing here decides anything the engine did not.
 */
import type * as Monaco from 'monaco-editor/editor'
import type { Finding } from '../../../server/nginx/findings.ts'
import type { EditorLang } from '../messages.ts'

export const MARKER_OWNER = 'upgrade-lab'

export function markerOf(monaco: typeof Monaco, finding: Finding, lang: EditorLang): Monaco.editor.IMarkerData {
  const { MarkerSeverity } = monaco
  const severity =
    finding.severity === 'emerg'
      ? MarkerSeverity.Error
      : finding.severity === 'warn'
        ? MarkerSeverity.Warning
        : finding.advice
          ? MarkerSeverity.Hint
          : MarkerSeverity.Info
  const lab = finding.severity === 'lab'
  const text = lab && lang === 'zh' && finding.messageZh ? finding.messageZh : finding.text
  return {
    severity,
    message: lab ? text : `[${finding.severity}] ${text}`,
    source: lab ? 'Upgrade Lab' : 'nginx',
    code: finding.code,
    startLineNumber: finding.line,
    startColumn: finding.column,
    endLineNumber: finding.endLine,
    // An empty range (a finding at the end of the file) still needs one visible character.
    endColumn: finding.endLine === finding.line && finding.endColumn <= finding.column ? finding.column + 1 : finding.endColumn,
  }
}

/** Sets each model's markers from the findings that belong to its file (and clears the rest). */
export function setMarkers(
  monaco: typeof Monaco,
  models: ReadonlyMap<string, Monaco.editor.ITextModel>,
  findings: readonly Finding[],
  lang: EditorLang,
): void {
  for (const [path, model] of models) {
    const mine = findings.filter((f) => f.file === path).map((f) => markerOf(monaco, f, lang))
    monaco.editor.setModelMarkers(model, MARKER_OWNER, mine)
  }
}
