/**
 * The nginx language services for the editor's worker: plain data in, plain data out.
 * tokens.ts (the Monarch grammar and language configuration) is the page's, imported on its own.
 */
export { analyse, type Analysis, type AnalysisInput } from './analysis.ts'
export { semanticTokens } from './semantic-tokens.ts'
export { foldingRanges, type FoldingRange } from './folding.ts'
export { hover } from './hover.ts'
export { completion } from './completion.ts'
export { definition, references } from './navigation.ts'
export { codeActions } from './code-actions.ts'
export { applyEdits } from './text-edits.ts'
export { lessonUrl } from './markdown.ts'
export { listenTargets, type ListenTarget } from './listen-targets.ts'
export { pointAtBackends } from './point-at-backends.ts'
export type {
  CodeAction, CompletionItem, CompletionKind, DiagnosticLike, HoverResult, Lang, Location, Position, Range, SemanticToken, SemanticTokenType, TextEdit,
} from './types.ts'
