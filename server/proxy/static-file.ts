/**
 * Answers where no proxy_pass applies: files under `root` (ngx_http_static_module and
 * ngx_http_index_module), with nginx's 404/403 and their error_log lines.
 */
import type { HttpConnection } from './http-connection.ts'
import type { ActiveRequest } from './request-state.ts'
import { httpDate } from './response-head.ts'
import { absoluteLocation, sendError, sendSimple } from './responses.ts'

export function serveStatic(connection: HttpConnection, request: ActiveRequest): void {
  const { prefix, files } = connection.runtime.options
  const settings = request.settings
  request.state.settings = settings
  const root = settings.root.startsWith('/') ? settings.root : prefix + settings.root
  const uri = request.state.head.normalizedPath
  if (uri.endsWith('/')) {
    for (const index of settings.index) {
      const candidate = root + uri + index
      const file = files.read(candidate)
      if (file.ok) return sendFile(connection, request, candidate, file.data, file.mtimeMs)
    }
    const dir = files.read(root + uri)
    if (!dir.ok && dir.directory) {
      connection.logErrorFor(request, 'error', `directory index of "${root + uri}" is forbidden`, null)
      return sendError(connection, request, 403)
    }
    connection.logErrorFor(request, 'error', `"${root + uri + settings.index[0]}" is not found (2: No such file or directory)`, null)
    return sendError(connection, request, 404)
  }
  const path = root + uri
  const file = files.read(path)
  if (!file.ok) {
    if (file.directory) {
      const location = absoluteLocation(connection, request.state, uri + '/')
      return sendError(connection, request, 301, location)
    }
    connection.logErrorFor(request, 'error', `open() "${path}" failed (${file.errno}: ${file.text})`, null)
    return sendError(connection, request, file.errno === 13 ? 403 : 404)
  }
  sendFile(connection, request, path, file.data, file.mtimeMs)
}

function sendFile(connection: HttpConnection, request: ActiveRequest, path: string, data: Buffer, mtimeMs: number): void {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? ''
  const types = request.settings.types
  const contentType = types.get(extension) ?? request.settings.defaultType
  const etag = `"${Math.floor(mtimeMs / 1000).toString(16)}-${data.length.toString(16)}"`
  const status = request.statusOverride ?? 200
  // Last-Modified and ranges belong to a 200; an error page served from a file has neither.
  if (status !== 200) return sendSimple(connection, request, status, contentType, data, [['ETag', etag]])
  sendSimple(connection, request, 200, contentType, data, [['ETag', etag], ['Accept-Ranges', 'bytes']], httpDate(mtimeMs))
}
