/** Every runtime scenario, in a fixed order; names are unique. */
import type { Scenario } from '../../support/runtime-harness.ts'
import { chunkedScenarios } from './chunked.ts'
import { clientScenarios } from './clients.ts'
import { headBufferScenarios } from './head-buffers.ts'
import { headerScenarios } from './headers.ts'
import { ifScenarios } from './if.ts'
import { limitScenarios } from './limits.ts'
import { locationScenarios } from './locations.ts'
import { logScenarios } from './logs.ts'
import { mapScenarios } from './maps.ts'
import { responseScenarios } from './responses.ts'
import { timeoutScenarios } from './timeouts.ts'
import { upstreamScenarios } from './upstreams.ts'
import { variableScenarios } from './variables.ts'
import { websocketScenarios } from './websocket.ts'
import { wsHintScenarios } from './ws-hints.ts'

export const scenarios: Scenario[] = [
  ...websocketScenarios,
  ...headerScenarios,
  ...responseScenarios,
  ...clientScenarios,
  ...timeoutScenarios,
  ...upstreamScenarios,
  ...locationScenarios,
  ...mapScenarios,
  ...logScenarios,
  ...limitScenarios,
  ...ifScenarios,
  ...headBufferScenarios,
  ...variableScenarios,
  ...chunkedScenarios,
  ...wsHintScenarios,
]

const seen = new Set<string>()
for (const s of scenarios) {
  if (seen.has(s.name)) throw new Error(`duplicate scenario name ${s.name}`)
  seen.add(s.name)
}

export function scenarioByName(name: string): Scenario | undefined {
  return scenarios.find((s) => s.name === name)
}
