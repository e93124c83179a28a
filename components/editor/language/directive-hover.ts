/**
 * A directive's hover, from its entry in the table: summary, syntax, the default of the selected
 * version, contexts, module, what the lab does with it, links, and the value in effect where it
 * stands. An unknown name gets what nginx would say and the nearest known names.
 */
import type { ContextName, DirectiveSpec } from '../../../server/nginx/directive-spec.ts'
import { DEFAULTS, defaultText } from '../../../server/nginx/directives/defaults.ts'
import { directiveTable } from '../../../server/nginx/directives/index.ts'
import { MODELLED_VERSIONS, parseNginxVersion } from '../../../server/nginx/nginx-version.ts'
import type { DirectiveNode } from '../../../server/nginx/parser.ts'
import { placementOf, type Analysis } from './analysis.ts'
import { headersInEffect, settingInEffect, type HeaderInEffect } from './effective-value.ts'
import { code, codeBlock, lessonUrl, link } from './markdown.ts'
import { nearestNames } from './nearest.ts'
import { specIn } from './syntax-tree.ts'
import type { Lang } from './types.ts'
import { say, where } from './wording.ts'

function labState(spec: DirectiveSpec, lang: Lang): string {
  const lab = spec.lab
  if (lab.state === 'modelled') return say(lang, 'modelled: the lab runs it as nginx does.', '已建模：实验室按 nginx 的方式运行它。')
  const label = lab.state === 'inert' ? say(lang, 'inert', '无可见影响') : say(lang, 'not modelled', '未建模')
  return `${label}: ${lab.why[lang]}`
}

function headerLine(h: HeaderInEffect, file: string, lang: Lang): string {
  const value = h.value.startsWith('$proxy_internal_') ? say(lang, '(from the request body)', '（由请求体决定）') : code(h.value)
  const origin =
    h.from === 'nginx' ? say(lang, "nginx's own", 'nginx 自带') : h.from === 'outer' ? say(lang, `inherited, ${where(h.at, file, lang)}`, `继承自外层，${where(h.at, file, lang)}`) : where(h.at, file, lang)
  return `- ${code(h.name)}: ${value} — ${origin}`
}

/** What `proxy_set_header` (and `proxy_pass`) send from this block. */
function headersSection(analysis: Analysis, node: DirectiveNode, file: string, lang: Lang): string[] {
  const placement = placementOf(analysis, node)
  if (!placement) return []
  const headers = headersInEffect(analysis, placement.level)
  const lines = [`**${say(lang, 'Headers sent upstream from this block', '此块发往上游的请求头')}**`, '', ...headers.sent.map((h) => headerLine(h, file, lang))]
  if (headers.cleared.length > 0) {
    lines.push('', `${say(lang, 'Not passed from the client', '不会转发客户端的')}: ${headers.cleared.map(code).join(', ')}`)
  }
  if (headers.dropped.length > 0) {
    lines.push(
      '',
      `**${say(lang, 'Dropped here', '此处丢弃')}** — ${say(lang, 'this block sets its own, so none of the outer ones apply', '此块有自己的 proxy_set_header，外层的全部不再生效')}:`,
      '',
      ...headers.dropped.map((h) => headerLine(h, file, lang)),
    )
  }
  return lines
}

function settingSection(analysis: Analysis, node: DirectiveNode, file: string, lang: Lang): string[] {
  const placement = placementOf(analysis, node)
  if (!placement) return []
  const effect = settingInEffect(analysis, node.name, placement.level)
  if (!effect || effect.from === 'default') return []
  const lines = [`**${say(lang, 'In effect here', '此处生效')}**: ${code(effect.text)} (${where(effect.at, file, lang)})`]
  if (effect.replaces) {
    const replaced = effect.replaces.at ? where(effect.replaces.at, file, lang) : say(lang, 'the default', '默认值')
    lines.push(`${say(lang, 'Replaces', '取代')} ${code(effect.replaces.text)} (${replaced})`)
  }
  return lines
}

function valueInEffect(analysis: Analysis, node: DirectiveNode, file: string, lang: Lang): string[] {
  if (node.name === 'proxy_set_header' || node.name === 'proxy_pass') return headersSection(analysis, node, file, lang)
  return Object.hasOwn(DEFAULTS, node.name) ? settingSection(analysis, node, file, lang) : []
}

export function directiveHover(analysis: Analysis, node: DirectiveNode, context: ContextName | null, file: string, lang: Lang): string {
  const spec = specIn(analysis.table, node.name, context) ?? analysis.table.get(node.name)?.[0]
  if (!spec) return unknownDirective(analysis, node.name, context, lang)
  const version = analysis.version.name
  const fallback = defaultText(spec.name, analysis.version)
  const parts: string[] = [`**${code(spec.name)}**`]
  if (spec.doc) parts.push(spec.doc.summary[lang], codeBlock(spec.doc.syntax))
  parts.push(
    [
      `**${say(lang, 'Default', '默认值')}** (nginx ${version}): ${fallback === null ? say(lang, 'none', '无') : code(fallback)}`,
      `**${say(lang, 'Context', '上下文')}**: ${spec.contexts.map(code).join(', ')}`,
      `**${say(lang, 'Module', '模块')}**: ${code(spec.module)}`,
      `**Upgrade Lab**: ${labState(spec, lang)}`,
    ].join('  \n'),
  )
  const effect = valueInEffect(analysis, node, file, lang)
  if (effect.length > 0) parts.push(effect.join('\n'))
  const links: string[] = []
  if (spec.doc) links.push(link(say(lang, 'nginx documentation', 'nginx 文档'), spec.doc.url))
  if (spec.doc?.lesson) links.push(link(`${say(lang, 'Lesson', '课程')}: ${spec.doc.lesson.replace(/-/g, ' ')}`, lessonUrl(spec.doc.lesson, lang)))
  if (links.length > 0) parts.push(links.join(' · '))
  return parts.join('\n\n')
}

/** The other modelled versions whose table knows `name`. */
function otherVersionsKnowing(analysis: Analysis, name: string): string[] {
  return MODELLED_VERSIONS.filter((v) => v !== analysis.version.name).filter((v) => {
    const version = parseNginxVersion(v)
    return version !== null && directiveTable(version).has(name)
  })
}

function unknownDirective(analysis: Analysis, name: string, context: ContextName | null, lang: Lang): string {
  const version = analysis.version.name
  const parts = [
    `**${code(name)}** — ${say(lang, `nginx ${version} knows no such directive`, `nginx ${version} 没有这条指令`)}: ${code(`unknown directive "${name}"`)}`,
  ]
  const others = otherVersionsKnowing(analysis, name)
  if (others.length > 0) parts.push(say(lang, `Known to nginx ${others.join(', ')}.`, `nginx ${others.join('、')} 有这条指令。`))
  const allowed = [...analysis.table.keys()].filter((candidate) => specIn(analysis.table, candidate, context))
  const nearest = nearestNames(name, allowed)
  if (nearest.length > 0) parts.push(`${say(lang, 'Did you mean', '你是不是想写')} ${nearest.map(code).join(', ')}?`)
  return parts.join('\n\n')
}
