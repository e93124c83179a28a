/**
 * Regular expressions from configs, matched without unbounded backtracking.
 *
 * nginx matches with PCRE2, a backtracking engine that gives up after ten million steps
 * (pcre2_match() returns -47, PCRE2_ERROR_MATCHLIMIT, and the request gets a 500). JavaScript's
 * RegExp has no such limit, so one pattern from a stranger's config (`^/(a+)+$`) could hold the
 * event loop for seconds. So every pattern a linear-time engine can run goes to re2js (RE2:
 * leftmost-first like PCRE, time linear in the subject); the others (backreferences,
 * lookahead, atomic groups, possessive quantifiers, lookbehinds that capture, programs too
 * large for RE2) go to a JavaScript RegExp run by a replaceable "backtracking runner", which
 * the Node runtime bounds in time (server/proxy/backtracking-runner.ts) and the browser runs
 * as it is. Linear is not free either: RE2 takes up to program × subject steps, so a large
 * program on a long subject goes through the runner too.
 *
 * Nor is it free in number: a config can hold thousands of regexes, each compiled on first use
 * (0.1–3 ms) and matched at every request that tries it. So the rest of the work is told to a
 * replaceable cost hook (setMatchCostHook: an estimate for a cheap match, the measured time for
 * the others and for compiling), which the lab charges to the visitor, failing their matches
 * with RegexMatchLimitError once their share is spent; and compiled programs, 10 KiB–2 MiB
 * each, are kept process-wide only up to a bound in bytes (setCompiledRegexBound), the least
 * recently used dropped and compiled again on demand — shared by every regex of the same
 * program.
 *
 * Patterns are translated from PCRE2 as nginx compiles them, without PCRE2_UTF: a pattern and
 * its subject are bytes (the runtime's strings hold one byte per character, latin1), `\d\w\s`
 * and caseless matching cover ASCII only, `.` excludes only "\n". Both engines get the same
 * translation with every character class spelled out, so they agree with each other and with
 * PCRE2 rather than with their own defaults (RE2's `\s` lacks "\v", JavaScript's has U+00A0).
 * Not modelled: `$` matches only at the very end (PCRE2 also before a final "\n"); the match
 * limit itself (a pattern RE2 runs answers where PCRE2 gives up); the captures of a loop
 * whose body can match nothing (`(a|)*`: each engine ends such a loop its own way). On the
 * RegExp only: a capture nested in a repeated group is forgotten when a later iteration skips
 * it, and a backreference to a group that took no part matches the empty string (PCRE2: fails).
 *
 * No `node:` imports: the config engine also runs in the browser.
 */
import { RE2JS } from 're2js'

export interface ConfigRegex {
  /** The pattern as written in the config (PCRE syntax), for messages. */
  readonly source: string
  readonly caseless: boolean
  /** True when re2js runs it (time linear in the subject); false when the backtracking runner does. */
  readonly linear: boolean
  /**
   * RegExp.prototype.exec's answer: index 0 the whole match, then every group (undefined for
   * one that took no part), `.index`, `.groups` for named groups. A runner or the cost hook
   * may throw RegexMatchLimitError instead.
   */
  exec(subject: string): RegExpExecArray | null
}

/** What a runner runs: a RegExp, or re2js on a large program and a long subject. */
export interface Matcher {
  exec(subject: string): RegExpExecArray | null
}

/**
 * Runs a match that may take long: a backtracking RegExp, or a large RE2 program on a long
 * subject (linear, but program × subject steps). `pattern` is the config's PCRE source, for
 * the error.
 */
export type BacktrackingRunner = (matcher: Matcher, subject: string, pattern: string) => RegExpExecArray | null

/** Thrown by a runner whose budget ran out: nginx's `pcre2_match() failed: -47` (PCRE2_ERROR_MATCHLIMIT). */
export class RegexMatchLimitError extends Error {
  override readonly name = 'RegexMatchLimitError'
  constructor(
    readonly pattern: string,
    readonly subject: string,
  ) {
    super(`pcre2_match() failed: -47 on "${subject}" using "${pattern}"`)
  }
}

const runPlain: BacktrackingRunner = (matcher, subject) => matcher.exec(subject)
let runner: BacktrackingRunner = runPlain

/** Replaces the runner of every backtracking pattern; null restores the plain one (the browser's). */
export function setBacktrackingRunner(next: BacktrackingRunner | null): void {
  runner = next ?? runPlain
}

/**
 * Told, in milliseconds, the cost of the config regex work the runner does not time itself:
 * every match re2js runs directly (an estimate from its steps when it is cheap, the measured
 * time otherwise) and every compilation, first or again after an eviction (measured). 0 asks
 * whether any share is left. Answers false when the caller's share is spent: the match then
 * fails with RegexMatchLimitError, as nginx's does at PCRE2's match limit. The lab charges it
 * to the visitor (containment.ts); without a hook (serve, the browser) nothing is timed.
 */
export type MatchCostHook = (ms: number) => boolean

let costHook: MatchCostHook | null = null

/** Sets the cost hook of every config regex of this process; null removes it. */
export function setMatchCostHook(next: MatchCostHook | null): void {
  costHook = next
}

/**
 * Told when the linear engine answered "no match" where PCRE2 may have given up instead: a
 * pattern with nested quantifiers (`(a+)+`, `(\w+\s?)*`) failing on a subject long enough for
 * PCRE2's backtracking to reach its match limit (nginx then logs `pcre2_match() failed: -47` and
 * answers 500; helper measurements: `^/(a+)+$` from 22 characters). The lab answers as the linear
 * engine and says so (containment.ts); serve and the browser set no hook.
 */
export type LinearAnswerHook = (pattern: string, subject: string) => void

let linearAnswerHook: LinearAnswerHook | null = null

/** Sets the hook told of linear answers PCRE2 may not have given; null removes it. */
export function setLinearAnswerHook(next: LinearAnswerHook | null): void {
  linearAnswerHook = next
}

/** A subject at least this long may take PCRE2 past its match limit on a nested quantifier. */
const PCRE_RISK_SUBJECT = 20
/** A group holding a quantifier, itself quantified: where backtracking explodes. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,)/

/**
 * RE2 programs above this many instructions go to the RegExp instead: re2js takes 70–550
 * bytes and 1–3 µs to compile per instruction, and `.{999}` is a thousand of them.
 */
export const MAX_PROGRAM = 2000

/**
 * The estimated RE2 program size of a pattern (what MAX_PROGRAM is compared with), or null when
 * the pattern is not one this module parses. For tests: a pattern runs linear exactly when its
 * program fits (and it has nothing RE2 cannot run).
 */
export function programEstimate(pattern: string, caseless: boolean): number | null {
  try {
    return programSize(new Parser(bytesOf(pattern), caseless).parse().root)
  } catch (error) {
    if (error instanceof Unsupported) return null
    throw error
  }
}
/**
 * Weighted steps (program instructions × (1 + capturing groups / 4) × subject characters)
 * that re2js runs directly: under 2 ms at worst (17 ns a step, `\w{999}\w{990}\W` on
 * `a1a1…`; re2js copies every live thread's captures at each step, so `(a?)` × 400 took 12 ms
 * on 11 characters before groups were weighed); above, the match goes through the runner,
 * which can stop it. Typical location patterns (20 instructions) stay direct up to 5,000
 * characters.
 */
const DIRECT_STEPS = 100_000
/**
 * A direct match of at most this many weighted steps is charged an estimate instead of being
 * timed: reading the clock twice (about 100 ns) would cost as much as such a match (0.1–1 µs
 * for `^/ws/(\d+)$` on a short URI).
 */
const CHEAP_STEPS = 500
/** The estimate: a match's fixed cost, and a step at the slowest seen (milliseconds). */
const MATCH_MS = 0.001
const STEP_MS = 0.000017

/**
 * Compiles a pattern nginx accepted, on first use (the check itself only needs checkPcre, and
 * the editor checks at each keystroke). `fallbackSource` is a JavaScript source for the PCRE
 * syntax this module does not translate (`\R`, `\p{..}`, recursion, conditionals…), run as
 * it is, as before this module existed; null for a pattern nginx refuses: it never matches.
 * `engine: 'backtracking'` skips re2js (tests compare the two engines with it).
 */
export function compileConfigRegex(
  pattern: string,
  caseless: boolean,
  fallbackSource: string | null = pattern,
  engine: 'linear-first' | 'backtracking' = 'linear-first',
): ConfigRegex {
  let compiled: Engine | null = null
  // `subject` null: only `linear` asks, which charges the work but refuses nothing.
  const load = (subject: string | null): Engine => {
    const hook = costHook
    if (hook === null) return (compiled = compile(pattern, caseless, fallbackSource, engine))
    if (subject !== null && !hook(0)) throw new RegexMatchLimitError(pattern, subject)
    const start = performance.now()
    compiled = compile(pattern, caseless, fallbackSource, engine)
    if (!hook(performance.now() - start) && subject !== null) throw new RegexMatchLimitError(pattern, subject)
    return compiled
  }
  let risky: boolean | null = null
  return {
    source: pattern,
    caseless,
    get linear() {
      return (compiled ?? load(null)).linear
    },
    exec: (subject) => {
      const engine = compiled ?? load(subject)
      const result = engine.exec(subject)
      if (result === null && linearAnswerHook !== null && engine.linear && subject.length >= PCRE_RISK_SUBJECT) {
        if ((risky ??= NESTED_QUANTIFIER.test(pattern))) linearAnswerHook(pattern, subject)
      }
      return result
    },
  }
}

interface Engine {
  linear: boolean
  exec(subject: string): RegExpExecArray | null
}

const NEVER: Engine = { linear: true, exec: () => null }

function compile(pattern: string, caseless: boolean, fallbackSource: string | null, engine: 'linear-first' | 'backtracking'): Engine {
  if (fallbackSource === null) return NEVER
  let tree: Tree | null = null
  try {
    tree = new Parser(bytesOf(pattern), caseless).parse()
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error
  }
  if (tree) {
    const re2 = engine === 'linear-first' ? toRe2(tree) : null
    const program = re2 && programFor(re2.source, re2.flags)
    if (program) return linearEngine(pattern, program, re2.size * (1 + tree.groups / 4))
    const js = toJs(tree)
    if (js) return backtrackingEngine(pattern, js.regex, js.groups)
  }
  return backtrackingEngine(pattern, fallbackRegExp(fallbackSource, caseless), null)
}

/** `weight`: the program's instructions, weighed for its captures (DIRECT_STEPS). */
function linearEngine(pattern: string, first: Program, weight: number): Engine {
  let program = first
  return {
    linear: true,
    exec(subject) {
      let p = program
      if (p.compiled === null) p = program = recompile(p, pattern, subject)
      else if (p !== newest) touch(p)
      const re = p.compiled!
      const steps = weight * (subject.length + 1)
      if (steps > DIRECT_STEPS) return throughRunner(p, re, subject, pattern)
      const hook = costHook
      let m: RegExpExecArray | null
      if (hook === null) {
        m = re.exec(subject) as RegExpExecArray | null
      } else if (steps <= CHEAP_STEPS) {
        if (!hook(MATCH_MS + steps * STEP_MS)) throw new RegexMatchLimitError(pattern, subject)
        m = re.exec(subject) as RegExpExecArray | null
      } else {
        if (!hook(0)) throw new RegexMatchLimitError(pattern, subject)
        const start = performance.now()
        m = re.exec(subject) as RegExpExecArray | null
        if (!hook(performance.now() - start)) throw new RegexMatchLimitError(pattern, subject)
      }
      if (p.release) re.reset()
      return m
    },
  }
}

function throughRunner(p: Program, re: RE2JS, subject: string, pattern: string): RegExpExecArray | null {
  try {
    const m = runner({ exec: (s) => re.exec(s) as RegExpExecArray | null }, subject, pattern)
    if (p.release) re.reset()
    return m
  } catch (error) {
    // A run stopped halfway may leave re2js's pooled machines in use: compile afresh next time.
    drop(p)
    throw error
  }
}

function backtrackingEngine(pattern: string, regex: RegExp, groups: number[] | null): Engine {
  return {
    linear: false,
    exec(subject) {
      const m = runner(regex, subject, pattern)
      if (!m || !groups) return m
      // Leave out the hidden groups that stand for atomic groups.
      const out = [m[0], ...groups.map((j) => m[j])] as unknown as RegExpExecArray
      out.index = m.index
      out.input = m.input
      out.groups = m.groups
      return out
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Compiled programs, kept process-wide up to a bound.

/**
 * One RE2 program, by its source and flags: every config regex that translates to it (in any
 * session) shares it, so a recipe a thousand visitors paste is compiled once.
 */
interface Program {
  readonly key: string
  readonly source: string
  readonly flags: number
  /** Null while not resident: compiled again when next needed. */
  compiled: RE2JS | null
  /** What it holds while compiled (estimated bytes), the same at every compilation. */
  bytes: number
  /** Whether re2js's machine for the NFA could be large: then dropped after each match. */
  release: boolean
  /** The resident programs, most recently used first. */
  newer: Program | null
  older: Program | null
}

/**
 * Compiled programs are kept up to this many estimated bytes: 2,900 regexes of 1,000
 * instructions, each tried once, held 230 MB of heap before there was a bound.
 */
export const DEFAULT_COMPILED_REGEX_BYTES = 32 * 1024 * 1024

let bound = DEFAULT_COMPILED_REGEX_BYTES
let residentBytes = 0
let compilations = 0
const resident = new Map<string, Program>()
let newest: Program | null = null
let oldest: Program | null = null

export interface CompiledRegexStats {
  /** Programs compiled now, and their estimated bytes. */
  programs: number
  bytes: number
  bound: number
  /** Programs compiled since the process started, again after an eviction included. */
  compilations: number
}

export function compiledRegexStats(): CompiledRegexStats {
  return { programs: resident.size, bytes: residentBytes, bound, compilations }
}

/**
 * Bounds the compiled programs of this process to about `bytes` (estimated), dropping the least
 * recently used at once if need be. A program larger than the bound is still compiled when a
 * match needs it, alone.
 */
export function setCompiledRegexBound(bytes: number): void {
  bound = bytes
  while (residentBytes > bound && oldest !== null) drop(oldest)
}

/** The resident program of this source, or a new one; null when RE2 refuses the source. */
function programFor(source: string, flags: number): Program | null {
  const key = `${flags}/${source}`
  const found = resident.get(key)
  if (found) {
    touch(found)
    return found
  }
  let compiled: RE2JS
  try {
    // Compiling finds what RE2 refuses (a repeat count above 1000, nested ones).
    compiled = RE2JS.compile(source, flags)
  } catch {
    return null
  }
  const p: Program = { key, source, flags, compiled, bytes: 0, release: false, newer: null, older: null }
  Object.assign(p, footprint(compiled))
  admit(p)
  return p
}

/** An evicted program's regex matches again: the program another regex compiled since, or its own anew (charged). */
function recompile(p: Program, pattern: string, subject: string): Program {
  const found = resident.get(p.key)
  if (found) {
    touch(found)
    return found
  }
  const hook = costHook
  if (hook !== null && !hook(0)) throw new RegexMatchLimitError(pattern, subject)
  const start = hook === null ? 0 : performance.now()
  p.compiled = RE2JS.compile(p.source, p.flags)
  admit(p)
  if (hook !== null && !hook(performance.now() - start)) throw new RegexMatchLimitError(pattern, subject)
  return p
}

function admit(p: Program): void {
  compilations++
  resident.set(p.key, p)
  link(p)
  residentBytes += p.bytes
  while (residentBytes > bound && oldest !== null && oldest !== p) drop(oldest)
}

/** Evicts a program (its regexes compile it again when they next match). */
function drop(p: Program): void {
  if (p.compiled === null) return
  p.compiled = null
  if (resident.get(p.key) !== p) return
  resident.delete(p.key)
  unlink(p)
  residentBytes -= p.bytes
}

function touch(p: Program): void {
  if (p === newest) return
  unlink(p)
  link(p)
}

function link(p: Program): void {
  p.older = newest
  p.newer = null
  if (newest) newest.newer = p
  newest = p
  oldest ??= p
}

function unlink(p: Program): void {
  if (p.newer) p.newer.older = p.older
  else newest = p.older
  if (p.older) p.older.newer = p.newer
  else oldest = p.newer
  p.newer = p.older = null
}

/**
 * What V8 holds for re2js's objects, measured on Node 20 (heap snapshots and heapUsed after
 * gc, 100 programs of each shape): an instruction object, a typed array besides its elements,
 * and a compiled RE2JS besides its instructions (prefix, prefilter, caches).
 */
const INST_BYTES = 64
const TYPED_ARRAY_BYTES = 190
const PROGRAM_BYTES = 12 * 1024
/** re2js's NFA machine is kept with its program up to this size; a larger one is dropped after each match. */
const KEPT_MACHINE_BYTES = 64 * 1024

interface ReInst {
  runes?: ArrayLike<number> | null
  next?: ArrayLike<number> | null
}

/**
 * The bytes a compiled program holds, from its instructions: re2js's program and its one-pass
 * copy (anchored patterns under 1,000 instructions: a second set of instructions with their
 * own rune and next arrays), which measured from 70 (`a{999}b`) to 550 (`^[a-z0-9_.-]{990}`)
 * and 2,000 (`^[\x00\x02…\xfe]{990}`) bytes per instruction; and the NFA machine re2js keeps
 * for the next match (two thread queues whose captures grow to instructions × captures × 8
 * bytes: 9.6 MB once for `(a?)` × 400). Against heapUsed + arrayBuffers after gc, 100 programs
 * of each of 15 shapes: 0.93–1.5 times, 2.5 for the smallest (`~* \.(js|css|png)$`, 8 KiB).
 */
function footprint(re: RE2JS): { bytes: number; release: boolean } {
  const re2 = re.re2() as { prog?: { inst?: ReInst[] }; onepass?: { inst?: ReInst[] } | null }
  // The compiler gives each copy of a repeated atom the same rune array: count each array once.
  const arrays = new Set<ArrayLike<number>>()
  const array = (a: ArrayLike<number> | null | undefined): number => {
    if (!a || arrays.has(a)) return 0
    arrays.add(a)
    return TYPED_ARRAY_BYTES + 4 * a.length
  }
  const size = re.programSize()
  let bytes = PROGRAM_BYTES
  if (!Array.isArray(re2.prog?.inst)) {
    // re2js's internals changed shape: count every instruction as one with its own array.
    bytes += size * (INST_BYTES + TYPED_ARRAY_BYTES) * 2
  }
  for (const insts of [re2.prog?.inst ?? [], re2.onepass?.inst ?? []]) {
    for (const inst of insts) bytes += INST_BYTES + array(inst.runes) + array(inst.next)
  }
  const machine = 8 * TYPED_ARRAY_BYTES + size * (24 + 16 * (re.groupCount() + 1))
  return machine > KEPT_MACHINE_BYTES ? { bytes, release: true } : { bytes: bytes + machine, release: false }
}

/** What toJsRegExp did before: the pattern as JavaScript reads it, or one that never matches. */
function fallbackRegExp(source: string, caseless: boolean): RegExp {
  for (const flags of caseless ? ['i', 'iu'] : ['', 'u']) {
    try {
      return new RegExp(source, flags)
    } catch {
      // try the next reading
    }
  }
  return /(?!)/
}

/** The pattern's UTF-8 bytes, one per character, as PCRE2 sees them without PCRE2_UTF. */
function bytesOf(pattern: string): string {
  if (/^[\x00-\x7f]*$/.test(pattern)) return pattern
  let out = ''
  for (const byte of new TextEncoder().encode(pattern)) out += String.fromCharCode(byte)
  return out
}

// ---------------------------------------------------------------------------------------------
// Character sets: sorted, disjoint [from, to] code point pairs, flattened.

type CharSet = readonly number[]

const MAX_CODE = 0x10ffff
const DIGIT: CharSet = [0x30, 0x39]
const WORD: CharSet = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]
/** PCRE2's \s without UCP: HT, LF, VT, FF, CR and space (not RE2's, which lacks VT). */
const SPACE: CharSet = [0x09, 0x0d, 0x20, 0x20]
/** \h and \v in PCRE2's 8-bit non-UTF mode. */
const HSPACE: CharSet = [0x09, 0x09, 0x20, 0x20, 0xa0, 0xa0]
const VSPACE: CharSet = [0x0a, 0x0d, 0x85, 0x85]
const NEWLINE: CharSet = [0x0a, 0x0a]
const ANY: CharSet = [0, MAX_CODE]

/** POSIX classes as PCRE2's default ("C" locale) tables define them. */
const POSIX = new Map<string, CharSet>(Object.entries({
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: DIGIT,
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: SPACE,
  upper: [0x41, 0x5a],
  word: WORD,
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
}))

/** The class escapes; the upper-case letter is the complement. */
const CLASS_ESCAPES = new Map<string, CharSet>([['d', DIGIT], ['w', WORD], ['s', SPACE], ['h', HSPACE], ['v', VSPACE]])
const CONTROL_ESCAPES = new Map([['a', 7], ['e', 27], ['f', 12], ['n', 10], ['r', 13], ['t', 9]])
type AssertKind = 'start' | 'end' | 'line-start' | 'line-end' | 'word' | 'not-word'
/** `\G` is where the match was asked to start, the subject's start for nginx. */
const ASSERT_ESCAPES = new Map<string, AssertKind>([['b', 'word'], ['B', 'not-word'], ['A', 'start'], ['G', 'start'], ['z', 'end'], ['Z', 'end']])

function union(...sets: CharSet[]): CharSet {
  const pairs: Array<[number, number]> = []
  for (const set of sets) for (let i = 0; i < set.length; i += 2) pairs.push([set[i], set[i + 1]])
  pairs.sort((a, b) => a[0] - b[0])
  const out: number[] = []
  for (const [lo, hi] of pairs) {
    if (out.length > 0 && lo <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], hi)
    else out.push(lo, hi)
  }
  return out
}

function complement(set: CharSet): CharSet {
  const out: number[] = []
  let next = 0
  for (let i = 0; i < set.length; i += 2) {
    if (set[i] > next) out.push(next, set[i] - 1)
    next = set[i + 1] + 1
  }
  if (next <= MAX_CODE) out.push(next, MAX_CODE)
  return out
}

/** Adds the other case of every ASCII letter: PCRE2's caseless tables know no other letters. */
function caseFold(set: CharSet): CharSet {
  const extra: number[] = []
  for (let i = 0; i < set.length; i += 2) {
    for (const [from, to, shift] of [[0x41, 0x5a, 32], [0x61, 0x7a, -32]]) {
      const lo = Math.max(set[i], from)
      const hi = Math.min(set[i + 1], to)
      if (lo <= hi) extra.push(lo + shift, hi + shift)
    }
  }
  return extra.length ? union(set, extra) : set
}

// ---------------------------------------------------------------------------------------------
// The parsed pattern.

type Node =
  | { type: 'chars'; set: CharSet }
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; items: Node[] }
  /** index null: a non-capturing group. */
  | { type: 'group'; index: number | null; name: string | null; body: Node }
  | { type: 'look'; behind: boolean; negate: boolean; body: Node }
  | { type: 'atomic'; body: Node }
  /** max -1: no upper bound. */
  | { type: 'repeat'; min: number; max: number; lazy: boolean; body: Node }
  | { type: 'backref'; index: number; caseless: boolean }
  /** `end` is `$`, `\Z` and `\z` alike: the end of the subject. */
  | { type: 'assert'; kind: AssertKind }

interface Tree {
  root: Node
  groups: number
}

/** PCRE syntax this module leaves to the fallback source. */
class Unsupported extends Error {}

interface Flags {
  i: boolean
  m: boolean
  n: boolean
  s: boolean
  x: boolean
  U: boolean
}

const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/
const NAME = /^(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/

/** PCRE2 pattern syntax (pcre2pattern(3)) for an 8-bit, non-UTF pattern. */
class Parser {
  private pos = 0
  private groups = 0
  private readonly names = new Map<string, number>()
  private readonly namedRefs: Array<{ node: { index: number }; name: string }> = []
  private readonly numberedRefs: number[] = []
  private flags: Flags

  constructor(
    private readonly p: string,
    caseless: boolean,
  ) {
    this.flags = { i: caseless, m: false, n: false, s: false, x: false, U: false }
  }

  parse(): Tree {
    const root = this.alternation()
    if (this.pos < this.p.length) throw new Unsupported()
    for (const ref of this.namedRefs) {
      const index = this.names.get(ref.name)
      if (index === undefined) throw new Unsupported()
      ref.node.index = index
    }
    if (this.numberedRefs.some((n) => n < 1 || n > this.groups)) throw new Unsupported()
    return { root, groups: this.groups }
  }

  private alternation(): Node {
    const items = [this.sequence()]
    while (this.p[this.pos] === '|') {
      this.pos++
      items.push(this.sequence())
    }
    return items.length === 1 ? items[0] : { type: 'alt', items }
  }

  private sequence(): Node {
    const items: Node[] = []
    // Whether the last item may take a quantifier (PCRE2 refuses a second one, or one on an assertion).
    let repeatable = false
    for (;;) {
      this.skipExtended()
      const ch = this.p[this.pos]
      if (ch === undefined || ch === '|' || ch === ')') break
      const q = QUANTIFIER.exec(this.p.slice(this.pos, this.pos + 24))
      if (q) {
        if (!repeatable) throw new Unsupported()
        this.pos += q[0].length
        items.push(this.quantified(items.pop()!, q))
        repeatable = false
        continue
      }
      const atom = this.atom()
      if (atom === 'skip') continue
      if (atom === null) {
        repeatable = false
        continue
      }
      const added = Array.isArray(atom) ? atom : [atom]
      items.push(...added)
      if (added.length > 0) repeatable = added[added.length - 1].type !== 'assert' && added[added.length - 1].type !== 'look'
    }
    return items.length === 1 ? items[0] : { type: 'seq', items }
  }

  private quantified(body: Node, q: RegExpExecArray): Node {
    let min: number
    let max: number
    if (q[0] === '*') [min, max] = [0, -1]
    else if (q[0] === '+') [min, max] = [1, -1]
    else if (q[0] === '?') [min, max] = [0, 1]
    else {
      min = Number(q[1])
      max = q[2] === undefined ? min : q[3] === '' ? -1 : Number(q[3])
      // PCRE2 refuses both ("number too big", "numbers out of order"); nginx would not start.
      if (min > 65535 || max > 65535 || (max !== -1 && max < min)) throw new Unsupported()
    }
    const suffix = this.p[this.pos]
    if (suffix === '+') {
      this.pos++
      return { type: 'atomic', body: { type: 'repeat', min, max, lazy: false, body } }
    }
    if (suffix === '?') this.pos++
    // (?U) swaps greedy and lazy.
    return { type: 'repeat', min, max, lazy: (suffix === '?') !== this.flags.U, body }
  }

  /** One item; null for an option setting, 'skip' for a comment or `\E`. */
  private atom(): Node | Node[] | null | 'skip' {
    const ch = this.p[this.pos]
    if (ch === '(') return this.group()
    if (ch === '[') return this.chars(this.characterClass(), false)
    if (ch === '\\') return this.escape()
    this.pos++
    if (ch === '.') return this.chars(this.flags.s ? ANY : complement(NEWLINE), false)
    if (ch === '^') return { type: 'assert', kind: this.flags.m ? 'line-start' : 'start' }
    if (ch === '$') return { type: 'assert', kind: this.flags.m ? 'line-end' : 'end' }
    return this.literal(ch.charCodeAt(0))
  }

  private literal(code: number): Node {
    return this.chars([code, code])
  }

  private chars(set: CharSet, fold = true): Node {
    return { type: 'chars', set: fold && this.flags.i ? caseFold(set) : set }
  }

  /** In (?x) mode, white space and #-comments between items mean nothing. */
  private skipExtended(): void {
    if (!this.flags.x) return
    for (;;) {
      const ch = this.p[this.pos]
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r') this.pos++
      else if (ch === '#') {
        const end = this.p.indexOf('\n', this.pos)
        this.pos = end < 0 ? this.p.length : end + 1
      } else return
    }
  }

  private group(): Node | null | 'skip' {
    const p = this.p
    const start = this.pos + 1
    const saved = { ...this.flags }
    let open: (body: Node) => Node
    let at = start
    if (p[start] === '*') throw new Unsupported() // (*VERB)
    if (p[start] !== '?') {
      const index = this.flags.n ? null : ++this.groups
      open = (body) => ({ type: 'group', index, name: null, body })
    } else {
      const rest = p.slice(start + 1, start + 48)
      const named = NAME.exec(rest)
      if (rest.startsWith('#')) {
        const end = p.indexOf(')', start)
        if (end < 0) throw new Unsupported()
        this.pos = end + 1
        return 'skip'
      } else if (named) {
        const name = named[1] ?? named[2]
        if (this.names.has(name)) throw new Unsupported()
        const index = ++this.groups
        this.names.set(name, index)
        open = (body) => ({ type: 'group', index, name, body })
        at = start + 1 + named[0].length
      } else if (rest.startsWith('P=')) {
        const end = p.indexOf(')', start)
        const name = p.slice(start + 3, end)
        if (end < 0 || !/^[A-Za-z_]\w*$/.test(name)) throw new Unsupported()
        this.pos = end + 1
        return this.namedRef(name)
      } else if (rest[0] === ':' || rest[0] === '>' || rest[0] === '=' || rest[0] === '!') {
        const kind = rest[0]
        open = (body) =>
          kind === ':' ? { type: 'group', index: null, name: null, body }
          : kind === '>' ? { type: 'atomic', body }
          : { type: 'look', behind: false, negate: kind === '!', body }
        at = start + 2
      } else if (rest.startsWith('<=') || rest.startsWith('<!')) {
        const negate = rest[1] === '!'
        open = (body) => ({ type: 'look', behind: true, negate, body })
        at = start + 3
      } else {
        const options = /^(\^?)([imnsxU]*)(?:-([imnsxU]*))?([:)])/.exec(rest)
        if (!options || /x.*x/.test(options[2]) || (options[1] && options[3] !== undefined)) throw new Unsupported()
        if (options[1]) Object.assign(this.flags, { i: false, m: false, n: false, s: false, x: false })
        for (const letter of options[2]) this.flags[letter as keyof Flags] = true
        for (const letter of options[3] ?? '') this.flags[letter as keyof Flags] = false
        at = start + 1 + options[0].length
        if (options[4] === ')') {
          // (?i) holds to the end of the enclosing group, across its later alternatives.
          this.pos = at
          return null
        }
        open = (body) => ({ type: 'group', index: null, name: null, body })
      }
    }
    this.pos = at
    const body = this.alternation()
    if (p[this.pos] !== ')') throw new Unsupported()
    this.pos++
    this.flags = saved
    return open(body)
  }

  /** An escape outside a class: a character, a class, an assertion or a backreference. */
  private escape(): Node | Node[] | 'skip' {
    const p = this.p
    const c = p[this.pos + 1]
    if (c === undefined) throw new Unsupported()
    const assertion = ASSERT_ESCAPES.get(c)
    if (assertion) {
      this.pos += 2
      return { type: 'assert', kind: assertion }
    }
    if (c === 'Q') {
      const end = p.indexOf('\\E', this.pos + 2)
      const text = p.slice(this.pos + 2, end < 0 ? p.length : end)
      this.pos = end < 0 ? p.length : end + 2
      return [...text].map((ch) => this.literal(ch.charCodeAt(0)))
    }
    if (c === 'E') {
      this.pos += 2
      return 'skip'
    }
    if (c === 'k' || c === 'g') return this.reference(c)
    if (c >= '1' && c <= '9') {
      const digits = /^\d+/.exec(p.slice(this.pos + 1))![0]
      const n = Number(digits)
      // pcre2pattern: below 10, starting with 8 or 9, or not above the groups so far: a backreference.
      if (n < 10 || c === '8' || c === '9' || n <= this.groups) {
        this.pos += 1 + digits.length
        return this.numberedRef(n)
      }
    }
    if (c === 'N' && p[this.pos + 2] !== '{') {
      this.pos += 2
      return this.chars(complement(NEWLINE), false)
    }
    return this.chars(this.escapedChars(false))
  }

  private reference(c: 'k' | 'g'): Node {
    const m = (c === 'k' ? /^\\k(?:<(\w+)>|'(\w+)'|\{(\w+)\})/ : /^\\g(?:\{(-?\d+|\w+)\}|(-?\d+))/).exec(this.p.slice(this.pos))
    if (!m) throw new Unsupported() // \g<n> and \g'n' are subroutine calls
    this.pos += m[0].length
    const ref = m[1] ?? m[2] ?? m[3]
    if (!/^-?\d+$/.test(ref)) return this.namedRef(ref)
    const n = Number(ref)
    // \g{-1} is the group opened last before it.
    return this.numberedRef(n < 0 ? this.groups + 1 + n : n)
  }

  private numberedRef(index: number): Node {
    this.numberedRefs.push(index)
    return { type: 'backref', index, caseless: this.flags.i }
  }

  private namedRef(name: string): Node {
    const node = { type: 'backref' as const, index: 0, caseless: this.flags.i }
    this.namedRefs.push({ node, name })
    return node
  }

  /**
   * The character or class of an escape, `this.pos` at the backslash; inside a class `\b` is a
   * backspace and digits are octal.
   */
  private escapedChars(inClass: boolean): CharSet {
    const p = this.p
    const c = p[this.pos + 1]
    this.pos += 2
    const single = (code: number): CharSet => {
      if (code > 0xff) throw new Unsupported() // "character code point value … is too large"
      return [code, code]
    }
    if (c === undefined) throw new Unsupported()
    const known = CLASS_ESCAPES.get(c)
    if (known) return known
    const negated = CLASS_ESCAPES.get(c.toLowerCase())
    if (negated && c !== c.toLowerCase()) return complement(negated)
    const control = CONTROL_ESCAPES.get(c)
    if (control !== undefined) return single(control)
    if (c === 'b' && inClass) return single(8)
    if (c >= '0' && c <= '7') {
      // Octal: up to three digits, the first included (\1..\7 here were not backreferences).
      const m = /^[0-7]{1,3}/.exec(p.slice(this.pos - 1, this.pos + 2))!
      this.pos += m[0].length - 1
      return single(parseInt(m[0], 8))
    }
    if (c === 'o') {
      const m = /^\{([0-7]+)\}/.exec(p.slice(this.pos))
      if (!m) throw new Unsupported()
      this.pos += m[0].length
      return single(parseInt(m[1], 8))
    }
    if (c === 'x') {
      const m = /^(?:\{([0-9A-Fa-f]+)\}|[0-9A-Fa-f]{0,2})/.exec(p.slice(this.pos))!
      this.pos += m[0].length
      return single(parseInt(m[1] ?? (m[0] || '0'), 16))
    }
    if (c === 'c') {
      const x = p.charCodeAt(this.pos)
      if (!(x >= 0x20 && x <= 0x7e)) throw new Unsupported()
      this.pos++
      return single(String.fromCharCode(x).toUpperCase().charCodeAt(0) ^ 0x40)
    }
    // Any other letter or digit is an error or a feature left to the fallback (\p, \R, \X, \K…).
    if (/[0-9A-Za-z]/.test(c)) throw new Unsupported()
    return single(c.charCodeAt(0))
  }

  /** `[...]`, the position at `[`: the set it stands for, caseless folding and negation applied. */
  private characterClass(): CharSet {
    const p = this.p
    this.pos++
    const negate = p[this.pos] === '^'
    if (negate) this.pos++
    const parts: CharSet[] = []
    let first = true
    for (;;) {
      const ch = p[this.pos]
      if (ch === undefined) throw new Unsupported()
      if (ch === ']' && !first) break
      first = false
      const item = this.classItem()
      if (item.length === 2 && item[0] === item[1] && p[this.pos] === '-' && p[this.pos + 1] !== ']' && this.pos + 1 < p.length) {
        this.pos++
        const hi = this.classItem()
        // A class or POSIX name as an end, or an end below the start: PCRE2 refuses the range.
        if (hi.length !== 2 || hi[0] !== hi[1] || hi[0] < item[0]) throw new Unsupported()
        parts.push([item[0], hi[0]])
      } else {
        // `[\d-z]` is "invalid range in character class" in PCRE2.
        if (!(item.length === 2 && item[0] === item[1]) && p[this.pos] === '-' && p[this.pos + 1] !== ']') throw new Unsupported()
        parts.push(item)
      }
    }
    this.pos++
    const set = this.flags.i ? caseFold(union(...parts)) : union(...parts)
    return negate ? complement(set) : set
  }

  private classItem(): CharSet {
    const p = this.p
    const ch = p[this.pos]
    if (ch === '[') {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(this.pos, this.pos + 12))
      if (posix) {
        const set = POSIX.get(posix[2])
        if (!set) throw new Unsupported()
        this.pos += posix[0].length
        return posix[1] ? complement(set) : set
      }
      if (p[this.pos + 1] === ':' || p[this.pos + 1] === '.' || p[this.pos + 1] === '=') throw new Unsupported()
    }
    if (ch === '\\') {
      const c = p[this.pos + 1]
      if (c === 'Q' || c === 'E' || c === 'N' || (c >= '8' && c <= '9')) throw new Unsupported()
      return this.escapedChars(true)
    }
    this.pos++
    return [ch.charCodeAt(0), ch.charCodeAt(0)]
  }
}

// ---------------------------------------------------------------------------------------------
// RE2 (re2js): everything but backreferences, lookahead, atomic groups and capturing lookbehinds.

interface Re2Source {
  source: string
  flags: number
  /** Estimated instructions. */
  size: number
}

/** The RE2 source of a tree, or null for what RE2 cannot run; compiled by programFor. */
function toRe2(tree: Tree): Re2Source | null {
  const size = programSize(tree.root)
  if (size > MAX_PROGRAM) return null
  let lookbehind = false
  const emit = (node: Node): string => {
    switch (node.type) {
      case 'chars':
        return re2Set(node.set)
      case 'seq':
        return node.items.map(emit).join('')
      case 'alt':
        return node.items.map(emit).join('|')
      case 'group':
        return (node.index === null ? '(?:' : node.name ? `(?P<${node.name}>` : '(') + emit(node.body) + ')'
      case 'look':
        // re2js runs lookbehinds in linear time, if they capture nothing (RE2JS.LOOKBEHINDS).
        if (!node.behind || captures(node.body)) throw new Unsupported()
        lookbehind = true
        return (node.negate ? '(?<!' : '(?<=') + emit(node.body) + ')'
      case 'atomic':
      case 'backref':
        throw new Unsupported()
      case 'repeat':
        return emit(node.body) + quantifier(node)
      case 'assert':
        return { start: '^', end: '$', 'line-start': '(?m:^)', 'line-end': '(?m:$)', word: '\\b', 'not-word': '\\B' }[node.kind]
    }
  }
  try {
    const source = emit(tree.root)
    // Leftmost-first (Perl's, PCRE's) unless LONGEST_MATCH is asked for, which it is not.
    return { source, flags: lookbehind ? RE2JS.LOOKBEHINDS : 0, size }
  } catch {
    return null
  }
}

/** About how many instructions RE2 compiles a node to (it copies a counted repeat's body). */
function programSize(node: Node): number {
  switch (node.type) {
    case 'seq':
      return node.items.reduce((n, item) => n + programSize(item), 0)
    case 'alt':
      return node.items.reduce((n, item) => n + programSize(item) + 1, 0)
    case 'group':
    case 'look':
    case 'atomic':
      return programSize(node.body) + 2
    case 'repeat':
      return programSize(node.body) * Math.max(1, node.max === -1 ? node.min : node.max) + 1
    default:
      return 1
  }
}

function captures(node: Node): boolean {
  switch (node.type) {
    case 'group':
      return node.index !== null || captures(node.body)
    case 'seq':
    case 'alt':
      return node.items.some(captures)
    case 'look':
    case 'atomic':
    case 'repeat':
      return captures(node.body)
    default:
      return false
  }
}

function quantifier(node: { min: number; max: number; lazy: boolean }): string {
  const { min, max } = node
  const q = min === 0 && max === -1 ? '*' : min === 1 && max === -1 ? '+' : min === 0 && max === 1 ? '?' : max === -1 ? `{${min},}` : min === max ? `{${min}}` : `{${min},${max}}`
  return node.lazy ? q + '?' : q
}

const isAlnum = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)

function re2Set(set: CharSet): string {
  const char = (code: number): string => (isAlnum(code) ? String.fromCharCode(code) : `\\x{${code.toString(16)}}`)
  if (set.length === 0) return '[^\\x{0}-\\x{10ffff}]'
  if (set.length === 2 && set[0] === set[1]) return char(set[0])
  let out = '['
  for (let i = 0; i < set.length; i += 2) out += set[i] === set[i + 1] ? char(set[i]) : `${char(set[i])}-${char(set[i + 1])}`
  return out + ']'
}

// ---------------------------------------------------------------------------------------------
// JavaScript RegExp: everything, run by the backtracking runner.

function toJs(tree: Tree): { regex: RegExp; groups: number[] | null } | null {
  // JavaScript numbers groups by their `(`; an atomic group adds a hidden one before its own.
  const jsIndex: number[] = []
  const hidden = new Map<Node, number>()
  let count = 0
  const number = (node: Node): void => {
    if (node.type === 'group' && node.index !== null) jsIndex[node.index] = ++count
    if (node.type === 'atomic') hidden.set(node, ++count)
    if (node.type === 'seq' || node.type === 'alt') node.items.forEach(number)
    else if ('body' in node) number(node.body)
  }
  number(tree.root)
  let caselessRef = false
  const emit = (node: Node): string => {
    switch (node.type) {
      case 'chars':
        return jsSet(node.set)
      case 'seq':
        return node.items.map(emit).join('')
      case 'alt':
        return node.items.map(emit).join('|')
      case 'group':
        return (node.index === null ? '(?:' : node.name ? `(?<${node.name}>` : '(') + emit(node.body) + ')'
      case 'look':
        return `(?${node.behind ? '<' : ''}${node.negate ? '!' : '='}${emit(node.body)})`
      case 'atomic':
        // A lookahead never backtracks into itself: what it captured is then taken whole.
        return `(?:(?=(${emit(node.body)}))\\${hidden.get(node)})`
      case 'repeat':
        return emit(node.body) + quantifier(node)
      case 'backref':
        caselessRef ||= node.caseless
        return `(?:\\${jsIndex[node.index]})`
      case 'assert':
        return { start: '^', end: '$', 'line-start': '(?<![^\\n])', 'line-end': '(?![^\\n])', word: '\\b', 'not-word': '\\B' }[node.kind]
    }
  }
  try {
    // Caseless backreferences need the `i` flag (which also folds non-ASCII letters; close enough).
    const source = emit(tree.root)
    const regex = new RegExp(source, caselessRef ? 'i' : '')
    const groups = hidden.size === 0 ? null : Array.from({ length: tree.groups }, (_, i) => jsIndex[i + 1])
    return { regex, groups }
  } catch {
    return null
  }
}

function jsSet(set: CharSet): string {
  const char = (code: number): string => (isAlnum(code) ? String.fromCharCode(code) : `\\u${code.toString(16).padStart(4, '0')}`)
  // Without the `u` flag JavaScript matches UTF-16 code units.
  const bmp: number[] = []
  for (let i = 0; i < set.length && set[i] <= 0xffff; i += 2) bmp.push(set[i], Math.min(set[i + 1], 0xffff))
  if (bmp.length === 0) return '[]'
  if (bmp.length === 2 && bmp[0] === 0 && bmp[1] === 0xffff) return '[^]'
  if (bmp.length === 2 && bmp[0] === bmp[1]) return char(bmp[0])
  let out = '['
  for (let i = 0; i < bmp.length; i += 2) out += bmp[i] === bmp[i + 1] ? char(bmp[i]) : `${char(bmp[i])}-${char(bmp[i + 1])}`
  return out + ']'
}
