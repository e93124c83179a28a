/** nginx's default head limits, from the directive table (no copy of them here). */
import { defaultValue } from '../../../server/nginx/directives/defaults.ts'
import { parseNginxVersion } from '../../../server/nginx/nginx-version.ts'
import type { HeadLimits } from '../../../server/proxy/request-head.ts'

const version = parseNginxVersion('1.22.1')!

export const DEFAULT_HEAD_LIMITS: HeadLimits = {
  clientBufferSize: defaultValue('client_header_buffer_size', version),
  largeBufferSize: defaultValue('large_client_header_buffers', version).size,
  largeBuffers: defaultValue('large_client_header_buffers', version).num,
  underscoresInHeaders: defaultValue('underscores_in_headers', version),
  ignoreInvalidHeaders: defaultValue('ignore_invalid_headers', version),
}
