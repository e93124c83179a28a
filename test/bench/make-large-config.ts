/**
 * Writes the benchmark's 2,000-line config (test/fixtures/check/ok-large-2000-lines): servers,
 * locations, maps and upstreams in the shapes of the seed articles. Deterministic, so the
 * committed file can be regenerated identically:
 *   node --import ./server/bin/register.mjs test/bench/make-large-config.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const TARGET_LINES = 2000

function build(): string {
  const out: string[] = [
    '# ok: a 2,000-line config in the shapes of the seed configs, for `npm run bench` (made by test/bench/make-large-config.ts)',
    'worker_processes 1;',
    'events {',
    '    worker_connections 1024;',
    '}',
    'http {',
    '    log_format main \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$upstream_addr"\';',
    '    map $http_upgrade $connection_upgrade {',
    '        default upgrade;',
    "        ''      close;",
    '    }',
  ]
  let i = 0
  // Each group is one seed-shaped unit: a map, an upstream and a server with ws and plain locations.
  while (out.length < TARGET_LINES - 60) {
    const port = 9000 + i
    out.push(
      `    map $http_x_tier $tier_${i} {`,
      '        default     standard;',
      '        ~^gold      gold;',
      '        ~*^silver   silver;',
      '        bronze      bronze;',
      '    }',
      `    upstream chat_${i} {`,
      '        least_conn;',
      `        server 127.0.0.1:${8010 + (i % 3)} weight=2 max_fails=3 fail_timeout=10s;`,
      `        server 127.0.0.1:${8011 + (i % 3)} backup;`,
      '        keepalive 16;',
      '    }',
      '    server {',
      `        listen ${port};`,
      `        server_name app${i}.lab.test *.app${i}.lab.test;`,
      `        access_log logs/app${i}.access.log main;`,
      '        location / {',
      '            root html;',
      '            index index.html;',
      '        }',
      '        location /ws/ {',
      `            proxy_pass http://chat_${i}/;`,
      '            proxy_http_version 1.1;',
      '            proxy_set_header Upgrade $http_upgrade;',
      '            proxy_set_header Connection $connection_upgrade;',
      '            proxy_set_header Host $host;',
      '            proxy_set_header X-Real-IP $remote_addr;',
      '            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      '            proxy_set_header X-Forwarded-Proto $scheme;',
      `            proxy_set_header X-Tier $tier_${i};`,
      '            proxy_read_timeout 300s;',
      '            proxy_send_timeout 300s;',
      '        }',
      `        location = /health { return 200 "ok\\n"; }`,
      '        location ~* \\.(png|css|js)$ {',
      '            expires 1h;',
      '            add_header X-Static yes always;',
      '        }',
      '        error_page 502 504 /50x.html;',
      '    }',
    )
    i++
  }
  while (out.length < TARGET_LINES - 1) out.push('    # padding to exactly 2,000 lines')
  out.push('}')
  return out.join('\n') + '\n'
}

const dir = join(import.meta.dirname, '../fixtures/check/ok-large-2000-lines')
mkdirSync(join(dir, 'logs'), { recursive: true })
writeFileSync(join(dir, 'logs/.keep'), '')
writeFileSync(join(dir, 'nginx.conf'), build())
