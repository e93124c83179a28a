/**
 * proxy_redirect (ngx_http_proxy_rewrite_redirect): what the client sees of the upstream's
 * Location and Refresh headers.
 */
import { toJsRegExp } from '../nginx/regex.ts'
import type { ConfigRegex } from '../nginx/regex-match.ts'
import type { ActiveRequest } from './request-state.ts'
import { evaluate } from './request-vars.ts'
import { capturesOf } from './router.ts'

const redirectRegexes = new WeakMap<object, ConfigRegex>()

/** A `proxy_redirect ~…` pattern, compiled once per rule (the rule lives as long as its config). */
function redirectRegex(rule: { from: string }): ConfigRegex {
  let regex = redirectRegexes.get(rule)
  if (!regex) {
    const caseless = rule.from.startsWith('~*')
    regex = toJsRegExp(rule.from.slice(caseless ? 2 : 1), caseless)
    redirectRegexes.set(rule, regex)
  }
  return regex
}

/**
 * proxy_redirect: `default` replaces the proxy_pass URL (with its URI part) by the location's
 * name, or `URL/` by `/`; explicit pairs replace a prefix, or the whole value when their regex
 * matches; `off` keeps all.
 */
export function rewriteRedirect(value: string, request: ActiveRequest): string {
  const rules = request.settings.proxyRedirect
  const pass = request.settings.proxyPass
  if (rules === false || !pass) return value
  for (const rule of rules ?? [{ from: 'default', to: null }]) {
    if (rule.from === 'default') {
      if (pass.dynamic) continue
      const [pattern, replacement] = pass.uri ? [pass.url, request.location?.name ?? '/'] : [pass.url + '/', '/']
      if (value.startsWith(pattern)) return replacement + value.slice(pattern.length)
      continue
    }
    if (rule.from.startsWith('~')) {
      const m = redirectRegex(rule).exec(value)
      if (!m) continue
      // ngx_http_proxy_rewrite_regex_handler: the replacement takes the place of the whole value.
      const captures: Record<string, string> = Object.assign(Object.create(null), request.state.captures, capturesOf(m))
      return evaluate(rule.to ?? '', { ...request.state, captures })
    }
    const from = evaluate(rule.from, request.state)
    if (value.startsWith(from)) return evaluate(rule.to ?? '', request.state) + value.slice(from.length)
  }
  return value
}
