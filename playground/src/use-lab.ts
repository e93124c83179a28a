/**
 * The playground's connection to the lab, as Vue state: one LabSession (components/lab/), the
 * session's description, the running config, the lab's notices, and every event handed to the
 * page's readers. Apply works like `nginx -s reload`: a refused config leaves the running one.
 */
import { computed, onBeforeUnmount, ref, shallowRef, type Ref } from 'vue'
import type { ApplyAnswer, SessionDescription } from '@components/lab/lab-api.ts'
import { LabApi } from '@components/lab/lab-api.ts'
import { LabError } from '@components/lab/lab-errors.ts'
import { LabSession } from '@components/lab/lab-session.ts'
import type { StreamState } from '@components/lab/event-stream.ts'
import type { NumberedEvent } from '../../server/sandbox/session.ts'
import type { Lang } from './words.ts'

/** What the lab runs: the text applied, when, and with which release and clock. */
export interface RunningConfig {
  files: Record<string, string>
  version: string
  clockScale: number
  /** Wall-clock time of the apply (for "applied at 10:15:02"). */
  at: Date
}

/** A refused apply: nginx's findings, and what keeps running. */
export interface Refusal {
  first: string
  at: Date
}

export interface Notice {
  id: number
  tone: 'info' | 'warn' | 'error'
  text: string
}

export interface LabOptions {
  main: string
  lang: Ref<Lang>
  /** Every event of the session, in seq order; `renewed` first when a new session replaced the old one. */
  onEvent: (event: NumberedEvent) => void
  onRenewed: () => void
  /** Words for notices (the playground's words.ts), so this file holds no sentences of its own. */
  words: {
    /** The session had expired (unused for 10 minutes): a new one runs the config. */
    renewed: () => string
    lost: (from: number, to: number) => string
    limit: (message: string) => string
    /** The lab stopped the session (`reason`, its words): a new one runs the config. */
    stopped: (reason: string) => string
  }
}

export function useLab(options: LabOptions) {
  const reachable = ref(true)
  const started = ref(false)
  const stream = shallowRef<StreamState | null>(null)
  const description = shallowRef<SessionDescription | null>(null)
  const running = shallowRef<RunningConfig | null>(null)
  const refusal = shallowRef<Refusal | null>(null)
  const applying = ref(false)
  const notices = ref<Notice[]>([])
  let noticeIds = 0
  /** Why the lab stopped the session, from its last event: said once the new session runs. */
  let stopReason: string | null = null

  const notify = (tone: Notice['tone'], text: string): void => {
    // The same sentence twice (a limit tripping every second) stays one notice.
    if (notices.value.some((n) => n.text === text)) return
    notices.value = [...notices.value.slice(-4), { id: ++noticeIds, tone, text }]
  }
  const dismiss = (id: number): void => {
    notices.value = notices.value.filter((n) => n.id !== id)
  }
  const failed = (error: unknown): void => {
    if (error instanceof LabError) {
      if (error.kind === 'unreachable') return // the banner says it, and the session retries
      notify('error', error.sentence(options.lang.value))
    } else notify('error', String(error))
  }

  const session = new LabSession({
    api: new LabApi({ base: location.origin }),
    onEvent(event) {
      if (event.type === 'limit') notify('warn', options.words.limit(event.message))
      if (event.type === 'session.stopped') stopReason = event.reason
      if (event.type === 'backend.changed' && description.value) {
        description.value = { ...description.value, backends: description.value.backends.map((b) => (b.name === event.backend ? { ...b, running: event.running, latencyMs: event.latencyMs, answerPings: event.answerPings, strict: event.strict } : b)) }
      }
      options.onEvent(event)
    },
    onLost: (lost) => notify('warn', options.words.lost(lost.from, lost.to)),
    onStreamState: (state) => (stream.value = state),
    onRenewed(renewed) {
      description.value = renewed
      notify(stopReason ? 'warn' : 'info', stopReason ? options.words.stopped(stopReason) : options.words.renewed())
      stopReason = null
      options.onRenewed()
    },
    onReachability: (ok) => (reachable.value = ok),
  })

  async function start(): Promise<void> {
    try {
      description.value = await session.start()
      started.value = true
    } catch (error) {
      failed(error)
    }
  }

  /** Applies the editor's files; the answer's diagnostics are the editor's too (the same engine). */
  async function apply(files: Record<string, string>, version: string, clockScale: number): Promise<ApplyAnswer | null> {
    const { [options.main]: config = '', ...others } = files
    applying.value = true
    try {
      const answer = await session.apply({ config, files: others, nginxVersion: version, clockScale })
      description.value = answer.session
      if (answer.applied) {
        running.value = { files: { ...files }, version, clockScale, at: new Date() }
        refusal.value = null
      } else {
        const first = answer.diagnostics.find((d) => d.severity === 'emerg') ?? answer.diagnostics[0]
        refusal.value = { first: first ? `[${first.severity}] ${first.message} in ${first.file}:${first.line}` : '', at: new Date() }
      }
      return answer
    } catch (error) {
      failed(error)
      return null
    } finally {
      applying.value = false
    }
  }

  async function setBackend(name: string, change: Parameters<LabSession['setBackend']>[1]): Promise<void> {
    try {
      description.value = await session.setBackend(name, change)
    } catch (error) {
      failed(error)
    }
  }

  /** Sends raw bytes to a port of the running config; null when the lab refused (a notice says why). */
  async function raw(request: Parameters<LabSession['raw']>[0]): Promise<Awaited<ReturnType<LabSession['raw']>> | null> {
    try {
      return await session.raw(request)
    } catch (error) {
      failed(error)
      return null
    }
  }

  /** The running config again with another clock: the only way the lab changes a session's clock. */
  async function setClock(scale: number): Promise<void> {
    const now = running.value
    if (!now) return
    await apply(now.files, now.version, scale)
  }

  const clientUrl = computed(() => {
    const id = description.value?.id
    if (!id) return null
    return (client: string, target: { host: string; port: number; path: string }) => session.api.clientUrl(id, { client, ...target })
  })

  onBeforeUnmount(() => void session.dispose())

  return { reachable, started, stream, description, running, refusal, applying, notices, notify, dismiss, start, apply, raw, setBackend, setClock, clientUrl }
}
