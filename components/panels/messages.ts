/** The lab panels' own words (backends, clock, logs), in English and 简体中文. nginx's log lines are never translated. */
import { sayer, type Lang } from '../words.ts'

export type PanelLang = Lang

const WORDS = {
  backends: { en: 'Backends', zh: '后端' },
  backendsHelp: { en: 'The sample chat servers the config can proxy to', zh: '配置可以代理到的示例聊天服务器' },
  running: { en: 'running', zh: '运行中' },
  stopped: { en: 'stopped', zh: '已停止' },
  runningTitle: { en: 'Stop it: its connections are cut without a close frame, new ones are refused', zh: '停止它：其连接被直接切断（无关闭帧），新连接被拒绝' },
  latency: { en: 'latency (ms)', zh: '延迟（毫秒）' },
  latencyTitle: { en: 'Milliseconds before each answer and message it sends (0–10000)', zh: '它每次应答和发送消息前等待的毫秒数（0–10000）' },
  pings: { en: 'answers pings', zh: '应答 ping' },
  pingsTitle: { en: 'Off: it stops answering pings, as a hung backend would', zh: '关闭：它不再应答 ping，就像卡住的后端' },
  strict: { en: 'strict', zh: '严格' },
  strictTitle: { en: 'On: upgrades below HTTP/1.1 get a 400 (RFC 6455). Off: accepted, like a bare Node ws server', zh: '开启：低于 HTTP/1.1 的升级返回 400（RFC 6455）。关闭：接受，就像裸的 Node ws 服务器' },
  websockets: { en: '{n} open', zh: '{n} 个连接' },
  clock: { en: 'Clock', zh: '时钟' },
  clockTitle: { en: 'How much faster than real time the session’s timers run: at 20×, proxy_read_timeout 60s fires after 3 s', zh: '会话计时器比真实时间快多少：20× 时，proxy_read_timeout 60s 在 3 秒后触发' },
  accessLog: { en: 'access_log', zh: 'access_log' },
  errorLog: { en: 'error_log', zh: 'error_log' },
  noLines: { en: 'No lines yet.', zh: '暂无日志。' },
  linesDropped: { en: '{n} older lines not shown', zh: '另有 {n} 行较早的日志未显示' },
} as const

export type PanelWord = keyof typeof WORDS

export const panelSay = sayer(WORDS)
