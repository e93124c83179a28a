/**
 * Driving Monaco 0.57 in Chromium as a person would. Input goes through EditContext, so the
 * text area cannot be focused: click the text, then use the keyboard. Squiggles sit under the
 * text layer, so hovering one means moving the mouse to its box.
 */
import type { Page } from 'playwright-core'

export async function editorReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="editor"][data-editor-state="ready"]')
  await page.waitForSelector('[data-testid="editor-status"]:not(:empty)')
}

/**
 * Replaces the visible file's text with `text` by pasting it over everything, as a learner
 * would (the page needs clipboard permissions: openPage grants them). Typing 64 KiB through
 * insertText takes Monaco minutes of per-character input events; a paste is one edit.
 */
export async function replaceText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.click('[data-testid="editor"] .monaco-editor .view-lines')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('ControlOrMeta+V')
}

/** The screen box of the `nth` occurrence of `text` in the editor's visible lines (it may span token spans). */
export async function textBox(page: Page, text: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(
    ([wanted, index]) => {
      let seen = 0
      const lines = [...document.querySelectorAll('[data-testid="editor"] .view-line')].sort(
        (a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      )
      for (const line of lines) {
        const nodes: Text[] = []
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
        const whole = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ')
        for (let at = whole.indexOf(wanted); at >= 0; at = whole.indexOf(wanted, at + 1)) {
          if (seen++ < index) continue
          // Offsets in the line → (text node, offset) pairs.
          const point = (offset: number): [Text, number] => {
            for (const node of nodes) {
              if (offset <= node.data.length) return [node, offset]
              offset -= node.data.length
            }
            const last = nodes[nodes.length - 1]
            return [last, last.data.length]
          }
          const range = document.createRange()
          range.setStart(...point(at))
          range.setEnd(...point(at + wanted.length))
          const r = range.getBoundingClientRect()
          return { x: r.x, y: r.y, width: r.width, height: r.height }
        }
      }
      return null
    },
    [text, nth] as const,
  )
  if (!box) throw new Error(`"${text}" is not on screen in the editor`)
  return box
}

/**
 * Moves the mouse onto `text` and returns the hover's text once Monaco shows it. Monaco shows a
 * hover after the mouse rests a while; a move it missed (the page still laying out) is made
 * again, as a person would move the mouse again.
 */
export async function hoverText(page: Page, text: string, nth = 0): Promise<string> {
  return hoverOver(page, () => textBox(page, text, nth))
}

type Box = { x: number; y: number; width: number; height: number }

async function hoverOver(page: Page, where: () => Promise<Box>): Promise<string> {
  const hover = page.locator('.monaco-hover-content:visible').first()
  for (let attempt = 0; ; attempt++) {
    const box = await where()
    await page.mouse.move(1, 1)
    await page.mouse.move(box.x + Math.min(box.width / 2, 20), box.y + box.height / 2, { steps: 3 })
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 })
      return (await hover.textContent()) ?? ''
    } catch (error) {
      if (attempt === 3) throw error
    }
  }
}

/** Puts the cursor right after `text` (its nth occurrence). */
export async function clickAfter(page: Page, text: string, nth = 0): Promise<void> {
  const box = await textBox(page, text, nth)
  await page.mouse.click(box.x + box.width + 1, box.y + box.height / 2)
}

/** The labels of the suggest widget once it shows (an empty list when Monaco says "No suggestions"). */
export async function suggestions(page: Page): Promise<string[]> {
  const widget = page.locator('.suggest-widget')
  await widget.waitFor({ state: 'visible' })
  await page.waitForFunction(() => {
    const w = document.querySelector('.suggest-widget')
    return w !== null && (w.querySelector('.monaco-list-row') !== null || /No suggestions/.test(w.textContent ?? ''))
  })
  return page.locator('.suggest-widget .monaco-list-row .label-name').allTextContents()
}

/** Moves the mouse onto the first error squiggle and returns the hover's text. */
export async function hoverSquiggle(page: Page): Promise<string> {
  return hoverOver(page, async () => {
    const box = await page.locator('[data-testid="editor"] .squiggly-error').first().boundingBox()
    if (!box) throw new Error('no error squiggle on screen')
    return box
  })
}
