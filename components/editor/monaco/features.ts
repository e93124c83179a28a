/**
 * The editor features the nginx editor uses, and nothing else: Monaco's full set costs about
 * 0.9 MB more JavaScript (and its languages and workers far more), while a learner needs
 * hovers, completion, quick fixes, navigation, folding, find and formatting.
 *
 * Three imports reach Monaco's internal paths because 0.57's `features/*` entries leave them
 * out: the suggest widget (features/suggest registers only inline completions), Go to
 * Definition / Find References as commands (features/gotoSymbol registers only Ctrl+click),
 * and whole-document semantic tokens (features/semanticTokens registers only the viewport kind).
 */
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codeAction/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/gotoSymbol/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/readOnlyMessage/register'
import 'monaco-editor/features/referenceSearch/register'
import 'monaco-editor/features/semanticTokens/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands'
import 'monaco-editor/editor/contrib/semanticTokens/browser/documentSemanticTokens'
