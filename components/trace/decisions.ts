/**
 * A decision event in words, and the place in the config it names: only what the event carries,
 * put in a sentence ("server `localhost` (by name)", "`$connection_upgrade` = `upgrade` (map)").
 */
import type { DecisionEvent } from './connections.ts'
import { say, sayParts, type TextPart, type TraceLang } from './messages.ts'

/** Where in the config a decision was made, when the event says. */
export interface ConfigPlace {
  file: string
  line: number
}

/** The event's `file` and `line`, or null for events that have none (a connect, a plain variable). */
export function decisionPlace(event: DecisionEvent): ConfigPlace | null {
  if (!('file' in event) || event.file === undefined || event.line === undefined) return null
  return { file: event.file, line: event.line }
}

/** `file` as people name it: relative to the main file's folder when under it. */
export function shortPath(file: string, main: string): string {
  const folder = main.slice(0, main.lastIndexOf('/') + 1)
  return file.startsWith(folder) ? file.slice(folder.length) : file
}

/** The decision as a sentence whose values (names, values, conditions) are code parts. */
export function describeDecision(event: DecisionEvent, lang: TraceLang): TextPart[] {
  switch (event.type) {
    case 'server.selected':
      return sayParts(lang, event.by === 'name' ? 'decision.server.name' : 'decision.server.default', {
        server: event.server === '' ? say(lang, 'noName') : event.server,
        host: event.host,
      })
    case 'location.matched':
      return sayParts(lang, 'decision.location', { location: event.location })
    case 'variable.evaluated': {
      const name = `$${event.name}`
      if (!event.found) return sayParts(lang, 'decision.variable.missing', { name })
      return sayParts(lang, event.file === undefined ? 'decision.variable' : 'decision.variable.map', { name, value: event.value })
    }
    case 'if.evaluated':
      return sayParts(lang, event.result ? 'decision.if.true' : 'decision.if.false', { condition: event.condition })
    case 'upstream.selected':
      return sayParts(lang, 'decision.upstream', { upstream: event.upstream, peer: event.peer, tries: event.tries })
    case 'upstream.connect': {
      const outcome = say(lang, `outcome.${event.outcome}`) + (event.detail ? ` (${event.detail})` : '')
      // The outcome is words, not a value from the config: not code-set.
      return sayParts(lang, 'decision.connect', { peer: event.peer, outcome }).map((part) => (part.text === outcome ? { text: outcome } : part))
    }
    case 'request.rejected':
      return sayParts(lang, 'decision.rejected', { status: event.status, reason: event.reason })
    case 'budget':
      return sayParts(lang, 'decision.budget', { kind: event.kind, detail: event.detail })
  }
}
