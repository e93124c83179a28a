/**
 * nginx's status lines and built-in error pages (ngx_http_header_filter_module.c,
 * ngx_http_special_response.c), byte for byte.
 */

const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols',
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Not Allowed', 406: 'Not Acceptable', 408: 'Request Time-out', 409: 'Conflict', 410: 'Gone',
  411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Large', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out', 505: 'HTTP Version Not Supported',
  507: 'Insufficient Storage',
}

/** nginx's own status line text, e.g. `502 Bad Gateway`; an unknown code is the number and a space. */
export function statusText(status: number): string {
  const reason = REASONS[status]
  return reason ? `${status} ${reason}` : `${status} `
}

/** Where a built-in page's title differs from the status line (ngx_http_error_302_page…). */
const PAGE_TITLES: Record<number, string> = { 302: '302 Found', 401: '401 Authorization Required' }

/** nginx's special 4xx codes that answer as 400 with their own page (494…497). */
const SPECIAL_400: Record<number, string> = {
  494: 'Request Header Or Cookie Too Large',
  495: 'The SSL certificate error',
  496: 'No required SSL certificate was sent',
  497: 'The plain HTTP request was sent to HTTPS port',
}

const CRLF = '\r\n'
const MSIE_PADDING = '<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n'.repeat(6)

/** The status a special code is sent with (494–497 go out as 400). */
export function wireStatus(status: number): number {
  return status in SPECIAL_400 ? 400 : status
}

/** Whether nginx has a built-in page for the status (others get an empty body). */
export function hasErrorPage(status: number): boolean {
  return status >= 301 && (status in REASONS || status in SPECIAL_400) && status !== 304
}

/**
 * The HTML nginx sends for an error status. `serverTokens` off hides the version;
 * browsers whose User-Agent says MSIE or Chrome get the padding nginx adds for them.
 */
export function errorPage(status: number, nginxVersion: string, options: { padding?: boolean; serverTokens?: boolean } = {}): string {
  const special = SPECIAL_400[status]
  const head = special
    ? `<html>${CRLF}<head><title>400 ${special}</title></head>${CRLF}<body>${CRLF}<center><h1>400 Bad Request</h1></center>${CRLF}<center>${special}</center>${CRLF}`
    : `<html>${CRLF}<head><title>${PAGE_TITLES[status] ?? statusText(status)}</title></head>${CRLF}<body>${CRLF}<center><h1>${PAGE_TITLES[status] ?? statusText(status)}</h1></center>${CRLF}`
  const tail = `<hr><center>${options.serverTokens === false ? 'nginx' : `nginx/${nginxVersion}`}</center>${CRLF}</body>${CRLF}</html>${CRLF}`
  return head + tail + (options.padding && status >= 400 ? MSIE_PADDING : '')
}

/** ngx_http_parse.c's browser detection, for the error-page padding. */
export function wantsPadding(userAgent: string | undefined): boolean {
  if (!userAgent) return false
  return (userAgent.includes('MSIE ') && !userAgent.includes('Opera')) || userAgent.includes('Chrome/')
}
