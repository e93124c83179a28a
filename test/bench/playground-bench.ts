/**
 * The playground's figures (issue: the playground), in real Chromium against the built
 * playground and an in-process lab on loopback:
 * - JavaScript transferred (gzip -9 of each file) before the playground is usable
 *   (`data-status="ready"`: the editor and the lab connection up), and navigation → ready;
 * - while Alice and Bob each send 20 messages a second for a minute through the canonical config
 *   (within the lab's 50 a second per session), with the frames panel open: frames per second,
 *   and the page's JavaScript heap after a forced GC and its DOM node count at 15 s and at 60 s
 *   (the timeline and the logs must stay bounded: goal within +10 %).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import type { Page } from 'playwright-core'
import { PLAYGROUND_READY_MARK } from '../../playground/src/marks.ts'
import { openPage, ROOT, startBrowserLab, type BrowserLab } from '../support/browser.ts'
import { percentile } from './proc-stats.ts'
import { gzipSize, kb } from './sizes.ts'

const CHAT_MS = 60_000
const EARLY_MS = 15_000
const PER_CLIENT_PER_SECOND = 20

export async function runPlaygroundBench(): Promise<void> {
  const built = spawnSync(process.execPath, [join(ROOT, 'server/bin/build-site.mjs')], { stdio: 'inherit' })
  if (built.status !== 0) throw new Error('the playground did not build')
  const lab = await startBrowserLab()
  try {
    console.log('playground (Chromium, the built playground and a lab on loopback):')
    await loadFigures(lab)
    await chatFigures(lab)
  } finally {
    await lab.close()
  }
}

async function loadFigures(lab: BrowserLab): Promise<void> {
  const readyTimes: number[] = []
  let js = 0
  for (let round = 0; round < 5; round++) {
    const requested = new Set<string>()
    const { page, context } = await openPage(lab, '/playground/', {
      beforeGoto: (ctx) => ctx.on('request', (request) => {
        const path = new URL(request.url()).pathname
        // Counted until ready: what the learner waited for.
        if (path.endsWith('.js') && !readyTimes[round]) requested.add(path)
      }),
    })
    await page.waitForSelector('[data-status="ready"]', { timeout: 30_000 })
    readyTimes[round] = await page.evaluate((mark) => performance.getEntriesByName(mark)[0].startTime, PLAYGROUND_READY_MARK)
    js = 0
    for (const path of requested) js += gzipSize(readFileSync(join(ROOT, 'playground/dist', path.replace(/^\/playground\//, ''))))
    await context.close()
  }
  const sorted = [...readyTimes].sort((a, b) => a - b)
  console.log(`  JavaScript before the playground is usable: ${kb(js)} gzip (the page, Monaco, its worker and the engine's)`)
  console.log(`  navigation → ready (editor and lab connection up), 5 cold loads: median ${percentile(sorted, 50).toFixed(0)} ms, max ${sorted[4].toFixed(0)} ms   goal ≤ 1500 ms`)
}

interface Sample {
  heap: number
  nodes: number
}

async function sample(page: Page): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const { nodes } = await cdp.send('Memory.getDOMCounters')
  await cdp.detach()
  return { heap: usedSize, nodes }
}

async function chatFigures(lab: BrowserLab): Promise<void> {
  const { page, context } = await openPage(lab, '/playground/')
  await page.waitForSelector('[data-status="ready"]', { timeout: 30_000 })
  for (const name of ['alice', 'bob']) {
    await page.click(`[data-client="${name}"] [data-testid="client-connect"]`)
    await page.waitForSelector(`[data-client="${name}"][data-state="open"]`)
  }
  await page.click('[data-tab="frames"]')
  // The learner's hands, as fast as the lab allows: each client types and sends through its own
  // input and button, 20 times a second; frames are counted by requestAnimationFrame.
  await page.evaluate((perSecond) => {
    const w = window as unknown as { benchFrames: number; benchStop: () => void }
    w.benchFrames = 0
    let running = true
    const tick = (): void => {
      w.benchFrames++
      if (running) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
    const timers = ['alice', 'bob'].map((name, i) => {
      let n = 0
      return setInterval(() => {
        const root = document.querySelector(`[data-client="${name}"]`)!
        const input = root.querySelector<HTMLInputElement>('[data-testid="client-input"]')!
        input.value = `${name} message ${++n}`
        input.dispatchEvent(new Event('input'))
        queueMicrotask(() => root.querySelector<HTMLButtonElement>('[data-testid="client-send"]')!.click())
      }, 1000 / perSecond + i)
    })
    w.benchStop = () => {
      running = false
      for (const t of timers) clearInterval(t)
    }
  }, PER_CLIENT_PER_SECOND)
  const started = Date.now()
  const frames = (): Promise<number> => page.evaluate(() => (window as unknown as { benchFrames: number }).benchFrames)
  await page.waitForTimeout(EARLY_MS)
  const framesEarly = await frames()
  const early = await sample(page)
  const earlyAt = Date.now()
  const framesAfterEarly = await frames()
  await page.waitForTimeout(CHAT_MS - (Date.now() - started))
  const framesLate = await frames()
  const lateAt = Date.now()
  const late = await sample(page)
  await page.evaluate(() => (window as unknown as { benchStop: () => void }).benchStop())
  const received = await page.locator('[data-client="bob"] [data-testid="client-log"] li').count()
  const fpsEarly = framesEarly / ((earlyAt - started) / 1000)
  const fpsLate = (framesLate - framesAfterEarly) / ((lateAt - earlyAt) / 1000)
  const grow = (a: number, b: number): string => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`
  console.log(`  2 clients × ${PER_CLIENT_PER_SECOND} messages/s for ${CHAT_MS / 1000} s, frames panel open: ${fpsEarly.toFixed(0)} fps (first 15 s), ${fpsLate.toFixed(0)} fps (15–60 s)   goal ≥ 50`)
  console.log(`  page heap after GC: ${kb(early.heap)} at 15 s, ${kb(late.heap)} at 60 s (${grow(early.heap, late.heap)})   DOM nodes: ${early.nodes} → ${late.nodes} (${grow(early.nodes, late.nodes)})   goal within +10 %`)
  console.log(`  (Bob's log holds ${received} entries: it keeps the newest)`)
  await context.close()
}
