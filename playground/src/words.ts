/** The playground's own words, in English and 简体中文 (nginx's lines are never translated). */
import { sayer, type Lang as WordsLang } from '@components/words.ts'

export type Lang = WordsLang

const WORDS = {
  title: { en: 'playground', zh: '练习场' },
  apply: { en: 'Apply', zh: '应用' },
  applyTitle: { en: 'Run this config, as nginx -s reload does (Ctrl+S / ⌘S)', zh: '运行此配置，如同 nginx -s reload（Ctrl+S / ⌘S）' },
  applying: { en: 'Applying…', zh: '正在应用…' },
  notApplied: { en: 'No config is running yet.', zh: '尚未运行任何配置。' },
  applied: { en: 'Running the config applied at {time}. Connect a client to try it.', zh: '正在运行 {time} 应用的配置。连接一个客户端试试。' },
  appliedChanged: { en: 'Running the config applied at {time}; the editor has changed since: Apply to run it.', zh: '正在运行 {time} 应用的配置；此后编辑器有改动：点“应用”以运行。' },
  refused: {
    en: 'nginx refused this config ({first}); {keeps}',
    zh: 'nginx 拒绝了此配置（{first}）；{keeps}',
  },
  keepsOld: { en: 'the config applied at {time} keeps serving, as after a failed nginx -s reload.', zh: '{time} 应用的配置继续服务，与 nginx -s reload 失败时一样。' },
  keepsNothing: { en: 'nothing is running yet.', zh: '目前没有运行任何配置。' },
  connecting: { en: 'Connecting to the lab…', zh: '正在连接实验室…' },
  unreachable: { en: 'The lab cannot be reached. Retrying…', zh: '无法连接实验室，正在重试…' },
  renewed: { en: 'Your lab session had expired; a new one was started and your config applied again. Reconnect the clients.', zh: '你的实验室会话已过期；已新建会话并重新应用了你的配置。请重新连接客户端。' },
  stopped: { en: 'The lab stopped your session ({reason}); a new one was started and your config applied again. Reconnect the clients.', zh: '实验室停止了你的会话（{reason}）；已新建会话并重新应用了你的配置。请重新连接客户端。' },
  lost: { en: 'Events {from}–{to} were lost while the event stream was away.', zh: '事件流中断期间丢失了事件 {from}–{to}。' },
  limit: { en: 'Lab limit: {message}', zh: '实验室限制：{message}' },
  dismiss: { en: 'Dismiss', zh: '关闭' },
  clients: { en: 'Clients', zh: '客户端' },
  addClient: { en: '+ Add {name}', zh: '+ 添加 {name}' },
  addClientNone: { en: 'Every lab client is here', zh: '所有客户端都已添加' },
  removeClient: { en: 'Remove', zh: '移除' },
  panels: { en: 'What the proxy did', zh: '代理做了什么' },
  hops: { en: 'Hops', zh: '转发过程' },
  frames: { en: 'Frames', zh: '帧' },
  logs: { en: 'Logs', zh: '日志' },
  raw: { en: 'Raw request', zh: '原始请求' },
  lab: { en: 'Backends & clock', zh: '后端与时钟' },
  connection: { en: 'Connection', zh: '连接' },
  noConnections: { en: 'No connection yet: connect a client, and every hop of its handshake shows here.', zh: '还没有连接：连接一个客户端，它握手的每一跳都会显示在这里。' },
  clock: { en: 'Session clock', zh: '会话时钟' },
  clockHelp: { en: 'Timers run this much faster than real time (applies the running config again).', zh: '计时器比真实时间快这么多倍（会重新应用正在运行的配置）。' },
  lightMode: { en: '☀︎ Light', zh: '☀︎ 浅色' },
  darkMode: { en: '☾ Dark', zh: '☾ 深色' },
  otherLang: { en: '简体中文', zh: 'English' },
  pointed: { en: 'Upstream addresses pointed at the lab’s chat servers: {n}. Apply to run the config.', zh: '已指向实验室聊天服务器的上游地址：{n} 个。点“应用”运行此配置。' },
  pointedNone: { en: 'Every upstream address already points at the lab’s chat servers (or is made of variables).', zh: '所有上游地址都已指向实验室的聊天服务器（或由变量组成）。' },
  share: { en: 'Share', zh: '分享' },
  shareTitle: { en: 'A link to this config, release, clients and clock (copied to the clipboard)', zh: '指向此配置、版本、客户端和时钟的链接（复制到剪贴板）' },
  shared: { en: 'Link copied: whoever opens it gets this config, release, clients and clock.', zh: '链接已复制：打开它的人会看到同样的配置、版本、客户端和时钟。' },
  sharedNoClipboard: { en: 'The link is in the address bar: copy it from there.', zh: '链接已在地址栏中：请从那里复制。' },
  'link.version': { en: 'This link was made by a newer playground than this one; the canonical config opened instead.', zh: '此链接由更新版本的练习场生成；已改为打开标准配置。' },
  'link.malformed': { en: 'This link could not be read (cut short, or edited); the canonical config opened instead.', zh: '无法读取此链接（被截断或被修改）；已改为打开标准配置。' },
  'link.oversized': { en: 'This link holds more than the lab takes (64 KiB of config); the canonical config opened instead.', zh: '此链接的内容超过实验室的上限（64 KiB 配置）；已改为打开标准配置。' },
} as const

export type Word = keyof typeof WORDS

export const t = sayer(WORDS)
