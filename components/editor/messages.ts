/**
 * The editor's own words, in English and 简体中文 (nginx's lines are never translated).
 */
import { sayer, type Lang } from '../words.ts'

export type EditorLang = Lang

const WORDS = {
  loading: { en: 'Loading the editor…', zh: '正在加载编辑器…' },
  checking: { en: 'Checking…', zh: '正在检查…' },
  ok: { en: 'nginx -t: syntax is ok, test is successful', zh: 'nginx -t：语法正确，测试通过' },
  failed: { en: 'nginx -t: test failed', zh: 'nginx -t：测试失败' },
  cut: {
    en: 'The check took longer than {ms} ms and was stopped; the findings shown are from the last complete check.',
    zh: '检查超过 {ms} 毫秒，已被中止；下面显示的是上一次完整检查的结果。',
  },
  refused: { en: 'The lab cannot check this config: {reason}', zh: '实验室无法检查此配置：{reason}' },
  noFindings: { en: 'No findings.', zh: '没有发现问题。' },
  problems: { en: 'Findings', zh: '检查结果' },
  printedByNginx: { en: 'nginx -t prints this', zh: 'nginx -t 会输出这一条' },
  followsFrom: { en: 'follows from {where}', zh: '由 {where} 引起' },
  version: { en: 'nginx version', zh: 'nginx 版本' },
  readOnly: { en: 'read-only: Debian’s stock file', zh: '只读：Debian 自带的文件' },
  openStock: { en: 'Open a stock file…', zh: '打开自带文件…' },
  format: { en: 'Format', zh: '格式化' },
  formatTitle: { en: 'Re-indent this file, one directive per line (as upgrade-lab fmt; Format Document in the context menu)', zh: '重新缩进本文件，每行一条指令（同 upgrade-lab fmt；右键菜单中的“格式化文档”）' },
  labLevel: { en: 'lab', zh: '实验室' },
  adviceLevel: { en: 'advice', zh: '建议' },
  hide: { en: 'hide', zh: '隐藏' },
  silence: { en: 'Hide every {code} finding (as check --ignore {code})', zh: '隐藏所有 {code}（同 check --ignore {code}）' },
  hiddenCodes: { en: 'Hidden: {codes}.', zh: '已隐藏：{codes}。' },
  showAll: { en: 'show all', zh: '全部显示' },
  failedToLoad: { en: 'The editor could not load: {reason}', zh: '编辑器加载失败：{reason}' },
} as const

export type WordKey = keyof typeof WORDS

export const say = sayer(WORDS)
