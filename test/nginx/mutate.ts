/**
 * Deterministic mutation engine for nginx configs, used by the differential fuzzer
 * (`differential-mutations.test.ts`, `mutation-report.ts`).
 *
 * A mutant is the fixture's text with one small edit made at token level (a `;` deleted, a
 * directive misspelt, a block moved to another context…). Everything else in the file stays
 * byte for byte as it was, so nginx's line numbers stay meaningful.
 *
 * Randomness: a 32-bit hash of `seed/fixture/operator/attempt` seeds a mulberry32 generator
 * for each attempt. No library is needed: mulberry32 is a handful of lines, gives the same
 * sequence on every platform and Node version, and we need neither distributions nor
 * shrinking (fast-check's strengths): every mutant is already a single edit, and a failing
 * mutant is reproduced from its id, not shrunk. Seeding per attempt also keeps a fixture's
 * mutants stable when other fixtures are added or removed.
 *
 * The lexer follows `ngx_conf_read_token` closely enough to find mutation sites; it is not a
 * validator (real nginx judges every mutant).
 */

// ---------------------------------------------------------------------------------------------
// Random numbers

/** mulberry32: a tiny, fast 32-bit PRNG with a full 2^32 period. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over UTF-16 code units: turns a string key into a 32-bit seed. */
export function hash32(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class Rng {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = mulberry32(seed)
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)] as T
  }
  chance(p: number): boolean {
    return this.next() < p
  }
}

// ---------------------------------------------------------------------------------------------
// Lexer and a tolerant parser

export type TokenKind = 'word' | 'quoted' | ';' | '{' | '}' | 'comment'

export interface Token {
  kind: TokenKind
  text: string
  /** Offsets into the text, end exclusive. */
  start: number
  end: number
  /** 1-based line of the token's first character. */
  line: number
  /** For quoted tokens: whether the closing quote was found. */
  closed: boolean
}

export interface Statement {
  name: Token
  args: Token[]
  /** `;` or `{`; null when the file ended first. */
  terminator: Token | null
  /** The `}` closing a block. */
  close: Token | null
  children: Statement[]
  parent: Statement | null
  /** Names of the enclosing blocks, outermost first. */
  context: string[]
  /** Inside a block whose body is data (map, types…), not directives. */
  inData: boolean
}

export interface ConfigModel {
  text: string
  tokens: Token[]
  lineStarts: number[]
  /** Top-level statements. */
  root: Statement[]
  /** Every statement, in source order. */
  all: Statement[]
  byTerminator: Map<Token, Statement>
  byClose: Map<Token, Statement>
}

/** Blocks whose bodies nginx parses as key/value data rather than directives. */
const DATA_BLOCKS = new Set(['map', 'types', 'geo', 'split_clients', 'charset_map', 'match'])

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1)
  return starts
}

/** 1-based line of an offset. */
function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0
  let hi = lineStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((lineStarts[mid] as number) <= offset) lo = mid
    else hi = mid - 1
  }
  return lo + 1
}

export function tokenize(text: string): Token[] {
  const lineStarts = lineStartsOf(text)
  const tokens: Token[] = []
  const n = text.length
  let i = 0
  const push = (kind: TokenKind, start: number, end: number, closed = true): void => {
    tokens.push({ kind, text: text.slice(start, end), start, end, line: lineAt(lineStarts, start), closed })
  }
  while (i < n) {
    const ch = text[i]
    if (isSpace(ch)) {
      i++
      continue
    }
    const start = i
    if (ch === '#') {
      while (i < n && text[i] !== '\n') i++
      push('comment', start, i)
    } else if (ch === ';' || ch === '{' || ch === '}') {
      i++
      push(ch, start, i)
    } else if (ch === '"' || ch === "'") {
      i++
      let closed = false
      while (i < n) {
        if (text[i] === '\\') {
          i += 2
          continue
        }
        if (text[i] === ch) {
          i++
          closed = true
          break
        }
        i++
      }
      push('quoted', start, Math.min(i, n), closed)
    } else {
      // A word ends at white space, `;` or `{` (unless the `{` follows a `$`: `${var}`).
      // Like nginx, `}` and quotes inside a word are ordinary characters.
      let variable = false
      while (i < n) {
        const c = text[i]
        if (c === '{' && variable) {
          i++
          variable = false
          continue
        }
        if (c === '\\') {
          i += 2
          variable = false
          continue
        }
        if (c === '$') {
          variable = true
          i++
          continue
        }
        variable = false
        if (isSpace(c) || c === ';' || c === '{') break
        i++
      }
      push('word', start, Math.min(i, n))
    }
  }
  return tokens
}

export function parseConfig(text: string): ConfigModel {
  const tokens = tokenize(text)
  const root: Statement[] = []
  const all: Statement[] = []
  const byTerminator = new Map<Token, Statement>()
  const byClose = new Map<Token, Statement>()
  const stack: Statement[] = []
  let words: Token[] = []

  const make = (terminator: Token | null): Statement => {
    const parent = stack[stack.length - 1] ?? null
    const context = stack.map((s) => s.name.text)
    const stmt: Statement = {
      name: words[0] as Token,
      args: words.slice(1),
      terminator,
      close: null,
      children: [],
      parent,
      context,
      inData: context.some((c) => DATA_BLOCKS.has(c)),
    }
    ;(parent ? parent.children : root).push(stmt)
    all.push(stmt)
    if (terminator) byTerminator.set(terminator, stmt)
    words = []
    return stmt
  }

  for (const token of tokens) {
    switch (token.kind) {
      case 'comment':
        break
      case 'word':
      case 'quoted':
        words.push(token)
        break
      case ';':
        if (words.length > 0) make(token)
        break
      case '{':
        if (words.length > 0) stack.push(make(token))
        break
      case '}': {
        if (words.length > 0) make(null)
        const block = stack.pop()
        if (block) {
          block.close = token
          byClose.set(token, block)
        }
        break
      }
    }
  }
  if (words.length > 0) make(null)
  return { text, tokens, lineStarts: lineStartsOf(text), root, all, byTerminator, byClose }
}

// ---------------------------------------------------------------------------------------------
// Directive names used by the replace operator

/**
 * Common nginx directives (core, events, http core, proxy, upstream, map, ssl, rewrite…), the
 * ones the seeds and fixtures use and their neighbours. Directives that make `nginx -t` create
 * files or directories (access_log, error_log, *_temp_path, proxy_cache_path…) are left out on
 * purpose: a mutant that renamed `location /ws` to `access_log /ws` would create `/ws` as root.
 */
export const COMMON_DIRECTIVES: readonly string[] = [
  // main / events
  'worker_processes', 'worker_rlimit_nofile', 'pid', 'user', 'daemon', 'master_process', 'env',
  'include', 'events', 'http', 'worker_connections', 'use', 'multi_accept',
  // http core
  'server', 'listen', 'server_name', 'location', 'root', 'alias', 'index', 'try_files', 'return',
  'error_page', 'default_type', 'types', 'sendfile', 'tcp_nopush', 'tcp_nodelay', 'keepalive_timeout',
  'keepalive_requests', 'send_timeout', 'client_max_body_size', 'client_body_timeout',
  'client_header_timeout', 'large_client_header_buffers', 'underscores_in_headers',
  'ignore_invalid_headers', 'server_tokens', 'resolver', 'resolver_timeout', 'internal',
  'limit_except', 'chunked_transfer_encoding', 'log_format', 'charset', 'add_header', 'expires',
  'allow', 'deny', 'autoindex', 'gzip', 'gzip_types',
  // rewrite
  'if', 'set', 'rewrite', 'break',
  // proxy
  'proxy_pass', 'proxy_http_version', 'proxy_set_header', 'proxy_read_timeout', 'proxy_send_timeout',
  'proxy_connect_timeout', 'proxy_buffering', 'proxy_buffer_size', 'proxy_buffers', 'proxy_redirect',
  'proxy_hide_header', 'proxy_pass_header', 'proxy_next_upstream', 'proxy_intercept_errors',
  'proxy_ssl_server_name', 'proxy_request_buffering', 'proxy_pass_request_headers',
  // upstream
  'upstream', 'keepalive', 'keepalive_timeout', 'ip_hash', 'least_conn', 'hash', 'zone',
  // map
  'map', 'map_hash_bucket_size', 'map_hash_max_size',
  // ssl
  'ssl_certificate', 'ssl_certificate_key', 'ssl_protocols', 'ssl_ciphers', 'ssl_session_timeout',
  'ssl_prefer_server_ciphers', 'ssl_session_cache',
  // realip / misc
  'real_ip_header', 'set_real_ip_from', 'http2_max_concurrent_streams',
].filter((name, i, list) => list.indexOf(name) === i)

/** Extra arguments the add-argument operator appends (no absolute paths: see COMMON_DIRECTIVES). */
const EXTRA_ARGUMENTS: readonly string[] = [
  'on', 'off', '1', '2', '10s', '100', 'backend', '$host', '$http_upgrade', '"x y"', "''",
  'http://127.0.0.1:8010', 'default', 'extra', 'close', 'upgrade', '1.1', '127.0.0.1:8080',
]

/** Invalid (or edge) numbers for the bad-number operator. */
const BAD_NUMBERS: readonly string[] = [
  '10x', '99999', '-1', '0', '1.5', '4294967296', '999999999999999999999', '12abc',
]

// ---------------------------------------------------------------------------------------------
// Operators

export const OPERATORS = [
  'delete-semicolon',
  'delete-brace',
  'insert-brace',
  'swap-directives',
  'misspell-directive',
  'replace-directive',
  'add-argument',
  'remove-argument',
  'duplicate-line',
  'move-block',
  'delete-line',
  'bad-number',
  'break-quote',
] as const

export type OperatorName = (typeof OPERATORS)[number]

interface Edit {
  text: string
  description: string
}

type Operator = (model: ConfigModel, rng: Rng) => Edit | null

const splice = (text: string, start: number, end: number, insert: string): string =>
  text.slice(0, start) + insert + text.slice(end)

const clip = (s: string, max = 48): string => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** `proxy_set_header Upgrade $http_upgrade` (the directive as written, shortened). */
const summary = (s: Statement): string => clip([s.name, ...s.args].map((t) => t.text).join(' '))

/** End offset of a complete statement, or null when it is unterminated or an unclosed block. */
function statementEnd(s: Statement): number | null {
  if (!s.terminator) return null
  if (s.terminator.kind === '{') return s.close ? s.close.end : null
  return s.terminator.end
}

function lineText(model: ConfigModel, line: number): string {
  const start = model.lineStarts[line - 1] as number
  const next = model.lineStarts[line]
  return model.text.slice(start, next === undefined ? model.text.length : next - 1).replace(/\r$/, '')
}

/** Offset just after the line's `\n` (or the end of the text). */
function afterLine(model: ConfigModel, line: number): number {
  return model.lineStarts[line] ?? model.text.length
}

const isBlock = (s: Statement): boolean => s.terminator?.kind === '{'

const deleteSemicolon: Operator = (m, rng) => {
  const semis = m.tokens.filter((t) => t.kind === ';')
  if (semis.length === 0) return null
  const t = rng.pick(semis)
  const owner = m.byTerminator.get(t)
  const what = owner ? ` ending "${summary(owner)}"` : ''
  return { text: splice(m.text, t.start, t.end, ''), description: `deleted the ";"${what} on line ${t.line}` }
}

const deleteBrace: Operator = (m, rng) => {
  const braces = m.tokens.filter((t) => t.kind === '{' || t.kind === '}')
  if (braces.length === 0) return null
  const t = rng.pick(braces)
  const owner = t.kind === '{' ? m.byTerminator.get(t) : m.byClose.get(t)
  const what = owner ? (t.kind === '{' ? ` opening "${summary(owner)}"` : ` closing "${owner.name.text}"`) : ''
  return { text: splice(m.text, t.start, t.end, ''), description: `deleted the "${t.kind}"${what} on line ${t.line}` }
}

const insertBrace: Operator = (m, rng) => {
  const brace = rng.pick(['{', '}'] as const)
  const afterPunct = m.tokens.filter((t) => t.kind === ';' || t.kind === '{' || t.kind === '}')
  const afterWord = m.tokens.filter((t) => t.kind === 'word' || t.kind === 'quoted')
  const pool = rng.chance(0.7) && afterPunct.length > 0 ? afterPunct : afterWord
  if (pool.length === 0) return null
  const t = rng.pick(pool)
  return {
    text: splice(m.text, t.end, t.end, ` ${brace}`),
    description: `inserted an extra "${brace}" after "${clip(t.text, 24)}" on line ${t.line}`,
  }
}

const swapDirectives: Operator = (m, rng) => {
  const pairs: Array<[Statement, Statement]> = []
  for (const list of [m.root, ...m.all.map((s) => s.children)]) {
    for (let i = 0; i + 1 < list.length; i++) {
      const a = list[i] as Statement
      const b = list[i + 1] as Statement
      if (statementEnd(a) !== null && statementEnd(b) !== null) pairs.push([a, b])
    }
  }
  if (pairs.length === 0) return null
  const [a, b] = rng.pick(pairs)
  const aEnd = statementEnd(a) as number
  const bEnd = statementEnd(b) as number
  const aText = m.text.slice(a.name.start, aEnd)
  const bText = m.text.slice(b.name.start, bEnd)
  if (aText === bText) return null
  const text = m.text.slice(0, a.name.start) + bText + m.text.slice(aEnd, b.name.start) + aText + m.text.slice(bEnd)
  return {
    text,
    description: `swapped "${summary(a)}" (line ${a.name.line}) with the next directive "${summary(b)}" (line ${b.name.line})`,
  }
}

const misspellDirective: Operator = (m, rng) => {
  const names = m.all.filter((s) => !s.inData && s.name.kind === 'word' && s.name.text.length >= 2)
  if (names.length === 0) return null
  const s = rng.pick(names)
  const name = s.name.text
  const kind = rng.pick(['dropped', 'duplicated', 'transposed'] as const)
  const i = rng.int(name.length)
  let spelt: string
  if (kind === 'dropped') spelt = name.slice(0, i) + name.slice(i + 1)
  else if (kind === 'duplicated') spelt = name.slice(0, i + 1) + name.slice(i)
  else {
    const j = Math.min(i, name.length - 2)
    spelt = name.slice(0, j) + name.charAt(j + 1) + name.charAt(j) + name.slice(j + 2)
  }
  if (spelt === name) return null
  return {
    text: splice(m.text, s.name.start, s.name.end, spelt),
    description: `misspelt "${name}" as "${spelt}" (${kind} a letter) on line ${s.name.line}`,
  }
}

const replaceDirective: Operator = (m, rng) => {
  const names = m.all.filter((s) => !s.inData && s.name.kind === 'word')
  if (names.length === 0) return null
  const s = rng.pick(names)
  const other = rng.pick(COMMON_DIRECTIVES)
  if (other === s.name.text) return null
  return {
    text: splice(m.text, s.name.start, s.name.end, other),
    description: `replaced directive "${s.name.text}" by "${other}" on line ${s.name.line}`,
  }
}

const addArgument: Operator = (m, rng) => {
  if (m.all.length === 0) return null
  const s = rng.pick(m.all)
  const last = s.args[s.args.length - 1] ?? s.name
  const arg = rng.pick(EXTRA_ARGUMENTS)
  return {
    text: splice(m.text, last.end, last.end, ` ${arg}`),
    description: `added argument ${arg} to "${summary(s)}" on line ${last.line}`,
  }
}

const removeArgument: Operator = (m, rng) => {
  const withArgs = m.all.filter((s) => s.args.length > 0)
  if (withArgs.length === 0) return null
  const s = rng.pick(withArgs)
  const k = rng.int(s.args.length)
  const arg = s.args[k] as Token
  const before = k === 0 ? s.name : (s.args[k - 1] as Token)
  return {
    text: splice(m.text, before.end, arg.end, ''),
    description: `removed argument ${clip(arg.text, 32)} from "${summary(s)}" on line ${arg.line}`,
  }
}

const duplicateLine: Operator = (m, rng) => {
  if (m.all.length === 0) return null
  const s = rng.pick(m.all)
  const from = s.name.line
  const endOffset = statementEnd(s) ?? (s.args[s.args.length - 1] ?? s.name).end
  const to = lineAt(m.lineStarts, Math.max(endOffset - 1, s.name.start))
  const start = m.lineStarts[from - 1] as number
  const end = afterLine(m, to)
  const original = m.text.slice(start, end)
  // The last line may lack its newline: the copy then goes on a new line after it.
  const copy = original.endsWith('\n') ? original : `\n${original}`
  const lines = from === to ? `line ${from}` : `lines ${from}-${to}`
  return {
    text: splice(m.text, end, end, copy),
    description: `duplicated ${lines} ("${summary(s)}")`,
  }
}

/** Contexts a block can be moved into. */
type MoveTarget = { kind: 'main'; atEnd: boolean } | { kind: 'block'; block: Statement }

const contains = (outer: Statement, inner: Statement): boolean => {
  for (let p: Statement | null = inner; p; p = p.parent) if (p === outer) return true
  return false
}

const moveBlock: Operator = (m, rng) => {
  const blocks = m.all.filter((s) => isBlock(s) && s.close !== null)
  if (blocks.length === 0) return null
  // Prefer the blocks the brief names; others (server, if, events, http) now and then.
  const preferred = blocks.filter((s) => ['location', 'map', 'upstream'].includes(s.name.text))
  const b = rng.pick(preferred.length > 0 && rng.chance(0.75) ? preferred : blocks)
  const targets: MoveTarget[] = []
  if (b.parent !== null) targets.push({ kind: 'main', atEnd: rng.chance(0.5) })
  for (const t of m.all) {
    if (!['http', 'server', 'location'].includes(t.name.text) || !isBlock(t) || !t.close) continue
    if (t === b.parent || contains(b, t)) continue
    targets.push({ kind: 'block', block: t })
  }
  if (targets.length === 0) return null
  const target = rng.pick(targets)
  const close = b.close as Token

  // Cut whole lines when the block is alone on them, else just its span.
  const firstLine = b.name.line
  const lastLine = close.line
  const lineStart = m.lineStarts[firstLine - 1] as number
  const cutWholeLines =
    m.text.slice(lineStart, b.name.start).trim() === '' &&
    lineText(m, lastLine).slice(close.end - (m.lineStarts[lastLine - 1] as number)).trim() === ''
  const cut: [number, number] = cutWholeLines ? [lineStart, afterLine(m, lastLine)] : [b.name.start, close.end]
  const blockText = m.text.slice(cut[0], cut[1]).replace(/\r?\n$/, '')

  let at: number
  let insert: string
  let where: string
  if (target.kind === 'main') {
    if (target.atEnd) {
      at = m.text.length
      insert = `${m.text.endsWith('\n') ? '' : '\n'}${blockText}\n`
      where = 'to main level (end of file)'
    } else {
      at = 0
      insert = `${blockText}\n`
      where = 'to main level (start of file)'
    }
  } else {
    const open = target.block.terminator as Token
    at = open.end
    const restOfLine = m.text.slice(open.end, afterLine(m, open.line)).trim()
    insert = `\n${blockText}${restOfLine === '' ? '' : '\n'}`
    where = `into "${summary(target.block)}" (line ${target.block.name.line})`
  }
  // Apply the later edit first so the earlier offsets stay valid.
  let text: string
  if (at >= cut[1]) text = splice(splice(m.text, at, at, insert), cut[0], cut[1], '')
  else text = splice(splice(m.text, cut[0], cut[1], ''), at, at, insert)
  const lines = firstLine === lastLine ? `line ${firstLine}` : `lines ${firstLine}-${lastLine}`
  return { text, description: `moved the "${summary(b)}" block (${lines}) ${where}` }
}

const deleteLine: Operator = (m, rng) => {
  const lines: number[] = []
  for (let l = 1; l <= m.lineStarts.length; l++) {
    const t = lineText(m, l).trim()
    if (t !== '' && !t.startsWith('#')) lines.push(l)
  }
  if (lines.length === 0) return null
  const l = rng.pick(lines)
  return {
    text: splice(m.text, m.lineStarts[l - 1] as number, afterLine(m, l), ''),
    description: `deleted line ${l} ("${clip(lineText(m, l))}")`,
  }
}

const badNumber: Operator = (m, rng) => {
  const sites: Array<{ s: Statement; t: Token }> = []
  for (const s of m.all) for (const t of s.args) if (/\d/.test(t.text)) sites.push({ s, t })
  if (sites.length === 0) return null
  const { s, t } = rng.pick(sites)
  const value = rng.pick(BAD_NUMBERS)
  const quoted = t.kind === 'quoted' && t.closed
  const inner = quoted ? t.text.slice(1, -1) : t.text
  let changed: string
  if (/^\d+(\.\d+)?[a-z]{0,2}$/i.test(inner)) {
    changed = value
  } else {
    const runs = [...inner.matchAll(/\d+/g)]
    const run = rng.pick(runs)
    const at = run.index ?? 0
    changed = inner.slice(0, at) + value + inner.slice(at + run[0].length)
  }
  if (changed === inner) return null
  const replacement = quoted ? `${t.text[0]}${changed}${t.text[0]}` : changed
  return {
    text: splice(m.text, t.start, t.end, replacement),
    description: `changed "${clip(t.text, 32)}" to "${clip(replacement, 40)}" in "${s.name.text}" on line ${t.line}`,
  }
}

const breakQuote: Operator = (m, rng) => {
  const quoted = m.all.flatMap((s) => [s.name, ...s.args]).filter((t) => t.kind === 'quoted' && t.closed)
  const words = m.all.flatMap((s) => s.args).filter((t) => t.kind === 'word')
  const variants: Array<() => Edit> = []
  if (quoted.length > 0) {
    variants.push(() => {
      const t = rng.pick(quoted)
      return {
        text: splice(m.text, t.end - 1, t.end, ''),
        description: `removed the closing quote of ${clip(t.text, 32)} on line ${t.line}`,
      }
    })
    variants.push(() => {
      const t = rng.pick(quoted)
      return {
        text: splice(m.text, t.start, t.start + 1, ''),
        description: `removed the opening quote of ${clip(t.text, 32)} on line ${t.line}`,
      }
    })
    variants.push(() => {
      const t = rng.pick(quoted)
      return {
        text: splice(m.text, t.end, t.end, 'x'),
        description: `glued "x" after the closing quote of ${clip(t.text, 32)} on line ${t.line}`,
      }
    })
  }
  if (words.length > 0) {
    variants.push(() => {
      const t = rng.pick(words)
      const q = rng.pick(['"', "'"])
      return {
        text: splice(m.text, t.start, t.start, q),
        description: `opened a ${q} quote before ${clip(t.text, 32)} on line ${t.line}, never closed`,
      }
    })
  }
  if (variants.length === 0) return null
  return rng.pick(variants)()
}

const OPERATOR_IMPLS: Record<OperatorName, Operator> = {
  'delete-semicolon': deleteSemicolon,
  'delete-brace': deleteBrace,
  'insert-brace': insertBrace,
  'swap-directives': swapDirectives,
  'misspell-directive': misspellDirective,
  'replace-directive': replaceDirective,
  'add-argument': addArgument,
  'remove-argument': removeArgument,
  'duplicate-line': duplicateLine,
  'move-block': moveBlock,
  'delete-line': deleteLine,
  'bad-number': badNumber,
  'break-quote': breakQuote,
}

// ---------------------------------------------------------------------------------------------
// Line diff (for reports)

export interface LineChange {
  sign: '-' | '+'
  /** Line number in the original (`-`) or in the mutant (`+`). */
  line: number
  text: string
}

/** Minimal line diff (LCS) between two small texts. */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split('\n')
  const b = after.split('\n')
  // Trim the common head and tail first; configs are small, the middle is tiny.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const x = a.slice(head, a.length - tail)
  const y = b.slice(head, b.length - tail)
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0))
  for (let i = x.length - 1; i >= 0; i--) {
    const row = lcs[i] as number[]
    const below = lcs[i + 1] as number[]
    for (let j = y.length - 1; j >= 0; j--) {
      row[j] = x[i] === y[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number)
    }
  }
  const changes: LineChange[] = []
  let i = 0
  let j = 0
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++
      j++
    } else if (i < x.length && (j === y.length || (lcs[i + 1]?.[j] as number) >= (lcs[i]?.[j + 1] as number))) {
      changes.push({ sign: '-', line: head + i + 1, text: x[i] as string })
      i++
    } else {
      changes.push({ sign: '+', line: head + j + 1, text: y[j] as string })
      j++
    }
  }
  return changes
}

// ---------------------------------------------------------------------------------------------
// Mutant generation

export interface Mutant {
  /** Stable id: `<fixture>/<operator>/<attempt>`. */
  id: string
  fixture: string
  operator: OperatorName
  description: string
  /** The whole mutated nginx.conf. */
  text: string
  /** The lines that differ from the fixture. */
  changes: LineChange[]
}

export interface MutationSource {
  name: string
  text: string
}

export interface GenerateOptions {
  seed: number
  /** Total number of mutants, spread evenly over the sources. */
  count: number
  operators?: readonly OperatorName[]
}

/** Consecutive failed attempts (not applicable, or an already-seen text) before an operator is given up for a source. */
const MAX_MISSES = 40

/**
 * The same seed, sources and count always give the same list. Each source gets an even share
 * of `count`; the operators take turns, and an attempt's randomness depends only on (seed,
 * source name, operator, attempt number), so a mutant's id names it for good. Duplicate texts
 * (and the unmutated text) are skipped.
 */
export function generateMutants(sources: readonly MutationSource[], options: GenerateOptions): Mutant[] {
  const operators = options.operators ?? OPERATORS
  const sorted = [...sources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const mutants: Mutant[] = []
  // Each source starts its operator rotation where the previous one stopped, so that the mix
  // stays even when there are many sources and only a few mutants each.
  // A source too small for its share passes the shortfall on to the next one.
  let slot = 0
  let shortfall = 0
  sorted.forEach((source, index) => {
    const share = Math.floor(options.count / sorted.length) + (index < options.count % sorted.length ? 1 : 0)
    const made = mutateSource(source, share + shortfall, options.seed, operators, slot % operators.length)
    shortfall = share + shortfall - made.length
    slot += made.length
    mutants.push(...made)
  })
  return mutants
}

function mutateSource(
  source: MutationSource,
  quota: number,
  seed: number,
  operators: readonly OperatorName[],
  firstOperator: number,
): Mutant[] {
  const model = parseConfig(source.text)
  const seen = new Set<string>([source.text])
  const attempts = new Map<OperatorName, number>()
  const live = [...operators]
  const out: Mutant[] = []
  let turn = firstOperator
  while (out.length < quota && live.length > 0) {
    const k = turn % live.length
    const op = live[k] as OperatorName
    let misses = 0
    let made: Mutant | null = null
    while (made === null && misses < MAX_MISSES) {
      const attempt = attempts.get(op) ?? 0
      attempts.set(op, attempt + 1)
      const rng = new Rng(hash32(`${seed}/${source.name}/${op}/${attempt}`))
      const edit = OPERATOR_IMPLS[op](model, rng)
      if (edit === null || seen.has(edit.text)) {
        misses++
        continue
      }
      seen.add(edit.text)
      made = {
        id: `${source.name}/${op}/${attempt}`,
        fixture: source.name,
        operator: op,
        description: edit.description,
        text: edit.text,
        changes: diffLines(source.text, edit.text),
      }
    }
    if (made) {
      out.push(made)
      turn = k + 1
    } else {
      live.splice(k, 1)
      turn = k
    }
  }
  return out
}
