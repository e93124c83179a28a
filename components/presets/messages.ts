/** The presets gallery's own words, in English and 简体中文. */
import { sayer, type Lang } from '../words.ts'

export type PresetLang = Lang

const WORDS = {
  presets: { en: 'Presets', zh: '预设' },
  presetsTitle: { en: 'Configs to try: the canonical one, the common problems, and the seed articles’ configs', zh: '可以试的配置：标准配置、常见问题，以及原始文章中的配置' },
  'kind.recipe': { en: 'The recipe', zh: '配方' },
  'kind.problem': { en: 'Common problems', zh: '常见问题' },
  'kind.seed': { en: 'From the articles', zh: '来自文章' },
  lookFor: { en: 'What to look for', zh: '看点' },
  seen: { en: '✓ Seen: it happened, as the trace shows.', zh: '✓ 已看到：跟踪记录显示它发生了。' },
  notYet: { en: 'Not seen yet.', zh: '尚未看到。' },
  close: { en: 'Close', zh: '关闭' },
  point: { en: 'Point it at the lab’s backends', zh: '指向实验室的后端' },
  pointTitle: { en: 'Replace the config’s upstream addresses (which answer like closed ports here) with the sample chat servers A, B, C; then Apply', zh: '把配置中的上游地址（在这里就像关闭的端口）换成示例聊天服务器 A、B、C；然后点“应用”' },
} as const

export type PresetWord = keyof typeof WORDS

export const presetSay = sayer(WORDS)
