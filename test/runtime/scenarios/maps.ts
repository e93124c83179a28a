/**
 * map (docs/nginx-behaviour.md §6): exact keys, ~ and ~* regexes with positional and named captures,
 * hostnames, default, the empty key, and a map without default.
 */
import { conf, oneLocation, type Scenario, type StepContext } from './common.ts'

/** GETs of `/` with one header value each (null: no header), on one connection. */
async function getWith(ctx: StepContext, header: string, values: (string | null)[], path = '/'): Promise<void> {
  const c = await ctx.connect()
  for (const v of values) await c.get(path, v === null ? [] : [[header, v]])
}

export const mapScenarios: Scenario[] = [
  {
    name: 'map-regex-case',
    about: '~ is case-sensitive, ~* is not, plain string keys match case-insensitively, default otherwise',
    config: oneLocation('return 200 "kind=$client_kind\\n";', {
      before: `map $http_x_client $client_kind {
    default   other;
    ~^mobile- mobile;
    ~*^desktop desktop;
    tablet    tablet;
    Exact     exact;
}`,
    }),
    async steps(ctx) {
      await getWith(ctx, 'X-Client', ['mobile-ios', 'Mobile-ios', 'DESKTOP-mac', 'TABLET', 'tablet', 'exact', 'EXACT', 'watch', null])
    },
  },
  {
    name: 'map-named-captures',
    about: 'regex keys with named and positional captures used in the value; a miss falls to the default',
    config: oneLocation('return 200 "room=$room\\n";', {
      before: `map $uri $room {
    default                        none;
    ~^/chat/(?<r>[a-z0-9]+)$       room-$r;
    ~^/u/(\\d+)/(\\w+)$             user-$1-$2;
}`,
    }),
    async steps(ctx) {
      const c = await ctx.connect()
      for (const p of ['/chat/r1', '/chat/R1', '/u/42/profile', '/u/x/y']) await c.get(p)
    },
  },
  {
    name: 'map-hostnames',
    about: 'a hostnames map on $host: exact, *.suffix, .domain (itself and subdomains), prefix.*, case folded',
    config: oneLocation('return 200 "site=$site\\n";', {
      before: `map $host $site {
    hostnames;
    default        default;
    example.com    example.com;
    *.example.com  wildcard-com;
    .example.org   dot-org;
    www.example.*  www-star;
}`,
    }),
    async steps(ctx) {
      for (const host of ['example.com', 'a.b.example.com', 'example.org', 'x.example.org', 'www.example.net', 'EXAMPLE.COM', 'other.test']) {
        const c = await ctx.connect()
        c.request('GET', '/', { headers: [['Host', host]] })
        await c.response()
      }
    },
  },
  {
    name: 'map-no-default',
    about: 'a map without default gives "" on a miss: the header is not sent, "[$tier]" is sent as []',
    config: oneLocation(
      `proxy_pass http://127.0.0.1:{{UP1}};
        proxy_set_header X-Tier $tier;
        proxy_set_header X-Tier-Quoted "[$tier]";`,
      {
        before: `map $http_x_plan $tier {
    gold  g;
    ~^sil s;
}`,
      },
    ),
    upstreams: [{ name: 'UP1' }],
    async steps(ctx) {
      await getWith(ctx, 'X-Plan', ['gold', 'silver', 'bronze', null])
    },
  },
  {
    name: 'map-default-and-empty-key',
    about: "the '' key matches a missing or empty value; default catches the rest; a variable in a value",
    config: oneLocation('return 200 "mode=$mode\\n";', {
      before: `map $http_x_mode $mode {
    default  other-$http_x_mode;
    ''       empty-key;
    fast     f;
}`,
    }),
    async steps(ctx) {
      await getWith(ctx, 'X-Mode', [null, '', 'fast', 'slow'])
    },
  },
  {
    name: 'map-chained',
    about: 'a map whose source is another map’s output',
    config: conf(`map $http_upgrade $is_ws {
    default 1;
    ''      0;
}
map $is_ws $route {
    1 tunnel;
    0 plain;
}
server {
    listen 127.0.0.1:{{PORT}};
    server_name localhost;
    location / {
        return 200 "route=$route\\n";
    }
}`),
    async steps(ctx) {
      await getWith(ctx, 'Upgrade', [null, 'websocket'])
    },
  },
]
