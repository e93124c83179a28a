/**
 * Large configs for the benchmarks, in the shapes of the seed articles: the committed
 * 2,000-line one (test/fixtures/check/ok-large-2000-lines, written by make-large-config.ts) and
 * the editor benchmark's 500-line one. Deterministic.
 */
export const TARGET_LINES = 2000

/** A config of exactly `lines` lines (at least about 100) in the seed configs' shapes. */
export function largeConfig(lines = TARGET_LINES): string {
  const out: string[] = [
    `# ok: a ${lines.toLocaleString('en')}-line config in the shapes of the seed configs, for \`npm run bench\` (made by test/bench/make-large-config.ts)`,
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
  while (out.length < lines - 60) {
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
  while (out.length < lines - 1) out.push(`    # padding to exactly ${lines.toLocaleString('en')} lines`)
  out.push('}')
  return out.join('\n') + '\n'
}

