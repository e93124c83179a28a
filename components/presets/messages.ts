/** The presets gallery's own words, in English and 简体中文. */
export type PresetLang = 'en' | 'zh'

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
} as const

export type PresetWord = keyof typeof WORDS

export function presetSay(lang: PresetLang, word: PresetWord): string {
  return WORDS[word][lang]
}
