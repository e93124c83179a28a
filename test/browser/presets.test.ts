/**
 * Every preset of the gallery (docs/examples/presets.json), in Chromium against a real lab: it
 * loads and applies, the learner's steps are done through the page, and the outcome it promises
 * is seen in the trace (the page's own check of the preset's predicate, shown to the learner).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCatalog, type PresetStep } from '../../components/presets/catalog.ts'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab, type WatchedPage } from '../support/browser.ts'

const PRESETS = readCatalog(JSON.parse(readFileSync(join(ROOT, 'docs/examples/presets.json'), 'utf8')))
/**
 * What Chromium itself logs as errors for outcomes the presets cause on purpose: a WebSocket
 * handshake that fails, and the lab's 422 for a config nginx refuses (docs/lab-api.md).
 */
const EXPECTED = [/^WebSocket connection to 'ws:\/\/[^']+' failed: /, /^Failed to load resource: the server responded with a status of 422 \(Unprocessable Entity\)$/]

async function step(page: Page, s: PresetStep): Promise<void> {
  if (s.do === 'connect') {
    const client = page.locator(`[data-client="${s.client}"]`)
    if (s.path) {
      const target = client.locator('[data-testid="client-target"]')
      const now = await target.inputValue()
      await target.fill(now.slice(0, now.indexOf('/')) + s.path)
    }
    await client.locator('[data-testid="client-connect"]').click()
    // Open, or refused: what the preset is about decides, the predicate reads it.
    await expect.poll(() => client.getAttribute('data-state')).toMatch(/^(open|closed)$/)
  } else if (s.do === 'send') {
    const client = page.locator(`[data-client="${s.client}"]`)
    await client.locator('[data-testid="client-input"]').fill(s.text)
    await client.locator('[data-testid="client-send"]').click()
  } else {
    await page.click('[data-tab="raw"]')
    await page.selectOption('[data-testid="raw-preset"]', s.preset)
    await page.click('[data-testid="raw-send"]')
    await page.waitForSelector('[data-testid="raw-response"]')
  }
}

/** Disconnects every open client, so the next preset starts with none. */
async function disconnectAll(page: Page): Promise<void> {
  // Names first: a locator of "the open ones" would move on to the next once one closes.
  const open = await page.locator('[data-client][data-state="open"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-client')))
  for (const name of open) {
    const client = page.locator(`[data-client="${name}"]`)
    await client.locator('[data-testid="client-connect"]').click()
    await expect.poll(() => client.getAttribute('data-state')).toBe('closed')
  }
}

describe.skipIf(!chromiumAvailable())('every preset in Chromium', () => {
  let lab: BrowserLab
  let watched: WatchedPage
  beforeAll(async () => {
    lab = await startBrowserLab()
    watched = await openPage(lab, '/playground/')
    await watched.page.waitForSelector('[data-status="ready"]', { timeout: 30_000 })
  })
  afterAll(async () => {
    await watched?.context.close()
    await lab?.close()
  })

  it('lists every preset of the catalog in the gallery', async () => {
    const { page } = watched
    await page.click('[data-testid="presets"] summary')
    const listed = await page.locator('[data-testid="presets"] [data-preset]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-preset')))
    expect(listed.sort()).toEqual(PRESETS.map((p) => p.name).sort())
    await page.click('[data-testid="presets"] summary')
  })

  for (const preset of PRESETS) {
    it(`${preset.name}: applies, and after the learner's steps the promised outcome (${preset.expect}) is seen`, async () => {
      const { page, errors } = watched
      const errorsBefore = errors.length
      await disconnectAll(page)
      await page.click('[data-testid="presets"] summary')
      await page.click(`[data-testid="presets"] [data-preset="${preset.name}"]`)
      const guide = page.locator(`[data-testid="preset-outcome"][data-preset="${preset.name}"]`)
      await guide.waitFor()
      await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(preset.expect.startsWith('refused') ? /^nginx refused this config/ : /^Running the config applied at [^;]*\. Connect/)
      for (const s of preset.steps) await step(page, s)
      await expect.poll(() => guide.getAttribute('data-seen'), { timeout: 15_000 }).toBe('true')
      expect(errors.slice(errorsBefore).filter((e) => !EXPECTED.some((x) => x.test(e)))).toEqual([])
    })
  }

  it('points a seed article\'s own upstream at the lab\'s backends in one click; on 1.30.4 its WebSocket then goes through', async () => {
    const { page, errors } = watched
    const errorsBefore = errors.length
    await disconnectAll(page)
    await page.click('[data-testid="presets"] summary')
    await page.click('[data-testid="presets"] [data-preset="seed-002-as-written"]')
    await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at [^;]*\. Connect/)
    await page.click('[data-testid="point-at-backends"]')
    await expect.poll(() => page.textContent('[data-testid="notice"]')).toContain('Upstream addresses pointed at the lab’s chat servers: 1.')
    await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toContain('the editor has changed since')
    await page.click('[data-testid="apply"]')
    await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at [^;]*\. Connect/)
    // Backend A answers now, and refuses the article's HTTP/1.0 upgrade (no proxy_http_version 1.1 on 1.22).
    const alice = page.locator('[data-client="alice"]')
    await alice.locator('[data-testid="client-connect"]').click()
    await expect.poll(() => alice.locator('[data-testid="client-refusal"]').textContent()).toContain('HTTP/1.1 400 Bad Request')
    await page.selectOption('[data-testid="version"]', '1.30.4')
    await page.click('[data-testid="apply"]')
    await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at [^;]*\. Connect/)
    await alice.locator('[data-testid="client-connect"]').click()
    await expect.poll(() => alice.getAttribute('data-state')).toBe('open')
    expect(errors.slice(errorsBefore).filter((e) => !EXPECTED.some((x) => x.test(e)))).toEqual([])
  })
})
