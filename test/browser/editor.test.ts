/**
 * The editor in real Chromium, used as a learner uses it: the engine's findings appear as they
 * type, the version selector re-checks, and nothing pasted freezes the page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'
import { clickAfter, editorReady, hoverText, replaceText, suggestions, textBox } from '../support/monaco.ts'

const canonical = readFileSync(join(ROOT, 'test/fixtures/check/ok-canonical/nginx.conf'), 'utf8')
const withoutMap = canonical.replace(/ {4}map \$http_upgrade[^}]*\}\n/, '')

describe.skipIf(!chromiumAvailable())('the editor in Chromium', () => {
  let lab: BrowserLab
  beforeAll(async () => {
    lab = await startBrowserLab()
  })
  afterAll(async () => {
    await lab?.close()
  })

  it('loads on the playground, checks the starter config as nginx -t would, with no console error', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('syntax is ok')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('underlines $connection_upgrade when the map is missing, with nginx\'s words', async () => {
    expect(withoutMap).not.toContain('map $http_upgrade')
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, withoutMap)
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('test failed')
    const problems = page.locator('[data-testid="diagnostics"] [data-code="NGINX_UNKNOWN_VARIABLE"]')
    await expect.poll(() => problems.count()).toBe(1)
    expect(await problems.textContent()).toContain('unknown "connection_upgrade" variable')
    // It is the line nginx -t prints, and the list says so.
    expect(await problems.textContent()).toContain('nginx -t prints this')
    // The squiggle sits under the variable's own characters.
    const squiggle = await page.locator('[data-testid="editor"] .squiggly-error').first().boundingBox()
    const variable = await textBox(page, '$connection_upgrade')
    expect(squiggle).not.toBeNull()
    expect(Math.abs(squiggle!.x - variable.x)).toBeLessThan(2)
    expect(Math.abs(squiggle!.width - variable.width)).toBeLessThan(2)
    expect(await hoverText(page, '$connection_upgrade')).toContain('unknown "connection_upgrade" variable')

    // The quick fix (Ctrl+.) adds the map, and the finding goes.
    await page.mouse.move(5, 5)
    await page.mouse.click(variable.x + 3, variable.y + variable.height / 2)
    await page.keyboard.press('ControlOrMeta+.')
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add the map $http_upgrade $connection_upgrade block to http' })
    await fix.waitFor()
    await fix.click()
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('syntax is ok')
    expect(await problems.count()).toBe(0)
    expect(await page.locator('[data-testid="editor"] .squiggly-error').count()).toBe(0)
    await textBox(page, 'map $http_upgrade $connection_upgrade {')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('shows a directive\'s default for the version on hover, from the table', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    const hover = await hoverText(page, 'proxy_http_version')
    expect(hover).toContain('Default (nginx 1.22.1): 1.0')
    expect(hover).toContain('ngx_http_proxy_module')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('completes the directives allowed where the cursor is', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await clickAfter(page, 'proxy_http_version 1.1;')
    await page.keyboard.press('Enter')
    await page.keyboard.type('proxy_pa')
    expect(await suggestions(page)).toContain('proxy_pass')
    await page.keyboard.press('Escape')
    for (let i = 0; i < 'proxy_pa'.length; i++) await page.keyboard.press('Backspace')
    // worker_processes is a main-context directive: inside location, nothing starting with "worker_" is offered.
    await page.keyboard.type('worker_')
    await page.keyboard.press('ControlOrMeta+Space')
    expect(await suggestions(page)).not.toContain('worker_processes')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('re-checks at once for another nginx release: ssl on is an error on 1.30.4', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, canonical.replace('server_name localhost;', 'server_name localhost;\n        ssl on;'))
    await expect.poll(() => page.locator('[data-testid="diagnostics"] [data-code="NGINX_DEPRECATED"]').count()).toBe(1)
    await page.selectOption('[data-testid="version"]', '1.30.4')
    await expect.poll(() => page.locator('[data-testid="diagnostics"] [data-code="NGINX_UNKNOWN_DIRECTIVE"]').textContent()).toContain(
      'unknown directive "ssl"',
    )
    expect(await page.textContent('[data-testid="editor-status"]')).toContain('test failed')
    // Hovers follow the release: proxy_http_version's default became 1.1 in 1.29.7.
    expect(await hoverText(page, 'proxy_http_version')).toContain('Default (nginx 1.30.4): 1.1')
    await page.mouse.move(5, 5)
    await page.selectOption('[data-testid="version"]', '1.22.1')
    await expect.poll(() => hoverText(page, 'proxy_http_version')).toContain('Default (nginx 1.22.1): 1.0')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('stays responsive after 64 KiB of random bytes are pasted', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    // Printable and control characters alike, as a careless paste brings them.
    let junk = ''
    let seed = 12345
    while (junk.length < 65536) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff
      junk += String.fromCharCode(seed % 256)
    }
    await replaceText(page, junk)
    // The page answers, the editor reports an outcome (a finding or a cut check), and typing still works.
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-testid="editor-status"]')?.textContent ?? ''), { timeout: 15_000 }).toMatch(
      /test failed|stopped|cannot check/,
    )
    const started = Date.now()
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(Date.now() - started).toBeLessThan(1000)
    await replaceText(page, canonical)
    await expect.poll(() => page.textContent('[data-testid="editor-status"]'), { timeout: 15_000 }).toContain('syntax is ok')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('hides a lab hint by its code, as check --ignore does, and shows it again', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, canonical.replace('proxy_set_header Connection $connection_upgrade;', 'proxy_set_header Connection "upgrade";'))
    const hint = page.locator('[data-testid="diagnostics"] [data-code="LAB_WS_CONNECTION_HARDCODED"]')
    await expect.poll(() => hint.count()).toBe(1)
    await page.click('[data-silence="LAB_WS_CONNECTION_HARDCODED"]')
    await expect.poll(() => hint.count()).toBe(0)
    expect(await page.textContent('[data-testid="editor-ignored"]')).toContain('LAB_WS_CONNECTION_HARDCODED')
    await page.click('[data-testid="editor-ignored"] button')
    await expect.poll(() => hint.count()).toBe(1)
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('opens an included stock file in a read-only tab (Go to Definition on the include)', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, canonical.replace('proxy_http_version 1.1;', 'proxy_http_version 1.1;\n            include proxy_params;'))
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('syntax is ok')
    const name = await textBox(page, 'proxy_params')
    await page.mouse.click(name.x + 4, name.y + name.height / 2)
    await page.keyboard.press('F12')
    const tab = page.locator('[data-testid="editor"] [role="tab"][data-path="/etc/nginx/proxy_params"]')
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true')
    await textBox(page, '# !!! Security workaround !!!')
    // Debian's file is the lab's, not the learner's: typing changes nothing.
    await page.click('[data-testid="editor"] .monaco-editor .view-lines')
    await page.keyboard.type('zzz')
    expect(await page.evaluate(() => document.querySelector('[data-testid="editor"] .view-lines')?.textContent ?? '')).not.toContain('zzz')
    await page.click('[data-testid="editor"] [role="tab"][data-path="/etc/nginx/nginx.conf"]')
    await textBox(page, 'include proxy_params;')
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('formats the document with the engine formatter (the Format button, as Format Document)', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, 'events {}\nhttp { server { listen 80; location / { return 200 "ok"; } } }\n')
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('syntax is ok')
    await page.click('[data-testid="editor-format"]')
    const lines = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="editor"] .view-line')].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ')))
    await expect.poll(lines).toEqual(['events {}', 'http {', '    server {', '        listen 80;', '        location / {', '            return 200 "ok";', '        }', '    }', '}', ''])
    expect(errors.join('\n')).toBe('')
    await context.close()
  })

  it('marks a finding caused by an earlier one, so the cause is fixed first', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    // An unclosed quote swallows the rest of the file: everything after follows from it.
    await replaceText(page, canonical.replace('server_name localhost;', 'server_name "localhost;'))
    const knockOn = page.locator('[data-testid="diagnostics"] .is-knock-on')
    await expect.poll(() => knockOn.count()).toBeGreaterThan(0)
    expect(await knockOn.first().textContent()).toMatch(/follows from 14:21/)
    expect(errors.join('\n')).toBe('')
    await context.close()
  })
})
