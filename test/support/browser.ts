/**
 * Real Chromium (Debian's package, driven by playwright-core) against the lab server serving
 * the built playground, in-process on a loopback port. Browser tests skip where Chromium is
 * missing, and never when `CI=true`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { createLabServer, type LabServer } from '../../server/sandbox/lab-server.ts'
import { warmUp } from '../../server/sandbox/warm-up.ts'

export const CHROMIUM = process.env.CHROMIUM_BINARY ?? '/usr/bin/chromium'
export const ROOT = join(import.meta.dirname, '../..')

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true
  if (process.env.CI === 'true') throw new Error(`Chromium is required in CI but ${CHROMIUM} is missing`)
  return false
}

export function playgroundBuilt(): boolean {
  if (existsSync(join(ROOT, 'playground/dist/index.html'))) return true
  throw new Error('playground/dist is missing: npm test builds it first (node server/bin/build-site.mjs)')
}

export interface BrowserLab {
  lab: LabServer
  origin: string
  browser: Browser
  close(): Promise<void>
}

export async function startBrowserLab(): Promise<BrowserLab> {
  playgroundBuilt()
  const lab = createLabServer({ siteRoot: ROOT })
  const port = await lab.listen(0, '127.0.0.1')
  // As `upgrade-lab start` does: the first session does not pay for compiling the lab's code.
  await warmUp()
  // A profile of its own, removed afterwards: nothing is left outside the test's folder.
  const profile = mkdtempSync(join(tmpdir(), 'ul-browser-'))
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', `--disk-cache-dir=${profile}`] })
  return {
    lab,
    origin: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close()
      await lab.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface WatchedPage {
  page: Page
  context: BrowserContext
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[]
}

export interface PageOptions {
  width?: number
  height?: number
  dark?: boolean
  locale?: string
  /** Runs on the new context before the page loads (to watch or route its requests); awaited when it returns a promise. */
  beforeGoto?: (context: BrowserContext) => unknown
}

export async function openPage(lab: BrowserLab, path: string, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await lab.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.dark ? 'dark' : 'light',
    locale: options.locale ?? 'en-US',
    deviceScaleFactor: 1,
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  await options.beforeGoto?.(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  await page.goto(lab.origin + path)
  return { page, context, errors }
}
