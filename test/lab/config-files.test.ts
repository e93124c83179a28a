/**
 * A config is a set of files (docs/lab-api.md "Configs"): Debian's stock nginx.conf applied as
 * is, with the visitor's files in sites-enabled/ and conf.d/ beside Debian's stock files; errors
 * named by their file; every refusal of a bad `files`, and hostile ones, answered while the
 * session keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEBIAN_FILES } from '../../server/nginx/debian-files.ts'
import { DEFAULT_LIMITS, limitsFromEnv } from '../../server/sandbox/limits.ts'
import { LabClient, startTestLab, type TestLab } from '../support/lab.ts'

const STOCK = DEBIAN_FILES['/etc/nginx/nginx.conf']

/** CANONICAL (test/support/lab.ts) as a Debian site: the map and the server, without events/http. */
const CHAT_SITE = `map $http_upgrade $connection_upgrade {
    default upgrade;
    ''      close;
}
server {
    listen 8020;
    location / {
        proxy_pass http://127.0.0.1:8010;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
    }
}
`
const CHAT = '/etc/nginx/sites-enabled/chat.conf'

interface Diagnostic {
  severity: string
  message: string
  file: string
  line: number
}
interface Verdict {
  ok?: boolean
  applied?: boolean
  diagnostics: Diagnostic[]
  session?: { config: string | null; files: Record<string, string> }
  error?: string
  limit?: string
}

let lab: TestLab
beforeAll(async () => {
  lab = await startTestLab()
})
afterAll(async () => {
  await lab.close()
})

async function chatWorks(id: string): Promise<void> {
  const alice = new LabClient(lab.port, id, 'alice', 'localhost:8020', '/?room=lobby&nick=alice')
  const bob = new LabClient(lab.port, id, 'bob', 'localhost:8020', '/?room=lobby&nick=bob')
  await Promise.all([alice.opened, bob.opened])
  await bob.chat('welcome')
  alice.ws.send('through the stock nginx.conf')
  expect(await bob.chat('message', 'through the stock nginx.conf')).toMatchObject({ nick: 'alice', instance: 'A' })
  alice.close()
  bob.close()
}

const apply = (id: string, body: unknown) => lab.api<Verdict>('POST', `/api/sessions/${id}/apply`, body)
const check = (id: string, body: unknown) => lab.api<Verdict>('POST', `/api/sessions/${id}/check`, body)

describe('a config is a set of files', () => {
  it("applies Debian's stock nginx.conf as is, with the chat site in sites-enabled/, and a chat goes through", async () => {
    const id = await lab.session()
    const checked = await check(id, { config: STOCK, files: { [CHAT]: CHAT_SITE } })
    expect(checked.status).toBe(200)
    expect(checked.body.ok).toBe(true)
    const applied = await apply(id, { config: STOCK, files: { [CHAT]: CHAT_SITE } })
    expect(applied.status).toBe(200)
    expect(applied.body.applied).toBe(true)
    expect(applied.body.diagnostics.filter((d) => d.severity !== 'lab')).toEqual([])
    expect(applied.body.session).toMatchObject({ config: STOCK, files: { [CHAT]: CHAT_SITE } })
    await chatWorks(id)
    // The session keeps the applied files and describes them beside the config.
    const described = await lab.api<{ config: string; files: Record<string, string>; configFile: string }>('GET', `/api/sessions/${id}`)
    expect(described.body).toMatchObject({ config: STOCK, configFile: '/etc/nginx/nginx.conf', files: { [CHAT]: CHAT_SITE } })
    expect(Object.keys(described.body.files)).toEqual([CHAT])
  })

  it('describes a session without files as files: {}', async () => {
    const id = await lab.session()
    expect((await lab.api('GET', `/api/sessions/${id}`)).body).toMatchObject({ config: null, files: {} })
  })

  it('names the included file and its line in a diagnostic, and a refused reload keeps the old files', async () => {
    const id = await lab.session()
    expect((await apply(id, { config: STOCK, files: { [CHAT]: CHAT_SITE } })).status).toBe(200)
    const broken = CHAT_SITE.replace('proxy_http_version 1.1;', 'proxy_http_version 1.1')
    const checked = await check(id, { config: STOCK, files: { [CHAT]: broken } })
    expect(checked.body.ok).toBe(false)
    const first = checked.body.diagnostics.find((d) => d.severity === 'emerg')
    expect(first).toMatchObject({ file: CHAT, line: 9, message: 'invalid number of arguments in "proxy_http_version" directive' })
    const refused = await apply(id, { config: STOCK, files: { [CHAT]: broken } })
    expect(refused.status).toBe(422)
    expect(refused.body.diagnostics.find((d) => d.severity === 'emerg')).toMatchObject({ file: CHAT, line: 9 })
    expect(refused.body.session?.files).toEqual({ [CHAT]: CHAT_SITE })
    await chatWorks(id)
  })

  it('includes through globs: conf.d/*.conf and sites-enabled/* of the stock file, a glob of the visitor, the stock proxy_params', async () => {
    const id = await lab.session()
    const files = {
      '/etc/nginx/conf.d/upgrade.conf': CHAT_SITE.slice(0, CHAT_SITE.indexOf('server {')),
      [CHAT]: `server {
    listen 8020;
    location / {
        include snippets/ws-*.conf;
        include proxy_params;
        proxy_pass http://127.0.0.1:8010;
    }
}
`,
      '/etc/nginx/snippets/ws-upgrade.conf': 'proxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;\n',
      '/etc/nginx/snippets/ws-version.conf': 'proxy_http_version 1.1;\n',
    }
    const applied = await apply(id, { config: STOCK, files })
    expect(applied.status).toBe(200)
    await chatWorks(id)
    // The glob's files are read in glob(3)'s order: the second one is where the duplicate is.
    const twice = { ...files, '/etc/nginx/snippets/ws-version.conf': 'proxy_http_version 1.1;\nproxy_http_version 1.1;\n' }
    const duplicate = await check(id, { config: STOCK, files: twice })
    expect(duplicate.body.diagnostics.find((d) => d.severity === 'emerg')).toMatchObject({
      file: '/etc/nginx/snippets/ws-version.conf',
      line: 2,
      message: '"proxy_http_version" directive is duplicate',
    })
    // A glob that matches nothing is fine, as in nginx; a missing file is not.
    const nothing = await check(id, { config: STOCK, files: { ...files, [CHAT]: files[CHAT].replace('snippets/ws-*.conf', 'snippets/none-*.conf') } })
    expect(nothing.body).toMatchObject({ ok: true })
    const missing = await check(id, { config: STOCK, files: { ...files, [CHAT]: files[CHAT].replace('snippets/ws-*.conf', 'snippets/ws.conf') } })
    expect(missing.body.ok).toBe(false)
    expect(missing.body.diagnostics.find((d) => d.severity === 'emerg')).toMatchObject({ file: CHAT, line: 4, message: 'open() "/etc/nginx/snippets/ws.conf" failed (2: No such file or directory)' })
  })

  it('reads the main text at its own path: a config including nginx.conf includes itself, and the lab stops the loop', async () => {
    const id = await lab.session()
    const loop = await check(id, { config: STOCK, files: { [CHAT]: 'include /etc/nginx/sites-enabled/*;\n' } })
    expect(loop.status).toBe(400)
    expect(loop.body.error).toMatch(/^this config's includes .* \(an include loop\?\)/)
    const applyLoop = await apply(id, { config: STOCK, files: { '/etc/nginx/conf.d/a.conf': 'include conf.d/*.conf;', '/etc/nginx/conf.d/b.conf': 'include conf.d/*.conf;' } })
    expect(applyLoop.status).toBe(400)
    expect((await apply(id, { config: STOCK, files: { [CHAT]: CHAT_SITE } })).status).toBe(200)
    await chatWorks(id)
  })
})

describe('files: every refusal is clear, and the session keeps serving', () => {
  let id: string
  beforeAll(async () => {
    id = await lab.session()
    expect((await apply(id, { config: STOCK, files: { [CHAT]: CHAT_SITE } })).status).toBe(200)
  })

  it.each<[string, unknown, number, string]>([
    ['an array', [CHAT_SITE], 400, '"files" must be an object of absolute paths to file texts'],
    ['a string', CHAT_SITE, 400, '"files" must be an object'],
    ['null', null, 400, '"files" must be an object'],
    ['a text that is not a string', { [CHAT]: 42 }, 400, `"files": the text of "${CHAT}" must be a string`],
    ['a nested object', { [CHAT]: { text: CHAT_SITE } }, 400, 'must be a string'],
    ['a relative path', { 'sites-enabled/chat.conf': CHAT_SITE }, 400, '"files": the file path "sites-enabled/chat.conf" is not absolute (it must start with /etc/nginx/)'],
    ['a ".." segment', { '/etc/nginx/sites-enabled/../../passwd': 'x' }, 400, 'is not normalized ("." or ".." segments)'],
    ['a "." segment', { '/etc/nginx/./chat.conf': 'x' }, 400, 'is not normalized ("." or ".." segments)'],
    ['a "//"', { '/etc/nginx//chat.conf': 'x' }, 400, 'is not normalized ("//")'],
    ['a NUL', { '/etc/nginx/chat.conf\u0000.jpg': 'x' }, 400, 'holds a control character'],
    ['a path outside /etc/nginx/', { '/etc/passwd': 'x' }, 400, '"files": the file path "/etc/passwd" is not under /etc/nginx/'],
    ['a directory', { '/etc/nginx/conf.d/': 'x' }, 400, 'names a directory'],
    ["Debian's mime.types", { '/etc/nginx/mime.types': 'types {}' }, 400, `"files": "/etc/nginx/mime.types" is Debian's stock file, read-only in the lab`],
    ["Debian's sites-available/default", { '/etc/nginx/sites-available/default': '' }, 400, "is Debian's stock file, read-only in the lab"],
    ['the main config', { '/etc/nginx/nginx.conf': STOCK }, 400, '"files": "/etc/nginx/nginx.conf" is the main config: send its text as "config"'],
    ['__proto__', JSON.parse('{"__proto__": "events {}"}'), 400, '"files": the file path "__proto__" is not absolute'],
    ['constructor', { constructor: 'events {}' }, 400, '"files": the file path "constructor" is not absolute'],
    ['a long path', { [`/etc/nginx/${'a'.repeat(300)}`]: 'x' }, 400, 'is longer than 128 characters'],
    ['too many files', Object.fromEntries(Array.from({ length: DEFAULT_LIMITS.configFiles + 1 }, (_, i) => [`/etc/nginx/conf.d/${i}.conf`, ''])), 413, `33 files is over the limit of 32 files beside the main config`],
    ['files over the size limit together', { '/etc/nginx/conf.d/a.conf': '#'.repeat(40_000), '/etc/nginx/conf.d/b.conf': '#'.repeat(40_000) }, 413, `config with its 2 files of ${80_000 + Buffer.byteLength(STOCK)} bytes is over the limit of 65536 bytes`],
  ])('%s', async (_name, files, status, error) => {
    for (const call of [check, apply]) {
      const answer = await call(id, { config: STOCK, files })
      expect(answer.status).toBe(status)
      expect(answer.body.error).toContain(error)
      if (status === 413) expect(answer.body.limit).toBe(String(error).includes('files beside') ? 'configFiles' : 'configBytes')
    }
    const described = await lab.api<{ files: Record<string, string> }>('GET', `/api/sessions/${id}`)
    expect(described.body.files).toEqual({ [CHAT]: CHAT_SITE })
  })

  it('answers hostile bodies with a 4xx and bounded work, and the session still chats', async () => {
    const started = performance.now()
    // Ten thousand files, in a body within the size limit: refused on the count alone.
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`/etc/nginx/conf.d/${i}`, '']))
    const manyAnswer = await apply(id, { config: STOCK, files: many })
    expect([400, 413]).toContain(manyAnswer.status)
    // One huge file: refused on the body size before it is parsed.
    const huge = await apply(id, { config: STOCK, files: { [CHAT]: 'x'.repeat(4 << 20) } })
    expect(huge.status).toBe(413)
    expect(huge.body.error).toMatch(/^request body over \d+ bytes$/)
    // Traversal through every spelling.
    for (const path of ['/etc/nginx/../shadow', '/etc/nginx/sites-enabled/..', '/../etc/nginx/x', '/etc/nginx/%2e%2e/x'.replace('%2e%2e', '..'), '\\etc\\nginx\\x', '/etc/nginx\u0000/x']) {
      const answer = await apply(id, { config: STOCK, files: { [path]: 'events {}' } })
      expect(answer.status, path).toBe(400)
    }
    // Prototype keys, together with a good file: nothing is written on a shared prototype.
    const raw = `{"config": ${JSON.stringify(STOCK)}, "files": {"${CHAT}": ${JSON.stringify(CHAT_SITE)}, "__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}}`
    const proto = await lab.api<Verdict>('POST', `/api/sessions/${id}/apply`, raw)
    expect(proto.status).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // A config including a path the visitor made up finds no file there.
    const outside = await check(id, { config: STOCK, files: { [CHAT]: 'include /etc/passwd;' } })
    expect(outside.body.diagnostics.find((d) => d.severity === 'emerg')).toMatchObject({ file: CHAT, message: 'open() "/etc/passwd" failed (2: No such file or directory)' })
    expect(performance.now() - started).toBeLessThan(10_000)
    expect((await lab.api<{ files: Record<string, string> }>('GET', `/api/sessions/${id}`)).body.files).toEqual({ [CHAT]: CHAT_SITE })
    await chatWorks(id)
  })
})

describe('the configFiles limit', () => {
  it('is LAB_CONFIG_FILES, and a lab started with 2 takes 2 files, not 3', async () => {
    expect(limitsFromEnv({ LAB_CONFIG_FILES: '2' }).configFiles).toBe(2)
    expect(() => limitsFromEnv({ LAB_CONFIG_FILES: '-1' })).toThrow('LAB_CONFIG_FILES must be a positive number, not "-1"')
    const small = await startTestLab({ configFiles: 2 })
    try {
      const id = await small.session()
      const two = { [CHAT]: CHAT_SITE, '/etc/nginx/conf.d/empty.conf': '' }
      expect((await small.api('POST', `/api/sessions/${id}/apply`, { config: STOCK, files: two })).status).toBe(200)
      const three = await small.api('POST', `/api/sessions/${id}/apply`, { config: STOCK, files: { ...two, '/etc/nginx/conf.d/more.conf': '' } })
      expect(three).toEqual({ status: 413, body: { error: '3 files is over the limit of 2 files beside the main config', limit: 'configFiles' } })
      expect((await small.api<{ limits: { configFiles: number } }>('GET', `/api/sessions/${id}`)).body.limits.configFiles).toBe(2)
    } finally {
      await small.close()
    }
  })
})
