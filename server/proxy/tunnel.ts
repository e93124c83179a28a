/**
 * The upgraded connection (ngx_http_upstream_process_upgraded): bytes copied both ways
 * unchanged, frames decoded on the side for the trace, and nginx's timers — any traffic in
 * either direction re-arms proxy_read_timeout; a side that stops reading trips send_timeout
 * (client) or proxy_send_timeout (upstream). When either side closes, or a timer fires, both
 * connections are closed at once, without a close frame.
 */
import type { Clock, Timer } from './clock.ts'
import { FrameDecoder } from './frame-decoder.ts'
import type { Stream } from './network.ts'
import { startTimer } from './timers.ts'
import type { TraceEvent, TraceSink } from './trace.ts'

export interface TunnelOptions {
  client: Stream
  upstream: Stream
  clock: Clock
  connection: number
  readTimeoutMs: number
  sendTimeoutMs: number
  proxySendTimeoutMs: number
  trace: TraceSink
  /** Decode frames for the trace (off for benchmarks of the bare tunnel). */
  inspectFrames: boolean
}

export type TunnelEnd = 'client' | 'upstream' | 'timeout' | 'error'

export interface TunnelResult {
  by: TunnelEnd
  /** Which timer fired, for a timeout. */
  timer?: 'proxy_read_timeout' | 'send_timeout' | 'proxy_send_timeout'
  bytesToClient: number
  bytesToUpstream: number
}

export function runTunnel(options: TunnelOptions, onEnd: (result: TunnelResult) => void): void {
  const { client, upstream, clock, trace, connection } = options
  let bytesToClient = 0
  let bytesToUpstream = 0
  let done = false
  let clientBlocked: Timer | null = null
  let upstreamBlocked: Timer | null = null
  const started = clock.now()
  // proxy_read_timeout: restarted by traffic either way.
  const timers = { clock, trace, connection }
  const idle: Timer = startTimer(timers, 'proxy_read_timeout', options.readTimeoutMs, () => finish('timeout', 'proxy_read_timeout'))

  // Decoders are made on a direction's first bytes: an idle tunnel holds none.
  let fromClient: FrameDecoder | null = null
  let fromUpstream: FrameDecoder | null = null
  const decoderFor = (toClient: boolean): FrameDecoder | null => {
    if (!options.inspectFrames) return null
    if (toClient) return (fromUpstream ??= frameDecoder('upstream-to-client'))
    return (fromClient ??= frameDecoder('client-to-upstream'))
  }
  // The event is written out field by field: an object spread here made several objects per frame.
  const frameDecoder = (direction: 'client-to-upstream' | 'upstream-to-client'): FrameDecoder =>
    new FrameDecoder((frame) => {
      const event: TraceEvent = {
        type: 'frame', direction, time: clock.now(), connection,
        fin: frame.fin, opcode: frame.opcode, kind: frame.kind, masked: frame.masked, length: frame.length, preview: frame.preview, truncated: frame.truncated,
      }
      if (frame.closeCode !== undefined) Object.assign(event, { closeCode: frame.closeCode, closeReason: frame.closeReason })
      trace(event)
    })

  const finish = (by: TunnelEnd, timer?: TunnelResult['timer']): void => {
    if (done) return
    done = true
    idle.cancel()
    clientBlocked?.cancel()
    upstreamBlocked?.cancel()
    if (by === 'timeout') {
      // Close as close(2) after reading what was pending: a FIN, not a reset.
      for (const side of [client, upstream]) {
        side.removeAllListeners('data')
        side.on('data', () => {})
        side.on('error', () => {})
        side.resume()
        side.end()
        clock.after(5_000, () => side.destroy())
        side.once('end', () => side.destroy())
      }
    } else {
      client.destroy()
      upstream.destroy()
    }
    trace({ type: 'tunnel.closed', by, durationMs: clock.now() - started, time: clock.now(), connection })
    onEnd({ by, timer, bytesToClient, bytesToUpstream })
  }

  const forward = (from: Stream, to: Stream, toClient: boolean) => (chunk: Buffer) => {
    if (done) return
    decoderFor(toClient)?.push(chunk)
    if (toClient) bytesToClient += chunk.length
    else bytesToUpstream += chunk.length
    idle.restart()
    if (!to.write(chunk)) {
      // The receiver is not reading: stop reading the sender (no unbounded buffering) and
      // start the send timer nginx would have on that side.
      from.pause()
      const ms = toClient ? options.sendTimeoutMs : options.proxySendTimeoutMs
      const timerName = toClient ? 'send_timeout' : 'proxy_send_timeout'
      const timer = startTimer(timers, timerName, ms, () => finish('timeout', timerName))
      if (toClient) clientBlocked = timer
      else upstreamBlocked = timer
      to.once('drain', () => {
        timer.cancel()
        from.resume()
      })
    }
  }

  client.on('data', forward(client, upstream, false))
  upstream.on('data', forward(upstream, client, true))
  client.on('end', () => finish('client'))
  upstream.on('end', () => finish('upstream'))
  client.on('close', () => finish('client'))
  upstream.on('close', () => finish('upstream'))
  client.on('error', () => finish('client'))
  upstream.on('error', () => finish('upstream'))
  trace({ type: 'tunnel.opened', time: clock.now(), connection })
}
