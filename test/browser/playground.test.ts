/**
 * The playground in real Chromium against a real lab, as a learner uses it: apply a config,
 * connect Alice and Bob, watch a message cross the proxy, break the config, speed up the
 * clock until nginx closes an idle tunnel, and stop a backend. Every outcome is read from the
 * page, which renders only what the lab's trace reported.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumAvailable, openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'
import { replaceText } from '../support/monaco.ts'

const canonical = readFileSync(join(ROOT, 'docs/examples/canonical/nginx.conf'), 'utf8')
const withoutUpgrade = canonical.replace(/\n *proxy_set_header Upgrade \$http_upgrade;/, '')

/** The handshakes a test makes fail on purpose: Chromium logs each as a console error of its own. */
const FAILED_HANDSHAKE = /^WebSocket connection to 'ws:\/\/[^']+' failed: /

function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !FAILED_HANDSHAKE.test(e))
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-status="ready"]', { timeout: 30_000 })
  await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at/)
}

const client = (page: Page, name: string): Locator => page.locator(`[data-client="${name}"]`)

/** The editor's visible text (Monaco draws spaces as no-break spaces). */
const editorText = async (page: Page): Promise<string> => ((await page.locator('[data-testid="editor"] .view-lines').textContent()) ?? '').replace(/\u00a0/g, ' ')

async function connect(page: Page, name: string): Promise<void> {
  await client(page, name).locator('[data-testid="client-connect"]').click()
}

async function applyText(page: Page, text: string): Promise<void> {
  await replaceText(page, text)
  await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toContain('the editor has changed since')
  await page.click('[data-testid="apply"]')
  await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at [^;]*\. Connect/)
}

/** The header rows of one hop of the hops panel. */
const hopHeader = (page: Page, hop: string, header: string): Locator => page.locator(`[data-testid="hops"] [data-hop="${hop}"] [data-header="${header}"]`)

describe.skipIf(!chromiumAvailable())('the playground in Chromium', () => {
  let lab: BrowserLab
  beforeAll(async () => {
    lab = await startBrowserLab()
  })
  afterAll(async () => {
    await lab?.close()
  })

  it('runs the canonical config: Alice\'s message reaches Bob, and the hops show the upgrade reaching the upstream', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await connect(page, 'alice')
    await connect(page, 'bob')
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('open')
    await expect.poll(() => client(page, 'bob').getAttribute('data-state')).toBe('open')
    await client(page, 'alice').locator('[data-testid="client-input"]').fill('hello bob')
    await client(page, 'alice').locator('[data-testid="client-send"]').click()
    await expect.poll(() => client(page, 'bob').locator('[data-testid="client-log"]').textContent()).toContain('alice: hello bob')
    // The canonical preset's guide ticks: what it promised, the trace showed.
    await expect.poll(() => page.getAttribute('[data-testid="preset-outcome"]', 'data-seen')).toBe('true')
    // The chat server names its instance: backend A served both.
    expect(await client(page, 'bob').locator('[data-instance="A"]').count()).toBeGreaterThan(0)

    const upgrade = hopHeader(page, 'proxy-upstream', 'upgrade')
    await expect.poll(() => upgrade.count()).toBe(1)
    expect(await upgrade.textContent()).toContain('websocket')
    const variable = page.locator('[data-testid="hops"] [data-decision="variable.evaluated"]', { hasText: '$connection_upgrade' })
    await expect.poll(() => variable.count()).toBeGreaterThan(0)
    expect(await variable.first().textContent()).toMatch(/\$connection_upgrade\s*=\s*upgrade/)
    // A decision links to its config line: the editor selects the map's line.
    const selection = page.locator('[data-testid="editor"] .selected-text')
    expect(await selection.count()).toBe(0)
    await variable.first().locator('[data-line]').click()
    await expect.poll(() => selection.count()).toBeGreaterThan(0)
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })

  it('without proxy_set_header Upgrade, the handshake fails as nginx makes it fail, and the hops say Upgrade was dropped as hop-by-hop', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await applyText(page, withoutUpgrade)
    await connect(page, 'alice')
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('closed')
    // The backend got a GET asking for an upgrade without saying to what: 426, which nginx passed on.
    await expect.poll(() => client(page, 'alice').locator('[data-testid="client-refusal"]').textContent()).toContain('HTTP/1.1 426')
    expect(await client(page, 'alice').locator('[data-testid="client-log"]').textContent()).toContain('Closed 1006')
    const dropped = hopHeader(page, 'browser-proxy', 'upgrade')
    await expect.poll(() => dropped.getAttribute('data-mark')).toBe('dropped')
    expect(await dropped.getAttribute('data-reason')).toBe('hop-by-hop')
    expect(await hopHeader(page, 'proxy-upstream', 'upgrade').count()).toBe(0)
    expect(unexpected(errors)).toEqual([])
    expect(errors.filter((e) => FAILED_HANDSHAKE.test(e))).toHaveLength(1)
    await context.close()
  })

  it('at 20×, a silent connection closes at proxy_read_timeout (60 s: 3 s real), the timer counting down to zero', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await page.click('[data-tab="lab"]')
    await page.selectOption('[data-testid="clock"]', '20')
    await expect.poll(() => page.textContent('[data-testid="apply-status"]')).toMatch(/^Running the config applied at/)
    await connect(page, 'alice')
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('open')
    await page.click('[data-tab="frames"]')
    const timer = page.locator('[data-testid="frames"] [data-timer="proxy_read_timeout"]')
    await expect.poll(() => timer.count()).toBe(1)
    const remaining = async (): Promise<number> => Number(await timer.getAttribute('data-remaining-ms'))
    const first = await remaining()
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThanOrEqual(60_000)
    await expect.poll(remaining).toBeLessThan(first)
    // nginx closes the idle tunnel without a close frame: 1006 for the browser.
    await expect.poll(() => client(page, 'alice').getAttribute('data-state'), { timeout: 15_000 }).toBe('closed')
    expect(await client(page, 'alice').locator('[data-testid="client-log"]').textContent()).toContain('Closed 1006')
    expect(await remaining()).toBe(0)
    expect(await timer.getAttribute('data-status')).toBe('fired')
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })

  it('stopping backend A cuts the clients (1006), and a new connection gets nginx\'s 502 with connect() failed in the error log', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await connect(page, 'alice')
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('open')
    await page.click('[data-tab="lab"]')
    await page.locator('[data-backend="A"] [data-testid="backend-running"]').uncheck()
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('closed')
    expect(await client(page, 'alice').locator('[data-testid="client-log"]').textContent()).toContain('Closed 1006')
    await connect(page, 'alice')
    await expect.poll(() => client(page, 'alice').locator('[data-testid="client-refusal"]').textContent()).toContain('502 Bad Gateway')
    await page.click('[data-tab="logs"]')
    await expect.poll(() => page.textContent('[data-testid="error-log"]')).toContain('connect() failed (111: Connection refused) while connecting to upstream')
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })

  it('sends raw bytes from the composer: a browser\'s handshake gets its 101, an oversized header nginx\'s 400, each with its trace', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await page.click('[data-tab="raw"]')
    expect(await page.inputValue('[data-testid="raw-request"]')).toContain('Upgrade: websocket')
    await page.click('[data-testid="raw-send"]')
    await expect.poll(() => page.textContent('[data-testid="raw-response"]')).toMatch(/^HTTP\/1\.1 101 Switching Protocols\n/)
    expect(await page.locator('[data-testid="raw-response"] ~ [data-testid="hops"] [data-hop="proxy-upstream"] [data-header="upgrade"]').textContent()).toContain('websocket')
    await page.selectOption('[data-testid="raw-preset"]', 'oversized-header')
    await page.click('[data-testid="raw-send"]')
    await expect.poll(() => page.textContent('[data-testid="raw-response"]')).toContain('HTTP/1.1 400 Bad Request')
    expect(await page.textContent('[data-testid="raw-response"]')).toContain('Request Header Or Cookie Too Large')
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })

  it('shares the whole state in a link that opens it in a new browser; a broken link opens the default with a notice', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    const edited = canonical.replace('server_name localhost;', 'server_name chat.example.com;')
    await applyText(page, edited)
    await page.click('[data-testid="share"]')
    await expect.poll(() => page.url()).toMatch(/#v1\./)
    const link = page.url()
    await context.close()

    const other = await openPage(lab, link.slice(lab.origin.length))
    await ready(other.page)
    await expect.poll(() => editorText(other.page)).toContain('server_name chat.example.com;')
    // The clients follow the shared config: they connect to its server name.
    expect(await other.page.inputValue('[data-client="alice"] [data-testid="client-target"]')).toBe('chat.example.com:80/?nick=alice')
    expect(unexpected(other.errors)).toEqual([])
    await other.context.close()

    const broken = await openPage(lab, '/playground/#v1.this-is-not-a-link')
    await ready(broken.page)
    await expect.poll(() => broken.page.textContent('[data-testid="notice"]')).toContain('could not be read')
    expect(await editorText(broken.page)).toContain('server_name localhost;')
    expect(unexpected(broken.errors)).toEqual([])
    expect(errors).toEqual([])
    await broken.context.close()
  })

  it('stacks on a phone without horizontal scrolling', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/', { width: 390, height: 844 })
    await ready(page)
    await connect(page, 'alice')
    await expect.poll(() => client(page, 'alice').getAttribute('data-state')).toBe('open')
    for (const tab of ['hops', 'frames', 'logs', 'raw', 'lab']) {
      await page.click(`[data-tab="${tab}"]`)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    }
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })

  it('says when the lab cannot be reached, keeps trying, and gets going once it answers', async () => {
    const sessions = `${lab.origin}/api/sessions`
    const { page, context, errors } = await openPage(lab, '/playground/', { beforeGoto: (ctx) => ctx.route(sessions, (route) => route.abort('connectionrefused')) })
    await page.waitForSelector('[data-testid="lab-unreachable"]')
    expect(await page.textContent('[data-testid="lab-unreachable"]')).toContain('The lab cannot be reached. Retrying')
    expect(await page.getAttribute('[data-status]', 'data-status')).toBe('loading')
    await context.unroute(sessions)
    await ready(page)
    expect(await page.locator('[data-testid="lab-unreachable"]').count()).toBe(0)
    // Chromium logs each refused attempt; nothing else may be an error.
    expect(errors.filter((e) => !/^Failed to load resource: net::ERR_CONNECTION_REFUSED$/.test(e))).toEqual([])
    await context.close()
  })

  it('moves between the trace panels from the keyboard, as the WAI-ARIA tabs pattern does', async () => {
    const { page, context, errors } = await openPage(lab, '/playground/')
    await ready(page)
    await page.focus('[data-tab="hops"]')
    const selected = (): Promise<string | null> => page.getAttribute('[data-tab][aria-selected="true"]', 'data-tab')
    const focused = (): Promise<string | null | undefined> => page.evaluate(() => document.activeElement?.getAttribute('data-tab'))
    await page.keyboard.press('ArrowRight')
    await expect.poll(selected).toBe('frames')
    await expect.poll(focused).toBe('frames')
    expect(await page.locator('#panel-frames [data-testid="frames"]').count()).toBe(1)
    await page.keyboard.press('End')
    await expect.poll(selected).toBe('lab')
    await page.keyboard.press('ArrowRight')
    await expect.poll(selected).toBe('hops')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(focused).toBe('lab')
    // One tab stop for the list: the others are reached with the arrows.
    expect(await page.locator('[data-tab][tabindex="0"]').count()).toBe(1)
    expect(unexpected(errors)).toEqual([])
    await context.close()
  })
})

