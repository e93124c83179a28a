/**
 * The `nginx` language's syntax for Monaco: a Monarch grammar and the language configuration,
 * as plain objects for `monaco.languages.setMonarchTokensProvider` / `setLanguageConfiguration`.
 * Syntax only — which directives and variables are known comes from the engine, as semantic
 * tokens (semantic-tokens.ts). Imported by the page, so it imports no engine code.
 *
 * The grammar follows ngx_conf_read_token's words: a statement's first word is its name; `#`
 * starts a comment only where a word could start; quotes take `\` escapes; `$var` and
 * `${var}` are variables outside single quotes too (nginx compiles them there as well).
 */
import type { languages } from 'monaco-editor/editor'

/** A word's characters outside quotes (what ends a word: space, `;`, `{`, `}`, a quote). */
const WORD = /[^\s;{}"'$\\]+/
const VARIABLE = /\$\{[A-Za-z0-9_]*\}|\$[A-Za-z0-9_]+/
/** `60s`, `1h30m`, `64k`, `1.1`, `8`: a number, with nginx's units, standing as a whole word. */
const NUMBER = /\d+(?:\.\d+)*(?:ms|[smhdwMykKmgG])?(?:\d+(?:ms|[smhdwMy]))*(?=[\s;{}]|$)/
/** A regex written as a bare word; `{` cannot stand in one unquoted (nginx ends the word there). */
const REGEX_WORD = /[^\s;{}"']+/

type Rules = languages.IMonarchLanguageRule[]

const space: Rules = [
  [/[ \t\r\n]+/, ''],
  [/#.*$/, 'comment'],
]

/** Values: strings, variables, numbers, escapes, plain words. */
const value: Rules = [
  [/"/, { token: 'string.quote', next: '@doubleQuoted' }],
  [/'/, { token: 'string.quote', next: '@singleQuoted' }],
  [VARIABLE, 'variable'],
  [NUMBER, 'number'],
  [/\\./, 'string.escape'],
  [WORD, ''],
  [/[$\\]/, ''],
]

/** The end of a statement: `;`, or a `{` / `}` (a missing `;` is the engine's to report). */
const statementEnd: Rules = [
  [/;/, { token: 'delimiter', next: '@pop' }],
  [/\{/, { token: 'delimiter.curly', next: '@pop' }],
  [/\}/, { token: 'delimiter.curly', next: '@pop' }],
]

function quoted(quote: '"' | "'", token: string, end: languages.IMonarchLanguageAction): Rules {
  return [
    [quote === '"' ? /[^"\\$]+/ : /[^'\\$]+/, token],
    [VARIABLE, 'variable'],
    [/\\./, 'string.escape'],
    [/[$\\]/, token],
    [quote === '"' ? /"/ : /'/, end],
  ]
}

export const nginxMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.nginx',
  tokenizer: {
    // Where a statement may start: its name, or a brace.
    root: [
      { include: '@space' },
      [/[{}]/, 'delimiter.curly'],
      [/;/, 'delimiter'],
      [/location(?=[\s{]|$)/, { token: 'keyword', next: '@location' }],
      [/map(?=\s|$)/, { token: 'keyword', next: '@mapHead' }],
      [/if(?=[\s(]|$)/, { token: 'keyword', next: '@condition' }],
      [/rewrite(?=\s|$)/, { token: 'keyword', next: '@rewrite' }],
      [/server_name(?=\s|$)/, { token: 'keyword', next: '@serverName' }],
      [/[^\s;{}#"'][^\s;{}"']*/, { token: 'keyword', next: '@arguments' }],
      { include: '@value' },
    ],
    space,
    value,
    statementEnd,
    arguments: [{ include: '@space' }, { include: '@statementEnd' }, { include: '@value' }],
    doubleQuoted: quoted('"', 'string', { token: 'string.quote', next: '@pop' }),
    singleQuoted: quoted("'", 'string', { token: 'string.quote', next: '@pop' }),

    // `location [= | ~ | ~* | ^~] uri {`: after `~`, `~*` (or glued to them) a regex.
    location: [
      { include: '@space' },
      { include: '@statementEnd' },
      [/~\*?(?=\s)/, { token: 'operator', next: '@regex' }],
      [/(~\*?)(")/, ['operator', { token: 'regexp', next: '@regexDoubleQuoted' }]],
      [/(~\*?)(')/, ['operator', { token: 'regexp', next: '@regexSingleQuoted' }]],
      [/(~\*?)([^\s;{}"']+)/, ['operator', 'regexp']],
      [/=|\^~/, 'operator'],
      [/@[^\s;{}]+/, 'type.identifier'],
      { include: '@value' },
    ],
    // One regex word, then back to the statement that expects it.
    regex: [
      { include: '@space' },
      [/"/, { token: 'regexp', switchTo: '@regexDoubleQuoted' }],
      [/'/, { token: 'regexp', switchTo: '@regexSingleQuoted' }],
      [REGEX_WORD, { token: 'regexp', next: '@pop' }],
      [/(?=[;{}])/, { token: '', next: '@pop' }],
    ],
    regexDoubleQuoted: quoted('"', 'regexp', { token: 'regexp', next: '@pop' }),
    regexSingleQuoted: quoted("'", 'regexp', { token: 'regexp', next: '@pop' }),

    // `rewrite regex replacement [flag];`
    rewrite: [
      { include: '@space' },
      [/"/, { token: 'regexp', switchTo: '@rewriteDoubleQuoted' }],
      [/'/, { token: 'regexp', switchTo: '@rewriteSingleQuoted' }],
      [REGEX_WORD, { token: 'regexp', switchTo: '@arguments' }],
      [/(?=[;{}])/, { token: '', switchTo: '@arguments' }],
    ],
    rewriteDoubleQuoted: quoted('"', 'regexp', { token: 'regexp', switchTo: '@arguments' }),
    rewriteSingleQuoted: quoted("'", 'regexp', { token: 'regexp', switchTo: '@arguments' }),

    // `server_name name ~regex …;`
    serverName: [
      { include: '@space' },
      { include: '@statementEnd' },
      { include: '@quotedRegex' },
      { include: '@value' },
    ],
    // `~regex`, `"~regex"`: a word that is a regex when it starts with `~` (server names, map keys).
    quotedRegex: [
      [/~[^\s;{}"']*/, 'regexp'],
      [/"(?=~)/, { token: 'regexp', next: '@regexDoubleQuoted' }],
      [/'(?=~)/, { token: 'regexp', next: '@regexSingleQuoted' }],
    ],

    // `if (condition) {`: operators, and a regex after `~`, `~*`, `!~`, `!~*` (up to the closing parenthesis).
    condition: [
      { include: '@space' },
      { include: '@statementEnd' },
      [/[()]/, 'delimiter.parenthesis'],
      [/!?~\*?(?=\s)/, { token: 'operator', next: '@conditionRegex' }],
      [/!?=|!?-[fdex](?=\s)/, 'operator'],
      { include: '@value' },
    ],
    conditionRegex: [
      { include: '@space' },
      [/"/, { token: 'regexp', switchTo: '@regexDoubleQuoted' }],
      [/'/, { token: 'regexp', switchTo: '@regexSingleQuoted' }],
      [/[^\s;{}"']+(?=\)\s*(?:\{|$))/, { token: 'regexp', next: '@pop' }],
      [REGEX_WORD, { token: 'regexp', next: '@pop' }],
      [/(?=[;{}])/, { token: '', next: '@pop' }],
    ],

    // `map string $variable {` then entries: a key (a regex after `~`), a value, `;`.
    mapHead: [
      { include: '@space' },
      [/\{/, { token: 'delimiter.curly', switchTo: '@mapBody' }],
      [/[;}]/, { token: 'delimiter', next: '@pop' }],
      { include: '@value' },
    ],
    mapBody: [
      { include: '@space' },
      [/\}/, { token: 'delimiter.curly', next: '@pop' }],
      [/;/, 'delimiter'],
      { include: '@quotedRegex' },
      [/(default|hostnames|volatile|include)(?=[\s;])/, 'keyword'],
      { include: '@value' },
    ],
  },
}

/** Monaco's IndentAction values (an enum the page has and this module does not import). */
const INDENT = 1 as languages.IndentAction
const INDENT_OUTDENT = 2 as languages.IndentAction

/** A line that opens a block and does not close it, ignoring a trailing comment. */
const OPENS_BLOCK = /\{[^}"'#]*(#.*)?$/

export const nginxLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['{', '}'],
    ['(', ')'],
  ],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
    { open: "'", close: "'", notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
  ],
  indentationRules: {
    increaseIndentPattern: OPENS_BLOCK,
    decreaseIndentPattern: /^\s*\}/,
  },
  onEnterRules: [
    // Enter between `{` and `}`: the cursor indented on its own line, the brace back out.
    { beforeText: OPENS_BLOCK, afterText: /^\s*\}/, action: { indentAction: INDENT_OUTDENT } },
    { beforeText: OPENS_BLOCK, action: { indentAction: INDENT } },
  ],
  // Used by Monaco's indentation folding; the worker's foldingRanges folds by braces as well.
  folding: {
    markers: { start: /^\s*#\s*region\b/, end: /^\s*#\s*endregion\b/ },
  },
  // Directive names, arguments and `$variables` are words; `;`, braces and quotes end them.
  wordPattern: /\$\{?[A-Za-z0-9_]*\}?|[^\s;{}()"'$#]+/,
}
