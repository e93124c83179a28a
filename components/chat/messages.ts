/** A chat client's own words, in English and 简体中文 (what the servers send is shown as sent). */
import { sayer, type Lang } from '../words.ts'

export type ChatLang = Lang

const WORDS = {
  target: { en: 'Connect to', zh: '连接到' },
  'state.idle': { en: 'not connected', zh: '未连接' },
  'state.connecting': { en: 'connecting', zh: '连接中' },
  'state.open': { en: 'open', zh: '已连接' },
  'state.closed': { en: 'closed', zh: '已关闭' },
  targetHelp: { en: 'host:port/path, as in ws://host:port/path', zh: '主机:端口/路径，即 ws://主机:端口/路径' },
  connect: { en: 'Connect', zh: '连接' },
  disconnect: { en: 'Disconnect', zh: '断开' },
  send: { en: 'Send', zh: '发送' },
  message: { en: 'Message', zh: '消息' },
  messagePlaceholder: { en: 'Say something…', zh: '说点什么…' },
  close: { en: 'Close', zh: '关闭' },
  closeTitle: { en: 'Send a close frame with this code (1000, or 3000–4999 from a browser)', zh: '发送带此代码的关闭帧（浏览器只能用 1000 或 3000–4999）' },
  closeCode: { en: 'Close code', zh: '关闭代码' },
  noLab: { en: 'Waiting for the lab…', zh: '正在等待实验室…' },
  connecting: { en: 'Connecting to ws://{target} …', zh: '正在连接 ws://{target} …' },
  opened: { en: 'Connected: the proxy answered 101 Switching Protocols.', zh: '已连接：代理返回 101 Switching Protocols。' },
  refusedBy: {
    en: 'The handshake failed: the proxy answered “{status}” instead of 101. The Hops panel shows why.',
    zh: '握手失败：代理返回“{status}”而不是 101。原因见“转发过程”面板。',
  },
  refused: { en: 'The handshake failed before a 101: see the Hops panel.', zh: '在 101 之前握手失败：见“转发过程”面板。' },
  closed: { en: 'Closed {code}: {meaning}', zh: '已关闭 {code}：{meaning}' },
  welcome: { en: 'joined room “{room}” as {nick}; here: {members}', zh: '以 {nick} 身份加入房间“{room}”；在场：{members}' },
  joined: { en: '{nick} joined', zh: '{nick} 加入了' },
  left: { en: '{nick} left', zh: '{nick} 离开了' },
  servedBy: { en: 'backend {instance}', zh: '后端 {instance}' },
  servedByTitle: { en: 'The sample chat server names its instance in every message', zh: '示例聊天服务器在每条消息中写明自己的实例' },
  you: { en: 'you', zh: '你' },
  empty: { en: 'Not connected yet. Connect, then send a message: the other clients in the room on the same backend see it.', zh: '尚未连接。连接后发送消息：同一后端同一房间的其他客户端会收到。' },
  errorEmpty: { en: 'Write where to connect, e.g. localhost:80/', zh: '请填写连接地址，例如 localhost:80/' },
  errorHost: { en: 'The host may hold letters, digits, dots and dashes only', zh: '主机名只能包含字母、数字、点和短横线' },
  errorPort: { en: 'The port must be a number from 1 to 65535, after a colon', zh: '端口必须是冒号后 1 到 65535 之间的数字' },
  errorPath: { en: 'The path must start with / and hold no spaces', zh: '路径必须以 / 开头且不含空格' },
} as const

export type ChatWord = keyof typeof WORDS

export const chatSay = sayer(WORDS)
