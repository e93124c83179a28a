/**
 * Generates the command catalogs, server/nginx/directives/generated/commands-<version>.ts, from
 * the committed input of extract-commands.ts (server/nginx/tools/input/<version>.json) alone:
 * the same input gives the same bytes.
 *
 *   node --import ./server/bin/register.mjs server/nginx/tools/generate-catalogs.ts [version…]
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Arity, ContextName, ModuleType } from '../directive-spec.ts'
import type { CommandRow, SlotKind } from '../directives/generated/command-row.ts'
import type { RawCommand } from './c-tables.ts'
import type { CatalogInput } from './catalog-input.ts'

/** The context each context flag allows (src/core/ngx_conf_file.h, src/event/ngx_event.h, src/http/ngx_http_config.h). */
const CONTEXT_FLAGS: Record<string, ContextName> = {
  NGX_MAIN_CONF: 'main',
  NGX_EVENT_CONF: 'events',
  NGX_HTTP_MAIN_CONF: 'http',
  NGX_HTTP_SRV_CONF: 'server',
  NGX_HTTP_LOC_CONF: 'location',
  NGX_HTTP_UPS_CONF: 'upstream',
  NGX_HTTP_SIF_CONF: 'if-server',
  NGX_HTTP_LIF_CONF: 'if-location',
  NGX_HTTP_LMT_CONF: 'limit_except',
}

/** NGX_ANY_CONF: every context (ngx_conf_module's include). */
const ANY_CONF: readonly ContextName[] = [
  'main', 'events', 'http', 'server', 'location', 'upstream', 'if-server', 'if-location', 'limit_except',
]

/** The argument counts of NGX_CONF_NOARGS, NGX_CONF_TAKE1… and their unions (src/core/ngx_conf_file.h). */
const COUNT_FLAGS: Record<string, readonly number[]> = {
  NGX_CONF_NOARGS: [0],
  NGX_CONF_TAKE1: [1],
  NGX_CONF_TAKE2: [2],
  NGX_CONF_TAKE3: [3],
  NGX_CONF_TAKE4: [4],
  NGX_CONF_TAKE5: [5],
  NGX_CONF_TAKE6: [6],
  NGX_CONF_TAKE7: [7],
  NGX_CONF_TAKE12: [1, 2],
  NGX_CONF_TAKE13: [1, 3],
  NGX_CONF_TAKE23: [2, 3],
  NGX_CONF_TAKE123: [1, 2, 3],
  NGX_CONF_TAKE1234: [1, 2, 3, 4],
}

/** Flags that say nothing about contexts or arguments here. */
const OTHER_FLAGS = new Set(['NGX_DIRECT_CONF', 'NGX_CONF_BLOCK', 'NGX_CONF_FLAG', 'NGX_CONF_ANY', 'NGX_CONF_1MORE', 'NGX_CONF_2MORE'])

const MODULE_TYPES: Record<string, ModuleType> = {
  NGX_CORE_MODULE: 'core',
  NGX_EVENT_MODULE: 'event',
  NGX_HTTP_MODULE: 'http',
  NGX_CONF_MODULE: 'conf',
}

/** The generic setters (src/core/ngx_conf_file.c, src/http/ngx_http_script.c); any other handler is custom. */
const SLOTS: Record<string, SlotKind> = {
  ngx_conf_set_flag_slot: 'flag',
  ngx_conf_set_size_slot: 'size',
  ngx_conf_set_msec_slot: 'msec',
  ngx_conf_set_sec_slot: 'sec',
  ngx_conf_set_num_slot: 'num',
  ngx_conf_set_str_slot: 'str',
  ngx_conf_set_bitmask_slot: 'bitmask',
  ngx_conf_set_enum_slot: 'enum',
  ngx_conf_set_str_array_slot: 'str_array',
  ngx_conf_set_bufs_slot: 'bufs',
  ngx_conf_set_off_slot: 'off',
  ngx_conf_set_keyval_slot: 'keyval',
  ngx_http_set_complex_value_slot: 'complex',
  ngx_http_set_complex_value_size_slot: 'complex',
  ngx_http_set_complex_value_zero_slot: 'complex',
  ngx_http_set_predicate_slot: 'predicate',
}

/**
 * The argument count check of ngx_conf_handler (src/core/ngx_conf_file.c): NGX_CONF_ANY first,
 * then FLAG, 1MORE, 2MORE, and otherwise the TAKEn bits.
 */
export function arityOf(flags: readonly string[]): Arity {
  if (flags.includes('NGX_CONF_ANY')) return 'any'
  if (flags.includes('NGX_CONF_FLAG')) return 'flag'
  if (flags.includes('NGX_CONF_1MORE')) return '1more'
  if (flags.includes('NGX_CONF_2MORE')) return '2more'
  const counts = new Set<number>()
  for (const flag of flags) for (const n of COUNT_FLAGS[flag] ?? []) counts.add(n)
  if (counts.size === 0) throw new Error(`no argument count in ${flags.join('|')}`)
  return [...counts].sort((a, b) => a - b)
}

/** The contexts a command's flags allow, in the order its type field names them. */
export function contextsOf(flags: readonly string[]): ContextName[] {
  if (flags.includes('NGX_ANY_CONF')) return [...ANY_CONF]
  const contexts: ContextName[] = []
  for (const flag of flags) {
    const context = CONTEXT_FLAGS[flag]
    if (context) {
      if (!contexts.includes(context)) contexts.push(context)
    } else if (!OTHER_FLAGS.has(flag) && !COUNT_FLAGS[flag]) throw new Error(`unknown flag ${flag}`)
  }
  if (contexts.length === 0) throw new Error(`no context in ${flags.join('|')}`)
  return contexts
}

export function rowOf(input: CatalogInput, module: string, moduleType: string, command: RawCommand): CommandRow {
  const type = MODULE_TYPES[moduleType]
  if (!type) throw new Error(`${module}: unknown module type ${moduleType}`)
  const slot = SLOTS[command.set] ?? 'custom'
  const extra: NonNullable<CommandRow[6]> = {}
  if (slot === 'enum' || slot === 'bitmask') {
    const table = command.post === null ? undefined : input.valueTables[command.post]
    if (!table) throw new Error(`${command.name}: no value table ${command.post}`)
    extra.values = table.values
  }
  if (command.flags.includes('NGX_CONF_BLOCK')) extra.block = true
  const row: CommandRow = [command.name, module, type, contextsOf(command.flags), arityOf(command.flags), slot]
  if (Object.keys(extra).length) row.push(extra)
  return row
}

/** The rows of one version, in ngx_modules[] order and each module's table order. */
export function rowsOf(input: CatalogInput): CommandRow[] {
  return input.modules.flatMap((m) => m.commands.map((c) => rowOf(input, m.name, m.type, c)))
}

export function constName(version: string): string {
  return `COMMANDS_${version.replace(/\./g, '_')}`
}

const str = (s: string) => JSON.stringify(s)

function renderArity(args: Arity): string {
  return typeof args === 'string' ? `'${args}'` : `[${args.join(', ')}]`
}

function renderRow(row: CommandRow): string {
  const [name, module, moduleType, contexts, args, slot, extra] = row
  const parts = [str(name), str(module), str(moduleType), `[${contexts.map(str).join(', ')}]`, renderArity(args), str(slot)]
  if (extra) {
    const fields: string[] = []
    if (extra.values) fields.push(`values: [${extra.values.map(str).join(', ')}]`)
    if (extra.block) fields.push('block: true')
    parts.push(`{ ${fields.join(', ')} }`)
  }
  return `  [${parts.join(', ')}],`
}

/** The content of generated/commands-<version>.ts. */
export function renderCatalog(input: CatalogInput): string {
  const rows = rowsOf(input)
  const modules = input.modules.filter((m) => m.commands.length).length
  return [
    `// Generated by server/nginx/tools/generate-catalogs.ts from server/nginx/tools/input/${input.version}.json: do not edit.`,
    `// nginx ${input.tag} (${input.commit}).`,
    '/**',
    ` * Every directive nginx ${input.version} knows when built with Debian's configure options and no`,
    ' * dynamic module loaded, in nginx\'s module order (the order ngx_conf_handler searches): one row',
    ' * per ngx_command_t, with its module, module type, contexts, argument count, generic setter,',
    ` * an enum or bitmask setter's values, and NGX_CONF_BLOCK. ${rows.length} directives from ${modules} modules.`,
    ' */',
    "import type { CommandRow } from './command-row.ts'",
    '',
    `export const ${constName(input.version)}: CommandRow[] = [`,
    ...rows.map(renderRow),
    ']',
    '',
  ].join('\n')
}

export function generatedFileName(version: string): string {
  return `commands-${version}.ts`
}

export const INPUT_DIR = fileURLToPath(new URL('./input/', import.meta.url))
export const GENERATED_DIR = fileURLToPath(new URL('../directives/generated/', import.meta.url))

/** The versions with a committed input. */
export function inputVersions(): string[] {
  return readdirSync(INPUT_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()
}

export function readInput(version: string): CatalogInput {
  return JSON.parse(readFileSync(join(INPUT_DIR, `${version}.json`), 'utf8')) as CatalogInput
}

function main(argv: string[]): void {
  for (const version of argv.length ? argv : inputVersions()) {
    const input = readInput(version)
    const path = join(GENERATED_DIR, generatedFileName(version))
    writeFileSync(path, renderCatalog(input))
    console.log(`${version}: ${rowsOf(input).length} rows → ${path}`)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2))
