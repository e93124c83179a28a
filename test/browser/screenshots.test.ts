/**
 * Screenshots of the editor as a learner meets it — a squiggle with its hover, the completion
 * list — on a desktop and a phone, light and dark. Each shot is taken only once what it should
 * show is on screen. `UPDATE_SCREENSHOTS=1` writes them to docs/images/ for the README;
 * otherwise they go to a temporary folder that is removed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'
import { clickAfter, editorReady, hoverSquiggle, replaceText, suggestions } from '../support/monaco.ts'

const canonical = readFileSync(join(ROOT, 'test/fixtures/check/ok-canonical/nginx.conf'), 'utf8')
const withoutMap = canonical.replace(/ {4}map \$http_upgrade[^}]*\}\n/, '')
const update = process.env.UPDATE_SCREENSHOTS === '1'

const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const

describe.skipIf(!chromiumAvailable())('screenshots of the editor', () => {
  let lab: BrowserLab
  let dir: string
  beforeAll(async () => {
    lab = await startBrowserLab()
    dir = update ? join(ROOT, 'docs/images') : mkdtempSync(join(tmpdir(), 'ul-shots-'))
  })
  afterAll(async () => {
    await lab?.close()
    if (!update && dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const device of ['desktop', 'phone'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${device}, ${theme}: a squiggle with its hover, then the completion list`, async () => {
        const { page, context, errors } = await openPage(lab, '/playground/', { ...SIZES[device], dark: theme === 'dark' })
        await editorReady(page)
        expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark')
        await replaceText(page, withoutMap)
        await expect.poll(() => page.locator('[data-testid="editor"] .squiggly-error').count()).toBeGreaterThan(0)
        await page.keyboard.press('ControlOrMeta+Home')
        expect(await hoverSquiggle(page)).toContain('unknown "connection_upgrade" variable')
        const hoverShot = join(dir, `editor-${device}-${theme}-hover.png`)
        await page.screenshot({ path: hoverShot })
        await page.mouse.move(1, 1)
        await clickAfter(page, 'proxy_http_version 1.1;')
        await page.keyboard.press('Enter')
        await page.keyboard.type('proxy_re')
        expect(await suggestions(page)).toContain('proxy_read_timeout')
        const suggestShot = join(dir, `editor-${device}-${theme}-completion.png`)
        await page.screenshot({ path: suggestShot })
        for (const shot of [hoverShot, suggestShot]) expect(statSync(shot).size).toBeGreaterThan(10_000)
        expect(errors.join('\n')).toBe('')
        await context.close()
      })
    }
  }
})

describe.skipIf(!chromiumAvailable())('screenshots of the playground', () => {
  let lab: BrowserLab
  let dir: string
  beforeAll(async () => {
    lab = await startBrowserLab()
    dir = update ? join(ROOT, 'docs/images') : mkdtempSync(join(tmpdir(), 'ul-shots-'))
  })
  afterAll(async () => {
    await lab?.close()
    if (!update && dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const [device, theme] of [['desktop', 'light'], ['desktop', 'dark'], ['phone', 'light'], ['phone', 'dark']] as const) {
    it(`${device}, ${theme}: Alice's message has reached Bob, and the hops of Bob's handshake show`, async () => {
      const { page, context, errors } = await openPage(lab, '/playground/', { ...SIZES[device], dark: theme === 'dark' })
      await page.waitForSelector('[data-status="ready"]', { timeout: 30_000 })
      for (const name of ['alice', 'bob']) {
        await page.click(`[data-client="${name}"] [data-testid="client-connect"]`)
        await page.waitForSelector(`[data-client="${name}"][data-state="open"]`)
      }
      await page.fill('[data-client="alice"] [data-testid="client-input"]', 'hello bob')
      await page.click('[data-client="alice"] [data-testid="client-send"]')
      await expect.poll(() => page.textContent('[data-client="bob"] [data-testid="client-log"]')).toContain('alice: hello bob')
      await page.waitForSelector('[data-testid="hops"] [data-hop="proxy-upstream"] [data-header="upgrade"]')
      // The opening preset's guide has seen its outcome.
      await page.waitForSelector('[data-testid="preset-outcome"][data-seen="true"]')
      // On a phone the page scrolls: show the clients and the start of the hops.
      if (device === 'phone') await page.locator('[data-client="bob"]').scrollIntoViewIfNeeded()
      const shot = join(dir, `playground-${device}-${theme}.png`)
      await page.screenshot({ path: shot })
      expect(statSync(shot).size).toBeGreaterThan(10_000)
      expect(errors.join('\n')).toBe('')
      await context.close()
    })
  }
})
