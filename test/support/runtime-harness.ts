/**
 * The differential runtime harness: runs a situation through real nginx and through
 * `upgrade-lab serve`, and compares what the client, the upstream and the logs observed.
 *
 *   ports        free loopback ports, never handed out twice in a run
 *   processes    startNginx / startUpgradeLab (own process group, bounded start and stop)
 *   upstream     the recording upstream (raw TCP + real `ws`), answering by script
 *   client       the raw client (exact bytes, raw heads, frames, close times)
 *   frames       WebSocket frames built and parsed by hand
 *   normalize    what legitimately differs between runs (ports, dates, pids, times, prefix)
 *   observation  the Observation type, its text rendering, compare() and the line diff
 *   scenario     the Scenario type and runScenario()
 */
export { freePort, freePorts } from './runtime/ports.ts'
export {
  holdConnects,
  listenPortsOf,
  listeningPorts,
  preparePrefix,
  startNginx,
  startUpgradeLab,
  waitForListen,
  withTempPaths,
  UPGRADE_LAB_BIN,
  type ConnectHolder,
  type RunningProcess,
} from './runtime/processes.ts'
export {
  plain200,
  RecordingUpstream,
  type AnswerInfo,
  type HttpAnswer,
  type UpstreamAnswer,
  type UpstreamRequest,
  type UpstreamSpec,
  type WsBehaviour,
  type WsControl,
} from './runtime/upstream.ts'
export { RawClient, type HandshakeOptions, type HeaderList, type RequestOptions, type ResponseMessage } from './runtime/client.ts'
export { closePayload, describeFrame, encodeFrame, FIXED_WS_KEY, parseFrame, type FrameSpec, type ParsedFrame } from './runtime/frames.ts'
export { normalizeAccessLine, normalizeErrorLine, normalizeObservation, normalizeText, type NormalizeContext } from './runtime/normalize.ts'
export {
  ALL_SECTIONS,
  compare,
  diffLines,
  renderObservation,
  renderSection,
  roundHalf,
  type ClientEvent,
  type Comparison,
  type Observation,
  type Section,
  type Target,
  type UpstreamEvent,
  type UpstreamRecord,
} from './runtime/observation.ts'
export { FIXED_MTIME, fillTemplate, runScenario, sectionsOf, tokensOf, type RunOptions, type Scenario, type StepContext } from './runtime/scenario.ts'
