import { chromium } from 'playwright-core'
import { hoverText, editorReady, replaceText, clickAfter, textBox } from '/work/main/test/support/monaco.ts'
import { readFileSync } from 'node:fs'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true })
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] })
const page = await context.newPage()
const errors: string[] = []
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()) })
page.on('pageerror', (e) => errors.push(String(e)))
await page.goto('http://127.0.0.1:8123/playground/')
await editorReady(page)
await page.waitForTimeout(1500)
await page.screenshot({ path: '/tmp/shots/tokens.png' })
console.log('hover:', (await hoverText(page, 'proxy_read_timeout')).slice(0, 400))
await page.screenshot({ path: '/tmp/shots/hover.png' })
await page.mouse.move(5, 5)
// completion inside location
await clickAfter(page, 'proxy_read_timeout 3600s;')
await page.keyboard.press('Enter')
await page.keyboard.type('prox')
await page.waitForSelector('.suggest-widget .monaco-list-row', { timeout: 5000 }).catch(() => console.log('no suggest'))
console.log('suggest:', await page.locator('.suggest-widget .monaco-list-row').allTextContents().then((x) => x.slice(0, 8)))
await page.screenshot({ path: '/tmp/shots/suggest.png' })
console.log('errors', errors)
await browser.close()
