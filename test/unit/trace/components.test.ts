/**
 * The trace components rendered on the server (vue/server-renderer, no DOM): HopTrace's marks,
 * reasons and decision links over real streams, and FrameTimeline's rows, filters' data and
 * timers, with the number of rows bounded by the viewport however many frames there are.
 */
import { describe, expect, it } from 'vitest'
import { createSSRApp, h, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { ConnectionLog, type FrameEvent } from '../../../components/trace/connections.ts'
import FrameTimeline from '../../../components/trace/FrameTimeline.vue'
import HopTrace from '../../../components/trace/HopTrace.vue'
import { fixture, type FixtureName } from './fixtures.ts'

/** The component's HTML, without Vue's fragment comments and scoped-style attributes. */
async function render(component: Component, props: Record<string, unknown>): Promise<string> {
  const html = await renderToString(createSSRApp({ render: () => h(component, props) }))
  return html.replace(/<!--[^]*?-->/g, '').replace(/ data-v-\w+/g, '')
}

function record(name: FixtureName, connection = 1) {
  const log = new ConnectionLog()
  log.addAll(fixture(name))
  return log.get(connection)!
}

/** Every element's attributes `name="…"`, in order. */
const attrs = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1])

/** The opening tags carrying `data-header="name"`, in order. */
const headerTags = (html: string, name: string): string[] => [...html.matchAll(new RegExp(`<li[^>]*data-header="${name}"[^>]*>`, 'g'))].map((m) => m[0])

describe('HopTrace', () => {
  it('renders the four hops with their lines, the marks, the reasons, and a decision per event', async () => {
    const html = await render(HopTrace, { record: record('no-upgrade') })
    expect(html).toContain('data-testid="hops"')
    expect(attrs(html, 'data-hop')).toEqual(['browser-proxy', 'proxy-upstream', 'upstream-proxy', 'proxy-browser'])
    expect(html).toContain('GET /?room=r&amp;nick=alice HTTP/1.1')
    expect(html).toContain('HTTP/1.1 426 Upgrade Required')
    // Upgrade: dropped on the way up, with the engine's reason, in words.
    const [upgrade] = headerTags(html, 'upgrade')
    expect(upgrade).toContain('data-mark="dropped"')
    expect(upgrade).toContain('data-reason="hop-by-hop"')
    expect(html).toContain('hop-by-hop: about the browser’s connection to nginx; passed only when a proxy_set_header names it')
    // The 426's Keep-Alive hidden from the browser; nginx's Server added.
    expect(headerTags(html, 'keep-alive')[0]).toMatch(/data-mark="hidden".*data-reason="hop-by-hop"/)
    expect(headerTags(html, 'server')[0]).toContain('data-mark="added"')
    expect(new Set(attrs(html, 'data-mark'))).toEqual(new Set(['passed', 'dropped', 'rewritten', 'added', 'hidden']))
    const decisions = attrs(html, 'data-decision')
    expect(decisions.slice(0, 4)).toEqual(['server.selected', 'location.matched', 'upstream.selected', 'upstream.connect'])
    expect(decisions).toContain('variable.evaluated')
  })

  it('names the config line of each decision that has one, as a link', async () => {
    const html = await render(HopTrace, { record: record('two-clients-keepalive') })
    expect(html).toMatch(/server <code>localhost<\/code> \(by name\)/)
    expect(html).toMatch(/<code>\$connection_upgrade<\/code> = <code>upgrade<\/code> \(map\)/)
    expect(html).toMatch(/upstream <code>websocket<\/code> → <code>127\.0\.0\.1:8010<\/code>, try <code>1<\/code>/)
    expect(html).toMatch(/connect to <code>127\.0\.0\.1:8010<\/code>: connected/)
    expect(html).toMatch(/data-file="\/etc\/nginx\/nginx.conf" data-line="10"[^>]*>\s*nginx.conf:10/)
    expect(html).toMatch(/data-file="\/etc\/nginx\/nginx.conf" data-line="3"[^>]*>\s*nginx.conf:3/)
  })

  it('shows the request asked for on a kept-alive connection, and nginx’s own answer unmarked', async () => {
    const html = await render(HopTrace, { record: record('two-clients-keepalive', 5), exchange: 1 })
    expect(html).toContain('request 2 of 2')
    expect(html).toContain('HTTP/1.1 403 Forbidden')
    expect(html).toMatch(/if <code>\(\$http_x_block\)<\/code>: held/)
    // No upstream hop: the browser's headers and nginx's answer carry no mark.
    expect(attrs(html, 'data-mark')).toEqual([])
    expect(html.match(/did not happen/g)).toHaveLength(2)
  })

  it('speaks Chinese when asked; nginx’s own lines stay as they are', async () => {
    const html = await render(HopTrace, { record: record('backend-down'), lang: 'zh' })
    expect(html).toContain('浏览器 → nginx')
    expect(html).toContain('被拒绝 (111: Connection refused)')
    expect(html).toContain('*1 connect() failed (111: Connection refused) while connecting to upstream')
    expect(attrs(html, 'data-log')).toEqual(['error', 'access'])
    expect(html).not.toContain('data-tunnel')
  })

  it('says how the tunnel ended', async () => {
    const html = await render(HopTrace, { record: record('read-timeout') })
    expect(attrs(html, 'data-tunnel')).toEqual(['timeout'])
    expect(html).toMatch(/tunnel closed by a timeout after 3\.0 s/)
  })

  it('warns when a reload made the connection number ambiguous', async () => {
    const log = new ConnectionLog()
    log.addAll(fixture('reload'))
    const html = await render(HopTrace, { record: log.list()[0] })
    expect(html).toContain('data-testid="hops-ambiguous"')
  })
})

/** `count` frames copied from the canonical chat's, each with its own seq and time. */
function manyFrames(count: number): FrameEvent[] {
  const frames = record('canonical').frames
  return Array.from({ length: count }, (_, i) => ({ ...frames[i % frames.length], seq: 1000 + i, time: frames[0].time + i * 10 }))
}

describe('FrameTimeline', () => {
  it('renders each frame with its direction, kind, length, preview and close', async () => {
    const r = record('canonical')
    const html = await render(FrameTimeline, { frames: r.frames, timers: r.timers, now: () => r.lastTime })
    expect(html).toContain('data-testid="frames"')
    expect(attrs(html, 'data-kind')).toEqual(['text', 'text', 'text', 'ping', 'pong', 'close', 'close'])
    expect(attrs(html, 'data-direction').slice(0, 2)).toEqual(['upstream-to-client', 'client-to-upstream'])
    expect(html).toContain('+0 ms')
    expect(html).toContain('→ upstream')
    expect(html).toContain('&quot;type&quot;:&quot;welcome&quot;')
    expect(html).toContain('close (no code)')
    // The tunnel closed: the read timer stopped, the send timer was never armed.
    expect(html).toMatch(/data-timer="proxy_read_timeout" data-status="stopped"/)
    expect(html).toMatch(/data-timer="proxy_send_timeout" data-status="never"/)
  })

  it('renders a bounded number of rows for 5,000 frames, and a spacer the whole list long', async () => {
    const frames = manyFrames(5000)
    const html = await render(FrameTimeline, { frames, now: () => 0, height: 240, rowHeight: 24 })
    const rows = attrs(html, 'data-kind').length
    expect(rows).toBeGreaterThan(0)
    expect(rows).toBeLessThanOrEqual(240 / 24 + 8)
    expect(html).toContain(`height:${5000 * 24}px`)
    const few = await render(FrameTimeline, { frames: manyFrames(50), now: () => 0, height: 240, rowHeight: 24 })
    expect(attrs(few, 'data-kind').length).toBe(rows)
    expect(html.length).toBeLessThan(few.length * 1.1)
  })

  it('marks a truncated preview and escapes control characters', async () => {
    const long = record('two-clients-keepalive').frames.find((f) => f.truncated)!
    const html = await render(FrameTimeline, { frames: [{ ...long, preview: 'a\nb' }], now: () => 0 })
    expect(html).toContain('a\\nb')
    expect(html).toContain('… (truncated)')
  })

  it('counts proxy_read_timeout down from its last deadline, and shows it fired', async () => {
    const events = fixture('read-timeout')
    const firedAt = events.findIndex((e) => e.type === 'timeout')
    const log = new ConnectionLog()
    log.addAll(events.slice(0, firedAt))
    const r = log.get(1)!
    const deadline = r.timers.find((t) => t.timer === 'proxy_read_timeout')!.armed!.deadline
    const armed = await render(FrameTimeline, { frames: r.frames, timers: r.timers, now: () => deadline - 1500 })
    expect(armed).toMatch(/data-timer="proxy_read_timeout" data-status="armed" data-remaining-ms="1500"/)
    expect(armed).toContain('1.5 s left')
    log.addAll(events.slice(firedAt))
    const fired = await render(FrameTimeline, { frames: r.frames, timers: r.timers, now: () => deadline + 100, lang: 'zh' })
    expect(fired).toMatch(/data-timer="proxy_read_timeout" data-status="fired" data-remaining-ms="0"/)
    expect(fired).toContain('已触发')
  })
})
