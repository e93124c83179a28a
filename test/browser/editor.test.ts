/**
 * The editor in real Chromium, used as a learner uses it: the engine's findings appear as they
 * type, the version selector re-checks, and nothing pasted freezes the page.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'
import { editorReady, hoverText, replaceText, textBox } from '../support/monaco.ts'

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
    expect(errors).toEqual([])
    await context.close()
  })

  it('underlines $connection_upgrade when the map is missing, with nginx\'s words', async () => {
    expect(withoutMap).not.toContain('map $http_upgrade')
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, withoutMap)
    await expect.poll(() => page.textContent('[data-testid="editor-status"]')).toContain('test failed')
    const problems = page.locator('[data-testid="editor-problems"] [data-code="NGINX_UNKNOWN_VARIABLE"]')
    await expect.poll(() => problems.count()).toBe(1)
    expect(await problems.textContent()).toContain('unknown "connection_upgrade" variable')
    // The squiggle sits under the variable's own characters.
    const squiggle = await page.locator('[data-testid="editor"] .squiggly-error').first().boundingBox()
    const variable = await textBox(page, '$connection_upgrade')
    expect(squiggle).not.toBeNull()
    expect(Math.abs(squiggle!.x - variable.x)).toBeLessThan(2)
    expect(Math.abs(squiggle!.width - variable.width)).toBeLessThan(2)
    expect(await hoverText(page, '$connection_upgrade')).toContain('unknown "connection_upgrade" variable')
    expect(errors).toEqual([])
    await context.close()
  })

  it('re-checks at once for another nginx release: ssl on is an error on 1.30.4', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await editorReady(page)
    await replaceText(page, canonical.replace('server_name localhost;', 'server_name localhost;\n        ssl on;'))
    await expect.poll(() => page.locator('[data-testid="editor-problems"] [data-code="NGINX_DEPRECATED"]').count()).toBe(1)
    await page.selectOption('[data-testid="editor-version"]', '1.30.4')
    await expect.poll(() => page.locator('[data-testid="editor-problems"] [data-code="NGINX_UNKNOWN_DIRECTIVE"]').textContent()).toContain(
      'unknown directive "ssl"',
    )
    expect(await page.textContent('[data-testid="editor-status"]')).toContain('test failed')
    expect(errors).toEqual([])
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
    expect(errors).toEqual([])
    await context.close()
  })
})
