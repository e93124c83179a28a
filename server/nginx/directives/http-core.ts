/**
 * ngx_http_core_module: `server`, `listen`, `server_name`, `location`, `root`, `error_page`,
 * `types`, timeouts and the rest of the core HTTP directives.
 */
import { Level, type LocationConf, type LocationModifier, type ServerConf } from '../conf.ts'
import type { DirectiveContext } from '../directive-context.ts'
import { HANDLED, type Handler } from '../directive-spec.ts'
import { compileRegex } from '../regex.ts'
import type { ConfigRegex } from '../regex-match.ts'
import { bufsSlot, flagSlot, msecSlot, strSlot } from '../slots.ts'
import { atoi, parseTime, parseUrl } from '../values.ts'
import { setErrorLog } from './error-log.ts'
import { addListen, setListen } from './listen.ts'
import { row, type HandwrittenSpec, type RowBase } from './row.ts'

/** The server a directive stands in (directly or in a location below it). */
export function currentServer(cx: DirectiveContext): ServerConf | undefined {
  for (let level: Level | null = cx.level; level; level = level.parent) {
    const s = level.get('$server')
    if (s) return s.value
  }
  return undefined
}

/** The location a directive stands in, if any. */
export function currentLocation(level: Level): LocationConf | undefined {
  for (let l: Level | null = level; l; l = l.parent) {
    const loc = l.get('$location')
    if (loc) return loc.value
  }
  return undefined
}

const server: Handler = (cx) => {
  const level = new Level('server', cx.level)
  const conf: ServerConf = {
    level,
    node: cx.node,
    file: cx.file,
    listens: [],
    implicitListen: false,
    serverNames: [],
    locations: [],
    namedLocations: [],
  }
  level.settings.set('$server', { value: conf, node: cx.node, file: cx.file })
  cx.http.servers.push(conf)
  cx.parseBlock('server', level)
  if (conf.listens.length === 0) {
    // nginx listens on *:80 (as root) when a server has no listen directive.
    conf.implicitListen = true
    const listen = {
      text: '*:80', host: '0.0.0.0', port: 80, ipv6: false, wildcard: true, defaultServer: false,
      ssl: false, http2: false, bindOptions: [], node: cx.node, file: cx.file,
    }
    conf.listens.push(listen)
    const error = addListen(cx.http.addresses, conf, listen)
    if (error) return cx.error(error, undefined, 'NGINX_DUPLICATE')
  }
}

const listen: Handler = (cx) => {
  const conf = cx.level.get('$server')?.value
  if (!conf) return HANDLED
  return setListen(cx, conf)
}

const serverName: Handler = (cx) => {
  const conf = cx.level.get('$server')?.value
  if (!conf) return HANDLED
  for (let i = 0; i < cx.args.length; i++) {
    const word = cx.args[i]
    const value = word.value
    const ch = value[0]
    if ((ch === '*' && (value.length < 3 || value[1] !== '.')) || (ch === '.' && value.length < 2)) {
      return cx.error(`server name "${value}" is invalid`, i + 1)
    }
    if (value.includes('/')) cx.warn(`server name "${value}" has suspicious symbols`, i + 1)
    if (ch !== '~') {
      const name = value.toLowerCase() === '$hostname' ? 'localhost' : value.toLowerCase()
      const kind = name.startsWith('*.') ? 'wildcard-head' : name.endsWith('.*') ? 'wildcard-tail' : name.startsWith('.') ? 'dot' : 'exact'
      conf.serverNames.push({ name, kind, regex: null, range: word.range })
      continue
    }
    if (value.length === 1) return cx.error(`empty regex in server name "${value}"`, i + 1)
    const compiled = compileRegex(cx, value.slice(1), true, word)
    if (!compiled) return HANDLED
    conf.serverNames.push({ name: value.slice(1), kind: 'regex', regex: compiled, range: word.range })
  }
}

/** ngx_http_core_location: the modifier, nesting rules, then the block. */
const location: Handler = (cx) => {
  const values = cx.values
  let modifier: LocationModifier = ''
  let name: string
  let regex: ConfigRegex | null = null
  const nameWord = cx.args[cx.args.length - 1]
  if (values.length === 2) {
    const mod = values[0]
    name = values[1]
    if (mod === '=' || mod === '^~') modifier = mod
    else if (mod === '~' || mod === '~*') {
      modifier = mod
      regex = compileRegex(cx, name, mod === '~*', nameWord)
      if (!regex) return HANDLED
    } else return cx.error(`invalid location modifier "${mod}"`, 1)
  } else {
    const raw = values[0]
    if (raw.startsWith('=')) {
      modifier = '='
      name = raw.slice(1)
    } else if (raw.startsWith('^~')) {
      modifier = '^~'
      name = raw.slice(2)
    } else if (raw.startsWith('~')) {
      const caseless = raw[1] === '*'
      modifier = caseless ? '~*' : '~'
      name = raw.slice(caseless ? 2 : 1)
      regex = compileRegex(cx, name, caseless, nameWord)
      if (!regex) return HANDLED
    } else {
      name = raw
      if (raw.startsWith('@')) modifier = '@'
    }
  }

  const parent = cx.context === 'location' ? currentLocation(cx.level) : undefined
  if (parent) {
    if (parent.modifier === '=') {
      return cx.error(`location "${name}" cannot be inside the exact location "${parent.name}"`, nameWord)
    }
    if (parent.modifier === '@') {
      return cx.error(`location "${name}" cannot be inside the named location "${parent.name}"`, nameWord)
    }
    if (modifier === '@') return cx.error(`named location "${name}" can be on the server level only`, nameWord)
    if (regex === null && !name.startsWith(parent.name)) {
      return cx.error(`location "${name}" is outside location "${parent.name}"`, nameWord)
    }
  }

  const level = new Level('location', cx.level)
  const conf: LocationConf = {
    modifier,
    name,
    regex,
    level,
    node: cx.node,
    file: cx.file,
    children: [],
    parent: parent ?? null,
  }
  level.settings.set('$location', { value: conf, node: cx.node, file: cx.file })
  const srv = currentServer(cx)
  if (parent) parent.children.push(conf)
  else if (modifier === '@') srv?.namedLocations.push(conf)
  else srv?.locations.push(conf)
  cx.parseBlock('location', level)
}

/** `root` and `alias` share one setting (ngx_http_core_root). */
function rootOrAlias(alias: boolean): Handler {
  return (cx) => {
    const existing = cx.level.get('$root')
    if (existing) {
      if (existing.value.alias === alias) return 'is duplicate'
      return cx.error(
        `"${cx.name}" directive is duplicate, "${existing.value.alias ? 'alias' : 'root'}" directive was specified earlier`,
      )
    }
    const loc = currentLocation(cx.level)
    if (loc?.modifier === '@') {
      return cx.error(`"${cx.name}" directive is not allowed here`)
    }
    const value = cx.values[0]
    if (value.includes('$document_root') || value.includes('${document_root}')) {
      return cx.error(`the $document_root variable cannot be used in the "${cx.name}" directive`, 1)
    }
    if (value.includes('$realpath_root') || value.includes('${realpath_root}')) {
      return cx.error(`the $realpath_root variable cannot be used in the "${cx.name}" directive`, 1)
    }
    if (cx.compile(cx.args[0]) === null) return HANDLED
    cx.level.settings.set('$root', { value: { alias }, node: cx.node, file: cx.file })
    cx.set(value)
  }
}

/** `error_page code ... [=[response]] uri` (ngx_http_core_error_page). */
const errorPage: Handler = (cx) => {
  const values = cx.values
  let last = values.length - 1
  let overwrite: number | null = null
  const responseArg = values[last - 1]
  if (responseArg.startsWith('=')) {
    if (last - 1 === 0) return cx.error(`invalid value "${responseArg}"`, last)
    if (responseArg.length > 1) {
      const n = atoi(responseArg.slice(1))
      if (n === null) return cx.error(`invalid value "${responseArg}"`, last)
      overwrite = n
    } else overwrite = 0
    last--
  }
  const uri = cx.args[values.length - 1]
  if (cx.compile(uri) === null) return HANDLED
  const codes: number[] = []
  for (let i = 0; i < last; i++) {
    const n = atoi(values[i])
    if (n === null || n === 499) return cx.error(`invalid value "${values[i]}"`, i + 1)
    if (n < 300 || n > 599) return cx.error(`value "${values[i]}" must be between 300 and 599`, i + 1)
    codes.push(n)
  }
  cx.push({ codes, overwrite, uri: uri.value })
}

const keepaliveTimeout: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  const timeout = parseTime(cx.values[0], false)
  if (timeout === null) return 'invalid value'
  let header: number | null = null
  if (cx.values.length === 2) {
    header = parseTime(cx.values[1], true)
    if (header === null) return 'invalid value'
  }
  cx.set({ timeout, header })
}

/** `types { type ext ...; }`: a block read by a custom handler (ngx_http_core_type). */
const types: Handler = (cx) => {
  const table = cx.level.get('types')?.value ?? new Map<string, string>()
  cx.set(table)
  cx.parseBlockWith((words) => {
    const [type, ...extensions] = words
    if (type.value === 'include') {
      if (words.length !== 2) return 'invalid number of arguments in "include" directive'
      return
    }
    for (const ext of extensions) {
      const key = ext.value.toLowerCase()
      const previous = table.get(key)
      if (previous !== undefined) {
        cx.warn(`duplicate extension "${ext.value}", content type: "${type.value}", previous content type: "${previous}"`, ext)
      }
      table.set(key, type.value)
    }
  })
}

/** `resolver address ... [valid=time] [ipv6=on|off]` (ngx_resolver_create). */
const resolver: Handler = (cx) => {
  if (cx.isSet()) return 'is duplicate'
  for (let i = 0; i < cx.args.length; i++) {
    const value = cx.values[i]
    if (value.startsWith('valid=')) {
      if (parseTime(value.slice(6), true) === null) return cx.error(`invalid parameter: ${value}`, i + 1)
      continue
    }
    if (value.startsWith('ipv6=')) {
      if (value !== 'ipv6=on' && value !== 'ipv6=off') return cx.error(`invalid parameter: ${value}`, i + 1)
      continue
    }
    const parsed = parseUrl(value, { defaultPort: 53 })
    if (!parsed.ok) return parsed.err ? cx.error(`${parsed.err} in resolver "${value}"`, i + 1) : HANDLED
    if (!parsed.url.literal && !cx.analyzer.options.host.resolve(parsed.url.host)) {
      return cx.error(`host not found in resolver "${value}"`, i + 1, 'NGINX_HOST_NOT_FOUND')
    }
  }
  cx.set(cx.values)
}

const CORE: RowBase = { module: 'ngx_http_core_module', moduleType: 'http', contexts: ['http', 'server', 'location'], conf: 'loc' }
const MAIN_SRV = { ...CORE, contexts: ['http', 'server'], conf: 'srv' } as const
const SRV = { ...CORE, contexts: ['server'], conf: 'srv' } as const
const MAIN = { ...CORE, contexts: ['http'], conf: 'main' } as const
const LOC_LIF = { ...CORE, contexts: ['http', 'server', 'location', 'if-location'] } as const

export const httpCoreDirectives: HandwrittenSpec[] = [
  row(MAIN, 'server', [0], server, {
    block: true,
  }),
  row(MAIN_SRV, 'large_client_header_buffers', [2], bufsSlot),
  row({ ...CORE, contexts: ['server', 'location'] }, 'location', [1, 2], location, {
    block: true,
  }),
  row(SRV, 'listen', '1more', listen),
  row(SRV, 'server_name', '1more', serverName),
  row(CORE, 'types', [0], types, {
    block: true,
  }),
  row(CORE, 'default_type', [1], strSlot),
  row(LOC_LIF, 'root', [1], rootOrAlias(false)),
  row({ ...CORE, contexts: ['location'] }, 'alias', [1], rootOrAlias(true)),
  row({ ...CORE, contexts: ['http', 'server', 'location', 'if-location'] }, 'sendfile', 'flag', flagSlot),
  row(CORE, 'send_timeout', [1], msecSlot),
  row(CORE, 'keepalive_timeout', [1, 2], keepaliveTimeout),
  row(CORE, 'keepalive_disable', [1, 2], (cx) => cx.set(cx.values)),
  row({ ...CORE, contexts: ['location'] }, 'internal', [0], (cx) => cx.set(true)),
  row({ ...CORE, contexts: ['http', 'server', 'location', 'if-location'] }, 'error_page', '2more', errorPage),
  row(CORE, 'error_log', '1more', setErrorLog),
  row(CORE, 'open_file_cache', [1, 2], (cx) => cx.set(cx.values)),
  row(CORE, 'resolver', '1more', resolver),
  row(CORE, 'disable_symlinks', [1, 2], (cx) => cx.set(cx.values)),
]
